// wasi-threads on Node (`@wasmts/wasi/threads`): runs a command whose threads come from the `wasi`
// `thread-spawn` import. Every guest thread, the main one included, runs in its own `worker_threads` Worker
// with its own Engine, Store and instance over the one shared memory (wasmtime's model: stores stay per
// thread); the calling thread only supervises, so it is never blocked by the guest and can end every thread
// at once when one of them exits or traps, as the wasi-threads proposal asks.

/**
 * wasi-threads on Node: `runWasiThreads` runs a program that imports `wasi` `thread-spawn`, a Worker per thread.
 * @module @wasmts/wasi/threads
 */

import {
  type Caller,
  Config,
  type ConfigOptions,
  type FrameInfo,
  Memory,
  type Module,
  type SharedMemoryHandle,
  Store,
} from 'wasmts';
import { PREVIEW1_FUNCTIONS, preview1Call } from './preview1.js';
import {
  CALL_FAILED,
  CALL_RESULT,
  CALL_STATE,
  storeLimits,
  THREAD_LOCAL_CALLS,
  THREAD_SPAWN,
  type ThreadMessage,
  type ThreadWorkerData,
  type WasiThreadsLimits,
  type WasiThreadsWasiOptions,
} from './thread-protocol.js';
import { WASI } from './wasi.js';

export type { WasiThreadsLimits, WasiThreadsWasiOptions };

/** Options of `runWasiThreads`. */
export interface WasiThreadsOptions {
  /** The command, compiled on an engine whose settings every thread's engine copies. */
  module: Module;
  /** The WASI context each thread gets. */
  wasi?: WasiThreadsWasiOptions;
  /** Fuel for each thread's store (needs an engine with `consumeFuel`): fuel is per thread, as in wasmtime. */
  fuel?: number;
  /**
   * Each thread's store's epoch deadline, in ticks (needs `epochInterruption`). Every thread's engine shares
   * `module.engine`'s epoch counter, so `module.engine.incrementEpoch()` or its ticker reaches all threads.
   */
  epochDeadline?: number;
  /** The most threads `thread-spawn` starts (the main thread not counted); past it spawn fails. Default 64. */
  maxThreads?: number;
  /**
   * Store limits of every thread's store (and of the store the shared memory is made in): `memorySize` bounds the
   * shared memory whichever thread grows it, since its size is one for all threads.
   */
  limits?: WasiThreadsLimits;
}

/** A guest trap, as it crossed from its thread. */
export interface WasiThreadsTrap {
  readonly message: string;
  /** Wasm frames, innermost first. */
  readonly frames: readonly FrameInfo[];
  /** The thread that trapped (0: the main thread). */
  readonly thread: number;
}

/** How a threaded command ended: an exit code, or a trap in one of its threads. */
export type WasiThreadsResult =
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'trap'; readonly trap: WasiThreadsTrap };

interface NodeWorker {
  on(event: 'message', fn: (m: ThreadMessage) => void): void;
  on(event: 'error', fn: (e: unknown) => void): void;
  on(event: 'exit', fn: (code: number) => void): void;
  terminate(): Promise<number>;
}

type WorkerClass = new (src: string, opts: object) => NodeWorker;

/** True when `module` imports `wasi` `thread-spawn`: a wasi-threads command. */
export function usesWasiThreads(module: Module): boolean {
  return module.imports().some((i) => i.module === THREAD_SPAWN.module && i.name === THREAD_SPAWN.name);
}

