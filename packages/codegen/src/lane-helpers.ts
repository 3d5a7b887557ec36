// Word helpers of the v128 lowering (src/lanes.ts): each takes int32 lane words (and scalars) and returns one
// int32 word, so a v128 operator too long to write inline is four calls that allocate nothing. Generated code
// reaches them as `H.<name>` through hoisted constants. 8- and 16-bit lanes are packed four or two to a word
// (SWAR, exact for every input).

import { type FloatValue, f64FromWords } from '@wasmts/environ';

/** Scratch for f32 and f64 lanes: int32 view `vi` over the same bytes as `vf` (f32) and `vd` (f64). */
const laneBuffer = new ArrayBuffer(16);
const vi = new Int32Array(laneBuffer);
const vf = new Float32Array(laneBuffer);
const vd = new Float64Array(laneBuffer);

/** The float of f32 lane bits (a signalling NaN comes out quiet: for arithmetic and compares only). */
function fv(bits: number): number {
  vi[0] = bits;
  return vf[0];
}

/** The bits of `x` rounded to f32 (a NaN comes out quiet). */
function fb(x: number): number {
  vf[0] = x;
  return vi[0];
}

/** The f64 whose bits are the int32 lanes `lo`, `hi` (NaN payloads kept: a NaNBits for a non-canonical NaN). */
function f64FromLanes(lo: number, hi: number): FloatValue {
  return f64FromWords(hi, lo);
}

/** Puts the bits of f64 value `x` (a NaNBits included) in `vi[0]` (lo) and `vi[1]` (hi). */
function f64Split(x: FloatValue): void {
  if (typeof x === 'number') vd[0] = x;
  else {
    vi[0] = x.lo;
    vi[1] = x.hi;
  }
}

function sub8(x: number, y: number): number {
  return ((x | 0x80808080) - (y & 0x7f7f7f7f)) ^ ((x ^ ~y) & 0x80808080);
}
function add8(x: number, y: number): number {
  return ((x & 0x7f7f7f7f) + (y & 0x7f7f7f7f)) ^ ((x ^ y) & 0x80808080);
}
function sub16(x: number, y: number): number {
  return ((x | 0x80008000) - (y & 0x7fff7fff)) ^ ((x ^ ~y) & 0x80008000);
}
function add16(x: number, y: number): number {
  return ((x & 0x7fff7fff) + (y & 0x7fff7fff)) ^ ((x ^ y) & 0x80008000);
}
/** Bits of `x` where `m` is set, of `y` elsewhere. */
function sel(x: number, y: number, m: number): number {
  return (x & m) | (y & ~m);
}

/** All-ones in each 8-bit lane where x < y as unsigned, else 0. */
function ltU8(x: number, y: number): number {
  const d = sub8(x, y);
  return Math.imul((((~x & y) | (~(x ^ y) & d)) & 0x80808080) >>> 7, 0xff);
}
/** All-ones in each 16-bit lane where x < y as unsigned, else 0. */
function ltU16(x: number, y: number): number {
  const d = sub16(x, y);
  return Math.imul((((~x & y) | (~(x ^ y) & d)) & 0x80008000) >>> 15, 0xffff);
}
function addSatU8(x: number, y: number): number {
  const s = add8(x, y);
  return s | Math.imul((((x & y) | ((x | y) & ~s)) & 0x80808080) >>> 7, 0xff);
}
function subSatU8(x: number, y: number): number {
  return sub8(x, y) & ~ltU8(x, y);
}
function addSatS8(x: number, y: number): number {
  const s = add8(x, y);
  const m = Math.imul((~(x ^ y) & (x ^ s) & 0x80808080) >>> 7, 0xff);
  return sel(0x7f7f7f7f + ((x & 0x80808080) >>> 7), s, m);
}
function subSatS8(x: number, y: number): number {
  const d = sub8(x, y);
  const m = Math.imul(((x ^ y) & (x ^ d) & 0x80808080) >>> 7, 0xff);
  return sel(0x7f7f7f7f + ((x & 0x80808080) >>> 7), d, m);
}
function addSatU16(x: number, y: number): number {
  const s = add16(x, y);
  return s | Math.imul((((x & y) | ((x | y) & ~s)) & 0x80008000) >>> 15, 0xffff);
}
function subSatU16(x: number, y: number): number {
  return sub16(x, y) & ~ltU16(x, y);
}
function addSatS16(x: number, y: number): number {
  const s = add16(x, y);
  const m = Math.imul((~(x ^ y) & (x ^ s) & 0x80008000) >>> 15, 0xffff);
  return sel(0x7fff7fff + ((x & 0x80008000) >>> 15), s, m);
}
function subSatS16(x: number, y: number): number {
  const d = sub16(x, y);
  const m = Math.imul(((x ^ y) & (x ^ d) & 0x80008000) >>> 15, 0xffff);
  return sel(0x7fff7fff + ((x & 0x80008000) >>> 15), d, m);
}

