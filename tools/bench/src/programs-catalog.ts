// The program benchmarks: C programs compiled to wasm32 or wasm32-wasi (programs/src, built by programs/build.sh) and
// real modules from npm (hash-wasm's, ruby.wasm), each with a driver that runs it on any configuration's session
// and returns a checksum.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { type Category, type Program, type ProgramExports, programsDir, wasm2jsOf } from './program.js';
import { esbuild } from './programs-go.js';
import { npmPrograms } from './programs-npm.js';
import { realPrograms } from './programs-real.js';
import { makeRubyProgram } from './programs-ruby.js';

const require = createRequire(import.meta.url);

export * from './program.js';

function cProgram(
  name: string,
  kind: string,
  n: number,
  smokeN: number,
  categories: Category[] = ['kernels'],
  jscN?: number,
): Program {
  return {
    name,
    kind,
    categories,
    origin: 'C (ours)',
    n,
    smokeN,
    jscN,
    wasm: () => new Uint8Array(readFileSync(resolve(programsDir, 'wasm', `${name}.wasm`))),
    wasm2js: wasm2jsOf(name),
    run: (session, size) => String(session.exports.fn('run')(size) >>> 0),
  };
}

/** The C programs (programs/src/*.c; branchy, json and interp are wasm32-wasi reactors). */
export const cPrograms: readonly Program[] = [
  cProgram('sieve', 'integer', 10, 1),
  cProgram('matmul', 'integer', 15, 1),
  cProgram('xxhash64', 'i64', 5000, 3, ['kernels'], 100),
  cProgram('bignum', 'i64', 100, 2, ['kernels', 'i64-crypto'], 2),
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
  cProgram('siphash', 'crypto (i64) -O3', 100, 1, ['i64-crypto'], 4),
  cProgram('poly1305', 'crypto (i64 products) -O3', 12, 1, ['i64-crypto'], 1),
  cProgram('x25519', 'crypto (i64, u128 via __multi3) -O2', 40, 5, ['i64-crypto', 'calls'], 3),
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

/**
 * The SIMD programs of programs/simd (clang -O3 -msimd128, built by programs/simd/build.sh; also run on their own
 * by src/simd.ts). Their gemm is named `simd-gemm-rows` here (programs/src/simd-gemm.c is another one).
 */
function simdDirProgram(file: string, name: string, kind: string, n: number): Program {
  return {
    name,
    kind,
    categories: ['simd'],
    origin: 'C (ours)',
    n,
    smokeN: 1,
    wasm: () => new Uint8Array(readFileSync(resolve(programsDir, 'simd', `${file}.wasm`))),
    wasm2js: { unavailable: 'wasm2js has no SIMD (binaryen 108 fails on every -msimd128 module here)' },
    run: (session, size) => String(session.exports.fn('run')(size) >>> 0),
  };
}

/** programs/simd's programs (sizes as src/simd.ts has them: native roughly 20-60 ms). */
export const simdDirPrograms: readonly Program[] = [
  simdDirProgram('simd-blake3', 'simd-blake3', 'SIMD BLAKE3 compression (i32x4 rows) -O3', 100),
  simdDirProgram('simd-gemm', 'simd-gemm-rows', 'SIMD i16 GEMM (dot_i16x8) -O3', 1500),
  simdDirProgram('simd-bytes', 'simd-bytes', 'autovectorised u8x16 loops -O3', 40),
  simdDirProgram('simd-f32', 'simd-f32', 'f32x4 vertex transform, autovectorised -O3', 20),
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
  hashWasmProgram('md5', 'real (i32)', [], 4 << 20, { initArg: 0, finalArg: 0, digestSize: 16 }),
  hashWasmProgram('sha1', 'real (i32)', [], 4 << 20, { initArg: 0, finalArg: 0, digestSize: 20 }),
  hashWasmProgram('ripemd160', 'real (i32)', [], 4 << 20, { initArg: 0, finalArg: 0, digestSize: 20 }),
  hashWasmProgram('sm3', 'real (i32)', [], 2 << 20, { initArg: 0, finalArg: 0, digestSize: 32 }),
  hashWasmProgram('blake2s', 'real (i32)', [], 8 << 20, { initArg: 256, finalArg: 0, digestSize: 32 }),
  hashWasmProgram('xxhash3', 'real (i64)', [], 16 << 20, (exports) => ({
    initArg: 0,
    finalArg: 0,
    digestSize: 8,
    before: (buffer) => exports.memory().fill(0, buffer, buffer + 8),
  })),
];

/** ruby.wasm from @ruby/3.4-wasm-wasi running a short script (src/programs-ruby.ts). */
export const rubyProgram: Program = makeRubyProgram(wasm2jsOf('ruby'));

/** Every program, in table order. */
export const programs: readonly Program[] = [
  ...cPrograms,
  ...simdDirPrograms,
  ...hashWasmPrograms,
  rubyProgram,
  ...npmPrograms,
  ...realPrograms,
  esbuild,
];
