// The pooling allocator through the API: slots reused after Store.dispose, nothing of one tenant visible to the
// next, typed errors naming the budget, metrics. Written over backends so the wasm backend joins when it exists.
import { describe, expect, it } from 'vitest';
import {
  type Backend,
  BackendError,
  Config,
  type ConfigOptions,
  Engine,
  funcType,
  Linker,
  Module,
  PoolExhaustedError,
  PoolingLimitError,
  ResourceLimitError,
  Store,
  Trap,
  TrapCode,
  ValType,
} from '../src/index.js';
import { hostMemoryReuses } from '../src/wasm-backend/memory-pool.js';

/** The backends whose modules really run on them here (the wasm backend once `Module.backend` says 'wasm'). */
const BACKENDS: Exclude<Backend, 'auto'>[] = (['js', 'wasm'] as const).filter((backend) => {
  const m = new Module(new Engine(new Config({ backend })), '(module)');
  return ((m as unknown as { backend?: string }).backend ?? 'js') === backend;
});

const SECRET = 0x5a;

/**
 * A tenant that can leave traces everywhere: memory (and grown memory), a global, a table. The table is
 * filled by an active element segment, not a table initializer expression: that is the typed function
 * references proposal, which Node 20's engine lacks (the module would then be refused by the wasm backend).
 */
const TENANT = `(module
  (memory (export "memory") 1 4)
  (global $g (export "g") (mut i32) (i32.const 7))
  (table $t (export "t") 2 funcref)
  (data (i32.const 8) "data")
  (elem (table $t) (i32.const 0) func $f $f)
  (elem declare func $other)
  (func $f (result i32) (i32.const 1))
  (func $other (result i32) (i32.const 2))
  (func (export "fill") (param $at i32) (param $len i32) (memory.fill (local.get $at) (i32.const ${SECRET}) (local.get $len)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "set_g") (param i32) (global.set $g (local.get 0)))
  (func (export "set_t") (param i32) (table.set $t (local.get 0) (ref.func $other)))
  (func (export "call_t") (param i32) (result i32) (call_indirect (result i32) (local.get 0)))
  (func (export "count") (param $v i32) (result i32) (local $i i32) (local $n i32) (local $end i32)
    (local.set $end (i32.mul (memory.size) (i32.const 65536)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $n (i32.add (local.get $n) (i32.eq (i32.load8_u (local.get $i)) (local.get $v))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $n)))`;

/**
 * Warm buffers are the JS backend's: a wasm-backend memory is a host engine's memory, which cannot hand its
 * bytes to another. It keeps host memories of its own instead (`hostMemoryReuses`, see the wasm-backend tests
 * below), so the runtime pool's warm-buffer metrics stay 0 there.
 */
const warm = (backend: Exclude<Backend, 'auto'>, n: number) => (backend === 'js' ? n : 0);

function pooledEngine(
  backend: Exclude<Backend, 'auto'>,
  pooling: ConfigOptions['allocationStrategy'] = { pooling: {} },
) {
  return new Engine(new Config({ backend, allocationStrategy: pooling }));
}

