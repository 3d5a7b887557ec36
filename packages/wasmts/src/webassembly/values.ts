// The JS API's value conversions (ToJSValue and ToWebAssemblyValue) between JavaScript values and the
// runtime's representation of wasm values (docs/js-abi.md), and the value type names of the JS API.

import {
  ANYREF,
  ARRAYREF,
  EQREF,
  EXNREF,
  EXTERNREF,
  F32,
  F64,
  type FloatValue,
  FUNCREF,
  f64FromBits,
  f64ToBits,
  floatNumber,
  HeapKind,
  I31REF,
  I32,
  I64,
  isRef,
  NULLEXTERNREF,
  NULLFUNCREF,
  NULLREF,
  refHeap,
  refNullable,
  STRUCTREF,
  V128,
  type ValType,
  valTypeToString,
} from '@wasmts/environ';
import {
  anyConvertExtern,
  ExternBox,
  refTestAbstract,
  refTestConcrete,
  type TypeRegistry,
  type VMFuncRef,
  WasmArray,
  WasmStruct,
} from '@wasmts/runtime';
import { refKindOfHeap } from '../values.js';
import { toBigInt64 } from './webidl.js';

/** The JS API's value type names (`ValueType`, with the GC proposal's reference types). */
const VALUE_TYPES: ReadonlyMap<string, ValType> = new Map([
  ['i32', I32],
  ['i64', I64],
  ['f32', F32],
  ['f64', F64],
  ['v128', V128],
  ['externref', EXTERNREF],
  ['anyfunc', FUNCREF],
  ['funcref', FUNCREF],
  ['anyref', ANYREF],
  ['eqref', EQREF],
  ['i31ref', I31REF],
  ['structref', STRUCTREF],
  ['arrayref', ARRAYREF],
  ['nullref', NULLREF],
  ['nullfuncref', NULLFUNCREF],
  ['nullexternref', NULLEXTERNREF],
  ['exnref', EXNREF],
]);

/** The value type a JS API type name stands for; a TypeError for any other string. */
export function parseValueType(name: string, what: string): ValType {
  const t = VALUE_TYPES.get(name);
  if (t === undefined) throw new TypeError(`${what}: ${JSON.stringify(name)} is not a value type`);
  return t;
}

/** The JS API's name of a table element type (`anyfunc` for funcref), or the text form. */
export function valueTypeName(t: ValType): string {
  if (t === FUNCREF) return 'anyfunc';
  for (const [name, v] of VALUE_TYPES) if (v === t) return name;
  return valTypeToString(t);
}

/** What the conversions need from a namespace: its type registry and its wrapper objects. */
export interface Converter {
  readonly registry: TypeRegistry;
  /** The Exported Function of a function reference (one per reference). */
  exportedFunction(ref: VMFuncRef): (...args: unknown[]) => unknown;
  /** The function reference behind an Exported Function, or undefined. */
  funcRefOf(f: unknown): VMFuncRef | undefined;
  /** The opaque JS object of a GC struct or array (one per object). */
  gcObject(o: WasmStruct | WasmArray): object;
  /** The GC struct or array behind such an object, or undefined. */
  gcOf(o: unknown): WasmStruct | WasmArray | undefined;
}

/** ToJSValue: a runtime value of type `t` as JavaScript sees it. v128 and exnref are TypeErrors. */
export function toJSValue(cx: Converter, raw: unknown, t: ValType): unknown {
  switch (t) {
    case I32:
    case I64:
      return raw;
    case F32:
    case F64:
      return floatNumber(raw as FloatValue);
    case V128:
      throw new TypeError('a v128 value cannot cross to JavaScript');
  }
  if (raw === null) return null;
  switch (refKindOfHeap(refHeap(t), cx.registry)) {
    case 'funcref':
      return cx.exportedFunction(raw as VMFuncRef);
    case 'externref':
      return raw;
    case 'exnref':
      throw new TypeError('an exnref value cannot cross to JavaScript');
    default:
      if (raw instanceof ExternBox) return raw.value;
      if (raw instanceof WasmStruct || raw instanceof WasmArray) return cx.gcObject(raw);
      return raw;
  }
}

/**
 * ToWebAssemblyValue for i32, i64, f32 and f64 (ToInt32, ToBigInt64, ToNumber): what the JS API and
 * wasmts's host functions on both backends do with a number they are given. A number that is already an
 * f32 or f64 is kept as it is (NaN payloads stay); any other type's value is returned unchanged.
 */
export function toWasmNumber(v: unknown, t: ValType): unknown {
  switch (t) {
    case I32:
      return +(v as number) | 0;
    case I64:
      return typeof v === 'bigint' ? BigInt.asIntN(64, v) : toBigInt64(v);
    case F32:
      if (typeof v === 'number') return v !== v ? nanValue(v) : Math.fround(v);
      return Math.fround(+(v as number));
    case F64:
      if (typeof v === 'number') return v !== v ? nanValue(v) : v;
      return +(v as number);
  }
  return v;
}

/** A NaN number as wasm holds it: its bits, as a NaNBits where they are not the canonical NaN's (V8 keeps them). */
function nanValue(v: number): FloatValue {
  return f64FromBits(f64ToBits(v));
}

/** ToWebAssemblyValue: a JavaScript value as a runtime value of type `t`; a TypeError where it is none. */
export function toWebAssemblyValue(cx: Converter, v: unknown, t: ValType): unknown {
  switch (t) {
    case I32:
    case I64:
    case F32:
    case F64:
      return toWasmNumber(v, t);
    case V128:
      throw new TypeError('a v128 value cannot cross from JavaScript');
  }
  if (!isRef(t)) throw new TypeError(`unknown value type ${t}`);
  const heap = refHeap(t);
  const nullable = refNullable(t);
  if (v === null) {
    if (!nullable) throw new TypeError(`null is not a value of ${valTypeToString(t)}`);
    return null;
  }
  switch (refKindOfHeap(heap, cx.registry)) {
    case 'funcref': {
      const ref = cx.funcRefOf(v);
      if (ref === undefined) throw new TypeError(`a ${valTypeToString(t)} value must be an exported wasm function`);
      if (heap === HeapKind.NoFunc || (heap >= 0 && !refTestConcrete(ref, cx.registry.rtt(heap), false, cx.registry)))
        throw new TypeError(`the function is not of type ${valTypeToString(t)}`);
      return ref;
    }
    case 'externref':
      if (heap === HeapKind.NoExtern) throw new TypeError(`only null is a value of ${valTypeToString(t)}`);
      return v;
    case 'exnref':
      throw new TypeError('an exnref value cannot cross from JavaScript');
    default: {
      const gc = cx.gcOf(v);
      const w = gc !== undefined ? gc : anyConvertExtern(v, cx.registry);
      const ok =
        heap < 0 ? refTestAbstract(w, heap, false) : refTestConcrete(w, cx.registry.rtt(heap), false, cx.registry);
      if (!ok) throw new TypeError(`the value is not of type ${valTypeToString(t)}`);
      return w;
    }
  }
}

/** DefaultValue: the value a global, table or argument of type `t` gets when none is given. */
export function defaultValue(cx: Converter, t: ValType): unknown {
  switch (t) {
    case I32:
    case F32:
    case F64:
      return 0;
    case I64:
      return 0n;
    case V128:
      throw new TypeError('v128 has no default JavaScript value');
  }
  if (refKindOfHeap(refHeap(t), cx.registry) === 'externref') return toWebAssemblyValue(cx, undefined, t);
  return toWebAssemblyValue(cx, null, t);
}
