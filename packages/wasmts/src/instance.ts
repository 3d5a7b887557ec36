// Instantiation in the spec's order: match imports, allocate, initialize globals and tables, apply
// active element then data segments (a bounds trap stops after earlier segments were applied), drop
// segments, run the start function.

import { dataSegmentOffset, elemSegmentItems, elemSegmentOffset } from '@wasmts/codegen';
import { type FuncType, GlobalIndex, type Import, TableIndex, TrapCode } from '@wasmts/environ';
import {
  canonicalValType,
  type Imports,
  matchGlobal,
  matchMemory,
  matchTable,
  matchTag,
  ResourceLimitError,
  type Global as RuntimeGlobal,
  type Instance as RuntimeInstance,
  type Memory as RuntimeMemory,
  type Table as RuntimeTable,
  type Tag as RuntimeTag,
  Trap,
  type VMFuncRef,
} from '@wasmts/runtime';
import type { Engine } from './engine.js';
import { registerFuncType } from './engine.js';
import {
  type Extern,
  exportOf,
  externKind,
  Func,
  Global,
  type HostFunc,
  hostCallbackOf,
  hostFuncRef,
  Table,
} from './externals.js';
import { Memory } from './memory.js';
import type { Module } from './module.js';
import type { Store } from './store.js';
import { Tag } from './tag.js';
import { callWasm, unboxed } from './trampoline.js';
import { LinkError } from './trap.js';
import { checkHostFuncArgs } from './values.js';
import { wasmState } from './wasm-backend/bridge.js';
import { instantiateHost } from './wasm-backend/instance.js';
import { WrongStoreError } from './wrong-store.js';

/**
 * A host function a `Linker` defines by type and callback (wasmtime's `HostFunc`): it belongs to no store,
 * and each instantiation makes its function reference for the importing instance directly.
 */
export class HostDefinition {
  /** The function type. */
  readonly type: FuncType;
  /** The callback. */
  // biome-ignore lint/suspicious/noExplicitAny: the store's data type is erased here
  readonly callback: HostFunc<any>;
  private readonly typeIds = new WeakMap<Engine, number>();

  // biome-ignore lint/suspicious/noExplicitAny: the store's data type is erased here
  constructor(type: FuncType, callback: HostFunc<any>) {
    checkHostFuncArgs('host function definition', type, callback);
    this.type = type;
    this.callback = callback;
  }
  /** The type's engine-wide id in `engine` (registered once per engine). */
  typeIdIn(engine: Engine): number {
    let id = this.typeIds.get(engine);
    if (id === undefined) this.typeIds.set(engine, (id = registerFuncType(engine, this.type)));
    return id;
  }
}

/** What an import resolves to: an extern, or a linker's host function definition. */
export type ImportItem = Extern | HostDefinition;

/** An instantiated module (wasmtime's `Instance`). */
export class Instance {
  /** The store the instance lives in. */
  readonly store: Store<unknown>;
  /** The module. */
  readonly module: Module;
  /** The runtime instance (VMContext and state). */
  readonly raw: RuntimeInstance;

  /** Instantiates `module` with imports given positionally, in the module's import order. */
  constructor(store: Store<unknown>, module: Module, imports: readonly Extern[]);
  constructor(store: Store<unknown>, module: Module, imports: readonly ImportItem[]) {
    this.store = store;
    this.module = module;
    this.raw = instantiate(store, module, imports);
  }

  /** The export `name`, or undefined. */
  getExport(name: string): Extern | undefined {
    return exportOf(this.store, this.raw, name);
  }
  /** The exported function `name`, or undefined. */
  getFunc(name: string): Func | undefined {
    const e = this.getExport(name);
    return e instanceof Func ? e : undefined;
  }
  /** The exported function `name` as a TypedFunc (throws if there is none). */
  getTypedFunc<P extends unknown[] = unknown[], R = unknown>(name: string) {
    const f = this.getFunc(name);
    if (f === undefined) throw new TypeError(`no exported function \`${name}\``);
    return f.typed<P, R>();
  }
  /** The exported memory `name`, or undefined. */
  getMemory(name: string): Memory | undefined {
    const e = this.getExport(name);
    return e instanceof Memory ? e : undefined;
  }
  /** The exported table `name`, or undefined. */
  getTable(name: string): Table | undefined {
    const e = this.getExport(name);
    return e instanceof Table ? e : undefined;
  }
  /** The exported global `name`, or undefined. */
  getGlobal(name: string): Global | undefined {
    const e = this.getExport(name);
    return e instanceof Global ? e : undefined;
  }
  /** The exported tag `name`, or undefined. */
  getTag(name: string): Tag | undefined {
    const e = this.getExport(name);
    return e instanceof Tag ? e : undefined;
  }
  /** Every export as `[name, extern]`, in the module's order. */
  exports(): [string, Extern][] {
    return this.raw.module.exports.map((e) => [e.name, exportOf(this.store, this.raw, e.name)!]);
  }
}

