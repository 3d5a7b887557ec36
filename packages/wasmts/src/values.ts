// Values at the API boundary (`Val`) and their conversion to and from the JS backend's representation
// (docs/js-abi.md, "Value representations").

import {
  ANYREF,
  EXNREF,
  EXTERNREF,
  F32,
  F64,
  type FloatValue,
  FUNCREF,
  type FuncType,
  f32FromBits,
  f32ToBits,
  f64FromBits,
  f64ToBits,
  floatNumber,
  HeapKind,
  I32,
  I64,
  isNum,
  isRef,
  refHeap,
  refNullable,
  refType,
  V128 as V128_TYPE,
  valTypeToString,
  type ValType as WasmValType,
} from '@wasmts/environ';
import { ExternBox, type TypeRegistry, type VMFuncRef, WasmArray, WasmStruct } from '@wasmts/runtime';

/** A value type: environ's numeric encoding (`ValType.I32`, `ValType.ref(heap, nullable)`, ...). */
export type ValType = WasmValType;

/** Value type constants and constructors. */
export const ValType = {
  /** i32 */
  I32: I32 as ValType,
  /** i64 */
  I64: I64 as ValType,
  /** f32 */
  F32: F32 as ValType,
  /** f64 */
  F64: F64 as ValType,
  /** v128 */
  V128: V128_TYPE as ValType,
  /** funcref (nullable) */
  FUNCREF: FUNCREF as ValType,
  /** externref (nullable) */
  EXTERNREF: EXTERNREF as ValType,
  /** anyref (nullable) */
  ANYREF: ANYREF as ValType,
  /** exnref (nullable) */
  EXNREF: EXNREF as ValType,
  /** `(ref null? heap)`; `heap` is a `HeapKind` value or an engine type id. */
  ref: (heap: number, nullable: boolean): ValType => refType(heap, nullable),
  /** The text form of a value type (`i32`, `(ref null func)`). */
  toString: (t: ValType): string => valTypeToString(t),
} as const;

/** Builds a function type from parameter and result value types. */
export function funcType(params: readonly ValType[], results: readonly ValType[]): FuncType {
  return { kind: 'func', params: [...params], results: [...results] };
}

/**
 * Checks what an embedder gave as a host function's type and callback (`new Func`, `Linker.defineFunc`): from
 * JavaScript without types a swapped or missing argument would otherwise fail deep inside with an unrelated error.
 */
export function checkHostFuncArgs(what: string, type: unknown, callback: unknown): void {
  const t = type as FuncType | null | undefined;
  if (typeof t !== 'object' || t === null || t.kind !== 'func' || !Array.isArray(t.params) || !Array.isArray(t.results))
    throw new TypeError(`${what}: the type must be a function type ({ kind: 'func', params, results }; see funcType)`);
  const isValType = (v: unknown) => typeof v === 'number' && (isNum(v) || v === V128_TYPE || isRef(v));
  for (const list of [t.params, t.results])
    for (let i = 0; i < list.length; i++)
      if (!isValType(list[i])) throw new TypeError(`${what}: ${String(list[i])} is not a value type (see ValType)`);
  if (typeof callback !== 'function') throw new TypeError(`${what}: the callback must be a function`);
}

/** The abstract heap kinds, for `ValType.ref`. */
export { HeapKind };

