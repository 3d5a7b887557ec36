// The description of a decoded and validated module (DESIGN.md). Function bodies and constant
// expressions stay in the original bytes, referred to by byte ranges, for codegen to translate.

import type { WasmFeatures } from './features.js';
import type {
  DataIndex,
  DefinedFuncIndex,
  DefinedGlobalIndex,
  DefinedMemoryIndex,
  DefinedTableIndex,
  ElemIndex,
  FuncIndex,
  GlobalIndex,
  GlobalType,
  MemoryIndex,
  MemoryType,
  RecGroup,
  SubType,
  TableIndex,
  TableType,
  TagIndex,
  TagType,
  TypeIndex,
  ValType,
} from './types.js';

/** A byte range [start, end) in the module's bytes. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A constant expression: the byte range of its instructions, including the final `end` opcode.
 * Re-read it with the operator reader to evaluate it.
 */
export type ConstExpr = ByteRange;

/** What an import or export refers to. */
export type ExternKind = 'func' | 'table' | 'memory' | 'global' | 'tag';

/** The type an import expects. */
export type EntityType =
  | { readonly kind: 'func'; readonly typeIndex: TypeIndex }
  | { readonly kind: 'table'; readonly type: TableType }
  | { readonly kind: 'memory'; readonly type: MemoryType }
  | { readonly kind: 'global'; readonly type: GlobalType }
  | { readonly kind: 'tag'; readonly type: TagType };

/** One import. Names are arbitrary UTF-8 strings; keep them as data (Maps), never as object keys. */
export interface Import {
  readonly module: string;
  readonly name: string;
  readonly type: EntityType;
  /**
   * Index in the entity's index space (the FuncIndex of an imported function, the MemoryIndex of a memory...): a
   * plain number, since the space follows `type.kind`; brand it where the kind is known (`FuncIndex(imp.index)`).
   */
  readonly index: number;
}

/** One export: its index is in the index space of its kind. */
export type Export =
  | { readonly name: string; readonly kind: 'func'; readonly index: FuncIndex }
  | { readonly name: string; readonly kind: 'table'; readonly index: TableIndex }
  | { readonly name: string; readonly kind: 'memory'; readonly index: MemoryIndex }
  | { readonly name: string; readonly kind: 'global'; readonly index: GlobalIndex }
  | { readonly name: string; readonly kind: 'tag'; readonly index: TagIndex };

/** A table: its type and, for defined tables, the optional initializer expression. */
export interface TableDecl {
  readonly type: TableType;
  readonly init: ConstExpr | null;
}

/** A global: its type and, for defined globals, its initializer. */
export interface GlobalDecl {
  readonly type: GlobalType;
  readonly init: ConstExpr | null;
}

/** An element segment. */
export interface ElementSegment {
  readonly mode: 'active' | 'passive' | 'declarative';
  /** Table index for active segments. */
  readonly table: TableIndex;
  /** Offset expression for active segments. */
  readonly offset: ConstExpr | null;
  /** The element reference type. */
  readonly type: ValType;
  /** Items as function indices (the legacy encodings), or null when `exprs` is used. */
  readonly funcIndices: readonly FuncIndex[] | null;
  /** Items as constant expressions, or null when `funcIndices` is used. */
  readonly exprs: readonly ConstExpr[] | null;
}

/** A data segment. */
export interface DataSegment {
  readonly mode: 'active' | 'passive';
  /** Memory index for active segments. */
  readonly memory: MemoryIndex;
  readonly offset: ConstExpr | null;
  /** The segment's bytes within the module. */
  readonly data: ByteRange;
}

/** One defined function's body. */
export interface FunctionBody {
  /** The whole body entry (locals and code), excluding its size prefix. */
  readonly range: ByteRange;
  /** Offset of the first instruction (after the local declarations). */
  readonly codeStart: number;
  /** Local types after the parameters, expanded: [type, count] runs as declared. */
  readonly locals: readonly (readonly [count: number, type: ValType])[];
}

/** A custom section's name and payload range. */
export interface CustomSection {
  readonly name: string;
  readonly data: ByteRange;
}

/** The contents of the `name` custom section, where present and well-formed. */
export interface NameSection {
  module: string | null;
  readonly functions: Map<FuncIndex, string>;
  readonly locals: Map<FuncIndex, Map<number, string>>;
  readonly types: Map<TypeIndex, string>;
  readonly fields: Map<TypeIndex, Map<number, string>>;
  readonly tables: Map<TableIndex, string>;
  readonly memories: Map<MemoryIndex, string>;
  readonly globals: Map<GlobalIndex, string>;
  readonly elements: Map<ElemIndex, string>;
  readonly data: Map<DataIndex, string>;
  readonly tags: Map<TagIndex, string>;
  readonly labels: Map<FuncIndex, Map<number, string>>;
}

/** Size, in bytes, of each section that was present, by section name ("type", "code", "custom:name"...). */
export type SectionSizes = Map<string, number>;

