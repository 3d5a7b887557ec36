// A small instantiation for execution tests: the real runtime objects and builtins, with a vmctx filled
// by VMOffsets, and a minimal segment/initializer pass (the API does this for real).

import {
  decodeModule,
  FuncIndex,
  GlobalIndex,
  globalLayout,
  globalWords,
  MemoryIndex,
  TableIndex,
  TagIndex,
  VMCTX_EPOCH_COUNTER,
  VMCTX_INSTANCE,
  VMCTX_RUNTIME_LIMITS,
  VMCTX_STORE,
  VMCTX_TYPE_IDS,
  VMOffsets,
  VMRuntimeLimits,
  wasmFeatures,
} from '@wasmts/environ';
import { createBuiltins, Global, Memory, Table, Tag, TypeRegistry, VMFuncRef } from '@wasmts/runtime';
import { parseWat } from '@wasmts/wat';

import {
  type CompiledModule,
  type CompileOptions,
  compileModule,
  dataSegmentOffset,
  elemSegmentItems,
  elemSegmentOffset,
  loadFactory,
} from '../src/index.js';

/** Instantiates `wat` and returns its exports by name (functions as plain JS functions). */
export function instantiate(
  wat: string,
  imports: Record<string, unknown> = {},
  options: CompileOptions = {},
): Record<string, any> {
  return instantiateBytes(parseWat(wat), (_m, n) => imports[n], options);
}

/** The runtime limits (fuel, epoch deadline, depth, depth limit) every harness instance shares. */
export const limits = new VMRuntimeLimits();
/** Puts every field of the shared runtime limits back to its initial value (no fuel, deadline 0, depth 0). */
export function resetLimits(): void {
  // field by field: instances keep the limits' fuel window (an Int32Array) they read when instantiated
  limits.fuelConsumed = 0;
  limits.epochDeadline = 0;
  limits.stackDepth = 0;
  limits.stackLimit = 0;
}
/** The epoch counter every harness instance shares. */
export const epoch = new Float64Array(1);
/** The runtime Store every harness instance shares: tests set its `outOfGas` / `newEpoch` hooks. */
export const store: {
  runtimeLimits: VMRuntimeLimits;
  epochCounter: Float64Array;
  outOfGas?: () => void;
  newEpoch?: () => number;
} = { runtimeLimits: limits, epochCounter: epoch };

/** The module `instantiateBytes` compiled last (tests of the artifact: `sourceLength`). */
export let lastCompiled: CompiledModule | undefined;

const registry = new TypeRegistry();
const rt = createBuiltins(registry) as any;

/** Instantiates a binary module; `resolve(module, name)` supplies each import (functions as JS functions). */
export function instantiateBytes(
  bytes: Uint8Array,
  resolve: (module: string, name: string) => unknown,
  options: CompileOptions = {},
): Record<string, any> {
  const module = decodeModule(bytes, {
    features: wasmFeatures({ wideArithmetic: true, customPageSizes: true, threads: true }),
  });
  const compiled = compileModule(module, {
    lazy: process.env.CODEGEN_LAZY === '1',
    ir: process.env.CODEGEN_IR === '1',
    ...options,
  });
  lastCompiled = compiled;
  return instantiateCompiled(compiled, resolve);
}

/**
 * Instantiates a compiled module (`instantiateBytes`): called again with the same `compiled`, another instance of
 * the same generated code (its factory is loaded once per compiled module). `epochCounter` stands for the engine's
 * epoch counter (default the shared `epoch`; a test may count the reads of its element 0).
 */
