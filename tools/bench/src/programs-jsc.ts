// pnpm bench programs --engine jsc: the benchmark's C programs inside JavaScriptCore in iOS Lockdown Mode's
// configuration (`jsc --useWasm=false --useJIT=false`: no WebAssembly, no JIT), on the wasmts JS backend (`js`) and
// on polywasm (`polywasm`), side by side in one jsc process per program (src/jsc-runner.ts, bundled with wasmts from
// source by tools/hosts' esbuild bundler). There is no native engine there: native V8 (in Node) computes each
// program's checksum, which both configurations must reproduce, and the report compares js with polywasm, in wall
// time and in the jsc process's CPU time (read here from /proc at the runner's request: src/jsc-protocol.ts).
// Usage: node --import tsx src/programs-jsc.ts [--only NAME,...] [--skip NAME,...] [--rounds N] [--budget-ms N]
//        [--jsc PATH] [--timeout-s N] [--out FILE] [--keep DIR]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gitCommit } from './harness.js';
import { CPU_REQUEST } from './jsc-protocol.js';
import type { JscProgram, JscResult } from './jsc-runner.js';
import { miniWasi } from './mini-wasi.js';
import { cPrograms, type Program } from './programs-catalog.js';
import { polywasmVersion } from './programs-configs.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  // `--engine jsc` is how the dispatcher chose this file
  args: process.argv.slice(2).filter((a, i, all) => a !== '--engine' && all[i - 1] !== '--engine'),
  options: {
    rounds: { type: 'string', default: '5' },
    'budget-ms': { type: 'string', default: '20000' },
    only: { type: 'string' },
    skip: { type: 'string' },
    jsc: { type: 'string', default: process.env.WASMTS_JSC ?? 'jsc' },
    'timeout-s': { type: 'string', default: '600' },
    out: { type: 'string', default: resolve(here, '../results/latest-jsc.json') },
    // keep each program's jsc script here (to run again by hand, or profile with jsc's `--useSamplingProfiler`)
    keep: { type: 'string' },
  },
});
/** The configurations, named as in the V8 run. */
const CONFIGS = ['js', 'polywasm'] as const;
const JSC_FLAGS = ['--useWasm=false', '--useJIT=false'];

const list = (s: string | undefined) => (s === undefined ? undefined : new Set(s.split(',')));
const only = list(values.only);
const skip = list(values.skip);
// polywasm has no SIMD: the programs both can run are the C programs without v128
const chosen = cPrograms.filter(
  (p) => !p.categories.includes('simd') && (only === undefined || only.has(p.name)) && !skip?.has(p.name),
);

// lib ES2022 and @types/node 20 do not declare WebAssembly; only what is used here.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

/** `run(n)` on native V8 (Node's WebAssembly) with the same WASI: the checksum both configurations must match. */
function nativeChecksum(program: Program, n: number): string {
  let memory: { buffer: ArrayBuffer } | undefined;
  const wasi = miniWasi({}, () => memory ?? { buffer: new ArrayBuffer(0) });
  const imports = { wasi_snapshot_preview1: new Proxy({}, { get: (_t, name) => wasi(String(name)) }) };
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(program.wasm()), imports);
  memory = exports.memory as { buffer: ArrayBuffer } | undefined;
  if (typeof exports._initialize === 'function') (exports._initialize as () => void)();
  return String((exports.run as (n: number) => number)(n) >>> 0);
}

const jscVersion = spawnSync(values.jsc, ['-e', 'print(1)'], { encoding: 'utf8' });
if (jscVersion.error !== undefined || jscVersion.status !== 0) {
  console.error(
    `programs-jsc: cannot run ${values.jsc} (Debian: libjavascriptcoregtk-4.0-bin; --jsc PATH or WASMTS_JSC)`,
  );
  process.exit(1);
}

/** The CPU time (ms) of process `pid` so far: the sum of its threads' run times (ns in /proc/PID/task/TID/schedstat). */
function processCpuMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a thread that ended between the listing and the read
    }
  }
  return ns / 1e6;
}

/** Runs one jsc script, answering its CPU-time requests; kills it after `timeoutMs`. */
function runJsc(
  file: string,
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string; status: number | null; signal: string | null; timedOut: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(values.jsc, [...JSC_FLAGS, file], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
        const line = pending.slice(0, i);
        pending = pending.slice(i + 1);
        if (line === CPU_REQUEST && child.pid !== undefined) child.stdin.write(`${processCpuMs(child.pid)}\n`);
        else stdout += `${line}\n`;
      }
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdin.on('error', () => {
      // the child ended before reading an answer: its exit says why
    });
    child.on('error', fail);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ stdout: stdout + pending, stderr, status, signal, timedOut });
    });
  });
}