/**
 * Loads the worker entry. From source (this repository's tests and scripts run TypeScript through tsx) the
 * worker registers tsx's loader first: a Worker does not inherit the loader hooks of its parent.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  if (workerData.loader) (await import(workerData.loader)).register();
  await import(workerData.entry);
})().catch((e) => parentPort.postMessage({ kind: 'error', message: String((e && e.stack) || e) }));
`;

/** The worker entry's URL, and tsx's loader when running from source. */
function workerEntry(): { entry: string; loader?: string } {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./thread-worker${fromSource ? '.ts' : '.js'}`, import.meta.url).href;
  return fromSource ? { entry, loader: import.meta.resolve('tsx/esm/api') } : { entry };
}

/** The engine settings a thread's engine is made with (what crosses to a Worker; operator costs stay default). */
function engineOptions(module: Module): ConfigOptions {
  const c = module.engine.config;
  const s = c.settings;
  return {
    backend: c.backend,
    features: { ...c.features },
    consumeFuel: s.consumeFuel,
    epochInterruption: s.epochInterruption,
    ...(s.maxWasmStack !== undefined ? { maxWasmStack: s.maxWasmStack } : {}),
    ...(s.maxCallDepth !== undefined ? { maxCallDepth: s.maxCallDepth } : {}),
    ...(s.maxGcHeapBytes !== undefined ? { maxGcHeapBytes: s.maxGcHeapBytes } : {}),
    wasmBacktraceMaxFrames: s.wasmBacktraceMaxFrames,
    indirectNullCheck: s.indirectNullCheck,
    irPipeline: s.irPipeline,
  };
}

/**
 * Runs a wasi-threads command: its `_start` on a main thread, each `thread-spawn` on a new thread calling
 * the exported `wasi_thread_start(tid, arg)`. Resolves when `_start` returns (exit code 0), when any thread
 * calls `proc_exit` (its code), or when any thread traps; every thread is then ended. The module must
 * import its memory, shared (wasi-threads' ABI).
 */
export function runWasiThreads(options: WasiThreadsOptions): Promise<WasiThreadsResult> {
  const { module } = options;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const wt = proc?.getBuiltinModule?.('node:worker_threads') as { Worker: WorkerClass } | undefined;
  if (wt === undefined) throw new Error('wasi-threads: this host has no worker_threads (Node.js 20.16 or later)');
  if (typeof SharedArrayBuffer !== 'function') throw new Error('wasi-threads: this host has no SharedArrayBuffer');
  const memoryImport = module.imports().find((i) => i.type.kind === 'memory');
  if (memoryImport === undefined || memoryImport.type.kind !== 'memory' || !memoryImport.type.type.shared)
    throw new TypeError('wasi-threads: the module must import a shared memory (every thread uses the same one)');
  if (module.exports().find((e) => e.name === 'wasi_thread_start') === undefined && usesWasiThreads(module))
    throw new TypeError('wasi-threads: the module imports thread-spawn but exports no `wasi_thread_start`');
  const maxThreads = options.maxThreads ?? 64;
  if (!Number.isSafeInteger(maxThreads) || maxThreads < 0) throw new RangeError('wasi-threads: maxThreads >= 0');

  // The memory is made here (in a store of the caller's engine, never run, under the same limits) and sent to
  // every thread.
  const memoryStore = new Store(module.engine, null);
  if (options.limits !== undefined) {
    const limits = storeLimits(options.limits);
    memoryStore.limiter(() => limits);
  }
  const memory = new Memory(memoryStore, memoryImport.type.type);
  const shared: SharedMemoryHandle = memory.share();
  const control = new SharedArrayBuffer(8); // [0]: the next thread id
  new Int32Array(control)[0] = 1;
  // The program's one descriptor table: a WASI context here, over the shared memory, runs every thread's
  // descriptor calls (a file one thread opens is there for all, as in a process). The guest never blocks this
  // thread, so it can always answer.
  const table = new WASI({
    args: options.wasi?.args ?? [],
    env: options.wasi?.env ?? {},
    preopens: options.wasi?.preopens ?? {},
    stdin: options.wasi?.stdin ?? 0,
    stdout: options.wasi?.stdout ?? 1,
    stderr: options.wasi?.stderr ?? 2,
    returnOnExit: true,
  });
  table.memory = memory;
  const noExports = { getExport: () => undefined } as unknown as Caller<unknown>;
  const calls = new Map(PREVIEW1_FUNCTIONS.map((name) => [name, preview1Call(table, name)]));
  const common: Omit<ThreadWorkerData, 'tid' | 'arg' | 'calls'> = {
    ...workerEntry(),
    config: engineOptions(module),
    epochBuffer: module.engine.epochBuffer as SharedArrayBuffer,
    module: module.serialize(),
    memory: shared,
    memoryImport: { module: memoryImport.module, name: memoryImport.name },
    control,
    maxThreads,
    wasi: { ...options.wasi },
    ...(options.fuel !== undefined ? { fuel: options.fuel } : {}),
    ...(options.epochDeadline !== undefined ? { epochDeadline: options.epochDeadline } : {}),
    ...(options.limits !== undefined ? { limits: { ...options.limits } } : {}),
  };
  // the config must be rebuildable from what crosses (a custom operator cost function cannot)
  new Config(common.config);

  return new Promise((resolve) => {
    const workers = new Set<NodeWorker>();
    let result: WasiThreadsResult | null = null;
    const finish = (r: WasiThreadsResult) => {
      if (result !== null) return;
      result = r;
      const all = [...workers];
      workers.clear();
      void Promise.all(all.map((w) => w.terminate())).then(() => resolve(r));
    };
    const start = (tid: number, arg: number) => {
      if (result !== null) return;
      const answer = new Int32Array(new SharedArrayBuffer(12));
      const data: ThreadWorkerData = { ...common, tid, arg, calls: answer.buffer as SharedArrayBuffer };
      const worker = new wt.Worker(WORKER_SOURCE, { eval: true, workerData: data });
      workers.add(worker);
      worker.on('message', (m) => {
        if (m.kind === 'wasi') {
          let r = 0;
          let failed = 0;
          try {
            const call = calls.get(m.name);
            if (call === undefined || THREAD_LOCAL_CALLS.has(m.name))
              throw new TypeError(`not a descriptor call: ${m.name}`);
            r = call(noExports, ...m.args);
          } catch {
            failed = 1;
          }
          Atomics.store(answer, CALL_RESULT, r);
          Atomics.store(answer, CALL_FAILED, failed);
          Atomics.store(answer, CALL_STATE, 1);
          Atomics.notify(answer, CALL_STATE);
        } else if (m.kind === 'spawn') start(m.tid, m.arg);
        else if (m.kind === 'exit') finish({ kind: 'exit', code: m.code });
        else if (m.kind === 'trap') finish({ kind: 'trap', trap: { ...m.trap, thread: tid } });
        else if (m.kind === 'error')
          finish({ kind: 'trap', trap: { message: `thread ${tid} failed: ${m.message}`, frames: [], thread: tid } });
      });
      worker.on('error', (e) =>
        finish({ kind: 'trap', trap: { message: `thread ${tid} failed: ${String(e)}`, frames: [], thread: tid } }),
      );
      worker.on('exit', () => workers.delete(worker));
    };
    start(0, 0);
  });
}
