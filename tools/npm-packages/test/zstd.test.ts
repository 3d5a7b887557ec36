// @bokuweb/zstd-wasm unmodified under node --jitless with wasmts/polyfill gives the same frames as on Node's own
// WebAssembly (this process), and each frame decompresses to the input.

import { expect, it } from 'vitest';
import { dropIn, native } from './drop-in.js';

it('zstd-wasm gives the native answers under node --jitless with the drop-in', async () => {
  const got = dropIn('zstd') as { inputBytes: number; out: { size: number; roundTrip: boolean }[] };
  expect(got).toEqual(await native('zstd'));
  expect(got.out.map((o) => o.roundTrip)).toEqual([true, true, true]);
  for (const o of got.out) expect(o.size).toBeLessThan(got.inputBytes / 3);
});
