// `WebAssembly.Table`: made from a descriptor and an initial value, `length`, `grow`, `get` and `set`.

import { isRef } from '@wasmts/environ';
import { ResourceLimitError, Table as RuntimeTable } from '@wasmts/runtime';
import { Table as ApiTable } from '../externals.js';
import { unboxed } from '../trampoline.js';
import { readAddress, readLimits, toBigIntInRange } from './descriptors.js';
import type { Realm } from './realm.js';
import { defaultValue, parseValueType, toJSValue, toWebAssemblyValue } from './values.js';
import { dictionary, enforceRange, setLength, toDOMString, webidlInterface } from './webidl.js';

/** The JS API's cap on a table's initial size. */
const MAX_TABLE_INITIAL = 10_000_000;

const tableIndex = (raw: RuntimeTable, v: unknown, what: string): number =>
  raw.index64 ? Number(toBigIntInRange(v, what)) : enforceRange(v, what);

/** Defines `WebAssembly.Table` over `realm`. */
export function defineTable(realm: Realm): abstract new (...args: never[]) => object {
  const { store, cx, tables } = realm;
  class Table {
    constructor(descriptor: unknown, value?: unknown) {
      const d = dictionary(descriptor, 'WebAssembly.Table descriptor');
      const elementRaw = d.element;
      if (elementRaw === undefined) throw new TypeError('WebAssembly.Table needs an element type');
      const element = parseValueType(toDOMString(elementRaw), 'WebAssembly.Table element');
      const index64 = readAddress(d, 'WebAssembly.Table');
      if (!isRef(element)) throw new TypeError(`WebAssembly.Table element must be a reference type`);
      const { initial, maximum } = readLimits(d, index64, 'WebAssembly.Table');
      if (initial > MAX_TABLE_INITIAL)
        throw new RangeError(`WebAssembly.Table initial ${initial} is more than ${MAX_TABLE_INITIAL} elements`);
      if (maximum !== null && maximum < initial) throw new RangeError('WebAssembly.Table maximum is less than initial');
      const init = value === undefined ? defaultValue(cx, element) : toWebAssemblyValue(cx, value, element);
      let raw: RuntimeTable;
      try {
        raw = unboxed(
          () =>
            new RuntimeTable({ element, limits: { min: initial, max: maximum }, index64 }, init, {
              maxElements: store.tunables.maxTableElements,
              limiter: store.resourceLimiter,
            }),
        );
      } catch (e) {
        throw e instanceof ResourceLimitError ? new RangeError(e.message) : e;
      }
      tables.register(this, new ApiTable(store, raw));
    }
    get length(): number | bigint {
      const raw = tables.of(this).raw;
      return raw.index64 ? BigInt(raw.size) : raw.size;
    }
    grow(delta: unknown, value?: unknown): number | bigint {
      const raw = tables.of(this).raw;
      const d = tableIndex(raw, delta, 'WebAssembly.Table.grow delta');
      const init = value === undefined ? defaultValue(cx, raw.element) : toWebAssemblyValue(cx, value, raw.element);
      const old = unboxed(() => raw.grow(d, init));
      if (old < 0) throw new RangeError(`WebAssembly.Table.grow: cannot grow by ${d} elements`);
      return raw.index64 ? BigInt(old) : old;
    }
    get(index: unknown): unknown {
      const raw = tables.of(this).raw;
      const i = tableIndex(raw, index, 'WebAssembly.Table.get index');
      if (i >= raw.size) throw new RangeError(`WebAssembly.Table.get: index ${i} is out of bounds`);
      return toJSValue(cx, raw.elements[i], raw.element);
    }
    set(index: unknown, ...value: unknown[]): void {
      const raw = tables.of(this).raw;
      const i = tableIndex(raw, index, 'WebAssembly.Table.set index');
      // an explicit undefined is converted (a TypeError for funcref), only a missing value is the default
      const v = value.length < 1 ? defaultValue(cx, raw.element) : toWebAssemblyValue(cx, value[0], raw.element);
      if (i >= raw.size) throw new RangeError(`WebAssembly.Table.set: index ${i} is out of bounds`);
      raw.elements[i] = v;
    }
  }
  setLength(Table, 1);
  setLength(Table.prototype.grow, 1);
  setLength(Table.prototype.set, 1);
  webidlInterface(Table, 'WebAssembly.Table');
  tables.prototype = Table.prototype;
  return Table;
}
