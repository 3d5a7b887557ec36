// Tables: a JS array of references (docs/js-abi.md). Generated code reads `elements` directly and checks
// the index against `elements.length` itself; the methods here are for builtins and the API.

import { type TableType, TrapCode, type ValType } from '@wasmts/environ';
import { ResourceLimitError, type ResourceLimiter } from './limits.js';
import { Trap } from './values.js';

/** Most elements a table may have when neither its type nor the engine says less. */
export const MAX_TABLE_ELEMENTS = 2 ** 32 - 1;

/** Options for creating a table. */
export interface TableOptions {
  /** Engine limit on the number of elements (e.g. `Tunables.maxTableElements`). */
  readonly maxElements?: number;
  /** The store's limiter, asked before every growth. */
  readonly limiter?: ResourceLimiter | null;
}

/**
 * A table's elements kept by the host instead (e.g. a host engine's table), in the runtime's value
 * representation (the API converts): `grow` returns the old size and throws when it cannot grow.
 */
export interface HostTableBacking {
  readonly length: number;
  get(index: number): unknown;
  set(index: number, value: unknown): void;
  grow(delta: number, init: unknown): number;
}

const INDEX = /^(?:0|[1-9][0-9]*)$/;

/** An array-like view of a host backing, so code that reads `elements` keeps working (slowly). */
function hostElements(host: HostTableBacking): unknown[] {
  return new Proxy([] as unknown[], {
    get(target, key, receiver) {
      if (key === 'length') return host.length;
      if (typeof key === 'string' && INDEX.test(key)) {
        const i = Number(key);
        return i < host.length ? host.get(i) : undefined;
      }
      return Reflect.get(target, key, receiver);
    },
    set(_target, key, value) {
      if (key === 'length') return true; // a host table never shrinks
      if (typeof key === 'string' && INDEX.test(key)) {
        const i = Number(key);
        if (i >= host.length) return false;
        host.set(i, value);
        return true;
      }
      return false;
    },
    has(target, key) {
      if (typeof key === 'string' && INDEX.test(key)) return Number(key) < host.length;
      return Reflect.has(target, key);
    },
  });
}

/** A table instance. */
export class Table {
  /** The table's declared type. */
  readonly type: TableType;
  /** The element reference type (module-relative encoding as declared). */
  readonly element: ValType;
  /** table64: indices are i64 (bigint). */
  readonly index64: boolean;
  /** The most elements this table can have (declared max capped by engine limits). */
  readonly max: number;
  /** The elements: null, VMFuncRef, host values, GC objects, ... (a view of the host backing once attached). */
  elements: unknown[];
  /** The host backing, once attached (see `attachHost`). */
  host: HostTableBacking | null = null;
  /** The store's limiter, or null. */
  limiter: ResourceLimiter | null;

  /** Creates the table at its minimum size filled with `init`; throws `ResourceLimitError` if too large. */
  constructor(type: TableType, init: unknown = null, options: TableOptions = {}) {
    this.type = type;
    this.element = type.element;
    this.index64 = type.index64;
    this.limiter = options.limiter ?? null;
    let max = Math.min(MAX_TABLE_ELEMENTS, options.maxElements ?? MAX_TABLE_ELEMENTS);
    if (type.limits.max !== null) max = Math.min(max, type.limits.max);
    this.max = max;
    const min = type.limits.min;
    if (min > max) throw new ResourceLimitError(`table minimum size of ${min} elements exceeds table limits (${max})`);
    if (this.limiter !== null && !this.limiter.tableGrowing(0, min, type.limits.max)) {
      throw new ResourceLimitError(`table minimum size of ${min} elements exceeds the store's table limits`);
    }
    try {
      this.elements = new Array(min).fill(init);
    } catch {
      throw new ResourceLimitError(`cannot allocate a table of ${min} elements on this host`);
    }
  }

  /**
   * Moves the elements into a host backing of the same length (copied unless `copy` is false): from then
   * on `elements` is an array-like view of it and growth goes through it.
   */
  attachHost(host: HostTableBacking, copy = true): void {
    if (this.host !== null) throw new Error('the table already has a host backing');
    if (host.length !== this.elements.length)
      throw new RangeError(`host table of ${host.length} elements for a table of ${this.elements.length}`);
    if (copy) for (let i = 0; i < this.elements.length; i++) host.set(i, this.elements[i]);
    this.host = host;
    this.elements = hostElements(host);
  }

  /** Current number of elements. */
  get size(): number {
    return this.elements.length;
  }

  /** Grows by `delta` elements set to `init`; returns the old size, or -1 if the table cannot grow. */
  grow(delta: number, init: unknown): number {
    const old = this.elements.length;
    if (delta === 0) return old;
    if (!(delta > 0) || delta > this.max - old) return -1;
    if (this.limiter !== null && !this.limiter.tableGrowing(old, old + delta, this.type.limits.max)) return -1;
    if (this.host !== null) {
      try {
        this.host.grow(delta, init);
      } catch {
        return -1;
      }
      return old;
    }
    try {
      const e = this.elements;
      for (let i = 0; i < delta; i++) e.push(init);
    } catch {
      this.elements.length = old;
      return -1;
    }
    return old;
  }

  /** The element at `index`; traps with TableOutOfBounds when out of range. */
  get(index: number): unknown {
    if (!(index >= 0 && index < this.elements.length)) throw new Trap(TrapCode.TableOutOfBounds);
    return this.elements[index];
  }

  /** Sets the element at `index`; traps with TableOutOfBounds when out of range. */
  set(index: number, value: unknown): void {
    if (!(index >= 0 && index < this.elements.length)) throw new Trap(TrapCode.TableOutOfBounds);
    this.elements[index] = value;
  }
}
