// pnpm bench programs: one program on its configurations. A configuration is loaded (compile, first call, fresh
// instances, a checked run) by `loadConfiguration`; `benchPerConfiguration` gives each configuration a process of
// its own (`--layout config`, the default: a worker serving `serveWorker`) and drives their timed runs round by
// round from the parent, in an order that alternates between rounds, as `runInput` of src/harness.ts does within one
// process. In one process, configurations of wasmts disturb each other: host crossings of the wasm backend cost about
// twice as much once wasm, wasm+fuel and wasm+epoch have all run there (README, "Process layout").
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { type Contender, summarize, type Timing, timeOnce } from './harness.js';
import type { Program } from './program.js';
import type { Configuration } from './programs-configs.js';

/** One program's outcome. */
export interface ProgramResult {
  name: string;
  kind: string;
  origin: string;
  categories: string[];
  n: number;
  checksum?: string;
  rounds: number;
  ms: Record<string, number | null>;
  ratios: Record<string, number | null>;
  compileMs: Record<string, number>;
  /** Bytes to the first run (at the small size) returning: compile, instantiate, the run itself. */
  firstCallMs: Record<string, number>;
  /** The same in CPU time of the process (every thread). */
  firstCallCpuMs: Record<string, number>;
  instantiateMs: Record<string, number>;
  /** Characters of JavaScript generated for the module, where the configuration says. */
  jsChars: Record<string, number>;
  /** (slowest - fastest) / median of the timed runs. */
  spread: Record<string, number>;
  /** os.loadavg() (1, 5, 15 minutes) when the program started and when it finished. */
  load: { before: number[]; after: number[] };
  /** The backend each configuration actually ran on. */
  backends: Record<string, string>;
  /** The process each configuration ran in (one per configuration with `--layout config`). */
  pids: Record<string, number>;
  /** Why a configuration has no time: it cannot run the program, it threw, or it computed a wrong checksum. */
  errors: Record<string, string>;
  samplesMs: Record<string, number[]>;
  /** The CPU time of each timed run (the process's, every thread). */
  cpuSamplesMs: Record<string, number[]>;
  /** Median CPU time per configuration (the process's, every thread), and its ratio to native's. */
  cpuMs: Record<string, number | null>;
  cpuRatios: Record<string, number | null>;
}

