// Re-encodes one function body (or a constant expression) operator by operator: bytes are copied as
// they are, function and global indices are renumbered, and the hooks (fuel, epoch, call depth) are
// inserted at function entry, loop headers, before control flow and at every exit.

import {
  BinaryReader,
  ByteWriter,
  F32,
  F64,
  type FunctionBody,
  I32,
  I64,
  Imm,
  LAYOUT_BY_ID,
  LAYOUT_BY_OPCODE,
  Layout,
  type Module,
  type OperatorInfo,
  OpFlag,
  skipBlockType,
  skipImmediates,
  skipLayout,
  TrapCode,
} from '@wasmts/environ';
import { BODY_CALLS, BODY_HANDLERS, BODY_LOOPS, EPOCH_SILENT } from '../epoch-entries.js';
import { leb, pastLeb, readLeb, u32At } from './leb.js';
import { BLOCK_EMPTY, OP } from './opcodes.js';
import { CONTROL, OperatorWalker, readCatch, readOperator, SILENT_OPS } from './operators.js';

/** `TrapCode.IndirectCallToNull` (environ), passed to the `trap` import by the null check. */
const INDIRECT_CALL_TO_NULL = 4;
/** `TrapCode.BadConversionToInteger`. */
const BAD_CONVERSION_TO_INTEGER = 8;
/** Trapping truncations: 1 for an f32 operand, 2 for f64 (by opcode). */
const TRUNC = new Uint8Array(256);
for (const op of [0xa8, 0xa9, 0xae, 0xaf]) TRUNC[op] = 1;
for (const op of [0xaa, 0xab, 0xb0, 0xb1]) TRUNC[op] = 2;

/**
 * Whether the operator `info` cannot trap or reach the host (`OpFlag.Silent`): after it the fuel counter need not
 * be in the global. Branches and the function's end are decided separately (only those leaving the function
 * store).
 */
function silent(info: OperatorInfo): boolean {
  return (info.flags & OpFlag.Silent) !== 0;
}

/**
 * Whether a body has exception handlers (`try`, `try_table`: its fuel counter is then written through),
 * loops (without them its epoch count stays in the global) and calls (`memory.grow` and `table.grow` count:
 * they may become host calls).
 */
function scanBody(bytes: Uint8Array, start: number, end: number): number {
  let found = 0;
  let p = start;
  const walker = new OperatorWalker(bytes);
  while (p < end) {
    const op = bytes[p];
    if (op === 0x06 /* try */ || op === 0x1f /* try_table */) found |= BODY_HANDLERS;
    else if (op === 0x03 /* loop */) found |= BODY_LOOPS;
    else if ((op >= 0x10 /* call */ && op <= 0x15) /* return_call_ref */ || op === 0x40 /* memory.grow */)
      found |= BODY_CALLS;
    if (found === (BODY_HANDLERS | BODY_LOOPS | BODY_CALLS)) break;
    p = walker.next(p);
    const slow = walker.slow;
    if (slow !== null && slow.prefix === 0xfc && slow.name === 'table.grow') found |= BODY_CALLS;
  }
  return found;
}

/**
 * Fuel per operator: an Int32Array when every cost is at most 2^30 - 1 (the default costs, 0 and 1), so that the
 * costs read and summed are small integers, else a Float64Array (instrument.ts, `SMALL_COST`).
 */
export type FuelCosts = Int32Array | Float64Array;

/** What the body rewriter needs to know about the module being instrumented. */
export interface RewriteContext {
  readonly module: Module;
  /** New function index for an old one. */
  readonly func: (f: number) => number;
  /** New global index for an old one. */
  readonly global: (g: number) => number;
  /** Fuel per operator (by OperatorInfo.id), or null when fuel is off. */
  readonly fuelCost: FuelCosts | null;
  /** Indices (in the new module) of the hook imports; -1 when off. */
  readonly fuelGlobal: number;
  readonly outOfFuelFunc: number;
  /** `InstrumentOptions.fuelTrap`: the `pending` global a check sets before trapping in place, else -1. */
  readonly pendingGlobal: number;
  readonly epochGlobal: number;
  /** The epoch global counts checks (see `InstrumentOptions.epochPoll`). */
  readonly epochPoll: boolean;
  readonly deadlineGlobal: number;
  readonly newEpochFunc: number;
  /** Per defined function: 1 when its entry checks the epoch (`epochEntryChecks`); null without epochs. */
  readonly epochEntry: Uint8Array | null;
  /**
   * `branchHints`: the unlikely branches written (pairs of output function index, offset from the body's start), in
   * code order; null: none are recorded.
   */
  readonly hints: OffsetPairs | null;
  /**
   * Per canonical type index: 1 when an indirect call of that type reaches no epoch check (`epochSilentIndirect`);
   * null without epochs or in a module open to outside function references.
   */
  readonly silentIndirect: Uint8Array | null;
  /** Per defined function: its `BODY_*` bits from `epochEntryChecks`' walk (null: `scanBody` finds them). */
  readonly bodyShapes: Uint8Array | null;
  readonly depthGlobal: number;
  readonly stackOverflowFunc: number;
  readonly maxCallDepth: number;
  /** Per memory / table index: the grow hook import replacing `memory.grow` / `table.grow`, or empty. */
  readonly memoryGrowFunc: readonly number[];
  readonly tableGrowFunc: readonly number[];
  /** The `trap (i32)` import the `call_indirect` null check and the truncation NaN check call, or -1. */
  readonly trapFunc: number;
  readonly indirectNullCheck: boolean;
  /** `recordIndirectIndex`: the globals written before each indirect call, or -1. */
  readonly indexGlobal: number;
  readonly instanceGlobal: number;
  readonly instanceIdGlobal: number;
  readonly truncNaNCheck: boolean;
  /** The block type of the function-wide wrapper block (call depth only): writes it. */
  readonly resultBlockType: (f: number, w: ByteWriter) => void;
  /**
   * Per opcode without a prefix: `PLAIN_COPY` when the operator is copied as it is with these options (nothing
   * inserted before or after it, no label), `PLAIN_GLOBAL` / `PLAIN_FUNC` when only its global or function index
   * is renumbered, else 0 (`plainOperators`). Runs of such operators are copied without decoding them.
   */
  readonly plain: Uint8Array;
  /** With fuel: the cost of each opcode without a prefix (`fuelCost` by opcode). */
  readonly plainCost: FuelCosts | null;
  /**
   * Per defined function: 1 when its counters are threaded through calls (`threadedFunctions`): it takes the fuel
   * and check counts as extra i64 parameters after its own and returns them after its results; null: none is.
   */
  readonly threaded: Uint8Array | null;
  /** How many i64 values a threaded function takes and returns: fuel (when on), then the check count (`epochPoll`). */
  readonly threadExtras: number;
  /** `plain` for threaded bodies: `local.get/set/tee` too as `PLAIN_LOCAL` (declared locals move up). */
  readonly plainThreaded: Uint8Array;
  /**
   * `plain` (and `plainThreaded`) for a stretch where the fuel global is current (`dirty` false): operators that
   * can trap are copied too, since nothing needs storing before them (with fuel off, the same tables).
   */
  readonly plainClean: Uint8Array;
  readonly plainThreadedClean: Uint8Array;
  /**
   * Per defined function: 1 when its body has a `memory.atomic.wait32` or `memory.atomic.wait64` that
   * `isolateAtomicWaits` rewrites (`atomicWaitFunctions`); null: none is rewritten.
   */
  readonly atomicWaits: Uint8Array | null;
}

