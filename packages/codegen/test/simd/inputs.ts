// Random and edge-case operands for the SIMD tests: 16-byte v128 images and scalar lane values.

const f32View = new Float32Array(1);
const f32Bits = new Int32Array(f32View.buffer);
const f64View = new Float64Array(1);
const f64Bits = new BigInt64Array(f64View.buffer);

function bitsOf32(x: number): number {
  f32View[0] = x;
  return f32Bits[0];
}

function bitsOf64(x: number): bigint {
  f64View[0] = x;
  return f64Bits[0];
}

/** Edge-case i8 lanes. */
export const I8_SPECIALS = [0, 1, -1, 2, 127, -128, 126, -127, 64, -64, 100, -100];
/** Edge-case i16 lanes. */
export const I16_SPECIALS = [0, 1, -1, 32767, -32768, 32766, -32767, 0x4000, -0x4000, 255, 256, -256, 128, -129, 12345];
/** Edge-case i32 lanes. */
export const I32_SPECIALS = [
  0, 1, -1, 0x7fffffff, -0x80000000, 0x7ffffffe, -0x7fffffff, 65535, 65536, -65536, 32767, -32768, 0x12345678,
];
/** Edge-case i64 lanes. */
export const I64_SPECIALS = [
  0n,
  1n,
  -1n,
  (1n << 63n) - 1n,
  -(1n << 63n),
  1n << 32n,
  (1n << 32n) - 1n,
  -(1n << 32n),
  0x7fffffffn,
  -0x80000000n,
  0x123456789abcdefn,
];
/** Edge-case f32 lanes, as bits (NaNs with payloads, signalling NaNs, subnormals, rounding ties, bounds). */
export const F32_SPECIALS: number[] = [
  ...[
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    1.5,
    -1.5,
    2.5,
    -2.5,
    3.5,
    -3.5,
    0.49999997,
    8388607.5,
    -8388607.5,
    8388608,
    16777216,
    2147483520,
    2147483648,
    -2147483648,
    -2147483904,
    4294967040,
    4294967296,
    1e10,
    -1e10,
    Infinity,
    -Infinity,
    3.4028234663852886e38,
    -3.4028234663852886e38,
    1.1754943508222875e-38,
    1.401298464324817e-45,
    -1.401298464324817e-45,
    0.1,
    -0.9,
    123.456,
    65535.5,
    -65536.5,
  ].map(bitsOf32),
  0x7fc00000,
  0xffc00000 | 0,
  0x7fa00001,
  0x7fc12345,
  0xff800001 | 0,
  0x7f800001,
];
/** Edge-case f64 lanes, as bits. */
export const F64_SPECIALS: bigint[] = [
  ...[
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    1.5,
    -1.5,
    2.5,
    -2.5,
    3.5,
    0.49999999999999994,
    4503599627370495.5,
    -4503599627370495.5,
    4503599627370496,
    4503599627370497,
    9007199254740992,
    2147483647,
    2147483647.5,
    2147483648,
    -2147483648,
    -2147483648.5,
    -2147483649,
    4294967295,
    4294967295.5,
    4294967296,
    -0.9,
    1e300,
    -1e300,
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    Infinity,
    -Infinity,
    1.7976931348623157e308,
    0.1,
    3.4028235677973366e38,
    1.401298464324817e-45,
    7.006492321624085e-46,
    3.4028234663852886e38,
    123.456,
  ].map(bitsOf64),
  0x7ff8000000000000n,
  -0x8000000000000n, // 0xfff8000000000000
  0x7ff0000000000001n,
  0x7ff8000000012345n,
  0x7ff4000000000000n,
  -0xffffffffffffn, // a negative NaN with payload
];

