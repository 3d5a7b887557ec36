// The instrumenting worker's entry (worker.ts starts it; nothing imports it): answers its parent's requests, through
// Node's `parentPort` in a `worker_threads` worker, or through the worker's global scope in a Web Worker.

import { type Port, serveInstrumentRequests } from './worker.js';

/** A Web Worker's global scope as far as it is used here. */
interface WorkerScope {
  addEventListener(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
}

const g = globalThis as {
  process?: { getBuiltinModule?: (id: string) => unknown };
  WorkerGlobalScope?: new () => unknown;
};
const wt = g.process?.getBuiltinModule?.('node:worker_threads') as { parentPort: Port | null } | undefined;
if (wt?.parentPort != null) serveInstrumentRequests(wt.parentPort);
else if (typeof g.WorkerGlobalScope === 'function' && globalThis instanceof g.WorkerGlobalScope) {
  const scope = globalThis as unknown as WorkerScope;
  serveInstrumentRequests({
    on: (_event, listener) => scope.addEventListener('message', (e) => listener(e.data as never)),
    postMessage: (message, transfer) => scope.postMessage(message, transfer as ArrayBuffer[] | undefined),
  });
}
