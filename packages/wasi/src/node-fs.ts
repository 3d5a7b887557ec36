// The Node backend: synchronous `node:fs` calls on real files. `node:fs` is loaded on first use through
// `process.getBuiltinModule`, so importing this package in a browser does not pull it in.

import { Errno, Filetype } from './constants.js';
import {
  errnoOfCode,
  type FileHandle,
  type FileStat,
  fail,
  type OpenFlags,
  WasiError,
  type WasiFilesystem,
} from './filesystem.js';

type NodeFs = typeof import('node:fs');
type BigStats = import('node:fs').BigIntStats;

let nodeFs: NodeFs | null = null;

/** `node:fs` when the host is Node.js (>= 20.16), else null. */
export function tryNodeFs(): NodeFs | null {
  if (nodeFs === null) {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    nodeFs = (proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined) ?? null;
  }
  return nodeFs;
}

/** `node:fs`, or an error naming the missing host. */
export function loadNodeFs(): NodeFs {
  const fs = tryNodeFs();
  if (fs === null) throw new Error('@wasmts/wasi: the Node filesystem needs Node.js (>= 20.16)');
  return fs;
}

/** The host's `process.platform` (Node). */
function platform(): string | undefined {
  return (globalThis as { process?: { platform?: string } }).process?.platform;
}

function call<R>(f: () => R): R {
  try {
    return f();
  } catch (e) {
    if (e instanceof WasiError) throw e;
    throw new WasiError(errnoOfCode((e as { code?: string }).code), (e as Error).message);
  }
}

function filetypeOf(s: BigStats): number {
  if (s.isFile()) return Filetype.REGULAR_FILE;
  if (s.isDirectory()) return Filetype.DIRECTORY;
  if (s.isSymbolicLink()) return Filetype.SYMBOLIC_LINK;
  if (s.isCharacterDevice()) return Filetype.CHARACTER_DEVICE;
  if (s.isBlockDevice()) return Filetype.BLOCK_DEVICE;
  if (s.isSocket()) return Filetype.SOCKET_STREAM;
  return Filetype.UNKNOWN;
}

function toStat(s: BigStats): FileStat {
  return {
    dev: s.dev,
    ino: s.ino,
    filetype: filetypeOf(s),
    nlink: s.nlink,
    size: s.size,
    atim: s.atimeNs,
    mtim: s.mtimeNs,
    ctim: s.ctimeNs,
  };
}

/** Seconds as Node's utimes wants them. */
function seconds(ns: bigint): number {
  return Number(ns) / 1e9;
}

interface Handle {
  fd: number;
  closed: boolean;
}

/** The Node backend over real host paths. */
export class NodeFilesystem implements WasiFilesystem {
  private readonly fs: NodeFs = loadNodeFs();

