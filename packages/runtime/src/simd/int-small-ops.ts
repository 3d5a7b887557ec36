// Integer lane arithmetic for i8x16 and i16x8: SWAR on the int32 lanes where it is exact and short,
// otherwise a loop over the scratch views. Generated once from a template; edit by hand.

import { ldX, res } from './io.js';
import { I8, I16 } from './scratch.js';
import { V128 } from './v128.js';

/** Lane-wise add of the i8 lanes packed in two int32s. */
function add8(x: number, y: number): number {
  return ((x & 0x7f7f7f7f) + (y & 0x7f7f7f7f)) ^ ((x ^ y) & 0x80808080);
}

/** Lane-wise subtract of the i8 lanes packed in two int32s. */
function sub8(x: number, y: number): number {
  return ((x | 0x80808080) - (y & 0x7f7f7f7f)) ^ ((x ^ ~y) & 0x80808080);
}

/** Lane-wise add of the i16 lanes packed in two int32s. */
function add16(x: number, y: number): number {
  return ((x & 0x7fff7fff) + (y & 0x7fff7fff)) ^ ((x ^ y) & 0x80008000);
}

/** Lane-wise subtract of the i16 lanes packed in two int32s. */
function sub16(x: number, y: number): number {
  return ((x | 0x80008000) - (y & 0x7fff7fff)) ^ ((x ^ ~y) & 0x80008000);
}

/** Bits of `x` where `m` is set, of `y` elsewhere. */
function sel(x: number, y: number, m: number): number {
  return (x & m) | (y & ~m);
}

/** All-ones in each 8-bit lane where x < y as unsigned, else 0. */
function ltU8(x: number, y: number): number {
  const d = sub8(x, y);
  return ((((~x & y) | (~(x ^ y) & d)) & 0x80808080) >>> 7) * 0xff;
}

/** All-ones in each 8-bit lane where x < y as signed, else 0. */
function ltS8(x: number, y: number): number {
  return ltU8(x ^ 0x80808080, y ^ 0x80808080);
}

/** Lane-wise unsigned saturating add of the 8-bit lanes of two int32s. */
function addSatU8(x: number, y: number): number {
  const s = add8(x, y);
  return s | (((((x & y) | ((x | y) & ~s)) & 0x80808080) >>> 7) * 0xff);
}

/** Lane-wise unsigned saturating subtract of the 8-bit lanes of two int32s. */
function subSatU8(x: number, y: number): number {
  return sub8(x, y) & ~ltU8(x, y);
}

/** Lane-wise signed saturating add of the 8-bit lanes of two int32s. */
function addSatS8(x: number, y: number): number {
  const s = add8(x, y);
  const m = ((~(x ^ y) & (x ^ s) & 0x80808080) >>> 7) * 0xff;
  return sel(0x7f7f7f7f + ((x & 0x80808080) >>> 7), s, m);
}

/** Lane-wise signed saturating subtract of the 8-bit lanes of two int32s. */
function subSatS8(x: number, y: number): number {
  const d = sub8(x, y);
  const m = (((x ^ y) & (x ^ d) & 0x80808080) >>> 7) * 0xff;
  return sel(0x7f7f7f7f + ((x & 0x80808080) >>> 7), d, m);
}

/** All-ones in each 16-bit lane where x < y as unsigned, else 0. */
function ltU16(x: number, y: number): number {
  const d = sub16(x, y);
  return ((((~x & y) | (~(x ^ y) & d)) & 0x80008000) >>> 15) * 0xffff;
}

/** All-ones in each 16-bit lane where x < y as signed, else 0. */
function ltS16(x: number, y: number): number {
  return ltU16(x ^ 0x80008000, y ^ 0x80008000);
}

/** Lane-wise unsigned saturating add of the 16-bit lanes of two int32s. */
function addSatU16(x: number, y: number): number {
  const s = add16(x, y);
  return s | (((((x & y) | ((x | y) & ~s)) & 0x80008000) >>> 15) * 0xffff);
}

/** Lane-wise unsigned saturating subtract of the 16-bit lanes of two int32s. */
function subSatU16(x: number, y: number): number {
  return sub16(x, y) & ~ltU16(x, y);
}

/** Lane-wise signed saturating add of the 16-bit lanes of two int32s. */
function addSatS16(x: number, y: number): number {
  const s = add16(x, y);
  const m = ((~(x ^ y) & (x ^ s) & 0x80008000) >>> 15) * 0xffff;
  return sel(0x7fff7fff + ((x & 0x80008000) >>> 15), s, m);
}