/**
 * `isolateAtomicWaits`: V8 11.3's baseline compiler (Liftoff, Node 20) clobbers the value just below a
 * `memory.atomic.wait32` / `wait64`'s three operands (a local or an operand-stack entry held in a register),
 * so a loop around a wait can read its own locals as 0 and wait again at the wrong address forever (README.md,
 * "Atomic waits"). Each wait gets its operands from scratch locals with a dead `i32.const 0` below them, and its
 * result is kept past that value's `drop`. The five scratch locals (two i32, three i64) are declared after the
 * body's others: `WAIT_LOCALS` of them from `base`.
 */
export const WAIT_LOCALS = 5;

/** Declares the scratch locals of a body with waits (two local groups). */
export function writeWaitLocals(w: ByteWriter): void {
  w.u32(2).valType(I32).u32(3).valType(I64);
}

/** The memory index of the memarg at `pos` (an alignment with bit 6 set is followed by the memory index). */
function memargMemory(bytes: Uint8Array, pos: number): number {
  const r = new BinaryReader(bytes, pos, bytes.length);
  return (r.u32() & 0x40) !== 0 ? r.u32() : 0;
}

/**
 * Before the wait whose memarg is at `memarg` (`wait64`: `memory.atomic.wait64`): its operands into the scratch
 * locals from `base` (i32 address, i32 expected, i64 address, i64 expected, timeout), a dead i32 pushed, the
 * operands pushed again above it.
 */
export function writeWaitBefore(w: ByteWriter, module: Module, memarg: number, wait64: boolean, base: number): void {
  const addr = module.memories[memargMemory(module.bytes, memarg)]?.index64 === true ? base + 2 : base;
  const expected = wait64 ? base + 3 : base + 1;
  w.u8(OP.localSet)
    .u32(base + 4)
    .u8(OP.localSet)
    .u32(expected)
    .u8(OP.localSet)
    .u32(addr);
  w.u8(OP.i32Const).u8(0);
  w.u8(OP.localGet)
    .u32(addr)
    .u8(OP.localGet)
    .u32(expected)
    .u8(OP.localGet)
    .u32(base + 4);
}

/** After the wait: its result past the dead i32 (`local.set; drop; local.get` through the i32 scratch local). */
export function writeWaitAfter(w: ByteWriter, base: number): void {
  w.u8(OP.localSet)
    .u32(base + 1)
    .u8(OP.drop)
    .u8(OP.localGet)
    .u32(base + 1);
}

/** `RewriteContext.plain`: copied as it is. */
export const PLAIN_COPY = 1;
/** `RewriteContext.plain`: its global index renumbered. */
export const PLAIN_GLOBAL = 2;
/** `RewriteContext.plain`: its function index renumbered. */
export const PLAIN_FUNC = 3;
/** `RewriteContext.plainThreaded`: its local index renumbered (declared locals move up by the added parameters). */
export const PLAIN_LOCAL = 5;

/** `plain` with `local.get`, `local.set` and `local.tee` renumbered: the table for threaded bodies. */
export function plainForThreaded(plain: Uint8Array): Uint8Array {
  const t = plain.slice();
  t[0x20] = t[0x21] = t[0x22] = PLAIN_LOCAL;
  return t;
}

/**
 * The `RewriteContext.plain` table for these options: every assigned opcode without a prefix (its immediates
 * stepped over by environ's `skipLayout`), except control flow, calls, the rewritten or checked ones, and with fuel every operator that
 * is not silent (the counter may be stored first); `global.get`/`global.set`/`ref.func` as renumbered ones, and
 * `call` too when nothing is inserted around calls (`plainControl`: no fuel, epoch or call depth). With
 * `plainControl` labels keep their depths and nothing is inserted at blocks, branches or the function's end, so
 * control flow is copied as it is too (the body's last `end` ends the walk).
 */
export function plainOperators(o: {
  renumberFuncs: boolean;
  renumberGlobals: boolean;
  fuel: boolean;
  growHooks: boolean;
  truncCheck: boolean;
  plainControl: boolean;
}): Uint8Array {
  const plain = new Uint8Array(256);
  for (let op = 0; op < 256; op++) {
    if (LAYOUT_BY_OPCODE[op] === Layout.Prefix) continue; // prefixes, unassigned opcodes
    if (op <= 0x1f /* try_table */ || op === 0xd5 /* br_on_null */ || op === 0xd6 /* br_on_non_null */) continue; // control, calls, exceptions
    if (o.growHooks && op === 0x40 /* memory.grow */) continue;
    if (o.truncCheck && TRUNC[op] !== 0) continue;
    if (o.fuel && (CONTROL[op] === 1 || SILENT_OPS[op] !== 1)) continue;
    plain[op] = PLAIN_COPY;
  }
  plain[0x23] = plain[0x24] = o.renumberGlobals ? PLAIN_GLOBAL : PLAIN_COPY;
  plain[0xd2] = o.renumberFuncs ? PLAIN_FUNC : PLAIN_COPY;
  // drop, select
  if (!o.fuel) plain[0x1a] = plain[0x1b] = PLAIN_COPY;
  if (o.plainControl) {
    for (const op of [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0f])
      plain[op] = PLAIN_COPY;
    for (const op of [0x14, 0x15, 0x18, 0x19]) plain[op] = PLAIN_COPY;
    plain[0x10] = plain[0x12] = o.renumberFuncs ? PLAIN_FUNC : PLAIN_COPY;
    plain[0x0e] = plain[0x1c] = plain[0x1f] = PLAIN_COPY;
  }
  return plain;
}

/** Copies the immediates of `info` from `r` to `w`, renumbering function and global indices. */
function copyImmediates(ctx: RewriteContext, bytes: Uint8Array, r: BinaryReader, w: ByteWriter, info: OperatorInfo) {
  const start = r.pos;
  if (info.imm === Imm.Func || info.imm === Imm.Global) {
    const old = r.u32();
    const idx = info.imm === Imm.Func ? ctx.func(old) : ctx.global(old);
    if (idx === old) w.copy(bytes, start, r.pos);
    else w.u32(idx);
    return;
  }
  r.pos = skipLayout(bytes, start, r.end, LAYOUT_BY_ID[info.id]);
  w.copy(bytes, start, r.pos);
}

/** Re-encodes the constant expression at `r.pos` (through its `end`), renumbering indices. */
export function rewriteConstExpr(ctx: RewriteContext, r: BinaryReader, w: ByteWriter): void {
  const bytes = r.bytes;
  for (;;) {
    const at = r.pos;
    const info = readOperator(r);
    w.copy(bytes, at, r.pos);
    copyImmediates(ctx, bytes, r, w, info);
    if (info.prefix === 0 && info.code === 0x0b /* end */) return;
  }
}

enum Kind {
  Func,
  Block,
  Loop,
  If,
  Try,
  TryTable,
}

interface Frame {
  kind: Kind;
  /** Reset the depth counter after this frame's end (a `try_table` catch clause lands there). */
  restore: boolean;
  /** Position of a loop's opcode (to find loops that catch clauses target). */
  at: number;
  /**
   * The frame's label counted from the function's label in the output, where each loop with checks has
   * one more label around it (its poll loop); branch depths are renumbered by the difference.
   */
  out: number;
}

