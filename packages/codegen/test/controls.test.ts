// Fuel and epoch checks with the counters in locals of each JS function (README.md "Fuel and epochs in
// locals"): the store's counter is exact wherever the host can see it, and each due check calls its hook once.
import { afterEach, describe, expect, it } from 'vitest';
import { epoch, instantiate, limits, resetLimits, store } from './harness.js';

const FUEL = { tunables: { consumeFuel: true } };
const EPOCH = { tunables: { epochInterruption: true } };
const BOTH = { tunables: { consumeFuel: true, epochInterruption: true } };

// One iteration: call (1) + local.get, i32.const, i32.sub, local.set, local.get, br_if (6) = 7.
const WATCH = `(module (import "env" "see" (func $see))
  (func (export "watch") (param $n i32)
    (loop $l
      (call $see)
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n)))))`;

// One iteration: local.get, i32.const, i32.sub, local.tee, br_if = 5 (loop and end are free).
const SPIN = `(module (func (export "spin") (param i32)
  (loop $l (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))))`;

afterEach(() => {
  store.outOfGas = undefined;
  store.newEpoch = undefined;
  resetLimits();
  epoch[0] = 0;
});

describe('fuel in a local', () => {
  it('is exact when a host function called in a loop reads it, and follows what the host sets', () => {
    const seen: number[] = [];
    const e = instantiate(
      WATCH,
      {
        see: () => {
          seen.push(limits.fuelConsumed);
          if (seen.length === 3) limits.fuelConsumed = -500; // the host refuels
        },
      },
      FUEL,
    );
    limits.fuelConsumed = -1000;
    e.watch(5);
    // the call's own cost is charged before it: 1, then 7 per iteration
    expect(seen).toEqual([-999, -992, -985, -493, -486]);
    expect(limits.fuelConsumed).toBe(-486 + 6);
  });

  it('runs out at the next check when a host function takes the fuel away', () => {
    let calls = 0;
    const e = instantiate(
      WATCH,
      {
        see: () => {
          if (++calls === 2) limits.fuelConsumed = -3;
        },
      },
      FUEL,
    );
    limits.fuelConsumed = -1000;
    expect(() => e.watch(10)).toThrow('all fuel consumed');
    expect(calls).toBe(2);
    expect(limits.fuelConsumed).toBe(-3 + 6);
  });

  it('leaves the counter exact when a trap ends a loop', () => {
    // one iteration: local.get, i32.load, local.get, i32.const, i32.add, local.set, i32.const, br_if = 8 (drop free)
    const e = instantiate(
      `(module (memory 1)
        (func $walk (export "walk") (param $p i32)
          (loop $l
            (drop (i32.load (local.get $p)))
            (local.set $p (i32.add (local.get $p) (i32.const 16384)))
            (br_if $l (i32.const 1))))
        (func (export "outer") (param $p i32) (call $walk (local.get $p))))`,
      {},
      FUEL,
    );
    limits.fuelConsumed = -1000;
    // loads at 0, 16384, 32768, 49152, then 65536 traps (the DataView's RangeError, which the API maps to a
    // Trap): the trapping iteration's cost is not flushed
    expect(() => e.walk(0)).toThrow(RangeError);
    expect(limits.fuelConsumed).toBe(-1000 + 4 * 8);
    limits.fuelConsumed = -1000;
    // through a call: local.get + call (2) before the callee
    expect(() => e.outer(0)).toThrow(RangeError);
    expect(limits.fuelConsumed).toBe(-1000 + 2 + 4 * 8);
  });

  it('calls the out-of-fuel hook once per due check, with the counter stored, and sees a refuel', () => {
    const seen: number[] = [];
    store.outOfGas = () => {
      seen.push(limits.fuelConsumed);
      limits.fuelConsumed -= 100;
    };
    const e = instantiate(SPIN, {}, FUEL);
    limits.fuelConsumed = -12;
    e.spin(100);
    // 500 consumed in all; every check comes at most 5 after the previous one
    expect(limits.fuelConsumed).toBe(-12 + 500 - 100 * seen.length);
    expect(seen.length).toBe(5);
    for (const v of seen) expect(v >= 0 && v < 5).toBe(true);
  });

  it('calls a hook that does not refuel once per check and goes on', () => {
    let calls = 0;
    store.outOfGas = () => {
      calls++;
    };
    const e = instantiate(SPIN, {}, FUEL);
    limits.fuelConsumed = 0;
    e.spin(10);
    // the entry check and ten loop-header checks
    expect(calls).toBe(11);
    expect(limits.fuelConsumed).toBe(50);
  });

  it('charges a callee that throws a wasm exception to the counter its caller catches it with', () => {
    const e = instantiate(
      `(module (tag $e)
        (func $thrower (i32.const 1) drop (throw $e))
        (func (export "catcher") (result i32)
          (block $h (try_table (catch $e $h) (call $thrower)) (return (i32.const 0)))
          (i32.const 9))
        (func (export "self") (result i32)
          (block $h (try_table (catch $e $h) (throw $e)) (return (i32.const 0)))
          (i32.const 2)))`,
      {},
      FUEL,
    );
    limits.fuelConsumed = -100;
    // try_table 1, call 1, i32.const 1, throw 1, then i32.const 1
    expect(e.catcher()).toBe(9);
    expect(limits.fuelConsumed).toBe(-95);
    limits.fuelConsumed = -100;
    // try_table 1, throw 1, i32.const 1
    expect(e.self()).toBe(2);
    expect(limits.fuelConsumed).toBe(-97);
  });

  it('counts the same whatever the window holds, refilling it at the checks that find it used up', () => {
    const e = instantiate(SPIN, {}, FUEL);
    // the whole fuel in the window (the usual case below FUEL_WINDOW)
    limits.fuelConsumed = -1000;
    e.spin(100);
    const whole = limits.fuelConsumed;
    expect(whole).toBe(-1000 + 5 * 100);
    // the same fuel with 10 of it in the window: the checks that find the window used up refill it
    limits.fuelConsumed = -1000;
    limits.fuelBase -= limits.fuelWindow[0] - 10;
    limits.fuelWindow[0] = 10;
    expect(limits.fuelConsumed).toBe(-1000);
    e.spin(100);
    expect(limits.fuelConsumed).toBe(whole);
    // running out: the same count (the trapping iteration's flush included) either way
    limits.fuelConsumed = -300;
    expect(() => e.spin(100)).toThrow(/fuel/);
    const out = limits.fuelConsumed;
    limits.fuelConsumed = -300;
    limits.fuelBase -= limits.fuelWindow[0] - 7;
    limits.fuelWindow[0] = 7;
    expect(() => e.spin(100)).toThrow(/fuel/);
    expect(limits.fuelConsumed).toBe(out);
  });

  it('refills through its own code whatever the host put on Object.prototype', () => {
    // the refill runs as the toString of a prototype-less object (environment's `fuelRefill`): a conversion hook
    // on Object.prototype must not take its place (the window would not be refilled and the count would be lost)
    const e = instantiate(SPIN, {}, FUEL);
    const proto = Object.prototype as Record<PropertyKey, unknown>;
    let counted = 0;
    let error: unknown;
    proto[Symbol.toPrimitive] = () => '';
    try {
      limits.fuelConsumed = -1000;
      limits.fuelBase -= limits.fuelWindow[0] - 10;
      limits.fuelWindow[0] = 10;
      e.spin(100);
      counted = limits.fuelConsumed;
      limits.fuelConsumed = -300;
      try {
        e.spin(100);
      } catch (x) {
        error = x;
      }
    } finally {
      delete proto[Symbol.toPrimitive];
    }
    expect(counted).toBe(-1000 + 5 * 100);
    expect(String(error)).toMatch(/fuel/);
  });

  it('keeps the window above -FUEL_WINDOW at the exits of large functions', () => {
    // a host function moves the window to 100 above -2^30 (the count unchanged), as a deep stack
    // of frames consuming past the window on their way out would leave it; the large function's exit puts it back
    const big = Array.from({ length: 4200 }, () => '(drop (i32.const 1))').join(' ');
    const e = instantiate(
      `(module (import "env" "sink" (func $sink))
        (func (export "small") (call $sink))
        (func (export "big") (call $sink) ${big}))`,
      {
        sink: () => {
          const d = limits.fuelWindow[0] + 2 ** 30 - 100;
          limits.fuelWindow[0] -= d;
          limits.fuelBase -= d;
        },
      },
      FUEL,
    );
    limits.fuelConsumed = -1_000_000;
    e.big();
    // call (1) + 4,200 x i32.const (drop is free)
    expect(limits.fuelConsumed).toBe(-1_000_000 + 1 + 4200);
    expect(limits.fuelWindow[0]).toBeGreaterThan(0);
    expect(e.$source).toMatch(/rt\.fuelOverdrawn\(vmctx, fq - fu\)/);
    // a small function's exit stores the window as it is (its frames cannot take it far below 0)
    limits.fuelConsumed = -1_000_000;
    e.small();
    expect(limits.fuelConsumed).toBe(-1_000_000 + 1);
    expect(limits.fuelWindow[0]).toBeLessThan(-(2 ** 29));
  });

  it('keeps the window above -FUEL_WINDOW in the handlers of large functions (a trap, the IR pipeline finally)', () => {
    // as above, with a function that may trap (a load: its exits go through a handler): the host moves the window to
    // 100 above -2^30, then 4,200 units follow; the translator's `catch` on a trap, and the IR pipeline's `finally`
    // on every exit, add `fu` through the same check as the exits
    const big = Array.from({ length: 4200 }, () => '(drop (i32.const 1))').join(' ');
    const wat = `(module (import "env" "sink" (func $sink)) (memory 1)
      (func (export "big") (param i32) (result i32) (call $sink) (block ${big}) (i32.load (local.get 0))))`;
    const sink = () => {
      const d = limits.fuelWindow[0] + 2 ** 30 - 100;
      limits.fuelWindow[0] -= d;
      limits.fuelBase -= d;
    };
    for (const ir of [false, true]) {
      const e = instantiate(wat, { sink }, { ...FUEL, ir });
      // call (1) + 4,200 x i32.const + local.get + i32.load
      limits.fuelConsumed = -1_000_000;
      e.big(0);
      expect(limits.fuelConsumed).toBe(-1_000_000 + 1 + 4200 + 2);
      expect(limits.fuelWindow[0]).toBeGreaterThan(0);
      if (ir) continue;
      // a trap: the load's block is not counted (the fuel rule's rule 5), the rest is, and the window stays in range
      limits.fuelConsumed = -1_000_000;
      expect(() => e.big(65536)).toThrow(); // a RangeError here (the API's trampoline makes it the trap)
      expect(limits.fuelConsumed).toBe(-1_000_000 + 1 + 4200);
      expect(limits.fuelWindow[0]).toBeGreaterThan(0);
    }
  });

  it('keeps functions that cannot trap free of try/catch and the others wrapped', () => {
    const e = instantiate(
      `(module (memory 1)
        (func (export "pure") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
        (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))`,
      {},
      FUEL,
    );
    const src: string = e.$source;
    const pure = src.slice(src.indexOf('function f0('), src.indexOf('function f1('));
    const load = src.slice(src.indexOf('function f1('));
    expect(pure).not.toMatch(/try|catch|finally/);
    // an exit stores the fuel left at entry less the fuel counted (`fq` is what is left there: no read)
    expect(pure).toMatch(/fl\d+\[0\] = fq - fu; return/);
    // the handler subtracts the count and rethrows; each return stores it and clears it (its value may still trap)
    expect(load).toMatch(/\} catch \(e\) \{ fl\d+\[0\] -= fu; throw e; \}/);
    expect(load).toMatch(/fl\d+\[0\] = fq - fu; fu = 0; return/);
    expect(load).not.toMatch(/finally/);
    limits.fuelConsumed = -10;
    expect(e.pure(1)).toBe(2);
    expect(limits.fuelConsumed).toBe(-7);
    // local.get, i32.load (the end is free): the load traps after the flush that ends the function
    limits.fuelConsumed = -10;
    expect(e.load(4)).toBe(0);
    expect(limits.fuelConsumed).toBe(-8);
    limits.fuelConsumed = -10;
    expect(() => e.load(65536)).toThrow(RangeError);
    expect(limits.fuelConsumed).toBe(-10);
  });
});

