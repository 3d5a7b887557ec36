// The module decoder's state and its per-section readers. One pass over the bytes: each section is
// read and validated as it arrives (a section only refers to index spaces defined before it), then
// `finish` builds the `Module`. Type section and constant expressions live in sibling files.

import { invalid, malformed } from '../errors.js';
import { FEATURE_NAMES, type Feature, type WasmFeatures } from '../features.js';
import { checkLimit, IMPLEMENTATION_LIMITS, type ImplementationLimit, ImplementationLimitError } from '../limits.js';
import type {
  CustomSection,
  DataSegment,
  ElementSegment,
  Export,
  ExternKind,
  FunctionBody,
  GlobalDecl,
  Import,
  NameSection,
  SectionSizes,
  TableDecl,
} from '../module.js';
import { BinaryReader } from '../reader.js';
import { isSubtype } from '../subtyping.js';
import {
  FUNCREF,
  FuncIndex,
  type FuncType,
  type GlobalType,
  HeapKind,
  type HeapType,
  I32,
  I64,
  type Limits,
  MAX_ABSTRACT_HEAP,
  MemoryIndex,
  type MemoryType,
  MIN_ABSTRACT_HEAP,
  type RecGroup,
  refNullable,
  refType,
  type SubType,
  TableIndex,
  type TableType,
  type TagType,
  TypeIndex,
  type ValType,
} from '../types.js';
import { constExpr } from './const-expr.js';

/** A BinaryReader whose truncation message says whether the input ended inside a section. */
export class ModuleReader extends BinaryReader {
  /** True while reading a section's payload. */
  inSection = false;
  override unexpectedEnd(): never {
    return malformed(this.inSection ? 'unexpected end of section or function' : 'unexpected end', this.pos);
  }
}

/** Creates an empty name section. */
export function emptyNames(): NameSection {
  return {
    module: null,
    functions: new Map(),
    locals: new Map(),
    types: new Map(),
    fields: new Map(),
    tables: new Map(),
    memories: new Map(),
    globals: new Map(),
    elements: new Map(),
    data: new Map(),
    tags: new Map(),
    labels: new Map(),
  };
}

const EXTERN_KINDS: readonly ExternKind[] = ['func', 'table', 'memory', 'global', 'tag'];

/** Decoder state: the index spaces as they are built, section by section. */
export class Decoder {
  readonly r: ModuleReader;
  readonly featuresUsed = new Set<string>();
  readonly types: SubType[] = [];
  readonly recGroups: RecGroup[] = [];
  /** How many declared supertypes each type has above it. */
  readonly subtypeDepths: number[] = [];
  /** Concrete heap types below this index are in scope (the end of the rec group being read). */
  typeLimit = 0;
  readonly imports: Import[] = [];
  readonly exports: Export[] = [];
  readonly functions: TypeIndex[] = [];
  readonly tables: TableDecl[] = [];
  readonly memories: MemoryType[] = [];
  readonly globals: GlobalDecl[] = [];
  readonly tags: TagType[] = [];
  numImportedFuncs = 0;
  numImportedTables = 0;
  numImportedMemories = 0;
  numImportedGlobals = 0;
  numImportedTags = 0;
  readonly elements: ElementSegment[] = [];
  readonly data: DataSegment[] = [];
  dataCount: number | null = null;
  start: FuncIndex | null = null;
  readonly bodies: FunctionBody[] = [];
  readonly customSections: CustomSection[] = [];
  names: NameSection = emptyNames();
  readonly declaredFuncRefs = new Set<FuncIndex>();
  readonly sectionSizes: SectionSizes = new Map();
  /** End of the section being read; constant expressions must not run past it. */
  sectionEnd = 0;
  /** Count given by the function section, or -1 when it is absent. */
  declaredFuncCount = -1;
  /** Count given by the code section, or -1 when it is absent. */
  codeCount = -1;
  /** Count given by the data section, or -1 when it is absent. */
  dataSectionCount = -1;

  constructor(
    readonly bytes: Uint8Array,
    readonly features: WasmFeatures,
  ) {
    this.r = new ModuleReader(bytes);
  }

  /** Requires `feature` to be enabled and records it as used. */
  need(feature: Exclude<Feature, 'mvp'>, offset: number): void {
    if (!this.features[feature]) invalid(`${FEATURE_NAMES[feature]} support is not enabled`, offset);
    this.featuresUsed.add(feature);
  }

