// The descriptor table's entries, and the WASI state as the calls (preview1.ts, context.ts, poll.ts) see it: the
// `WASI` class of wasi.ts implements it, so the calls need not import the class that defines them on a linker.

import type { Memory } from 'wasmts';
import type { FileHandle, WasiFilesystem } from './filesystem.js';
import type { DirRef } from './resolve.js';
import type { StdioStream } from './stdio.js';

/** An open descriptor. */
export interface FdEntry {
  /** A `Filetype`. */
  filetype: number;
  /** Rights of this descriptor. */
  rightsBase: bigint;
  /** Rights of descriptors opened through it. */
  rightsInheriting: bigint;
  /** `Fdflags`. */
  fdflags: number;
  /** Where a directory is (directories only; checked on every use, see `dirPath`). */
  dir: DirRef | null;
  /** Open file (regular files). */
  file: FileHandle | null;
  /** Offset of the next read or write (regular files). */
  position: bigint;
  /** Stream (stdio). */
  stream: StdioStream | null;
  /** The guest name of a preopened directory. */
  preopen: string | null;
}

/** What the WASI calls read and change of the `WASI` object. */
export interface WasiState {
  /** argv. */
  readonly args: readonly string[];
  /** Environment entries as `KEY=value`. */
  readonly env: readonly string[];
  /** The filesystem backend. */
  readonly fs: WasiFilesystem;
  /** The descriptor table. */
  readonly fds: Map<number, FdEntry>;
  /** The most descriptors open at once. */
  readonly maxDescriptors: number;
  /** The memory of the instance given to `start`/`initialize`, used when a caller exports none. */
  readonly memory: Memory | null;
  /** A directory descriptor entry. */
  dirEntry(dir: DirRef, base: bigint, inheriting: bigint, preopen?: string | null): FdEntry;
  /** A regular file descriptor entry. */
  fileEntry(file: FileHandle, base: bigint, inheriting: bigint, fdflags: number): FdEntry;
  /** Puts `entry` at the lowest free descriptor number and returns it (EMFILE past `maxDescriptors`). */
  allocFd(entry: FdEntry): number;
}
