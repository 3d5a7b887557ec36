// Config, Engine and Store, as in wasmtime: an engine holds compilation settings and the engine-wide type
// registry and builtins; a store holds instances, the embedder's data and the runtime limits.

import { defaultOperatorCost, type OperatorCost } from '@wasmts/codegen';
import {
  tunables as makeTunables,
  TrapCode,
  type Tunables,
  VMRuntimeLimits,
  WASM3_FEATURES,
  type WasmFeatures,
} from '@wasmts/environ';
import {
  type Builtins,
  createBuiltins,
  ExternRefActivationsTable,
  GcHeapAccount,
  HostError,
  type InstanceAllocator,
  OnDemandInstanceAllocator,
  type PoolingAllocationConfig,
  type PoolingAllocatorMetrics,
  PoolingInstanceAllocator,
  ResourceLimitError,
  type ResourceLimiter,
  type Instance as RuntimeInstance,
  type Store as RuntimeStore,
  Trap as RuntimeTrap,
  TypeRegistry,
} from '@wasmts/runtime';
import { existingWasmState, recycleWasmState, type WasmStoreState } from './wasm-backend/bridge.js';
import { retireHostInstances } from './wasm-backend/instance.js';

/** Which code generator runs modules. */
export type Backend = 'js' | 'wasm' | 'auto';

/** Fuel per operator: a function of the operator's text name, or a map of names to costs (others: wasmtime's). */
export type OperatorCosts = OperatorCost | Readonly<Record<string, number>>;

/** Settings a `Config` can be created with (each also has a builder method of the same name). */
export interface ConfigOptions {
  backend?: Backend;
  features?: WasmFeatures;
  consumeFuel?: boolean;
  operatorCost?: OperatorCosts;
  epochInterruption?: boolean;
  maxWasmStack?: number;
  maxCallDepth?: number;
  maxGcHeapBytes?: number;
  wasmBacktraceMaxFrames?: number;
  allocationStrategy?: 'on-demand' | { pooling: Partial<PoolingAllocationConfig> };
  indirectNullCheck?: boolean;
  irPipeline?: boolean;
  splitLargeFunctions?: boolean | 'auto';
}

/** The store controls a config resolves to (read by `Engine`). */
export interface StoreControls {
  readonly consumeFuel: boolean;
  readonly operatorCost: OperatorCost;
  readonly epochInterruption: boolean;
  /** Bytes of wasm stack, or undefined (the host's own stack limit is in charge). */
  readonly maxWasmStack: number | undefined;
  /** Most nested wasm calls, or undefined (derived from `maxWasmStack` when only that is set). */
  readonly maxCallDepth: number | undefined;
  /** Most bytes of GC objects per store (the cost model of @wasmts/runtime's gc-heap.ts), or undefined (the default). */
  readonly maxGcHeapBytes: number | undefined;
  readonly wasmBacktraceMaxFrames: number;
  /** Wasm backend: `call_indirect` null entries trap `IndirectCallToNull` (see `Config.indirectNullCheck`). */
  readonly indirectNullCheck: boolean;
  /** JS backend: translate the functions the IR covers through codegen's IR pipeline (see `Config.irPipeline`). */
  readonly irPipeline: boolean;
  /** JS backend: split and outline large function bodies (see `Config.splitLargeFunctions`). */
  readonly splitLargeFunctions: boolean | 'auto';
}

/** Bytes of wasm stack the JS backend counts per call when `maxWasmStack` is turned into a call depth. */
const BYTES_PER_FRAME = 64;

function resolveCost(costs: OperatorCosts): OperatorCost {
  if (typeof costs === 'function') return costs;
  const map = new Map(Object.entries(costs));
  return (name) => map.get(name) ?? defaultOperatorCost(name);
}

/**
 * Engine settings (wasmtime's `Config`): builder methods (`new Config().consumeFuel(true)`) or an object
 * of the same names (`new Config({ consumeFuel: true })`).
 */
