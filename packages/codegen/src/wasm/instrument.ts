// The instrumenting re-encoder: the same validated module, re-encoded for the host's WebAssembly engine
// with fuel counting, epoch checks and a call-depth guard (README.md). Sections that nothing changes
// are copied byte for byte; with every option off the output equals the input.

import {
  BinaryReader,
  ByteWriter,
  type CodeSites,
  DefinedFuncIndex,
  funcIndexOfDefined,
  I32,
  I64,
  type MemoryType,
  type Module,
  OPERATORS,
  OPS,
  readSections,
  SectionId,
  skipImmediates,
  skipValType,
  type Tunables,
} from '@wasmts/environ';
import { defaultOperatorCost } from '../environment.js';
import {
  BODY_HANDLERS,
  BODY_TAIL_CALLS,
  EPOCH_SILENT,
  epochEntryChecks,
  epochSilentIndirect,
} from '../epoch-entries.js';
import {
  BodyRewriter,
  type FuelCosts,
  OffsetPairs,
  plainForThreaded,
  plainOperators,
  type RewriteContext,
  rewriteConstExpr,
} from './body.js';
import { BLOCK_EMPTY, FUNC_TYPE_FORM, IMPORT_KIND } from './opcodes.js';
import { readOperator } from './operators.js';
import { rewriteBodyFromSites } from './sites.js';

/** The module name of every import the instrumentation adds. */
export const HOST_MODULE = 'wasmts';

/** Options of `instrumentModule`: which hooks to insert. Each is absent from the output when off. */
export interface InstrumentOptions {
  /** Count fuel (wasmtime's costs by default, or `costs(operatorName)` per operator). */
  readonly fuel?: boolean | { readonly costs?: (opName: string) => number };
  /**
   * With fuel: running out traps where the check is, without a call: the check stores the fuel, sets the imported
   * `wasmts.pending` global (mut i32) to `TrapCode.OutOfFuel + 1` and executes `unreachable`, instead of calling
   * `wasmts.out_of_fuel` (not imported then). For hosts whose out-of-fuel hook would only trap (never refuel): a
   * call in a check makes the host engine keep a function's values in memory across it (src/wasm/README.md,
   * "Out of fuel without a call").
   */
  readonly fuelTrap?: boolean;
  /**
   * With fuel or epochs: a `metadata.code.branch_hint` section (the branch hinting proposal) before the code section
   * marks every check's `if` and every loop header's `br_if` to its poll loop unlikely, so a host engine that reads
   * hints keeps the hook calls out of line and the values they would keep in memory in registers
   * (src/wasm/README.md, "Branch hints"). Hosts that do not read them skip the section.
   */
  readonly branchHints?: boolean;
  /** Check the epoch deadline at function entries and loop headers. */
  readonly epoch?: boolean;
  /**
   * With `epoch`: instead of `epoch` and `epoch_deadline`, import one `epoch_countdown` global (checks
   * left until the host looks at its real epoch again); each check counts it down (in a local) and calls
   * `new_epoch` when it reaches 0. This lets a host whose epoch lives where wasm cannot read it (another
   * thread's counter) poll it every N checks.
   */
  readonly epochPoll?: boolean;
  /** Trap (through `wasmts.stack_overflow`) when more than this many wasm calls are nested. */
  readonly maxCallDepth?: number;
  /**
   * Rewrite every `memory.grow m` into a call of the host import `memory_grow_<m>` (`[i32] -> [i32]`) and
   * every `table.grow t` into `table_grow_<t>` (`[ref, i32] -> [i32]`), so that the host's runtime objects
   * (the store's limiter, watchers of the buffer) see every growth. Imports are added for every memory and
   * table the module's code grows: with `Module.codeSites` only those with a `memory.grow` / `table.grow`,
   * without (a lazily validated module) every one.
   */
  readonly growHooks?: boolean;
  /**
   * Check `call_indirect` / `return_call_indirect` for a null entry first and call the host import `trap`
   * (`[i32] -> []`, never returns) with `TrapCode.IndirectCallToNull` (4), so a null entry and a signature
   * mismatch can be told apart (hosts report both with one message).
   */
  readonly indirectNullCheck?: boolean;
  /**
   * Record, before each `call_indirect` / `return_call_indirect`, its table index operand in the host
   * global `indirect_index` and the instance's `instance_id` (an immutable i32 global the host gives each
   * instance) in `indirect_instance`: after a host trap that does not say whether the entry was null or of
   * the wrong type, the host reads the entry itself. Much cheaper than `indirectNullCheck` (two global
   * writes instead of a table read).
   */
  readonly recordIndirectIndex?: boolean;
  /**
   * Check the operand of every trapping float-to-int truncation for NaN first and call `trap` with
   * `TrapCode.BadConversionToInteger` (8) (hosts report NaN and overflow with one message). Needs the
   * same `trap` import as `indirectNullCheck`.
   */
  readonly truncNaNCheck?: boolean;
  /** Extra exports (`index` in the original module's index space of `kind`); names must not clash. */
  readonly extraExports?: readonly {
    readonly name: string;
    readonly kind: 'func' | 'table' | 'memory' | 'global' | 'tag';
    readonly index: number;
  }[];
  /** Leave out the start section (the host calls the start function itself, e.g. as an extra export). */
  readonly dropStart?: boolean;
  /** The module name the host engine sees (the name section's module name), e.g. to tell stack frames apart. */
  readonly hostModuleName?: string;
  /**
   * Turn the module's defined memories into imports `wasmts.memory_<m>` (kind `memory`, `entity` m) of the same
   * type, appended after the module's own memory imports so every memory keeps its index, when each of them can
   * be (`hostImportableMemory`); else nothing changes. The host can then hand an instance a memory it made (a
   * pool reuses a tenant's memory for the next instead of the host engine allocating one per instance). Active
   * data segments are written by the host at instantiation as before.
   */
  readonly importMemories?: boolean;
  /**
   * Give every `memory.atomic.wait32` / `memory.atomic.wait64` its operands from scratch locals above a dead
   * value (README.md, "Atomic waits"): V8 11.3's baseline compiler (Node 20) clobbers the value below a wait's
   * operands, which hangs a wait loop. Only functions with a wait change.
   */
  readonly isolateAtomicWaits?: boolean;
  /**
   * Tests: re-encode every body by the walk (`rewriteBody`) even where the validator's sites would do, so the
   * two can be compared with every other choice (which hooks to import) the same.
   */
  readonly forceWalk?: boolean;
}

