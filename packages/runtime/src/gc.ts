// GC objects and reference casts (docs/js-abi.md). Structs keep their fields in a `fields` array (one
// object shape for all structs, so code that touches many struct types stays monomorphic); arrays keep
// `elements` in a JS array. Packed fields (i8, i16) hold the value wrapped to its width, unsigned
// (`v & 0xff`, `v & 0xffff`): `get_u` reads it as is, `get_s` sign-extends.

import { HeapKind, I8, I16 } from '@wasmts/environ';
import type { Rtt, TypeRegistry } from './type-registry.js';
import { ExternBox, VMFuncRef } from './values.js';

/** A GC struct: its runtime type and its fields in declaration order. */
export class WasmStruct {
  /** Runtime type information (type id and supertype chain). */
  readonly rtt: Rtt;
  /** Field values; packed fields hold unsigned wrapped values. */
  readonly fields: unknown[];

  constructor(rtt: Rtt, fields: unknown[]) {
    this.rtt = rtt;
    this.fields = fields;
  }
}

/** A GC array: its runtime type and its elements. */
export class WasmArray {
  /** Runtime type information (type id and supertype chain). */
  readonly rtt: Rtt;
  /** The elements; packed element types hold unsigned wrapped values. */
  readonly elements: unknown[];

  constructor(rtt: Rtt, elements: unknown[]) {
    this.rtt = rtt;
    this.elements = elements;
  }
}

/** Wraps a value for a packed storage type (i8 -> low 8 bits unsigned, i16 -> low 16 bits); others unchanged. */
export function packValue(storage: number, v: unknown): unknown {
  if (storage === I8) return (v as number) & 0xff;
  if (storage === I16) return (v as number) & 0xffff;
  return v;
}

/** True if `v` is an i31 reference (an integer number in [-2^30, 2^30)). */
export function isI31(v: unknown): v is number {
  return typeof v === 'number';
}

/**
 * any.convert_extern: a host value into the any hierarchy (numbers outside i31 and look-alikes are boxed).
 * A GC object is itself only if `registry` (the converting engine's) owns its type: another engine's
 * object (or one whose type that engine forgot) is a host value here, boxed, and never one of ours.
 */
export function anyConvertExtern(v: unknown, registry: TypeRegistry): unknown {
  if (v === null) return v;
  if (v instanceof WasmStruct || v instanceof WasmArray) return registry.owns(v.rtt) ? v : new ExternBox(v);
  if (typeof v === 'number') {
    // An integral number in the i31 range is an i31 (as the JS API's ToWebAssemblyValue makes it).
    if (Number.isInteger(v) && v >= -0x40000000 && v < 0x40000000 && !Object.is(v, -0)) return v;
    return new ExternBox(v);
  }
  if (v instanceof ExternBox) return new ExternBox(v);
  return v;
}

/** extern.convert_any: unwraps an ExternBox; every other value is its own externref. */
export function externConvertAny(v: unknown): unknown {
  return v instanceof ExternBox ? v.value : v;
}

/**
 * ref.test against an abstract heap type (a negative `HeapKind`), for a value already known to be in that
 * heap type's hierarchy. Null passes only when `nullable`.
 */
export function refTestAbstract(v: unknown, heap: number, nullable: boolean): boolean {
  if (v === null) return nullable;
  switch (heap) {
    case HeapKind.Any:
    case HeapKind.Func:
    case HeapKind.Extern:
    case HeapKind.Exn:
      return true;
    case HeapKind.Eq:
      return typeof v === 'number' || v instanceof WasmStruct || v instanceof WasmArray;
    case HeapKind.I31:
      return typeof v === 'number';
    case HeapKind.Struct:
      return v instanceof WasmStruct;
    case HeapKind.Array:
      return v instanceof WasmArray;
    default:
      // none, nofunc, noextern, noexn: only null.
      return false;
  }
}

/** ref.test against a concrete type with engine id `typeId` (`rtt` its runtime type, registry for funcs). */
export function refTestConcrete(v: unknown, target: Rtt, nullable: boolean, registry: TypeRegistry): boolean {
  if (v === null) return nullable;
  if (v instanceof WasmStruct || v instanceof WasmArray) {
    const r = v.rtt;
    return r.depth >= target.depth && r.supers[target.depth] === target.typeId;
  }
  if (v instanceof VMFuncRef) return registry.isSubtype(v.typeId, target.typeId);
  return false;
}
