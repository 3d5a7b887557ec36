// pnpm bench programs: real programs run side by side in one process on the host's WebAssembly (native), wasmts
// (wasm backend plain, with fuel, with epochs; js backend) and binaryen's wasm2js; prints each program's median
// time and its ratio to native, then compile and instantiation times, and writes results/latest.json.
// Usage: node --import tsx src/programs.ts [--rounds N] [--budget-ms N] [--out FILE] [--only NAME,...]
//        [--skip NAME,...] [--configs NAME,...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Contender, gitCommit, type InputResult, median, runInput } from './harness.js';
import { type Program, programs } from './programs-catalog.js';
import { type Configuration, configurations } from './programs-configs.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    'budget-ms': { type: 'string', default: '15000' },
    out: { type: 'string', default: resolve(here, '../results/latest.json') },
    only: { type: 'string' },
    skip: { type: 'string' },
    configs: { type: 'string' },
  },
});

/**
 * A full garbage collection, run (untimed) before each run of a program with a `prepare` step (ruby: each run leaves
 * a large instance behind; collecting it inside another configuration's timed run would be unfair to that one).
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** How many fresh instances are timed (median) per program and configuration. */
const INSTANTIATIONS = 3;

const list = (v: string | undefined) => v?.split(',').map((s) => s.trim()) ?? undefined;
const wantedConfigs = list(values.configs);
for (const name of wantedConfigs ?? []) {
  if (!configurations.some((c) => c.name === name)) {
    console.error(`unknown configuration ${name} (${configurations.map((c) => c.name).join(', ')})`);
    process.exit(2);
  }
}
/** native always runs: it is the reference for checksums and ratios. */
const active = configurations.filter((c) => c.name === 'native' || !wantedConfigs || wantedConfigs.includes(c.name));
/** The configurations compared with native: the keys of `geomean` in the report (all of them, even when not run). */
const compared = configurations.filter((c) => c.name !== 'native').map((c) => c.name);

