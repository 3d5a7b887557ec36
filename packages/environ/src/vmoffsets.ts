// The one definition of an instance's VMContext layout (like wasmtime's VMOffsets). In JavaScript a
// VMContext is a flat array of slots, so "offsets" are slot indices. Codegen bakes these indices into
// generated code and the runtime allocates and fills the array with the same numbers; neither side
// computes a position on its own.
//
// Layout, in order:
//
//   header       fixed slots (VMCTX_*): magic, runtime limits, builtins, store, type ids, epoch, instance
//   imported functions     one slot each: the callee's VMFuncRef (code + its own vmctx + type id)
//   imported tables        one slot each: the exporting instance's table object
//   imported memories      one slot each: the exporting instance's memory object
//   imported globals       one slot each: the exporting instance's global cell
//   imported tags          one slot each: the tag's identity object
//   defined tables         one slot each
//   defined memories       one slot each
//   defined globals        one slot each: a global cell (shared by reference when exported)
//   defined tags           one slot each
//   func refs              one slot per function that can escape (ref.func, exports, tables)
//
// The store-wide runtime limits (fuel, epoch deadline, stack depth) live in a `VMRuntimeLimits` object that the
// header's VMCTX_RUNTIME_LIMITS slot points to.

import type { Module } from './module.js';
import type {
  DefinedGlobalIndex,
  DefinedMemoryIndex,
  DefinedTableIndex,
  DefinedTagIndex,
  FuncIndex,
  GlobalIndex,
  MemoryIndex,
  TableIndex,
  TagIndex,
} from './types.js';

/** Slot 0: a marker checked in debug builds to catch a wrong array passed as a vmctx. */
export const VMCTX_MAGIC = 0;
/** Slot 1: the store's runtime limits (a `VMRuntimeLimits`). */
export const VMCTX_RUNTIME_LIMITS = 1;
/** Slot 2: the builtins object `rt`, whose members are the libcalls of `LIBCALLS` (libcalls.ts). */
export const VMCTX_BUILTINS = 2;
/** Slot 3: the store (host state and the embedder's data). */
export const VMCTX_STORE = 3;
/** Slot 4: engine-wide type ids of the module's types (Int32Array indexed by TypeIndex). */
export const VMCTX_TYPE_IDS = 4;
/** Slot 5: the engine's epoch counter (a Float64Array of one element). */
export const VMCTX_EPOCH_COUNTER = 5;
/** Slot 6: the runtime `Instance` that owns this vmctx. */
export const VMCTX_INSTANCE = 6;
/** Number of header slots. */
export const VMCTX_HEADER_SLOTS = 7;
/** The value stored in `VMCTX_MAGIC`: "core" in ASCII, as in wasmtime. */
export const VMCTX_MAGIC_VALUE = 0x65726f63;

/**
 * The most fuel `VMRuntimeLimits.fuelWindow` holds: compiled code subtracts what it consumes from it in int32
 * arithmetic, and between two checks it consumes at most a function's straight-line cost per frame it returns
 * through, so the element stays far above -2^31.
 */
export const FUEL_WINDOW = 2 ** 30;

/**
 * What a store's first fuel window holds at most; each refill doubles it, up to `FUEL_WINDOW` (so a window below
 * `FUEL_WINDOW` grows). It is `FUEL_WINDOW` itself, so the doubling does nothing now. It was chosen when a refill ran
 * the slow path of whichever check the window ran out at as code optimized code had never run (a deopt, "Insufficient
 * type feedback"): starting at 2^12 and doubling (b457ad3) made x25519 with fuel deoptimize its ladder in every other
 * run (f3 compiled 7 times; js+fuel 9.39x native in CPU against 4.03x with 2^30 from the start, json 4.18x against
 * 3.57x; load 0.4-2). Since da6a358 the refill needs no type feedback at the check (packages/codegen/README.md, "The
 * refill"), so a smaller start would no longer deoptimize; not measured, so it stays.
 */
export const FUEL_WINDOW_START = 2 ** 30;