describe.each(BACKENDS)('pooling allocator on the %s backend', (backend) => {
  it('gives the next tenant nothing of the last one: memory (grown too), globals, tables', () => {
    const engine = pooledEngine(backend, { pooling: { totalCoreInstances: 1, totalMemories: 1, totalTables: 1 } });
    const pre = new Linker<null>(engine).instantiatePre(new Module(engine, TENANT));
    const a = new Store(engine, null);
    const first = pre.instantiate(a);
    const fill = first.getTypedFunc<[number, number], void>('fill');
    fill.call(0, 65536);
    expect(first.getTypedFunc<[number], number>('grow').call(2)).toBe(1);
    fill.call(65536, 2 * 65536);
    expect(first.getTypedFunc<[number], number>('count').call(SECRET)).toBe(3 * 65536);
    first.getTypedFunc<[number], void>('set_g').call(SECRET);
    first.getTypedFunc<[number], void>('set_t').call(1);
    expect(first.getTypedFunc<[number], number>('call_t').call(1)).toBe(2);
    a.dispose();

    const b = new Store(engine, null);
    const next = pre.instantiate(b);
    expect(engine.poolingAllocatorMetrics()!.warmReuses).toBe(warm(backend, 1));
    const count = next.getTypedFunc<[number], number>('count');
    expect(next.getTypedFunc<[], number>('size').call()).toBe(1);
    expect(count.call(SECRET)).toBe(0);
    expect(count.call(0)).toBe(65536 - 4); // all zero but the data segment
    expect([...next.getMemory('memory')!.read(8, 4)]).toEqual([...new TextEncoder().encode('data')]);
    // the bytes beyond the old size (the last tenant's pages 1 and 2, grown into in place): zero too
    expect(next.getTypedFunc<[number], number>('grow').call(2)).toBe(1);
    expect(count.call(SECRET)).toBe(0);
    expect(next.getTypedFunc<[number], number>('grow').call(1)).toBe(3);
    expect(count.call(SECRET)).toBe(0);
    expect(
      next
        .getMemory('memory')!
        .data()
        .every((x, i) => x === 0 || (i >= 8 && i < 12)),
    ).toBe(true);
    expect(next.getGlobal('g')!.get()).toEqual({ type: 'i32', value: 7 });
    const call = next.getTypedFunc<[number], number>('call_t');
    expect([call.call(0), call.call(1)]).toEqual([1, 1]); // the table's init value, not the last tenant's
    b.dispose();
  });

  it('reuses slots after Store.dispose, and a kept Func of an old tenant traps instead of reading the new one', () => {
    const engine = pooledEngine(backend, { pooling: { totalCoreInstances: 1 } });
    const module = new Module(engine, TENANT);
    const linker = new Linker<null>(engine);
    const old = new Store(engine, null);
    const oldInstance = linker.instantiate(old, module);
    const oldLoad = oldInstance.getTypedFunc<[number], number>('load');
    const oldFill = oldInstance.getTypedFunc<[number, number], void>('fill');
    old.dispose();
    for (let i = 0; i < 5; i++) {
      const s = new Store(engine, null);
      const inst = linker.instantiate(s, module);
      inst.getTypedFunc<[number, number], void>('fill').call(0, 16);
      expect(() => oldLoad.call(0)).toThrow(Trap);
      expect(() => oldFill.call(0, 1)).toThrow(expect.objectContaining({ code: TrapCode.MemoryOutOfBounds }));
      expect(inst.getTypedFunc<[number], number>('load').call(0)).toBe(SECRET);
      s.dispose();
    }
    const m = engine.poolingAllocatorMetrics()!;
    expect(m.coreInstances).toEqual({ inUse: 0, highWater: 1, capacity: 1 });
    expect(m.warmReuses).toBe(warm(backend, 5));
  });

  it('revokes the views the host kept of a disposed tenant’s memory (memory.data(), read, write)', () => {
    const engine = pooledEngine(backend, { pooling: { totalCoreInstances: 1, totalMemories: 1 } });
    const module = new Module(engine, TENANT);
    const linker = new Linker<null>(engine);
    const old = new Store(engine, null);
    const oldMemory = linker.instantiate(old, module).getMemory('memory')!;
    const kept = oldMemory.data();
    const keptView = new DataView(kept.buffer);
    expect(kept.length).toBe(65536);
    old.dispose();
    expect(kept.length).toBe(0); // revoked at release, before any next tenant
    const s = new Store(engine, null);
    const inst = linker.instantiate(s, module);
    expect(engine.poolingAllocatorMetrics()!.warmReuses).toBe(warm(backend, 1));
    inst.getTypedFunc<[number, number], void>('fill').call(0, 65536);
    // the kept views neither read the new tenant's bytes nor write into them
    expect(kept.length).toBe(0);
    expect(kept[0]).toBe(undefined);
    expect(kept.buffer.byteLength).toBe(0);
    expect(() => keptView.getUint8(0)).toThrow(TypeError); // a DataView of a detached buffer
    kept[0] = 1;
    expect(() => keptView.setUint8(16, 1)).toThrow(TypeError);
    expect(inst.getTypedFunc<[number], number>('load').call(0)).toBe(SECRET);
    expect(inst.getTypedFunc<[number], number>('load').call(16)).toBe(SECRET);
    expect(oldMemory.data().length).toBe(0);
    expect(() => oldMemory.read(0, 1)).toThrow(RangeError);
    s.dispose();
  });

  it('throws PoolExhaustedError naming the budget when every slot is in use, and recovers after a dispose', () => {
    const engine = pooledEngine(backend, { pooling: { totalCoreInstances: 3, totalMemories: 2, totalTables: 5 } });
    const withMemory = new Module(engine, '(module (memory 1))');
    const bare = new Module(engine, '(module)');
    const linker = new Linker<null>(engine);
    const stores = [new Store(engine, null), new Store(engine, null)];
    for (const s of stores) linker.instantiate(s, withMemory);
    let error: unknown;
    try {
      linker.instantiate(new Store(engine, null), withMemory);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PoolExhaustedError);
    expect(error).toBeInstanceOf(ResourceLimitError);
    expect(error).toMatchObject({ budget: 'totalMemories', limit: 2 });
    expect((error as Error).message).toMatch(/all 2 memory slots are in use \(totalMemories\)/);
    linker.instantiate(stores[0], bare);
    expect(() => linker.instantiate(stores[1], bare)).toThrow(
      expect.objectContaining({ name: 'PoolExhaustedError', budget: 'totalCoreInstances', limit: 3 }),
    );
    // a refusal takes nothing: the counts are as before
    const before = engine.poolingAllocatorMetrics()!;
    expect(before.coreInstances.inUse).toBe(3);
    expect(before.memories.inUse).toBe(2);
    expect(before.exhaustions).toBe(2);
    stores[0].dispose();
    linker.instantiate(new Store(engine, null), withMemory);
    expect(engine.poolingAllocatorMetrics()!.memories).toEqual({ inUse: 2, highWater: 2, capacity: 2 });
  });

  it('refuses modules that cannot fit a slot with PoolingLimitError (not exhaustion)', () => {
    const engine = pooledEngine(backend, { pooling: { maxMemorySize: 2 * 65536, tableElements: 10 } });
    const store = new Store(engine, null);
    const linker = new Linker<null>(engine);
    const cases: [string, string][] = [
      ['(module (memory 3))', 'maxMemorySize'],
      ['(module (table 11 funcref))', 'tableElements'],
      ['(module (memory 1) (memory 1))', 'maxMemoriesPerModule'],
      ['(module (table 1 funcref) (table 1 funcref))', 'maxTablesPerModule'],
    ];
    for (const [text, budget] of cases) {
      let module: Module;
      try {
        module = new Module(engine, text);
      } catch (e) {
        // two memories need multi-memory, which Node 20's engine lacks: the wasm backend refuses the module
        // before any pool sees it (the JS-backend run of this test covers the budget)
        expect(backend).toBe('wasm');
        expect(budget).toBe('maxMemoriesPerModule');
        expect(e).toBeInstanceOf(BackendError);
        continue;
      }
      let error: unknown;
      try {
        linker.instantiate(store, module);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PoolingLimitError);
      expect(error).not.toBeInstanceOf(PoolExhaustedError);
      expect(error).toMatchObject({ budget });
      expect((error as Error).message).toContain(`(${budget})`);
    }
    // a memory never grows past its slot
    const inst = linker.instantiate(store, new Module(engine, TENANT));
    const grow = inst.getTypedFunc<[number], number>('grow');
    expect(grow.call(1)).toBe(1);
    expect(grow.call(1)).toBe(-1);
    expect(engine.poolingAllocatorMetrics()!.coreInstances.inUse).toBe(1);
  });

  it('reports metrics: slots in use, high-water marks, warm memories', () => {
    const engine = pooledEngine(backend, { pooling: { totalCoreInstances: 10, maxUnusedWarmSlots: 2 } });
    expect(new Engine(new Config({ backend })).poolingAllocatorMetrics()).toBeNull();
    const module = new Module(engine, TENANT);
    const linker = new Linker<null>(engine);
    const stores = [1, 2, 3].map(() => new Store(engine, null));
    for (const s of stores) linker.instantiate(s, module);
    let m = engine.poolingAllocatorMetrics()!;
    expect(m.coreInstances).toEqual({ inUse: 3, highWater: 3, capacity: 10 });
    expect(m.memories.inUse).toBe(3);
    expect(m.tables.inUse).toBe(3);
    expect(m.unusedWarmMemories).toBe(0);
    for (const s of stores) s.dispose();
    m = engine.poolingAllocatorMetrics()!;
    expect(m.coreInstances).toEqual({ inUse: 0, highWater: 3, capacity: 10 });
    expect(m.unusedWarmMemories).toBe(warm(backend, 2)); // maxUnusedWarmSlots: the third buffer is left to the collector
    expect(m.unusedMemoryBytes).toBe(warm(backend, 2 * 65536));
    expect(m.warmReuses).toBe(0);
  });

  it('keeps a failed instantiation until dispose, and refuses a dispose from inside wasm', () => {
    const engine = pooledEngine(backend, { pooling: { totalCoreInstances: 2 } });
    const store = new Store(engine, null);
    const linker = new Linker<null>(engine);
    expect(() =>
      linker.instantiate(store, new Module(engine, '(module (memory 1) (data (i32.const 65535) "ab"))')),
    ).toThrow(expect.objectContaining({ code: TrapCode.MemoryOutOfBounds }));
    expect(engine.poolingAllocatorMetrics()!.coreInstances.inUse).toBe(1);
    store.dispose();
    expect(engine.poolingAllocatorMetrics()!.coreInstances.inUse).toBe(0);
    linker.defineFunc('host', 'drop', funcType([], []), (caller) => caller.store.dispose());
    const inst = linker.instantiate(
      store,
      new Module(engine, '(module (import "host" "drop" (func $d)) (func (export "run") (call $d)))'),
    );
    expect(() => inst.getTypedFunc('run').call()).toThrow(/while wasm is running/);
    expect(engine.poolingAllocatorMetrics()!.coreInstances.inUse).toBe(1);
    store.dispose();
    expect(engine.poolingAllocatorMetrics()!.coreInstances.inUse).toBe(0);
  });
});