/** Lane-wise signed saturating subtract of the 16-bit lanes of two int32s. */
function subSatS16(x: number, y: number): number {
  const d = sub16(x, y);
  const m = (((x ^ y) & (x ^ d) & 0x80008000) >>> 15) * 0xffff;
  return sel(0x7fff7fff + ((x & 0x80008000) >>> 15), d, m);
}

/** Lane-wise rounding unsigned average ((x + y + 1) >> 1) of the u8 lanes packed in two int32s. */
function avg8(x: number, y: number): number {
  return (x | y) - (((x ^ y) >>> 1) & 0x7f7f7f7f);
}

/** Lane-wise rounding unsigned average of the u16 lanes packed in two int32s. */
function avg16(x: number, y: number): number {
  return (x | y) - (((x ^ y) >>> 1) & 0x7fff7fff);
}

/** Per-byte population counts of an int32. */
function popcnt8(w: number): number {
  w = w - ((w >>> 1) & 0x55555555);
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (w + (w >>> 4)) & 0x0f0f0f0f;
}

/** 0xff in each byte of `w` that is nonzero, 0 elsewhere. */
function nz8(w: number): number {
  const high = (((w & 0x7f7f7f7f) + 0x7f7f7f7f) | w) & 0x80808080;
  return (high >>> 7) * 0xff;
}

/** 0xffff in each i16 half of `w` that is nonzero, 0 elsewhere. */
function nz16(w: number): number {
  const high = (((w & 0x7fff7fff) + 0x7fff7fff) | w) & 0x80008000;
  return (high >>> 15) * 0xffff;
}

/** Nonzero iff some byte of `w` is zero. */
function hasZero8(w: number): number {
  return (w - 0x01010101) & ~w & 0x80808080;
}

/** i8x16.add */
export function i8x16_add(x: V128, y: V128): V128 {
  return new V128(add8(x.a, y.a), add8(x.b, y.b), add8(x.c, y.c), add8(x.d, y.d));
}

/** i8x16.sub */
export function i8x16_sub(x: V128, y: V128): V128 {
  return new V128(sub8(x.a, y.a), sub8(x.b, y.b), sub8(x.c, y.c), sub8(x.d, y.d));
}

/** i8x16.avgr_u */
export function i8x16_avgr_u(x: V128, y: V128): V128 {
  return new V128(avg8(x.a, y.a), avg8(x.b, y.b), avg8(x.c, y.c), avg8(x.d, y.d));
}

/** i8x16.neg */
export function i8x16_neg(v: V128): V128 {
  return new V128(sub8(0, v.a), sub8(0, v.b), sub8(0, v.c), sub8(0, v.d));
}

/** i8x16.eq */
export function i8x16_eq(x: V128, y: V128): V128 {
  return new V128(~nz8(x.a ^ y.a), ~nz8(x.b ^ y.b), ~nz8(x.c ^ y.c), ~nz8(x.d ^ y.d));
}

/** i8x16.ne */
export function i8x16_ne(x: V128, y: V128): V128 {
  return new V128(nz8(x.a ^ y.a), nz8(x.b ^ y.b), nz8(x.c ^ y.c), nz8(x.d ^ y.d));
}

/** i8x16.lt_s */
export function i8x16_lt_s(x: V128, y: V128): V128 {
  return new V128(ltS8(x.a, y.a), ltS8(x.b, y.b), ltS8(x.c, y.c), ltS8(x.d, y.d));
}

/** i8x16.lt_u */
export function i8x16_lt_u(x: V128, y: V128): V128 {
  return new V128(ltU8(x.a, y.a), ltU8(x.b, y.b), ltU8(x.c, y.c), ltU8(x.d, y.d));
}

/** i8x16.gt_s */
export function i8x16_gt_s(x: V128, y: V128): V128 {
  return new V128(ltS8(y.a, x.a), ltS8(y.b, x.b), ltS8(y.c, x.c), ltS8(y.d, x.d));
}

/** i8x16.gt_u */
export function i8x16_gt_u(x: V128, y: V128): V128 {
  return new V128(ltU8(y.a, x.a), ltU8(y.b, x.b), ltU8(y.c, x.c), ltU8(y.d, x.d));
}

/** i8x16.le_s */
export function i8x16_le_s(x: V128, y: V128): V128 {
  return new V128(~ltS8(y.a, x.a), ~ltS8(y.b, x.b), ~ltS8(y.c, x.c), ~ltS8(y.d, x.d));
}

/** i8x16.le_u */
export function i8x16_le_u(x: V128, y: V128): V128 {
  return new V128(~ltU8(y.a, x.a), ~ltU8(y.b, x.b), ~ltU8(y.c, x.c), ~ltU8(y.d, x.d));
}