/** A v128 value as the runtime represents it: four int32 lanes, little-endian. */
export interface V128Lanes {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

/** The four reference hierarchies a reference value belongs to. */
export type RefKind = 'funcref' | 'externref' | 'anyref' | 'exnref';

/**
 * A wasm value at the API boundary. Floats are numbers; `bits` gives exact bit patterns (NaN payloads):
 * accepted on input instead of `value`, and always set on output.
 */
export type Val =
  | { readonly type: 'i32'; readonly value: number }
  | { readonly type: 'i64'; readonly value: bigint }
  | { readonly type: 'f32'; readonly value: number; readonly bits?: number }
  | { readonly type: 'f32'; readonly bits: number; readonly value?: number }
  | { readonly type: 'f64'; readonly value: number; readonly bits?: bigint }
  | { readonly type: 'f64'; readonly bits: bigint; readonly value?: number }
  | { readonly type: 'v128'; readonly value: V128Lanes }
  | { readonly type: 'funcref'; readonly value: unknown }
  | { readonly type: 'externref'; readonly value: unknown }
  | { readonly type: 'anyref'; readonly value: unknown }
  | { readonly type: 'exnref'; readonly value: unknown };

/** Which `Val` tag a value type's values carry. */
export function valKind(t: ValType, registry: TypeRegistry): Val['type'] {
  switch (t) {
    case I32:
      return 'i32';
    case I64:
      return 'i64';
    case F32:
      return 'f32';
    case F64:
      return 'f64';
    case V128_TYPE:
      return 'v128';
  }
  if (!isRef(t)) throw new TypeError(`unknown value type ${t}`);
  return refKindOfHeap(refHeap(t), registry);
}

/** The hierarchy of a heap type (abstract, or an engine type id). */
export function refKindOfHeap(h: number, registry: TypeRegistry): RefKind {
  switch (h) {
    case HeapKind.Func:
    case HeapKind.NoFunc:
      return 'funcref';
    case HeapKind.Extern:
    case HeapKind.NoExtern:
      return 'externref';
    case HeapKind.Exn:
    case HeapKind.NoExn:
      return 'exnref';
  }
  if (h < 0) return 'anyref';
  return registry.isFunc(h) ? 'funcref' : 'anyref';
}

/** Hooks the conversions need from the API (Func objects for function references). */
export interface ValContext {
  readonly registry: TypeRegistry;
  /** The Func for a function reference (one per VMFuncRef). */
  funcOf(ref: VMFuncRef): unknown;
  /** The VMFuncRef of a Func given by the embedder (throws for anything else). */
  refOf(func: unknown): VMFuncRef;
  /**
   * Throws a `WrongStoreError` naming `what` if `v` (an anyref or exnref value) is another engine's GC
   * object or another store's exception.
   */
  checkOwned(v: unknown, what: string): void;
}

/**
 * The TypeError for a JS value of the wrong type at the API boundary: `what` (say "parameter 0") expects
 * a `t`, carried as `jsType` ("a number", "a bigint").
 */
export function wrongValueType(what: string, t: ValType, jsType: string, got: unknown): TypeError {
  const gotType = got === null ? 'null' : typeof got;
  return new TypeError(`${what} expects an ${valTypeToString(t)} as ${jsType}, got ${articled(gotType)}`);
}

function articled(word: string): string {
  return word === 'null' || word === 'undefined' ? word : /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/**
 * Checks raw arguments of numeric parameters (`TypedFunc.call`): an i32, f32 or f64 takes a number, an i64
 * a bigint; anything else is a TypeError naming the parameter (never a silent conversion of a type or a trap).
 * Then converts them in place to the ABI's representation, as `toRaw` does for `Val`s and the host engine does
 * on the wasm backend: an i32 to int32 (`| 0`), an f32 rounded to float32, an i64 wrapped to 64 bits.
 */
export function checkNumericArgs(args: unknown[], params: readonly ValType[]): void {
  const n = Math.min(args.length, params.length);
  for (let i = 0; i < n; i++) {
    const t = params[i];
    const a = args[i];
    if (t === I64) {
      if (typeof a !== 'bigint') throw wrongValueType(`parameter ${i}`, t, 'a bigint', a);
      // the value modulo 2^64, as `toRaw` and the JS API's ToBigInt64 take it
      args[i] = BigInt.asIntN(64, a);
    } else if (t === I32 || t === F32 || t === F64) {
      if (typeof a !== 'number') throw wrongValueType(`parameter ${i}`, t, 'a number', a);
      // the ABI's representation (docs/js-abi.md): an int32 for i32, an f32-exact number for f32 (the generated
      // code takes both as given: `trunc_f32_s(2147483647)` must see 2147483648 and trap). A NaN passes as it is:
      // the ABI keeps an f32 NaN's payload in the double's high mantissa bits, which rounding would change.
      if (t === I32) args[i] = a | 0;
      else if (t === F32 && a === a) args[i] = Math.fround(a);
    }
  }
}

/**
 * Converts a `Val` to the JS backend's representation for a parameter of type `t` (`what` names it in a
 * TypeError: a `Val` of another type, or a value of the wrong JS type, such as a number for an i64).
 */
export function toRaw(v: Val, t: ValType, cx: ValContext, what = 'the value'): unknown {
  const kind = valKind(t, cx.registry);
  const isRefVal = v.type === 'funcref' || v.type === 'externref' || v.type === 'anyref' || v.type === 'exnref';
  // Null of any hierarchy is the same JS null; other mismatches are errors.
  if (v.type !== kind && !(isRefVal && v.value === null && isRef(t)))
    throw new TypeError(`${what} expects a ${valTypeToString(t)} value, got ${v.type}`);
  switch (v.type) {
    case 'i32':
      if (typeof v.value !== 'number') throw wrongValueType(what, t, 'a number', v.value);
      return v.value | 0;
    case 'i64':
      if (typeof v.value !== 'bigint') throw wrongValueType(what, t, 'a bigint', v.value);
      return BigInt.asIntN(64, v.value);
    case 'f32':
      if (v.bits !== undefined) {
        if (typeof v.bits !== 'number') throw wrongValueType(`${what}'s bits`, I32, 'a number', v.bits);
        return f32FromBits(v.bits);
      }
      if (typeof v.value !== 'number') throw wrongValueType(what, t, 'a number', v.value);
      return Math.fround(v.value);
    case 'f64':
      if (v.bits !== undefined) {
        if (typeof v.bits !== 'bigint') throw wrongValueType(`${what}'s bits`, I64, 'a bigint', v.bits);
        return f64FromBits(BigInt.asIntN(64, v.bits));
      }
      if (typeof v.value !== 'number') throw wrongValueType(what, t, 'a number', v.value);
      return v.value;
    case 'v128':
      return v.value;
    case 'funcref':
      if (v.value === null || v.value === undefined) return nullCheck(t);
      return cx.refOf(v.value);
    case 'externref':
      if (v.value === null) return nullCheck(t);
      return v.value;
    default:
      if (v.value === null) return nullCheck(t);
      cx.checkOwned(v.value, `${v.type} value`);
      return v.value;
  }
}

function nullCheck(t: ValType): null {
  if (!refNullable(t)) throw new TypeError(`null is not a value of ${valTypeToString(t)}`);
  return null;
}

/** Converts a JS-backend value of type `t` to a `Val`. */
export function fromRaw(x: unknown, t: ValType, cx: ValContext): Val {
  const kind = valKind(t, cx.registry);
  switch (kind) {
    case 'i32':
      return { type: 'i32', value: x as number };
    case 'i64':
      return { type: 'i64', value: x as bigint };
    case 'f32':
      return { type: 'f32', value: floatNumber(x as FloatValue), bits: f32ToBits(x as FloatValue) | 0 };
    case 'f64':
      return { type: 'f64', value: floatNumber(x as FloatValue), bits: f64ToBits(x as FloatValue) };
    case 'v128':
      return { type: 'v128', value: x as V128Lanes };
    case 'funcref':
      return { type: 'funcref', value: x === null ? null : cx.funcOf(x as VMFuncRef) };
    default:
      return { type: kind, value: x } as Val;
  }
}

/** The positions of the f32 and f64 values among `types` (converted with `floatNumbers` where JS code gets them). */
export function floatPositions(types: readonly ValType[]): readonly number[] {
  const out: number[] = [];
  for (let i = 0; i < types.length; i++) if (types[i] === F32 || types[i] === F64) out.push(i);
  return out;
}

/**
 * JS numbers for the f32/f64 values at `positions` of `values` (in place): a NaN kept as bits (`NaNBits`) becomes a
 * number, with its payload where the engine keeps NaN payloads.
 */
export function floatNumbers(values: unknown[], positions: readonly number[]): void {
  for (let i = 0; i < positions.length; i++) values[positions[i]] = floatNumber(values[positions[i]] as FloatValue);
}

/** The results of a call in the calling convention (undefined / value / array), each mapped by `f`. */
export function resultList<R>(r: unknown, type: FuncType, f: (x: unknown, i: number) => R): R[] {
  const n = type.results.length;
  if (n === 0) return [];
  if (n === 1) return [f(r, 0)];
  const a = r as ArrayLike<unknown>;
  const out: R[] = [];
  for (let i = 0; i < n; i++) out.push(f(a[i], i));
  return out;
}
/** Kind tests on anyref values (wasmtime's `AnyRef::is_struct` and friends). */
export const AnyRef = {
  /** Is `v` a GC struct? */
  isStruct: (v: unknown): boolean => v instanceof WasmStruct,
  /** Is `v` a GC array? */
  isArray: (v: unknown): boolean => v instanceof WasmArray,
  /** Is `v` an i31 reference? */
  isI31: (v: unknown): boolean => typeof v === 'number',
  /** Is `v` in the eq hierarchy (struct, array or i31)? */
  isEq: (v: unknown): boolean => v instanceof WasmStruct || v instanceof WasmArray || typeof v === 'number',
  /** The host value of an anyref that came from an externref (`any.convert_extern`), else `v` itself. */
  hostValue: (v: unknown): unknown => (v instanceof ExternBox ? v.value : v),
} as const;
