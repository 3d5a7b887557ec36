import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Config, Engine, Instance, Module, Store } from '../src/index.js';

const src = fileURLToPath(new URL('../src', import.meta.url));

// one function of 4,000 top-level statements: about 200,000 characters of JS, over codegen's SPLIT_CHARS (40,000)
const N = 4000;
const WAT = `(module (func (export "f") (param i32) (result i32)
  ${Array.from({ length: N }, (_, k) => `(local.set 0 (i32.add (local.get 0) (i32.const ${k})))`).join('\n  ')}
  (local.get 0)))`;
const EXPECTED = (N * (N - 1)) / 2 + 5;

function run(split: boolean | 'auto'): { pieces: boolean; result: number } {
  const engine = new Engine(new Config({ backend: 'js', splitLargeFunctions: split }));
  const m = new Module(engine, WAT);
  const f = new Instance(new Store(engine, null), m, []).getTypedFunc<[number], number>('f');
  return { pieces: m.compiled.source.includes('f0$s1'), result: f.call(5) };
}

describe('Config.splitLargeFunctions', () => {
  it('on: the JS backend cuts a large body into pieces; off: one function; the same result', () => {
    expect(run(true)).toEqual({ pieces: true, result: EXPECTED });
    expect(run(false)).toEqual({ pieces: false, result: EXPECTED });
  });

  it("'auto' splits where the host has WebAssembly (a JIT) and not under node --jitless", () => {
    expect(run('auto')).toEqual({ pieces: true, result: EXPECTED });
    // the text is too long for a command line: the child reads it from a file
    const dir = mkdtempSync(join(tmpdir(), 'wasmts-split-'));
    const file = join(dir, 'large.wat');
    writeFileSync(file, WAT);
    const script = `
      const { readFileSync } = await import('node:fs');
      const { Config, Engine, Instance, Module, Store } = await import(${JSON.stringify(join(src, 'index.ts'))});
      const engine = new Engine(new Config({ backend: 'js' }));
      const m = new Module(engine, readFileSync(${JSON.stringify(file)}, 'utf8'));
      const f = new Instance(new Store(engine, null), m, []).getTypedFunc('f');
      console.log(typeof WebAssembly, m.compiled.source.includes('f0$s1'), f.call(5));
    `;
    const out = execFileSync(
      process.execPath,
      ['--jitless', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(out.trim()).toBe(`undefined false ${EXPECTED}`);
  });
});
