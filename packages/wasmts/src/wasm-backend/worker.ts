// Instrumenting in a worker (issue 15): `Module.compile` (and the drop-in's `WebAssembly.compile`/`instantiate` of
// bytes) hands a large module's host validation, site scan, re-encoding and host compile to a worker thread, so the
// caller's thread stays free (it then decodes the module without its bodies, the part it needs itself). The worker
// is found at use, never imported at load (issue 14): Node's `worker_threads` through `process.getBuiltinModule`.
// One worker per thread that asks, started on the first large async compile and kept (unreferenced while idle, so it
// never keeps a process alive), serves requests one at a time; it runs `worker-main.js` beside this file (the build
// also writes a bundled one beside wasmts/bundle), which answers with `serveInstrumentRequests`. Anything that fails
// on the way (no worker, a worker that cannot load its code, a module the host rejects, a reply that cannot be
// posted) makes the caller compile on its own thread as `new Module` does: the same module, the same typed errors.

import { type InstrumentedParts, instrumentModule } from '@wasmts/codegen';
import { decodeModule, type WasmFeatures } from '@wasmts/environ';
import { nodeWorkerClass } from '../node-worker.js';
import { HOST_WEBASSEMBLY, type HostModule } from './host-api.js';
import { type WasmSettings, wasmPlan } from './plan.js';

/** What the caller posts: a copy of the module's bytes (moved to the worker) and what decides its instrumentation. */
export interface InstrumentRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly features: WasmFeatures;
  readonly settings: WasmSettings;
  readonly hostModuleName: string;
}

/** The worker's answer: the instrumented module as plain data and, where the host can post it, its host module. */
export type InstrumentReply =
  | {
      readonly id: number;
      readonly ok: true;
      /** The request's bytes, moved back. */
      readonly input: Uint8Array;
      readonly parts: InstrumentedParts;
      hostModule: HostModule | null;
    }
  | { readonly id: number; readonly ok: false; readonly why: string };

/** Modules below this many bytes compile on the caller's thread: starting and warming a worker costs more. */
export const WORKER_MIN_BYTES = 512 * 1024;

/**
 * Where the worker loads its code from, with which Node options, and from which size a module goes to it. The
 * defaults are `worker-main.js` beside this file (undefined), the caller's Node options without its preloads
 * (`workerExecArgv`) and `WORKER_MIN_BYTES`; tests of the sources set a bundle of the sources and a size of 0.
 */
export const workerSettings: { url: string | undefined; execArgv: string[] | undefined; minBytes: number } = {
  url: undefined,
  execArgv: undefined,
  minBytes: WORKER_MIN_BYTES,
};

/**
 * `worker-main.js` beside this module, or null: read when a worker starts, not at load, since a script bundle (an
 * IIFE for JavaScriptCore or Hermes, tools/hosts) has no `import.meta.url`.
 */
function defaultWorkerUrl(): string | null {
  try {
    return new URL('./worker-main.js', import.meta.url).href;
  } catch {
    return null;
  }
}

/** Compilations the worker has answered (for tests). */
export const workerStats = { compiled: 0 };

