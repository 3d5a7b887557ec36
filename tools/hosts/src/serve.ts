// A static server on 127.0.0.1 for the browser tests: page/, playground/ (as /playground/), the runtime bundle
// as /wasmts.js (a script), the same as one ES module /wasmts.mjs with the wasm backend's instrumenting worker
// beside it (/worker-main.js, which the module starts as `./worker-main.js` for `Module.compile`), under
// /isolated/ with the headers that make a page cross-origin isolated (SharedArrayBuffer available), and under
// /plain/ without them.

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, bundleModule, RUNTIME_ENTRY } from './bundle.js';

const PAGE = fileURLToPath(new URL('../page/', import.meta.url));
/** The playground (tools/hosts/playground), served under `/isolated/playground/` and `/plain/playground/`. */
const PLAYGROUND = fileURLToPath(new URL('../playground/', import.meta.url));
/** The wasm backend's instrumenting worker (wasmts's src/wasm-backend/worker-main.ts). */
const WORKER_MAIN = fileURLToPath(new URL('../../../packages/wasmts/src/wasm-backend/worker-main.ts', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
};
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** A running server and its origin (`http://127.0.0.1:PORT`). */
export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves the page and the wasmts + @wasmts/wasi bundle on a free port of 127.0.0.1. */
export async function servePage(): Promise<PageServer> {
  const runtime = await bundle({ contents: RUNTIME_ENTRY }, 'wasmts');
  const runtimeModule = (await bundleModule({ contents: RUNTIME_ENTRY })).code;
  const workerMain = (await bundleModule({ entry: WORKER_MAIN })).code;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/(isolated|plain)(\/.*)$/.exec(url.pathname);
    if (m === null) return void res.writeHead(404).end();
    const headers: Record<string, string> = m[1] === 'isolated' ? { ...ISOLATION } : {};
    const path = m[2] === '/' || m[2] === '/playground/' ? `${m[2]}index.html` : normalize(m[2]);
    let body: string;
    try {
      if (path === '/wasmts.js') body = runtime;
      else if (path === '/wasmts.mjs') body = runtimeModule;
      else if (path === '/worker-main.js') body = workerMain;
      else if (path.startsWith('/playground/'))
        body = readFileSync(join(PLAYGROUND, path.slice('/playground/'.length)), 'utf8');
      else body = readFileSync(join(PAGE, path), 'utf8');
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'text/plain' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
