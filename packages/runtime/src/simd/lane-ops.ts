// Splats, lane extraction and replacement, shuffles and the bitwise v128 operators. All of them move
// bits through the int lanes (never through a float view) so NaN payloads survive.

import { ldX, ldY, res } from './io.js';
import { F64, f32FromBits, f32ToBits, I32, I64, U8 } from './scratch.js';
import { V128 } from './v128.js';

/** The int32 lane `i` of `v`. */
function lane32(v: V128, i: number): number {
  return i === 0 ? v.a : i === 1 ? v.b : i === 2 ? v.c : v.d;
}

/** `v` with int32 lane `i` replaced by `x`. */
function with32(v: V128, i: number, x: number): V128 {
  return new V128(i === 0 ? x : v.a, i === 1 ? x : v.b, i === 2 ? x : v.c, i === 3 ? x : v.d);
}

/** i8x16.splat */
export function i8x16_splat(x: number): V128 {
  const w = (x & 0xff) * 0x01010101;
  return new V128(w, w, w, w);
}

/** i16x8.splat */
export function i16x8_splat(x: number): V128 {
  const w = (x & 0xffff) * 0x10001;
  return new V128(w, w, w, w);
}

/** i32x4.splat */
export function i32x4_splat(x: number): V128 {
  return new V128(x, x, x, x);
}

/** i64x2.splat (x: bigint) */
export function i64x2_splat(x: bigint): V128 {
  I64[0] = x;
  return new V128(I32[0], I32[1], I32[0], I32[1]);
}

/** f32x4.splat (x: an ABI f32 number; NaN payloads kept) */
export function f32x4_splat(x: number): V128 {
  const w = f32ToBits(x);
  return new V128(w, w, w, w);
}

/** f64x2.splat */
export function f64x2_splat(x: number): V128 {
  F64[0] = x;
  return new V128(I32[0], I32[1], I32[0], I32[1]);
}

/** i8x16.extract_lane_s */
export function i8x16_extract_lane_s(v: V128, lane: number): number {
  return (lane32(v, lane >> 2) << (24 - ((lane & 3) << 3))) >> 24;
}

/** i8x16.extract_lane_u */
export function i8x16_extract_lane_u(v: V128, lane: number): number {
  return (lane32(v, lane >> 2) >>> ((lane & 3) << 3)) & 0xff;
}

/** i16x8.extract_lane_s */
export function i16x8_extract_lane_s(v: V128, lane: number): number {
  return (lane32(v, lane >> 1) << (16 - ((lane & 1) << 4))) >> 16;
}

/** i16x8.extract_lane_u */
export function i16x8_extract_lane_u(v: V128, lane: number): number {
  return (lane32(v, lane >> 1) >>> ((lane & 1) << 4)) & 0xffff;
}

/** i32x4.extract_lane */
export function i32x4_extract_lane(v: V128, lane: number): number {
  return lane32(v, lane);
}

/** i64x2.extract_lane (a bigint) */
export function i64x2_extract_lane(v: V128, lane: number): bigint {
  if (lane === 0) {
    I32[0] = v.a;
    I32[1] = v.b;
  } else {
    I32[0] = v.c;
    I32[1] = v.d;
  }
  return I64[0];
}

/** f32x4.extract_lane (an ABI f32 number; NaN payloads kept) */
export function f32x4_extract_lane(v: V128, lane: number): number {
  return f32FromBits(lane32(v, lane));
}

/** f64x2.extract_lane */
export function f64x2_extract_lane(v: V128, lane: number): number {
  if (lane === 0) {
    I32[0] = v.a;
    I32[1] = v.b;
  } else {
    I32[0] = v.c;
    I32[1] = v.d;
  }
  return F64[0];
}

/** i8x16.replace_lane: (v, x), then the lane immediate. */
export function i8x16_replace_lane(v: V128, x: number, lane: number): V128 {
  const w = lane >> 2;
  const shift = (lane & 3) << 3;
  return with32(v, w, (lane32(v, w) & ~(0xff << shift)) | ((x & 0xff) << shift));
}

