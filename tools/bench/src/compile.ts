// pnpm bench compile: compile time of the large real modules (1 MB or more, the ttfc list) on the wasm backend
// against the host's own `WebAssembly.validate` + `new WebAssembly.Module` (issue 15's target: within 4x), and
// wasmts's validation alone (`decodeModule` with bodies validated) with and without `--jitless` (the JS backend's
// floor, issue 12). Each measurement runs in a fresh process (V8's tiering makes one process's figure bimodal),
// runs alternate between configurations, and the median and range over `--runs` are reported, in wall time and
// CPU time of the process (the machine is shared: CPU time is the steadier figure).
//
// The `-async` configurations compile with `Module.compile`, which instruments a module of 512 KB or more in a worker:
// each module gets a second row, the CPU of the calling thread alone (Linux's schedstat), what the worker takes off it.
//
// `--stages N` instead times the stages of the API's `new Module` on the wasm backend configurations, N compiles in a
// row in each fresh process (fresh engines, so no cache hit): the first pays V8's warm-up of wasmts's own code, the
// later ones show the warm cost of each stage.
//
// Usage: node --import tsx src/compile.ts [--runs 5] [--only esbuild,ruby] [--configs v8,validate,wasm]
//        [--timeout-s 300] [--out FILE] [--stages N]; configs: v8, validate, validate-jitless, wasm, wasm+fuel,
//        wasm+epoch, and wasm-async, wasm+fuel-async, wasm+epoch-async
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MODULES } from './large-modules.js';
import { packageFile } from './programs-npm.js';

/** The host's engine (the bench's tsconfig has no DOM types). */
declare const WebAssembly: { validate(bytes: Uint8Array): boolean; Module: new (bytes: Uint8Array) => object };

/**
 * The stages of a wasm-backend `new Module`, in order, each ending where the next begins: the content key and private
 * copy of the input (and, on the first compile, the probes of the host's features), the host's validation of the
 * input, environ's decoding and site scan, the names for backtraces, the re-encoder (`instrumentModule`), the host's
 * compile of its output, and the rest of the constructor.
 */
const STAGES = ['key+copy', 'host validate', 'decode+scan', 'names', 'instrument', 'host compile', 'rest'] as const;

/**
 * Times `compiles` wasm-backend `new Module`s of `bytes` (each on a fresh engine) stage by stage, in CPU ms of the
 * process: the host's `WebAssembly.validate` and `WebAssembly.Module` are wrapped to note when the constructor reaches
 * them, and the constructor's progress callback marks the end of decoding and the start of instrumentation.
 */
async function stagesChild(config: Config, bytes: Uint8Array, compiles: number): Promise<void> {
  const host = WebAssembly as unknown as Record<string, unknown>;
  const marks: number[] = [];
  let instrumenting = false;
  const validate = host.validate as (b: Uint8Array) => boolean;
  host.validate = (b: Uint8Array) => {
    const own = b.length === bytes.length;
    if (own) marks.push(cpuMs());
    const ok = validate(b);
    if (own) marks.push(cpuMs());
    return ok;
  };
  const HostModule = host.Module as new (b: Uint8Array) => object;
  class Wrapped extends HostModule {
    constructor(b: Uint8Array) {
      const first = instrumenting;
      instrumenting = false;
      if (first) marks.push(cpuMs());
      super(b);
      if (first) marks.push(cpuMs());
    }
  }
  host.Module = Wrapped;
  const { Config, Engine, Module } = await import('wasmts');
  const out: number[][] = [];
  for (let k = 0; k < compiles; k++) {
    const c = new Config({ backend: 'wasm' });
    if (config === 'wasm+fuel') c.consumeFuel(true);
    if (config === 'wasm+epoch') c.epochInterruption(true);
    const engine = new Engine(c);
    marks.length = 0;
    marks.push(cpuMs());
    const m = new Module(engine, bytes, {
      onProgress: (what, done) => {
        if (what === 'validate') marks.push(cpuMs());
        else if (what === 'instrument' && done === 0) {
          marks.push(cpuMs());
          instrumenting = true;
        }
      },
    });
    marks.push(cpuMs());
    if (m.backend !== 'wasm') throw new Error(`compiled for ${m.backend}: ${m.backendReason}`);
    if (marks.length !== STAGES.length + 1) throw new Error(`${marks.length - 1} stage marks, not ${STAGES.length}`);
    out.push(marks.slice(1).map((t, i) => t - marks[i]));
  }
  console.log(JSON.stringify({ stages: out }));
}

