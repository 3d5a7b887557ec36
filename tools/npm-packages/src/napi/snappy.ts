// @napi-rs/snappy-wasm32-wasi 7.4.3 (napi-rs, Rust, wasm32-wasip1-threads): compresses and decompresses text,
// synchronously (on the main thread) and asynchronously (napi async work: a wasi-threads thread of emnapi's pool).

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

interface Snappy {
  compressSync(input: Buffer | string): Buffer;
  uncompressSync(input: Buffer): Buffer;
  compress(input: Buffer | string): Promise<Buffer>;
  uncompress(input: Buffer): Promise<Buffer>;
}

const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The input: 48 KB of text with repeats (compressible) and a counter (not only repeats). */
export function input(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < 1200; i++) lines.push(`line ${i}: the quick brown fox jumps over the lazy dog ${i * 7919}`);
  return Buffer.from(lines.join('\n'));
}

export async function answer(): Promise<Record<string, unknown>> {
  const snappy = createRequire(import.meta.url)('@napi-rs/snappy-wasm32-wasi') as Snappy;
  const data = input();
  const sync = snappy.compressSync(data);
  const [a, b] = await Promise.all([snappy.compress(data), snappy.compress(data.subarray(0, 1000))]);
  const back = await snappy.uncompress(a);
  return {
    inputBytes: data.length,
    syncBytes: sync.length,
    syncDigest: digest(sync),
    asyncBytes: [a.length, b.length],
    asyncDigest: digest(a),
    roundTrip: snappy.uncompressSync(sync).equals(data) && back.equals(data),
  };
}
