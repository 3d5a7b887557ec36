// The builtins object `rt` (docs/js-abi.md): everything generated code calls. One per engine, created by
// `createBuiltins(registry)`, a plain object whose shape never changes. Its members are exactly the libcalls of
// environ's `LIBCALLS` table (checked below at compile time, in both directions); this file implements them.
//
// Conventions:
// - An index or size operand is the wasm value: an i32 number for 32-bit memories/tables, an i64 bigint
//   for 64-bit ones (read as unsigned); results of size/grow come back in the same representation.
// - `vmctx` parameters are the calling instance's VMContext (segments are per instance).
// - A concrete heap type operand is an engine type id (`vmctx[VMCTX_TYPE_IDS][typeIndex]`), never a
//   module type index; an abstract heap type is its negative `HeapKind` value.
// - Trapping helpers throw a `Trap`; `rt.trap(code)` throws one (usable as an expression, and
//   `throw rt.trap(code)` works too).

import {
  F32,
  F64,
  FUEL_WINDOW,
  f32FromBits,
  f64FromWords,
  I8,
  I16,
  I32,
  I64,
  type Libcall,
  TrapCode,
  V128 as V128_TYPE,
  VMCTX_INSTANCE,
  VMCTX_RUNTIME_LIMITS,
  VMCTX_STORE,
  type VMRuntimeLimits,
} from '@wasmts/environ';
import { atomicBuiltins } from './atomics.js';
import {
  anyConvertExtern,
  externConvertAny,
  packValue,
  refTestAbstract,
  refTestConcrete,
  WasmArray,
  WasmStruct,
} from './gc.js';
import { GC_MAX_ARRAY_LENGTH, type GcHeapAccount, gcObjectBytes } from './gc-heap.js';
import type { Instance } from './instance.js';
import type { Memory } from './memory.js';
import { V128 } from './simd/index.js';
import type { Store } from './store.js';
import type { Table } from './table.js';
import type { Rtt, TypeRegistry } from './type-registry.js';
import { type Tag, Trap, WasmException } from './values.js';

/** An index/size operand as a number (i32 read unsigned, i64 read unsigned; beyond 2^53 stays too large). */
function toIndex(x: number | bigint): number {
  return typeof x === 'number' ? x >>> 0 : Number(BigInt.asUintN(64, x));
}

/** Throws a Trap with `code` (typed `never`, so `rt.trap(c)` and `throw rt.trap(c)` both raise it). */
function trap(code: TrapCode): never {
  throw new Trap(code);
}

const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_ITEMS: readonly unknown[] = Object.freeze([]);

/** The calling instance (only its `dataSegments` and `elemSegments` are used). */
function instanceOf(vmctx: unknown[]): Pick<Instance, 'dataSegments' | 'elemSegments'> {
  return vmctx[VMCTX_INSTANCE] as Instance;
}

function checkRange(offset: number, len: number, size: number, code: TrapCode): void {
  if (offset + len > size) throw new Trap(code);
}

/** Byte size of a storage type in data segments. */
function storageSize(t: number): number {
  switch (t) {
    case I8:
      return 1;
    case I16:
      return 2;
    case I32:
    case F32:
      return 4;
    case I64:
    case F64:
      return 8;
    case V128_TYPE:
      return 16;
    default:
      throw new TypeError(`storage type ${t} cannot be read from data`);
  }
}

/** Reads `n` values of storage type `t` from `bytes` at `offset` (little-endian). */
function readValues(bytes: Uint8Array, offset: number, n: number, t: number): unknown[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = valueArray(n, null);
  const z = storageSize(t);
  for (let i = 0, p = offset; i < n; i++, p += z) {
    switch (t) {
      case I8:
        out[i] = dv.getUint8(p);
        break;
      case I16:
        out[i] = dv.getUint16(p, true);
        break;
      case I32:
        out[i] = dv.getInt32(p, true);
        break;
      case F32:
        out[i] = f32FromBits(dv.getInt32(p, true));
        break;
      case I64:
        out[i] = dv.getBigInt64(p, true);
        break;
      case F64:
        out[i] = f64FromWords(dv.getInt32(p + 4, true), dv.getInt32(p, true));
        break;
      default:
        out[i] = new V128(
          dv.getInt32(p, true),
          dv.getInt32(p + 4, true),
          dv.getInt32(p + 8, true),
          dv.getInt32(p + 12, true),
        );
    }
  }
  return out;
}

