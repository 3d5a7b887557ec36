// `pnpm bench packages`: each package of src/packages/ through the standard WebAssembly API on three
// configurations, each run in fresh processes: `native` (Node's own WebAssembly, JIT on: the reference),
// and, under `node --jitless` (no host WebAssembly, the case the drop-in is for), `wasmts` (wasmts/bundle/polyfill)
// and `polywasm` (npm polywasm installed as globalThis.WebAssembly). Per package and configuration: time to
// first result (loading the package, compiling and instantiating its wasm, the first answer; median over the
// processes) and steady state (median of the later answers); an answer that differs from native's is FAILED.
//
//   bench.ts [--rounds 3] [--runs 5] [--only sqljs,resvg] [--skip esbuild] [--configs wasmts,polywasm] [--out FILE]

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const list = (name: string): string[] | undefined => option(name)?.split(',').filter(Boolean);

const rounds = Number(option('--rounds') ?? 3);
const runs = Number(option('--runs') ?? 5);
const only = list('--only');
const skip = list('--skip') ?? [];
const configs = ['native', ...(list('--configs') ?? ['wasmts', 'polywasm']).filter((c) => c !== 'native')];
const packages = readdirSync(join(here, 'packages'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((p) => (only === undefined || only.includes(p)) && !skip.includes(p));

interface Run {
  importCpuMs: number;
  firstMs: number;
  samples: number[];
  firstCpuMs: number;
  cpuSamples: number[];
  digest: string;
}
interface Cell {
  firstMs: number | null;
  steadyMs: number | null;
  /** CPU time of the process (user + system, all its threads). */
  firstCpuMs: number | null;
  steadyCpuMs: number | null;
  /** CPU time of installing the configuration's WebAssembly (importing the polyfill), not in `firstCpuMs`. */
  importCpuMs: number | null;
  error: string | null;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

function runOnce(config: string, name: string, steadyRounds: number): Run | string {
  const flags = config === 'native' ? [] : ['--jitless'];
  const r = spawnSync(
    process.execPath,
    [
      ...flags,
      '--no-warnings',
      // no `--conditions=source`: wasmts runs built (its dist/, what users get), as polywasm does
      '--import',
      'tsx',
      join(here, 'bench-child.ts'),
      config,
      name,
      String(steadyRounds),
    ],
    { encoding: 'utf8', maxBuffer: 16 << 20, timeout: 900_000 },
  );
  const line = r.stdout?.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || line === undefined) {
    const why = r.signal !== null ? `killed by ${r.signal}` : `exit ${r.status}`;
    return `${why}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`;
  }
  return JSON.parse(line) as Run;
}

const results: Record<string, Record<string, Cell>> = {};
const fmt = (ms: number | null) =>
  ms === null ? '-' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
console.log(`packages: ${packages.join(', ')}; ${runs} processes per configuration, ${rounds} steady rounds each`);
console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
for (const name of packages) {
  const cells: Record<string, Cell> = {};
  const collected: Record<string, Run[]> = {};
  const failed: Record<string, string> = {};
  let reference: string | undefined;
  // configurations alternate within each run, so that drift on a shared machine hits them alike
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? configs : [configs[0] ?? 'native', ...configs.slice(1).reverse()];
    for (const config of order) {
      if (failed[config] !== undefined) continue;
      const r = runOnce(config, name, rounds);
      if (typeof r === 'string') {
        failed[config] = r;
        continue;
      }
      if (config === 'native') reference ??= r.digest;
      else if (reference !== undefined && r.digest !== reference) {
        failed[config] = `FAILED: a different answer from native's (${r.digest} vs ${reference})`;
        continue;
      }
      (collected[config] ??= []).push(r);
    }
  }
  for (const config of configs) {
    const rs = collected[config] ?? [];
    cells[config] =
      failed[config] !== undefined
        ? {
            firstMs: null,
            steadyMs: null,
            firstCpuMs: null,
            steadyCpuMs: null,
            importCpuMs: null,
            error: failed[config],
          }
        : {
            firstMs: median(rs.map((r) => r.firstMs)),
            steadyMs: median(rs.flatMap((r) => r.samples)),
            firstCpuMs: median(rs.map((r) => r.firstCpuMs)),
            steadyCpuMs: median(rs.flatMap((r) => r.cpuSamples)),
            importCpuMs: median(rs.map((r) => r.importCpuMs)),
            error: null,
          };
  }
  results[name] = cells;
  const row = configs.map((c) => {
    const x = cells[c];
    return x?.error != null
      ? `${c} ${x.error}`
      : `${c} first ${fmt(x?.firstMs ?? null)} (cpu ${fmt(x?.firstCpuMs ?? null)}) steady ${fmt(x?.steadyMs ?? null)} (cpu ${fmt(x?.steadyCpuMs ?? null)}) import cpu ${fmt(x?.importCpuMs ?? null)}`;
  });
  console.log(`${name.padEnd(10)} ${row.join(' | ')}  (load ${loadavg()[0]?.toFixed(2)})`);
}

console.log(
  '\npackage     polywasm time / wasmts time under --jitless (above 1: wasmts is faster), wall (cpu); lazy: wasmts-lazy',
);
console.log('            first result        steady state        lazy first          lazy steady');
for (const [name, cells] of Object.entries(results)) {
  const p = cells.polywasm;
  const ratio = (a: number | null | undefined, b: number | null | undefined) =>
    a != null && b != null && a > 0 ? `${(b / a).toFixed(2)}x` : '-';
  const both = (w: Cell | undefined, first: boolean) =>
    first
      ? `${ratio(w?.firstMs, p?.firstMs)} (${ratio(w?.firstCpuMs, p?.firstCpuMs)})`
      : `${ratio(w?.steadyMs, p?.steadyMs)} (${ratio(w?.steadyCpuMs, p?.steadyCpuMs)})`;
  const w = cells.wasmts;
  const l = cells['wasmts-lazy'];
  const why = p?.error ?? w?.error;
  console.log(
    `${name.padEnd(11)} ${both(w, true).padEnd(19)} ${both(w, false).padEnd(19)} ${both(l, true).padEnd(19)} ${both(l, false).padEnd(19)}${why ? `   (${why.slice(0, 80)})` : ''}`,
  );
}
const version = (p: string) =>
  (JSON.parse(readFileSync(join(here, '..', 'node_modules', p, 'package.json'), 'utf8')) as { version: string })
    .version;
const out = option('--out') ?? join(here, '..', 'results', 'packages.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), loadavg: loadavg(), polywasm: version('polywasm'), rounds, runs, results }, null, 2)}\n`,
);
console.log(
  `\nload average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; wrote ${out}`,
);
