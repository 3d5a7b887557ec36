// Loads and stores through the cached typed-array views: aligned, unaligned and boundary accesses agree
// with a DataView, out-of-bounds accesses throw (the API's MemoryOutOfBounds) without writing, and growth
// by the host in the middle of a function is seen by the same function.
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';
import { instantiate } from './harness.js';

const WAT = `(module
  (import "h" "grow" (func $grow (param i32)))
  (import "h" "growRet" (func $growRet (param i32) (result i32)))
  (memory (export "mem") 1 8)
  (func (export "ld32") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "ld16u") (param i32) (result i32) (i32.load16_u (local.get 0)))
  (func (export "ld16s") (param i32) (result i32) (i32.load16_s offset=1 (local.get 0)))
  (func (export "ld8s") (param i32) (result i32) (i32.load8_s (local.get 0)))
  (func (export "ld8u") (param i32) (result i32) (i32.load8_u offset=2 (local.get 0)))
  (func (export "ld64u32") (param i32) (result i64) (i64.load32_u (local.get 0)))
  (func (export "ld64s32") (param i32) (result i64) (i64.load32_s offset=4 (local.get 0)))
  (func (export "ld64") (param i32) (result i64) (i64.load offset=8 (local.get 0)))
  (func (export "ld32o") (param i32) (result i32) (i32.load offset=8 (local.get 0)))
  (func (export "ld32a1") (param i32) (result i32) (i32.load align=1 (local.get 0)))
  (func (export "ld32Add") (param i32 i32) (result i32) (i32.load offset=4 (i32.add (local.get 0) (local.get 1))))
  (func (export "ld32Const") (result i32) (i32.add (i32.load (i32.const 12)) (i32.load offset=4 (i32.const 65528))))
  (func (export "ld32ConstEnd") (result i32) (i32.load offset=4 (i32.const 65532)))
  (func (export "f64Add") (param i32) (result f64) (f64.add (f64.load offset=8 (local.get 0)) (f64.const 0.5)))
  (func (export "f32Mul") (param i32) (result f32) (f32.mul (f32.load offset=4 (local.get 0)) (f32.const 2)))
  (func (export "st32") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "st16") (param i32 i32) (i32.store16 (local.get 0) (local.get 1)))
  (func (export "st8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "st8Add") (param i32 i32 i32) (i32.store8 offset=3 (i32.add (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "st8Long") (param i32 i32)
    (i32.store8 (local.get 0)
      (i32.add (i32.mul (local.get 1) (i32.const 3)) (i32.xor (local.get 1) (i32.const 0x5a5a5a5a)))))
  (func (export "st8AtByte") (param i32 i32) (i32.store8 (i32.load8_u (local.get 0)) (local.get 1)))
  (func (export "st64u8") (param i32 i64) (i64.store8 offset=1 (local.get 0) (local.get 1)))
  (func (export "st8Call") (param i32) (i32.store8 (local.get 0) (call $growRet (i32.const 1))))
  (func (export "st32o") (param i32 i32) (i32.store offset=8 (local.get 0) (local.get 1)))
  (func (export "st32Add") (param i32 i32 i32) (i32.store offset=4 (i32.add (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "st32Long") (param i32 i32)
    (i32.store (local.get 0)
      (i32.add (i32.mul (local.get 1) (i32.const 3)) (i32.xor (local.get 1) (i32.const 0x5a5a5a5a)))))
  (func (export "st64w32") (param i32 i64) (i64.store32 offset=4 (local.get 0) (local.get 1)))
  (func (export "st32Const") (param i32) (i32.store (i32.const 65532) (local.get 0)))
  (func (export "st64o") (param i32 i64) (i64.store offset=8 (local.get 0) (local.get 1)))
  (func (export "st64Add") (param i32 i32 i64) (i64.store (i32.add (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "nested") (param i32) (result i32)
    (i32.store (i32.load (local.get 0)) (i32.add (i32.load (i32.const 4)) (i32.load (i32.const 8))))
    (i32.load (i32.load (local.get 0))))
  (func (export "nanRoundTrip") (param i64 i32) (result i64)
    (f64.store (local.get 1) (f64.reinterpret_i64 (local.get 0)))
    (f64.store offset=8 (local.get 1) (f64.load (local.get 1)))
    (i64.load offset=8 (local.get 1)))
  (func (export "nanRoundTrip32") (param i32 i32) (result i32)
    (f32.store (local.get 1) (f32.reinterpret_i32 (local.get 0)))
    (f32.store offset=8 (local.get 1) (f32.load (local.get 1)))
    (i32.load offset=8 (local.get 1)))
  (func (export "f32Sum") (param i32) (result f32)
    (f32.store offset=4 (local.get 0) (f32.add (f32.load (local.get 0)) (f32.load offset=4 (local.get 0))))
    (f32.load offset=4 (local.get 0)))
  (func (export "f32DivStore") (param f32 f32 i32) (result i32)
    (f32.store (local.get 2) (f32.div (local.get 0) (local.get 1)))
    (i32.load (local.get 2)))
  (func (export "storeCallValue") (param i32) (result i32)
    (i32.store (local.get 0) (call $growRet (i32.const 1)))
    (i64.store offset=8 (local.get 0) (i64.extend_i32_u (call $growRet (i32.const 1))))
    (f32.store offset=16 (call $growRet (i32.const 0)) (f32.const 1.5))
    (i32.add (i32.load (local.get 0)) (i32.load offset=8 (local.get 0))))
  (func (export "loadCallAddress") (result i32)
    (i32.load (call $growRet (i32.const 1))))
  (func (export "ld8uAdd") (param i32 i32) (result i32) (i32.load8_u (i32.add (local.get 0) (local.get 1))))
  (func (export "ld8sAdd") (param i32 i32) (result i32) (i32.load8_s offset=3 (i32.add (local.get 0) (local.get 1))))
  (func (export "ld8Nested") (param i32) (result i32) (i32.load8_u (i32.load8_u (i32.load8_s (local.get 0)))))
  (func (export "ld64s8") (param i32) (result i64) (i64.load8_s (local.get 0)))
  (func (export "ld64u8") (param i32) (result i64) (i64.load8_u offset=1 (local.get 0)))
  (func (export "growAndUse") (param i32) (result i32)
    (call $grow (i32.const 1))
    (i32.store (i32.add (i32.const 65536) (local.get 0)) (i32.const 0x12345678))
    (i32.load (i32.add (i32.const 65536) (local.get 0)))))`;

