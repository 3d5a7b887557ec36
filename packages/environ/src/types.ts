// Wasm types as small integers: the validator and codegen compare and hash them on hot paths.
//
// ValType encoding (one JS number, always a small integer):
//   numeric and vector types: their binary code (I32 = 0x7f ... V128 = 0x7b)
//   packed storage types (struct/array fields only): I8 = 0x78, I16 = 0x77
//   reference types: REF_BASE + (heapType + HEAP_BIAS) * 2 + (nullable ? 1 : 0)
// HeapType encoding: a concrete type index is itself (>= 0); an abstract heap type is the
// negative s33 value its binary code reads as (func = 0x70 -> -16, extern = 0x6f -> -17, ...).

/** A value type (or storage type) in the numeric encoding described at the top of this file. */
export type ValType = number;
/** A heap type: a type index (>= 0) or an abstract heap type (< 0). */
export type HeapType = number;
/** A storage type: a value type or a packed type (I8, I16). */
export type StorageType = number;

/** i32 value type. */
export const I32 = 0x7f;
/** i64 value type. */
export const I64 = 0x7e;
/** f32 value type. */
export const F32 = 0x7d;
/** f64 value type. */
export const F64 = 0x7c;
/** v128 value type. */
export const V128 = 0x7b;
/** Packed i8 storage type. */
export const I8 = 0x78;
/** Packed i16 storage type. */
export const I16 = 0x77;
/** The validator's "unknown" operand type in unreachable code; never appears in a module. */
export const BOT = 0;

/** Abstract heap types, as the negative s33 values of their binary codes. */
export const HeapKind = {
  Exn: 0x69 - 0x80,
  Array: 0x6a - 0x80,
  Struct: 0x6b - 0x80,
  I31: 0x6c - 0x80,
  Eq: 0x6d - 0x80,
  Any: 0x6e - 0x80,
  Extern: 0x6f - 0x80,
  Func: 0x70 - 0x80,
  None: 0x71 - 0x80,
  NoExtern: 0x72 - 0x80,
  NoFunc: 0x73 - 0x80,
  NoExn: 0x74 - 0x80,
} as const;

/** Smallest abstract heap type value (exn). */
export const MIN_ABSTRACT_HEAP = HeapKind.Exn;
/** Largest abstract heap type value (noexn). */
export const MAX_ABSTRACT_HEAP = HeapKind.NoExn;

/** Base of the reference-type encoding. */
export const REF_BASE = 0x100;
const HEAP_BIAS = 32;

/** Builds the ValType for `(ref null? heap)`. */
export function refType(heap: HeapType, nullable: boolean): ValType {
  return REF_BASE + (heap + HEAP_BIAS) * 2 + (nullable ? 1 : 0);
}
/** True for reference types. */
export function isRef(t: ValType): boolean {
  return t >= REF_BASE;
}
/** The heap type of a reference type. */
export function refHeap(t: ValType): HeapType {
  return ((t - REF_BASE) >> 1) - HEAP_BIAS;
}
/** True if a reference type admits null. */
export function refNullable(t: ValType): boolean {
  return (t & 1) === 1;
}
/** The same reference type with the given nullability. */
export function withNullable(t: ValType, nullable: boolean): ValType {
  return (t & ~1) | (nullable ? 1 : 0);
}
/** True for abstract heap types. */
export function isAbstractHeap(h: HeapType): boolean {
  return h < 0;
}
/** True for numeric types (i32, i64, f32, f64). */
export function isNum(t: ValType): boolean {
  return t >= F64 && t <= I32;
}

