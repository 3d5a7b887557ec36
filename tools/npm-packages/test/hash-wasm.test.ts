// hash-wasm unmodified under node --jitless with wasmts/polyfill gives the same digests as on Node's own
// WebAssembly (this process) and, where Node has the function, as node:crypto.

import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { INPUTS } from '../src/packages/hash-wasm.js';
import { dropIn, native } from './drop-in.js';

it('hash-wasm gives the native answers under node --jitless with the drop-in', async () => {
  const got = dropIn('hash-wasm') as Record<string, string[]>;
  expect(got).toEqual(await native('hash-wasm'));
  const node = (algorithm: string) => INPUTS.map((s) => createHash(algorithm).update(s).digest('hex'));
  expect(got.md5).toEqual(node('md5'));
  expect(got.sha256).toEqual(node('sha256'));
  expect(got.sha3).toEqual(node('sha3-256'));
  expect(got.blake3?.[0]).toBe('af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262'); // BLAKE3("")
});
