// Prints one napi-rs package's answer as JSON (`run-napi.ts <name>`, a file of src/napi/), with whether the global
// `WebAssembly` was wasmts's, its engine's backend and the number of Workers the package started under the drop-in.
// Run with `--import src/napi/preload.ts` for wasmts's `WebAssembly`, without it for Node's own. Exits when the
// answer is out (emnapi's thread pool keeps its Workers alive).

import { storeOf } from 'wasmts/webassembly';

const name = process.argv[2] ?? '';
const { answer } = (await import(`./napi/${name}.js`)) as { answer(): Promise<unknown> };
const result = await answer();
let backend = 'host';
try {
  backend = storeOf((globalThis as unknown as { WebAssembly: object }).WebAssembly).engine.config.backend;
} catch {
  // Node's own WebAssembly
}
const workers = (globalThis as { __napiWorkers?: number }).__napiWorkers ?? 0;
console.log(JSON.stringify({ result, backend, workers }));
process.exit(0);