// (skipped only on a host whose engine cannot run the wasm backend at all)
describe.skipIf(!BACKENDS.includes('wasm'))('pooled stores on the wasm backend', () => {
  it("hands a disposed tenant's host memory, zeroed, to the next tenant, and never one that grew", () => {
    const engine = pooledEngine('wasm', { pooling: { totalCoreInstances: 2 } });
    const module = new Module(engine, TENANT);
    expect(module.backend).toBe('wasm');
    const pre = new Linker<null>(engine).instantiatePre(module);
    const a = new Store(engine, null);
    const first = pre.instantiate(a);
    first.getTypedFunc<[number, number], void>('fill').call(0, 65536);
    const oldCount = first.getTypedFunc<[number], number>('count');
    const oldFill = first.getTypedFunc<[number, number], void>('fill');
    a.dispose();
    for (let round = 0; round < 3; round++) {
      const b = new Store(engine, null);
      const next = pre.instantiate(b);
      expect(hostMemoryReuses(engine)).toBe(round + 1);
      const count = next.getTypedFunc<[number], number>('count');
      expect(next.getTypedFunc<[], number>('size').call()).toBe(1);
      expect(count.call(SECRET)).toBe(0);
      expect(count.call(0)).toBe(65536 - 4); // all zero but the data segment
      expect([...next.getMemory('memory')!.read(8, 4)]).toEqual([...new TextEncoder().encode('data')]);
      next.getTypedFunc<[number, number], void>('fill').call(100, 5);
      // the old tenant's functions reach nothing of the new one's memory (which its host instance imported)
      expect(() => oldCount.call(SECRET)).toThrow(expect.objectContaining({ code: TrapCode.MemoryOutOfBounds }));
      expect(() => oldFill.call(0, 65536)).toThrow(expect.objectContaining({ code: TrapCode.MemoryOutOfBounds }));
      expect(count.call(SECRET)).toBe(5);
      b.dispose();
    }
    // a memory that grew is not kept: the next tenant's memory.size must be the minimum
    const c = new Store(engine, null);
    const grown = pre.instantiate(c);
    expect(hostMemoryReuses(engine)).toBe(4);
    expect(grown.getTypedFunc<[number], number>('grow').call(1)).toBe(1);
    c.dispose();
    const d = new Store(engine, null);
    const fresh = pre.instantiate(d);
    expect(hostMemoryReuses(engine)).toBe(4);
    expect(fresh.getTypedFunc<[], number>('size').call()).toBe(1);
    expect(fresh.getTypedFunc<[number], number>('count').call(0)).toBe(65536 - 4);
    // two live tenants never share a memory
    const e = new Store(engine, null);
    const other = pre.instantiate(e);
    other.getTypedFunc<[number, number], void>('fill').call(0, 16);
    expect(fresh.getTypedFunc<[number], number>('count').call(SECRET)).toBe(0);
    d.dispose();
    e.dispose();
  });

  it('keeps no host memory with an on-demand allocator (the module defines its memory)', () => {
    const engine = new Engine(new Config({ backend: 'wasm' }));
    const pre = new Linker<null>(engine).instantiatePre(new Module(engine, TENANT));
    for (let i = 0; i < 2; i++) {
      const s = new Store(engine, null);
      pre.instantiate(s).getTypedFunc<[number, number], void>('fill').call(0, 16);
      s.dispose();
    }
    expect(hostMemoryReuses(engine)).toBe(0);
  });

  it("start fresh although a disposed store's wasm-backend state serves the next one: fuel, errors, reuse of a store", () => {
    const engine = new Engine(new Config({ backend: 'wasm', consumeFuel: true, allocationStrategy: { pooling: {} } }));
    const module = new Module(
      engine,
      `(module (import "h" "fail" (func $fail (param i32)))
         (func (export "spin") (param $n i32)
           (loop $l (local.set $n (i32.sub (local.get $n) (i32.const 1))) (br_if $l (local.get $n))))
         (func (export "fail") (param i32) (call $fail (local.get 0))))`,
    );
    expect(module.backend).toBe('wasm');
    const linker = new Linker<null>(engine);
    linker.defineFunc('h', 'fail', funcType([ValType.I32], []), (_c, x: number) => {
      if (x !== 0) throw new Error(`fail ${x}`);
    });
    const pre = linker.instantiatePre(module);
    for (let round = 0; round < 3; round++) {
      const store = new Store(engine, null);
      store.setFuel(1000);
      const inst = pre.instantiate(store);
      expect(() => inst.getTypedFunc<[number], void>('spin').call(1_000_000)).toThrow(
        expect.objectContaining({ code: TrapCode.OutOfFuel }),
      );
      expect(store.getFuel()).toBe(0);
      store.setFuel(10_000);
      inst.getTypedFunc<[number], void>('spin').call(10);
      const left = store.getFuel();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(10_000);
      expect(() => inst.getTypedFunc<[number], void>('fail').call(round + 1)).toThrow(`fail ${round + 1}`);
      inst.getTypedFunc<[number], void>('fail').call(0); // nothing pending from the error before
      store.dispose();
      // the same store again after dispose: a state of its own, working
      store.setFuel(500);
      const again = pre.instantiate(store);
      again.getTypedFunc<[number], void>('spin').call(5);
      expect(store.getFuel()).toBeLessThan(500);
      store.dispose();
    }
  });
});

