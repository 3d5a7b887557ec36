// Prints hash-wasm's digests as JSON, with wasmts's WebAssembly installed first (run under node --jitless,
// where the host has none).

import 'wasmts/polyfill';

const { storeOf } = await import('wasmts/webassembly');
storeOf((globalThis as unknown as { WebAssembly: object }).WebAssembly); // throws unless it is wasmts's
const { digests } = await import('./hash.js');
console.log(JSON.stringify(await digests()));