/** |x| per 8-bit lane (-128 stays -128). */
function abs8(x: number): number {
  const neg = Math.imul((x & 0x80808080) >>> 7, 0xff);
  return sel(sub8(0, x), x, neg);
}
/** |x| per 16-bit lane. */
function abs16(x: number): number {
  const neg = Math.imul((x & 0x80008000) >>> 15, 0xffff);
  return sel(sub16(0, x), x, neg);
}
/** Per-byte population counts. */
function popcnt8(w: number): number {
  w = w - ((w >>> 1) & 0x55555555);
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (w + (w >>> 4)) & 0x0f0f0f0f;
}
/** Arithmetic shift right of each 8-bit lane by `s` (0..7). */
function shrS8(x: number, s: number): number {
  const logical = (x >>> s) & Math.imul(0xff >>> s, 0x01010101);
  // the sign bits spread over the vacated high bits of each lane
  const signs = Math.imul((x & 0x80808080) >>> 7, (0xff << (8 - s)) & 0xff);
  return logical | signs;
}

/** `i8x16.swizzle`'s table: the 16 bytes of its first operand, then 240 zero bytes (any index >= 16 reads 0). */
const swizzleBytes = new Uint8Array(256);
const swizzleWords = new Int32Array(swizzleBytes.buffer, 0, 4);

/** Sets the swizzle table to the v128 `a0`..`a3` (before the generated code looks the index bytes up in `swizzleBytes`). */
function swizzleTable(a0: number, a1: number, a2: number, a3: number): void {
  swizzleWords[0] = a0;
  swizzleWords[1] = a1;
  swizzleWords[2] = a2;
  swizzleWords[3] = a3;
}

/** A swizzle table of its own for a constant first operand (hoisted once per instance by generated code). */
function swizzleConst(a0: number, a1: number, a2: number, a3: number): Uint8Array {
  const t = new Uint8Array(256);
  const w = new Int32Array(t.buffer, 0, 4);
  w[0] = a0;
  w[1] = a1;
  w[2] = a2;
  w[3] = a3;
  return t;
}

/**
 * `swizzleConst`'s table as byte pairs: entry `i` is the lookup of both bytes of the half-word `i` (a swizzle of a
 * constant table takes a word in two lookups). Only entries with a byte below 16 are not zero.
 */
function swizzlePairs(a0: number, a1: number, a2: number, a3: number): Uint16Array {
  const t = swizzleConst(a0, a1, a2, a3);
  const u = new Uint16Array(65536);
  for (let hi = 0; hi < 256; hi++) {
    const high = t[hi] << 8;
    if (hi < 16) for (let lo = 0; lo < 256; lo++) u[(hi << 8) | lo] = high | t[lo];
    else for (let lo = 0; lo < 16; lo++) u[(hi << 8) | lo] = t[lo];
  }
  return u;
}

/** `i16x8.q15mulr_sat_s` on the two i16 lanes packed in each of two int32s. */
function q15mulr(a: number, b: number): number {
  let lo = ((a << 16) >> 16) * ((b << 16) >> 16) + 0x4000;
  let hi = (a >> 16) * (b >> 16) + 0x4000;
  lo = lo >= 0x40000000 ? 32767 : lo >> 15;
  hi = hi >= 0x40000000 ? 32767 : hi >> 15;
  return (lo & 65535) | (hi << 16);
}

/** `i16x8.relaxed_dot_i8x16_i7x16_s` on one word: each i16 lane the saturated sum of two signed byte products. */
function dot8(a: number, b: number): number {
  const s = (x: number, k: number) => (x << (24 - 8 * k)) >> 24;
  let lo = s(a, 0) * s(b, 0) + s(a, 1) * s(b, 1);
  let hi = s(a, 2) * s(b, 2) + s(a, 3) * s(b, 3);
  lo = Math.min(lo, 32767);
  hi = Math.min(hi, 32767);
  return (lo & 65535) | (hi << 16);
}

/** `i32x4.relaxed_dot_i8x16_i7x16_add_s` on one lane: both i16 sums of `dot8`, sign-extended, added to `c`. */
function dot8add(a: number, b: number, c: number): number {
  const d = dot8(a, b);
  return (((d << 16) >> 16) + (d >> 16) + c) | 0;
}

/** wasm's saturating f64 -> i32 truncation (NaN -> 0). */
function satS(x: number): number {
  return x !== x ? 0 : x <= -2147483648 ? -2147483648 : x >= 2147483647 ? 2147483647 : x | 0;
}
/** wasm's saturating f64 -> u32 truncation (NaN -> 0), as int32 bits. */
function satU(x: number): number {
  return x !== x || x <= 0 ? 0 : x >= 4294967295 ? -1 : Math.trunc(x) | 0;
}
/** The f64 of two lanes, for the truncations. */
function truncS64(lo: number, hi: number): number {
  return satS(+f64FromLanes(lo, hi));
}
function truncU64(lo: number, hi: number): number {
  return satU(+f64FromLanes(lo, hi));
}
/** Lo (k = 0) or hi (k = 1) word of f64 value `x` (a NaNBits included). */
function f64Word(x: FloatValue, k: number): number {
  if (typeof x !== 'number') return k === 0 ? x.lo : x.hi;
  vd[0] = x;
  return vi[k];
}

/** The helpers of the v128 lowering, merged into `H`. */
export const LANE_HELPERS = {
  vi,
  vd,
  fv,
  fb,
  f64FromLanes,
  f64Split,
  f64Word,
  addSatU8,
  subSatU8,
  addSatS8,
  subSatS8,
  addSatU16,
  subSatU16,
  addSatS16,
  subSatS16,
  abs8,
  abs16,
  popcnt8,
  shrS8,
  swizzleTable,
  swizzleBytes,
  swizzleConst,
  swizzlePairs,
  q15mulr,
  dot8,
  dot8add,
  satS,
  satU,
  truncS64,
  truncU64,
} as const;