/** Positions of the `loop` opcodes some `try_table` catch clause branches to. */
function loopsTargetedByCatches(bytes: Uint8Array, start: number, end: number): Set<number> {
  const r = new BinaryReader(bytes, start, end);
  const stack: Frame[] = [{ kind: Kind.Func, restore: false, at: -1, out: 0 }];
  const out = new Set<number>();
  while (!r.eof()) {
    const at = r.pos;
    const info = readOperator(r);
    if (info.prefix !== 0) {
      skipImmediates(r, info.imm);
      continue;
    }
    switch (info.code) {
      case 0x02: // block
      case 0x03: // loop
      case 0x04: // if
      case 0x06: // try
        skipBlockType(r);
        stack.push({ kind: info.code === 0x03 /* loop */ ? Kind.Loop : Kind.Block, restore: false, at, out: 0 });
        continue;
      case 0x1f: {
        // try_table
        skipBlockType(r);
        const n = r.u32();
        for (let i = 0; i < n; i++) {
          const f = stack[stack.length - 1 - readCatch(r)];
          if (f.kind === Kind.Loop) out.add(f.at);
        }
        stack.push({ kind: Kind.TryTable, restore: false, at, out: 0 });
        continue;
      }
      case 0x0b: // end
      case 0x18: // delegate
        stack.pop();
        skipImmediates(r, info.imm);
        continue;
    }
    skipImmediates(r, info.imm);
  }
  return out;
}

/**
 * Maps output offsets to input offsets: `[outOffset, inOffset]` pairs where their difference changes; a
 * negative `inOffset` starts inserted code, all of whose bytes map to `~inOffset` (the operator it precedes).
 * Flat in one Int32Array that doubles as it fills (a JS array of millions of numbers cost a tenth of an
 * instrumentation with fuel in its growth and the collector's scans). The branch hints are kept in one too
 * (`RewriteContext.hints`: function index and offset pairs).
 */
export class OffsetPairs {
  /** `data[2k]` an output offset, `data[2k + 1]` the input offset it maps to (or `~` it); `length` are used. */
  data = new Int32Array(256);
  length = 0;

  push(out: number, input: number): void {
    const n = this.length;
    if (n + 2 > this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[n] = out;
    this.data[n + 1] = input;
    this.length = n + 2;
  }
}

/**
 * `BodyRewriter`'s delta after inserted code: no output minus input offset equals it (input offsets are below 2^30,
 * the host's limit on a module's size, and output offsets not negative). A small integer, not NaN: a field that once
 * held NaN is kept as a boxed double, and every store of a new delta then allocated one (5 MB of garbage for
 * rapier2d's instrumentation with fuel, in the walk and `copyRun`).
 */
const NO_DELTA = -0x40000000;

/**
 * Re-encodes a defined function's body entry (locals and code, without its size prefix) into `w`,
 * appending `[offset in w, offset in module.bytes]` pairs to `pairs` where their difference changes.
 * (One body; `BodyRewriter` re-encodes many with one set of state.)
 */
export function rewriteBody(
  ctx: RewriteContext,
  funcIndex: number,
  body: FunctionBody,
  w: ByteWriter,
  pairs: OffsetPairs,
): void {
  new BodyRewriter(ctx).rewrite(funcIndex, body, w, pairs);
}

/**
 * The re-encoder of the bodies of one module (`RewriteContext`): one object per module whose fields hold the
 * state of the body being re-encoded, so that re-encoding a body allocates nothing per body or operator (no
 * closures, a frame stack in typed arrays) and each step is a small method the host engine optimizes on its own.
 * Code inserted before the operator at `at` is written between `const b = w.length` and `this.mark(b, at)`.
 */
export class BodyRewriter {
  private readonly ctx: RewriteContext;
  private readonly module: Module;
  private readonly bytes: Uint8Array;
  private readonly r: BinaryReader;
  private readonly depth: boolean;
  private readonly fuel: FuelCosts | null;
  private readonly epoch: boolean;
  private readonly pollOn: boolean;
  private readonly nullCheck: boolean;
  private readonly record: boolean;
  private readonly truncCheck: boolean;
  /** Whether `memory.grow` / `table.grow` become calls of the grow hooks (`growHooks`, for some memory or table). */
  private readonly growMemory: boolean;
  private readonly growTable: boolean;

  // the body being re-encoded
  /** `RewriteContext.plain` (or `plainThreaded`) and its clean form for this body (`plainClean`, ...). */
  private plainDirty: Uint8Array;
  private plainClean: Uint8Array;
  private w: ByteWriter;
  private pairs = new OffsetPairs();
  private end = 0;
  private epochEntry = false;
  private threaded = false;
  private shift = 0;
  private nParams = 0;
  private ticks = false;
  private ticksGlobal = false;
  private leafTicks = false;
  private saved = -1;
  private indexTemp = -1;
  private f32Temp = -1;
  private f64Temp = -1;
  private fuelLocal = -1;
  private ticksLocal = -1;
  private waits = false;
  private waitBase = -1;
  private writeThrough = false;
  private dirty = false;
  private pollLoops = false;
  private pending = 0;
  /** Output minus input offset of the last copied bytes, or `NO_DELTA` after inserted code (a pair is due). */
  private delta = NO_DELTA;
  private targetedLoops: Set<number> | null = null;
  /** The frame stack: kind, whether to restore after its end, its opcode's position, its label in the output. */
  private sp = 0;
  private kinds = new Uint8Array(64);
  private restores = new Uint8Array(64);
  private ats = new Int32Array(64);
  private outs = new Int32Array(64);

  /** Where the body being written starts in the writer (its local declarations), and its output function index. */
  private bodyStart = 0;
  private outFunc = 0;

  constructor(ctx: RewriteContext) {
    this.ctx = ctx;
    this.module = ctx.module;
    this.bytes = ctx.module.bytes;
    this.r = new BinaryReader(this.bytes, 0, 0);
    this.depth = ctx.depthGlobal >= 0;
    this.fuel = ctx.fuelCost;
    this.epoch = ctx.epochGlobal >= 0;
    this.pollOn = this.epoch && ctx.epochPoll;
    this.nullCheck = ctx.indirectNullCheck;
    this.record = ctx.indexGlobal >= 0;
    this.truncCheck = ctx.truncNaNCheck;
    this.growMemory = ctx.memoryGrowFunc.length > 0;
    this.growTable = ctx.tableGrowFunc.length > 0;
    this.plainDirty = ctx.plain;
    this.plainClean = ctx.plainClean;
    this.w = new ByteWriter(16);
  }

  /** Records the bytes written since `before`, if any, as inserted code standing for the operator at `at`. */
  private mark(before: number, at: number): void {
    if (this.w.length > before) {
      this.pairs.push(before, ~at);
      this.delta = NO_DELTA;
    }
  }

  private push(kind: Kind, at: number, labels: number): void {
    const sp = this.sp;
    if (sp === this.kinds.length) {
      const grow = <T extends Uint8Array | Int32Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.kinds = grow(this.kinds, new Uint8Array(sp * 2));
      this.restores = grow(this.restores, new Uint8Array(sp * 2));
      this.ats = grow(this.ats, new Int32Array(sp * 2));
      this.outs = grow(this.outs, new Int32Array(sp * 2));
    }
    this.kinds[sp] = kind;
    this.restores[sp] = 0;
    this.ats[sp] = at;
    this.outs[sp] = sp === 0 ? 0 : this.outs[sp - 1] + labels;
    this.sp = sp + 1;
  }

