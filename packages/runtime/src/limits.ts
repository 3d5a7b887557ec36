// Store-wide resource limits, as wasmtime's `ResourceLimiter`: asked before memories, tables and the GC heap grow.

/** Decides whether memories and tables may grow (the API's `StoreLimits` implements it). */
export interface ResourceLimiter {
  /** May a memory grow from `current` to `desired` bytes (`maximum` its declared/engine max or null)? */
  memoryGrowing(current: number, desired: number, maximum: number | null): boolean;
  /** May a table grow from `current` to `desired` elements? */
  tableGrowing(current: number, desired: number, maximum: number | null): boolean;
  /**
   * May the store's GC heap grow from `current` to `desired` bytes (the runtime's cost model; `maximum`
   * is `Tunables.maxGcHeapBytes`)? Asked in steps, not on every allocation; absent: up to the maximum.
   */
  gcHeapGrowing?(current: number, desired: number, maximum: number): boolean;
  /** Most instances a store may hold (checked at instantiation; unlimited when absent). */
  instances?(): number;
  /** Most tables a store may hold, counting each instance's defined tables. */
  tables?(): number;
  /** Most linear memories a store may hold, counting each instance's defined memories. */
  memories?(): number;
}

/** A memory or table could not be created: its minimum size is beyond a limit or what the host can allocate. */
export class ResourceLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResourceLimitError';
  }
}
