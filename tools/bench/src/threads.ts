// pnpm bench threads [--rounds 5] [--count 1000000]: the parallel speed-up of a wasi-threads program on each
// backend. tests/wasi-threads/sort.wasm sorts COUNT integers in runs, one per thread, with 1 and then 2 threads;
// with its `time` argument the threads wait at a start line first, and it prints the time from the start signal
// to the last join (the guest's monotonic clock), so starting the Workers is left out. Each configuration runs as
// `wasmts run` (the built command) in a process of its own, in an order that alternates between rounds;
// medians over the rounds. Speed-up = time with 1 thread / time with 2 (2.0 is perfect; the merge after the
// join is not timed). Results go to results/threads.json (not committed: figures depend on the machine).

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const cli = resolve(root, 'apps/cli/bin/wasmts.js');
const program = resolve(root, 'tests/wasi-threads/sort.wasm');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 1) throw new Error(`--${name} takes a positive integer`);
  return v;
}

const rounds = option('rounds', 5);
const count = option('count', 1_000_000);
const backends = ['wasm', 'js'] as const;
const threadCounts = [1, 2] as const;

/** One run: the sorting time in ms the program printed. */
function runOnce(backend: string, threads: number): number {
  const r = spawnSync(
    process.execPath,
    [cli, 'run', '--features', '+threads', '--backend', backend, program, String(threads), String(count), 'time'],
    { encoding: 'utf8' },
  );
  const m = /sorting took (\d+) us/.exec(r.stdout);
  if (r.status !== 0 || m === null || !r.stdout.includes(': ok'))
    throw new Error(`${backend}, ${threads} threads: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return Number(m[1]) / 1000;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const samples = new Map<string, number[]>();
const configs = backends.flatMap((b) => threadCounts.map((t) => ({ backend: b, threads: t, key: `${b}/${t}` })));
for (const c of configs) samples.set(c.key, []);
console.log(
  `sort.wasm, ${count} integers, ${rounds} rounds; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? configs : [...configs].reverse();
  for (const c of order) samples.get(c.key)!.push(runOnce(c.backend, c.threads));
}
const rows = backends.map((backend) => {
  const one = median(samples.get(`${backend}/1`)!);
  const two = median(samples.get(`${backend}/2`)!);
  return { backend, oneThreadMs: one, twoThreadsMs: two, speedup: one / two };
});
console.log('backend | 1 thread (ms) | 2 threads (ms) | speed-up');
for (const r of rows)
  console.log(`${r.backend} | ${r.oneThreadMs.toFixed(1)} | ${r.twoThreadsMs.toFixed(1)} | ${r.speedup.toFixed(2)}x`);
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
mkdirSync(resolve(here, '../results'), { recursive: true });
writeFileSync(
  resolve(here, '../results/threads.json'),
  `${JSON.stringify({ count, rounds, rows, samples: Object.fromEntries(samples), loadavg: loadavg() }, null, 2)}\n`,
);
