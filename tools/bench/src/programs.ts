// pnpm bench programs: real programs run side by side (each configuration in a process of its own, src/programs-run.ts)
// on the host's WebAssembly (native), wasmts (wasm and js backends, plain, with fuel, with epochs), binaryen's wasm2js
// and polywasm; prints each program's
// median time and its ratio to native, then compile, first-call and instantiation times and the generated JS size,
// the geomeans overall and per category, and writes results/latest.json.
// Usage: node --import tsx src/programs.ts [--rounds N] [--budget-ms N] [--out FILE] [--only NAME,...]
//        [--skip NAME,...] [--configs NAME,...] [--category NAME,...] [--quick] [--layout config|program]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Contender, gitCommit, type InputResult, runInput } from './harness.js';
import { CATEGORIES, categoriesOf, type Program, programs } from './programs-catalog.js';
import { type Configuration, configurations, polywasmVersion, wasmEpochTicker } from './programs-configs.js';
import {
  benchPerConfiguration,
  emptyResult,
  INSTANTIATIONS,
  loadConfiguration,
  type ProgramResult,
  recordSetup,
  recordTimings,
  serveWorker,
} from './programs-run.js';
import { geomean, geomeanCi95, median } from './stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    'budget-ms': { type: 'string', default: '15000' },
    out: { type: 'string', default: resolve(here, '../results/latest.json') },
    only: { type: 'string' },
    skip: { type: 'string' },
    configs: { type: 'string' },
    category: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'timeout-s': { type: 'string', default: '900' },
    'in-process': { type: 'boolean', default: false },
    layout: { type: 'string', default: 'config' },
    // internal: the child process of one program (--only NAME), writing its result to --out, its progress to --progress
    child: { type: 'boolean', default: false },
    progress: { type: 'string' },
    // internal: the worker process of one program on one configuration (--only NAME --configs C), serving its parent
    worker: { type: 'boolean', default: false },
  },
});
/** This process serves one program on one configuration to a parent (src/programs-run.ts, `serveWorker`). */
const worker = values.worker === true;
if (values.layout !== 'config' && values.layout !== 'program') {
  console.error(`unknown layout ${values.layout} (config: a process per configuration; program: per program)`);
  process.exit(2);
}
/** This process runs one program for a parent (src/programs.ts without --in-process runs each program so). */
const child = values.child === true;
/**
 * Where a child notes what it is doing (configuration, step) and since when, so that its parent can stop a step that
 * takes too long and say which configuration it was.
 */
const noteProgress = (what: string) => {
  if (!values.progress) return;
  // written whole, then renamed: the parent never reads a half-written note
  writeFileSync(`${values.progress}.new`, `${what}\t${Date.now()}`);
  renameSync(`${values.progress}.new`, values.progress);
};
/** --quick: every program once at its small (smoke) size: a check that everything runs, not a measurement. */
const quick = values.quick === true;
const rounds = quick ? 1 : Number(values.rounds);

/**
 * A full garbage collection, run (untimed) before each run of a program with a `prepare` step (ruby: each run leaves
 * a large instance behind; collecting it inside another configuration's timed run would be unfair to that one).
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const list = (v: string | undefined) => v?.split(',').map((s) => s.trim()) ?? undefined;
const wantedConfigs = list(values.configs);
for (const name of wantedConfigs ?? []) {
  if (!configurations.some((c) => c.name === name)) {
    console.error(`unknown configuration ${name} (${configurations.map((c) => c.name).join(', ')})`);
    process.exit(2);
  }
}
/**
 * native always runs: it is the reference for checksums and ratios. The IR pipeline's configurations (`js+ir*`),
 * `js+nobits`, `wasm+epoch+ticker` and another build's (`base:*`, WASMTS_BASE) run only when named in `--configs`.
 */
const active = configurations.filter(
  (c) =>
    c.name === 'native' ||
    (wantedConfigs
      ? wantedConfigs.includes(c.name)
      : !c.name.startsWith('js+ir') &&
        !c.name.startsWith('base:') &&
        c.name !== wasmEpochTicker.name &&
        c.name !== 'js+nobits'),
);
/**
 * The configurations compared with native: the keys of `geomean` in the report (all of them, even when not run; another
 * build's only when run).
 */
const compared = configurations
  .filter((c) => c.name !== 'native' && (!c.name.startsWith('base:') || active.includes(c)))
  .map((c) => c.name);

