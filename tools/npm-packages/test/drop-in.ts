// Runs one package of src/packages/ in a `node --jitless` child (no host WebAssembly) with wasmts/polyfill
// installed first, and returns its answer; `native` is the same package's answer on Node's own WebAssembly in
// this process.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The answer of `src/packages/<name>.ts` under `node --jitless` with the drop-in. */
export function dropIn(name: string): unknown {
  const out = execFileSync(
    process.execPath,
    [
      '--jitless',
      '--no-warnings',
      '--conditions=source',
      '--import',
      'tsx',
      join(import.meta.dirname, '..', 'src', 'run-package.ts'),
      name,
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  return JSON.parse(out);
}

/** The answer of `src/packages/<name>.ts` on this process's own WebAssembly. */
export async function native(name: string): Promise<unknown> {
  const { answer } = (await import(`../src/packages/${name}.ts`)) as { answer(): Promise<unknown> };
  return answer();
}
