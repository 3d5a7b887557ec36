// One guest thread of `runWasiThreads` (threads.ts): its own Engine (sharing the epoch counter), Store, WASI
// context and instance over the shared memory; runs `_start` (thread 0) or `wasi_thread_start(tid, arg)`.

import { parentPort, workerData } from 'node:worker_threads';
import { Config, Engine, Linker, Memory, Module, Store, Trap } from 'wasmts';
import { WasiExit } from './exit.js';
import { storeLimits, THREAD_SPAWN, type ThreadMessage, type ThreadWorkerData } from './thread-protocol.js';
import { WASI } from './wasi.js';

/** wasi-threads' answer when no thread can be started (a negative errno: EAGAIN). */
const SPAWN_FAILED = -6;

const d = workerData as ThreadWorkerData;
const post = (m: ThreadMessage) => parentPort!.postMessage(m);

function run(): void {
  const engine = new Engine(new Config(d.config), { epochBuffer: d.epochBuffer });
  const module = Module.deserialize(engine, d.module);
  const store = new Store<null>(engine, null);
  if (d.fuel !== undefined) store.setFuel(d.fuel);
  if (d.epochDeadline !== undefined) store.setEpochDeadline(d.epochDeadline);
  if (d.limits !== undefined) {
    const limits = storeLimits(d.limits);
    store.limiter(() => limits);
  }
  const memory = Memory.fromShared(store, d.memory);
  const wasi = new WASI({
    args: d.wasi.args ?? [],
    env: d.wasi.env ?? {},
    preopens: d.wasi.preopens ?? {},
    stdin: d.wasi.stdin ?? 0,
    stdout: d.wasi.stdout ?? 1,
    stderr: d.wasi.stderr ?? 2,
    returnOnExit: true,
  });
  wasi.memory = memory;
  const linker = new Linker<null>(engine);
  wasi.addToLinker(linker);
  linker.define(store, d.memoryImport.module, d.memoryImport.name, memory);
  const ids = new Int32Array(d.control);
  linker.funcWrap(THREAD_SPAWN.module, THREAD_SPAWN.name, { params: ['i32'], results: ['i32'] }, (_caller, arg) => {
    const tid = Atomics.add(ids, 0, 1);
    // thread ids are 1..2^29-1 (wasi-threads); past maxThreads nothing is started
    if (tid > d.maxThreads || tid >= 0x2000_0000) return SPAWN_FAILED;
    post({ kind: 'spawn', tid, arg });
    return tid;
  });
  const instance = linker.instantiate(store, module);
  if (d.tid === 0) {
    instance.getTypedFunc<[], void>('_start').call();
    post({ kind: 'exit', code: 0 });
  } else {
    instance.getTypedFunc<[number, number], void>('wasi_thread_start').call(d.tid, d.arg);
    post({ kind: 'done' });
  }
}

try {
  run();
} catch (e) {
  if (e instanceof WasiExit) post({ kind: 'exit', code: e.code });
  else if (e instanceof Trap) {
    // plain copies of the frames (FrameInfo is data), so they survive the structured clone
    const frames = (e.backtrace?.frames ?? []).map((f) => ({ ...f }));
    post({ kind: 'trap', trap: { message: e.message, frames } });
  } else post({ kind: 'error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
}
