// The one definition of float <-> bits conversions (src/float-bits.ts), used by codegen, the runtime and the API.
import { describe, expect, it } from 'vitest';
import { f32FromBits, f32ToBits, f64FromBits, f64ToBits } from '../src/index.js';

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
