// A module for the wasm backend: whether it can run there, and its instrumented bytes compiled by the host
// engine once per `Module`.

import { hostImportableMemory, type InstrumentedModule, instrumentModule, instrumentOptionsFor } from '@wasmts/codegen';
import {
  BinaryReader,
  type Module as EnvironModule,
  type FuncIndex,
  type FuncType,
  GlobalIndex,
  MemoryIndex,
  operatorFrom,
  skipImmediates,
  TableIndex,
  TagIndex,
  type ValType,
} from '@wasmts/environ';
import { PoolingInstanceAllocator } from '@wasmts/runtime';
import type { Engine } from '../engine.js';
import { boundaryTypeName, crossesBoundary } from './bridge.js';
import { type HostModule, hostApi } from './host-api.js';

/** The module name the instrumentation's host imports use (a module importing from it stays on js). */
const HOST_IMPORT_MODULE = 'wasmts';

/**
 * Why a module whose proposals the host supports still cannot run on the wasm backend through this API,
 * or null: values of some types (v128, typed references) cannot cross the host's JS boundary.
 */
export function boundaryProblem(module: EnvironModule): string | null {
  const funcType = (typeIndex: number): FuncType | null => {
    const c = module.types[typeIndex]?.composite;
    return c !== undefined && c.kind === 'func' ? c : null;
  };
  const bad = (t: ValType) => boundaryTypeName(t) === null;
  for (const imp of module.imports) {
    if (imp.module === HOST_IMPORT_MODULE)
      return `it imports from module \`${HOST_IMPORT_MODULE}\`, which the wasm backend reserves`;
  }
  for (const f of module.declaredFuncRefs) {
    const t = funcType(module.functions[f]);
    if (t !== null && !crossesBoundary(t))
      return 'a function that can leave the module (export or reference) has v128 or GC types in its signature, which cannot cross the host JS boundary';
  }
  for (let f = 0; f < module.numImportedFuncs; f++) {
    const t = funcType(module.functions[f]);
    if (t !== null && !crossesBoundary(t))
      return 'an imported function has v128 or GC types in its signature, which cannot cross the host JS boundary';
  }
  // a global the module defines and does not export stays inside the host instance (it gets no hidden export,
  // see compileWasm), so only imported and exported globals must cross; one pass over each list, not a search of
  // the exports per global
  const globalProblem =
    'the module imports or exports a global of a type that cannot cross the host JS boundary (v128)';
  for (let i = 0; i < module.numImportedGlobals; i++) if (bad(module.globals[i].type.type)) return globalProblem;
  for (const e of module.exports)
    if (e.kind === 'global' && bad(module.globals[e.index].type.type)) return globalProblem;
  for (const t of module.tables)
    if (bad(t.type.element)) return 'the module has a table of a type that cannot cross the host JS boundary';
  for (const tag of module.tags) {
    const t = funcType(tag.typeIndex);
    if (t !== null && !crossesBoundary(t))
      return 'an exception tag has v128 or GC parameters, which cannot cross the host JS boundary';
  }
  if (module.start !== null) {
    const t = funcType(module.functions[module.start]);
    if (t !== null && !crossesBoundary(t)) return 'the start function has a signature the host JS API cannot call';
  }
  return null;
}

/**
 * Whether the module needs the exnref form of exception handling (`try_table`, `throw_ref`): environ
 * counts `throw` and tags as 'exceptions' too, which a host with only legacy exception handling runs.
 */
export function usesExnref(module: EnvironModule): boolean {
  for (const body of module.bodies) {
    const r = new BinaryReader(module.bytes, body.codeStart, body.range.end);
    while (!r.eof()) {
      const op = r.u8();
      if (op === 0x0a /* throw_ref */ || op === 0x1f /* try_table */) return true;
      const info = operatorFrom(op, r);
      if (info === undefined) return true; // cannot tell: let the host decide
      skipImmediates(r, info.imm);
    }
  }
  return false;
}

/** Names of the hidden exports the API reads back (every entity it must map to its runtime object). */
export interface HiddenExports {
  readonly func: Map<FuncIndex, string>;
  readonly memory: Map<MemoryIndex, string>;
  readonly table: Map<TableIndex, string>;
  readonly global: Map<GlobalIndex, string>;
  readonly tag: Map<TagIndex, string>;
}

