// Per-module and per-feature-set tables the function validator reads on every instruction. They are
// built once per Module (and once per WasmFeatures object) and cached, so validating the n-th body costs
// nothing extra however many globals, tables or memories the module has.

import { type Feature, hasFeature, type WasmFeatures } from '../features.js';
import type { Module } from '../module.js';
import { ADDR, Imm, OPERATORS, OPS, OPS_FB, OPS_FC, OPS_FD, OPS_FE, type OperatorInfo } from '../operators.js';
import { I32, I64, type SubType } from '../types.js';
import { SITE_OPCODES } from './site-opcodes.js';

/** Module facts as flat typed arrays, indexed by entity index. */
export interface ModuleContext {
  readonly module: Module;
  readonly types: readonly SubType[];
  /** Type index of each function. */
  readonly funcTypes: Int32Array;
  readonly globalTypes: Int32Array;
  readonly globalMutable: Uint8Array;
  /** Address type (I32 or I64) of each memory. */
  readonly memoryAddr: Int32Array;
  readonly tableElem: Int32Array;
  /** Index type (I32 or I64) of each table. */
  readonly tableAddr: Int32Array;
  /** Function type index of each tag. */
  readonly tagTypes: Int32Array;
  readonly elemTypes: Int32Array;
  /** The data count section's value, or -1 when absent. */
  readonly dataCount: number;
  /** Per type index: where its signature starts in `sigData`, or -1 when it is not a function type. */
  readonly sigOffsets: Int32Array;
  /** Function signatures flattened: the parameter count, the parameters, the result count, the results. */
  readonly sigData: Int32Array;
}

const moduleCache = new WeakMap<Module, ModuleContext>();

/** The cached context of `module`. */
export function moduleContext(module: Module): ModuleContext {
  let ctx = moduleCache.get(module);
  if (ctx === undefined) {
    ctx = {
      module,
      types: module.types,
      funcTypes: Int32Array.from(module.functions),
      globalTypes: Int32Array.from(module.globals, (g) => g.type.type),
      globalMutable: Uint8Array.from(module.globals, (g) => (g.type.mutable ? 1 : 0)),
      memoryAddr: Int32Array.from(module.memories, (m) => (m.index64 ? I64 : I32)),
      tableElem: Int32Array.from(module.tables, (t) => t.type.element),
      tableAddr: Int32Array.from(module.tables, (t) => (t.type.index64 ? I64 : I32)),
      tagTypes: Int32Array.from(module.tags, (t) => t.typeIndex),
      elemTypes: Int32Array.from(module.elements, (e) => e.type),
      dataCount: module.dataCount ?? -1,
      ...flatSignatures(module.types),
    };
    moduleCache.set(module, ctx);
  }
  return ctx;
}

/** A context of nothing, for the shared validator between modules (same shape as real contexts). */
export const EMPTY_CONTEXT: ModuleContext = {
  module: null as unknown as Module,
  types: [],
  funcTypes: new Int32Array(0),
  globalTypes: new Int32Array(0),
  globalMutable: new Uint8Array(0),
  memoryAddr: new Int32Array(0),
  tableElem: new Int32Array(0),
  tableAddr: new Int32Array(0),
  tagTypes: new Int32Array(0),
  elemTypes: new Int32Array(0),
  dataCount: -1,
  sigOffsets: new Int32Array(0),
  sigData: new Int32Array(0),
};

/** The function types of `types` as flat arrays (`sigOffsets`, `sigData`), so that a call is checked without a call. */
function flatSignatures(types: readonly SubType[]): { sigOffsets: Int32Array; sigData: Int32Array } {
  const sigOffsets = new Int32Array(types.length).fill(-1);
  let size = 0;
  for (const t of types)
    if (t.composite.kind === 'func') size += 2 + t.composite.params.length + t.composite.results.length;
  const sigData = new Int32Array(size);
  let at = 0;
  types.forEach((t, i) => {
    const c = t.composite;
    if (c.kind !== 'func') return;
    sigOffsets[i] = at;
    sigData[at++] = c.params.length;
    for (const p of c.params) sigData[at++] = p;
    sigData[at++] = c.results.length;
    for (const r of c.results) sigData[at++] = r;
  });
  return { sigOffsets, sigData };
}