/**
 * The store-wide runtime limits: one object per store, whose fields generated code reads and writes by name
 * (docs/js-abi.md, v1.18). A field of a plain object that holds a double is a box updated in place, read and
 * written without a bounds check; an element of a Float64Array (the form before v1.18) costs a length check and
 * three loads after every call, which can detach the buffer (packages/codegen/README.md, "Fuel and epochs in
 * locals"). Every double field starts as a double (`-0`: not a small integer), so the object keeps one shape for its
 * life.
 */
export class VMRuntimeLimits {
  /**
   * The fuel consumed so far, less what is left in `fuelWindow`: the count is `fuelBase - fuelWindow[0]` (the
   * getter `fuelConsumed`).
   */
  fuelBase = -0;
  /**
   * The fuel left to compiled code before it asks the runtime (`rt.outOfGas`, which refills it from the rest or
   * finds the fuel gone): an Int32Array of one element, at most `FUEL_WINDOW`, below 0 by what was consumed past
   * it since the last check. JS backend code keeps its count against it in locals and hands it over around calls
   * (packages/codegen/README.md, "Fuel and epochs in locals"): an int32 element stored and read back is forwarded
   * from the store in a general register, where the double field it was (v1.18-v1.24) went through a
   * floating-point store, load and subtraction on every call's critical path (fib with fuel 3.2x -> 1.5x its time
   * without).
   */
  readonly fuelWindow = new Int32Array(1);
  /** The most the window gets when set or refilled: `FUEL_WINDOW_START`, doubled at each refill up to `FUEL_WINDOW`. */
  fuelWindowSize = FUEL_WINDOW_START;
  /** Fuel consumed so far, counting up towards 0 from minus the fuel added (wasmtime's convention). */
  get fuelConsumed(): number {
    return this.fuelBase - this.fuelWindow[0];
  }
  /** Sets the count: the window gets what is left, up to `fuelWindowSize` (none when nothing is left). */
  set fuelConsumed(consumed: number) {
    const window = consumed < 0 ? Math.min(-consumed, this.fuelWindowSize) : 0;
    this.fuelWindow[0] = window;
    this.fuelBase = consumed + window;
  }
  /** Epoch at or beyond which running code traps with Interrupt (or yields). */
  epochDeadline = -0;
  /** Current wasm call depth. */
  stackDepth = -0;
  /** Most wasm call depth allowed (from `Tunables.maxCallDepth`). */
  stackLimit = -0;
}

/** The entity counts a layout is computed from (a `Module` provides them). */
export interface VMOffsetsCounts {
  readonly numImportedFuncs: number;
  readonly numImportedTables: number;
  readonly numImportedMemories: number;
  readonly numImportedGlobals: number;
  readonly numImportedTags: number;
  readonly numDefinedTables: number;
  readonly numDefinedMemories: number;
  readonly numDefinedGlobals: number;
  readonly numDefinedTags: number;
  /** Functions that need a func ref slot, in increasing FuncIndex order. */
  readonly escapedFuncs: readonly FuncIndex[];
  /** Size of the function index space. */
  readonly numFuncs: number;
}

/** The counts `VMOffsets` needs, taken from a decoded module. */
export function vmOffsetsCounts(module: Module): VMOffsetsCounts {
  const escapedFuncs = [...module.declaredFuncRefs].sort((a, b) => a - b);
  return {
    numImportedFuncs: module.numImportedFuncs,
    numImportedTables: module.numImportedTables,
    numImportedMemories: module.numImportedMemories,
    numImportedGlobals: module.numImportedGlobals,
    numImportedTags: module.numImportedTags,
    numDefinedTables: module.tables.length - module.numImportedTables,
    numDefinedMemories: module.memories.length - module.numImportedMemories,
    numDefinedGlobals: module.globals.length - module.numImportedGlobals,
    numDefinedTags: module.tags.length - module.numImportedTags,
    escapedFuncs,
    numFuncs: module.functions.length,
  };
}

