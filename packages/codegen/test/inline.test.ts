// Inlining (README.md, "Inlining"): direct calls of small leaf functions translated as the callee's body. Results
// against the host's WebAssembly and against the same module with every call kept; which callees are inlined and
// which are not (loops, calls, the caller's size bound); with fuel and a call-depth limit, the same counts as the calls.
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';
import { INLINE_BYTES, INLINE_CALLER_BYTES } from '../src/limits.js';
import { instantiate, limits, resetLimits, store } from './harness.js';

declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, (...args: unknown[]) => unknown> };
};

/** The generated body of function `f` (its pair-ABI entry if it has one). */
function bodyOf(source: string, f: number): string {
  const at = source.search(new RegExp(`function f${f}(\\$p)?\\(`));
  return source.slice(at, source.indexOf('\n}', at));
}

const LEAVES = `
  (memory 1)
  (global $g (mut i32) (i32.const 5))
  ;; a 128-bit product through a result pointer (compiler-rt's __multi3 shape)
  (func $mul128 (param $r i32) (param $a i64) (param $b i64)
    (local $t i64) (local $u i64)
    (local.set $t (i64.mul (i64.and (local.get $a) (i64.const 0xffffffff)) (i64.and (local.get $b) (i64.const 0xffffffff))))
    (local.set $u (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.mul (i64.shr_u (local.get $a) (i64.const 32)) (local.get $b))))
    (i64.store (local.get $r) (i64.or (i64.shl (local.get $u) (i64.const 32)) (i64.and (local.get $t) (i64.const 0xffffffff))))
    (i64.store offset=8 (local.get $r) (i64.add (local.get $u) (i64.mul (local.get $a) (i64.shr_u (local.get $b) (i64.const 32))))))
  ;; returns from inside an if, through a br to its own frame, and at its end; a br_table; writes its parameter
  (func $classify (param $x i32) (result i64)
    (local $acc i64)
    (block $a (block $b
      (br_table $a $b $b (i32.and (local.get $x) (i32.const 3)))
    ) (local.set $acc (i64.const 100)) (local.set $x (i32.add (local.get $x) (i32.const 1))))
    (if (i32.eq (i32.and (local.get $x) (i32.const 7)) (i32.const 6)) (then (br 1 (i64.const 77))))
    (if (i32.gt_u (local.get $x) (i32.const 50)) (then (return (i64.extend_i32_u (local.get $x)))))
    (global.set $g (i32.add (global.get $g) (local.get $x)))
    (i64.add (local.get $acc) (i64.extend_i32_s (local.get $x))))
  ;; multi-value, floats with NaN payloads kept through its locals
  (func $swap (param f32 f64) (result f64 f32) (local f32) (local.set 2 (local.get 0)) (local.get 1) (local.get 2))
  ;; a local read before it is written: zero at every call
  (func $count (param $n i32) (result i32) (local $c i32)
    (local.set $c (i32.add (local.get $c) (local.get $n))) (local.get $c))
  (func $div (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
`;

const CALLERS = `
  (func (export "mul128") (param $p i32) (param $a i64) (param $b i64) (result i64)
    (call $mul128 (local.get $p) (local.get $a) (local.get $b))
    (call $mul128 (i32.add (local.get $p) (i32.const 16)) (i64.load (local.get $p)) (i64.load offset=8 (local.get $p)))
    (i64.xor (i64.load offset=16 (local.get $p)) (i64.load offset=24 (local.get $p))))
  (func (export "classify") (param i32) (result i64)
    (i64.add (call $classify (local.get 0)) (i64.extend_i32_u (global.get $g))))
  (func (export "swapbits") (param i32 i64) (result i64) (local f64 f32)
    (call $swap (f32.reinterpret_i32 (local.get 0)) (f64.reinterpret_i64 (local.get 1)))
    (local.set 3)
    (local.set 2)
    (i64.xor (i64.reinterpret_f64 (local.get 2)) (i64.shl (i64.extend_i32_u (i32.reinterpret_f32 (local.get 3))) (i64.const 7))))
  (func (export "count") (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $count (local.get $n))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  (func (export "div") (param i32 i32) (result i32) (i32.add (call $div (local.get 0) (local.get 1)) (i32.const 1)))
`;

