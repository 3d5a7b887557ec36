// Instances and their VMContext (a flat array of slots laid out by environ's `VMOffsets`), the allocation
// request and the on-demand allocator, as in wasmtime's `runtime::vm::instance`.

import {
  DefinedGlobalIndex,
  DefinedMemoryIndex,
  DefinedTableIndex,
  DefinedTagIndex,
  definedFuncIndex,
  FuncIndex,
  GlobalIndex,
  globalLayout,
  globalWords,
  MemoryIndex,
  type Module,
  TableIndex,
  TagIndex,
  VMCTX_BUILTINS,
  VMCTX_EPOCH_COUNTER,
  VMCTX_INSTANCE,
  VMCTX_MAGIC,
  VMCTX_MAGIC_VALUE,
  VMCTX_RUNTIME_LIMITS,
  VMCTX_STORE,
  VMCTX_TYPE_IDS,
  type VMOffsets,
} from '@wasmts/environ';
import { Global } from './global.js';
import { Memory } from './memory.js';
import type { Store } from './store.js';
import { Table } from './table.js';
import { canonicalValType, defaultValue } from './type-registry.js';
import { Tag, VMFuncRef, type WasmFunction } from './values.js';

/** A VMContext: the slots generated code reads (see environ's vmoffsets.ts for the layout). */
export type VMContext = unknown[];

/** What the runtime needs to know about a compiled module (codegen's artifact stays behind this). */
export interface ModuleRuntimeInfo {
  /** The decoded, validated module. */
  readonly module: Module;
  /** The module's VMContext layout. */
  readonly offsets: VMOffsets;
  /** Engine-wide type id of each of the module's type indices (from `TypeRegistry.register`). */
  readonly typeIds: Int32Array;
}

/** Resolved imports, each list in its entity's import order. */
export interface Imports {
  /** Imported functions' references (their `fn` has the wasm calling convention). */
  readonly functions: readonly VMFuncRef[];
  /** Imported tables. */
  readonly tables: readonly Table[];
  /** Imported memories. */
  readonly memories: readonly Memory[];
  /** Imported global cells. */
  readonly globals: readonly Global[];
  /** Imported tags. */
  readonly tags: readonly Tag[];
}

/** Everything an allocator needs to create an instance. */
export interface InstanceAllocationRequest {
  /** The compiled module's runtime view. */
  readonly runtimeInfo: ModuleRuntimeInfo;
  /** The resolved imports. */
  readonly imports: Imports;
  /** Embedder state kept on the instance (the API's own instance handle data). */
  readonly hostState: unknown;
  /** The store the instance lives in. */
  readonly store: Store;
  /**
   * The defined memories get a host engine's memory at once (the API's wasm backend): an allocator hands
   * them no reused buffer, which would only be dropped.
   */
  readonly hostMemories?: boolean;
}

/** Allocates and frees instances (wasmtime's `InstanceAllocator`): on demand, or from a pool. */
export interface InstanceAllocator {
  /** Creates an instance with its VMContext, memories, tables, globals and tags; throws on limits. */
  allocate(request: InstanceAllocationRequest): Instance;
  /** Releases an instance's resources (a pool takes its slot back). */
  deallocate(instance: Instance): void;
}

const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_ITEMS: readonly unknown[] = Object.freeze([]);

/** What every instance of a module shares: computed once per `ModuleRuntimeInfo`, read at each instantiation. */
interface ModuleTemplate {
  /** Defined globals' engine-canonical types. */
  readonly globalTypes: readonly { readonly type: number; readonly mutable: boolean }[];
  /** Defined tags' engine type ids and canonical parameter types. */
  readonly tags: readonly { readonly typeId: number; readonly params: readonly number[] }[];
  /** Each data segment's bytes (views into the module's bytes). */
  readonly dataSegments: readonly Uint8Array[];
}

const templates = new WeakMap<ModuleRuntimeInfo, ModuleTemplate>();

function templateOf(info: ModuleRuntimeInfo): ModuleTemplate {
  let t = templates.get(info);
  if (t !== undefined) return t;
  const { module, typeIds } = info;
  const globalTypes = [];
  for (let i = module.numImportedGlobals; i < module.globals.length; i++) {
    const g = module.globals[i].type;
    globalTypes.push(Object.freeze({ type: canonicalValType(g.type, typeIds), mutable: g.mutable }));
  }
  const tags = [];
  for (let i = module.numImportedTags; i < module.tags.length; i++) {
    const ti = module.tags[i].typeIndex;
    const ft = module.types[ti].composite;
    const params = ft.kind === 'func' ? ft.params.map((p) => canonicalValType(p, typeIds)) : [];
    tags.push({ typeId: typeIds[ti], params: Object.freeze(params) });
  }
  const dataSegments = module.data.map((d) => module.bytes.subarray(d.data.start, d.data.end));
  t = { globalTypes, tags, dataSegments };
  templates.set(info, t);
  return t;
}

