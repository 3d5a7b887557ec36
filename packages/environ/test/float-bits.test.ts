// The one definition of float <-> bits conversions (src/float-bits.ts), used by codegen, the runtime and the API.
import { describe, expect, it } from 'vitest';
import {
  f32FromBits,
  f32ToBits,
  f64FromBits,
  f64FromWords,
  f64HiWord,
  f64LoWord,
  f64ToBits,
  floatNumber,
  NaNBits,
} from '../src/index.js';

describe('f32 bits', () => {
  it('round-trips NaN payloads, including signalling NaNs', () => {
    for (const bits of [0x7fa00000, 0x7fc00000, 0xffc00000 | 0, 0x7f800001, 0xff800001 | 0, 0x7fffffff, 0x7f812345]) {
      const x = f32FromBits(bits);
      expect(Number.isNaN(+x)).toBe(true);
      expect(x instanceof NaNBits).toBe(bits !== 0x7fc00000);
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

describe('NaNs kept as bits (NaN-boxing engines)', () => {
  it('the canonical NaN stays a number, every other NaN is a NaNBits', () => {
    expect(f64FromBits(0x7ff8000000000000n)).toBeNaN();
    expect(typeof f64FromBits(0x7ff8000000000000n)).toBe('number');
    expect(typeof f32FromBits(0x7fc00000)).toBe('number');
    const negQuiet = f64FromBits(BigInt.asIntN(64, 0xfff8000000000000n));
    expect(negQuiet).toBeInstanceOf(NaNBits);
    expect(f64ToBits(negQuiet)).toBe(BigInt.asIntN(64, 0xfff8000000000000n));
    expect(f64FromWords(0x7ff00000, 1)).toEqual(new NaNBits(0x7ff00000, 1));
    expect(f64FromWords(0x3ff00000, 0)).toBe(1);
    expect(f64FromWords(0x7ff00000, 0)).toBe(Infinity);
  });
  it('behaves as a NaN in arithmetic and comparisons', () => {
    const x = f64FromBits(0x7ff4000000000001n) as unknown as number;
    expect(x + 1).toBeNaN();
    expect(Math.fround(x)).toBeNaN();
    expect(x < 1 || x > 1 || x <= 1 || x >= 1).toBe(false);
    expect(+x === +x).toBe(false);
  });
  it('gives its words and its number', () => {
    const x = f64FromBits(0x7ff4000000000001n);
    expect(f64HiWord(x)).toBe(0x7ff40000);
    expect(f64LoWord(x)).toBe(1);
    expect(f64HiWord(-2)).toBe(0xc0000000 | 0);
    expect(f64LoWord(-2)).toBe(0);
    expect(floatNumber(x)).toBeNaN();
    expect(typeof floatNumber(x)).toBe('number');
    expect(floatNumber(1.5)).toBe(1.5);
  });
});
