// Instantiating a wasm-backend module: the runtime instance (allocated as for the JS backend) gets host
// objects behind its memories, tables, globals and tags, the host engine instantiates the instrumented
// module against them, and the escaping functions come back as VMFuncRefs.

import {
  DefinedFuncIndex,
  FuncIndex,
  type FuncType,
  funcIndexOfDefined,
  GlobalIndex,
  I32,
  I64,
  MemoryIndex,
  type MemoryType,
  TableIndex,
  TagIndex,
  type ValType,
} from '@wasmts/environ';
import {
  type Global as RuntimeGlobal,
  type Instance as RuntimeInstance,
  type Memory as RuntimeMemory,
  type Table as RuntimeTable,
  VMFuncRef,
  type WasmFunction,
} from '@wasmts/runtime';
import { registerFuncType } from '../engine.js';
import type { Store } from '../store.js';
import { LinkError } from '../trap.js';
import {
  callableOf,
  descriptorTypeName,
  fromHostValue,
  guardedCall,
  hostFunctionOf,
  importCallOf,
  registerHostFunction,
  toHostValue,
  type WasmStoreState,
  wasmState,
} from './bridge.js';
import type { WasmCode } from './compile.js';
import {
  type HostFunction,
  type HostGlobal,
  type HostInstance,
  type HostMemory,
  type HostTable,
  type HostTag,
  hostApi,
} from './host-api.js';
import { takeHostMemory } from './memory-pool.js';

/** The host memory of a runtime memory, attaching one (and copying the bytes) the first time. */
export function hostMemoryOf(mem: RuntimeMemory): HostMemory {
  if (mem.host === null) {
    const max = mem.type.limits.max;
    const host = new (hostApi().Memory)({
      initial: mem.pages,
      ...(max !== null ? { maximum: max } : {}),
      ...(mem.shared ? { shared: true } : {}),
    });
    mem.attachHost(host);
  }
  return mem.host as HostMemory;
}

const hostTables = new WeakMap<RuntimeTable, HostTable>();

/** A table backing over a host table: values converted between the runtime's and the host's forms. */
function tableBacking(state: WasmStoreState, t: HostTable, element: ValType) {
  return {
    get length() {
      return t.length;
    },
    get: (i: number) => fromHostValue(state, element, t.get(i)),
    set: (i: number, v: unknown) => t.set(i, toHostValue(state, element, v)),
    grow: (delta: number, init: unknown) => t.grow(delta, toHostValue(state, element, init)),
  };
}

/** The host table of a runtime table, attaching one (and copying the elements) the first time. */
export function hostTableOf(state: WasmStoreState, table: RuntimeTable): HostTable {
  let host = hostTables.get(table);
  if (host === undefined) {
    const max = table.type.limits.max;
    host = new (hostApi().Table)({
      element: descriptorTypeName(table.element),
      initial: table.size,
      ...(max !== null ? { maximum: max } : {}),
    });
    table.attachHost(tableBacking(state, host, table.element));
    hostTables.set(table, host);
  }
  return host;
}

const hostGlobals = new WeakMap<RuntimeGlobal, HostGlobal>();

/** A global backing over a host global. */
function globalBacking(state: WasmStoreState, g: HostGlobal, type: ValType): { value: unknown } {
  return {
    get value() {
      return fromHostValue(state, type, g.value);
    },
    set value(v: unknown) {
      g.value = toHostValue(state, type, v);
    },
  };
}

/** The host global of a runtime global cell, attaching one the first time. */
export function hostGlobalOf(state: WasmStoreState, cell: RuntimeGlobal): HostGlobal {
  let host = hostGlobals.get(cell);
  if (host === undefined) {
    host = new (hostApi().Global)(
      { value: descriptorTypeName(cell.type), mutable: cell.mutable },
      toHostValue(state, cell.type, cell.value),
    );
    cell.attachHost(globalBacking(state, host, cell.type), false);
    hostGlobals.set(cell, host);
  }
  return host;
}

function growFunc(store: Store<unknown>, type: FuncType, fn: WasmFunction): HostFunction {
  return importCallOf(wasmState(store), new VMFuncRef(fn, registerFuncType(store.engine, type), null, store));
}

/**
 * Instantiates the host module of `code` for the allocated runtime instance `inst` (imports resolved and
 * matched by the caller). Returns the start function to run, or null. Host errors propagate (the caller
 * runs this inside the entry trampoline, which converts them).
 */
