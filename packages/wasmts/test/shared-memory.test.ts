// A shared memory made through the API is imported by a module on either backend: on the wasm backend it is
// the host engine's shared WebAssembly.Memory (a host memory it could not import before: "mismatch in shared
// state of memory"). Atomic operators run on both backends, counted by fuel like any other operator.
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

  it('take atomic operators on either backend, with the same fuel as plain ones', () => {
    const engine = new Engine(testConfig({ features: wasmFeatures({ threads: true }) }).consumeFuel(true));
    const store = new Store(engine, null);
    const memory = new Memory(store, SHARED);
    const module = new Module(
      engine,
      `(module (import "env" "mem" (memory 1 4 shared))
         (func (export "add") (param i32 i64) (result i64) (i64.atomic.rmw.add offset=8 (local.get 0) (local.get 1)))
         (func (export "plain") (param i32 i64) (result i64) (i64.add (i64.load offset=8 (local.get 0)) (local.get 1)))
         (func (export "cas") (param i32 i32 i32) (result i32) (i32.atomic.rmw8.cmpxchg_u (local.get 0) (local.get 1) (local.get 2)))
         (func (export "wait") (param i32 i32) (result i32) (memory.atomic.wait32 (local.get 0) (local.get 1) (i64.const 0))))`,
    );
    expect(module.backend).toBe(BACKEND === 'js' ? 'js' : 'wasm');
    const instance = new Instance(store, module, [memory]);
    store.setFuel(1000);
    const add = instance.getTypedFunc<[number, bigint], bigint>('add');
    expect(add.call(0, 0x1_0000_0001n)).toBe(0n);
    expect(add.call(0, -2n)).toBe(0x1_0000_0001n);
    const atomicCost = 1000 - store.getFuel();
    expect(new DataView(memory.data().buffer).getBigInt64(8, true)).toBe(0xffff_ffffn);
    expect(() => add.call(4, 1n)).toThrow(/unaligned atomic/);
    const cas = instance.getTypedFunc<[number, number, number], number>('cas');
    expect(cas.call(8, 0x1ff, 7)).toBe(0xff);
    expect(memory.data()[8]).toBe(7);
    expect(instance.getTypedFunc<[number, number], number>('wait').call(8, 0)).toBe(1);
    expect(instance.getTypedFunc<[number, number], number>('wait').call(16, 0)).toBe(2);
    // i64.atomic.rmw.add counts as one operator, as i64.load does: the plain function has one more
    store.setFuel(1000);
    instance.getTypedFunc<[number, bigint], bigint>('plain').call(0, 1n);
    instance.getTypedFunc<[number, bigint], bigint>('plain').call(0, 1n);
    expect(1000 - store.getFuel()).toBe(atomicCost + 2);
  });
});

describe('a shared memory sent to another thread (Memory.share, Memory.fromShared)', () => {
  const module = (engine: Engine) =>
    new Module(
      engine,
      `(module (import "env" "mem" (memory 1 4 shared))
         (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
         (func (export "atomic") (param i32) (result i32) (i32.atomic.load (local.get 0)))
         (func (export "size") (result i32) (memory.size))
         (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))`,
    );

  it('is the same bytes in another store, and each side sees the other grow it', () => {
    // Two engines and stores stand for two threads: only the handle crosses between them, as a postMessage would.
    const features = wasmFeatures({ threads: true });
    const engineA = new Engine(testConfig({ features }));
    const engineB = new Engine(testConfig({ features }));
    const storeA = new Store(engineA, null);
    const storeB = new Store(engineB, null);
    const a = new Memory(storeA, SHARED);
    const handle = structuredClone(a.share());
    const b = Memory.fromShared(storeB, handle);
    expect(b.ty()).toEqual(a.ty());
    const instA = new Instance(storeA, module(engineA), [a]);
    const instB = new Instance(storeB, module(engineB), [b]);
    a.write(7, new Uint8Array([42]));
    expect(instB.getTypedFunc<[number], number>('load').call(7)).toBe(42);
    // A grows; B was not told, yet its code and its host view see the new page
    expect(instA.getTypedFunc<[number], number>('grow').call(1)).toBe(1);
    a.write(70000, new Uint8Array([1, 2, 3, 4]));
    expect(instB.getTypedFunc<[], number>('size').call()).toBe(2);
    expect(b.size()).toBe(2);
    expect(b.read(70000, 1)[0]).toBe(1);
    expect(instB.getTypedFunc<[number], number>('load').call(70001)).toBe(2);
    expect(instB.getTypedFunc<[number], number>('atomic').call(70000)).toBe(0x04030201);
    // and the other way round
    expect(instB.getTypedFunc<[number], number>('grow').call(2)).toBe(2);
    expect(a.size()).toBe(4);
    b.write(4 * 65536 - 1, new Uint8Array([9]));
    expect(instA.getTypedFunc<[number], number>('load').call(4 * 65536 - 1)).toBe(9);
    expect(instA.getTypedFunc<[number], number>('grow').call(1)).toBe(-1); // at its maximum for both
  });

  it('is refused for an unshared memory, and a handle must fit the type it is made for', () => {
    const engine = new Engine(testConfig({ features: wasmFeatures({ threads: true }) }));
    const store = new Store(engine, null);
    const plain = new Memory(store, { ...SHARED, shared: false });
    expect(() => plain.share()).toThrow(/only a shared memory/);
    const big = new Memory(store, SHARED);
    big.grow(3);
    const handle = big.share();
    expect(() => Memory.fromShared(store, { ...handle, type: { ...SHARED, limits: { min: 1, max: 2 } } })).toThrow(
      /does not fit/,
    );
  });

  it('data() has the size another store (thread) grew the memory to', () => {
    const engine = new Engine(testConfig({ features: wasmFeatures({ threads: true }) }));
    const here = new Memory(new Store(engine, null), SHARED);
    const there = Memory.fromShared(new Store(engine, null), here.share());
    expect(there.grow(2)).toBe(1);
    // on the wasm backend the host memory's buffer is a new object after growth: data() takes it
    expect(here.data().length).toBe(3 * 65536);
    here.data()[3 * 65536 - 1] = 7;
    expect(there.data()[3 * 65536 - 1]).toBe(7);
  });

  it('shares the epoch between engines (Engine epochBuffer)', () => {
    const engine = new Engine(testConfig());
    const other = new Engine(testConfig(), { epochBuffer: engine.epochBuffer as SharedArrayBuffer });
    engine.incrementEpoch();
    other.incrementEpoch();
    expect(engine.epochCounter[0]).toBe(2);
    expect(other.epochCounter[0]).toBe(2);
  });
});
