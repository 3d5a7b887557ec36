// Outlining out of a bytecode interpreter too large for the host's optimizing tier whose code is one loop
// (src/outline.ts; README.md, "Outlining"): a bytecode interpreter (a dispatch loop over a br_table)
// computes what the whole function computes, with i32, i64 (pairs), f32 and f64 locals (NaN payloads included)
// written in outlined runs, returns and branches out of them, a try_table, host calls, traps, fuel and epochs.
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { afterEach, describe, expect, it } from 'vitest';
import { compileModule, funcIndexOfFrameName } from '../src/index.js';
import { epoch, instantiate, limits, resetLimits } from './harness.js';

const OPS = 24;

/** The body of opcode `i`: a few statements, more for some opcodes, of one of six kinds. */
function opBody(i: number, tries: boolean): string {
  const r = 2 + (i % 4);
  const rep = (s: string) => Array.from({ length: r }, () => s).join('\n');
  switch (i % 6) {
    case 0:
      return rep(`(local.set $a (i32.add (i32.mul (local.get $a) (i32.const ${31 + i})) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (i32.rotl (local.get $a) (i32.const ${i}))))`);
    case 1:
      return rep(`(local.set $x (i64.add (i64.mul (local.get $x) (i64.const ${0x100000001b3 + i}))
          (i64.extend_i32_u (local.get $a))))
        (local.set $a (i32.wrap_i64 (i64.shr_u (local.get $x) (i64.const ${20 + i}))))`);
    case 2:
      // NaN payloads in the f32 and f64 locals, written back by the outlined run
      return `${rep(`(local.set $z (f64.add (f64.mul (local.get $z) (f64.const 0.5)) (f64.convert_i32_s (local.get $a))))`)}
        (local.set $w (f32.reinterpret_i32 (i32.or (i32.const 0x7fa00000) (i32.and (local.get $a) (i32.const 0xffff)))))
        (if (i32.and (local.get $b) (i32.const 1))
          (then (local.set $z (f64.reinterpret_i64 (i64.or (i64.const 0x7ff4000000000000)
            (i64.extend_i32_u (local.get $b)))))))`;
    case 3:
      // a jump, a store, a host call and an inner loop
      return `(local.set $pc (i32.and (i32.add (local.get $pc) (local.get $b)) (i32.const 255)))
        (i32.store (i32.const 512) (i32.add (i32.load (i32.const 512)) (local.get $a)))
        (call $tick (local.get $a))
        (local.set $k (i32.const 0))
        (loop $l
          ${rep('(local.set $b (i32.add (local.get $b) (i32.mul (local.get $k) (i32.const 3))))')}
          (br_if $l (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (i32.const 3))))`;
    case 4:
      // returns from inside the run, and leaves the dispatch loop
      return `${rep('(local.set $a (i32.sub (local.get $a) (i32.shl (local.get $b) (i32.const 3))))')}
        (if (i32.eq (i32.and (local.get $a) (i32.const 63)) (i32.const 7))
          (then (return (i64.add (local.get $x) (i64.const 99)))))
        (br_if $exit (i32.eq (i32.and (local.get $b) (i32.const 127)) (i32.const 5)))`;
    default: {
      // a division that traps when $d is 0, and (`tries`) a try_table catching a throw in the same run
      const divide = rep(
        '(local.set $b (i32.add (local.get $b) (i32.div_u (local.get $a) (i32.or (i32.and (local.get $b) (i32.const 15)) (local.get $d)))))',
      );
      if (!tries) return divide;
      return `${divide}
        (block $caught
          (try_table (catch_all $caught)
            (local.set $a (i32.add (local.get $a) (i32.const ${i})))
            (if (i32.and (local.get $a) (i32.const 2)) (then (throw $t)))
            (local.set $b (i32.add (local.get $b) (i32.const 1)))))`;
    }
  }
}

