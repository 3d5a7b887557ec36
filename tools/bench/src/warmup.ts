// pnpm bench warmup NAME [--configs js] [--runs 8]: one program's runs one after the other in this process, each
// run's CPU time split between the main thread and the process's other threads (V8's concurrent optimizing compiler,
// the collector's helpers), to see how much of a run is warm-up: `pnpm bench programs` times the median of a few
// runs after one warm-up run, and on the js backend those are still paying for V8's tier-up of the generated code.
// Linux only for the split (it reads /proc/self/task/*/stat); elsewhere only the process's CPU time is printed.
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { programs } from './programs-catalog.js';
import { configurations } from './programs-configs.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { configs: { type: 'string', default: 'native,js' }, runs: { type: 'string', default: '8' } },
});
const program = programs.find((p) => p.name === positionals[0]);
if (program === undefined) {
  console.error(`usage: warmup.ts NAME [--configs native,js] [--runs 8]; NAME one of ${programs.map((p) => p.name)}`);
  process.exit(2);
}
const runs = Number(values.runs);
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
