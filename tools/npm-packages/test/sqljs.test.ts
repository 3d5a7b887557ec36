// sql.js (SQLite by emscripten) unmodified under node --jitless with wasmts/polyfill: the same query results
// as on Node's own WebAssembly.

import { expect, it } from 'vitest';
import { dropIn, native } from './drop-in.js';

it('sql.js gives the native answers under node --jitless with the drop-in', async () => {
  const got = dropIn('sqljs') as { count: unknown[][] };
  expect(got).toEqual(await native('sqljs'));
  expect(got.count).toEqual([[2000, 99900, 'item-0', 'item-999']]); // 0.1 * (37i mod 1000) over 2,000 rows
});
