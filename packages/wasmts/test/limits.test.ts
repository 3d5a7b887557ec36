import { describe, expect, it } from 'vitest';
import {
  Engine,
  Instance,
  Module,
  ResourceLimitError,
  type ResourceLimiter,
  Store,
  StoreLimits,
  StoreLimitsBuilder,
  wasmFeatures,
} from '../src/index.js';
import { testConfig } from './backend.js';

const engine = new Engine(testConfig());
const PAGE = 65536;
const GROWER = `(module
  (memory (export "mem") 1)
  (table (export "tab") 1 funcref)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "growTable") (param i32) (result i32) (table.grow (ref.null func) (local.get 0))))`;

describe('resource limits', () => {
  it('a refused memory.grow / table.grow returns -1', () => {
    const store = new Store(engine, {
      limits: new StoreLimitsBuilder()
        .memorySize(2 * PAGE)
        .tableElements(3)
        .build(),
    });
    store.limiter((data) => data.limits);
    const inst = new Instance(store, new Module(engine, GROWER), []);
    const grow = inst.getTypedFunc<[number], number>('grow');
    expect(grow.call(1)).toBe(1);
    expect(grow.call(1)).toBe(-1);
    expect(inst.getMemory('mem')!.size()).toBe(2);
    const growTable = inst.getTypedFunc<[number], number>('growTable');
    expect(growTable.call(2)).toBe(1);
    expect(growTable.call(1)).toBe(-1);
    expect(() => inst.getMemory('mem')!.grow(1)).toThrow(RangeError);
  });

  it('trapOnGrowFailure fails the call with a typed ResourceLimitError (memory and table); the store goes on', () => {
    const store = new Store(engine, null);
    store.setLimiter(new StoreLimitsBuilder().memorySize(PAGE).tableElements(1).trapOnGrowFailure(true).build());
    const inst = new Instance(store, new Module(engine, GROWER), []);
    const refused = (f: () => unknown, message: string) => {
      let error: unknown;
      try {
        f();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ResourceLimitError);
      expect((error as Error).name).toBe('ResourceLimitError');
      expect((error as Error).message).toBe(message);
    };
    refused(() => inst.getTypedFunc('grow').call(1), 'forcing trap when growing memory to 131072 bytes');
    refused(() => inst.getTypedFunc('growTable').call(1), 'forcing trap when growing table to 2 elements');
    refused(() => inst.getMemory('mem')!.grow(1), 'forcing trap when growing memory to 131072 bytes');
    expect(inst.getTypedFunc('grow').call(0)).toBe(1);
    expect(inst.getMemory('mem')!.size()).toBe(1);
  });

  it('trapOnGrowFailure and a throwing limiter fail the call with the error', () => {
    const store = new Store(engine, null);
    store.setLimiter(new StoreLimitsBuilder().memorySize(PAGE).trapOnGrowFailure(true).build());
    const inst = new Instance(store, new Module(engine, GROWER), []);
    expect(() => inst.getTypedFunc('grow').call(1)).toThrow(/forcing trap when growing memory to 131072 bytes/);
    const custom: ResourceLimiter = {
      memoryGrowing: () => {
        throw new TypeError('no more memory for you');
      },
      tableGrowing: () => true,
    };
    store.setLimiter(custom);
    expect(() => inst.getTypedFunc('grow').call(1)).toThrow(new TypeError('no more memory for you'));
    store.setLimiter(null);
    expect(inst.getTypedFunc('grow').call(1)).toBe(1); // the store is usable afterwards
  });

  it('instantiation past a limit fails with a clear error', () => {
    const store = new Store(engine, null);
    store.setLimiter(new StoreLimits({ instances: 1, memories: 1, memorySize: 4 * PAGE }));
    const big = new Module(engine, '(module (memory 5))');
    expect(() => new Instance(store, big, [])).toThrow(ResourceLimitError);
    expect(() => new Instance(store, big, [])).toThrow(/exceeds the store's memory limits/);
    new Instance(store, new Module(engine, '(module (memory 1))'), []);
    expect(() => new Instance(store, new Module(engine, '(module)'), [])).toThrow(
      'resource limit exceeded: instance count too high at 2',
    );
    const s2 = new Store(engine, null);
    s2.setLimiter(new StoreLimitsBuilder().memories(1).tables(0).build());
    expect(() => new Instance(s2, new Module(engine, '(module (memory 1) (memory 1))'), [])).toThrow(
      'resource limit exceeded: memory count too high at 2',
    );
    expect(() => new Instance(s2, new Module(engine, '(module (table 1 funcref))'), [])).toThrow(
      'resource limit exceeded: table count too high at 1',
    );
  });
});

describe('sizes of 2^31 pages and more (1-byte pages)', () => {
  // Before the fix the JS backend's memory.grow returned 2147483648 (not an i32): i32.eq with 0x80000000 gave 0.
  it('memory.grow and memory.size give signed i32 values', () => {
    const big = new Engine(testConfig({ features: wasmFeatures({ customPageSizes: true }) }));
    const store = new Store(big, null);
    const inst = new Instance(
      store,
      new Module(
        big,
        `(module (memory i32 0x80000000 (pagesize 1))
          (func (export "grow0") (result i32) (memory.grow (i32.const 0)))
          (func (export "grew") (result i32) (i32.eq (memory.grow (i32.const 0)) (i32.const 0x80000000)))
          (func (export "size") (result i32) (i32.eq (memory.size) (i32.const 0x80000000))))`,
      ),
      [],
    );
    expect(inst.getTypedFunc('grow0').call()).toBe(-(2 ** 31));
    expect(inst.getTypedFunc('grew').call()).toBe(1);
    expect(inst.getTypedFunc('size').call()).toBe(1);
  });
});
