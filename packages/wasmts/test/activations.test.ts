import { describe, expect, it } from 'vitest';
import { Engine, funcType, Linker, Module, Store, ValType } from '../src/index.js';

describe('externref activations table', () => {
  it('roots what the host hands to running wasm and clears after the outermost call', () => {
    const engine = new Engine();
    const store = new Store(engine, null);
    const linker = new Linker<null>(engine);
    const seen: boolean[] = [];
    const fromHost = { fromHost: true };
    const setByHost = { setByHost: true };
    linker.defineFunc('host', 'make', funcType([], [ValType.EXTERNREF, ValType.I32]), () => [fromHost, 7]);
    linker.defineFunc('host', 'check', funcType([ValType.EXTERNREF], []), (caller, v: unknown) => {
      const t = store.externRefActivations;
      // the host sets a table element and a global from inside the call: rooted too
      const table = caller.getExport('t') as import('../src/index.js').Table;
      table.set(0, { type: 'externref', value: setByHost });
      seen.push(t.has(v), t.has(fromHost), t.has(setByHost));
    });
    const module = new Module(
      engine,
      `(module
         (import "host" "make" (func $make (result externref i32)))
         (import "host" "check" (func $check (param externref)))
         (table (export "t") 1 externref)
         (func (export "run") (param externref)
           (call $make) (drop) (drop)
           (call $check (local.get 0))))`,
    );
    const instance = linker.instantiate(store, module);
    const arg = { arg: true };
    instance.getFunc('run')!.call(store, [{ type: 'externref', value: arg }]);
    expect(seen).toEqual([true, true, true]);
    expect(store.externRefActivations.size).toBe(0);
    instance.getTypedFunc('run').call({ again: true });
    expect(seen.slice(3)).toEqual([true, true, true]);
    expect(store.externRefActivations.size).toBe(0);
    expect(store.externRefActivations.highWater).toBe(3);
    // outside any call the host's table writes root nothing
    instance.getTable('t')!.set(0, { type: 'externref', value: {} });
    expect(store.externRefActivations.size).toBe(0);
  });
});
