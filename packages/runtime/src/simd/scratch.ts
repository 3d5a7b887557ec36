// Module-level scratch views over one 64-byte buffer, so the V128 class's lane conversions allocate nothing.
// Assumes a little-endian host, as every platform Node ships for does in practice; memory accesses use
// DataView with explicit little-endian and do not depend on it.

const buffer = new ArrayBuffer(64);
/** Int32 view of the scratch buffer. */
export const I32 = new Int32Array(buffer);
/** Uint8 view of the scratch buffer. */
export const U8 = new Uint8Array(buffer);
/** Float64 view of the scratch buffer. */
export const F64 = new Float64Array(buffer);
/** BigInt64 view of the scratch buffer. */
export const I64 = new BigInt64Array(buffer);
/** BigUint64 view of the scratch buffer. */
export const U64 = new BigUint64Array(buffer);

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('@wasmts/runtime simd: a little-endian host is required');
}

// A separate pair of views for f32 <-> NaN-payload conversions, so they never clobber the operands.
const bitsBuffer = new ArrayBuffer(8);
const bitsF64 = new Float64Array(bitsBuffer);
const bitsU32 = new Uint32Array(bitsBuffer);
const bitsI32 = new Int32Array(bitsBuffer, 0, 1);
const bitsF32 = new Float32Array(bitsBuffer, 0, 1);

/** The f32 value (ABI representation, docs/js-abi.md) with bits `bits`, keeping NaN payloads. */
export function f32FromBits(bits: number): number {
  if ((bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0) {
    const m = bits & 0x7fffff;
    bitsU32[1] = (bits & 0x80000000) | 0x7ff00000 | (m >>> 3);
    bitsU32[0] = (m & 7) << 29;
    return bitsF64[0];
  }
  bitsI32[0] = bits;
  return bitsF32[0];
}

/** The bits (an i32) of an f32 value in the ABI representation, keeping NaN payloads. */
export function f32ToBits(x: number): number {
  if (x !== x) {
    bitsF64[0] = x;
    const hi = bitsU32[1];
    let m = ((hi & 0xfffff) << 3) | (bitsU32[0] >>> 29);
    // A NaN from f64 arithmetic may have no payload in the f32 range: make it the quiet NaN.
    if (m === 0) m = 0x400000;
    return (hi & 0x80000000) | 0x7f800000 | m;
  }
  bitsF32[0] = x;
  return bitsI32[0];
}