/**
 * Whether `importMemories` can turn a defined memory of this type into an import: not shared (its host
 * object is another thread's too), 32-bit and of the default page size (what every host's JS API makes).
 */
export function hostImportableMemory(type: MemoryType): boolean {
  return !type.shared && !type.index64 && type.pageSizeLog2 === 16;
}

/** One import the instrumented module needs from the host, under module `wasmts`. */
export interface HostImport {
  /** `fuel`, `out_of_fuel`, `epoch`, `epoch_deadline`, `new_epoch`, `call_depth`, `stack_overflow`, ... */
  readonly name: string;
  readonly kind: 'func' | 'global' | 'memory';
  /** For globals: the value type (always mutable). Hook functions have type `[] -> []`. */
  readonly valueType?: 'i32' | 'i64';
  /** Globals: false for an immutable one (`instance_id`); absent means mutable. */
  readonly mutable?: boolean;
  /** For `memory_grow_<m>` / `table_grow_<t>` / `memory_<m>`: the memory or table index. */
  readonly entity?: number;
  /** Its index in the instrumented module's function or global index space. */
  readonly index: number;
}

/** An `InstrumentedModule` as plain data (`InstrumentedModule.parts`, `instrumentedFromParts`). */
export interface InstrumentedParts {
  readonly bytes: Uint8Array;
  readonly hostImports: readonly HostImport[];
  readonly funcShift: number;
  readonly globalShift: number;
  /** The original module's imported functions and globals. */
  readonly nImpF: number;
  readonly nImpG: number;
  /** Where the output's code section's bodies start (-1: no code section). */
  readonly base: number;
  /** Pairs (output offset from `base`, input offset or `~` it), sorted; null: offsets map one to one. */
  readonly pairs: Int32Array | null;
}

/** The instrumented module and how it relates to the original. */
export interface InstrumentedModule {
  /** The instrumented binary (the original bytes when nothing was instrumented). */
  readonly bytes: Uint8Array;
  /** What the host must provide under module `wasmts`, in import order (after the module's own imports). */
  readonly hostImports: readonly HostImport[];
  /** Number of function imports added: defined function `f` is `f + funcShift` in the output. */
  readonly funcShift: number;
  /** Number of global imports added: defined global `g` is `g + globalShift` in the output. */
  readonly globalShift: number;
  /** The function index in the output of a function index of the original module. */
  funcIndex(f: number): number;
  /** The global index in the output of a global index of the original module. */
  globalIndex(g: number): number;
  /** The original function index of an output function index, or -1 for an added import. */
  originalFuncIndex(f: number): number;
  /** The same as plain data (structured-cloneable: a worker posts it, `instrumentedFromParts` rebuilds this). */
  readonly parts: InstrumentedParts;
  /**
   * The byte offset in the original module of a byte offset in the output's code section (as in a
   * host engine's stack trace, `wasm-function[i]:0x<offset>`); inserted code maps to the operator it
   * precedes. -1 for offsets outside the code section.
   */
  originalOffset(offset: number): number;
}

/**
 * The instrumentation matching what the JS backend emits for the same settings (`compileModule`):
 * fuel when `consumeFuel`, epochs when `epochInterruption`, a depth limit only when the embedder set
 * `maxCallDepth` explicitly (`callDepth`).
 */
export function instrumentOptionsFor(
  tunables: Tunables,
  callDepth: boolean,
  operatorCost?: (opName: string) => number,
): InstrumentOptions {
  return {
    fuel: tunables.consumeFuel ? (operatorCost ? { costs: operatorCost } : true) : false,
    epoch: tunables.epochInterruption,
    ...(callDepth ? { maxCallDepth: tunables.maxCallDepth } : {}),
  };
}

/**
 * The largest fuel cost kept in an Int32Array (`FuelCosts`): a cost read from it is a small integer, where one read
 * from a Float64Array is a boxed double, and the walk's sums of such costs allocated a number each in V8's baseline
 * tiers (the first instrumentation of a process runs there). Larger custom costs take a Float64Array.
 */
const SMALL_COST = 0x3fffffff;

const EMPTY_FUNC_TYPE = Uint8Array.of(FUNC_TYPE_FORM, 0x00, 0x00);
const EXPORT_KINDS = { func: 0, table: 1, memory: 2, global: 3, tag: 4 } as const;

/** What the code of a module contains among the operators some options insert code or imports for. */
interface SiteUses {
  /** Any `call_indirect` or `return_call_indirect`. */
  indirect: boolean;
  /** Any trapping float-to-integer truncation. */
  trunc: boolean;
  /** The memories a `memory.grow` grows, and the tables a `table.grow` grows. */
  readonly memoryGrow: Set<number>;
  readonly tableGrow: Set<number>;
}

