// What one WASI call works with: the WASI state, the caller's memory and descriptor lookups.

import { type Caller, Memory } from 'wasmts';
import { Errno, Filetype, Rights } from './constants.js';
import type { FdEntry, WasiState } from './descriptors.js';
import { fail } from './filesystem.js';
import { GuestMemory } from './guest-memory.js';
import type { DirRef } from './resolve.js';

/** The longest guest path accepted, in bytes: wasi-libc's and Linux's PATH_MAX (4096, with its NUL). */
export const MAX_PATH_BYTES = 4095;

/** One call's context: the WASI state and (lazily) the caller's memory. */
export class Ctx {
  private view: GuestMemory | null = null;
  /** A context for one call from `caller`. */
  constructor(
    readonly wasi: WasiState,
    private readonly caller: Caller<unknown>,
  ) {}
  /** Guest memory, viewed on first use. */
  get mem(): GuestMemory {
    if (this.view === null) {
      const m = this.caller.getExport('memory');
      const memory = m instanceof Memory ? m : this.wasi.memory;
      if (memory === null) throw new TypeError('WASI: the calling instance exports no `memory`');
      this.view = new GuestMemory(memory);
    }
    return this.view;
  }
  /** The entry of `fd` (EBADF if closed). */
  fd(fd: number): FdEntry {
    const e = this.wasi.fds.get(fd);
    if (e === undefined) fail(Errno.EBADF);
    return e;
  }
  /** A directory entry holding `right`. */
  dir(fd: number, right: bigint): FdEntry & { dir: DirRef } {
    const e = this.fd(fd);
    if (e.filetype !== Filetype.DIRECTORY || e.dir === null) fail(Errno.ENOTDIR);
    if ((e.rightsBase & right) !== right) fail(Errno.ENOTCAPABLE);
    return e as FdEntry & { dir: DirRef };
  }
  /** A file or stream entry holding `right` (directories: EBADF, as in wasmtime). */
  file(fd: number, right: bigint): FdEntry {
    const e = this.fd(fd);
    if (e.filetype === Filetype.DIRECTORY) fail(Errno.EBADF);
    if ((e.rightsBase & right) !== right) {
      fail(right === Rights.FD_READ || right === Rights.FD_WRITE ? Errno.EBADF : Errno.ENOTCAPABLE);
    }
    return e;
  }
  /** A guest path string (or symlink target): at most `MAX_PATH_BYTES`, else ENAMETOOLONG. */
  path(ptr: number, len: number): string {
    this.mem.check(ptr, len);
    if (len > MAX_PATH_BYTES) fail(Errno.ENAMETOOLONG);
    return this.mem.string(ptr, len);
  }
}
