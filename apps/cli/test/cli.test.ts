// The `wasmts` command as a process. Spawns are slow (~1 s each), so each one checks several things.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cliDir = join(import.meta.dirname, '..');

function wasmts(...args: string[]) {
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts', ...args], {
    cwd: cliDir,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'wasmts-cli-'));

describe('wasmts wast', () => {
  it('prints a line per file and a totals line, writes --json and fails on failures', () => {
    writeFileSync(
      join(dir, 'good.wast'),
      '(module (func (export "f")))\n(assert_return (invoke "f"))\n(assert_invalid (module (func (result i32))) "type mismatch")\n',
    );
    writeFileSync(join(dir, 'bad.wast'), '(module (func (result i32) (i64.const 0)))\n');
    const json = join(dir, 'report.json');
    const r = wasmts('wast', '--validate-only', '--json', json, join(dir, 'good.wast'), join(dir, 'bad.wast'));
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${join(dir, 'good.wast')}: 2 passed, 0 failed, 1 skipped`);
    expect(lines[1]).toBe(`${join(dir, 'bad.wast')}: 0 passed, 1 failed, 0 skipped`);
    expect(lines[2]).toMatch(/^ {2}line 1: module: module is invalid: type mismatch/);
    expect(lines.at(-1)).toBe('2 passed, 1 failed, 1 skipped');
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.totals).toEqual({ passed: 2, failed: 1, skipped: 1 });
    expect(report.files[0].byKind).toEqual({
      module: { passed: 1, failed: 0, skipped: 0 },
      assert_return: { passed: 0, failed: 0, skipped: 1 },
      assert_invalid: { passed: 1, failed: 0, skipped: 0 },
    });
    expect(report.files[1].failures[0]).toMatchObject({ line: 1, kind: 'module' });
  });

  it('exits 0 when nothing failed, searching folders, executing with the auto backend by default', () => {
    const r = wasmts('wast', join(cliDir, 'examples'));
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('4 passed, 0 failed, 0 skipped');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const w = wasmts('wast', '--backend', 'wasm', join(cliDir, 'examples'));
    expect(w.stdout.trimEnd().split('\n').at(-1)).toBe('4 passed, 0 failed, 0 skipped');
    expect(w.stderr).toBe('');
    const j = wasmts('wast', '--backend', 'js', join(cliDir, 'examples'));
    expect(j.stdout.trimEnd().split('\n').at(-1)).toBe('4 passed, 0 failed, 0 skipped');
  });
});

describe('wasmts inspect', () => {
  it('describes the example module', () => {
    const r = wasmts('inspect', 'examples/add.wasm');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('module name: "add"\nnames: 3 functions, 2 locals\n');
    expect(r.stdout).toContain('0: (func (param i32 i32) (result i32))');
    expect(r.stdout).toContain('"env" "log" (func (type 1) (param i32))');
    expect(r.stdout).toContain('"add" func 1: (func (type 0) (param i32 i32) (result i32))');
    expect(r.stdout).toContain('"memory" memory 0: (memory 1 4)');
    expect(r.stdout).toContain('functions: 3 (1 imported, 2 defined)');
    expect(r.stdout).toContain(
      'backend (auto, this host): wasm (the host engine supports every proposal the module uses)',
    );
    expect(r.stdout).toContain('0: (memory 1 4)');
    expect(r.stdout).toContain('0: (global (mut i32))');
    expect(r.stdout).toMatch(/custom sections: 1\n {2}"name" \d+ bytes/);
    expect(r.stdout).toMatch(/^ {2}custom:name +\d+ bytes$/m);
  });

  it('prints one error line for a module that does not validate, with the stack only under --debug', () => {
    const bad = join(dir, 'bad.wasm');
    // A function section that names type 0 with no type section.
    writeFileSync(bad, new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 3, 2, 1, 0]));
    const r = wasmts('inspect', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error: ${bad}: .+\\n$`));
    const debug = wasmts('--debug', 'inspect', bad);
    expect(debug.stderr).toMatch(/\n {4}at /);
  });
});