/**
 * Per defined function, 1 when its body has a `memory.atomic.wait32` or `memory.atomic.wait64` (from the
 * validator's sites, else by walking the bodies of a module that uses threads); null when none has.
 */
function atomicWaitFunctions(module: Module): Uint8Array | null {
  const bytes = module.bytes;
  const n = module.bodies.length;
  const out = new Uint8Array(n);
  let any = false;
  const sites = module.codeSites;
  if (sites !== undefined) {
    for (let f = 0, i = 0; f < n; f++) {
      for (const end = sites.ends[f]; i < end; i++) {
        if (bytes[sites.positions[i]] === 0xfe) {
          out[f] = 1;
          any = true;
        }
      }
    }
    return any ? out : null;
  }
  if (!module.featuresUsed.has('threads') && module.pendingBodies === undefined) return null;
  for (let f = 0; f < n; f++) {
    const body = module.bodies[f];
    const r = new BinaryReader(bytes, body.codeStart, body.range.end);
    while (!r.eof()) {
      const info = readOperator(r);
      if (info.prefix === 0xfe && (info.code === 1 || info.code === 2)) {
        out[f] = 1;
        any = true;
        break;
      }
      skipImmediates(r, info.imm);
    }
  }
  return any ? out : null;
}

/** What `module`'s code contains, read from the validator's sites; null without them (lazy validation). */
function siteUses(module: Module): SiteUses | null {
  const sites = module.codeSites;
  if (sites === undefined) return null;
  const uses: SiteUses = { indirect: false, trunc: false, memoryGrow: new Set(), tableGrow: new Set() };
  const bytes = module.bytes;
  const positions = sites.positions;
  for (let i = 0; i < sites.count; i++) {
    const p = positions[i];
    const op = bytes[p];
    if (op === 0x11 /* call_indirect */ || op === 0x13 /* return_call_indirect */) uses.indirect = true;
    else if (op === 0x40 /* memory.grow */ || op === 0xfc /* misc prefix */) {
      const r = new BinaryReader(bytes, p + 1, bytes.length);
      if (op === 0xfc /* misc prefix */) r.u32(); // table.grow's sub-opcode
      (op === 0x40 /* memory.grow */ ? uses.memoryGrow : uses.tableGrow).add(r.u32());
    } else if (
      (op >= 0xa8 /* i32.trunc_f32_s */ && op <= 0xab) /* i32.trunc_f64_u */ ||
      (op >= 0xae /* i64.trunc_f32_s */ && op <= 0xb1) /* i64.trunc_f64_u */
    )
      uses.trunc = true;
  }
  return uses;
}