export function emptyResult(program: Program, n: number, categories: string[]): ProgramResult {
  return {
    name: program.name,
    kind: program.kind,
    origin: program.origin,
    categories,
    n,
    rounds: 0,
    ms: {},
    ratios: {},
    compileMs: {},
    firstCallMs: {},
    firstCallCpuMs: {},
    instantiateMs: {},
    jsChars: {},
    spread: {},
    load: { before: loadavg(), after: [] },
    backends: {},
    pids: {},
    errors: {},
    samplesMs: {},
    cpuSamplesMs: {},
    cpuMs: {},
    cpuRatios: {},
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** How many fresh instances are timed (median) per program and configuration. */
export const INSTANTIATIONS = 3;

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
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/** What loading a program on one configuration gave (sent from a worker to its parent as it is, but `contender`). */
export interface Setup {
  backend?: string;
  compileMs?: number;
  firstCallMs?: number;
  firstCallCpuMs?: number;
  instantiateMs?: number;
  /** The checksums of the first run at the small size and of the first run at the bench's size. */
  small?: string;
  first?: string;
  /** Why the configuration is not timed. */
  error?: string;
  /** The process that loaded and ran it. */
  pid?: number;
}

/** A loaded configuration: its setup figures, and what to time. */
export interface LoadedConfiguration extends Setup {
  contender?: Contender;
  jsChars?: () => number | undefined;
}

export interface LoadOptions {
  /** The size of the timed runs. */
  readonly n: number;
  /** native's checksums (at the small size and at `n`): every other configuration must compute them. */
  readonly expectedSmall?: string;
  readonly expected?: string;
  readonly collectGarbage: () => void;
  readonly noteProgress: (what: string) => void;
}

/**
 * Compiles `program` on `config`, makes its first call (the small size, timed from the bytes: time to first call),
 * times fresh instantiations and makes the first run at the bench's size (checked against native's checksums).
 */
export async function loadConfiguration(
  program: Program,
  config: Configuration,
  options: LoadOptions,
): Promise<LoadedConfiguration> {
  const isNative = config.name === 'native';
  const setup: LoadedConfiguration = { pid: process.pid };
  try {
    options.collectGarbage();
    options.noteProgress(`${config.name}\tcompile and first call`);
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const loaded = await config.load(program);
    if ('unavailable' in loaded) return { ...setup, error: loaded.unavailable };
    setup.backend = loaded.backend;
    if (loaded.backend !== config.expectBackend) {
      // e.g. `backend: 'wasm'` before wasmts has a wasm backend: those would be js-backend times (compile too)
      setup.error =
        `not timed: the module ran on the ${loaded.backend} backend, not ${config.expectBackend}` +
        (loaded.backendReason ? ` (${loaded.backendReason})` : '');
      return setup;
    }
    if (loaded.compileMs !== undefined) setup.compileMs = loaded.compileMs;
    const { session } = loaded;
    await program.init?.(session);
    // time to first call: from the bytes to the first run (small size, on a new instance) returning
    const small = program.run(session, program.smokeN, program.prepare?.(session));
    setup.firstCallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuStart);
    setup.firstCallCpuMs = (cpu.user + cpu.system) / 1e3;
    setup.small = small;
    if (!isNative && small !== options.expectedSmall)
      throw new Error(`wrong checksum at the small size: ${small}, native computes ${options.expectedSmall}`);
    // the generated JS's size is read after the timed runs: what the whole run compiled (lazily: the functions called)
    if (loaded.jsSourceChars !== undefined) setup.jsChars = () => loaded.jsSourceChars?.();
    const instantiateMs =
      program.timeInstantiation === false ? undefined : timeInstantiation(() => session.instantiate({}));
    if (instantiateMs !== undefined) setup.instantiateMs = instantiateMs;
    let prepared: unknown;
    const prepare = program.prepare
      ? () => {
          prepared = undefined;
          options.collectGarbage();
          prepared = program.prepare?.(session);
        }
      : undefined;
    const once = () => {
      const got = program.run(session, options.n, prepared);
      loaded.afterRun?.();
      return got;
    };
    // the first run is checked here (and doubles as warm-up); every timed run is checked again
    prepare?.();
    const first = once();
    setup.first = first;
    const expected = isNative ? first : options.expected;
    const check = (got: string) => {
      if (got !== expected) throw new Error(`wrong checksum: ${got}, native computes ${expected}`);
    };
    check(first);
    setup.contender = {
      name: config.name,
      prepare: () => {
        options.noteProgress(`${config.name}\ttimed runs`);
        prepare?.();
      },
      run: () => check(once()),
    };
  } catch (error) {
    setup.error = describe(error);
    setup.contender = undefined;
  }
  return setup;
}

/** Copies a configuration's setup figures into the program's result. */
export function recordSetup(result: ProgramResult, name: string, setup: Setup): void {
  if (setup.backend !== undefined) result.backends[name] = setup.backend;
  if (setup.pid !== undefined) result.pids[name] = setup.pid;
  if (setup.compileMs !== undefined) result.compileMs[name] = setup.compileMs;
  if (setup.firstCallMs !== undefined) result.firstCallMs[name] = setup.firstCallMs;
  if (setup.firstCallCpuMs !== undefined) result.firstCallCpuMs[name] = setup.firstCallCpuMs;
  if (setup.instantiateMs !== undefined) result.instantiateMs[name] = setup.instantiateMs;
  if (setup.error !== undefined) result.errors[name] = setup.error;
}

/** Medians, ratios to native, spreads and samples of every configuration (`names`; null where it has no time). */
export function recordTimings(
  result: ProgramResult,
  names: readonly string[],
  timings: Record<string, Timing> | undefined,
): void {
  const nativeMs = timings?.native?.medianMs;
  const nativeCpu = timings?.native?.cpuMedianMs;
  for (const name of names) {
    const timing = timings?.[name];
    result.ms[name] = timing ? timing.medianMs : null;
    if (timing) {
      result.samplesMs[name] = timing.samplesMs;
      result.cpuSamplesMs[name] = timing.cpuSamplesMs;
      result.spread[name] = (timing.maxMs - timing.minMs) / timing.medianMs;
    }
    if (name !== 'native') result.ratios[name] = timing && nativeMs ? timing.medianMs / nativeMs : null;
    result.cpuMs[name] = timing ? timing.cpuMedianMs : null;
    if (name !== 'native') result.cpuRatios[name] = timing && nativeCpu ? timing.cpuMedianMs / nativeCpu : null;
  }
}

/** A parent's request to a worker, and the worker's answer. */
type Request =
  | { op: 'load'; expectedSmall?: string; expected?: string }
  | { op: 'warm' }
  | { op: 'run' }
  | { op: 'end' };
type Answer =
  | { op: 'ready' }
  | ({ op: 'loaded' } & Setup)
  | { op: 'ran'; wall: number; cpu: number }
  | { op: 'ended'; jsChars?: number }
  | { op: 'failed'; error: string };

/**
 * The worker side (`src/programs.ts --worker`): serves its parent's requests for one program on one configuration:
 * `load` (loadConfiguration), `warm` (one untimed checked run), `run` (one timed checked run: wall and CPU ms of this
 * process), `end` (the generated JS's size; then the worker exits).
 */
export function serveWorker(program: Program, config: Configuration, options: Omit<LoadOptions, 'expected'>): void {
  const send = (answer: Answer) => process.send?.(answer);
  let loaded: LoadedConfiguration | undefined;
  process.on('message', (request: Request) => {
    void (async () => {
      try {
        if (request.op === 'load') {
          loaded = await loadConfiguration(program, config, { ...options, ...request });
          const { contender: _c, jsChars: _j, ...setup } = loaded;
          send({ op: 'loaded', ...setup });
        } else if (!loaded?.contender) {
          send({ op: 'failed', error: 'not loaded' });
        } else if (request.op === 'warm') {
          loaded.contender.prepare?.();
          loaded.contender.run([]);
          send({ op: 'ran', wall: 0, cpu: 0 });
        } else if (request.op === 'run') {
          const { wall, cpu } = timeOnce(loaded.contender, []);
          send({ op: 'ran', wall, cpu });
        } else {
          process.send?.({ op: 'ended', jsChars: loaded.jsChars?.() } satisfies Answer, () => process.exit(0));
        }
      } catch (error) {
        send({ op: 'failed', error: describe(error) });
      }
    })();
  });
  send({ op: 'ready' });
}

/** A worker process as its parent sees it: one request at a time, each within the time limit. */
class Worker {
  private readonly proc: ChildProcess;
  private stderr = '';
  private waiting?: { done: (a: Answer) => void; fail: (e: Error) => void; phase: string };
  private exited?: string;

  constructor(
    args: string[],
    private readonly timeoutS: number,
  ) {
    this.proc = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    this.proc.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      this.stderr = (this.stderr + chunk.toString()).slice(-2000);
    });
    this.proc.on('message', (answer: Answer) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.done(answer);
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = signal ?? `exit ${code}`;
      const waiting = this.waiting;
      this.waiting = undefined;
      const last = this.stderr.trim().split('\n').slice(-1)[0] ?? '';
      waiting?.fail(
        new Error(
          `FAILED: the process died (${this.exited}) in its ${waiting.phase}${last ? `: ${last.slice(0, 300)}` : ''}`,
        ),
      );
    });
  }

  /** The next answer (the first is `ready`, once the worker has loaded its code), within the time limit. */
  answer(phase: string, request?: Request): Promise<Answer> {
    return new Promise((done, fail) => {
      if (this.exited !== undefined) {
        fail(new Error(`FAILED: the process died (${this.exited}) before its ${phase}`));
        return;
      }
      const timer = setTimeout(() => {
        this.waiting = undefined;
        this.proc.kill('SIGKILL');
        fail(new Error(`TIMEOUT: still in its ${phase} after ${this.timeoutS} s`));
      }, this.timeoutS * 1000);
      this.waiting = {
        done: (a) => {
          clearTimeout(timer);
          done(a);
        },
        fail: (e) => {
          clearTimeout(timer);
          fail(e);
        },
        phase,
      };
      if (request) this.proc.send(request);
    });
  }

  kill(): void {
    if (this.exited === undefined) this.proc.kill('SIGKILL');
  }
}

