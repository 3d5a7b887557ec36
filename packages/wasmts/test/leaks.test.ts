// What dropped modules and instances leave behind needs `gc()`: the checks run in a child `node --expose-gc`
// (test/gc/leaks.ts).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

describe.each(['js', 'wasm'])('collected modules and instances leave nothing behind (%s backend)', (backend) => {
  it('frees dropped modules’ types, bytes and host tags', () => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--conditions=source', '--import', 'tsx', resolve(here, 'gc/leaks.ts'), backend],
      { cwd: resolve(here, '..'), encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(report.registryBack).toBe(true);
    expect(report.moduleBytesCollected).toBe(true);
    expect(report.knownTagsBack).toBe(true);
  });
});
