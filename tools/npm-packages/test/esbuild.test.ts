// esbuild-wasm (Go, 14 MB of wasm) unmodified under node --jitless with wasmts/polyfill: the same output
// code as on Node's own WebAssembly; the bundle, run, prints 42.

import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { dropIn, native } from './drop-in.js';

it('esbuild-wasm gives the native output under node --jitless with the drop-in', { timeout: 600_000 }, async () => {
  const got = dropIn('esbuild') as { bundled: string };
  expect(got).toEqual(await native('esbuild'));
  const printed: unknown[] = [];
  runInNewContext(got.bundled, { console: { log: (x: unknown) => printed.push(x) } });
  expect(printed).toEqual([42]);
});
