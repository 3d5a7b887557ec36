// Runs every program of tests/wasi-programs through `wasmts run` (a real process, the Node filesystem
// backend) and checks its stdout, stderr, exit code and what it left in its preopened directory against
// the `<name>.expected.json` beside it.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cliDir = join(import.meta.dirname, '..');
const programsDir = join(cliDir, '..', '..', 'tests', 'wasi-programs');

/** What a program is run with and what it must do (`<name>.expected.json`). */
interface Expected {
  /** The guest's arguments after argv[0]. */
  args?: string[];
  /** `--env` entries. */
  env?: string[];
  /** Preopen a fresh temporary directory under this guest path. */
  dir?: string;
  /** Files to put in that directory first (path -> contents). */
  files?: Record<string, string>;
  /** Files the directory must hold afterwards (null: must not exist). */
  after?: Record<string, string | null>;
  /** Bytes on stdin (none: an empty stdin). */
  stdin?: string;
  stdout: string;
  /** stderr exactly, or (as `stderrPatterns`) regular expressions it must match. */
  stderr?: string;
  stderrPatterns?: string[];
  exitCode: number;
}

function wasmts(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts', ...args], {
      cwd: cliDir,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const programs = readdirSync(programsDir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

describe('tests/wasi-programs through wasmts run', () => {
  it('has a built .wasm and a .c source for every expected file', () => {
    expect(programs.length).toBeGreaterThanOrEqual(6);
    for (const p of programs) {
      expect(existsSync(join(programsDir, `${p}.wasm`)), `${p}.wasm`).toBe(true);
      expect(existsSync(join(programsDir, `${p}.c`)), `${p}.c`).toBe(true);
    }
  });

  // Programs run concurrently: each is its own process (about a second to start).
  it.concurrent.each(programs)('%s', async (name) => {
    const expected = JSON.parse(readFileSync(join(programsDir, `${name}.expected.json`), 'utf8')) as Expected;
    const args: string[] = ['run'];
    const dir = mkdtempSync(join(tmpdir(), `wasmts-wasi-${name}-`));
    if (expected.dir !== undefined) {
      for (const [path, contents] of Object.entries(expected.files ?? {})) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), contents);
      }
      args.push('--dir', `${dir}::${expected.dir}`);
    }
    for (const e of expected.env ?? []) args.push('--env', e);
    args.push(join(programsDir, `${name}.wasm`), ...(expected.args ?? []));
    const r = await wasmts(args, expected.stdin ?? '');
    expect(r.stdout).toBe(expected.stdout);
    if (expected.stderr !== undefined) expect(r.stderr).toBe(expected.stderr);
    for (const pattern of expected.stderrPatterns ?? []) expect(r.stderr).toMatch(new RegExp(pattern));
    expect(r.code).toBe(expected.exitCode);
    for (const [path, contents] of Object.entries(expected.after ?? {})) {
      const file = join(dir, path);
      if (contents === null) expect(existsSync(file), `${path} should not exist`).toBe(false);
      else expect(readFileSync(file, 'utf8')).toBe(contents);
    }
  });
});
