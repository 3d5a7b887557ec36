// A stand-in for `node:wasi`'s `WASI` over the drop-in's memories. Node's own WASI takes only the host engine's
// `WebAssembly.Memory` (it reads the memory in C++), so a package that instantiates through wasmts's drop-in cannot
// use it. This one gives the `wasi_snapshot_preview1` calls napi-rs programs make (arguments, environment, clocks,
// random bytes, stdout/stderr, exit, yield) over the memory's `buffer`; every other call answers ENOSYS (no files:
// the packages run here open none). Harness only: wasmts's own WASI is @wasmts/wasi, on the wasmts API.

import { randomFillSync } from 'node:crypto';
import { writeSync } from 'node:fs';

const ESUCCESS = 0;
const EBADF = 8;
const ENOSYS = 52;

/** Every preview1 function name (those not given below answer ENOSYS). */
const PREVIEW1 = `args_get args_sizes_get environ_get environ_sizes_get clock_res_get clock_time_get fd_advise
  fd_allocate fd_close fd_datasync fd_fdstat_get fd_fdstat_set_flags fd_fdstat_set_rights fd_filestat_get
  fd_filestat_set_size fd_filestat_set_times fd_pread fd_prestat_get fd_prestat_dir_name fd_pwrite fd_read
  fd_readdir fd_renumber fd_seek fd_sync fd_tell fd_write path_create_directory path_filestat_get
  path_filestat_set_times path_link path_open path_readlink path_remove_directory path_rename path_symlink
  path_unlink_file poll_oneoff proc_exit proc_raise sched_yield random_get sock_accept sock_recv sock_send
  sock_shutdown`.split(/\s+/);

/** Thrown by `proc_exit`. */
export class WasiExit extends Error {
  constructor(readonly code: number) {
    super(`proc_exit(${code})`);
  }
}

interface MemoryLike {
  readonly buffer: ArrayBufferLike;
}
interface InstanceLike {
  readonly exports: Record<string, unknown>;
}

/** `node:wasi`'s `WASI` shape: `wasiImport`, `getImportObject`, `initialize`, `start`. */
export class WASI {
  readonly wasiImport: Record<string, (...args: never[]) => number>;
  private memory: MemoryLike | null = null;

  constructor(options: { env?: Record<string, string | undefined>; args?: readonly string[] } = {}) {
    const env = Object.entries(options.env ?? {}).map(([k, v]) => Buffer.from(`${k}=${v ?? ''}\0`));
    const args = (options.args ?? []).map((a) => Buffer.from(`${a}\0`));
    const mem = () => {
      if (this.memory === null) throw new Error('WASI: called before initialize/start');
      return this.memory.buffer;
    };
    const view = () => new DataView(mem());
    const bytes = () => new Uint8Array(mem());
    const sizes = (list: Buffer[]) => (count: number, size: number) => {
      view().setUint32(count, list.length, true);
      view().setUint32(
        size,
        list.reduce((n, b) => n + b.length, 0),
        true,
      );
      return ESUCCESS;
    };
    const strings = (list: Buffer[]) => (ptrs: number, buf: number) => {
      const v = view();
      const u8 = bytes();
      let at = buf;
      for (const [i, b] of list.entries()) {
        v.setUint32(ptrs + 4 * i, at, true);
        u8.set(b, at);
        at += b.length;
      }
      return ESUCCESS;
    };
    const imports: Record<string, (...args: never[]) => number> = {};
    for (const name of PREVIEW1) imports[name] = () => ENOSYS;
    Object.assign(imports, {
      args_sizes_get: sizes(args),
      args_get: strings(args),
      environ_sizes_get: sizes(env),
      environ_get: strings(env),
      clock_res_get(_id: number, out: number) {
        view().setBigUint64(out, 1000n, true);
        return ESUCCESS;
      },
      clock_time_get(id: number, _precision: bigint, out: number) {
        view().setBigUint64(out, id === 0 ? BigInt(Date.now()) * 1_000_000n : process.hrtime.bigint(), true);
        return ESUCCESS;
      },
      random_get(buf: number, len: number) {
        // crypto does not fill a SharedArrayBuffer's view: fill a copy
        bytes().set(randomFillSync(new Uint8Array(len)), buf);
        return ESUCCESS;
      },
      fd_write(fd: number, iovs: number, count: number, written: number) {
        if (fd !== 1 && fd !== 2) return EBADF;
        const v = view();
        let n = 0;
        for (let i = 0; i < count; i++) {
          const ptr = v.getUint32(iovs + 8 * i, true);
          n += writeSync(fd, bytes().slice(ptr, ptr + v.getUint32(iovs + 8 * i + 4, true)));
        }
        v.setUint32(written, n, true);
        return ESUCCESS;
      },
      fd_prestat_get: () => EBADF,
      sched_yield: () => ESUCCESS,
      proc_exit(code: number): number {
        throw new WasiExit(code);
      },
    });
    this.wasiImport = imports;
  }

  getImportObject(): { wasi_snapshot_preview1: Record<string, (...args: never[]) => number> } {
    return { wasi_snapshot_preview1: this.wasiImport };
  }

  /** A reactor: binds the exported memory and calls `_initialize` if there is one. */
  initialize(instance: InstanceLike): void {
    this.memory = instance.exports.memory as MemoryLike;
    (instance.exports._initialize as (() => void) | undefined)?.();
  }

  /** A command: binds the memory, runs `_start` and returns its exit code. */
  start(instance: InstanceLike): number {
    this.memory = instance.exports.memory as MemoryLike;
    try {
      (instance.exports._start as () => void)();
      return 0;
    } catch (e) {
      if (e instanceof WasiExit) return e.code;
      throw e;
    }
  }
}