export class Config {
  /**
   * The backend: 'js' (generated JavaScript, any host), 'wasm' (the host's WebAssembly engine running
   * an instrumented module; a module the host cannot run is a `BackendError`), or 'auto' (the default:
   * 'wasm' where the host supports everything the module uses, else 'js'). Each `Module` says which it
   * got (`Module.backend`, `Module.backendReason`).
   */
  backend: Backend = 'auto';
  /** Proposals modules may use (Wasm 3.0 by default). */
  features: WasmFeatures = WASM3_FEATURES;
  /** How instances are allocated: fresh each time ('on-demand'), or from a pool with these limits. */
  allocationStrategy: 'on-demand' | { pooling: Partial<PoolingAllocationConfig> } = 'on-demand';
  private controls: { -readonly [K in keyof StoreControls]: StoreControls[K] } = {
    consumeFuel: false,
    operatorCost: defaultOperatorCost,
    epochInterruption: false,
    maxWasmStack: undefined,
    maxCallDepth: undefined,
    maxGcHeapBytes: undefined,
    wasmBacktraceMaxFrames: 20,
    indirectNullCheck: true,
    irPipeline: false,
    splitLargeFunctions: 'auto',
  };

  /** Creates a config, optionally with some settings. */
  constructor(init: ConfigOptions = {}) {
    if (init.backend !== undefined) this.backend = init.backend;
    if (init.features !== undefined) this.features = init.features;
    if (init.allocationStrategy !== undefined) this.allocationStrategy = init.allocationStrategy;
    if (init.consumeFuel !== undefined) this.consumeFuel(init.consumeFuel);
    if (init.operatorCost !== undefined) this.operatorCost(init.operatorCost);
    if (init.epochInterruption !== undefined) this.epochInterruption(init.epochInterruption);
    if (init.maxWasmStack !== undefined) this.maxWasmStack(init.maxWasmStack);
    if (init.maxCallDepth !== undefined) this.maxCallDepth(init.maxCallDepth);
    if (init.maxGcHeapBytes !== undefined) this.maxGcHeapBytes(init.maxGcHeapBytes);
    if (init.wasmBacktraceMaxFrames !== undefined) this.wasmBacktraceMaxFrames(init.wasmBacktraceMaxFrames);
    if (init.indirectNullCheck !== undefined) this.indirectNullCheck(init.indirectNullCheck);
    if (init.irPipeline !== undefined) this.irPipeline(init.irPipeline);
    if (init.splitLargeFunctions !== undefined) this.splitLargeFunctions(init.splitLargeFunctions);
  }

  /**
   * JS backend: cut function bodies longer than codegen's `SPLIT_CHARS` into pieces and move the large
   * statements of a long loop into closures (packages/codegen/README.md, "Splitting large functions" and
   * "Outlining"), so that a JIT's optimizing tier takes them. `'auto'` (the default): only where the host has
   * its own WebAssembly, taken as the sign of a JIT. A host without one (jitless V8, iOS Lockdown Mode,
   * Hermes) interprets every function whatever its size, and splitting there only costs translation time
   * (esbuild-wasm's first result under `node --jitless`: outlining was more than half of it).
   */
  splitLargeFunctions(enable: boolean | 'auto' = true): this {
    this.controls.splitLargeFunctions = enable;
    return this;
  }

  /**
   * JS backend (default off): translate each function that codegen's IR covers through its IR pipeline
   * (build -> passes -> emit; packages/codegen/README.md, "The IR pipeline"), the others through the
   * one-pass translator. The generated code keeps the same ABI, results and fuel.
   */
  irPipeline(enable = true): this {
    this.controls.irPipeline = enable;
    return this;
  }

  /**
   * Wasm backend (default on): each `call_indirect` records its table index and instance in two host
   * globals, so that when the host traps with "null function or signature mismatch" (it does not say
   * which) the entry is read back and a null entry traps `IndirectCallToNull` as on the JS backend. Off
   * saves the two global writes and reports a null entry as `BadSignature`.
   */
  indirectNullCheck(enable = true): this {
    this.controls.indirectNullCheck = enable;
    return this;
  }