  /**
   * A vector's count, checked against an implementation limit (with `before` items already in its index
   * space). A count the remaining input cannot hold (every item takes a byte) is left to fail at the
   * end of input, as the reference interpreter reports it.
   */
  count(limit: ImplementationLimit, what: string, before = 0): number {
    const r = this.r;
    const p = r.pos;
    const n = r.u32();
    if (n <= r.end - r.pos) checkLimit(limit, before + n, what, p);
    return n;
  }

  // ---- types -------------------------------------------------------------------------------

  /** A heap type: a type index in scope or an abstract heap type allowed by the features. */
  heapType(): HeapType {
    const r = this.r;
    const start = r.pos;
    const h = r.s33();
    if (h >= 0) {
      if (h >= this.typeLimit) invalid(`unknown type ${h}`, start);
      return h;
    }
    if (h < MIN_ABSTRACT_HEAP || h > MAX_ABSTRACT_HEAP) malformed('malformed heap type', start);
    this.needForHeap(h, start);
    return h;
  }

  private needForHeap(h: HeapType, start: number): void {
    if (h === HeapKind.Func || h === HeapKind.Extern) this.need('referenceTypes', start);
    else if (h === HeapKind.Exn || h === HeapKind.NoExn) this.need('exceptions', start);
    else this.need('gc', start);
  }

  /** A value type. */
  valType(): ValType {
    const r = this.r;
    const start = r.pos;
    const b = r.u8();
    if (b >= 0x7c && b <= 0x7f) return b;
    if (b === 0x7b) {
      this.need('simd', start);
      return b;
    }
    const t = this.refTypeFrom(b, start);
    if (t < 0) malformed('malformed value type', start);
    return t;
  }

  /** A reference type. */
  refType(): ValType {
    const start = this.r.pos;
    const t = this.refTypeFrom(this.r.u8(), start);
    if (t < 0) malformed('malformed reference type', start);
    return t;
  }

  /** The reference type introduced by byte `b`, or -1 if `b` starts none. */
  private refTypeFrom(b: number, start: number): ValType {
    if (b === 0x63 || b === 0x64) {
      this.need('functionReferences', start);
      return refType(this.heapType(), b === 0x63);
    }
    const h = b - 0x80;
    if (h < MIN_ABSTRACT_HEAP || h > MAX_ABSTRACT_HEAP) return -1;
    this.needForHeap(h, start);
    return refType(h, true);
  }

  /** The function type at a type index, checking the index. */
  funcType(index: number, offset: number): FuncType {
    if (index >= this.types.length) invalid(`unknown type ${index}`, offset);
    const c = this.types[index].composite;
    if (c.kind !== 'func') invalid(`type mismatch: type ${index} is not a function type`, offset);
    return c;
  }

  private typeIndexOfFunc(): TypeIndex {
    const start = this.r.pos;
    const index = TypeIndex(this.r.u32());
    this.funcType(index, start);
    return index;
  }

  /** Limits of a table or memory; returns the flags byte's meaning. */
  private limits(memory: boolean): { limits: Limits; shared: boolean; index64: boolean; pageSizeLog2: number } {
    const r = this.r;
    const start = r.pos;
    const flags = r.u8();
    const maxFlags = memory ? 0x0f : 0x05;
    if (flags > maxFlags || (!memory && flags & 0x02) || (flags & 0x08 && !this.features.customPageSizes)) {
      malformed('malformed limits flags', start);
    }
    const hasMax = (flags & 1) !== 0;
    const shared = (flags & 2) !== 0;
    const index64 = (flags & 4) !== 0;
    // table64 is part of the memory64 proposal.
    if (index64) this.need('memory64', start);
    // Limits are read as u64 whatever the address type (as the reference interpreter does), so an
    // over-long 32-bit value is a validation error rather than a malformed integer. Compared as
    // bigints, since values above 2^53 round as numbers.
    const minBig = r.u64();
    const maxBig = hasMax ? r.u64() : null;
    if (!index64 && !memory && (minBig > 0xffffffffn || (maxBig !== null && maxBig > 0xffffffffn))) {
      invalid('table size must be at most 2^32-1', start);
    }
    let pageSizeLog2 = 16;
    let pagesLimit = memory ? (index64 ? 2n ** 48n : 65536n) : 2n ** 64n;
    if (flags & 0x08) {
      const p = r.pos;
      pageSizeLog2 = r.u32();
      if (pageSizeLog2 !== 0 && pageSizeLog2 !== 16) malformed('invalid custom page size', p);
      this.need('customPageSizes', start);
      if (pageSizeLog2 === 0) pagesLimit = index64 ? 2n ** 64n - 1n : 0xffffffffn;
    }
    if (memory && (minBig > pagesLimit || (maxBig !== null && maxBig > pagesLimit))) {
      invalid(
        index64 || pageSizeLog2 !== 16
          ? `memory size must be at most ${pagesLimit} pages`
          : 'memory size must be at most 65536 pages (4GiB)',
        start,
      );
    }
    if (maxBig !== null && minBig > maxBig) invalid('size minimum must not be greater than maximum', start);
    const min = Number(minBig);
    const max = maxBig === null ? null : Number(maxBig);
    if (shared) {
      this.need('threads', start);
      if (max === null) invalid('shared memory must have maximum', start);
    }
    return { limits: { min, max }, shared, index64, pageSizeLog2 };
  }

