import { describe, expect, it } from 'vitest';
import { epoch, instantiate, limits } from './harness.js';

describe('execution', () => {
  it('runs i32 arithmetic, control flow and locals', () => {
    const e = instantiate(`(module
      (func (export "fac") (param i32) (result i32)
        (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
          (else (i32.mul (local.get 0) (call 0 (i32.sub (local.get 0) (i32.const 1)))))))
      (func (export "sum") (param i32) (result i32) (local i32)
        (block $b (loop $l
          (br_if $b (i32.eqz (local.get 0)))
          (local.set 1 (i32.add (local.get 1) (local.get 0)))
          (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
          (br $l)))
        (local.get 1))
      (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
      (func (export "sw") (param i32) (result i32)
        (block $a (block $b (block $c (br_table $a $b $c (local.get 0))) (return (i32.const 30))) (return (i32.const 20)))
        (i32.const 10)))`);
    expect(e.fac(5)).toBe(120);
    expect(e.sum(100)).toBe(5050);
    expect(e.div(7, -2)).toBe(-3);
    expect(() => e.div(1, 0)).toThrow('integer divide by zero');
    expect(() => e.div(-2147483648, -1)).toThrow('integer overflow');
    expect([e.sw(0), e.sw(1), e.sw(2), e.sw(9)]).toEqual([10, 20, 30, 30]);
  });

  it('runs i64, floats and memory', () => {
    const e = instantiate(`(module (memory 1)
      (func (export "mul") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
      (func (export "st") (param i32 i64) (i64.store offset=4 (local.get 0) (local.get 1)))
      (func (export "ld") (param i32) (result i64) (i64.load offset=4 (local.get 0)))
      (func (export "f") (param f32 f32) (result f32) (f32.add (local.get 0) (local.get 1)))
      (func (export "multi") (result i32 i64) (i32.const 1) (i64.const 2))
      (func (export "oob") (result i32) (i32.load (i32.const 65535))))`);
    expect(e.mul(3n, -4n)).toBe(-12n);
    expect(e.mul(0x7fffffffffffffffn, 2n)).toBe(-2n);
    e.st(8, 0x1122334455667788n);
    expect(e.ld(8)).toBe(0x1122334455667788n);
    expect(e.f(0.1, 0.2)).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    expect(e.multi()).toEqual([1, 2n]);
    expect(() => e.oob()).toThrow(RangeError);
  });

  it('runs 1,000,000-deep mutual return_call recursion in constant stack', () => {
    const e = instantiate(`(module
      (func $even (export "even") (param i64) (result i32)
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
          (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
      (func $odd (param i64) (result i32)
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
          (else (return_call $even (i64.sub (local.get 0) (i64.const 1)))))))`);
    expect(e.even(1_000_000n)).toBe(1);
    expect(e.even(1_000_001n)).toBe(0);
  });

  it('runs 1,000,000-deep mutual tail calls through a table and through references', () => {
    const e = instantiate(`(module
      (type $t (func (param i64) (result i32)))
      (table 2 funcref) (elem (i32.const 0) $even $odd)
      (func $even (export "even") (type $t)
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
          (else (return_call_indirect (type $t) (i64.sub (local.get 0) (i64.const 1)) (i32.const 1)))))
      (func $odd (type $t)
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
          (else (return_call_ref $t (i64.sub (local.get 0) (i64.const 1)) (ref.func $even))))))`);
    expect(e.even(1_000_000n)).toBe(1);
    expect(e.even(999_999n)).toBe(0);
  });

  it('catches wasm exceptions with try_table and lets host errors through', () => {
    const e = instantiate(
      `(module
      (import "env" "host" (func $host))
      (tag $t (param i32))
      (func $thrower (param i32) (throw $t (local.get 0)))
      (func (export "catch") (param i32) (result i32)
        (block $h (result i32)
          (try_table (catch $t $h) (call $thrower (local.get 0)))
          (i32.const -1)))
      (func (export "host") (result i32)
        (block $h (result exnref)
          (try_table (catch_all_ref $h) (call $host))
          (return (i32.const 0)))
        drop (i32.const 1)))`,
      {
        host: () => {
          throw new Error('host failure');
        },
      },
    );
    expect(e.catch(42)).toBe(42);
    expect(() => e.host()).toThrow('host failure');
  });
});

describe('hooks', () => {
  const loop = `(module (func (export "spin") (param i32) (loop $l (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))))`;

  it('emits nothing when the tunables do not ask', () => {
    const e = instantiate(loop);
    expect(e.$source).not.toMatch(/outOfGas|newEpoch|lim/);
  });

  it('consumes fuel and traps when it runs out', () => {
    const e = instantiate(loop, {}, { tunables: { consumeFuel: true } });
    limits.fuelConsumed = -1000;
    e.spin(10);
    expect(limits.fuelConsumed).toBeGreaterThan(-1000);
    expect(limits.fuelConsumed).toBeLessThan(-900);
    limits.fuelConsumed = -1000;
    expect(() => e.spin(1000)).toThrow('all fuel consumed');
  });

  it('checks the epoch deadline', () => {
    const e = instantiate(loop, {}, { tunables: { epochInterruption: true } });
    epoch[0] = 0;
    limits.epochDeadline = 1;
    e.spin(100);
    epoch[0] = 1;
    expect(() => e.spin(100)).toThrow('interrupt');
  });

  it('counts call depth when a limit is set', () => {
    const e = instantiate(
      `(module (func $r (export "r") (param i32) (if (local.get 0) (then (call $r (i32.sub (local.get 0) (i32.const 1)))))))`,
      {},
      { tunables: { maxCallDepth: 100 } },
    );
    limits.stackDepth = 0;
    limits.stackLimit = 100;
    e.r(50);
    expect(limits.stackDepth).toBe(0);
    expect(() => e.r(200)).toThrow('call stack exhausted');
    expect(limits.stackDepth).toBe(0);
  });
});

describe('deferred operands keep the order of effects', () => {
  it('reads before a store, a call or a local write see the old value', () => {
    const e = instantiate(`(module (memory 1) (global $g (mut i32) (i32.const 10))
      (func $bump (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (i32.const 100))
      (func (export "mem") (result i32)
        (i32.store (i32.const 0) (i32.const 1))
        (i32.load (i32.const 0))
        (i32.store (i32.const 0) (i32.const 2))
        (i32.load (i32.const 0))
        i32.sub)
      (func (export "glob") (result i32)
        (global.get $g) (call $bump) i32.add (global.get $g) i32.sub)
      (func (export "local") (param i32) (result i32)
        (local.get 0) (local.set 0 (i32.const 5)) (local.get 0) i32.sub)
      (func (export "trap_order") (param i32) (result i32)
        (i32.div_u (i32.const 1) (local.get 0))
        (i32.store (i32.const 0) (i32.const 7))
        drop (i32.load (i32.const 0)))
      (func (export "peek") (result i32) (i32.load (i32.const 0))))`);
    expect(e.mem()).toBe(-1);
    expect(e.glob()).toBe(10 + 100 - 11);
    expect(e.local(8)).toBe(3);
    e.mem();
    expect(() => e.trap_order(0)).toThrow('integer divide by zero');
    // the division trapped before the store ran
    expect(e.peek()).toBe(2);
  });
});
