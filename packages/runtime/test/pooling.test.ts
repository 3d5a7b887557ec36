import { DEFAULT_TUNABLES, VMOffsets } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { HAS_RESIZABLE_BUFFERS, PoolingInstanceAllocator, ResourceLimitError, type Store } from '../src/index.js';
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
    expect(() => pool.allocate(request(store, '(module (memory 1))'))).toThrow(/memory limit of 1/);
    const b = pool.allocate(request(store, '(module)'));
    expect(() => pool.allocate(request(store, '(module)'))).toThrow(/instance limit of 2/);
    pool.deallocate(a);
    pool.deallocate(b);
    expect(pool.usage.instances).toBe(0);
    expect(() => pool.allocate(request(store, '(module (memory 1) (memory 1))'))).toThrow(ResourceLimitError);
    expect(() => pool.allocate(request(store, '(module (table 30000 funcref))'))).toThrow(/table size/);
    const small = new PoolingInstanceAllocator({ maxMemorySize: 65536 });
    expect(() => small.allocate(request(store, '(module (memory 2))'))).toThrow(/65536 bytes/);
    const m = small.allocate(request(store, '(module (memory 1))')).memory(0);
    expect(m.grow(1)).toBe(-1);
  });

  it('reuses memory buffers zeroed, and empties the released memory', () => {
    const store = { ...makeStore(), tunables: DEFAULT_TUNABLES };
    const pool = new PoolingInstanceAllocator();
    const a = pool.allocate(request(store, '(module (memory 1 10))'));
    const m = a.memory(0);
    m.u8[5] = 42;
    const buffer = m.buffer;
    pool.deallocate(a);
    expect(m.byteLength).toBe(0);
    expect(() => m.dv.getUint8(5)).toThrow(RangeError);
    const b = pool.allocate(request(store, '(module (memory 2 10))'));
    const m2 = b.memory(0);
    if (HAS_RESIZABLE_BUFFERS) expect(m2.buffer).toBe(buffer);
    expect(m2.byteLength).toBe(2 * 65536);
    expect(m2.u8[5]).toBe(0);
    expect(pool.usage).toEqual({ instances: 1, memories: 1, tables: 0, warmMemories: 0 });
  });
});
