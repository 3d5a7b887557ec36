// pnpm bench: decode + validate real modules with wasmts and with the host's WebAssembly.validate, side by side.
// Usage: node --import tsx src/validate.ts [--rounds N] [--warmup N] [--budget-ms N] [--out FILE] [--no-ruby] [extra.wasm ...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hostValidate, wasmtsValidate } from './contenders.js';
import {
  type BenchInput,
  type Contender,
  formatTable,
  gitCommit,
  type InputResult,
  ratio,
  runInput,
} from './harness.js';
import { fileInput, hashWasmModules, rubyWasm } from './modules.js';

const here = dirname(fileURLToPath(import.meta.url));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    'budget-ms': { type: 'string', default: '60000' },
    out: { type: 'string', default: resolve(here, '../results/validate.json') },
    'no-ruby': { type: 'boolean', default: false },
  },
});

const inputs: BenchInput[] = [];
if (!values['no-ruby']) inputs.push(rubyWasm());
inputs.push(hashWasmModules());
for (const path of positionals) inputs.push(fileInput(path));

const wasmts = await wasmtsValidate();
const contenders: Contender[] = wasmts.contender ? [wasmts.contender, hostValidate] : [hostValidate];
if (wasmts.unavailable) console.warn(`wasmts side not measured: ${wasmts.unavailable}`);

console.log(
  `node ${process.version} (V8 ${process.versions.v8}), ${cpus().length} x ${cpus()[0]?.model ?? '?'}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`wasmts api: ${wasmts.api}; rounds: up to ${values.rounds}, alternating order; medians\n`);

const results: InputResult[] = [];
for (const input of inputs) {
  const result = runInput(input, contenders, {
    warmup: Number(values.warmup),
    rounds: Number(values.rounds),
    budgetMs: Number(values['budget-ms']),
    minRounds: 5,
  });
  results.push(result);
  for (const [name, message] of Object.entries(result.errors))
    console.warn(`${input.name}: ${name} failed: ${message}`);
}

console.log(formatTable(results, 'wasmts', 'v8'));
console.log('\nratio = wasmts median time / V8 median time (lower is better; 1.00x = as fast as V8)');

const report = {
  benchmark: 'decode+validate',
  date: new Date().toISOString(),
  commit: gitCommit(),
  node: process.version,
  v8: process.versions.v8,
  cpu: cpus()[0]?.model,
  cpus: cpus().length,
  loadavg: loadavg(),
  wasmtsApi: wasmts.api,
  wasmtsUnavailable: wasmts.unavailable,
  results: results.map((r) => ({ ...r, ratioWasmtsOverV8: ratio(r, 'wasmts', 'v8') })),
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten ${values.out}`);