function makeBuiltins(registry: TypeRegistry) {
  return {
    // ---- classes generated code constructs or tests with instanceof
    /** The exception class (`instanceof rt.WasmException` in catch blocks). */
    WasmException,
    /** GC struct class. */
    WasmStruct,
    /** GC array class. */
    WasmArray,
    /** The v128 value class. */
    V128,

    // ---- traps, fuel, epochs
    /** Throws a Trap with `code` (an expression of type never: `x === 0 ? rt.trap(7) : ...`). */
    trap,
    /**
     * A fuel check found the fuel left to compiled code used up (`VMRuntimeLimits.fuelWindow`, handed over): when
     * only that window ran out, refills it from the rest of the store's fuel and returns; when the fuel ran out,
     * asks the store for more (it may trap with OutOfFuel).
     */
    outOfGas(vmctx: unknown[]): void {
      const limits = vmctx[VMCTX_RUNTIME_LIMITS] as VMRuntimeLimits;
      const consumed = limits.fuelConsumed;
      if (consumed < 0) {
        if (limits.fuelWindowSize < FUEL_WINDOW) limits.fuelWindowSize *= 2;
        limits.fuelConsumed = consumed;
        return;
      }
      const store = vmctx[VMCTX_STORE] as Store;
      if (store.outOfGas === undefined) throw new Trap(TrapCode.OutOfFuel);
      store.outOfGas();
    },
    /**
     * A function's exit found the fuel left to compiled code far below 0 (`left`, consumed past the window since
     * the last check, through the exits of large functions): the count is kept with the window refilled (or empty),
     * so that the int32 window never wraps. Returns the window.
     */
    fuelOverdrawn(vmctx: unknown[], left: number): number {
      const limits = vmctx[VMCTX_RUNTIME_LIMITS] as VMRuntimeLimits;
      limits.fuelConsumed = limits.fuelBase - left;
      return limits.fuelWindow[0];
    },
    /**
     * An epoch check found the deadline compiled code compares reached: asks the store what to do (it may trap
     * with Interrupt). Under an epoch clock that deadline stays reached, so every check lands here: most calls
     * return at once, every `EPOCH_CLOCK_SAMPLE`th reads the clock and compares the epoch with the real deadline.
     * Returns whether the deadline may have moved (the callback ran, or the compared deadline was synced): the JS
     * backend then reads the epoch at the next loop header; false (a clock's call that found nothing due) keeps the
     * loop's poll count, so a loop under the clock calls here once per poll, not at every back edge.
     */
    newEpoch(vmctx: unknown[]): boolean {
      const store = vmctx[VMCTX_STORE] as Store;
      const clock = store.epochClock;
      if (clock != null && !clock.poll()) return false;
      const deadline = store.epochDeadline;
      if (deadline !== undefined && store.epochCounter[0] < deadline) {
        // not reached; with the clock stopped since, the compared deadline goes back to the real one
        if (clock == null) {
          store.setEpochDeadline?.(deadline - store.epochCounter[0]);
          return true;
        }
        return false;
      }
      if (store.newEpoch === undefined) throw new Trap(TrapCode.Interrupt);
      const delta = store.newEpoch();
      if (store.setEpochDeadline !== undefined) store.setEpochDeadline(delta);
      else store.runtimeLimits.epochDeadline = store.epochCounter[0] + delta;
      return true;
    },

    // ---- memories
    /** memory.grow: old size in pages, or -1 (bigint for memory64); an i32 result is signed (1-byte pages reach 2^31). */
    memoryGrow(mem: Memory, delta: number | bigint): number | bigint {
      const r = mem.grow(toIndex(delta), true);
      return mem.index64 ? BigInt(r) : r | 0;
    },
    // memory.fill and memory.copy run once per memset/memcpy of the guest (Rust and C call them for a few bytes as
    // often as for many), so their i32 operands are converted and checked inline: where there is no JIT, each call
    // to `toIndex` or `checkRange` is one more interpreted call per guest call.
    /** memory.fill: traps MemoryOutOfBounds before writing anything. */
    memoryFill(mem: Memory, dst: number | bigint, value: number, len: number | bigint): void {
      const d = typeof dst === 'number' ? dst >>> 0 : toIndex(dst);
      const n = typeof len === 'number' ? len >>> 0 : toIndex(len);
      if (d + n > mem.byteLength) throw new Trap(TrapCode.MemoryOutOfBounds);
      if (n > 0) mem.u8.fill(value & 0xff, d, d + n);
    },
    /** memory.copy between two memories (or within one), overlap-safe. */
    memoryCopy(dstMem: Memory, srcMem: Memory, dst: number | bigint, src: number | bigint, len: number | bigint): void {
      const d = typeof dst === 'number' ? dst >>> 0 : toIndex(dst);
      const s = typeof src === 'number' ? src >>> 0 : toIndex(src);
      const n = typeof len === 'number' ? len >>> 0 : toIndex(len);
      if (s + n > srcMem.byteLength || d + n > dstMem.byteLength) throw new Trap(TrapCode.MemoryOutOfBounds);
      if (n === 0) return;
      if (dstMem === srcMem || dstMem.buffer === srcMem.buffer) dstMem.u8.copyWithin(d, s, s + n);
      else dstMem.u8.set(srcMem.u8.subarray(s, s + n), d);
    },
    /** memory.init from the calling instance's data segment `dataIndex`. */
    memoryInit(vmctx: unknown[], mem: Memory, dataIndex: number, dst: number | bigint, src: number, len: number): void {
      const seg = instanceOf(vmctx).dataSegments[dataIndex];
      const d = toIndex(dst);
      const s = src >>> 0;
      const n = len >>> 0;
      checkRange(s, n, seg.length, TrapCode.MemoryOutOfBounds);
      checkRange(d, n, mem.byteLength, TrapCode.MemoryOutOfBounds);
      if (n > 0) mem.u8.set(seg.subarray(s, s + n), d);
    },
    /** data.drop. */
    dataDrop(vmctx: unknown[], dataIndex: number): void {
      instanceOf(vmctx).dataSegments[dataIndex] = EMPTY_BYTES;
    },

    // ---- tables
    /** table.grow: old size, or -1 (bigint for table64). */
    tableGrow(table: Table, init: unknown, delta: number | bigint): number | bigint {
      const r = table.grow(toIndex(delta), init);
      return table.index64 ? BigInt(r) : r | 0;
    },
    /** table.fill: traps TableOutOfBounds before writing anything. */
    tableFill(table: Table, dst: number | bigint, value: unknown, len: number | bigint): void {
      const d = toIndex(dst);
      const n = toIndex(len);
      checkRange(d, n, table.elements.length, TrapCode.TableOutOfBounds);
      if (n > 0) table.elements.fill(value, d, d + n);
    },
    /** table.copy (overlap-safe). */
    tableCopy(
      dstTable: Table,
      srcTable: Table,
      dst: number | bigint,
      src: number | bigint,
      len: number | bigint,
    ): void {
      const d = toIndex(dst);
      const s = toIndex(src);
      const n = toIndex(len);
      checkRange(s, n, srcTable.elements.length, TrapCode.TableOutOfBounds);
      checkRange(d, n, dstTable.elements.length, TrapCode.TableOutOfBounds);
      copyElements(dstTable.elements, d, srcTable.elements, s, n);
    },
    /** table.init from the calling instance's element segment `elemIndex`. */
    tableInit(vmctx: unknown[], table: Table, elemIndex: number, dst: number | bigint, src: number, len: number): void {
      const seg = instanceOf(vmctx).elemSegments[elemIndex];
      const d = toIndex(dst);
      const s = src >>> 0;
      const n = len >>> 0;
      checkRange(s, n, seg.length, TrapCode.TableOutOfBounds);
      checkRange(d, n, table.elements.length, TrapCode.TableOutOfBounds);
      const e = table.elements;
      for (let i = 0; i < n; i++) e[d + i] = seg[s + i];
    },
    /** elem.drop. */
    elemDrop(vmctx: unknown[], elemIndex: number): void {
      instanceOf(vmctx).elemSegments[elemIndex] = EMPTY_ITEMS;
    },
    /** True if engine type id `a` is a subtype of id `b`. */
    isSubtypeId(a: number, b: number): boolean {
      return a === b || registry.isSubtype(a, b);
    },

    // ---- GC
    /** The runtime type of engine type id `typeId` (resolve once per instance: `rt.rtt(typeIds[i])`). */
    rtt(typeId: number): Rtt {
      return registry.rtt(typeId);
    },
    /** struct.new: the field values in declaration order, as arguments (packed values are wrapped here). */
    // Allocations are charged to the calling store's GC heap before anything is allocated (gc-heap.ts).
    structNew(vmctx: unknown[], rtt: Rtt, ...fields: unknown[]): WasmStruct {
      const st = rtt.storage;
      for (let i = 0; i < st.length; i++) if (st[i] === I8 || st[i] === I16) fields[i] = packValue(st[i], fields[i]);
      const s = new WasmStruct(rtt, fields);
      (vmctx[VMCTX_STORE] as Store).gcHeap.add(s, gcObjectBytes(fields.length));
      return s;
    },
    /** struct.new_default. */
    structNewDefault(vmctx: unknown[], rtt: Rtt): WasmStruct {
      const s = new WasmStruct(rtt, rtt.fieldDefaults.slice());
      (vmctx[VMCTX_STORE] as Store).gcHeap.add(s, gcObjectBytes(rtt.fieldDefaults.length));
      return s;
    },
    /** array.new: `len` copies of `value`. */
    arrayNew(vmctx: unknown[], rtt: Rtt, value: unknown, len: number): WasmArray {
      const n = len >>> 0;
      const heap = chargeArray(vmctx, n);
      return trackArray(heap, new WasmArray(rtt, valueArray(n, packValue(rtt.storage[0], value))));
    },
    /** array.new_default. */
    arrayNewDefault(vmctx: unknown[], rtt: Rtt, len: number): WasmArray {
      const n = len >>> 0;
      const heap = chargeArray(vmctx, n);
      return trackArray(heap, new WasmArray(rtt, valueArray(n, rtt.elemDefault)));
    },
    /** array.new_fixed: the element values, in order, as arguments. */
    arrayNewFixed(vmctx: unknown[], rtt: Rtt, ...values: unknown[]): WasmArray {
      const heap = chargeArray(vmctx, values.length);
      const t = rtt.storage[0];
      if (t === I8 || t === I16) for (let i = 0; i < values.length; i++) values[i] = packValue(t, values[i]);
      return trackArray(heap, new WasmArray(rtt, values));
    },
    /** array.new_data: traps MemoryOutOfBounds when the segment is too short. */
    arrayNewData(vmctx: unknown[], rtt: Rtt, dataIndex: number, offset: number, len: number): WasmArray {
      const seg = instanceOf(vmctx).dataSegments[dataIndex];
      const s = offset >>> 0;
      const n = len >>> 0;
      const t = rtt.storage[0];
      checkRange(s, n * storageSize(t), seg.length, TrapCode.MemoryOutOfBounds);
      const heap = chargeArray(vmctx, n);
      return trackArray(heap, new WasmArray(rtt, readValues(seg, s, n, t)));
    },
    /** array.new_elem: traps TableOutOfBounds when the segment is too short. */
    arrayNewElem(vmctx: unknown[], rtt: Rtt, elemIndex: number, offset: number, len: number): WasmArray {
      const seg = instanceOf(vmctx).elemSegments[elemIndex];
      const s = offset >>> 0;
      const n = len >>> 0;
      checkRange(s, n, seg.length, TrapCode.TableOutOfBounds);
      const heap = chargeArray(vmctx, n);
      return trackArray(heap, new WasmArray(rtt, seg.slice(s, s + n)));
    },
    /** array.init_data: null -> NullArrayReference; array range -> ArrayOutOfBounds; data -> MemoryOutOfBounds. */
    arrayInitData(
      vmctx: unknown[],
      arr: WasmArray | null,
      dataIndex: number,
      dst: number,
      src: number,
      len: number,
    ): void {
      if (arr === null) throw new Trap(TrapCode.NullArrayReference);
      const seg = instanceOf(vmctx).dataSegments[dataIndex];
      const d = dst >>> 0;
      const s = src >>> 0;
      const n = len >>> 0;
      const t = arr.rtt.storage[0];
      checkRange(d, n, arr.elements.length, TrapCode.ArrayOutOfBounds);
      checkRange(s, n * storageSize(t), seg.length, TrapCode.MemoryOutOfBounds);
      const vals = readValues(seg, s, n, t);
      const e = arr.elements;
      for (let i = 0; i < n; i++) e[d + i] = vals[i];
    },
    /** array.init_elem: null -> NullArrayReference; array range -> ArrayOutOfBounds; segment -> TableOutOfBounds. */
    arrayInitElem(
      vmctx: unknown[],
      arr: WasmArray | null,
      elemIndex: number,
      dst: number,
      src: number,
      len: number,
    ): void {
      if (arr === null) throw new Trap(TrapCode.NullArrayReference);
      const seg = instanceOf(vmctx).elemSegments[elemIndex];
      const d = dst >>> 0;
      const s = src >>> 0;
      const n = len >>> 0;
      checkRange(d, n, arr.elements.length, TrapCode.ArrayOutOfBounds);
      checkRange(s, n, seg.length, TrapCode.TableOutOfBounds);
      const e = arr.elements;
      for (let i = 0; i < n; i++) e[d + i] = seg[s + i];
    },
    /** array.copy (overlap-safe): null -> NullArrayReference; ranges -> ArrayOutOfBounds. */
    arrayCopy(dst: WasmArray | null, dstIndex: number, src: WasmArray | null, srcIndex: number, len: number): void {
      if (dst === null || src === null) throw new Trap(TrapCode.NullArrayReference);
      const d = dstIndex >>> 0;
      const s = srcIndex >>> 0;
      const n = len >>> 0;
      checkRange(d, n, dst.elements.length, TrapCode.ArrayOutOfBounds);
      checkRange(s, n, src.elements.length, TrapCode.ArrayOutOfBounds);
      copyElements(dst.elements, d, src.elements, s, n);
    },
    /** array.fill: null -> NullArrayReference; range -> ArrayOutOfBounds. */
    arrayFill(arr: WasmArray | null, index: number, value: unknown, len: number): void {
      if (arr === null) throw new Trap(TrapCode.NullArrayReference);
      const d = index >>> 0;
      const n = len >>> 0;
      checkRange(d, n, arr.elements.length, TrapCode.ArrayOutOfBounds);
      if (n > 0) arr.elements.fill(packValue(arr.rtt.storage[0], value), d, d + n);
    },
    /** ref.test: `heap` is an abstract HeapKind (< 0) or an engine type id (>= 0). */
    refTest(v: unknown, heap: number, nullable: boolean): boolean {
      return heap < 0 ? refTestAbstract(v, heap, nullable) : refTestConcrete(v, registry.rtt(heap), nullable, registry);
    },
    /** any.convert_extern (another engine's GC object is boxed as a host value). */
    anyConvertExtern(v: unknown): unknown {
      return anyConvertExtern(v, registry);
    },
    /** extern.convert_any. */
    externConvertAny,

    // ---- exceptions
    /**
     * A JS array of wasm values that keeps NaN payloads: build multi-value results and exception payloads
     * with it (`rt.tuple(a, b)`), since an array literal of numbers has double elements and V8 quiets
     * signalling NaNs stored in those.
     */
    tuple(...values: unknown[]): unknown[] {
      return values;
    },
    /** A new exception with `tag` and payload `values` (build them with `rt.tuple`; throw it with `throw`). */
    newException(tag: Tag, values: unknown[]): WasmException {
      return new WasmException(tag, values);
    },
    // ---- threads (src/atomics.ts)
    ...atomicBuiltins,
  };
}

