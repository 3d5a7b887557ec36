// Random valid modules from binaryen's `wasm-opt --translate-to-fuzz` (Debian `binaryen`): each seed gives
// the same module on every machine with the same wasm-opt (a seeded PRNG makes the input bytes).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Features whose binaryen 108 (Debian) output the host engine of Node 20 runs, so that all three sides can
 * be compared: its reference types predate the final proposal (funcref <: externref, typed references), its
 * SIMD modules import a `log-v128` JS cannot provide, and its exceptions use reference types.
 */
export const NODE20_FEATURES = [
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int',
  '--enable-bulk-memory',
  '--enable-multivalue',
  '--enable-tail-call',
];

/** xorshift32: the input bytes of seed `seed`. */
export function seedBytes(seed: number, n: number): Uint8Array {
  let x = (seed * 2654435761) >>> 0 || 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * The module binaryen makes from seed `seed` (wasm-opt must be on the PATH), with `--denan`: every NaN a float
 * operator makes becomes 0, since the bytes of memory are compared and binaryen's modules store arithmetic NaNs
 * whose payload the spec leaves open (seed 400044: `f64.nearest` of a NaN with a payload, stored; V8 keeps the
 * payload, the JS backend gives the canonical NaN, both allowed).
 */
export function generate(seed: number, size: number, features: readonly string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'wasmts-fuzz-'));
  try {
    const input = join(dir, 'in.dat');
    const output = join(dir, 'out.wasm');
    writeFileSync(input, seedBytes(seed, size));
    execFileSync('wasm-opt', [input, '-ttf', ...features, '--denan', '-o', output], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
