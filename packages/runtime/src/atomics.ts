// The threads proposal's atomic accesses for the JS backend (`rt.atomic*`, spread into the builtins).
//
// Every access goes through `Atomics` on a typed-array view of the memory's buffer: on a shared memory
// (a SharedArrayBuffer) that is what makes the access atomic and sequentially consistent against other
// agents; on an unshared memory `Atomics` works on ArrayBuffer views too and the result is the same as
// a plain access. 64-bit accesses use BigInt64Array, so they are single indivisible operations (no pair
// of int32 halves, which another agent could observe torn). Typed arrays use the host's byte order: the
// views are only used when the host is little-endian (every engine wasmts targets); `LITTLE_ENDIAN` is
// checked once and a big-endian host gets a clear error rather than wrong bytes.
//
// Addresses here are effective addresses (the operand plus the memarg offset) as JS numbers, never
// wrapped: the bounds check is done first, then the alignment check, as the reference interpreter does
// ("out of bounds memory access", then "unaligned atomic").

import { TrapCode } from '@wasmts/environ';
import type { Memory } from './memory.js';
import { Trap } from './values.js';

const HAS_SAB = typeof SharedArrayBuffer === 'function';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Views over one buffer, by access size. Length-tracking on resizable buffers, so growth needs no new view. */
interface Views {
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  readonly i64: BigInt64Array;
}

const viewCache = new WeakMap<ArrayBufferLike, Views>();

function views(mem: Memory): Views {
  const buf = mem.buffer;
  let v = viewCache.get(buf);
  if (v === undefined) {
    if (!LITTLE_ENDIAN) throw new Error('wasmts: atomic accesses need a little-endian host');
    // whole 8-byte words only: a memory's byte length is a multiple of its page size, at least 1 byte
    const len = buf.byteLength;
    const tracking =
      (buf as { resizable?: boolean; growable?: boolean }).resizable === true ||
      (buf as { growable?: boolean }).growable === true;
    v = {
      u8: tracking ? new Uint8Array(buf) : new Uint8Array(buf, 0, len),
      u16: tracking ? new Uint16Array(buf) : new Uint16Array(buf, 0, len >>> 1),
      i32: tracking ? new Int32Array(buf) : new Int32Array(buf, 0, len >>> 2),
      u32: tracking ? new Uint32Array(buf) : new Uint32Array(buf, 0, len >>> 2),
      i64: tracking ? new BigInt64Array(buf) : new BigInt64Array(buf, 0, len >>> 3),
    };
    viewCache.set(buf, v);
  }
  return v;
}

/** Traps unless `[ea, ea + n)` is inside the memory and `ea` is a multiple of `n`. */
function check(mem: Memory, ea: number, n: number): void {
  if (ea + n > mem.byteLength) throw new Trap(TrapCode.MemoryOutOfBounds);
  if (ea % n !== 0) throw new Trap(TrapCode.HeapMisaligned);
}

/** The unsigned view for a narrow access of `n` bytes (1, 2 or 4), or the signed int32 view for i32 accesses. */
function narrow(v: Views, n: number, signed32: boolean): Uint8Array | Uint16Array | Int32Array | Uint32Array {
  return n === 1 ? v.u8 : n === 2 ? v.u16 : signed32 ? v.i32 : v.u32;
}

type IntArray = Uint8Array | Uint16Array | Int32Array | Uint32Array;

function rmw32(a: IntArray, i: number, op: string, x: number): number {
  switch (op) {
    case 'add':
      return Atomics.add(a, i, x);
    case 'sub':
      return Atomics.sub(a, i, x);
    case 'and':
      return Atomics.and(a, i, x);
    case 'or':
      return Atomics.or(a, i, x);
    case 'xor':
      return Atomics.xor(a, i, x);
    default:
      return Atomics.exchange(a, i, x);
  }
}

function rmw64(a: BigInt64Array, i: number, op: string, x: bigint): bigint {
  switch (op) {
    case 'add':
      return Atomics.add(a, i, x);
    case 'sub':
      return Atomics.sub(a, i, x);
    case 'and':
      return Atomics.and(a, i, x);
    case 'or':
      return Atomics.or(a, i, x);
    case 'xor':
      return Atomics.xor(a, i, x);
    default:
      return Atomics.exchange(a, i, x);
  }
}

/** Nanoseconds (i64, negative: forever) to the milliseconds `Atomics.wait` takes. */
function timeoutMs(ns: bigint): number {
  return ns < 0n ? Number.POSITIVE_INFINITY : Number(ns) / 1e6;
}

/** `Atomics.wait`'s answer as memory.atomic.wait's result. */
function waitResult(r: string): number {
  return r === 'ok' ? 0 : r === 'not-equal' ? 1 : 2;
}

