// Side-by-side timing: each round runs every contender once, in an order that alternates between rounds,
// so drift (thermal, GC, other processes on a shared machine) hits both sides alike.

import { execFileSync } from 'node:child_process';

/** A named function to time on one input. */
export interface Contender {
  readonly name: string;
  readonly run: (input: Uint8Array[]) => void;
  /** Untimed work before each timed run (e.g. a fresh instance for it). */
  readonly prepare?: () => void;
}

/** One input: one module, or a set of small modules timed together. */
export interface BenchInput {
  readonly name: string;
  readonly modules: Uint8Array[];
}

/** Timing summary of one contender on one input. */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Decimal megabytes (10^6 bytes) per second at the median. */
  readonly mbPerSec: number;
  readonly samplesMs: number[];
  /**
   * The process's CPU time (user + system, every thread: V8's background compilers and GC included) per run,
   * and its median: on a shared machine the wall time includes waiting for a core, which the CPU time does not.
   */
  readonly cpuSamplesMs: number[];
  readonly cpuMedianMs: number;
}

/** Result of one input. `error` is set when a contender threw; it is then left out of the timing. */
export interface InputResult {
  readonly name: string;
  readonly modules: number;
  readonly bytes: number;
  readonly rounds: number;
  readonly timings: Record<string, Timing>;
  readonly errors: Record<string, string>;
}

/** How many rounds to run. */
export interface RunOptions {
  readonly warmup: number;
  readonly rounds: number;
  /** Stop early once this much time (ms) has been spent on an input, if at least `minRounds` are done. */
  readonly budgetMs?: number;
  readonly minRounds?: number;
}

/** Median of a non-empty list (./stats.ts). */
export { median } from './stats.js';

import { median } from './stats.js';

/** One timed run: wall and CPU milliseconds (the process's CPU time, every thread). */
export function timeOnce(contender: Contender, modules: Uint8Array[]): { wall: number; cpu: number } {
  contender.prepare?.();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  contender.run(modules);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e3 };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Times every contender on `input`, alternating their order each round. */
export function runInput(input: BenchInput, contenders: readonly Contender[], options: RunOptions): InputResult {
  const bytes = input.modules.reduce((sum, m) => sum + m.byteLength, 0);
  const errors: Record<string, string> = {};
  const live = contenders.filter((c) => {
    try {
      c.prepare?.();
      c.run(input.modules);
      return true;
    } catch (error) {
      errors[c.name] = describe(error);
      return false;
    }
  });
  for (let i = 1; i < options.warmup; i++) {
    for (const c of live) {
      c.prepare?.();
      c.run(input.modules);
    }
  }

  const samples = new Map<string, number[]>(live.map((c) => [c.name, []]));
  const cpuSamples = new Map<string, number[]>(live.map((c) => [c.name, []]));
  const started = performance.now();
  let rounds = 0;
  while (rounds < options.rounds) {
    const order = rounds % 2 === 0 ? live : [...live].reverse();
    for (const c of order) {
      const t = timeOnce(c, input.modules);
      samples.get(c.name)?.push(t.wall);
      cpuSamples.get(c.name)?.push(t.cpu);
    }
    rounds++;
    const spent = performance.now() - started;
    if (options.budgetMs !== undefined && spent > options.budgetMs && rounds >= (options.minRounds ?? 3)) break;
  }

  const timings: Record<string, Timing> = {};
  for (const [name, ms] of samples) timings[name] = summarize(ms, cpuSamples.get(name) ?? [0], bytes);
  return { name: input.name, modules: input.modules.length, bytes, rounds, timings, errors };
}

/** Medians, range and throughput of one contender's samples (wall and CPU ms) over `bytes` of input. */
export function summarize(ms: number[], cpuMs: number[], bytes: number): Timing {
  const med = median(ms);
  return {
    medianMs: med,
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    mbPerSec: bytes / 1e6 / (med / 1e3),
    samplesMs: ms,
    cpuSamplesMs: cpuMs,
    cpuMedianMs: median(cpuMs),
  };
}

/** `a`'s median time over `b`'s: 2 means `a` takes twice as long. */
export function ratio(result: InputResult, a: string, b: string): number | undefined {
  const ta = result.timings[a];
  const tb = result.timings[b];
  return ta && tb ? ta.medianMs / tb.medianMs : undefined;
}

/** A plain-text table of the results. */
export function formatTable(results: readonly InputResult[], a: string, b: string): string {
  const header = ['input', 'MB', `${a} ms`, `${a} MB/s`, `${b} ms`, `${b} MB/s`, `ratio ${a}/${b}`, 'rounds'];
  const rows = results.map((r) => {
    const ta = r.timings[a];
    const tb = r.timings[b];
    const q = ratio(r, a, b);
    return [
      r.modules > 1 ? `${r.name} (${r.modules} modules)` : r.name,
      (r.bytes / 1e6).toFixed(2),
      ta ? ta.medianMs.toFixed(2) : r.errors[a] ? 'error' : '-',
      ta ? ta.mbPerSec.toFixed(1) : '-',
      tb ? tb.medianMs.toFixed(2) : r.errors[b] ? 'error' : '-',
      tb ? tb.mbPerSec.toFixed(1) : '-',
      q === undefined ? '-' : `${q.toFixed(2)}x`,
      String(r.rounds),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The short hash of the checked-out commit, for stamping reports (undefined outside a git checkout). */
export function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
