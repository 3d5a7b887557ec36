// The JS backend's form of byte loads follows the host (codegen's `CompileOptions.byteLoads`): the DataView
// getter where the host has its own WebAssembly (taken as the sign of a JIT, which inlines it), the memory's
// Uint8Array in an interpreter (node --jitless here; JavaScriptCore without JIT in tools/hosts).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Config, Engine, Instance, Module, Store } from '../src/index.js';

const src = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const WAT = `(module (memory 1) (data (i32.const 7) "\\fe")
  (func (export "f") (param i32) (result i32) (i32.add (i32.load8_u (local.get 0)) (i32.load8_s (local.get 0)))))`;

describe('byte loads', () => {
  it('call the DataView on a host with WebAssembly, index the Uint8Array under node --jitless; same results', () => {
    const engine = new Engine(new Config({ backend: 'js' }));
    const m = new Module(engine, WAT);
    const f = new Instance(new Store(engine, null), m, []).getTypedFunc<[number], number>('f');
    expect([m.compiled.source.includes('U0'), m.compiled.source.includes('D0.getInt8('), f.call(7)]).toEqual([
      false,
      true,
      0xfe - 2,
    ]);
    expect(() => f.call(65536)).toThrow(/out of bounds/);
    const script = `
      const { Config, Engine, Instance, Module, Store } = await import(${JSON.stringify(src)});
      const engine = new Engine(new Config({ backend: 'js' }));
      const m = new Module(engine, ${JSON.stringify(WAT)});
      const f = new Instance(new Store(engine, null), m, []).getTypedFunc('f');
      let trap = '';
      try { f.call(65536); } catch (e) { trap = e.message; }
      console.log(JSON.stringify([typeof WebAssembly, m.compiled.source.includes('U0['), f.call(7), /out of bounds/.test(trap)]));
    `;
    const out = execFileSync(
      process.execPath,
      ['--jitless', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(JSON.parse(out.trim())).toEqual(['undefined', true, 0xfe - 2, true]);
  });
});
