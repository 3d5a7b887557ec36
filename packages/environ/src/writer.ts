// The one binary writer: a growable byte buffer with the binary format's encodings (LEB128, floats as bits, names,
// value types, sections), the mirror of `BinaryReader`. `@wasmts/wat` writes modules with it, the wasm backend's
// re-encoder (`@wasmts/codegen`) writes instrumented modules with it, and the API package builds its small wrapper
// modules with it.

import type { OperatorInfo } from './operators.js';
import { isAbstractHeap, isRef, refHeap, refNullable, type ValType } from './types.js';
import { encodeUtf8 } from './utf8.js';

/**
 * Appends bytes in the binary format's encodings. Copies from an input (`copy`) are deferred: consecutive
 * copies of adjacent input bytes become one run, written by the next other write (or `finish`/`view`), so a
 * body copied operator by operator with nothing inserted costs one `set`.
 */
export class ByteWriter {
  private buf: Uint8Array;
  /** Bytes written so far (including a deferred run). */
  length = 0;
  /** The deferred run: `runSrc[runStart, runEnd)`, the last bytes of `length`. */
  private runSrc: Uint8Array | null = null;
  private runStart = 0;
  private runEnd = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(Math.max(capacity, 16));
  }

  private grow(min: number): void {
    let cap = this.buf.length * 2;
    while (cap < min) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length - (this.runEnd - this.runStart)));
    this.buf = next;
  }

  /** Writes the deferred run. */
  private flushRun(): void {
    const src = this.runSrc as Uint8Array;
    const start = this.runStart;
    const end = this.runEnd;
    this.runSrc = null;
    this.runStart = this.runEnd = 0;
    if (this.length > this.buf.length) this.grow(this.length);
    const buf = this.buf;
    let at = this.length - (end - start);
    if (end - start <= 32) for (let i = start; i < end; i++) buf[at++] = src[i];
    else buf.set(src.subarray(start, end), at);
  }

  private reserve(n: number): void {
    if (this.runSrc !== null) this.flushRun();
    if (this.length + n > this.buf.length) this.grow(this.length + n);
  }

  /** One byte. */
  u8(b: number): this {
    this.reserve(1);
    this.buf[this.length++] = b;
    return this;
  }

  /** Raw bytes. */
  bytes(b: ArrayLike<number>): this {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  /** Everything `w` has written. */
  append(w: ByteWriter): this {
    return this.bytes(w.view());
  }

  /** `src[start, end)`, deferred: adjacent copies from the same input are written as one run. */
  copy(src: Uint8Array, start: number, end: number): this {
    if (end <= start) return this;
    if (this.runSrc === src && this.runEnd === start) {
      this.runEnd = end;
    } else {
      if (this.runSrc !== null) this.flushRun();
      this.runSrc = src;
      this.runStart = start;
      this.runEnd = end;
    }
    this.length += end - start;
    return this;
  }

  /** An unsigned LEB128 of at most 32 bits (canonical, shortest form). */
  u32(v: number): this {
    v >>>= 0;
    this.reserve(5);
    const buf = this.buf;
    let n = this.length;
    while (v >= 0x80) {
      buf[n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[n++] = v;
    this.length = n;
    return this;
  }

  /**
   * Five bytes for an unsigned LEB128 written later by `patchU32` (the padded form the binary format allows): a
   * size that is known only after what it prefixes has been written in place. Returns its position.
   */
  reserveU32(): number {
    this.reserve(5);
    const at = this.length;
    this.length += 5;
    return at;
  }

  /** Writes `v` into the five bytes `reserveU32` returned `at`. */
  patchU32(at: number, v: number): void {
    if (this.runSrc !== null) this.flushRun();
    const buf = this.buf;
    for (let i = 0; i < 4; i++) {
      buf[at + i] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[at + 4] = v & 0x7f;
  }

  /** A signed LEB128 of at most 32 bits. */
  s32(v: number): this {
    v |= 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) return this.u8(b);
      this.u8(b | 0x80);
    }
  }

  /** A signed LEB128 of at most 64 bits. */
  s64(v: bigint): this {
    v = BigInt.asIntN(64, v);
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && !(b & 0x40)) || (v === -1n && b & 0x40)) return this.u8(b);
      this.u8(b | 0x80);
    }
  }

  /** A signed LEB128 of at most 33 bits (block types, heap types). */
  s33(v: number): this {
    return this.s64(BigInt(v));
  }

  /** An unsigned LEB128 of at most 64 bits (memory64 limits). */
  u64(v: bigint): this {
    v = BigInt.asUintN(64, v);
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) b |= 0x80;
      this.u8(b);
    } while (v !== 0n);
    return this;
  }

  /** An f32 given as its bit pattern (little-endian; NaN payloads kept). */
  f32(bits: number): this {
    return this.u8(bits & 0xff)
      .u8((bits >>> 8) & 0xff)
      .u8((bits >>> 16) & 0xff)
      .u8((bits >>> 24) & 0xff);
  }

  /** An f64 given as its bit pattern. */
  f64(bits: bigint): this {
    return this.f32(Number(bits & 0xffffffffn)).f32(Number((bits >> 32n) & 0xffffffffn));
  }

  /** An operator's opcode: its byte, or its prefix byte and LEB128 sub-opcode (immediates are the caller's). */
  op(info: OperatorInfo): this {
    return info.prefix === 0 ? this.u8(info.code) : this.u8(info.prefix).u32(info.code);
  }

  /** A UTF-8 name with its length. */
  name(s: string): this {
    return this.nameBytes(encodeUtf8(s));
  }

  /** A name given as its (UTF-8) bytes, with its length. */
  nameBytes(b: Uint8Array): this {
    return this.u32(b.length).bytes(b);
  }

  /** A value type; nullable abstract references in their one-byte form (`funcref`), which older engines need. */
  valType(t: ValType): this {
    if (!isRef(t)) return this.u8(t);
    const heap = refHeap(t);
    if (refNullable(t) && isAbstractHeap(heap)) return this.u8(heap + 0x80);
    return this.u8(refNullable(t) ? 0x63 : 0x64).s33(heap);
  }

  /** A section: id, payload size, payload. */
  section(id: number, payload: Uint8Array): this {
    return this.u8(id).u32(payload.length).bytes(payload);
  }

  /** A section whose payload `write` writes in place (its size, in five bytes, patched after). */
  sectionWith(id: number, write: (w: ByteWriter) => void): this {
    this.u8(id);
    const at = this.reserveU32();
    write(this);
    this.patchU32(at, this.length - at - 5);
    return this;
  }

  /** The bytes written (a copy). */
  finish(): Uint8Array {
    if (this.runSrc !== null) this.flushRun();
    return this.buf.slice(0, this.length);
  }

  /** The bytes written, without copying (valid until the next write). */
  view(): Uint8Array {
    if (this.runSrc !== null) this.flushRun();
    return this.buf.subarray(0, this.length);
  }

  /** Forgets everything written (the buffer is kept). */
  clear(): void {
    this.runSrc = null;
    this.runStart = this.runEnd = 0;
    this.length = 0;
  }
}