/** Re-encodes `module` with the hooks `options` asks for (README.md describes the host's side). */
export function instrumentModule(module: Module, options: InstrumentOptions = {}): InstrumentedModule {
  const bytes = module.bytes;
  const fuelOn = options.fuel !== undefined && options.fuel !== false;
  const epochOn = options.epoch === true;
  const depthOn = options.maxCallDepth !== undefined;
  if (depthOn && !(Number.isInteger(options.maxCallDepth) && (options.maxCallDepth as number) >= 0))
    throw new RangeError('maxCallDepth must be a non-negative integer');

  // the added imports: globals, then functions, each after the module's own imports of that kind
  const hostImports: HostImport[] = [];
  const nImpF = module.numImportedFuncs;
  const nImpG = module.numImportedGlobals;
  let nG = 0;
  let nF = 0;
  const addGlobal = (name: string, valueType: 'i32' | 'i64', mutable = true) => {
    hostImports.push({ name, kind: 'global', valueType, index: nImpG + nG, ...(mutable ? {} : { mutable }) });
    return nImpG + nG++;
  };
  const funcTypes: number[] = [];
  const addFunc = (name: string, typeIndex = -1, entity?: number) => {
    hostImports.push({ name, kind: 'func', index: nImpF + nF, ...(entity !== undefined ? { entity } : {}) });
    funcTypes.push(typeIndex);
    return nImpF + nF++;
  };
  const fuelGlobal = fuelOn ? addGlobal('fuel', 'i64') : -1;
  const pollOn = epochOn && options.epochPoll === true;
  const epochGlobal = epochOn ? addGlobal(pollOn ? 'epoch_countdown' : 'epoch', 'i64') : -1;
  const deadlineGlobal = epochOn && !pollOn ? addGlobal('epoch_deadline', 'i64') : -1;
  const depthGlobal = depthOn ? addGlobal('call_depth', 'i32') : -1;
  // with the validator's sites, hooks and globals only for what the code contains (an import costs every
  // instantiation); without them (lazy validation), everything the options ask for
  const uses = siteUses(module);
  const recordOn = options.recordIndirectIndex === true && (uses === null || uses.indirect);
  const indexGlobal = recordOn ? addGlobal('indirect_index', 'i32') : -1;
  const instanceGlobal = recordOn ? addGlobal('indirect_instance', 'i32') : -1;
  const instanceIdGlobal = recordOn ? addGlobal('instance_id', 'i32', false) : -1;
  const fuelTrap = fuelOn && options.fuelTrap === true;
  const pendingGlobal = fuelTrap ? addGlobal('pending', 'i32') : -1;
  const outOfFuelFunc = fuelOn && !fuelTrap ? addFunc('out_of_fuel') : -1;
  const newEpochFunc = epochOn ? addFunc('new_epoch') : -1;
  const stackOverflowFunc = depthOn ? addFunc('stack_overflow') : -1;
  // types appended to the type section: `[] -> []` for the hooks, `[] -> results` for wrapper blocks
  const newTypes: Uint8Array[] = [];
  const newTypeIndex = new Map<string, number>();
  const addType = (enc: Uint8Array) => {
    const key = enc.join(',');
    let i = newTypeIndex.get(key);
    if (i === undefined) {
      i = module.types.length + newTypes.length;
      newTypes.push(enc);
      newTypeIndex.set(key, i);
    }
    return i;
  };
  const memoryGrowFunc: number[] = [];
  const tableGrowFunc: number[] = [];
  if (options.growHooks === true) {
    module.memories.forEach((m, i) => {
      const t = m.index64 ? I64 : I32;
      if (uses !== null && !uses.memoryGrow.has(i)) memoryGrowFunc.push(-1);
      else memoryGrowFunc.push(addFunc(`memory_grow_${i}`, addType(Uint8Array.of(FUNC_TYPE_FORM, 1, t, 1, t)), i));
    });
    module.tables.forEach((decl, i) => {
      if (uses !== null && !uses.tableGrow.has(i)) {
        tableGrowFunc.push(-1);
        return;
      }
      const t = decl.type.index64 ? I64 : I32;
      const enc = new ByteWriter().u8(FUNC_TYPE_FORM).u32(2).valType(decl.type.element).u8(t).u32(1).u8(t).finish();
      tableGrowFunc.push(addFunc(`table_grow_${i}`, addType(enc), i));
    });
  }
  const atomicWaits = options.isolateAtomicWaits === true ? atomicWaitFunctions(module) : null;
  const nullCheckOn = options.indirectNullCheck === true && (uses === null || uses.indirect);
  const truncCheckOn = options.truncNaNCheck === true && (uses === null || uses.trunc);
  const trapFunc =
    nullCheckOn || truncCheckOn ? addFunc('trap', addType(Uint8Array.of(FUNC_TYPE_FORM, 1, I32, 0))) : -1;
  // defined memories as imports (all of them or none: a memory keeps its index only if every defined one moves)
  const definedMemories = module.memories.slice(module.numImportedMemories);
  const memoryImports =
    options.importMemories === true && definedMemories.length > 0 && definedMemories.every(hostImportableMemory);
  if (memoryImports)
    for (let i = module.numImportedMemories; i < module.memories.length; i++)
      hostImports.push({ name: `memory_${i}`, kind: 'memory', entity: i, index: i });
  const funcShift = nF;
  const globalShift = nG;
  const func = (f: number) => (f < nImpF ? f : f + funcShift);
  const global = (g: number) => (g < nImpG ? g : g + globalShift);

  let fuelCost: FuelCosts | null = null;
  if (fuelOn) {
    const cost = (typeof options.fuel === 'object' && options.fuel.costs) || defaultOperatorCost;
    const costs: number[] = [];
    let small = true;
    for (const info of OPERATORS) {
      const c = cost(info.name);
      if (!Number.isSafeInteger(c) || c < 0)
        throw new RangeError(`fuel cost of \`${info.name}\` must be a non-negative integer, got ${c}`);
      costs[info.id] = c;
      if (c > SMALL_COST) small = false;
    }
    fuelCost = small ? Int32Array.from(costs) : Float64Array.from(costs);
  }

  const hookType = funcTypes.includes(-1) ? addType(EMPTY_FUNC_TYPE) : -1;
  for (let i = 0; i < funcTypes.length; i++) if (funcTypes[i] < 0) funcTypes[i] = hookType;

  let plainCost: FuelCosts | null = null;
  if (fuelCost !== null) {
    plainCost = fuelCost instanceof Int32Array ? new Int32Array(256) : new Float64Array(256);
    for (let op = 0; op < 256; op++) {
      const info = OPS[op];
      if (info !== undefined && info.prefix === 0) plainCost[op] = fuelCost[info.id];
    }
  }
  const plainControl = !fuelOn && !epochOn && !depthOn;
  // with fuel or epochs on, the entry analysis's walk also notes each body's shape and the targets of tail calls
  const bodyShapes = epochOn || fuelOn ? new Uint8Array(module.bodies.length) : null;
  const tailTargets = new Set<number>();
  const bodyRefs = { funcs: new Set<number>(), complete: true };
  const analysis = bodyShapes !== null ? epochEntryChecks(module, bodyShapes, tailTargets, bodyRefs) : null;
  const epochEntry = epochOn ? analysis : null;
  const silentIndirect = epochEntry !== null ? epochSilentIndirect(module, epochEntry, bodyRefs) : null;
  const threadExtras = (fuelOn ? 1 : 0) + (pollOn ? 1 : 0);
  const threaded =
    threadExtras > 0 && bodyShapes !== null && analysis !== null
      ? threadedFunctions(module, bodyShapes, tailTargets, fuelOn ? null : analysis, options.extraExports ?? [])
      : null;
  // each threaded function's type: its own with the counters appended to parameters and results
  const threadedType = new Map<number, number>();
  if (threaded !== null) {
    for (let i = 0; i < threaded.length; i++) {
      if (threaded[i] !== 1) continue;
      const t = module.functions[nImpF + i];
      if (threadedType.has(t)) continue;
      const c = module.types[t].composite;
      if (c.kind !== 'func') throw new Error('wasm backend: a function whose type is not a function type');
      const enc = new ByteWriter().u8(FUNC_TYPE_FORM).u32(c.params.length + threadExtras);
      for (const v of c.params) enc.valType(v);
      for (let k = 0; k < threadExtras; k++) enc.u8(I64);
      enc.u32(c.results.length + threadExtras);
      for (const v of c.results) enc.valType(v);
      for (let k = 0; k < threadExtras; k++) enc.u8(I64);
      threadedType.set(t, addType(enc.finish()));
    }
  }
  const plainOptions = {
    renumberFuncs: nF > 0,
    renumberGlobals: nG > 0,
    fuel: fuelOn,
    growHooks: options.growHooks === true,
    truncCheck: truncCheckOn,
    plainControl,
  };
  const plain = plainOperators(plainOptions);
  // where the fuel global is current, operators that can trap need nothing stored first: copied as the rest
  let plainClean = plain;
  if (fuelOn) {
    plainClean = plainOperators({ ...plainOptions, fuel: false });
    // drop and select stay as with fuel (what differs is only whether trapping operators are copied)
    plainClean[0x1a] = plain[0x1a];
    plainClean[0x1b] = plain[0x1b];
  }
  const ctx: RewriteContext = {
    plain,
    threaded,
    threadExtras,
    plainThreaded: threaded !== null ? plainForThreaded(plain) : plain,
    plainClean,
    plainThreadedClean: threaded !== null ? plainForThreaded(plainClean) : plainClean,
    plainCost,
    module,
    func,
    global,
    fuelCost,
    fuelGlobal,
    outOfFuelFunc,
    pendingGlobal,
    epochGlobal,
    deadlineGlobal,
    newEpochFunc,
    epochEntry,
    silentIndirect,
    bodyShapes,
    depthGlobal,
    stackOverflowFunc,
    maxCallDepth: options.maxCallDepth ?? 0,
    memoryGrowFunc,
    tableGrowFunc,
    trapFunc,
    indirectNullCheck: nullCheckOn,
    indexGlobal,
    instanceGlobal,
    instanceIdGlobal,
    epochPoll: options.epochPoll === true,
    hints: options.branchHints === true && (fuelOn || epochOn) ? new OffsetPairs() : null,
    truncNaNCheck: truncCheckOn,
    atomicWaits,
    resultBlockType(f, w) {
      const type = module.types[module.functions[f]].composite;
      const results = type.kind === 'func' ? type.results : [];
      if (results.length === 0) w.u8(BLOCK_EMPTY);
      else if (results.length === 1) w.valType(results[0]);
      else {
        const t = new ByteWriter().u8(FUNC_TYPE_FORM).u32(0).u32(results.length);
        for (const v of results) t.valType(v);
        w.s33(addType(t.finish()));
      }
    },
  };

  const extraExports = options.extraExports ?? [];
  const dropStart = options.dropStart === true && module.start !== null;
  const hostName = options.hostModuleName;
  if (
    nF === 0 &&
    nG === 0 &&
    atomicWaits === null &&
    !memoryImports &&
    extraExports.length === 0 &&
    !dropStart &&
    hostName === undefined
  )
    return result(bytes, [], 0, 0, nImpF, nImpG, -1, null);

  let codeBase = -1;
  const codePairs = new OffsetPairs();
  let wroteType = false;
  let wroteImport = false;
  let wroteExport = false;
  let wroteName = false;
  const exportSectionFor = (payload: BinaryReader | null) => {
    const w = new ByteWriter();
    const old = payload === null ? null : exportSection(ctx, payload);
    const countReader = old === null ? null : new BinaryReader(old, 0, old.length);
    const count = countReader === null ? 0 : countReader.u32();
    w.u32(count + extraExports.length);
    if (old !== null && countReader !== null) w.bytes(old.subarray(countReader.pos));
    for (const e of extraExports) {
      const kind = EXPORT_KINDS[e.kind];
      w.name(e.name)
        .u8(kind)
        .u32(kind === 0 ? func(e.index) : kind === 3 ? global(e.index) : e.index);
    }
    return w.finish();
  };
  const hostNameSection = (): Uint8Array => {
    const sub = new ByteWriter().name(hostName as string).finish();
    return new ByteWriter().name('name').u8(0).u32(sub.length).bytes(sub).finish();
  };

  /** Writes the code section's payload into `w`: every body in place after five bytes for its size. */
  const writeCode = (w: ByteWriter, payloadOffset: number, size: number) => {
    const r = new BinaryReader(bytes, payloadOffset, payloadOffset + size);
    const count = r.u32();
    w.u32(count);
    // with no store control on, the validator's sites (when recorded) say where anything changes
    const sites = plainControl && options.forceWalk !== true ? (module.codeSites ?? null) : null;
    const rewriter = sites === null ? new BodyRewriter(ctx) : null;
    for (let i = 0; i < count; i++) {
      const at = w.reserveU32();
      if (rewriter === null) rewriteBodyFromSites(ctx, sites as CodeSites, i, module.bodies[i], w, codePairs);
      else rewriter.rewrite(nImpF + i, module.bodies[i], w, codePairs);
      w.patchU32(at, w.length - at - 5);
    }
  };
  // with a store control on, the code section first: it may append wrapper block types; without, the code is
  // written in place in the output (offset pairs counted from the output's start)
  const sections = readSections(bytes);
  let code: Uint8Array | null = null;
  for (const s of sections) {
    if (s.id === SectionId.Code && !plainControl) {
      // fuel's flushes and stores grow code by up to about 0.8 of its size on the large modules (brotli,
      // clang-format), epochs' and the depth guard's by up to a quarter: room for more, so that the buffer is not
      // grown near the end (a copy of megabytes into fresh pages, and a deoptimization of the writer's code that
      // the first compile of a process then pays for again); pages never written are never touched
      const w = new ByteWriter(s.size + (fuelOn ? s.size + (s.size >> 2) : s.size >> 1) + 64);
      writeCode(w, s.payloadOffset, s.size);
      code = w.view();
    }
  }

  // the output: the input, the code's growth, five-byte sizes and what is added (one buffer, rarely grown)
  const codeSize = sections.find((s) => s.id === SectionId.Code)?.size ?? 0;
  let added = 1024 + hostImports.length * 48 + (hostName?.length ?? 0) * 3;
  for (const e of extraExports) added += e.name.length * 3 + 12;
  for (const t of newTypes) added += t.length;
  // the branch hints (one entry per check), before the code
  const hintSection = code !== null && ctx.hints !== null && ctx.hints.length > 0 ? branchHintSection(ctx.hints) : null;
  if (hintSection !== null) added += hintSection.length + 6;
  const growth = code !== null ? code.length - codeSize : module.bodies.length * 8 + (codeSize >> 4);
  const out = new ByteWriter(bytes.length + growth + added);
  out.copy(bytes, 0, 8);
  const typeSection = (payload: BinaryReader | null) => {
    const w = new ByteWriter();
    const count = payload === null ? 0 : payload.u32();
    w.u32(count + newTypes.length);
    if (payload !== null) w.copy(bytes, payload.pos, payload.end);
    for (const t of newTypes) w.bytes(t);
    return w.finish();
  };
  const importSection = (payload: BinaryReader | null) => {
    const w = new ByteWriter();
    const count = payload === null ? 0 : payload.u32();
    w.u32(count + hostImports.length);
    if (payload !== null) w.copy(bytes, payload.pos, payload.end);
    for (const imp of hostImports) {
      w.name(HOST_MODULE).name(imp.name);
      if (imp.kind === 'func') w.u8(IMPORT_KIND.func).u32(funcTypes[imp.index - nImpF]);
      else if (imp.kind === 'memory') {
        // the memory section's limits (hostImportableMemory: not shared, 32-bit, 64 KiB pages)
        const limits = module.memories[imp.index].limits;
        w.u8(IMPORT_KIND.memory)
          .u8(limits.max === null ? 0x00 : 0x01)
          .u32(limits.min);
        if (limits.max !== null) w.u32(limits.max);
      } else
        w.u8(IMPORT_KIND.global)
          .u8(imp.valueType === 'i32' ? I32 : I64)
          .u8(imp.mutable === false ? 0x00 : 0x01);
    }
    return w.finish();
  };

  for (const s of sections) {
    const r = new BinaryReader(bytes, s.payloadOffset, s.payloadOffset + s.size);
    const original = bytes.subarray(s.offset, s.payloadOffset + s.size);
    if (!s.custom) {
      // sections the instrumentation needs but the module lacks go where the order puts them
      if (!wroteType && newTypes.length > 0 && s.id !== SectionId.Type) {
        out.section(SectionId.Type, typeSection(null));
        wroteType = true;
      }
      if (!wroteImport && hostImports.length > 0 && s.id !== SectionId.Type && s.id !== SectionId.Import) {
        out.section(SectionId.Import, importSection(null));
        wroteImport = true;
      }
      // the export section (7) comes before start (8), element (9), data count (12), code (10) and data (11)
      if (!wroteExport && extraExports.length > 0 && s.id > SectionId.Export && s.id !== SectionId.Tag) {
        out.section(SectionId.Export, exportSectionFor(null));
        wroteExport = true;
      }
    }
    switch (s.id) {
      case SectionId.Type:
        if (newTypes.length === 0) out.bytes(original);
        else out.section(s.id, typeSection(r));
        wroteType = true;
        continue;
      case SectionId.Import:
        if (hostImports.length === 0) out.bytes(original);
        else out.section(s.id, importSection(r));
        wroteImport = true;
        continue;
      case SectionId.Code:
        if (code === null) {
          codeBase = 0;
          out.sectionWith(s.id, (w) => writeCode(w, s.payloadOffset, s.size));
        } else {
          if (hintSection !== null) out.section(0, hintSection);
          codeBase = out.length + 1 + new ByteWriter().u32(code.length).length;
          out.section(s.id, code);
        }
        continue;
    }
    switch (s.id) {
      case SectionId.Global:
        out.sectionWith(s.id, (w) => globalSection(ctx, r, w));
        continue;
      case SectionId.Table:
        out.section(s.id, tableSection(ctx, r));
        continue;
      case SectionId.Export:
        out.section(s.id, extraExports.length > 0 ? exportSectionFor(r) : exportSection(ctx, r));
        wroteExport = true;
        continue;
      case SectionId.Memory:
        if (memoryImports) continue; // every defined memory is imported now
        break;
      case SectionId.Start:
        if (!dropStart) out.section(s.id, new ByteWriter().u32(func(r.u32())).finish());
        continue;
      case SectionId.Function:
        if (threaded === null) break;
        out.section(s.id, functionSection(module, threaded, threadedType));
        continue;
      case SectionId.Element:
        out.sectionWith(s.id, (w) => elementSection(ctx, r, w));
        continue;
      case SectionId.Data:
        // segments are copied as they are, in place; only offset expressions may change
        out.sectionWith(s.id, (w) => dataSection(ctx, r, w));
        continue;
      case SectionId.Custom: {
        if (s.name === 'name') {
          if (wroteName) continue;
          const names = nameSection(ctx, bytes, s.payloadOffset, s.payloadOffset + s.size, hostName, threadExtras);
          if (names !== null) out.section(0, names);
          else if (hostName !== undefined) out.section(0, hostNameSection());
          wroteName = true;
          continue;
        }
        // code metadata (branch hints...) names byte offsets that no longer hold
        if (s.name.startsWith('metadata.code.')) continue;
        out.bytes(original);
        continue;
      }
    }
    out.bytes(original);
  }
  if (!wroteType && newTypes.length > 0) out.section(SectionId.Type, typeSection(null));
  if (!wroteImport && hostImports.length > 0) out.section(SectionId.Import, importSection(null));
  if (!wroteExport && extraExports.length > 0) out.section(SectionId.Export, exportSectionFor(null));
  if (!wroteName && hostName !== undefined) out.section(0, hostNameSection());

  // a view of the output buffer, sized for it above: no copy of the whole module
  return result(out.view(), hostImports, funcShift, globalShift, nImpF, nImpG, codeBase, codePairs);
}

