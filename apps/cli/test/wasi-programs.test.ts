// Runs every program of tests/wasi-programs through `wasmts run` (a real process, the Node filesystem
// backend) and checks its stdout, stderr, exit code and what it left in its preopened directory against
// the `<name>.expected.json` beside it; then runs each again in-process through the API on the in-memory
// filesystem, which must give the same results.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MemoryFilesystem, type MemoryTree, PREVIEW1_FUNCTIONS, WASI, WasiError } from '@wasmts/wasi';
import { describe, expect, it } from 'vitest';
import { Engine, Linker, Module, Store, Trap } from 'wasmts';

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

  it('together import every preview1 function', () => {
    const engine = new Engine();
    const imported = new Set<string>();
    for (const p of programs) {
      const module = new Module(engine, readFileSync(join(programsDir, `${p}.wasm`)));
      for (const i of module.imports()) if (i.module === 'wasi_snapshot_preview1') imported.add(i.name);
    }
    expect([...imported].sort()).toEqual([...PREVIEW1_FUNCTIONS].sort());
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

/** The MemoryTree holding `files` (paths with `/` become directories). */
function treeOf(files: Record<string, string>): MemoryTree {
  const root: MemoryTree = {};
  for (const [path, contents] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) dir = (dir[part] ??= {}) as MemoryTree;
    dir[parts[parts.length - 1]] = contents;
  }
  return root;
}

function readMemoryFile(fs: MemoryFilesystem, path: string): string | null {
  try {
    fs.lstat(path);
  } catch (e) {
    if (e instanceof WasiError) return null;
    throw e;
  }
  const handle = fs.open(path, { create: false, exclusive: false, truncate: false, write: false });
  const size = Number(fs.fstat(handle).size);
  const buf = new Uint8Array(size);
  fs.read(handle, buf, 0n);
  fs.close(handle);
  return new TextDecoder().decode(buf);
}

describe('tests/wasi-programs through the API on the in-memory filesystem', () => {
  const engine = new Engine();
  it.each(programs)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(programsDir, `${name}.expected.json`), 'utf8')) as Expected;
    const guestDir = expected.dir ?? '/sandbox';
    const fs = new MemoryFilesystem({ sandbox: treeOf(expected.files ?? {}) });
    let stdout = '';
    let stderr = '';
    const decoder = new TextDecoder();
    const env: Record<string, string> = {};
    for (const e of expected.env ?? []) env[e.slice(0, e.indexOf('='))] = e.slice(e.indexOf('=') + 1);
    const wasi = new WASI({
      args: [`${name}.wasm`, ...(expected.args ?? [])],
      env,
      fs,
      preopens: expected.dir === undefined ? {} : { [guestDir]: '/sandbox' },
      stdin: expected.stdin ?? '',
      stdout: (chunk) => (stdout += decoder.decode(chunk)),
      stderr: (chunk) => (stderr += decoder.decode(chunk)),
    });
    const store = new Store(engine, null);
    const linker = wasi.addToLinker(new Linker(engine));
    const module = new Module(engine, readFileSync(join(programsDir, `${name}.wasm`)));
    let exitCode: number;
    try {
      exitCode = wasi.start(linker.instantiate(store, module));
    } catch (e) {
      if (!(e instanceof Trap)) throw e;
      exitCode = 134; // what `wasmts run` exits with; its trap report is checked above
    }
    expect(stdout).toBe(expected.stdout);
    if (expected.stderr !== undefined) expect(stderr).toBe(expected.stderr);
    expect(exitCode).toBe(expected.exitCode);
    for (const [path, contents] of Object.entries(expected.after ?? {})) {
      expect(readMemoryFile(fs, `/sandbox/${path}`), path).toBe(contents);
    }
  });
});
