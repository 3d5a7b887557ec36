// Bounds-checked little-endian access to the guest's linear memory: a bad pointer is EFAULT, never a
// host exception.

import { decodeUtf8 } from '@wasmts/environ';
import type { Memory } from 'wasmts';
import { Errno } from './constants.js';
import { WasiError } from './filesystem.js';

/** The most iovecs one call takes (Linux's and wasi-libc's IOV_MAX): each becomes a host object. */
export const IOV_MAX = 1024;

/** A view of guest memory for the duration of one WASI call. */
export class GuestMemory {
  /** The memory's bytes. */
  readonly u8: Uint8Array;
  private readonly view: DataView;

  /** Views `memory` as it is now (take a new one after the guest runs again). */
  constructor(memory: Memory) {
    this.u8 = memory.data();
    this.view = new DataView(this.u8.buffer, this.u8.byteOffset, this.u8.byteLength);
  }
  /** Throws EFAULT unless [ptr, ptr + len) lies in memory. */
  check(ptr: number, len: number): void {
    if (ptr < 0 || len < 0 || ptr + len > this.u8.length) throw new WasiError(Errno.EFAULT, 'bad guest pointer');
  }
  /** Reads a u8. */
  getU8(ptr: number): number {
    this.check(ptr, 1);
    return this.u8[ptr];
  }
  /** Reads a u16. */
  getU16(ptr: number): number {
    this.check(ptr, 2);
    return this.view.getUint16(ptr, true);
  }
  /** Reads a u32. */
  getU32(ptr: number): number {
    this.check(ptr, 4);
    return this.view.getUint32(ptr, true);
  }
  /** Reads a u64. */
  getU64(ptr: number): bigint {
    this.check(ptr, 8);
    return this.view.getBigUint64(ptr, true);
  }
  /** Writes a u8. */
  setU8(ptr: number, v: number): void {
    this.check(ptr, 1);
    this.u8[ptr] = v;
  }
  /** Writes a u16. */
  setU16(ptr: number, v: number): void {
    this.check(ptr, 2);
    this.view.setUint16(ptr, v, true);
  }
  /** Writes a u32. */
  setU32(ptr: number, v: number): void {
    this.check(ptr, 4);
    this.view.setUint32(ptr, v, true);
  }
  /** Writes a u64. */
  setU64(ptr: number, v: bigint): void {
    this.check(ptr, 8);
    this.view.setBigUint64(ptr, BigInt.asUintN(64, v), true);
  }
  /** The bytes [ptr, ptr + len) as a view (no copy). */
  bytes(ptr: number, len: number): Uint8Array {
    this.check(ptr, len);
    return this.u8.subarray(ptr, ptr + len);
  }
  /** Copies `data` to `ptr`. */
  write(ptr: number, data: Uint8Array): void {
    this.check(ptr, data.length);
    this.u8.set(data, ptr);
  }
  /** The UTF-8 string at [ptr, ptr + len); invalid UTF-8 is EILSEQ (as in wasmtime). */
  string(ptr: number, len: number): string {
    const bytes = this.bytes(ptr, len).slice();
    try {
      return decodeUtf8(bytes, { stripBOM: true });
    } catch {
      throw new WasiError(Errno.EILSEQ, 'path is not valid UTF-8');
    }
  }
  /** The (buf, len) pairs of an iovec array, each checked; more than `IOV_MAX` is EINVAL (as POSIX readv). */
  iovecs(ptr: number, count: number): Uint8Array[] {
    this.check(ptr, count * 8);
    if (count > IOV_MAX) throw new WasiError(Errno.EINVAL, 'more than IOV_MAX iovecs');
    const out: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      out.push(this.bytes(this.getU32(ptr + i * 8), this.getU32(ptr + i * 8 + 4)));
    }
    return out;
  }
}