/** Assembles the `InstrumentedModule` (pairs null: offsets map one to one). */
function result(
  bytes: Uint8Array,
  hostImports: HostImport[],
  funcShift: number,
  globalShift: number,
  nImpF: number,
  nImpG: number,
  base: number,
  pairs: OffsetPairs | null,
): InstrumentedModule {
  const map = pairs === null ? null : pairs.data.subarray(0, pairs.length);
  return instrumentedFromParts({ bytes, hostImports, funcShift, globalShift, nImpF, nImpG, base, pairs: map });
}

/**
 * The `InstrumentedModule` of its `parts` (as another thread posted them: plain data, no functions), the same
 * module `instrumentModule` returned there.
 */
export function instrumentedFromParts(parts: InstrumentedParts): InstrumentedModule {
  const { bytes, hostImports, funcShift, globalShift, nImpF, nImpG, base, pairs } = parts;
  const func = (f: number) => (f < nImpF ? f : f + funcShift);
  const global = (g: number) => (g < nImpG ? g : g + globalShift);
  return {
    bytes,
    hostImports,
    funcShift,
    globalShift,
    parts,
    funcIndex: func,
    globalIndex: global,
    originalFuncIndex: (f) => (f < nImpF ? f : f < nImpF + funcShift ? -1 : f - funcShift),
    originalOffset(offset) {
      if (pairs === null) return offset;
      if (base < 0 || pairs.length === 0 || offset < base + pairs[0]) return -1;
      const rel = offset - base;
      // the last pair at or before `rel`
      let lo = 0;
      let hi = pairs.length / 2 - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (pairs[mid * 2] <= rel) lo = mid;
        else hi = mid - 1;
      }
      const at = pairs[lo * 2 + 1];
      return at < 0 ? ~at : at + (rel - pairs[lo * 2]);
    },
  };
}

