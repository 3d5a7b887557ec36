// Conversions between float and integer lanes, and between f32 and f64 lanes.

import { ldX, res } from './io.js';
import { F32, F64, I32 } from './scratch.js';
import { V128 } from './v128.js';

/** Truncates to a signed int32, saturating; NaN gives 0. */
export function truncSatS(x: number): number {
  return x !== x ? 0 : x >= 2147483647 ? 2147483647 : x <= -2147483648 ? -2147483648 : x | 0;
}

/** Truncates to an unsigned int32 (returned as its int32 bits), saturating; NaN gives 0. */
export function truncSatU(x: number): number {
  return x !== x || x <= 0 ? 0 : x >= 4294967295 ? -1 : (x >>> 0) | 0;
}

/** i32x4.trunc_sat_f32x4_s */
export function i32x4_trunc_sat_f32x4_s(v: V128): V128 {
  ldX(v);
  return new V128(truncSatS(F32[0]), truncSatS(F32[1]), truncSatS(F32[2]), truncSatS(F32[3]));
}

/** i32x4.trunc_sat_f32x4_u */
export function i32x4_trunc_sat_f32x4_u(v: V128): V128 {
  ldX(v);
  return new V128(truncSatU(F32[0]), truncSatU(F32[1]), truncSatU(F32[2]), truncSatU(F32[3]));
}

/** i32x4.trunc_sat_f64x2_s_zero */
export function i32x4_trunc_sat_f64x2_s_zero(v: V128): V128 {
  ldX(v);
  return new V128(truncSatS(F64[0]), truncSatS(F64[1]), 0, 0);
}

/** i32x4.trunc_sat_f64x2_u_zero */
export function i32x4_trunc_sat_f64x2_u_zero(v: V128): V128 {
  ldX(v);
  return new V128(truncSatU(F64[0]), truncSatU(F64[1]), 0, 0);
}

/** f32x4.convert_i32x4_s */
export function f32x4_convert_i32x4_s(v: V128): V128 {
  F32[8] = v.a;
  F32[9] = v.b;
  F32[10] = v.c;
  F32[11] = v.d;
  return res();
}

/** f32x4.convert_i32x4_u */
export function f32x4_convert_i32x4_u(v: V128): V128 {
  F32[8] = v.a >>> 0;
  F32[9] = v.b >>> 0;
  F32[10] = v.c >>> 0;
  F32[11] = v.d >>> 0;
  return res();
}

/** f64x2.convert_low_i32x4_s */
export function f64x2_convert_low_i32x4_s(v: V128): V128 {
  F64[4] = v.a;
  F64[5] = v.b;
  return res();
}

/** f64x2.convert_low_i32x4_u */
export function f64x2_convert_low_i32x4_u(v: V128): V128 {
  F64[4] = v.a >>> 0;
  F64[5] = v.b >>> 0;
  return res();
}

/** f32x4.demote_f64x2_zero: the two f64 lanes rounded to f32, upper lanes zero. */
export function f32x4_demote_f64x2_zero(v: V128): V128 {
  ldX(v);
  F32[8] = F64[0];
  F32[9] = F64[1];
  return new V128(I32[8], I32[9], 0, 0);
}

/** f64x2.promote_low_f32x4: the two low f32 lanes as f64 (a NaN comes back quiet). */
export function f64x2_promote_low_f32x4(v: V128): V128 {
  ldX(v);
  const p = F32[0];
  const q = F32[1];
  F64[4] = p !== p ? p + 0 : p;
  F64[5] = q !== q ? q + 0 : q;
  return res();
}
