// A shared memory made through the API is imported by a module on either backend: on the wasm backend it is
// the host engine's shared WebAssembly.Memory (a host memory it could not import before: "mismatch in shared
// state of memory"). Atomics are not decoded yet; the `shared` flag is validated with the threads feature.
import { describe, expect, it } from 'vitest';
import { Engine, Instance, Memory, Module, Store, wasmFeatures } from '../src/index.js';
import { BACKEND, testConfig } from './backend.js';

const SHARED = { limits: { min: 1, max: 4 }, shared: true, index64: false, pageSizeLog2: 16 } as const;

describe('shared memories created through the API', () => {
  it('are imported by a module, which sees the host’s bytes and grows them for the host', () => {
    const engine = new Engine(testConfig({ features: wasmFeatures({ threads: true }) }));
    const store = new Store(engine, null);
    const memory = new Memory(store, SHARED);
    expect(memory.data().buffer).toBeInstanceOf(SharedArrayBuffer);
    memory.write(3, new Uint8Array([9]));
    const module = new Module(
      engine,
      `(module (import "env" "mem" (memory 1 4 shared))
         (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
         (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
         (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))`,
    );
    expect(module.backend).toBe(BACKEND === 'js' ? 'js' : 'wasm');
    const instance = new Instance(store, module, [memory]);
    expect(instance.getTypedFunc<[number], number>('load').call(3)).toBe(9);
    instance.getTypedFunc<[number, number], void>('store').call(70000 - 65536, 5);
    expect(memory.data()[70000 - 65536]).toBe(5);
    expect(instance.getTypedFunc<[number], number>('grow').call(1)).toBe(1);
    expect(memory.size()).toBe(2);
    expect(memory.data().buffer).toBeInstanceOf(SharedArrayBuffer);
    instance.getTypedFunc<[number, number], void>('store').call(70000, 6);
    expect(memory.read(70000, 1)[0]).toBe(6);
    // a second module of the same store shares the same bytes
    const other = new Instance(store, module, [memory]);
    expect(other.getTypedFunc<[number], number>('load').call(70000)).toBe(6);
  });
});