  /**
   * Re-encodes a defined function's body entry (locals and code, without its size prefix) into `w`,
   * appending `[offset in w, offset in module.bytes]` pairs to `pairs` where their difference changes.
   */
  rewrite(funcIndex: number, body: FunctionBody, w: ByteWriter, pairs: OffsetPairs): void {
    const ctx = this.ctx;
    const module = this.module;
    const bytes = this.bytes;
    const r = this.r;
    r.pos = body.range.start;
    r.end = body.range.end;
    this.w = w;
    this.pairs = pairs;
    this.end = body.range.end;
    const defined = funcIndex - module.numImportedFuncs;
    const depth = this.depth;
    const fuel = this.fuel;
    const epoch = this.epoch;
    // whether the entry checks the epoch: only where a recursion or much work could otherwise go unchecked
    const epochEntry = epoch && ctx.epochEntry !== null && ctx.epochEntry[defined] === 1;
    this.epochEntry = epochEntry;
    // a threaded function gets its counters as parameters and returns them with its results (no global touched
    // around calls between threaded functions)
    const threaded = ctx.threaded !== null && ctx.threaded[defined] === 1;
    this.threaded = threaded;
    this.plainDirty = threaded ? ctx.plainThreaded : ctx.plain;
    this.plainClean = threaded ? ctx.plainThreadedClean : ctx.plainClean;
    this.shift = threaded ? ctx.threadExtras : 0;
    const funcType = module.types[module.functions[funcIndex]].composite;
    const nParams = funcType.kind === 'func' ? funcType.params.length : 0;
    this.nParams = nParams;

    // locals: one more i32 (the depth at entry) when counting call depth, one more (an indirect call's
    // table index) for the null check; they map to the body's start
    this.bodyStart = w.length;
    this.outFunc = ctx.func(funcIndex);
    pairs.push(w.length, ~body.range.start);
    const nullCheck = this.nullCheck;
    const record = this.record;
    const truncCheck = this.truncCheck;
    const extra = (depth ? 1 : 0) + (nullCheck || record ? 1 : 0);
    const shape =
      fuel !== null || this.pollOn
        ? ctx.bodyShapes !== null
          ? ctx.bodyShapes[defined]
          : scanBody(bytes, body.codeStart, body.range.end)
        : 0;
    // the epoch count lives in a local (`ticks`) in a function with loops; in one without, each entry
    // check counts the global down itself and nothing is stored around calls (`ticksGlobal`)
    const ticks = this.pollOn && (threaded || (shape & BODY_LOOPS) !== 0);
    const ticksGlobal = this.pollOn && !ticks && epochEntry;
    this.ticks = ticks;
    this.ticksGlobal = ticksGlobal;
    this.leafTicks = ticks && !threaded && (shape & BODY_CALLS) === 0;
    const extra64 = threaded ? 0 : (fuel ? 1 : 0) + (ticks || ticksGlobal ? 1 : 0);
    this.saved = -1;
    this.indexTemp = -1;
    this.f32Temp = -1;
    this.f64Temp = -1;
    this.fuelLocal = -1;
    this.ticksLocal = -1;
    const waits = ctx.atomicWaits !== null && ctx.atomicWaits[defined] === 1;
    this.waits = waits;
    this.waitBase = -1;
    const groups = r.u32();
    if (threaded) {
      // the added parameters: fuel, then the check count
      if (fuel) this.fuelLocal = nParams;
      if (ticks) this.ticksLocal = nParams + (fuel ? 1 : 0);
    }
    if (extra > 0 || extra64 > 0 || truncCheck || waits) {
      let next = nParams + this.shift;
      const locals = body.locals;
      for (let i = 0; i < locals.length; i++) next += locals[i][0];
      if (depth) this.saved = next++;
      if (nullCheck || record) this.indexTemp = next++;
      if (fuel && !threaded) this.fuelLocal = next++;
      if ((ticks || ticksGlobal) && !threaded) this.ticksLocal = next++;
      if (truncCheck) {
        this.f32Temp = next++;
        this.f64Temp = next++;
      }
      if (waits) this.waitBase = next;
      w.u32(groups + (extra > 0 ? 1 : 0) + (extra64 > 0 ? 1 : 0) + (truncCheck ? 2 : 0) + (waits ? 2 : 0)).copy(
        bytes,
        r.pos,
        body.codeStart,
      );
      if (extra > 0) w.u32(extra).valType(I32);
      if (extra64 > 0) w.u32(extra64).valType(I64);
      if (truncCheck) w.u32(1).valType(F32).u32(1).valType(F64);
      if (waits) writeWaitLocals(w);
    } else w.copy(bytes, body.range.start, body.codeStart);
    r.pos = body.codeStart;

    // Fuel lives in `fuelLocal` (wasmtime's approach): loaded from the global at entry and after every
    // call, stored back before anything that can trap, call, throw or leave the function when it may
    // differ (`dirty`). A function with exception handlers writes every flush through to the global
    // (a handler cannot know how far the body got) and reloads at each handler.
    this.writeThrough = fuel !== null && (shape & BODY_HANDLERS) !== 0;
    this.dirty = false;
    // A loop's checks call no hook inside the loop: a call in a hot loop makes the host engine keep the
    // loop's values in memory across it. The loop is wrapped in a poll loop of the same type whose header
    // calls the hooks that are due; the loop header only counts and branches there (`br_if 1`).
    this.pollLoops = fuel !== null || ticks;
    this.pending = 0;
    this.delta = NO_DELTA;
    this.sp = 0;
    this.push(Kind.Func, -1, 0);

    // entry: depth (outermost, as the JS backend's try/finally), then fuel, then epoch
    const b = w.length;
    this.entry(funcIndex);
    this.mark(b, body.codeStart);

    this.targetedLoops =
      depth || this.writeThrough ? loopsTargetedByCatches(bytes, body.codeStart, body.range.end) : null;
    this.walk();
  }

  /** The entry's code: the depth guard, the counters loaded, the entry checks, the function-wide block. */
  private entry(funcIndex: number): void {
    const w = this.w;
    const ctx = this.ctx;
    const threaded = this.threaded;
    const fuel = this.fuel !== null;
    if (this.depth) {
      w.u8(OP.globalGet)
        .u32(ctx.depthGlobal)
        .u8(OP.i32Const)
        .s32(1)
        .u8(OP.i32Add)
        .u8(OP.localTee)
        .u32(this.saved)
        .u8(OP.globalSet)
        .u32(ctx.depthGlobal);
      w.u8(OP.localGet).u32(this.saved).u8(OP.i32Const).s32(ctx.maxCallDepth).u8(OP.i32GtU);
      w.u8(OP.if).u8(BLOCK_EMPTY);
      // the trap leaves the fuel where the host reads it: a threaded function's came in a parameter
      if (threaded && fuel) w.u8(OP.localGet).u32(this.fuelLocal).u8(OP.globalSet).u32(ctx.fuelGlobal);
      w.u8(OP.call).u32(ctx.stackOverflowFunc).u8(OP.end);
    }
    if (fuel && !threaded) this.loadFuel();
    if (this.ticks && !threaded) this.loadTicks();
    // a threaded function's fuel parameter may differ from the global
    if (threaded && fuel) this.dirty = true;
    this.checks(this.epochEntry);
    // branches to the function's label land after this block, where the depth is decremented and a threaded
    // function's counters are pushed after its results
    if (this.depth || threaded) {
      w.u8(OP.block);
      ctx.resultBlockType(funcIndex, w);
    }
  }

