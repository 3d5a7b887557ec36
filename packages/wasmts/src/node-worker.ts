// Node's `worker_threads` `Worker` class, found at use through `process.getBuiltinModule` and never imported at load
// (issue 14: the runtime packages import no Node built-in). Shared by the epoch ticker (engine.ts) and the
// instrumenting worker (wasm-backend/worker.ts), each of which names the part of the worker's surface it uses.

/** Node's `Worker` constructor typed as `W`, or null on hosts without `worker_threads`. */
export function nodeWorkerClass<W>(): (new (src: string | URL, opts: object) => W) | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const wt = proc?.getBuiltinModule?.('node:worker_threads') as
    | { Worker: new (src: string | URL, opts: object) => W }
    | undefined;
  return wt?.Worker ?? null;
}
