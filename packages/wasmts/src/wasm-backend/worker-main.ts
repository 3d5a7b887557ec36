// The instrumenting worker's entry (worker.ts starts it; nothing imports it): answers its parent's requests.

import { type Port, serveInstrumentRequests } from './worker.js';

const wt = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
  'node:worker_threads',
) as { parentPort: Port | null } | undefined;
if (wt?.parentPort != null) serveInstrumentRequests(wt.parentPort);
