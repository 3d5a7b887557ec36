// Relaxed SIMD with one deterministic choice per operator (see README.md): each behaves like its
// non-relaxed counterpart where one exists, madd/nmadd are unfused (two roundings), and the dot
// products treat both operands as signed.

import {
  i32x4_trunc_sat_f32x4_s,
  i32x4_trunc_sat_f32x4_u,
  i32x4_trunc_sat_f64x2_s_zero,
  i32x4_trunc_sat_f64x2_u_zero,
} from './convert-ops.js';
import { f32x4_max, f32x4_min, f64x2_max, f64x2_min } from './float-ops.js';
import { ldX, ldY, ldZ, res } from './io.js';
import { i8x16_swizzle, v128_bitselect } from './lane-ops.js';
import { F32, F64, I8, I16, I32 } from './scratch.js';
import type { V128 } from './v128.js';
import { i16x8_q15mulr_sat_s } from './widen-ops.js';

/** i8x16.relaxed_swizzle = i8x16.swizzle (an index >= 16 gives 0). */
export const i8x16_relaxed_swizzle: (a: V128, s: V128) => V128 = i8x16_swizzle;
/** i32x4.relaxed_trunc_f32x4_s = i32x4.trunc_sat_f32x4_s. */
export const i32x4_relaxed_trunc_f32x4_s: (v: V128) => V128 = i32x4_trunc_sat_f32x4_s;
/** i32x4.relaxed_trunc_f32x4_u = i32x4.trunc_sat_f32x4_u. */
export const i32x4_relaxed_trunc_f32x4_u: (v: V128) => V128 = i32x4_trunc_sat_f32x4_u;
/** i32x4.relaxed_trunc_f64x2_s_zero = i32x4.trunc_sat_f64x2_s_zero. */
export const i32x4_relaxed_trunc_f64x2_s_zero: (v: V128) => V128 = i32x4_trunc_sat_f64x2_s_zero;
/** i32x4.relaxed_trunc_f64x2_u_zero = i32x4.trunc_sat_f64x2_u_zero. */
export const i32x4_relaxed_trunc_f64x2_u_zero: (v: V128) => V128 = i32x4_trunc_sat_f64x2_u_zero;
/** i8x16.relaxed_laneselect = v128.bitselect. */
export const i8x16_relaxed_laneselect: (a: V128, b: V128, m: V128) => V128 = v128_bitselect;
/** i16x8.relaxed_laneselect = v128.bitselect. */
export const i16x8_relaxed_laneselect: (a: V128, b: V128, m: V128) => V128 = v128_bitselect;
/** i32x4.relaxed_laneselect = v128.bitselect. */
export const i32x4_relaxed_laneselect: (a: V128, b: V128, m: V128) => V128 = v128_bitselect;
/** i64x2.relaxed_laneselect = v128.bitselect. */
export const i64x2_relaxed_laneselect: (a: V128, b: V128, m: V128) => V128 = v128_bitselect;
/** f32x4.relaxed_min = f32x4.min. */
export const f32x4_relaxed_min: (a: V128, b: V128) => V128 = f32x4_min;
/** f32x4.relaxed_max = f32x4.max. */
export const f32x4_relaxed_max: (a: V128, b: V128) => V128 = f32x4_max;
/** f64x2.relaxed_min = f64x2.min. */
export const f64x2_relaxed_min: (a: V128, b: V128) => V128 = f64x2_min;
/** f64x2.relaxed_max = f64x2.max. */
export const f64x2_relaxed_max: (a: V128, b: V128) => V128 = f64x2_max;
/** i16x8.relaxed_q15mulr_s = i16x8.q15mulr_sat_s. */
export const i16x8_relaxed_q15mulr_s: (a: V128, b: V128) => V128 = i16x8_q15mulr_sat_s;

/** f32x4.relaxed_madd: a * b + c per lane, unfused (the product rounded to f32, then the sum). */
export function f32x4_relaxed_madd(a: V128, b: V128, c: V128): V128 {
  ldX(a);
  ldY(b);
  ldZ(c);
  for (let i = 0; i < 4; i++) F32[8 + i] = Math.fround(F32[i] * F32[4 + i]) + F32[12 + i];
  return res();
}

/** f32x4.relaxed_nmadd: -(a * b) + c per lane, unfused. */
export function f32x4_relaxed_nmadd(a: V128, b: V128, c: V128): V128 {
  ldX(a);
  ldY(b);
  ldZ(c);
  for (let i = 0; i < 4; i++) F32[8 + i] = -Math.fround(F32[i] * F32[4 + i]) + F32[12 + i];
  return res();
}

/** f64x2.relaxed_madd: a * b + c per lane, unfused. */
export function f64x2_relaxed_madd(a: V128, b: V128, c: V128): V128 {
  ldX(a);
  ldY(b);
  ldZ(c);
  F64[4] = F64[0] * F64[2] + F64[6];
  F64[5] = F64[1] * F64[3] + F64[7];
  return res();
}

/** f64x2.relaxed_nmadd: -(a * b) + c per lane, unfused. */
export function f64x2_relaxed_nmadd(a: V128, b: V128, c: V128): V128 {
  ldX(a);
  ldY(b);
  ldZ(c);
  F64[4] = -(F64[0] * F64[2]) + F64[6];
  F64[5] = -(F64[1] * F64[3]) + F64[7];
  return res();
}

/** i16x8.relaxed_dot_i8x16_i7x16_s: signed x signed byte products, pairs summed and saturated to i16. */
export function i16x8_relaxed_dot_i8x16_i7x16_s(a: V128, b: V128): V128 {
  ldX(a);
  ldY(b);
  for (let i = 0; i < 8; i++) {
    const r = I8[2 * i] * I8[16 + 2 * i] + I8[2 * i + 1] * I8[17 + 2 * i];
    I16[16 + i] = Math.min(r, 32767);
  }
  return res();
}

/** i32x4.relaxed_dot_i8x16_i7x16_add_s: the i16x8 relaxed dot's lanes summed in pairs, plus c (wrapping). */
export function i32x4_relaxed_dot_i8x16_i7x16_add_s(a: V128, b: V128, c: V128): V128 {
  ldX(a);
  ldY(b);
  for (let i = 0; i < 8; i++) {
    const r = I8[2 * i] * I8[16 + 2 * i] + I8[2 * i + 1] * I8[17 + 2 * i];
    I16[16 + i] = Math.min(r, 32767);
  }
  I32[8] = I16[16] + I16[17] + c.a;
  I32[9] = I16[18] + I16[19] + c.b;
  I32[10] = I16[20] + I16[21] + c.c;
  I32[11] = I16[22] + I16[23] + c.d;
  return res();
}
