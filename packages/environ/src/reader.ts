// A cheap reader over the binary format: LEB128 integers, floats, names and vectors, with the spec's
// error messages. It never allocates from a count it has not checked against the bytes remaining.

import { malformed } from './errors.js';
import type { ByteRange } from './module.js';
import { decodeUtf8 } from './utf8.js';

/**
 * The unsigned LEB128 of at most 32 bits at `at.pos` in `bytes` (ending before `end`); advances `at.pos`. The
 * one decoder of `BinaryReader.u32` and the validator's body reader (their fast paths take one-byte values
 * themselves). Unused value bits in the fifth byte are reported before a continuation bit, as the reference
 * interpreter does; running into `end` is malformed with the message `eof`.
 */
export function readU32Leb(at: { pos: number }, bytes: Uint8Array, end: number, eof: string): number {
  let pos = at.pos;
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= end) {
      at.pos = pos;
      malformed(eof, pos);
    }
    const b = bytes[pos++];
    if (shift === 28) {
      if (b & 0x70) malformed('integer too large', pos - 1);
      if (b & 0x80) malformed('integer representation too long', pos - 1);
      result += b * 0x10000000;
      break;
    }
    result |= (b & 0x7f) << shift;
    if (!(b & 0x80)) break;
    shift += 7;
  }
  at.pos = pos;
  return result >>> 0;
}

/** Reads primitive values from a byte range, throwing `CompileError('malformed', ...)` on bad input. */
export class BinaryReader {
  /** Current offset into `bytes`. */
  pos: number;
  /** End of the readable range (exclusive). */
  end: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    end = bytes.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  /** True when every byte of the range has been read. */
  eof(): boolean {
    return this.pos >= this.end;
  }

  /** Bytes left in the range. */
  remaining(): number {
    return this.end - this.pos;
  }

  /** Fails with "unexpected end" (the spec's message for truncated input). */
  unexpectedEnd(): never {
    return malformed('unexpected end', this.pos);
  }

  /** One byte. */
  u8(): number {
    if (this.pos >= this.end) this.unexpectedEnd();
    return this.bytes[this.pos++];
  }

  /** The next byte without consuming it. */
  peek(): number {
    if (this.pos >= this.end) this.unexpectedEnd();
    return this.bytes[this.pos];
  }

  /** An unsigned LEB128 of at most 32 bits. */
  u32(): number {
    const pos = this.pos;
    if (pos < this.end) {
      const b = this.bytes[pos];
      if (b < 0x80) {
        this.pos = pos + 1;
        return b;
      }
    }
    return readU32Leb(this, this.bytes, this.end, 'unexpected end');
  }

  /** A signed LEB128 of at most 32 bits. */
  s32(): number {
    const bytes = this.bytes;
    let pos = this.pos;
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= this.end) {
        this.pos = pos;
        this.unexpectedEnd();
      }
      const b = bytes[pos++];
      if (shift === 28) {
        // The unused high bits must all equal the sign bit (bit 3 of the last byte).
        const high = b & 0x78;
        if (high !== 0 && high !== 0x78) malformed('integer too large', pos - 1);
        if (b & 0x80) malformed('integer representation too long', pos - 1);
        result |= b << 28;
        break;
      }
      result |= (b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) {
        if (shift < 32 && b & 0x40) result |= -1 << shift;
        break;
      }
    }
    this.pos = pos;
    return result | 0;
  }

  /** A signed LEB128 of at most 33 bits (block types, heap types), as a JS number. */
  s33(): number {
    const start = this.pos;
    const bytes = this.bytes;
    if (start < this.end) {
      const b = bytes[start];
      if (b < 0x80) {
        this.pos = start + 1;
        return b & 0x40 ? b - 0x80 : b;
      }
    }
    const v = this.sleb(33);
    return Number(v);
  }

  /** A signed LEB128 of at most 64 bits. */
  s64(): bigint {
    return this.sleb(64);
  }

  /** An unsigned LEB128 of at most 64 bits. */
  u64(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 9) {
        if (b & 0x7e) malformed('integer too large', this.pos - 1);
        if (b & 0x80) malformed('integer representation too long', this.pos - 1);
      }
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (!(b & 0x80)) return result;
    }
  }

  private sleb(bits: number): bigint {
    const maxBytes = Math.ceil(bits / 7);
    let result = 0n;
    let shift = 0;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === maxBytes - 1) {
        // Bits beyond `bits` must be a sign extension of the top bit.
        const used = bits - shift; // value bits in this byte, including the sign bit
        const mask = ((0x7f >> (used - 1)) << (used - 1)) & 0x7f;
        const high = b & mask;
        if (high !== 0 && high !== mask) malformed('integer too large', this.pos - 1);
        if (b & 0x80) malformed('integer representation too long', this.pos - 1);
      }
      result |= BigInt(b & 0x7f) << BigInt(shift);
      shift += 7;
      if (!(b & 0x80)) {
        if (shift < 64 + 7 && b & 0x40) result -= 1n << BigInt(shift);
        return BigInt.asIntN(bits, result);
      }
    }
  }

  /** Four raw bytes as the bits of an f32 (a uint32). */
  f32Bits(): number {
    if (this.end - this.pos < 4) this.unexpectedEnd();
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 4;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  /** Skips `n` bytes, checking they exist, and returns their range. */
  skip(n: number): ByteRange {
    if (n > this.end - this.pos) this.unexpectedEnd();
    const start = this.pos;
    this.pos += n;
    return { start, end: this.pos };
  }

  /**
   * A vector length, checked against the bytes left: each element takes at least `minElemSize` bytes,
   * so a count the remaining bytes cannot hold fails before anything is allocated.
   */
  vecLength(minElemSize = 1): number {
    const n = this.u32();
    if (n * minElemSize > this.end - this.pos) malformed('length out of bounds', this.pos);
    return n;
  }

  /** A UTF-8 name. */
  name(): string {
    const len = this.u32();
    if (len > this.end - this.pos) malformed('length out of bounds', this.pos);
    const start = this.pos;
    this.pos += len;
    // ASCII fast path
    let ascii = true;
    for (let i = start; i < this.pos; i++) {
      if (this.bytes[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii && len <= 4096)
      return String.fromCharCode.apply(null, this.bytes.subarray(start, this.pos) as unknown as number[]);
    try {
      return decodeUtf8(this.bytes.subarray(start, this.pos));
    } catch {
      return malformed('malformed UTF-8 encoding', start);
    }
  }
}
