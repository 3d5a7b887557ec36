// Splitting function bodies too large for the host's optimizing tier (README.md, "Splitting large functions"): the
// pieces compute what the whole body computes, with i32, i64 (pairs), f64 and v128 (lanes) locals and a stack value
// live across the cuts, early returns from a later piece, fuel and epoch hooks, traps, and linear output.
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { afterEach, describe, expect, it } from 'vitest';
import { compileModule, funcIndexOfFrameName } from '../src/index.js';
import { epoch, instantiate, limits, resetLimits } from './harness.js';

/** A straight-line function of `n` rounds; every tenth round has a three-iteration loop (fuel and epoch checks). */
function straight(n: number): string {
  const rounds: string[] = [];
  for (let i = 0; i < n; i++) {
    rounds.push(`
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const ${31 + i})) (local.get $a)))
      (local.set $y (i64.xor (i64.rotl (local.get $y) (i64.const ${(i % 63) + 1})) (i64.extend_i32_u (local.get $x))))
      (local.set $z (f64.add (f64.mul (local.get $z) (f64.const 0.5)) (f64.convert_i32_s (local.get $x))))
      (local.set $v (i32x4.add (local.get $v) (i32x4.splat (local.get $x))))
      (i32.store (i32.const ${16 + (i % 8) * 4}) (local.get $x))`);
    if (i === Math.floor(n / 2))
      rounds.push('(if (i32.eq (local.get $a) (i32.const 12345)) (then (return (local.get $y))))');
    if (i % 10 === 0)
      rounds.push(`(call $tick)
      (local.set $w (i32.const 0))
      (loop $l (br_if $l (i32.lt_u (local.tee $w (i32.add (local.get $w) (i32.const 1))) (i32.const 3))))`);
  }
  return `(module
    (import "env" "tick" (func $tick))
    (memory 1)
    (func (export "mix") (param $a i32) (param $b i64) (result i64)
      (local $x i32) (local $y i64) (local $z f64) (local $v v128) (local $w i32)
      (i64.mul (local.get $b) (local.get $b))
      ${rounds.join('\n')}
      (local.get $y) i64.add
      (i64.extend_i32_u (i32x4.extract_lane 2 (local.get $v))) i64.add
      (i64.trunc_sat_f64_s (local.get $z)) i64.add
      (i64.extend_i32_u (i32.load (i32.const 16))) i64.add)
    (func (export "trap") (param $a i32) (result i32) (local $x i32)
      ${Array.from({ length: n }, (_, i) => `(local.set $x (i32.add (local.get $x) (i32.const ${i})))`).join('\n')}
      (i32.div_u (local.get $x) (local.get $a))))`;
}

const WAT = straight(120);
// pieces of up to 1.5 times this (OUTLINE_FACTOR: the functions here have few variables)
// sizes set on the indented text (`indent`), where the split points give the shapes asserted below
const SMALL = { splitChars: 267, indent: true };
const WHOLE = { splitChars: 1e9, indent: true };
const HOOKS = { tunables: { consumeFuel: true, epochInterruption: true } };
const ticks = { n: 0, onTick: () => {} };
const imports = {
  tick: () => {
    ticks.n++;
    ticks.onTick();
  },
};

afterEach(() => {
  resetLimits();
  epoch[0] = 0;
  ticks.onTick = () => {};
});

function pieces(source: string, name: string): number {
  return source.match(new RegExp(`function ${name.replace('$', '\\$')}\\$s\\d+\\(`, 'g'))?.length ?? 0;
}

