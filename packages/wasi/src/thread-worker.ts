// One guest thread of `runWasiThreads` (threads.ts): its own Engine (sharing the epoch counter), Store, WASI
// context and instance over the shared memory; runs `_start` (thread 0) or `wasi_thread_start(tid, arg)`.

import { parentPort, workerData } from 'node:worker_threads';
import { Config, Engine, funcType, Linker, Memory, Module, Store, Trap, ValType } from 'wasmts';
import { WasiExit } from './exit.js';
import { PREVIEW1_FUNCTIONS, preview1Signature } from './preview1.js';
import {
  CALL_FAILED,
  CALL_RESULT,
  CALL_STATE,
  storeLimits,
  THREAD_LOCAL_CALLS,
  THREAD_SPAWN,
  type ThreadMessage,
  type ThreadWorkerData,
} from './thread-protocol.js';
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
  // descriptor calls run in the supervisor, on the program's one table, over the same shared memory: this thread
  // posts the call and blocks until the answer is in its `calls` buffer
  linker.allowShadowing(true);
  const answer = new Int32Array(d.calls);
  for (const name of PREVIEW1_FUNCTIONS) {
    if (THREAD_LOCAL_CALLS.has(name)) continue;
    const sig = preview1Signature(name)!;
    const params = [...sig.params].map((ch) => (ch === 'I' ? ValType.I64 : ValType.I32));
    linker.defineFunc('wasi_snapshot_preview1', name, funcType(params, [ValType.I32]), (_caller, ...args) => {
      Atomics.store(answer, CALL_STATE, 0);
      post({ kind: 'wasi', name, args: args as (number | bigint)[] });
      while (Atomics.load(answer, CALL_STATE) === 0) Atomics.wait(answer, CALL_STATE, 0);
      if (Atomics.load(answer, CALL_FAILED) !== 0) throw new Error(`wasi-threads: ${name} failed in the supervisor`);
      return Atomics.load(answer, CALL_RESULT);
    });
  }
  linker.allowShadowing(false);
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
