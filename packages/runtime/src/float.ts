// Float helpers that JavaScript lacks bit-exactly. f32 values are numbers holding the f32 value; an f32 NaN
// with bits `s eeeeeeee m(23)` is the double with sign s, all-ones exponent and mantissa `m << 29`
// (docs/js-abi.md): hardware f32->f64 conversions would quiet signalling NaNs, so bits go through these.

import { TrapCode } from '@wasmts/environ';
import { Trap } from './values.js';

const scratch = new ArrayBuffer(8);
const f64 = new Float64Array(scratch);
const f32 = new Float32Array(scratch, 0, 1);
const u32 = new Uint32Array(scratch);
const i32 = new Int32Array(scratch, 0, 1);
const i64 = new BigInt64Array(scratch);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1;
const HI = LITTLE ? 1 : 0;

/** The f32 value (ABI representation) with bits `bits` (an i32), keeping NaN payloads. */
export function f32FromBits(bits: number): number {
  if ((bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0) {
    const m = bits & 0x7fffff;
    u32[HI] = (bits & 0x80000000) | 0x7ff00000 | (m >>> 3);
    u32[LO] = (m & 7) << 29;
    return f64[0];
  }
  i32[0] = bits;
  return f32[0];
}

/** The bits (an i32) of an f32 value in the ABI representation, keeping NaN payloads. */
export function f32ToBits(x: number): number {
  if (Number.isNaN(x)) {
    f64[0] = x;
    const hi = u32[HI];
    let m = ((hi & 0xfffff) << 3) | (u32[LO] >>> 29);
    // A NaN from f64 arithmetic may have no payload in the f32 range: make it the quiet NaN.
    if (m === 0) m = 0x400000;
    return (hi & 0x80000000) | 0x7f800000 | m;
  }
  f32[0] = x;
  return i32[0];
}

/** The f64 with bits `bits` (an i64 as bigint). */
export function f64FromBits(bits: bigint): number {
  i64[0] = bits;
  return f64[0];
}

/** The bits of an f64 as an i64 bigint. */
export function f64ToBits(x: number): bigint {
  f64[0] = x;
  return i64[0];
}

/** Round to nearest, ties to even (f32.nearest and f64.nearest; a NaN comes back quiet). */
export function fNearest(x: number): number {
  if (Number.isNaN(x)) return x + 0;
  if (x === 0 || !Number.isFinite(x)) return x;
  const t = Math.trunc(x);
  const d = x - t;
  let r: number;
  if (d === 0.5) r = t % 2 === 0 ? t : t + 1;
  else if (d === -0.5) r = t % 2 === 0 ? t : t - 1;
  else r = Math.round(x);
  return r === 0 ? (x < 0 ? -0 : 0) : r;
}
/** f32.nearest. */
export const f32Nearest = fNearest;
/** f64.nearest. */
export const f64Nearest = fNearest;

/** copysign on f32 or f64 values: `a` with the sign bit of `b` (bitwise, NaN payloads kept). */
export function fCopysign(a: number, b: number): number {
  f64[0] = b;
  const sign = u32[HI] & 0x80000000;
  f64[0] = a;
  u32[HI] = (u32[HI] & 0x7fffffff) | sign;
  return f64[0];
}
/** f32.copysign. */
export const f32Copysign = fCopysign;
/** f64.copysign. */
export const f64Copysign = fCopysign;

/** abs on f32 or f64 values: clears the sign bit (bitwise, NaN payloads kept). */
export function fAbs(a: number): number {
  f64[0] = a;
  u32[HI] &= 0x7fffffff;
  return f64[0];
}

/** neg on f32 or f64 values: flips the sign bit (bitwise, NaN payloads kept). */
export function fNeg(a: number): number {
  f64[0] = a;
  u32[HI] ^= 0x80000000;
  return f64[0];
}

/** f32.min / f64.min: NaN if either is NaN, and -0 below +0 (Math.min's rules). */
export function fMin(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return a + b;
  return Math.min(a, b);
}

/** f32.max / f64.max: NaN if either is NaN, and +0 above -0. */
export function fMax(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return a + b;
  return Math.max(a, b);
}

/** f64.promote_f32: the same value, with a NaN quieted. */
export function f64PromoteF32(x: number): number {
  return Number.isNaN(x) ? x + 0 : x;
}

/** f32.demote_f64: round to f32 (a NaN keeps the upper payload bits and comes back quiet). */
export function f32DemoteF64(x: number): number {
  return Math.fround(x);
}

const TWO31 = 2 ** 31;
const TWO32 = 2 ** 32;
const TWO63 = 2 ** 63;
const TWO64 = 2 ** 64;

/** i32.trunc_f32_s / i32.trunc_f64_s: traps on NaN (BadConversionToInteger) and out of range (IntegerOverflow). */
export function i32TruncS(x: number): number {
  if (Number.isNaN(x)) throw new Trap(TrapCode.BadConversionToInteger);
  const t = Math.trunc(x);
  if (t < -TWO31 || t >= TWO31) throw new Trap(TrapCode.IntegerOverflow);
  return t | 0;
}

/** i32.trunc_f32_u / i32.trunc_f64_u (the result as an int32). */
export function i32TruncU(x: number): number {
  if (Number.isNaN(x)) throw new Trap(TrapCode.BadConversionToInteger);
  const t = Math.trunc(x);
  // t is -0 for inputs in (-1, 0): in range.
  if (t < 0 || t >= TWO32) throw new Trap(TrapCode.IntegerOverflow);
  return t | 0;
}

/** i64.trunc_f32_s / i64.trunc_f64_s (bigint result). */
export function i64TruncS(x: number): bigint {
  if (Number.isNaN(x)) throw new Trap(TrapCode.BadConversionToInteger);
  const t = Math.trunc(x);
  if (t < -TWO63 || t >= TWO63) throw new Trap(TrapCode.IntegerOverflow);
  return BigInt(t);
}

/** i64.trunc_f32_u / i64.trunc_f64_u (bigint result, as a signed i64). */
export function i64TruncU(x: number): bigint {
  if (Number.isNaN(x)) throw new Trap(TrapCode.BadConversionToInteger);
  const t = Math.trunc(x);
  if (t < 0 || t >= TWO64) throw new Trap(TrapCode.IntegerOverflow);
  return BigInt.asIntN(64, BigInt(t));
}

/** i32.trunc_sat_f32_s / i32.trunc_sat_f64_s. */
export function i32TruncSatS(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (x <= -TWO31) return -TWO31 | 0;
  if (x >= TWO31) return 0x7fffffff;
  return Math.trunc(x) | 0;
}

/** i32.trunc_sat_f32_u / i32.trunc_sat_f64_u (the result as an int32). */
export function i32TruncSatU(x: number): number {
  if (Number.isNaN(x) || x <= 0) return 0;
  if (x >= TWO32) return -1;
  return Math.trunc(x) | 0;
}

/** i64.trunc_sat_f32_s / i64.trunc_sat_f64_s. */
export function i64TruncSatS(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x <= -TWO63) return -0x8000000000000000n;
  if (x >= TWO63) return 0x7fffffffffffffffn;
  return BigInt(Math.trunc(x));
}