/** Runs in the worker: validates with the host, decodes, instruments and compiles one module. */
export function instrumentRequest(req: InstrumentRequest): InstrumentReply {
  try {
    const host = HOST_WEBASSEMBLY;
    if (host === undefined) return { id: req.id, ok: false, why: 'the worker has no WebAssembly' };
    if (!host.validate(req.bytes)) return { id: req.id, ok: false, why: 'the host rejects the module' };
    const module = decodeModule(req.bytes, { features: req.features, validateBodies: 'lazy', recordSites: true });
    const { options } = wasmPlan(req.settings, module, req.hostModuleName);
    const instrumented = instrumentModule(module, options);
    const hostModule = new host.Module(instrumented.bytes);
    return { id: req.id, ok: true, input: req.bytes, parts: instrumented.parts, hostModule };
  } catch (e) {
    return { id: req.id, ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

/** A message port as the worker sees its parent (Node's `parentPort`). */
export interface Port {
  on(event: 'message', listener: (message: InstrumentRequest) => void): void;
  postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
}

/** Runs in the worker: answers the parent's requests (the worker's bootstrap calls it once). */
export function serveInstrumentRequests(port: Port): void {
  port.on('message', (req) => {
    const reply = instrumentRequest(req);
    if (!reply.ok) {
      port.postMessage(reply);
      return;
    }
    const transfer: ArrayBuffer[] = [];
    const own = (b: ArrayBufferLike) => {
      if (b instanceof ArrayBuffer && !transfer.includes(b)) transfer.push(b);
    };
    own(reply.input.buffer);
    own(reply.parts.bytes.buffer);
    if (reply.parts.pairs !== null) own(reply.parts.pairs.buffer);
    try {
      port.postMessage(reply, transfer);
    } catch {
      // a host that cannot post a compiled module: the parent compiles the bytes
      reply.hostModule = null;
      port.postMessage(reply, transfer);
    }
  });
  port.postMessage({ ready: true });
}

/** What of Node's `Worker` is used here. */
interface NodeWorker {
  on(event: 'message', listener: (message: unknown) => void): void;
  on(event: 'error', listener: (error: unknown) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  postMessage(message: unknown, transfer?: readonly ArrayBufferLike[]): void;
  terminate(): Promise<number>;
  ref(): void;
  unref(): void;
}

/** What of the web's `Worker` (a page's, Deno's) is used here. */
interface WebWorker {
  addEventListener(event: 'message' | 'error' | 'messageerror', listener: (e: { data?: unknown }) => void): void;
  postMessage(message: unknown, transfer?: readonly ArrayBufferLike[]): void;
  terminate(): void;
}

/** A worker of either kind as this file uses it. */
interface Channel {
  post(message: unknown, transfer: readonly ArrayBufferLike[]): void;
  /** Whether the worker may keep the host alive (Node; a no-op on the web). */
  hold(on: boolean): void;
  terminate(): Promise<void>;
}

/** The running worker and the requests it has not answered. */
interface Pool {
  readonly worker: Channel;
  readonly pending: Map<number, (reply: InstrumentReply | null) => void>;
}

/** The worker: undefined before the first request, null once none can be had (the caller then compiles). */
let pool: Pool | null | undefined;
let nextId = 0;

/** Node options whose next argument is theirs (preloads), dropped for the worker. */
const PRELOADS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/**
 * The caller's Node options without its preloads (`--import`, `--require`, loaders): the worker runs only wasmts's own
 * code, and a preload (tsx, an APM agent) would cost each worker its load (tsx: 200-300 ms of CPU); V8 and wasm flags
 * (`--experimental-wasm-*`, `--stack-size`) stay, so the worker's host validates what the caller's does.
 */
export function workerExecArgv(
  argv: readonly string[] = (globalThis as { process?: { execArgv?: string[] } }).process?.execArgv ?? [],
): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split('=', 1)[0];
    if (PRELOADS.has(name)) {
      if (!a.includes('=')) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** The web's `Worker` class (pages, Deno), or null. */
function webWorkerClass(): (new (src: URL, opts: object) => WebWorker) | null {
  const W = (globalThis as { Worker?: new (src: URL, opts: object) => WebWorker }).Worker;
  return typeof W === 'function' ? W : null;
}

/** Whether this host can instrument in a worker (it may still fail at use: the caller then compiles). */
export function workersAvailable(): boolean {
  return pool !== null && (pool !== undefined || nodeWorkerClass<NodeWorker>() !== null || webWorkerClass() !== null);
}

/** Stops the worker (the next large async compile starts another): for tests, after changing `workerSettings`. */
export function stopWorker(): Promise<void> {
  const p = pool;
  pool = undefined;
  if (p === null || p === undefined) return Promise.resolve();
  for (const resolve of p.pending.values()) resolve(null);
  p.pending.clear();
  return p.worker.terminate();
}

/** A worker running `url`: Node's where the host has `worker_threads`, else a module Web Worker; null if neither. */
function startWorker(url: string, onMessage: (m: unknown) => void, onFail: () => void): Channel | null {
  const NodeWorkerClass = nodeWorkerClass<NodeWorker>();
  if (NodeWorkerClass !== null) {
    const w = new NodeWorkerClass(new URL(url), { execArgv: workerSettings.execArgv ?? workerExecArgv() });
    w.on('message', onMessage);
    w.on('error', onFail);
    w.on('exit', onFail);
    w.unref();
    return {
      post: (m, t) => w.postMessage(m, t),
      hold: (on) => (on ? w.ref() : w.unref()),
      terminate: () => w.terminate().then(() => undefined),
    };
  }
  const WebWorkerClass = webWorkerClass();
  if (WebWorkerClass === null) return null;
  // a page's worker: a module worker from the same origin (a cross-origin URL or a content security policy without
  // worker-src throws here, or fails with an error event: the caller compiles)
  const w = new WebWorkerClass(new URL(url), { type: 'module' });
  w.addEventListener('message', (e) => onMessage(e.data));
  w.addEventListener('error', onFail);
  w.addEventListener('messageerror', onFail);
  return {
    post: (m, t) => w.postMessage(m, t),
    hold: () => {},
    terminate: () => {
      w.terminate();
      onFail();
      return Promise.resolve();
    },
  };
}

function startPool(): Pool | null {
  const url = workerSettings.url ?? defaultWorkerUrl();
  if (url === null) return null;
  const pending = new Map<number, (reply: InstrumentReply | null) => void>();
  let p: Pool | null = null;
  // a worker that fails (cannot load its code, crashes, exits) answers no more: every waiting caller compiles
  const fail = () => {
    if (p !== null && pool === p) pool = null;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };
  const onMessage = (m: unknown) => {
    const reply = m as InstrumentReply | { ready: true } | { failed: string };
    if ('failed' in reply) fail();
    else if ('id' in reply) {
      const resolve = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) workerStats.compiled++;
      if (pending.size === 0) p?.worker.hold(false);
      resolve?.(reply);
    }
  };
  let worker: Channel | null;
  try {
    worker = startWorker(url, onMessage, fail);
  } catch {
    return null;
  }
  if (worker === null) return null;
  p = { worker, pending };
  return p;
}

/** Instruments and compiles in the worker; null where that cannot be done (the caller compiles on its thread). */
export function instrumentInWorker(req: Omit<InstrumentRequest, 'id'>): Promise<InstrumentReply | null> {
  if (pool === undefined) pool = startPool();
  const p = pool;
  if (p === null) return Promise.resolve(null);
  const id = nextId++;
  return new Promise((resolve) => {
    p.pending.set(id, resolve);
    p.worker.hold(true);
    try {
      // the bytes are the caller's to give: moved, not copied
      p.worker.post({ ...req, id }, [req.bytes.buffer]);
    } catch {
      p.pending.delete(id);
      if (p.pending.size === 0) p.worker.hold(false);
      resolve(null);
    }
  });
}
