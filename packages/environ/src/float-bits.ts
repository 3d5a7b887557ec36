// Bit-exact conversions between float values and their bits, the one definition for every package. An f32 value
// is a JS number holding the f32 value; an f32 NaN with bits `s eeeeeeee m(23)` is the double with sign s, all-ones
// exponent and mantissa `m << 29` (docs/js-abi.md), since hardware f32<->f64 conversions would quiet signalling
// NaNs. Scratch views over one buffer; a big-endian host is handled by the word order.
//
// NaN-boxing engines (JavaScriptCore, SpiderMonkey) hold every NaN in a JS value as one canonical NaN, so a NaN
// whose bits matter cannot be a number there: a NaN other than the canonical 0x7ff8000000000000 (f32 0x7fc00000)
// built from bits is a `NaNBits` object instead, on every engine (one behaviour, tested everywhere). Its `valueOf`
// is NaN, so arithmetic, comparisons and `Math` functions on it see a NaN (any NaN is allowed from arithmetic);
// operators whose result is defined by bits (reinterpret, loads and stores, abs, neg, copysign, the API's bits)
// read its words.

const scratch = new ArrayBuffer(8);
const f64 = new Float64Array(scratch);
const f32 = new Float32Array(scratch, 0, 1);
const u32 = new Uint32Array(scratch);
const i32 = new Int32Array(scratch, 0, 1);
const i64 = new BigInt64Array(scratch);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1;
const HI = LITTLE ? 1 : 0;

/**
 * A NaN with bits other than the canonical NaN's, as an f32 or f64 value: the double's two words (an f32 NaN in
 * the f64 layout above). Immutable; `valueOf` is NaN, so JavaScript arithmetic treats it as a NaN.
 */
export class NaNBits {
  /** The double's high word (sign, exponent, top 20 mantissa bits), as an int32. */
  readonly hi: number;
  /** The double's low word, as an int32. */
  readonly lo: number;
  /** Internal: use `f64FromWords`, which makes a `NaNBits` only for a NaN that needs one. */
  constructor(hi: number, lo: number) {
    this.hi = hi | 0;
    this.lo = lo | 0;
  }
  /** A NaN (without its payload: JavaScript numbers cannot be trusted to keep one). */
  valueOf(): number {
    return Number.NaN;
  }
  /** `NaN`, plus the bits. */
  toString(): string {
    return `NaN(0x${(this.hi >>> 0).toString(16).padStart(8, '0')}${(this.lo >>> 0).toString(16).padStart(8, '0')})`;
  }
}

/** An f32 or f64 value in the JS backend's representation: a number, or a NaN kept as its bits. */
export type FloatValue = number | NaNBits;

/** The f64 value with high word `hi` and low word `lo`: a number, or `NaNBits` for a non-canonical NaN. */
export function f64FromWords(hi: number, lo: number): FloatValue {
  if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0 && (hi !== 0x7ff80000 || lo !== 0))
    return new NaNBits(hi, lo);
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

/** The high word (an int32) of an f64 value's bits. */
export function f64HiWord(x: FloatValue): number {
  if (typeof x !== 'number') return x.hi;
  f64[0] = x;
  return u32[HI] | 0;
}

/** The low word (an int32) of an f64 value's bits (read after `f64HiWord` of the same value, or alone). */
export function f64LoWord(x: FloatValue): number {
  if (typeof x !== 'number') return x.lo;
  f64[0] = x;
  return u32[LO] | 0;
}

/** The f32 value (ABI representation) with bits `bits` (an i32), keeping NaN payloads. */
export function f32FromBits(bits: number): FloatValue {
  if ((bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0) {
    const m = bits & 0x7fffff;
    return f64FromWords((bits & 0x80000000) | 0x7ff00000 | (m >>> 3), (m & 7) << 29);
  }
  i32[0] = bits;
  return f32[0];
}

/** The bits (an i32) of an f32 value in the ABI representation, keeping NaN payloads. */
export function f32ToBits(x: FloatValue): number {
  if (typeof x !== 'number') return nanF32Bits(x.hi, x.lo);
  if (x !== x) {
    f64[0] = x;
    return nanF32Bits(u32[HI], u32[LO]);
  }
  f32[0] = x;
  return i32[0];
}

function nanF32Bits(hi: number, lo: number): number {
  let m = ((hi & 0xfffff) << 3) | (lo >>> 29);
  // A NaN from f64 arithmetic may have no payload in the f32 range: make it the quiet NaN.
  if (m === 0) m = 0x400000;
  return (hi & 0x80000000) | 0x7f800000 | m;
}

/** The f64 with bits `bits` (an i64 as bigint). */
export function f64FromBits(bits: bigint): FloatValue {
  i64[0] = bits;
  const hi = u32[HI];
  if ((hi & 0x7ff00000) === 0x7ff00000) return f64FromWords(hi, u32[LO]);
  return f64[0];
}

/** The bits of an f64 as an i64 bigint. */
export function f64ToBits(x: FloatValue): bigint {
  if (typeof x !== 'number') {
    u32[HI] = x.hi;
    u32[LO] = x.lo;
  } else f64[0] = x;
  return i64[0];
}

/**
 * A float value as a JS number, for code outside wasm (host functions, the JS API, typed calls): a `NaNBits`
 * becomes the NaN with its bits, which keeps them on an engine that keeps NaN payloads (V8) and is the canonical
 * NaN on one that does not.
 */
export function floatNumber(x: FloatValue): number {
  if (typeof x === 'number') return x;
  u32[HI] = x.hi;
  u32[LO] = x.lo;
  return f64[0];
}