  /**
   * The operators of the body, from `r.pos` through its end: runs of plain operators copied (`copyRun`), each
   * other operator re-encoded by `operator`. Each path is a small method of its own (the cold walk, session 18):
   * the first compile of a process runs this code in V8's baseline tiers, and a path first taken after TurboFan
   * optimized the walk deoptimizes and recompiles only the small method it is in, not one 4.5 KB function.
   */
  private walk(): void {
    const bytes = this.bytes;
    const r = this.r;
    const end = this.end;
    const plainDirty = this.plainDirty;
    const plainClean = this.plainClean;
    while (r.pos < end) {
      const at = r.pos;
      const plain = this.dirty ? plainDirty : plainClean;
      if (plain[bytes[at]] !== 0) r.pos = this.copyRun(at, plain);
      else if (this.operator(at)) return;
    }
    // control flow copied as it is (`plainOperators`): the run ended with the body's own `end`
    if (plainDirty[0x0b] !== 0 && bytes[end - 1] === 0x0b) return;
    throw new Error('wasm backend: function body without end');
  }

  /** The operator at `at` (not in a plain run), its opcode read: re-encoded; true after the function's end. */
  private operator(at: number): boolean {
    const r = this.r;
    const info = readOperator(r);
    if (info.prefix !== 0) {
      this.prefixed(info, at);
      return false;
    }
    const op = info.code;
    // a call of a threaded function hands the counters over in its arguments and results
    const toThreaded = op === 0x10 /* call */ && this.threadedCallee(r.pos);
    const b = this.w.length;
    if (this.fuel !== null) this.fuelBefore(info, op, toThreaded);
    if (this.ticks) this.ticksBefore(info, op, toThreaded);
    switch (op) {
      case 0x10: // call
        this.call(info, at, b, toThreaded);
        return false;
      case 0x11: // call_indirect
      case 0x13: // return_call_indirect
        this.indirectCall(info, op, at, b);
        return false;
      case 0x14: // call_ref
        this.head(b, at);
        this.callAfter(info, this.silentIndirect(r.pos));
        return false;
      case 0x0f: // return
      case 0x12: // return_call
      case 0x15: // return_call_ref
        this.leaving();
        break;
      case 0x02: // block
      case 0x04: // if
      case 0x06: // try
        this.head(b, at);
        copyImmediates(this.ctx, this.bytes, r, this.w, info);
        this.push(op === 0x02 /* block */ ? Kind.Block : op === 0x04 /* if */ ? Kind.If : Kind.Try, at, 1);
        return false;
      case 0x03: // loop
        this.loop(info, at, b);
        return false;
      case 0x05: // else
        this.head(b, at);
        this.plainEnd();
        return false;
      case 0x0b: // end
      case 0x18: // delegate
        return this.blockEnd(op, at, b);
      case 0x09: // rethrow
      case 0x0c: // br
      case 0x0d: // br_if
      case 0xd5: // br_on_null
      case 0xd6: // br_on_non_null
        this.head(b, at);
        this.copyLabel(this.sp - 1);
        return false;
      case 0x0e: // br_table
        this.head(b, at);
        this.brTable();
        return false;
      case 0x1f: // try_table
        this.head(b, at);
        this.tryTable(at);
        return false;
      case 0x07: // catch
      case 0x19: // catch_all
        this.head(b, at);
        this.handler(info);
        return false;
      case 0x40: // memory.grow
        if (this.growMemory) {
          this.growCall(this.ctx.memoryGrowFunc, at, b);
          return false;
        }
        break;
      default:
        if (this.truncCheck && TRUNC[op] !== 0) this.truncNaNCheck(TRUNC[op] === 1);
    }
    this.head(b, at);
    copyImmediates(this.ctx, this.bytes, r, this.w, info);
    return false;
  }

  /**
   * Before the operator `info` (`op` its opcode, or its prefix): its cost pending, the pending fuel added before
   * control flow, the local stored where the host could see the counter.
   */
  private fuelBefore(info: OperatorInfo, op: number, toThreaded: boolean): void {
    this.pending += (this.fuel as FuelCosts)[info.id];
    if (CONTROL[op] === 1) this.flush();
    // a threaded function returns its fuel: only what can trap or call the host needs the global
    if (
      this.dirty &&
      !toThreaded &&
      (this.threaded ? !silent(info) && op !== 0x0f /* return */ : !silent(info) || this.leaves(info, this.r.pos))
    )
      this.storeFuel();
  }

  /** Before the operator `info` without a prefix, with the check count in a local: the count stored where due. */
  private ticksBefore(info: OperatorInfo, op: number, toThreaded: boolean): void {
    const pos = this.r.pos;
    // an exception leaves threaded frames without returning their counts: the global has them first
    if (this.threaded && (op === 0x08 /* throw */ || op === 0x0a) /* throw_ref */) this.storeTicks();
    // a function with loops and no calls stores its count where it may leave, so that its checks are not
    // dropped (a caller's loop calling it would otherwise count one check per call); one that calls stores
    // before each call only (measured: a store at every exit costs fib a quarter more)
    if (this.leafTicks && this.leaves(info, pos)) this.storeTicks();
    if (op >= 0x10 /* call */ && op <= 0x15 /* return_call_ref */) {
      // before a call: the check count to the global (deep recursion still polls)
      if (!toThreaded && !this.silentCall(op, pos)) this.storeTicks();
    } else if (op === 0x40 /* memory.grow */ && this.growMemory) this.storeTicks();
  }

  /**
   * The operator whose opcode is `r.pos` back to `at`, with the code inserted since `b` marked as standing for
   * it: the opcode copied.
   */
  private head(b: number, at: number): void {
    const w = this.w;
    this.mark(b, at);
    if (w.length - at !== this.delta) {
      this.delta = w.length - at;
      this.pairs.push(w.length, at);
    }
    w.copy(this.bytes, at, this.r.pos);
  }

  /** After a `loop`, `else` or `end` copied: the fuel local may differ from the global. */
  private plainEnd(): void {
    if (this.fuel !== null && !this.writeThrough) this.dirty = true;
  }

  /** `call`: the counters handed over to a threaded callee, or the counters reloaded after. */
  private call(info: OperatorInfo, at: number, b: number, toThreaded: boolean): void {
    if (toThreaded) this.pushCounters();
    this.head(b, at);
    const r = this.r;
    if (!toThreaded) {
      this.callAfter(info, this.silentCallee(r.pos));
      return;
    }
    copyImmediates(this.ctx, this.bytes, r, this.w, info);
    const b2 = this.w.length;
    this.popCounters();
    this.mark(b2, r.pos);
  }

  /** A call's immediates copied (its opcode is), then the counters reloaded (`afterCall`). */
  private callAfter(info: OperatorInfo, silentCall: boolean): void {
    copyImmediates(this.ctx, this.bytes, this.r, this.w, info);
    this.afterCall(silentCall);
  }