/** Slot indices of one module's VMContext layout (see the top of this file). */
export class VMOffsets {
  /** First imported function slot. */
  readonly importedFunctions: number;
  /** First imported table slot. */
  readonly importedTables: number;
  /** First imported memory slot. */
  readonly importedMemories: number;
  /** First imported global slot. */
  readonly importedGlobals: number;
  /** First imported tag slot. */
  readonly importedTags: number;
  /** First defined table slot. */
  readonly definedTables: number;
  /** First defined memory slot. */
  readonly definedMemories: number;
  /** First defined global slot. */
  readonly definedGlobals: number;
  /** First defined tag slot. */
  readonly definedTags: number;
  /** First func ref slot. */
  readonly funcRefs: number;
  /** Total number of slots. */
  readonly size: number;
  /** The counts this layout was computed from. */
  readonly counts: VMOffsetsCounts;
  /** Func ref slot of each function index, or -1 for functions that never escape. */
  private readonly funcRefSlot: Int32Array;

  constructor(from: Module | VMOffsetsCounts) {
    const c = 'bytes' in from ? vmOffsetsCounts(from) : from;
    this.counts = c;
    let next = VMCTX_HEADER_SLOTS;
    this.importedFunctions = next;
    next += c.numImportedFuncs;
    this.importedTables = next;
    next += c.numImportedTables;
    this.importedMemories = next;
    next += c.numImportedMemories;
    this.importedGlobals = next;
    next += c.numImportedGlobals;
    this.importedTags = next;
    next += c.numImportedTags;
    this.definedTables = next;
    next += c.numDefinedTables;
    this.definedMemories = next;
    next += c.numDefinedMemories;
    this.definedGlobals = next;
    next += c.numDefinedGlobals;
    this.definedTags = next;
    next += c.numDefinedTags;
    this.funcRefs = next;
    this.funcRefSlot = new Int32Array(c.numFuncs).fill(-1);
    for (let i = 0; i < c.escapedFuncs.length; i++) this.funcRefSlot[c.escapedFuncs[i]] = next + i;
    next += c.escapedFuncs.length;
    this.size = next;
  }

  /** Slot of imported function `index` (a FuncIndex below the import count). */
  importedFunction(index: FuncIndex): number {
    return this.importedFunctions + index;
  }
  /** Slot of imported table `index`. */
  importedTable(index: TableIndex): number {
    return this.importedTables + index;
  }
  /** Slot of imported memory `index`. */
  importedMemory(index: MemoryIndex): number {
    return this.importedMemories + index;
  }
  /** Slot of imported global `index`. */
  importedGlobal(index: GlobalIndex): number {
    return this.importedGlobals + index;
  }
  /** Slot of imported tag `index`. */
  importedTag(index: TagIndex): number {
    return this.importedTags + index;
  }
  /** Slot of defined table `index` (a DefinedTableIndex). */
  definedTable(index: DefinedTableIndex): number {
    return this.definedTables + index;
  }
  /** Slot of defined memory `index` (a DefinedMemoryIndex). */
  definedMemory(index: DefinedMemoryIndex): number {
    return this.definedMemories + index;
  }
  /** Slot of defined global `index` (a DefinedGlobalIndex). */
  definedGlobal(index: DefinedGlobalIndex): number {
    return this.definedGlobals + index;
  }
  /** Slot of defined tag `index`. */
  definedTag(index: DefinedTagIndex): number {
    return this.definedTags + index;
  }
  /** Slot of table `index` in the whole table index space (imported or defined). */
  table(index: TableIndex): number {
    const n = this.counts.numImportedTables;
    return index < n ? this.importedTables + index : this.definedTables + index - n;
  }
  /** Slot of memory `index` in the whole memory index space. */
  memory(index: MemoryIndex): number {
    const n = this.counts.numImportedMemories;
    return index < n ? this.importedMemories + index : this.definedMemories + index - n;
  }
  /** Slot of global `index` in the whole global index space. */
  global(index: GlobalIndex): number {
    const n = this.counts.numImportedGlobals;
    return index < n ? this.importedGlobals + index : this.definedGlobals + index - n;
  }
  /** Slot of tag `index` in the whole tag index space. */
  tag(index: TagIndex): number {
    const n = this.counts.numImportedTags;
    return index < n ? this.importedTags + index : this.definedTags + index - n;
  }
  /** Func ref slot of function `index`, or -1 if it never escapes. */
  funcRef(index: FuncIndex): number {
    return index < this.funcRefSlot.length ? this.funcRefSlot[index] : -1;
  }
}
