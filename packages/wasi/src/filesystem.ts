// The interface both filesystem backends implement. Paths are the backend's own absolute paths with `/`
// separators; the WASI layer resolves every guest path component itself (symlinks included) before a
// path reaches a backend, so backends never follow symlinks and never see `.` or `..`.

import { Errno } from './constants.js';

/** A failure with a WASI errno; every backend reports errors this way. */
export class WasiError extends Error {
  /** The errno. */
  readonly errno: number;
  /** Creates an error for `errno`. */
  constructor(errno: number, message?: string) {
    super(message ?? `WASI errno ${errno}`);
    this.name = 'WasiError';
    this.errno = errno;
  }
}

/** What `lstat` and `fstat` report (WASI's `filestat`; times in nanoseconds). */
export interface FileStat {
  /** Device id. */
  dev: bigint;
  /** Inode number. */
  ino: bigint;
  /** A `Filetype` value. */
  filetype: number;
  /** Number of hard links. */
  nlink: bigint;
  /** Size in bytes (a symlink: its target's length). */
  size: bigint;
  /** Last access time, ns since the epoch. */
  atim: bigint;
  /** Last modification time, ns since the epoch. */
  mtim: bigint;
  /** Last status change time, ns since the epoch. */
  ctim: bigint;
}

/** How to open a regular file. */
export interface OpenFlags {
  /** Create it if missing. */
  create: boolean;
  /** With create: fail with EEXIST if it exists. */
  exclusive: boolean;
  /** Truncate to zero length. */
  truncate: boolean;
  /** Open for writing as well as reading. */
  write: boolean;
}

/** An open regular file of a backend. */
export type FileHandle = unknown;

/** A filesystem backend: synchronous, POSIX-like, symlinks never followed. */
export interface WasiFilesystem {
  /** Status of `path` itself (a symlink is not followed). */
  lstat(path: string): FileStat;
  /** The target of the symlink at `path`. */
  readlink(path: string): string;
  /** The names in directory `path`, without `.` and `..`, sorted. */
  readdir(path: string): string[];
  /** Creates a directory. */
  mkdir(path: string): void;
  /** Removes an empty directory. */
  rmdir(path: string): void;
  /** Removes a non-directory. */
  unlink(path: string): void;
  /** Renames `from` to `to` (POSIX rename semantics). */
  rename(from: string, to: string): void;
  /** Creates a hard link `to` of the non-directory `from`. */
  link(from: string, to: string): void;
  /** Creates a symlink at `path` containing `target`. */
  symlink(target: string, path: string): void;
  /** Sets the times of `path` itself (null leaves one unchanged). */
  utimes(path: string, atim: bigint | null, mtim: bigint | null): void;
  /** Opens the regular file at `path` (a directory: EISDIR; a symlink: ELOOP). */
  open(path: string, flags: OpenFlags): FileHandle;
  /** Reads at `position` into `buf`; returns the count (0 at the end). */
  read(file: FileHandle, buf: Uint8Array, position: bigint): number;
  /** Writes `data` at `position`; returns the count. */
  write(file: FileHandle, data: Uint8Array, position: bigint): number;
  /** Status of an open file. */
  fstat(file: FileHandle): FileStat;
  /** Sets an open file's size. */
  ftruncate(file: FileHandle, size: bigint): void;
  /** Sets an open file's times (null leaves one unchanged). */
  futimes(file: FileHandle, atim: bigint | null, mtim: bigint | null): void;
  /** Flushes an open file to storage. */
  fsync(file: FileHandle): void;
  /** Closes an open file. */
  close(file: FileHandle): void;
  /**
   * Opens the directory at `path` (a final symlink is not followed) until `unpin` or the end of the WASI
   * call, and returns a path naming that very directory whatever then happens to `path` (Linux:
   * `/proc/self/fd/N/.`) with its status; null where the host cannot. Paths below a pinned directory are
   * immune to another process swapping a component above them: this is how `openat` is done without it.
   */
  pin?(path: string): { path: string; stat: FileStat } | null;
  /** Closes a directory `pin` opened. */
  unpin?(pinned: string): void;
  /** Closes every directory `pin` opened (at the end of each WASI call). */
  unpinAll?(): void;
}

/** Joins a backend path and a name. */
export function joinPath(base: string, name: string): string {
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

/** The current time in ns since the epoch. */
export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

/** Throws a WasiError. */
export function fail(errno: number, message?: string): never {
  throw new WasiError(errno, message);
}

/** errno for a Node-style error `code` ('ENOENT', ...), or EIO. */
export function errnoOfCode(code: string | undefined): number {
  if (code === undefined) return Errno.EIO;
  if (code === 'ENOTSUP' || code === 'EOPNOTSUPP') return Errno.ENOTSUP;
  if (code === 'EWOULDBLOCK') return Errno.EAGAIN;
  const n = (Errno as Record<string, number>)[code];
  return n === undefined || code === 'ESUCCESS' ? Errno.EIO : n;
}
