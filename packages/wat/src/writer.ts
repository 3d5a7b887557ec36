// A growable byte buffer with the LEB128 encodings of the binary format.

/** Appends binary-format values to a growable buffer. */
export class ByteWriter {
  buf = new Uint8Array(64);
  len = 0;

  private grow(extra: number): void {
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(b: number): void {
    if (this.len === this.buf.length) this.grow(1);
    this.buf[this.len++] = b;
  }

  bytes(b: ArrayLike<number>): void {
    if (this.len + b.length > this.buf.length) this.grow(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  append(w: ByteWriter): void {
    this.bytes(w.buf.subarray(0, w.len));
  }

  u32(v: number): void {
    v >>>= 0;
    do {
      let b = v & 0x7f;
      v >>>= 7;
      if (v !== 0) b |= 0x80;
      this.byte(b);
    } while (v !== 0);
  }

  s32(v: number): void {
    v |= 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
        this.byte(b);
        return;
      }
      this.byte(b | 0x80);
    }
  }

  s64(v: bigint): void {
    v = BigInt.asIntN(64, v);
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
        this.byte(b);
        return;
      }
      this.byte(b | 0x80);
    }
  }

  u64(v: bigint): void {
    v = BigInt.asUintN(64, v);
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) b |= 0x80;
      this.byte(b);
    } while (v !== 0n);
  }

  f32(bits: number): void {
    this.byte(bits & 0xff);
    this.byte((bits >>> 8) & 0xff);
    this.byte((bits >>> 16) & 0xff);
    this.byte((bits >>> 24) & 0xff);
  }

  f64(bits: bigint): void {
    const lo = Number(bits & 0xffffffffn);
    const hi = Number((bits >> 32n) & 0xffffffffn);
    this.f32(lo);
    this.f32(hi);
  }

  /** A length-prefixed byte string (names). */
  name(b: Uint8Array): void {
    this.u32(b.length);
    this.bytes(b);
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
