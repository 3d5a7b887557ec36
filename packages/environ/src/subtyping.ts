// Subtyping for Wasm 3.0 (GC): value types, heap types and composite types. Everything works on the
// numeric encoding of types.ts, so the hot checks compare small integers and never allocate.
// Concrete types are compared by `SubType.canonical` (iso-recursive equivalence, computed by the parser).

import {
  BOT,
  type CompositeType,
  type FieldType,
  HeapKind,
  type HeapType,
  MIN_ABSTRACT_HEAP,
  REF_BASE,
  refHeap,
  type StorageType,
  type SubType,
  type ValType,
} from './types.js';

const H = HeapKind;

/** The top of the hierarchy a heap type belongs to: any, func, extern or exn. */
export function topHeapType(h: HeapType, types: readonly SubType[]): HeapType {
  if (h >= 0) return types[h].composite.kind === 'func' ? H.Func : H.Any;
  switch (h) {
    case H.Func:
    case H.NoFunc:
      return H.Func;
    case H.Extern:
    case H.NoExtern:
      return H.Extern;
    case H.Exn:
    case H.NoExn:
      return H.Exn;
    default:
      return H.Any;
  }
}

/** The bottom of the hierarchy a heap type belongs to: none, nofunc, noextern or noexn. */
export function bottomHeapType(h: HeapType, types: readonly SubType[]): HeapType {
  if (h >= 0) return types[h].composite.kind === 'func' ? H.NoFunc : H.None;
  switch (h) {
    case H.Func:
    case H.NoFunc:
      return H.NoFunc;
    case H.Extern:
    case H.NoExtern:
      return H.NoExtern;
    case H.Exn:
    case H.NoExn:
      return H.NoExn;
    default:
      return H.None;
  }
}

/** True if concrete type `a` is `b` or declares it (transitively) as a supertype, by canonical index. */
function concreteSubtype(a: number, b: number, types: readonly SubType[]): boolean {
  const target = types[b].canonical;
  // A declared supertype always has a smaller index than its subtype, so this walk terminates.
  for (let t = a; t >= 0; t = types[t].supertype) {
    if (types[t].canonical === target) return true;
  }
  return false;
}

/** True if heap type `a` is a subtype of heap type `b`. */
export function isHeapSubtype(a: HeapType, b: HeapType, types: readonly SubType[]): boolean {
  if (a === b) return true;
  // Below the abstract range: the validator's bottom heap type (unreachable code), below everything.
  if (a < MIN_ABSTRACT_HEAP) return true;
  if (a >= 0) {
    if (b >= 0) return concreteSubtype(a, b, types);
    const kind = types[a].composite.kind;
    switch (b) {
      case H.Any:
      case H.Eq:
        return kind !== 'func';
      case H.Struct:
        return kind === 'struct';
      case H.Array:
        return kind === 'array';
      case H.Func:
        return kind === 'func';
      default:
        return false;
    }
  }
  switch (a) {
    case H.None:
      if (b >= 0) return types[b].composite.kind !== 'func';
      return b === H.Any || b === H.Eq || b === H.I31 || b === H.Struct || b === H.Array;
    case H.I31:
    case H.Struct:
    case H.Array:
      return b === H.Eq || b === H.Any;
    case H.Eq:
      return b === H.Any;
    case H.NoFunc:
      if (b >= 0) return types[b].composite.kind === 'func';
      return b === H.Func;
    case H.NoExtern:
      return b === H.Extern;
    case H.NoExn:
      return b === H.Exn;
    default:
      return false;
  }
}

/** True if value type `a` is a subtype of value type `b` (BOT, the unreachable operand, is below everything). */
export function isSubtype(a: ValType, b: ValType, types: readonly SubType[]): boolean {
  if (a === b || a === BOT) return true;
  if (a < REF_BASE || b < REF_BASE) return false;
  // A nullable reference is never below a non-nullable one.
  if ((a & 1) === 1 && (b & 1) === 0) return false;
  return isHeapSubtype(refHeap(a), refHeap(b), types);
}

/** True if heap types `a` and `b` are equivalent (concrete types compared by canonical index). */
export function heapTypesEqual(a: HeapType, b: HeapType, types: readonly SubType[]): boolean {
  if (a === b) return true;
  return a >= 0 && b >= 0 && types[a].canonical === types[b].canonical;
}

/** True if value types `a` and `b` are equivalent (concrete types compared by canonical index). */
export function typesEqual(a: ValType, b: ValType, types: readonly SubType[]): boolean {
  if (a === b) return true;
  if (a < REF_BASE || b < REF_BASE || (a & 1) !== (b & 1)) return false;
  return heapTypesEqual(refHeap(a), refHeap(b), types);
}

/** True if storage type `a` matches `b` (packed types match only themselves). */
export function isStorageSubtype(a: StorageType, b: StorageType, types: readonly SubType[]): boolean {
  return isSubtype(a, b, types);
}

/** True if field `a` may stand in for field `b`: immutable fields are covariant, mutable ones invariant. */
export function isFieldSubtype(a: FieldType, b: FieldType, types: readonly SubType[]): boolean {
  if (a.mutable !== b.mutable) return false;
  return b.mutable ? typesEqual(a.type, b.type, types) : isSubtype(a.type, b.type, types);
}

/**
 * True if composite type `a` matches `b` as a declared subtype: functions are contravariant in their
 * parameters and covariant in their results, structs may add fields (width) and refine immutable ones
 * (depth), arrays follow their element field.
 */
export function isCompositeSubtype(a: CompositeType, b: CompositeType, types: readonly SubType[]): boolean {
  if (a.kind === 'func') {
    if (b.kind !== 'func') return false;
    if (a.params.length !== b.params.length || a.results.length !== b.results.length) return false;
    for (let i = 0; i < a.params.length; i++) if (!isSubtype(b.params[i], a.params[i], types)) return false;
    for (let i = 0; i < a.results.length; i++) if (!isSubtype(a.results[i], b.results[i], types)) return false;
    return true;
  }
  if (a.kind === 'struct') {
    if (b.kind !== 'struct') return false;
    if (a.fields.length < b.fields.length) return false;
    for (let i = 0; i < b.fields.length; i++) if (!isFieldSubtype(a.fields[i], b.fields[i], types)) return false;
    return true;
  }
  if (b.kind !== 'array') return false;
  return isFieldSubtype(a.field, b.field, types);
}

/** True if the result list `a` matches `b` element-wise (same length, each a subtype). */
export function isResultSubtype(a: readonly ValType[], b: readonly ValType[], types: readonly SubType[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!isSubtype(a[i], b[i], types)) return false;
  return true;
}
