// Runs one JS API test file in this process: installs the drop-in (mode `dropin`) or keeps the host's own
// WebAssembly (mode `native`), installs the harness, evaluates the file's `// META: script=` helpers and
// the file itself as classic scripts in the global scope, and prints the results as one JSON line.
//
// Usage: child.ts <suite root> <file relative to the root> <dropin|native>

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { type FileResult, metaScripts, RESULT_MARKER, SUBTEST_MARKER } from './protocol.js';
import { installHarness } from './testharness.js';

async function main(): Promise<void> {
  const [root, file, mode] = process.argv.slice(2);
  if (mode === 'dropin') {
    const hostHasOne = typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== 'undefined';
    // importing the polyfill installs it where the host has no WebAssembly; where the host has one (a file
    // run with the JIT on), replace it by a drop-in on the JS backend, which never uses the host's
    const { install } = await import('wasmts/polyfill');
    if (hostHasOne) {
      const { Config } = await import('wasmts');
      const backend = process.env.WASMTS_JS_API_BACKEND === 'auto' ? 'auto' : 'js';
      install({ force: true, config: new Config({ backend }) });
    }
  }
  const g = globalThis as unknown as Record<string, unknown>;
  g.self = globalThis;
  const harness = installHarness(g, (r) => process.stdout.write(`${SUBTEST_MARKER}${JSON.stringify(r)}\n`));
  const source = readFileSync(join(root, file), 'utf8');
  let harnessError: string | null = null;
  try {
    for (const script of metaScripts(source, file)) {
      runInThisContext(readFileSync(join(root, script), 'utf8'), { filename: script });
    }
    runInThisContext(source, { filename: file });
  } catch (e) {
    harnessError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const results = await harness.finish();
  const out: FileResult = { file, results, harnessError };
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(out)}\n`);
  process.exit(0);
}

process.on('unhandledRejection', () => {
  // testharness ignores a rejection no test awaited (promise_rejects_* attach their handlers late)
});
await main();
