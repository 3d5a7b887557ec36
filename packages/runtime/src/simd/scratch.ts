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

// f32 <-> NaN-payload conversions: environ's, the one definition (they use scratch views of their own).
export { f32FromBits, f32ToBits, floatNumber } from '@wasmts/environ';
