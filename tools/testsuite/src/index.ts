// The one place tests and tools find the WebAssembly spec suite: $WASMTS_TESTSUITE (absolute, or relative to the
// repository's root) or ../shared/testsuite beside the repository, as .ci/conformance.sh does.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The spec suite's directory (it may not exist; see `hasSpecSuite`). */
export function specSuiteDir(): string {
  return resolve(REPO_ROOT, process.env.WASMTS_TESTSUITE ?? '../shared/testsuite');
}

/** The path of `file` (e.g. `i32.wast`, `proposals/threads/atomic.wast`) inside the spec suite. */
export function specSuitePath(file: string): string {
  return join(specSuiteDir(), file);
}

/** True if the spec suite is where `specSuiteDir()` says. */
export function hasSpecSuite(): boolean {
  return existsSync(specSuiteDir());
}
