// Runs the official WebAssembly JS API tests (../shared/js-api) against the drop-in under `node --jitless`,
// each file in a fresh process, several at a time; prints per-group and total pass counts and checks the
// failures against expectations.json (every expected failure with its reason).
//
//   run.ts [--native] [--check] [--update] [--verbose] [--all] [file filters...]
//
// --native runs the host's own WebAssembly instead (no --jitless, no drop-in), to check the harness.
// --auto runs the drop-in with the JIT on and the auto backend: modules on the wasm backend (the host's
// engine, instrumented) where it can run them.
// --check exits 1 when a test that is not listed as an expected failure fails (or is missing).
// --update rewrites expectations.json from this run (new failures get their message as a reason).
// --all also runs the files listed in SLOW (skipped otherwise, with the reason printed).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { type FileResult, RESULT_MARKER, SUBTEST_MARKER } from './protocol.js';
import type { SubtestResult } from './testharness.js';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');
const EXPECTATIONS = join(packageDir, 'expectations.json');

/** The suite: $WASMTS_JS_API, or ../shared/js-api beside the repository. */
function suiteRoot(): string {
  const fromEnv = process.env.WASMTS_JS_API;
  if (fromEnv) return fromEnv;
  return join(packageDir, '..', '..', '..', 'shared', 'js-api');
}

/** The groups the report counts, in order (a file's group is its folder; files at the top are named). */
export const GROUPS = [
  'constructor',
  'module',
  'instance',
  'memory',
  'table',
  'global',
  'exception',
  'tag',
  'gc',
  'interface',
  'limits',
  'js-string',
] as const;

/** The group of a file inside the suite. */
export function groupOf(file: string): string {
  const parts = file.split('/');
  if (parts.length > 1) return parts[0];
  if (file.startsWith('limits')) return 'limits';
  return 'interface';
}

function listTests(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.any.js')) out.push(relative(root, p));
    }
  };
  walk(root);
  return out;
}

/** Files too slow for every run, with the reason (`--all` runs them). */
const SLOW: Readonly<Record<string, string>> = {
  'limits.any.js':
    'it builds modules at the implementation limits (1,000,000 types, functions, imports, exports and globals, ' +
    "10,000,000 element segments, a 7,654,321-byte function, a 1 GiB module) with the suite's module builder and " +
    'validates and compiles each three times: about 15 minutes under --jitless on a shared 2-core machine',
};

/** Expected failures: file -> test name -> reason. */
type Expectations = Record<string, Record<string, string>>;

/**
 * Bundles child.ts with wasmts (from its sources) into one script in `dir`: a child then starts in a
 * fraction of the time a TypeScript loader takes to load the sources file by file.
 */