/** Operator id by opcode, -1 where no operator is assigned. */
function idTable(ops: readonly (OperatorInfo | undefined)[]): Int16Array {
  const t = new Int16Array(ops.length).fill(-1);
  ops.forEach((op, i) => {
    if (op) t[i] = op.id;
  });
  return t;
}
/** Operator ids of single-byte opcodes. */
export const OP_ID = idTable(OPS);
/** Operator ids of 0xfb sub-opcodes. */
export const OP_ID_FB = idTable(OPS_FB);
/** Operator ids of 0xfc sub-opcodes. */
export const OP_ID_FC = idTable(OPS_FC);
/** Operator ids of 0xfd sub-opcodes. */
export const OP_ID_FD = idTable(OPS_FD);
/** Operator ids of 0xfe (atomic) sub-opcodes. */
export const OP_ID_FE = idTable(OPS_FE);

/** Stride of `SIGS`: [nparams, p0, p1, p2, p3, nresults, r0, r1]. */
export const SIG_STRIDE = 8;
/**
 * Fixed signatures of the operator table, flattened: row `id * SIG_STRIDE`. nparams is -1 for operators
 * whose stack effect is not fixed. Parameter and result types may be ADDR.
 */
export const SIGS: Int32Array = (() => {
  const sigs = new Int32Array(OPERATORS.length * SIG_STRIDE);
  for (const op of OPERATORS) {
    const base = op.id * SIG_STRIDE;
    if (op.params === null || op.results === null) {
      sigs[base] = -1;
      continue;
    }
    if (op.params.length > 4 || op.results.length > 2) throw new Error(`signature of ${op.name} too long`);
    sigs[base] = op.params.length;
    op.params.forEach((t, i) => {
      sigs[base + 1 + i] = t;
    });
    sigs[base + 5] = op.results.length;
    op.results.forEach((t, i) => {
      sigs[base + 6 + i] = t;
    });
  }
  return sigs;
})();

/** True if any parameter or result of the operator is ADDR. */
export const USES_ADDR: Uint8Array = Uint8Array.from(OPERATORS, (op) =>
  op.params?.includes(ADDR) || op.results?.includes(ADDR) ? 1 : 0,
);

/** log2 of each operator's access size (memory operators), for the alignment check. */
export const NATURAL_ALIGN: Uint8Array = Uint8Array.from(OPERATORS, (op) => (op.n > 0 ? Math.log2(op.n) | 0 : 0));

const featureCache = new WeakMap<WasmFeatures, Uint8Array>();

/** 1 for each operator id whose proposal is enabled in `features`. */
export function enabledOperators(features: WasmFeatures): Uint8Array {
  let t = featureCache.get(features);
  if (t === undefined) {
    t = Uint8Array.from(OPERATORS, (op) => (hasFeature(features, op.feature as Feature) ? 1 : 0));
    featureCache.set(features, t);
  }
  return t;
}

const coreCache = new WeakMap<WasmFeatures, Uint8Array>();

/** 1 for each single-byte opcode the main loop must not take directly: prefixes, unassigned or disabled. */
export function blockedOpcodes(features: WasmFeatures): Uint8Array {
  let t = coreCache.get(features);
  if (t === undefined) {
    const enabled = enabledOperators(features);
    t = Uint8Array.from(OP_ID, (id) => (id < 0 || enabled[id] === 0 ? 1 : 0));
    coreCache.set(features, t);
  }
  return t;
}

/**
 * For single-byte operators with a fixed signature whose parameters all have one type and that have one
 * result (all core numeric operators): the parameter count, else 0. `UNIFORM_PARAM` and
 * `UNIFORM_RESULT` give the types. Lets the main loop check them with two comparisons.
 */
export const UNIFORM_ARITY = new Uint8Array(256);
/** See `UNIFORM_ARITY`. */
export const UNIFORM_PARAM = new Int32Array(256);
/** See `UNIFORM_ARITY`. */
export const UNIFORM_RESULT = new Int32Array(256);
for (let op = 0; op < 256; op++) {
  const info = OPS[op];
  if (!info || info.params === null || info.results === null || info.imm !== 0) continue;
  const p = info.params;
  if (p.length === 0 || p.length > 2 || info.results.length !== 1 || p.includes(ADDR) || p[p.length - 1] !== p[0])
    continue;
  if (info.results[0] === ADDR) continue;
  UNIFORM_ARITY[op] = p.length;
  UNIFORM_PARAM[op] = p[0];
  UNIFORM_RESULT[op] = info.results[0];
}

