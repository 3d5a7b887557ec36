// i64 values between wasm functions (docs/js-abi.md, "Calling convention"): one module per construct, whose
// generated code must hold no bigint outside the boundary wrappers, and whose results must be right. BigInt stays
// at the JS boundary only: the exports' wrappers and adapters made for host functions (`H.pa`).
import { decodeModule, f64ToBits } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';
import { instantiate } from './harness.js';

/**
 * Anything in generated code that makes or reads a bigint. A call through a table, a reference or an import names
 * `H.pa` for a callee without a pair-ABI entry (a host function): the tests check that wasm callees have theirs.
 */
const BIGINT = /BigInt|H\.j\(|\b\d+n\b|\bqz\b/;
/** A generated pair-ABI entry (not an adapter made by `H.pa`). */
const PAIR_ENTRY = /^f\d+\$[pq]$/;

/**
 * The top-level functions of a module's source, without the boundary wrappers (`f<i>` around `f<i>$p`, or around
 * `f<i>$q` for a function that makes tail calls, which take and return bigints by design).
 */
function innerFunctions(source: string): Map<string, string> {
  const chunks = new Map<string, string>();
  const starts = [...source.matchAll(/^function ([\w$]+)\(/gm)];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1].index as number) : source.length;
    chunks.set(m[1], source.slice(m.index, end));
  });
  for (const name of [...chunks.keys()]) if (chunks.has(`${name}$p`) || chunks.has(`${name}$q`)) chunks.delete(name);
  return chunks;
}

/** Asserts that no function of `wat`'s generated code but the boundary wrappers touches a bigint. */
function expectNoBigInt(wat: string): void {
  const { source } = compileModule(decodeModule(parseWat(wat)));
  const inner = innerFunctions(source);
  expect(inner.size).toBeGreaterThan(0);
  for (const [name, text] of inner) expect(BIGINT.test(text), `${name}:\n${text}`).toBe(false);
}

const U = (x: bigint) => BigInt.asUintN(64, x);
const W = (x: bigint) => BigInt.asIntN(64, x);
const rotl = (x: bigint, n: bigint) => W((U(x) << n) | (U(x) >> (64n - n)));
const M = 0x0123456789abcdefn;
const A = -0x7edcba9876543211n;

interface Construct {
  wat: string;
  run: (e: Record<string, any>) => unknown;
  want: unknown;
  /** The functions the construct reaches through a table or a reference (checked for their own `$p`). */
  callees?: (e: Record<string, any>) => { $p?: { name: string } }[];
}