function globalSection(ctx: RewriteContext, r: BinaryReader, w: ByteWriter): void {
  const n = r.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    skipValType(r);
    r.u8();
    w.copy(r.bytes, at, r.pos);
    rewriteConstExpr(ctx, r, w);
  }
}

function tableSection(ctx: RewriteContext, r: BinaryReader): Uint8Array {
  const w = new ByteWriter();
  const n = r.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    const withInit = r.peek() === 0x40;
    if (withInit) r.pos += 2;
    skipValType(r);
    skipLimits(r);
    w.copy(r.bytes, at, r.pos);
    if (withInit) rewriteConstExpr(ctx, r, w);
  }
  return w.finish();
}

function skipLimits(r: BinaryReader): void {
  const flags = r.u8();
  r.u64();
  if (flags & 1) r.u64();
}

function exportSection(ctx: RewriteContext, r: BinaryReader): Uint8Array {
  const w = new ByteWriter();
  const n = r.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    r.skip(r.u32());
    const kind = r.u8();
    w.copy(r.bytes, at, r.pos);
    const idx = r.u32();
    w.u32(kind === 0x00 ? ctx.func(idx) : kind === 0x03 ? ctx.global(idx) : idx);
  }
  return w.finish();
}

function elementSection(ctx: RewriteContext, r: BinaryReader, w: ByteWriter): void {
  const n = r.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) {
    const flags = r.u32();
    w.u32(flags);
    if (flags & 2 && !(flags & 1)) w.u32(r.u32()); // table index
    if (!(flags & 1)) rewriteConstExpr(ctx, r, w); // offset
    if (flags & 3) {
      // element kind (0x00) or reference type
      const at = r.pos;
      if (flags & 4) skipValType(r);
      else r.u8();
      w.copy(r.bytes, at, r.pos);
    }
    const count = r.u32();
    w.u32(count);
    for (let j = 0; j < count; j++) {
      if (flags & 4) rewriteConstExpr(ctx, r, w);
      else w.u32(ctx.func(r.u32()));
    }
  }
}

