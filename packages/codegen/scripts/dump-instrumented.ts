// `node --conditions=source --import tsx packages/codegen/scripts/dump-instrumented.ts <file.wasm> fuel|epoch|both [out.wat]`:
// the module as the API's wasm backend instruments it (epochPoll, grow hooks, ...), printed one operator per line.
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeModule, WASM3_FEATURES } from '@wasmts/environ';
import { instrumentModule, printModule } from '../src/index.js';

const [file, mode, out] = process.argv.slice(2).filter((a) => a !== '--');
if (file === undefined) throw new Error('usage: dump-instrumented.ts <file.wasm> fuel|epoch|both [out]');
const module = decodeModule(readFileSync(file), { features: WASM3_FEATURES, recordSites: true } as never);
const fuel = mode === 'fuel' || mode === 'both';
const epoch = mode === 'epoch' || mode === 'both';
const r = instrumentModule(module, {
  fuel,
  epoch,
  epochPoll: true,
  growHooks: true,
  recordIndirectIndex: true,
  truncNaNCheck: true,
  isolateAtomicWaits: true,
});
const text = printModule(r.bytes, WASM3_FEATURES);
if (out) writeFileSync(out, text);
else console.log(text);
