// What a benchmark program is (src/programs-catalog.ts lists them): its module, its driver, its categories, and
// what a configuration hands the driver (src/programs-configs.ts makes those).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** programs/: the C sources, their modules and binaryen's wasm2js output. */
export const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../programs');

/** What a configuration hands a driver: exported functions by name and the exported memory's current bytes. */
export interface ProgramExports {
  /** The exports as the JS API gives them (functions on raw values, i64 as BigInt; `memory.buffer`). */
  readonly raw: RawExports;
  /** An exported function taking and returning i32s (missing trailing arguments are 0). */
  fn(name: string): (...args: number[]) => number;
  /**
   * The exported `memory`'s bytes (take a new view after a call that may grow it): over the JS API's `buffer`, or
   * on wasmts over its own view (`Memory.data()`; its buffer may be longer than the memory).
   */
  memory(): Uint8Array;
}

/** An import object as the JS API takes one: functions by module and name. */
export type Imports = Record<string, Record<string, unknown>>;
/** An exports object as the JS API gives one. */
export type RawExports = Record<string, unknown>;

/** A program's stdout and arguments (WASI). */
export type { WasiIo } from './mini-wasi.js';

import type { WasiIo } from './mini-wasi.js';

/** What a configuration hands a driver once the module is compiled. */
export interface Session {
  /** The instance every run shares (instantiated on first use, WASI without arguments, `_initialize` called). */
  readonly exports: ProgramExports;
  /** A new instance of its own, with its own WASI (`io`), `_initialize` called if exported. */
  instantiate(io: WasiIo): ProgramExports;
  /** A new instance with exactly these imports (no WASI, no `_initialize`): for a package's own JS glue. */
  instantiateRaw(imports: Imports): RawExports;
  /**
   * A memory for a module that imports one (emscripten's `new WebAssembly.Memory` before instantiation), as the JS
   * API's `WebAssembly.Memory` shows one (`buffer`, `grow`); an instance made with it in its imports uses it.
   */
  newMemory(descriptor: MemoryDescriptor): unknown;
}

/** What `new WebAssembly.Memory` takes (pages of 64 KiB). */
export interface MemoryDescriptor {
  readonly initial: number;
  readonly maximum?: number;
}

/** A host function a module imports besides WASI (e.g. ruby.wasm's JS bridge), or undefined if none. */
export type HostImport = (module: string, name: string) => ((...args: never[]) => unknown) | undefined;

/** One benchmark program. */
export interface Program {
  readonly name: string;
  /** What the program stresses: integer, i64, float, memory, calls, branches, parse, compression, real. */
  readonly kind: string;
  /**
   * The report's categories (CATEGORIES): i64-crypto, simd, interpreter, alloc, calls, kernels; `large` is added
   * by the harness for a module of at least 1 MB (LARGE_BYTES), `real` or `ours` from the origin.
   */
  readonly categories: readonly Category[];
  /** Where the wasm comes from: an npm package (real code as published) or our own C/C++ (programs/src). */
  readonly origin: string;
  /** The size argument for timing (native takes roughly 20-100 ms per run). */
  readonly n: number;
  /** A small size for the smoke test. */
  readonly smokeN: number;
  /**
   * The size for `pnpm bench programs --engine jsc` where `n` would take minutes per run in JavaScriptCore's
   * interpreter (default `n`): the warm-up run and three rounds of both configurations must fit the per-process limit.
   */
  readonly jscN?: number;
  /** The module's bytes. */
  readonly wasm: () => Uint8Array;
  /** binaryen's wasm2js output (an ES module), or why there is none. */
  readonly wasm2js: { file: string } | { unavailable: string };
  /** Imports other than `wasi_snapshot_preview1` (every configuration provides WASI). */
  readonly hostImports?: HostImport;
  /** False where a WASI instance cannot be made on its own (glue programs: instantiation is in the first call). */
  readonly timeInstantiation?: boolean;
  /** At least this many timed rounds, whatever the time budget (default 3). */
  readonly minRounds?: number;
  /** Once per session, before its first run (a package's glue loading over the instance), awaited. */
  readonly init?: (session: Session) => Promise<void>;
  /** Untimed work before each run (ruby: a fresh instance); what it returns is handed to `run`. */
  readonly prepare?: (session: Session) => unknown;
  /** Runs the program once at size `n` and returns its checksum (`prepared`: what `prepare` returned). */
  readonly run: (session: Session, n: number, prepared?: unknown) => string;
}

/** The categories of the per-category geomeans, in report order. */
export const CATEGORIES = [
  'i64-crypto',
  'simd',
  'large',
  'interpreter',
  'alloc',
  'calls',
  'kernels',
  'real',
  'ours',
] as const;
export type Category = (typeof CATEGORIES)[number];
/** A module of at least this many bytes is in the `large` category. */
export const LARGE_BYTES = 1_000_000;

/** Whether a program is real code as published (a module from an npm package), not our own C/C++. */
export const isReal = (program: Program) => program.origin.startsWith('npm ');

/**
 * A program's categories: its own, `large` where its module is, and `real` (a module from npm) or `ours` (our
 * C/C++), derived from its origin.
 */
export function categoriesOf(program: Program, bytes: number): Category[] {
  const list: Category[] = program.categories.filter((c) => c !== 'real' && c !== 'ours');
  if (bytes >= LARGE_BYTES && !list.includes('large')) list.push('large');
  list.push(isReal(program) ? 'real' : 'ours');
  return list;
}

export function wasm2jsOf(name: string): Program['wasm2js'] {
  const file = resolve(programsDir, 'wasm2js', `${name}.mjs`);
  try {
    readFileSync(file, { flag: 'r' }).subarray(0, 1);
    return { file };
  } catch {
    let reason = 'no wasm2js output (run programs/build.sh)';
    try {
      reason = `wasm2js failed: ${
        readFileSync(resolve(programsDir, 'wasm2js', `${name}.error`), 'utf8')
          .trim()
          .split('\n')[0]
      }`;
    } catch {}
    return { unavailable: reason };
  }
}