/** A module instance: its VMContext and the state the builtins and the API need. */
export class Instance {
  /** The VMContext slots. */
  readonly vmctx: VMContext;
  /** The compiled module's runtime view. */
  readonly runtimeInfo: ModuleRuntimeInfo;
  /** The decoded module. */
  readonly module: Module;
  /** The VMContext layout. */
  readonly offsets: VMOffsets;
  /** Engine-wide type ids of the module's types. */
  readonly typeIds: Int32Array;
  /** The store the instance lives in. */
  readonly store: Store;
  /** Embedder state from the allocation request. */
  readonly hostState: unknown;
  /** Defined functions by DefinedFuncIndex (from the compiled factory; see `setFunctions`). */
  functions: readonly WasmFunction[] = [];
  /** Each data segment's bytes; a dropped segment is empty. */
  readonly dataSegments: Uint8Array[];
  /** Each element segment's evaluated references (set by the API); a dropped segment is empty. */
  readonly elemSegments: (readonly unknown[])[];
  /** The words of the globals kept in storage (environ's `globalLayout`), which their `Global` objects view. */
  readonly globalStorage: Int32Array;
  /** The allocator's record of what the instance holds (a pool's slots), or null. */
  allocation: unknown = null;
  private extraFuncRefs: Map<number, VMFuncRef> | null = null;

  /** Builds the VMContext from a request: header, imports and fresh defined entities. */
  constructor(request: InstanceAllocationRequest, memories: Memory[], tables: Table[]) {
    const { runtimeInfo, imports, store } = request;
    const { module, offsets, typeIds } = runtimeInfo;
    this.runtimeInfo = runtimeInfo;
    this.module = module;
    this.offsets = offsets;
    this.typeIds = typeIds;
    this.store = store;
    this.hostState = request.hostState;
    const c = offsets.counts;
    checkCount('function', imports.functions.length, c.numImportedFuncs);
    checkCount('table', imports.tables.length, c.numImportedTables);
    checkCount('memory', imports.memories.length, c.numImportedMemories);
    checkCount('global', imports.globals.length, c.numImportedGlobals);
    checkCount('tag', imports.tags.length, c.numImportedTags);
    const v: VMContext = new Array(offsets.size).fill(null);
    v[VMCTX_MAGIC] = VMCTX_MAGIC_VALUE;
    v[VMCTX_RUNTIME_LIMITS] = store.runtimeLimits;
    v[VMCTX_BUILTINS] = store.builtins;
    v[VMCTX_STORE] = store;
    v[VMCTX_TYPE_IDS] = typeIds;
    v[VMCTX_EPOCH_COUNTER] = store.epochCounter;
    v[VMCTX_INSTANCE] = this;
    for (let i = FuncIndex(0); i < c.numImportedFuncs; i++) v[offsets.importedFunction(i)] = imports.functions[i];
    for (let i = TableIndex(0); i < c.numImportedTables; i++) v[offsets.importedTable(i)] = imports.tables[i];
    for (let i = MemoryIndex(0); i < c.numImportedMemories; i++) v[offsets.importedMemory(i)] = imports.memories[i];
    for (let i = GlobalIndex(0); i < c.numImportedGlobals; i++) v[offsets.importedGlobal(i)] = imports.globals[i];
    for (let i = TagIndex(0); i < c.numImportedTags; i++) v[offsets.importedTag(i)] = imports.tags[i];
    for (let i = DefinedTableIndex(0); i < tables.length; i++) v[offsets.definedTable(i)] = tables[i];
    for (let i = DefinedMemoryIndex(0); i < memories.length; i++) v[offsets.definedMemory(i)] = memories[i];
    const template = templateOf(runtimeInfo);
    const layout = globalLayout(module);
    this.globalStorage = new Int32Array(layout.size);
    for (let i = DefinedGlobalIndex(0); i < c.numDefinedGlobals; i++) {
      const type = template.globalTypes[i];
      const at = layout.word[c.numImportedGlobals + i];
      const words = at < 0 ? null : this.globalStorage.subarray(at, at + globalWords(type.type));
      v[offsets.definedGlobal(i)] = new Global(type, defaultValue(type.type), words);
    }
    for (let i = DefinedTagIndex(0); i < c.numDefinedTags; i++) {
      const tag = template.tags[i];
      v[offsets.definedTag(i)] = new Tag(tag.typeId, tag.params, store);
    }
    this.vmctx = v;
    this.dataSegments = template.dataSegments.slice();
    this.elemSegments = new Array(module.elements.length).fill(EMPTY_ITEMS);
  }

