// What the runtime needs from the API's store (wasmtime's `VMStore`), and the externref activations table.

import type { Tunables, VMRuntimeLimits } from '@wasmts/environ';
import type { EpochClock } from './epoch-clock.js';
import type { GcHeapAccount } from './gc-heap.js';
import type { ResourceLimiter } from './limits.js';
import type { TypeRegistry } from './type-registry.js';

/** Roots an activations table keeps before it starts over (see `ExternRefActivationsTable`). */
export const DEFAULT_ACTIVATIONS_CAPACITY = 4096;

/**
 * Roots for host references held by running wasm (wasmtime's `VMExternRefActivationsTable`). The API
 * inserts every host reference that enters wasm while a call runs (externref and anyref arguments, host
 * function results, table and global values the host sets from inside a call) and clears the table when
 * the outermost call of the store returns, so the runtime keeps nothing of the host's after a call.
 *
 * On a JS host the engine's collector traces wasm's state itself (the JS backend's frames, closures,
 * tables and globals are JS objects; the host engine roots the wasm backend's frames), so these roots are
 * a second guarantee, not the only one. Like wasmtime's table it is bounded: when `capacity` roots are
 * held it starts over (wasmtime collects garbage then and keeps what its stack maps name; here the JS
 * stack keeps those), so a long call that takes millions of host references does not hold them all.
 */
export class ExternRefActivationsTable {
  private roots: Set<unknown> | null = null;
  /** Most roots held at once before starting over. */
  readonly capacity: number;
  /** Most roots ever held at once. */
  highWater = 0;

  /** Creates an empty table that holds at most `capacity` roots at once. */
  constructor(capacity: number = DEFAULT_ACTIVATIONS_CAPACITY) {
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError('an activations table capacity must be a positive integer');
    this.capacity = capacity;
  }

  /** Roots `value` (null and undefined are not references to root) until the next `clear()`. */
  insert(value: unknown): void {
    if (value === null || value === undefined) return;
    let roots = this.roots;
    if (roots === null) this.roots = roots = new Set();
    else if (roots.size >= this.capacity) roots.clear();
    roots.add(value);
    if (roots.size > this.highWater) this.highWater = roots.size;
  }
  /** True if `value` is rooted. */
  has(value: unknown): boolean {
    return this.roots?.has(value) === true;
  }
  /** Number of rooted values. */
  get size(): number {
    return this.roots === null ? 0 : this.roots.size;
  }
  /** Drops every root. */
  clear(): void {
    if (this.roots !== null && this.roots.size > 0) this.roots.clear();
  }
}

/** An instance as its store keeps it (`Instance` of instance.ts, or the API's instance of the wasm backend). */
export interface StoreInstance {
  /** The instance's VMContext. */
  readonly vmctx: unknown[];
}

/** The store as the runtime sees it; the API's `Store<T>` implements this. */
export interface Store {
  /**
   * The engine's builtins object (`rt`, made by `createBuiltins`). Opaque here: the builtins read the store, so
   * naming their type would make the two modules depend on each other.
   */
  readonly builtins: object;
  /** The engine's type registry. */
  readonly typeRegistry: TypeRegistry;
  /** The store's runtime limits (environ's `VMRuntimeLimits`). */
  readonly runtimeLimits: VMRuntimeLimits;
  /** The engine's epoch counter (a Float64Array of one element). */
  readonly epochCounter: Float64Array;
  /** The engine's tunables. */
  readonly tunables: Tunables;
  /** Roots for externrefs held by running wasm. */
  readonly externRefActivations: ExternRefActivationsTable;
  /** Instances created in this store, in creation order. */
  readonly instances: StoreInstance[];
  /** The store's GC heap account (JS backend GC allocations are charged to it). */
  readonly gcHeap: GcHeapAccount;
  /** The limiter memories and tables of the store ask before they grow, or null. */
  readonly resourceLimiter: ResourceLimiter | null;
  /**
   * Memories the store creates grow in place (`MemoryOptions.growInPlace`): for hosts without a JIT. Absent: false.
   */
  readonly memoriesGrowInPlace?: boolean;
  /**
   * Called when fuel runs out (`FuelConsumed` reached 0): may add fuel and return (execution continues)
   * or throw a Trap. Absent: the call traps with OutOfFuel.
   */
  outOfGas?(): void;
  /**
   * Called when the epoch deadline is reached: returns the number of ticks to the next deadline (execution
   * continues) or throws a Trap. Absent: the call traps with Interrupt.
   */
  newEpoch?(): number;
  /**
   * The engine's epoch clock while it ticks from the host's clock (no worker): every epoch check of the JS backend
   * then calls `newEpoch`, which reads the clock every `EPOCH_CLOCK_SAMPLE` calls. Absent or null: no clock.
   */
  readonly epochClock?: EpochClock | null;
  /**
   * The real epoch deadline (`runtimeLimits.epochDeadline` is the one compiled code compares, kept at -Infinity
   * while a clock ticks). Absent: the two are one.
   */
  readonly epochDeadline?: number;
  /** Sets the deadline `ticks` from now (both of the above, and the wasm backend's). Absent: the builtin does. */
  setEpochDeadline?(ticks: number): void;
}