export function instantiateHost(store: Store<unknown>, inst: RuntimeInstance, code: WasmCode): (() => void) | null {
  const state = wasmState(store);
  const m = inst.module;
  const api = hostApi();
  const imports: Record<string, Record<string, unknown>> = Object.create(null);
  const put = (module: string, name: string, v: unknown) => {
    let names = imports[module];
    if (names === undefined) imports[module] = names = Object.create(null) as Record<string, unknown>;
    names[name] = v;
  };
  let fi = FuncIndex(0);
  let ti = TableIndex(0);
  let mi = MemoryIndex(0);
  let gi = GlobalIndex(0);
  let tgi = TagIndex(0);
  for (const imp of m.imports) {
    switch (imp.type.kind) {
      case 'func': {
        const ref = inst.funcRef(fi);
        put(imp.module, imp.name, code.escaping.has(fi) ? hostFunctionOf(state, ref) : importCallOf(state, ref));
        fi++;
        break;
      }
      case 'table':
        put(imp.module, imp.name, hostTableOf(state, inst.table(ti)));
        ti++;
        break;
      case 'memory':
        put(imp.module, imp.name, hostMemoryOf(inst.memory(mi)));
        mi++;
        break;
      case 'global':
        put(imp.module, imp.name, hostGlobalOf(state, inst.global(gi)));
        gi++;
        break;
      default:
        put(imp.module, imp.name, state.hostTagOf(inst.tag(tgi)));
        tgi++;
    }
  }
  const ownMemories: [MemoryType, HostMemory][] = [];
  for (const h of code.instrumented.hostImports) {
    let v: unknown;
    if (h.kind === 'memory') {
      // a defined memory the instrumentation made an import (pooling): a kept one or a new one
      const mem = inst.memory(MemoryIndex(h.entity as number));
      const host = takeHostMemory(store.engine, mem);
      ownMemories.push([mem.type, host]);
      put('wasmts', h.name, host);
      continue;
    }
    switch (h.name) {
      case 'fuel':
        v = state.fuel;
        break;
      case 'epoch_countdown':
        v = state.epochCountdown;
        break;
      case 'call_depth':
        v = state.callDepth;
        break;
      case 'pending':
        v = state.pending;
        break;
      case 'indirect_index':
        v = state.indirectIndex;
        break;
      case 'indirect_instance':
        v = state.indirectInstance;
        break;
      case 'instance_id':
        v = state.instancesById.push(inst) - 1;
        break;
      case 'out_of_fuel':
      case 'new_epoch':
      case 'stack_overflow':
      case 'trap':
        v = state.hooks[h.name];
        break;
      default: {
        const index = h.entity as number;
        // the JS backend's builtins: an i64 memory or table takes and returns bigints
        const rt = store.engine.builtins;
        if (h.name.startsWith('memory_grow_')) {
          v = guardedCall(state, (delta: number | bigint) => rt.memoryGrow(inst.memory(MemoryIndex(index)), delta));
        } else {
          const table = inst.table(TableIndex(index));
          const index64 = table.index64;
          v = growFunc(
            store,
            { kind: 'func', params: [table.element, index64 ? I64 : I32], results: [index64 ? I64 : I32] },
            (init: unknown, delta: number | bigint) => rt.tableGrow(inst.table(TableIndex(index)), init, delta),
          );
        }
      }
    }
    put('wasmts', h.name, v);
  }

  let host: HostInstance;
  try {
    host = new api.Instance(code.hostModule, imports);
  } catch (e) {
    if (e instanceof api.LinkError) throw new LinkError(e.message);
    throw e;
  }
  const ex = host.exports;
  const hidden = code.hidden;
  for (const [i, name] of hidden.memory) inst.memory(i).attachHost(ex[name] as HostMemory, false);
  for (const [i, name] of hidden.table) {
    const table = inst.table(i);
    const t = ex[name] as HostTable;
    table.attachHost(tableBacking(state, t, table.element), false);
    hostTables.set(table, t);
  }
  for (const [i, name] of hidden.global) {
    const cell = inst.global(i);
    const g = ex[name] as HostGlobal;
    cell.attachHost(globalBacking(state, g, cell.type), false);
    hostGlobals.set(cell, g);
  }
  for (const [i, name] of hidden.tag) state.addTag(ex[name] as HostTag, inst.tag(i));

  const funcs: WasmFunction[] = new Array(m.functions.length - m.numImportedFuncs);
  const registry = store.typeRegistry;
  const notEscaping = () => {
    throw new Error('wasmts: internal error: a wasm-backend function that does not escape was called from JS');
  };
  for (let i = DefinedFuncIndex(0); i < funcs.length; i++) {
    const name = hidden.func.get(funcIndexOfDefined(m, i));
    funcs[i] =
      name === undefined
        ? notEscaping
        : callableOf(
            state,
            ex[name] as HostFunction,
            registry.funcType(inst.typeIds[m.functions[funcIndexOfDefined(m, i)]]),
          );
  }
  inst.setFunctions(funcs);
  for (const [f, name] of hidden.func) registerHostFunction(ex[name] as HostFunction, inst.funcRef(f));
  state.hostInstances.push([inst, hidden.func, ownMemories]);
  return m.start === null ? null : (inst.funcRef(m.start).fn as () => void);
}
