// The `WASI` object: options, the descriptor table, `addToLinker`, `start` and `initialize`. The calls
// themselves are in preview1.ts.

import { type Instance, type Linker, Memory } from 'wasmts';
import { Errno, Filetype, RIGHTS_ALL, RIGHTS_DIRECTORY, RIGHTS_FILE, RIGHTS_STDIO } from './constants.js';
import type { FdEntry, WasiState } from './descriptors.js';
import { WasiExit } from './exit.js';
import { type FileHandle, fail, type WasiFilesystem } from './filesystem.js';
import { MemoryFilesystem } from './memory-fs.js';
import { NodeFilesystem, tryNodeFs } from './node-fs.js';
import { definePreview1 } from './preview1.js';
import type { DirRef } from './resolve.js';
import {
  consoleSink,
  hostLog,
  type StdinOption,
  type StdioStream,
  type StdoutOption,
  stdinStream,
  stdoutStream,
} from './stdio.js';

/** Re-exported for importers of this file. */
export { type FdEntry, WasiExit };

/** Options of `new WASI(...)`, in the spirit of `node:wasi`. */
export interface WasiOptions {
  /** argv, program name first. */
  args?: readonly string[];
  /** The environment. */
  env?: Readonly<Record<string, string>>;
  /** Guest directory name -> backend directory path (host paths for the Node backend). */
  preopens?: Readonly<Record<string, string>>;
  /** The filesystem backend (default: a `NodeFilesystem` under Node.js, else an empty `MemoryFilesystem`). */
  fs?: WasiFilesystem;
  /** stdin (default: Node fd 0). */
  stdin?: StdinOption;
  /** stdout (default: Node fd 1). */
  stdout?: StdoutOption;
  /** stderr (default: Node fd 2). */
  stderr?: StdoutOption;
  /** When true (the default), `start` returns the exit code; when false, it exits the process. */
  returnOnExit?: boolean;
  /**
   * The most descriptors open at once (stdio and preopens included); `path_open` past it is EMFILE, so a
   * guest cannot use up the host process's own file descriptors. Default: no limit.
   */
  maxDescriptors?: number;
}

/** WASI preview1 (`wasi_snapshot_preview1`) for wasmts instances. */
export class WASI implements WasiState {
  /** argv. */
  readonly args: readonly string[];
  /** Environment entries as `KEY=value`. */
  readonly env: readonly string[];
  /** The filesystem backend. */
  readonly fs: WasiFilesystem;
  /** The descriptor table. */
  readonly fds = new Map<number, FdEntry>();
  private readonly returnOnExit: boolean;
  /** The most descriptors open at once. */
  readonly maxDescriptors: number;
  /** The memory of the instance given to `start`/`initialize`, used when a caller exports none. */
  memory: Memory | null = null;

  /** Creates the WASI context: preopened directories are checked now. */
  constructor(options: WasiOptions = {}) {
    this.args = [...(options.args ?? [])];
    for (const a of this.args) if (a.includes('\0')) throw new TypeError('WASI args may not contain NUL');
    this.env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`);
    for (const e of this.env) if (e.includes('\0')) throw new TypeError('WASI env may not contain NUL');
    this.returnOnExit = options.returnOnExit ?? true;
    this.maxDescriptors = options.maxDescriptors ?? Number.POSITIVE_INFINITY;
    if (!(this.maxDescriptors >= 0)) throw new RangeError('WASI maxDescriptors must be a number >= 0');
    const hostFs = tryNodeFs();
    this.fs = options.fs ?? (hostFs !== null ? new NodeFilesystem() : new MemoryFilesystem());
    const stream = (s: StdioStream): FdEntry => ({
      filetype: Filetype.CHARACTER_DEVICE,
      rightsBase: RIGHTS_STDIO,
      rightsInheriting: 0n,
      fdflags: 0,
      dir: null,
      file: null,
      position: 0n,
      stream: s,
      preopen: null,
    });
    // Without Node.js the defaults are an empty stdin and the console.
    this.fds.set(0, stream(stdinStream(options.stdin ?? (hostFs !== null ? 0 : ''))));
    this.fds.set(1, stream(stdoutStream(options.stdout ?? (hostFs !== null ? 1 : consoleSink(hostLog('log'))))));
    this.fds.set(2, stream(stdoutStream(options.stderr ?? (hostFs !== null ? 2 : consoleSink(hostLog('error'))))));
    let fd = 3;
    for (const [guest, backendPath] of Object.entries(options.preopens ?? {})) {
      // The Node backend's root is canonical, so symlinks above it do not matter.
      const path =
        hostFs !== null && this.fs instanceof NodeFilesystem ? hostFs.realpathSync(backendPath) : backendPath;
      const st = this.fs.lstat(path);
      if (st.filetype !== Filetype.DIRECTORY) {
        throw new TypeError(`WASI preopen ${JSON.stringify(guest)}: ${backendPath} is not a directory`);
      }
      const root = { path, dev: st.dev, ino: st.ino };
      this.fds.set(
        fd++,
        this.dirEntry({ root, parts: [], dev: st.dev, ino: st.ino }, RIGHTS_DIRECTORY, RIGHTS_ALL, guest),
      );
    }
  }

  /** A directory descriptor entry. */
  dirEntry(dir: DirRef, base: bigint, inheriting: bigint, preopen: string | null = null): FdEntry {
    return {
      filetype: Filetype.DIRECTORY,
      rightsBase: base,
      rightsInheriting: inheriting,
      fdflags: 0,
      dir,
      file: null,
      position: 0n,
      stream: null,
      preopen,
    };
  }

  /** A regular file descriptor entry. */
  fileEntry(file: FileHandle, base: bigint, inheriting: bigint, fdflags: number): FdEntry {
    return {
      filetype: Filetype.REGULAR_FILE,
      rightsBase: base & RIGHTS_FILE,
      rightsInheriting: inheriting,
      fdflags,
      dir: null,
      file,
      position: 0n,
      stream: null,
      preopen: null,
    };
  }

  /** The lowest free descriptor number. */
  allocFd(entry: FdEntry): number {
    if (this.fds.size >= this.maxDescriptors) fail(Errno.EMFILE);
    let fd = 0;
    while (this.fds.has(fd)) fd++;
    if (fd > 0x7fff_ffff) fail(Errno.EMFILE);
    this.fds.set(fd, entry);
    return fd;
  }

  /** Defines every `wasi_snapshot_preview1` import on `linker`. */
  addToLinker<T>(linker: Linker<T>): Linker<T> {
    definePreview1(this, linker);
    return linker;
  }

  /** Runs a command: calls `_start` and returns its exit code (0 when it returns). */
  start(instance: Instance): number {
    const start = instance.getFunc('_start');
    if (start === undefined) throw new TypeError('WASI start: the instance exports no `_start` function');
    this.bind(instance);
    try {
      instance.getTypedFunc('_start').call();
      return 0;
    } catch (e) {
      if (!(e instanceof WasiExit)) throw e;
      if (this.returnOnExit) return e.code;
      (globalThis as { process?: { exit(code: number): never } }).process?.exit(e.code);
      return e.code;
    }
  }

  /** Initializes a reactor: calls `_initialize` if it exports one. */
  initialize(instance: Instance): void {
    this.bind(instance);
    if (instance.getFunc('_initialize') !== undefined) instance.getTypedFunc('_initialize').call();
  }

  private bind(instance: Instance): void {
    const memory = instance.getExport('memory');
    if (!(memory instanceof Memory)) {
      throw new TypeError('WASI: the instance must export its linear memory as `memory`');
    }
    this.memory = memory;
  }
}
