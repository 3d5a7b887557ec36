// A pooling instance allocator, after wasmtime's: fixed numbers of instance, memory and table slots decided
// up front, per-memory and per-table size caps, and memory buffers kept warm for the next tenant.
//
// What a slot is here. Generated code keeps its instance's VMContext, memories and tables in closures, and a
// tenant's code may outlive its store (the host can keep a `Func`), so the JS objects are fresh for every
// tenant: a reused object would let old code reach the next tenant's state. What a slot reuses is the
// expensive part, a memory's ArrayBuffer: on deallocation the memory gives its buffer back and becomes
// empty (old code that still runs traps), the pool zeroes the bytes the tenant could have reached (its
// high-water size) and keeps the buffer warm; the next memory takes it if it holds the minimum size, and
// grows within it without copying. An ordinary buffer zeroed with `fill(0)` costs far less than a new
// one (or than resizing a resizable buffer, and V8 reads and writes views of resizable buffers slowly).

import { Instance, type InstanceAllocationRequest, type InstanceAllocator } from './instance.js';
import { ResourceLimitError } from './limits.js';
import { Memory, transferBuffer } from './memory.js';
import { Table } from './table.js';
import { canonicalValType } from './type-registry.js';

/** Budgets of a pooling allocator (wasmtime's `PoolingAllocationConfig`). */
export interface PoolingAllocationConfig {
  /** Instance slots: most live instances. */
  readonly totalCoreInstances: number;
  /** Memory slots: most live defined memories across instances. */
  readonly totalMemories: number;
  /** Table slots: most live defined tables across instances. */
  readonly totalTables: number;
  /** Most defined memories in one module. */
  readonly maxMemoriesPerModule: number;
  /** Most defined tables in one module. */
  readonly maxTablesPerModule: number;
  /** Most bytes one memory may have (a memory slot's size). */
  readonly maxMemorySize: number;
  /** Most elements one table may have (a table slot's size). */
  readonly tableElements: number;
  /** Most unused memory slots that keep their buffer warm. */
  readonly maxUnusedWarmSlots: number;
  /** Largest buffer kept warm (bytes); a tenant that grew past it leaves its slot cold (the buffer is freed). */
  readonly linearMemoryKeepResident: number;
}

/** wasmtime's defaults where they translate (memory size capped by what one ArrayBuffer may hold). */
export const DEFAULT_POOLING_CONFIG: PoolingAllocationConfig = Object.freeze({
  totalCoreInstances: 1000,
  totalMemories: 1000,
  totalTables: 1000,
  maxMemoriesPerModule: 1,
  maxTablesPerModule: 1,
  maxMemorySize: 2 ** 32,
  tableElements: 20_000,
  maxUnusedWarmSlots: 100,
  linearMemoryKeepResident: 2 * 1024 * 1024,
});

/** Which budget of `PoolingAllocationConfig` refused an allocation. */
export type PoolingBudget = keyof PoolingAllocationConfig;

/** A module does not fit the pool's slots (a per-module count or a size cap): it never will. */
export class PoolingLimitError extends ResourceLimitError {
  /** The budget that refused (a field of `PoolingAllocationConfig`). */
  readonly budget: PoolingBudget;
  /** Its configured value. */
  readonly limit: number;

  constructor(budget: PoolingBudget, limit: number, message: string) {
    super(message);
    this.name = 'PoolingLimitError';
    this.budget = budget;
    this.limit = limit;
  }
}

/** Every slot of a kind is in use: the allocation may succeed once an instance is deallocated. */
export class PoolExhaustedError extends PoolingLimitError {
  constructor(budget: PoolingBudget, limit: number, what: string) {
    super(budget, limit, `pooling allocator exhausted: all ${limit} ${what} slots are in use (${budget})`);
    this.name = 'PoolExhaustedError';
  }
}

/** Use of one kind of slot. */
export interface PoolSlotMetrics {
  /** Slots in use now. */
  readonly inUse: number;
  /** Most slots ever in use at once. */
  readonly highWater: number;
  /** Slots in the pool. */
  readonly capacity: number;
}

/** A snapshot of a pooling allocator's use (wasmtime's `PoolingAllocatorMetrics`). */
export interface PoolingAllocatorMetrics {
  readonly coreInstances: PoolSlotMetrics;
  readonly memories: PoolSlotMetrics;
  readonly tables: PoolSlotMetrics;
  /** Unused memory slots that keep a zeroed buffer for the next tenant. */
  readonly unusedWarmMemories: number;
  /** Bytes held by those buffers. */
  readonly unusedMemoryBytes: number;
  /** Memories that took a warm buffer instead of allocating one. */
  readonly warmReuses: number;
  /** Allocations refused because every slot of a kind was in use (`PoolExhaustedError`). */
  readonly exhaustions: number;
}