/** i8x16.ge_s */
export function i8x16_ge_s(x: V128, y: V128): V128 {
  return new V128(~ltS8(x.a, y.a), ~ltS8(x.b, y.b), ~ltS8(x.c, y.c), ~ltS8(x.d, y.d));
}

/** i8x16.ge_u */
export function i8x16_ge_u(x: V128, y: V128): V128 {
  return new V128(~ltU8(x.a, y.a), ~ltU8(x.b, y.b), ~ltU8(x.c, y.c), ~ltU8(x.d, y.d));
}

/** i8x16.min_s */
export function i8x16_min_s(x: V128, y: V128): V128 {
  return new V128(
    sel(x.a, y.a, ltS8(x.a, y.a)),
    sel(x.b, y.b, ltS8(x.b, y.b)),
    sel(x.c, y.c, ltS8(x.c, y.c)),
    sel(x.d, y.d, ltS8(x.d, y.d)),
  );
}

/** i8x16.min_u */
export function i8x16_min_u(x: V128, y: V128): V128 {
  return new V128(
    sel(x.a, y.a, ltU8(x.a, y.a)),
    sel(x.b, y.b, ltU8(x.b, y.b)),
    sel(x.c, y.c, ltU8(x.c, y.c)),
    sel(x.d, y.d, ltU8(x.d, y.d)),
  );
}

/** i8x16.max_s */
export function i8x16_max_s(x: V128, y: V128): V128 {
  return new V128(
    sel(x.a, y.a, ltS8(y.a, x.a)),
    sel(x.b, y.b, ltS8(y.b, x.b)),
    sel(x.c, y.c, ltS8(y.c, x.c)),
    sel(x.d, y.d, ltS8(y.d, x.d)),
  );
}

/** i8x16.max_u */
export function i8x16_max_u(x: V128, y: V128): V128 {
  return new V128(
    sel(x.a, y.a, ltU8(y.a, x.a)),
    sel(x.b, y.b, ltU8(y.b, x.b)),
    sel(x.c, y.c, ltU8(y.c, x.c)),
    sel(x.d, y.d, ltU8(y.d, x.d)),
  );
}

/** i8x16.add_sat_s */
export function i8x16_add_sat_s(x: V128, y: V128): V128 {
  return new V128(addSatS8(x.a, y.a), addSatS8(x.b, y.b), addSatS8(x.c, y.c), addSatS8(x.d, y.d));
}

/** i8x16.add_sat_u */
export function i8x16_add_sat_u(x: V128, y: V128): V128 {
  return new V128(addSatU8(x.a, y.a), addSatU8(x.b, y.b), addSatU8(x.c, y.c), addSatU8(x.d, y.d));
}

/** i8x16.sub_sat_s */
export function i8x16_sub_sat_s(x: V128, y: V128): V128 {
  return new V128(subSatS8(x.a, y.a), subSatS8(x.b, y.b), subSatS8(x.c, y.c), subSatS8(x.d, y.d));
}

/** i8x16.sub_sat_u */
export function i8x16_sub_sat_u(x: V128, y: V128): V128 {
  return new V128(subSatU8(x.a, y.a), subSatU8(x.b, y.b), subSatU8(x.c, y.c), subSatU8(x.d, y.d));
}

/** i8x16.abs */
export function i8x16_abs(v: V128): V128 {
  ldX(v);
  for (let i = 0; i < 16; i++) {
    const p = I8[i];
    I8[32 + i] = p < 0 ? -p : p;
  }
  return res();
}

/** i8x16.shl */
export function i8x16_shl(v: V128, s: number): V128 {
  s &= 7;
  const m = ((0xff << s) & 0xff) * 0x01010101;
  return new V128((v.a << s) & m, (v.b << s) & m, (v.c << s) & m, (v.d << s) & m);
}

/** i8x16.shr_u */
export function i8x16_shr_u(v: V128, s: number): V128 {
  s &= 7;
  const m = (0xff >>> s) * 0x01010101;
  return new V128((v.a >>> s) & m, (v.b >>> s) & m, (v.c >>> s) & m, (v.d >>> s) & m);
}

/** i8x16.shr_s */
export function i8x16_shr_s(v: V128, s: number): V128 {
  s &= 7;
  ldX(v);
  for (let i = 0; i < 16; i++) I8[32 + i] = I8[i] >> s;
  return res();
}

/** i8x16.all_true */
export function i8x16_all_true(v: V128): number {
  return (hasZero8(v.a) | hasZero8(v.b) | hasZero8(v.c) | hasZero8(v.d)) === 0 ? 1 : 0;
}

