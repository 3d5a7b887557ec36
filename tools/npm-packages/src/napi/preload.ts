// `node --import` preload that runs napi-rs `*-wasm32-wasi` packages (emnapi's runtime, wasi-threads) on wasmts's
// drop-in `WebAssembly` in place of the host's, in the main thread and in every Worker the package starts:
// - installs `createWebAssembly` over a `Config` with `WASMTS_NAPI_BACKEND`'s backend (`wasm` or `js`) as
//   `globalThis.WebAssembly`;
// - `node:wasi`'s `WASI` becomes node-wasi.ts's (Node's own takes only host memories);
// - `worker_threads.Worker` starts every Worker with this preload (and tsx, from source) first and sends the
//   namespace's `WebAssembly.Module` and shared `WebAssembly.Memory` objects in a message as `toShareable` data,
//   which the Worker's `parentPort` listeners get back as its own namespace's objects (`fromShareable`): the host
//   clones its own objects of these kinds, not the drop-in's.
// It counts the Workers it starts (`globalThis.__napiWorkers`) so a test can tell that threads ran.

import { createRequire, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Config, wasmFeatures } from 'wasmts';
import { install } from 'wasmts/polyfill';
import { fromShareable, type Shareable, toShareable } from 'wasmts/webassembly';
import { WASI } from './node-wasi.js';

const require = createRequire(import.meta.url);
const threads = require('node:worker_threads') as typeof import('node:worker_threads');
const nodeWasi = require('node:wasi') as { WASI: unknown };

const backend = (process.env.WASMTS_NAPI_BACKEND ?? 'wasm') as 'wasm' | 'js';
const WA = install({ force: true, config: new Config({ backend, features: wasmFeatures({ threads: true }) }) });

const TAG = '__wasmtsShareable';
const MAX_DEPTH = 8;

function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null || Array.isArray(v);
}

/** `v` with the namespace's modules and memories (in plain objects and arrays) as shareable data. */
function pack(v: unknown, depth = 0): unknown {
  if (typeof v !== 'object' || v === null || depth > MAX_DEPTH) return v;
  if (v instanceof WA.Module || v instanceof WA.Memory) return { [TAG]: toShareable(WA, v) };
  if (!isPlain(v)) return v;
  const out: Record<string, unknown> = Array.isArray(v) ? ([] as unknown as Record<string, unknown>) : {};
  for (const k of Object.keys(v)) out[k] = pack(v[k], depth + 1);
  return out;
}

/** The reverse of `pack`, in place. */
function unpack(v: unknown, depth = 0): unknown {
  if (!isPlain(v) || depth > MAX_DEPTH + 1) return v;
  if (Object.hasOwn(v, TAG)) return fromShareable(WA, v[TAG] as Shareable);
  for (const k of Object.keys(v)) v[k] = unpack(v[k], depth + 1);
  return v;
}

const g = globalThis as { __napiWorkers?: number };
g.__napiWorkers = 0;

/**
 * A Worker's first code: tsx's loader (a Worker does not inherit its parent's loader hooks, and this preload is
 * TypeScript), this preload, then the package's worker file.
 */
function workerSource(file: string | URL): string {
  const entry = String(file instanceof URL ? file : pathToFileURL(file));
  return `(async () => {
    (await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).register();
    await import(${JSON.stringify(import.meta.url)});
    await import(${JSON.stringify(entry)});
  })().catch((e) => { console.error(e); process.exit(1); });`;
}

class DropInWorker extends threads.Worker {
  constructor(file: string | URL, options: import('node:worker_threads').WorkerOptions = {}) {
    const execArgv = [...(options.execArgv ?? []), '--conditions=source', '--no-warnings'];
    super(workerSource(file), { ...options, eval: true, execArgv });
    g.__napiWorkers = (g.__napiWorkers ?? 0) + 1;
  }
  override postMessage(value: unknown, transfer?: readonly import('node:worker_threads').TransferListItem[]): void {
    super.postMessage(pack(value), transfer);
  }
}
(threads as { Worker: unknown }).Worker = DropInWorker;

const port = threads.parentPort;
if (port !== null) {
  for (const method of ['on', 'addListener', 'once'] as const) {
    const original = port[method].bind(port) as (event: string, fn: (...a: unknown[]) => void) => unknown;
    (port as unknown as Record<string, unknown>)[method] = (event: string, fn: (...a: unknown[]) => void) =>
      original(event, event === 'message' ? (data: unknown) => fn(unpack(data)) : fn);
  }
}

nodeWasi.WASI = WASI;
syncBuiltinESMExports();
