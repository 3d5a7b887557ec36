// hash-wasm (hand-written wasm hash functions, which load themselves with WebAssembly.instantiate from
// bytes inlined in the package): digests of a few inputs.

import { blake3, md5, sha3, sha256, xxhash64 } from 'hash-wasm';

/** The inputs every run hashes. */
export const INPUTS = ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'x'.repeat(100_000)];

/** Each function's digest of each input. */
export async function answer(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = { md5: [], sha256: [], sha3: [], blake3: [], xxhash64: [] };
  for (const s of INPUTS) {
    out.md5.push(await md5(s));
    out.sha256.push(await sha256(s));
    out.sha3.push(await sha3(s, 256));
    out.blake3.push(await blake3(s));
    out.xxhash64.push(await xxhash64(s));
  }
  return out;
}