function checkConfig(c: PoolingAllocationConfig): void {
  for (const key of Object.keys(DEFAULT_POOLING_CONFIG) as PoolingBudget[]) {
    const v = c[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`pooling allocator: ${key} must be a non-negative integer, got ${String(v)}`);
  }
}

/** A slot kind's counters. */
class SlotCounter {
  inUse = 0;
  highWater = 0;
  constructor(readonly capacity: number) {}
  take(n: number): void {
    this.inUse += n;
    if (this.inUse > this.highWater) this.highWater = this.inUse;
  }
  metrics(): PoolSlotMetrics {
    return { inUse: this.inUse, highWater: this.highWater, capacity: this.capacity };
  }
}

/** The slots an instance holds, by count: all the registry of collected instances may keep (no objects). */
interface SlotToken {
  readonly memories: number;
  readonly tables: number;
  returned: boolean;
}

/** What an instance holds of the pool. */
interface Lease {
  readonly allocator: PoolingInstanceAllocator;
  readonly memories: Memory[];
  readonly tables: Table[];
  readonly token: SlotToken;
}

/** Allocates instances within fixed numbers of slots and reuses memory buffers of deallocated instances. */
export class PoolingInstanceAllocator implements InstanceAllocator {
  /** The budgets. */
  readonly config: PoolingAllocationConfig;
  private readonly instanceSlots: SlotCounter;
  private readonly memorySlots: SlotCounter;
  private readonly tableSlots: SlotCounter;
  /** Zeroed buffers of unused memory slots, most recently released last. */
  private readonly warm: ArrayBuffer[] = [];
  private warmBytes = 0;
  private warmReuses = 0;
  private exhaustions = 0;
  /**
   * Slots of instances collected without being deallocated (a store never disposed) come back, cold: their
   * buffers went with them. Held values are counts only (a memory would keep its store, and so the
   * instance, alive).
   */
  private readonly collected: FinalizationRegistry<SlotToken> | null;

  /** Creates a pool; throws a RangeError for a budget that is not a non-negative integer. */
  constructor(config: Partial<PoolingAllocationConfig> = {}) {
    this.config = Object.freeze({ ...DEFAULT_POOLING_CONFIG, ...config });
    checkConfig(this.config);
    this.instanceSlots = new SlotCounter(this.config.totalCoreInstances);
    this.memorySlots = new SlotCounter(this.config.totalMemories);
    this.tableSlots = new SlotCounter(this.config.totalTables);
    this.collected =
      typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((token) => this.giveBack(token)) : null;
  }

  /** Slots in use, high-water marks and warm memories. */
  metrics(): PoolingAllocatorMetrics {
    return {
      coreInstances: this.instanceSlots.metrics(),
      memories: this.memorySlots.metrics(),
      tables: this.tableSlots.metrics(),
      unusedWarmMemories: this.warm.length,
      unusedMemoryBytes: this.warmBytes,
      warmReuses: this.warmReuses,
      exhaustions: this.exhaustions,
    };
  }