const keep = values.keep === undefined ? undefined : resolve(values.keep);
if (keep !== undefined) mkdirSync(keep, { recursive: true });
const work = keep ?? mkdtempSync(join(tmpdir(), 'wasmts-bench-jsc-'));
// tools/hosts bundles the runner (its esbuild, the packages from source), as it bundles the runtime for other hosts
const built = spawnSync(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    resolve(here, '../../hosts/src/write-bundle.ts'),
    '--script',
    resolve(here, 'jsc-runner.ts'),
    'jscRunner',
    join(work, 'runner.js'),
  ],
  { stdio: 'inherit', cwd: resolve(here, '../../hosts') },
);
if (built.status !== 0) {
  if (keep === undefined) rmSync(work, { recursive: true, force: true });
  throw new Error('programs-jsc: bundling src/jsc-runner.ts failed');
}
const runner = readFileSync(join(work, 'runner.js'), 'utf8');
const results: (JscResult & { n: number; checksum: string; loadavg: { before: number[]; after: number[] } })[] = [];
const fmt = (x: number | undefined) => (x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(`jsc ${JSC_FLAGS.join(' ')}: ${chosen.length} programs, configurations ${CONFIGS.join(', ')}`);
console.log(
  `${'program'.padEnd(14)} ${'js ms'.padStart(9)} ${'polywasm ms'.padStart(12)} ${'polywasm/js'.padStart(12)} ${'js cpu'.padStart(9)} ${'polywasm cpu'.padStart(12)} ${'cpu ratio'.padStart(12)}  load`,
);
try {
  for (const program of chosen) {
    const before = loadavg();
    const n = program.jscN ?? program.n;
    const input: JscProgram = {
      name: program.name,
      n,
      wasm: Buffer.from(program.wasm()).toString('base64'),
      checksum: nativeChecksum(program, n),
      rounds: Number(values.rounds),
      budgetMs: Number(values['budget-ms']),
      configs: CONFIGS,
    };
    const file = join(work, `${program.name}.js`);
    // the runner's bundle reads PROGRAM when it runs, so the global comes first
    writeFileSync(file, `var PROGRAM = ${JSON.stringify(input)};\n${runner}\n`);
    const r = await runJsc(file, Number(values['timeout-s']) * 1000);
    const line = r.stdout.trim().split('\n').pop() ?? '';
    let result: JscResult;
    try {
      result = JSON.parse(line) as JscResult;
    } catch {
      const why = r.timedOut
        ? 'TIMEOUT'
        : `FAILED (${r.signal ?? `exit ${r.status}`}): ${r.stderr.trim().split('\n').pop() ?? ''}`;
      result = {
        name: program.name,
        ms: {},
        samples: {},
        cpuMs: {},
        cpuSamples: {},
        compileMs: {},
        errors: { js: why, polywasm: why },
      };
    }
    results.push({ ...result, n, checksum: input.checksum, loadavg: { before, after: loadavg() } });
    const ratio = (m: Record<string, number>) =>
      m.js !== undefined && m.polywasm !== undefined ? `${(m.polywasm / m.js).toFixed(2)}x` : '-';
    const errors = Object.entries(result.errors).map(([k, v]) => `${k}: ${v}`);
    console.log(
      `${program.name.padEnd(14)} ${fmt(result.ms.js).padStart(9)} ${fmt(result.ms.polywasm).padStart(12)} ${ratio(result.ms).padStart(12)} ${fmt(result.cpuMs.js).padStart(9)} ${fmt(result.cpuMs.polywasm).padStart(12)} ${ratio(result.cpuMs).padStart(12)}  ${before[0].toFixed(1)}${errors.length ? `  (${errors.join('; ')})` : ''}`,
    );
  }
} finally {
  if (keep === undefined) rmSync(work, { recursive: true, force: true });
}

/** Geomean of polywasm's time over js's, over the programs both ran (> 1: the JS backend is faster). */
function headToHead(key: 'ms' | 'cpuMs') {
  const both = results.filter((r) => r[key].js !== undefined && r[key].polywasm !== undefined);
  const geomean =
    both.length === 0
      ? null
      : Math.exp(both.reduce((s, r) => s + Math.log(r[key].polywasm / r[key].js), 0) / both.length);
  const slower = both.filter((r) => r[key].js >= r[key].polywasm).map((r) => r.name);
  console.log(
    `head to head (${key === 'ms' ? 'wall' : 'CPU'}) on ${both.length} programs: polywasm / js geomean ${geomean === null ? '-' : `${geomean.toFixed(2)}x`}` +
      (slower.length ? `; js not faster on ${slower.join(', ')}` : '; js faster on every one'),
  );
  return { programs: both.length, polywasmOverJs: geomean, jsNotFaster: slower };
}
const wall = headToHead('ms');
const cpu = headToHead('cpuMs');
console.log(
  `load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(
  values.out,
  `${JSON.stringify(
    {
      engine: 'jsc',
      flags: JSC_FLAGS,
      jsc: jscVersion.stdout.trim() === '1' ? values.jsc : undefined,
      date: new Date().toISOString(),
      commit: gitCommit(),
      polywasm: polywasmVersion(),
      configurations: CONFIGS,
      programs: results,
      headToHead: wall,
      headToHeadCpu: cpu,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${values.out}`);