  /** Memory `index` (imported or defined). */
  memory(index: MemoryIndex): Memory {
    return this.vmctx[this.offsets.memory(index)] as Memory;
  }
  /** Table `index` (imported or defined). */
  table(index: TableIndex): Table {
    return this.vmctx[this.offsets.table(index)] as Table;
  }
  /** Global cell `index` (imported or defined). */
  global(index: GlobalIndex): Global {
    return this.vmctx[this.offsets.global(index)] as Global;
  }
  /** Tag `index` (imported or defined). */
  tag(index: TagIndex): Tag {
    return this.vmctx[this.offsets.tag(index)] as Tag;
  }

  /** Installs the defined functions (DefinedFuncIndex order) and fills the func ref slots of escaping ones. */
  setFunctions(functions: readonly WasmFunction[]): void {
    this.functions = functions;
    const m = this.module;
    for (const f of this.offsets.counts.escapedFuncs) {
      const slot = this.offsets.funcRef(f);
      const d = definedFuncIndex(m, f);
      if (d === null) this.vmctx[slot] = this.vmctx[this.offsets.importedFunction(f)];
      else this.vmctx[slot] = new VMFuncRef(functions[d], this.typeIds[m.functions[f]], this, this.store);
    }
  }

  /** The function reference of function `index` (one object per function, created on first use). */
  funcRef(index: FuncIndex): VMFuncRef {
    const m = this.module;
    const d = definedFuncIndex(m, index);
    if (d === null) return this.vmctx[this.offsets.importedFunction(index)] as VMFuncRef;
    const slot = this.offsets.funcRef(index);
    if (slot >= 0 && this.vmctx[slot] !== null) return this.vmctx[slot] as VMFuncRef;
    let ref = this.extraFuncRefs?.get(index);
    if (ref === undefined) {
      ref = new VMFuncRef(this.functions[d], this.typeIds[m.functions[index]], this, this.store);
      if (slot >= 0) this.vmctx[slot] = ref;
      else (this.extraFuncRefs ??= new Map()).set(index, ref);
    }
    return ref;
  }

  /** Sets element segment `index`'s evaluated references. */
  setElemSegment(index: number, items: readonly unknown[]): void {
    this.elemSegments[index] = items;
  }
  /** data.drop: the segment becomes empty. */
  dropData(index: number): void {
    this.dataSegments[index] = EMPTY_BYTES;
  }
  /** elem.drop: the segment becomes empty. */
  dropElem(index: number): void {
    this.elemSegments[index] = EMPTY_ITEMS;
  }
}

function checkCount(kind: string, got: number, want: number): void {
  if (got !== want) throw new TypeError(`expected ${want} imported ${kind}s, got ${got}`);
}

/** Creates every instance's memories and tables fresh, and lets the garbage collector free them. */
export class OnDemandInstanceAllocator implements InstanceAllocator {
  /** Allocates the instance; throws `ResourceLimitError` when a memory or table minimum is beyond limits. */
  allocate(request: InstanceAllocationRequest): Instance {
    const { module, typeIds } = request.runtimeInfo;
    const { store } = request;
    const t = store.tunables;
    const memories: Memory[] = [];
    for (let i = module.numImportedMemories; i < module.memories.length; i++) {
      memories.push(
        new Memory(module.memories[i], {
          maxBytes: t.maxMemoryBytes,
          limiter: store.resourceLimiter,
          hostBacked: request.hostMemories === true && !module.memories[i].shared,
          growthReservation: Math.max(t.memoryReservationForGrowth, t.memoryReservation),
          growInPlace: store.memoriesGrowInPlace === true,
        }),
      );
    }
    const tables: Table[] = [];
    for (let i = module.numImportedTables; i < module.tables.length; i++) {
      const tt = module.tables[i].type;
      const type = { ...tt, element: canonicalValType(tt.element, typeIds) };
      tables.push(new Table(type, null, { maxElements: t.maxTableElements, limiter: store.resourceLimiter }));
    }
    const instance = new Instance(request, memories, tables);
    store.instances.push(instance);
    return instance;
  }

  /** Nothing to do: the garbage collector frees what the instance held. */
  deallocate(_instance: Instance): void {}
}