function dataSection(ctx: RewriteContext, r: BinaryReader, w: ByteWriter): void {
  const n = r.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) {
    const flags = r.u32();
    w.u32(flags);
    if (flags === 2) w.u32(r.u32());
    if (flags !== 1) {
      // the usual offset, `i32.const n` / `i64.const n`, copied as it is
      const b = r.bytes;
      let p = r.pos;
      if (b[p] === 0x41 || b[p] === 0x42) {
        p++;
        while (b[p] & 0x80) p++;
        p++;
      }
      if (p > r.pos && b[p] === 0x0b) {
        w.copy(b, r.pos, p + 1);
        r.pos = p + 1;
      } else rewriteConstExpr(ctx, r, w);
    }
    const at = r.pos;
    r.skip(r.u32());
    w.copy(r.bytes, at, r.pos);
  }
}

/**
 * The name section with function and global indices renumbered (function, local and label names are
 * keyed by function index; global names by global index). Null if it does not parse: it is dropped.
 */
function nameSection(
  ctx: RewriteContext,
  bytes: Uint8Array,
  start: number,
  end: number,
  hostName: string | undefined,
  threadExtras: number,
): Uint8Array | null {
  try {
    const r = new BinaryReader(bytes, start, end);
    r.name(); // the section's own name, "name"
    const w = new ByteWriter();
    w.name('name');
    if (hostName !== undefined) {
      const sub = new ByteWriter().name(hostName).finish();
      w.u8(0).u32(sub.length).bytes(sub);
    }
    while (!r.eof()) {
      const id = r.u8();
      const size = r.u32();
      const sub = new BinaryReader(bytes, r.pos, r.pos + size);
      r.skip(size);
      if (id === 0 && hostName !== undefined) continue;
      const remap = id === 1 || id === 2 || id === 3 ? ctx.func : id === 7 ? ctx.global : null;
      if (remap === null) {
        w.u8(id).u32(size).copy(bytes, sub.pos, sub.end);
        continue;
      }
      const p = new ByteWriter(size + 8);
      const n = sub.u32();
      p.u32(n);
      for (let i = 0; i < n; i++) {
        const f = sub.u32();
        p.u32(remap(f));
        const at = sub.pos;
        const d = f - ctx.module.numImportedFuncs;
        if (id === 2 && ctx.threaded !== null && d >= 0 && ctx.threaded[d] === 1) {
          // a threaded function's declared locals moved up by its added parameters
          const type = ctx.module.types[ctx.module.functions[f]].composite;
          const nParams = type.kind === 'func' ? type.params.length : 0;
          const m = sub.u32();
          p.u32(m);
          for (let j = 0; j < m; j++) {
            const l = sub.u32();
            p.u32(l >= nParams ? l + threadExtras : l);
            const nameAt = sub.pos;
            sub.skip(sub.u32());
            p.copy(bytes, nameAt, sub.pos);
          }
          continue;
        }
        if (id === 2 || id === 3) {
          const m = sub.u32();
          for (let j = 0; j < m; j++) {
            sub.u32();
            sub.skip(sub.u32());
          }
        } else sub.skip(sub.u32());
        p.copy(bytes, at, sub.pos);
      }
      if (!sub.eof()) return null;
      w.section(id, p.finish());
    }
    return w.finish();
  } catch {
    return null;
  }
}

