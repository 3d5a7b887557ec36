// The program benchmarks: C programs compiled to wasm32 or wasm32-wasi (programs/src, built by programs/build.sh) and
// real modules from npm (hash-wasm's, ruby.wasm), each with a driver that runs it on any configuration's session
// and returns a checksum.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WasiIo } from './mini-wasi.js';
import { makeRubyProgram } from './programs-ruby.js';

const require = createRequire(import.meta.url);
const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../programs');

/** What a configuration hands a driver: exported functions by name and the exported memory's current bytes. */
export interface ProgramExports {
  /** The exports as the JS API gives them (functions on raw values, i64 as BigInt; `memory.buffer`). */
  readonly raw: RawExports;
  /** An exported function taking and returning i32s (missing trailing arguments are 0). */
  fn(name: string): (...args: number[]) => number;
  /** The exported `memory`, over its current buffer (take a new one after a call that may grow it). */
  memory(): Uint8Array;
}

/** An import object as the JS API takes one: functions by module and name. */
export type Imports = Record<string, Record<string, unknown>>;
/** An exports object as the JS API gives one. */
export type RawExports = Record<string, unknown>;

/** A program's stdout and arguments (WASI). */
export type { WasiIo } from './mini-wasi.js';

/** What a configuration hands a driver once the module is compiled. */
export interface Session {
  /** The instance every run shares (instantiated on first use, WASI without arguments, `_initialize` called). */
  readonly exports: ProgramExports;
  /** A new instance of its own, with its own WASI (`io`), `_initialize` called if exported. */
  instantiate(io: WasiIo): ProgramExports;
  /** A new instance with exactly these imports (no WASI, no `_initialize`): for a package's own JS glue. */
  instantiateRaw(imports: Imports): RawExports;
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
   * by the harness for a module of at least 1 MB (LARGE_BYTES).
   */
  readonly categories: readonly Category[];
  /** Where the wasm comes from: an npm package (real code as published) or our own C/C++ (programs/src). */
  readonly origin: string;
  /** The size argument for timing (native takes roughly 20-100 ms per run). */
  readonly n: number;
  /** A small size for the smoke test. */
  readonly smokeN: number;
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
  /** Untimed work before each run (ruby: a fresh instance); what it returns is handed to `run`. */
  readonly prepare?: (session: Session) => unknown;
  /** Runs the program once at size `n` and returns its checksum (`prepared`: what `prepare` returned). */
  readonly run: (session: Session, n: number, prepared?: unknown) => string;
}

/** The categories of the per-category geomeans, in report order. */
export const CATEGORIES = ['i64-crypto', 'simd', 'large', 'interpreter', 'alloc', 'calls', 'kernels'] as const;
export type Category = (typeof CATEGORIES)[number];
/** A module of at least this many bytes is in the `large` category. */
export const LARGE_BYTES = 1_000_000;