const CONSTRUCTS: Record<string, Construct> = {
  arithmetic: {
    wat: `(module
      (func $mix (export "mix") (param i64 i64) (result i64)
        (i64.add (i64.mul (local.get 0) (i64.const 0x9e3779b97f4a7c15))
                 (i64.rotl (i64.xor (local.get 1) (i64.shr_u (local.get 0) (i64.const 7))) (i64.const 13)))))`,
    run: (e) => e.mix(M, A),
    want: W(M * 0x9e3779b97f4a7c15n + rotl(A ^ (U(M) >> 7n), 13n)),
  },
  call: {
    wat: `(module
      (func $sub (param i64 i64) (result i64) (i64.sub (local.get 0) (local.get 1)))
      (func (export "run") (param i64) (result i64) (call $sub (local.get 0) (i64.const 5))))`,
    run: (e) => e.run(M),
    want: M - 5n,
  },
  call_indirect: {
    wat: `(module
      (type $t (func (param i32 i64) (result i64)))
      (table (export "t") 2 funcref) (elem (i32.const 0) $shl $neg)
      (func $shl (type $t) (i64.shl (local.get 1) (i64.extend_i32_u (local.get 0))))
      (func $neg (type $t) (i64.sub (i64.const 0) (local.get 1)))
      (func (export "run") (param i32 i64) (result i64)
        (call_indirect (type $t) (i32.const 4) (local.get 1) (local.get 0))))`,
    run: (e) => [e.run(0, M), e.run(1, M)],
    want: [W(M << 4n), -M],
    callees: (e) => e.t.elements.map((r: { fn: unknown }) => r.fn),
  },
  call_ref: {
    wat: `(module
      (type $t (func (param i64) (result i64)))
      (func $inc (export "inc") (type $t) (i64.add (local.get 0) (i64.const 1)))
      (elem declare func $inc)
      (func (export "run") (param i64) (result i64) (call_ref $t (local.get 0) (ref.func $inc))))`,
    run: (e) => e.run(-1n),
    want: 0n,
    callees: (e) => [e.$refs.inc.fn],
  },
  'multi-value (words)': {
    wat: `(module
      (type $t (func (param i64) (result i32 i64 i64)))
      (table (export "t") 1 funcref) (elem (i32.const 0) $split)
      (func $split (type $t)
        (i32.wrap_i64 (local.get 0)) (i64.shr_s (local.get 0) (i64.const 32)) (i64.mul (local.get 0) (local.get 0)))
      (func (export "direct") (param i64) (result i32 i64 i64) (call $split (local.get 0)))
      (func (export "indirect") (param i64) (result i32 i64 i64) (call_indirect (type $t) (local.get 0) (i32.const 0)))
      (func (export "sum") (param i64) (result i64) (local i32 i64 i64)
        (call $split (local.get 0)) (local.set 3) (local.set 2) (local.set 1)
        (i64.add (i64.add (local.get 2) (local.get 3)) (i64.extend_i32_s (local.get 1)))))`,
    run: (e) => [e.direct(A), e.indirect(A), e.sum(A)],
    want: [
      [Number(BigInt.asIntN(32, A)), A >> 32n, W(A * A)],
      [Number(BigInt.asIntN(32, A)), A >> 32n, W(A * A)],
      W((A >> 32n) + W(A * A) + BigInt.asIntN(32, A)),
    ],
    callees: (e) => e.t.elements.map((r: { fn: unknown }) => r.fn),
  },
  'multi-value (a tuple: f64 and v128 results beside an i64)': {
    wat: `(module
      (func $f (param i64 v128) (result f64 i64 v128)
        (f64.const nan:0x4000000000001) (i64.sub (i64.const 0) (local.get 0)) (local.get 1))
      (func (export "run") (param i64) (result i64 f64) (local f64 i64 v128)
        (call $f (local.get 0) (v128.const i64x2 7 -9)) (local.set 3) (local.set 2) (local.set 1)
        (i64.add (local.get 2) (i64x2.extract_lane 1 (local.get 3))) (local.get 1)))`,
    run: (e) => {
      const [x, f] = e.run(M);
      // a NaN with a payload is a NaNBits value (environ): its bits
      return [x, BigInt.asUintN(64, f64ToBits(f))];
    },
    // the NaN's payload survives the tuple
    want: [W(-M - 9n), 0x7ff4000000000001n],
  },
  // mutual recursion a million deep: constant stack only if each bounce returns to a trampoline
  return_call: {
    wat: `(module
      (func $even (export "even") (param i64 i64) (result i64 i64)
        (if (result i64 i64) (i64.eqz (local.get 0)) (then (local.get 1) (i64.const 1))
          (else (return_call $odd (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 3))))))
      (func $odd (param i64 i64) (result i64 i64)
        (if (result i64 i64) (i64.eqz (local.get 0)) (then (local.get 1) (i64.const 0))
          (else (return_call $even (i64.sub (local.get 0) (i64.const 1)) (local.get 1))))))`,
    run: (e) => [e.even(1_000_000n, M), e.even(999_999n, 0n)],
    want: [
      [M + 1_500_000n, 1n],
      [1_500_000n, 0n],
    ],
  },
  return_call_indirect: {
    wat: `(module
      (type $t (func (param i64 i32) (result i64)))
      (table (export "t") 2 funcref) (elem (i32.const 0) $down $last)
      (func $down (type $t)
        (return_call_indirect (type $t) (i64.add (local.get 0) (i64.const 0x100000000))
          (i32.sub (local.get 1) (i32.const 1)) (i32.eqz (local.get 1))))
      (func $last (type $t) (i64.sub (local.get 0) (i64.extend_i32_s (local.get 1))))
      (func (export "run") (param i64 i32) (result i64) (return_call $down (local.get 0) (local.get 1))))`,
    run: (e) => e.run(5n, 1_000_000),
    want: 5n + 1_000_001n * 0x100000000n + 1n,
    callees: (e) => e.t.elements.map((r: { fn: unknown }) => r.fn),
  },
  return_call_ref: {
    wat: `(module
      (type $t (func (param i64 i32) (result i64)))
      (func $down (type $t)
        (if (result i64) (i32.eqz (local.get 1)) (then (local.get 0))
          (else (return_call_ref $t (i64.mul (local.get 0) (i64.const 3)) (i32.sub (local.get 1) (i32.const 1))
            (ref.func $down)))))
      (elem declare func $down)
      (func (export "run") (param i64 i32) (result i64) (return_call_ref $t (local.get 0) (local.get 1) (ref.func $down))))`,
    run: (e) => e.run(1n, 100_000),
    want: W(3n ** 100_000n),
  },
  // a pair-ABI function and one that is not, tail-calling each other (their results are the same: no i64)
  'return_call between conventions': {
    wat: `(module
      (func $wide (export "wide") (param i64 i32) (result i32)
        (if (result i32) (i32.eqz (local.get 1)) (then (i32.wrap_i64 (local.get 0)))
          (else (return_call $narrow (i32.wrap_i64 (i64.shr_u (local.get 0) (i64.const 1))) (local.get 1)))))
      (func $narrow (param i32 i32) (result i32)
        (return_call $wide (i64.extend_i32_u (i32.add (local.get 0) (i32.const 7))) (i32.sub (local.get 1) (i32.const 1)))))`,
    // x -> (x >> 1) + 7 a million times from 100: 57, 35, 24, 19, 16, 15, 14, 14, ...
    run: (e) => [e.wide(100n, 1_000_000), e.wide(100n, 3)],
    want: [14, 24],
  },
};