/** Fills `out[0..16)` with a random v128 image of a randomly chosen flavour. */
export function randomV128(next: () => number, dv: DataView, at: number): void {
  const flavour = next() % 10;
  const pick = <T>(list: readonly T[]) => list[next() % list.length];
  const special = () => next() % 10 < 7;
  for (let i = 0; i < 4; i++) dv.setUint32(at + 4 * i, next(), true);
  switch (flavour) {
    case 1:
      for (let i = 0; i < 16; i++) if (special()) dv.setInt8(at + i, pick(I8_SPECIALS));
      break;
    case 2:
      for (let i = 0; i < 8; i++) if (special()) dv.setInt16(at + 2 * i, pick(I16_SPECIALS), true);
      break;
    case 3:
      for (let i = 0; i < 4; i++) if (special()) dv.setInt32(at + 4 * i, pick(I32_SPECIALS), true);
      break;
    case 4:
      for (let i = 0; i < 2; i++) if (special()) dv.setBigInt64(at + 8 * i, pick(I64_SPECIALS), true);
      break;
    case 5:
      for (let i = 0; i < 4; i++) if (special()) dv.setInt32(at + 4 * i, pick(F32_SPECIALS), true);
      break;
    case 6:
      for (let i = 0; i < 2; i++) if (special()) dv.setBigInt64(at + 8 * i, pick(F64_SPECIALS), true);
      break;
    case 7: // small f32 values, often on halves (rounding ties)
      for (let i = 0; i < 4; i++) {
        const x = ((next() / 2 ** 32 - 0.5) * 40) | 0;
        dv.setFloat32(at + 4 * i, next() % 2 ? x / 2 : (next() / 2 ** 32 - 0.5) * 1000, true);
      }
      break;
    case 8: // small f64 values
      for (let i = 0; i < 2; i++) {
        const x = ((next() / 2 ** 32 - 0.5) * 40) | 0;
        dv.setFloat64(at + 8 * i, next() % 2 ? x / 2 : (next() / 2 ** 32 - 0.5) * 1e6, true);
      }
      break;
    case 9: // f32 and f64 values of moderate exponent
      if (next() % 2) {
        for (let i = 0; i < 4; i++)
          dv.setInt32(at + 4 * i, (next() & 0x807fffff) | ((100 + (next() % 60)) << 23), true);
      } else {
        for (let i = 0; i < 2; i++) {
          const hi = (next() & 0x800fffff) | ((1000 + (next() % 80)) << 20);
          dv.setInt32(at + 8 * i + 4, hi, true);
        }
      }
      break;
  }
}

/** A random or edge-case i32 (shift counts included). */
export function randomI32(next: () => number): number {
  const r = next() % 4;
  if (r === 0) return I32_SPECIALS[next() % I32_SPECIALS.length];
  if (r === 1) return next() % 140;
  if (r === 2) return I16_SPECIALS[next() % I16_SPECIALS.length];
  return next() | 0;
}

/** A random or edge-case i64. */
export function randomI64(next: () => number): bigint {
  const r = next() % 3;
  if (r === 0) return I64_SPECIALS[next() % I64_SPECIALS.length];
  return BigInt.asIntN(64, (BigInt(next()) << 32n) | BigInt(next()));
}

/** Random or edge-case f32 bits. */
export function randomF32Bits(next: () => number): number {
  return next() % 2 ? F32_SPECIALS[next() % F32_SPECIALS.length] : next() | 0;
}

/** Random or edge-case f64 bits. */
export function randomF64Bits(next: () => number): bigint {
  return next() % 2
    ? F64_SPECIALS[next() % F64_SPECIALS.length]
    : BigInt.asIntN(64, (BigInt(next()) << 32n) | BigInt(next()));
}

/**
 * The f32 words the select tests draw operands from: zeros of both signs, fractions, subnormals, bounds, infinities,
 * the canonical NaN, and signalling and payload NaNs as bits.
 */
const SELECT_WORDS = [0, -0, 1, -1, 0.5, -3.25, 1e-45, -1e-45, 3.4e38, -3.4e38, Infinity, -Infinity, Number.NaN]
  .map(bitsOf32)
  .concat([0x7fa00001, 0xffc00002 | 0, 0x7f800001, 0xff800003 | 0]);

/** An f32 word for a select test: three times in four one of `SELECT_WORDS`, else a random value of either sign. */
export function pickSelectWord(next: () => number): number {
  return next() & 3 ? SELECT_WORDS[next() % SELECT_WORDS.length] : bitsOf32((next() / 65536) * (next() & 1 ? 1 : -1));
}

/** The four f32 lanes of a select test's result (byte 64 of `m`), a NaN lane as "NaN": arithmetic may give any NaN. */
export function resultLanes(m: ArrayBuffer): (number | 'NaN')[] {
  return [...new Int32Array(m, 64, 4)].map((w) =>
    Number.isNaN(new Float32Array(new Int32Array([w]).buffer)[0]) ? 'NaN' : w,
  );
}
