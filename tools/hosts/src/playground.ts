// `pnpm --filter @wasmts/hosts playground`: serves the playground (playground/) with the runtime bundle on
// 127.0.0.1 and prints its two addresses (cross-origin isolated, and plain) until interrupted.

import { servePage } from './serve.js';

const server = await servePage();
console.log(`wasmts playground (Ctrl-C to stop):
  ${server.origin}/isolated/playground/   cross-origin isolated (SharedArrayBuffer)
  ${server.origin}/plain/playground/      a plain page`);