/** funcref = (ref null func). */
export const FUNCREF = refType(HeapKind.Func, true);
/** externref = (ref null extern). */
export const EXTERNREF = refType(HeapKind.Extern, true);
/** anyref = (ref null any). */
export const ANYREF = refType(HeapKind.Any, true);
/** eqref = (ref null eq). */
export const EQREF = refType(HeapKind.Eq, true);
/** i31ref = (ref null i31). */
export const I31REF = refType(HeapKind.I31, true);
/** structref = (ref null struct). */
export const STRUCTREF = refType(HeapKind.Struct, true);
/** arrayref = (ref null array). */
export const ARRAYREF = refType(HeapKind.Array, true);
/** exnref = (ref null exn). */
export const EXNREF = refType(HeapKind.Exn, true);
/** nullref = (ref null none). */
export const NULLREF = refType(HeapKind.None, true);
/** nullexternref = (ref null noextern). */
export const NULLEXTERNREF = refType(HeapKind.NoExtern, true);
/** nullfuncref = (ref null nofunc). */
export const NULLFUNCREF = refType(HeapKind.NoFunc, true);
/** nullexnref = (ref null noexn). */
export const NULLEXNREF = refType(HeapKind.NoExn, true);

const ABSTRACT_NAMES: Record<number, string> = {
  [HeapKind.Exn]: 'exn',
  [HeapKind.Array]: 'array',
  [HeapKind.Struct]: 'struct',
  [HeapKind.I31]: 'i31',
  [HeapKind.Eq]: 'eq',
  [HeapKind.Any]: 'any',
  [HeapKind.Extern]: 'extern',
  [HeapKind.Func]: 'func',
  [HeapKind.None]: 'none',
  [HeapKind.NoExtern]: 'noextern',
  [HeapKind.NoFunc]: 'nofunc',
  [HeapKind.NoExn]: 'noexn',
};

/** Text form of a heap type, as in the text format. */
export function heapTypeToString(h: HeapType): string {
  return h >= 0 ? String(h) : (ABSTRACT_NAMES[h] ?? `heap(${h})`);
}

/** Text form of a value or storage type, as in the text format (`(ref null 3)`, `funcref`, `i32`). */
export function valTypeToString(t: ValType): string {
  switch (t) {
    case I32:
      return 'i32';
    case I64:
      return 'i64';
    case F32:
      return 'f32';
    case F64:
      return 'f64';
    case V128:
      return 'v128';
    case I8:
      return 'i8';
    case I16:
      return 'i16';
    case BOT:
      return 'bot';
  }
  if (!isRef(t)) return `type(${t})`;
  const h = refHeap(t);
  if (refNullable(t) && h < 0) return `${heapTypeToString(h)}ref`;
  return `(ref ${refNullable(t) ? 'null ' : ''}${heapTypeToString(h)})`;
}

/** The value type a storage type is read as (packed types widen to i32). */
export function unpacked(t: StorageType): ValType {
  return t === I8 || t === I16 ? I32 : t;
}

declare const indexSpace: unique symbol;
/**
 * A number that indexes one index space, branded with its space's name (wasmtime's index newtypes): passing a
 * `FuncIndex` where a `DefinedFuncIndex` is expected is a type error. Brands cost nothing at run time; convert
 * between spaces with `definedFuncIndex`/`funcIndexOfDefined` and their kin (module.ts), and mint one from a
 * decoded number with its constructor (`FuncIndex(n)`).
 */
export type EntityIndex<Space extends string> = number & { readonly [indexSpace]: Space };

/** A type index into the module's type section. */
export type TypeIndex = EntityIndex<'type'>;
/** An index into the function index space (imports first). */
export type FuncIndex = EntityIndex<'func'>;
/** An index into the defined (non-imported) functions. */
export type DefinedFuncIndex = EntityIndex<'defined func'>;
/** An index into the table index space. */
export type TableIndex = EntityIndex<'table'>;
/** An index into the defined tables. */
export type DefinedTableIndex = EntityIndex<'defined table'>;
/** An index into the memory index space. */
export type MemoryIndex = EntityIndex<'memory'>;
/** An index into the defined memories. */
export type DefinedMemoryIndex = EntityIndex<'defined memory'>;
/** An index into the global index space. */
export type GlobalIndex = EntityIndex<'global'>;
/** An index into the defined globals. */
export type DefinedGlobalIndex = EntityIndex<'defined global'>;
/** An index into the tag index space. */
export type TagIndex = EntityIndex<'tag'>;
/** An index into the defined tags. */
export type DefinedTagIndex = EntityIndex<'defined tag'>;
/** An index into the element segments. */
export type ElemIndex = EntityIndex<'elem'>;
/** An index into the data segments. */
export type DataIndex = EntityIndex<'data'>;

