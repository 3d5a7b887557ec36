// Relaxed SIMD against the documented deterministic choices (README.md) and the spec suite's cases.

import { describe, expect, it } from 'vitest';
import { simd, V128 } from '../../src/simd/index.js';
import { randomV128 } from './inputs.js';
import { rng } from './oracle.js';

const N = 300;

function randomOperands(seed: number, count: number): V128[][] {
  const next = rng(seed);
  const dv = new DataView(new ArrayBuffer(48));
  const u8 = new Uint8Array(dv.buffer);
  return Array.from({ length: N }, () =>
    Array.from({ length: count }, (_, k) => {
      randomV128(next, dv, 16 * k);
      return V128.fromBytes(u8.subarray(16 * k, 16 * k + 16));
    }),
  );
}

type Fn = (...v: V128[]) => V128;
const same: [string, Fn, Fn, number][] = [
  ['i8x16.relaxed_swizzle', simd.i8x16_relaxed_swizzle, simd.i8x16_swizzle, 2],
  ['i32x4.relaxed_trunc_f32x4_s', simd.i32x4_relaxed_trunc_f32x4_s, simd.i32x4_trunc_sat_f32x4_s, 1],
  ['i32x4.relaxed_trunc_f32x4_u', simd.i32x4_relaxed_trunc_f32x4_u, simd.i32x4_trunc_sat_f32x4_u, 1],
  ['i32x4.relaxed_trunc_f64x2_s_zero', simd.i32x4_relaxed_trunc_f64x2_s_zero, simd.i32x4_trunc_sat_f64x2_s_zero, 1],
  ['i32x4.relaxed_trunc_f64x2_u_zero', simd.i32x4_relaxed_trunc_f64x2_u_zero, simd.i32x4_trunc_sat_f64x2_u_zero, 1],
  ['i8x16.relaxed_laneselect', simd.i8x16_relaxed_laneselect, simd.v128_bitselect, 3],
  ['i16x8.relaxed_laneselect', simd.i16x8_relaxed_laneselect, simd.v128_bitselect, 3],
  ['i32x4.relaxed_laneselect', simd.i32x4_relaxed_laneselect, simd.v128_bitselect, 3],
  ['i64x2.relaxed_laneselect', simd.i64x2_relaxed_laneselect, simd.v128_bitselect, 3],
  ['f32x4.relaxed_min', simd.f32x4_relaxed_min, simd.f32x4_min, 2],
  ['f32x4.relaxed_max', simd.f32x4_relaxed_max, simd.f32x4_max, 2],
  ['f64x2.relaxed_min', simd.f64x2_relaxed_min, simd.f64x2_min, 2],
  ['f64x2.relaxed_max', simd.f64x2_relaxed_max, simd.f64x2_max, 2],
  ['i16x8.relaxed_q15mulr_s', simd.i16x8_relaxed_q15mulr_s, simd.i16x8_q15mulr_sat_s, 2],
];

describe('relaxed operators that equal a non-relaxed one', () => {
  it.each(same)('%s', (_name, relaxed, plain, count) => {
    for (const ops of randomOperands(count * 101, count)) expect(relaxed(...ops).equals(plain(...ops))).toBe(true);
  });
});

/** Bits of an f32 lane computed in JS, with any NaN as the canonical NaN. */
function f32Lane(x: number): number {
  return x !== x ? 0x7fc00000 : V128.fromF32([x, 0, 0, 0]).a;
}