  /** Instruments code to consume fuel (`Store.setFuel`); running out traps with `OutOfFuel`. */
  consumeFuel(enable = true): this {
    this.controls.consumeFuel = enable;
    return this;
  }
  /** Fuel per operator (default: wasmtime's, 1 per operator and 0 for `FREE_OPERATORS`). */
  operatorCost(costs: OperatorCosts): this {
    this.controls.operatorCost = resolveCost(costs);
    return this;
  }
  /** Instruments loop headers and the entries of functions that may recurse to check the store's epoch deadline. */
  epochInterruption(enable = true): this {
    this.controls.epochInterruption = enable;
    return this;
  }
  /**
   * Most bytes of wasm stack; the JS backend enforces it as a call depth (one frame per 64 bytes) and
   * traps with `StackOverflow` beyond it. Unset: the host's own stack limit is in charge.
   */
  maxWasmStack(bytes: number): this {
    if (!(bytes > 0)) throw new RangeError('maxWasmStack must be positive');
    this.controls.maxWasmStack = bytes;
    return this;
  }
  /** Most nested wasm calls before a `StackOverflow` trap (overrides the depth derived from `maxWasmStack`). */
  maxCallDepth(depth: number): this {
    if (!Number.isSafeInteger(depth) || depth < 1) throw new RangeError('maxCallDepth must be a positive integer');
    this.controls.maxCallDepth = depth;
    return this;
  }
  /**
   * Most bytes of GC objects a store may hold (default 1 GiB), by the runtime's cost model (16 bytes per
   * object and 8 per field or element); an allocation past it traps with `GcHeapOutOfMemory`, a single
   * larger object with `AllocationTooLarge`. JS backend only: see the wasmts README's "Limits".
   */
  maxGcHeapBytes(bytes: number): this {
    if (!Number.isSafeInteger(bytes) || bytes < 0)
      throw new RangeError('maxGcHeapBytes must be a non-negative integer');
    this.controls.maxGcHeapBytes = bytes;
    return this;
  }
  /** Most frames a `WasmBacktrace` keeps (default 20, as wasmtime; 0 captures no backtraces). */
  wasmBacktraceMaxFrames(frames: number): this {
    if (!Number.isSafeInteger(frames) || frames < 0) throw new RangeError('wasmBacktraceMaxFrames must be >= 0');
    this.controls.wasmBacktraceMaxFrames = frames;
    return this;
  }
  /** The store controls as set. */
  get settings(): StoreControls {
    return { ...this.controls };
  }

  /** The codegen tunables this config asks for. */
  tunables(): Partial<Tunables> {
    const c = this.controls;
    const t: { -readonly [K in keyof Tunables]?: Tunables[K] } = {
      consumeFuel: c.consumeFuel,
      epochInterruption: c.epochInterruption,
    };
    if (c.maxWasmStack !== undefined) t.maxWasmStack = c.maxWasmStack;
    if (c.maxCallDepth !== undefined) t.maxCallDepth = c.maxCallDepth;
    if (c.maxGcHeapBytes !== undefined) t.maxGcHeapBytes = c.maxGcHeapBytes;
    else if (c.maxWasmStack !== undefined) t.maxCallDepth = Math.max(1, Math.floor(c.maxWasmStack / BYTES_PER_FRAME));
    return t;
  }
}

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

function nodeWorkerClass(): (new (src: string, opts: object) => NodeWorker) | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const wt = proc?.getBuiltinModule?.('node:worker_threads') as
    | { Worker: new (src: string, opts: object) => NodeWorker }
    | undefined;
  return wt?.Worker ?? null;
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
  private ticker: NodeWorker | null = null;

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
    const epochBuffer = options.epochBuffer;
    if (epochBuffer !== undefined && epochBuffer.byteLength < 8) throw new RangeError('an epoch buffer holds 8 bytes');
    this.epochCounter = new Float64Array(
      epochBuffer ?? (typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(8) : new ArrayBuffer(8)),
      0,
      1,
    );
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
    return this.epochCounter.buffer;
  }

  /**
   * Advances the epoch every `intervalMs` from a `worker_threads` Worker (Node), so a guest running
   * synchronously on this thread can be interrupted. The worker does not keep the process alive.
   * Browsers: post `engine.epochBuffer` to a Worker that does `new Float64Array(buf)[0]++` on a timer.
   */
  startEpochTicker(intervalMs: number): void {
    if (!(intervalMs > 0)) throw new RangeError('the epoch ticker interval must be positive');
    if (typeof SharedArrayBuffer !== 'function' || !(this.epochCounter.buffer instanceof SharedArrayBuffer))
      throw new Error('an epoch ticker needs SharedArrayBuffer');
    const Worker = nodeWorkerClass();
    if (Worker === null)
      throw new Error('no worker_threads on this host: advance `engine.epochBuffer` from a Worker of your own');
    this.stopEpochTicker();
    const worker = new Worker(TICKER_SOURCE, {
      eval: true,
      workerData: { buffer: this.epochCounter.buffer, interval: intervalMs },
    });
    worker.unref();
    this.ticker = worker;
  }

  /** Stops the ticker started by `startEpochTicker` (if any). */
  stopEpochTicker(): void {
    const t = this.ticker;
    this.ticker = null;
    if (t !== null) void t.terminate();
  }
}

