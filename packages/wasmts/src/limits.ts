// `StoreLimits` and `StoreLimitsBuilder`, as in wasmtime: a ready-made `ResourceLimiter` for a store's memories,
// tables and instances.

import { ResourceLimitError, type ResourceLimiter } from '@wasmts/runtime';

/** Decides whether a store's memories and tables may grow and how many it may hold (wasmtime's `ResourceLimiter`). */
export type { ResourceLimiter };

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
