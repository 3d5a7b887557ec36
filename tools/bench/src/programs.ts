// pnpm bench programs: real programs run side by side in one process on the host's WebAssembly (native), the
// wasmts js backend and binaryen's wasm2js; prints each program's median time and its ratio to native.
// Usage: node --import tsx src/programs.ts [--rounds N] [--budget-ms N] [--out FILE] [--only NAME,...]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Contender, type InputResult, runInput } from './harness.js';
import { type Program, programs } from './programs-catalog.js';
import { configurations } from './programs-configs.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    'budget-ms': { type: 'string', default: '15000' },
    out: { type: 'string', default: resolve(here, '../results/latest.json') },
    only: { type: 'string' },
  },
});

/** The configurations compared with native: the keys of `geomean` in the report. */
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
  /** Why a configuration has no time: it cannot run the program, it threw, or it computed a wrong checksum. */
  errors: Record<string, string>;
  samplesMs: Record<string, number[]>;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function benchProgram(program: Program): Promise<ProgramResult> {
  const result: ProgramResult = {
    name: program.name,
    kind: program.kind,
    n: program.n,
    rounds: 0,
    ms: {},
    ratios: {},
    compileMs: {},
    errors: {},
    samplesMs: {},
  };
  const contenders: Contender[] = [];
  let expected: string | undefined;
  for (const config of configurations) {
    try {
      const loaded = await config.load(program);
      if ('unavailable' in loaded) {
        result.errors[config.name] = loaded.unavailable;
        continue;
      }
      if (loaded.compileMs !== undefined) result.compileMs[config.name] = loaded.compileMs;
      const { exports } = loaded;
      // the first run is checked here (and doubles as warm-up); every timed run is checked again
      const first = program.run(exports, program.n);
      if (config.name === 'native') expected = result.checksum = first;
      const check = (got: string) => {
        if (got !== expected) throw new Error(`wrong checksum: ${got}, native computes ${expected}`);
      };
      check(first);
      contenders.push({ name: config.name, run: () => check(program.run(exports, program.n)) });
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
      minRounds: 3,
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

function formatTable(results: readonly ProgramResult[], names: readonly string[]): string {
  const cell = (r: ProgramResult, name: string) => {
    const ms = r.ms[name];
    if (ms === null || ms === undefined) return r.errors[name] ? 'n/a' : '-';
    const q = r.ratios[name];
    return q === undefined || q === null ? ms.toFixed(1) : `${ms.toFixed(1)} (${q.toFixed(2)}x)`;
  };
  const header = ['program', 'kind', 'native ms', ...names.map((n) => `${n} ms (ratio)`), 'js compile ms', 'rounds'];
  const rows = results.map((r) => [
    r.name,
    r.kind,
    r.ms.native === null ? 'n/a' : (r.ms.native ?? 0).toFixed(1),
    ...names.map((n) => cell(r, n)),
    r.compileMs.js === undefined ? '-' : r.compileMs.js.toFixed(1),
    String(r.rounds),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

const only = values.only?.split(',');
const selected = only ? programs.filter((p) => only.includes(p.name)) : programs;
const machine = { os: `${platform()} ${release()} ${arch()}`, cpu: cpus()[0]?.model ?? '?', cores: cpus().length };
console.log(
  `node ${process.version} (V8 ${process.versions.v8}), ${machine.cores} x ${machine.cpu}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`programs: ${selected.length}; rounds: up to ${values.rounds}, alternating order; medians\n`);

const results: ProgramResult[] = [];
for (const program of selected) {
  const result = await benchProgram(program);
  results.push(result);
  const line = compared.map((n) => `${n} ${result.ratios[n]?.toFixed(2) ?? '-'}x`).join(', ');
  console.log(`  ${program.name}: native ${result.ms.native?.toFixed(1) ?? '-'} ms, ${line}`);
  for (const [name, message] of Object.entries(result.errors)) {
    const loud = /wrong checksum|Error|Trap/.test(message);
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

console.log(`\n${formatTable(results, compared)}`);
console.log(
  `\ngeomean ratio to native (lower is better): ${compared
    .map((n) => `${n} ${geomeans[n]?.toFixed(2) ?? '-'}x over ${geomeanCount[n]} programs`)
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
  programs: results.map((r) => ({
    name: r.name,
    kind: r.kind,
    n: r.n,
    checksum: r.checksum,
    native_ms: r.ms.native,
    js_ms: r.ms.js,
    wasm2js_ms: r.ms.wasm2js,
    ratios: r.ratios,
    compile_ms: r.compileMs,
    rounds: r.rounds,
    errors: r.errors,
    samples_ms: r.samplesMs,
  })),
  geomean: geomeans,
  geomeanCount,
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote ${values.out}`);
// wasmts computing a wrong answer fails the run; a wrong wasm2js answer (binaryen's bug, not ours) is only reported
if (results.some((r) => Object.entries(r.errors).some(([c, m]) => c !== 'wasm2js' && /wrong checksum/.test(m))))
  process.exitCode = 1;