function interpreter(ops: number, tries = true): string {
  let dispatch = `(br_table ${Array.from({ length: ops }, (_, i) => `$c${i}`).join(' ')} (i32.rem_u (local.get $op) (i32.const ${ops})))`;
  for (let i = ops - 1; i >= 0; i--) dispatch = `(block $c${i} ${dispatch})\n${opBody(i, tries)}\n(br $next)`;
  const program = Array.from({ length: 256 }, (_, i) =>
    (Math.imul(i + 1, 0x9e3779b1) >>> 24).toString(16).padStart(2, '0'),
  );
  return `(module
    (import "env" "tick" (func $tick (param i32)))
    (memory (export "memory") 1)
    (tag $t)
    (data (i32.const 0) "${program.map((b) => `\\${b}`).join('')}")
    (func (export "vm") (param $pc i32) (param $n i32) (param $d i32) (result i64)
      (local $a i32) (local $b i32) (local $x i64) (local $z f64) (local $w f32) (local $op i32) (local $k i32)
      (local.set $a (local.get $pc))
      (block $exit
        (loop $next
          (br_if $exit (i32.eqz (local.get $n)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (local.set $op (i32.load8_u (local.get $pc)))
          (local.set $pc (i32.and (i32.add (local.get $pc) (i32.const 1)) (i32.const 255)))
          ${dispatch}))
      (i64.xor (local.get $x) (i64.extend_i32_u (local.get $a)))
      (i64.shl (i64.extend_i32_u (local.get $b)) (i64.const 32)) i64.add
      (i64.reinterpret_f64 (local.get $z)) i64.xor
      (i64.extend_i32_u (i32.reinterpret_f32 (local.get $w))) i64.add))`;
}

const WAT = interpreter(OPS);
/**
 * Dispatch over more cases than `MAX_STRUCTURED_DEPTH` plus `ISLAND_HEIGHT`: the outer cases are a flat region's
 * (`S0: for (;;) switch (st)`), the innermost blocks (with the `br_table`) nested statements.
 */
const WAT_FLAT = interpreter(170, false);
const SMALL = { splitChars: 600 };
const WHOLE = { splitChars: 1e9 };
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

