// A minimal WASI preview1 for raw WebAssembly instances (the native and wasm2js configurations): arguments, an
// empty environment, clocks, random bytes, stdout/stderr to callbacks, stdin empty, no files (no preopens). What a
// reactor or ruby.wasm running a script needs; every other call answers ENOSYS (or EBADF for a descriptor), as a
// sandbox without files would. Every configuration gets this WASI (src/programs-configs.ts), so all see the same host.
// Host-neutral (no Node built-in): tools/hosts bundles it into the JavaScriptCore benchmark (`--engine jsc`).
import { encodeUtf8 } from '@wasmts/environ';

/** Fills `bytes[at, at + len)` with random bytes: Web Crypto where the host has it, else `Math.random`. */
function randomFill(bytes: Uint8Array, at: number, len: number): void {
  const crypto = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): unknown } }).crypto;
  // getRandomValues takes at most 65,536 bytes a call
  if (crypto !== undefined)
    for (let i = 0; i < len; i += 65536) crypto.getRandomValues(bytes.subarray(at + i, at + Math.min(len, i + 65536)));
  else for (let i = 0; i < len; i++) bytes[at + i] = (Math.random() * 256) | 0;
}

/** A monotonic clock in nanoseconds: `performance.now()` where the host has it, else `Date.now()`. */
function monotonicNs(): bigint {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return BigInt(Math.round((perf !== undefined ? perf.now() : Date.now()) * 1e6));
}

/** What a program's WASI sees. */
export interface WasiIo {
  readonly args?: readonly string[];
  /** Receives each chunk written to fd 1 (discarded when absent). */
  readonly stdout?: (bytes: Uint8Array) => void;
  /** Receives each chunk written to fd 2 (discarded when absent). */
  readonly stderr?: (bytes: Uint8Array) => void;
}

/** Thrown by proc_exit. */
export class MiniWasiExit extends Error {
  constructor(readonly code: number) {
    super(`proc_exit(${code})`);
    this.name = 'MiniWasiExit';
  }
}

const ESUCCESS = 0;
const EBADF = 8;
const ENOSYS = 52;
const ESPIPE = 70;
const FILETYPE_CHARACTER_DEVICE = 2;

type Fn = (...args: (number | bigint)[]) => number | undefined;

/** The instance's memory as WASI reads it: the JS API's `buffer`, or the engine's own view of its bytes. */
export interface WasiMemory {
  readonly buffer: ArrayBuffer;
  /**
   * The memory's current bytes where the engine has a view of its own (wasmts: `Memory.data()`, what @wasmts/wasi
   * reads through): no exact-size `buffer` is made for it (wasmts's buffer may hold headroom after a guest's growth).
   */
  bytes?(): Uint8Array;
}

/**
 * The `wasi_snapshot_preview1` functions by name; `memory` returns the instance's memory once it exists (imports
 * are made before the instance). i64 parameters arrive as BigInt (the JS-API mapping).
 */
export function miniWasi(io: WasiIo, memory: () => WasiMemory): (name: string) => Fn {
  const args = (io.args ?? []).map((a) => encodeUtf8(`${a}\0`));
  const bytes = () => {
    const m = memory();
    return m.bytes?.() ?? new Uint8Array(m.buffer);
  };
  const view = () => {
    const b = bytes();
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  };
  const n = (v: number | bigint) => Number(v);
  const start = monotonicNs();

  const impl: Record<string, Fn> = {
    args_sizes_get(count, size) {
      view().setUint32(n(count), args.length, true);
      view().setUint32(
        n(size),
        args.reduce((s, a) => s + a.length, 0),
        true,
      );
      return ESUCCESS;
    },
    args_get(argv, buf) {
      let at = n(buf);
      args.forEach((a, i) => {
        view().setUint32(n(argv) + i * 4, at, true);
        bytes().set(a, at);
        at += a.length;
      });
      return ESUCCESS;
    },
    environ_sizes_get(count, size) {
      view().setUint32(n(count), 0, true);
      view().setUint32(n(size), 0, true);
      return ESUCCESS;
    },
    environ_get: () => ESUCCESS,
    clock_res_get(_id, out) {
      view().setBigUint64(n(out), 1000n, true);
      return ESUCCESS;
    },
    clock_time_get(id, _precision, out) {
      const ns = n(id) === 0 ? BigInt(Date.now()) * 1_000_000n : monotonicNs() - start; // realtime, else monotonic
      view().setBigUint64(n(out), ns, true);
      return ESUCCESS;
    },
    random_get(buf, len) {
      randomFill(bytes(), n(buf), n(len));
      return ESUCCESS;
    },
    fd_write(fd, iovs, count, written) {
      const sink = n(fd) === 1 ? io.stdout : n(fd) === 2 ? io.stderr : null;
      if (sink === null) return EBADF;
      let total = 0;
      for (let i = 0; i < n(count); i++) {
        const ptr = view().getUint32(n(iovs) + i * 8, true);
        const len = view().getUint32(n(iovs) + i * 8 + 4, true);
        sink?.(bytes().slice(ptr, ptr + len));
        total += len;
      }
      view().setUint32(n(written), total, true);
      return ESUCCESS;
    },
    fd_read(fd, _iovs, _count, read) {
      if (n(fd) !== 0) return EBADF;
      view().setUint32(n(read), 0, true); // stdin is empty
      return ESUCCESS;
    },
    fd_fdstat_get(fd, out) {
      if (n(fd) > 2) return EBADF;
      const v = view();
      v.setUint8(n(out), FILETYPE_CHARACTER_DEVICE);
      v.setUint16(n(out) + 2, 0, true);
      v.setBigUint64(n(out) + 8, 0xffffffffn, true);
      v.setBigUint64(n(out) + 16, 0n, true);
      return ESUCCESS;
    },
    fd_filestat_get(fd, out) {
      if (n(fd) > 2) return EBADF;
      bytes().fill(0, n(out), n(out) + 64);
      view().setUint8(n(out) + 16, FILETYPE_CHARACTER_DEVICE);
      return ESUCCESS;
    },
    fd_seek: (fd) => (n(fd) > 2 ? EBADF : ESPIPE),
    fd_tell: (fd) => (n(fd) > 2 ? EBADF : ESPIPE),
    fd_close: (fd) => (n(fd) > 2 ? EBADF : ESUCCESS),
    fd_fdstat_set_flags: (fd) => (n(fd) > 2 ? EBADF : ESUCCESS),
    fd_prestat_get: () => EBADF, // no preopens: the guest's libc stops looking at the first EBADF
    fd_prestat_dir_name: () => EBADF,
    sched_yield: () => ESUCCESS,
    poll_oneoff: () => ENOSYS,
    proc_raise: () => ENOSYS,
    proc_exit(code) {
      throw new MiniWasiExit(n(code));
    },
  };
  // everything else: fd_* on a descriptor it cannot have (no files), path_* without a directory, the rest ENOSYS
  return (name) =>
    Object.hasOwn(impl, name)
      ? impl[name]
      : () => (name.startsWith('fd_') || name.startsWith('path_') ? EBADF : ENOSYS);
}