/** Instantiates with resolved items, host definitions included (what `Linker` and `InstancePre` use). */
export function instantiateItems(store: Store<unknown>, module: Module, items: readonly ImportItem[]): Instance {
  // the constructor's implementation takes ImportItems; its public signature lists only externs
  return new Instance(store, module, items as readonly Extern[]);
}

function incompatible(imp: Import, why?: string): LinkError {
  return new LinkError(`incompatible import type for \`${imp.module}::${imp.name}\`${why ? `: ${why}` : ''}`);
}

/** Throws a WrongStoreError naming the import if `x` belongs to another store than `store`. */
function checkStore(store: Store<unknown>, x: Extern, imp: Import): void {
  if (x.store !== store) throw new WrongStoreError(`${externKind(x)} imported as \`${imp.module}::${imp.name}\``);
}

/** Checks the imports against the module's import types and sorts them by kind. */
function resolveImports(
  store: Store<unknown>,
  module: Module,
  externs: readonly ImportItem[],
  hostState: { instance: RuntimeInstance | null },
): Imports {
  const m = module.module;
  if (externs.length !== m.imports.length)
    throw new LinkError(`expected ${m.imports.length} imports, found ${externs.length}`);
  const registry = store.typeRegistry;
  const typeIds = module.runtimeInfo.typeIds;
  const functions: VMFuncRef[] = [];
  const tables: RuntimeTable[] = [];
  const memories: RuntimeMemory[] = [];
  const globals: RuntimeGlobal[] = [];
  const tags: RuntimeTag[] = [];
  m.imports.forEach((imp, i) => {
    const x = externs[i];
    const t = imp.type;
    switch (t.kind) {
      case 'func': {
        if (x instanceof HostDefinition) {
          const id = x.typeIdIn(store.engine);
          if (!registry.matchFuncType(id, typeIds[t.typeIndex])) throw incompatible(imp, 'function types differ');
          functions.push(hostFuncRef(store, id, x.callback, () => hostState.instance));
          break;
        }
        if (!(x instanceof Func)) throw incompatible(imp, 'expected a function');
        checkStore(store, x, imp);
        if (!registry.matchFuncType(x.ref.typeId, typeIds[t.typeIndex]))
          throw incompatible(imp, 'function types differ');
        const cb = hostCallbackOf(x.ref);
        // A host function imported here gets a Caller for this instance (bound once `raw` exists).
        functions.push(cb === undefined ? x.ref : hostFuncRef(store, x.ref.typeId, cb, () => hostState.instance));
        break;
      }
      case 'table': {
        if (!(x instanceof Table)) throw incompatible(imp, 'expected a table');
        checkStore(store, x, imp);
        const expected = { ...t.type, element: canonicalValType(t.type.element, typeIds) };
        if (!matchTable(registry, x.raw, expected)) throw incompatible(imp, 'table types differ');
        tables.push(x.raw);
        break;
      }
      case 'memory':
        if (!(x instanceof Memory)) throw incompatible(imp, 'expected a memory');
        checkStore(store, x, imp);
        if (!matchMemory(x.raw, t.type)) throw incompatible(imp, 'memory types differ');
        memories.push(x.raw);
        break;
      case 'global': {
        if (!(x instanceof Global)) throw incompatible(imp, 'expected a global');
        checkStore(store, x, imp);
        const expected = { type: canonicalValType(t.type.type, typeIds), mutable: t.type.mutable };
        if (!matchGlobal(registry, x.raw, expected)) throw incompatible(imp, 'global types differ');
        globals.push(x.raw);
        break;
      }
      default:
        if (!(x instanceof Tag)) throw incompatible(imp, 'expected a tag');
        checkStore(store, x, imp);
        if (!matchTag(x.raw, typeIds[t.type.typeIndex])) throw incompatible(imp, 'tag types differ');
        tags.push(x.raw);
    }
  });
  return { functions, tables, memories, globals, tags };
}

