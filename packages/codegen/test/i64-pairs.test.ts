// The i64 lowering to int32 pairs (src/pairs.ts): every i64 operator, run through generated code on
// edge values and random ones, against a BigInt reference. Each operator is exercised with operands that
// are locals (pending atoms), constants (templates fold literals: shift counts, multiplier limbs) and
// computed stack slots (the result overwrites the first operand's slot), and through a local.
import { describe, expect, it } from 'vitest';
import { instantiate, limits } from './harness.js';

const W = (x: bigint) => BigInt.asIntN(64, x);
const U = (x: bigint) => BigInt.asUintN(64, x);

/** Edge values and a few seeded random ones, as signed i64. */
function values(): bigint[] {
  const edges = [
    0n,
    1n,
    -1n,
    2n,
    31n,
    32n,
    33n,
    63n,
    64n,
    65n,
    2n ** 31n,
    2n ** 31n - 1n,
    -(2n ** 31n),
    2n ** 32n - 1n,
    2n ** 32n,
    2n ** 32n + 1n,
    -(2n ** 32n),
    2n ** 63n - 1n,
    -(2n ** 63n),
    0x9e3779b185ebca87n,
    0xc2b2ae3d27d4eb4fn,
    0xffff0000ffffn,
  ];
  let seed = 0x12345678n;
  for (let i = 0; i < 10; i++) {
    seed = U(seed * 6364136223846793005n + 1442695040888963407n);
    edges.push(seed);
  }
  return [...new Set(edges.map(W))];
}
const VALUES = values();
const TRAP = 'trap';

const BINARY: Record<string, (a: bigint, b: bigint) => bigint | string> = {
  add: (a, b) => W(a + b),
  sub: (a, b) => W(a - b),
  mul: (a, b) => W(a * b),
  and: (a, b) => a & b,
  or: (a, b) => a | b,
  xor: (a, b) => a ^ b,
  shl: (a, b) => W(a << (b & 63n)),
  shr_s: (a, b) => a >> (b & 63n),
  shr_u: (a, b) => W(U(a) >> (b & 63n)),
  rotl: (a, b) => W((U(a) << (b & 63n)) | (U(a) >> ((64n - (b & 63n)) & 63n))),
  rotr: (a, b) => W((U(a) >> (b & 63n)) | (U(a) << ((64n - (b & 63n)) & 63n))),
  div_s: (a, b) => (b === 0n || (a === -(2n ** 63n) && b === -1n) ? TRAP : W(a / b)),
  div_u: (a, b) => (b === 0n ? TRAP : W(U(a) / U(b))),
  rem_s: (a, b) => (b === 0n ? TRAP : W(a % b)),
  rem_u: (a, b) => (b === 0n ? TRAP : W(U(a) % U(b))),
};
const COMPARE: Record<string, (a: bigint, b: bigint) => boolean> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  lt_s: (a, b) => a < b,
  lt_u: (a, b) => U(a) < U(b),
  gt_s: (a, b) => a > b,
  gt_u: (a, b) => U(a) > U(b),
  le_s: (a, b) => a <= b,
  le_u: (a, b) => U(a) <= U(b),
  ge_s: (a, b) => a >= b,
  ge_u: (a, b) => U(a) >= U(b),
};
const UNARY: Record<string, (a: bigint) => bigint> = {
  clz: (a) => (a === 0n ? 64n : BigInt(64 - U(a).toString(2).length)),
  ctz: (a) => (a === 0n ? 64n : BigInt(U(a).toString(2).length - 1 - U(a).toString(2).lastIndexOf('1'))),
  popcnt: (a) => BigInt([...U(a).toString(2)].filter((c) => c === '1').length),
  extend8_s: (a) => BigInt.asIntN(8, a),
  extend16_s: (a) => BigInt.asIntN(16, a),
  extend32_s: (a) => BigInt.asIntN(32, a),
};

function run(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (/divide by zero|overflow/.test(String(e))) return TRAP;
    throw e;
  }
}

const lit = (v: bigint) => `(i64.const ${v})`;
/** A computed stack slot holding `x` (not a pending atom): `x | 0` is materialized. */
const slot = (x: string) => `(i64.or ${x} (i64.const 0))`;

