// A memory the embedder creates before instantiating anything: views taken then (emscripten's glue makes its HEAP
// views right after `new WebAssembly.Memory`) must see what wasm writes, and wasm what they write, on both backends.
// On the wasm backend such a memory used to get a host memory attached at the first instantiation, with the bytes
// copied: the earlier views then pointed at a buffer nothing read (every QuickJS eval failed through the drop-in).
import { describe, expect, it } from 'vitest';
import { Engine, Linker, Memory, Module, Store } from '../src/index.js';
import { createWebAssembly } from '../src/webassembly.js';
import { testConfig } from './backend.js';

const TEXT = `(module (import "env" "memory" (memory 1 100))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1))))`;

describe('a memory created before any instantiation', () => {
  it('shares its first buffer with the instances that import it (the wasmtime-shaped API)', () => {
    const engine = new Engine(testConfig());
    const store = new Store(engine, null);
    const memory = new Memory(store, { limits: { min: 1, max: 100 }, shared: false, index64: false, pageSizeLog2: 16 });
    const early = memory.data();
    const linker = new Linker(engine);
    linker.define(store, 'env', 'memory', memory);
    const inst = linker.instantiate(store, new Module(engine, TEXT));
    early[10] = 42;
    expect(inst.getTypedFunc<[number], number>('load').call(10)).toBe(42);
    inst.getTypedFunc<[number, number], void>('store').call(11, 7);
    expect(early[11]).toBe(7);
    expect(memory.data()[11]).toBe(7);
  });

  it('shares it through the standard API too (emscripten glue)', async () => {
    const WA = createWebAssembly({ config: testConfig() });
    const memory = new WA.Memory({ initial: 1, maximum: 100 });
    const heap = new Uint8Array(memory.buffer);
    const { instance } = await WA.instantiate(new Module(new Engine(), TEXT).bytes, { env: { memory } });
    heap[20] = 99;
    expect(instance.exports.load(20)).toBe(99);
    instance.exports.store(21, 5);
    expect(heap[21]).toBe(5);
    expect(memory.buffer).toBe(heap.buffer);
  });
});