/** The sign bits of the four bytes of `w` as a 4-bit number. */
function signs8(w: number): number {
  return ((w >>> 7) & 1) | ((w >>> 14) & 2) | ((w >>> 21) & 4) | ((w >>> 28) & 8);
}

/** i8x16.bitmask */
export function i8x16_bitmask(v: V128): number {
  return signs8(v.a) | (signs8(v.b) << 4) | (signs8(v.c) << 8) | (signs8(v.d) << 12);
}

/** i8x16.popcnt */
export function i8x16_popcnt(v: V128): V128 {
  return new V128(popcnt8(v.a), popcnt8(v.b), popcnt8(v.c), popcnt8(v.d));
}

/** i16x8.add */
export function i16x8_add(x: V128, y: V128): V128 {
  return new V128(add16(x.a, y.a), add16(x.b, y.b), add16(x.c, y.c), add16(x.d, y.d));
}

/** i16x8.sub */
export function i16x8_sub(x: V128, y: V128): V128 {
  return new V128(sub16(x.a, y.a), sub16(x.b, y.b), sub16(x.c, y.c), sub16(x.d, y.d));
}

/** i16x8.avgr_u */
export function i16x8_avgr_u(x: V128, y: V128): V128 {
  return new V128(avg16(x.a, y.a), avg16(x.b, y.b), avg16(x.c, y.c), avg16(x.d, y.d));
}

/** i16x8.neg */
export function i16x8_neg(v: V128): V128 {
  return new V128(sub16(0, v.a), sub16(0, v.b), sub16(0, v.c), sub16(0, v.d));
}

/** i16x8.eq */
export function i16x8_eq(x: V128, y: V128): V128 {
  return new V128(~nz16(x.a ^ y.a), ~nz16(x.b ^ y.b), ~nz16(x.c ^ y.c), ~nz16(x.d ^ y.d));
}

/** i16x8.ne */
export function i16x8_ne(x: V128, y: V128): V128 {
  return new V128(nz16(x.a ^ y.a), nz16(x.b ^ y.b), nz16(x.c ^ y.c), nz16(x.d ^ y.d));
}

/** i16x8.lt_s */
export function i16x8_lt_s(x: V128, y: V128): V128 {
  return new V128(ltS16(x.a, y.a), ltS16(x.b, y.b), ltS16(x.c, y.c), ltS16(x.d, y.d));
}

/** i16x8.lt_u */
export function i16x8_lt_u(x: V128, y: V128): V128 {
  return new V128(ltU16(x.a, y.a), ltU16(x.b, y.b), ltU16(x.c, y.c), ltU16(x.d, y.d));
}

/** i16x8.gt_s */
export function i16x8_gt_s(x: V128, y: V128): V128 {
  return new V128(ltS16(y.a, x.a), ltS16(y.b, x.b), ltS16(y.c, x.c), ltS16(y.d, x.d));
}

/** i16x8.gt_u */
export function i16x8_gt_u(x: V128, y: V128): V128 {
  return new V128(ltU16(y.a, x.a), ltU16(y.b, x.b), ltU16(y.c, x.c), ltU16(y.d, x.d));
}

/** i16x8.le_s */
export function i16x8_le_s(x: V128, y: V128): V128 {
  return new V128(~ltS16(y.a, x.a), ~ltS16(y.b, x.b), ~ltS16(y.c, x.c), ~ltS16(y.d, x.d));
}

/** i16x8.le_u */
export function i16x8_le_u(x: V128, y: V128): V128 {
  return new V128(~ltU16(y.a, x.a), ~ltU16(y.b, x.b), ~ltU16(y.c, x.c), ~ltU16(y.d, x.d));
}

/** i16x8.ge_s */
export function i16x8_ge_s(x: V128, y: V128): V128 {
  return new V128(~ltS16(x.a, y.a), ~ltS16(x.b, y.b), ~ltS16(x.c, y.c), ~ltS16(x.d, y.d));
}

/** i16x8.ge_u */
export function i16x8_ge_u(x: V128, y: V128): V128 {
  return new V128(~ltU16(x.a, y.a), ~ltU16(x.b, y.b), ~ltU16(x.c, y.c), ~ltU16(x.d, y.d));
}

/** i16x8.min_s */
export function i16x8_min_s(x: V128, y: V128): V128 {
  return new V128(
    sel(x.a, y.a, ltS16(x.a, y.a)),
    sel(x.b, y.b, ltS16(x.b, y.b)),
    sel(x.c, y.c, ltS16(x.c, y.c)),
    sel(x.d, y.d, ltS16(x.d, y.d)),
  );
}