  /** Status of `path` itself. */
  lstat(path: string): FileStat {
    return call(() => toStat(this.fs.lstatSync(path, { bigint: true })));
  }
  /** The target of a symlink. */
  readlink(path: string): string {
    return call(() => this.fs.readlinkSync(path, 'utf8'));
  }
  /** Sorted entry names. */
  readdir(path: string): string[] {
    return call(() => this.fs.readdirSync(path, 'utf8').sort());
  }
  /** Creates a directory. */
  mkdir(path: string): void {
    call(() => this.fs.mkdirSync(path));
  }
  /** Removes an empty directory. */
  rmdir(path: string): void {
    call(() => this.fs.rmdirSync(path));
  }
  /** Removes a non-directory. */
  unlink(path: string): void {
    call(() => {
      // Linux reports EISDIR, macOS EPERM: answer EISDIR on both.
      if (this.fs.lstatSync(path).isDirectory()) fail(Errno.EISDIR);
      this.fs.unlinkSync(path);
    });
  }
  /** POSIX rename. */
  rename(from: string, to: string): void {
    call(() => this.fs.renameSync(from, to));
  }
  /** Creates a hard link (of a symlink itself, never of what it points at). */
  link(from: string, to: string): void {
    call(() => {
      // POSIX leaves it to the system whether link(2) follows a symlink (Linux does not; macOS and the BSDs
      // do), which would link in a file the symlink reaches outside the sandbox: off Linux, a symlink is
      // re-created with the same target instead.
      if (platform() !== 'linux' && this.fs.lstatSync(from).isSymbolicLink()) {
        this.fs.symlinkSync(this.fs.readlinkSync(from), to);
      } else {
        this.fs.linkSync(from, to);
      }
    });
  }
  /** Creates a symlink. */
  symlink(target: string, path: string): void {
    call(() => this.fs.symlinkSync(target, path));
  }
  /** Sets times of `path` itself. */
  utimes(path: string, atim: bigint | null, mtim: bigint | null): void {
    call(() => {
      const s = this.fs.lstatSync(path, { bigint: true });
      const a = seconds(atim ?? s.atimeNs);
      const m = seconds(mtim ?? s.mtimeNs);
      if (s.isSymbolicLink()) this.fs.lutimesSync(path, a, m);
      else this.fs.utimesSync(path, a, m);
    });
  }
  /** Opens a regular file (never following a final symlink). */
  open(path: string, flags: OpenFlags): FileHandle {
    const c = this.fs.constants;
    let f = (flags.write ? c.O_RDWR : c.O_RDONLY) | (c.O_NOFOLLOW ?? 0);
    if (flags.create) f |= c.O_CREAT;
    if (flags.create && flags.exclusive) f |= c.O_EXCL;
    if (flags.truncate) f |= c.O_TRUNC;
    return call(() => {
      const fd = this.fs.openSync(path, f, 0o666);
      if (this.fs.fstatSync(fd).isDirectory()) {
        this.fs.closeSync(fd);
        fail(Errno.EISDIR);
      }
      const h: Handle = { fd, closed: false };
      return h;
    });
  }
  private fd(file: FileHandle): number {
    const h = file as Handle;
    if (h.closed) fail(Errno.EBADF);
    return h.fd;
  }
  /** Reads at a position. */
  read(file: FileHandle, buf: Uint8Array, position: bigint): number {
    return call(() => this.fs.readSync(this.fd(file), buf, 0, buf.length, position));
  }
  /** Writes at a position. */
  write(file: FileHandle, data: Uint8Array, position: bigint): number {
    return call(() => this.fs.writeSync(this.fd(file), data, 0, data.length, Number(position)));
  }
  /** Status of an open file. */
  fstat(file: FileHandle): FileStat {
    return call(() => toStat(this.fs.fstatSync(this.fd(file), { bigint: true })));
  }
  /** Sets an open file's size. */
  ftruncate(file: FileHandle, size: bigint): void {
    call(() => this.fs.ftruncateSync(this.fd(file), Number(size)));
  }
  /** Sets an open file's times. */
  futimes(file: FileHandle, atim: bigint | null, mtim: bigint | null): void {
    call(() => {
      const fd = this.fd(file);
      const s = this.fs.fstatSync(fd, { bigint: true });
      this.fs.futimesSync(fd, seconds(atim ?? s.atimeNs), seconds(mtim ?? s.mtimeNs));
    });
  }
  /** Flushes an open file. */
  fsync(file: FileHandle): void {
    call(() => this.fs.fsyncSync(this.fd(file)));
  }
  /** Where the kernel says an open file is (Linux, with /proc mounted), else null. */
  openedPath(file: FileHandle): string | null {
    if (platform() !== 'linux') return null;
    try {
      return this.fs.readlinkSync(`/proc/self/fd/${this.fd(file)}`, 'utf8');
    } catch {
      return null;
    }
  }
  /** Closes an open file. */
  close(file: FileHandle): void {
    call(() => {
      const h = file as Handle;
      if (h.closed) fail(Errno.EBADF);
      h.closed = true;
      this.fs.closeSync(h.fd);
    });
  }
}