  private tableType(): TableType {
    // A funcref table is Wasm 1.0; other element types need reference types or later proposals.
    let element: ValType;
    if (this.r.peek() === 0x70) {
      this.r.u8();
      element = FUNCREF;
    } else element = this.refType();
    const { limits, index64 } = this.limits(false);
    return { element, limits, index64 };
  }

  private memoryType(): MemoryType {
    const { limits, shared, index64, pageSizeLog2 } = this.limits(true);
    return { limits, shared, index64, pageSizeLog2 };
  }

  private globalType(): GlobalType {
    const type = this.valType();
    const p = this.r.pos;
    const m = this.r.u8();
    if (m > 1) malformed('malformed mutability', p);
    return { type, mutable: m === 1 };
  }

  private tagType(): TagType {
    const r = this.r;
    const p = r.pos;
    this.need('exceptions', p);
    if (r.u8() !== 0) malformed('malformed tag attribute', p);
    const q = r.pos;
    const typeIndex = TypeIndex(r.u32());
    const ft = this.funcType(typeIndex, q);
    if (ft.results.length !== 0) invalid('non-empty tag result type', q);
    return { typeIndex };
  }

  // ---- sections ------------------------------------------------------------------------------

  /** Import section (id 2). */
  importSection(): void {
    const r = this.r;
    const n = this.count('imports', 'imports');
    for (let i = 0; i < n; i++) {
      const module = r.name();
      const name = r.name();
      const kp = r.pos;
      const kind = r.u8();
      switch (kind) {
        case 0: {
          const typeIndex = this.typeIndexOfFunc();
          this.imports.push({ module, name, type: { kind: 'func', typeIndex }, index: this.functions.length });
          this.functions.push(typeIndex);
          this.numImportedFuncs++;
          break;
        }
        case 1: {
          const type = this.tableType();
          this.imports.push({ module, name, type: { kind: 'table', type }, index: this.tables.length });
          this.tables.push({ type, init: null });
          this.numImportedTables++;
          break;
        }
        case 2: {
          const type = this.memoryType();
          this.imports.push({ module, name, type: { kind: 'memory', type }, index: this.memories.length });
          this.memories.push(type);
          this.numImportedMemories++;
          break;
        }
        case 3: {
          const type = this.globalType();
          if (type.mutable) this.need('mutableGlobal', kp);
          this.imports.push({ module, name, type: { kind: 'global', type }, index: this.globals.length });
          this.globals.push({ type, init: null });
          this.numImportedGlobals++;
          break;
        }
        case 4: {
          const type = this.tagType();
          this.imports.push({ module, name, type: { kind: 'tag', type }, index: this.tags.length });
          this.tags.push(type);
          this.numImportedTags++;
          break;
        }
        default:
          malformed('malformed import kind', kp);
      }
    }
    this.checkCounts(r.pos);
  }

  /** Rejects multiple memories or tables when their proposals are disabled, and counts over the limits. */
  private checkCounts(offset: number): void {
    checkLimit('functions', this.functions.length, 'functions', offset);
    checkLimit('tables', this.tables.length, 'tables', offset);
    checkLimit('memories', this.memories.length, 'memories', offset);
    checkLimit('globals', this.globals.length, 'globals', offset);
    checkLimit('tags', this.tags.length, 'tags', offset);
    if (this.memories.length > 1) {
      if (!this.features.multiMemory) invalid('multiple memories', offset);
      this.featuresUsed.add('multiMemory');
    }
    if (this.tables.length > 1) {
      if (!this.features.referenceTypes) invalid('multiple tables', offset);
      this.featuresUsed.add('referenceTypes');
    }
  }

