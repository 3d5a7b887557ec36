// What a child process (child.ts) reports to the runner (run.ts) for one test file.

import { dirname, join } from 'node:path';
import type { SubtestResult } from './testharness.js';

/** A file's results. */
export interface FileResult {
  readonly file: string;
  readonly results: readonly SubtestResult[];
  /** An error thrown by the file's top level (its later tests never ran), or null. */
  readonly harnessError: string | null;
}

/** The prefix of the line that carries a file's results. */
export const RESULT_MARKER = '@@js-api-result ';

/** The prefix of the line that carries one subtest's result, printed as soon as it is known. */
export const SUBTEST_MARKER = '@@js-api-subtest ';

/** The helper scripts a test file names, as paths inside the suite. */
export function metaScripts(source: string, file: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\/\/ META: script=(\S+)\s*$/gm)) {
    const s = m[1];
    out.push(s.startsWith('/wasm/jsapi/') ? s.slice('/wasm/jsapi/'.length) : join(dirname(file), s));
  }
  return out;
}
