// A pooling instance allocator, after wasmtime's: fixed budgets of instances, memories and tables decided
// up front, per-memory and per-table size caps, and memory buffers kept warm for reuse (a resizable
// ArrayBuffer is shrunk to 0 and regrown, which zero-fills it, instead of being allocated again).

import { Instance, type InstanceAllocationRequest, type InstanceAllocator } from './instance.js';
import { ResourceLimitError } from './limits.js';
import { Memory } from './memory.js';
import { Table } from './table.js';
import { canonicalValType } from './type-registry.js';

/** Budgets of a pooling allocator (wasmtime's `PoolingAllocationConfig`). */
export interface PoolingAllocationConfig {
  /** Most live instances. */
  readonly totalCoreInstances: number;
  /** Most live defined memories across instances. */
  readonly totalMemories: number;
  /** Most live defined tables across instances. */
  readonly totalTables: number;
  /** Most defined memories in one module. */
  readonly maxMemoriesPerModule: number;
  /** Most defined tables in one module. */
  readonly maxTablesPerModule: number;
  /** Most bytes one memory may have (its reservation). */
  readonly maxMemorySize: number;
  /** Most elements one table may have. */
  readonly tableElements: number;
  /** Most released memory buffers kept for reuse. */
  readonly maxUnusedWarmSlots: number;
}

/** wasmtime's defaults where they translate (memory size capped by what one ArrayBuffer may reserve). */
export const DEFAULT_POOLING_CONFIG: PoolingAllocationConfig = Object.freeze({
  totalCoreInstances: 1000,
  totalMemories: 1000,
  totalTables: 1000,
  maxMemoriesPerModule: 1,
  maxTablesPerModule: 1,
  maxMemorySize: 2 ** 32,
  tableElements: 20_000,
  maxUnusedWarmSlots: 100,
});

interface Slots {
  readonly memories: Memory[];
  readonly tables: Table[];
}

/** Allocates within fixed budgets and reuses memory buffers of deallocated instances. */
export class PoolingInstanceAllocator implements InstanceAllocator {
  /** The budgets. */
  readonly config: PoolingAllocationConfig;
  private liveInstances = 0;
  private liveMemories = 0;
  private liveTables = 0;
  private readonly warm: ArrayBuffer[] = [];
  private readonly slots = new WeakMap<Instance, Slots>();

  constructor(config: Partial<PoolingAllocationConfig> = {}) {
    this.config = Object.freeze({ ...DEFAULT_POOLING_CONFIG, ...config });
  }

  /** Live instances, memories and tables. */
  get usage(): { instances: number; memories: number; tables: number; warmMemories: number } {
    return {
      instances: this.liveInstances,
      memories: this.liveMemories,
      tables: this.liveTables,
      warmMemories: this.warm.length,
    };
  }

  /** Allocates the instance; throws `ResourceLimitError` when a budget or a size cap is exceeded. */
  allocate(request: InstanceAllocationRequest): Instance {
    const c = this.config;
    const { module, typeIds } = request.runtimeInfo;
    const { store } = request;
    const numMemories = module.memories.length - module.numImportedMemories;
    const numTables = module.tables.length - module.numImportedTables;
    if (this.liveInstances >= c.totalCoreInstances) {
      throw new ResourceLimitError(`maximum concurrent core instance limit of ${c.totalCoreInstances} reached`);
    }
    if (numMemories > c.maxMemoriesPerModule) {
      throw new ResourceLimitError(
        `defined memories count of ${numMemories} exceeds the per-module limit of ${c.maxMemoriesPerModule}`,
      );
    }
    if (numTables > c.maxTablesPerModule) {
      throw new ResourceLimitError(
        `defined tables count of ${numTables} exceeds the per-module limit of ${c.maxTablesPerModule}`,
      );
    }
    if (this.liveMemories + numMemories > c.totalMemories) {
      throw new ResourceLimitError(`maximum concurrent memory limit of ${c.totalMemories} reached`);
    }
    if (this.liveTables + numTables > c.totalTables) {
      throw new ResourceLimitError(`maximum concurrent table limit of ${c.totalTables} reached`);
    }
    const t = store.tunables;
    const maxBytes = Math.min(t.maxMemoryBytes, c.maxMemorySize);
    const memories: Memory[] = [];
    const tables: Table[] = [];
    try {
      for (let i = module.numImportedMemories; i < module.memories.length; i++) {
        const type = module.memories[i];
        const bytes = type.limits.min * 2 ** type.pageSizeLog2;
        if (bytes > c.maxMemorySize) {
          throw new ResourceLimitError(
            `memory minimum size of ${type.limits.min} pages exceeds the pooling allocator's memory size of ${c.maxMemorySize} bytes`,
          );
        }
        const buffer = type.shared ? undefined : this.warm.pop();
        memories.push(
          new Memory(type, {
            maxBytes,
            limiter: store.resourceLimiter,
            growthReservation: Math.max(t.memoryReservationForGrowth, t.memoryReservation),
            resizable: true,
            buffer,
          }),
        );
      }
      for (let i = module.numImportedTables; i < module.tables.length; i++) {
        const tt = module.tables[i].type;
        if (tt.limits.min > c.tableElements) {
          throw new ResourceLimitError(
            `table minimum size of ${tt.limits.min} elements exceeds the pooling allocator's table size of ${c.tableElements}`,
          );
        }
        const type = { ...tt, element: canonicalValType(tt.element, typeIds) };
        const maxElements = Math.min(t.maxTableElements, c.tableElements);
        tables.push(new Table(type, null, { maxElements, limiter: store.resourceLimiter }));
      }
    } catch (e) {
      for (const m of memories) this.recycle(m);
      throw e;
    }
    const instance = new Instance(request, memories, tables);
    this.liveInstances++;
    this.liveMemories += numMemories;
    this.liveTables += numTables;
    this.slots.set(instance, { memories, tables });
    store.instances.push(instance);
    return instance;
  }

  /** Returns the instance's slots; its memories become empty and their buffers are kept for reuse. */
  deallocate(instance: Instance): void {
    const s = this.slots.get(instance);
    if (s === undefined) return;
    this.slots.delete(instance);
    this.liveInstances--;
    this.liveMemories -= s.memories.length;
    this.liveTables -= s.tables.length;
    for (const m of s.memories) this.recycle(m);
    for (const t of s.tables) t.elements.length = 0;
  }

  private recycle(m: Memory): void {
    const buffer = m.release();
    if (buffer !== null && this.warm.length < this.config.maxUnusedWarmSlots) this.warm.push(buffer);
  }
}
