// Integer lane arithmetic for i32x4 and i64x2, directly on the int32 lanes. An i64 lane is the pair
// (lo, hi) = (a, b) or (c, d).

import { V128 } from './v128.js';

/** i32x4.add */
export function i32x4_add(x: V128, y: V128): V128 {
  return new V128(x.a + y.a, x.b + y.b, x.c + y.c, x.d + y.d);
}

/** i32x4.sub */
export function i32x4_sub(x: V128, y: V128): V128 {
  return new V128(x.a - y.a, x.b - y.b, x.c - y.c, x.d - y.d);
}

/** i32x4.mul */
export function i32x4_mul(x: V128, y: V128): V128 {
  return new V128(Math.imul(x.a, y.a), Math.imul(x.b, y.b), Math.imul(x.c, y.c), Math.imul(x.d, y.d));
}

/** i32x4.neg */
export function i32x4_neg(v: V128): V128 {
  return new V128(-v.a, -v.b, -v.c, -v.d);
}

/** i32x4.abs (abs of -2^31 is -2^31) */
export function i32x4_abs(v: V128): V128 {
  return new V128(Math.abs(v.a), Math.abs(v.b), Math.abs(v.c), Math.abs(v.d));
}

/** i32x4.min_s */
export function i32x4_min_s(x: V128, y: V128): V128 {
  return new V128(Math.min(x.a, y.a), Math.min(x.b, y.b), Math.min(x.c, y.c), Math.min(x.d, y.d));
}

/** i32x4.max_s */
export function i32x4_max_s(x: V128, y: V128): V128 {
  return new V128(Math.max(x.a, y.a), Math.max(x.b, y.b), Math.max(x.c, y.c), Math.max(x.d, y.d));
}

/** The unsigned minimum of two int32s. */
function minU(p: number, q: number): number {
  return p >>> 0 < q >>> 0 ? p : q;
}

/** The unsigned maximum of two int32s. */
function maxU(p: number, q: number): number {
  return p >>> 0 > q >>> 0 ? p : q;
}

/** i32x4.min_u */
export function i32x4_min_u(x: V128, y: V128): V128 {
  return new V128(minU(x.a, y.a), minU(x.b, y.b), minU(x.c, y.c), minU(x.d, y.d));
}

/** i32x4.max_u */
export function i32x4_max_u(x: V128, y: V128): V128 {
  return new V128(maxU(x.a, y.a), maxU(x.b, y.b), maxU(x.c, y.c), maxU(x.d, y.d));
}

/** i32x4.eq */
export function i32x4_eq(x: V128, y: V128): V128 {
  return new V128(x.a === y.a ? -1 : 0, x.b === y.b ? -1 : 0, x.c === y.c ? -1 : 0, x.d === y.d ? -1 : 0);
}

/** i32x4.ne */
export function i32x4_ne(x: V128, y: V128): V128 {
  return new V128(x.a !== y.a ? -1 : 0, x.b !== y.b ? -1 : 0, x.c !== y.c ? -1 : 0, x.d !== y.d ? -1 : 0);
}

/** i32x4.lt_s */
export function i32x4_lt_s(x: V128, y: V128): V128 {
  return new V128(x.a < y.a ? -1 : 0, x.b < y.b ? -1 : 0, x.c < y.c ? -1 : 0, x.d < y.d ? -1 : 0);
}

/** i32x4.gt_s */
export function i32x4_gt_s(x: V128, y: V128): V128 {
  return new V128(x.a > y.a ? -1 : 0, x.b > y.b ? -1 : 0, x.c > y.c ? -1 : 0, x.d > y.d ? -1 : 0);
}

/** i32x4.le_s */
export function i32x4_le_s(x: V128, y: V128): V128 {
  return new V128(x.a <= y.a ? -1 : 0, x.b <= y.b ? -1 : 0, x.c <= y.c ? -1 : 0, x.d <= y.d ? -1 : 0);
}

/** i32x4.ge_s */
export function i32x4_ge_s(x: V128, y: V128): V128 {
  return new V128(x.a >= y.a ? -1 : 0, x.b >= y.b ? -1 : 0, x.c >= y.c ? -1 : 0, x.d >= y.d ? -1 : 0);
}

/** -1 if p < q as unsigned int32s, else 0. */
function ltU(p: number, q: number): number {
  return p >>> 0 < q >>> 0 ? -1 : 0;
}

/** i32x4.lt_u */
export function i32x4_lt_u(x: V128, y: V128): V128 {
  return new V128(ltU(x.a, y.a), ltU(x.b, y.b), ltU(x.c, y.c), ltU(x.d, y.d));
}

/** i32x4.gt_u */
export function i32x4_gt_u(x: V128, y: V128): V128 {
  return new V128(ltU(y.a, x.a), ltU(y.b, x.b), ltU(y.c, x.c), ltU(y.d, x.d));
}

/** i32x4.le_u */
export function i32x4_le_u(x: V128, y: V128): V128 {
  return new V128(~ltU(y.a, x.a), ~ltU(y.b, x.b), ~ltU(y.c, x.c), ~ltU(y.d, x.d));
}