/** Copies `n` elements, overlap-safe within one array. */
function copyElements(de: unknown[], d: number, se: unknown[], s: number, n: number): void {
  if (n === 0) return;
  if (de === se) de.copyWithin(d, s, s + n);
  else for (let i = 0; i < n; i++) de[d + i] = se[s + i];
}

/**
 * A new array of `n` nulls with generic (not double) elements, so NaN payloads stored later survive:
 * V8 quiets signalling NaNs stored into double-element arrays (literals and fills of numbers).
 */
/** Charges an array of `n` elements to the calling store's GC heap; returns the account. */
function chargeArray(vmctx: unknown[], n: number): GcHeapAccount {
  if (n > GC_MAX_ARRAY_LENGTH) throw new Trap(TrapCode.AllocationTooLarge);
  const heap = (vmctx[VMCTX_STORE] as Store).gcHeap;
  heap.charge(gcObjectBytes(n));
  return heap;
}

/** Tracks an allocated array for the credit when it is collected. */
function trackArray(heap: GcHeapAccount, a: WasmArray): WasmArray {
  heap.track(a, gcObjectBytes(a.elements.length));
  return a;
}

/** An array of `n` (at most GC_MAX_ARRAY_LENGTH) copies of `value`. */
function valueArray(n: number, value: unknown): unknown[] {
  try {
    // null first: the elements stay tagged values, so NaN payloads of f32/f64 values are kept as they are
    const a = new Array<unknown>(n).fill(null);
    return value === null ? a : a.fill(value);
  } catch {
    throw new Trap(TrapCode.AllocationTooLarge);
  }
}

/** The builtins object's type. */
export type Builtins = ReturnType<typeof makeBuiltins>;

/** Creates the engine's builtins object. */
export function createBuiltins(registry: TypeRegistry): Builtins {
  return makeBuiltins(registry);
}

// The builtins object has exactly the libcalls of the table: a missing one or an extra member is a type error here.
type Missing = Exclude<Libcall, keyof Builtins>;
type Extra = Exclude<keyof Builtins, Libcall>;
const exact: [Missing, Extra] extends [never, never] ? true : { missing: Missing; extra: Extra } = true;
void exact;