export interface LayoutOptions {
  /** The arguments of a worker for one configuration: node's, the script's, `--worker --only NAME --configs C`. */
  readonly workerArgs: (config: string) => string[];
  readonly timeoutS: number;
  readonly rounds: number;
  readonly budgetMs: number;
  readonly minRounds: number;
  /** Every configuration's name (the result's keys). */
  readonly names: readonly string[];
}

/**
 * Runs `program` on `configs` (native first), each configuration in a worker process of its own: loads them one
 * after the other, then times rounds of one run each, alternating the order between rounds, until `rounds` or the
 * budget (once `minRounds` are done). A worker that overruns a step (`timeoutS`) is killed and its configuration
 * reported as TIMEOUT (FAILED if it dies); one that could not compile in time takes its `+fuel`/`+epoch` variants
 * out with it. Without native's checksum nothing else runs.
 */
export async function benchPerConfiguration(
  result: ProgramResult,
  configs: readonly Configuration[],
  options: LayoutOptions,
): Promise<ProgramResult> {
  const live: { name: string; worker: Worker; wall: number[]; cpu: number[] }[] = [];
  const family = (name: string) => name.split('+')[0];
  const droppedFamilies = new Map<string, string>();
  let expectedSmall: string | undefined;
  let expected: string | undefined;
  for (const config of configs) {
    const { name } = config;
    const droppedBy = droppedFamilies.get(family(name));
    if (droppedBy !== undefined) {
      result.errors[name] = `not run: ${droppedBy} did not compile and run in ${options.timeoutS} s`;
      continue;
    }
    const worker = new Worker(options.workerArgs(name), options.timeoutS);
    let phase = 'start';
    try {
      await worker.answer(phase);
      phase = 'compile and first call';
      const setup = await worker.answer(phase, { op: 'load', expectedSmall, expected });
      if (setup.op !== 'loaded') throw new Error(setup.op === 'failed' ? setup.error : `unexpected ${setup.op}`);
      const { op: _op, ...figures } = setup;
      recordSetup(result, name, figures);
      if (figures.error !== undefined) throw undefined;
      if (name === 'native') {
        expectedSmall = figures.small;
        expected = result.checksum = figures.first;
      }
      phase = 'timed runs';
      const warm = await worker.answer(phase, { op: 'warm' });
      if (warm.op === 'failed') throw new Error(warm.error);
      live.push({ name, worker, wall: [], cpu: [] });
    } catch (error) {
      worker.kill();
      if (error !== undefined) {
        const message = error instanceof Error ? error.message : String(error);
        result.errors[name] = message;
        if (/^(TIMEOUT|FAILED)/.test(message) && phase.startsWith('compile') && name !== 'native')
          droppedFamilies.set(family(name), name);
      }
      if (name === 'native') break; // no reference: nothing else can be checked
    }
  }
  let rounds = 0;
  if (expected !== undefined) {
    const started = performance.now();
    while (rounds < options.rounds && live.length > 0) {
      const order = rounds % 2 === 0 ? [...live] : [...live].reverse();
      for (const entry of order) {
        try {
          const ran = await entry.worker.answer('timed runs', { op: 'run' });
          if (ran.op !== 'ran') throw new Error(ran.op === 'failed' ? ran.error : `unexpected ${ran.op}`);
          entry.wall.push(ran.wall);
          entry.cpu.push(ran.cpu);
        } catch (error) {
          result.errors[entry.name] = error instanceof Error ? error.message : String(error);
          entry.worker.kill();
          live.splice(live.indexOf(entry), 1);
        }
      }
      rounds++;
      const spent = performance.now() - started;
      if (spent > options.budgetMs && rounds >= options.minRounds) break;
    }
  }
  result.rounds = rounds;
  const timings: Record<string, Timing> = {};
  for (const entry of live) {
    try {
      const ended = await entry.worker.answer('end', { op: 'end' });
      if (ended.op === 'ended' && ended.jsChars !== undefined) result.jsChars[entry.name] = ended.jsChars;
    } catch {
      // the size is a side figure: a worker that cannot say it still has its times
    }
    entry.worker.kill();
    if (entry.wall.length > 0 && !(entry.name in result.errors))
      timings[entry.name] = summarize(entry.wall, entry.cpu, 0);
  }
  recordTimings(result, options.names, timings);
  result.load.after = loadavg();
  return result;
}
