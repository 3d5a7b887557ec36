// brotli-wasm (wasm-bindgen) unmodified under node --jitless with wasmts/polyfill: the same compressed
// bytes as on Node's own WebAssembly, which node:zlib decompresses back to the input.

import { expect, it } from 'vitest';
import { dropIn, native } from './drop-in.js';

it('brotli-wasm gives the native compressed bytes under node --jitless with the drop-in', async () => {
  const got = dropIn('brotli') as { out: { roundTrip: boolean; zlibReads: boolean }[] };
  expect(got).toEqual(await native('brotli'));
  for (const q of got.out) expect([q.roundTrip, q.zlibReads]).toEqual([true, true]);
});
