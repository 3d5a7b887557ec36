// @silvia-odwyer/photon-node (wasm-bindgen image codec and filters) unmodified under node --jitless with
// wasmts/polyfill: the same pixels, PNG and JPEG as on Node's own WebAssembly.

import { expect, it } from 'vitest';
import { dropIn, native } from './drop-in.js';

it('photon-node gives the native images under node --jitless with the drop-in', async () => {
  const got = dropIn('photon') as { decoded: unknown[] };
  expect(got).toEqual(await native('photon'));
  expect(got.decoded.slice(0, 2)).toEqual([96, 64]);
});
