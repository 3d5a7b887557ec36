// esbuild (Go 1.x, the official compiler's js/wasm port, 14 MB): the `esbuild` command minifying a JavaScript file
// read from stdin, driven by Go's own wasm_exec.js (as esbuild-wasm ships it) over a file system of our own that
// answers synchronously (stdin from memory, stdout and stderr collected), so that a run finishes before `go.run`
// returns. Each run gets a fresh instance (a Go program runs once and exits), made before the clock starts.
import { readFileSync } from 'node:fs';
import type { Program, RawExports, Session } from './program.js';
import { fnv, javascriptSource, packageFile } from './programs-npm.js';

type GoFs = Record<string, unknown>;
interface Go {
  argv: string[];
  env: Record<string, string>;
  importObject: Record<string, Record<string, unknown>>;
  exited: boolean;
  run(instance: GoInstance): Promise<void>;
}

/** What Go.run is given: any configuration's exports, as an instance. */
class GoInstance {
  constructor(readonly exports: RawExports) {}
}

const enosys = () => Object.assign(new Error('not implemented'), { code: 'ENOSYS' });
const callback = (args: unknown[]) => args[args.length - 1] as (error: unknown, result?: unknown) => void;

/** Go's wasm_exec.js evaluated against a global object of our own: its `fs`, `process` and `globalThis`. */
function newGo(stdin: Uint8Array, stdout: Uint8Array[], stderr: Uint8Array[]): Go {
  let read = 0;
  const fs: GoFs = {
    constants: { O_WRONLY: -1, O_RDWR: -1, O_CREAT: -1, O_TRUNC: -1, O_APPEND: -1, O_EXCL: -1, O_DIRECTORY: -1 },
    writeSync(fd: number, buf: Uint8Array) {
      (fd === 1 ? stdout : stderr).push(buf.slice());
      return buf.length;
    },
    write(
      fd: number,
      buf: Uint8Array,
      offset: number,
      length: number,
      _position: unknown,
      cb: (...a: unknown[]) => void,
    ) {
      cb(null, (fs.writeSync as (fd: number, b: Uint8Array) => number)(fd, buf.subarray(offset, offset + length)));
    },
    read(
      fd: number,
      buffer: Uint8Array,
      offset: number,
      length: number,
      _position: unknown,
      cb: (...a: unknown[]) => void,
    ) {
      if (fd !== 0) return cb(enosys());
      const n = Math.min(length, stdin.length - read);
      buffer.set(stdin.subarray(read, read + n), offset);
      read += n;
      cb(null, n);
    },
    fstat(fd: number, cb: (...a: unknown[]) => void) {
      if (fd > 2) return cb(enosys());
      // a pipe (S_IFIFO) for each standard descriptor
      const times = { atimeMs: 0, mtimeMs: 0, ctimeMs: 0 };
      cb(null, {
        dev: 0,
        ino: 0,
        mode: 0o10666,
        nlink: 1,
        uid: 0,
        gid: 0,
        rdev: 0,
        size: 0,
        blksize: 4096,
        blocks: 0,
        ...times,
      });
    },
    fsync: (_fd: number, cb: (...a: unknown[]) => void) => cb(null),
  };
  for (const name of 'chmod chown close fchmod fchown ftruncate lchown link lstat mkdir open readdir readlink rename rmdir stat symlink truncate unlink utimes'.split(
    ' ',
  ))
    fs[name] = (...args: unknown[]) => callback(args)(enosys());
  const process = {
    getuid: () => -1,
    getgid: () => -1,
    geteuid: () => -1,
    getegid: () => -1,
    getgroups: () => {
      throw enosys();
    },
    pid: -1,
    ppid: -1,
    umask: () => {
      throw enosys();
    },
    cwd: () => '/',
    chdir: () => {
      throw enosys();
    },
  };
  const global: Record<string, unknown> = {
    fs,
    process,
    path: { resolve: (...parts: string[]) => parts.join('/') },
    crypto: globalThis.crypto,
    performance,
    TextEncoder,
    TextDecoder,
    Date,
    Object,
    Array,
    Uint8Array,
    Error,
    console,
    setTimeout,
    clearTimeout,
  };
  global.globalThis = global;
  // Go.run checks `instance instanceof WebAssembly.Instance`: the instance it gets is a GoInstance
  new Function('globalThis', 'fs', 'process', 'WebAssembly', wasmExec())(global, fs, process, { Instance: GoInstance });
  return new (global.Go as new () => Go)();
}

let wasmExecSource: string | undefined;
const wasmExec = () => {
  wasmExecSource ??= readFileSync(packageFile('esbuild-wasm/wasm_exec.js'), 'utf8');
  return wasmExecSource;
};

/** A fresh esbuild process: its Go runtime, its instance, its input and outputs. */
interface GoRun {
  go: Go;
  exports: RawExports;
  stdout: Uint8Array[];
  stderr: Uint8Array[];
}

function prepareEsbuild(session: Session, input: Uint8Array): GoRun {
  const stdout: Uint8Array[] = [];
  const stderr: Uint8Array[] = [];
  const go = newGo(input, stdout, stderr);
  go.argv = ['esbuild', '--minify', '--loader=js'];
  go.env = {};
  return { go, exports: session.instantiateRaw(go.importObject), stdout, stderr };
}

/** Runs a prepared esbuild to its exit; returns what it wrote on stdout. Throws if it wrote errors or did not exit. */
export function runEsbuild({ go, exports, stdout, stderr }: GoRun): string {
  go.run(new GoInstance(exports)).catch(() => {}); // failures show as `exited` false or as stderr, below
  if (!go.exited) throw new Error('esbuild did not exit synchronously (it waited on something, or Go.run failed)');
  const errors = Buffer.concat(stderr).toString();
  if (errors) throw new Error(`esbuild: ${errors.slice(0, 300)}`);
  return Buffer.concat(stdout).toString();
}

let input: Uint8Array | undefined;
const esbuildInput = () => {
  input ??= Buffer.from(javascriptSource());
  return input;
};
let bytes: Uint8Array | undefined;

/** esbuild as a benchmark program: each run minifies the 100 KB file once, on a fresh instance. */
export const esbuild: Program = {
  name: 'esbuild',
  kind: 'JS bundler/minifier (Go)',
  categories: [],
  origin: 'npm esbuild-wasm',
  n: 1,
  smokeN: 1,
  wasm: () => {
    bytes ??= new Uint8Array(readFileSync(packageFile('esbuild-wasm/esbuild.wasm')));
    return bytes;
  },
  wasm2js: { unavailable: 'no wasm2js output (14 MB; binaryen not run on it)' },
  timeInstantiation: false,
  minRounds: 3,
  prepare: (session) => prepareEsbuild(session, esbuildInput()),
  run: (session, _n, prepared) => {
    const out = runEsbuild((prepared as GoRun | undefined) ?? prepareEsbuild(session, esbuildInput()));
    return `${out.length}:${fnv(Buffer.from(out))}`;
  },
};