/** Decides whether a store's memories and tables may grow and how many it may hold (wasmtime's `ResourceLimiter`). */
export type { ResourceLimiter };

/** What an epoch deadline callback asks for: continue with a new deadline `delta` ticks ahead, or trap. */
export type UpdateDeadline = { readonly action: 'continue'; readonly delta: number } | { readonly action: 'trap' };

/** Limits on a store's memories, tables and instances (wasmtime's `StoreLimits`; build with `StoreLimitsBuilder`). */
export class StoreLimits implements ResourceLimiter {
  /** Most bytes any one memory may have, or null. */
  memorySize: number | null = null;
  /** Most elements any one table may have, or null. */
  tableElements: number | null = null;
  /** Most bytes of GC objects in the store (the runtime's cost model), or null. */
  gcHeapSize: number | null = null;
  /** Most instances in the store. */
  instanceCount = 10_000;
  /** Most tables in the store. */
  tableCount = 10_000;
  /** Most memories in the store. */
  memoryCount = 10_000;
  /** Whether a refused growth throws (the call fails) instead of returning -1. */
  trapOnGrowFailure = false;

  /** Creates limits (no limit on sizes where a field is omitted; 10,000 of each entity, as wasmtime). */
  constructor(
    init: {
      memorySize?: number;
      tableElements?: number;
      gcHeapSize?: number;
      instances?: number;
      tables?: number;
      memories?: number;
      trapOnGrowFailure?: boolean;
    } = {},
  ) {
    if (init.memorySize !== undefined) this.memorySize = init.memorySize;
    if (init.tableElements !== undefined) this.tableElements = init.tableElements;
    if (init.gcHeapSize !== undefined) this.gcHeapSize = init.gcHeapSize;
    if (init.instances !== undefined) this.instanceCount = init.instances;
    if (init.tables !== undefined) this.tableCount = init.tables;
    if (init.memories !== undefined) this.memoryCount = init.memories;
    if (init.trapOnGrowFailure !== undefined) this.trapOnGrowFailure = init.trapOnGrowFailure;
  }
  /** ResourceLimiter: may a memory grow to `desired` bytes? */
  memoryGrowing(_current: number, desired: number, _maximum: number | null): boolean {
    const ok = this.memorySize === null || desired <= this.memorySize;
    if (!ok && this.trapOnGrowFailure)
      throw new ResourceLimitError(`forcing trap when growing memory to ${desired} bytes`);
    return ok;
  }
  /** ResourceLimiter: may a table grow to `desired` elements? */
  tableGrowing(_current: number, desired: number, _maximum: number | null): boolean {
    const ok = this.tableElements === null || desired <= this.tableElements;
    if (!ok && this.trapOnGrowFailure)
      throw new ResourceLimitError(`forcing trap when growing table to ${desired} elements`);
    return ok;
  }
  /** ResourceLimiter: may the GC heap grow to `desired` bytes? (A refusal traps `GcHeapOutOfMemory`.) */
  gcHeapGrowing(_current: number, desired: number, _maximum: number): boolean {
    return this.gcHeapSize === null || desired <= this.gcHeapSize;
  }
  /** ResourceLimiter: most instances. */
  instances(): number {
    return this.instanceCount;
  }
  /** ResourceLimiter: most tables. */
  tables(): number {
    return this.tableCount;
  }
  /** ResourceLimiter: most memories. */
  memories(): number {
    return this.memoryCount;
  }
}

/** Builds `StoreLimits` (wasmtime's `StoreLimitsBuilder`). */
export class StoreLimitsBuilder {
  private readonly limits = new StoreLimits();

