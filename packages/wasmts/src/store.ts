// `Store`, as in wasmtime: instances, the embedder's data and the runtime limits (fuel, epoch deadline, limiter).
// A backend's state of a store is reached only through `BackendStoreState`: the backend depends on the store.

import { TrapCode, type Tunables, VMRuntimeLimits } from '@wasmts/environ';
import {
  type Builtins,
  type EpochClock,
  ExternRefActivationsTable,
  GcHeapAccount,
  HostError,
  type InstanceAllocator,
  PoolingInstanceAllocator,
  type ResourceLimiter,
  type Instance as RuntimeInstance,
  type Store as RuntimeStore,
  Trap as RuntimeTrap,
  type TypeRegistry,
} from '@wasmts/runtime';
import type { Engine } from './engine.js';
import { hostCanonicalNaNs } from './host.js';

/**
 * What a store asks of a backend's state of it (the wasm backend's `WasmStoreState`, created by the backend on
 * a store's first wasm-backend instance). Declared here so that the store does not depend on the backend:
 * the backend depends on the store.
 */
export interface BackendStoreState {
  /** The store's fuel changed (`consumed` counts up towards 0). */
  setFuel(consumed: number): void;
  /** Brings the store's fuel counter up to date from the backend's. */
  syncFuel(): void;
  /** The store's epoch deadline changed. */
  armEpoch(): void;
  /**
   * The store releases its instances: with a pooling allocator (`pooled`) their slots go to other tenants,
   * so their functions reachable from outside are retired, and the state returns to the engine for its next
   * store (the store then has none).
   */
  release(pooled: boolean): void;
}

/** What an epoch deadline callback asks for: continue with a new deadline `delta` ticks ahead, or trap. */
export type UpdateDeadline = { readonly action: 'continue'; readonly delta: number } | { readonly action: 'trap' };

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
  /** Fuel, epoch deadline, call depth and its limit (fields that compiled JS reads and writes). */
  readonly runtimeLimits = new VMRuntimeLimits();
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
  /**
   * Memories grow in place where the engine's code runs without a JIT (runtime Store interface), but not on a
   * NaN-boxing host (`hostCanonicalNaNs`: JavaScriptCore; Hermes has no resizable buffers): JavaScriptCore's
   * interpreter reads a typed array over a resizable buffer on a slow path (callgrind, jsc 2.50.6 --useJIT=false,
   * one i32 load in a loop: 476 machine instructions per iteration against 230 over a fixed buffer, and the DataView
   * getter 420 against 373), which cost more in sieve than the copies of its growths saved.
   */
  readonly memoriesGrowInPlace: boolean;
  /** Nesting depth of calls from the host into wasm (the outermost exit resets the call depth). */
  entryDepth = 0;
  /** Instances, defined memories and defined tables created in the store (checked against the limiter). */
  readonly counts = { instances: 0, memories: 0, tables: 0 };
  /** Runtime Store interface: what to do at the epoch deadline (absent: trap with Interrupt). */
  newEpoch?: () => number;
  /** The wasm backend's state, once a wasm-backend instance exists in the store (internal). */
  wasmState: BackendStoreState | undefined = undefined;
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
    this.memoriesGrowInPlace = engine.jsInterpreter && !hostCanonicalNaNs();
    this.runtimeLimits.stackLimit = engine.tunables.maxCallDepth;
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
    this.runtimeLimits.fuelConsumed = -fuel;
    this.wasmState?.setFuel(-fuel);
  }
  /** The fuel left (needs `Config.consumeFuel`). */
  getFuel(): number {
    this.requireFuel();
    this.wasmState?.syncFuel();
    return Math.max(0, -this.runtimeLimits.fuelConsumed);
  }
  /**
   * Sets the epoch deadline `ticks` epochs from now (needs `Config.epochInterruption`); code reaching a
   * check (a loop header, the entry of a function that may recurse, a call from the host) at or past it traps
   * (or asks the deadline callback). Starts at 0.
   */
  setEpochDeadline(ticks: number): void {
    this.epochDeadline = this.epochCounter[0] + ticks;
    this.syncEpochDeadline();
  }
  /**
   * The epoch deadline, as an epoch count (runtime Store interface). Compiled JS compares
   * `runtimeLimits.epochDeadline`, which equals it, except while the engine's epoch clock ticks: then it is
   * -Infinity, so that every check calls the runtime's `newEpoch`, which reads the clock (engine.ts, `startEpochTicker`).
   */
  epochDeadline = 0;
  /** The engine's epoch clock (runtime Store interface), or null when no clock ticks. */
  get epochClock(): EpochClock | null {
    return this.engine.epochClock;
  }
  private clockSeen: EpochClock | null = null;
  /**
   * Brings the deadline compiled code compares up to date with the real one and the engine's clock (started or
   * stopped since the last call from the host), and re-arms the wasm backend's countdown.
   */
  syncEpochDeadline(): void {
    const clock = this.engine.epochClock;
    this.clockSeen = clock;
    this.runtimeLimits.epochDeadline = clock === null ? this.epochDeadline : -Infinity;
    this.wasmState?.armEpoch();
  }
  /** Whether the engine's clock was started or stopped since `syncEpochDeadline` last ran (internal). */
  clockChanged(): boolean {
    return this.clockSeen !== this.engine.epochClock;
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
    // slots the pool takes back: a wasm backend's host instances cannot lose their memory, so they are retired
    this.wasmState?.release(this.allocator instanceof PoolingInstanceAllocator);
    for (const inst of this.instances.splice(0)) this.allocator.deallocate(inst);
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