// each test runs on both forms of byte loads (`CompileOptions.byteLoads`), the typed-array one also with word loads
// (`CompileOptions.wordLoads`, with and without JavaScriptCore's zero tests) and byte stores through the Uint8Array
// (`CompileOptions.byteStores`)
describe.each([
  { byteLoads: 'typed-array', wordLoads: true, byteStores: false, branchCondValues: true },
  { byteLoads: 'typed-array', wordLoads: true, byteStores: true, branchCondValues: 'values', signedAddresses: true },
  { byteLoads: 'typed-array', wordLoads: false, byteStores: true, branchCondValues: false },
  { byteLoads: 'dataview', wordLoads: false, byteStores: false, branchCondValues: false },
] as const)('memory access ($byteLoads bytes, words $wordLoads, stores $byteStores, $branchCondValues)', (options) => {
  const { byteLoads, wordLoads, byteStores, branchCondValues } = options;
  const signedAddresses = 'signedAddresses' in options;
  let exp: Record<string, any> = {};
  exp = instantiate(
    WAT,
    {
      grow: (n: number) => exp.mem.grow(n),
      growRet: (n: number) => {
        exp.mem.grow(n);
        return 7;
      },
    },
    { byteLoads, wordLoads, byteStores, branchCondValues, signedAddresses },
  );

  it('reads bytes in the form asked for', () => {
    const { source } = compileModule(decodeModule(parseWat(WAT)), options);
    // byte stores into the Uint8Array below its length, the DataView setter otherwise
    expect(/< N0\) U0\[/.test(source)).toBe(byteStores);
    expect(source.includes('D0.setInt8(')).toBe(true);
    // words through the Int32Array only with word loads, and then with the DataView getter as the fallback
    expect(/I0\[[^\]]*\] ?\?\?/.test(source)).toBe(wordLoads);
    // aligned word stores into the Int32Array with byte stores (`byteStores`)
    expect(/else I0\[/.test(source)).toBe(byteStores);
    // an offset-0 address as the int32 name itself (`signedAddresses`; the memory's maximum is 8 pages)
    expect(source.includes('D0.getUint16(l0,1)')).toBe(signedAddresses);
    if (wordLoads) expect(source).toContain('??D0.getInt32(');
    expect(/K0\[/.test(source)).toBe(wordLoads);
    expect(/J0\[/.test(source)).toBe(wordLoads);
    if (byteLoads === 'typed-array') {
      expect(source).toMatch(/U0\[/);
      // the DataView only as the fallback for an index out of bounds
      expect(source).not.toContain('getInt8');
      expect(source.split('getUint8(').length).toBe(source.split('??D0.getUint8(').length);
    } else {
      expect(source).not.toContain('U0');
      expect(source).toMatch(/D0\.getUint8\(/);
    }
  });
  const dv = () => exp.mem.dv as DataView;

  it('aligned and unaligned accesses agree with a DataView', () => {
    for (let a = 0; a < 16; a++) exp.st8(a, a * 37 + 200);
    for (let a = 0; a < 12; a++) {
      expect(exp.ld32(a)).toBe(dv().getInt32(a, true));
      expect(exp.ld16u(a)).toBe(dv().getUint16(a, true));
      expect(exp.ld16s(a)).toBe(dv().getInt16(a + 1, true));
      expect(exp.ld8s(a)).toBe(dv().getInt8(a));
      expect(exp.ld8u(a)).toBe(dv().getUint8(a + 2));
      expect(exp.ld64u32(a)).toBe(BigInt(dv().getUint32(a, true)));
    }
    exp.st32(1, -2);
    expect(dv().getInt32(1, true)).toBe(-2);
    exp.st16(3, 0x18001);
    expect(dv().getUint16(3, true)).toBe(0x8001);
    exp.st32(8, 0x7fffffff);
    expect(exp.ld32(8)).toBe(0x7fffffff);
  });

  it('traps at the end of memory, without writing', () => {
    expect(exp.ld32(65532)).toBe(dv().getInt32(65532, true));
    expect(() => exp.ld32(65533)).toThrow(RangeError);
    expect(() => exp.ld32(65536)).toThrow(RangeError);
    expect(() => exp.ld32(-4)).toThrow(RangeError);
    expect(() => exp.ld16u(65535)).toThrow(RangeError);
    expect(() => exp.ld8u(65534)).toThrow(RangeError);
    expect(() => exp.ld8s(65536)).toThrow(RangeError);
    exp.st8(65535, 9);
    expect(() => exp.st32(65533, -1)).toThrow(RangeError);
    expect(() => exp.st16(65535, -1)).toThrow(RangeError);
    expect(() => exp.st8(65536, -1)).toThrow(RangeError);
    expect(dv().getUint8(65535)).toBe(9);
  });

  it('byte stores write the value modulo 2^8 and trap out of bounds without writing, also past 2^31', () => {
    exp.st8Add(10, 5, 0x1ff);
    expect(dv().getUint8(18)).toBe(0xff);
    exp.st8Long(20, 12345);
    expect(dv().getUint8(20)).toBe((12345 * 3 + (12345 ^ 0x5a5a5a5a)) & 0xff);
    exp.st8(24, 3);
    exp.st8AtByte(24, -2);
    expect(dv().getUint8(3)).toBe(0xfe);
    exp.st64u8(30, 0x1234n);
    expect(dv().getUint8(31)).toBe(0x34);
    const end = exp.mem.byteLength;
    exp.st8Add(end - 4, 0, 6);
    expect(dv().getUint8(end - 1)).toBe(6);
    for (const [a, b] of [
      [end - 3, 0],
      [end, 0],
      [-1, 0],
      [-4, 0],
      [0x7fffffff, 0],
      [-0x80000000, 0],
      [0x7fffffff, 0x7fffffff],
    ]) {
      expect(() => exp.st8Add(a, b, 1)).toThrow(RangeError);
    }
    for (const a of [end, -1, -4, 0x7fffffff, -0x80000000]) {
      expect(() => exp.st8(a, 1)).toThrow(RangeError);
      expect(() => exp.st8Long(a, 1)).toThrow(RangeError);
      // offset 1
      expect(() => exp.st64u8(a - 1, 1n)).toThrow(RangeError);
    }
    expect(dv().getUint8(end - 1)).toBe(6);
  });

  it('word stores agree with a DataView at every alignment and trap out of bounds without writing, also past 2^31', () => {
    for (let a = 0; a < 24; a++) {
      exp.st32o(a, a * 0x1010101 + 7);
      expect(dv().getInt32(a + 8, true)).toBe(a * 0x1010101 + 7);
      exp.st32Add(a, 3, -a);
      expect(dv().getInt32(a + 7, true)).toBe(-a | 0);
      exp.st32Long(a, a + 0x12345);
      expect(dv().getInt32(a, true)).toBe(((a + 0x12345) * 3 + ((a + 0x12345) ^ 0x5a5a5a5a)) | 0);
      exp.st64w32(a, 0x123456789n + BigInt(a));
      expect(dv().getInt32(a + 4, true)).toBe(0x23456789 + a);
    }
    const end = exp.mem.byteLength;
    exp.st32Const(-9);
    expect(dv().getInt32(65532, true)).toBe(-9);
    exp.st32o(end - 12, 5);
    expect(dv().getInt32(end - 4, true)).toBe(5);
    // effective addresses (the operand plus the offset, below 2^32 here) of a word that does not fit
    for (const e of [end - 3, end - 1, end, end + 4, -4, -1, 0x7ffffffc, -0x80000000]) {
      expect(() => exp.st32o(e - 8, 1)).toThrow(RangeError);
      expect(() => exp.st32Add(e - 4, 0, 1)).toThrow(RangeError);
      expect(() => exp.st32Long(e, 1)).toThrow(RangeError);
      expect(() => exp.st64w32(e - 4, 1n)).toThrow(RangeError);
    }
    // and past 2^32 (an operand of 2^32 - 4 and an offset)
    expect(() => exp.st32o(-4, 1)).toThrow(RangeError);
    expect(() => exp.st64w32(-4, 1n)).toThrow(RangeError);
    expect(dv().getInt32(end - 4, true)).toBe(5);
  });

  it('i64 stores agree with a DataView at every alignment and trap out of bounds without writing either word', () => {
    for (let a = 0; a < 24; a++) {
      const v = 0x123456789abcdefn * BigInt(a + 1);
      exp.st64o(a, v);
      expect(dv().getBigInt64(a + 8, true)).toBe(BigInt.asIntN(64, v));
      exp.st64Add(a, 5, -v);
      expect(dv().getBigInt64(a + 5, true)).toBe(BigInt.asIntN(64, -v));
    }
    const end = exp.mem.byteLength;
    exp.st64o(end - 16, -2n);
    expect(dv().getBigInt64(end - 8, true)).toBe(-2n);
    dv().setInt32(end - 4, 5, true);
    dv().setInt32(end - 8, 6, true);
    // effective addresses (below 2^32) of a doubleword that does not fit: its low word may, and is not written
    for (const e of [end - 7, end - 4, end - 1, end, end + 8, -8, -4, 0x7ffffff8, -0x80000000]) {
      expect(() => exp.st64o(e - 8, 1n)).toThrow(RangeError);
      expect(() => exp.st64Add(e - 4, 4, 1n)).toThrow(RangeError);
    }
    // past 2^32 (an operand of 2^32 - 4 and an offset of 8)
    expect(() => exp.st64o(-4, 1n)).toThrow(RangeError);
    expect(dv().getInt32(end - 4, true)).toBe(5);
    expect(dv().getInt32(end - 8, true)).toBe(6);
  });

  it('an address at or past 2^31 (a negative int32 base, no offset) traps, the memory being below 2^31 bytes', () => {
    for (const a of [-1, -2, -4, -8, -0x80000000]) {
      expect(() => exp.ld32(a)).toThrow(RangeError);
      expect(() => exp.ld32a1(a)).toThrow(RangeError);
      expect(() => exp.ld16u(a)).toThrow(RangeError);
      expect(() => exp.ld8s(a)).toThrow(RangeError);
      expect(() => exp.ld64u32(a)).toThrow(RangeError);
      expect(() => exp.ld64s8(a)).toThrow(RangeError);
      expect(() => exp.st32(a, 1)).toThrow(RangeError);
      expect(() => exp.st16(a, 1)).toThrow(RangeError);
      expect(() => exp.st8(a, 1)).toThrow(RangeError);
      expect(() => exp.nanRoundTrip(1n, a)).toThrow(RangeError);
      expect(() => exp.nanRoundTrip32(1, a)).toThrow(RangeError);
    }
    // the same bases with an offset wrap past 2^32 (-4 + 8): out of bounds too, never address 4
    expect(() => exp.ld32o(-4)).toThrow(RangeError);
    expect(() => exp.ld8u(-1)).toThrow(RangeError);
  });

  it('byte loads (read through the Uint8Array) agree with a DataView and trap out of bounds', () => {
    for (let a = 0; a < 64; a++) exp.st8(a, a * 53 + 129);
    for (let a = 0; a < 40; a++) {
      expect(exp.ld8uAdd(a, 7)).toBe(dv().getUint8(a + 7));
      expect(exp.ld8sAdd(a, 7)).toBe(dv().getInt8(a + 10));
      expect(exp.ld64s8(a)).toBe(BigInt(dv().getInt8(a)));
      expect(exp.ld64u8(a)).toBe(BigInt(dv().getUint8(a + 1)));
    }
    // an address that wraps around 2^32 (-16 + 32), and an effective address past 2^32 with an offset
    expect(exp.ld8uAdd(-16, 32)).toBe(dv().getUint8(16));
    expect(() => exp.ld8sAdd(-1, 0)).toThrow(RangeError);
    // nested: each load's address is another byte load
    exp.st8(0, 5);
    exp.st8(5, 9);
    expect(exp.ld8Nested(0)).toBe(dv().getUint8(dv().getUint8(dv().getInt8(0))));
    const end = exp.mem.byteLength;
    exp.st8(end - 1, 0xfe);
    expect(exp.ld8uAdd(end - 2, 1)).toBe(0xfe);
    expect(exp.ld8sAdd(end - 5, 1)).toBe(-2);
    expect(exp.ld64s8(end - 1)).toBe(-2n);
    for (const [a, b] of [
      [end, 0],
      [end - 1, 1],
      [0x7fffffff, 1],
      [-1, 0],
      [0x7fffffff, 0x7fffffff],
    ]) {
      expect(() => exp.ld8uAdd(a, b)).toThrow(RangeError);
      expect(() => exp.ld8sAdd(a, b)).toThrow(RangeError);
    }
    expect(() => exp.ld8sAdd(end - 4, 1)).toThrow(RangeError);
    expect(() => exp.ld64s8(end)).toThrow(RangeError);
    expect(() => exp.ld64u8(end - 1)).toThrow(RangeError);
    expect(() => exp.ld8Nested(end)).toThrow(RangeError);
  });

  it('keeps f64 NaN payloads through memory, also once optimized', () => {
    const bits = [0x7ff0000000000001n, 0xfff4000000000000n, 0x7ff8000000000123n, 0x7ff8000000000000n];
    for (let i = 0; i < 50000; i++) {
      const b = bits[i & 3];
      const r = exp.nanRoundTrip(b, (i & 1) === 0 ? 16 : 21);
      if (BigInt.asUintN(64, r) !== b) expect(BigInt.asUintN(64, r)).toBe(b);
    }
  });

  it('keeps f32 NaN payloads through memory, also once optimized', () => {
    const bits = [0x7f800001, 0xffa00000 | 0, 0x7fc00123, 0x7fc00000, 0x3fc00000, 0x80000000 | 0];
    for (let i = 0; i < 60000; i++) {
      const b = bits[i % bits.length];
      const r = exp.nanRoundTrip32(b, (i & 1) === 0 ? 32 : 37);
      if (r !== b) expect(r).toBe(b);
    }
  });

  it('f32 loads and stores inline compute as the helpers did (sums, a NaN from arithmetic is a quiet NaN)', () => {
    for (let i = 0; i < 20000; i++) {
      dv().setFloat32(48, 1.25 + (i & 7), true);
      dv().setFloat32(52, 0.1, true);
      const r = exp.f32Sum(48);
      if (r !== Math.fround(1.25 + (i & 7) + Math.fround(0.1)))
        expect(r).toBe(Math.fround(1.25 + (i & 7) + Math.fround(0.1)));
    }
    // 0/0 is an arithmetic NaN: any sign, the quiet bit set
    const nan = exp.f32DivStore(0, 0, 60);
    expect(nan & 0x7fc00000).toBe(0x7fc00000);
    expect(exp.f32DivStore(1, 4, 60)).toBe(0x3e800000);
    expect(() => exp.f32DivStore(1, 4, 65533)).toThrow(RangeError);
  });

  it('word loads agree with a DataView at every alignment and trap at the end of memory', () => {
    for (let a = 0; a < 48; a++) exp.st8(a, a * 91 + 17);
    for (let a = 0; a < 32; a++) {
      expect(exp.ld32o(a)).toBe(dv().getInt32(a + 8, true));
      expect(exp.ld32a1(a)).toBe(dv().getInt32(a, true));
      expect(exp.ld32Add(a, 3)).toBe(dv().getInt32(a + 7, true));
      expect(exp.ld64s32(a)).toBe(BigInt(dv().getInt32(a + 4, true)));
      expect(exp.ld64(a)).toBe(dv().getBigInt64(a + 8, true));
    }
    const end = exp.mem.byteLength;
    exp.st32(end - 4, -7);
    exp.st32(12, 40);
    expect(exp.ld32Const()).toBe(33);
    expect(exp.ld32o(end - 12)).toBe(-7);
    expect(exp.ld64s32(end - 8)).toBe(-7n);
    expect(exp.ld64(end - 16)).toBe(dv().getBigInt64(end - 8, true));
    expect(exp.ld32Add(end - 12, 4)).toBe(-7);
    // one byte, one word past the end, and an effective address past 2^32 (a base of 2^32 - 4, an offset of 8)
    for (const a of [end - 11, end - 10, end - 9, end - 8, end - 4, end, -4, -8, 0x7ffffffc])
      expect(() => exp.ld32o(a)).toThrow(RangeError);
    for (const a of [end - 15, end - 12, end - 8, -8, -16]) expect(() => exp.ld64(a)).toThrow(RangeError);
    for (const a of [end - 7, end - 4, -4]) expect(() => exp.ld64s32(a)).toThrow(RangeError);
    expect(() => exp.ld32Add(end - 8, 1)).toThrow(RangeError);
    expect(() => exp.ld32Add(end - 4, 0)).toThrow(RangeError);
    expect(() => exp.ld32ConstEnd()).toThrow(RangeError);
  });

  it('float loads read by arithmetic (through the Float32Array/Float64Array with word loads) agree and trap', () => {
    for (let a = 0; a < 48; a++) exp.st8(a, a * 29 + 3);
    for (let a = 0; a < 32; a++) {
      expect(exp.f64Add(a)).toBe(dv().getFloat64(a + 8, true) + 0.5);
      expect(exp.f32Mul(a)).toBe(Math.fround(dv().getFloat32(a + 4, true) * 2));
    }
    const end = exp.mem.byteLength;
    dv().setFloat64(end - 8, 2.25, true);
    expect(exp.f64Add(end - 16)).toBe(2.75);
    expect(exp.f32Mul(end - 8)).toBe(Math.fround(dv().getFloat32(end - 4, true) * 2));
    for (const a of [end - 15, end - 12, end - 8, end, -8, -16]) expect(() => exp.f64Add(a)).toThrow(RangeError);
    for (const a of [end - 7, end - 4, -4]) expect(() => exp.f32Mul(a)).toThrow(RangeError);
  });

  it('evaluates nested addresses and values in order', () => {
    exp.st32(0, 64);
    exp.st32(4, 5);
    exp.st32(8, 6);
    expect(exp.nested(0)).toBe(11);
  });

  it('sees growth by the host in the middle of a function', () => {
    expect(() => exp.ld32(65536)).toThrow(RangeError);
    expect(() => exp.ld8uAdd(65536, 4)).toThrow(RangeError);
    expect(exp.growAndUse(4)).toBe(0x12345678);
    // the byte view was replaced too
    expect(exp.ld8uAdd(65536, 4)).toBe(0x78);
    expect(exp.ld64s8(65542)).toBe(0x34n);
    expect(exp.ld32(65540)).toBe(0x12345678);
    expect(exp.mem.byteLength).toBe(131072);
  });

  it('a call in a store operand or a load address that grows the memory is seen by the access', () => {
    const before = exp.mem.byteLength;
    expect(exp.storeCallValue(64)).toBe(14);
    expect(exp.mem.dv.getInt32(64, true)).toBe(7);
    expect(exp.mem.dv.getFloat32(23, true)).toBe(1.5);
    exp.st32(7, 99);
    expect(exp.loadCallAddress()).toBe(99);
    // a byte store's value grows the memory first: the address just past the old end is in bounds when it is written
    const end = exp.mem.byteLength;
    exp.st8Call(end);
    expect(exp.mem.dv.getUint8(end)).toBe(7);
    expect(exp.mem.byteLength).toBe(before + 4 * 65536);
  });
});
