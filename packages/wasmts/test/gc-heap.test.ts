// The store's GC heap limit (JS backend; this host's engine has no GC, so GC modules run there under
// 'auto' too). Before the limit, array.new of 10^8 elements ran for over 100 s and took 7 GB before it
// was killed, and a loop keeping what it allocated ended in V8's fatal heap exhaustion.
import { describe, expect, it } from 'vitest';
import { Config, Engine, Instance, Module, Store, StoreLimitsBuilder, Trap, TrapCode } from '../src/index.js';

const WAT = `(module
  (type $a (array (mut i64)))
  (type $cell (struct (field (ref $a)) (field (ref null $cell))))
  (global $keep (mut (ref null $cell)) (ref.null $cell))
  (func (export "new") (param i32) (result i32) (array.len (array.new_default $a (local.get 0))))
  (func (export "newFill") (param i32) (result i32) (array.len (array.new $a (i64.const 7) (local.get 0))))
  (func (export "forget") (global.set $keep (ref.null $cell)))
  ;; keeps every array it allocates: n arrays of len elements
  (func (export "hog") (param $n i32) (param $len i32) (result i32) (local $i i32)
    (loop $l
      (global.set $keep (struct.new $cell (array.new_default $a (local.get $len)) (global.get $keep)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i)))`;

function setup(config: Config, limits?: StoreLimitsBuilder) {
  const engine = new Engine(config);
  const store = new Store(engine, null);
  if (limits !== undefined) store.setLimiter(limits.build());
  const inst = new Instance(store, new Module(engine, WAT), []);
  const f = (name: string) => inst.getTypedFunc<number[], number>(name);
  return { store, f };
}

function trapCode(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof Trap) return e.code;
    throw e;
  }
  return undefined;
}

describe('GC heap limit (JS backend)', () => {
  it('an array longer than one allocation may be traps before allocating', () => {
    const { f, store } = setup(new Config({ backend: 'js' }));
    expect(trapCode(() => f('new').call(-1))).toBe(TrapCode.AllocationTooLarge);
    expect(trapCode(() => f('newFill').call(100_000_000))).toBe(TrapCode.AllocationTooLarge);
    expect(store.gcHeap.bytes).toBe(0);
    expect(f('new').call(1000)).toBe(1000); // the store is usable afterwards
  });

  it('a loop keeping what it allocates stops at Config.maxGcHeapBytes', () => {
    const { f, store } = setup(new Config({ backend: 'js', maxGcHeapBytes: 4 << 20 }));
    // 1,000 arrays of 1,000 i64: 8 MB by the cost model
    expect(trapCode(() => f('hog').call(1000, 1000))).toBe(TrapCode.GcHeapOutOfMemory);
    expect(store.gcHeap.bytes).toBeLessThanOrEqual(4 << 20);
    expect(store.gcHeap.bytes).toBeGreaterThan(3 << 20);
    // one object alone larger than the limit
    expect(trapCode(() => f('new').call(1 << 20))).toBe(TrapCode.AllocationTooLarge);
  });

  it('the store limiter (StoreLimitsBuilder.gcHeapSize) lowers the limit per store', () => {
    const { f } = setup(new Config({ backend: 'js' }), new StoreLimitsBuilder().gcHeapSize(256 << 10));
    expect(f('new').call(1000)).toBe(1000);
    expect(trapCode(() => f('new').call(40_000))).toBe(TrapCode.GcHeapOutOfMemory);
    expect(trapCode(() => f('hog').call(1000, 100))).toBe(TrapCode.GcHeapOutOfMemory);
    // another store of the same engine has its own account
    const other = setup(new Config({ backend: 'js' }));
    expect(other.f('new').call(40_000)).toBe(40_000);
  });

  it('a limiter is asked in steps and its refusal is the trap', () => {
    const asked: number[] = [];
    const engine = new Engine(new Config({ backend: 'js' }));
    const store = new Store(engine, null);
    store.setLimiter({
      memoryGrowing: () => true,
      tableGrowing: () => true,
      gcHeapGrowing: (_c, desired) => {
        asked.push(desired);
        return desired <= 1 << 20;
      },
    });
    const inst = new Instance(store, new Module(engine, WAT), []);
    expect(trapCode(() => inst.getTypedFunc<number[], number>('hog').call(100_000, 10))).toBe(
      TrapCode.GcHeapOutOfMemory,
    );
    // 16,384 objects of 64 or 128 bytes fit in 1 MiB: the limiter is asked once per 64 KiB step, and
    // per allocation only in the last step before the limit
    expect(asked.length).toBeLessThan(4096);
    expect(Math.max(...asked.filter((d) => d <= 1 << 20))).toBeLessThanOrEqual(1 << 20);
  });
});
