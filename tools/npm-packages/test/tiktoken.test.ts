// tiktoken (wasm-bindgen, nodejs target) unmodified under node --jitless with wasmts/polyfill: the same
// token ids as on Node's own WebAssembly.

import { expect, it } from 'vitest';
import { dropIn, native } from './drop-in.js';

it('tiktoken gives the native token ids under node --jitless with the drop-in', async () => {
  const got = dropIn('tiktoken') as { cl100k_base: { first: number[][]; roundTrip: boolean } };
  expect(got).toEqual(await native('tiktoken'));
  expect(got.cl100k_base.first[0]).toEqual([9906, 11, 1917, 0, 5000, 26876, 8640, 17277, 13]); // "Hello, world! ..."
  expect(got.cl100k_base.roundTrip).toBe(true);
});