function bundleChild(dir: string): string {
  const outfile = join(dir, 'child.mjs');
  buildSync({
    entryPoints: [join(here, 'child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    outfile,
    logLevel: 'error',
    keepNames: true,
  });
  return outfile;
}

function runFile(
  child: string,
  root: string,
  file: string,
  native: boolean,
  auto: boolean,
  slowTimeoutMs: number,
): Promise<FileResult> {
  const jitless = !native && !auto;
  const args = [...(jitless ? ['--jitless'] : []), '--no-warnings', child, root, file, native ? 'native' : 'dropin'];
  const env = auto ? { ...process.env, WASMTS_JS_API_BACKEND: 'auto' } : process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: packageDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timeoutMs = Object.hasOwn(SLOW, file) ? slowTimeoutMs : 120_000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lines = stdout.split('\n');
      const line = lines.find((l) => l.startsWith(RESULT_MARKER));
      if (line !== undefined) return resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as FileResult);
      // no final line: the results the child reported one by one before it died count, and the rest are missing
      const partial = lines
        .filter((l) => l.startsWith(SUBTEST_MARKER))
        .map((l) => JSON.parse(l.slice(SUBTEST_MARKER.length)) as SubtestResult);
      const why = timedOut
        ? `was killed after ${timeoutMs / 1000} s (its time limit)`
        : signal !== null
          ? `was killed by ${signal}`
          : `exited with ${code}`;
      const tail = stderr.trim().split('\n').slice(-5).join(' | ');
      resolve({
        file,
        results: partial,
        harnessError: `the process ${why} after ${partial.length} results; later tests never ran: ${tail}`,
      });
    });
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (f: string) => argv.includes(f);
  const native = flag('--native');
  const auto = flag('--auto');
  const filters = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--slow-timeout-s');
  const root = suiteRoot();
  if (!existsSync(root)) {
    console.error(`js-api: the suite is not at ${root} (set WASMTS_JS_API)`);
    process.exit(1);
  }
  const all = flag('--all');
  const timeoutArg = argv.indexOf('--slow-timeout-s');
  const slowTimeoutMs = timeoutArg >= 0 ? Number(argv[timeoutArg + 1]) * 1000 : 900_000;
  const files = listTests(root).filter(
    (f) => (filters.length === 0 || filters.some((x) => f.includes(x))) && (all || !Object.hasOwn(SLOW, f)),
  );
  if (!all) for (const [f, why] of Object.entries(SLOW)) console.log(`not run: ${f} (--all runs it): ${why}`);
  const dir = mkdtempSync(join(tmpdir(), 'wasmts-js-api-'));
  const child = bundleChild(dir);
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const workers = Math.max(1, Math.min(files.length, Number(process.env.WASMTS_JS_API_JOBS) || availableParallelism()));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < files.length) {
        const i = next++;
        results[i] = await runFile(child, root, files[i], native, auto, slowTimeoutMs);
      }
    }),
  );
  rmSync(dir, { recursive: true, force: true });

  const counts = new Map<string, { pass: number; total: number }>();
  for (const g of GROUPS) counts.set(g, { pass: 0, total: 0 });
  let pass = 0;
  let total = 0;
  for (const r of results) {
    const c = counts.get(groupOf(r.file)) ?? { pass: 0, total: 0 };
    counts.set(groupOf(r.file), c);
    for (const t of r.results) {
      c.total++;
      total++;
      if (t.status === 'pass') {
        c.pass++;
        pass++;
      } else if (flag('--verbose')) console.log(`FAIL ${r.file} :: ${t.name}: ${t.message}`);
    }
    if (r.harnessError !== null) console.log(`harness error in ${r.file}: ${r.harnessError}`);
  }
  const mode = native
    ? 'host WebAssembly'
    : auto
      ? 'wasmts drop-in, auto backend, JIT on'
      : 'wasmts drop-in, node --jitless';
  console.log(`js-api (${mode}):`);
  for (const [g, c] of counts)
    if (c.total > 0) console.log(`  ${g.padEnd(12)} ${String(c.pass).padStart(4)} / ${c.total}`);
  console.log(`  ${'total'.padEnd(12)} ${String(pass).padStart(4)} / ${total}`);

  if (native || auto) return;
  const expected: Expectations = existsSync(EXPECTATIONS) ? JSON.parse(readFileSync(EXPECTATIONS, 'utf8')) : {};
  if (flag('--update')) {
    const out: Expectations = {};
    for (const r of results) {
      for (const t of r.results) {
        if (t.status === 'pass') continue;
        const reason = expected[r.file]?.[t.name] ?? `TODO: ${t.message}`;
        (out[r.file] ??= {})[t.name] = reason;
      }
    }
    // files not run this time keep their entries
    for (const [f, tests] of Object.entries(expected)) if (!files.includes(f)) out[f] = tests;
    writeFileSync(EXPECTATIONS, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`wrote ${relative(process.cwd(), EXPECTATIONS)}`);
    return;
  }
  if (!flag('--check')) return;
  const problems: string[] = [];
  const fixed: string[] = [];
  for (const r of results) {
    const exp = expected[r.file] ?? {};
    const seen = new Set<string>();
    for (const t of r.results) {
      seen.add(t.name);
      const isExpected = Object.hasOwn(exp, t.name);
      if (t.status === 'fail' && !isExpected) problems.push(`${r.file} :: ${t.name}: ${t.message}`);
      if (t.status === 'pass' && isExpected) fixed.push(`${r.file} :: ${t.name}`);
    }
    if (r.harnessError !== null && !Object.hasOwn(exp, '(harness error)'))
      problems.push(`${r.file}: ${r.harnessError}`);
    if (r.results.length === 0 && r.harnessError === null) problems.push(`${r.file}: no tests ran`);
  }
  const expectedTotal = Object.values(expected).reduce((n, tests) => n + Object.keys(tests).length, 0);
  if (fixed.length > 0) {
    console.log(`${fixed.length} expected failures now pass (run with --update to drop them):`);
    for (const f of fixed) console.log(`  ${f}`);
  }
  if (problems.length > 0) {
    console.log(`${problems.length} unexpected failures:`);
    for (const p of problems) console.log(`  ${p}`);
    process.exit(1);
  }
  console.log(`ok: every failure is one of the ${expectedTotal} expected (expectations.json)`);
}

await main();