/** i16x8.replace_lane: (v, x), then the lane immediate. */
export function i16x8_replace_lane(v: V128, x: number, lane: number): V128 {
  const w = lane >> 1;
  const shift = (lane & 1) << 4;
  return with32(v, w, (lane32(v, w) & ~(0xffff << shift)) | ((x & 0xffff) << shift));
}

/** i32x4.replace_lane: (v, x), then the lane immediate. */
export function i32x4_replace_lane(v: V128, x: number, lane: number): V128 {
  return with32(v, lane, x);
}

/** i64x2.replace_lane: (v, x: bigint), then the lane immediate. */
export function i64x2_replace_lane(v: V128, x: bigint, lane: number): V128 {
  I64[0] = x;
  return lane === 0 ? new V128(I32[0], I32[1], v.c, v.d) : new V128(v.a, v.b, I32[0], I32[1]);
}

/** f32x4.replace_lane: (v, x: an ABI f32 number), then the lane immediate. */
export function f32x4_replace_lane(v: V128, x: number, lane: number): V128 {
  return with32(v, lane, f32ToBits(x));
}

/** f64x2.replace_lane: (v, x), then the lane immediate. */
export function f64x2_replace_lane(v: V128, x: number, lane: number): V128 {
  F64[0] = x;
  return lane === 0 ? new V128(I32[0], I32[1], v.c, v.d) : new V128(v.a, v.b, I32[0], I32[1]);
}

/** i8x16.shuffle: (a, b), then the 16 lane indices (0..31) of the immediate. */
export function i8x16_shuffle(a: V128, b: V128, lanes: Uint8Array | readonly number[]): V128 {
  ldX(a);
  ldY(b);
  for (let i = 0; i < 16; i++) U8[32 + i] = U8[lanes[i] & 31];
  return res();
}

/** i8x16.swizzle: lane i of the result is a[b[i]], or 0 when b[i] >= 16. */
export function i8x16_swizzle(a: V128, b: V128): V128 {
  ldX(a);
  ldY(b);
  for (let i = 0; i < 16; i++) {
    const j = U8[16 + i];
    U8[32 + i] = j < 16 ? U8[j] : 0;
  }
  return res();
}

/** v128.not */
export function v128_not(v: V128): V128 {
  return new V128(~v.a, ~v.b, ~v.c, ~v.d);
}

/** v128.and */
export function v128_and(x: V128, y: V128): V128 {
  return new V128(x.a & y.a, x.b & y.b, x.c & y.c, x.d & y.d);
}

/** v128.andnot: x & ~y */
export function v128_andnot(x: V128, y: V128): V128 {
  return new V128(x.a & ~y.a, x.b & ~y.b, x.c & ~y.c, x.d & ~y.d);
}

/** v128.or */
export function v128_or(x: V128, y: V128): V128 {
  return new V128(x.a | y.a, x.b | y.b, x.c | y.c, x.d | y.d);
}

/** v128.xor */
export function v128_xor(x: V128, y: V128): V128 {
  return new V128(x.a ^ y.a, x.b ^ y.b, x.c ^ y.c, x.d ^ y.d);
}

/** v128.bitselect: bits of x where c is 1, of y where c is 0. */
export function v128_bitselect(x: V128, y: V128, c: V128): V128 {
  return new V128(
    (x.a & c.a) | (y.a & ~c.a),
    (x.b & c.b) | (y.b & ~c.b),
    (x.c & c.c) | (y.c & ~c.c),
    (x.d & c.d) | (y.d & ~c.d),
  );
}

/** v128.any_true: 1 if any bit is set, else 0. */
export function v128_any_true(v: V128): number {
  return (v.a | v.b | v.c | v.d) !== 0 ? 1 : 0;
}
