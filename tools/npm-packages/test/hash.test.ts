// hash-wasm unmodified under node --jitless with wasmts/polyfill gives the same digests as on Node's own
// WebAssembly (this process) and, where Node has the function, as node:crypto.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { digests, INPUTS } from '../src/hash.js';

it('hash-wasm gives the native answers under node --jitless with the drop-in', async () => {
  const out = execFileSync(
    process.execPath,
    [
      '--jitless',
      '--no-warnings',
      '--conditions=source',
      '--import',
      'tsx',
      join(import.meta.dirname, '..', 'src', 'run-hash.ts'),
    ],
    { encoding: 'utf8' },
  );
  const dropIn = JSON.parse(out) as Record<string, string[]>;
  const native = await digests();
  expect(dropIn).toEqual(native);
  const node = (algorithm: string) => INPUTS.map((s) => createHash(algorithm).update(s).digest('hex'));
  expect(dropIn.md5).toEqual(node('md5'));
  expect(dropIn.sha256).toEqual(node('sha256'));
  expect(dropIn.sha3).toEqual(node('sha3-256'));
  expect(dropIn.blake3[0]).toBe('af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262'); // BLAKE3("")
});