  /** `call_indirect` and `return_call_indirect`: the index recorded and the entry checked (the API's options). */
  private indirectCall(info: OperatorInfo, op: number, at: number, b: number): void {
    const w = this.w;
    const ctx = this.ctx;
    const r = this.r;
    if (this.record) {
      // local.tee $i; global.set $indirect_index; global.get $instance_id; global.set $indirect_instance; local.get $i
      w.u8(OP.localTee).u32(this.indexTemp).u8(OP.globalSet).u32(ctx.indexGlobal);
      w.u8(OP.globalGet).u32(ctx.instanceIdGlobal).u8(OP.globalSet).u32(ctx.instanceGlobal);
      w.u8(OP.localGet).u32(this.indexTemp);
    }
    if (this.nullCheck) {
      // local.tee $i; table.get t; ref.is_null; if; i32.const 4; call $trap; end; local.get $i
      const table = u32At(this.bytes, pastLeb(this.bytes, r.pos));
      w.u8(OP.localTee).u32(this.indexTemp).u8(OP.tableGet).u32(table).u8(OP.refIsNull);
      w.u8(OP.if).u8(BLOCK_EMPTY).u8(OP.i32Const).s32(INDIRECT_CALL_TO_NULL).u8(OP.call).u32(ctx.trapFunc).u8(OP.end);
      w.u8(OP.localGet).u32(this.indexTemp);
    }
    if (op === 0x13 /* return_call_indirect */) {
      this.leaving();
      this.head(b, at);
      copyImmediates(ctx, this.bytes, r, w, info);
      return;
    }
    this.head(b, at);
    this.callAfter(info, this.silentIndirect(r.pos));
  }

  /** Before `return` and the tail calls: the depth decremented, a threaded function's counters pushed. */
  private leaving(): void {
    if (this.depth) this.leave();
    if (this.threaded) this.ownCounters(); // no tail calls in a threaded function
  }

  /** `memory.grow m` -> `call $memory_grow_m` (`table.grow t` -> `call $table_grow_t`), the index from `hooks`. */
  private growCall(hooks: readonly number[], at: number, b: number): void {
    this.w.u8(OP.call).u32(hooks[this.r.u32()]);
    this.mark(b, at);
    this.afterCall(false);
  }

  /** `loop`: with checks in the loop, its poll loop around it; the checks after its header. */
  private loop(info: OperatorInfo, at: number, b: number): void {
    const w = this.w;
    const r = this.r;
    const bytes = this.bytes;
    const pollLoops = this.pollLoops;
    if (pollLoops) {
      // the poll loop: `loop` with the loop's block type, then the hooks that are due
      const t = bytes[r.pos];
      w.u8(OP.loop).copy(bytes, r.pos, pastLeb(bytes, t === 0x63 || t === 0x64 ? r.pos + 1 : r.pos));
      this.pollChecks();
    }
    this.head(b, at);
    this.plainEnd();
    copyImmediates(this.ctx, bytes, r, w, info);
    this.push(Kind.Loop, at, pollLoops ? 2 : 1);
    const b2 = w.length;
    if (this.targetedLoops?.has(at)) {
      if (this.depth) this.restoreDepth();
      if (this.writeThrough) this.loadFuel();
    }
    if (pollLoops) this.loopChecks();
    else this.checks(true);
    this.mark(b2, r.pos);
  }

  /** `end` and `delegate`: a frame closed, or the function's end (then true). */
  private blockEnd(op: number, at: number, b: number): boolean {
    const w = this.w;
    const r = this.r;
    if (this.sp === 1) {
      // the function's end
      const depth = this.depth;
      const threaded = this.threaded;
      if (depth || threaded) {
        w.u8(OP.end);
        if (depth) this.leave();
        if (threaded) this.ownCounters();
      }
      this.mark(b, at);
      if (w.length - at !== this.delta) this.pairs.push(w.length, at);
      w.u8(OP.end);
      if (r.pos < this.end) throw new Error('wasm backend: code after the function end');
      return true;
    }
    this.head(b, at);
    if (op === 0x0b /* end */) this.plainEnd();
    const f = --this.sp;
    const kind = this.kinds[f];
    const restore = this.restores[f] === 1 && kind !== Kind.Loop;
    // delegate's label is counted from outside the try block
    if (op === 0x18 /* delegate */) this.copyLabel(this.sp - 1);
    let b2 = w.length;
    if (kind === Kind.Loop && this.pollLoops) w.u8(OP.end);
    this.mark(b2, r.pos);
    b2 = w.length;
    if (this.depth && restore) this.restoreDepth();
    this.mark(b2, r.pos);
    b2 = w.length;
    if (this.writeThrough && restore) this.loadFuel();
    this.mark(b2, r.pos);
    return false;
  }

  /** `br_table`'s immediates, its labels renumbered. */
  private brTable(): void {
    const r = this.r;
    const s = r.pos;
    const n = r.u32();
    this.w.copy(this.bytes, s, r.pos);
    for (let i = 0; i <= n; i++) this.copyLabel(this.sp - 1);
  }

  /** `try_table`'s immediates (at `at`): its catch clauses' labels renumbered, their targets noted. */
  private tryTable(at: number): void {
    const r = this.r;
    const w = this.w;
    const bytes = this.bytes;
    const s = r.pos;
    skipBlockType(r);
    const n = r.u32();
    w.copy(bytes, s, r.pos);
    for (let i = 0; i < n; i++) {
      // kind, the tag of `catch` / `catch_ref`, the label (counted from outside the try_table)
      const c = r.pos;
      const kind = r.u8();
      if (kind <= 1) r.u32();
      w.copy(bytes, c, r.pos);
      const f = this.sp - 1 - u32At(bytes, r.pos);
      if (this.kinds[f] !== Kind.Func) this.restores[f] = 1;
      this.copyLabel(this.sp - 1);
    }
    this.push(Kind.TryTable, at, 1);
  }

  /** A legacy handler (`catch`, `catch_all`): the depth is that of this function again, the fuel reloaded. */
  private handler(info: OperatorInfo): void {
    const r = this.r;
    const w = this.w;
    copyImmediates(this.ctx, this.bytes, r, w, info);
    let b = w.length;
    if (this.depth) this.restoreDepth();
    this.mark(b, r.pos);
    b = w.length;
    if (this.writeThrough) this.loadFuel();
    this.mark(b, r.pos);
  }

  /** An operator with a prefix (0xfb-0xfe) at `at`, its opcode read. */
  private prefixed(info: OperatorInfo, at: number): void {
    const r = this.r;
    const w = this.w;
    const b = w.length;
    if (this.fuel !== null) this.fuelBefore(info, info.prefix, false);
    if (this.leafTicks && this.leaves(info, r.pos)) this.storeTicks();
    if (this.growTable && info.prefix === 0xfc && info.name === 'table.grow') {
      if (this.ticks) this.storeTicks();
      this.growCall(this.ctx.tableGrowFunc, at, b);
      return;
    }
    const wait = this.waits && info.prefix === 0xfe && (info.code === 1 || info.code === 2);
    if (wait) writeWaitBefore(w, this.module, r.pos, info.code === 2, this.waitBase);
    this.head(b, at);
    if (info.imm === Imm.BrOnCast) {
      // flags, label, two heap types
      w.u8(r.u8());
      this.copyLabel(this.sp - 1);
      const s = r.pos;
      r.s33();
      r.s33();
      w.copy(this.bytes, s, r.pos);
      return;
    }
    copyImmediates(this.ctx, this.bytes, r, w, info);
    if (wait) {
      const b2 = w.length;
      writeWaitAfter(w, this.waitBase);
      this.mark(b2, r.pos);
    }
    // call_ref-like GC operators do not exist under 0xfb; every prefixed operator stored first
  }

