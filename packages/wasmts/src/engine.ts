// Config, Engine and Store, as in wasmtime: an engine holds compilation settings and the engine-wide type
// registry and builtins; a store holds instances, the embedder's data and the runtime limits.

import {
  tunables as makeTunables,
  type Tunables,
  VMRuntimeLimits,
  WASM3_FEATURES,
  type WasmFeatures,
} from '@wasmts/environ';
import {
  type Builtins,
  createBuiltins,
  ExternRefActivationsTable,
  type InstanceAllocator,
  OnDemandInstanceAllocator,
  type PoolingAllocationConfig,
  PoolingInstanceAllocator,
  type ResourceLimiter,
  type Instance as RuntimeInstance,
  type Store as RuntimeStore,
  TypeRegistry,
} from '@wasmts/runtime';

/** Which code generator runs modules. */
export type Backend = 'js' | 'wasm' | 'auto';

/** Engine settings (wasmtime's `Config`). */
export class Config {
  /**
   * The backend. Only 'js' exists so far: 'wasm' and 'auto' currently fall back to 'js' (see
   * `Engine.backend`), so modules run as generated JavaScript on every host.
   */
  backend: Backend = 'js';
  /** Proposals modules may use (Wasm 3.0 by default). */
  features: WasmFeatures = WASM3_FEATURES;
  /** Instrument code to consume fuel (`Store.setFuel`). */
  consumeFuel = false;
  /** Instrument code to check the epoch deadline (`Engine.incrementEpoch`, `Store.setEpochDeadline`). */
  epochInterruption = false;
  /** Most bytes of wasm stack; undefined leaves the host's own stack limit in charge. */
  maxWasmStack: number | undefined = undefined;
  /** How instances are allocated: fresh each time ('on-demand'), or from a pool with these limits. */
  allocationStrategy: 'on-demand' | { pooling: Partial<PoolingAllocationConfig> } = 'on-demand';

  /** Creates a config, optionally with some fields set. */
  constructor(
    init: Partial<
      Pick<Config, 'backend' | 'features' | 'consumeFuel' | 'epochInterruption' | 'maxWasmStack' | 'allocationStrategy'>
    > = {},
  ) {
    Object.assign(this, init);
  }

  /** The codegen tunables this config asks for. */
  tunables(): Partial<Tunables> {
    const t: { -readonly [K in keyof Tunables]?: Tunables[K] } = {
      consumeFuel: this.consumeFuel,
      epochInterruption: this.epochInterruption,
    };
    if (this.maxWasmStack !== undefined) {
      t.maxWasmStack = this.maxWasmStack;
      // the JS backend enforces the stack budget as a call depth (about 64 bytes per frame)
      t.maxCallDepth = Math.max(1, Math.floor(this.maxWasmStack / 64));
    }
    return t;
  }
}

/** A compilation environment shared by stores and modules (wasmtime's `Engine`). */
export class Engine {
  /** The settings the engine was created with. */
  readonly config: Config;
  /** The backend actually used (always 'js' for now). */
  readonly backend: 'js';
  /** The engine-wide type registry. */
  readonly typeRegistry: TypeRegistry;
  /** The builtins object `rt` handed to generated code. */
  readonly builtins: Builtins;
  /** The tunables codegen and the runtime use. */
  readonly tunables: Tunables;
  /** The overrides passed to codegen (only what the config sets explicitly). */
  readonly tunableOverrides: Partial<Tunables>;
  /** The engine's epoch counter. */
  readonly epochCounter = new Float64Array(1);
  /** The instance allocator every store of the engine uses (per `Config.allocationStrategy`). */
  readonly allocator: InstanceAllocator;

  /** Creates an engine with a config (defaults when omitted). */
  constructor(config: Config = new Config()) {
    this.config = config;
    this.backend = 'js';
    this.typeRegistry = new TypeRegistry();
    this.builtins = createBuiltins(this.typeRegistry);
    this.tunableOverrides = config.tunables();
    this.tunables = makeTunables(this.tunableOverrides);
    const strategy = config.allocationStrategy;
    this.allocator =
      strategy === 'on-demand' ? new OnDemandInstanceAllocator() : new PoolingInstanceAllocator(strategy.pooling);
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

  /** Advances the epoch by one (code checking epochs traps once it passes a store's deadline). */
  incrementEpoch(): void {
    this.epochCounter[0]++;
  }
}

/** Limits on a store's memories and tables (wasmtime's `StoreLimits`). */
export class StoreLimits implements ResourceLimiter {
  /** Most bytes any one memory may have. */
  memorySize: number | null = null;
  /** Most elements any one table may have. */
  tableElements: number | null = null;

  /** Creates limits (no limit where a field is omitted). */
  constructor(init: { memorySize?: number; tableElements?: number } = {}) {
    if (init.memorySize !== undefined) this.memorySize = init.memorySize;
    if (init.tableElements !== undefined) this.tableElements = init.tableElements;
  }
  /** ResourceLimiter: may a memory grow to `desired` bytes? */
  memoryGrowing(_current: number, desired: number, _maximum: number | null): boolean {
    return this.memorySize === null || desired <= this.memorySize;
  }
  /** ResourceLimiter: may a table grow to `desired` elements? */
  tableGrowing(_current: number, desired: number, _maximum: number | null): boolean {
    return this.tableElements === null || desired <= this.tableElements;
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
  /** Runtime instances, in creation order. */
  readonly instances: RuntimeInstance[] = [];
  /** The resource limiter, or null. */
  limiter: ResourceLimiter | null = null;
  /** The instance allocator (the engine's). */
  readonly allocator: InstanceAllocator;
  /** Nesting depth of calls from the host into wasm (the outermost exit resets the call depth). */
  entryDepth = 0;

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
  }

  /** Sets the limiter consulted before memories and tables grow. */
  setLimiter(limiter: ResourceLimiter | null): void {
    this.limiter = limiter;
  }
  /** Sets the fuel left (needs `Config.consumeFuel`). */
  setFuel(fuel: number): void {
    this.runtimeLimits[VMRuntimeLimits.FuelConsumed] = -fuel;
  }
  /** The fuel left. */
  getFuel(): number {
    return Math.max(0, -this.runtimeLimits[VMRuntimeLimits.FuelConsumed]);
  }
  /** Sets the epoch deadline `ticks` epochs from now (needs `Config.epochInterruption`). */
  setEpochDeadline(ticks: number): void {
    this.runtimeLimits[VMRuntimeLimits.EpochDeadline] = this.epochCounter[0] + ticks;
  }
  /** Releases every instance of the store (a pooling allocator takes their slots back); the store is then empty. */
  dispose(): void {
    for (const inst of this.instances.splice(0)) this.allocator.deallocate(inst);
  }
  /** Garbage collection: a no-op (the JS collector frees unreachable wasm objects). */
  gc(): void {}
}