/** i16x8.min_u */
export function i16x8_min_u(x: V128, y: V128): V128 {
  return new V128(
    sel(x.a, y.a, ltU16(x.a, y.a)),
    sel(x.b, y.b, ltU16(x.b, y.b)),
    sel(x.c, y.c, ltU16(x.c, y.c)),
    sel(x.d, y.d, ltU16(x.d, y.d)),
  );
}

/** i16x8.max_s */
export function i16x8_max_s(x: V128, y: V128): V128 {
  return new V128(
    sel(x.a, y.a, ltS16(y.a, x.a)),
    sel(x.b, y.b, ltS16(y.b, x.b)),
    sel(x.c, y.c, ltS16(y.c, x.c)),
    sel(x.d, y.d, ltS16(y.d, x.d)),
  );
}

/** i16x8.max_u */
export function i16x8_max_u(x: V128, y: V128): V128 {
  return new V128(
    sel(x.a, y.a, ltU16(y.a, x.a)),
    sel(x.b, y.b, ltU16(y.b, x.b)),
    sel(x.c, y.c, ltU16(y.c, x.c)),
    sel(x.d, y.d, ltU16(y.d, x.d)),
  );
}

/** i16x8.add_sat_s */
export function i16x8_add_sat_s(x: V128, y: V128): V128 {
  return new V128(addSatS16(x.a, y.a), addSatS16(x.b, y.b), addSatS16(x.c, y.c), addSatS16(x.d, y.d));
}

/** i16x8.add_sat_u */
export function i16x8_add_sat_u(x: V128, y: V128): V128 {
  return new V128(addSatU16(x.a, y.a), addSatU16(x.b, y.b), addSatU16(x.c, y.c), addSatU16(x.d, y.d));
}

/** i16x8.sub_sat_s */
export function i16x8_sub_sat_s(x: V128, y: V128): V128 {
  return new V128(subSatS16(x.a, y.a), subSatS16(x.b, y.b), subSatS16(x.c, y.c), subSatS16(x.d, y.d));
}

/** i16x8.sub_sat_u */
export function i16x8_sub_sat_u(x: V128, y: V128): V128 {
  return new V128(subSatU16(x.a, y.a), subSatU16(x.b, y.b), subSatU16(x.c, y.c), subSatU16(x.d, y.d));
}

/** i16x8.abs */
export function i16x8_abs(v: V128): V128 {
  ldX(v);
  for (let i = 0; i < 8; i++) {
    const p = I16[i];
    I16[16 + i] = p < 0 ? -p : p;
  }
  return res();
}

/** i16x8.shl */
export function i16x8_shl(v: V128, s: number): V128 {
  s &= 15;
  const m = ((0xffff << s) & 0xffff) * 0x10001;
  return new V128((v.a << s) & m, (v.b << s) & m, (v.c << s) & m, (v.d << s) & m);
}

/** i16x8.shr_u */
export function i16x8_shr_u(v: V128, s: number): V128 {
  s &= 15;
  const m = (0xffff >>> s) * 0x10001;
  return new V128((v.a >>> s) & m, (v.b >>> s) & m, (v.c >>> s) & m, (v.d >>> s) & m);
}

/** i16x8.shr_s */
export function i16x8_shr_s(v: V128, s: number): V128 {
  s &= 15;
  ldX(v);
  for (let i = 0; i < 8; i++) I16[16 + i] = I16[i] >> s;
  return res();
}

/** True iff both i16 halves of `w` are nonzero. */
function both16(w: number): boolean {
  return (w & 0xffff) !== 0 && (w & 0xffff0000) !== 0;
}

/** i16x8.all_true */
export function i16x8_all_true(v: V128): number {
  return both16(v.a) && both16(v.b) && both16(v.c) && both16(v.d) ? 1 : 0;
}

/** The sign bits of the two i16 halves of `w` as a 2-bit number. */
function signs16(w: number): number {
  return ((w >>> 15) & 1) | ((w >>> 30) & 2);
}

/** i16x8.bitmask */
export function i16x8_bitmask(v: V128): number {
  return signs16(v.a) | (signs16(v.b) << 2) | (signs16(v.c) << 4) | (signs16(v.d) << 6);
}

/** i16x8.mul */
export function i16x8_mul(x: V128, y: V128): V128 {
  return new V128(mul16(x.a, y.a), mul16(x.b, y.b), mul16(x.c, y.c), mul16(x.d, y.d));
}

/** Lane-wise wrapping multiply of the i16 lanes packed in two int32s. */
function mul16(x: number, y: number): number {
  return (Math.imul(x, y) & 0xffff) | (Math.imul(x >>> 16, y >>> 16) << 16);
}