  /**
   * A run of operators from `at` copied as they are but for renumbered indices (their costs pending), while
   * `plain` marks them; returns the position after the run.
   */
  private copyRun(at: number, plain: Uint8Array): number {
    const ctx = this.ctx;
    const bytes = this.bytes;
    const w = this.w;
    const end = this.end;
    const plainCost = ctx.plainCost;
    const nParams = this.nParams;
    const shift = this.shift;
    if (w.length - at !== this.delta) {
      this.delta = w.length - at;
      this.pairs.push(w.length, at);
    }
    let p = at;
    let copied = at;
    let pending = this.pending;
    do {
      const op = bytes[p];
      const kind = plain[op];
      if (plainCost !== null) pending += plainCost[op];
      if (kind === PLAIN_COPY) {
        p = skipLayout(bytes, p + 1, end, LAYOUT_BY_OPCODE[op]);
        continue;
      }
      const q = readLeb(bytes, p + 1);
      const v = leb.value;
      const nv =
        kind === PLAIN_GLOBAL ? ctx.global(v) : kind === PLAIN_LOCAL ? (v >= nParams ? v + shift : v) : ctx.func(v);
      if (nv !== v) {
        w.copy(bytes, copied, p + 1);
        w.u32(nv);
        copied = q;
        if (w.length - q !== this.delta) {
          this.delta = w.length - q;
          this.pairs.push(w.length, q);
        }
      }
      p = q;
    } while (p < end && plain[bytes[p]] !== 0);
    this.pending = pending;
    w.copy(bytes, copied, p);
    return p;
  }

  /** Whether `info` (immediates at `pos`) leaves the function: its end, `return`, a branch to its label. */
  private leaves(info: OperatorInfo, pos: number): boolean {
    const outer = this.sp - 1;
    const bytes = this.bytes;
    if (info.prefix === 0xfb) {
      if (info.imm !== Imm.BrOnCast) return false;
      return u32At(bytes, pos + 1) === outer;
    }
    if (info.prefix !== 0) return false;
    switch (info.code) {
      case 0x0b: // end
        return this.sp === 1;
      case 0x0f: // return
        return true;
      case 0x0c: // br
      case 0x0d: // br_if
      case 0xd5: // br_on_null
      case 0xd6: // br_on_non_null
        return u32At(bytes, pos) === outer;
      case 0x0e: {
        // br_table
        const n = u32At(bytes, pos);
        let p = pastLeb(bytes, pos);
        for (let i = 0; i <= n; i++) {
          if (u32At(bytes, p) === outer) return true;
          p = pastLeb(bytes, p);
        }
        return false;
      }
    }
    return false;
  }

  /**
   * After an operator that may have run code elsewhere (a call, a grow hook, its immediates read up to `r.pos`):
   * reloads the fuel local; and the check count unless the callee checks nowhere (`silent`).
   */
  private afterCall(silent: boolean): void {
    const at = this.r.pos;
    let b = this.w.length;
    if (this.fuel !== null) this.loadFuel();
    this.mark(b, at);
    b = this.w.length;
    if (this.ticks && !silent) this.loadTicks();
    this.mark(b, at);
  }

  /** Whether the `call` whose index is at `pos` reaches no epoch check (the count need not cross it). */
  private silentCallee(pos: number): boolean {
    const entry = this.ctx.epochEntry;
    if (!this.ticks || entry === null) return false;
    const callee = u32At(this.bytes, pos) - this.module.numImportedFuncs;
    return callee >= 0 && entry[callee] === EPOCH_SILENT;
  }

  /**
   * Whether the `call_indirect` or `call_ref` whose type index is at `pos` reaches no epoch check: in a module
   * closed to outside function references, every function of its type checks nowhere (`epochSilentIndirect`).
   */
  private silentIndirect(pos: number): boolean {
    const silent = this.ctx.silentIndirect;
    if (!this.ticks || silent === null) return false;
    return silent[this.module.types[u32At(this.bytes, pos)].canonical] === 1;
  }

  /** Whether the call (`op`, immediates at `pos`) needs no check count handed over: it reaches no check. */
  private silentCall(op: number, pos: number): boolean {
    if (op === 0x10 /* call */) return this.silentCallee(pos);
    if (op === 0x11 /* call_indirect */ || op === 0x14 /* call_ref */) return this.silentIndirect(pos);
    return false;
  }

  /** Whether the `call` whose index is at `pos` is of a threaded function (it takes and returns the counters). */
  private threadedCallee(pos: number): boolean {
    const threaded = this.ctx.threaded;
    if (threaded === null) return false;
    const callee = u32At(this.bytes, pos) - this.module.numImportedFuncs;
    return callee >= 0 && threaded[callee] === 1;
  }

  /** Before a call of a threaded function: the counters as its extra arguments. */
  private pushCounters(): void {
    const w = this.w;
    if (this.fuel !== null) w.u8(OP.localGet).u32(this.fuelLocal);
    if (this.pollOn) {
      if (this.ticks) w.u8(OP.localGet).u32(this.ticksLocal);
      else w.u8(OP.globalGet).u32(this.ctx.epochGlobal);
    }
  }

  /** After a call of a threaded function: its extra results back into the counters. */
  private popCounters(): void {
    const w = this.w;
    if (this.pollOn) {
      if (this.ticks) w.u8(OP.localSet).u32(this.ticksLocal);
      else w.u8(OP.globalSet).u32(this.ctx.epochGlobal);
    }
    if (this.fuel !== null) {
      if (this.writeThrough) w.u8(OP.localTee).u32(this.fuelLocal).u8(OP.globalSet).u32(this.ctx.fuelGlobal);
      else {
        w.u8(OP.localSet).u32(this.fuelLocal);
        this.dirty = true;
      }
    }
  }

  /** A threaded function's own counters after its results, where it returns. */
  private ownCounters(): void {
    if (this.fuel !== null) this.w.u8(OP.localGet).u32(this.fuelLocal);
    if (this.ticks) this.w.u8(OP.localGet).u32(this.ticksLocal);
  }

  private storeFuel(): void {
    if (this.dirty) {
      this.w.u8(OP.localGet).u32(this.fuelLocal).u8(OP.globalSet).u32(this.ctx.fuelGlobal);
      this.dirty = false;
    }
  }

  private loadFuel(): void {
    this.w.u8(OP.globalGet).u32(this.ctx.fuelGlobal).u8(OP.localSet).u32(this.fuelLocal);
    this.dirty = false;
  }

  /** A hook call that the host may observe fuel from: the local is stored before and reloaded after. */
  private hookCall(hook: number): void {
    const w = this.w;
    const fuel = this.fuel !== null;
    if (fuel) w.u8(OP.localGet).u32(this.fuelLocal).u8(OP.globalSet).u32(this.ctx.fuelGlobal);
    w.u8(OP.call).u32(hook);
    if (fuel) w.u8(OP.globalGet).u32(this.ctx.fuelGlobal).u8(OP.localSet).u32(this.fuelLocal);
  }

  /** The `epoch_countdown` global from its local. */
  private storeTicks(): void {
    this.w.u8(OP.localGet).u32(this.ticksLocal).u8(OP.globalSet).u32(this.ctx.epochGlobal);
  }

  /** The `epoch_countdown` global into its local. */
  private loadTicks(): void {
    this.w.u8(OP.globalGet).u32(this.ctx.epochGlobal).u8(OP.localSet).u32(this.ticksLocal);
  }

  /** `local.get $fuel; i64.const 0; i64.ge_s`: fuel is due. */
  private fuelDue(): void {
    this.w.u8(OP.localGet).u32(this.fuelLocal).u8(OP.i64Const).u8(0).u8(OP.i64GeS);
  }

  /** `local.get $left; i64.const 1; i64.sub; local.tee $left; i64.const 0; i64.lt_s`: count a check, due below 0. */
  private ticksDue(): void {
    this.w
      .u8(OP.localGet)
      .u32(this.ticksLocal)
      .u8(OP.i64Const)
      .u8(1)
      .u8(OP.i64Sub)
      .u8(OP.localTee)
      .u32(this.ticksLocal)
      .u8(OP.i64Const)
      .u8(0)
      .u8(OP.i64LtS);
  }

