// @resvg/resvg-wasm (wasm-bindgen) unmodified under node --jitless with wasmts/polyfill: the same PNG, byte
// for byte, as on Node's own WebAssembly.

import { expect, it } from 'vitest';
import { dropIn, native } from './drop-in.js';

it('@resvg/resvg-wasm renders the native PNG under node --jitless with the drop-in', async () => {
  const got = dropIn('resvg') as { width: number; height: number };
  expect(got).toEqual(await native('resvg'));
  expect([got.width, got.height]).toEqual([400, 320]);
});
