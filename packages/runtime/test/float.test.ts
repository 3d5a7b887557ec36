import { TrapCode } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import {
  f32ConvertI64S,
  f32ConvertI64U,
  f32Copysign,
  f32FromBits,
  f32Nearest,
  f32ToBits,
  f64ConvertI64S,
  f64ConvertI64U,
  f64Copysign,
  f64FromBits,
  f64Nearest,
  f64ToBits,
  fAbs,
  fMax,
  fMin,
  fNeg,
  i32TruncS,
  i32TruncSatS,
  i32TruncSatU,
  i32TruncU,
  i64TruncS,
  i64TruncSatS,
  i64TruncSatU,
  i64TruncU,
  Trap,
} from '../src/index.js';

function trapCode(f: () => unknown): number | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e.code;
    throw e;
  }
  return undefined;
}

describe('f32 bits', () => {
  it('round-trips NaN payloads, including signalling NaNs', () => {
    for (const bits of [0x7fa00000, 0x7fc00000, 0xffc00000 | 0, 0x7f800001, 0xff800001 | 0, 0x7fffffff, 0x7f812345]) {
      const x = f32FromBits(bits);
      expect(Number.isNaN(x)).toBe(true);
      expect(f32ToBits(x)).toBe(bits);
    }
  });
  it('uses the ABI representation: mantissa << 29 in the double, quiet bit not forced', () => {
    expect(f64ToBits(f32FromBits(0x7fa00000))).toBe(0x7ff4000000000000n);
    expect(f64ToBits(f32FromBits(0xffc00001 | 0))).toBe(BigInt.asIntN(64, 0xfff8000020000000n));
  });
  it('round-trips ordinary values', () => {
    for (const bits of [0, 0x80000000 | 0, 0x3f800000, 0x7f800000, 0xff800000 | 0, 1, 0x7f7fffff, 0x00800000]) {
      expect(f32ToBits(f32FromBits(bits))).toBe(bits);
    }
    expect(f32FromBits(0x3f800000)).toBe(1);
    expect(Object.is(f32FromBits(0x80000000 | 0), -0)).toBe(true);
  });
  it('a NaN without an f32 payload becomes the quiet NaN', () => {
    expect(f32ToBits(f64FromBits(0x7ff0000000000001n))).toBe(0x7fc00000);
  });
});

describe('f64 bits', () => {
  it('round-trips', () => {
    for (const b of [0n, 0x7ff4000000000000n, BigInt.asIntN(64, 0xfff0000000000001n), 0x3ff0000000000000n]) {
      expect(f64ToBits(f64FromBits(b))).toBe(b);
    }
  });
});

describe('nearest', () => {
  it('rounds ties to even and keeps the sign of zero', () => {
    const cases: [number, number][] = [
      [0.5, 0],
      [1.5, 2],
      [2.5, 2],
      [-0.5, -0],
      [-1.5, -2],
      [-2.5, -2],
      [3.5, 4],
      [0.49999999999999994, 0],
      [-0.49999999999999994, -0],
      [4503599627370495.5, 4503599627370496],
      [2 ** 52 + 1, 2 ** 52 + 1],
      [1.4, 1],
      [-1.6, -2],
      [Infinity, Infinity],
      [-Infinity, -Infinity],
    ];
    for (const [x, r] of cases) expect(Object.is(f64Nearest(x), r)).toBe(true);
    expect(Object.is(f64Nearest(-0), -0)).toBe(true);
    expect(Object.is(f32Nearest(Math.fround(-0.25)), -0)).toBe(true);
    expect(f32Nearest(Math.fround(8388609.0))).toBe(8388609);
    expect(Number.isNaN(f64Nearest(Number.NaN))).toBe(true);
  });
});

describe('sign and min/max', () => {
  it('copysign is bitwise and keeps NaN payloads', () => {
    expect(Object.is(f64Copysign(1, -0), -1)).toBe(true);
    expect(Object.is(f64Copysign(-2, 0), 2)).toBe(true);
    const n = f32FromBits(0x7fa00000);
    expect(f32ToBits(f32Copysign(n, -1))).toBe(0xffa00000 | 0);
    expect(f32ToBits(f32Copysign(f32FromBits(0xffa00000 | 0), 1))).toBe(0x7fa00000);
    expect(f32ToBits(fAbs(f32FromBits(0xff812345 | 0)))).toBe(0x7f812345);
    expect(f32ToBits(fNeg(f32FromBits(0x7f812345)))).toBe(0xff812345 | 0);
    expect(Object.is(fNeg(0), -0)).toBe(true);
  });
  it('min/max: NaN wins, -0 < +0', () => {
    expect(Object.is(fMin(0, -0), -0)).toBe(true);
    expect(Object.is(fMin(-0, 0), -0)).toBe(true);
    expect(Object.is(fMax(-0, 0), 0)).toBe(true);
    expect(Number.isNaN(fMin(1, Number.NaN))).toBe(true);
    expect(Number.isNaN(fMax(Number.NaN, 1))).toBe(true);
    expect(fMin(1, 2)).toBe(1);
    expect(fMax(1, 2)).toBe(2);
  });
});