describe('split functions', () => {
  it('compute what the whole function computes', () => {
    const whole = instantiate(WAT, imports, WHOLE);
    const split = instantiate(WAT, imports, SMALL);
    expect(pieces(whole.$source, 'f1$p')).toBe(0);
    expect(pieces(split.$source, 'f1$p')).toBeGreaterThan(20);
    expect(pieces(split.$source, 'f2')).toBeGreaterThan(5);
    for (const [a, b] of [
      [1, 2n],
      [-7, 0x123456789abcdefn],
      [0x7fffffff, -1n],
      [12345, 5n], // returns early, from a piece in the middle
    ] as const)
      expect(split.mix(a, b), `mix(${a}, ${b})`).toBe(whole.mix(a, b));
    expect(split.trap(3)).toBe(whole.trap(3));
    // a piece makes its int32 parameters int32 for V8's optimizing tier (the i32 $x, the i64 $y's words, the v128
    // $v's lanes), never the f64 $z (l4)
    expect(split.$source).toMatch(/\n *(?:\w+ \|= 0; )*l2 \|= 0;.*l3h \|= 0;.*l5d \|= 0;/);
    expect(split.$source).not.toMatch(/\bl4 \|= 0/);
  });

  it('keep fuel exact and trap where the whole function traps', () => {
    const whole = instantiate(WAT, imports, { ...HOOKS, ...WHOLE });
    const split = instantiate(WAT, imports, { ...HOOKS, ...SMALL });
    limits.epochDeadline = 1e15;
    const consumed = (e: Record<string, any>) => {
      limits.fuelConsumed = -1e9;
      e.mix(3, 4n);
      return limits.fuelConsumed + 1e9;
    };
    const used = consumed(whole);
    expect(used).toBeGreaterThan(1000);
    expect(consumed(split)).toBe(used);
    // out of fuel halfway: the same trap, after the same number of host calls, with the same fuel left
    const runOut = (e: Record<string, any>) => {
      limits.fuelConsumed = -Math.floor(used / 2);
      ticks.n = 0;
      expect(() => e.mix(3, 4n)).toThrow('all fuel consumed');
      return [ticks.n, limits.fuelConsumed];
    };
    expect(runOut(split)).toEqual(runOut(whole));
    // pieces with no fuel flush of their own (straight-line code) still add theirs at every exit
    const traps = (e: Record<string, any>) => {
      limits.fuelConsumed = -1e9;
      const r = e.trap(3);
      expect(() => e.trap(0)).toThrow('integer divide by zero');
      return [r, limits.fuelConsumed];
    };
    expect(traps(split)).toEqual(traps(whole));
    // pieces that mention no fuel at all (free operators) still declare the fuel local their exits add
    const empty = instantiate(
      `(module (func (export "f") ${'(block) '.repeat(200)}))`,
      {},
      { ...HOOKS, splitChars: 1 },
    );
    expect(pieces(empty.$source, 'f0')).toBeGreaterThan(5);
    limits.fuelConsumed = -100;
    empty.f();
    expect(limits.fuelConsumed).toBe(-100);
  });

  it('see an epoch advanced by the host in a later piece', () => {
    for (const options of [WHOLE, SMALL]) {
      const e = instantiate(WAT, imports, { ...HOOKS, ...options });
      limits.fuelConsumed = -1e15;
      limits.epochDeadline = 1;
      epoch[0] = 0;
      ticks.n = 0;
      ticks.onTick = () => {
        if (ticks.n === 7) epoch[0] = 1;
      };
      // the loop after the seventh call checks the epoch
      expect(() => e.mix(3, 4n)).toThrow('interrupt');
      expect(ticks.n).toBe(7);
    }
  });

  it('name the wasm function in the frames of a trap in a later piece', () => {
    const split = instantiate(WAT, imports, SMALL);
    let stack = '';
    try {
      split.trap(0);
    } catch (e) {
      stack = String((e as Error).stack);
    }
    expect(stack).toContain('integer divide by zero');
    const names = [...stack.matchAll(/at (f[\w$]+) /g)].map((m) => m[1]);
    expect(names.some((n) => /^f2\$s\d+$/.test(n))).toBe(true);
    for (const n of names) expect(funcIndexOfFrameName(n), n).toBe(2);
    expect(funcIndexOfFrameName('f7$p$s12')).toBe(7);
    expect(funcIndexOfFrameName('f7$t$s1')).toBe(7);
    expect(funcIndexOfFrameName('f7$s')).toBe(-1);
  });

  it('take two JS frames per wasm frame however many pieces, so recursion reaches the call-depth limit', () => {
    // a recursive function of about 60 pieces calling itself from its last piece: when each piece called the next,
    // a wasm frame was 60 JS frames and the host's stack ran out long before the depth limit (at another depth
    // than the wasm backend's, so with other fuel consumed)
    const rounds = Array.from(
      { length: 120 },
      (_, i) => `(local.set $x (i32.add (i32.mul (local.get $x) (i32.const ${31 + i})) (local.get $n)))`,
    ).join('\n');
    const wat = `(module (func $r (export "r") (param $n i32) (result i32) (local $x i32)
      ${rounds}
      (if (result i32) (local.get $n)
        (then (i32.add (local.get $x) (call $r (i32.sub (local.get $n) (i32.const 1)))))
        (else (local.get $x)))))`;
    const depth = { tunables: { ...HOOKS.tunables, maxCallDepth: 1000 } };
    const whole = instantiate(wat, {}, { ...depth, ...WHOLE });
    const split = instantiate(wat, {}, { ...depth, splitChars: 67 });
    expect(pieces(split.$source, 'f0')).toBeGreaterThan(40);
    limits.epochDeadline = 1e15;
    const run = (e: Record<string, any>, n: number) => {
      limits.fuelConsumed = -1e9;
      limits.stackDepth = 0;
      limits.stackLimit = 1000;
      let r: unknown;
      try {
        r = e.r(n);
      } catch (err) {
        r = (err as Error).message;
      }
      return [r, limits.fuelConsumed + 1e9, limits.stackDepth];
    };
    const deep = run(whole, 990);
    expect(typeof deep[0]).toBe('number');
    expect(run(split, 990)).toEqual(deep);
    // past the limit: the depth counter traps at the same call, with the same fuel consumed
    const over = run(whole, 5000);
    expect(over[0]).toContain('call stack exhausted');
    expect(run(split, 5000)).toEqual(over);
  });

  it('leave a body within OUTLINE_FACTOR times the split limit whole, unless it has many variables', () => {
    // straight-line i32 code with cut points between its statements; `extra` locals make it a wide function
    const body = (extra: number) => `(module (memory 1)
      (func (export "f") (param $a i32) (result i32) (local $x i32) (local ${'i32 '.repeat(1 + extra)})
        ${Array.from(
          { length: 200 },
          (_, i) => `(local.set $x (i32.add (i32.mul (local.get $x) (i32.const ${i + 3})) (local.get $a)))
        (i32.store (i32.const ${(i % 16) * 4}) (local.get $x))`,
        ).join('\n')}
        ${Array.from({ length: extra }, (_, i) => `(local.set ${i + 3} (local.get $x))`).join('\n')}
        (local.get $x)))`;
    const narrow = decodeModule(parseWat(body(0)));
    const chars = compileModule(narrow, WHOLE).source.length;
    const within = compileModule(narrow, { splitChars: Math.round(chars / 1.3) }).source;
    expect(pieces(within, 'f0')).toBe(0);
    const over = compileModule(narrow, { splitChars: Math.round(chars / 2) }).source;
    expect(pieces(over, 'f0')).toBeGreaterThan(0);
    // more than WIDE_REGISTERS variables: split at the limit itself
    const wide = decodeModule(parseWat(body(130)));
    const wideChars = compileModule(wide, WHOLE).source.length;
    expect(pieces(compileModule(wide, { splitChars: Math.round(wideChars / 1.3) }).source, 'f0')).toBeGreaterThan(0);
    for (const opts of [WHOLE, { splitChars: Math.round(chars / 2) }])
      expect(instantiate(body(0), {}, opts).f(7)).toBe(instantiate(body(0), {}, WHOLE).f(7));
  });

  it('keep the output linear in the input when many locals live across the cuts', () => {
    // 3,000 locals all read at the end: passing them to every piece would be quadratic
    const n = 3000;
    const sets = Array.from({ length: n }, (_, i) => `(local.set ${i} (i32.const ${i}))`).join('\n');
    const sum = Array.from({ length: n }, (_, i) => `(local.get ${i}) i32.add`).join('\n');
    const wat = `(module (func (export "f") (result i32) (local ${'i32 '.repeat(n)}) ${sets} (i32.const 0) ${sum}))`;
    const m = decodeModule(parseWat(wat));
    const whole = compileModule(m, WHOLE).source.length;
    const split = compileModule(m, SMALL).source;
    expect(split.length / whole).toBeLessThan(3);
    const e = instantiate(wat, {}, SMALL);
    expect(e.f()).toBe((n * (n - 1)) / 2);
  });
});
