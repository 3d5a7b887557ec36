// brotli-wasm 3.0.1 (Rust brotli through wasm-bindgen): compresses text at three qualities and
// decompresses it again; the answer is the compressed sizes and digests and the round trip.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';

const require = createRequire(import.meta.url);

function input(): Uint8Array {
  const words = ['wasm', 'jitless', 'brotli', 'polyfill', 'store', 'fuel', 'epoch', 'memory', 'table', 'global'];
  const parts: string[] = [];
  let seed = 12345;
  for (let i = 0; i < 4_000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    parts.push(words[(seed >>> 16) % words.length] ?? '', String(seed % 97));
  }
  return new TextEncoder().encode(parts.join(' '));
}

/** Per quality: the compressed size and digest, and whether brotli-wasm and node:zlib both decompress it back. */
export async function answer(): Promise<unknown> {
  const brotli = require('brotli-wasm') as {
    compress(b: Uint8Array, o?: { quality?: number }): Uint8Array;
    decompress(b: Uint8Array): Uint8Array;
  };
  const data = input();
  const out: unknown[] = [];
  for (const quality of [1, 6, 9]) {
    const packed = brotli.compress(data, { quality });
    const back = brotli.decompress(packed);
    out.push({
      quality,
      size: packed.length,
      sha256: createHash('sha256').update(packed).digest('hex'),
      roundTrip: Buffer.compare(Buffer.from(back), Buffer.from(data)) === 0,
      zlibReads: Buffer.compare(brotliDecompressSync(packed), Buffer.from(data)) === 0,
    });
  }
  return { inputBytes: data.length, out };
}
