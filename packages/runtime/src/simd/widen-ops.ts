// Integer operators that change lane width: narrow, extend, extmul, extadd_pairwise, dot, q15mulr.

import { ldX, ldY, res } from './io.js';
import { I8, I16, I32, U8, U16 } from './scratch.js';
import { V128 } from './v128.js';

/** i8x16.narrow_i16x8_s */
export function i8x16_narrow_i16x8_s(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 16; i++) {
    const p = I16[i]; // X and Y are contiguous: 16 i16 lanes
    I8[32 + i] = p > 127 ? 127 : Math.max(p, -128);
  }
  return res();
}

/** i8x16.narrow_i16x8_u */
export function i8x16_narrow_i16x8_u(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 16; i++) {
    const p = I16[i];
    U8[32 + i] = p > 255 ? 255 : Math.max(p, 0);
  }
  return res();
}

/** i16x8.narrow_i32x4_s */
export function i16x8_narrow_i32x4_s(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 8; i++) {
    const p = I32[i];
    I16[16 + i] = p > 32767 ? 32767 : Math.max(p, -32768);
  }
  return res();
}

/** i16x8.narrow_i32x4_u */
export function i16x8_narrow_i32x4_u(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 8; i++) {
    const p = I32[i];
    U16[16 + i] = p > 65535 ? 65535 : Math.max(p, 0);
  }
  return res();
}

/** Two sign-extended bytes of `w` (byte `k` and `k + 1`) as two i16 lanes of an int32. */
function ext8s(w: number, k: number): number {
  return (((w << (24 - 8 * k)) >> 24) & 0xffff) | (((w << (16 - 8 * k)) >> 24) << 16);
}

/** Two zero-extended bytes of `w` (byte `k` and `k + 1`) as two i16 lanes of an int32. */
function ext8u(w: number, k: number): number {
  return ((w >>> (8 * k)) & 0xff) | (((w >>> (8 * k + 8)) & 0xff) << 16);
}

/** i16x8.extend_low_i8x16_s */
export function i16x8_extend_low_i8x16_s(v: V128): V128 {
  return new V128(ext8s(v.a, 0), ext8s(v.a, 2), ext8s(v.b, 0), ext8s(v.b, 2));
}

/** i16x8.extend_high_i8x16_s */
export function i16x8_extend_high_i8x16_s(v: V128): V128 {
  return new V128(ext8s(v.c, 0), ext8s(v.c, 2), ext8s(v.d, 0), ext8s(v.d, 2));
}

/** i16x8.extend_low_i8x16_u */
export function i16x8_extend_low_i8x16_u(v: V128): V128 {
  return new V128(ext8u(v.a, 0), ext8u(v.a, 2), ext8u(v.b, 0), ext8u(v.b, 2));
}

/** i16x8.extend_high_i8x16_u */
export function i16x8_extend_high_i8x16_u(v: V128): V128 {
  return new V128(ext8u(v.c, 0), ext8u(v.c, 2), ext8u(v.d, 0), ext8u(v.d, 2));
}

/** i32x4.extend_low_i16x8_s */
export function i32x4_extend_low_i16x8_s(v: V128): V128 {
  return new V128((v.a << 16) >> 16, v.a >> 16, (v.b << 16) >> 16, v.b >> 16);
}

/** i32x4.extend_high_i16x8_s */
export function i32x4_extend_high_i16x8_s(v: V128): V128 {
  return new V128((v.c << 16) >> 16, v.c >> 16, (v.d << 16) >> 16, v.d >> 16);
}

/** i32x4.extend_low_i16x8_u */
export function i32x4_extend_low_i16x8_u(v: V128): V128 {
  return new V128(v.a & 0xffff, v.a >>> 16, v.b & 0xffff, v.b >>> 16);
}

/** i32x4.extend_high_i16x8_u */
export function i32x4_extend_high_i16x8_u(v: V128): V128 {
  return new V128(v.c & 0xffff, v.c >>> 16, v.d & 0xffff, v.d >>> 16);
}

/** i16x8.extmul_low_i8x16_s */
export function i16x8_extmul_low_i8x16_s(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 8; i++) I16[16 + i] = I8[i] * I8[16 + i];
  return res();
}

/** i16x8.extmul_high_i8x16_s */
export function i16x8_extmul_high_i8x16_s(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 8; i++) I16[16 + i] = I8[8 + i] * I8[24 + i];
  return res();
}