describe("a disposed tenant's API handles", () => {
  for (const backend of BACKENDS) {
    it(`cannot read, write or grow the next tenant's memory through a kept Memory (${backend})`, () => {
      const engine = new Engine(new Config({ backend, allocationStrategy: { pooling: { totalCoreInstances: 2 } } }));
      const pre = new Linker(engine).instantiatePre(new Module(engine, TENANT));
      const a = new Store(engine, null);
      const old = pre.instantiate(a).getMemory('memory');
      if (old === undefined) throw new Error('no memory export');
      a.dispose();
      const b = new Store(engine, null);
      const next = pre.instantiate(b);
      next.getTypedFunc('fill').call(0, 64);
      // the old handle sees an empty memory: no read, write or grow reaches the tenant that took its slot
      expect(old.size()).toBe(0);
      expect(() => old.read(0, 4)).toThrow();
      expect(() => old.write(0, new Uint8Array([1, 2, 3, 4]))).toThrow();
      expect(() => old.grow(1)).toThrow();
      const mem = next.getMemory('memory');
      expect(mem?.size()).toBe(1);
      expect(Array.from(mem?.read(0, 4) ?? [])).toEqual([SECRET, SECRET, SECRET, SECRET]);
    });
  }
});

describe('pooling configuration', () => {
  it('rejects budgets that are not non-negative integers', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60]) {
      expect(() => new Engine(new Config({ allocationStrategy: { pooling: { totalMemories: bad } } }))).toThrow(
        /totalMemories must be a non-negative integer/,
      );
    }
  });
});
