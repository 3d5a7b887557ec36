// What V8's optimizing compiler did with the js backend's generated functions, run by run, from the text of
// `node --trace-opt --trace-deopt` with a marker line before each run (`pnpm bench warmup NAME --v8-trace`): how many
// TurboFan compiles of generated code finished in each run and their time, which functions were compiled more than
// once, and each deoptimization of generated code with its reason. Only V8's own trace format is read (Node 20 /
// V8 11.3: `[completed compiling 0x.. <JSFunction NAME (sfi = 0x..)> (target TURBOFAN) OSR - took A, B, C ms]`,
// `[bailout (kind: K, reason: R): begin. deoptimizing 0x.. <JSFunction NAME ...`); other lines are ignored.

/** The marker warmup.ts prints before run `i` (0 is the warm-up run); lines before the first belong to the first call. */
export const RUN_MARKER = '=== wasmts warmup run ';
/** The marker warmup.ts prints before loading the program on a configuration (`splitConfigs`). */
export const CONFIG_MARKER = '=== wasmts warmup config ';

/** A trace's text per configuration, in order (text before the first marker is dropped). */
export function splitConfigs(text: string): [config: string, text: string][] {
  const parts = text.split(CONFIG_MARKER).slice(1);
  return parts.map((p) => {
    const end = p.indexOf('\n');
    return [p.slice(0, end), p.slice(end + 1)];
  });
}

/** A generated function's name: `f<index>`, with a piece or entry suffix (`f12$p`, `f3$s1`, `f830$o2`). */
const GENERATED = /^f\d+(\$[\w$]*)?$/;

const COMPLETED =
  /^\[completed compiling 0x[0-9a-f]+ <JSFunction (\S+) .*\(target TURBOFAN\)( OSR)?.* - took ([\d.]+), ([\d.]+), ([\d.]+) ms\]/;
const BAILOUT = /^\[bailout \(kind: ([^,]+), reason: (.*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction (\S+) /;

export interface Compile {
  readonly name: string;
  readonly osr: boolean;
  /** The three phases V8 reports (prepare, optimize, finalize), ms of wall time; the middle one runs concurrently. */
  readonly ms: number;
}

export interface Deopt {
  readonly name: string;
  readonly kind: string;
  readonly reason: string;
}

export interface RunTrace {
  /** -1: the first call (loading, the small run); 0: the warm-up run; then the timed runs. */
  readonly run: number;
  readonly compiles: Compile[];
  readonly deopts: Deopt[];
}

/** Splits a trace into runs and keeps the compiles and deopts of generated functions. */
export function parseTrace(text: string): RunTrace[] {
  const runs: RunTrace[] = [{ run: -1, compiles: [], deopts: [] }];
  for (const line of text.split('\n')) {
    const current = runs[runs.length - 1];
    if (line.startsWith(RUN_MARKER)) {
      runs.push({ run: Number(line.slice(RUN_MARKER.length)), compiles: [], deopts: [] });
      continue;
    }
    const c = COMPLETED.exec(line);
    if (c !== null) {
      if (GENERATED.test(c[1]))
        current.compiles.push({ name: c[1], osr: c[2] !== undefined, ms: Number(c[3]) + Number(c[4]) + Number(c[5]) });
      continue;
    }
    const b = BAILOUT.exec(line);
    if (b !== null && GENERATED.test(b[3])) current.deopts.push({ name: b[3], kind: b[1], reason: b[2] });
  }
  return runs;
}

/** The lines `pnpm bench warmup --v8-trace` prints: per run, then the functions compiled more than once. */
export function summarizeTrace(runs: readonly RunTrace[]): string[] {
  const out: string[] = [];
  const total = new Map<string, { n: number; ms: number }>();
  for (const r of runs) {
    const ms = r.compiles.reduce((s, c) => s + c.ms, 0);
    const osr = r.compiles.filter((c) => c.osr).length;
    const top = [...r.compiles]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((c) => `${c.name}${c.osr ? ' (OSR)' : ''} ${c.ms.toFixed(0)}`);
    const label = r.run === -1 ? 'first call' : r.run === 0 ? 'warm-up' : `run ${r.run}`;
    out.push(
      `  ${label}: ${r.compiles.length} TurboFan compiles of generated code (${osr} OSR), ${ms.toFixed(0)} ms` +
        `${top.length > 0 ? ` (largest: ${top.join(', ')})` : ''}; ${r.deopts.length} deopts` +
        (r.deopts.length > 0 ? `: ${r.deopts.map((d) => `${d.name} "${d.reason}"`).join(', ')}` : ''),
    );
    for (const c of r.compiles) {
      const t = total.get(c.name) ?? { n: 0, ms: 0 };
      t.n++;
      t.ms += c.ms;
      total.set(c.name, t);
    }
  }
  const again = [...total].filter(([, t]) => t.n > 1).sort((a, b) => b[1].ms - a[1].ms);
  const all = [...total.values()].reduce((s, t) => s + t.ms, 0);
  const repeated = again.reduce((s, [, t]) => s + (t.ms * (t.n - 1)) / t.n, 0);
  out.push(
    `  compiled more than once: ${again.length} functions, about ${repeated.toFixed(0)} of ${all.toFixed(0)} ms of ` +
      `compiles again` +
      (again.length > 0
        ? ` (${again
            .slice(0, 6)
            .map(([n, t]) => `${n} x${t.n} ${t.ms.toFixed(0)} ms`)
            .join(', ')})`
        : ''),
  );
  return out;
}
