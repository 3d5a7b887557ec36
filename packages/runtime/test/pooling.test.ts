import { DEFAULT_TUNABLES, MemoryIndex, VMOffsets } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { PoolingInstanceAllocator, ResourceLimitError, type Store } from '../src/index.js';
import { makeStore, wat } from './helpers.js';

function request(store: Store, text: string) {
  const module = wat(text);
  return {
    runtimeInfo: { module, offsets: new VMOffsets(module), typeIds: store.typeRegistry.register(module) },
    imports: { functions: [], tables: [], memories: [], globals: [], tags: [] },
    hostState: null,
    store,
  };
}

describe('PoolingInstanceAllocator', () => {
  it('enforces instance, memory and table budgets', () => {
    const store = makeStore();
    const pool = new PoolingInstanceAllocator({ totalCoreInstances: 2, totalMemories: 1 });
    const a = pool.allocate(request(store, '(module (memory 1))'));
    expect(() => pool.allocate(request(store, '(module (memory 1))'))).toThrow(
      /all 1 memory slots are in use \(totalMemories\)/,
    );
    const b = pool.allocate(request(store, '(module)'));
    expect(() => pool.allocate(request(store, '(module)'))).toThrow(/totalCoreInstances/);
    pool.deallocate(a);
    pool.deallocate(b);
    expect(pool.metrics().coreInstances).toEqual({ inUse: 0, highWater: 2, capacity: 2 });
    expect(() => pool.allocate(request(store, '(module (memory 1) (memory 1))'))).toThrow(ResourceLimitError);
    expect(() => pool.allocate(request(store, '(module (table 30000 funcref))'))).toThrow(/tableElements/);
    const small = new PoolingInstanceAllocator({ maxMemorySize: 65536 });
    expect(() => small.allocate(request(store, '(module (memory 2))'))).toThrow(/65536 bytes/);
    const m = small.allocate(request(store, '(module (memory 1))')).memory(MemoryIndex(0));
    expect(m.grow(1)).toBe(-1);
  });

  it('reuses memory buffers zeroed, and empties the released memory', () => {
    const store = { ...makeStore(), tunables: DEFAULT_TUNABLES };
    const pool = new PoolingInstanceAllocator();
    const a = pool.allocate(request(store, '(module (memory 1 10))'));
    const m = a.memory(MemoryIndex(0));
    expect(m.grow(1)).toBe(1);
    m.u8[5] = 42;
    m.u8[70000] = 43;
    const buffer = m.buffer;
    const kept = new Uint8Array(buffer);
    pool.deallocate(a);
    expect(m.byteLength).toBe(0);
    // the released buffer is detached (its bytes moved to the warm list): what the host kept is revoked
    expect(buffer.byteLength).toBe(0);
    expect(kept.length).toBe(0);
    expect(m.grow(1)).toBe(-1);
    expect(() => m.dv.getUint8(5)).toThrow(RangeError);
    expect(pool.metrics().unusedWarmMemories).toBe(1);
    const b = pool.allocate(request(store, '(module (memory 1 10))'));
    const m2 = b.memory(MemoryIndex(0));
    const warm = m2.buffer;
    expect(warm.byteLength).toBe(2 * 65536);
    expect(m2.byteLength).toBe(65536);
    expect(m2.u8[5]).toBe(0);
    // the buffer is two pages long: growing into it needs no copy, and shows zeroes
    expect(m2.grow(1)).toBe(1);
    expect(m2.buffer).toBe(warm);
    expect(m2.u8[70000]).toBe(0);
    expect(m2.grow(1)).toBe(2);
    expect(m2.buffer).not.toBe(warm);
    expect(m2.u8.every((x) => x === 0)).toBe(true);
    const metrics = pool.metrics();
    expect(metrics.memories).toEqual({ inUse: 1, highWater: 1, capacity: 1000 });
    expect(metrics.unusedWarmMemories).toBe(0);
    expect(metrics.warmReuses).toBe(1);
  });

  it('keeps warm only buffers within linearMemoryKeepResident, and picks one that fits', () => {
    const store = { ...makeStore(), tunables: DEFAULT_TUNABLES };
    const pool = new PoolingInstanceAllocator({ linearMemoryKeepResident: 3 * 65536 });
    const big = pool.allocate(request(store, '(module (memory 1 10))'));
    expect(big.memory(MemoryIndex(0)).grow(3)).toBe(1);
    const small = pool.allocate(request(store, '(module (memory 1 10))'));
    small.memory(MemoryIndex(0)).u8[0] = 1;
    const two = pool.allocate(request(store, '(module (memory 2 10))'));
    two.memory(MemoryIndex(0)).u8[0] = 2;
    pool.deallocate(big); // 4 pages: beyond the keep-resident size, left to the collector
    pool.deallocate(two);
    pool.deallocate(small);
    expect(pool.metrics().unusedWarmMemories).toBe(2);
    expect(pool.metrics().unusedMemoryBytes).toBe(3 * 65536);
    // the most recent warm buffer (one page) cannot hold two pages: the two-page one is taken
    const next = pool.allocate(request(store, '(module (memory 2 10))'));
    expect(next.memory(MemoryIndex(0)).buffer.byteLength).toBe(2 * 65536);
    const last = pool.allocate(request(store, '(module (memory 1 10))'));
    expect(last.memory(MemoryIndex(0)).buffer.byteLength).toBe(65536);
    expect([next.memory(MemoryIndex(0)).u8[0], last.memory(MemoryIndex(0)).u8[0]]).toEqual([0, 0]);
    expect(pool.metrics().unusedWarmMemories).toBe(0);
    expect(pool.metrics().warmReuses).toBe(2);
  });

  it('gives slots back once, and rejects bad budgets', () => {
    const store = { ...makeStore(), tunables: DEFAULT_TUNABLES };
    const pool = new PoolingInstanceAllocator();
    const a = pool.allocate(request(store, '(module (memory 1 2) (table 1 funcref))'));
    pool.deallocate(a);
    expect(pool.metrics().memories.inUse).toBe(0);
    pool.deallocate(a); // twice: nothing more is given back
    expect(pool.metrics().unusedWarmMemories).toBe(1);
    expect(pool.metrics().coreInstances.inUse).toBe(0);
    expect(() => new PoolingInstanceAllocator({ linearMemoryKeepResident: -1 })).toThrow(RangeError);
    expect(() => new PoolingInstanceAllocator({ totalTables: 0.5 })).toThrow(/totalTables/);
  });
});
