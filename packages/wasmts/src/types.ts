// The types of what a module imports and exports (wasmtime's `ExternType`, `ImportType`, `ExportType`).
//
// One representation for the types a module declares and the types live objects report: an import's or
// export's type is built from the same `FuncType`, `GlobalType`, `TableType` and `MemoryType` that `Func.ty()`,
// `Global.ty()`, `Table.ty()`, `Memory.ty()` and `Tag.ty()` return, engine-canonical (a concrete heap type in a
// `ValType` is an engine type id, never an index into the module's type section), so the two compare with
// `deepEqual`.

import type {
  Module as EnvironModule,
  FuncType,
  GlobalType,
  MemoryType,
  TableType,
  TypeIndex,
  ValType,
} from '@wasmts/environ';
import { canonicalValType, type TypeRegistry } from '@wasmts/runtime';

/**
 * The type of something a module imports or exports. Value types are the public `ValType`; limits are
 * numbers (exact below 2^53, which every size an engine can allocate is; only a declared maximum above
 * 2^53 of a 64-bit table or of a memory with 1-byte pages is rounded).
 */
export type ExternType =
  /** A function: its parameter and result types. */
  | { readonly kind: 'func'; readonly type: FuncType }
  /** A global: its value type and mutability. */
  | { readonly kind: 'global'; readonly type: GlobalType }
  /** A table: element reference type, limits in elements, whether indices are i64 (table64). */
  | { readonly kind: 'table'; readonly type: TableType }
  /** A memory: limits in pages, shared, i64 addresses (memory64), log2 of the page size (custom-page-sizes). */
  | { readonly kind: 'memory'; readonly type: MemoryType }
  /** An exception tag: its function type (the payload as parameters, no results), as `Tag.ty()` gives. */
  | { readonly kind: 'tag'; readonly type: FuncType };

/** An import of a module (wasmtime's `ImportType`): its two names and the type it expects. */
export interface ImportType {
  readonly module: string;
  readonly name: string;
  readonly type: ExternType;
}

/** An export of a module (wasmtime's `ExportType`): its name and the type of what it exports. */
export interface ExportType {
  readonly name: string;
  readonly type: ExternType;
}

/** Resolves a module's entity types to engine-canonical extern types. */
export class ExternTypes {
  private readonly module: EnvironModule;
  private readonly typeIds: Int32Array;
  private readonly registry: TypeRegistry;

  /** For `module`, whose type indices the engine registered as `typeIds` in `registry`. */
  constructor(module: EnvironModule, typeIds: Int32Array, registry: TypeRegistry) {
    this.module = module;
    this.typeIds = typeIds;
    this.registry = registry;
  }

  /** Every import, in order. */
  imports(): ImportType[] {
    return this.module.imports.map((i) => ({
      module: i.module,
      name: i.name,
      type: this.ofEntity(i.type.kind, i.index),
    }));
  }

  /** Every export, in order. */
  exports(): ExportType[] {
    return this.module.exports.map((e) => ({ name: e.name, type: this.ofEntity(e.kind, e.index) }));
  }

  /** The type of entity `index` in the index space of `kind` (imports come first in each). */
  private ofEntity(kind: 'func' | 'global' | 'table' | 'memory' | 'tag', index: number): ExternType {
    const m = this.module;
    switch (kind) {
      case 'func':
        return { kind, type: this.funcType(m.functions[index]) };
      case 'global': {
        const g = m.globals[index].type;
        return { kind, type: { type: this.valType(g.type), mutable: g.mutable } };
      }
      case 'table': {
        const t = m.tables[index].type;
        return { kind, type: { element: this.valType(t.element), limits: { ...t.limits }, index64: t.index64 } };
      }
      case 'memory': {
        const t = m.memories[index];
        const type = { limits: { ...t.limits }, shared: t.shared, index64: t.index64, pageSizeLog2: t.pageSizeLog2 };
        return { kind, type };
      }
      case 'tag':
        return { kind, type: this.funcType(m.tags[index].typeIndex) };
    }
  }

  /** The engine-canonical function type of a module type index (validation made it a function type). */
  private funcType(index: TypeIndex): FuncType {
    return this.registry.funcType(this.typeIds[index]);
  }

  private valType(t: ValType): ValType {
    return canonicalValType(t, this.typeIds);
  }
}
