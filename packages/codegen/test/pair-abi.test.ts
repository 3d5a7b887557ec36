// i64 values between wasm functions (docs/js-abi.md, "Calling convention"): one module per construct, whose
// generated code must hold no bigint outside the boundary wrappers, and whose results must be right. BigInt stays
// at the JS boundary only: the exports' wrappers and adapters made for host functions (`H.pa`).
import { decodeModule } from '@wasmts/environ';
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
 * The top-level functions of a module's source, without the boundary wrappers (`f<i>` around `f<i>$p`, which take
 * and return bigints by design).
 */
function innerFunctions(source: string): Map<string, string> {
  const chunks = new Map<string, string>();
  const starts = [...source.matchAll(/^function ([\w$]+)\(/gm)];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1].index as number) : source.length;
    chunks.set(m[1], source.slice(m.index, end));
  });
  for (const name of [...chunks.keys()]) if (chunks.has(`${name}$p`)) chunks.delete(name);
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
});
