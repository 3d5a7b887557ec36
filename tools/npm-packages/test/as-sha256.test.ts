// @chainsafe/as-sha256 (AssemblyScript, its SIMD build) unmodified under node --jitless with wasmts/polyfill:
// the native digests, which are node:crypto's.

import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { dropIn, native } from './drop-in.js';

it('@chainsafe/as-sha256 gives the native digests under node --jitless with the drop-in', async () => {
  const got = dropIn('as-sha256') as { simd: boolean; digests: string[] };
  expect(got).toEqual(await native('as-sha256'));
  expect(got.simd).toBe(true); // the drop-in validates and runs the SIMD build
  const sizes = [0, 3, 64, 1000, 100_000, 1 << 20];
  const expected = sizes.map((n) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff;
    return createHash('sha256').update(b).digest('hex');
  });
  expect(got.digests).toEqual(expected);
});
