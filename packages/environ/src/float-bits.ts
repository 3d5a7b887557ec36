// Bit-exact conversions between float values and their bits, the one definition for every package. An f32 value
// is a JS number holding the f32 value; an f32 NaN with bits `s eeeeeeee m(23)` is the double with sign s, all-ones
// exponent and mantissa `m << 29` (docs/js-abi.md), since hardware f32<->f64 conversions would quiet signalling
// NaNs. Scratch views over one buffer; a big-endian host is handled by the word order.

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
  if (x !== x) {
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