  /** Function section (id 3). */
  functionSection(): void {
    const n = this.count('functions', 'functions', this.functions.length);
    this.declaredFuncCount = n;
    for (let i = 0; i < n; i++) this.functions.push(this.typeIndexOfFunc());
  }

  /** Table section (id 4). */
  tableSection(): void {
    const r = this.r;
    const n = this.count('tables', 'tables', this.tables.length);
    for (let i = 0; i < n; i++) {
      const p = r.pos;
      if (r.peek() === 0x40) {
        r.u8();
        if (r.u8() !== 0) malformed('malformed table', p);
        this.need('functionReferences', p);
        const type = this.tableType();
        const init = constExpr(this, type.element, this.globals.length);
        this.tables.push({ type, init });
      } else {
        const type = this.tableType();
        if (!refNullable(type.element)) invalid('type mismatch: table of non-nullable type needs an initializer', p);
        this.tables.push({ type, init: null });
      }
    }
    this.checkCounts(r.pos);
  }

  /** Memory section (id 5). */
  memorySection(): void {
    const r = this.r;
    const n = this.count('memories', 'memories', this.memories.length);
    for (let i = 0; i < n; i++) this.memories.push(this.memoryType());
    this.checkCounts(r.pos);
  }

  /** Tag section (id 13). */
  tagSection(): void {
    const n = this.count('tags', 'tags', this.tags.length);
    for (let i = 0; i < n; i++) this.tags.push(this.tagType());
  }

  /** Global section (id 6). */
  globalSection(): void {
    const n = this.count('globals', 'globals', this.globals.length);
    for (let i = 0; i < n; i++) {
      const type = this.globalType();
      const init = constExpr(this, type.type, this.globals.length);
      this.globals.push({ type, init });
    }
  }

