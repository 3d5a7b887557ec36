// What the runtime needs from the API's store (wasmtime's `VMStore`), and the externref activations table.

import type { Tunables } from '@wasmts/environ';
import type { Builtins } from './builtins.js';
import type { Instance } from './instance.js';
import type { ResourceLimiter } from './limits.js';
import type { TypeRegistry } from './type-registry.js';

/**
 * Roots for host values held by running wasm (wasmtime's VMExternRefActivationsTable). The JS garbage
 * collector already keeps live values alive, so this is a plain Set: `insert` roots a value until the next
 * `clear`, which the API calls when the outermost wasm call of the store returns.
 */
export class ExternRefActivationsTable {
  private readonly roots = new Set<unknown>();

  /** Roots `value` until the next `clear()`. */
  insert(value: unknown): void {
    if (value !== null && value !== undefined) this.roots.add(value);
  }
  /** True if `value` is rooted. */
  has(value: unknown): boolean {
    return this.roots.has(value);
  }
  /** Number of rooted values. */
  get size(): number {
    return this.roots.size;
  }
  /** Drops every root. */
  clear(): void {
    this.roots.clear();
  }
}

/** The store as the runtime sees it; the API's `Store<T>` implements this. */
export interface Store {
  /** The engine's builtins object (`rt`). */
  readonly builtins: Builtins;
  /** The engine's type registry. */
  readonly typeRegistry: TypeRegistry;
  /** The store's runtime limits (a Float64Array laid out by environ's `VMRuntimeLimits`). */
  readonly runtimeLimits: Float64Array;
  /** The engine's epoch counter (a Float64Array of one element). */
  readonly epochCounter: Float64Array;
  /** The engine's tunables. */
  readonly tunables: Tunables;
  /** Roots for externrefs held by running wasm. */
  readonly externRefActivations: ExternRefActivationsTable;
  /** Instances created in this store, in creation order. */
  readonly instances: Instance[];
  /** The limiter memories and tables of the store ask before they grow, or null. */
  readonly resourceLimiter: ResourceLimiter | null;
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
}