/** i32x4.ge_u */
export function i32x4_ge_u(x: V128, y: V128): V128 {
  return new V128(~ltU(x.a, y.a), ~ltU(x.b, y.b), ~ltU(x.c, y.c), ~ltU(x.d, y.d));
}

/** i32x4.shl */
export function i32x4_shl(v: V128, s: number): V128 {
  return new V128(v.a << s, v.b << s, v.c << s, v.d << s);
}

/** i32x4.shr_s */
export function i32x4_shr_s(v: V128, s: number): V128 {
  return new V128(v.a >> s, v.b >> s, v.c >> s, v.d >> s);
}

/** i32x4.shr_u */
export function i32x4_shr_u(v: V128, s: number): V128 {
  return new V128(v.a >>> s, v.b >>> s, v.c >>> s, v.d >>> s);
}

/** i32x4.all_true */
export function i32x4_all_true(v: V128): number {
  return v.a !== 0 && v.b !== 0 && v.c !== 0 && v.d !== 0 ? 1 : 0;
}

/** i32x4.bitmask */
export function i32x4_bitmask(v: V128): number {
  return (v.a >>> 31) | ((v.b >>> 31) << 1) | ((v.c >>> 31) << 2) | ((v.d >>> 31) << 3);
}

// i64 lanes. Results of the pair helpers come back as the low word, with the high word in `hi`.
let hi = 0;

/** Low word of (xl, xh) + (yl, yh); high word in `hi`. */
function add64(xl: number, xh: number, yl: number, yh: number): number {
  const lo = (xl >>> 0) + (yl >>> 0);
  hi = (xh + yh + (lo > 0xffffffff ? 1 : 0)) | 0;
  return lo | 0;
}

/** Low word of (xl, xh) - (yl, yh); high word in `hi`. */
function sub64(xl: number, xh: number, yl: number, yh: number): number {
  hi = (xh - yh - (xl >>> 0 < yl >>> 0 ? 1 : 0)) | 0;
  return (xl - yl) | 0;
}

/** The high 32 bits of the unsigned 64-bit product of two uint32s (as an int32). */
export function umulHigh32(p: number, q: number): number {
  const p0 = p & 0xffff;
  const p1 = p >>> 16;
  const q0 = q & 0xffff;
  const q1 = q >>> 16;
  const m1 = p1 * q0;
  const m2 = p0 * q1;
  const carry = (((p0 * q0) >>> 16) + (m1 & 0xffff) + (m2 & 0xffff)) >>> 16;
  return (p1 * q1 + (m1 >>> 16) + (m2 >>> 16) + carry) | 0;
}

/** Low word of (xl, xh) * (yl, yh) modulo 2^64; high word in `hi`. */
function mul64(xl: number, xh: number, yl: number, yh: number): number {
  hi = (umulHigh32(xl, yl) + Math.imul(xh, yl) + Math.imul(xl, yh)) | 0;
  return Math.imul(xl, yl);
}

/** i64x2.add */
export function i64x2_add(x: V128, y: V128): V128 {
  const a = add64(x.a, x.b, y.a, y.b);
  const b = hi;
  const c = add64(x.c, x.d, y.c, y.d);
  return new V128(a, b, c, hi);
}

/** i64x2.sub */
export function i64x2_sub(x: V128, y: V128): V128 {
  const a = sub64(x.a, x.b, y.a, y.b);
  const b = hi;
  const c = sub64(x.c, x.d, y.c, y.d);
  return new V128(a, b, c, hi);
}

/** i64x2.mul */
export function i64x2_mul(x: V128, y: V128): V128 {
  const a = mul64(x.a, x.b, y.a, y.b);
  const b = hi;
  const c = mul64(x.c, x.d, y.c, y.d);
  return new V128(a, b, c, hi);
}

/** i64x2.neg */
export function i64x2_neg(v: V128): V128 {
  const a = sub64(0, 0, v.a, v.b);
  const b = hi;
  const c = sub64(0, 0, v.c, v.d);
  return new V128(a, b, c, hi);
}

/** i64x2.abs (abs of -2^63 is -2^63) */
export function i64x2_abs(v: V128): V128 {
  let a = v.a;
  let b = v.b;
  let c = v.c;
  let d = v.d;
  if (b < 0) {
    a = sub64(0, 0, a, b);
    b = hi;
  }
  if (d < 0) {
    c = sub64(0, 0, c, d);
    d = hi;
  }
  return new V128(a, b, c, d);
}

/** -1 if (xl, xh) < (yl, yh) as signed i64, else 0. */
function lt64(xl: number, xh: number, yl: number, yh: number): number {
  return xh < yh || (xh === yh && xl >>> 0 < yl >>> 0) ? -1 : 0;
}

/** i64x2.eq */
export function i64x2_eq(x: V128, y: V128): V128 {
  const p = x.a === y.a && x.b === y.b ? -1 : 0;
  const q = x.c === y.c && x.d === y.d ? -1 : 0;
  return new V128(p, p, q, q);
}

