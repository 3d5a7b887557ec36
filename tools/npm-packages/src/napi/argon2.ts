// @node-rs/argon2-wasm32-wasi 2.2.1 (napi-rs, Rust, wasm32-wasip1-threads): Argon2id hashes with a fixed salt
// (deterministic), asynchronously (napi async work on wasi-threads threads, several at once) and synchronously,
// and verification of a good and a bad password.

import { createRequire } from 'node:module';

interface HashOptions {
  salt?: Uint8Array;
  memoryCost?: number;
  timeCost?: number;
  parallelism?: number;
}
interface Argon2 {
  hash(password: string, options?: HashOptions): Promise<string>;
  hashRaw(password: string, options?: HashOptions): Promise<Buffer>;
  hashRawSync(password: string, options?: HashOptions): Buffer;
  verify(hashed: string, password: string): Promise<boolean>;
}

export async function answer(): Promise<Record<string, unknown>> {
  const argon2 = createRequire(import.meta.url)('@node-rs/argon2-wasm32-wasi') as Argon2;
  const salt = Buffer.from('wasmts-napi-salt');
  const options = { salt, memoryCost: 512, timeCost: 1 };
  const raw = await Promise.all(
    ['correct horse battery staple', 'Tr0ub4dor&3', ''].map((p) => argon2.hashRaw(p, { ...options, parallelism: 2 })),
  );
  const encoded = await argon2.hash('correct horse', options);
  return {
    raw: raw.map((b) => b.toString('hex')),
    encoded,
    good: await argon2.verify(encoded, 'correct horse'),
    bad: await argon2.verify(encoded, 'wrong horse'),
    sync: argon2.hashRawSync('x', { salt, memoryCost: 256, timeCost: 1 }).toString('hex'),
  };
}