/** i16x8.extmul_low_i8x16_u */
export function i16x8_extmul_low_i8x16_u(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 8; i++) U16[16 + i] = U8[i] * U8[16 + i];
  return res();
}

/** i16x8.extmul_high_i8x16_u */
export function i16x8_extmul_high_i8x16_u(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 8; i++) U16[16 + i] = U8[8 + i] * U8[24 + i];
  return res();
}

/** i32x4.extmul_low_i16x8_s */
export function i32x4_extmul_low_i16x8_s(x: V128, y: V128): V128 {
  return new V128(
    ((x.a << 16) >> 16) * ((y.a << 16) >> 16),
    (x.a >> 16) * (y.a >> 16),
    ((x.b << 16) >> 16) * ((y.b << 16) >> 16),
    (x.b >> 16) * (y.b >> 16),
  );
}

/** i32x4.extmul_high_i16x8_s */
export function i32x4_extmul_high_i16x8_s(x: V128, y: V128): V128 {
  return new V128(
    ((x.c << 16) >> 16) * ((y.c << 16) >> 16),
    (x.c >> 16) * (y.c >> 16),
    ((x.d << 16) >> 16) * ((y.d << 16) >> 16),
    (x.d >> 16) * (y.d >> 16),
  );
}

/** i32x4.extmul_low_i16x8_u */
export function i32x4_extmul_low_i16x8_u(x: V128, y: V128): V128 {
  return new V128(
    (x.a & 0xffff) * (y.a & 0xffff),
    (x.a >>> 16) * (y.a >>> 16),
    (x.b & 0xffff) * (y.b & 0xffff),
    (x.b >>> 16) * (y.b >>> 16),
  );
}

/** i32x4.extmul_high_i16x8_u */
export function i32x4_extmul_high_i16x8_u(x: V128, y: V128): V128 {
  return new V128(
    (x.c & 0xffff) * (y.c & 0xffff),
    (x.c >>> 16) * (y.c >>> 16),
    (x.d & 0xffff) * (y.d & 0xffff),
    (x.d >>> 16) * (y.d >>> 16),
  );
}

/** i16x8.extadd_pairwise_i8x16_s */
export function i16x8_extadd_pairwise_i8x16_s(v: V128): V128 {
  ldX(v);
  for (let i = 0; i < 8; i++) I16[16 + i] = I8[2 * i] + I8[2 * i + 1];
  return res();
}

/** i16x8.extadd_pairwise_i8x16_u */
export function i16x8_extadd_pairwise_i8x16_u(v: V128): V128 {
  ldX(v);
  for (let i = 0; i < 8; i++) I16[16 + i] = U8[2 * i] + U8[2 * i + 1];
  return res();
}

/** The sum of the two sign-extended i16 halves of `w`. */
function pairS16(w: number): number {
  return ((w << 16) >> 16) + (w >> 16);
}

/** The sum of the two zero-extended i16 halves of `w`. */
function pairU16(w: number): number {
  return (w & 0xffff) + (w >>> 16);
}

/** i32x4.extadd_pairwise_i16x8_s */
export function i32x4_extadd_pairwise_i16x8_s(v: V128): V128 {
  return new V128(pairS16(v.a), pairS16(v.b), pairS16(v.c), pairS16(v.d));
}

/** i32x4.extadd_pairwise_i16x8_u */
export function i32x4_extadd_pairwise_i16x8_u(v: V128): V128 {
  return new V128(pairU16(v.a), pairU16(v.b), pairU16(v.c), pairU16(v.d));
}

/** The dot product of the two signed i16 pairs of `p` and `q`, wrapped to int32. */
function dot16(p: number, q: number): number {
  return (((p << 16) >> 16) * ((q << 16) >> 16) + (p >> 16) * (q >> 16)) | 0;
}

/** i32x4.dot_i16x8_s */
export function i32x4_dot_i16x8_s(x: V128, y: V128): V128 {
  return new V128(dot16(x.a, y.a), dot16(x.b, y.b), dot16(x.c, y.c), dot16(x.d, y.d));
}

/** i16x8.q15mulr_sat_s: (x * y + 2^14) >> 15, saturated. */
export function i16x8_q15mulr_sat_s(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 8; i++) {
    const r = (I16[i] * I16[8 + i] + 0x4000) >> 15;
    I16[16 + i] = Math.min(r, 32767);
  }
  return res();
}
