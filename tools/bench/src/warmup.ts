// pnpm bench warmup NAME [--configs js] [--runs 8]: one program's runs one after the other in this process, each
// run's CPU time split between the main thread and the process's other threads (V8's concurrent optimizing compiler,
// the collector's helpers), to see how much of a run is warm-up: `pnpm bench programs` times the median of a few
// runs after one warm-up run, and on the js backend those are still paying for V8's tier-up of the generated code.
// Linux only for the split (it reads /proc/self/task/*/stat); elsewhere only the process's CPU time is printed.
// `--v8-trace` runs the same in a child process with V8's `--trace-opt --trace-deopt` and adds, per run, what V8's
// optimizing compiler did with the generated functions (src/v8-trace.ts): compiles, their time, deopts and reasons.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { programs } from './programs-catalog.js';
import { configurations } from './programs-configs.js';
import { CONFIG_MARKER, parseTrace, RUN_MARKER, splitConfigs, summarizeTrace } from './v8-trace.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    configs: { type: 'string', default: 'native,js' },
    runs: { type: 'string', default: '8' },
    'v8-trace': { type: 'boolean', default: false },
    // set by `--v8-trace` in the child it starts: print the markers the trace is split by
    'trace-child': { type: 'boolean', default: false },
  },
});
const program = programs.find((p) => p.name === positionals[0]);
if (program === undefined) {
  console.error(`usage: warmup.ts NAME [--configs native,js] [--runs 8]; NAME one of ${programs.map((p) => p.name)}`);
  process.exit(2);
}
const runs = Number(values.runs);
if (values['v8-trace']) {
  const child = spawnSync(
    process.execPath,
    [
      '--trace-opt',
      '--trace-deopt',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      program.name,
      '--configs',
      values.configs ?? '',
      '--runs',
      String(runs),
      '--trace-child',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // the child's own lines (not V8's trace, not the markers), then the summary per configuration
  for (const line of child.stdout.split('\n'))
    if (line.startsWith(`${program.name} `) || line.startsWith('  CPU ms per run')) console.log(line);
  for (const [config, text] of splitConfigs(child.stdout)) {
    console.log(
      `${program.name} ${config}, V8's optimizing compiler on generated functions (--trace-opt --trace-deopt):`,
    );
    for (const line of summarizeTrace(parseTrace(text))) console.log(line);
  }
  process.exit(child.status ?? 1);
}
const marker = values['trace-child'] ? (line: string) => process.stdout.write(`${line}\n`) : () => {};
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** CPU ms of the whole process (user + system, every thread). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Clock ticks per second of /proc's counters (USER_HZ: 100 on Linux). */
const TICK_MS = 10;

/** CPU ms of the main thread and of the other threads, from /proc (null where there is none). */
function threadsMs(): [main: number, other: number] | null {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  let main = 0;
  let other = 0;
  for (const task of tasks) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    // fields after the command (in parentheses): state is field 3, utime 14 and stime 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    if (Number(task) === process.pid) main += ms;
    else other += ms;
  }
  return [main, other];
}

for (const name of (values.configs ?? '').split(',')) {
  const config = configurations.find((c) => c.name === name);
  if (config === undefined) throw new Error(`unknown configuration ${name}`);
  collectGarbage();
  marker(`${CONFIG_MARKER}${name}`);
  const start = cpuMs();
  const loaded = await config.load(program);
  if ('unavailable' in loaded) {
    console.log(`${program.name} ${name}: ${loaded.unavailable}`);
    continue;
  }
  const { session } = loaded;
  await program.init?.(session);
  const small = program.run(session, program.smokeN, program.prepare?.(session));
  const firstCall = cpuMs() - start;
  const rows: string[] = [];
  let expected: string | undefined;
  for (let i = 0; i <= runs; i++) {
    collectGarbage();
    const prepared = program.prepare?.(session);
    marker(`${RUN_MARKER}${i}`);
    const before = threadsMs();
    const t0 = cpuMs();
    const got = program.run(session, program.n, prepared);
    loaded.afterRun?.();
    const ms = cpuMs() - t0;
    const after = threadsMs();
    expected ??= got;
    if (got !== expected) throw new Error(`run ${i}: checksum ${got}, the first run gave ${expected}`);
    const split = before && after ? ` (main ${after[0] - before[0]}, other ${after[1] - before[1]})` : '';
    rows.push(`${i === 0 ? 'warm-up' : `run ${i}`} ${ms.toFixed(1)}${split}`);
  }
  console.log(`${program.name} ${name}: first call ${firstCall.toFixed(0)} ms CPU (checksum ${small.slice(0, 24)})`);
  console.log(`  CPU ms per run: ${rows.join(', ')}`);
}
