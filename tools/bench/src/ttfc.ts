// pnpm bench ttfc: time to first call of the large real modules (1 MB or more) under `node --jitless`, wasmts's
// drop-in `WebAssembly` against polywasm's, and wasmts's validation alone (the floor of its time to first call: a
// module is validated whole when it is compiled). Each measurement runs in a fresh `node --jitless` process
// (this file with `--child`), runs alternate between configurations, and the median over `--runs` is reported, in
// wall time and in CPU time of the process (the machine is shared: CPU time is the steadier figure).
//
// Time to first call: from the bytes to the first export returning: `new WebAssembly.Module`, `new
// WebAssembly.Instance` with every import stubbed (functions returning 0; memories, tables and globals of the
// imported types), and a call of the module's first exported function without parameters other than `_initialize` and
// `_start` (with stubbed imports real entry points may loop, so that cheap export is what is called). Real work's time to first result is
// `pnpm bench packages`.
//
// Usage: node --import tsx src/ttfc.ts [--runs 3] [--only esbuild,ruby] [--timeout-s 300] [--out FILE]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MODULES } from './large-modules.js';
import { packageFile } from './programs-npm.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The export called where the first one without parameters needs real imports (with stubbed ones ruby's
 * `wasi_vfs_pack_fs` runs for minutes on either side).
 */
const ENTRY: Record<string, string> = { ruby: 'asyncify_get_state' };

type Config = 'validate' | 'wasmts' | 'lazy' | 'polywasm';
interface Sample {
  ms: number;
  cpuMs: number;
  entry?: string;
  error?: string | null;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** One measurement in this (jitless) process; prints a Sample as JSON. */
async function child(config: Config, file: string, entryName: string | undefined): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const { decodeModule } = await import('@wasmts/environ');
  if (config === 'validate') {
    const c0 = cpuMs();
    const t0 = performance.now();
    decodeModule(bytes, { validateBodies: true });
    console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: cpuMs() - c0 }));
    return;
  }
  // what to import and call, read before the clock starts
  const decl = decodeModule(bytes, { validateBodies: false });
  const entry = decl.exports.find((e) => {
    if (entryName !== undefined) return e.name === entryName;
    // a WASI program's entry runs its constructors, which with stubbed imports may never finish
    if (e.kind !== 'func' || e.name === '_initialize' || e.name === '_start') return false;
    const t = decl.types[decl.functions[e.index]].composite;
    return t.kind === 'func' && t.params.length === 0;
  });
  // 'lazy': the drop-in over an engine with `Config.lazyValidation` (bodies validated on their first call)
  const W: any =
    config === 'wasmts'
      ? (await import('wasmts/webassembly')).defaultWebAssembly()
      : config === 'lazy'
        ? (await import('wasmts/webassembly')).createWebAssembly({
            config: new (await import('wasmts')).Config({ lazyValidation: true }),
          })
        : ((await import('polywasm')) as { WebAssembly: unknown }).WebAssembly;
  const c0 = cpuMs();
  const t0 = performance.now();
  const module = new W.Module(bytes);
  const imports: Record<string, Record<string, unknown>> = {};
  for (const imp of decl.imports) {
    imports[imp.module] ??= {};
    const t = imp.type;
    let v: unknown;
    if (t.kind === 'func') v = () => 0;
    else if (t.kind === 'memory') v = new W.Memory({ initial: Number(t.type.limits.min), maximum: 65536 });
    else if (t.kind === 'table') v = new W.Table({ initial: Number(t.type.limits.min), element: 'anyfunc' });
    else if (t.kind === 'global') v = new W.Global({ value: 'i32', mutable: false }, 0);
    imports[imp.module][imp.name] = v;
  }
  const instance = new W.Instance(module, imports);
  let error: string | null = null;
  if (entry !== undefined)
    try {
      instance.exports[entry.name]();
    } catch (e) {
      error = String(e).slice(0, 120);
    }
  console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: cpuMs() - c0, entry: entry?.name, error }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[(s.length - 1) >> 1];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      only: { type: 'string' },
      'timeout-s': { type: 'string', default: '300' },
      out: { type: 'string', default: resolve(here, '../results/ttfc.json') },
    },
  });
  const names = values.only === undefined ? Object.keys(MODULES) : values.only.split(',');
  const configs: Config[] = ['validate', 'wasmts', 'lazy', 'polywasm'];
  const results: Record<string, unknown>[] = [];
  console.log(
    '| module | MB | validate ms (cpu) | wasmts ttfc ms (cpu) | lazy ttfc ms (cpu) | polywasm ttfc ms (cpu) | wasmts / polywasm (cpu) | lazy / polywasm (cpu) | wasmts - validate (cpu) | load |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const name of names) {
    const file = packageFile(MODULES[name]);
    const mb = readFileSync(file).length / 1e6;
    const samples: Record<Config, Sample[]> = { validate: [], wasmts: [], lazy: [], polywasm: [] };
    const notes: string[] = [];
    const load0 = loadavg()[0];
    for (let run = 0; run < Number(values.runs); run++)
      for (const config of run % 2 === 0 ? configs : [...configs].reverse()) {
        const r = spawnSync(
          process.execPath,
          [
            '--jitless',
            '--no-expose-wasm',
            '--import',
            'tsx',
            fileURLToPath(import.meta.url),
            '--child',
            config,
            file,
            ...(ENTRY[name] ? [ENTRY[name]] : []),
          ],
          { encoding: 'utf8', timeout: Number(values['timeout-s']) * 1000, maxBuffer: 1 << 24 },
        );
        const line = r.stdout.trim().split('\n').pop() ?? '';
        if (r.status !== 0 || !line.startsWith('{')) {
          notes.push(`${config}: ${r.signal ?? `exit ${r.status}`} ${r.stderr.trim().split('\n').pop() ?? ''}`);
          continue;
        }
        const s = JSON.parse(line) as Sample;
        if (s.error) notes.push(`${config}: ${s.entry}: ${s.error}`);
        samples[config].push(s);
      }
    const med = (c: Config, k: 'ms' | 'cpuMs') => median(samples[c].map((s) => s[k]));
    const f = (x: number) => (Number.isNaN(x) ? 'n/a' : Math.round(x).toString());
    const ratio = (c: Config, k: 'ms' | 'cpuMs') => `${(med(c, k) / med('polywasm', k)).toFixed(2)}x`;
    const load = `${load0.toFixed(0)}-${loadavg()[0].toFixed(0)}`;
    console.log(
      `| ${name} | ${mb.toFixed(1)} | ${f(med('validate', 'ms'))} (${f(med('validate', 'cpuMs'))}) | ${f(med('wasmts', 'ms'))} (${f(med('wasmts', 'cpuMs'))}) | ${f(med('lazy', 'ms'))} (${f(med('lazy', 'cpuMs'))}) | ${f(med('polywasm', 'ms'))} (${f(med('polywasm', 'cpuMs'))}) | ${ratio('wasmts', 'ms')} (${ratio('wasmts', 'cpuMs')}) | ${ratio('lazy', 'ms')} (${ratio('lazy', 'cpuMs')}) | ${f(med('wasmts', 'ms') - med('validate', 'ms'))} (${f(med('wasmts', 'cpuMs') - med('validate', 'cpuMs'))}) | ${load} |`,
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

const argv = process.argv.slice(2);
if (argv[0] === '--child') await child(argv[1] as Config, argv[2], argv[3]);
else await main();