/** A decoded and validated module. Index spaces list imports first. */
export interface Module {
  readonly types: readonly SubType[];
  readonly recGroups: readonly RecGroup[];
  readonly imports: readonly Import[];
  readonly exports: readonly Export[];
  /** Type index of every function in the function index space. */
  readonly functions: readonly TypeIndex[];
  readonly tables: readonly TableDecl[];
  readonly memories: readonly MemoryType[];
  readonly globals: readonly GlobalDecl[];
  readonly tags: readonly TagType[];
  readonly numImportedFuncs: number;
  readonly numImportedTables: number;
  readonly numImportedMemories: number;
  readonly numImportedGlobals: number;
  readonly numImportedTags: number;
  readonly elements: readonly ElementSegment[];
  readonly data: readonly DataSegment[];
  /** The data count section's value, or null. */
  readonly dataCount: number | null;
  readonly start: FuncIndex | null;
  /** Bodies of defined functions, indexed by DefinedFuncIndex. */
  readonly bodies: readonly FunctionBody[];
  readonly customSections: readonly CustomSection[];
  readonly names: NameSection;
  /** Functions that may be referenced by `ref.func` (declared in elements, exports or globals). */
  readonly declaredFuncRefs: ReadonlySet<FuncIndex>;
  /** Features the module actually uses (for `inspect` and backend selection). */
  readonly featuresUsed: ReadonlySet<string>;
  readonly sectionSizes: SectionSizes;
  /** The bytes the module was decoded from; byte ranges refer to these. */
  readonly bytes: Uint8Array;
  /** The wasm backend's rewrite sites, when decoded with `recordSites` (absent otherwise). */
  readonly codeSites?: CodeSites;
  /**
   * Decoded with `validateBodies: 'lazy'`: the function bodies not validated yet (`validateBody` validates one
   * before its first use). Absent when every body was validated while decoding (or none will be).
   */
  readonly pendingBodies?: PendingBodies;
}

/**
 * The bodies of a module decoded with `validateBodies: 'lazy'` that are still to be validated. Until they are,
 * `featuresUsed` lacks what only they use.
 */
export interface PendingBodies {
  /** The proposals the bodies are validated against (the decode's). */
  readonly features: WasmFeatures;
  /** Per DefinedFuncIndex: 1 while the body has not been validated. */
  readonly pending: Uint8Array;
}

/** The import counts that relate an index space to its defined entities. */
export type ImportCounts = Pick<
  Module,
  'numImportedFuncs' | 'numImportedTables' | 'numImportedMemories' | 'numImportedGlobals'
>;

// Between an index space (imports first) and its defined entities, as wasmtime's `Module::defined_func_index` and
// `Module::func_index` do. Each `defined*` returns null for an imported entity.

/** The defined index of function `f`, or null when `f` is imported. */
export function definedFuncIndex(m: ImportCounts, f: FuncIndex): DefinedFuncIndex | null {
  return f < m.numImportedFuncs ? null : ((f - m.numImportedFuncs) as DefinedFuncIndex);
}
/** The FuncIndex of defined function `d`. */
export function funcIndexOfDefined(m: ImportCounts, d: DefinedFuncIndex): FuncIndex {
  return (m.numImportedFuncs + d) as FuncIndex;
}
/** The defined index of table `t`, or null when `t` is imported. */
export function definedTableIndex(m: ImportCounts, t: TableIndex): DefinedTableIndex | null {
  return t < m.numImportedTables ? null : ((t - m.numImportedTables) as DefinedTableIndex);
}
/** The TableIndex of defined table `d`. */
export function tableIndexOfDefined(m: ImportCounts, d: DefinedTableIndex): TableIndex {
  return (m.numImportedTables + d) as TableIndex;
}
/** The defined index of memory `i`, or null when `i` is imported. */
export function definedMemoryIndex(m: ImportCounts, i: MemoryIndex): DefinedMemoryIndex | null {
  return i < m.numImportedMemories ? null : ((i - m.numImportedMemories) as DefinedMemoryIndex);
}
/** The MemoryIndex of defined memory `d`. */
export function memoryIndexOfDefined(m: ImportCounts, d: DefinedMemoryIndex): MemoryIndex {
  return (m.numImportedMemories + d) as MemoryIndex;
}
/** The defined index of global `g`, or null when `g` is imported. */
export function definedGlobalIndex(m: ImportCounts, g: GlobalIndex): DefinedGlobalIndex | null {
  return g < m.numImportedGlobals ? null : ((g - m.numImportedGlobals) as DefinedGlobalIndex);
}
/** The GlobalIndex of defined global `d`. */
export function globalIndexOfDefined(m: ImportCounts, d: DefinedGlobalIndex): GlobalIndex {
  return (m.numImportedGlobals + d) as GlobalIndex;
}

/**
 * Positions in `Module.bytes` of the opcodes of every operator, in every body, that the wasm backend may
 * rewrite or insert code before: `call`, `call_indirect`, `return_call`, `return_call_indirect` (0x10-0x13),
 * `global.get`, `global.set` (0x23, 0x24), `memory.grow` (0x40), `ref.func` (0xd2), the trapping
 * float-to-integer truncations (0xa8-0xab, 0xae-0xb1), `table.grow` (the 0xfc prefix byte) and
 * `memory.atomic.wait32` / `memory.atomic.wait64` (the 0xfe prefix byte). The opcode byte at a position tells
 * which.
 */
export interface CodeSites {
  /** The positions, in body order; the first `count` entries are valid. */
  readonly positions: Int32Array;
  /** How many positions there are. */
  readonly count: number;
  /** Per defined function `i`: its sites are `positions[i === 0 ? 0 : ends[i - 1], ends[i])`. */
  readonly ends: Int32Array;
  /**
   * Per defined function, where `scanSites` found the sites: the `SHAPE_*` bits (validator/sites.ts) of what its
   * body has beside its sites (loops, exception handlers, `call_ref`, `return_call_ref`), so that an analysis of
   * the code's calls and loops (codegen's epoch entries) reads the sites instead of walking every body again.
   * Absent where the validator recorded the sites.
   */
  readonly shapes?: Uint8Array;
  /**
   * Per site (as `positions`), where `scanSites` found the sites: 1 when the site is inside a `loop` of its body,
   * so that the epoch analysis knows which calls a loop header's check precedes without walking the bodies with
   * loops. Absent where the validator recorded the sites.
   */
  readonly inLoop?: Uint8Array;
}