const WAT = `(module ${LEAVES} ${CALLERS})`;

describe('inlining', () => {
  it('inlines the small leaf callees: no call is left in the callers', () => {
    const source = compileModule(decodeModule(parseWat(WAT))).source;
    for (let f = 5; f <= 9; f++) expect(bodyOf(source, f)).not.toMatch(/\bf[0-4](\$p)?\(/);
    const kept = compileModule(decodeModule(parseWat(WAT)), { inline: false }).source;
    for (let f = 5; f <= 9; f++) expect(bodyOf(kept, f)).toMatch(/\bf[0-4](\$p)?\(/);
  });

  it('gives the results of the host WebAssembly and of the calls kept', () => {
    const native = new WebAssembly.Instance(new WebAssembly.Module(parseWat(WAT)), {}).exports;
    const js = instantiate(WAT);
    const kept = instantiate(WAT, {}, { inline: false });
    const i64s = [0n, 1n, -1n, 0xffffffffn, 0x100000000n, -(2n ** 63n), 0x0123456789abcdefn, -0x5555aaaa5555aaabn];
    const cases: [string, unknown[]][] = [];
    for (const a of i64s) for (const b of i64s) cases.push(['mul128', [64, a, b]]);
    for (let x = 0; x < 60; x += 3) cases.push(['classify', [x]], ['classify', [x + 1]]);
    // signalling NaN payloads through the callee's locals
    for (const [a, b] of [
      [0x7fa00001, 0x7ff4000000000001n],
      [-0x5fffff, -0x7ffffffffffffn],
      [0x3f800000, 0x3ff0000000000000n],
    ] as const)
      cases.push(['swapbits', [a, b]]);
    for (const n of [1, 2, 7, 100]) cases.push(['count', [n]]);
    for (const [a, b] of [
      [7, 2],
      [-7, 2],
      [2147483647, -1],
    ])
      cases.push(['div', [a, b]]);
    for (const [name, args] of cases) {
      const want = native[name](...args);
      expect(js[name](...args), `${name}(${args.join(', ')})`).toBe(want);
      expect(kept[name](...args), `${name}(${args.join(', ')}) with calls`).toBe(want);
    }
    // traps of an inlined callee are the callee's
    for (const ex of [js, kept]) {
      expect(() => ex.div(1, 0)).toThrow(/divide by zero/);
      expect(() => ex.div(-2147483648, -1)).toThrow(/overflow/);
      expect(() => ex.mul128(65530, 1n, 1n)).toThrow();
    }
  });

  it('inlines with fuel and an explicit call-depth limit, and no callee that loops or calls', () => {
    const text = `(module ${LEAVES}
      (func $loop (param $n i32) (result i32)
        (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))) (local.get $n))
      (func $calls (param i32) (result i32) (call $div (local.get 0) (i32.const 3)))
      ${CALLERS}
      (func (export "other") (param i32) (result i32) (i32.add (call $loop (local.get 0)) (call $calls (local.get 0)))))`;
    const module = decodeModule(parseWat(text));
    for (const tunables of [{}, { consumeFuel: true }, { maxCallDepth: 1000 }]) {
      const source = compileModule(module, { tunables }).source;
      const other = bodyOf(source, 12);
      expect(other).toMatch(/\bf5\(/);
      expect(other).toMatch(/\bf6\(/);
      for (let f = 7; f <= 11; f++) expect(bodyOf(source, f), JSON.stringify(tunables)).not.toMatch(/\bf[0-4](\$p)?\(/);
    }
  });

  it('charges fuel, calls the out-of-fuel hook and checks the call depth exactly as the calls kept', () => {
    // every export, run with every amount of fuel from 0 to what it consumes (so each check runs out once), without
    // and with a hook that refuels a little, and at the call-depth limits that make each call overflow or not
    const i64 = (x: bigint) => BigInt.asIntN(64, x);
    const cases: [string, unknown[]][] = [
      ['mul128', [64, 0x0123456789abcdefn, i64(-3n)]],
      ['mul128', [65530, 1n, 1n]],
      ['classify', [6]],
      ['classify', [1]],
      ['classify', [60]],
      ['swapbits', [0x7fa00001, 0x7ff4000000000001n]],
      ['count', [3]],
      ['div', [7, 2]],
      ['div', [1, 0]],
    ];
    const outcome = (ex: Record<string, any>, name: string, args: unknown[]) => {
      try {
        return { value: ex[name](...args) };
      } catch (e) {
        return { trap: String(e) };
      }
    };
    try {
      for (const tunables of [{ consumeFuel: true }, { consumeFuel: true, maxCallDepth: 1000 }]) {
        const js = instantiate(WAT, {}, { tunables });
        const kept = instantiate(WAT, {}, { tunables, inline: false });
        expect(bodyOf(compileModule(decodeModule(parseWat(WAT)), { tunables }).source, 5)).not.toMatch(/\bf0\(/);
        for (const [name, args] of cases) {
          const run = (ex: Record<string, any>, fuel: number, hook: boolean) => {
            const seen: number[] = [];
            store.outOfGas = hook
              ? () => {
                  seen.push(limits.fuelConsumed);
                  limits.fuelConsumed -= 3;
                }
              : undefined;
            limits.fuelConsumed = -fuel;
            limits.stackDepth = 0;
            limits.stackLimit = 1000;
            const r = outcome(ex, name, args);
            return { ...r, fuel: limits.fuelConsumed, depth: limits.stackDepth, seen };
          };
          // (both run it: classify's global changes at each call)
          const total = run(kept, 1e6, false).fuel + 1e6;
          expect(run(js, 1e6, false).fuel + 1e6).toBe(total);
          expect(total, name).toBeGreaterThan(0);
          for (let fuel = 0; fuel <= total + 1; fuel++)
            for (const hook of [false, true])
              expect(run(js, fuel, hook), `${name}(${args.join(', ')}) fuel ${fuel} hook ${hook}`).toEqual(
                run(kept, fuel, hook),
              );
        }
      }
      const js = instantiate(WAT, {}, { tunables: { maxCallDepth: 1000 } });
      const kept = instantiate(WAT, {}, { tunables: { maxCallDepth: 1000 }, inline: false });
      for (const [name, args] of cases)
        for (const limit of [0, 1, 2, 3]) {
          const run = (ex: Record<string, any>) => {
            limits.stackDepth = 0;
            limits.stackLimit = limit;
            return { ...outcome(ex, name, args), depth: limits.stackDepth };
          };
          const want = run(kept);
          if (limit === 1 && name !== 'count') expect(want.trap, name).toMatch(/call stack exhausted|stack overflow/i);
          expect(run(js), `${name} at depth limit ${limit}`).toEqual(want);
        }
    } finally {
      store.outOfGas = undefined;
      resetLimits();
    }
  });

  it('inlines callees of at most INLINE_BYTES, into callers up to INLINE_CALLER_BYTES', () => {
    // a callee of n additions: 2 + 3n code bytes with its end
    const leaf = (n: number) =>
      `(func $leaf (param i32) (result i32) (local.get 0) ${'(i32.const 7) (i32.add) '.repeat(n)})`;
    const calls = (k: number) => '(call $leaf (local.get 0)) (drop) '.repeat(k);
    const n = Math.floor((INLINE_BYTES - 2) / 3);
    const count = (text: string) =>
      (bodyOf(compileModule(decodeModule(parseWat(text))).source, 1).match(/\bf0\(/g) ?? []).length;
    expect(count(`(module ${leaf(n)} (func (param i32) ${calls(3)}))`)).toBe(0);
    expect(count(`(module ${leaf(n + 1)} (func (param i32) ${calls(3)}))`)).toBe(3);
    // each site adds the callee's bytes; the sites past the caller's bound stay calls
    const size = 2 + 3 * n;
    const sites = Math.ceil(INLINE_CALLER_BYTES / size) + 5;
    const kept = count(`(module ${leaf(n)} (func (param i32) ${calls(sites)}))`);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(sites);
  });
});