/** i64.trunc_sat_f32_u / i64.trunc_sat_f64_u (as a signed i64). */
export function i64TruncSatU(x: number): bigint {
  if (Number.isNaN(x) || x <= 0) return 0n;
  if (x >= TWO64) return -1n;
  return BigInt.asIntN(64, BigInt(Math.trunc(x)));
}

const TWO53N = 1n << 53n;

/** A non-negative integer below 2^64 rounded once to f32 (nearest, ties to even). */
function u64ToF32(u: bigint): number {
  if (u < TWO53N) return Math.fround(Number(u));
  // Keep 24 significant bits with exact integer rounding; Number() then fround would round twice.
  const hi = Number(u >> 32n);
  const bits = 64 - Math.clz32(hi);
  const shift = BigInt(bits - 24);
  let q = u >> shift;
  const rem = u - (q << shift);
  const half = 1n << (shift - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  return Math.fround(Number(q << shift));
}

/** f32.convert_i64_s: an i64 rounded once to f32. */
export function f32ConvertI64S(x: bigint): number {
  return x < 0n ? -u64ToF32(-BigInt.asIntN(64, x)) : u64ToF32(x);
}

/** f32.convert_i64_u: an i64 read as unsigned, rounded once to f32. */
export function f32ConvertI64U(x: bigint): number {
  return u64ToF32(BigInt.asUintN(64, x));
}

/** f64.convert_i64_s (Number(bigint) rounds once, to nearest even). */
export function f64ConvertI64S(x: bigint): number {
  return Number(x);
}

/** f64.convert_i64_u. */
export function f64ConvertI64U(x: bigint): number {
  return Number(BigInt.asUintN(64, x));
}

/** f32.convert_i32_u (the i32 read as unsigned). */
export function f32ConvertI32U(x: number): number {
  return Math.fround(x >>> 0);
}

/** f64.convert_i32_u. */
export function f64ConvertI32U(x: number): number {
  return x >>> 0;
}