const outlinedIn = (source: string) => source.match(/function f\d+(\$[tp])?\$o\d+\(/g)?.length ?? 0;
const RUNS: [number, number][] = [
  [0, 1],
  [3, 50],
  [17, 400],
  [100, 2000],
  [200, 5000],
  [255, 20000],
];

describe('outlined runs', () => {
  it('compute what the whole function computes', () => {
    const whole = instantiate(WAT, imports, WHOLE);
    const small = instantiate(WAT, imports, SMALL);
    expect(outlinedIn(whole.$source)).toBe(0);
    expect(outlinedIn(small.$source)).toBeGreaterThan(OPS / 2);
    // each function of the output is at most a small multiple of the limit (the dispatch stays in the body)
    for (const f of small.$source.split(/\n(?=function )/)) expect(f.length).toBeLessThan(6 * SMALL.splitChars);
    let returned = 0;
    for (const [pc, n] of RUNS) {
      const mem = (e: Record<string, any>) => new DataView(e.memory.buffer).getInt32(512, true);
      const w = whole.vm(pc, n, 1);
      const s = small.vm(pc, n, 1);
      expect(s, `vm(${pc}, ${n})`).toBe(w);
      expect(mem(small)).toBe(mem(whole));
      if (w === 0n) returned++;
    }
    expect(returned).toBe(0);
  });

  it('compute what the whole function computes when the cases are a flat region’s, fuel included', () => {
    limits.fuelConsumed = -1e9;
    limits.epochDeadline = 1e15;
    const whole = instantiate(WAT_FLAT, imports, { ...HOOKS, ...WHOLE });
    const small = instantiate(WAT_FLAT, imports, { ...HOOKS, ...SMALL });
    expect(whole.$source).toMatch(/S\d+: for \(;;\) switch \(st\)/);
    // runs of the flat region's cases, each dispatching its own cases
    expect(small.$source.match(/SQ: for \(;;\)/g)?.length ?? 0).toBeGreaterThan(3);
    for (const [pc, n] of RUNS) {
      limits.fuelConsumed = -1e9;
      const w = [whole.vm(pc, n, 1), limits.fuelConsumed];
      limits.fuelConsumed = -1e9;
      expect([small.vm(pc, n, 1), limits.fuelConsumed], `vm(${pc}, ${n})`).toEqual(w);
    }
    limits.fuelConsumed = -1e9;
    ticks.n = 0;
    expect(() => whole.vm(17, 3000, 0)).toThrow('integer divide by zero');
    const trapped = [ticks.n, limits.fuelConsumed];
    limits.fuelConsumed = -1e9;
    ticks.n = 0;
    expect(() => small.vm(17, 3000, 0)).toThrow('integer divide by zero');
    expect([ticks.n, limits.fuelConsumed]).toEqual(trapped);
  });

  it('keep fuel exact, run out of it and see the epoch where the whole function does', () => {
    // the data segment's offset expression costs fuel at instantiation
    limits.fuelConsumed = -1e9;
    const whole = instantiate(WAT, imports, { ...HOOKS, ...WHOLE });
    const small = instantiate(WAT, imports, { ...HOOKS, ...SMALL });
    expect(outlinedIn(small.$source)).toBeGreaterThan(OPS / 2);
    limits.epochDeadline = 1e15;
    const consumed = (e: Record<string, any>) => {
      limits.fuelConsumed = -1e9;
      e.vm(17, 3000, 1);
      return limits.fuelConsumed + 1e9;
    };
    const used = consumed(whole);
    expect(used).toBeGreaterThan(10_000);
    expect(consumed(small)).toBe(used);
    for (const part of [3, 2, 1.5]) {
      const runOut = (e: Record<string, any>) => {
        limits.fuelConsumed = -Math.floor(used / part);
        ticks.n = 0;
        expect(() => e.vm(17, 3000, 1)).toThrow('all fuel consumed');
        return [ticks.n, limits.fuelConsumed];
      };
      expect(runOut(small)).toEqual(runOut(whole));
    }
    const interrupted = (e: Record<string, any>) => {
      limits.fuelConsumed = -1e15;
      limits.epochDeadline = 1;
      epoch[0] = 0;
      ticks.n = 0;
      ticks.onTick = () => {
        if (ticks.n === 5) epoch[0] = 1;
      };
      expect(() => e.vm(17, 3000, 1)).toThrow('interrupt');
      return ticks.n;
    };
    expect(interrupted(small)).toBe(interrupted(whole));
  });

  it('trap where the whole function traps, the frames named after the wasm function', () => {
    const whole = instantiate(WAT, imports, WHOLE);
    const small = instantiate(WAT, imports, SMALL);
    const trap = (e: Record<string, any>) => {
      ticks.n = 0;
      let stack = '';
      try {
        e.vm(17, 3000, 0);
      } catch (err) {
        stack = String((err as Error).stack);
      }
      return { stack, ticks: ticks.n };
    };
    const w = trap(whole);
    const s = trap(small);
    expect(w.stack).toContain('integer divide by zero');
    expect(s.stack).toContain('integer divide by zero');
    expect(s.ticks).toBe(w.ticks);
    const names = [...s.stack.matchAll(/at (f[\w$]+) /g)].map((m) => m[1]);
    expect(names.some((n) => /^f1\$p\$o\d+$/.test(n))).toBe(true);
    for (const n of names) expect(funcIndexOfFrameName(n), n).toBe(1);
    expect(funcIndexOfFrameName('f7$o12')).toBe(7);
    expect(funcIndexOfFrameName('f7$t$o3')).toBe(7);
  });

  it('outline no run of a try body, whose handler would lose the run’s writes', () => {
    // a large loop inside a try_table whose handler reads a local the loop writes before throwing
    const body = Array.from(
      { length: 60 },
      (_, i) => `(local.set $a (i32.add (i32.mul (local.get $a) (i32.const ${i + 3})) (i32.const ${i})))`,
    ).join('\n');
    const wat = `(module (tag $t)
      (func (export "f") (param $n i32) (result i32) (local $a i32)
        (block $h
          (try_table (catch $t $h)
            (loop $l
              (block $b ${body} (local.set $a (i32.add (local.get $a) (i32.const 1))) (if (i32.eqz (local.get $n)) (then (throw $t))))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br $l))))
        (local.get $a)))`;
    const whole = instantiate(wat, {}, WHOLE);
    const small = instantiate(wat, {}, SMALL);
    // the try_table is outlined whole (its handler with it), never a run of its body: the handler reads what the
    // body wrote before throwing
    expect(outlinedIn(small.$source)).toBeGreaterThan(0);
    for (const f of small.$source.split(/\n(?=function )/)) if (f.includes('throw ')) expect(f).toContain('try {');
    for (const n of [0, 1, 5]) expect(small.f(n)).toBe(whole.f(n));
  });

  it('keep the output linear in the input', () => {
    const m = decodeModule(parseWat(WAT));
    const whole = compileModule(m, WHOLE).source.length;
    expect(compileModule(m, SMALL).source.length / whole).toBeLessThan(3);
  });
});
