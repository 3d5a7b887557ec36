// SIMD programs (programs/simd/simd-*.wasm, clang -O3 -msimd128): native V8 against wasmts' JS backend, each run's
// checksum compared. A quick look at SIMD speed beside `pnpm bench programs`.
// Usage: node --conditions=source --import tsx src/simd.ts [--api PATH] [--rounds N] [program...]
// `--api` imports the wasmts API from another checkout (for a before/after comparison: --api ../main/packages/wasmts/src/index.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { geomean, median } from './stats.js';

declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../programs/simd');
/** The size argument per program (native takes roughly 20-60 ms per run). */
const SIZES: Record<string, number> = { 'simd-blake3': 100, 'simd-gemm': 1500, 'simd-bytes': 40, 'simd-f32': 20 };

const { values, positionals } = parseArgs({
  options: { api: { type: 'string' }, rounds: { type: 'string', default: '5' } },
  allowPositionals: true,
});
const api = await import(values.api ? pathToFileURL(resolve(values.api)).href : 'wasmts');
const rounds = Number(values.rounds);

type Run = (n: number) => number;
function time(run: Run, n: number): { ms: number; sum: number } {
  const times: number[] = [];
  let sum = 0;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    sum = run(n);
    times.push(performance.now() - t);
    if (process.env.SIMD_VERBOSE) console.log(`  round ${i}: ${(performance.now() - t).toFixed(1)} ms`);
  }
  return { ms: median(times), sum };
}

const names =
  positionals.length > 0
    ? positionals
    : readdirSync(dir)
        .filter((f) => f.endsWith('.wasm'))
        .map((f) => f.slice(0, -5));
const ratios: number[] = [];
console.log(`load ${loadavg()[0].toFixed(2)}`);
for (const name of names) {
  const bytes = new Uint8Array(readFileSync(resolve(dir, `${name}.wasm`)));
  const n = SIZES[name] ?? 10;
  const nat = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports.run as Run;
  const engine = new api.Engine(new api.Config({ backend: 'js' }));
  const store = new api.Store(engine, null);
  const module = new api.Module(engine, bytes);
  const instance = new api.Linker(engine).instantiate(store, module);
  const js = instance.getTypedFunc('run');
  const jsRun: Run = (k) => js.call(k) as number;
  nat(1);
  jsRun(1);
  const a = time(nat, n);
  const b = time(jsRun, n);
  if (a.sum !== b.sum) throw new Error(`${name}: checksum ${b.sum} on js, ${a.sum} native`);
  ratios.push(b.ms / a.ms);
  console.log(
    `${name.padEnd(12)} native ${a.ms.toFixed(1).padStart(7)} ms  js ${b.ms.toFixed(1).padStart(8)} ms  ${(b.ms / a.ms).toFixed(2)}x`,
  );
}
const geo = geomean(ratios) ?? Number.NaN;
console.log(`geomean js/native ${geo.toFixed(2)}x  load ${loadavg()[0].toFixed(2)}`);
