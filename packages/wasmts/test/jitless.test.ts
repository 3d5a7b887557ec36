import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

describe('the js backend without WebAssembly', () => {
  it('compiles, instantiates and calls under node --jitless with the WebAssembly global deleted', () => {
    const script = `
      delete globalThis.WebAssembly;
      const { Engine, Store, Module, Instance } = await import(${JSON.stringify(join(src, 'index.ts'))});
      const engine = new Engine();
      const store = new Store(engine, null);
      const m = new Module(engine, '(module (memory (export "m") 1) (func (export "f") (param i64) (result i64) (i64.store (i32.const 8) (local.get 0)) (i64.mul (i64.load (i32.const 8)) (i64.const 3))))');
      const i = new Instance(store, m, []);
      console.log(typeof WebAssembly, i.getTypedFunc('f').call(14n), i.getMemory('m').read(8, 1)[0]);
    `;
    const out = execFileSync(
      process.execPath,
      ['--jitless', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out.trim()).toBe('undefined 42n 14');
  });

  it('pools instances under node --jitless: the next tenant starts from zeroed memory', () => {
    const script = `
      delete globalThis.WebAssembly;
      const { Config, Engine, Store, Module, Linker } = await import(${JSON.stringify(join(src, 'index.ts'))});
      const engine = new Engine(new Config({ allocationStrategy: { pooling: { totalCoreInstances: 1 } } }));
      const pre = new Linker(engine).instantiatePre(new Module(engine, '(module (memory (export "m") 1) (func (export "put") (i32.store (i32.const 8) (i32.const 77))))'));
      const seen = [];
      for (let i = 0; i < 3; i++) {
        const store = new Store(engine, null);
        const inst = pre.instantiate(store);
        seen.push(inst.getMemory('m').read(8, 1)[0]);
        inst.getTypedFunc('put').call();
        store.dispose();
      }
      console.log(typeof WebAssembly, seen.join(','), engine.poolingAllocatorMetrics().warmReuses);
    `;
    const out = execFileSync(
      process.execPath,
      ['--jitless', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out.trim()).toBe('undefined 0,0,0 2');
  });
});
