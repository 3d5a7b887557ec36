// What crosses between the supervisor (threads.ts) and each thread's Worker (thread-worker.ts).

import {
  type ConfigOptions,
  type FrameInfo,
  type SharedMemoryHandle,
  type StoreLimits,
  StoreLimitsBuilder,
} from 'wasmts';

/** The wasi-threads import that starts a thread. */
export const THREAD_SPAWN = { module: 'wasi', name: 'thread-spawn' } as const;

/** How the guest's WASI context is set up in each thread (each thread gets its own, from these settings). */
export interface WasiThreadsWasiOptions {
  /** argv, program name first. */
  args?: readonly string[];
  /** The environment. */
  env?: Readonly<Record<string, string>>;
  /** Guest directory name -> host directory path (NodeFilesystem). */
  preopens?: Readonly<Record<string, string>>;
  /** Node fds for the standard streams (default 0, 1, 2): every thread writes to them directly. */
  stdin?: number;
  stdout?: number;
  stderr?: number;
}

/**
 * Store limits every thread's store gets (wasmtime's `StoreLimits`, as data that crosses to a Worker). The
 * shared memory's size is the same in every thread, so `memorySize` bounds it for all threads together.
 */
export interface WasiThreadsLimits {
  /** Most bytes a linear memory may have (the shared memory: whichever thread grows it). */
  readonly memorySize?: number;
  /** Most elements a table may have. */
  readonly tableElements?: number;
  /** Most instances, tables and memories each thread's store may hold. */
  readonly instances?: number;
  readonly tables?: number;
  readonly memories?: number;
  /** A refused `memory.grow`/`table.grow` traps instead of returning -1. */
  readonly trapOnGrowFailure?: boolean;
}

/**
 * The preview1 calls a thread makes itself, with its own WASI context: those that touch no descriptor (its
 * arguments, environment, clocks, random bytes, yield, exit) and `poll_oneoff`, which may sleep (its descriptor
 * subscriptions see only stdio and the preopens). Every other call runs in the supervisor, on the one descriptor
 * table of the program (`ThreadMessage` `wasi`).
 */
export const THREAD_LOCAL_CALLS: ReadonlySet<string> = new Set([
  'args_get',
  'args_sizes_get',
  'environ_get',
  'environ_sizes_get',
  'clock_res_get',
  'clock_time_get',
  'random_get',
  'sched_yield',
  'proc_exit',
  'proc_raise',
  'poll_oneoff',
]);

/** Int32 slots of a thread's `calls` buffer: the answer to its descriptor call. */
export const CALL_STATE = 0;
export const CALL_RESULT = 1;
/** Set when the call threw in the supervisor (not a WASI error: those are errnos). */
export const CALL_FAILED = 2;

/** A thread's start-up data (`workerData`): everything is structured-cloneable. */
export interface ThreadWorkerData {
  /** The URL of thread-worker.(js|ts). */
  readonly entry: string;
  /** tsx's loader API, registered first when running from source. */
  readonly loader?: string;
  readonly config: ConfigOptions;
  /** The supervisor engine's epoch counter: every thread's engine shares it. */
  readonly epochBuffer: SharedArrayBuffer;
  /** `Module.serialize` of the command. */
  readonly module: Uint8Array;
  readonly memory: SharedMemoryHandle;
  readonly memoryImport: { readonly module: string; readonly name: string };
  /** Int32 [0]: the next thread id, taken with `Atomics.add` by `thread-spawn` in any thread. */
  readonly control: SharedArrayBuffer;
  readonly maxThreads: number;
  readonly wasi: WasiThreadsWasiOptions;
  readonly fuel?: number;
  readonly epochDeadline?: number;
  readonly limits?: WasiThreadsLimits;
  /** Int32 slots (`CALL_*`) where the supervisor answers this thread's descriptor calls. */
  readonly calls: SharedArrayBuffer;
  /** 0: the main thread (runs `_start`); else the id `thread-spawn` returned. */
  readonly tid: number;
  /** `wasi_thread_start`'s start argument. */
  readonly arg: number;
}

/** A thread's message to the supervisor. */
export type ThreadMessage =
  | { readonly kind: 'spawn'; readonly tid: number; readonly arg: number }
  /** A preview1 call to run on the program's descriptor table; the thread waits on its `calls` buffer. */
  | { readonly kind: 'wasi'; readonly name: string; readonly args: readonly (number | bigint)[] }
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'done' }
  | {
      readonly kind: 'trap';
      readonly trap: {
        readonly message: string;
        readonly frames: FrameInfo[];
      };
    }
  | { readonly kind: 'error'; readonly message: string };

/** The `StoreLimits` of `limits`. */
export function storeLimits(limits: WasiThreadsLimits): StoreLimits {
  const b = new StoreLimitsBuilder();
  if (limits.memorySize !== undefined) b.memorySize(limits.memorySize);
  if (limits.tableElements !== undefined) b.tableElements(limits.tableElements);
  if (limits.instances !== undefined) b.instances(limits.instances);
  if (limits.tables !== undefined) b.tables(limits.tables);
  if (limits.memories !== undefined) b.memories(limits.memories);
  if (limits.trapOnGrowFailure !== undefined) b.trapOnGrowFailure(limits.trapOnGrowFailure);
  return b.build();
}