/** Index operands as numbers (64-bit offsets as unsigned; beyond 2^53 stays out of range). */
function toOffset(x: number | bigint): number {
  return typeof x === 'number' ? x >>> 0 : Number(BigInt.asUintN(64, x));
}

/** Throws (wasmtime's message) when a store would hold more of an entity than its limiter allows. */
function checkLimit(what: string, count: number, max: number | undefined): void {
  if (max !== undefined && count > max)
    throw new ResourceLimitError(`resource limit exceeded: ${what} count too high at ${count}`);
}

/** Instantiates a module (see the file comment for the order). */
export function instantiate(store: Store<unknown>, module: Module, externs: readonly ImportItem[]): RuntimeInstance {
  if (module.engine !== store.engine) throw new TypeError('module and store belong to different engines');
  const hostState: { names: Module['names']; instance: RuntimeInstance | null } = {
    names: module.names,
    instance: null,
  };
  const imports = resolveImports(store, module, externs, hostState);
  const m = module.module;
  const counts = store.counts;
  const nMemories = m.memories.length - m.numImportedMemories;
  const nTables = m.tables.length - m.numImportedTables;
  // the wasm backend's store state exists before the first wasm-backend call (callWasm looks for it)
  if (module.wasm !== null) wasmState(store);
  const limiter = store.getLimiter();
  if (limiter !== null) {
    checkLimit('instance', counts.instances + 1, limiter.instances?.());
    checkLimit('memory', counts.memories + nMemories, limiter.memories?.());
    checkLimit('table', counts.tables + nTables, limiter.tables?.());
  }
  const inst = unboxed(() =>
    store.allocator.allocate({
      runtimeInfo: module.runtimeInfo,
      imports,
      hostState,
      store,
      hostMemories: module.wasm !== null,
    }),
  );
  counts.instances++;
  counts.memories += nMemories;
  counts.tables += nTables;
  hostState.instance = inst;
  const names = module.names;
  const wasm = module.wasm;
  if (wasm !== null) {
    let start: (() => void) | null = null;
    callWasm(
      store,
      () => {
        start = instantiateHost(store, inst, wasm);
      },
      [],
      names,
    );
    if (start !== null) callWasm(store, start, [], names);
    return inst;
  }
  // The factory only defines closures: what it throws is a bug, not a trap, so it stays outside callWasm.
  const r = module.factory(store.builtins, inst.vmctx);
  inst.setFunctions(r.funcs);
  callWasm(
    store,
    () => {
      for (let i = GlobalIndex(m.numImportedGlobals); i < m.globals.length; i++) {
        const init = r.globalInit[i];
        if (init !== null) inst.global(i).value = init();
      }
      for (let i = TableIndex(m.numImportedTables); i < m.tables.length; i++) {
        const init = r.tableInit[i];
        if (init !== null) inst.table(i).elements.fill(init());
      }
      for (let i = 0; i < m.elements.length; i++) {
        const seg = m.elements[i];
        if (seg.mode === 'declarative') continue;
        const items = elemSegmentItems(r, m, i, (f) => inst.funcRef(f));
        if (seg.mode === 'passive') {
          inst.setElemSegment(i, items);
          continue;
        }
        const offset = toOffset(elemSegmentOffset(r, m, i));
        const table = inst.table(seg.table);
        if (offset + items.length > table.elements.length) throw new Trap(TrapCode.TableOutOfBounds);
        for (let j = 0; j < items.length; j++) table.elements[offset + j] = items[j];
      }
      for (let i = 0; i < m.data.length; i++) {
        const seg = m.data[i];
        if (seg.mode === 'passive') continue;
        const bytes = inst.dataSegments[i];
        const offset = toOffset(dataSegmentOffset(r, m, i));
        const mem = inst.memory(seg.memory);
        if (offset + bytes.length > mem.byteLength) throw new Trap(TrapCode.MemoryOutOfBounds);
        mem.u8.set(bytes, offset);
        inst.dropData(i);
      }
      if (m.start !== null) inst.funcRef(m.start).fn();
    },
    [],
    names,
  );
  return inst;
}

/** Creates an API Func for a runtime function reference. */
export function funcFromRef(store: Store<unknown>, ref: VMFuncRef): Func {
  return Func.fromRef(store, ref);
}
