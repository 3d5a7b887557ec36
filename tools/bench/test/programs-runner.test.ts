// pnpm bench programs runs each configuration of a program in a process of its own (src/programs-run.ts; `--layout
// program`: each program in one, src/programs.ts benchIsolated) with a time limit: a step that overruns is reported
// as TIMEOUT and the run goes on to the next.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = resolve(dirname(fileURLToPath(import.meta.url)), '../src/programs.ts');

function bench(args: string[]) {
  const out = join(mkdtempSync(join(tmpdir(), 'bench-runner-')), 'latest.json');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--quick', '--out', out, ...args], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { run, report: JSON.parse(readFileSync(out, 'utf8')) };
}

describe('pnpm bench programs: isolation', () => {
  it('runs each configuration in a process of its own and keeps the report shape (geomean names, categories, polywasm)', () => {
    const { run, report } = bench(['--only', 'fib,sieve', '--configs', 'polywasm']);
    expect(run.status, run.stderr).toBe(0);
    expect(report.programs.map((p: { name: string }) => p.name)).toEqual(['sieve', 'fib']); // catalog order
    for (const p of report.programs) expect(p.ratios.polywasm).toBeGreaterThan(0);
    // the names, in order, then the IR pipeline's configurations (issue 12: run only when named), js+nobits
    // (issue 14's measurement knob, only when named), then wasm+epoch+ticker (also only when named)
    expect(Object.keys(report.geomean)).toEqual([
      'wasm',
      'wasm+fuel',
      'wasm+epoch',
      'js',
      'js+fuel',
      'js+epoch',
      'js+ir',
      'js+ir+fuel',
      'js+ir+epoch',
      'js+nobits',
      'wasm2js',
      'polywasm',
      'wasm+epoch+ticker',
    ]);
    expect(report.geomean.polywasm).toBeGreaterThan(0);
    expect(report.categories.calls.polywasm).toBeGreaterThan(0);
    expect(report.layout).toBe('config');
    for (const p of report.programs) {
      // native and polywasm each in a process of its own, neither the parent
      expect(p.pids.native).not.toBe(p.pids.polywasm);
      expect(p.first_call_cpu_ms.native).toBeGreaterThan(0);
      expect(p.first_call_cpu_ms.polywasm).toBeGreaterThan(0);
    }
  });

  it('runs every configuration in one process per program with --layout program', () => {
    const { run, report } = bench(['--only', 'fib', '--configs', 'polywasm', '--layout', 'program']);
    expect(run.status, run.stderr).toBe(0);
    expect(report.layout).toBe('program');
    const [fib] = report.programs;
    expect(fib.ratios.polywasm).toBeGreaterThan(0);
    expect(fib.pids.native).toBe(fib.pids.polywasm);
  });

  it('reports a program that overruns its time as TIMEOUT and goes on', () => {
    // a limit no child can meet (loading tsx alone takes longer): every attempt is killed
    const { run, report } = bench(['--only', 'fib,sieve', '--configs', 'polywasm', '--timeout-s', '0.05']);
    expect(run.status, run.stderr).toBe(0);
    expect(report.programs).toHaveLength(2);
    for (const p of report.programs) {
      expect(p.errors.native).toMatch(/^TIMEOUT: still in its start after 0.05 s/);
      expect(p.native_ms).toBeNull();
    }
    expect(run.stderr).toMatch(/FAILED: sieve on native: TIMEOUT/);
  });
});
