// Prints one package's answer as JSON, with wasmts's WebAssembly installed first (run under node --jitless,
// where the host has none): `run-package.ts <name>` (a file of src/packages/).

import 'wasmts/polyfill';

const { storeOf } = await import('wasmts/webassembly');
storeOf((globalThis as unknown as { WebAssembly: object }).WebAssembly); // throws unless it is wasmts's
const name = process.argv[2] ?? '';
const { answer } = (await import(`./packages/${name}.js`)) as { answer(): Promise<unknown> };
console.log(JSON.stringify(await answer()));