describe('truncation', () => {
  it('traps on NaN and out of range', () => {
    expect(trapCode(() => i32TruncS(Number.NaN))).toBe(TrapCode.BadConversionToInteger);
    expect(trapCode(() => i32TruncS(2147483648))).toBe(TrapCode.IntegerOverflow);
    expect(trapCode(() => i32TruncS(-2147483649))).toBe(TrapCode.IntegerOverflow);
    expect(i32TruncS(-2147483648.9)).toBe(-2147483648);
    expect(i32TruncS(2147483647.9)).toBe(2147483647);
    expect(i32TruncS(-0.9)).toBe(0);
    expect(trapCode(() => i32TruncU(-1))).toBe(TrapCode.IntegerOverflow);
    expect(trapCode(() => i32TruncU(4294967296))).toBe(TrapCode.IntegerOverflow);
    expect(i32TruncU(-0.99)).toBe(0);
    expect(i32TruncU(4294967295.5)).toBe(-1);
    expect(trapCode(() => i64TruncS(2 ** 63))).toBe(TrapCode.IntegerOverflow);
    expect(i64TruncS(-(2 ** 63))).toBe(-9223372036854775808n);
    expect(trapCode(() => i64TruncU(2 ** 64))).toBe(TrapCode.IntegerOverflow);
    expect(i64TruncU(2 ** 64 - 2048)).toBe(-2048n);
    expect(trapCode(() => i64TruncU(Number.NaN))).toBe(TrapCode.BadConversionToInteger);
    expect(trapCode(() => i64TruncU(-1))).toBe(TrapCode.IntegerOverflow);
    expect(i64TruncU(-0.5)).toBe(0n);
  });
  it('saturates', () => {
    expect(i32TruncSatS(Number.NaN)).toBe(0);
    expect(i32TruncSatS(1e10)).toBe(2147483647);
    expect(i32TruncSatS(-1e10)).toBe(-2147483648);
    expect(i32TruncSatU(-5)).toBe(0);
    expect(i32TruncSatU(1e10)).toBe(-1);
    expect(i32TruncSatU(3000000000)).toBe(3000000000 | 0);
    expect(i64TruncSatS(Infinity)).toBe(9223372036854775807n);
    expect(i64TruncSatS(-Infinity)).toBe(-9223372036854775808n);
    expect(i64TruncSatU(Infinity)).toBe(-1n);
    expect(i64TruncSatU(Number.NaN)).toBe(0n);
    expect(i64TruncSatS(-1.5)).toBe(-1n);
  });
});

describe('i64 to float conversions', () => {
  it('f32.convert_i64 rounds once', () => {
    // 2^53 + 2^29 + 1: Number() rounds to 2^53 + 2^29 (a tie for f32), then fround would give 2^53.
    const x = (1n << 53n) + (1n << 29n) + 1n;
    expect(f32ConvertI64S(x)).toBe(2 ** 53 + 2 ** 30);
    expect(f32ConvertI64U(x)).toBe(2 ** 53 + 2 ** 30);
    expect(f32ConvertI64S(-x)).toBe(-(2 ** 53 + 2 ** 30));
    // Ties to even.
    expect(f32ConvertI64U((1n << 53n) + (1n << 29n))).toBe(2 ** 53);
    expect(f32ConvertI64U((1n << 53n) + (3n << 29n))).toBe(2 ** 53 + 2 ** 31);
    expect(f32ConvertI64S(-0x8000000000000000n)).toBe(-(2 ** 63));
    expect(f32ConvertI64U(-1n)).toBe(2 ** 64);
    expect(f32ConvertI64S(0x7fffff4000000001n)).toBe(Math.fround(0x7fffff8000000000));
    expect(f32ConvertI64S(16777217n)).toBe(16777216);
    expect(f32ConvertI64U(0xffffff7fffffffffn)).toBe(Math.fround(0xffffff0000000000));
  });
  it('f64.convert_i64', () => {
    expect(f64ConvertI64S(-1n)).toBe(-1);
    expect(f64ConvertI64U(-1n)).toBe(2 ** 64);
    expect(f64ConvertI64S(9007199254740993n)).toBe(9007199254740992);
    expect(f64ConvertI64U(0x8000000000000401n)).toBe(2 ** 63 + 2048);
  });
});
