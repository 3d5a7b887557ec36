// Runs one JS API test file in this process: installs the drop-in (mode `dropin`) or keeps the host's own
// WebAssembly (mode `native`), installs the harness, evaluates the file's `// META: script=` helpers and
// the file itself as classic scripts in the global scope, and prints the results as one JSON line.
//
// Usage: child.ts <suite root> <file relative to the root> <dropin|native>

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { installHarness, type SubtestResult } from './testharness.js';

/** What the child prints (after RESULT_MARKER) for the runner. */
export interface FileResult {
  readonly file: string;
  readonly results: readonly SubtestResult[];
  /** An error thrown by the file's top level (its later tests never ran), or null. */
  readonly harnessError: string | null;
}

/** The prefix of the line that carries a file's results. */
export const RESULT_MARKER = '@@js-api-result ';

/** The helper scripts a test file names, as paths inside the suite. */
export function metaScripts(source: string, file: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\/\/ META: script=(\S+)\s*$/gm)) {
    const s = m[1];
    out.push(s.startsWith('/wasm/jsapi/') ? s.slice('/wasm/jsapi/'.length) : join(dirname(file), s));
  }
  return out;
}

async function main(): Promise<void> {
  const [root, file, mode] = process.argv.slice(2);
  if (mode === 'dropin') {
    const { install } = await import('wasmts/polyfill');
    install({ force: true });
  }
  const g = globalThis as unknown as Record<string, unknown>;
  g.self = globalThis;
  const harness = installHarness(g);
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
if (process.argv[1]?.endsWith('child.ts')) await main();