/**
 * Per defined function: 1 when its fuel and check counts are threaded through its calls (extra i64 parameters
 * and results; codegen's src/wasm/README.md, "Counters threaded through calls"). Only functions the host and
 * tables never see qualify: not exported, referenced or the start function, no exception handlers (a handler
 * reads the counters from the globals), no tail calls and not the target of one (the callers' results would
 * differ). With epochs alone (`silentEntries` given), a function that checks nowhere keeps its type.
 */
function threadedFunctions(
  module: Module,
  shapes: Uint8Array,
  tailTargets: ReadonlySet<number>,
  silentEntries: Uint8Array | null,
  extraExports: NonNullable<InstrumentOptions['extraExports']>,
): Uint8Array {
  const nImp = module.numImportedFuncs;
  const out = new Uint8Array(module.bodies.length);
  for (let i = 0; i < out.length; i++)
    out[i] =
      (shapes[i] & (BODY_HANDLERS | BODY_TAIL_CALLS)) === 0 &&
      !tailTargets.has(i) &&
      !module.declaredFuncRefs.has(funcIndexOfDefined(module, DefinedFuncIndex(i))) &&
      (silentEntries === null || silentEntries[i] !== EPOCH_SILENT)
        ? 1
        : 0;
  const seen = (f: number) => {
    if (f >= nImp) out[f - nImp] = 0;
  };
  if (module.start !== null) seen(module.start);
  for (const e of module.exports) if (e.kind === 'func') seen(e.index);
  for (const e of extraExports) if (e.kind === 'func') seen(e.index);
  return out;
}

/** The function section with each threaded function's type replaced by its threaded form. */
function functionSection(module: Module, threaded: Uint8Array, types: ReadonlyMap<number, number>): Uint8Array {
  const nImp = module.numImportedFuncs;
  const w = new ByteWriter();
  w.u32(threaded.length);
  for (let i = 0; i < threaded.length; i++) {
    const t = module.functions[nImp + i];
    w.u32(threaded[i] === 1 ? (types.get(t) as number) : t);
  }
  return w.finish();
}

/**
 * The `metadata.code.branch_hint` custom section of `hints` (output function index, body offset pairs in code order):
 * per function its hints, each the offset of an `if` or `br_if` from the start of the body (its local declarations),
 * one byte of hint, 0: unlikely.
 */
function branchHintSection(pairs: OffsetPairs): Uint8Array {
  const hints = pairs.data;
  const length = pairs.length;
  const w = new ByteWriter(length * 3 + 64).name('metadata.code.branch_hint');
  let funcs = 0;
  for (let i = 0; i < length; i += 2) if (i === 0 || hints[i] !== hints[i - 2]) funcs++;
  w.u32(funcs);
  for (let i = 0; i < length; ) {
    const f = hints[i];
    let n = 0;
    while (i + 2 * n < length && hints[i + 2 * n] === f) n++;
    w.u32(f).u32(n);
    for (let k = 0; k < n; k++)
      w.u32(hints[i + 2 * k + 1])
        .u8(1)
        .u8(0);
    i += 2 * n;
  }
  return w.finish();
}