  /** Most bytes any one linear memory may have. */
  memorySize(bytes: number): this {
    this.limits.memorySize = bytes;
    return this;
  }
  /** Most elements any one table may have. */
  tableElements(elements: number): this {
    this.limits.tableElements = elements;
    return this;
  }
  /** Most bytes of GC objects the store may hold (the runtime's cost model). */
  gcHeapSize(bytes: number): this {
    this.limits.gcHeapSize = bytes;
    return this;
  }
  /** Most instances the store may hold. */
  instances(n: number): this {
    this.limits.instanceCount = n;
    return this;
  }
  /** Most tables the store may hold. */
  tables(n: number): this {
    this.limits.tableCount = n;
    return this;
  }
  /** Most memories the store may hold. */
  memories(n: number): this {
    this.limits.memoryCount = n;
    return this;
  }
  /** Make a refused `memory.grow` / `table.grow` fail the call with a `ResourceLimitError` instead of returning -1. */
  trapOnGrowFailure(enable = true): this {
    this.limits.trapOnGrowFailure = enable;
    return this;
  }
  /** The limits. */
  build(): StoreLimits {
    const l = new StoreLimits();
    Object.assign(l, this.limits);
    return l;
  }
}

/** Holds instances and the embedder's data `T` (wasmtime's `Store<T>`). */
export class Store<T = unknown> implements RuntimeStore {
  /** The engine. */
  readonly engine: Engine;
  /** The embedder's data, handed to host functions as `caller.data`. */
  data: T;
  /** The engine's builtins (runtime Store interface). */
  readonly builtins: Builtins;
  /** The engine's type registry (runtime Store interface). */
  readonly typeRegistry: TypeRegistry;
  /** Fuel, epoch deadline, call depth and its limit (laid out by VMRuntimeLimits). */
  readonly runtimeLimits = new Float64Array(VMRuntimeLimits.Size);
  /** The engine's epoch counter. */
  readonly epochCounter: Float64Array;
  /** The engine's tunables. */
  readonly tunables: Tunables;
  /** Roots for externrefs held by running wasm. */
  readonly externRefActivations = new ExternRefActivationsTable();
  /** The store's GC heap account (runtime Store interface; JS backend). */
  readonly gcHeap: GcHeapAccount;
  /** Runtime instances, in creation order. */
  readonly instances: RuntimeInstance[] = [];
  /**
   * What memories and tables ask before they grow (runtime Store interface): consults the limiter set
   * by `limiter()` / `setLimiter()` at that moment; what the limiter throws ends the wasm call unchanged.
   */
  readonly resourceLimiter: ResourceLimiter;
  /** The instance allocator (the engine's). */
  readonly allocator: InstanceAllocator;
  /** Nesting depth of calls from the host into wasm (the outermost exit resets the call depth). */
  entryDepth = 0;
  /** Instances, defined memories and defined tables created in the store (checked against the limiter). */
  readonly counts = { instances: 0, memories: 0, tables: 0 };
  /** Runtime Store interface: what to do at the epoch deadline (absent: trap with Interrupt). */
  newEpoch?: () => number;
  /** The wasm backend's state, once a wasm-backend instance exists in the store (internal). */
  wasmState: WasmStoreState | undefined = undefined;
  private currentLimiter: (() => ResourceLimiter) | null = null;

  /** Creates a store in `engine` holding `data`. */
  constructor(engine: Engine, data: T) {
    this.engine = engine;
    this.data = data;
    this.builtins = engine.builtins;
    this.typeRegistry = engine.typeRegistry;
    this.epochCounter = engine.epochCounter;
    this.tunables = engine.tunables;
    this.allocator = engine.allocator;
    this.runtimeLimits[VMRuntimeLimits.StackLimit] = engine.tunables.maxCallDepth;
    const ask = <R>(f: (l: ResourceLimiter) => R, otherwise: R): R => {
      const l = this.currentLimiter?.();
      if (l === undefined) return otherwise;
      try {
        return f(l);
      } catch (e) {
        throw e instanceof HostError || e instanceof RuntimeTrap ? e : new HostError(e);
      }
    };
    this.resourceLimiter = {
      memoryGrowing: (c, d, m) => ask((l) => l.memoryGrowing(c, d, m), true),
      tableGrowing: (c, d, m) => ask((l) => l.tableGrowing(c, d, m), true),
    };
    const gcHeapGrowing = (c: number, d: number, m: number) => ask((l) => l.gcHeapGrowing?.(c, d, m) ?? true, true);
    this.gcHeap = new GcHeapAccount(engine.tunables.maxGcHeapBytes, () =>
      this.currentLimiter === null ? null : gcHeapGrowing,
    );
  }