/** One program's outcome. */
interface ProgramResult {
  name: string;
  kind: string;
  n: number;
  checksum?: string;
  rounds: number;
  ms: Record<string, number | null>;
  ratios: Record<string, number | null>;
  compileMs: Record<string, number>;
  instantiateMs: Record<string, number>;
  /** The backend each configuration actually ran on. */
  backends: Record<string, string>;
  /** Why a configuration has no time: it cannot run the program, it threw, or it computed a wrong checksum. */
  errors: Record<string, string>;
  samplesMs: Record<string, number[]>;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Median time of a few fresh instantiations (each with `_initialize`), or undefined if the session has none. */
function timeInstantiation(instantiate: () => unknown): number | undefined {
  const samples: number[] = [];
  for (let i = 0; i < INSTANTIATIONS; i++) {
    const start = performance.now();
    try {
      instantiate();
    } catch {
      return undefined;
    }
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function benchProgram(program: Program, configs: readonly Configuration[]): Promise<ProgramResult> {
  const result: ProgramResult = {
    name: program.name,
    kind: program.kind,
    n: program.n,
    rounds: 0,
    ms: {},
    ratios: {},
    compileMs: {},
    instantiateMs: {},
    backends: {},
    errors: {},
    samplesMs: {},
  };
  const contenders: Contender[] = [];
  let expected: string | undefined;
  for (const config of configs) {
    try {
      const loaded = await config.load(program);
      if ('unavailable' in loaded) {
        result.errors[config.name] = loaded.unavailable;
        continue;
      }
      result.backends[config.name] = loaded.backend;
      if (loaded.backend !== config.expectBackend) {
        // e.g. `backend: 'wasm'` before wasmts has a wasm backend: those would be js-backend times (compile too)
        result.errors[config.name] =
          `not timed: the module ran on the ${loaded.backend} backend, not ${config.expectBackend}` +
          (loaded.backendReason ? ` (${loaded.backendReason})` : '');
        continue;
      }
      if (loaded.compileMs !== undefined) result.compileMs[config.name] = loaded.compileMs;
      const { session } = loaded;
      const instantiateMs = timeInstantiation(() => session.instantiate({}));
      if (instantiateMs !== undefined) result.instantiateMs[config.name] = instantiateMs;
      let prepared: unknown;
      const prepare = program.prepare
        ? () => {
            prepared = undefined;
            collectGarbage();
            prepared = program.prepare?.(session);
          }
        : undefined;
      const once = () => {
        const got = program.run(session, program.n, prepared);
        loaded.afterRun?.();
        return got;
      };
      // the first run is checked here (and doubles as warm-up); every timed run is checked again
      prepare?.();
      const first = once();
      if (config.name === 'native') expected = result.checksum = first;
      const check = (got: string) => {
        if (got !== expected) throw new Error(`wrong checksum: ${got}, native computes ${expected}`);
      };
      check(first);
      contenders.push({ name: config.name, prepare, run: () => check(once()) });
    } catch (error) {
      result.errors[config.name] = describe(error);
      if (config.name === 'native') break; // no reference: nothing else can be checked
    }
  }
  let timed: InputResult | undefined;
  if (expected !== undefined) {
    timed = runInput({ name: program.name, modules: [] }, contenders, {
      warmup: 1,
      rounds: Number(values.rounds),
      budgetMs: Number(values['budget-ms']),
      minRounds: Math.min(program.minRounds ?? 3, Number(values.rounds)),
    });
    result.rounds = timed.rounds;
    Object.assign(result.errors, timed.errors);
  }
  const nativeMs = timed?.timings.native?.medianMs;
  for (const config of configurations) {
    const timing = timed?.timings[config.name];
    result.ms[config.name] = timing ? timing.medianMs : null;
    if (timing) result.samplesMs[config.name] = timing.samplesMs;
    if (config.name !== 'native') result.ratios[config.name] = timing && nativeMs ? timing.medianMs / nativeMs : null;
  }
  return result;
}

function geomean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
}

function formatRows(header: string[], rows: string[][], left: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Median run times and ratios to native. */
function formatTimes(results: readonly ProgramResult[], names: readonly string[]): string {
  const cell = (r: ProgramResult, name: string) => {
    const ms = r.ms[name];
    if (ms === null || ms === undefined) return r.errors[name] ? 'n/a' : '-';
    const q = r.ratios[name];
    return q === undefined || q === null ? ms.toFixed(1) : `${ms.toFixed(1)} (${q.toFixed(2)}x)`;
  };
  const header = ['program', 'kind', 'native ms', ...names.map((n) => `${n} ms (ratio)`), 'rounds'];
  const rows = results.map((r) => [
    r.name,
    r.kind,
    r.ms.native === null ? 'n/a' : (r.ms.native ?? 0).toFixed(1),
    ...names.map((n) => cell(r, n)),
    String(r.rounds),
  ]);
  return formatRows(header, rows, 2);
}

/** Compile and instantiation times (ms) per configuration. */
function formatSetup(results: readonly ProgramResult[], names: readonly string[]): string {
  const fmt = (v: number | undefined) => (v === undefined ? '-' : v < 10 ? v.toFixed(2) : v.toFixed(0));
  const header = ['program', 'wasm KB', ...names.map((n) => `${n} compile / inst`)];
  const rows = results.map((r) => [
    r.name,
    programSizes.has(r.name) ? ((programSizes.get(r.name) ?? 0) / 1024).toFixed(1) : '-',
    ...names.map((n) =>
      r.compileMs[n] === undefined && r.instantiateMs[n] === undefined
        ? '-'
        : `${fmt(r.compileMs[n])} / ${fmt(r.instantiateMs[n])}`,
    ),
  ]);
  return formatRows(header, rows, 1);
}

const only = list(values.only);
const skip = list(values.skip) ?? [];
for (const name of [...(only ?? []), ...skip]) {
  if (!programs.some((p) => p.name === name)) {
    console.error(`unknown program ${name} (${programs.map((p) => p.name).join(', ')})`);
    process.exit(2);
  }
}
const selected = programs.filter((p) => (!only || only.includes(p.name)) && !skip.includes(p.name));
const programSizes = new Map(selected.map((p) => [p.name, p.wasm().byteLength]));
const machine = {
  os: `${platform()} ${release()} ${arch()}`,
  cpu: cpus()[0]?.model ?? '?',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
};
console.log(
  `node ${process.version} (V8 ${process.versions.v8}), ${machine.cores} x ${machine.cpu}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `programs: ${selected.length}; configurations: ${active.map((c) => c.name).join(', ')}; rounds: up to ${values.rounds}, alternating order; medians\n`,
);

const results: ProgramResult[] = [];
for (const program of selected) {
  const result = await benchProgram(program, active);
  results.push(result);
  const line = compared
    .filter((n) => active.some((c) => c.name === n))
    .map((n) => `${n} ${result.ratios[n] ? `${result.ratios[n]?.toFixed(2)}x` : '-'}`)
    .join(', ');
  console.log(`  ${program.name}: native ${result.ms.native?.toFixed(1) ?? '-'} ms, ${line}`);
  for (const [name, message] of Object.entries(result.errors)) {
    const loud = /wrong checksum|Error|Trap|fuel/.test(message);
    (loud ? console.error : console.warn)(`  ${loud ? 'FAILED' : 'skipped'}: ${program.name} on ${name}: ${message}`);
  }
}

const geomeans: Record<string, number | null> = {};
const geomeanCount: Record<string, number> = {};
for (const name of compared) {
  const ratios = results.map((r) => r.ratios[name]).filter((q): q is number => typeof q === 'number');
  geomeans[name] = geomean(ratios);
  geomeanCount[name] = ratios.length;
}

// the cost of a store control on its own backend: geomean of (backend+control time / backend time)
const overhead: Record<string, number | null> = {};
for (const backend of ['wasm', 'js']) {
  for (const control of ['fuel', 'epoch']) {
    const name = `${backend}+${control}`;
    const ratios: number[] = [];
    for (const r of results) {
      const base = r.ms[backend];
      const withControl = r.ms[name];
      if (typeof base === 'number' && typeof withControl === 'number' && base > 0) ratios.push(withControl / base);
    }
    overhead[name] = geomean(ratios);
  }
}

const shown = active.filter((c) => c.name !== 'native').map((c) => c.name);
console.log(`\nrun time, median ms (ratio to native; lower is better)\n${formatTimes(results, shown)}`);
console.log(
  `\ncompile / instantiate, ms (instantiate: median of ${INSTANTIATIONS} fresh instances incl. _initialize; ` +
    `wasm2js: import of the ES module, which also instantiates)\n${formatSetup(
      results,
      active.map((c) => c.name),
    )}`,
);
const backendsSeen = new Map<string, Set<string>>();
for (const r of results) {
  for (const [c, b] of Object.entries(r.backends)) {
    let seen = backendsSeen.get(c);
    if (!seen) backendsSeen.set(c, (seen = new Set()));
    seen.add(b);
  }
}
console.log(`\nbackends actually used: ${[...backendsSeen].map(([c, b]) => `${c} -> ${[...b].join('/')}`).join(', ')}`);
console.log(
  `geomean ratio to native (lower is better): ${compared
    .map((n) => `${n} ${geomeans[n] ? `${geomeans[n]?.toFixed(2)}x` : '-'} over ${geomeanCount[n]} programs`)
    .join(', ')}`,
);
console.log(
  `control overhead on its own backend (geomean of time with the control / time without): ${Object.entries(overhead)
    .map(([n, v]) => `${n} ${v === null ? '-' : `${v.toFixed(2)}x`}`)
    .join(', ')}`,
);

const report = {
  benchmark: 'programs',
  node: process.version,
  v8: process.versions.v8,
  machine,
  loadavg: loadavg(),
  date: new Date().toISOString(),
  commit: gitCommit(),
  configurations: active.map((c) => c.name),
  programs: results.map((r) => ({
    name: r.name,
    kind: r.kind,
    n: r.n,
    wasm_bytes: programSizes.get(r.name),
    checksum: r.checksum,
    native_ms: r.ms.native,
    js_ms: r.ms.js,
    wasm2js_ms: r.ms.wasm2js,
    ms: r.ms,
    ratios: r.ratios,
    compile_ms: r.compileMs,
    instantiate_ms: r.instantiateMs,
    backends: r.backends,
    rounds: r.rounds,
    errors: r.errors,
    samples_ms: r.samplesMs,
  })),
  geomean: geomeans,
  geomeanCount,
  overhead,
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote ${values.out}`);
// wasmts computing a wrong answer (or failing a fuel check) fails the run; a wrong wasm2js answer (binaryen's bug,
// not ours) is only reported
if (
  results.some((r) => Object.entries(r.errors).some(([c, m]) => c !== 'wasm2js' && /wrong checksum|fuel|Trap/.test(m)))
)
  process.exitCode = 1;