  /**
   * Allocates the instance. Throws `PoolingLimitError` when the module cannot fit a slot (too many
   * memories or tables, a minimum size beyond a slot), `PoolExhaustedError` when every slot of a kind is
   * in use, and `ResourceLimitError` when the store's limiter refuses a memory or table.
   */
  allocate(request: InstanceAllocationRequest): Instance {
    const c = this.config;
    const { module, typeIds } = request.runtimeInfo;
    const { store } = request;
    const numMemories = module.memories.length - module.numImportedMemories;
    const numTables = module.tables.length - module.numImportedTables;
    if (numMemories > c.maxMemoriesPerModule) {
      throw new PoolingLimitError(
        'maxMemoriesPerModule',
        c.maxMemoriesPerModule,
        `defined memories count of ${numMemories} exceeds the per-module limit of ${c.maxMemoriesPerModule} (maxMemoriesPerModule)`,
      );
    }
    if (numTables > c.maxTablesPerModule) {
      throw new PoolingLimitError(
        'maxTablesPerModule',
        c.maxTablesPerModule,
        `defined tables count of ${numTables} exceeds the per-module limit of ${c.maxTablesPerModule} (maxTablesPerModule)`,
      );
    }
    for (let i = module.numImportedMemories; i < module.memories.length; i++) {
      const type = module.memories[i];
      if (type.limits.min * 2 ** type.pageSizeLog2 > c.maxMemorySize) {
        throw new PoolingLimitError(
          'maxMemorySize',
          c.maxMemorySize,
          `memory minimum size of ${type.limits.min} pages exceeds the pooling allocator's memory slot size of ${c.maxMemorySize} bytes (maxMemorySize)`,
        );
      }
    }
    for (let i = module.numImportedTables; i < module.tables.length; i++) {
      const min = module.tables[i].type.limits.min;
      if (min > c.tableElements) {
        throw new PoolingLimitError(
          'tableElements',
          c.tableElements,
          `table minimum size of ${min} elements exceeds the pooling allocator's table slot size of ${c.tableElements} (tableElements)`,
        );
      }
    }
    if (this.instanceSlots.inUse >= c.totalCoreInstances) this.exhausted('totalCoreInstances', 'instance');
    if (this.memorySlots.inUse + numMemories > c.totalMemories) this.exhausted('totalMemories', 'memory');
    if (this.tableSlots.inUse + numTables > c.totalTables) this.exhausted('totalTables', 'table');

    const t = store.tunables;
    const memories: Memory[] = [];
    const tables: Table[] = [];
    try {
      if (numMemories > 0) {
        const maxBytes = Math.min(t.maxMemoryBytes, c.maxMemorySize);
        for (let i = module.numImportedMemories; i < module.memories.length; i++) {
          const type = module.memories[i];
          const buffer =
            type.shared || request.hostMemories === true
              ? undefined
              : this.takeWarm(type.limits.min * 2 ** type.pageSizeLog2);
          memories.push(
            new Memory(type, {
              maxBytes,
              limiter: store.resourceLimiter,
              buffer,
              hostBacked: request.hostMemories === true && !type.shared,
            }),
          );
        }
      }
      if (numTables > 0) {
        const maxElements = Math.min(t.maxTableElements, c.tableElements);
        for (let i = module.numImportedTables; i < module.tables.length; i++) {
          const tt = module.tables[i].type;
          const type = { ...tt, element: canonicalValType(tt.element, typeIds) };
          tables.push(new Table(type, null, { maxElements, limiter: store.resourceLimiter }));
        }
      }
    } catch (e) {
      for (const m of memories) this.recycle(m);
      throw e;
    }
    const instance = new Instance(request, memories, tables);
    this.instanceSlots.take(1);
    this.memorySlots.take(numMemories);
    this.tableSlots.take(numTables);
    const token: SlotToken = { memories: numMemories, tables: numTables, returned: false };
    instance.allocation = { allocator: this, memories, tables, token } satisfies Lease;
    this.collected?.register(instance, token, token);
    store.instances.push(instance);
    return instance;
  }

  /**
   * Returns the instance's slots: its memories become empty (code still holding them traps) and their
   * buffers, zeroed, stay warm for the next tenant; its tables become empty.
   */
  deallocate(instance: Instance): void {
    const lease = instance.allocation as Lease | null;
    if (lease === null || lease.allocator !== this) return;
    instance.allocation = null;
    this.collected?.unregister(lease.token);
    this.giveBack(lease.token);
    for (const m of lease.memories) this.recycle(m);
    for (const t of lease.tables) t.elements.length = 0;
  }

  private giveBack(token: SlotToken): void {
    if (token.returned) return;
    token.returned = true;
    this.instanceSlots.inUse--;
    this.memorySlots.inUse -= token.memories;
    this.tableSlots.inUse -= token.tables;
  }

  private exhausted(budget: PoolingBudget, what: string): never {
    this.exhaustions++;
    throw new PoolExhaustedError(budget, this.config[budget], what);
  }

  /** A warm buffer of at least `bytes` bytes, or undefined (the memory allocates its own). */
  private takeWarm(bytes: number): ArrayBuffer | undefined {
    const warm = this.warm;
    for (let i = warm.length - 1; i >= 0; i--) {
      const b = warm[i];
      if (b.byteLength >= bytes) {
        warm[i] = warm[warm.length - 1];
        warm.pop();
        this.warmBytes -= b.byteLength;
        this.warmReuses++;
        return b;
      }
    }
    return undefined;
  }

  /**
   * Zeroes what the memory's tenant could reach and keeps the buffer warm, within the budgets. The bytes
   * move to a new ArrayBuffer and the old one is detached first: a view of it that the host kept
   * (`memory.data()`) is revoked, and never sees the next tenant. A host that cannot detach keeps nothing
   * warm.
   */
  private recycle(m: Memory): void {
    const released = m.release();
    if (released === null) return;
    const { used } = released;
    const buffer = transferBuffer(released.buffer);
    if (buffer === null) return;
    const c = this.config;
    if (this.warm.length >= c.maxUnusedWarmSlots || buffer.byteLength > c.linearMemoryKeepResident) return;
    if (used > 0) new Uint8Array(buffer, 0, used).fill(0);
    this.warm.push(buffer);
    this.warmBytes += buffer.byteLength;
  }
}
