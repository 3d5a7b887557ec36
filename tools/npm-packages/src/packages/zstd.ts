// @bokuweb/zstd-wasm 0.0.27 (Facebook's zstd in C, emscripten; `init()` instantiates its wasm with
// WebAssembly.instantiate): compresses text at three levels and decompresses it again.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** About 64 KB of text with repeats at several distances (what a compressor's match finder works on). */
export function input(): Uint8Array {
  const words = ['zstd', 'wasm', 'jitless', 'frame', 'block', 'window', 'huffman', 'entropy', 'match', 'literal'];
  const parts: string[] = [];
  let seed = 2024;
  for (let i = 0; i < 9_000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    parts.push(words[(seed >>> 16) % words.length] ?? '', String(seed % 251));
  }
  return new TextEncoder().encode(parts.join(' '));
}

let initialized: Promise<void> | undefined;

/** Per level: the compressed size and digest, and whether decompressing gives the input back. */
export async function answer(): Promise<unknown> {
  const zstd = require('@bokuweb/zstd-wasm') as {
    init(): Promise<void>;
    compress(b: Uint8Array, level?: number): Uint8Array;
    decompress(b: Uint8Array): Uint8Array;
  };
  // once per process: a second `init()` instantiates the module again and its first compress fails (also natively)
  initialized ??= zstd.init();
  await initialized;
  const data = input();
  const out: unknown[] = [];
  for (const level of [1, 3, 12]) {
    const packed = zstd.compress(data, level);
    const back = zstd.decompress(packed);
    out.push({
      level,
      size: packed.length,
      sha256: createHash('sha256').update(packed).digest('hex'),
      roundTrip: Buffer.compare(Buffer.from(back), Buffer.from(data)) === 0,
    });
  }
  return { inputBytes: data.length, out };
}