const here = dirname(fileURLToPath(import.meta.url));

const CONFIGS = [
  'v8',
  'validate',
  'validate-jitless',
  'wasm',
  'wasm+fuel',
  'wasm+epoch',
  'wasm-async',
  'wasm+fuel-async',
  'wasm+epoch-async',
] as const;
type Config = (typeof CONFIGS)[number];
interface Sample {
  ms: number;
  cpuMs: number;
  /** CPU of the calling thread alone (Linux; NaN elsewhere): what `Module.compile`'s worker takes off it. */
  mainCpuMs: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU ms of this process's main thread (Linux's per-thread schedstat; NaN where there is none). */
function mainCpuMs(): number {
  try {
    return Number(readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

/** One measurement in this process; prints a Sample as JSON. */
async function child(config: Config, file: string, stages: number): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  if (stages > 0) return stagesChild(config, bytes, stages);
  let run: () => void | Promise<void>;
  if (config === 'v8')
    run = () => {
      if (!WebAssembly.validate(bytes)) throw new Error('V8 rejects the module');
      new WebAssembly.Module(bytes);
    };
  else if (config === 'validate' || config === 'validate-jitless') {
    const { decodeModule } = await import('@wasmts/environ');
    run = () => {
      decodeModule(bytes, { validateBodies: true });
    };
  } else {
    const { Config, Engine, Module } = await import('wasmts');
    const c = new Config({ backend: 'wasm' });
    if (config.startsWith('wasm+fuel')) c.consumeFuel(true);
    if (config.startsWith('wasm+epoch')) c.epochInterruption(true);
    const engine = new Engine(c);
    // `-async`: `Module.compile`, which instruments a large module in a worker (wasmts's wasm-backend/worker.ts)
    run = config.endsWith('-async')
      ? async () => {
          const m = await Module.compile(engine, bytes);
          if (m.backend !== 'wasm') throw new Error(`compiled for ${m.backend}: ${m.backendReason}`);
        }
      : () => {
          const m = new Module(engine, bytes);
          if (m.backend !== 'wasm') throw new Error(`compiled for ${m.backend}: ${m.backendReason}`);
        };
  }
  const c0 = cpuMs();
  const m0 = mainCpuMs();
  const t0 = performance.now();
  await run();
  console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: cpuMs() - c0, mainCpuMs: mainCpuMs() - m0 }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[(s.length - 1) >> 1];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      configs: { type: 'string' },
      'timeout-s': { type: 'string', default: '300' },
      out: { type: 'string', default: resolve(here, '../results/compile.json') },
      stages: { type: 'string' },
    },
  });
  if (values.stages !== undefined) return stagesMain(values);
  const names = values.only === undefined ? Object.keys(MODULES) : values.only.split(',');
  const configs = (values.configs === undefined ? [...CONFIGS] : values.configs.split(',')) as Config[];
  for (const c of configs) if (!CONFIGS.includes(c)) throw new Error(`unknown configuration ${c}`);
  const results: Record<string, unknown>[] = [];
  const cell = (xs: number[]) =>
    xs.length === 0
      ? 'n/a'
      : `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))})`;
  console.log(
    `| module | MB | ${configs.map((c) => `${c} cpu ms`).join(' | ')} | ${configs
      .filter((c) => c !== 'v8')
      .map((c) => `${c} / v8`)
      .join(' | ')} | load |`,
  );
  console.log(`|---|---|${configs.map(() => '---|').join('')}${configs.map(() => '---|').join('')}`.slice(0, -4));
  for (const name of names) {
    const file = packageFile(MODULES[name]);
    const mb = readFileSync(file).length / 1e6;
    const samples = Object.fromEntries(configs.map((c) => [c, [] as Sample[]])) as Record<Config, Sample[]>;
    const notes: string[] = [];
    const load0 = loadavg()[0];
    for (let run = 0; run < Number(values.runs); run++)
      for (const config of run % 2 === 0 ? configs : [...configs].reverse()) {
        const r = spawnSync(
          process.execPath,
          [
            ...(config === 'validate-jitless' ? ['--jitless'] : []),
            '--import',
            'tsx',
            fileURLToPath(import.meta.url),
            '--child',
            config,
            file,
          ],
          { encoding: 'utf8', timeout: Number(values['timeout-s']) * 1000, maxBuffer: 1 << 24 },
        );
        const line = r.stdout.trim().split('\n').pop() ?? '';
        if (r.status !== 0 || !line.startsWith('{')) {
          notes.push(`${config}: ${r.signal ?? `exit ${r.status}`} ${r.stderr.trim().split('\n').pop() ?? ''}`);
          continue;
        }
        samples[config].push(JSON.parse(line) as Sample);
      }
    const cpu = (c: Config) => samples[c].map((s) => s.cpuMs);
    const v8 = median(cpu('v8'));
    const load = `${load0.toFixed(1)}-${loadavg()[0].toFixed(1)}`;
    console.log(
      `| ${name} | ${mb.toFixed(1)} | ${configs.map((c) => cell(cpu(c))).join(' | ')} | ${configs
        .filter((c) => c !== 'v8')
        .map((c) => `${(median(cpu(c)) / v8).toFixed(1)}x`)
        .join(' | ')} | ${load} |`,
    );
    const main = (c: Config) => samples[c].map((s) => s.mainCpuMs).filter((x) => !Number.isNaN(x));
    console.log(
      `|   main thread | | ${configs.map((c) => cell(main(c))).join(' | ')} | ${configs
        .filter((c) => c !== 'v8')
        .map((c) => `${(median(main(c)) / median(main('v8'))).toFixed(1)}x`)
        .join(' | ')} | |`,
    );
    for (const n of new Set(notes)) console.log(`  ${name}: ${n}`);
    results.push({ name, file, mb, samples, load, notes: [...new Set(notes)] });
  }
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(
    values.out,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
  );
}

