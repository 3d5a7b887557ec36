import { describe, expect, it } from 'vitest';
import { parseF32, parseF64, parseI32, parseI64, parseInteger, parseU32 } from '../src/numbers.js';

const f32 = (t: string): string => parseF32(t).toString(16).padStart(8, '0');
const f64 = (t: string): string => parseF64(t).toString(16).padStart(16, '0');

describe('integers', () => {
  it('parses decimal, hex, signs and underscores', () => {
    expect(parseI32('0')).toBe(0);
    expect(parseI32('-1')).toBe(-1);
    expect(parseI32('+42')).toBe(42);
    expect(parseI32('0xffff_ffff')).toBe(-1);
    expect(parseI32('4294967295')).toBe(-1);
    expect(parseI32('-2147483648')).toBe(-2147483648);
    expect(parseI32('1_000_000')).toBe(1000000);
    expect(parseI64('0xffffffffffffffff')).toBe(-1n);
    expect(parseI64('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(parseInteger('-128', 8)).toBe(0x80n);
  });
  it('rejects out-of-range constants', () => {
    expect(() => parseI32('4294967296')).toThrow('constant out of range');
    expect(() => parseI32('-2147483649')).toThrow('constant out of range');
    expect(() => parseI32('0x1_0000_0000')).toThrow('constant out of range');
    expect(() => parseI64('18446744073709551616')).toThrow('constant out of range');
    expect(() => parseInteger('256', 8)).toThrow('constant out of range');
  });
  it('rejects malformed literals', () => {
    expect(() => parseI32('1__0')).toThrow();
    expect(() => parseI32('_1')).toThrow();
    expect(() => parseI32('1_')).toThrow();
    expect(() => parseI32('0x')).toThrow();
    expect(() => parseI32('1.0')).toThrow();
    expect(parseU32('-1')).toBeUndefined();
    expect(parseU32('0x10')).toBe(16);
  });
});

describe('f32', () => {
  it('parses special values', () => {
    expect(f32('inf')).toBe('7f800000');
    expect(f32('-inf')).toBe('ff800000');
    expect(f32('nan')).toBe('7fc00000');
    expect(f32('-nan')).toBe('ffc00000');
    expect(f32('nan:0x1')).toBe('7f800001');
    expect(f32('nan:0x7f_ffff')).toBe('7fffffff');
    expect(f32('-0')).toBe('80000000');
    expect(() => parseF32('nan:0x0')).toThrow('constant out of range');
    expect(() => parseF32('nan:0x80_0000')).toThrow('constant out of range');
  });
  it('rounds decimal literals correctly, ties to even', () => {
    expect(f32('1')).toBe('3f800000');
    expect(f32('0.1')).toBe('3dcccccd');
    // midpoint between 1 and 1+2^-23 rounds to even (1)
    expect(f32('1.000000059604644775390625')).toBe('3f800000');
    // just above the midpoint rounds up (double rounding through f64 would give 1)
    expect(f32('1.00000005960464477539062500000000001')).toBe('3f800001');
    // midpoint between 1+2^-23 and 1+2^-22 rounds to even (up)
    expect(f32('1.000000178813934326171875')).toBe('3f800002');
    expect(f32('3.4028234663852886e+38')).toBe('7f7fffff');
    expect(f32('1e-46')).toBe('00000000');
    expect(f32('1.401298464324817e-45')).toBe('00000001');
  });
  it('rounds hexadecimal literals correctly', () => {
    expect(f32('0x1p-149')).toBe('00000001');
    expect(f32('0x1p-150')).toBe('00000000');
    expect(f32('0x1.8p-150')).toBe('00000001');
    expect(f32('0x1.000001p0')).toBe('3f800000');
    expect(f32('0x1.000003p0')).toBe('3f800002');
    expect(f32('0x1.00000100000000000p-50')).toBe('26800000');
    expect(f32('0x1.00000100000000001p-50')).toBe('26800001');
    expect(f32('0x1.fffffefffffffffffffp127')).toBe('7f7fffff');
    expect(() => parseF32('0x.8p1')).toThrow();
  });
  it('rejects literals that overflow to infinity', () => {
    expect(() => parseF32('0x1p128')).toThrow('constant out of range');
    expect(() => parseF32('1e39')).toThrow('constant out of range');
    expect(() => parseF32('0x1.ffffffp127')).toThrow('constant out of range');
  });
});

describe('f64', () => {
  it('parses and rounds', () => {
    expect(f64('1')).toBe('3ff0000000000000');
    expect(f64('-0x1p-1074')).toBe('8000000000000001');
    expect(f64('0x1p-1075')).toBe('0000000000000000');
    expect(f64('0x1.0000000000000_8p0')).toBe('3ff0000000000000');
    expect(f64('0x1.0000000000001_8p0')).toBe('3ff0000000000002');
    expect(f64('nan:0x4_0000_0000_0000')).toBe('7ff4000000000000');
    expect(f64('1.7976931348623157e308')).toBe('7fefffffffffffff');
    expect(f64('1_000.000_1')).toBe(parseF64('1000.0001').toString(16).padStart(16, '0'));
    expect(() => parseF64('1e309')).toThrow('constant out of range');
    expect(() => parseF64('0x1p1024')).toThrow('constant out of range');
  });
});