/** A program's categories, `large` included where its module is. */
export function categoriesOf(program: Program, bytes: number): Category[] {
  const list = [...program.categories];
  if (bytes >= LARGE_BYTES && !list.includes('large')) list.push('large');
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

function cProgram(
  name: string,
  kind: string,
  n: number,
  smokeN: number,
  categories: Category[] = ['kernels'],
): Program {
  return {
    name,
    kind,
    categories,
    origin: 'C (ours)',
    n,
    smokeN,
    wasm: () => new Uint8Array(readFileSync(resolve(programsDir, 'wasm', `${name}.wasm`))),
    wasm2js: wasm2jsOf(name),
    run: (session, size) => String(session.exports.fn('run')(size) >>> 0),
  };
}

/** The C programs (programs/src/*.c; branchy, json and interp are wasm32-wasi reactors). */
export const cPrograms: readonly Program[] = [
  cProgram('sieve', 'integer', 10, 1),
  cProgram('matmul', 'integer', 15, 1),
  cProgram('xxhash64', 'i64', 5000, 3),
  cProgram('bignum', 'i64', 100, 2, ['kernels', 'i64-crypto']),
  cProgram('nbody', 'float', 500_000, 1000),
  cProgram('mandelbrot', 'float', 300, 20),
  cProgram('spectralnorm', 'float', 700, 30),
  cProgram('quicksort', 'memory', 500_000, 2000),
  cProgram('memmove', 'memory', 25_000, 50),
  cProgram('fib', 'calls', 34, 15, ['kernels', 'calls']),
  cProgram('indirect', 'calls', 200_000, 1000, ['kernels', 'calls']),
  cProgram('interp', 'interpreter', 15_000, 300, ['kernels', 'interpreter']),
  cProgram('branchy', 'branches', 20, 1),
  cProgram('json', 'parse', 15, 1),
  cProgram('crc32', 'compression', 10, 1),
  cProgram('lz77', 'compression', 8, 1),
  // i64-heavy crypto and hashes (our own C from the specifications; known answers in test/programs.test.ts)
  cProgram('chacha20', 'crypto (i32) -O3', 4, 1, ['i64-crypto']),
  cProgram('salsa20', 'crypto (i32, i64 counter) -O2', 5, 1, ['i64-crypto']),
  cProgram('siphash', 'crypto (i64) -O3', 100, 1, ['i64-crypto']),
  cProgram('poly1305', 'crypto (i64 products) -O3', 12, 1, ['i64-crypto']),
  cProgram('x25519', 'crypto (i64, u128 via __multi3) -O2', 40, 5, ['i64-crypto', 'calls']),
  cProgram('blake3', 'crypto (i32) -O3', 3, 1, ['i64-crypto']),
  // SIMD: wasm_simd128.h intrinsics and -O3 -msimd128 autovectorised loops
  cProgram('simd-chacha20', 'SIMD intrinsics -O3', 6, 1, ['simd', 'i64-crypto']),
  cProgram('simd-gemm', 'SIMD intrinsics (i16 dot) -O3', 16, 1, ['simd']),
  cProgram('simd-mandelbrot', 'SIMD intrinsics (f32x4) -O2', 800, 40, ['simd']),
  cProgram('simd-scan', 'SIMD intrinsics (swizzle, bitmask) -O2', 20, 1, ['simd']),
  cProgram('autovec-f32', 'autovectorised f32 -O3', 30, 1, ['simd']),
  cProgram('autovec-u8', 'autovectorised u8 -O3', 4, 1, ['simd']),
  // allocation and calls (wasm32-wasi reactors: wasi-libc's malloc, qsort, bsearch)
  cProgram('alloc-trees', 'malloc/free churn, binary trees', 10, 1, ['alloc']),
  cProgram('cpp-virtual', 'C++ virtual calls, new/delete', 4, 1, ['calls', 'alloc']),
  cProgram('callbacks', 'qsort/bsearch callbacks, recursion', 1, 1, ['calls']),
];

/** The wasm modules embedded (base64) in hash-wasm's JS, by hash-wasm's name for them. */
export function hashWasmModule(name: string): Uint8Array {
  const js = readFileSync(require.resolve('hash-wasm/dist/index.esm.js'), 'utf8');
  const re = new RegExp(`var name(\\$\\w*)? = "${name}";\\s*var data\\$?\\w* = "(AGFzbQ[A-Za-z0-9+/=]+)"`);
  const match = re.exec(js);
  if (!match) throw new Error(`hash-wasm module ${name} not found in hash-wasm/dist/index.esm.js`);
  return new Uint8Array(Buffer.from(match[2], 'base64'));
}

/** hash-wasm's I/O buffer size (MAX_HEAP in its JS): input goes in by chunks of at most this. */
const HASH_WASM_CHUNK = 16 * 1024;

/** The fixed input the hash-wasm programs digest (deterministic bytes). */
export function hashInput(length: number): Uint8Array {
  const data = new Uint8Array(length);
  let s = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    data[i] = s & 0xff;
  }
  return data;
}

/**
 * Drives a hash-wasm module as hash-wasm's own WASMInterface does: `before` (e.g. writing a seed), Hash_Init(initArg),
 * the input copied into the buffer at Hash_GetBuffer() by chunks with Hash_Update(length), Hash_Final(finalArg), then
 * the digest read from the buffer. Returns the digest in hex, as hash-wasm prints it.
 */