// Constructors: a decoded (or computed) number taken as an index of one space. Each is the identity at run time.
export const TypeIndex = (n: number): TypeIndex => n as TypeIndex;
export const FuncIndex = (n: number): FuncIndex => n as FuncIndex;
export const DefinedFuncIndex = (n: number): DefinedFuncIndex => n as DefinedFuncIndex;
export const TableIndex = (n: number): TableIndex => n as TableIndex;
export const DefinedTableIndex = (n: number): DefinedTableIndex => n as DefinedTableIndex;
export const MemoryIndex = (n: number): MemoryIndex => n as MemoryIndex;
export const DefinedMemoryIndex = (n: number): DefinedMemoryIndex => n as DefinedMemoryIndex;
export const GlobalIndex = (n: number): GlobalIndex => n as GlobalIndex;
export const DefinedGlobalIndex = (n: number): DefinedGlobalIndex => n as DefinedGlobalIndex;
export const TagIndex = (n: number): TagIndex => n as TagIndex;
export const DefinedTagIndex = (n: number): DefinedTagIndex => n as DefinedTagIndex;
export const ElemIndex = (n: number): ElemIndex => n as ElemIndex;
export const DataIndex = (n: number): DataIndex => n as DataIndex;

/** A function signature. */
export interface FuncType {
  readonly kind: 'func';
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}
/** A struct or array field. */
export interface FieldType {
  readonly type: StorageType;
  readonly mutable: boolean;
}
/** A GC struct type. */
export interface StructType {
  readonly kind: 'struct';
  readonly fields: readonly FieldType[];
}
/** A GC array type. */
export interface ArrayType {
  readonly kind: 'array';
  readonly field: FieldType;
}
/** The body of a type definition. */
export type CompositeType = FuncType | StructType | ArrayType;

/** One entry of the type index space: a composite type with its place in the subtyping hierarchy. */
export interface SubType {
  readonly final: boolean;
  /** Declared supertype index, or -1. */
  readonly supertype: TypeIndex | -1;
  readonly composite: CompositeType;
  /** Index of the rec group this type belongs to (into `Module.recGroups`). */
  readonly recGroup: number;
  /**
   * Index of the first type equivalent to this one under iso-recursive equivalence
   * (same position in an equivalent rec group); equal types have equal `canonical`.
   */
  canonical: TypeIndex;
}

/** A recursion group: `count` consecutive entries of the type index space starting at `start`. */
export interface RecGroup {
  readonly start: TypeIndex;
  readonly count: number;
}

/** Size limits of a memory or table. `max` is null when absent. Values above 2^53 are rounded. */
export interface Limits {
  readonly min: number;
  readonly max: number | null;
}

/** A linear memory type. */
export interface MemoryType {
  readonly limits: Limits;
  readonly shared: boolean;
  /** memory64: addresses are i64. */
  readonly index64: boolean;
  /** log2 of the page size (16 for 64 KiB; custom-page-sizes may give 0). */
  readonly pageSizeLog2: number;
}
/** A table type. */
export interface TableType {
  readonly element: ValType;
  readonly limits: Limits;
  /** table64: indices are i64. */
  readonly index64: boolean;
}
/** A global type. */
export interface GlobalType {
  readonly type: ValType;
  readonly mutable: boolean;
}
/** An exception tag type: a function type index whose results are empty. */
export interface TagType {
  readonly typeIndex: TypeIndex;
}
