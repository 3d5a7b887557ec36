// How the wasm backend instruments a module for an engine's settings (`wasmPlan`): plain data in, plain options out,
// so the caller's thread and a worker (worker.ts) make the same plan from the same bytes. Imports nothing of the
// runtime: a worker loads this, environ and codegen only.

import { hostImportableMemory, type InstrumentOptions, instrumentOptionsFor } from '@wasmts/codegen';
import {
  type Module as EnvironModule,
  EXTERNREF,
  F32,
  F64,
  FUNCREF,
  type FuncIndex,
  GlobalIndex,
  I32,
  I64,
  MemoryIndex,
  TableIndex,
  TagIndex,
  type Tunables,
  type ValType,
  valTypeToString,
} from '@wasmts/environ';

/** The text name of a type that can cross the host's JS boundary, or null (v128, typed references, GC). */
export function boundaryTypeName(t: ValType): 'i32' | 'i64' | 'f32' | 'f64' | 'funcref' | 'externref' | null {
  const crosses = t === I32 || t === I64 || t === F32 || t === F64 || t === FUNCREF || t === EXTERNREF;
  return crosses ? (valTypeToString(t) as 'i32' | 'i64' | 'f32' | 'f64' | 'funcref' | 'externref') : null;
}

/** Names of the hidden exports the API reads back (every entity it must map to its runtime object). */
export interface HiddenExports {
  readonly func: Map<FuncIndex, string>;
  readonly memory: Map<MemoryIndex, string>;
  readonly table: Map<TableIndex, string>;
  readonly global: Map<GlobalIndex, string>;
  readonly tag: Map<TagIndex, string>;
}

/** What of an engine decides how the wasm backend instruments a module: plain data, so a worker can be told it. */
export interface WasmSettings {
  readonly tunables: Tunables;
  /** Whether the embedder set `maxCallDepth` (only then is depth guarded). */
  readonly callDepth: boolean;
  /** A pooling allocator: defined memories become imports. */
  readonly pooling: boolean;
  readonly indirectNullCheck: boolean;
  /** Fuel costs by operator name (`Config.operatorCost` as data; null: the engine's function, see `wasmPlan`). */
  readonly costs: Readonly<Record<string, number>> | null;
}

/** How a module is instrumented: the options of `instrumentModule` and what the API reads back. */
export interface WasmPlan {
  readonly options: InstrumentOptions;
  readonly hidden: HiddenExports;
  readonly escaping: ReadonlySet<FuncIndex>;
}

/**
 * The instrumentation of `module` for an engine's settings (`operatorCost`: the engine's cost function, where the
 * settings carry no table of it): the same plan on any thread that decoded the same bytes.
 */
export function wasmPlan(
  settings: WasmSettings,
  module: EnvironModule,
  hostModuleName: string,
  operatorCost?: (opName: string) => number,
): WasmPlan {
  const table = settings.costs;
  const cost = operatorCost ?? (table === null ? undefined : (name: string) => table[name] ?? 0);
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
  const importMemories = settings.pooling && definedMemories.length > 0 && definedMemories.every(hostImportableMemory);
  if (!importMemories)
    for (let i = MemoryIndex(module.numImportedMemories); i < module.memories.length; i++) add('memory', i);
  for (let i = TableIndex(module.numImportedTables); i < module.tables.length; i++) add('table', i);
  // a global the host cannot pass (v128) is one `boundaryProblem` let through only when the module defines it and
  // does not export it: the API never reads it, and a hidden export would be a host Global whose value throws
  for (let i = GlobalIndex(module.numImportedGlobals); i < module.globals.length; i++)
    if (boundaryTypeName(module.globals[i].type.type) !== null) add('global', i);
  for (let i = TagIndex(module.numImportedTags); i < module.tags.length; i++) add('tag', i);
  const options: InstrumentOptions = {
    ...instrumentOptionsFor(settings.tunables, settings.callDepth, cost),
    epochPoll: true,
    growHooks: true,
    recordIndirectIndex: settings.indirectNullCheck,
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
  return { options, hidden, escaping: funcs };
}