  /** Export section (id 7). */
  exportSection(): void {
    const r = this.r;
    const n = this.count('exports', 'exports');
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const np = r.pos;
      const name = r.name();
      const kp = r.pos;
      const k = r.u8();
      if (k > 4) malformed('malformed export kind', kp);
      const ip = r.pos;
      const index = r.u32();
      const kind = EXTERN_KINDS[k];
      let count: number;
      switch (k) {
        case 0:
          count = this.functions.length;
          break;
        case 1:
          count = this.tables.length;
          break;
        case 2:
          count = this.memories.length;
          break;
        case 3:
          count = this.globals.length;
          break;
        default:
          this.need('exceptions', kp);
          count = this.tags.length;
      }
      if (index >= count) invalid(`unknown ${kind === 'func' ? 'function' : kind} ${index}`, ip);
      if (k === 0) this.declaredFuncRefs.add(FuncIndex(index));
      else if (k === 3 && this.globals[index].type.mutable) this.need('mutableGlobal', kp);
      if (seen.has(name)) invalid('duplicate export name', np);
      seen.add(name);
      this.exports.push({ name, kind, index } as Export); // index: of kind's space, checked above
    }
  }

  /** Start section (id 8). */
  startSection(): void {
    const r = this.r;
    const p = r.pos;
    const index = FuncIndex(r.u32());
    if (index >= this.functions.length) invalid(`unknown function ${index}`, p);
    const ft = this.types[this.functions[index]].composite as FuncType;
    if (ft.params.length !== 0 || ft.results.length !== 0) invalid('start function', p);
    this.start = index;
  }

  /** A table index, checked. */
  private tableIndex(): TableIndex {
    const p = this.r.pos;
    const t = TableIndex(this.r.u32());
    if (t >= this.tables.length) invalid(`unknown table ${t}`, p);
    return t;
  }

  /** The address type of a table or memory. */
  private addrType(index64: boolean): ValType {
    return index64 ? I64 : I32;
  }

  /** Element section (id 9). */
  elementSection(): void {
    const r = this.r;
    const n = this.count('elementSegments', 'element segments');
    for (let i = 0; i < n; i++) {
      const p = r.pos;
      const flags = r.u32();
      if (flags > 7) malformed('malformed elements segment kind', p);
      if (flags !== 0) this.need('bulkMemory', p);
      const mode = (flags & 1) === 0 ? 'active' : (flags & 2) === 0 ? 'passive' : 'declarative';
      let table = TableIndex(0);
      let offset = null;
      if (mode === 'active') {
        const tp = r.pos;
        if (flags & 2) table = this.tableIndex();
        else if (this.tables.length === 0) invalid('unknown table 0', tp);
        offset = constExpr(this, this.addrType(this.tables[table].type.index64), this.globals.length);
      }
      const usesExprs = (flags & 4) !== 0;
      let type: ValType;
      if (flags & 3) {
        const kp = r.pos;
        if (usesExprs) type = this.refType();
        else {
          if (r.u8() !== 0) malformed('malformed element kind', kp);
          type = refType(HeapKind.Func, false);
        }
      } else type = usesExprs ? FUNCREF : refType(HeapKind.Func, false);
      let funcIndices: FuncIndex[] | null = null;
      let exprs: { start: number; end: number }[] | null = null;
      if (usesExprs) {
        const m = this.count('elementSegmentItems', 'element segment items');
        exprs = [];
        for (let j = 0; j < m; j++) exprs.push(constExpr(this, type, this.globals.length));
      } else {
        const m = this.count('elementSegmentItems', 'element segment items');
        funcIndices = [];
        const nf = this.functions.length;
        for (let j = 0; j < m; j++) {
          const fp = r.pos;
          const f = FuncIndex(r.u32());
          if (f >= nf) invalid(`unknown function ${f}`, fp);
          this.declaredFuncRefs.add(f);
          funcIndices.push(f);
        }
        // With only function indices, the precise type is a reference to their (possibly different) types.
      }
      if (mode === 'active' && !isSubtype(type, this.tables[table].type.element, this.types)) {
        invalid('type mismatch: element segment does not match its table', p);
      }
      this.elements.push({ mode, table, offset, type, funcIndices, exprs });
    }
  }

  /** Data count section (id 12). */
  dataCountSection(): void {
    this.need('bulkMemory', this.r.pos);
    const p = this.r.pos;
    this.dataCount = this.r.u32();
    checkLimit('dataSegments', this.dataCount, 'data segments', p);
  }

  /** Code section (id 10): records each body's range and locals; bodies are validated later. */
  codeSection(): void {
    const r = this.r;
    const n = r.u32();
    this.codeCount = n;
    const sectionEnd = r.end;
    for (let i = 0; i < n; i++) {
      const size = r.u32();
      const start = r.pos;
      if (size > sectionEnd - start) malformed('unexpected end of section or function', start);
      checkLimit('functionBodyBytes', size, 'function body bytes', start);
      const end = start + size;
      r.end = end;
      const groups = r.u32();
      const locals: [number, ValType][] = [];
      let total = 0;
      for (let g = 0; g < groups; g++) {
        const lp = r.pos;
        const count = r.u32();
        total += count;
        // The spec suite expects a malformed module, with this message, for 2^32 locals.
        if (total > IMPLEMENTATION_LIMITS.locals) {
          throw new ImplementationLimitError('locals', 'too many locals', lp, 'malformed');
        }
        locals.push([count, this.valType()]);
      }
      this.bodies.push({ range: { start, end }, codeStart: r.pos, locals });
      r.end = sectionEnd;
      r.pos = end;
    }
  }

  /** Data section (id 11). */
  dataSection(): void {
    const r = this.r;
    const n = this.count('dataSegments', 'data segments');
    this.dataSectionCount = n;
    for (let i = 0; i < n; i++) {
      const p = r.pos;
      const flags = r.u32();
      if (flags > 2) malformed('malformed data segment kind', p);
      if (flags === 1) {
        this.need('bulkMemory', p);
        const len = r.u32();
        this.data.push({ mode: 'passive', memory: MemoryIndex(0), offset: null, data: r.skip(len) });
        continue;
      }
      let memory = MemoryIndex(0);
      const mp = r.pos;
      if (flags === 2) memory = MemoryIndex(r.u32());
      if (memory >= this.memories.length) invalid(`unknown memory ${memory}`, mp);
      if (memory !== 0) this.featuresUsed.add('multiMemory');
      const offset = constExpr(this, this.addrType(this.memories[memory].index64), this.globals.length);
      const len = r.u32();
      this.data.push({ mode: 'active', memory, offset, data: r.skip(len) });
    }
  }
}
