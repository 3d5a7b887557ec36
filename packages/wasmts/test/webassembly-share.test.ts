// `toShareable`/`fromShareable` (wasmts/webassembly): a namespace's `WebAssembly.Module` and shared
// `WebAssembly.Memory` as structured-cloneable data, made again in another namespace (another thread's, here a
// second namespace of this one, the data passed through `structuredClone` as `postMessage` would). A shared
// memory grown through one namespace shows its new size in the other's `buffer` (the drop-in's `buffer` kept the
// old host buffer on the wasm backend: emnapi read a stale length, "Memory out of range").
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { wasmFeatures } from '../src/index.js';
import { createWebAssembly, fromShareable, toShareable } from '../src/webassembly.js';
import { testConfig } from './backend.js';

const namespace = () => createWebAssembly({ config: testConfig({ features: wasmFeatures({ threads: true }) }) });

const BYTES = parseWat(`(module
  (import "env" "memory" (memory 1 4 shared))
  (func (export "store") (param i32 i32) (i32.atomic.store (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32) (i32.atomic.load (local.get 0)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))`);

describe('a module and a shared memory sent to another namespace', () => {
  it('is the same module and the same bytes there, growth included', () => {
    const a = namespace();
    const b = namespace();
    const memory = new a.Memory({ initial: 1, maximum: 4, shared: true });
    const module = new a.Module(BYTES);
    const here = new a.Instance(module, { env: { memory } }).exports;

    const sent = structuredClone({ memory: toShareable(a, memory), module: toShareable(a, module) });
    const memoryThere = fromShareable(b, sent.memory) as { buffer: SharedArrayBuffer };
    const moduleThere = fromShareable(b, sent.module);
    expect(memoryThere).toBeInstanceOf(b.Memory);
    expect(moduleThere).toBeInstanceOf(b.Module);
    expect(b.Module.exports(moduleThere).map((e: { name: string }) => e.name)).toEqual(['store', 'load', 'grow']);
    const there = new b.Instance(moduleThere, { env: { memory: memoryThere } }).exports;

    there.store(8, 1234);
    expect(here.load(8)).toBe(1234);
    expect(new Int32Array(memory.buffer)[2]).toBe(1234);
    // grown over there (by wasm): the size shows here, in wasm and in `buffer`
    expect(there.grow(2)).toBe(1);
    expect(memory.buffer.byteLength).toBe(3 * 65536);
    expect(memoryThere.buffer.byteLength).toBe(3 * 65536);
    here.store(2 * 65536 + 4, 77);
    expect(there.load(2 * 65536 + 4)).toBe(77);
    // grown here (by JS): seen there
    expect(memory.grow(1)).toBe(3);
    expect(memoryThere.buffer.byteLength).toBe(4 * 65536);
    expect(there.load(3 * 65536)).toBe(0);
  });

  it('refuses what cannot cross: an unshared memory, another namespace’s object, anything else', () => {
    const a = namespace();
    const b = namespace();
    expect(() => toShareable(a, new a.Memory({ initial: 1 }))).toThrow(TypeError);
    expect(() => toShareable(a, new b.Memory({ initial: 1, maximum: 1, shared: true }))).toThrow(TypeError);
    expect(() => toShareable(a, {})).toThrow(TypeError);
    expect(() => toShareable({}, new a.Module(BYTES))).toThrow(TypeError);
    expect(() => fromShareable(a, { kind: 'table' } as never)).toThrow(TypeError);
  });
});