function canonF32(v: V128): number[] {
  return [0, 1, 2, 3].map((i) => {
    const b = v.i32(i);
    return (b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0 ? 0x7fc00000 : b;
  });
}

describe('relaxed madd / nmadd: unfused, each step rounded', () => {
  it('f32x4', () => {
    for (const [a, b, c] of randomOperands(7, 3)) {
      const madd = [0, 1, 2, 3].map((i) => f32Lane(Math.fround(Math.fround(a.f32(i) * b.f32(i)) + c.f32(i))));
      const nmadd = [0, 1, 2, 3].map((i) => f32Lane(Math.fround(-Math.fround(a.f32(i) * b.f32(i)) + c.f32(i))));
      expect(canonF32(simd.f32x4_relaxed_madd(a, b, c))).toEqual(madd);
      expect(canonF32(simd.f32x4_relaxed_nmadd(a, b, c))).toEqual(nmadd);
      expect(simd.f32x4_relaxed_madd(a, b, c).equals(simd.f32x4_add(simd.f32x4_mul(a, b), c))).toBe(true);
    }
  });
  it('f64x2', () => {
    for (const [a, b, c] of randomOperands(8, 3)) {
      const madd = [0, 1].map((i) => a.f64(i) * b.f64(i) + c.f64(i));
      const nmadd = [0, 1].map((i) => -(a.f64(i) * b.f64(i)) + c.f64(i));
      const r = simd.f64x2_relaxed_madd(a, b, c);
      const n = simd.f64x2_relaxed_nmadd(a, b, c);
      expect([r.f64(0), r.f64(1)]).toEqual(madd);
      expect([n.f64(0), n.f64(1)]).toEqual(nmadd);
    }
  });
  it('the spec suite cases (one of the allowed results)', () => {
    const max32 = 3.4028234663852886e38;
    const r = simd.f32x4_relaxed_madd(
      V128.fromF32([max32, max32, max32, max32]),
      V128.fromF32([2, 2, 2, 2]),
      V128.fromF32([-max32, -max32, -max32, -max32]),
    );
    expect(r.f32(0)).toBe(Infinity);
    const a = 1 + 2 ** -21;
    const b = 1 + 2 ** -13;
    const c = -(1 + 2 ** -13 + 2 ** -21);
    expect(
      simd
        .f32x4_relaxed_madd(V128.fromF32([a, a, a, a]), V128.fromF32([b, b, b, b]), V128.fromF32([c, c, c, c]))
        .f32(0),
    ).toBe(0);
    expect(
      simd
        .f32x4_relaxed_nmadd(V128.fromF32([-a, -a, -a, -a]), V128.fromF32([b, b, b, b]), V128.fromF32([c, c, c, c]))
        .f32(0),
    ).toBe(0);
    const max64 = Number.MAX_VALUE;
    expect(
      simd
        .f64x2_relaxed_madd(V128.fromF64([max64, max64]), V128.fromF64([2, 2]), V128.fromF64([-max64, -max64]))
        .f64(1),
    ).toBe(Infinity);
  });
});

describe('relaxed dot products: signed x signed', () => {
  it('i16x8.relaxed_dot_i8x16_i7x16_s sums pairs, saturating', () => {
    for (const [a, b] of randomOperands(9, 2)) {
      const want = Array.from({ length: 8 }, (_, i) => {
        const s = a.i8(2 * i) * b.i8(2 * i) + a.i8(2 * i + 1) * b.i8(2 * i + 1);
        return Math.min(s, 32767) | 0;
      });
      const r = simd.i16x8_relaxed_dot_i8x16_i7x16_s(a, b);
      expect(Array.from({ length: 8 }, (_, i) => r.i16(i))).toEqual(want);
    }
  });
  it('i32x4.relaxed_dot_i8x16_i7x16_add_s = extadd_pairwise(i16x8 dot) + c', () => {
    for (const [a, b, c] of randomOperands(10, 3)) {
      const want = simd.i32x4_add(simd.i32x4_extadd_pairwise_i16x8_s(simd.i16x8_relaxed_dot_i8x16_i7x16_s(a, b)), c);
      expect(simd.i32x4_relaxed_dot_i8x16_i7x16_add_s(a, b, c).equals(want)).toBe(true);
    }
  });
  it('the spec suite cases', () => {
    const seq = V128.fromI8(Array.from({ length: 16 }, (_, i) => i));
    const r = simd.i16x8_relaxed_dot_i8x16_i7x16_s(seq, seq);
    expect(r.equals(V128.fromI16([1, 13, 41, 85, 145, 221, 313, 421]))).toBe(true);
    const x = V128.fromI8([-128, -128, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const y = V128.fromI8([127, 127, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(simd.i16x8_relaxed_dot_i8x16_i7x16_s(x, y).equals(V128.fromI16([-32512, 32258, 0, 0, 0, 0, 0, 0]))).toBe(
      true,
    );
    const m = V128.fromI8([-128, -128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const n = V128.fromI8([-127, -127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(simd.i16x8_relaxed_dot_i8x16_i7x16_s(m, n).i16(0)).toBe(32512);
    expect(
      simd
        .i32x4_relaxed_dot_i8x16_i7x16_add_s(seq, seq, V128.fromI32([0, 1, 2, 3]))
        .equals(V128.fromI32([14, 127, 368, 737])),
    ).toBe(true);
    const p = V128.fromI8([-128, -128, -128, -128, 127, 127, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0]);
    const q = V128.fromI8([127, 127, 127, 127, 127, 127, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(
      simd
        .i32x4_relaxed_dot_i8x16_i7x16_add_s(p, q, V128.fromI32([1, 2, 3, 4]))
        .equals(V128.fromI32([-65023, 64518, 3, 4])),
    ).toBe(true);
    const s = V128.fromI8([-128, -128, -128, -128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const t = V128.fromI8([-127, -127, -127, -127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(
      simd.i32x4_relaxed_dot_i8x16_i7x16_add_s(s, t, V128.fromI32([1, 2, 3, 4])).equals(V128.fromI32([65025, 2, 3, 4])),
    ).toBe(true);
  });
  it('q15mulr saturates INT16_MIN * INT16_MIN', () => {
    const a = V128.fromI16([-32768, -32767, 32767, 0, 0, 0, 0, 0]);
    const b = V128.fromI16([-32768, -32768, 32767, 0, 0, 0, 0, 0]);
    expect(simd.i16x8_relaxed_q15mulr_s(a, b).equals(V128.fromI16([32767, 32767, 32766, 0, 0, 0, 0, 0]))).toBe(true);
  });
});