/** `--stages N`: per module and wasm configuration, the median over `--runs` processes of each stage of each compile. */
async function stagesMain(values: {
  runs: string;
  only?: string;
  configs?: string;
  'timeout-s': string;
  out: string;
  stages?: string;
}): Promise<void> {
  const compiles = Number(values.stages);
  const names = values.only === undefined ? Object.keys(MODULES) : values.only.split(',');
  const configs = (values.configs?.split(',') ?? ['wasm', 'wasm+fuel', 'wasm+epoch']) as Config[];
  for (const c of configs)
    if (!c.startsWith('wasm') || c.endsWith('-async'))
      throw new Error(`--stages times the wasm backend's synchronous configurations, not ${c}`);
  console.log(`CPU ms, median over ${values.runs} processes of ${compiles} compiles each (fresh engines)`);
  console.log(`| module | configuration | compile | total | ${STAGES.join(' | ')} | load |`);
  console.log(`|---|---|---|---|${STAGES.map(() => '---|').join('')}---|`);
  const results: Record<string, unknown>[] = [];
  for (const name of names) {
    const file = packageFile(MODULES[name]);
    const byConfig = Object.fromEntries(configs.map((c) => [c, [] as number[][][]])) as Record<Config, number[][][]>;
    const load0 = loadavg()[0];
    for (let run = 0; run < Number(values.runs); run++)
      for (const config of run % 2 === 0 ? configs : [...configs].reverse()) {
        const r = spawnSync(
          process.execPath,
          ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', config, file, String(compiles)],
          { encoding: 'utf8', timeout: Number(values['timeout-s']) * 1000, maxBuffer: 1 << 24 },
        );
        const line = r.stdout.trim().split('\n').pop() ?? '';
        if (r.status !== 0 || !line.startsWith('{')) {
          console.log(
            `  ${name} ${config}: ${r.signal ?? `exit ${r.status}`} ${r.stderr.trim().split('\n').pop() ?? ''}`,
          );
          continue;
        }
        byConfig[config].push((JSON.parse(line) as { stages: number[][] }).stages);
      }
    const load = `${load0.toFixed(1)}-${loadavg()[0].toFixed(1)}`;
    for (const config of configs) {
      const runs = byConfig[config];
      for (let k = 0; k < compiles && runs.length > 0; k++) {
        const stage = (i: number) => median(runs.map((r) => r[k][i]));
        const total = median(runs.map((r) => r[k].reduce((a, b) => a + b, 0)));
        console.log(
          `| ${name} | ${config} | ${k + 1} | ${Math.round(total)} | ${STAGES.map((_, i) => Math.round(stage(i))).join(' | ')} | ${load} |`,
        );
      }
    }
    results.push({ name, file, stages: STAGES, byConfig, load });
  }
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(
    values.out,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
  );
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') await child(argv[1] as Config, argv[2], Number(argv[3] ?? 0));
else await main();
