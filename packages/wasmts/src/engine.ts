// `Engine`, as in wasmtime: compilation settings, the engine-wide type registry and builtins, the instance
// allocator and the epoch counter (with its ticker), shared by stores and modules.

import { type FuncType, tunables as makeTunables, type Tunables } from '@wasmts/environ';
import {
  type Builtins,
  createBuiltins,
  EpochClock,
  type InstanceAllocator,
  OnDemandInstanceAllocator,
  type PoolingAllocatorMetrics,
  PoolingInstanceAllocator,
  TypeRegistry,
} from '@wasmts/runtime';
import { type Backend, Config, type StoreControls } from './config.js';
import { hostWebAssembly } from './host.js';
import { nodeWorkerClass } from './node-worker.js';

/** The ticker's worker: bumps the shared epoch counter every `interval` ms (CommonJS: `eval` workers). */
const TICKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const counter = new Float64Array(workerData.buffer);
setInterval(() => { counter[0]++; }, workerData.interval);
`;

interface NodeWorker {
  unref(): void;
  terminate(): Promise<number>;
}

/** How `startEpochTicker` advances the epoch. */
export interface EpochTickerOptions {
  /**
   * Tick from the host's clock (`performance.now()`, else `Date.now()`) instead of a worker, even where a worker
   * could tick: the epoch advances by one per interval that passed whenever the runtime looks at it from an epoch
   * check (docs/js-abi.md, "Epoch clock"). The default is a worker where the host has `SharedArrayBuffer` and
   * `worker_threads` (Node), else the clock.
   */
  readonly clock?: boolean;
}

/** How an engine is made beyond its `Config`. */
export interface EngineOptions {
  /** Another engine's `epochBuffer` (a SharedArrayBuffer posted to this thread): the two share one epoch. */
  readonly epochBuffer?: SharedArrayBuffer;
}

/** A compilation environment shared by stores and modules (wasmtime's `Engine`). */
export class Engine {
  /** The settings the engine was created with. */
  readonly config: Config;
  /** The backend asked for (`Config.backend`); each `Module` records the one it got. */
  readonly backend: Backend;
  /** The engine-wide type registry. */
  readonly typeRegistry: TypeRegistry;
  /** The builtins object `rt` handed to generated code. */
  readonly builtins: Builtins;
  /** The tunables codegen and the runtime use. */
  readonly tunables: Tunables;
  /** The overrides passed to codegen (only what the config sets explicitly). */
  readonly tunableOverrides: Partial<Tunables>;
  /** The store controls of the config. */
  readonly controls: StoreControls;
  /**
   * The engine's epoch counter: one float64 over a `SharedArrayBuffer` where the host has them, so
   * another thread (a Worker) can advance it while wasm runs; compiled code reads it at loop headers.
   */
  readonly epochCounter: Float64Array;
  /** The instance allocator every store of the engine uses (per `Config.allocationStrategy`). */
  readonly allocator: InstanceAllocator;
  /**
   * Whether the JS backend's code runs without a JIT: `Config.jsTarget` 'interpreter', or 'auto' on a host without
   * WebAssembly (jitless V8, JavaScriptCore in Lockdown Mode, Hermes). The code forms follow it, and the stores'
   * memories grow in place there (runtime `MemoryOptions.growInPlace`).
   */
  readonly jsInterpreter: boolean;
  private ticker: NodeWorker | null = null;
  /** The clock ticker while one runs (`startEpochTicker` without a worker), else null. */
  epochClock: EpochClock | null = null;
  /** Whether another thread may hold the epoch buffer: handed out, taken from another engine or a worker's. */
  private epochShared = false;
  /**
   * Whether the epoch can move while wasm runs on this thread without host code of this thread running: another
   * thread may hold the epoch buffer, or the clock ticks. Only then do the wasm backend's checks poll the epoch
   * (every 65,536 checks); otherwise it changes only in host code on this thread, which the runtime sees when
   * it returns (docs/wasm-backend.md, "Epochs").
   * @internal
   */
  epochPolled = false;

  /**
   * Creates an engine with a config (defaults when omitted). `options.epochBuffer` (another engine's
   * `epochBuffer`, posted to this thread) makes the two engines share one epoch, as a wasmtime `Engine` shared
   * by threads does: `incrementEpoch` on either reaches code in both.
   */
  constructor(config: Config = new Config(), options: EngineOptions = {}) {
    this.config = config;
    this.backend = config.backend;
    this.typeRegistry = new TypeRegistry();
    this.builtins = createBuiltins(this.typeRegistry);
    this.controls = config.settings;
    this.tunableOverrides = config.tunables();
    this.tunables = makeTunables(this.tunableOverrides);
    const target = this.controls.jsTarget;
    this.jsInterpreter = target === 'interpreter' || (target === 'auto' && hostWebAssembly() === null);
    const epochBuffer = options.epochBuffer;
    if (epochBuffer !== undefined && epochBuffer.byteLength < 8) throw new RangeError('an epoch buffer holds 8 bytes');
    this.epochCounter = new Float64Array(
      epochBuffer ?? (typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(8) : new ArrayBuffer(8)),
      0,
      1,
    );
    if (epochBuffer !== undefined) this.epochShared = this.epochPolled = true;
    const strategy = config.allocationStrategy;
    this.allocator =
      strategy === 'on-demand' ? new OnDemandInstanceAllocator() : new PoolingInstanceAllocator(strategy.pooling);
    // a backtrace can only hold the frames the JS stack kept (one or two per wasm frame, plus a few)
    const limit = this.controls.wasmBacktraceMaxFrames * 2 + 8;
    if (this.controls.wasmBacktraceMaxFrames > 0 && Error.stackTraceLimit < limit) Error.stackTraceLimit = limit;
  }

  /** A v128 value from four int32 lanes (bytes 0..3 first), as the runtime represents it. */
  v128(
    a: number,
    b: number,
    c: number,
    d: number,
  ): { readonly a: number; readonly b: number; readonly c: number; readonly d: number } {
    const V = (this.builtins as unknown as { V128?: new (a: number, b: number, c: number, d: number) => never }).V128;
    return V !== undefined ? new V(a, b, c, d) : Object.freeze({ a: a | 0, b: b | 0, c: c | 0, d: d | 0 });
  }

  /**
   * The pooling allocator's slots in use, high-water marks and warm memories (wasmtime's
   * `Engine::pooling_allocator_metrics`), or null when the engine allocates on demand.
   */
  poolingAllocatorMetrics(): PoolingAllocatorMetrics | null {
    return this.allocator instanceof PoolingInstanceAllocator ? this.allocator.metrics() : null;
  }

  /** Advances the epoch by one (code checking epochs traps once it passes a store's deadline). */
  incrementEpoch(): void {
    this.epochCounter[0]++;
  }

  /** The buffer behind the epoch counter (a float64 at offset 0), to advance it from a Worker of your own. */
  get epochBuffer(): ArrayBufferLike {
    this.epochShared = this.epochPolled = true;
    return this.epochCounter.buffer;
  }

  /**
   * Advances the epoch every `intervalMs`, so that a guest running synchronously on this thread can be
   * interrupted. Where the host has `SharedArrayBuffer` and `worker_threads` (Node), a worker ticks (it does not
   * keep the process alive). Elsewhere (a page that is not cross-origin isolated, JavaScriptCore's shell, Hermes),
   * or with `{ clock: true }`, the engine ticks from the host's clock: the epoch advances by the intervals that
   * passed whenever the runtime looks at it from an epoch check, so a running guest sees a tick within a bounded
   * number of checks (docs/js-abi.md, "Epoch clock"), and stores' checks cost a call each meanwhile.
   * A page may also post `engine.epochBuffer` (a SharedArrayBuffer) to a Worker of its own instead.
   */
  startEpochTicker(intervalMs: number, options: EpochTickerOptions = {}): void {
    if (!(intervalMs > 0) || intervalMs === Infinity)
      throw new RangeError('the epoch ticker interval must be positive');
    const Worker =
      options.clock === true ||
      typeof SharedArrayBuffer !== 'function' ||
      !(this.epochCounter.buffer instanceof SharedArrayBuffer)
        ? null
        : nodeWorkerClass<NodeWorker>();
    this.stopEpochTicker();
    this.epochPolled = true;
    if (Worker === null) {
      this.epochClock = new EpochClock(this.epochCounter, intervalMs);
      return;
    }
    // a stopped worker may still tick once (terminate is asynchronous): the buffer stays shared
    this.epochShared = true;
    const worker = new Worker(TICKER_SOURCE, {
      eval: true,
      workerData: { buffer: this.epochCounter.buffer, interval: intervalMs },
    });
    worker.unref();
    this.ticker = worker;
  }

  /** Stops the ticker started by `startEpochTicker` (if any): its worker, or its clock. */
  stopEpochTicker(): void {
    const t = this.ticker;
    this.ticker = null;
    this.epochClock = null;
    this.epochPolled = this.epochShared;
    if (t !== null) void t.terminate();
  }
}

/** Registers a host function's type (concrete heap types are engine ids) with the engine; returns its id. */
export function registerFuncType(engine: Engine, type: FuncType): number {
  return engine.typeRegistry.registerFuncType(type);
}