describe('the pair ABI: no bigint between wasm functions', () => {
  for (const [name, c] of Object.entries(CONSTRUCTS)) {
    it(`${name}: no bigint in the generated functions, and the right result`, () => {
      expectNoBigInt(c.wat);
      for (const lazy of [false, true]) {
        const e = instantiate(c.wat, {}, { lazy });
        expect(c.run(e)).toEqual(c.want);
        for (const fn of c.callees?.(e) ?? []) expect(fn.$p?.name).toMatch(PAIR_ENTRY);
      }
    });
  }

  it('an imported function of another module is called through its `$p` (no bigint on either side)', () => {
    const callee = `(module (func (export "mul") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1))))`;
    const caller = `(module (import "m" "mul" (func $mul (param i64 i64) (result i64)))
      (func (export "sq") (param i64) (result i64) (call $mul (local.get 0) (local.get 0))))`;
    expectNoBigInt(callee);
    // the caller's call site names `H.pa` for an import without `$p`, so only its result is checked here
    for (const lazy of [false, true]) {
      const m = instantiate(callee, {}, { lazy });
      const e = instantiate(caller, { mul: m.$refs.mul }, { lazy });
      expect(e.sq(A)).toBe(W(A * A));
      // (lazily compiled, an export made before the first call keeps the stub, whose `$p` forwards to the function's)
      if (lazy) expect(typeof m.mul.$p).toBe('function');
      else expect(m.mul.$p.name).toMatch(PAIR_ENTRY);
    }
  });

  it('a host function reached from a pair-ABI call site gets bigints and one adapter (`H.pa`)', () => {
    const seen: unknown[] = [];
    const host = (a: number, b: bigint) => {
      seen.push(a, b);
      return b * 3n;
    };
    const e = instantiate(
      `(module (import "h" "f" (func $f (param i32 i64) (result i64)))
        (type $t (func (param i32 i64) (result i64)))
        (table 1 funcref) (elem (i32.const 0) $f)
        (func (export "direct") (param i64) (result i64) (call $f (i32.const 7) (local.get 0)))
        (func (export "indirect") (param i64) (result i64)
          (call_indirect (type $t) (i32.const 8) (local.get 0) (i32.const 0))))`,
      { f: host },
    );
    expect(e.direct(-(2n ** 40n))).toBe(-3n * 2n ** 40n);
    expect(e.indirect(2n ** 62n)).toBe(W(3n * 2n ** 62n));
    expect(seen).toEqual([7, -(2n ** 40n), 8, 2n ** 62n]);
    const adapter = (host as unknown as { $p: { name: string } }).$p;
    expect(adapter.name).not.toMatch(PAIR_ENTRY);
    e.direct(1n);
    expect((host as unknown as { $p: unknown }).$p).toBe(adapter);
  });

  it('a host function with several results, through `H.pa`: words (i32, i64) and a tuple (f64, i64)', () => {
    const e = instantiate(
      `(module
        (import "h" "w" (func $w (param i64) (result i32 i64)))
        (import "h" "t" (func $t (param i64) (result f64 i64)))
        (func (export "words") (param i64) (result i64) (local i32 i64)
          (call $w (local.get 0)) (local.set 2) (local.set 1)
          (i64.add (local.get 2) (i64.extend_i32_s (local.get 1))))
        (func (export "tuple") (param i64) (result i64 f64) (local f64 i64)
          (call $t (local.get 0)) (local.set 2) (local.set 1) (local.get 2) (local.get 1)))`,
      { w: (x: bigint) => [-5, x * 2n], t: (x: bigint) => [0.5, x - 1n] },
    );
    expect(e.words(A)).toBe(W(A * 2n - 5n));
    expect(e.tuple(M)).toEqual([M - 1n, 0.5]);
  });
});
