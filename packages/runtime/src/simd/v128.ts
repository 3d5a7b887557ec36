// The v128 value: four int32 lanes a b c d in little-endian order (`a` holds bytes 0..3), immutable.

import { F64, f32FromBits, f32ToBits, floatNumber, I32, I64, U8, U64 } from './scratch.js';

/**
 * A wasm v128 value: four int32 lanes `a b c d`, little-endian (`a` holds bytes 0..3); never mutated, but for the
 * value of a mutable v128 global the module defines and does not export, whose lanes generated code writes in place
 * (docs/js-abi.md, v1.15: no one else can reach that object).
 */
export class V128 {
  /** Bytes 0..3 as an int32. */
  readonly a: number;
  /** Bytes 4..7 as an int32. */
  readonly b: number;
  /** Bytes 8..11 as an int32. */
  readonly c: number;
  /** Bytes 12..15 as an int32. */
  readonly d: number;

  /** Builds a value from four int32 lanes (bytes 0..3, 4..7, 8..11, 12..15). */
  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
  }

  /** The all-zero value. */
  static readonly ZERO: V128 = new V128(0, 0, 0, 0);

  /** The value with these 16 bytes (byte 0 first). */
  static fromBytes(bytes: Uint8Array | readonly number[]): V128 {
    for (let i = 0; i < 16; i++) U8[i] = bytes[i];
    return new V128(I32[0], I32[1], I32[2], I32[3]);
  }

  /** The value with these sixteen i8 lanes (any integers; taken modulo 2^8). */
  static fromI8(lanes: readonly number[]): V128 {
    return V128.fromBytes(lanes);
  }

  /** The value with these eight i16 lanes (any integers; taken modulo 2^16). */
  static fromI16(lanes: readonly number[]): V128 {
    const w = (i: number) => (lanes[i] & 0xffff) | (lanes[i + 1] << 16);
    return new V128(w(0), w(2), w(4), w(6));
  }

  /** The value with these four i32 lanes. */
  static fromI32(lanes: readonly number[]): V128 {
    return new V128(lanes[0], lanes[1], lanes[2], lanes[3]);
  }

  /** The value with these two i64 lanes (bigints; taken modulo 2^64). */
  static fromI64(lanes: readonly bigint[]): V128 {
    I64[0] = BigInt.asIntN(64, lanes[0]);
    I64[1] = BigInt.asIntN(64, lanes[1]);
    return new V128(I32[0], I32[1], I32[2], I32[3]);
  }

  /** The value with these four f32 lanes (ABI f32 numbers: NaN payloads kept; a V8 array of only doubles may quiet signalling NaNs). */
  static fromF32(lanes: readonly number[]): V128 {
    return new V128(f32ToBits(lanes[0]), f32ToBits(lanes[1]), f32ToBits(lanes[2]), f32ToBits(lanes[3]));
  }

  /** The value with these two f64 lanes. */
  static fromF64(lanes: readonly number[]): V128 {
    F64[0] = lanes[0];
    F64[1] = lanes[1];
    return new V128(I32[0], I32[1], I32[2], I32[3]);
  }

  /** Reads 16 bytes at `addr` (RangeError when out of bounds). */
  static load(dv: DataView, addr: number): V128 {
    return new V128(
      dv.getInt32(addr, true),
      dv.getInt32(addr + 4, true),
      dv.getInt32(addr + 8, true),
      dv.getInt32(addr + 12, true),
    );
  }

  /** Writes the 16 bytes at `addr`; out of bounds throws a RangeError before writing anything. */
  store(dv: DataView, addr: number): void {
    if (addr + 16 > dv.byteLength) throw new RangeError('v128 store out of bounds');
    dv.setInt32(addr, this.a, true);
    dv.setInt32(addr + 4, this.b, true);
    dv.setInt32(addr + 8, this.c, true);
    dv.setInt32(addr + 12, this.d, true);
  }

  /** The 16 bytes, byte 0 first (a new array). */
  toBytes(): Uint8Array {
    this.toScratch();
    return U8.slice(0, 16);
  }

  /** Lane-wise bit equality. */
  equals(other: V128): boolean {
    return this.a === other.a && this.b === other.b && this.c === other.c && this.d === other.d;
  }

  /** Int32 lane `i` (0..3). */
  i32(i: number): number {
    return i === 0 ? this.a : i === 1 ? this.b : i === 2 ? this.c : this.d;
  }

  /** Uint32 lane `i` (0..3). */
  u32(i: number): number {
    return this.i32(i) >>> 0;
  }

  /** Int16 lane `i` (0..7). */
  i16(i: number): number {
    return (this.i32(i >> 1) << (16 - ((i & 1) << 4))) >> 16;
  }

  /** Uint16 lane `i` (0..7). */
  u16(i: number): number {
    return this.i16(i) & 0xffff;
  }

  /** Int8 lane `i` (0..15). */
  i8(i: number): number {
    return (this.i32(i >> 2) << (24 - ((i & 3) << 3))) >> 24;
  }

  /** Uint8 lane `i` (0..15). */
  u8(i: number): number {
    return this.i8(i) & 0xff;
  }

  /** Int64 lane `i` (0..1) as a bigint. */
  i64(i: number): bigint {
    this.toScratch();
    return I64[i];
  }

  /** Uint64 lane `i` (0..1) as a bigint. */
  u64(i: number): bigint {
    this.toScratch();
    return U64[i];
  }

  /** The bits of f32 lane `i` (0..3) as an int32. */
  f32Bits(i: number): number {
    return this.i32(i);
  }

  /** f32 lane `i` (0..3) as a number (NaN payloads kept where the engine keeps them; `f32Bits` has them always). */
  f32(i: number): number {
    return floatNumber(f32FromBits(this.i32(i)));
  }

  /** The bits of f64 lane `i` (0..1) as an int64 bigint. */
  f64Bits(i: number): bigint {
    return this.i64(i);
  }

  /** f64 lane `i` (0..1). */
  f64(i: number): number {
    this.toScratch();
    return F64[i];
  }

  /** Hex of the 16 bytes, byte 0 first (for messages). */
  toString(): string {
    return 'v128:' + Array.from(this.toBytes(), (x) => x.toString(16).padStart(2, '0')).join('');
  }

  private toScratch(): void {
    I32[0] = this.a;
    I32[1] = this.b;
    I32[2] = this.c;
    I32[3] = this.d;
  }
}