describe('i64 as int32 pairs', () => {
  it('constants of every encoded length (1 to 10 bytes) are exact, at both signs', () => {
    // a signed LEB128 of k bytes holds 7k bits: the values either side of each length's limit
    const consts: bigint[] = [];
    for (let k = 1; k <= 9; k++) {
      const limit = 2n ** BigInt(7 * k - 1);
      consts.push(limit - 1n, limit, -limit, -limit - 1n);
    }
    consts.push(2n ** 63n - 1n, -(2n ** 63n));
    const funcs = consts.map(
      (v, i) => `
      (func (export "c${i}") (result i64) ${lit(v)})
      (func (export "a${i}") (param i64) (result i64) (i64.add (local.get 0) ${lit(v)}))`,
    );
    const e = instantiate(`(module ${funcs.join('\n')})`);
    consts.forEach((v, i) => {
      expect(e[`c${i}`](), `i64.const ${v}`).toBe(v);
      expect(e[`a${i}`](3n), `3 + ${v}`).toBe(W(3n + v));
    });
  });

  it('binary operators agree with BigInt (locals, slots, through a local)', () => {
    const funcs = Object.keys(BINARY).map(
      (op) => `
      (func (export "${op}") (param i64 i64) (result i64) (i64.${op} (local.get 0) (local.get 1)))
      (func (export "${op}_slots") (param i64 i64) (result i64) (i64.${op} ${slot('(local.get 0)')} ${slot('(local.get 1)')}))
      (func (export "${op}_local") (param i64 i64) (result i64) (local i64)
        (local.set 2 (i64.${op} (local.get 0) (local.get 1))) (local.get 2))`,
    );
    const e = instantiate(`(module ${funcs.join('\n')})`);
    for (const [op, ref] of Object.entries(BINARY))
      for (const a of VALUES)
        for (const b of VALUES) {
          const want = ref(a, b);
          for (const v of ['', '_slots', '_local'])
            expect(
              run(() => e[`${op}${v}`](a, b)),
              `${op}${v}(${a}, ${b})`,
            ).toBe(want);
        }
  });

  it('binary operators agree with BigInt on constant operands (folded templates)', () => {
    const consts = [...VALUES, 1n, 7n, 31n, 32n, 33n, 63n, 64n, 100n];
    const funcs: string[] = [];
    for (const op of Object.keys(BINARY))
      consts.forEach((c, i) => {
        funcs.push(`(func (export "${op}_r${i}") (param i64) (result i64) (i64.${op} (local.get 0) ${lit(c)}))`);
        funcs.push(`(func (export "${op}_l${i}") (param i64) (result i64) (i64.${op} ${lit(c)} (local.get 0)))`);
        funcs.push(
          `(func (export "${op}_s${i}") (param i64) (result i64) (i64.${op} ${slot('(local.get 0)')} ${lit(c)}))`,
        );
      });
    const e = instantiate(`(module ${funcs.join('\n')})`);
    for (const [op, ref] of Object.entries(BINARY))
      consts.forEach((c, i) => {
        for (const a of VALUES) {
          expect(
            run(() => e[`${op}_r${i}`](a)),
            `${op}(${a}, ${c})`,
          ).toBe(ref(a, W(c)));
          expect(
            run(() => e[`${op}_s${i}`](a)),
            `${op}(${a}, ${c}) slot`,
          ).toBe(ref(a, W(c)));
          expect(
            run(() => e[`${op}_l${i}`](a)),
            `${op}(${c}, ${a})`,
          ).toBe(ref(W(c), a));
        }
      });
  });

  it('comparisons and eqz agree with BigInt (pending conditions and slot values)', () => {
    const funcs = Object.keys(COMPARE).map(
      (op) => `
      (func (export "${op}") (param i64 i64) (result i32) (i64.${op} (local.get 0) (local.get 1)))
      (func (export "${op}_slots") (param i64 i64) (result i32) (i64.${op} ${slot('(local.get 0)')} ${slot('(local.get 1)')}))
      (func (export "${op}_if") (param i64 i64) (result i32)
        (if (result i32) (i64.${op} (local.get 0) (local.get 1)) (then (i32.const 7)) (else (i32.const 9))))`,
    );
    const e = instantiate(`(module ${funcs.join('\n')}
      (func (export "eqz") (param i64) (result i32) (i64.eqz (local.get 0)))
      (func (export "eqz_slot") (param i64) (result i32) (i64.eqz ${slot('(local.get 0)')})))`);
    for (const [op, ref] of Object.entries(COMPARE))
      for (const a of VALUES)
        for (const b of VALUES) {
          const want = ref(a, b);
          expect(e[op](a, b), `${op}(${a}, ${b})`).toBe(want ? 1 : 0);
          expect(e[`${op}_slots`](a, b), `${op}(${a}, ${b}) slots`).toBe(want ? 1 : 0);
          expect(e[`${op}_if`](a, b), `${op}(${a}, ${b}) if`).toBe(want ? 7 : 9);
        }
    for (const a of VALUES) {
      expect(e.eqz(a)).toBe(a === 0n ? 1 : 0);
      expect(e.eqz_slot(a)).toBe(a === 0n ? 1 : 0);
    }
  });

  it('unary operators, extensions, wrap and conversions agree with BigInt', () => {
    const funcs = Object.keys(UNARY).map(
      (op) => `
      (func (export "${op}") (param i64) (result i64) (i64.${op} (local.get 0)))
      (func (export "${op}_slot") (param i64) (result i64) (i64.${op} ${slot('(local.get 0)')}))`,
    );
    const e = instantiate(`(module ${funcs.join('\n')}
      (func (export "wrap") (param i64) (result i32) (i32.wrap_i64 (local.get 0)))
      (func (export "wrap_slot") (param i64) (result i32) (i32.wrap_i64 ${slot('(local.get 0)')}))
      (func (export "ext_s") (param i32) (result i64) (i64.extend_i32_s (local.get 0)))
      (func (export "ext_u") (param i32) (result i64) (i64.extend_i32_u (local.get 0)))
      (func (export "ext_s_add") (param i32) (result i64) (i64.extend_i32_s (i32.add (local.get 0) (i32.const 1))))
      (func (export "f64_s") (param i64) (result f64) (f64.convert_i64_s (local.get 0)))
      (func (export "f64_u") (param i64) (result f64) (f64.convert_i64_u ${slot('(local.get 0)')}))
      (func (export "f32_s") (param i64) (result f32) (f32.convert_i64_s (local.get 0)))
      (func (export "f32_u") (param i64) (result f32) (f32.convert_i64_u (local.get 0)))
      (func (export "bits") (param f64) (result i64) (i64.reinterpret_f64 (local.get 0)))
      (func (export "from_bits") (param i64) (result f64) (f64.reinterpret_i64 ${slot('(local.get 0)')}))
      (func (export "trunc") (param f64) (result i64) (i64.trunc_sat_f64_s (local.get 0))))`);
    const dv = new DataView(new ArrayBuffer(8));
    for (const a of VALUES) {
      for (const [op, ref] of Object.entries(UNARY)) {
        expect(e[op](a), `${op}(${a})`).toBe(ref(a));
        expect(e[`${op}_slot`](a), `${op}(${a}) slot`).toBe(ref(a));
      }
      expect(e.wrap(a)).toBe(Number(BigInt.asIntN(32, a)));
      expect(e.wrap_slot(a)).toBe(Number(BigInt.asIntN(32, a)));
      const i = Number(BigInt.asIntN(32, a));
      expect(e.ext_s(i)).toBe(BigInt(i));
      expect(e.ext_u(i)).toBe(BigInt(i >>> 0));
      expect(e.ext_s_add(i)).toBe(BigInt((i + 1) | 0));
      expect(e.f64_s(a)).toBe(Number(a));
      expect(e.f64_u(a)).toBe(Number(U(a)));
      // exact doubles round once to f32 (larger ones are the helpers' business: conversions.wast)
      if (a >= -(2n ** 53n) && a <= 2n ** 53n) expect(e.f32_s(a)).toBe(Math.fround(Number(a)));
      if (U(a) <= 2n ** 53n) expect(e.f32_u(a)).toBe(Math.fround(Number(U(a))));
      dv.setBigInt64(0, a, true);
      const f = dv.getFloat64(0, true);
      if (f === f) {
        expect(e.bits(f)).toBe(a);
        expect(e.from_bits(a)).toBe(f);
        if (Number.isFinite(f) && Math.abs(f) < 2 ** 63) expect(e.trunc(f)).toBe(BigInt(Math.trunc(f)));
      }
    }
  });

  it('loads and stores split into 32-bit accesses, and a store that does not fit writes nothing', () => {
    const loads = ['load', 'load8_s', 'load8_u', 'load16_s', 'load16_u', 'load32_s', 'load32_u'];
    const stores = ['store', 'store8', 'store16', 'store32'];
    const e = instantiate(`(module (memory 1)
      ${loads.map((l) => `(func (export "${l}") (param i32) (result i64) (i64.${l} offset=3 (local.get 0)))`).join('\n')}
      ${stores.map((s) => `(func (export "${s}") (param i32 i64) (i64.${s} offset=3 (local.get 0) (local.get 1)))`).join('\n')}
      (func (export "load_slot") (param i32) (result i64) (i64.load offset=3 (block (result i32) (local.get 0))))
      (func (export "store_slot") (param i32 i64) (i64.store (i32.add (local.get 0) (i32.const 3)) ${slot('(local.get 1)')}))
      (func (export "byte") (param i32) (result i32) (i32.load8_u (local.get 0))))`);
    const narrow: Record<string, (v: bigint) => bigint> = {
      load: (v) => v,
      load8_s: (v) => BigInt.asIntN(8, v),
      load8_u: (v) => BigInt.asUintN(8, v),
      load16_s: (v) => BigInt.asIntN(16, v),
      load16_u: (v) => BigInt.asUintN(16, v),
      load32_s: (v) => BigInt.asIntN(32, v),
      load32_u: (v) => BigInt.asUintN(32, v),
    };
    const bits: Record<string, number> = { store8: 8, store16: 16, store32: 32 };
    for (const v of VALUES) {
      e.store(100, v);
      for (const l of loads) expect(e[l](100), `${l} of ${v}`).toBe(narrow[l](v));
      expect(e.load_slot(100), `load of ${v} from a slot address`).toBe(v);
      e.store_slot(200, v);
      expect(e.load(200)).toBe(v);
      for (const [s, n] of Object.entries(bits)) {
        e.store(300, -1n);
        e[s](300, v);
        expect(e.load(300), `${s} of ${v}`).toBe(W((-1n << BigInt(n)) | BigInt.asUintN(n, v)));
      }
    }
    // i64.store at 65530 (+3): the high word's range is out of bounds; nothing is written
    e.store(65525, 0n);
    expect(() => e.store(65530, -1n)).toThrow();
    for (let a = 65528; a < 65536; a++) expect(e.byte(a)).toBe(0);
    expect(() => e.load(65530)).toThrow();
  });

  it('keeps pairs across blocks, branches, select, calls, globals and multi-value', () => {
    const e = instantiate(`(module
      (global $g (mut i64) (i64.const -5))
      (func $two (param i64 i64) (result i64 i64) (local.get 1) (local.get 0))
      (func (export "swap") (param i64 i64) (result i64 i64) (call $two (local.get 0) (local.get 1)))
      (func (export "sel") (param i64 i64 i32) (result i64) (select (local.get 0) (local.get 1) (local.get 2)))
      (func (export "blk") (param i64 i32) (result i64)
        (block (result i64) (br_if 0 (i64.add (local.get 0) (i64.const 1)) (local.get 1)) (i64.mul (i64.const 3))))
      (func (export "ifp") (param i64 i32) (result i64)
        (local.get 0) (if (param i64) (result i64) (local.get 1) (then (i64.const 1) (i64.add)) (else (i64.const 2) (i64.sub))))
      (func (export "loop") (param i64) (result i64) (local i64)
        (loop $l (result i64)
          (local.set 1 (i64.add (local.get 1) (local.get 0)))
          (local.set 0 (i64.sub (local.get 0) (i64.const 1)))
          (br_if $l (i64.gt_s (local.get 0) (i64.const 0)))
          (local.get 1)))
      (func (export "glob") (param i64) (result i64) (global.set $g (i64.add (global.get $g) (local.get 0))) (global.get $g)))`);
    expect(e.swap(1n, -(2n ** 63n))).toEqual([-(2n ** 63n), 1n]);
    expect(e.sel(2n ** 40n, -3n, 1)).toBe(2n ** 40n);
    expect(e.sel(2n ** 40n, -3n, 0)).toBe(-3n);
    expect(e.blk(2n ** 32n - 1n, 1)).toBe(2n ** 32n);
    expect(e.blk(2n ** 32n - 1n, 0)).toBe(3n * 2n ** 32n);
    expect(e.ifp(-1n, 1)).toBe(0n);
    expect(e.ifp(-(2n ** 63n), 0)).toBe(2n ** 63n - 2n);
    expect(e.loop(100000n)).toBe(5000050000n);
    expect(e.glob(2n ** 33n)).toBe(2n ** 33n - 5n);
    expect(e.glob(-(2n ** 33n))).toBe(-5n);
  });

  it('charges fuel per wasm operator, not per JS operation', () => {
    // per iteration: 6 + 4 + 4 operators (loop is free); after the loop: local.get (end is free)
    const e = instantiate(
      `(module (func (export "sum") (param i64) (result i64) (local i64)
        (loop $l
          (local.set 1 (i64.add (local.get 1) (i64.mul (local.get 0) (i64.const 0x9e3779b185ebca87))))
          (local.set 0 (i64.sub (local.get 0) (i64.const 1)))
          (br_if $l (i64.ne (local.get 0) (i64.const 0))))
        (local.get 1)))`,
      {},
      { tunables: { consumeFuel: true } },
    );
    limits.fuelConsumed = -1_000_000;
    expect(e.sum(1000n)).toBe(W(500500n * 0x9e3779b185ebca87n));
    expect(limits.fuelConsumed).toBe(-1_000_000 + 14 * 1000 + 1);
  });
});
