// A module for the wasm backend: whether it can run there, and its instrumented bytes compiled by the host
// engine once per `Module`.

import { type InstrumentedModule, instrumentModule } from '@wasmts/codegen';
import {
  BinaryReader,
  type Module as EnvironModule,
  type FuncIndex,
  type FuncType,
  OPERATORS,
  operatorFrom,
  skipImmediates,
  type ValType,
} from '@wasmts/environ';
import { PoolingInstanceAllocator } from '@wasmts/runtime';
import type { Engine } from '../engine.js';
import { crossesBoundary } from './bridge.js';
import { type HostModule, hostApi } from './host-api.js';
import { boundaryTypeName, type HiddenExports, type WasmSettings, wasmPlan } from './plan.js';

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

/** A module compiled for the wasm backend. */
export interface WasmCode {
  readonly instrumented: InstrumentedModule;
  readonly hostModule: HostModule;
  readonly hidden: HiddenExports;
  /** Functions that can leave the module (exports, references, the start function), by function index. */
  readonly escaping: ReadonlySet<FuncIndex>;
}

/**
 * `engine`'s `WasmSettings`; `posted`: for another thread, with the fuel costs as a table (a function cannot be
 * posted), else the plan takes the engine's `operatorCost` itself.
 */
export function wasmSettings(engine: Engine, posted = false): WasmSettings {
  let costs: Record<string, number> | null = null;
  if (posted && engine.tunables.consumeFuel) {
    const cost = engine.controls.operatorCost;
    costs = {};
    for (const op of OPERATORS) costs[op.name] = cost(op.name);
  }
  return {
    tunables: engine.tunables,
    callDepth: engine.tunableOverrides.maxCallDepth !== undefined,
    pooling: engine.allocator instanceof PoolingInstanceAllocator,
    indirectNullCheck: engine.controls.indirectNullCheck,
    costs,
  };
}

/** Instruments `module` for `engine` and compiles it with the host engine (throws what the host throws). */
export function compileWasm(engine: Engine, module: EnvironModule, hostModuleName: string): WasmCode {
  const plan = wasmPlan(wasmSettings(engine), module, hostModuleName, engine.controls.operatorCost);
  const { options, hidden, escaping } = plan;
  const instrumented = instrumentModule(module, options);
  const hostModule = new (hostApi().Module)(instrumented.bytes);
  return { instrumented, hostModule, hidden, escaping };
}
