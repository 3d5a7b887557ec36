// Host memories kept for the next tenant of a pooling engine. With a pooling allocator the wasm backend's
// modules import their memories (`importMemories`), so an instance is handed a host memory instead of the host
// engine allocating one: allocating a host memory is most of what an instantiation costs (reserving its address
// space), and a released tenant's memory, zeroed, serves the next as a pool slot's buffer does on the js backend.

import type { MemoryType } from '@wasmts/environ';
import { PoolingInstanceAllocator, type Memory as RuntimeMemory } from '@wasmts/runtime';
import type { Engine } from '../engine.js';
import { type HostMemory, hostApi } from './host-api.js';

/** Per engine: unused host memories by type (`typeKey`), and how many there are. */
const spares = new WeakMap<Engine, { readonly byType: Map<string, HostMemory[]>; count: number; reuses: number }>();

/** How many instances of `engine` were handed a kept host memory (tests, inspection). */
export function hostMemoryReuses(engine: Engine): number {
  return spares.get(engine)?.reuses ?? 0;
}

function typeKey(type: MemoryType): string {
  return `${type.limits.min}:${type.limits.max ?? ''}`;
}

/**
 * Most tenants one host memory serves. The host engine keeps a list of the instances that use a memory, and the
 * release of each tenant (`memory.grow(0)`, which detaches the buffer the embedder may hold views of) walks it;
 * the retired instances leave it only when a full garbage collection finds them, which reusing memories makes
 * rare. Measured (CPU per tenant of the bench's module, load 25-30): about 120 µs reusing without a bound (the
 * walk 65% of the profile), 52-58 µs at 8, 43-52 µs at 32, 78-87 µs allocating a memory per tenant.
 */
const MAX_USES = 32;
/** How many tenants each kept host memory has served. */
const uses = new WeakMap<HostMemory, number>();

/**
 * The host memory for defined memory `mem` of a new instance (a host-backed runtime memory, attached here):
 * an unused one of the same type, zeroed and at its minimum size, or a new one.
 */
export function takeHostMemory(engine: Engine, mem: RuntimeMemory): HostMemory {
  const spare = spares.get(engine);
  let host = spare?.byType.get(typeKey(mem.type))?.pop();
  if (host !== undefined) {
    spare!.count--;
    spare!.reuses++;
  } else {
    const max = mem.type.limits.max;
    host = new (hostApi().Memory)({ initial: mem.type.limits.min, ...(max !== null ? { maximum: max } : {}) });
  }
  mem.attachHost(host, false);
  return host;
}

/**
 * Keeps the host memory of a released tenant (every function of its instance retired: no code can reach the
 * memory but through a new instance) for the next one, zeroed, within the pool's budgets for warm memory
 * (`maxUnusedWarmSlots`, `linearMemoryKeepResident`), at most `MAX_USES` times. A memory that grew is dropped:
 * its size is no longer the type's minimum, which a new instance's `memory.size` must be.
 */
export function keepHostMemory(engine: Engine, type: MemoryType, host: HostMemory): void {
  const allocator = engine.allocator;
  if (!(allocator instanceof PoolingInstanceAllocator)) return;
  const bytes = type.limits.min * 2 ** type.pageSizeLog2;
  if (host.buffer.byteLength !== bytes || bytes > allocator.config.linearMemoryKeepResident) return;
  let spare = spares.get(engine);
  if (spare === undefined) spares.set(engine, (spare = { byType: new Map(), count: 0, reuses: 0 }));
  if (spare.count >= allocator.config.maxUnusedWarmSlots) return;
  const served = (uses.get(host) ?? 0) + 1;
  if (served >= MAX_USES) return;
  uses.set(host, served);
  new Uint8Array(host.buffer).fill(0);
  const key = typeKey(type);
  let list = spare.byType.get(key);
  if (list === undefined) spare.byType.set(key, (list = []));
  list.push(host);
  spare.count++;
}