export const atomicBuiltins = {
  /** iNN.atomic.load of `n` bytes into an i32 (zero-extended when narrow). */
  atomicLoad32(mem: Memory, ea: number, n: number): number {
    check(mem, ea, n);
    const v = views(mem);
    return Atomics.load(narrow(v, n, true), ea / n);
  },
  /** i64.atomic.load of `n` bytes (zero-extended when narrow). */
  atomicLoad64(mem: Memory, ea: number, n: number): bigint {
    check(mem, ea, n);
    const v = views(mem);
    return n === 8 ? Atomics.load(v.i64, ea / 8) : BigInt(Atomics.load(narrow(v, n, false), ea / n));
  },
  /** i32.atomic.store of the low `n` bytes of `x`. */
  atomicStore32(mem: Memory, ea: number, n: number, x: number): void {
    check(mem, ea, n);
    Atomics.store(narrow(views(mem), n, true), ea / n, x);
  },
  /** i64.atomic.store of the low `n` bytes of `x`. */
  atomicStore64(mem: Memory, ea: number, n: number, x: bigint): void {
    check(mem, ea, n);
    const v = views(mem);
    if (n === 8) Atomics.store(v.i64, ea / 8, x);
    else Atomics.store(narrow(v, n, false), ea / n, Number(BigInt.asUintN(n * 8, x)));
  },
  /** i32 read-modify-write (`op`: add, sub, and, or, xor or xchg) of `n` bytes; the old value, zero-extended when narrow. */
  atomicRmw32(mem: Memory, ea: number, n: number, op: string, x: number): number {
    check(mem, ea, n);
    return rmw32(narrow(views(mem), n, true), ea / n, op, x);
  },
  /** i64 read-modify-write (`op`: add, sub, and, or, xor or xchg) of `n` bytes; the old value, zero-extended when narrow. */
  atomicRmw64(mem: Memory, ea: number, n: number, op: string, x: bigint): bigint {
    check(mem, ea, n);
    const v = views(mem);
    if (n === 8) return rmw64(v.i64, ea / 8, op, x);
    return BigInt(rmw32(narrow(v, n, false), ea / n, op, Number(BigInt.asUintN(n * 8, x))));
  },
  /** i32 compare-exchange of `n` bytes (the expected value wrapped to `n` bytes); the old value. */
  atomicCmpxchg32(mem: Memory, ea: number, n: number, expected: number, replacement: number): number {
    check(mem, ea, n);
    return Atomics.compareExchange(narrow(views(mem), n, true), ea / n, expected, replacement);
  },
  /** i64 compare-exchange of `n` bytes (the expected value wrapped to `n` bytes); the old value. */
  atomicCmpxchg64(mem: Memory, ea: number, n: number, expected: bigint, replacement: bigint): bigint {
    check(mem, ea, n);
    const v = views(mem);
    if (n === 8) return Atomics.compareExchange(v.i64, ea / 8, expected, replacement);
    const bits = n * 8;
    const old = Atomics.compareExchange(
      narrow(v, n, false),
      ea / n,
      Number(BigInt.asUintN(bits, expected)),
      Number(BigInt.asUintN(bits, replacement)),
    );
    return BigInt(old);
  },
  /** memory.atomic.notify: the number of waiters woken (0 on an unshared memory, which has none). */
  atomicNotify(mem: Memory, ea: number, count: number): number {
    check(mem, ea, 4);
    if (!(HAS_SAB && mem.buffer instanceof SharedArrayBuffer)) return 0;
    return Atomics.notify(views(mem).i32, ea / 4, count >>> 0);
  },
  /**
   * memory.atomic.wait32/64: traps on an unshared memory; else 0 ("ok"), 1 ("not-equal") or 2
   * ("timed-out"). Blocks the agent with `Atomics.wait`. Where the host forbids blocking (a browser's main
   * thread: the agent's [[CanBlock]] is false) `Atomics.wait` throws a TypeError whatever the value, and
   * that is the trap `AtomicWaitNotAllowed`, as engines trap there (V8's wasm code does); nothing else in
   * the call can throw a TypeError, since the view, index and operands are checked or made here.
   */
  atomicWait(mem: Memory, ea: number, n: number, expected: number | bigint, timeout: bigint): number {
    check(mem, ea, n);
    if (!mem.shared) throw new Trap(TrapCode.AtomicWaitNonSharedMemory);
    const v = views(mem);
    if (!(HAS_SAB && mem.buffer instanceof SharedArrayBuffer)) {
      // a shared memory on a host without SharedArrayBuffer: nobody else can change the value
      const cur = n === 4 ? v.i32[ea / 4] : v.i64[ea / 8];
      return cur !== expected ? 1 : 2;
    }
    let r: string;
    try {
      r =
        n === 4
          ? Atomics.wait(v.i32, ea / 4, expected as number, timeoutMs(timeout))
          : Atomics.wait(v.i64, ea / 8, expected as bigint, timeoutMs(timeout));
    } catch (e) {
      if (e instanceof TypeError) throw new Trap(TrapCode.AtomicWaitNotAllowed);
      throw e;
    }
    return waitResult(r);
  },
};
