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

/**
 * Linux's O_PATH where its value is the generic one (node:fs does not export it): a directory one may only
 * search, not read, can still be pinned, as a lookup through it needs no more. Else `fallback`.
 */
function oPath(fallback: number): number {
  const arch = (globalThis as { process?: { arch?: string } }).process?.arch ?? '';
  return ['x64', 'arm64', 'arm', 'ia32', 'riscv64', 'ppc64', 's390x', 'loong64'].includes(arch) ? 0o10000000 : fallback;
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

/** A time the guest set: its exact value, and what the host stored (the host keeps microseconds at best). */
interface SetTime {
  guest: bigint;
  host: bigint;
}

/** Most files whose guest-set times are remembered (the oldest is forgotten first). */
const MAX_SET_TIMES = 4096;

interface Handle {
  fd: number;
  closed: boolean;
}

/** The Node backend over real host paths. */
export class NodeFilesystem implements WasiFilesystem {
  private readonly fs: NodeFs = loadNodeFs();
  /** Pinned directories: `/proc/self/fd/N/.` -> N. */
  private readonly pins = new Map<string, number>();
  /** Whether /proc/self/fd can name open directories (Linux with /proc), found on first use. */
  private procFd: boolean | null = null;
  /**
   * Times guests set, by `dev:ino`: Node's utimes keeps microseconds, so a time set to the nanosecond reads back as
   * the guest set it for as long as the host still has the value that setting it left (any later change by the
   * host, or by the guest through a write, shows the host's value again).
   */
  private readonly setTimes = new Map<string, { atim: SetTime | null; mtim: SetTime | null }>();

  /** The status of `s`, with the times the guest set where the host's values are still the ones it left. */
  private stat(s: BigStats): FileStat {
    const st = toStat(s);
    const set = this.setTimes.get(`${s.dev}:${s.ino}`);
    if (set !== undefined) {
      if (set.atim !== null && set.atim.host === s.atimeNs) st.atim = set.atim.guest;
      if (set.mtim !== null && set.mtim.host === s.mtimeNs) st.mtim = set.mtim.guest;
    }
    return st;
  }

  /** Remembers the times a guest set (null: not set by this call) against what the host now holds. */
  private rememberTimes(s: BigStats, atim: bigint | null, mtim: bigint | null): void {
    const key = `${s.dev}:${s.ino}`;
    const old = this.setTimes.get(key);
    this.setTimes.delete(key);
    const a = atim !== null ? { guest: atim, host: s.atimeNs } : (old?.atim ?? null);
    const m = mtim !== null ? { guest: mtim, host: s.mtimeNs } : (old?.mtim ?? null);
    this.setTimes.set(key, { atim: a, mtim: m });
    if (this.setTimes.size > MAX_SET_TIMES) this.setTimes.delete(this.setTimes.keys().next().value as string);
  }

  /** Opens a directory (never through a final symlink) and names it by its descriptor (Linux). */
  pin(path: string): { path: string; stat: FileStat } | null {
    this.procFd ??= platform() === 'linux' && this.procFdWorks();
    if (!this.procFd) return null;
    const c = this.fs.constants;
    return call(() => {
      const fd = this.fs.openSync(path, oPath(c.O_RDONLY) | c.O_DIRECTORY | c.O_NOFOLLOW);
      const pinned = `/proc/self/fd/${fd}/.`;
      this.pins.set(pinned, fd);
      return { path: pinned, stat: this.stat(this.fs.fstatSync(fd, { bigint: true })) };
    });
  }
  /** Whether `/proc/self/fd/N/.` names the directory open as N (not so without /proc, or in some sandboxes). */
  private procFdWorks(): boolean {
    try {
      const c = this.fs.constants;
      const fd = this.fs.openSync('/', oPath(c.O_RDONLY) | c.O_DIRECTORY | c.O_NOFOLLOW);
      try {
        const a = this.fs.fstatSync(fd);
        const b = this.fs.statSync(`/proc/self/fd/${fd}/.`);
        return a.dev === b.dev && a.ino === b.ino;
      } finally {
        this.fs.closeSync(fd);
      }
    } catch {
      return false;
    }
  }
  /** Closes a pinned directory. */
  unpin(pinned: string): void {
    const fd = this.pins.get(pinned);
    if (fd === undefined) return;
    this.pins.delete(pinned);
    this.fs.closeSync(fd);
  }
  /** Closes every pinned directory. */
  unpinAll(): void {
    for (const fd of this.pins.values()) this.fs.closeSync(fd);
    this.pins.clear();
  }

  /** Status of `path` itself. */
  lstat(path: string): FileStat {
    return call(() => this.stat(this.fs.lstatSync(path, { bigint: true })));
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
  /** Sets times of `path` itself (never of what a symlink there points at). */
  utimes(path: string, atim: bigint | null, mtim: bigint | null): void {
    call(() => {
      const s = this.fs.lstatSync(path, { bigint: true });
      this.fs.lutimesSync(path, seconds(atim ?? s.atimeNs), seconds(mtim ?? s.mtimeNs));
      this.rememberTimes(this.fs.lstatSync(path, { bigint: true }), atim, mtim);
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
    return call(() => this.stat(this.fs.fstatSync(this.fd(file), { bigint: true })));
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
      this.rememberTimes(this.fs.fstatSync(fd, { bigint: true }), atim, mtim);
    });
  }
  /** Flushes an open file. */
  fsync(file: FileHandle): void {
    call(() => this.fs.fsyncSync(this.fd(file)));
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