  /** Records the branch about to be written (an `if` or a `br_if`) as unlikely (`branchHints`). */
  private unlikely(): void {
    const hints = this.ctx.hints;
    if (hints !== null) hints.push(this.outFunc, this.w.length - this.bodyStart);
  }

  /** `new_epoch` with the count stored before and reloaded after. */
  private ticksHook(): void {
    this.storeTicks();
    this.hookCall(this.ctx.newEpochFunc);
    this.loadTicks();
  }

  /** The non-polling epoch check: `epoch >= deadline` (unsigned) calls `new_epoch`. */
  private epochCheck(): void {
    const ctx = this.ctx;
    this.w.u8(OP.globalGet).u32(ctx.epochGlobal).u8(OP.globalGet).u32(ctx.deadlineGlobal).u8(OP.i64GeU);
    this.unlikely();
    this.w.u8(OP.if).u8(BLOCK_EMPTY);
    this.hookCall(ctx.newEpochFunc);
    this.w.u8(OP.end);
  }

  /** `if (fuel >= 0) out_of_fuel()`, or with `fuelTrap` the trap in place: the fuel stored, `pending` set. */
  private fuelCheck(): void {
    const w = this.w;
    const ctx = this.ctx;
    this.fuelDue();
    this.unlikely();
    w.u8(OP.if).u8(BLOCK_EMPTY);
    if (ctx.pendingGlobal >= 0) {
      w.u8(OP.localGet).u32(this.fuelLocal).u8(OP.globalSet).u32(ctx.fuelGlobal);
      w.u8(OP.i32Const)
        .s32(TrapCode.OutOfFuel + 1)
        .u8(OP.globalSet)
        .u32(ctx.pendingGlobal)
        .u8(OP.unreachable);
    } else this.hookCall(ctx.outOfFuelFunc);
    w.u8(OP.end);
  }

  /** The checks at function entry (or a loop header without poll loops), each calling its hook where it is due. */
  private checks(withEpoch: boolean): void {
    const w = this.w;
    const ctx = this.ctx;
    if (this.fuel !== null) this.fuelCheck();
    if (!withEpoch) return;
    if (this.ticks) {
      // the checks left (the `epoch_countdown` global) live in `ticksLocal`, stored back before calls and
      // reloaded after
      this.ticksDue();
      this.unlikely();
      w.u8(OP.if).u8(BLOCK_EMPTY);
      this.ticksHook();
      w.u8(OP.end);
    } else if (this.ticksGlobal) {
      // global.get $left; i64.const 1; i64.sub; local.tee $t; global.set $left; local.get $t; i64.const 0;
      // i64.lt_s; if; new_epoch; end
      w.u8(OP.globalGet).u32(ctx.epochGlobal).u8(OP.i64Const).u8(1).u8(OP.i64Sub).u8(OP.localTee).u32(this.ticksLocal);
      w.u8(OP.globalSet).u32(ctx.epochGlobal).u8(OP.localGet).u32(this.ticksLocal).u8(OP.i64Const).u8(0).u8(OP.i64LtS);
      this.unlikely();
      w.u8(OP.if).u8(BLOCK_EMPTY);
      this.hookCall(ctx.newEpochFunc);
      w.u8(OP.end);
    } else if (this.epoch) this.epochCheck();
  }

  /** A loop header's checks: the counters, then `br_if` to the poll loop when a hook is due. */
  private loopChecks(): void {
    const fuel = this.fuel !== null;
    if (fuel) this.fuelDue();
    if (this.ticks) {
      this.ticksDue();
      if (fuel) this.w.u8(OP.i32Or);
    }
    this.unlikely();
    this.w.u8(OP.brIf).u32(1);
    if (this.epoch && !this.ticks) this.epochCheck();
  }

  /**
   * The poll loop's header: the hooks that are due (none on entry from outside: the counters are then
   * never due; a check left the count below 0 only to branch here). After `new_epoch` the count goes up
   * by one, so the check that branched here passes when the loop header runs it again.
   */
  private pollChecks(): void {
    const w = this.w;
    if (this.fuel !== null) this.fuelCheck();
    if (this.ticks) {
      w.u8(OP.localGet).u32(this.ticksLocal).u8(OP.i64Const).u8(0).u8(OP.i64LtS);
      this.unlikely();
      w.u8(OP.if).u8(BLOCK_EMPTY);
      this.ticksHook();
      w.u8(OP.localGet).u32(this.ticksLocal).u8(OP.i64Const).u8(1).u8(OP.i64Add).u8(OP.localSet).u32(this.ticksLocal);
      w.u8(OP.end);
    }
  }

  /** Copies a label immediate counted from frame `base`, renumbered across the poll loops in between. */
  private copyLabel(base: number): void {
    const r = this.r;
    const s = r.pos;
    const d = r.u32();
    if (!this.pollLoops) {
      // no label is added: depths stay (the frame stack is not kept when control flow is copied as it is)
      this.w.copy(this.bytes, s, r.pos);
      return;
    }
    const nd = this.outs[base] - this.outs[base - d];
    if (nd === d) this.w.copy(this.bytes, s, r.pos);
    else this.w.u32(nd);
  }

  private restoreDepth(): void {
    this.w.u8(OP.localGet).u32(this.saved).u8(OP.globalSet).u32(this.ctx.depthGlobal);
  }

  private leave(): void {
    this.w
      .u8(OP.localGet)
      .u32(this.saved)
      .u8(OP.i32Const)
      .s32(1)
      .u8(OP.i32Sub)
      .u8(OP.globalSet)
      .u32(this.ctx.depthGlobal);
  }

  /** The pending fuel added to the counter. */
  private flush(): void {
    const pending = this.pending;
    if (pending > 0) {
      const w = this.w;
      w.u8(OP.localGet).u32(this.fuelLocal).u8(OP.i64Const);
      // an i64.const below 2^31 is encoded as the i32 one (signed LEB128), without building a BigInt
      if (pending <= 0x7fffffff) w.s32(pending);
      else w.s64(BigInt(pending));
      w.u8(OP.i64Add);
      if (this.writeThrough) w.u8(OP.localTee).u32(this.fuelLocal).u8(OP.globalSet).u32(this.ctx.fuelGlobal);
      else {
        w.u8(OP.localSet).u32(this.fuelLocal);
        this.dirty = true;
      }
      this.pending = 0;
    }
  }

  /** Before a trapping truncation: its operand checked for NaN (`truncNaNCheck`). */
  private truncNaNCheck(f32: boolean): void {
    // local.tee $x; local.get $x; local.get $x; f.eq; i32.eqz; if; i32.const 8; call $trap; end
    const tmp = f32 ? this.f32Temp : this.f64Temp;
    this.w
      .u8(OP.localTee)
      .u32(tmp)
      .u8(OP.localGet)
      .u32(tmp)
      .u8(OP.localGet)
      .u32(tmp)
      .u8(f32 ? OP.f32Eq : OP.f64Eq)
      .u8(OP.i32Eqz);
    this.w
      .u8(OP.if)
      .u8(BLOCK_EMPTY)
      .u8(OP.i32Const)
      .s32(BAD_CONVERSION_TO_INTEGER)
      .u8(OP.call)
      .u32(this.ctx.trapFunc)
      .u8(OP.end);
  }
}
