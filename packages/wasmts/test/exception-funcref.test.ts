// Exceptions with funcref payloads leaving wasm-backend code (they aborted the process in the bridge, so each
// case runs in a child process: test/child/exception-funcref.ts).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

function run(mode: string): Record<string, unknown> {
  const r = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', resolve(here, 'child/exception-funcref.ts'), mode],
    { cwd: resolve(here, '..'), encoding: 'utf8', timeout: 60_000 },
  );
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

describe('a wasm-backend exception with funcref payloads reaching the host', () => {
  it.each([
    ['null', [null]],
    ['own', [{ calls: 7 }]],
    ['host', [{ calls: 3 }]],
    ['two', [{ calls: 7 }, 5, { calls: 3 }]],
  ])('%s: the host gets its payload as function references', (mode, values) => {
    expect(run(mode)).toEqual({ backend: 'wasm', uncaught: true, values, usable: 3 });
  });
});