describe('epoch checks with the deadline in a local', () => {
  it('traps at the next check after a host function advances the epoch', () => {
    let calls = 0;
    const e = instantiate(
      WATCH,
      {
        see: () => {
          if (++calls === 3) epoch[0]++;
        },
      },
      EPOCH,
    );
    limits.epochDeadline = 1;
    expect(() => e.watch(10)).toThrow('interrupt');
    expect(calls).toBe(3);
  });

  it('sees a deadline the host moves from inside a host function', () => {
    let calls = 0;
    const e = instantiate(
      WATCH,
      {
        see: () => {
          calls++;
          epoch[0]++;
          limits.epochDeadline = epoch[0] + 1; // always one tick ahead: never reached
        },
      },
      EPOCH,
    );
    limits.epochDeadline = 1;
    e.watch(10);
    expect(calls).toBe(10);
  });

  it('calls the deadline hook once per due check with fuel stored; the hook may move the deadline', () => {
    const seen: number[] = [];
    store.newEpoch = () => {
      seen.push(limits.fuelConsumed);
      return seen.length < 4 ? 0 : 1e9;
    };
    const e = instantiate(SPIN, {}, BOTH);
    limits.fuelConsumed = -1000;
    epoch[0] = 5;
    limits.epochDeadline = 5;
    e.spin(10);
    // spin calls nothing and cannot recurse: no check at its entry (epochEntryChecks); the first four loop
    // headers (fuel stored before each: 0, 5, 10, 15 consumed)
    expect(seen).toEqual([-1000, -995, -990, -985]);
    expect(limits.fuelConsumed).toBe(-950);
  });
});