/** A module compiled for the wasm backend. */
export interface WasmCode {
  readonly instrumented: InstrumentedModule;
  readonly hostModule: HostModule;
  readonly hidden: HiddenExports;
  /** Functions that can leave the module (exports, references, the start function), by function index. */
  readonly escaping: ReadonlySet<FuncIndex>;
}

/** Instruments `module` for `engine` and compiles it with the host engine (throws what the host throws). */
export function compileWasm(engine: Engine, module: EnvironModule, hostModuleName: string): WasmCode {
  // a prefix no export of the module starts with
  let prefix = '\u0000wasmts:';
  while (module.exports.some((e) => e.name.startsWith(prefix))) prefix = `\u0000${prefix}`;
  const hidden: HiddenExports = {
    func: new Map(),
    memory: new Map(),
    table: new Map(),
    global: new Map(),
    tag: new Map(),
  };
  const extra: { name: string; kind: 'func' | 'table' | 'memory' | 'global' | 'tag'; index: number }[] = [];
  // an entity the module exports already is read back under its first export name (each export costs every
  // instantiation); the others get a hidden export
  const exported = new Map<string, string>();
  for (const e of module.exports) if (!exported.has(`${e.kind}${e.index}`)) exported.set(`${e.kind}${e.index}`, e.name);
  const add = <K extends keyof HiddenExports>(kind: K, index: Parameters<HiddenExports[K]['set']>[0]) => {
    const own = exported.get(`${kind}${index}`);
    const name = own ?? `${prefix}${kind}${index}`;
    hidden[kind].set(index as never, name);
    if (own === undefined) extra.push({ name, kind, index });
  };
  const funcs = new Set(module.declaredFuncRefs);
  if (module.start !== null) funcs.add(module.start);
  for (const f of [...funcs].sort((a, b) => a - b)) if (f >= module.numImportedFuncs) add('func', f);
  // with a pooling allocator the defined memories are imports, so a memory can serve tenant after tenant (the
  // host engine allocating one per instance is most of an instantiation's cost); see `takeHostMemory`
  const definedMemories = module.memories.slice(module.numImportedMemories);
  const importMemories =
    engine.allocator instanceof PoolingInstanceAllocator &&
    definedMemories.length > 0 &&
    definedMemories.every(hostImportableMemory);
  if (!importMemories)
    for (let i = MemoryIndex(module.numImportedMemories); i < module.memories.length; i++) add('memory', i);
  for (let i = TableIndex(module.numImportedTables); i < module.tables.length; i++) add('table', i);
  // a global the host cannot pass (v128) is one `boundaryProblem` let through only when the module defines it and
  // does not export it: the API never reads it, and a hidden export would be a host Global whose value throws
  for (let i = GlobalIndex(module.numImportedGlobals); i < module.globals.length; i++)
    if (boundaryTypeName(module.globals[i].type.type) !== null) add('global', i);
  for (let i = TagIndex(module.numImportedTags); i < module.tags.length; i++) add('tag', i);
  const options = {
    ...instrumentOptionsFor(
      engine.tunables,
      engine.tunableOverrides.maxCallDepth !== undefined,
      engine.controls.operatorCost,
    ),
    epochPoll: true,
    growHooks: true,
    recordIndirectIndex: engine.controls.indirectNullCheck,
    truncNaNCheck: true,
    // Node 20's baseline compiler clobbers a value below a wait's operands (codegen's src/wasm/README.md)
    isolateAtomicWaits: true,
    // out of fuel only traps here (the store has no refuelling callback): in place, without a call in the check
    fuelTrap: true,
    // the checks' branches marked unlikely: a host that reads branch hints keeps the hook calls out of line
    branchHints: true,
    extraExports: extra,
    dropStart: true,
    hostModuleName,
    importMemories,
  };
  const instrumented = instrumentModule(module, options);
  const hostModule = new (hostApi().Module)(instrumented.bytes);
  return { instrumented, hostModule, hidden, escaping: funcs };
}