  /** Sets the limiter as wasmtime does: `fn(data)` returns it (e.g. `store.limiter((d) => d.limits)`). */
  limiter(fn: ((data: T) => ResourceLimiter) | null): void {
    this.currentLimiter = fn === null ? null : () => fn(this.data);
  }
  /** Sets a fixed limiter (or none). */
  setLimiter(limiter: ResourceLimiter | null): void {
    this.currentLimiter = limiter === null ? null : () => limiter;
  }
  /** The limiter in effect, or null. */
  getLimiter(): ResourceLimiter | null {
    return this.currentLimiter?.() ?? null;
  }

  private requireFuel(): void {
    if (!this.engine.controls.consumeFuel) throw new Error('fuel is not configured in this store');
  }
  /** Sets the fuel left (needs `Config.consumeFuel`). */
  setFuel(fuel: number): void {
    this.requireFuel();
    if (!(fuel >= 0) || !Number.isSafeInteger(fuel)) throw new RangeError('fuel must be a non-negative integer');
    this.runtimeLimits[VMRuntimeLimits.FuelConsumed] = -fuel;
    existingWasmState(this)?.setFuel(-fuel);
  }
  /** The fuel left (needs `Config.consumeFuel`). */
  getFuel(): number {
    this.requireFuel();
    existingWasmState(this)?.syncFuel();
    return Math.max(0, -this.runtimeLimits[VMRuntimeLimits.FuelConsumed]);
  }
  /**
   * Sets the epoch deadline `ticks` epochs from now (needs `Config.epochInterruption`); code reaching a
   * check (a loop header, the entry of a function that may recurse, a call from the host) at or past it traps
   * (or asks the deadline callback). Starts at 0.
   */
  setEpochDeadline(ticks: number): void {
    this.runtimeLimits[VMRuntimeLimits.EpochDeadline] = this.epochCounter[0] + ticks;
    existingWasmState(this)?.armEpoch();
  }
  /** Reaching the epoch deadline traps with `TrapCode.Interrupt` (the default). */
  epochDeadlineTrap(): void {
    this.newEpoch = undefined;
  }
  /**
   * Reaching the epoch deadline calls `callback`: `{ action: 'continue', delta }` sets a new deadline
   * `delta` ticks ahead and resumes; `{ action: 'trap' }` traps with `Interrupt`; what it throws ends the
   * call unchanged.
   */
  epochDeadlineCallback(callback: (store: Store<T>) => UpdateDeadline): void {
    this.newEpoch = () => {
      let r: UpdateDeadline;
      try {
        r = callback(this);
      } catch (e) {
        throw e instanceof RuntimeTrap ? e : new HostError(e);
      }
      if (r.action === 'trap') throw new RuntimeTrap(TrapCode.Interrupt);
      if (!(r.delta >= 0)) throw new HostError(new RangeError('an epoch deadline delta must be >= 0'));
      return r.delta;
    };
  }
  /**
   * Releases every instance of the store, as dropping a wasmtime `Store` does. A pooling allocator takes
   * their slots back: their memories and tables become empty (a `Func` kept from them traps on memory or
   * table access) and the memories' buffers, zeroed, go to the next tenant. On demand, the garbage
   * collector frees them. The store stays usable (it is then empty). Throws if wasm is running in the
   * store (from a host function).
   */
  dispose(): void {
    if (this.entryDepth > 0) throw new Error('cannot dispose a store while wasm is running in it');
    const pooled = this.allocator instanceof PoolingInstanceAllocator;
    const w = this.wasmState;
    // slots the pool takes back: a wasm backend's host instance cannot lose its memory, so it is retired
    if (w !== undefined) {
      if (pooled) retireHostInstances(w);
      else w.hostInstances = [];
    }
    for (const inst of this.instances.splice(0)) this.allocator.deallocate(inst);
    // every wasm-backend instance of the store is retired: its host globals and hooks serve the next store
    if (pooled) recycleWasmState(this);
    this.counts.instances = this.counts.memories = this.counts.tables = 0;
  }
  /** Garbage collection: a no-op (the JS collector frees unreachable wasm objects). */
  gc(): void {}
}

// `using store = new Store(...)` disposes the store at the end of the block where the host has explicit
// resource management (`Symbol.dispose`); elsewhere call `store.dispose()`.
const disposeSymbol = (Symbol as { readonly dispose?: symbol }).dispose;
if (typeof disposeSymbol === 'symbol')
  Object.defineProperty(Store.prototype, disposeSymbol, {
    value: function dispose(this: Store<unknown>): void {
      this.dispose();
    },
    writable: true,
    configurable: true,
  });
