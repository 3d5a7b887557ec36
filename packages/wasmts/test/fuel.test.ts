import { describe, expect, it } from 'vitest';
import {
  type Config,
  Engine,
  FREE_OPERATORS,
  funcType,
  Instance,
  Linker,
  Module,
  Store,
  Trap,
  TrapCode,
} from '../src/index.js';
import { testConfig } from './backend.js';

// One iteration: local.get, i32.const, i32.sub, local.set, local.get, br_if = 6 units (loop and end are free).
const COUNTDOWN = `(module
  (func (export "count") (param $n i32)
    (loop $l
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n))))
  (func (export "nothing"))
  (func (export "free") nop (drop (i32.const 1)) (block (loop)) (if (i32.const 0) (then) (else)))
  (func $leaf (result i32) (i32.const 7))
  (func (export "calls") (result i32) (i32.add (call $leaf) (call $leaf))))`;

function setup(config: Config, wat = COUNTDOWN) {
  const engine = new Engine(config);
  const store = new Store(engine, null);
  const instance = new Instance(store, new Module(engine, wat), []);
  return { store, instance };
}

const isOutOfFuel = (e: unknown) =>
  e instanceof Trap && e.code === TrapCode.OutOfFuel && e.message.includes('all fuel consumed by WebAssembly');

describe('fuel', () => {
  it('charges wasmtime costs: one per operator, free operators cost nothing', () => {
    expect(FREE_OPERATORS).toEqual(['unreachable', 'nop', 'block', 'loop', 'else', 'end', 'return', 'drop']);
    const { store, instance } = setup(testConfig().consumeFuel(true));
    store.setFuel(10_000);
    instance.getTypedFunc('count').call(100);
    expect(store.getFuel()).toBe(10_000 - 6 * 100);
    instance.getTypedFunc('nothing').call();
    expect(store.getFuel()).toBe(10_000 - 600);
    // nop, drop, block, loop, end, else are free: only i32.const (x2) and if cost
    instance.getTypedFunc('free').call();
    expect(store.getFuel()).toBe(10_000 - 600 - 3);
    // call $leaf twice (2), i32.const in each leaf (2), i32.add (1)
    expect(instance.getTypedFunc('calls').call()).toBe(14);
    expect(store.getFuel()).toBe(10_000 - 603 - 5);
  });

  it('traps with OutOfFuel when fuel runs out, and runs again after refuelling', () => {
    const { store, instance } = setup(testConfig({ consumeFuel: true }));
    const count = instance.getTypedFunc('count');
    store.setFuel(10);
    expect(() => count.call(100)).toThrow(Trap);
    try {
      count.call(100);
    } catch (e) {
      expect(isOutOfFuel(e)).toBe(true);
    }
    expect(store.getFuel()).toBe(0);
    store.setFuel(0);
    expect(() => instance.getTypedFunc('nothing').call()).toThrow(/all fuel consumed/); // checked at entry
    expect(() => instance.getTypedFunc('calls').call()).toThrow(/all fuel consumed/);
    store.setFuel(1_000);
    count.call(100);
    expect(store.getFuel()).toBe(400);
  });

  it('takes per-operator costs from a map or a function', () => {
    const a = setup(testConfig().consumeFuel(true).operatorCost({ 'i32.sub': 10, br_if: 0 }));
    a.store.setFuel(1_000);
    a.instance.getTypedFunc('count').call(10);
    expect(a.store.getFuel()).toBe(1_000 - (4 + 10) * 10);
    const b = setup(
      testConfig()
        .consumeFuel(true)
        .operatorCost((name) => (name.startsWith('local.') ? 2 : 0)),
    );
    b.store.setFuel(1_000);
    b.instance.getTypedFunc('count').call(10);
    expect(b.store.getFuel()).toBe(1_000 - 6 * 10);
    expect(() => setup(testConfig().consumeFuel(true).operatorCost({ nop: -1 }))).toThrow(RangeError);
  });

  it('is an error to use fuel on an engine without it', () => {
    const store = new Store(new Engine(testConfig()), null);
    expect(() => store.setFuel(1)).toThrow(/fuel is not configured/);
    expect(() => store.getFuel()).toThrow(/fuel is not configured/);
  });

  it('is exact when a host function in a loop reads it, and follows what the host sets', () => {
    const engine = new Engine(testConfig().consumeFuel(true));
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    const seen: number[] = [];
    linker.defineFunc('env', 'see', funcType([], []), () => {
      seen.push(store.getFuel());
      if (seen.length === 3) store.setFuel(500);
    });
    // one iteration: call (1) + local.get, i32.const, i32.sub, local.set, local.get, br_if (6)
    const instance = linker.instantiate(
      store,
      new Module(
        engine,
        `(module (import "env" "see" (func $see))
          (func (export "watch") (param $n i32)
            (loop $l
              (call $see)
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br_if $l (local.get $n)))))`,
      ),
    );
    store.setFuel(1000);
    instance.getTypedFunc('watch').call(5);
    expect(seen).toEqual([999, 992, 985, 493, 486]);
    expect(store.getFuel()).toBe(480);
  });

  it('is exact after a trap in the middle of a loop', () => {
    // one iteration: local.get, i32.load, local.get, i32.const, i32.add, local.set, i32.const, br_if = 8
    const { store, instance } = setup(
      testConfig().consumeFuel(true),
      `(module (memory 1)
        (func (export "walk") (param $p i32)
          (loop $l
            (drop (i32.load (local.get $p)))
            (local.set $p (i32.add (local.get $p) (i32.const 16384)))
            (br_if $l (i32.const 1)))))`,
    );
    store.setFuel(1000);
    // loads at 0, 16384, 32768, 49152; 65536 traps before its iteration's cost is added
    expect(() => instance.getTypedFunc('walk').call(0)).toThrow(
      expect.toSatisfy((e) => e instanceof Trap && e.code === TrapCode.MemoryOutOfBounds),
    );
    expect(store.getFuel()).toBe(1000 - 4 * 8);
  });

  it('charges a callee that throws to the caller that catches', () => {
    const { store, instance } = setup(
      testConfig().consumeFuel(true),
      `(module (tag $e)
        (func $thrower (i32.const 1) drop (throw $e))
        (func (export "catcher") (result i32)
          (block $h (try_table (catch $e $h) (call $thrower)) (return (i32.const 0)))
          (i32.const 9)))`,
    );
    store.setFuel(100);
    // try_table 1, call 1, i32.const 1, throw 1, then i32.const 1
    expect(instance.getTypedFunc('catcher').call()).toBe(9);
    expect(store.getFuel()).toBe(95);
  });

  it('emits no fuel code when off', () => {
    const m = new Module(new Engine(testConfig()), COUNTDOWN);
    expect(m.compiled.source).not.toMatch(/outOfGas|lim\d*\[0\]/);
    const f = new Module(new Engine(testConfig().consumeFuel(true)), COUNTDOWN);
    expect(f.compiled.source).toMatch(/outOfGas/);
  });
});
