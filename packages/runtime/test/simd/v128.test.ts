// The V128 value: layout, lane getters, constructors from lanes, and memory helpers.

import { describe, expect, it } from 'vitest';
import { V128 } from '../../src/simd/index.js';
import { f32ToBits } from '../../src/simd/scratch.js';

describe('V128', () => {
  it('is little-endian: a holds bytes 0..3', () => {
    const v = V128.fromBytes(Array.from({ length: 16 }, (_, i) => i));
    expect(v.a).toBe(0x03020100);
    expect(v.d).toBe(0x0f0e0d0c);
    expect(Array.from(v.toBytes())).toEqual(Array.from({ length: 16 }, (_, i) => i));
  });

  it('reads every lane shape', () => {
    const v = new V128(0x80ff017f, -1, 0x3fc00000, 0x7ff80000);
    expect([v.i8(0), v.u8(0), v.i8(3), v.u8(3)]).toEqual([127, 127, -128, 128]);
    expect([v.i16(0), v.u16(0), v.i16(1), v.u16(1)]).toEqual([0x017f, 0x017f, -32513, 0x80ff]);
    expect([v.i32(1), v.u32(1)]).toEqual([-1, 0xffffffff]);
    expect([v.i64(0), v.u64(0)]).toEqual([-0x7f00fe81n, 0xffffffff80ff017fn]);
    expect(v.f32(2)).toBe(1.5);
    expect(v.f32Bits(2)).toBe(0x3fc00000);
    expect(v.f64Bits(1)).toBe(0x7ff800003fc00000n);
    expect(Number.isNaN(v.f64(1))).toBe(true);
  });

  it('builds from lanes and keeps f32 NaN payloads', () => {
    expect(
      V128.fromI16([1, -1, 2, -2, 3, -3, 4, -4]).equals(new V128(0xffff0001, 0xfffe0002, 0xfffd0003, 0xfffc0004)),
    ).toBe(true);
    expect(V128.fromI64([-1n, 1n << 32n]).equals(new V128(-1, -1, 0, 1))).toBe(true);
    expect(V128.fromI32([1, 2, 3, 4]).equals(new V128(1, 2, 3, 4))).toBe(true);
    const qnan = new V128(0x7fc12345, 0xffc00001, 0, 0);
    expect(V128.fromF32([qnan.f32(0), qnan.f32(1), 0, 0]).equals(qnan)).toBe(true);
    // A signalling NaN survives as a number, though a V8 double-only array literal would quiet it.
    const snan = new V128(0x7fa00001, 0xff800001, 0, 0);
    expect(f32ToBits(snan.f32(0))).toBe(0x7fa00001);
    expect(f32ToBits(snan.f32(1))).toBe(0xff800001 | 0);
    expect(V128.fromF64([1, -0]).equals(new V128(0, 0x3ff00000, 0, 0x80000000))).toBe(true);
    expect(V128.ZERO.equals(new V128(0, 0, 0, 0))).toBe(true);
    expect(String(new V128(1, 0, 0, 0))).toBe('v128:01000000000000000000000000000000');
  });

  it('loads and stores through a DataView; an out-of-bounds store writes nothing', () => {
    const dv = new DataView(new ArrayBuffer(32));
    const v = new V128(1, 2, 3, 4);
    v.store(dv, 8);
    expect(V128.load(dv, 8).equals(v)).toBe(true);
    expect(() => v.store(dv, 20)).toThrow(RangeError);
    expect(new Uint8Array(dv.buffer, 24).every((x) => x === 0)).toBe(true);
    expect(() => V128.load(dv, 17)).toThrow(RangeError);
  });
});