/**
 * For the single-byte loads and stores: the loaded type (loads) or the stored type (stores). The
 * address operand is ADDR in both. `MEM_IS_STORE` tells which.
 */
export const MEM_VALUE = new Int32Array(256);
/** See `MEM_VALUE`. */
export const MEM_IS_STORE = new Uint8Array(256);
for (let op = 0; op < 256; op++) {
  const info = OPS[op];
  if (!info || info.imm !== Imm.MemArg || info.params === null || info.results === null) continue;
  if (info.params.length === 1 && info.params[0] === ADDR && info.results.length === 1) {
    MEM_VALUE[op] = info.results[0];
  } else if (info.params.length === 2 && info.params[0] === ADDR && info.results.length === 0) {
    MEM_VALUE[op] = info.params[1];
    MEM_IS_STORE[op] = 1;
  }
}

/** The proposals an instruction can need, numbered for bit masks (mvp has no bit). */
export const FEATURE_LIST: readonly Exclude<Feature, 'mvp'>[] = [
  'mutableGlobal',
  'signExtension',
  'saturatingFloatToInt',
  'multiValue',
  'bulkMemory',
  'referenceTypes',
  'simd',
  'relaxedSimd',
  'tailCall',
  'extendedConst',
  'multiMemory',
  'memory64',
  'exceptions',
  'legacyExceptions',
  'functionReferences',
  'gc',
  'threads',
  'customPageSizes',
  'wideArithmetic',
];

/** Bit of a feature in a used-features mask. */
export function featureBit(feature: Feature): number {
  const i = FEATURE_LIST.indexOf(feature as Exclude<Feature, 'mvp'>);
  return i < 0 ? 0 : 1 << i;
}

/** The feature bit of each operator (0 for MVP operators). */
export const OP_FEATURE_BIT: Int32Array = Int32Array.from(OPERATORS, (op) => featureBit(op.feature));

/**
 * The main loop's dispatch class of each single-byte opcode, 0 for the general path. The classes are small
 * consecutive numbers because V8's interpreter turns a `switch` over dense integer literals into one jump
 * table, where sparse opcodes cost a comparison per case (without a JIT, every bytecode counts).
 */
export const OpClass = {
  General: 0,
  LocalGet: 1,
  LocalSet: 2,
  GlobalGet: 3,
  I32Const: 4,
  I64Const: 5,
  Drop: 6,
  Select: 7,
  End: 8,
  BrIf: 9,
  Block: 10,
  Numeric: 11,
  Load: 12,
  Store: 13,
  Call: 14,
} as const;

function opClasses(recordingSites: boolean): Uint8Array {
  const c = new Uint8Array(256);
  c[0x20] = OpClass.LocalGet;
  c[0x21] = c[0x22] = OpClass.LocalSet;
  c[0x23] = OpClass.GlobalGet;
  c[0x41] = OpClass.I32Const;
  c[0x42] = OpClass.I64Const;
  c[0x1a] = OpClass.Drop;
  c[0x1b] = OpClass.Select;
  c[0x0b] = OpClass.End;
  c[0x0d] = OpClass.BrIf;
  c[0x02] = c[0x03] = c[0x04] = OpClass.Block;
  c[0x10] = OpClass.Call;
  // MVP numeric operators only: the sign extensions (0xc0..) need their feature checked
  for (let op = 0x45; op < 0xc0 /* i32.extend8_s */; op++) {
    if (UNIFORM_ARITY[op] !== 0 && !(recordingSites && SITE_OPCODES[op] !== 0)) c[op] = OpClass.Numeric;
  }
  for (let op = 0x28; op <= 0x3e /* i64.store32 */; op++) c[op] = MEM_IS_STORE[op] === 0 ? OpClass.Load : OpClass.Store;
  return c;
}

/** `OpClass` by opcode. */
export const OP_CLASS: Uint8Array = opClasses(false);
/** `OpClass` by opcode while recording sites: the trapping truncations take the general path, which records them. */
export const OP_CLASS_SITES: Uint8Array = opClasses(true);