async function benchProgram(program: Program, configs: readonly Configuration[]): Promise<ProgramResult> {
  const n = quick ? program.smokeN : program.n;
  const result = emptyResult(program, n, categoriesOf(program, programSizes.get(program.name) ?? 0));
  const contenders: Contender[] = [];
  const sizes = new Map<string, () => number | undefined>();
  let expected: string | undefined;
  let expectedSmall: string | undefined;
  for (const config of configs) {
    const loaded = await loadConfiguration(program, config, {
      n,
      expected,
      expectedSmall,
      collectGarbage,
      noteProgress,
    });
    recordSetup(result, config.name, loaded);
    if (loaded.jsChars) sizes.set(config.name, loaded.jsChars);
    if (!loaded.contender) {
      if (config.name === 'native') break; // no reference: nothing else can be checked
      continue;
    }
    if (config.name === 'native') {
      expectedSmall = loaded.small;
      expected = result.checksum = loaded.first;
    }
    contenders.push(loaded.contender);
  }
  let timed: InputResult | undefined;
  if (expected !== undefined) {
    timed = runInput({ name: program.name, modules: [] }, contenders, {
      warmup: quick ? 0 : 1,
      rounds,
      budgetMs: Number(values['budget-ms']),
      minRounds: Math.min(program.minRounds ?? 3, rounds),
    });
    result.rounds = timed.rounds;
    Object.assign(result.errors, timed.errors);
  }
  for (const [name, size] of sizes) {
    const chars = size();
    if (chars !== undefined) result.jsChars[name] = chars;
  }
  recordTimings(
    result,
    configurations.map((c) => c.name),
    timed?.timings,
  );
  result.load.after = loadavg();
  return result;
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

/** Compile, first-call and instantiation times (ms) per configuration. */
function formatSetup(results: readonly ProgramResult[], names: readonly string[]): string {
  const fmt = (v: number | undefined) => (v === undefined ? '-' : v < 10 ? v.toFixed(2) : v.toFixed(0));
  const header = ['program', 'wasm KB', ...names.map((n) => `${n} compile / first / inst`)];
  const rows = results.map((r) => [
    r.name,
    programSizes.has(r.name) ? ((programSizes.get(r.name) ?? 0) / 1024).toFixed(1) : '-',
    ...names.map((n) =>
      r.compileMs[n] === undefined && r.firstCallMs[n] === undefined
        ? '-'
        : `${fmt(r.compileMs[n])} / ${fmt(r.firstCallMs[n])} / ${fmt(r.instantiateMs[n])}`,
    ),
  ]);
  return formatRows(header, rows, 1);
}

/** Time to first call in CPU ms of the process and its ratio to native's, per configuration. */
function formatFirstCallCpu(results: readonly ProgramResult[], names: readonly string[]): string {
  const header = ['program', ...names];
  const rows = results.map((r) => [
    r.name,
    ...names.map((n) => {
      const ms = r.firstCallCpuMs[n];
      if (ms === undefined) return '-';
      const native = r.firstCallCpuMs.native;
      return n === 'native' || !native ? ms.toFixed(0) : `${ms.toFixed(0)} (${(ms / native).toFixed(2)}x)`;
    }),
  ]);
  return formatRows(header, rows, 1);
}

/** The generated JavaScript's size (KB of characters) where a configuration says, and the wasm's. */
function formatJsSize(results: readonly ProgramResult[], names: readonly string[]): string {
  const withSize = names.filter((n) => results.some((r) => r.jsChars[n] !== undefined));
  const header = ['program', 'wasm KB', ...withSize.map((n) => `${n} JS KB`)];
  const rows = results.map((r) => [
    r.name,
    ((programSizes.get(r.name) ?? 0) / 1024).toFixed(1),
    ...withSize.map((n) => (r.jsChars[n] === undefined ? '-' : (r.jsChars[n] / 1024).toFixed(1))),
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
const wantedCategories = list(values.category);
for (const name of wantedCategories ?? []) {
  if (!(CATEGORIES as readonly string[]).includes(name)) {
    console.error(`unknown category ${name} (${CATEGORIES.join(', ')})`);
    process.exit(2);
  }
}
const selected = programs.filter(
  (p) =>
    (!only || only.includes(p.name)) &&
    !skip.includes(p.name) &&
    (!wantedCategories || categoriesOf(p, p.wasm().byteLength).some((c) => (wantedCategories as string[]).includes(c))),
);
const programSizes = new Map(selected.map((p) => [p.name, p.wasm().byteLength]));
const machine = {
  os: `${platform()} ${release()} ${arch()}`,
  cpu: cpus()[0]?.model ?? '?',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
};
if (!child && !worker) {
  console.log(
    `node ${process.version} (V8 ${process.versions.v8}), ${machine.cores} x ${machine.cpu}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `programs: ${selected.length}; configurations: ${active.map((c) => c.name).join(', ')}; ${
      quick ? 'quick: one round at the small sizes (not a measurement)' : `rounds: up to ${rounds}`
    }, alternating order; medians; ${
      values['in-process']
        ? 'all in this process'
        : values.layout === 'config'
          ? 'each configuration in a process of its own'
          : 'each program in a process of its own'
    }\n`,
  );
}

const here_ = fileURLToPath(import.meta.url);
/**
 * Runs one program in a child process of its own (a crash, an out-of-memory or a hang of one configuration cannot
 * take the run down), killed when one step of one configuration (its compile and first call, or one timed run) has
 * taken more than --timeout-s. That configuration is then reported as TIMEOUT (or FAILED, for a crash) and the
 * program is run again without it (and, if it could not compile in time, without its fuel/epoch variants).
 */
async function benchIsolated(program: Program): Promise<ProgramResult> {
  const timeoutMs = Number(values['timeout-s']) * 1000;
  const dir = mkdtempSync(join(tmpdir(), 'bench-program-'));
  const lost: Record<string, string> = {};
  let names = active.map((c) => c.name).filter((n) => n !== 'native');
  try {
    for (let attempt = 0; attempt <= active.length; attempt++) {
      const out = join(dir, `result-${attempt}.json`);
      const progress = join(dir, `progress-${attempt}`);
      const args = [
        ...process.execArgv,
        here_,
        '--child',
        '--only',
        program.name,
        '--rounds',
        String(values.rounds),
        '--budget-ms',
        String(values['budget-ms']),
        '--out',
        out,
        '--progress',
        progress,
        ...(names.length > 0 ? ['--configs', names.join(',')] : ['--configs', 'native']),
        ...(quick ? ['--quick'] : []),
      ];
      const proc = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (chunk: Buffer) => {
        process.stderr.write(chunk);
        stderr = (stderr + chunk.toString()).slice(-2000);
      });
      let timedOut = false;
      const spawned = Date.now();
      const timer = setInterval(() => {
        const since = existsSync(progress) ? Number(readFileSync(progress, 'utf8').split('\t')[2]) : spawned;
        if (Date.now() - (since || spawned) > timeoutMs) {
          timedOut = true;
          proc.kill('SIGKILL');
        }
      }, 500);
      const [code, signal] = await new Promise<[number | null, string | null]>((done) =>
        proc.on('exit', (c, s) => done([c, s])),
      );
      clearInterval(timer);
      if (existsSync(out)) {
        const result = JSON.parse(readFileSync(out, 'utf8')) as ProgramResult;
        Object.assign(result.errors, lost);
        return result;
      }
      const note = existsSync(progress) ? readFileSync(progress, 'utf8').split('\t') : [];
      const [busy, phase] = note.length >= 2 ? note : ['native', 'start'];
      const last = stderr.trim().split('\n').slice(-1)[0] ?? '';
      lost[busy] = timedOut
        ? `TIMEOUT: still in its ${phase} after ${values['timeout-s']} s`
        : `FAILED: the process died (${signal ?? `exit ${code}`}) in its ${phase}${last ? `: ${last.slice(0, 300)}` : ''}`;
      if (busy === 'native') break;
      // a backend that could not compile in time will not with fuel or epochs either (they compile more): the
      // configurations of the same backend are left out with it
      const family = (name: string) => name.split('+')[0];
      const dropped = phase.startsWith('compile') ? names.filter((n) => family(n) === family(busy)) : [busy];
      for (const n of dropped)
        if (n !== busy) lost[n] = `not run: ${busy} did not compile and run in ${values['timeout-s']} s`;
      names = names.filter((n) => !dropped.includes(n));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const failed = await benchProgram(program, []);
  Object.assign(failed.errors, lost);
  return failed;
}

if (worker) {
  // one program on one configuration, served to the parent until it says `end`
  const [program] = selected;
  const config = configurations.find((c) => c.name === wantedConfigs?.[0]);
  if (!config) throw new Error('--worker takes one configuration (--configs NAME)');
  serveWorker(program, config, { n: quick ? program.smokeN : program.n, collectGarbage, noteProgress });
  await new Promise<never>(() => {}); // the worker exits when its parent says `end` (or kills it)
} else if (child) {
  // one program, its result for the parent; no tables
  const [program] = selected;
  const result = await benchProgram(program, active);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, JSON.stringify(result));
  process.exit(0);
}

/**
 * Runs one program with each configuration in a worker process of its own (src/programs-run.ts), the timed runs of
 * all of them alternating round by round.
 */
function benchPerProcess(program: Program): Promise<ProgramResult> {
  const n = quick ? program.smokeN : program.n;
  return benchPerConfiguration(
    emptyResult(program, n, categoriesOf(program, programSizes.get(program.name) ?? 0)),
    active,
    {
      workerArgs: (config) => [
        ...process.execArgv,
        here_,
        '--worker',
        '--only',
        program.name,
        '--configs',
        config,
        ...(quick ? ['--quick'] : []),
      ],
      timeoutS: Number(values['timeout-s']),
      rounds,
      budgetMs: Number(values['budget-ms']),
      minRounds: Math.min(program.minRounds ?? 3, rounds),
      names: configurations.map((c) => c.name),
    },
  );
}

const results: ProgramResult[] = [];
for (const program of worker || child ? [] : selected) {
  const result = values['in-process']
    ? await benchProgram(program, active)
    : values.layout === 'config'
      ? await benchPerProcess(program)
      : await benchIsolated(program);
  results.push(result);
  const line = compared
    .filter((n) => active.some((c) => c.name === n))
    .map((n) => `${n} ${result.ratios[n] ? `${result.ratios[n]?.toFixed(2)}x` : '-'}`)
    .join(', ');
  console.log(
    `  ${program.name}: native ${result.ms.native?.toFixed(1) ?? '-'} ms, ${line} (load ${result.load.after
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  for (const [name, message] of Object.entries(result.errors)) {
    // wasmts failing is loud; wasm2js or polywasm unable to run a program is a fact of the table (a wrong answer
    // from them is still loud)
    const loud =
      /wrong checksum|Trap|fuel|^TIMEOUT|^FAILED/.test(message) ||
      (!/^(wasm2js|polywasm)$/.test(name) && /Error/.test(message));
    (loud ? console.error : console.warn)(`  ${loud ? 'FAILED' : 'skipped'}: ${program.name} on ${name}: ${message}`);
  }
}

const geomeans: Record<string, number | null> = {};
const geomeanCount: Record<string, number> = {};
const geomeanCi: Record<string, [number, number] | null> = {};
for (const name of compared) {
  const ratios = results.map((r) => r.ratios[name]).filter((q): q is number => typeof q === 'number');
  geomeans[name] = geomean(ratios);
  geomeanCount[name] = ratios.length;
  geomeanCi[name] = geomeanCi95(ratios);
}

// the same from CPU time: on a loaded machine wall time includes waiting for a core, CPU time does not
const geomeansCpu: Record<string, number | null> = {};
for (const name of compared)
  geomeansCpu[name] = geomean(results.map((r) => r.cpuRatios[name]).filter((q): q is number => typeof q === 'number'));

// per category: the geomean of each configuration over the category's programs it ran
const categoryGeomeans: Record<string, Record<string, number | null>> = {};
const categoryCounts: Record<string, Record<string, number>> = {};
for (const category of CATEGORIES) {
  const inCategory = results.filter((r) => r.categories.includes(category));
  categoryGeomeans[category] = {};
  categoryCounts[category] = {};
  for (const name of compared) {
    const ratios = inCategory.map((r) => r.ratios[name]).filter((q): q is number => typeof q === 'number');
    categoryGeomeans[category][name] = geomean(ratios);
    categoryCounts[category][name] = ratios.length;
  }
}
// on the programs both ran: js against wasm2js, and js against polywasm
const headToHead: Record<string, { programs: number; js: number | null; other: number | null }> = {};
for (const other of ['wasm2js', 'polywasm']) {
  const both = results.filter((r) => typeof r.ratios.js === 'number' && typeof r.ratios[other] === 'number');
  headToHead[other] = {
    programs: both.length,
    js: geomean(both.map((r) => r.ratios.js as number)),
    other: geomean(both.map((r) => r.ratios[other] as number)),
  };
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
  `\ncompile / first call / instantiate, ms (first call: from the bytes to the first run at the small size ` +
    `returning, instantiation included; instantiate: median of ${INSTANTIATIONS} fresh instances incl. _initialize; ` +
    `wasm2js: compile is evaluating the translated source)\n${formatSetup(
      results,
      active.map((c) => c.name),
    )}`,
);
console.log(
  `\ntime to first call, CPU ms of the process (every thread; ratio to native): from the bytes to the first run at ` +
    `the small size returning${
      values.layout === 'config' && !values['in-process'] ? ', each in a fresh process' : ''
    }\n${formatFirstCallCpu(
      results,
      active.map((c) => c.name),
    )}`,
);
console.log(`\ngenerated JavaScript (KB of characters)\n${formatJsSize(results, shown)}`);
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
    .map((n) => {
      const ci = geomeanCi[n];
      const range = ci === null ? '' : ` [95% CI ${ci[0].toFixed(2)}-${ci[1].toFixed(2)}]`;
      return `${n} ${geomeans[n] ? `${geomeans[n]?.toFixed(2)}x${range}` : '-'} over ${geomeanCount[n]} programs`;
    })
    .join(', ')}`,
);
console.log(
  `geomean ratio to native in CPU time (the process's, every thread): ${compared
    .map((n) => `${n} ${geomeansCpu[n] ? `${geomeansCpu[n]?.toFixed(2)}x` : '-'}`)
    .join(', ')}`,
);
console.log('\ngeomean ratio to native per category (programs counted in parentheses; lower is better)');
console.log(
  formatRows(
    ['category', ...shown],
    CATEGORIES.map((c) => [
      c,
      ...shown.map((n) => {
        const g = categoryGeomeans[c][n];
        return g === null ? '-' : `${g.toFixed(2)}x (${categoryCounts[c][n]})`;
      }),
    ]),
    1,
  ),
);
for (const [other, h] of Object.entries(headToHead))
  if (h.programs > 0)
    console.log(
      `on the ${h.programs} programs both ran: js ${h.js?.toFixed(2)}x, ${other} ${h.other?.toFixed(2)}x native`,
    );
const spreads = results.flatMap((r) => Object.values(r.spread));
if (spreads.length > 0)
  console.log(
    `spread of the timed runs, (slowest - fastest) / median: median ${(median(spreads) * 100).toFixed(0)}%, ` +
      `largest ${(Math.max(...spreads) * 100).toFixed(0)}%`,
  );
console.log(
  `load average now ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (1, 5, 15 min)`,
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
  polywasm: polywasmVersion(),
  quick,
  loadavg: loadavg(),
  date: new Date().toISOString(),
  commit: gitCommit(),
  configurations: active.map((c) => c.name),
  layout: values['in-process'] ? 'in-process' : values.layout,
  programs: results.map((r) => ({
    name: r.name,
    kind: r.kind,
    origin: r.origin,
    categories: r.categories,
    n: r.n,
    wasm_bytes: programSizes.get(r.name),
    checksum: r.checksum,
    native_ms: r.ms.native,
    js_ms: r.ms.js,
    wasm2js_ms: r.ms.wasm2js,
    ms: r.ms,
    ratios: r.ratios,
    compile_ms: r.compileMs,
    first_call_ms: r.firstCallMs,
    first_call_cpu_ms: r.firstCallCpuMs,
    instantiate_ms: r.instantiateMs,
    js_chars: r.jsChars,
    spread: r.spread,
    loadavg: r.load,
    backends: r.backends,
    pids: r.pids,
    rounds: r.rounds,
    errors: r.errors,
    samples_ms: r.samplesMs,
    cpu_samples_ms: r.cpuSamplesMs,
    cpu_ms: r.cpuMs,
    cpu_ratios: r.cpuRatios,
  })),
  geomean: geomeans,
  geomeanCpu: geomeansCpu,
  geomeanCount,
  geomeanCi95: geomeanCi,
  categories: categoryGeomeans,
  categoryCount: categoryCounts,
  headToHead,
  overhead,
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote ${values.out}`);
// wasmts computing a wrong answer (or failing a fuel check) fails the run; a wrong wasm2js or polywasm answer
// (their bugs, not ours) is only reported
if (
  results.some((r) =>
    Object.entries(r.errors).some(
      ([c, m]) => c !== 'wasm2js' && c !== 'polywasm' && /wrong checksum|fuel|Trap/.test(m),
    ),
  )
)
  process.exitCode = 1;