/** i64x2.ne */
export function i64x2_ne(x: V128, y: V128): V128 {
  const p = x.a !== y.a || x.b !== y.b ? -1 : 0;
  const q = x.c !== y.c || x.d !== y.d ? -1 : 0;
  return new V128(p, p, q, q);
}

/** i64x2.lt_s */
export function i64x2_lt_s(x: V128, y: V128): V128 {
  const p = lt64(x.a, x.b, y.a, y.b);
  const q = lt64(x.c, x.d, y.c, y.d);
  return new V128(p, p, q, q);
}

/** i64x2.gt_s */
export function i64x2_gt_s(x: V128, y: V128): V128 {
  const p = lt64(y.a, y.b, x.a, x.b);
  const q = lt64(y.c, y.d, x.c, x.d);
  return new V128(p, p, q, q);
}

/** i64x2.le_s */
export function i64x2_le_s(x: V128, y: V128): V128 {
  const p = ~lt64(y.a, y.b, x.a, x.b);
  const q = ~lt64(y.c, y.d, x.c, x.d);
  return new V128(p, p, q, q);
}

/** i64x2.ge_s */
export function i64x2_ge_s(x: V128, y: V128): V128 {
  const p = ~lt64(x.a, x.b, y.a, y.b);
  const q = ~lt64(x.c, x.d, y.c, y.d);
  return new V128(p, p, q, q);
}

/** i64x2.shl */
export function i64x2_shl(v: V128, s: number): V128 {
  s &= 63;
  if (s === 0) return v;
  if (s >= 32) return new V128(0, v.a << (s - 32), 0, v.c << (s - 32));
  return new V128(v.a << s, (v.b << s) | (v.a >>> (32 - s)), v.c << s, (v.d << s) | (v.c >>> (32 - s)));
}

/** i64x2.shr_u */
export function i64x2_shr_u(v: V128, s: number): V128 {
  s &= 63;
  if (s === 0) return v;
  if (s >= 32) return new V128(v.b >>> (s - 32), 0, v.d >>> (s - 32), 0);
  return new V128((v.a >>> s) | (v.b << (32 - s)), v.b >>> s, (v.c >>> s) | (v.d << (32 - s)), v.d >>> s);
}

/** i64x2.shr_s */
export function i64x2_shr_s(v: V128, s: number): V128 {
  s &= 63;
  if (s === 0) return v;
  if (s >= 32) return new V128(v.b >> (s - 32), v.b >> 31, v.d >> (s - 32), v.d >> 31);
  return new V128((v.a >>> s) | (v.b << (32 - s)), v.b >> s, (v.c >>> s) | (v.d << (32 - s)), v.d >> s);
}

/** i64x2.all_true */
export function i64x2_all_true(v: V128): number {
  return (v.a | v.b) !== 0 && (v.c | v.d) !== 0 ? 1 : 0;
}

/** i64x2.bitmask */
export function i64x2_bitmask(v: V128): number {
  return (v.b >>> 31) | ((v.d >>> 31) << 1);
}

/** The signed 64-bit product of two int32s: low word returned, high word in `hi`. */
function smul32(p: number, q: number): number {
  hi = (umulHigh32(p, q) - (p < 0 ? q : 0) - (q < 0 ? p : 0)) | 0;
  return Math.imul(p, q);
}

/** i64x2.extmul_low_i32x4_s */
export function i64x2_extmul_low_i32x4_s(x: V128, y: V128): V128 {
  const a = smul32(x.a, y.a);
  const b = hi;
  const c = smul32(x.b, y.b);
  return new V128(a, b, c, hi);
}

/** i64x2.extmul_high_i32x4_s */
export function i64x2_extmul_high_i32x4_s(x: V128, y: V128): V128 {
  const a = smul32(x.c, y.c);
  const b = hi;
  const c = smul32(x.d, y.d);
  return new V128(a, b, c, hi);
}

/** i64x2.extmul_low_i32x4_u */
export function i64x2_extmul_low_i32x4_u(x: V128, y: V128): V128 {
  return new V128(Math.imul(x.a, y.a), umulHigh32(x.a, y.a), Math.imul(x.b, y.b), umulHigh32(x.b, y.b));
}

/** i64x2.extmul_high_i32x4_u */
export function i64x2_extmul_high_i32x4_u(x: V128, y: V128): V128 {
  return new V128(Math.imul(x.c, y.c), umulHigh32(x.c, y.c), Math.imul(x.d, y.d), umulHigh32(x.d, y.d));
}

/** i64x2.extend_low_i32x4_s */
export function i64x2_extend_low_i32x4_s(v: V128): V128 {
  return new V128(v.a, v.a >> 31, v.b, v.b >> 31);
}

/** i64x2.extend_high_i32x4_s */
export function i64x2_extend_high_i32x4_s(v: V128): V128 {
  return new V128(v.c, v.c >> 31, v.d, v.d >> 31);
}

/** i64x2.extend_low_i32x4_u */
export function i64x2_extend_low_i32x4_u(v: V128): V128 {
  return new V128(v.a, 0, v.b, 0);
}

/** i64x2.extend_high_i32x4_u */
export function i64x2_extend_high_i32x4_u(v: V128): V128 {
  return new V128(v.c, 0, v.d, 0);
}
