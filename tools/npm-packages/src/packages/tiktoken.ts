// tiktoken 1.0.22 (Rust BPE tokenizer through wasm-bindgen, nodejs target: compiles its 5.6 MB module
// synchronously at load): cl100k_base token ids of a few texts, and a round trip.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const TEXTS = [
  'Hello, world! WebAssembly runs everywhere.',
  'Ünïcödé テキスト と 絵文字 🎉🚀, and some code: fn main() { println!("{}", 1 + 2); }',
  'The quick brown fox jumps over the lazy dog. '.repeat(50),
];

/** The token ids of each text under cl100k_base (GPT-4's), and whether decoding gives the text back. */
export async function answer(): Promise<unknown> {
  const { get_encoding } = require('tiktoken') as typeof import('tiktoken');
  const out: Record<string, unknown> = {};
  for (const name of ['cl100k_base'] as const) {
    const enc = get_encoding(name);
    const ids = TEXTS.map((t) => [...enc.encode(t)]);
    const roundTrip = TEXTS.every((t, i) => new TextDecoder().decode(enc.decode(new Uint32Array(ids[i] ?? []))) === t);
    enc.free();
    out[name] = { counts: ids.map((a) => a.length), first: ids.map((a) => a.slice(0, 12)), roundTrip };
  }
  return out;
}