export function instantiateCompiled(
  compiled: CompiledModule,
  resolve: (module: string, name: string) => unknown,
  epochCounter: ArrayLike<number> = epoch,
): Record<string, any> {
  const module = compiled.module;
  const typeIds = registry.register(module);
  const off = new VMOffsets(module);
  const vmctx: unknown[] = new Array(off.size).fill(null);
  const instance = { dataSegments: [] as Uint8Array[], elemSegments: [] as unknown[][] };
  vmctx[VMCTX_INSTANCE] = instance;
  vmctx[VMCTX_TYPE_IDS] = typeIds;
  vmctx[VMCTX_RUNTIME_LIMITS] = limits;
  vmctx[VMCTX_EPOCH_COUNTER] = epochCounter;
  vmctx[VMCTX_STORE] = store;
  for (const imp of module.imports) {
    const v = resolve(imp.module, imp.name);
    if (imp.type.kind === 'func')
      vmctx[off.importedFunction(FuncIndex(imp.index))] =
        v instanceof VMFuncRef ? v : new VMFuncRef(v as any, typeIds[imp.type.typeIndex]);
    else if (imp.type.kind === 'tag') vmctx[off.importedTag(TagIndex(imp.index))] = v;
    else if (imp.type.kind === 'global') vmctx[off.importedGlobal(GlobalIndex(imp.index))] = v;
    else if (imp.type.kind === 'memory') vmctx[off.importedMemory(MemoryIndex(imp.index))] = v;
    else vmctx[off.importedTable(TableIndex(imp.index))] = v;
  }
  module.memories.forEach((m, i) => {
    if (i >= module.numImportedMemories) vmctx[off.memory(MemoryIndex(i))] = new Memory(m);
  });
  module.tables.forEach((t, i) => {
    if (i >= module.numImportedTables) vmctx[off.table(TableIndex(i))] = new Table(t.type, null);
  });
  const layout = globalLayout(module);
  const storage = new Int32Array(layout.size);
  module.globals.forEach((g, i) => {
    const at = layout.word[i];
    const words = at < 0 ? null : storage.subarray(at, at + globalWords(g.type.type));
    if (i >= module.numImportedGlobals) vmctx[off.global(GlobalIndex(i))] = new Global(g.type, null as never, words);
  });
  module.tags.forEach((t, i) => {
    if (i >= module.numImportedTags) vmctx[off.tag(TagIndex(i))] = new Tag(typeIds[t.typeIndex], []);
  });
  const r = loadFactory(compiled)(rt, vmctx);
  for (const f of module.declaredFuncRefs) {
    if (f >= module.numImportedFuncs)
      vmctx[off.funcRef(f)] = new VMFuncRef(r.funcs[f - module.numImportedFuncs], typeIds[module.functions[f]]);
  }
  module.globals.forEach((_, i) => {
    const init = r.globalInit[i];
    if (init) (vmctx[off.global(GlobalIndex(i))] as { value: unknown }).value = init();
  });
  // what the generated code reads for `ref.func f` (environment.ts `funcRef`)
  const funcRefOf = (f: number) =>
    f < module.numImportedFuncs ? vmctx[off.importedFunction(FuncIndex(f))] : vmctx[off.funcRef(FuncIndex(f))];
  module.elements.forEach((e, i) => {
    const items = e.mode === 'declarative' ? [] : elemSegmentItems(r, module, i, funcRefOf);
    instance.elemSegments.push(e.mode === 'passive' ? items : []);
    if (e.mode === 'active') {
      const t = vmctx[off.table(e.table)] as Table;
      const o = Number(BigInt.asUintN(64, BigInt(elemSegmentOffset(r, module, i))));
      if (o + items.length > t.elements.length) rt.trap(3);
      items.forEach((it, j) => {
        t.elements[o + j] = it;
      });
    }
  });
  module.data.forEach((d, i) => {
    const bytes = module.bytes.subarray(d.data.start, d.data.end);
    instance.dataSegments.push(d.mode === 'passive' ? bytes : new Uint8Array(0));
    if (d.mode === 'active') {
      const m = vmctx[off.memory(d.memory)] as Memory;
      const o = Number(BigInt.asUintN(64, BigInt(dataSegmentOffset(r, module, i))));
      if (o + bytes.length > m.byteLength) rt.trap(1);
      m.u8.set(bytes, o);
    }
  });
  if (module.start !== null) {
    const s = module.start;
    if (s < module.numImportedFuncs) (vmctx[off.importedFunction(s)] as VMFuncRef).fn();
    else r.funcs[s - module.numImportedFuncs]();
  }
  const exports: Record<string, any> = Object.create(null);
  Object.defineProperty(exports, '$source', { get: () => compiled.source, enumerable: true });
  const refs: Record<string, VMFuncRef> = Object.create(null);
  exports.$refs = refs;
  for (const e of module.exports) {
    if (e.kind === 'func') {
      const ref =
        e.index < module.numImportedFuncs
          ? (vmctx[off.importedFunction(e.index)] as VMFuncRef)
          : ((vmctx[off.funcRef(e.index)] as VMFuncRef | null) ??
            new VMFuncRef(r.funcs[e.index - module.numImportedFuncs], typeIds[module.functions[e.index]]));
      refs[e.name] = ref;
      exports[e.name] = ref.fn;
    } else if (e.kind === 'global') exports[e.name] = vmctx[off.global(e.index)];
    else if (e.kind === 'memory') exports[e.name] = vmctx[off.memory(e.index)];
    else if (e.kind === 'table') exports[e.name] = vmctx[off.table(e.index)];
    else exports[e.name] = vmctx[off.tag(e.index)];
  }
  return exports;
}