function driveHashWasm(
  exports: ProgramExports,
  data: Uint8Array,
  options: { initArg: number; finalArg: number; digestSize: number; before?: (buffer: number) => void },
): string {
  const buffer = exports.fn('Hash_GetBuffer')();
  options.before?.(buffer);
  exports.fn('Hash_Init')(options.initArg);
  const update = exports.fn('Hash_Update');
  for (let read = 0; read < data.length; read += HASH_WASM_CHUNK) {
    const chunk = data.subarray(read, read + HASH_WASM_CHUNK);
    exports.memory().set(chunk, buffer);
    update(chunk.length);
  }
  exports.fn('Hash_Final')(options.finalArg);
  return Buffer.from(exports.memory().subarray(buffer, buffer + options.digestSize)).toString('hex');
}

const inputs = new Map<number, Uint8Array>();
function cachedInput(length: number): Uint8Array {
  let data = inputs.get(length);
  if (!data) inputs.set(length, (data = hashInput(length)));
  return data;
}

function hashWasmProgram(
  name: string,
  kind: string,
  categories: Category[],
  n: number,
  options: Parameters<typeof driveHashWasm>[2] | ((exports: ProgramExports) => Parameters<typeof driveHashWasm>[2]),
): Program {
  return {
    name: `hash-wasm ${name}`,
    kind,
    categories,
    origin: 'npm hash-wasm',
    n,
    smokeN: 40_000,
    wasm: () => hashWasmModule(name),
    wasm2js: wasm2jsOf(`hash-wasm-${name}`),
    run: ({ exports }, size) =>
      driveHashWasm(exports, cachedInput(size), typeof options === 'function' ? options(exports) : options),
  };
}

/** The real modules from npm: hash-wasm's SHA-256, BLAKE3 and xxHash64 (n is the input size in bytes). */
export const hashWasmPrograms: readonly Program[] = [
  hashWasmProgram('sha256', 'real (i32)', [], 8 << 20, { initArg: 256, finalArg: 0, digestSize: 32 }),
  hashWasmProgram('blake3', 'real (i32)', ['i64-crypto'], 24 << 20, { initArg: 0, finalArg: 32, digestSize: 32 }),
  hashWasmProgram('xxhash64', 'real (i64)', [], 128 << 20, (exports) => ({
    initArg: 0,
    finalArg: 0,
    digestSize: 8,
    // seed 0 (8 bytes, as hash-wasm's writeSeed) before Hash_Init
    before: (buffer) => exports.memory().fill(0, buffer, buffer + 8),
  })),
  // SHA3-256: Hash_Final's argument is the padding byte (0x06 for SHA-3, 0x01 for Keccak)
  hashWasmProgram('sha3', 'real (i64)', ['i64-crypto'], 4 << 20, { initArg: 256, finalArg: 6, digestSize: 32 }),
  hashWasmProgram('sha512', 'real (i64)', ['i64-crypto'], 4 << 20, { initArg: 512, finalArg: 0, digestSize: 64 }),
  hashWasmProgram('blake2b', 'real (i64)', ['i64-crypto'], 8 << 20, { initArg: 512, finalArg: 0, digestSize: 64 }),
  hashWasmProgram('whirlpool', 'real (i64)', ['i64-crypto'], 1 << 20, { initArg: 0, finalArg: 0, digestSize: 64 }),
  hashWasmProgram('xxhash128', 'real (i64)', [], 32 << 20, (exports) => ({
    initArg: 0,
    finalArg: 0,
    digestSize: 16,
    before: (buffer) => exports.memory().fill(0, buffer, buffer + 8),
  })),
];

/** ruby.wasm from @ruby/3.4-wasm-wasi running a short script (src/programs-ruby.ts). */
export const rubyProgram: Program = makeRubyProgram(wasm2jsOf('ruby'));

/** Every program, in table order. */
export const programs: readonly Program[] = [...cPrograms, ...hashWasmPrograms, rubyProgram];
