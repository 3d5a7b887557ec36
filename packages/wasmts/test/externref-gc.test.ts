// The collector checks need `gc()`: they run in a child `node --expose-gc` (test/gc/externref-gc.ts).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

describe.each(['js', 'wasm'])('externref activations under the collector (%s backend)', (backend) => {
  it('roots host references while wasm runs, and lets them go once wasm drops them', () => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--conditions=source', '--import', 'tsx', resolve(here, 'gc/externref-gc.ts'), backend],
      { cwd: resolve(here, '..'), encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(report.tableKeepsAlive).toBe(true);
    expect(report.tableClearedCollected).toBe(true);
    expect(report.hostResultCollected).toBe(true);
    expect(report.slotsAfterCollection).toBe(0);
  });
});
