import { describe, expect, it } from 'vitest';
import { Engine, Module, type ModulePhase } from '../src/index.js';
import { testConfig } from './backend.js';

// 300 functions of different sizes: validation reports bytes, translation (serialize on the JS backend) functions
const funcs = Array.from(
  { length: 300 },
  (_, i) => `(func (export "f${i}") (result i32) ${'(i32.const 1) (drop) '.repeat(i % 7)}(i32.const ${i}))`,
);
const TEXT = `(module ${funcs.join('\n')})`;

describe('ModuleOptions.onProgress', () => {
  it('reports each phase rising to done === total', () => {
    const seen: [ModulePhase, number, number][] = [];
    const module = new Module(new Engine(testConfig()), TEXT, { onProgress: (p, d, t) => seen.push([p, d, t]) });
    const validate = seen.filter(([p]) => p === 'validate');
    const total = validate[0][2];
    expect(total).toBe(module.module.bodies[299].range.end - module.module.bodies[0].range.start);
    // the host engine validated the bodies (wasm backend): one report, done
    if (module.module.pendingBodies !== undefined) expect(validate).toEqual([['validate', total, total]]);
    else {
      expect(validate.length).toBeGreaterThan(10);
      expect(validate.length).toBeLessThanOrEqual(102);
    }
    expect(validate.every(([, d, t], i) => t === total && d <= t && (i === 0 || d >= validate[i - 1][1]))).toBe(true);
    expect(validate.at(-1)).toEqual(['validate', total, total]);
    if (module.backend === 'wasm')
      expect(seen.filter(([p]) => p === 'instrument')).toEqual([
        ['instrument', 0, 1],
        ['instrument', 1, 1],
      ]);
    seen.length = 0;
    module.serialize();
    if (module.backend === 'js') {
      expect(seen.length).toBeGreaterThan(10);
      expect(seen.every(([p, d, t]) => p === 'translate' && t === 300 && d <= 300)).toBe(true);
      expect(seen.at(-1)).toEqual(['translate', 300, 300]);
    } else expect(seen).toEqual([]);
  });
});
