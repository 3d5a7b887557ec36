// Translation of one function body to JavaScript: a single pass over the operators with a control
// stack, where wasm operand-stack depth d is the JS local `s<d>` and local i is `l<i>`. Blocks are
// labeled JS blocks, loops labeled `for (;;)`, br_table a switch; values for a branch target are copied
// into the target's stack slots first. Everything machine-specific is asked of the ModuleEnvironment.

import {
  type ArrayType,
  BinaryReader,
  F32,
  F64,
  type FuncIndex,
  type FuncType,
  type GlobalIndex,
  I8,
  I16,
  I32,
  I64,
  Imm,
  type MemoryIndex,
  type MemoryType,
  OPERATORS,
  type OperatorInfo,
  OpFlag,
  opcodesWith,
  operatorFor,
  operatorFrom,
  REF_BASE,
  type StructType,
  skipImmediates,
  type TableIndex,
  type TagIndex,
  TrapCode,
  V128,
  type ValType,
  type VMRuntimeLimits,
} from '@wasmts/environ';
import { atomicCall } from './atomics.js';
import type { ElementView, ModuleEnvironment } from './environment.js';
import { gateStatement, MULTIPLIES, markLaneAccumulators, placeGates, STRAIGHT, StraightRun } from './gates.js';
import { constructHeights } from './heights.js';
import { pairResultForm } from './helpers.js';
import {
  F32_VALUE_OPS,
  type Lanes,
  laneNames,
  MASK32_BITWISE,
  MASK32_OPS,
  MSB_READERS,
  maskTimesConst,
  QUAD_OPS,
  QUAD_SCALAR,
  QUAD_SCALAR_COUNT,
  type QuadOperands,
  V128_LANE_TEMPS,
} from './lanes.js';
import {
  CodegenLimitError,
  INLINE_CALLER_BYTES,
  ISLAND_HEIGHT,
  LOOP_OUTLINE_CHARS,
  MAX_INDENT,
  MAX_STRUCTURED_DEPTH,
  OUTLINE_FACTOR,
  WIDE_REGISTERS,
} from './limits.js';
import { NameTable } from './names.js';
import { BINARY, BINARY_COND, type Binary, closes, condValue, UNARY, UNARY_COND, type Unary } from './numeric.js';
import { EXIT_CODE, type Outlined, outline } from './outline.js';
import {
  addWords,
  literal,
  mulWords,
  PAIR_BINARY,
  PAIR_COND,
  PAIR_COND_VALUE,
  PAIR_TEMPS,
  PAIR_UNARY,
  PAIR_UNARY_HI0,
  SUM_UNITS,
} from './pairs.js';
import { PIECE_END, PIECE_START } from './shared-pieces.js';
import { type V128FormLiveness, v128FormLiveness } from './v128-forms.js';
import { CONTROL, SILENT_OPS } from './wasm/operators.js';

/** How a value is held in JS variables: one, an i64 pair (`s<d>`, `s<d>h`), a v128's four int32 lanes. */
enum Shape {
  One = 0,
  Pair = 1,
  Quad = 2,
}

/** A line of a v128 value's code with its two forms: lane bits, and f32 numbers (`Translator.lazyForm`). */
interface LazyLine {
  line: number;
  bits: string;
  float: string;
  /** A `v128.load` whose f32 lanes may be taken from earlier loads (`floatLanes`). */
  reuse?: LaneReuse;
}

/** Where a `v128.load`'s f32 lanes lie: `(base + t0) >>> 0` or `(base >>> 0) + t0`, its lane atoms and reads. */
interface LaneReuse {
  /** The memory's view and the base local (`D0|l3`). */
  key: string;
  /** The address's constant (the i32.add's plus the offset). */
  t0: number;
  /** `loadEpoch` when the load was emitted. */
  epoch: number;
  /** The load's lane variables (set by `pushLazyLoad`). */
  r?: Lanes;
  /** The read of lane `j` as an f32 number. */
  get: (j: number) => string;
}

/** An f32 lane read afresh by a rewritten `v128.load`: its line, its text there, and a temporary once reused. */
interface FloatLane {
  line: number;
  text: string;
  lane: string;
  read: string;
  epoch: number;
  temp: string | null;
}

/**
 * Operators after which a straight-line run of loads goes on (`loadEpoch`): they write neither memory nor a local and
 * do not branch. Every other operator (stores, calls, control, local.set and local.tee, the 0xfc/0xfb/0xfe prefixes)
 * ends it; SIMD stores end it where they are translated.
 */
const KEEPS_LOADS = (() => {
  const t = new Uint8Array(256);
  // drop, select, select t, local.get, global.get, memory.size, the constants, the SIMD prefix
  for (const op of [0x1a, 0x1b, 0x1c, 0x20, 0x23, 0x3f, 0x41, 0x42, 0x43, 0x44, 0xfd]) t[op] = 1;
  for (let op = 0x28 /* i32.load */; op <= 0x35 /* i64.load32_u */; op++) t[op] = 1;
  for (let op = 0x45 /* i32.eqz */; op <= 0xc4 /* i64.extend32_s */; op++) t[op] = 1;
  return t;
})();

/** A v128 load's address as `(((l<n> + <c>))>>>0)` or `(l<n>>>>0)`, with the offset `+<k>` or none. */
const LANE_ADDRESS = /^\((?:\(\((l\d+) \+ (\d+)\)\)|(l\d+))>>>0\)(?:\+(\d+))?$/;

enum K {
  Block,
  Loop,
  If,
  Try,
  Catch,
  TryTable,
  Func,
}

interface Frame {
  kind: K;
  label: string;
  /** Stack height below the block's parameters. */
  height: number;
  nParams: number;
  nResults: number;
  /** Index in the control stack (for delegate bookkeeping). */
  index: number;
  /** The number of operators translated before the one opening the frame (`opIndex`). */
  at: number;
  /** if: saved parameter variables for the else branch. */
  savedParams: string[] | null;
  /** Legacy try: the JS variable bound to the caught exception, and handler state. */
  exVar: string;
  handlers: number;
  catchAll: boolean;
  /** try_table: its catch clauses. */
  catches: { kind: number; tag: TagIndex | -1; label: number }[] | null;
  /** Index in the output of the line that opens the block (blocks and loops). */
  openLine: number;
  /** Whether any branch targets this frame (an untargeted block or loop needs no JS statement). */
  targeted: boolean;
  /**
   * A loop with fuel or epoch checks: the index in the output of the line opening the loop itself, inside its
   * poll loop (`openLine`); -1 otherwise.
   */
  innerLine: number;
  /** Per parameter / result: how it is held (`Shape`: one variable, an i64 pair, a v128's four lanes). */
  pw: Shape[];
  rw: Shape[];
  /**
   * In a flat region (see `Region`): the case of the frame's continuation (a block's, if's or try_table's end, a
   * loop's header); -1 for a frame emitted as nested JS statements.
   */
  caseId: number;
  /** Flat: an if's else case (-1 once the `else` is emitted), a loop's poll header case (-1 without checks). */
  altCase: number;
  /** Flat: the handler (`hs`) in effect where the frame's continuation runs (-1: none of the region's). */
  hs: number;
  /** Flat try_table: its handler's number in the region. */
  handler: number;
}

/**
 * A flat region: code nested deeper than `MAX_STRUCTURED_DEPTH` runs as a state machine,
 * `S<n>: for (;;) switch (st) { case 0: ... }`, where a block's or if's end and a loop's header are cases and a
 * branch is `st = <case>; continue S<n>;`, so nesting in the output stops growing. A try_table in it sets the
 * handler variable `hs` for its body; the region is then wrapped in one `try` whose `catch` runs the handlers
 * from `hs` outwards (`H<n>: for (;;) switch (hs)`), each branching to its catch label or passing to the one
 * around it.
 */
interface Region {
  label: string;
  /** The frame whose opening opened the region (its end closes it). */
  frame: Frame | null;
  /** Index in the output of the line `st = 0;` (the next opens the loop). */
  openLine: number;
  cases: number;
  /** The handler dispatch's cases, one per try_table. */
  handlers: string[];
}

/** A piece of a split body (`split`): its lines, its parameters, and those of them that hold int32 words. */
interface Piece {
  lines: string[];
  params: string[];
  words: ReadonlySet<string>;
}

/** Default JS value of a local of type `t`. */
export function defaultValue(env: ModuleEnvironment, t: ValType): string {
  if (t === I64) return '0n';
  if (t === V128) return env.hoist('V', `new ${env.rt('V128')}(0, 0, 0, 0)`);
  if (t >= REF_BASE) return 'null';
  return '0';
}

/** A JS number literal for a double value (exact: shortest round-trip form). */
export function numberLiteral(v: number): string {
  if (Object.is(v, -0)) return '-0';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return String(v);
}

/**
 * Loop back edges between two reads of the engine's epoch counter (`ec` counts them down): a worker's
 * `incrementEpoch` is seen within this many iterations; the host's own changes at the next back edge after the
 * call that made them.
 */
export const EPOCH_POLL_CHECKS = 1024;

/** An extending v128 load: the lane operator that widens the low 64 bits it reads. */
const EXTENDING_LOAD: Record<string, string> = {
  'v128.load8x8_s': 'i16x8.extend_low_i8x16_s',
  'v128.load8x8_u': 'i16x8.extend_low_i8x16_u',
  'v128.load16x4_s': 'i32x4.extend_low_i16x8_s',
  'v128.load16x4_u': 'i32x4.extend_low_i16x8_u',
  'v128.load32x2_s': 'i64x2.extend_low_i32x4_s',
  'v128.load32x2_u': 'i64x2.extend_low_i32x4_u',
};

/** A word that may stay pending in a pair: a local's variable (`l3`, its hi word `l3h`) or an int32 literal. */
const LOCAL_ATOM = /^(l\d+h?|\(?-?\d+\)?)$/;
/** The hi word of an i64 local, `l<i>h`. */
const LOCAL_HI = /^l\d+h$/;
/**
 * Structured control operators (those that open, divide or close a construct: block, loop, if, else, try, catch,
 * catch_all, delegate, end, try_table): merge points.
 */
const STRUCTURE = opcodesWith(OpFlag.Opens | OpFlag.Arm | OpFlag.Closes);
/** Operators before which pending stack values are assigned to their slots: control (`CONTROL`) but these. */
const MATERIALIZE = CONTROL.slice();
for (const op of [0x04, 0x0d, 0x0e, 0x10, 0x11, 0x14, 0xfb]) MATERIALIZE[op] = 0;

/** `HEAD` bits: the operator ends a run of loads (not `KEEPS_LOADS`). */
const HEAD_ENDS_LOADS = 1;
/** `HEAD` bits: a structured control operator (`STRUCTURE`). */
const HEAD_STRUCTURE = 2;
/** `HEAD` bits: pending values are assigned before it (`MATERIALIZE`). */
const HEAD_MATERIALIZE = 4;
/**
 * Per opcode byte, what the operator loop does before translating the operator, as `HEAD_*` bits: one table read for
 * the three facts, and none of the work for the usual operator (0: local.get, constants, arithmetic, loads).
 */
const HEAD = (() => {
  const t = new Uint8Array(256);
  for (let op = 0; op < 256; op++)
    t[op] =
      (KEEPS_LOADS[op] === 0 ? HEAD_ENDS_LOADS : 0) |
      (STRUCTURE[op] === 1 ? HEAD_STRUCTURE : 0) |
      (MATERIALIZE[op] === 1 ? HEAD_MATERIALIZE : 0);
  return t;
})();

const linearCache = new Map<string, boolean>();
/**
 * True if operator `name`'s template evaluates each of its `n` operands exactly once, in order, so that
 * pending operands with effects can be inlined into it without changing what runs when.
 */
export function linear(name: string, n: number): boolean {
  let ok = linearCache.get(name);
  if (ok === undefined) {
    const a = '\u0001A\u0001';
    const b = '\u0001B\u0001';
    const t = n === 1 ? (UNARY[name] ?? UNARY_COND[name])(a) : (BINARY_COND[name] ?? BINARY[name])(a, b);
    const count = (x: string) => t.split(x).length - 1;
    ok = count(a) === 1 && (n === 1 || (count(b) === 1 && t.indexOf(a) < t.indexOf(b)));
    linearCache.set(name, ok);
  }
  return ok;
}

/** Length of a pending expression beyond which it is assigned to its slot instead (see `pushPending`). */
const MAX_PENDING_LENGTH = 400;
/** Functions of fewer characters get no feedback warm-up (`feedbackWarmup`): their bytecode before a loop is short. */
const FEEDBACK_WARMUP_MIN_CHARS = 1000;
/** The most iterations of a feedback warm-up (a few milliseconds, once). */
const FEEDBACK_WARMUP_MAX_ITERATIONS = 1 << 20;

const INDENTS: string[] = [];
for (let i = 0; i <= MAX_INDENT; i++) INDENTS.push('  '.repeat(i));

/** The fields of the store's runtime limits (`lim`) that generated code reads and writes. */
const DEADLINE = 'epochDeadline' satisfies keyof VMRuntimeLimits;
const DEPTH = 'stackDepth' satisfies keyof VMRuntimeLimits;
const DEPTH_LIMIT = 'stackLimit' satisfies keyof VMRuntimeLimits;

/**
 * Temporaries that live within one output line (a memory access's address, stored value and f64, an i64 operator's
 * scratch words, a bigint being split, a v128 operator's lane scratch): each line that mentions one assigns it first,
 * so an outlined run declares its own.
 */
/** A mention of the float temporary `mf` (inline float loads and numeric fast paths). */
const MF = /\bmf\b/;
const LINE_TEMPS = ['ma', 'mf', 'sa', 'sv', 'tc', 'qa', 'qb', 'qc', 'qd', 'qm', 'qn', 'qp', 'qz', ...V128_LANE_TEMPS];

/** A declaration whose initial value reads a local (`l3 = Number(BigInt.asIntN(32, l3b))`, `l2 = l2v.a`). */
const FROM_LOCAL = /^[\w$]+ = .*\bl\d+[a-z]*\b/;

/** Marks an output line removed after the fact (the opening of a block nothing branches to). */
const DROPPED = '\u0000';

/**
 * `lines` without the `DROPPED` ones (itself when there are none): a loop rather than `filter`, whose callback an
 * interpreter calls once per line.
 */
function withoutDropped(lines: string[]): string[] {
  let i = lines.indexOf(DROPPED);
  if (i < 0) return lines;
  const kept = lines.slice(0, i);
  for (i++; i < lines.length; i++) if (lines[i] !== DROPPED) kept.push(lines[i]);
  return kept;
}
/**
 * The position marker at the end of a line (`positions`): the module offset of the operator that began it; in the
 * code of an inlined callee (`inlineCall`), the offset of the call and, after an `i`, that of the callee's operator.
 */
export const POSITION_MARKER = /\/\*@(\d+)(?:i(\d+))?\*\/$/;
/** Every position marker of a line: the line's own and those of pending values inlined into it. */
export const POSITION_MARKERS = /\/\*@(\d+)(?:i(\d+))?\*\//g;

/**
 * Marks a `return` statement in the output: with fuel, the marker becomes the store of the fuel left
 * (`fl0[0] = fq - fu; return ...`); elsewhere it is `return`.
 */
const RET = '\u0002return';

/**
 * Single-byte operators that cannot trap or throw in generated code (nor reach the host), as the wasm backend's:
 * a function made only of these, calls and throws needs no `finally` to add its fuel local. Beyond
 * `SILENT_OPS`: calls hand the counter over first (a trap in the callee leaves the callee's count), throws store
 * it first, and each `return` adds it.
 */
const SILENT = SILENT_OPS.slice();
for (const op of [0x08, 0x09, 0x0a, 0x0f, 0x10, 0x12]) SILENT[op] = 1;

/** Parenthesizes a negative literal so that it can stand anywhere in an expression. */
/**
 * A signed LEB128 of at most seven bytes (49 bits: exact as a number) from `r`, or NaN with nothing read when it is
 * longer (the general read makes a bigint, which costs without a JIT).
 */
function smallSleb(r: BinaryReader): number {
  const bytes = r.bytes;
  let p = r.pos;
  let n = 0;
  let mul = 1;
  for (let i = 0; i < 7 && p < r.end; i++) {
    const b = bytes[p++];
    n += (b & 0x7f) * mul;
    mul *= 128;
    if (b < 0x80) {
      r.pos = p;
      return b & 0x40 ? n - mul : n;
    }
  }
  return Number.NaN;
}

function signed(lit: string): string {
  return lit.startsWith('-') ? `(${lit})` : lit;
}

/** Loads: the DataView getter and the wrapper of its result. */
export const MEM_LOAD: Record<string, [string, string]> = {
  'i32.load': ['getInt32', ''],
  'i64.load': ['getBigInt64', ''],
  'i32.load8_s': ['getInt8', ''],
  'i32.load8_u': ['getUint8', ''],
  'i32.load16_s': ['getInt16', ''],
  'i32.load16_u': ['getUint16', ''],
  'i64.load8_s': ['getInt8', 'BigInt'],
  'i64.load8_u': ['getUint8', 'BigInt'],
  'i64.load16_s': ['getInt16', 'BigInt'],
  'i64.load16_u': ['getUint16', 'BigInt'],
  'i64.load32_s': ['getInt32', 'BigInt'],
  'i64.load32_u': ['getUint32', 'BigInt'],
};
/** Stores: the DataView setter and the width an i64 value is narrowed to. */
export const MEM_STORE: Record<string, [string, string]> = {
  'i32.store': ['setInt32', ''],
  'i64.store': ['setBigInt64', ''],
  'i32.store8': ['setInt8', ''],
  'i32.store16': ['setInt16', ''],
  'i64.store8': ['setInt8', '8'],
  'i64.store16': ['setInt16', '16'],
  'i64.store32': ['setInt32', '32'],
};

/**
 * A float load inline, the helper only for a NaN (which it reads again as bits): `H.loadF64` at every load kept
 * V8 from inlining them all into a hot function (nbody ran 4.5x slower), and a call that returns a double allocates
 * (`H.loadF32` was most of simd-f32's time for the same reason). `width` is 32 or 64. Uses the temporaries `ma`
 * (the address) and `mf` (the value); each use completes before the next starts.
 */
export function floatLoadExpr(width: 32 | 64, dv: string, addr: string): string {
  const a = addr === 'ma' ? 'ma' : `ma = ${addr}`;
  return `((mf = ${dv}.getFloat${width}(${a},1)) === mf ? mf : ${width === 32 ? 'H.loadF32' : 'H.loadF64'}(${dv}, ma))`;
}

/**
 * A float store inline (a NaN kept as bits, `NaNBits`, through the helper; an f32 NaN number too, so its bits are
 * the helper's), with temporaries `sa` and `sv`.
 */
export function floatStoreStmt(width: 32 | 64, dv: string, addr: string, val: string): string {
  const a = addr === 'sa' ? '' : `sa = ${addr}; `;
  const v = val === 'sv' ? '' : `sv = ${val}; `;
  const plain = width === 64 ? `typeof sv === 'number'` : `typeof sv === 'number' && sv === sv`;
  const helper = width === 32 ? 'H.storeF32' : 'H.storeF64';
  return `${a}${v}if (${plain}) ${dv}.setFloat${width}(sa,sv,1); else ${helper}(${dv}, sa, sv);`;
}

/**
 * Whether the f64 expression `e` is sure to be a JS number, never a `NaNBits`: a literal, or an arithmetic operator
 * or a `Math` call at its top level (JavaScript's arithmetic gives numbers; any NaN it gives is one wasm arithmetic
 * may give). A name, a select, a load or a helper's result may be a `NaNBits`. Conservative: a top-level `?`, `=`
 * or `,` says no.
 */
export function isNumberExpr(e: string): boolean {
  if (/^\(?-?\d[\d.]*(?:e[-+]?\d+)?\)?$/.test(e)) return true;
  let inner = e;
  while (inner.startsWith('(') && inner.endsWith(')') && closes(inner) === inner.length - 1) inner = inner.slice(1, -1);
  if (/^Math\.(?:sqrt|min|max|fround)\(/.test(inner) && closes(inner, inner.indexOf('(')) === inner.length - 1)
    return true;
  let depth = 0;
  let arith = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0) {
      if (c === '?' || c === '=' || c === ',' || c === '"' || c === "'" || c === '`') return false;
      if ((c === '+' || c === '-' || c === '*' || c === '/') && inner[i - 1] === ' ' && inner[i + 1] === ' ')
        arith = true;
    }
  }
  return arith;
}

/**
 * Operators with a float operand whose result depends on its exact bits (a NaN's payload and sign): moves and bit
 * operations. Every other operator on floats may give any NaN for a NaN operand (arithmetic, comparisons, rounding,
 * conversions), so a float load feeding one needs no test for a NaN to keep as bits (`FunctionTranslator.floatLoads`).
 */
const NAN_EXACT = new Set([
  'f32.abs',
  'f32.neg',
  'f32.copysign',
  'f64.abs',
  'f64.neg',
  'f64.copysign',
  'i32.reinterpret_f32',
  'i64.reinterpret_f64',
]);
/**
 * Operators whose float operand must not be a plain load's number: those of `NAN_EXACT`, and min/max (`Math.min`
 * may hand back its NaN operand as it is, which must come out quiet).
 */
const NAN_OPERAND = new Set([...NAN_EXACT, 'f32.min', 'f32.max', 'f64.min', 'f64.max']);
/** Operators whose f32/f64 result is always a JS number (never a `NaNBits`): all but moves of bits. */
const NUMBER_RESULT = new Set(
  OPERATORS.filter(
    (o) =>
      (UNARY[o.name] !== undefined || BINARY[o.name] !== undefined) &&
      o.results?.length === 1 &&
      (o.results[0] === F32 || o.results[0] === F64) &&
      !NAN_EXACT.has(o.name) &&
      o.name !== 'f32.reinterpret_i32' &&
      o.name !== 'f64.reinterpret_i64',
  ).map((o) => o.name),
);
/**
 * Operators that V8's optimizing tiers (TurboFan's MachineOperatorReducer, Turboshaft's MachineOptimizationReducer)
 * fold to their operand or its negation for a constant other operand, handing a signalling NaN on unquieted: `x * 1`,
 * `x * -1`, `x / 1`, `x / -1`, `x - 0`, `-0 - x` (`x + y` is never folded so). Per operator, which operand is at risk
 * (`'left'`, `'right'`, `'both'`) and the other operand's values that fold.
 */
const FOLDS: Record<string, { at: 'left' | 'both'; values: readonly number[] }> = {
  'f64.mul': { at: 'both', values: [1, -1] },
  'f64.div': { at: 'left', values: [1, -1] },
  'f64.sub': { at: 'both', values: [0] },
};
/**
 * Operators whose result the JIT cannot know as a constant of `FOLDS` when an operand cannot be one (a load's value):
 * arithmetic of it is a NaN constant at most (`x * NaN`), never 0 or 1.
 */
const DYN_RESULT = new Set([
  'f32.add',
  'f32.sub',
  'f32.mul',
  'f32.div',
  'f32.sqrt',
  'f64.add',
  'f64.sub',
  'f64.mul',
  'f64.div',
  'f64.sqrt',
  'f64.promote_f32',
  'f32.demote_f64',
  'f64.convert_i32_s',
  'f64.convert_i32_u',
  'f32.convert_i32_s',
  'f32.convert_i32_u',
]);
/** A number literal's value (`1`, `(-0)`, `0.25`, `Infinity`), or null for any other expression. */
function literalValue(e: string): number | null {
  const t = e.startsWith('(') && e.endsWith(')') ? e.slice(1, -1) : e;
  return /^-?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|Infinity)$/.test(t) ? Number(t) : null;
}
/** `floatLoads[k].use`: consumed by an operator that may give any NaN (or dropped). */
const FLOAT_USE_ARITH = -2;
/** `floatLoads[k].use`: consumed by anything else (moved, stored, read as bits): the load keeps its test. */
const FLOAT_USE_KEEP = -1;

/** The width of a float load or store operator (`f32.load`, `f64.store`), or null for any other. */
export function floatAccessWidth(name: string): 32 | 64 | null {
  return name === 'f32.load' || name === 'f32.store' ? 32 : name === 'f64.load' || name === 'f64.store' ? 64 : null;
}

/** An address that can be evaluated twice at no cost: a name, a number, or a name made unsigned. */
export const SIMPLE_ADDRESS = /^(?:\w+|\d+|\(\w+>>>0\))$/;
/** A name alone (a local, a slot, a temporary). */
const NAME = /^\w+$/;
/** Whether `memory` (a 32-bit one) can never reach 2^31 bytes: every negative int32 address is past its end. */
const belowHalf = (memory: MemoryType) =>
  memory.limits.max !== null && memory.limits.max * 2 ** memory.pageSizeLog2 <= 2 ** 31;
/**
 * Characters of a byte or word store's value written in place in both branches of the typed-array form
 * (`env.arrayStore`); a longer one is assigned to `sv` first.
 */
const STORE_VALUE_CHARS = 40;
/** An address an i64 access may evaluate twice (with 4 added): a number, or a name made unsigned plus a constant. */
const SIMPLE_PAIR_ADDRESS = /^(\d+|\(\w+>>>0\)(\+\d+)?)$/;
/** The narrow unsigned i64 loads: one 32-bit-or-less access, the high word 0. */
const PAIR_UNSIGNED_LOADS: Record<string, string | undefined> = {
  'i64.load8_u': 'getUint8',
  'i64.load16_u': 'getUint16',
  'i64.load32_u': 'getInt32',
};
/** Per operator id: 1 when an operand or the result is an i64 (the operators `pairNumeric` may take). */
const TOUCHES_I64 = Uint8Array.from(OPERATORS, (o) => (o.params?.includes(I64) || o.results?.includes(I64) ? 1 : 0));
/** Only digits. */
const DIGITS = /^\d+$/;
/** A pair's word that an i64 store may read twice in its text (`env.pairStore`): a name or an int32 literal. */
const PAIR_VALUE = /^(\w+|\(?-\d+\)?)$/;
/** `s<d>` for each stack slot `d` asked for so far (filled in order), as `LOCAL_NAMES`. */
const SLOT_NAMES: string[] = [];
/** The JS variable of stack slot `d`, `s<d>`. */
function slotName(d: number): string {
  while (SLOT_NAMES.length <= d) SLOT_NAMES.push(`s${SLOT_NAMES.length}`);
  return SLOT_NAMES[d];
}
/** `l<i>` for each local index `i` asked for so far (filled in order): made once per process, not at every read. */
const LOCAL_NAMES: string[] = [];
/** The JS variable of local `i`, `l<i>`. */
function localName(i: number): string {
  while (LOCAL_NAMES.length <= i) LOCAL_NAMES.push(`l${LOCAL_NAMES.length}`);
  return LOCAL_NAMES[i];
}
/**
 * `DIGITS.test(text)`, with the regular expression run only where the first character is a digit (an interpreter runs
 * one slowly, and most operands are not numbers).
 */
function allDigits(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 0x30 && c <= 0x39 && DIGITS.test(text);
}

/**
 * What the translator needs to know of one numeric operator, read from the tables above once per operator (a
 * record per operator id, made on its first use): a numeric operator costs one array read, where looking each
 * table up by name cost ten lookups by string (translation runs in the interpreter under --jitless).
 */
interface NumericFacts {
  unaryCond: Unary | undefined;
  binaryCond: Binary | undefined;
  unary: Unary | undefined;
  binary: Binary | undefined;
  /** `linear(name, arity)` for the unary or binary template. */
  linear: boolean;
  nanOperand: boolean;
  numberResult: boolean;
  dynResult: boolean;
  fold: { at: 'left' | 'both'; values: readonly number[] } | undefined;
  arity: number;
  i64Result: boolean;
}
const NUMERIC_FACTS: (NumericFacts | undefined)[] = [];
function numericFacts(info: OperatorInfo): NumericFacts {
  let f = NUMERIC_FACTS[info.id];
  if (f === undefined) {
    const name = info.name;
    const arity = info.params?.length ?? 0;
    const unary = UNARY[name];
    const binary = BINARY[name];
    f = {
      unaryCond: UNARY_COND[name],
      binaryCond: BINARY_COND[name],
      unary,
      binary,
      linear:
        arity === 1
          ? (unary ?? UNARY_COND[name]) !== undefined && linear(name, 1)
          : arity === 2 && (binary ?? BINARY_COND[name]) !== undefined && linear(name, 2),
      nanOperand: NAN_OPERAND.has(name),
      numberResult: NUMBER_RESULT.has(name),
      dynResult: DYN_RESULT.has(name),
      fold: FOLDS[name],
      arity,
      i64Result: info.results?.[0] === I64,
    };
    NUMERIC_FACTS[info.id] = f;
  }
  return f;
}

/**
 * `X` for an int32 expression `(X | 0)` whose `| 0` applies to all of `X`, else the expression itself: an
 * address is made unsigned next (`>>> 0`), and ToUint32 of ToInt32 of a number is ToUint32 of it, so the `| 0`
 * is one interpreted operation for nothing. Not when `X` assigns at its top level (`(l1 = a + b | 0)` stores
 * the int32).
 */
export function withoutToInt32(e: string): string {
  if (!e.startsWith('(') || !e.endsWith(' | 0)')) return e;
  const inner = e.slice(1, -5);
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (--depth < 0) return e;
    } else if (depth === 0 && (c === '=' || c === ',' || c === '"' || c === "'" || c === '`')) return e;
  }
  return depth === 0 ? `(${inner})` : e;
}

/** Calls that cannot reach wasm or the host (so cannot grow a memory): conversions and memory loads. */
const PURE_CALLS =
  /\b(?:Number|BigInt\.asUintN|BigInt\.asIntN|BigInt|Math\.imul|Math\.clz32|\bD\d+\.get\w+|H\.loadF(?:32|64)|H\.j)\(/g;
/** True if an operand's text may call a function (which may grow the memory and replace its DataView). */
function mayCall(expr: string): boolean {
  // most operands have no call-like text at all: no replacement then (translation is interpreted under --jitless)
  return callish(expr) && callish(expr.replace(PURE_CALLS, '('));
}
/**
 * Whether `text` looks like it holds a call: a name character, `$`, `]` or `)` followed by `(` (whitespace between),
 * as `/[\w$\])]\s*\(/` says; a scan for `(` rather than the regular expression, which an interpreter runs slower.
 */
function callish(text: string): boolean {
  for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) {
    let j = i - 1;
    while (j >= 0 && isRegExpSpace(text.charCodeAt(j))) j--;
    if (j < 0) continue;
    const c = text.charCodeAt(j);
    if (
      (c >= 0x61 && c <= 0x7a) || // a-z
      (c >= 0x41 && c <= 0x5a) || // A-Z
      (c >= 0x30 && c <= 0x39) || // 0-9
      c === 0x5f || // _
      c === 0x24 || // $
      c === 0x5d || // ]
      c === 0x29 // )
    )
      return true;
  }
  return false;
}
/** Whether code unit `c` is whitespace to a regular expression's `\s` (without the `u` flag). */
function isRegExpSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether calls between wasm functions pass a function of type `type` its i64 values as int32 pairs (the "pair
 * ABI", docs/js-abi.md): an i64 parameter is two arguments (lo, hi); results come back as `pairResults` says (one
 * i64: its lo word returned, the hi word in the scratch slot `H.R[0]`, read right after the call). Every other value
 * (v128 included) is passed as at the boundary. Such a function `f<i>` is the boundary wrapper (bigint parameters and
 * results) around `f<i>$p`, the pair-ABI entry.
 */
export function usesPairAbi(type: FuncType): boolean {
  return type.params.includes(I64) || type.results.includes(I64);
}

/**
 * `<name>(bigint parameters)`: the boundary entry of a pair-ABI function of type `type` with at most one result,
 * calling `<name>$p` (the IR pipeline's; `FunctionTranslator.boundaryWrapper` covers every result form).
 */
export function pairBoundaryWrapper(name: string, type: FuncType): string {
  const ps = type.params;
  const params = ps.map((_, i) => `a${i}`).join(', ');
  const args = ps
    .map((t, i) => (t === I64 ? `Number(BigInt.asIntN(32, a${i})), Number(a${i} >> 32n)` : `a${i}`))
    .join(', ');
  const call = `${name}$p(${args})`;
  const pairRet = type.results.length === 1 && type.results[0] === I64;
  return `function ${name}(${params}) {\n  return ${pairRet ? `H.j(${call}, H.R[0])` : call};\n}`;
}

/** A letter per value type for `H.pa` and `pairResultForm`: `j` i64, `i` i32, `x` any other. */
function typeLetters(types: readonly ValType[]): string {
  return types.map((t) => (t === I64 ? 'j' : t === I32 ? 'i' : 'x')).join('');
}

/** The pair-ABI signature `H.pa` adapts to: a letter per parameter, `:`, one per result (see `typeLetters`). */
export function pairSig(type: FuncType): string {
  return `${typeLetters(type.params)}:${typeLetters(type.results)}`;
}

/** How a pair-ABI function of type `type` returns its results (helpers.ts, `pairResultForm`). */
export function pairResults(type: FuncType): 'value' | 'words' | 'tuple' {
  return pairResultForm(typeLetters(type.results));
}

/** Translates one defined function to the text of its JS function(s). */
export class FunctionTranslator {
  private r: BinaryReader;
  private out: string[] = [];
  private indent = '  ';
  /** Nesting level of the output (`indent` is two spaces per level, up to `MAX_INDENT` levels). */
  private level = 1;
  private sp = 0;
  private maxSp = 0;
  /** Whether any stack slot held an i64 pair (its `s<d>h` words are declared) or a v128 quad (its lanes). */
  private anyWide = false;
  private anyQuad = false;
  private ctrl: Frame[] = [];
  private labels = 0;
  private temps = 0;
  private maxTemps = 0;
  private usesTail = false;
  private usesDelegate = false;
  /** Per stack slot: a pending pure expression (a constant or `l<i>`) not yet assigned, or null. */
  private pend: (string | null)[] = [];
  /**
   * The slots from here up hold no pending value or fact (the per-slot arrays' defaults, or nothing yet): `setSp`
   * resets the slots below it only (at most the stack height), not every slot the body ever reached.
   */
  private dirty = 0;
  /** Per pending stack slot: the JS boolean a pending comparison was built from, or null. */
  private cond: (string | null)[] = [];
  /** Per pending stack slot: whether evaluating it has effects or may trap (its order matters). */
  private impure: boolean[] = [];
  private nImpure = 0;
  private usesSelfTail = false;
  /** Whether the body has a `loop` (the feedback warm-up is emitted only then). */
  private hasLoop = false;
  /** The flat region being emitted (see `Region`), or null. */
  private region: Region | null = null;
  private regions = 0;
  /**
   * The outermost open frame opened deeper than `MAX_STRUCTURED_DEPTH` as nested statements because its own nesting
   * is at most `ISLAND_HEIGHT` (see `flat`), or null; `islandNext`: the next frame pushed is one.
   */
  private island: Frame | null = null;
  private islandNext = false;
  /** The height of each construct of the body (src/heights.ts), computed when the body first nests deep. */
  private heights: Map<number, number> | null = null;
  /** In a flat region: the handler in effect at this point of the code (`hs`; -1: none of the region's). */
  private curHs = -1;
  private usesFlat = false;
  /** Functions outlined out of the body so far (src/outline.ts): the next one's number. */
  private nOutlined = 0;
  private usesFlatHandlers = false;
  /** Fuel of the operators translated since the last flush (wasmtime's costs: 1 per operator, 0 for a few). */
  private fuel = 0;
  /** The fuel of every flush emitted (`flushFuel`): at least what any stretch without a check consumes. */
  private fuelCost = 0;
  /** Whether an operator translated so far may trap or throw with the fuel local not stored (see `SILENT`). */
  private mayThrow = false;
  private usesHandlers = false;
  private extraDecls: string[] = [];
  /**
   * Counts the operators that end a straight-line run of loads (`KEEPS_LOADS`), and split points: two loads emitted
   * under the same count run one after the other, with no store, call, branch or local write between them.
   */
  private loadEpoch = 0;
  /** The f32 lanes `v128.load`s read afresh, by view, base local and address constant (`reuseFloatLanes`). */
  private readonly floatLanes = new Map<string, FloatLane>();
  private floatLaneTemps = 0;
  /** Whether a load needs the address temporary `ma` (its address may call). */
  private usesAddrTemp = false;
  /** `mf`: the value of an inline float load (floatLoadExpr). */
  private usesFloatTemp = false;
  /** Whether a condition assigned its number to `tc` (`zeroTest`). */
  private usesCondTemp = false;
  /**
   * The f32/f64 loads of the body (`floatLoadExpr`), each emitted as its checked form behind a marker (a block comment
   * holding `F<k>`) and given its plain form (the getter alone: no test for a NaN to read again as bits) at the end of the
   * body (`resolveFloatLoads`) where its value can only reach operators that may give any NaN: `use` is
   * `FLOAT_USE_ARITH` (popped by such an operator, or dropped), a local's index (set into that local: plain if no
   * read of the local moves it or reads its bits) or `FLOAT_USE_KEEP`.
   */
  private readonly floatLoads: {
    marked: string;
    checked: string;
    plain: string;
    /** The plain form quieted (`+ -0`): where V8's JIT may fold an operator reading it (`FOLDS`). */
    quiet: string;
    use: number;
    /** Read by an operator V8's JIT may fold to the value itself (`FOLDS`): the quiet form, not the plain one. */
    folds: boolean;
    /** An f64 load: with `nanBits` off, the plain form whatever reads it (`CompileOptions.nanBits`). */
    f64: boolean;
  }[] = [];
  /** Per stack slot: whether its f32/f64 value cannot be a JIT-time constant of `FOLDS` (a load, arithmetic of one). */
  private fDyn: boolean[] = [];
  /** While an operator of `FOLDS` pops its operands: the slots whose values it may hand on unquieted. */
  private foldPop: number[] = [];
  /** f64 locals some read of which an operator of `FOLDS` may hand on unquieted (`foldPop`). */
  private readonly foldLocals = new Set<number>();
  /** Per stack slot: the float load it holds (an index of `floatLoads`) not yet consumed, or -1. */
  private fLoad: number[] = [];
  /** Per stack slot: the f32/f64 local whose `local.get`/`local.tee` value it holds, or -1. */
  private fLocal: number[] = [];
  /** f32/f64 locals whose value some read moves or reads as bits (a store, a call, a select, a reinterpret...). */
  private readonly floatBitsLocals = new Set<number>();
  /** While the operands popped are those of an operator that may give any NaN for a NaN operand (or a drop). */
  private arithPop = false;
  /** While `local.set`/`local.tee` of an f32/f64 local pops its value: that local, else -1. */
  private setPop = -1;
  /** Per stack slot: whether it holds an f32/f64 sure to be a JS number (an arithmetic result), never a `NaNBits`. */
  private fNum: boolean[] = [];
  /**
   * f64 locals that may hold a `NaNBits`: parameters, and locals set from anything but a number (`fNum`, a literal,
   * an arithmetic expression) or a local in `numberFrom`'s closure (`resolveFloatStores`).
   */
  private readonly floatNotNumber = new Set<number>();
  /** Per f64 local set from another's value: the locals it was set from. */
  private readonly numberFrom = new Map<number, number[]>();
  /**
   * Stores of an f64 local's value, emitted with the test for a `NaNBits` (`floatStoreStmt`) on line `line`: the
   * plain `setFloat64` replaces it at the end of the body where the local only ever holds numbers.
   */
  private readonly floatStores: { line: number; local: number; checked: string; plain: string }[] = [];
  /** Whether a store needs the temporaries `sa` (address) and `sv` (value) (an operand may call). */
  private usesStoreTemps = false;
  private readonly type: FuncType;
  private readonly localTypes: ValType[] = [];
  /** Per stack slot: whether it holds an i64 as a pair, lo in `s<d>` and hi in `s<d>h`. */
  private wide: boolean[] = [];
  /** Per pending pair slot: the hi atom (the lo atom is in `pend`). */
  private pendH: (string | null)[] = [];
  /**
   * Per pair slot: 0, or the number of terms (at most `SUM_UNITS`) of the sum of unsigned products the slot holds,
   * whose value is also in the double `s<d>x` (pairs.ts, `SUM_UNITS`): an `i64.add` of two such adds the doubles and
   * no carry. Reset wherever the slot may come to hold another value (`claim`, `setSp`, `setSpTo`, `top`).
   */
  private sumTerms: number[] = [];
  /** Whether any slot held a double (`sumTerms`): the slots' `s<d>x` are declared. */
  private anySum = false;
  /** Whether the bigint temporary `qz` (splitting a bigint into a pair) is used. */
  private usesBigTemp = false;
  /** Whether the pair temporaries `qa`..`qd` are used. */
  private usesPairTemps = false;
  /**
   * i64 locals whose high word is known to be 0 here (the last `local.set` stored a zero-extended value, and no
   * structured control operator came since): `local.get` pushes the literal `0` as their hi atom, so templates fold
   * it (an `i64.mul` of two such values is one 32x32 product; README.md, "i64 as pairs").
   */
  private readonly hi0 = new Set<number>();
  /**
   * Per stack slot: false when its v128 and float facts (`quad`, `pendQ`, `fval`, `fArith`, `lazyForm`, `msbForm`,
   * `countForm`, `sameLine`, `pendLocal`, `pendPerm`, `fLoad`, `fLocal`, `fNum`, `fDyn`) all hold `claim`'s defaults
   * (nothing set one since the slot was last claimed), so that `claim` resets them only where something did: an
   * interpreter pays for every store, and most slots of most functions never hold such a fact. Whatever sets one of
   * them to another value sets the slot's entry to true first.
   */
  private readonly rare: (boolean | undefined)[] = [];
  /**
   * i64 locals known to hold a constant here, as its two int32 literals (the last `local.set` stored one, and no
   * structured control operator came since): `local.get` pushes the literals, so templates fold them (an inlined
   * callee's parameter given a constant: x25519's `__multi3` of two zero-extended values multiplies their zero
   * high words).
   */
  private readonly lit = new Map<number, readonly [string, string]>();
  /**
   * i64 locals (not parameters) whose high word is 0 throughout the function: assumed by a second translation
   * (`zeroHiLocals` in `translate`) and checked by it, every `local.set` of one storing a 0 hi word. Null in the
   * first translation.
   */
  private zeroHi: ReadonlyMap<number, number> | null = null;
  /** Whether a `local.set` stored a hi word other than 0 into a local of `zeroHi` (the assumption failed). */
  private zeroHiBroken = false;
  /**
   * i64 locals given a hi word other than the literal 0 by some `local.set` or `local.tee`, each with where its reads
   * may see such a value (`wideFrom`): the opening of the outermost loop around the first such set, or the set itself.
   */
  private readonly wideSets = new Map<number, number>();
  /**
   * i64 locals whose hi word, not known to be 0, an `i64.mul` read (where a 0 drops the cross products and the
   * general high-word formula): only for these is a second translation worth its cost.
   */
  private readonly mulHiReads = new Map<number, number>();
  /** Whether the multiplication temporary `qm` is used. */
  private usesMulTemps = false;
  /** Per stack slot: whether it holds a v128 as four int32 lanes, `s<d>`, `s<d>b`, `s<d>c`, `s<d>d`. */
  private quad: boolean[] = [];
  /** Per pending quad slot: its four lane atoms (int32 literals or a local's lane variables). */
  private pendQ: (Lanes | null)[] = [];
  /** Per quad slot: whether its lanes hold f32 numbers (an f32x4 result, `F32_VALUE_OPS`) rather than bits. */
  private fval: boolean[] = [];
  /**
   * Per quad slot with `fval`: whether its numbers are an f32 operator's results (or a selection of them), whose bits
   * are by definition those `fb` gives: not a local's or a load's numbers, made from bits by a conversion that quiets
   * a signalling NaN. Such numbers may be selected as they are (`f32x4.pmin`/`pmax`, `numberSelect`).
   */
  private fArith: boolean[] = [];
  /**
   * Per quad slot: whether each of its 32-bit words is 0 or -1 (an `f32x4`, `i32x4`, `f64x2` or `i64x2` compare's
   * mask, or a bitwise and, or, xor, andnot or not of such masks), so a `v128.bitselect` by it selects whole words
   * (`maskSelect`).
   */
  private mask32: boolean[] = [];
  /**
   * Per quad slot computed by a `v128.load`, `v128.load32_splat`, `v128.load32_zero`, `v128.load64_zero`,
   * `f32x4.splat` or an `f32x4.replace_lane` of one of these (or of f32 numbers) not yet consumed: the lines that
   * computed it, each with the two forms of its code (lane bits, and f32 numbers: `getFloat32`, the scalar as it
   * is). A consumer that wants f32 numbers (an f32 operator, which may give any NaN) rewrites every line to the float
   * form; any other keeps the bits, so moves keep NaN payloads.
   */
  private lazyForm: (LazyLine[] | null)[] = [];
  /**
   * Per quad slot holding a compare's mask: its line, as emitted (`full`) and in the form that computes only the
   * top bit of each `bits`-wide lane (`QuadTemplate.msb`). A consumer that reads only top bits (`MSB_READERS`,
   * `any_true`) and comes right after it (the compare's line is the last one: nothing else read the value) rewrites
   * the line to that form.
   */
  private msbForm: ({ line: number; full: string; msb: string; bits: number } | null)[] = [];
  /**
   * Per slot holding an `i8x16.bitmask` or `i16x8.bitmask`: its expression (`full`, left pending or assigned on the
   * line `line`) and the number of bits it sets (`QUAD_SCALAR_COUNT`), which an `i32.popcnt` right after it (nothing
   * else read the value) takes as its result: `popcnt(bitmask(eq(v, splat(c))))` counts matches.
   */
  private countForm: ({ line: number; full: string; count: string } | null)[] = [];
  /** Per pending quad slot: the v128 local whose lanes it reads (a `local.get`, maybe shuffled), or -1. */
  private pendLocal: number[] = [];
  /** Per such slot: which of the local's lanes each lane is (a word shuffle of it), or null for the identity. */
  private pendPerm: (readonly number[] | null)[] = [];
  /** v128 locals read by an f32 operator (as numbers) / by anything else (as bits), found by the first pass. */
  private readonly valueReads = new Set<number>();
  private readonly bitsReads = new Set<number>();
  /** Offsets of the `local.get`/`local.tee` of v128 locals whose value was read as bits / as f32 numbers. */
  private readonly bitsReadAt = new Set<number>();
  private readonly valueReadAt = new Set<number>();
  /** Per pending quad slot reading a local (`pendLocal`): the offset of its `local.get` or `local.tee`. */
  private pendGet: number[] = [];
  /** The offset of the operator being translated. */
  private opAt = 0;
  /** Operators translated so far: an order of the body's operators that both translations of a body share. */
  private opIndex = 0;
  /**
   * While the body of a callee is translated in place of its call (`inlineCall`): the block frame standing for the
   * callee's function frame, the control depth inside it, the caller's reader position and end, and the call's
   * offset. Null in the function's own code.
   */
  private inl: { frame: Frame; depth: number; pos: number; end: number; site: number } | null = null;
  /** Added to the local indices of the code being read: an inlined callee's locals are locals of this function. */
  private localBase = 0;
  /** Per inlined callee (FuncIndex): the index of its first parameter among this function's locals. */
  private readonly inlineBases = new Map<number, number>();
  /** Code bytes of this body plus those of the callees inlined into it so far (`INLINE_CALLER_BYTES`). */
  private codeBytes: number;
  /**
   * For the second pass: the writes of locals held in both forms after which one form is never read (its conversion
   * is left out), or null (convert at every write).
   */
  private forms: V128FormLiveness | null = null;
  /** v128 locals given a value as bits (a parameter, a load, an integer result), found by the first pass. */
  private readonly bitsSets = new Set<number>();
  /**
   * v128 locals also held as f32 numbers in `l<i>f`, `l<i>fb`.. (the second pass, from the first one's
   * `valueReads`): true if both forms are kept, false if only the numbers are (nothing reads its bits, or it is
   * only ever set from f32 results, whose bits are converted from the numbers where they are read).
   */
  private floatLocals: ReadonlyMap<number, boolean> | null = null;
  /**
   * Per quad slot: the line of `out` whose statement computed it with its four lanes equal (a splat, a shuffle
   * taking one word four times), or -1. It says so only while that line is the last one (`sameLanes`).
   */
  private sameLine: number[] = [];
  /** v128 locals given a value whose lanes are not known equal by some `local.set` or `local.tee` (any pass). */
  private readonly unevenSets = new Set<number>();
  /**
   * v128 locals (not parameters) that only ever hold splats (the first pass found every value given them with its
   * lanes equal): held as one variable per form, `l<i>` (and `l<i>f`), read as that atom four times, so the four
   * lanes are one value to the JS engine (32 splatted f32 taps are 32 registers, not 128). Null in the first pass.
   */
  private splatLocals: ReadonlySet<number> | null = null;
  /** Whether a `local.set` gave a local of `splatLocals` a value whose lanes are not known equal (then not used). */
  private splatBroken = false;
  /** Temporaries of the v128 lowering in use (`qv` for a V128 from a boundary, `vs`, `w0`..`w3`...). */
  private readonly laneTemps = new Set<string>();
  /**
   * Where the body may be cut into pieces (`split`), as pairs of numbers: a line of `out` and the operand stack's
   * height there. Points between operators of the function's own frame with no temporary live.
   */
  private readonly cuts: number[] = [];
  /**
   * Per point of `cuts`, the stack slots below 31 that hold an i64 pair there, as bits (`1 << d`): their `s<d>` words
   * are int32 numbers (`handOverWords`).
   */
  private readonly cutPairs: number[] = [];

  /**
   * `name` is the JS function name; `start`/`end` the code bytes (ending with `end`); `type` the
   * signature; `locals` the declared locals after the parameters.
   */
  constructor(
    private readonly env: ModuleEnvironment,
    private readonly name: string,
    start: number,
    end: number,
    type: FuncType,
    locals: readonly (readonly [number, ValType])[],
    private readonly selfIndex: FuncIndex | -1 = -1,
    /**
     * Whether i64 values are lowered to pairs of int32 numbers inside the body (lo and hi; bigint at
     * every boundary: parameters, results, calls, globals, exceptions, GC fields, helpers).
     */
    private readonly pairs = true,
    /** False to translate a pair-ABI function's body with the bigint convention (one that makes tail calls). */
    pairAbi = true,
  ) {
    this.args = [start, end, locals];
    this.pairAbi = pairAbi && pairs && selfIndex >= 0 && usesPairAbi(type);
    this.retForm = this.pairAbi ? pairResults(type) : 'value';
    this.r = new BinaryReader(env.module.bytes, start, end);
    this.codeBytes = end - start;
    this.type = type;
    for (const p of this.type.params) this.localTypes.push(p);
    for (const [count, t] of locals) for (let i = 0; i < count; i++) this.localTypes.push(t);
  }

  /** The constructor's body arguments (to translate again with the bigint convention). */
  private readonly args: [number, number, readonly (readonly [number, ValType])[]];
  /** Whether this function takes its i64 parameters as pairs (see `usesPairAbi`). */
  private readonly pairAbi: boolean;
  /** How it returns its results: as at the boundary (`value`), or as words or a tuple of words (`pairResults`). */
  private readonly retForm: 'value' | 'words' | 'tuple';

  /** True when the function performs tail calls (it then has an inner body `<name>$t` and a trampoline). */
  get hasTailCalls(): boolean {
    return this.usesTail;
  }

  /**
   * Before a block, loop, if or try_table: opens a flat region if the construct would nest deeper than
   * `MAX_STRUCTURED_DEPTH`. True when the construct is emitted flat (in a region, new or not).
   */
  private flat(): boolean {
    // inside an island every construct nests (its height is below the island's)
    if (this.island !== null) return false;
    if (this.region === null && this.ctrl.length < MAX_STRUCTURED_DEPTH) return false;
    // deep: a construct whose own nesting is shallow stays nested statements, an island, so that only the constructs
    // that make the nesting deep (a chain of blocks around a `br_table`) become cases, and the code inside (an
    // interpreter's case bodies) keeps its ifs and loops (an inlined callee's frame is not in `heights`: flat)
    this.heights ??= constructHeights(this.env.module.bytes, this.args[0], this.args[1]);
    if ((this.heights.get(this.opAt) ?? Number.POSITIVE_INFINITY) <= ISLAND_HEIGHT) {
      this.islandNext = true;
      return false;
    }
    if (this.region !== null) return true;
    const label = `S${this.regions++}`;
    this.usesFlat = true;
    this.region = { label, frame: null, openLine: this.out.length, cases: 1, handlers: [] };
    this.curHs = -1;
    this.emit('st = 0;');
    this.emit(`${label}: for (;;) switch (st) {`);
    this.emit('case 0:');
    return true;
  }

  /** Emits the label of case `k` of the flat region. */
  private emitCase(k: number): void {
    this.emit(`case ${k}:`);
  }

  /** Closes the flat region after the end of the frame that opened it. */
  private closeRegion(): void {
    const g = this.region as Region;
    this.region = null;
    this.curHs = -1;
    this.emit(`break ${g.label};`);
    if (g.handlers.length === 0) {
      this.emit('}');
      return;
    }
    this.usesFlatHandlers = true;
    const out = this.out;
    out[g.openLine] = out[g.openLine].replace('st = 0;', 'st = 0; hs = -1;');
    out[g.openLine + 1] = out[g.openLine + 1].replace('switch (st) {', 'try { switch (st) {');
    const e = `e${g.label}`;
    this.emit(`} } catch (${e}) {`);
    this.emit(`  if (!(${e} instanceof ${this.env.exceptionClass()})) throw ${e};`);
    this.emitReload('  ');
    this.emit(`  H${g.label}: for (;;) switch (hs) {`);
    for (const l of g.handlers) this.emit(`    ${l}`);
    this.emit(`    default: throw ${e};`);
    this.emit('  }');
    this.emit('}');
  }

  /**
   * Changes the output's nesting level by `by`. Indentation stops growing at `MAX_INDENT` levels, so that the
   * output's size stays linear in the input's at any nesting depth.
   */
  private nest(by: number): void {
    this.level += by;
    this.indent = INDENTS[Math.min(this.level, this.env.maxIndent)];
  }

  /** Emits a statement; pending values that may have effects are assigned first, to keep their order. */
  private emit(line: string): void {
    if (this.nImpure > 0) for (let d = 0; d < this.sp; d++) if (this.impure[d]) this.materialize(d);
    this.out.push(this.indent + line);
  }
  /** Claims the next stack slot for a non-pair value. */
  private claim(): number {
    const d = this.sp++;
    if (this.sp > this.maxSp) this.maxSp = this.sp;
    if (this.sp > this.dirty) this.dirty = this.sp;
    this.wide[d] = false;
    this.pendH[d] = null;
    this.sumTerms[d] = 0;
    // a slot never claimed yet (undefined) is given the defaults too
    if (this.rare[d] !== false) {
      this.quad[d] = false;
      this.pendQ[d] = null;
      this.fval[d] = false;
      this.fArith[d] = false;
      this.mask32[d] = false;
      this.lazyForm[d] = null;
      this.msbForm[d] = null;
      this.countForm[d] = null;
      this.sameLine[d] = -1;
      this.pendLocal[d] = -1;
      this.pendPerm[d] = null;
      this.fLoad[d] = -1;
      this.fLocal[d] = -1;
      this.fNum[d] = false;
      this.fDyn[d] = false;
      this.rare[d] = false;
    }
    return d;
  }
  /** Pushes a computed value: assigned to its stack slot now. */
  private push(expr: string): void {
    const d = this.claim();
    this.pend[d] = null;
    this.emit(`s${d} = ${expr};`);
  }
  /**
   * Pushes a constant or a local's value without assigning it: the consumer inlines it. Only locals can
   * change it (calls and memory cannot), so a pending `l<i>` is assigned before any write to `l<i>`.
   */
  private pushPure(expr: string, cond: string | null = null): void {
    this.pushPending(expr, false, cond);
  }
  /**
   * Pushes a value whose evaluation is deferred to its consumer. An impure one (a load, a call, a global
   * read, anything that may trap) keeps its place in the order of effects: every statement emitted while it
   * is pending assigns it first. Pending expressions never read stack slots, only locals and constants.
   */
  private pushPending(expr: string, impure: boolean, cond: string | null = null): void {
    // a long expression is assigned now: inlining chains of them would nest without bound (a JS parser's stack)
    // and make every later look at the expression cost its length
    if (expr.length > MAX_PENDING_LENGTH) {
      this.push(expr);
      return;
    }
    const d = this.claim();
    this.pend[d] = expr;
    this.cond[d] = cond;
    this.impure[d] = impure;
    if (impure) this.nImpure++;
  }
  /**
   * Pushes an i64 pair left pending: `lo` and `hi` are atoms (int32 literals or a local's two variables),
   * so consumers may read each of them more than once.
   */
  private pushPairPure(lo: string, hi: string): void {
    const d = this.claim();
    this.wide[d] = true;
    this.anyWide = true;
    this.pend[d] = lo;
    this.pendH[d] = hi;
  }
  /**
   * Pushes an i64 pair computed by statements: `code(lo, hi)` gets the slot's two variables to assign.
   * Older pending values with effects are assigned first (by `emit`).
   */
  private pushPairStmt(code: (lo: string, hi: string) => string): void {
    const d = this.claim();
    this.wide[d] = true;
    this.anyWide = true;
    this.pend[d] = null;
    this.emit(code(`s${d}`, `s${d}h`));
  }
  /**
   * Pushes an i64 pair whose lo word `code(lo)` assigns to the slot and whose hi word is the atom `hi` (a
   * literal), left pending: consumers fold it, and it is assigned to `s<d>h` only before control flow.
   */
  private pushPairLo(code: (lo: string) => string, hi: string): void {
    const d = this.claim();
    this.wide[d] = true;
    this.anyWide = true;
    this.pend[d] = null;
    this.emit(code(`s${d}`));
    this.pendH[d] = hi;
  }
  /**
   * Pushes an i64 value given as a bigint expression (from a boundary: a call, a global, a helper): split
   * into the slot's pair in pair mode, assigned as it is otherwise.
   */
  private pushBig(expr: string): void {
    if (!this.pairs) {
      this.push(expr);
      return;
    }
    this.usesBigTemp = true;
    this.pushPairStmt((lo, hi) => `qz = ${expr}; ${lo} = Number(BigInt.asIntN(32, qz)); ${hi} = Number(qz >> 32n);`);
  }
  /** Splits the bigint held in stack slot `d` into its pair, in place (pair mode only). */
  private splitInPlace(d: number): void {
    if (!this.pairs) return;
    this.emit(`s${d}h = Number(s${d} >> 32n); s${d} = Number(BigInt.asIntN(32, s${d}));`);
    this.wide[d] = true;
    this.anyWide = true;
  }
  /** Pushes a v128 left pending as four lane atoms (literals or a local's lane variables). */
  private pushQuadPure(lanes: Lanes): void {
    const d = this.claim();
    this.rare[d] = true;
    this.quad[d] = true;
    this.anyQuad = true;
    this.pend[d] = lanes[0];
    this.pendQ[d] = lanes;
  }
  /** Pushes the value of v128 local `i`, pending (as numbers if it is held only as numbers). */
  private pushQuadLocal(i: number): void {
    const asFloat = this.floatLocals?.get(i) === false;
    const name = asFloat ? `l${i}f` : `l${i}`;
    this.pushQuadPure(this.splatLocals?.has(i) ? [name, name, name, name] : laneNames(name));
    this.rare[this.sp - 1] = true;
    this.pendLocal[this.sp - 1] = i;
    this.pendGet[this.sp - 1] = this.opAt;
    this.fval[this.sp - 1] = asFloat;
  }
  /**
   * Pops a v128 into local `i`: its lane bits, and for a local held as numbers too (`floatLocals`) its f32
   * numbers, each converted from the other form once here when the value came in the other one.
   */
  private setQuadLocal(i: number): void {
    if (!this.sameLanes(this.sp - 1)) {
      this.unevenSets.add(i);
      if (this.splatLocals?.has(i)) this.splatBroken = true;
    }
    const l = `l${i}`;
    // a splat local: lane a alone is written (and read four times)
    const splat = this.splatLocals?.has(i) === true;
    const bits = laneNames(l);
    const copy = (dst: Lanes, src: Lanes): void => {
      if (!splat) this.emitCopy(dst, src);
      else if (dst[0] !== src[0]) this.emit(`${dst[0]} = ${src[0]};`);
    };
    const lanes = <T>(xs: readonly T[]): readonly T[] => (splat ? xs.slice(0, 1) : xs);
    const kind = this.floatLocals?.get(i);
    if (kind === undefined) {
      if (!this.fval[this.sp - 1]) this.bitsSets.add(i);
      const q = this.popQuad();
      this.materializeLocal(l);
      copy(bits, q);
      return;
    }
    const floats = laneNames(`${l}f`);
    const d = this.sp - 1;
    // a load (gather) goes in as numbers only where the local's bits are not read before its next write (a NaN's
    // payload would not survive): a local never read as bits, or one whose bits this write leaves dead
    const lazy = this.lazyForm[d] !== null && this.lazyForm[d] !== undefined;
    const asValues = this.fval[d] || (lazy && (!kind || this.forms?.bitsDead.has(this.opAt) === true));
    const q = asValues ? this.popQuadValues() : this.popQuad();
    this.materializeLocal(l);
    this.materializeLocal(`${l}f`);
    if (asValues) {
      copy(floats, q);
      const fb = this.env.hoist('hv', 'H.fb');
      if (kind && !this.forms?.bitsDead.has(this.opAt))
        this.emit(
          lanes(bits)
            .map((v, k) => `${v} = ${fb}(${floats[k]});`)
            .join(' '),
        );
    } else if (kind) {
      copy(bits, q);
      if (!this.forms?.valuesDead.has(this.opAt))
        this.emit(
          lanes(floats)
            .map((v, k) => `${v} = ${this.f32Value(literal(q[k]) === null ? bits[k] : q[k])};`)
            .join(' '),
        );
    } else
      this.emit(
        lanes(floats)
          .map((v, k) => `${v} = ${this.f32Value(q[k])};`)
          .join(' '),
      );
  }
  /**
   * Whether quad slot `d` is known to hold four equal lanes: pending atoms that are one atom, or a splat computed
   * by the last line emitted (nothing came between that could have changed the slot).
   */
  private sameLanes(d: number): boolean {
    const q = this.pendQ[d];
    if (q !== null && q !== undefined) return q[1] === q[0] && q[2] === q[0] && q[3] === q[0];
    const line = this.sameLine[d];
    return line !== undefined && line >= 0 && line === this.out.length - 1;
  }
  /** Records that the quad just pushed (by the last line emitted) has four equal lanes. */
  private markSame(): void {
    this.rare[this.sp - 1] = true;
    this.sameLine[this.sp - 1] = this.out.length - 1;
  }
  /**
   * Copies lane atoms `src` into the variables `dst` (nothing where a lane is already there). `src` may be `dst`'s
   * own variables reordered (a word shuffle of a local stored back into it): then through `w0`..`w3`, so that no
   * lane is read after it was written.
   */
  private emitCopy(dst: Lanes, src: Lanes): void {
    if (dst.every((v, i) => v === src[i])) return;
    const clobbered = src.some((x, k) => dst.some((v, i) => v === x && i < k));
    if (!clobbered) {
      this.emit(dst.flatMap((v, k) => (v === src[k] ? [] : [`${v} = ${src[k]};`])).join(' '));
      return;
    }
    const w: Lanes = ['w0', 'w1', 'w2', 'w3'];
    for (const t of w) this.laneTemps.add(t);
    this.emit(`${w.map((t, k) => `${t} = ${src[k]};`).join(' ')} ${dst.map((v, k) => `${v} = ${w[k]};`).join(' ')}`);
  }
  /** The assignments of v128 local `i`'s numbers from its bits: [variable, expression] per lane. */
  private floatsOfBits(i: number): [string, string][] {
    const bits = laneNames(`l${i}`);
    return laneNames(`l${i}f`).map((f, k) => [f, this.f32Value(bits[k])]);
  }
  /** Pushes a v128 computed by statements: `code(r)` gets the slot's four lane variables to assign. */
  private pushQuadStmt(code: (r: Lanes) => string): void {
    const d = this.claim();
    this.rare[d] = true;
    this.quad[d] = true;
    this.anyQuad = true;
    this.pend[d] = null;
    this.emit(code(laneNames(`s${d}`)));
  }
  /** Pushes a v128 given as a `V128` expression (from a boundary: a call, a global, a payload), split into lanes. */
  private pushV128(expr: string): void {
    this.laneTemps.add('qv');
    this.pushQuadStmt((r) => `qv = ${expr}; ${r[0]} = qv.a; ${r[1]} = qv.b; ${r[2]} = qv.c; ${r[3]} = qv.d;`);
  }
  /** Splits the `V128` held in stack slot `d` into its lanes, in place. */
  private splitQuadInPlace(d: number): void {
    this.laneTemps.add('qv');
    const r = laneNames(`s${d}`);
    this.emit(`qv = ${r[0]}; ${r[0]} = qv.a; ${r[1]} = qv.b; ${r[2]} = qv.c; ${r[3]} = qv.d;`);
    this.rare[d] = true;
    this.quad[d] = true;
    this.anyQuad = true;
  }
  /** Converts the f32 numbers held in quad slot `d` (computed, or pending atoms) to lane bits in its variables. */
  private toBits(d: number): void {
    this.fval[d] = false;
    const fb = this.env.hoist('hv', 'H.fb');
    const q = this.pendQ[d] ?? laneNames(`s${d}`);
    this.pend[d] = null;
    this.pendQ[d] = null;
    this.pendLocal[d] = -1;
    this.out.push(
      `${this.indent}${laneNames(`s${d}`)
        .map((v, i) => `${v} = ${fb}(${q[i]});`)
        .join(' ')}`,
    );
  }
  /** Pops a v128 as four atoms (its slot's lane variables, or the pending literals or local lanes). */
  private popQuad(): Lanes {
    if (this.fval[this.sp - 1]) this.toBits(this.sp - 1);
    return this.popQuadRaw();
  }
  /** Pops a v128 as four f32 number expressions (its lanes, or `fv` of its bits). */
  private popQuadValues(): Lanes {
    const d = this.sp - 1;
    let isValue = this.fval[d];
    const load = this.lazyForm[d];
    if (load !== null && load !== undefined && this.pendQ[d] === null) {
      // the load (splat, replacements) computes f32 numbers directly
      for (const l of load)
        this.out[l.line] = this.out[l.line].replace(
          l.bits,
          l.reuse === undefined ? l.float : this.reuseFloatLanes(l.line, l.reuse),
        );
      isValue = true;
    }
    const local = this.pendLocal[d];
    let q: Lanes;
    if (local >= 0 && !isValue) {
      this.valueReads.add(local);
      this.valueReadAt.add(this.pendGet[d]);
      this.pendLocal[d] = -1;
      q = this.popQuadRaw();
      // a local also held as numbers
      const perm = this.pendPerm[d];
      if (this.floatLocals?.has(local)) {
        const f: Lanes = this.splatLocals?.has(local)
          ? [`l${local}f`, `l${local}f`, `l${local}f`, `l${local}f`]
          : laneNames(`l${local}f`);
        return perm === null || perm === undefined ? f : (perm.map((k) => f[k]) as unknown as Lanes);
      }
    } else {
      this.pendLocal[d] = -1;
      this.lazyForm[d] = null;
      q = this.popQuadRaw();
    }
    this.fval[d] = false;
    if (isValue) return q;
    return q.map((x) => this.f32Value(x)) as unknown as Lanes;
  }
  /** The f32 number of lane bits `x`: a literal folded, else `fv(x)`. */
  private f32Value(x: string): string {
    const n = literal(x);
    if (n === null) return `${this.env.hoist('hv', 'H.fv')}(${x})`;
    const f = new Float32Array(new Int32Array([n]).buffer)[0];
    return Number.isNaN(f)
      ? 'NaN'
      : Object.is(f, -0)
        ? '-0'
        : f === Infinity
          ? 'Infinity'
          : f === -Infinity
            ? '-Infinity'
            : String(f);
  }
  /** Pops a v128's lanes as they are held (bits, or f32 numbers when `fval`). */
  private popQuadRaw(): Lanes {
    const d = --this.sp;
    const q = this.pendQ[d] ?? laneNames(`s${d}`);
    if (this.pendLocal[d] >= 0) {
      this.bitsReads.add(this.pendLocal[d]);
      this.bitsReadAt.add(this.pendGet[d]);
    }
    this.pendLocal[d] = -1;
    this.lazyForm[d] = null;
    this.pend[d] = null;
    this.pendQ[d] = null;
    this.cond[d] = null;
    this.quad[d] = false;
    return q;
  }
  /** A `V128` expression of four lane atoms (for a boundary: a call, a return, a global, a payload). */
  private joinQuad(q: Lanes): string {
    const V = this.env.rt('V128');
    if (q.every((a) => literal(a) !== null)) return this.env.hoist('v', `new ${V}(${q.join(', ')})`);
    return `new ${V}(${q.join(', ')})`;
  }
  /** True if the top `n` values are all pending. */
  private allPending(n: number): boolean {
    for (let i = 0; i < n; i++) if (!this.isPending(i)) return false;
    return true;
  }
  /** True if any of the top `n` values is pending with effects. */
  private anyImpure(n: number): boolean {
    for (let i = 0; i < n; i++) if (this.impure[this.sp - 1 - i]) return true;
    return false;
  }
  /** Pops a value used as a condition: a pending comparison is used as the bare JS boolean. */
  private popCond(inline = false): string {
    if (!inline && this.impure[this.sp - 1]) this.materialize(this.sp - 1);
    const c = this.cond[this.sp - 1];
    const e = this.popInline();
    if (c !== null && c !== undefined) return c;
    return this.env.zeroTests && literal(e) === null ? this.zeroTest(e, '!==') : e;
  }
  /**
   * `e === 0` or `e !== 0` for an interpreter (`branchCondValues`): JavaScriptCore's LLInt branches on a boolean or
   * on a comparison fused with its jump in its fast path, but on any other value (`if (x)`, `x ? :`, `!x`) through a
   * slow path, about 130 machine instructions more; and its bytecode compiler turns `(x & y) === 0` (a bitwise
   * operator's result against 0) back into such a branch on the number. So a number tested in a condition is
   * compared, and an expression is first assigned to `tc`, which that rewrite does not see through.
   */
  private zeroTest(e: string, op: '===' | '!=='): string {
    if (/^\(?[A-Za-z_$][\w$]*\)?$/.test(e)) return `${e} ${op} 0`;
    this.usesCondTemp = true;
    return `(tc = ${e}) ${op} 0`;
  }
  /** Pops `n` values for one expression that evaluates each once, in stack order. */
  private popArgsInline(n: number): string[] {
    const args: string[] = [];
    for (let i = 0; i < n; i++) args.push(this.popInline());
    return args.reverse();
  }
  /**
   * Pops the top value for a consumer that may emit other statements or evaluate it out of order: a
   * pending value with effects is assigned to its slot first.
   */
  private pop(): string {
    if (this.impure[this.sp - 1]) this.materialize(this.sp - 1);
    return this.popInline();
  }
  /**
   * Pops the top value's expression, pending or not, for a consumer that evaluates it exactly once, in
   * stack order, within the one statement it emits next. An i64 pair comes back joined into a bigint.
   */
  private popInline(): string {
    const d = this.sp - 1;
    // (a slot not `rare` holds no v128 and no float load or local: two reads instead of four)
    const rare = this.rare[d] !== false;
    if (rare && this.quad[d]) return this.joinQuad(this.popQuad());
    if (this.wide[d]) {
      const pp = this.popPair();
      const lo = pp[0];
      const hi = pp[1];
      const l = literal(lo);
      const h = literal(hi);
      if (l !== null && h !== null) {
        const v = (BigInt(h) << 32n) | BigInt(l >>> 0);
        return v < 0n ? `(${v}n)` : `${v}n`;
      }
      return `H.j(${lo}, ${hi})`;
    }
    this.sp = d;
    // `nanBits` off: an f64 that may be a signalling NaN number, read where V8 may fold it on or `Math.min`/`max` may
    // hand it on, is quieted
    const quiet = !this.env.nanBits && !this.fNum[d] && this.foldPop.includes(d);
    if (rare && (this.fLoad[d] >= 0 || this.fLocal[d] >= 0)) this.floatUse(d);
    const e = this.pend[d];
    this.pend[d] = null;
    this.cond[d] = null;
    if (this.impure[d]) {
      this.impure[d] = false;
      this.nImpure--;
    }
    const v = e ?? slotName(d);
    return quiet && !isNumberExpr(v) ? `(${v} + -0)` : v;
  }
  /** Pops an i64 pair as two atoms (its slot's variables, or the pending literals or local variables). */
  private popPair(): [string, string] {
    const d = --this.sp;
    const lo = this.pend[d] ?? `s${d}`;
    const hi = this.pendH[d] ?? `s${d}h`;
    this.pend[d] = null;
    this.pendH[d] = null;
    this.cond[d] = null;
    this.wide[d] = false;
    return [lo, hi];
  }
  /** The stack slot of the value `n` below the top, assigned first if it was pending. */
  private top(n = 0): string {
    const d = this.sp - 1 - n;
    this.sumTerms[d] = 0;
    if (this.fLoad[d] >= 0 || this.fLocal[d] >= 0) this.floatKeep(d);
    // the slot may be written in place (select)
    this.fNum[d] = false;
    this.fDyn[d] = false;
    this.materialize(d);
    return `s${d}`;
  }
  /**
   * Assigns pending slot `d` (after any older pending value with effects, which must run first). A v128 ends as
   * lane bits, or with `keep` as it is held (f32 numbers stay numbers: only a local it reads is about to change).
   */
  private materialize(d: number, keep = false): void {
    const e = this.pend[d];
    if (this.rare[d] !== false && this.quad[d]) {
      if (this.fval[d] && !keep) {
        this.toBits(d);
        return;
      }
      if (!keep) this.lazyForm[d] = null;
      const q = this.pendQ[d];
      if (q !== null) {
        if (this.pendLocal[d] >= 0 && !this.fval[d]) {
          this.bitsReads.add(this.pendLocal[d]);
          this.bitsReadAt.add(this.pendGet[d]);
        }
        this.pendLocal[d] = -1;
        this.pend[d] = null;
        this.pendQ[d] = null;
        const r = laneNames(`s${d}`);
        this.out.push(`${this.indent}${r.map((v, i) => `${v} = ${q[i]};`).join(' ')}`);
      }
      return;
    }
    if ((e === null || e === undefined) && this.wide[d] && this.pendH[d] !== null && this.pendH[d] !== undefined) {
      // a computed lo word with a literal hi word
      this.out.push(`${this.indent}s${d}h = ${this.pendH[d]};`);
      this.pendH[d] = null;
      return;
    }
    if (e !== null && e !== undefined) {
      if (this.impure[d]) {
        this.impure[d] = false;
        this.nImpure--;
      }
      this.pend[d] = null;
      this.cond[d] = null;
      for (let i = 0; i < d && this.nImpure > 0; i++) if (this.impure[i]) this.materialize(i);
      if (this.wide[d]) {
        this.out.push(`${this.indent}s${d} = ${e}; s${d}h = ${this.pendH[d]};`);
        this.pendH[d] = null;
      } else this.out.push(`${this.indent}s${d} = ${e};`);
    }
  }
  /** Assigns every pending value to its slot (before control flow merges or branches). */
  private materializeAll(): void {
    for (let d = 0; d < this.sp; d++) {
      // the slot's value may now be read where it is carried (a branch, a block's parameters) as well as by its consumer
      if (this.rare[d] !== false && (this.fLoad[d] >= 0 || this.fLocal[d] >= 0)) this.floatKeep(d);
      this.materialize(d);
    }
  }
  /** Popping slot `d`, which holds a float load or a float local's value: what its consumer makes of it. */
  private floatUse(d: number): void {
    const k = this.fLoad[d];
    // (with `nanBits` off, what may fold is quieted where it is popped: `popInline`)
    const folds = this.env.nanBits && this.foldPop.includes(d);
    if (k >= 0) {
      this.fLoad[d] = -1;
      this.floatLoads[k].use = this.arithPop ? FLOAT_USE_ARITH : this.setPop >= 0 ? this.setPop : FLOAT_USE_KEEP;
      if (folds) this.floatLoads[k].folds = true;
    }
    const l = this.fLocal[d];
    if (l >= 0) {
      this.fLocal[d] = -1;
      if (!this.arithPop) this.floatBitsLocals.add(l);
      else if (folds) this.foldLocals.add(l);
    }
  }
  /** Whether slot `d` holds an f64 load's value that is a number (`CompileOptions.nanBits` off: its getter alone). */
  private loadedNumber(d: number): boolean {
    const k = this.fLoad[d];
    return !this.env.nanBits && this.rare[d] !== false && k >= 0 && this.floatLoads[k].f64;
  }
  /** Slot `d`'s value may be read by more than its consumer: a load in it keeps its test, a local read counts as bits. */
  private floatKeep(d: number): void {
    this.fLoad[d] = -1;
    if (this.fLocal[d] >= 0) this.floatBitsLocals.add(this.fLocal[d]);
    this.fLocal[d] = -1;
  }
  /**
   * The end of the body: each float load whose value only reaches operators that may give any NaN takes its plain form
   * (`floatLoads`), the others their checked one; both without the marker. Outer loads first (a load in another's
   * address has the smaller index and its marker inside the outer one's text).
   */
  private resolveFloatStores(): void {
    const stores = this.floatStores;
    if (stores.length === 0) return;
    for (let i = 0; i < this.type.params.length; i++) this.floatNotNumber.add(i);
    // a local set from one that may hold a NaNBits may hold one too
    const notNum = this.floatNotNumber;
    for (let changed = true; changed; ) {
      changed = false;
      for (const [l, from] of this.numberFrom)
        if (!notNum.has(l) && from.some((m) => notNum.has(m))) {
          notNum.add(l);
          changed = true;
        }
    }
    for (const st of stores)
      if (!notNum.has(st.local)) this.out[st.line] = this.out[st.line].replace(st.checked, st.plain);
  }
  private resolveFloatLoads(): void {
    const loads = this.floatLoads;
    if (loads.length === 0) return;
    const out = this.out;
    const lineOf = new Map<number, number>();
    for (let i = 0; i < out.length; i++)
      if (out[i].includes('/*F')) for (const m of out[i].matchAll(/\/\*F(\d+)\*\//g)) lineOf.set(Number(m[1]), i);
    for (let k = loads.length - 1; k >= 0; k--) {
      const i = lineOf.get(k);
      if (i === undefined) continue;
      const f = loads[k];
      const plain =
        f.use === FLOAT_USE_ARITH || (f.use >= 0 && !this.floatBitsLocals.has(f.use)) || (f.f64 && !this.env.nanBits);
      const folds = f.use === FLOAT_USE_ARITH ? f.folds : f.use >= 0 && this.foldLocals.has(f.use);
      const line = out[i];
      const at = line.indexOf(f.marked);
      // text changed since (never expected): the checked form, as it is
      if (at < 0) out[i] = line.replace(`/*F${k}*/`, '');
      else
        out[i] =
          line.slice(0, at) + (plain ? (folds ? f.quiet : f.plain) : f.checked) + line.slice(at + f.marked.length);
    }
  }
  /**
   * Assigns pending values that read local `name` (or the hi half `<name>h` of an i64 local, or a lane `<name>b`..
   * `<name>d` of a v128 local) before it is written.
   */
  private materializeLocal(name: string): void {
    let re: RegExp | null = null;
    // a pending text that does not contain the name cannot read the local (a substring test, then the exact one)
    const reads = (text: string | null | undefined): boolean => {
      if (text === null || text === undefined || !text.includes(name)) return false;
      re ??= new RegExp(`\\b${name}[hbcd]?\\b`);
      return re.test(text);
    };
    for (let d = 0; d < this.sp; d++) {
      const e = this.pend[d];
      if (e === null || e === undefined) continue;
      const q = this.pendQ[d];
      if (reads(e) || (this.wide[d] && reads(this.pendH[d])) || q?.some(reads)) this.materialize(d, true);
    }
  }
  /** True if the value `n` below the top is pending (a pure expression). */
  private isPending(n = 0): boolean {
    const e = this.pend[this.sp - 1 - n];
    return e !== null && e !== undefined;
  }
  private setSp(sp: number): void {
    const dirty = this.dirty;
    for (let d = sp; d < dirty; d++) {
      this.pend[d] = null;
      this.pendH[d] = null;
      this.pendQ[d] = null;
      this.lazyForm[d] = null;
      this.pendLocal[d] = -1;
      this.cond[d] = null;
      if (this.impure[d]) {
        this.impure[d] = false;
        this.nImpure--;
      }
    }
    for (let d = sp; d < dirty; d++) {
      this.sumTerms[d] = 0;
      this.fLoad[d] = -1;
      this.fLocal[d] = -1;
      this.fNum[d] = false;
      this.fDyn[d] = false;
    }
    this.sp = sp;
    this.dirty = sp;
  }
  /** Sets the stack height to `height + shapes.length` with those slots holding values of the given shapes. */
  private setSpTo(height: number, shapes: Shape[]): void {
    this.setSp(height + shapes.length);
    for (let i = 0; i < shapes.length; i++) {
      // a merge of what every way in gave
      this.sumTerms[height + i] = 0;
      this.fLoad[height + i] = -1;
      this.fLocal[height + i] = -1;
      this.fNum[height + i] = false;
      this.fDyn[height + i] = false;
      this.wide[height + i] = shapes[i] === Shape.Pair;
      this.quad[height + i] = shapes[i] === Shape.Quad;
      if (shapes[i] === Shape.Quad) this.rare[height + i] = true;
      if (shapes[i] === Shape.Pair) this.anyWide = true;
      else if (shapes[i] === Shape.Quad) this.anyQuad = true;
      this.fval[height + i] = false;
      this.mask32[height + i] = false;
      this.sameLine[height + i] = -1;
    }
  }
  private temp(): string {
    const t = `r${this.temps++}`;
    if (this.temps > this.maxTemps) this.maxTemps = this.temps;
    return t;
  }
  private newLabel(): string {
    return `L${this.labels++}`;
  }

  /**
   * Set (to `[]`) to translate with source positions (`sourcePositions` in index.ts): each operator records the
   * output line it starts at and its offset in the module, and each line of the body ends in a marker comment
   * naming the offset of the operator that began it (`/*@<offset>*\/`), which `split` does not count.
   */
  positions: (number | string)[] | null = null;

  /** A line's length without its position marker. */
  private lineLength(line: string): number {
    if (this.positions === null) return line.length;
    let n = line.length;
    for (const m of line.matchAll(POSITION_MARKERS)) n -= m[0].length;
    return n;
  }

  /** The offset of the operator translated last (positions mode). */
  private lastOp: number | string = -1;

  /**
   * Positions mode, before the operator at `at`: records the line it starts at, and marks the value the operator
   * before it left pending if that value may trap or call (its code may end up in a later operator's line).
   */
  private markPosition(at: number): void {
    const d = this.sp - 1;
    const e = d >= 0 && this.impure[d] ? this.pend[d] : null;
    if (typeof e === 'string' && this.lastOp !== -1 && !e.startsWith('/*@')) this.pend[d] = `/*@${this.lastOp}*/${e}`;
    const mark = this.inl === null ? at : `${this.inl.site}i${at}`;
    (this.positions as (number | string)[]).push(this.out.length, mark);
    this.lastOp = mark;
  }

  /**
   * The i64 locals to assume zero-extended in a second translation, each up to the operator from which its reads may
   * see a hi word other than 0 (`wideSets`; everywhere if no `local.set` gives one: they start at 0), when an
   * `i64.mul` before that read one's hi word where the straight-line facts (`hi0`) did not know it (`mulHiReads`):
   * poly1305's `r` limbs, set before its loop and read in it, the local given other values after it. Null when there
   * are none, or in the second translation itself.
   */
  private zeroHiLocals(): Map<number, number> | null {
    if (this.zeroHi !== null || !this.pairs || this.mulHiReads.size === 0) return null;
    const nParams = this.type.params.length;
    const zero = new Map<number, number>();
    for (const [i, at] of this.mulHiReads) {
      const from = this.wideSets.get(i) ?? Number.POSITIVE_INFINITY;
      if (i >= nParams && at < from) zero.set(i, from);
    }
    return zero.size > 0 ? zero : null;
  }

  /**
   * Whether i64 local `i` holds a zero-extended value here by the second translation's assumption (`zeroHi`): before
   * the operator where its reads may first see a value with another hi word.
   */
  private zeroHiAt(i: number): boolean {
    const from = this.zeroHi?.get(i);
    return from !== undefined && this.opIndex < from;
  }
  /**
   * Where reads of a local given a value here may see it (`wideSets`): from the opening of the outermost loop around
   * this operator (a read before that loop cannot see it: a value flows backwards only along a loop's back edge, from
   * inside the loop), or from this operator when no loop is around it.
   */
  private wideFrom(): number {
    for (const f of this.ctrl) if (f.kind === K.Loop) return f.at;
    return this.opIndex;
  }

  /** Ends each line of the body with the marker of the operator that began it (see `positions`). */
  private markLines(): void {
    const at = this.positions as (number | string)[];
    const out = this.out;
    let k = 0;
    for (let i = 0; i < out.length; i++) {
      while (k + 2 < at.length && (at[k + 2] as number) <= i) k += 2;
      if (out[i] !== DROPPED && k < at.length && (at[k] as number) <= i) out[i] += `/*@${at[k + 1]}*/`;
    }
  }

  /** Returns the function's JS source (one or two function declarations). */
  /**
   * A translator of the same body with the same settings, for a second translation under facts the first one
   * learned (the float forms of v128 locals, zero hi words); it records source positions if this one does.
   */
  private again(): FunctionTranslator {
    const [start, end, locals] = this.args;
    const again = new FunctionTranslator(
      this.env,
      this.name,
      start,
      end,
      this.type,
      locals,
      this.selfIndex,
      this.pairs,
      this.pairAbi,
    );
    if (this.positions !== null) again.positions = [];
    return again;
  }

  translate(): string {
    const nParams = this.type.params.length;
    this.pushFrame(
      K.Func,
      [],
      this.type.results.map((t) => this.shapeOf(t)),
      'RET',
    );
    this.level = 1;
    this.indent = INDENTS[Math.min(1, this.env.maxIndent)];
    this.body();
    if (this.floatLoads.length > 0 || this.floatStores.length > 0) {
      this.resolveFloatLoads();
      this.resolveFloatStores();
      // temporaries only the tests used are not declared (each declaration is a store at every call in an interpreter)
      const uses = (re: RegExp) => this.out.some((l) => re.test(l));
      if (this.usesFloatTemp && !uses(MF)) this.usesFloatTemp = false;
      if (this.usesAddrTemp && !uses(/\bma\b/)) this.usesAddrTemp = false;
      if (this.usesStoreTemps && !uses(/\bs[av]\b/)) this.usesStoreTemps = false;
      if (this.usesCondTemp && !uses(/\btc\b/)) this.usesCondTemp = false;
    }
    // gates after v128 accumulators' sums of products (src/gates.ts), before the position markers end the lines
    if (this.env.scheduleGates && this.anyQuad) markLaneAccumulators(this.out, DROPPED);
    if (this.positions !== null) this.markLines();
    if (this.floatLocals === null && this.valueReads.size > 0) {
      // f32 operators read v128 locals: translate again with those locals held as numbers too
      const [start, end] = this.args;
      const again = this.again();
      // a local is held as bits too only if something reads its bits and something gives it bits (else its bits are
      // those of its numbers, converted where they are read)
      const isParam = (i: number) => i < this.type.params.length;
      again.floatLocals = new Map(
        [...this.valueReads].map((i) => [i, this.bitsReads.has(i) && (this.bitsSets.has(i) || isParam(i))]),
      );
      // the writes after which one of a local's two forms is dead (no conversion there)
      const both = new Set([...again.floatLocals].filter(([, b]) => b).map(([i]) => i));
      again.forms = v128FormLiveness(this.env.module.bytes, start, end, {
        locals: both,
        bitsAt: this.bitsReadAt,
        valuesAt: this.valueReadAt,
      });
      // v128 locals given nothing but splats: one variable per form (32 splatted taps of a filter are 32 values,
      // not 128, for the engine's register allocator); if this translation finds a value not known to be a splat
      // given one of them after all, the translation without them stands
      const splats = new Set<number>();
      for (let i = this.type.params.length; i < this.localTypes.length; i++)
        if (this.isQuad(this.localTypes[i]) && !this.unevenSets.has(i)) splats.add(i);
      if (splats.size > 0) {
        const withSplats = this.again();
        withSplats.floatLocals = again.floatLocals;
        withSplats.forms = again.forms;
        withSplats.splatLocals = splats;
        const source = withSplats.translate();
        if (!withSplats.splatBroken) return source;
      }
      return again.translate();
    }
    const zeroHi = this.zeroHiLocals();
    if (zeroHi !== null) {
      // i64 locals that only ever hold zero-extended values: translate again with their hi word the literal 0 at
      // every read, across control flow (poly1305's 26-bit limbs, loop-invariant, multiply as 32x32 products)
      const again = this.again();
      again.floatLocals = this.floatLocals;
      again.forms = this.forms;
      again.splatLocals = this.splatLocals;
      again.zeroHi = zeroHi;
      const source = again.translate();
      if (again.splatBroken) this.splatBroken = true;
      // the assumption holds if every store into those locals stored a 0 hi word given it (an induction: they
      // start at 0); else this translation stands
      if (!again.zeroHiBroken) return source;
    }
    const name = this.name;
    // an i64 parameter arrives as a bigint `l<i>b` and is split into the pair `l<i>`, `l<i>h` (as the pair itself
    // in the pair ABI)
    // a v128 parameter arrives as the V128 `l<i>v` and is split into its lanes `l<i>`, `l<i>b`, `l<i>c`, `l<i>d`
    const params = this.type.params
      .map((t, i) =>
        this.isWide(t) ? (this.pairAbi ? `l${i}, l${i}h` : `l${i}b`) : this.isQuad(t) ? `l${i}v` : `l${i}`,
      )
      .join(', ');
    const decls: string[] = [];
    for (let i = 0; i < nParams; i++)
      if (this.isWide(this.type.params[i]) && this.pairAbi) continue;
      else if (this.isWide(this.type.params[i]))
        decls.push(`l${i} = Number(BigInt.asIntN(32, l${i}b))`, `l${i}h = Number(l${i}b >> 32n)`);
      else if (this.isQuad(this.type.params[i])) {
        decls.push(...laneNames(`l${i}`).map((v, k) => `${v} = l${i}v.${'abcd'[k]}`));
        if (this.floatLocals?.has(i)) decls.push(...this.floatsOfBits(i).map((a) => a.join(' = ')));
      }
    for (let i = nParams; i < this.localTypes.length; i++)
      if (this.isWide(this.localTypes[i])) decls.push(`l${i} = 0`, `l${i}h = 0`);
      else if (this.isQuad(this.localTypes[i])) {
        decls.push(...laneNames(`l${i}`).map((v) => `${v} = 0`));
        if (this.floatLocals?.has(i)) decls.push(...laneNames(`l${i}f`).map((v) => `${v} = 0`));
      } else decls.push(`l${i} = ${defaultValue(this.env, this.localTypes[i])}`);
    // the stack slots up to the deepest the body reached, with a hi word if it ever held a pair and lanes if it
    // ever held a quad (known as the body was translated: no pass over the output)
    for (let i = 0; i < this.maxSp; i++) {
      decls.push(`s${i}`);
      if (this.anyWide) decls.push(`s${i}h`);
      if (this.anySum) decls.push(`s${i}x = 0`);
      if (this.anyQuad) decls.push(`s${i}b`, `s${i}c`, `s${i}d`);
    }
    for (let i = 0; i < this.maxTemps; i++) decls.push(`r${i}`);
    if (this.usesBigTemp) decls.push('qz = 0n');
    if (this.usesPairTemps) decls.push('qa = 0', 'qb = 0', 'qc = 0', 'qd = 0');
    if (this.usesMulTemps) decls.push('qm = 0');
    for (const t of V128_LANE_TEMPS) if (this.laneTemps.has(t)) decls.push(t === 'qv' ? 'qv = null' : `${t} = 0`);
    if (this.usesDelegate || (this.env.legacyExceptions && this.usesHandlers)) decls.push('dlg = -1');
    if (this.usesFlat) decls.push('st = 0');
    if (this.usesFlatHandlers) decls.push('hs = -1');
    for (const d of this.extraDecls) decls.push(d);
    if (this.usesAddrTemp) decls.push('ma = 0');
    if (this.usesFloatTemp) decls.push('mf = 0');
    if (this.usesCondTemp) decls.push('tc = 0');
    if (this.usesStoreTemps) decls.push('sa = 0', 'sv = 0');
    // the counters in locals (see "Fuel and epochs in locals" in README.md)
    if (this.env.tunables.consumeFuel) decls.push('fu = 0', `fq = ${this.env.fuelLeft()}`);
    // the epoch counter in a local too: V8 reads a closure variable again at every check
    // without an entry check, the first loop header reads the epoch (`ec = -1`), as the entry check would have; the
    // deadline is read where it is compared (it changes only in a call or a hook, after which the next check reads)
    if (this.env.tunables.epochInterruption)
      decls.push(`epv = ${this.env.epochCounter()}`, `ec = ${this.epochAtEntry() ? EPOCH_POLL_CHECKS : -1}`);
    // the body: `<name>$t` in a function that makes tail calls (its trampoline is `<name>`, or `<name>$q` = `<name>$p`
    // in the pair ABI), else the pair-ABI entry `<name>$p` or the function itself
    const inner = this.usesTail ? `${name}$t` : this.pairAbi ? `${name}$p` : name;
    // runs of statements inside a block or loop too long for the host's optimizing tier go into functions of their
    // own (src/outline.ts), before `split` cuts between the top-level statements
    const outlined = this.outlineLoops(params, decls, inner, this.out, false);
    const pieces = this.split(decls.length);
    // every exit leaves the counter exact: a `finally` adds `fu` in a function where something may trap or throw
    // (a trap ends the function between two stores); elsewhere each `return` adds it (measured: a `finally` costs
    // a small recursive function like fib a third more)
    const writeBack = this.env.tunables.consumeFuel && this.mayThrow;
    // with a handler, `fu = 0` too: the returned expression may still trap (a load folded into it), and the handler
    // must not add the count twice
    // the fuel left is `fq` wherever this function runs (entry, after each call or hook), so an exit stores
    // `fq - fu` without reading it (README.md, "Fuel and epochs in locals")
    const handler = this.env.tunables.consumeFuel ? this.env.fuelHandler(this.fuelCost) : '';
    const exit = this.env.tunables.consumeFuel ? this.env.fuelExit(this.fuelCost) : '';
    const ret = !this.env.tunables.consumeFuel ? 'return' : writeBack ? `${exit} fu = 0; return` : `${exit} return`;
    // the returns (RET) become `ret` in the joined source below: one scan of the text, not a callback per line; the
    // handler is a `catch` that rethrows, not a `finally`, so that the returns leave directly (measured: README.md,
    // "Fuel and epochs in locals")
    const exits = (lines: string[]): string[] =>
      writeBack ? ['  try {', ...lines.map((l) => `  ${l}`), `  } catch (e) { ${handler} throw e; }`] : lines;
    // each piece but the last ends by handing the fuel it counted over; the body calls every other piece in turn (a
    // piece returning `H.NX` handed the next one's variables over; anything else is the function's own return),
    // so a wasm frame is two JS frames, not one per piece (the host's stack ran out first in deep recursion)
    const over = this.handOver() === '' ? '' : `${this.handOver()} `;
    // the variables holding int32 words go through an Int32Array (`ints`: written before the call or the return of
    // `H.NX`, read into the next piece's variables at its entry), the others as arguments (through `H.S`)
    const words = pieces.length > 1 ? this.handOverWords(pieces) : '';
    const ints = (k: number) => (words === '' ? [] : pieces[k].params.filter((v) => pieces[k].words.has(v)));
    const rest = (k: number) =>
      words === '' ? pieces[k].params : pieces[k].params.filter((v) => !pieces[k].words.has(v));
    const putInts = (k: number) =>
      ints(k)
        .map((v, i) => `${words}[${i}] = ${v}; `)
        .join('');
    const args = (k: number, from: 'vars' | 'S') =>
      rest(k)
        .map((v, i) => (from === 'vars' ? v : `H.S[${i}]`))
        .join(', ');
    if (pieces.length > 1) {
      const n = pieces.length - 1;
      const drive = [
        n === 1
          ? `  ${over}${putInts(1)}return ${inner}$s1(${args(1, 'vars')});`
          : `  ${over}${putInts(1)}let nx = ${inner}$s1(${args(1, 'vars')});`,
      ];
      for (let k = 2; k <= n; k++) {
        drive.push('  if (nx !== H.NX) return nx;');
        drive.push(k === n ? `  return ${inner}$s${k}(${args(k, 'S')});` : `  nx = ${inner}$s${k}(${args(k, 'S')});`);
      }
      pieces[0].lines.push(...drive);
    }
    for (let k = 1; k + 1 < pieces.length; k++) {
      const put = rest(k + 1)
        .map((v, i) => `H.S[${i}] = ${v}; `)
        .join('');
      pieces[k].lines.push(`  ${over}${putInts(k + 1)}${put}return H.NX;`);
    }
    // a piece still too long (`split` found no cut inside it: one large top-level statement, or statements inside a
    // block) has runs of its own statements outlined too, after its last line (the call of the next piece, which
    // reads the variables it passes on, and which no run takes) is there
    for (const p of pieces) {
      outlined.push(...this.outlineLoops(params, decls, inner, p.lines, true));
      p.lines = withoutDropped(p.lines);
    }
    if (outlined.length > 0) decls.push(`${EXIT_CODE} = 0`);
    const head: string[] = [];
    // `var`, not `let`: JavaScriptCore's interpreter stores each `let` twice at entry (its TDZ marker, then its
    // value), and a `var` without a value not at all (every call pays for every slot and temporary declared)
    if (decls.length > 0) head.push(`  var ${decls.join(', ')};`);
    // a parameter is typed nothing by V8's optimizing compiler, and a loop (or a self tail call's) makes one a phi
    // of that and the values the body gives it: where a sum's feedback says it once left the int32 range (every
    // 64-bit add's words) the sums run as float64 throughout the loop. Made int32 at entry, as a piece's are
    // (xxhash64's hash function, an i64 seed parameter in its loop: 34 `vaddsd` in its optimized code, none after)
    if (this.hasLoop || this.usesSelfTail) {
      const ints = this.type.params.flatMap((t, i) =>
        t === I32 ? [`l${i}`] : this.isWide(t) && this.pairAbi ? [`l${i}`, `l${i}h`] : [],
      );
      if (ints.length > 0) head.push(`  ${ints.map((v) => `${v} |= 0;`).join(' ')}`);
    }
    // `concat`, not spreads: V8's interpreter copies an array literal's second spread element by element through its
    // iterator
    const hooks = this.entryHooks();
    let body = hooks.length === 0 ? pieces[0].lines : hooks.concat(pieces[0].lines);
    if (this.usesSelfTail) body = ['  T: for (;;) {', ...body.map((l) => `  ${l}`), '  }'];
    body = exits(body);
    if (this.env.callDepth) {
      const lim = this.env.limits();
      body = [
        `  if (++${lim}.${DEPTH} > ${lim}.${DEPTH_LIMIT}) { ${lim}.${DEPTH}--; ${this.env.trap(TrapCode.StackOverflow)}; }`,
        '  try {',
        ...body.map((l) => `  ${l}`),
        `  } finally { ${lim}.${DEPTH}--; }`,
      ];
    }
    // a function cut into pieces or with outlined loops has its loops in other JS functions: no warm-up (not yet)
    const warmup = pieces.length === 1 && outlined.length === 0 ? this.feedbackWarmup(head, body) : '';
    if (warmup !== '') {
      head.push('  var qk = 0;');
      body.unshift(warmup);
    }
    let src = this.declare(inner, `(${params}) {\n${head.concat(body).join('\n')}\n}`);
    // compiled on first call, the pieces are marked: they are declared once per module (src/shared-pieces.ts)
    const [open, close] = this.env.sharedPieces ? [PIECE_START, PIECE_END] : ['', ''];
    for (let k = 1; k < pieces.length; k++)
      src += `\n${open}${this.piece(`${inner}$s${k}`, pieces[k], decls, exits, words)}${close}`;
    for (const o of outlined)
      src += `\n${open}${this.piece(o.name, { lines: o.lines, params: o.params, mentions: o.mentions }, decls, exits)}${close}`;
    src = src.replaceAll(RET, ret);
    if (this.env.scheduleGates) src = placeGates(src, () => gateStatement(this.env.gateArray()));
    if (this.pairAbi && this.usesTail) {
      // the pair-ABI body `<name>$t` returns TailCall requests to its trampoline, the entry `<name>$p` (its frame is
      // named `<name>$q` in backtraces); `<name>` is the boundary wrapper
      src += `\nfunction ${name}$q(${params}) {\n  let r = ${inner}(${params});\n  while (r instanceof H.TailCall) r = r.fn.apply(null, r.args);\n  return r;\n}\nvar ${name}$p = ${name}$q;`;
      return `${src}\n${this.boundaryWrapper()}`;
    }
    // the body is the pair-ABI entry; `<name>` is its boundary wrapper
    if (this.pairAbi) return `${src}\n${this.boundaryWrapper()}`;
    if (this.usesTail) {
      src += `\nfunction ${name}(${params}) {\n  let r = ${inner}(${params});\n  while (r instanceof H.TailCall) r = r.fn.apply(null, r.args);\n  return r;\n}`;
    }
    return src;
  }

  /**
   * The JS variables of the wasm locals (parameters included): `l<i>`, and `l<i>h` or lanes `l<i>b`..`l<i>d` (and
   * `l<i>f`..`l<i>fd` for a v128 local held as numbers too).
   */
  private localVars(): Set<string> {
    const vars = new Set<string>();
    this.localTypes.forEach((t, i) => {
      vars.add(`l${i}`);
      if (this.isWide(t)) vars.add(`l${i}h`);
      else if (this.isQuad(t)) for (const x of 'bcd') vars.add(`l${i}${x}`);
      // a v128 local also held as f32 numbers (`floatLocals`)
      if (this.floatLocals?.has(i)) for (const v of laneNames(`l${i}f`)) vars.add(v);
    });
    return vars;
  }

  /**
   * Outlines runs of statements inside the body's blocks and loops into functions of their own where a top-level
   * statement is longer than `splitChars` (src/outline.ts; README.md, "Outlining"): what `split` cannot cut. Not in
   * bodies `split` leaves whole for the same reasons (a self tail call's loop, legacy `delegate`).
   */
  private outlineLoops(
    params: string,
    decls: readonly string[],
    inner: string,
    lines: string[],
    piece: boolean,
  ): Outlined[] {
    if (this.usesSelfTail || this.usesDelegate || (this.env.legacyExceptions && this.usesHandlers)) return [];
    // splitting off: nothing is longer than the limit (and measuring every line costs without a JIT)
    if (this.env.splitChars === Number.POSITIVE_INFINITY) return [];
    const vars = new Set<string>();
    for (const p of params.split(', ')) if (p !== '') vars.add(p);
    const fresh = new Set<string>();
    for (const d of decls) fresh.add(d.split(' ', 1)[0]);
    for (const v of fresh) vars.add(v);
    return outline(lines, {
      // a body or piece under `OUTLINE_FACTOR` times the split limit is still within the optimizing tier's reach, and
      // outlined code is slower than the whole (calls, variables handed over)
      limit: this.env.splitChars * OUTLINE_FACTOR,
      // and brought down to that limit, or to the split limit in a function with more variables than V8 encodes in
      // one-byte register operands: there each character makes more bytecode (rapier2d's f32 solver, 190 variables,
      // outlined a function of 60,000 characters, 71,016 bytes of bytecode, over V8's limit and never optimized),
      // while in SQLite's and QuickJS's interpreter loops (85 and 87) the smaller target only made more calls
      target: fresh.size > WIDE_REGISTERS ? this.env.splitChars : this.env.splitChars * OUTLINE_FACTOR,
      // a piece: its own top-level statements too (`split` found no cut inside it)
      top: piece,
      // a function of v128 lanes: its sibling loops each a function of their own (README.md, "Loops of their own")
      loops: piece || !this.anyQuad ? undefined : LOOP_OUTLINE_CHARS,
      vars,
      fresh,
      // the counters, the exit code, and the temporaries that live within one line (each line that mentions one
      // assigns it first): each outlined function declares its own
      own: new Set(['fu', 'fq', 'ec', 'epv', EXIT_CODE, ...LINE_TEMPS]),
      countdown: this.env.tunables.epochInterruption ? 'ec' : undefined,
      ret: RET,
      dropped: DROPPED,
      handOver: this.handOver(),
      reload: this.reload(),
      name: () => `${inner}$o${this.nOutlined++}`,
      length: (line) => this.lineLength(line),
      int32: (v) => this.holdsInt32(v),
      float: (v) => this.holdsFloat(v),
      // one array per length: the flag after a run's floats is at its length, and a run of another length could
      // leave a value where this one's flag is
      floats: (n) => this.env.hoist('hf', `new Float64Array(${n})`),
    });
  }

  /**
   * The Int32Array through which the pieces of a split body hand over the variables holding int32 words (i32 and
   * v128 locals, i64 locals' and slots' words): one per instance and length, as long as the most any piece takes.
   * Passed as arguments (through `H.S`, a plain array), each such word was a tagged store, a load, a push and a
   * check at the callee's entry; here it is a store and a load. Nothing runs between the writes and the reads
   * (the next piece reads them first thing), so one array serves every function of that length.
   */
  private handOverWords(pieces: readonly Piece[]): string {
    let most = 0;
    for (const p of pieces) most = Math.max(most, p.words.size);
    return most === 0 ? '' : this.env.hoist('hv', `new Int32Array(${most})`);
  }

  /**
   * Cuts the body's lines into pieces of about `OUTLINE_FACTOR` times `splitChars` characters (`splitChars` in a
   * function of more than `WIDE_REGISTERS` variables) at the points recorded in `cuts` (README.md,
   * "Splitting large functions"); each piece after the first gets as parameters the locals it or a later piece
   * uses and the stack slots live at its cut. A cut whose parameter list would be longer than the piece is not
   * made. One piece when the body is small or cannot be cut (a self tail call's loop around the body, the legacy
   * `delegate` bookkeeping).
   */
  private split(nVars: number): Piece[] {
    const out = this.out;
    // pieces (and a body left whole) of up to `OUTLINE_FACTOR` times the split limit, as outlining leaves them: within
    // the optimizing tier's reach, and each cut costs (x25519's 57,000-character field multiplication, 44,393 bytes of
    // bytecode, ran 1.4x slower in two pieces; hash-wasm's blake2b 13% slower in three than in two); the split limit
    // itself in a function with more variables than V8 encodes in one-byte register operands (more bytecode per
    // character: sha512's 220-variable compression made 60,914 bytes of a 63,623-character piece)
    const limit = nVars <= WIDE_REGISTERS ? this.env.splitChars * OUTLINE_FACTOR : this.env.splitChars;
    const whole: Piece[] = [{ lines: withoutDropped(out), params: [], words: new Set() }];
    if (this.usesSelfTail || this.usesDelegate || (this.env.legacyExceptions && this.usesHandlers)) return whole;
    if (limit === Number.POSITIVE_INFINITY) return whole;
    let at: number[] = [];
    const heights: number[] = [];
    const pairBits: number[] = [];
    // a piece ends at the last point where it is at most `limit` long, if it is at least half that long there, and
    // otherwise at the first point past `limit`
    let size = 0;
    let line = 0;
    let last = -1;
    let lastSize = 0;
    for (let i = 0; i < this.cuts.length; i += 2) {
      const c = this.cuts[i];
      while (line < c) size += this.lineLength(out[line++]) + 1;
      if (size > limit && c < out.length) {
        const back = last >= 0 && lastSize >= limit / 2;
        at.push(back ? this.cuts[last] : c);
        heights.push(back ? this.cuts[last + 1] : this.cuts[i + 1]);
        pairBits.push(this.cutPairs[(back ? last : i) / 2]);
        size = back ? size - lastSize : 0;
        last = -1;
        if (!back) continue;
      }
      last = i;
      lastSize = size;
    }
    if (at.length === 0) return whole;
    // the variables each piece needs: the locals it or a later piece mentions, and the stack slots (pending values
    // are text that mentions only locals) below the height at the cut that it mentions or passes on
    const locals = this.localVars();
    const needs: string[][] = [];
    const seen = new Set<string>();
    let slots = new Set<string>();
    const sizes: number[] = [];
    for (let k = at.length - 1, end = out.length; k >= 0; end = at[k], k--) {
      const mentioned = new Set<string>(slots);
      sizes[k] = 0;
      for (let i = at[k]; i < end; i++) {
        sizes[k] += this.lineLength(out[i]) + 1;
        for (const m of out[i].matchAll(/\b[ls]\d+(?:f[bcd]?|[hbcd])?\b/g)) {
          if (locals.has(m[0])) seen.add(m[0]);
          else if (m[0][0] === 's') mentioned.add(m[0]);
        }
      }
      slots = new Set<string>();
      for (const v of mentioned) if (Number.parseInt(v.slice(1), 10) < heights[k]) slots.add(v);
      needs[k] = [...seen, ...slots];
    }
    // a piece's parameters are at most as long as the piece, or `limit` (a last piece may be short), so the output
    // stays linear in the input
    const keep = at.map((_, k) => needs[k].join(', ').length <= Math.max(limit, sizes[k]));
    at = at.filter((_, k) => keep[k]);
    const params = needs.filter((_, k) => keep[k]);
    const bits = pairBits.filter((_, k) => keep[k]);
    // the parameters holding int32 words: those `holdsInt32` knows, and the low words of pairs on the stack
    const words = (vs: string[], pairs: number) =>
      new Set(
        vs.filter((v) => {
          if (this.holdsInt32(v)) return true;
          const m = /^s(\d+)$/.exec(v);
          return m !== null && Number(m[1]) < 31 && (pairs & (1 << Number(m[1]))) !== 0;
        }),
      );
    const pieces: Piece[] = [];
    for (let k = 0; k <= at.length; k++) {
      const lines = withoutDropped(out.slice(k === 0 ? 0 : at[k - 1], k === at.length ? out.length : at[k]));
      pieces.push(
        k === 0
          ? { lines, params: [], words: new Set() }
          : { lines, params: params[k - 1], words: words(params[k - 1], bits[k - 1]) },
      );
    }
    return pieces;
  }

  /** The names of the declarations `piece` was last given, as a table (the same for every piece of a function). */
  private declNames: { decls: readonly string[]; table: NameTable } | null = null;

  /**
   * A piece of a split body as the function `name`, its parameters the locals it needs, declaring only the other
   * variables of `decls` (the function's) it mentions; the counters start afresh as after a call (the piece before
   * handed its fuel over).
   */
  private piece(
    name: string,
    piece: { lines: string[]; params: string[]; words?: ReadonlySet<string>; mentions?: ReadonlySet<string> },
    decls: readonly string[],
    exits: (lines: string[]) => string[],
    words = '',
  ): string {
    // which of the declared variables the piece mentions: what the outliner found its lines to mention
    // (`Outlined.mentions`), else any identifier of its lines, as a regular expression would find them (src/names.ts)
    if (this.declNames?.decls !== decls || this.declNames.table.names.length !== decls.length)
      this.declNames = { decls, table: new NameTable(decls.map((d) => d.split(' ', 1)[0])) };
    const table = this.declNames.table;
    const mentioned = new Uint8Array(decls.length);
    const mentions = piece.mentions;
    if (mentions === undefined) for (let i = 0; i < piece.lines.length; i++) table.mark(piece.lines[i], mentioned);
    else for (let k = 0; k < decls.length; k++) if (mentions.has(table.names[k])) mentioned[k] = 1;
    // every exit stores the fuel local and the counter's value at entry (`fu - fq`: `exits`, `ret`)
    const fuel = this.env.tunables.consumeFuel;
    const params = new Set(piece.params);
    // the epoch counter is read at the first check, as after a call (`reload`)
    // a local declared here whose value comes from a parameter of the function (an i64's words, a v128's lanes) is
    // one an outlined run writes before reading (src/outline.ts): it starts at 0
    const own: string[] = [];
    for (let k = 0; k < decls.length; k++) {
      const d = decls[k];
      const v = table.names[k];
      const at = table.find(v, 0, v.length);
      if (!(mentioned[at] === 1 || (fuel && (v === 'fu' || v === 'fq'))) || params.has(v)) continue;
      own.push(d.startsWith('ec = ') ? 'ec = -1' : FROM_LOCAL.test(d) ? `${v} = 0` : d);
    }
    const head = own.length > 0 ? [`  var ${own.join(', ')};`] : [];
    const ints = piece.params.filter((v) => this.holdsInt32(v));
    let passed = piece.params;
    if (words !== '' && piece.words !== undefined) {
      // a split piece: its int32 words come from the hand-over array (`handOverWords`), int32 as they are read
      const held = piece.words;
      const taken = piece.params.filter((v) => held.has(v));
      if (taken.length > 0) head.unshift(`  var ${taken.map((v, i) => `${v} = ${words}[${i}]`).join(', ')};`);
      passed = piece.params.filter((v) => !held.has(v));
      const ints = passed.filter((v) => this.holdsInt32(v));
      if (ints.length > 0) head.push(`  ${ints.map((v) => `${v} |= 0;`).join(' ')}`);
    } else if (ints.length > 0) {
      // a parameter is typed nothing by V8's optimizing compiler: one holding int32 words is made one (`| 0`), else
      // it is checked as a number at its first use and its sums and carries run as float64 (blake2b's pieces)
      head.push(`  ${ints.map((v) => `${v} |= 0;`).join(' ')}`);
    }
    return this.declare(name, `(${passed.join(', ')}) {\n${head.concat(exits(piece.lines)).join('\n')}\n}`);
  }

  /**
   * The declaration of function `name` (`rest`: its parameters and body). Compiled on first call, it is a
   * parenthesized function expression, which V8 compiles with the source that contains it, as the first call would
   * right after: a declaration is pre-parsed first and parsed again at that call (about half of the evaluation
   * time of a body, measured on esbuild's functions under `--jitless`).
   */
  private declare(name: string, rest: string): string {
    return this.env.lazy ? `const ${name} = (function ${name}${rest});` : `function ${name}${rest}`;
  }

  /** `<name>(bigint parameters)`: the boundary entry of a pair-ABI function, calling `<name>$p`. */
  private boundaryWrapper(): string {
    const ps = this.type.params;
    const rs = this.type.results;
    const params = ps.map((_, i) => `a${i}`).join(', ');
    const args = ps
      .map((t, i) => (t === I64 ? `Number(BigInt.asIntN(32, a${i})), Number(a${i} >> 32n)` : `a${i}`))
      .join(', ');
    const call = `${this.name}$p(${args})`;
    let body = `return ${call};`;
    if (this.retForm !== 'value') {
      // the results' words: the returned one (the call, evaluated first) and `H.R[..]`, or the tuple's elements
      const tuple = this.retForm === 'tuple';
      const word = (k: number) => (tuple ? `r[${k}]` : k === 0 ? call : `H.R[${k - 1}]`);
      const vals: string[] = [];
      let k = 0;
      for (const t of rs) vals.push(t === I64 ? `H.j(${word(k++)}, ${word(k++)})` : word(k++));
      const ret = vals.length === 1 ? vals[0] : `${this.env.rt('tuple')}(${vals.join(', ')})`;
      body = tuple ? `const r = ${call};\n  return ${ret};` : `return ${ret};`;
    }
    return `function ${this.name}(${params}) {\n  ${body}\n}`;
  }
  /**
   * The return of a pair-ABI function's results given as their words (`words` form: the first returned, the others
   * in `H.R`) or elements (`tuple` form). Words with effects must already be assigned (calls write `H.R`).
   */
  private pairReturn(elems: string[]): string {
    if (this.retForm === 'tuple') return `${RET} ${this.env.rt('tuple')}(${elems.join(', ')});`;
    const rest = elems.slice(1).map((w, k) => `H.R[${k}] = ${w}; `);
    return `${rest.join('')}${RET} ${elems[0]};`;
  }

  /** Fuel and epoch checks at function entry (and at each self tail call, which re-enters it). */
  /**
   * The feedback warm-up of a function with a loop (see "Feedback before the first loop" in README.md): on its
   * first call (per instance), an empty loop long enough that V8 allocates the function's feedback vector before
   * anything else runs, so that the code before the first loop has type feedback when V8 optimizes the function
   * (with none, that code deopts at once and the function stays in its loop's OSR code). Its length follows V8's
   * budget for the allocation (8 x the bytecode's length; one iteration counts about 12 bytes; bytecode runs
   * about 1.1 bytes per character of our source): one iteration per character of the function's source.
   */
  private feedbackWarmup(head: string[], body: string[]): string {
    if (!this.env.feedbackWarmup || !this.hasLoop || this.selfIndex === -1) return '';
    let chars = 0;
    for (const l of head) chars += l.length + 1;
    for (const l of body) chars += l.length + 1;
    if (chars < FEEDBACK_WARMUP_MIN_CHARS) return '';
    const flag = this.env.warmupFlag(this.selfIndex);
    const n = Math.min(chars, FEEDBACK_WARMUP_MAX_ITERATIONS);
    return `  if (${flag}) { ${flag} = false; for (qk = 0; qk < ${n}; qk++); }`;
  }

  private entryHooks(): string[] {
    return this.checks(false, this.epochAtEntry()).map((l) => `  ${l}`);
  }

  /**
   * Whether the entry checks the epoch (`epochEntryChecks`: the wasm backend checks at the same places); a constant
   * expression (no `selfIndex`) never does, as on the wasm backend: instantiation does not trap `Interrupt`.
   */
  private epochAtEntry(): boolean {
    // the analysis is whole-module: only a module compiled with epochs asks for it
    return this.env.tunables.epochInterruption && this.selfIndex !== -1 && this.env.epochEntryCheck(this.selfIndex);
  }

  /**
   * The fuel and epoch checks the tunables ask for: at function entry, or in a poll loop's header (`poll`),
   * where the epoch counter is read only when a back edge counted `ec` below 0. `epoch` false leaves the epoch
   * check out (a function entry that needs none: `epochEntryChecks`).
   */
  private checks(poll = false, epoch = true): string[] {
    const env = this.env;
    const lines: string[] = [];
    // the hooks run host code (a refuel, a deadline callback), which may read or set either counter; the refill and
    // the epoch hook are each the same code for every check, none of it needing type feedback (the environment's
    // `fuelRefill` and `epochHook`)
    const epochReload = env.tunables.epochInterruption ? ' ec = -1;' : '';
    if (env.tunables.consumeFuel) lines.push(`if (fu >= fq) { ${env.fuelRefill()}${epochReload} }`);
    if (env.tunables.epochInterruption && epoch) {
      // the hook's result says whether the deadline may have moved: only then does the next loop header read the
      // epoch again (`ec = -1`); under the epoch clock most calls return false and the poll count stays
      const check = `if (epv[0] >= ${env.limits()}.${DEADLINE}) { ${env.epochHook()} }`;
      lines.push(poll ? `if (ec < 0) { ec = ${EPOCH_POLL_CHECKS}; ${check} }` : check);
    }
    return lines;
  }

  /**
   * The statement(s) giving the counters to a callee (a wasm function, the host, a runtime builtin that may call
   * the host): the fuel consumed here is added to the store's counter and `fu` starts again from 0, so that an
   * exception out of the callee leaves the callee's count (a `finally` adds 0). `reload` must follow before the
   * next check (`fq` no longer matches). Empty without fuel.
   */
  private handOver(): string {
    // the fuel left is `fq` here (read at entry and after every call or hook), so the difference is stored, not
    // subtracted from it: one store where `-=` was a load and a store; the handler (`catch`) still subtracts `fu`,
    // which is 0 during a call
    return this.env.tunables.consumeFuel ? `${this.env.fuelLeft()} = fq - fu; fu = 0;` : '';
  }

  /** Adds the fuel local to the counter before a throw (a handler in this function reloads `fq`). */
  private storeFuel(): void {
    if (this.env.tunables.consumeFuel) this.emit(this.handOver());
  }

  /** Reloads the counter locals after a call (the callee or the host consumed or set fuel, or moved the deadline). */
  private reload(): string {
    const t = this.env.tunables;
    if (!t.consumeFuel && !t.epochInterruption) return '';
    // `ec = -1`: the next check reads the epoch counter (the host may have advanced it or moved the deadline)
    if (t.consumeFuel && t.epochInterruption) return `fq = ${this.env.fuelLeft()}; ec = -1;`;
    if (t.consumeFuel) return `fq = ${this.env.fuelLeft()};`;
    return 'ec = -1;';
  }

  /** Emits a call (the statement `emitCall` emits) with the counters handed over before and reloaded after. */
  private hooked(emitCall: () => void): void {
    const pre = this.handOver();
    if (pre !== '') this.emit(pre);
    emitCall();
    this.emitReload();
  }

  /** Emits `reload` (indented by `indent` within the current block), if there is anything to reload. */
  private emitReload(indent = ''): void {
    const post = this.reload();
    if (post !== '') this.emit(`${indent}${post}`);
  }

  /** Adds the fuel of the operators since the last flush to the store's counter. */
  private flushFuel(): void {
    if (this.fuel > 0) {
      this.emit(`fu += ${this.fuel};`);
      this.fuelCost += this.fuel;
      this.fuel = 0;
    }
  }

  private pushFrame(kind: K, pw: Shape[], rw: Shape[], label: string): Frame {
    const nParams = pw.length;
    const nResults = rw.length;
    const f: Frame = {
      kind,
      label,
      pw,
      rw,
      height: this.sp - nParams,
      nParams,
      nResults,
      index: this.ctrl.length,
      at: this.opIndex,
      savedParams: null,
      exVar: '',
      handlers: 0,
      catchAll: false,
      catches: null,
      openLine: -1,
      targeted: false,
      innerLine: -1,
      caseId: -1,
      altCase: -1,
      hs: this.curHs,
      handler: -1,
    };
    if (this.islandNext) {
      this.islandNext = false;
      this.island = f;
    } else if (this.region !== null && this.island === null) {
      if (this.region.frame === null) this.region.frame = f;
      f.caseId = this.region.cases++;
    }
    this.ctrl.push(f);
    return f;
  }

  /** A block type as the shapes of its parameters and results. */
  private blockType(): [Shape[], Shape[]] {
    const r = this.r;
    const b = r.peek();
    if (b === 0x40) {
      r.pos++;
      return [[], []];
    }
    if ((b >= 0x7b && b <= 0x7f) || (b >= 0x69 && b <= 0x74)) {
      r.pos++;
      return [[], [this.shapeOf(b)]];
    }
    if (b === 0x63 || b === 0x64) {
      r.pos++;
      r.s33();
      return [[], [Shape.One]];
    }
    const t = this.env.typeAt(r.s33());
    return [t.params.map((p) => this.shapeOf(p)), t.results.map((p) => this.shapeOf(p))];
  }

  /** Whether values of type `t` are held as four int32 lanes in this function (always, for v128). */
  private isQuad(t: ValType): boolean {
    return t === V128;
  }

  /** How values of type `t` are held in this function. */
  private shapeOf(t: ValType): Shape {
    return this.isWide(t) ? Shape.Pair : t === V128 ? Shape.Quad : Shape.One;
  }

  /**
   * Whether the variable `v` (a local's, or a stack slot's hi word) holds an int32 wherever it is live: an i32
   * local, an i64 local's words, a v128 local's bit lanes, an i64 slot's hi word (a dead one may be undefined).
   */
  private holdsInt32(v: string): boolean {
    const m = /^([ls])(\d+)([hbcd]?)$/.exec(v);
    if (m === null) return false;
    if (m[1] === 's') return m[3] === 'h';
    const t = this.localTypes[Number(m[2])];
    if (t === undefined) return false;
    if (m[3] === '') return t === I32 || this.isWide(t) || this.isQuad(t);
    return m[3] === 'h' ? this.isWide(t) : this.isQuad(t);
  }

  /** Whether the variable `v` is an f32 or f64 local's (a number, or a NaN kept as its bits). */
  private holdsFloat(v: string): boolean {
    // a slot's double beside its pair (`sumTerms`)
    if (/^s\d+x$/.test(v)) return true;
    const m = /^l(\d+)$/.exec(v);
    if (m === null) return false;
    const t = this.localTypes[Number(m[1])];
    return t === F32 || t === F64;
  }

  /** Whether values of type `t` are held as (lo, hi) int32 pairs in this function. */
  private isWide(t: ValType): boolean {
    return this.pairs && t === I64;
  }

  private valType(): void {
    const b = this.r.u8();
    if (b === 0x63 || b === 0x64) this.r.s33();
  }

  /** Copies the top `n` values to the target frame's slots and jumps there. */
  private branch(f: Frame, lines: string[] = []): string[] {
    f.targeted = true;
    const arity = f.kind === K.Loop ? f.nParams : f.nResults;
    if (f.kind === K.Func) {
      lines.push(this.returnStmt(arity));
      return lines;
    }
    const from = this.sp - arity;
    for (let i = 0; i < arity; i++)
      if (from + i !== f.height + i) {
        lines.push(`s${f.height + i} = s${from + i};`);
        if (this.wide[from + i]) lines.push(`s${f.height + i}h = s${from + i}h;`);
        if (this.quad[from + i]) for (const x of 'bcd') lines.push(`s${f.height + i}${x} = s${from + i}${x};`);
      }
    this.jump(f, lines);
    return lines;
  }

  /** The jump to frame `f`: a loop's back edge goes to its poll loop when a hook is due. */
  private jump(f: Frame, lines: string[]): void {
    if (f.caseId >= 0) {
      // a frame of the flat region (a branch only targets enclosing frames, so the region is the current one)
      const s = (this.region as Region).label;
      if (f.hs !== this.curHs) lines.push(`hs = ${f.hs};`);
      if (f.kind === K.Loop && f.altCase >= 0)
        lines.push(`st = ${this.due()} ? ${f.altCase} : ${f.caseId}; continue ${s};`);
      else lines.push(`st = ${f.caseId}; continue ${s};`);
      return;
    }
    if (f.kind !== K.Loop) lines.push(`break ${f.label};`);
    else {
      if (f.innerLine >= 0) lines.push(`if (${this.due()}) continue P${f.label};`);
      lines.push(`continue ${f.label};`);
    }
  }

  /** Jumps to frame `f` with the given value expressions. */
  private branchValues(f: Frame, values: string[]): string[] {
    f.targeted = true;
    if (f.kind === K.Func) {
      if (values.length === 0) return [`${RET};`];
      if (this.retForm !== 'value') {
        // the values are wasm values (an exception's payload: re-readable), an i64 a bigint
        const elems: string[] = [];
        this.type.results.forEach((t, i) => {
          if (t === I64) elems.push(`Number(BigInt.asIntN(32, ${values[i]}))`, `Number(${values[i]} >> 32n)`);
          else elems.push(values[i]);
        });
        return [this.pairReturn(elems)];
      }
      if (values.length === 1) return [`${RET} ${values[0]};`];
      return [`${RET} ${this.env.rt('tuple')}(${values.join(', ')});`];
    }
    const wide = f.kind === K.Loop ? f.pw : f.rw;
    const lines = values.map((v, i) => {
      const d = f.height + i;
      if (wide[i] === Shape.Quad) {
        this.laneTemps.add('qv');
        return `qv = ${v}; s${d} = qv.a; s${d}b = qv.b; s${d}c = qv.c; s${d}d = qv.d;`;
      }
      if (wide[i] !== Shape.Pair) return `s${d} = ${v};`;
      this.usesBigTemp = true;
      return `qz = ${v}; s${d} = Number(BigInt.asIntN(32, qz)); s${d}h = Number(qz >> 32n);`;
    });
    this.jump(f, lines);
    return lines;
  }

  /** A stack slot's value as a wasm value (an i64 pair joined into a bigint). */
  private slotValue(d: number): string {
    if (this.quad[d]) return this.joinQuad(laneNames(`s${d}`));
    return this.wide[d] ? `H.j(s${d}, s${d}h)` : `s${d}`;
  }

  private returnStmt(n: number): string {
    if (n === 0) return `${RET};`;
    if (this.retForm !== 'value') {
      const elems: string[] = [];
      for (let i = this.sp - n; i < this.sp; i++)
        if (this.wide[i]) elems.push(`s${i}`, `s${i}h`);
        else elems.push(this.slotValue(i));
      return this.pairReturn(elems);
    }
    if (n === 1) return `${RET} ${this.slotValue(this.sp - 1)};`;
    const vals: string[] = [];
    for (let i = this.sp - n; i < this.sp; i++) vals.push(this.slotValue(i));
    return `${RET} ${this.env.rt('tuple')}(${vals.join(', ')});`;
  }

  /**
   * A direct call of function `f` translated as its body (README.md, "Inlining"), when `f` may be inlined
   * (`ModuleEnvironment.inlineCallee`) and this body stays within `INLINE_CALLER_BYTES` with it: the arguments are set
   * to locals of this function standing for the callee's parameters, its other locals are zeroed, and its code is
   * read in a block standing for its frame (its `return` a branch out of the block), its local indices moved past
   * this function's. Position markers of its code name the call and the callee's operator, so a trap there has the
   * callee's frame in its backtrace. False to emit the call.
   */
  private inlineCall(f: FuncIndex): boolean {
    if (this.inl !== null || f === this.selfIndex) return false;
    const c = this.env.inlineCallee(f);
    if (c === null || this.codeBytes + (c.end - c.start) > INLINE_CALLER_BYTES) return false;
    this.codeBytes += c.end - c.start;
    const ft = this.env.funcType(f);
    let base = this.inlineBases.get(f);
    if (base === undefined) {
      base = this.localTypes.length;
      this.inlineBases.set(f, base);
      this.localTypes.push(...ft.params, ...c.locals);
    }
    for (let i = ft.params.length - 1; i >= 0; i--) this.setLocal(base + i, false);
    c.locals.forEach((t, k) => {
      if (this.isWide(t)) this.pushPairPure('0', '0');
      else this.pushPure(t === I64 ? '0n' : '0');
      this.setLocal(base + ft.params.length + k, false);
    });
    this.materializeAll();
    this.inlinedEntry(c.start);
    const flat = this.flat();
    const rw = ft.results.map((t) => this.shapeOf(t));
    const frame = this.pushFrame(K.Block, [], rw, this.newLabel());
    frame.openLine = this.out.length;
    if (!flat) {
      this.emit(`${frame.label}: {`);
      this.nest(1);
    }
    this.inl = { frame, depth: this.ctrl.length - 1, pos: this.r.pos, end: this.r.end, site: this.opAt };
    this.localBase = base;
    this.r.pos = c.start;
    this.r.end = c.end;
    return true;
  }

  /**
   * The checks a call of an inlined callee makes at its entry, in the caller (README.md, "Inlining"): the call-depth
   * limit (the callee calls nothing, so its depth is seen only here: no count kept) and the fuel check (the call's
   * own cost was added before it, as for a call; the caller's `fu` against `fq` is the store's counter). Marked with
   * the callee's first operator, so a trap here has the callee's frame. No epoch check: an inlined callee has none.
   */
  private inlinedEntry(start: number): void {
    const env = this.env;
    if (!env.callDepth && !env.tunables.consumeFuel) return;
    if (this.positions !== null) {
      const mark = `${this.opAt}i${start}`;
      this.positions.push(this.out.length, mark);
      this.lastOp = mark;
    }
    if (env.callDepth) {
      const lim = env.limits();
      // the fuel counted so far is the store's before the trap, as when the call handed it over
      const over = this.handOver() === '' ? '' : `${this.handOver()} `;
      this.emit(`if (${lim}.${DEPTH} >= ${lim}.${DEPTH_LIMIT}) { ${over}${env.trap(TrapCode.StackOverflow)}; }`);
    }
    if (env.tunables.consumeFuel) this.emitLines(this.checks(false, false));
  }

  /** `local.set` (`local.tee` when `tee`) of local `i`. */
  private setLocal(i: number, tee: boolean): void {
    const l = localName(i);
    if (this.isQuad(this.localTypes[i])) {
      this.setQuadLocal(i);
      if (tee) this.pushQuadLocal(i);
      return;
    }
    if (this.isWide(this.localTypes[i])) {
      const pp = this.popPair();
      const lo = pp[0];
      const hi = pp[1];
      this.materializeLocal(l);
      // `l<i>h` is still assigned (it is read once the fact ends), but reads until then fold the 0
      if (lo !== l) this.emit(`${l} = ${lo}; ${l}h = ${hi};`);
      else if (hi !== `${l}h`) this.emit(`${l}h = ${hi};`); // its own low word, zero-extended
      if (hi === '0') this.hi0.add(i);
      else if (lo !== l || hi !== `${l}h`) this.hi0.delete(i);
      if (literal(lo) !== null && literal(hi) !== null) this.lit.set(i, [lo, hi]);
      else this.lit.delete(i);
      if (hi !== '0') {
        if (!this.wideSets.has(i)) this.wideSets.set(i, this.wideFrom());
        if (this.zeroHiAt(i)) this.zeroHiBroken = true;
      }
      if (tee) this.pushPairPure(l, hi === '0' ? '0' : `${l}h`);
      return;
    }
    const float = this.localTypes[i] === F64 || this.localTypes[i] === F32;
    if (float) {
      this.setPop = i;
      const d = this.sp - 1;
      if (this.fLocal[d] >= 0) {
        const from = this.numberFrom.get(i);
        if (from === undefined) this.numberFrom.set(i, [this.fLocal[d]]);
        else if (!from.includes(this.fLocal[d])) from.push(this.fLocal[d]);
      } else if (!this.fNum[d] && !this.loadedNumber(d) && !isNumberExpr(this.pend[d] ?? `s${d}`))
        this.floatNotNumber.add(i);
    }
    const v = this.popInline();
    this.setPop = -1;
    this.materializeLocal(l);
    if (v !== l) this.emit(`${l} = ${v};`);
    if (tee) {
      this.pushPure(l);
      if (float) {
        this.rare[this.sp - 1] = true;
        this.fLocal[this.sp - 1] = i;
      }
    }
  }

  /** `return` with the top `n` values inlined (older values with effects run first). */
  private returnInline(n: number): void {
    for (let d = 0; d < this.sp - n; d++) if (this.impure[d]) this.materialize(d);
    if (this.retForm !== 'value') {
      // values with effects (a call writes `H.R`) are assigned before the words are stored
      const elems: string[] = [];
      for (let i = 0; i < n; i++)
        if (this.wide[this.sp - 1]) elems.unshift(...this.popPair());
        else elems.unshift(this.pop());
      this.emit(this.pairReturn(elems));
      return;
    }
    const vals = this.popArgsInline(n);
    if (n === 0) this.emit(`${RET};`);
    else if (n === 1) this.emit(`${RET} ${vals[0]};`);
    else this.emit(`${RET} ${this.env.rt('tuple')}(${vals.join(', ')});`);
  }

  private emitLines(lines: string[]): void {
    for (const l of lines) this.emit(l);
  }

  private frameAt(depth: number): Frame {
    return this.ctrl[this.ctrl.length - 1 - depth];
  }

  /**
   * Pushes a call's result(s); a single result of a call whose arguments were all pending stays pending (not with
   * fuel or epochs: the counters are handed over before the call and reloaded right after it).
   */
  private callResults(call: string, results: readonly ValType[], argsPending = false, quiet = false): void {
    const t = this.env.tunables;
    if ((t.consumeFuel || t.epochInterruption) && !quiet) {
      // the counters are reloaded right after the call, so its result cannot wait for its consumer
      this.hooked(() => this.callResultsNow(call, results, false));
      return;
    }
    this.callResultsNow(call, results, argsPending);
  }
  private callResultsNow(call: string, results: readonly ValType[], argsPending: boolean): void {
    const nResults = results.length;
    if (nResults === 0) this.emit(`${call};`);
    else if (nResults === 1 && this.isWide(results[0])) this.pushBig(call);
    else if (nResults === 1 && this.isQuad(results[0])) this.pushV128(call);
    else if (nResults === 1 && argsPending) this.pushPending(call, true);
    else if (nResults === 1) this.push(call);
    else {
      const t = this.temp();
      this.emit(`${t} = ${call};`);
      for (let i = 0; i < nResults; i++)
        if (this.isWide(results[i])) this.pushBig(`${t}[${i}]`);
        else if (this.isQuad(results[i])) this.pushV128(`${t}[${i}]`);
        else this.push(`${t}[${i}]`);
      this.temps--;
    }
  }

  /** The pair-ABI entry of function value `fn` of type `ft`: its `$p`, or one `H.pa` makes (a host function). */
  private pairEntry(fn: string, ft: FuncType): string {
    return `(${fn}.$p || H.pa(${fn}, '${pairSig(ft)}'))`;
  }
  /**
   * Pushes the results of a call in the pair ABI (`pairResults`): words (the returned one, then `H.R[0]`, ... read
   * in the same statement) or a tuple's elements (an i64 as two), each into its slot.
   */
  private pairCallResults(call: string, results: readonly ValType[], argsPending = false, quiet = false): void {
    const form = pairResultForm(typeLetters(results));
    if (form === 'value') {
      this.callResults(call, results, argsPending, quiet);
      return;
    }
    const emitCall = () => {
      const tuple = form === 'tuple' ? this.temp() : '';
      const parts: string[] = tuple === '' ? [] : [`${tuple} = ${call}`];
      let k = 0;
      const word = () => (tuple !== '' ? `${tuple}[${k++}]` : k++ === 0 ? call : `H.R[${k - 2}]`);
      for (const t of results) {
        const d = this.claim();
        this.pend[d] = null;
        if (t === I64) {
          this.wide[d] = true;
          this.anyWide = true;
          // words typed int32 for V8's optimizing tier (a call's result is typed nothing, and sums of it ran in float64)
          parts.push(`s${d} = ${word()} | 0`, `s${d}h = ${word()} | 0`);
        } else if (this.isQuad(t)) {
          this.laneTemps.add('qv');
          this.rare[d] = true;
          this.quad[d] = true;
          this.anyQuad = true;
          parts.push(`qv = ${word()}`, ...laneNames(`s${d}`).map((v, i) => `${v} = qv.${'abcd'[i]}`));
        } else parts.push(`s${d} = ${word()}`);
      }
      this.emit(`${parts.join('; ')};`);
      if (tuple !== '') this.temps--;
    };
    if ((this.env.tunables.consumeFuel || this.env.tunables.epochInterruption) && !quiet) this.hooked(emitCall);
    else emitCall();
  }
  /**
   * Whether a direct call to `f` needs nothing handed over or reloaded: with epochs and without fuel, a callee that
   * checks the epoch nowhere and runs no host code (`epochSilent`) cannot move the deadline, so the next back edge
   * need not read the epoch counter (`ec = -1`): another thread's tick is still seen within `EPOCH_POLL_CHECKS` back
   * edges. The wasm backend keeps its count over such calls too. With fuel every callee checks at its entry.
   */
  private quietCall(f: FuncIndex): boolean {
    const t = this.env.tunables;
    return t.epochInterruption && !t.consumeFuel && this.env.epochSilent(f);
  }
  /**
   * Pops call arguments in the pair ABI for a call emitted after other statements (an indirect call's checks):
   * values with effects are assigned first, as `popArgs` does.
   */
  private popPairArgsNow(params: readonly ValType[]): string[] {
    const args: string[] = [];
    for (let i = params.length - 1; i >= 0; i--)
      if (params[i] === I64) {
        const pp = this.popPair();
        const lo = pp[0];
        const hi = pp[1];
        args.push(hi, lo);
      } else args.push(this.pop());
    return args.reverse();
  }
  /** Pops call arguments in the pair ABI, inline like `popArgsInline`: an i64 is its lo and hi words. */
  private popPairArgs(params: readonly ValType[]): string[] {
    const args: string[] = [];
    for (let i = params.length - 1; i >= 0; i--)
      if (params[i] === I64) {
        const pp = this.popPair();
        const lo = pp[0];
        const hi = pp[1];
        args.push(hi, lo);
      } else args.push(this.popInline());
    return args.reverse();
  }

  private popArgs(n: number): string[] {
    const args: string[] = [];
    for (let i = 0; i < n; i++) args.push(this.pop());
    return args.reverse();
  }

  /** Skips operators of dead code up to the `else`/`end`/`catch`/`delegate` closing the current frame. */
  private skipDead(): void {
    const r = this.r;
    let depth = 0;
    for (;;) {
      const start = r.pos;
      const op = r.u8();
      switch (op) {
        case 0x02: // block
        case 0x03: // loop
        case 0x04: // if
        case 0x06: // try
          this.blockType();
          depth++;
          continue;
        case 0x1f: // try_table
          this.blockType();
          this.readCatches();
          depth++;
          continue;
        case 0x0b: // end
          if (depth === 0) {
            r.pos = start;
            return;
          }
          depth--;
          continue;
        case 0x18: // delegate
          if (depth === 0) {
            r.pos = start;
            return;
          }
          r.u32();
          depth--;
          continue;
        case 0x05: // else
        case 0x07: // catch
        case 0x19: // catch_all
          if (depth === 0) {
            r.pos = start;
            return;
          }
          if (op === 0x07 /* catch */) r.u32();
          continue;
      }
      skipImmediates(this.r, this.info(op).imm);
    }
  }

  private info(op: number): OperatorInfo {
    const info = operatorFrom(op, this.r);
    if (info === undefined) throw new Error('codegen: unknown operator');
    return info;
  }

  private readCatches(): { kind: number; tag: TagIndex | -1; label: number }[] {
    const n = this.r.u32();
    const list: { kind: number; tag: TagIndex | -1; label: number }[] = [];
    for (let i = 0; i < n; i++) {
      const kind = this.r.u8();
      const tag = kind < 2 ? (this.r.u32() as TagIndex) : -1;
      list.push({ kind, tag, label: this.r.u32() });
    }
    return list;
  }

  private memarg(): { mem: MemoryIndex; offset: number; align: number } {
    const r = this.r;
    let flags = r.u32();
    let mem = 0 as MemoryIndex;
    if (flags >= 0x40) {
      flags -= 0x40;
      mem = r.u32() as MemoryIndex;
    }
    // an offset of up to four LEB bytes (28 bits) read inline as a number (the general read makes a bigint)
    const bytes = r.bytes;
    let offset = 0;
    let at = r.pos;
    for (let shift = 0; shift < 28 && at < r.end; shift += 7) {
      const b = bytes[at++];
      offset |= (b & 0x7f) << shift;
      if (b < 0x80) {
        r.pos = at;
        return { mem, offset, align: flags };
      }
    }
    offset = Number(r.u64());
    return { mem, offset, align: flags };
  }

  /** After an unconditional transfer: skip to the end of the current frame. */
  private unreachable(): void {
    this.skipDead();
  }

  /**
   * The address expression of a memory access (a JS number). With `negativeTraps` (an access whose bounds check is
   * a DataView's, which throws for a negative index as for one past the end, or a typed array's index read, which
   * gives `undefined` and so the DataView's throw) and `signedAddresses` (CompileOptions: the forms for V8's Ignition),
   * the base alone where that is exact: an int32 name with no offset,
   * to a memory that can never hold 2^31 bytes (its declared maximum; an imported memory is never larger than the
   * import's type says), where every address at or past 2^31 (a negative int32) is out of bounds anyway.
   */
  private addr(base: string, mem: MemoryIndex, offset: number, negativeTraps = false): string {
    const memory = this.env.module.memories[mem];
    if (memory.index64) {
      const a = `Number(BigInt.asUintN(64, ${base}))`;
      return offset === 0 ? a : `${a}+${offset}`;
    }
    if (allDigits(base)) return String(Number(base) + offset);
    if (negativeTraps && offset === 0 && this.env.signedAddresses && NAME.test(base) && belowHalf(memory)) return base;
    const b = withoutToInt32(base);
    return offset === 0 ? `(${b}>>>0)` : `(${b}>>>0)+${offset}`;
  }

  /**
   * A byte load (`getUint8`/`getInt8`) at `addr` through the environment's typed-array form (`env.byteLoad`),
   * which reads the address twice: an address that is not a plain name or number goes through `ma` first.
   */
  private byteLoad(mem: MemoryIndex, get: string, addr: string): string {
    if (SIMPLE_ADDRESS.test(addr) || this.env.byteLoads === 'dataview')
      return this.env.byteLoad(mem, get as 'getUint8', addr, addr);
    this.usesAddrTemp = true;
    return this.env.byteLoad(mem, get as 'getUint8', `ma = ${addr}`, 'ma');
  }

  /**
   * A load of `view`'s element (an i32, or an f32/f64 whose NaN bits cannot be observed) through the environment's
   * typed-array form (`env.wordLoad`) when the access is declared aligned to the element's size (its alignment
   * hint; an unaligned access stays correct, through the DataView, but would pay the test too), or null for the
   * DataView getter. `base` is the load's operand (an int32 expression), read once: a constant address is indexed
   * directly, a name as it is, anything else through `ma`.
   */
  private wordLoad(
    mem: MemoryIndex,
    base: string,
    offset: number,
    align: number,
    view: ElementView = 'i32',
  ): string | null {
    if (align < (view === 'f64' ? 3 : 2) || !this.env.wordLoads) return null;
    if (allDigits(base)) return this.env.constWordLoad(mem, Number(base) + offset, view);
    const b = withoutToInt32(base);
    const name = /^\w+$/.test(b);
    const e = name
      ? this.env.wordLoad(mem, b, b, offset, view)
      : this.env.wordLoad(mem, `(ma = ${b})`, 'ma', offset, view);
    if (e !== null) {
      this.usesCondTemp = true;
      if (!name) this.usesAddrTemp = true;
    }
    return e;
  }

  private tableNum(v: string, table: number): string {
    return this.env.module.tables[table].type.index64 ? `Number(BigInt.asUintN(64, ${v}))` : `(${v} >>> 0)`;
  }

  /** The straight-line run being translated, for scheduling gates (`CompileOptions.scheduleGates`, src/gates.ts). */
  private readonly straightRun = new StraightRun();

  /**
   * Scheduling gates: tells the run operator `op` (its first byte read; its immediates not), before its code: the i64
   * pairs in stack slots that the operators before it left, then whether it continues the run (with the i64 local it
   * reads or writes, and whether it multiplies) or ends it before its own code.
   */
  private gateStep(run: StraightRun, op: number): void {
    if (run.open)
      for (let d = 0; d < this.sp; d++)
        if (this.wide[d] && (this.pendH[d] === null || this.pendH[d] === undefined)) run.pair(-1 - d);
    if (STRAIGHT[op] === 0) {
      if (run.open) run.end(this.out, this.out.length, DROPPED);
      return;
    }
    run.add(this.out.length, MULTIPLIES[op] === 1);
    if (op >= 0x20 /* local.get */ && op <= 0x22 /* local.tee */ && this.pairs) {
      const r = this.r;
      const at = r.pos;
      const i = r.u32() + this.localBase;
      r.pos = at;
      if (this.localTypes[i] === I64) run.pair(i);
    }
  }

  private body(): void {
    const r = this.r;
    const env = this.env;
    const fuel = env.tunables.consumeFuel;
    // cut points only where bodies may be split (not with splitting off, as under --jitless by default)
    const cuts = this.selfIndex >= 0 && this.env.splitChars !== Number.POSITIVE_INFINITY ? this.cuts : null;
    // scheduling gates (src/gates.ts): the straight-line runs, told each operator
    const run = env.scheduleGates ? this.straightRun : null;
    for (;;) {
      if (cuts !== null && this.ctrl.length === 1 && this.temps === 0) {
        cuts.push(this.out.length, this.sp);
        let pairsHere = 0;
        for (let d = Math.min(this.sp, 31) - 1; d >= 0; d--) if (this.wide[d]) pairsHere |= 1 << d;
        this.cutPairs.push(pairsHere);
        this.loadEpoch++;
      }
      if (this.positions !== null) this.markPosition(r.pos);
      this.opAt = r.pos;
      this.opIndex++;
      // the opcode byte read inline (r.u8() is a call, which costs without a JIT)
      const op = r.pos < r.end ? r.bytes[r.pos++] : r.u8();
      if (run !== null) this.gateStep(run, op);
      const head = HEAD[op];
      if (head !== 0) {
        if ((head & HEAD_ENDS_LOADS) !== 0) this.loadEpoch++;
        // facts about locals hold within straight-line code only: every structured control operator ends them
        if ((head & HEAD_STRUCTURE) !== 0 && (this.hi0.size > 0 || this.lit.size > 0)) {
          this.hi0.clear();
          this.lit.clear();
        }
        // a return (or the function's end) takes its results inline
        if (
          (head & HEAD_MATERIALIZE) !== 0 &&
          op !== 0x0f /* return */ &&
          !(op === 0x0b /* end */ && this.ctrl.length === 1)
        )
          this.materializeAll();
      }
      if (fuel) {
        let cost = env.fuelCosts[op];
        let sub = -1;
        if (cost < 0) {
          const at = r.pos;
          sub = r.u32();
          cost = env.prefixedCost(op, sub);
          r.pos = at;
        }
        this.fuel += cost;
        if (CONTROL[op] === 1) this.flushFuel();
        if (sub >= 0 ? ((operatorFor(op, sub)?.flags ?? 0) & OpFlag.Silent) === 0 : SILENT[op] === 0)
          this.mayThrow = true;
      }
      // Numeric operators and memory accesses first, and the rest in two switches over dense opcodes: V8's
      // interpreter dispatches a dense switch through a jump table, a sparse one by a comparison per case.
      if (op >= 0x45 /* i32.eqz */ && op < 0xd0 /* ref.null */) {
        const info = operatorFor(0, op);
        if (info === undefined) throw new Error(`codegen: unsupported opcode 0x${op.toString(16)}`);
        this.numeric(info);
        continue;
      }
      if (op >= 0x28 /* i32.load */ && op <= 0x3e /* i64.store32 */) {
        this.memoryAccess(OPERATORS[(operatorFor(0, op) as OperatorInfo).id]);
        continue;
      }
      if (op >= 0xd0 /* ref.null */) {
        this.referenceOrPrefixed(op);
        continue;
      }
      switch (op) {
        case 0x00: // unreachable
          this.emit(`${env.trap(TrapCode.UnreachableCodeReached)};`);
          this.unreachable();
          continue;
        case 0x01: // nop
          continue;
        case 0x02: // block
        case 0x03: {
          // loop
          const bt = this.blockType();
          const np = bt[0];
          const nr = bt[1];
          const flat = this.flat();
          const f = this.pushFrame(op === 0x02 /* block */ ? K.Block : K.Loop, np, nr, this.newLabel());
          // entering a loop with checks polls the epoch (`pollOnEntry`), before the loop's first line: its back edges
          // come to the poll below it
          if (op === 0x03 /* loop */ && this.env.tunables.epochInterruption && this.due() !== '')
            this.emit(this.pollOnEntry());
          f.openLine = this.out.length;
          if (op === 0x03 /* loop */) this.hasLoop = true;
          if (flat) {
            // a block's case is emitted at its end, if anything branches there
            if (op === 0x03 /* loop */) {
              if (this.due() !== '') {
                f.altCase = (this.region as Region).cases++;
                this.emitCase(f.altCase);
                this.emitLines(this.checks(true));
                f.innerLine = this.out.length;
              }
              this.emitCase(f.caseId);
            }
            continue;
          }
          if (op === 0x02 /* block */) this.emit(`${f.label}: {`);
          else if (this.due() !== '') {
            // a poll loop around the loop: the hooks are called there, out of the loop (see README.md)
            this.emit(`P${f.label}: for (;;) {`);
            this.nest(1);
            this.emitLines(this.checks(true));
            f.innerLine = this.out.length;
            this.emit(`${f.label}: for (;;) {`);
          } else this.emit(`${f.label}: for (;;) {`);
          this.nest(1);
          continue;
        }
        case 0x04: {
          // if
          const bt = this.blockType();
          const np = bt[0];
          const nr = bt[1];
          const c = this.popCond(true);
          this.materializeAll();
          const flat = this.flat();
          const f = this.pushFrame(K.If, np, nr, this.newLabel());
          if (np.length > 0) {
            f.savedParams = [];
            for (let i = 0; i < np.length; i++) {
              const v = `p${f.label}_${i}`;
              this.extraDecls.push(v);
              f.savedParams.push(v);
              this.emit(`${v} = s${f.height + i};`);
              for (const x of np[i] === Shape.Pair ? 'h' : np[i] === Shape.Quad ? 'bcd' : '') {
                this.extraDecls.push(`${v}${x}`);
                this.emit(`${v}${x} = s${f.height + i}${x};`);
              }
            }
          }
          if (flat) {
            f.altCase = (this.region as Region).cases++;
            this.emit(`if (!(${c})) { st = ${f.altCase}; continue ${(this.region as Region).label}; }`);
            continue;
          }
          f.openLine = this.out.length;
          this.emit(`${f.label}: if (${c}) {`);
          this.nest(1);
          continue;
        }
        case 0x05: {
          // else
          const f = this.frameAt(0);
          this.setSpTo(f.height, f.pw);
          if (f.caseId >= 0) {
            this.emit(`st = ${f.caseId}; continue ${(this.region as Region).label};`);
            f.targeted = true;
            this.emitCase(f.altCase);
            f.altCase = -1;
          } else {
            this.nest(-1);
            this.emit('} else {');
            this.nest(1);
          }
          if (f.savedParams)
            f.savedParams.forEach((v, i) => {
              this.emit(`s${f.height + i} = ${v};`);
              for (const x of f.pw[i] === Shape.Pair ? 'h' : f.pw[i] === Shape.Quad ? 'bcd' : '')
                this.emit(`s${f.height + i}${x} = ${v}${x};`);
            });
          continue;
        }
        case 0x06: {
          // try
          const bt = this.blockType();
          const np = bt[0];
          const nr = bt[1];
          if (this.region !== null || this.ctrl.length >= MAX_STRUCTURED_DEPTH)
            throw new CodegenLimitError(
              'legacyTryDepth',
              `a legacy \`try\` nested deeper than ${MAX_STRUCTURED_DEPTH} control frames`,
              r.pos,
            );
          const f = this.pushFrame(K.Try, np, nr, this.newLabel());
          f.exVar = `e${f.label}`;
          this.emit(`${f.label}: try {`);
          this.nest(1);
          continue;
        }
        case 0x07: // catch
        case 0x19: {
          // catch_all
          const f = this.frameAt(0);
          const tag = op === 0x07 /* catch */ ? (r.u32() as TagIndex) : -1;
          this.setSp(f.height);
          // the try body (or the previous handler) was indented by 2 (or 4) from the try statement
          this.nest(f.handlers === 0 ? -1 : -2);
          if (f.handlers === 0) {
            this.emit(`} catch (${f.exVar}) {`);
            this.emit(`  if (!(${f.exVar} instanceof ${env.exceptionClass()})) throw ${f.exVar};`);
            if (env.legacyExceptions) this.emit(`  if (dlg >= 0 && dlg < ${f.index}) throw ${f.exVar}; dlg = -1;`);
            // a wasm exception left the counters exact (its thrower stored them)
            this.emitReload('  ');
            this.usesHandlers = true;
          }
          const chain = f.handlers === 0 ? '  ' : '  } else ';
          if (tag !== -1) this.emit(`${chain}if (${f.exVar}.tag === ${env.tag(tag)}) {`);
          else {
            this.emit(`${chain}{`);
            f.catchAll = true;
          }
          f.handlers++;
          f.kind = K.Catch;
          this.nest(2);
          if (op === 0x07 /* catch */) {
            const tt = env.typeAt(env.module.tags[tag].typeIndex);
            for (let i = 0; i < tt.params.length; i++)
              if (this.isWide(tt.params[i])) this.pushBig(`${f.exVar}.values[${i}]`);
              else if (this.isQuad(tt.params[i])) this.pushV128(`${f.exVar}.values[${i}]`);
              else this.push(`${f.exVar}.values[${i}]`);
          }
          // a catch body runs at the outer nesting of the handler block
          continue;
        }
        case 0x18: {
          // delegate
          const l = r.u32();
          const f = this.ctrl.pop() as Frame;
          const target = this.ctrl[this.ctrl.length - 1 - l];
          this.usesDelegate = true;
          this.nest(-1);
          this.emit(`} catch (${f.exVar}) {`);
          this.emit(`  if (!(${f.exVar} instanceof ${env.exceptionClass()})) throw ${f.exVar};`);
          this.emit(`  if (!(dlg >= 0 && dlg < ${f.index})) dlg = ${target.index};`);
          this.emit(`  throw ${f.exVar};`);
          this.emit('}');
          this.setSpTo(f.height, f.rw);
          continue;
        }
        case 0x08: {
          // throw
          const tag = r.u32() as TagIndex;
          const tt = env.typeAt(env.module.tags[tag].typeIndex);
          const args = this.popArgs(tt.params.length);
          this.storeFuel();
          this.emit(`throw ${env.rt('newException')}(${env.tag(tag)}, ${env.rt('tuple')}(${args.join(', ')}));`);
          this.unreachable();
          continue;
        }
        case 0x09: {
          // rethrow
          const f = this.frameAt(r.u32());
          this.storeFuel();
          this.emit(`throw ${f.exVar};`);
          this.unreachable();
          continue;
        }
        case 0x0a: {
          // throw_ref
          const x = this.pop();
          this.storeFuel();
          this.emit(`throw ${x} === null ? ${env.trap(TrapCode.NullReference)} : ${x};`);
          this.unreachable();
          continue;
        }
        case 0x0b: {
          // end
          if (this.end()) return;
          if (this.inl !== null && this.ctrl.length === this.inl.depth) {
            // the inlined callee's end: back to the caller's code
            r.pos = this.inl.pos;
            r.end = this.inl.end;
            this.inl = null;
            this.localBase = 0;
          }
          continue;
        }
        case 0x0c: {
          // br
          const f = this.frameAt(r.u32());
          this.emitLines(this.branch(f));
          this.unreachable();
          continue;
        }
        case 0x0d: {
          // br_if
          const f = this.frameAt(r.u32());
          const c = this.popCond(true);
          this.materializeAll();
          this.emit(`if (${c}) {`);
          this.emitLines(this.branch(f).map((l) => `  ${l}`));
          this.emit('}');
          continue;
        }
        case 0x0e: {
          // br_table
          const n = r.u32();
          const targets: number[] = [];
          for (let i = 0; i <= n; i++) targets.push(r.u32());
          const c = this.pop();
          this.materializeAll();
          const groups = new Map<number, number[]>();
          for (let i = 0; i < n; i++) {
            const g = groups.get(targets[i]);
            if (g) g.push(i);
            else groups.set(targets[i], [i]);
          }
          const dflt = targets[n];
          this.emit(`switch (${c}) {`);
          for (const [t, cases] of groups) {
            if (t === dflt) continue;
            this.emit(`  ${cases.map((i) => `case ${i}:`).join(' ')}`);
            this.emitLines(this.branch(this.frameAt(t)).map((l) => `    ${l}`));
          }
          this.emit('  default:');
          this.emitLines(this.branch(this.frameAt(dflt)).map((l) => `    ${l}`));
          this.emit('}');
          this.unreachable();
          continue;
        }
        case 0x0f: // return
          if (this.inl !== null) {
            // an inlined callee's return: a branch out of the block standing for its frame
            this.materializeAll();
            this.emitLines(this.branch(this.inl.frame));
          } else this.returnInline(this.type.results.length);
          this.unreachable();
          continue;
        case 0x10: {
          // call
          const f = r.u32() as FuncIndex;
          if (this.inlineCall(f)) continue;
          const ft = env.funcType(f);
          let argsPending = true;
          for (let i = 0; i < ft.params.length; i++) if (!this.isPending(i)) argsPending = false;
          if (this.pairs && usesPairAbi(ft)) {
            const args = this.popPairArgs(ft.params);
            // an import may be another module's wasm function (with `$p`) or the host's (adapted by `H.pa`)
            const callee = f >= env.module.numImportedFuncs ? env.pairCallee(f) : this.pairEntry(env.callee(f), ft);
            this.pairCallResults(`${callee}(${args.join(', ')})`, ft.results, argsPending, this.quietCall(f));
            continue;
          }
          const args = this.popArgsInline(ft.params.length);
          this.callResults(`${env.callee(f)}(${args.join(', ')})`, ft.results, argsPending, this.quietCall(f));
          continue;
        }
        case 0x11: // call_indirect
        case 0x13: {
          // return_call_indirect
          const typeIndex = r.u32();
          const table = r.u32() as TableIndex;
          const ft = env.typeAt(typeIndex);
          const idx = this.pop();
          const pair = this.pairs && usesPairAbi(ft);
          const args = pair ? this.popPairArgsNow(ft.params) : this.popArgs(ft.params.length);
          const ref = this.temp();
          const t = env.table(table);
          const i = this.tableNum(idx, table);
          // one read on the way that succeeds: an index out of bounds reads undefined and a null entry null, and
          // only then is the length compared to tell the two traps apart (in JavaScriptCore's interpreter every
          // property read and comparison is a bytecode of its own)
          this.emit(
            `${ref} = ${t}.elements[${i}] ?? (${i} < ${t}.elements.length ? ${env.trap(TrapCode.IndirectCallToNull)} : ${env.trap(TrapCode.UndefinedElement)});`,
          );
          this.emit(
            `if (${ref}.typeId !== ${env.typeId(typeIndex)} && !${env.rt('isSubtypeId')}(${ref}.typeId, ${env.typeId(typeIndex)})) ${env.trap(TrapCode.BadSignature)};`,
          );
          if (pair && op === 0x11 /* call_indirect */)
            this.pairCallResults(`${this.pairEntry(`${ref}.fn`, ft)}(${args.join(', ')})`, ft.results);
          else if (pair) this.tailCall(`H.pt(${ref}.fn, '${pairSig(ft)}')`, args);
          else if (op === 0x11 /* call_indirect */) this.callResults(`${ref}.fn(${args.join(', ')})`, ft.results);
          else this.tailCall(`(${ref}.fn.$t || ${ref}.fn)`, args);
          this.temps--;
          if (op === 0x13 /* return_call_indirect */) this.unreachable();
          continue;
        }
        case 0x12: {
          // return_call
          const f = r.u32() as FuncIndex;
          const ft = env.funcType(f);
          if (f === this.selfIndex) {
            // a tail call to itself: a jump back to the top with new parameters and fresh locals (the
            // arguments are in their slots: return_call assigns every pending value first)
            this.usesSelfTail = true;
            const n = ft.params.length;
            const base = this.sp - n;
            for (let i = 0; i < n; i++) {
              this.emit(`l${i} = s${base + i};`);
              if (this.wide[base + i]) this.emit(`l${i}h = s${base + i}h;`);
              if (this.quad[base + i]) for (const x of 'bcd') this.emit(`l${i}${x} = s${base + i}${x};`);
              if (this.floatLocals?.has(i))
                this.emit(
                  this.floatsOfBits(i)
                    .map(([f, e]) => `${f} = ${e};`)
                    .join(' '),
                );
            }
            this.setSp(base);
            for (let i = n; i < this.localTypes.length; i++)
              if (this.isWide(this.localTypes[i])) this.emit(`l${i} = 0; l${i}h = 0;`);
              else if (this.isQuad(this.localTypes[i])) {
                this.emit(`l${i} = 0; l${i}b = 0; l${i}c = 0; l${i}d = 0;`);
                if (this.floatLocals?.has(i)) this.emit(`l${i}f = 0; l${i}fb = 0; l${i}fc = 0; l${i}fd = 0;`);
              } else this.emit(`l${i} = ${defaultValue(env, this.localTypes[i])};`);
            this.emit('continue T;');
          } else if (this.pairs && usesPairAbi(ft)) {
            const args = this.popPairArgsNow(ft.params);
            const callee =
              f < env.module.numImportedFuncs ? `H.pt(${env.callee(f)}, '${pairSig(ft)}')` : env.pairTailCallee(f);
            this.tailCall(callee, args);
          } else this.tailCall(env.tailCallee(f), this.popArgs(ft.params.length));
          this.unreachable();
          continue;
        }
        case 0x14: // call_ref
        case 0x15: {
          // return_call_ref
          const ft = env.typeAt(r.u32());
          const ref = this.pop();
          const pair = this.pairs && usesPairAbi(ft);
          const args = pair ? this.popPairArgsNow(ft.params) : this.popArgs(ft.params.length);
          this.emit(`if (${ref} === null) ${env.trap(TrapCode.NullFunctionReference)};`);
          if (pair && op === 0x14 /* call_ref */)
            this.pairCallResults(`${this.pairEntry(`${ref}.fn`, ft)}(${args.join(', ')})`, ft.results);
          else if (op === 0x14 /* call_ref */) this.callResults(`${ref}.fn(${args.join(', ')})`, ft.results);
          else {
            this.tailCall(pair ? `H.pt(${ref}.fn, '${pairSig(ft)}')` : `(${ref}.fn.$t || ${ref}.fn)`, args);
            this.unreachable();
          }
          continue;
        }
        case 0x1a: {
          // drop
          // a dropped value with effects (a load, a division that may trap) still runs
          if (this.quad[this.sp - 1]) {
            this.fval[this.sp - 1] = false;
            this.popQuadRaw();
            continue;
          }
          const impure = this.impure[this.sp - 1];
          this.arithPop = true;
          const v = this.popInline();
          this.arithPop = false;
          if (impure) this.emit(`${v};`);
          continue;
        }
        case 0x1b: // select
        case 0x1c: {
          // select
          if (op === 0x1c /* select */) {
            const n = r.u32();
            for (let i = 0; i < n; i++) this.valType();
          }
          const c = this.popCond();
          if (this.quad[this.sp - 1]) {
            const b = this.popQuad();
            this.top();
            const a = laneNames(`s${this.sp - 1}`);
            this.emit(`if (!(${c})) { ${a.map((v, k) => `${v} = ${b[k]};`).join(' ')} }`);
            continue;
          }
          if (this.wide[this.sp - 1]) {
            const pp = this.popPair();
            const blo = pp[0];
            const bhi = pp[1];
            const a = this.top();
            this.emit(`if (!(${c})) { ${a} = ${blo}; ${a}h = ${bhi}; }`);
            continue;
          }
          const b = this.pop();
          const a = this.top();
          this.emit(`if (!(${c})) ${a} = ${b};`);
          continue;
        }
        case 0x1f: {
          // try_table
          const bt = this.blockType();
          const np = bt[0];
          const nr = bt[1];
          const catches = this.readCatches();
          const flat = this.flat();
          const f = this.pushFrame(K.TryTable, np, nr, this.newLabel());
          f.catches = catches;
          if (flat) {
            // its body runs with its handler in effect
            f.handler = (this.region as Region).handlers.length;
            (this.region as Region).handlers.push('');
            this.curHs = f.handler;
            this.emit(`hs = ${f.handler};`);
            continue;
          }
          // catch labels are relative to the frame around the try_table
          this.emit(`${f.label}: try {`);
          this.nest(1);
          continue;
        }
        case 0x20: {
          // local.get
          // a one-byte index read inline, and the usual local (not i64 in pair mode, not v128) pushed directly
          const b = r.pos < r.end ? r.bytes[r.pos] : 0x80;
          let i: number;
          if (b < 0x80) {
            r.pos++;
            i = b + this.localBase;
          } else i = r.u32() + this.localBase;
          const t = this.localTypes[i];
          if (t === I64 && this.pairs) {
            const k = this.lit.get(i);
            const zero = this.hi0.has(i) || this.zeroHiAt(i);
            if (k !== undefined) this.pushPairPure(k[0], k[1]);
            else this.pushPairPure(`l${i}`, zero ? '0' : `l${i}h`);
          } else if (t === V128) this.pushQuadLocal(i);
          else {
            this.pushPending(localName(i), false);
            if (t === F64 || t === F32) {
              this.rare[this.sp - 1] = true;
              this.fLocal[this.sp - 1] = i;
            }
          }
          continue;
        }
        case 0x21: // local.set
        case 0x22: // local.tee
          this.setLocal(r.u32() + this.localBase, op === 0x22 /* local.tee */);
          continue;
        case 0x23: {
          // global.get
          // an immutable global never changes: reading it has no order to keep
          const g = r.u32() as GlobalIndex;
          const { type, mutable } = env.module.globals[g].type;
          const access = env.globalAccess(g);
          if (access !== null && 'words' in access) {
            // its words in the instance's global storage: an i64 as its pair (lo, hi), no bigint; a v128 as its lanes
            const w = access.words;
            if (type === I32) this.pushPending(`${w}[0]`, mutable);
            else if (this.isQuad(type))
              this.pushQuadStmt((q) => `${q[0]} = ${w}[0]; ${q[1]} = ${w}[1]; ${q[2]} = ${w}[2]; ${q[3]} = ${w}[3];`);
            else if (this.pairs) this.pushPairStmt((lo, hi) => `${lo} = ${w}[0]; ${hi} = ${w}[1];`);
            else this.push(`H.j(${w}[0], ${w}[1])`);
            continue;
          }
          const value = access !== null ? access.constant : `${env.global(g)}.value`;
          if (this.isWide(type)) this.pushBig(value);
          else if (this.isQuad(type)) this.pushV128(value);
          else this.pushPending(value, mutable);
          continue;
        }
        case 0x24: {
          // global.set
          const g = r.u32() as GlobalIndex;
          const access = env.globalAccess(g);
          if (access === null || !('words' in access)) {
            this.emit(`${env.global(g)}.value = ${this.popInline()};`);
            continue;
          }
          const w = access.words;
          const type = env.module.globals[g].type.type;
          if (type === I32) this.emit(`${w}[0] = ${this.popInline()};`);
          else if (this.isQuad(type)) {
            const q = this.popQuad();
            this.emit(`${w}[0] = ${q[0]}; ${w}[1] = ${q[1]}; ${w}[2] = ${q[2]}; ${w}[3] = ${q[3]};`);
          } else if (this.wide[this.sp - 1]) {
            const [lo, hi] = this.popPair();
            this.emit(`${w}[0] = ${lo}; ${w}[1] = ${hi};`);
          } else {
            this.usesBigTemp = true;
            this.emit(
              `qz = ${this.popInline()}; ${w}[0] = Number(BigInt.asIntN(32, qz)); ${w}[1] = Number(qz >> 32n);`,
            );
          }
          continue;
        }
        case 0x25: {
          // table.get
          const table = r.u32() as TableIndex;
          const t = env.table(table);
          const i = this.tableNum(this.pop(), table);
          this.push(`${i} < ${t}.elements.length ? ${t}.elements[${i}] : ${env.trap(TrapCode.TableOutOfBounds)}`);
          continue;
        }
        case 0x26: {
          // table.set
          const table = r.u32() as TableIndex;
          const t = env.table(table);
          const v = this.pop();
          const i = this.tableNum(this.pop(), table);
          this.emit(
            `if (${i} < ${t}.elements.length) ${t}.elements[${i}] = ${v}; else ${env.trap(TrapCode.TableOutOfBounds)};`,
          );
          continue;
        }
        case 0x3f: {
          // memory.size
          const mem = r.u32() as MemoryIndex;
          const m = env.memory(mem);
          const pages = `(${m}.byteLength / ${2 ** env.module.memories[mem].pageSizeLog2})`;
          if (env.module.memories[mem].index64) this.pushBig(`BigInt${pages}`);
          else this.push(`${pages} | 0`);
          continue;
        }
        case 0x40: {
          // memory.grow
          const mem = r.u32() as MemoryIndex;
          const m = env.memory(mem);
          const d = this.pop();
          // the resource limiter (host code) runs inside memory.grow
          if (env.module.memories[mem].index64) this.hooked(() => this.pushBig(`${env.rt('memoryGrow')}(${m}, ${d})`));
          else this.hooked(() => this.push(`${env.rt('memoryGrow')}(${m}, ${d})`));
          continue;
        }
        case 0x41: {
          // i32.const
          // a one-byte constant read inline
          const b = r.pos < r.end ? r.bytes[r.pos] : 0x80;
          let v: number;
          if (b < 0x80) {
            r.pos++;
            v = b & 0x40 ? b - 0x80 : b;
          } else v = r.s32();
          this.pushPending(v < 0 ? `(${v})` : String(v), false);
          continue;
        }
        case 0x42: {
          // i64.const
          // up to seven bytes (49 bits) the value is exact as a number: no bigint on that path
          const n = smallSleb(r);
          if (n === n) {
            if (this.pairs) this.pushPairPure(signed(String(n | 0)), signed(String(Math.floor(n / 4294967296))));
            else this.pushPure(n < 0 ? `(${n}n)` : `${n}n`);
            continue;
          }
          const v = r.s64();
          if (this.pairs)
            this.pushPairPure(signed(String(Number(BigInt.asIntN(32, v)))), signed(String(Number(v >> 32n))));
          else this.pushPure(v < 0n ? `(${v}n)` : `${v}n`);
          continue;
        }
        case 0x43: {
          // f32.const
          const bits = r.f32Bits();
          const nan = (bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0;
          if (nan) this.pushPure(env.hoist('k', `H.f32FromBits(${bits | 0})`));
          else {
            const dv = new DataView(new ArrayBuffer(4));
            dv.setUint32(0, bits);
            this.pushPure(signed(numberLiteral(dv.getFloat32(0))));
          }
          continue;
        }
        case 0x44: {
          // f64.const
          const range = r.skip(8);
          const dv = new DataView(env.module.bytes.buffer, env.module.bytes.byteOffset + range.start, 8);
          const v = dv.getFloat64(0, true);
          if (v !== v) this.pushPure(env.hoist('k', `H.f64FromBits(${dv.getBigInt64(0, true)}n)`));
          else this.pushPure(signed(numberLiteral(v)));
          continue;
        }
      }
      const info = operatorFor(0, op);
      if (info === undefined) throw new Error(`codegen: unsupported opcode 0x${op.toString(16)}`);
      this.numeric(info);
    }
  }

  /** The reference operators (0xd0..0xd6) and the prefixed ones (0xfb..0xfe), read by `body`. */
  private referenceOrPrefixed(op: number): void {
    const r = this.r;
    const env = this.env;
    switch (op) {
      case 0xd0: // ref.null
        r.s33();
        this.push('null');
        return;
      case 0xd1: {
        // ref.is_null
        const a = this.top();
        this.emit(`${a} = ${a} === null ? 1 : 0;`);
        return;
      }
      case 0xd2: {
        // ref.func
        this.push(env.funcRef(r.u32() as FuncIndex));
        return;
      }
      case 0xd3: {
        // ref.eq
        const b = this.pop();
        const a = this.top();
        this.emit(`${a} = ${a} === ${b} ? 1 : 0;`);
        return;
      }
      case 0xd4: {
        // ref.as_non_null
        const a = this.top();
        this.emit(`if (${a} === null) ${env.trap(TrapCode.NullReference)};`);
        return;
      }
      case 0xd5: {
        // br_on_null
        const f = this.frameAt(r.u32());
        const a = this.top();
        this.emit(`if (${a} === null) {`);
        this.sp--;
        this.emitLines(this.branch(f).map((l) => `  ${l}`));
        this.sp++;
        this.emit('}');
        return;
      }
      case 0xd6: {
        // br_on_non_null
        const f = this.frameAt(r.u32());
        const a = this.top();
        this.emit(`if (${a} !== null) {`);
        this.emitLines(this.branch(f).map((l) => `  ${l}`));
        this.emit('}');
        this.pop();
        return;
      }
      case 0xfb: // gc prefix
        this.gc(r.u32());
        return;
      case 0xfc: // misc prefix
        this.misc(r.u32());
        return;
      case 0xfd: // simd prefix
        this.simd(r.u32());
        return;
      case 0xfe: // atomic prefix
        this.atomic(r.u32());
        return;
      default:
        throw new Error(`codegen: unsupported opcode 0x${op.toString(16)}`);
    }
  }

  /**
   * A binary i64 operator with an operand the constant 0 (a literal pair, or a local known to hold one: `lit`): a
   * product is 0, a sum, an or or a xor (a difference, a shift or a rotation by 0) is the other operand. False for
   * the others, left to the templates.
   */
  private foldZeroOperand(name: string): boolean {
    const zero = (d: number) => this.pend[d] === '0' && this.pendH[d] === '0';
    const zb = zero(this.sp - 1);
    const za = zero(this.sp - 2);
    if (!za && !zb) return false;
    if (name === 'i64.mul') {
      this.popPair();
      this.popPair();
      this.pushPairPure('0', '0');
      return true;
    }
    const either = name === 'i64.add' || name === 'i64.or' || name === 'i64.xor';
    const right = zb && (name === 'i64.sub' || name.startsWith('i64.sh') || name.startsWith('i64.rot'));
    if (!either && !right) return false;
    const b = this.popPair();
    const a = this.popPair();
    const x = zb ? a : b;
    // atoms (literals, a local's words) stay pending; a slot's words are copied into the result's slot
    if (LOCAL_ATOM.test(x[0]) && LOCAL_ATOM.test(x[1])) this.pushPairPure(x[0], x[1]);
    else {
      const d = this.sp;
      const code = `${x[0] === `s${d}` ? '' : `s${d} = ${x[0]}; `}${x[1] === `s${d}h` ? '' : `s${d}h = ${x[1]};`}`;
      this.pushPairStmt(() => code.trim());
      // (nothing to assign: the other operand is already in the result's slot)
      if (code === '') this.out.pop();
    }
    return true;
  }

  /**
   * The terms of the sum of unsigned products in slot `d` (`sumTerms`) and the double holding its value, or null. A
   * zero-extended word is not taken as a term: added to a sum, its carry form is the shorter chain where the sum's hi
   * word is then needed (poly1305's `d1 += d0 >> 26`, where every step waits for the one before: the carry through
   * doubles made it 1.4x slower), and the sum's own hi word comes from its double beside that chain.
   */
  private sumOf(d: number): [number, string] | null {
    const n = this.sumTerms[d];
    return n > 0 && this.pend[d] == null ? [n, `s${d}x`] : null;
  }
  /**
   * `i64.mul` of two values whose hi words are 0, and `i64.add` of two sums of such products (or of zero-extended
   * values), as pairs holding their value as a double too (`sumTerms`); false for the others.
   */
  private sumOfProducts(name: string): boolean {
    const y = this.sp - 1;
    const x = this.sp - 2;
    let terms = 1;
    let ax = '';
    let bx = '';
    if (name === 'i64.mul') {
      if (this.pendH[x] !== '0' || this.pendH[y] !== '0') return false;
    } else {
      const a = this.sumOf(x);
      const b = this.sumOf(y);
      if (a === null || b === null) return false;
      terms = a[0] + b[0];
      if (terms > SUM_UNITS) return false;
      ax = a[1];
      bx = b[1];
    }
    const b = this.popPair();
    const a = this.popPair();
    const d = this.sp;
    if (name === 'i64.mul') {
      this.usesMulTemps = true;
      this.pushPairStmt((rl, rh) => mulWords(a[0], b[0], rl, rh, `s${d}x`));
    } else this.pushPairStmt((rl, rh) => addWords(a[0], b[0], ax, bx, rl, rh, `s${d}x`));
    this.sumTerms[d] = terms;
    this.anySum = true;
    return true;
  }

  /** i64 operators on pairs, inline (pair mode); false for the ones left to the bigint templates. */
  private pairNumeric(info: OperatorInfo): boolean {
    const name = info.name;
    const pb = PAIR_BINARY[name];
    if (name === 'i64.shr_u' || name === 'i64.and') {
      // a result whose high word is known to be 0 keeps it as a pending literal
      const bl = this.pend[this.sp - 1];
      const bh = this.pendH[this.sp - 1];
      const ah = this.pendH[this.sp - 2];
      const count = name === 'i64.shr_u' && bl != null ? literal(bl) : null;
      if (count !== null && (count & 63) >= 32) {
        this.popPair();
        const xh = this.popPair()[1];
        const c = (count & 63) - 32;
        if (c === 0 && LOCAL_ATOM.test(xh)) this.pushPairPure(xh, '0');
        else this.pushPairLo((rl) => `${rl} = ${c === 0 ? xh : `(${xh} >>> ${c}) | 0`};`, '0');
        return true;
      }
      if (name === 'i64.and' && (ah === '0' || bh === '0')) {
        const yl = this.popPair()[0];
        const xl = this.popPair()[0];
        // `x & 0xffffffff` (zero-extending the low word) is the low word itself
        const lo = literal(yl) === -1 ? xl : literal(xl) === -1 ? yl : `${xl} & ${yl}`;
        if (LOCAL_ATOM.test(lo)) this.pushPairPure(lo, '0');
        else this.pushPairLo((rl) => `${rl} = ${lo};`, '0');
        return true;
      }
    }
    if (pb !== undefined && this.foldZeroOperand(name)) return true;
    if ((name === 'i64.mul' || name === 'i64.add') && this.sumOfProducts(name)) return true;
    if (pb !== undefined) {
      if (PAIR_TEMPS.has(name)) this.usesPairTemps = true;
      const b = this.popPair();
      const a = this.popPair();
      if (name === 'i64.mul') {
        this.usesMulTemps = true;
        if (this.zeroHi === null)
          for (const h of [a[1], b[1]])
            if (LOCAL_HI.test(h)) {
              const i = Number(h.slice(1, -1));
              if (!this.mulHiReads.has(i)) this.mulHiReads.set(i, this.opIndex);
            }
      }
      this.pushPairStmt((rl, rh) => pb(a, b, rl, rh));
      return true;
    }
    const p0 = PAIR_UNARY_HI0[name];
    if (p0 !== undefined) {
      const a = this.popPair();
      this.pushPairLo((rl) => p0(a, rl), '0');
      return true;
    }
    const pu = PAIR_UNARY[name];
    if (pu !== undefined) {
      const a = this.popPair();
      this.pushPairStmt((rl, rh) => pu(a, rl, rh));
      return true;
    }
    const pc = PAIR_COND[name];
    if (pc !== undefined) {
      // atoms of pending pairs are constants and locals: the comparison can stay pending too
      const pending = this.isPending() && this.isPending(1);
      const b = this.popPair();
      const a = this.popPair();
      const c = pc(a, b);
      const v = PAIR_COND_VALUE[name](a, b);
      if (pending) this.pushPending(`(${v})`, false, c);
      else this.push(v);
      return true;
    }
    switch (name) {
      case 'i64.eqz': {
        const pending = this.isPending();
        const pp = this.popPair();
        const lo = pp[0];
        const hi = pp[1];
        const c = this.env.zeroTests ? this.zeroTest(`${lo} | ${hi}`, '===') : `(${lo} | ${hi}) === 0`;
        if (pending) this.pushPending(`(${this.condValue(c)})`, false, c);
        else this.push(this.condValue(c));
        return true;
      }
      case 'i32.wrap_i64': {
        const pending = this.isPending();
        const d = this.sp - 1;
        const pp = this.popPair();
        const lo = pp[0];
        if (pending) this.pushPure(lo);
        else this.claim(); // the lo half is already in s<d>
        if (!pending && lo !== `s${d}`) throw new Error('codegen: pair slot mismatch');
        return true;
      }
      case 'i64.extend_i32_s':
      case 'i64.extend_i32_u': {
        const atom = this.pend[this.sp - 1];
        if (
          name === 'i64.extend_i32_u' &&
          atom != null &&
          !this.impure[this.sp - 1] &&
          /^(l\d+|\(?-?\d+\)?)$/.test(atom)
        ) {
          // a local or a constant, zero-extended: still a pair of atoms (comparisons on it stay pending)
          this.popInline();
          this.pushPairPure(atom, '0');
          return true;
        }
        const a = this.pop();
        if (name === 'i64.extend_i32_s') this.pushPairStmt((rl, rh) => `${rl} = ${a}; ${rh} = ${rl} >> 31;`);
        else this.pushPairLo((rl) => `${rl} = ${a};`, '0');
        return true;
      }
      case 'f64.convert_i64_s':
      case 'f64.convert_i64_u': {
        // one rounding of the exact sum: the conversion is correctly rounded
        const pending = this.isPending();
        const pp = this.popPair();
        const lo = pp[0];
        const hi = pp[1];
        const h = name === 'f64.convert_i64_s' ? hi : `(${hi} >>> 0)`;
        const e = `${h} * 4294967296 + (${lo} >>> 0)`;
        if (pending) this.pushPending(`(${e})`, false);
        else this.push(e);
        return true;
      }
    }
    return false;
  }

  private numeric(info: OperatorInfo): void {
    // a float operand of an operator that may give any NaN for a NaN needs no exact bits (`floatLoads`)
    const facts = numericFacts(info);
    this.arithPop = !facts.nanOperand;
    const n = facts.arity;
    const dyn = facts.dynResult && (this.fDyn[this.sp - 1] || (n === 2 && this.fDyn[this.sp - 2]));
    const fold = this.env.plainFloatLoads ? undefined : facts.fold;
    if (fold !== undefined) {
      // an operand the JIT may hand on as it is: the other may be a constant that folds (`FOLDS`)
      const x = this.sp - 2;
      const y = this.sp - 1;
      if (!this.cannotFold(y, fold.values)) this.foldPop.push(x);
      if (fold.at === 'both' && !this.cannotFold(x, fold.values)) this.foldPop.push(y);
    }
    // `Math.min`/`Math.max` may hand a NaN operand on as it is: with `nanBits` off it may be a signalling NaN number
    if (!this.env.nanBits && (info.name === 'f64.min' || info.name === 'f64.max'))
      this.foldPop.push(this.sp - 2, this.sp - 1);
    try {
      this.numericOp(info, facts);
    } finally {
      this.arithPop = false;
      this.foldPop.length = 0;
    }
    if (dyn) {
      this.rare[this.sp - 1] = true;
      this.fDyn[this.sp - 1] = true;
    }
  }
  /**
   * Whether the value in slot `d` cannot be, to V8's JIT, a constant among `values` (or their negative zero): a
   * load's value, arithmetic of one (`fDyn`), or a literal of another value.
   */
  private cannotFold(d: number, values: readonly number[]): boolean {
    if (this.fDyn[d]) return true;
    const e = this.pend[d];
    const v = e === null || e === undefined ? null : literalValue(e);
    return v !== null && !values.includes(v);
  }
  private numericOp(info: OperatorInfo, facts: NumericFacts): void {
    if (this.pairs && TOUCHES_I64[info.id] === 1 && this.pairNumeric(info)) return;
    if (this.pairs && facts.i64Result) {
      // the rest (division, conversions from floats, reinterpretation): the bigint template on joined
      // operands, the result split again
      const n = facts.arity;
      const args = this.popArgs(n);
      const t = n === 1 ? (facts.unary as Unary)(args[0]) : (facts.binary as Binary)(args[0], args[1]);
      this.pushBig(t);
      return;
    }
    const uc = facts.unaryCond;
    if (uc !== undefined && this.isPending()) {
      const impure = this.anyImpure(1);
      const inner = this.cond[this.sp - 1];
      const a = this.popInline();
      const c =
        info.name === 'i32.eqz' && inner
          ? `!(${inner})`
          : info.name === 'i32.eqz' && this.env.zeroTests
            ? this.zeroTest(a, '===')
            : uc(a);
      this.pushPending(`(${this.condValue(c)})`, impure, c);
      return;
    }
    const bc = facts.binaryCond;
    if (bc !== undefined && this.isPending() && this.isPending(1) && facts.linear) {
      const impure = this.anyImpure(2);
      const y = this.popInline();
      const x = this.popInline();
      const zero = this.env.zeroTests && (info.name === 'i32.eq' || info.name === 'i32.ne');
      const c =
        zero && literal(y) === 0
          ? this.zeroTest(x, info.name === 'i32.eq' ? '===' : '!==')
          : zero && literal(x) === 0
            ? this.zeroTest(y, info.name === 'i32.eq' ? '===' : '!==')
            : bc(x, y, !this.env.floatFeedback);
      this.pushPending(`(${this.condValue(c)})`, impure, c);
      return;
    }
    if (info.name === 'i32.popcnt' && this.countOperand()) return;
    const u = this.env.branchCondValues && uc !== undefined ? (a: string) => `(${this.condValue(uc(a))})` : facts.unary;
    if (u !== undefined) {
      const lin = facts.linear;
      const pending = this.isPending() && lin;
      const impure = pending && this.anyImpure(1);
      const e = u(lin ? this.popInline() : this.pop());
      // an inline fast path with the float temporary (numeric.ts: `floatBits`, `truncI32`, `f32.reinterpret_i32`)
      if (e.includes('mf') && MF.test(e)) this.usesFloatTemp = true;
      this.pushResult(e, pending, impure);
      if (facts.numberResult) this.rare[this.sp - 1] = true;
      this.fNum[this.sp - 1] = facts.numberResult;
      return;
    }
    const b =
      this.env.branchCondValues && bc !== undefined
        ? (x: string, y: string) => `(${this.condValue(bc(x, y, !this.env.floatFeedback))})`
        : facts.binary;
    if (b !== undefined) {
      const lin = facts.linear;
      const pending = this.isPending() && this.isPending(1) && lin;
      const impure = pending && this.anyImpure(2);
      const y = lin ? this.popInline() : this.pop();
      const x = lin ? this.popInline() : this.pop();
      this.pushResult(b(x, y, !this.env.floatFeedback), pending, impure);
      if (facts.numberResult) this.rare[this.sp - 1] = true;
      this.fNum[this.sp - 1] = facts.numberResult;
      return;
    }
    throw new Error(`codegen: no translation for ${info.name}`);
  }

  /** A comparison's i32 value from its JS boolean (`condValue`, or `c ? 1 : 0` with `branchCondValues`). */
  private condValue(c: string): string {
    return this.env.branchCondValues ? `${c} ? 1 : 0` : condValue(c);
  }

  /**
   * Pushes an operator's result: left pending (inlined into its consumer) when its operands were pending
   * and it cannot trap, so that `local.set 1 (i32.add (local.get 1) (i32.const 1))` is one statement.
   */
  private pushResult(expr: string, pendingOperands: boolean, impureOperands: boolean): void {
    // (a substring test first: the regular expression only where `rt` occurs)
    if (pendingOperands && expr.length < 200)
      this.pushPending(`(${expr})`, impureOperands || (expr.includes('rt') && /\brt\b/.test(expr)));
    else this.push(expr);
  }

  /**
   * Loads and stores through the factory's cached DataView (`env.memDv`), whose RangeError is the bounds
   * check. The DataView is read after the operands are evaluated: an operand that may call (and so grow
   * the memory) goes through a temporary first (`ma` for a load's address, `sa`/`sv` for a store's).
   */
  private memoryAccess(info: OperatorInfo): void {
    const env = this.env;
    const { mem, offset, align } = this.memarg();
    const dv = env.memDv(mem);
    if (this.pairs && info.name.startsWith('i64.')) {
      this.pairMemoryAccess(info, mem, offset, align, dv);
      return;
    }
    if (info.results!.length === 1) {
      const pending = this.isPending();
      const base = this.popInline();
      const word =
        MEM_LOAD[info.name]?.[0] === 'getInt32' && !mayCall(base) ? this.wordLoad(mem, base, offset, align) : null;
      let addr = this.addr(base, mem, offset, true);
      let pre = '';
      if (mayCall(addr)) {
        this.usesAddrTemp = true;
        pre = `ma = ${addr}, `;
        addr = 'ma';
      }
      let e: string;
      const width = floatAccessWidth(info.name);
      let load = -1;
      if (width !== null) {
        this.usesAddrTemp = true;
        this.usesFloatTemp = true;
        const checked = floatLoadExpr(width, dv, addr);
        load = this.floatLoads.length;
        e = `/*F${load}*/${checked}`;
        // the plain form (a NaN's bits not observed) may read the memory's Float32Array/Float64Array
        const plain =
          (pre === '' && !mayCall(base)
            ? this.wordLoad(mem, base, offset, align, width === 64 ? 'f64' : 'f32')
            : null) ?? `${dv}.getFloat${width}(${addr},1)`;
        this.floatLoads.push({
          marked: e,
          checked,
          plain,
          // an f32 load's conversion to a double quiets a signalling NaN already
          quiet: width === 64 ? `(${plain} + -0)` : plain,
          use: FLOAT_USE_KEEP,
          folds: false,
          f64: width === 64,
        });
      } else {
        const t = MEM_LOAD[info.name];
        const get = t[0];
        const wrap = t[1];
        e =
          get === 'getUint8' || get === 'getInt8'
            ? this.byteLoad(mem, get, addr)
            : word !== null && pre === ''
              ? word
              : `${dv}.${get}(${addr},1)`;
        if (wrap) e = `${wrap}(${e})`;
      }
      if (pre) e = `(${pre}${e})`;
      if (pending) this.pushPending(e, true);
      else this.push(e);
      // (a long pending expression is pushed as a statement: the slot holds the load either way)
      this.rare[this.sp - 1] = true;
      if (load >= 0) this.fLoad[this.sp - 1] = load;
      this.fDyn[this.sp - 1] = true;
      return;
    }
    // one statement evaluating the address, then the value
    const vNum = this.fNum[this.sp - 1] || this.loadedNumber(this.sp - 1);
    const vLocal = this.fLocal[this.sp - 1];
    const v = this.popInline();
    const a = this.popInline();
    const width = floatAccessWidth(info.name);
    const setter = MEM_STORE[info.name]?.[0];
    // a typed-array store's bounds test (`env.arrayStore`) needs the unsigned address
    const arrayStore =
      width === null && (setter === 'setInt8' || (setter === 'setInt32' && this.wordStore(mem, offset, align)));
    let addr = this.addr(a, mem, offset, !(arrayStore && env.byteStores));
    let val = v;
    if (width === null) {
      const narrow = MEM_STORE[info.name][1];
      if (narrow) val = `Number(BigInt.asIntN(${narrow}, ${v}))`;
    }
    let pre = '';
    if (mayCall(addr) || mayCall(val)) {
      this.usesStoreTemps = true;
      pre = `sa = ${addr}; sv = ${val}; `;
      addr = 'sa';
      val = 'sv';
    }
    // an f64 computed by arithmetic is a number: no test for a NaN kept as bits
    if (width === 64 && pre === '' && (vNum || isNumberExpr(val))) {
      this.emit(`${dv}.setFloat64(${addr},${val},1);`);
      return;
    }
    if (width !== null) {
      this.usesStoreTemps = true;
      const checked = floatStoreStmt(width, dv, addr, val);
      this.emit(`${pre}${checked}`);
      // a local's value: plain if the local only ever holds numbers (`resolveFloatStores`)
      if (width === 64 && pre === '' && vLocal >= 0)
        this.floatStores.push({
          line: this.out.length - 1,
          local: vLocal,
          checked,
          plain: `${dv}.setFloat64(${addr},${val},1);`,
        });
      return;
    }
    const indexed =
      arrayStore && setter === 'setInt32' && pre === '' ? this.indexedWordStore(mem, a, offset, val) : null;
    if (indexed !== null) this.emit(indexed);
    else if (arrayStore) this.emit(`${pre}${this.arrayStore(mem, setter as 'setInt8', addr, val)}`);
    else this.emit(`${pre}${dv}.${setter}(${addr},${val},1);`);
  }

  /**
   * Under `byteStores`, an aligned i32 store's statement indexed by words from its base (`env.wordStore`), or null
   * (a constant address, or another form). `base` (an int32 expression) and `val` have no calls; the base is read
   * once (through `ma` unless a name), then the value, in either branch (null for a long value).
   */
  private indexedWordStore(mem: MemoryIndex, base: string, offset: number, val: string): string | null {
    const env = this.env;
    if (!env.byteStores || offset % 4 !== 0) return null;
    const b = withoutToInt32(base);
    if (DIGITS.test(b)) {
      // a constant address: its word index, or the setter where it is not a multiple of 4
      const a = Number(b) + offset;
      return a % 4 === 0 ? env.constWordStore(mem, a, val) : `${env.memDv(mem)}.setInt32(${a},${val},1);`;
    }
    // a long value is read into `sv` after the address (`arrayStore`'s form): it may assign the base's local, or
    // load through `ma`
    if (val.length > STORE_VALUE_CHARS) return null;
    this.usesStoreTemps = true;
    if (NAME.test(b)) return env.wordStore(mem, b, b, offset, val);
    this.usesAddrTemp = true;
    return env.wordStore(mem, `ma = ${b}`, 'ma', offset, val);
  }

  /** Whether an i32 store at `offset` declared aligned to `align` (log2) may take the Int32Array (`env.arrayStore`). */
  private wordStore(mem: MemoryIndex, offset: number, align: number): boolean {
    return align >= 2 && offset % 4 === 0 && !this.env.module.memories[mem].index64;
  }

  /**
   * A byte or word store's statement through the environment's form (`env.arrayStore`), which reads the address twice
   * and the value in one of two branches: an address that is not a plain name or number goes through `sa` first, and
   * a value longer than a short expression through `sv` (after the address: the operands' order of evaluation).
   * `addr` and `val` have no calls (the caller puts such operands in `sa`/`sv`).
   */
  private arrayStore(mem: MemoryIndex, set: 'setInt8' | 'setInt32', addr: string, val: string): string {
    const env = this.env;
    if (!env.byteStores) return env.arrayStore(mem, set, addr, addr, val);
    if (/^\w+$/.test(addr)) {
      if (val.length <= STORE_VALUE_CHARS) return env.arrayStore(mem, set, addr, addr, val);
      this.usesStoreTemps = true;
      return `sv = ${val}; ${env.arrayStore(mem, set, addr, addr, 'sv')}`;
    }
    this.usesStoreTemps = true;
    if (val.length <= STORE_VALUE_CHARS) return env.arrayStore(mem, set, `sa = ${addr}`, 'sa', val);
    return `sa = ${addr}; sv = ${val}; ${env.arrayStore(mem, set, 'sa', 'sa', 'sv')}`;
  }

  /**
   * i64 loads and stores on pairs: two 32-bit accesses (or one for the narrow ones). A store writes the
   * high word first: if the access does not fit, the high word's range is the one that fails, before
   * anything is written.
   */
  private pairMemoryAccess(info: OperatorInfo, mem: MemoryIndex, offset: number, align: number, dv: string): void {
    const name = info.name;
    const simple = (a: string) => SIMPLE_PAIR_ADDRESS.test(a);
    if (info.results!.length === 1) {
      const base = this.popInline();
      // the typed-array form where the base is a name or a constant (an i64.load's two words: aligned to 4 is enough)
      const b = withoutToInt32(base);
      if (
        (name === 'i64.load' || name === 'i64.load32_s' || name === 'i64.load32_u') &&
        (DIGITS.test(b) || /^\w+$/.test(b))
      ) {
        const lo = this.wordLoad(mem, b, offset, align);
        const hi = name === 'i64.load' ? this.wordLoad(mem, b, offset + 4, align) : null;
        if (lo !== null && (hi !== null || name !== 'i64.load')) {
          if (name === 'i64.load32_u') this.pushPairLo((rl) => `${rl} = ${lo};`, '0');
          else if (name === 'i64.load32_s') this.pushPairStmt((rl, rh) => `${rl} = ${lo}; ${rh} = ${rl} >> 31;`);
          // hi first: the base may be the slot that `rl` is
          else this.pushPairStmt((rl, rh) => `${rh} = ${hi}; ${rl} = ${lo};`);
          return;
        }
      }
      let addr = this.addr(base, mem, offset);
      let addr4 = this.addr(base, mem, offset + 4);
      let pre = '';
      if (!simple(addr)) {
        this.usesAddrTemp = true;
        pre = `ma = ${addr}; `;
        addr = 'ma';
        addr4 = 'ma+4';
      }
      const get = (m: string, a: string) =>
        m === 'getUint8' || m === 'getInt8' ? this.byteLoad(mem, m, a) : `${dv}.${m}(${a},1)`;
      const unsigned = PAIR_UNSIGNED_LOADS[name];
      if (unsigned !== undefined) {
        this.pushPairLo((rl) => `${pre}${rl} = ${get(unsigned, addr)};`, '0');
        return;
      }
      this.pushPairStmt((rl, rh) => {
        switch (name) {
          case 'i64.load':
            // hi first: the address may read the slot that `rl` is (an address computed into this slot)
            return `${pre}${rh} = ${get('getInt32', addr4)}; ${rl} = ${get('getInt32', addr)};`;
          case 'i64.load8_s':
            return `${pre}${rl} = ${get('getInt8', addr)}; ${rh} = ${rl} >> 31;`;
          case 'i64.load8_u':
            return `${pre}${rl} = ${get('getUint8', addr)}; ${rh} = 0;`;
          case 'i64.load16_s':
            return `${pre}${rl} = ${get('getInt16', addr)}; ${rh} = ${rl} >> 31;`;
          case 'i64.load16_u':
            return `${pre}${rl} = ${get('getUint16', addr)}; ${rh} = 0;`;
          case 'i64.load32_s':
            return `${pre}${rl} = ${get('getInt32', addr)}; ${rh} = ${rl} >> 31;`;
          default:
            return `${pre}${rl} = ${get('getInt32', addr)}; ${rh} = 0;`;
        }
      });
      return;
    }
    const pp = this.popPair();
    const vl = pp[0];
    const vh = pp[1];
    const base = this.popInline();
    let addr = this.addr(base, mem, offset);
    let addr4 = this.addr(base, mem, offset + 4);
    let pre = '';
    if (!simple(addr)) {
      this.usesStoreTemps = true;
      pre = `sa = ${addr}; `;
      addr = 'sa';
      addr4 = 'sa+4';
    }
    const set = (m: string, a: string, v: string) => `${dv}.${m}(${a},${v},1);`;
    switch (name) {
      case 'i64.store': {
        // under jitless V8 (`byteStores`), an aligned store's two words through the Int32Array (`env.pairStore`)
        const b = withoutToInt32(base);
        if (
          this.env.byteStores &&
          this.wordStore(mem, offset, align) &&
          !DIGITS.test(b) &&
          PAIR_VALUE.test(vl) &&
          PAIR_VALUE.test(vh)
        ) {
          this.usesStoreTemps = true;
          if (NAME.test(b)) this.emit(this.env.pairStore(mem, b, b, offset, vl, vh));
          else {
            this.usesAddrTemp = true;
            this.emit(this.env.pairStore(mem, `ma = ${b}`, 'ma', offset, vl, vh));
          }
        } else this.emit(`${pre}${set('setInt32', addr4, vh)} ${set('setInt32', addr, vl)}`);
        return;
      }
      case 'i64.store8':
        this.emit(`${pre}${this.arrayStore(mem, 'setInt8', addr, vl)}`);
        return;
      case 'i64.store16':
        this.emit(`${pre}${set('setInt16', addr, vl)}`);
        return;
      default: {
        const indexed =
          this.wordStore(mem, offset, align) && pre === '' ? this.indexedWordStore(mem, base, offset, vl) : null;
        if (indexed !== null) this.emit(indexed);
        else if (this.wordStore(mem, offset, align)) this.emit(`${pre}${this.arrayStore(mem, 'setInt32', addr, vl)}`);
        else this.emit(`${pre}${set('setInt32', addr, vl)}`);
      }
    }
  }

  /** Emits a tail call: a TailCall request returned to the trampoline of this function's wrapper. */
  private tailCall(callee: string, args: string[]): void {
    this.usesTail = true;
    this.emit(`${RET} new H.TailCall(${callee}, ${this.env.rt('tuple')}(${args.join(', ')}));`);
  }

  /** Drops the line opening a block and re-indents its body (for short bodies; long ones keep their indent). */
  private unwrap(openLine: number): void {
    const out = this.out;
    out[openLine] = DROPPED;
    if (out.length - openLine < 500)
      for (let i = openLine + 1; i < out.length; i++) if (out[i].startsWith('  ')) out[i] = out[i].slice(2);
  }

  /** `end`: closes the current frame; true when it closed the function. */
  private end(): boolean {
    const f = this.ctrl.pop() as Frame;
    if (f === this.island) this.island = null;
    const env = this.env;
    if (f.kind === K.Func) {
      if (this.sp !== f.nResults) {
        // after an unconditional branch: this return is dead code
        this.materializeAll();
        this.setSp(f.nResults);
      }
      this.returnInline(f.nResults);
      return true;
    }
    if (f.caseId >= 0) {
      this.endFlat(f);
      if (this.region !== null && this.region.frame === f) this.closeRegion();
      this.setSpTo(f.height, f.rw);
      if (this.sp > this.maxSp) this.maxSp = this.sp;
      return false;
    }
    this.nest(-1);
    switch (f.kind) {
      case K.Block:
      case K.Loop:
        if (f.innerLine >= 0) {
          this.nest(-1);
          if (!f.targeted) {
            // nothing branches here: the checks and the body run inline
            this.out[f.openLine] = DROPPED;
            this.out[f.innerLine] = DROPPED;
            break;
          }
          this.emit(`    break P${f.label};`);
          this.emit('  }');
          this.emit('}');
          break;
        }
        if (!f.targeted) {
          // nothing branches here: the body runs inline
          this.unwrap(f.openLine);
          break;
        }
        if (f.kind === K.Loop) this.emit(`  break ${f.label};`);
        this.emit('}');
        break;
      case K.If:
        this.emit('}');
        // nothing branches here: the label goes
        if (!f.targeted) this.out[f.openLine] = this.out[f.openLine].replace(`${f.label}: `, '');
        break;
      case K.Try:
        this.emit(`} catch (${f.exVar}) {`);
        this.emit(`  throw ${f.exVar};`);
        this.emit('}');
        break;
      case K.Catch:
        if (f.catchAll) this.emit('}');
        else this.emit(`} else throw ${f.exVar};`);
        this.nest(-1);
        this.emit('}');
        break;
      case K.TryTable: {
        const e = `e${f.label}`;
        this.emit(`} catch (${e}) {`);
        this.emit(`  if (!(${e} instanceof ${env.exceptionClass()})) throw ${e};`);
        if (env.legacyExceptions) {
          this.usesHandlers = true;
          this.emit(`  if (dlg >= 0 && dlg < ${f.index}) throw ${e}; dlg = -1;`);
        }
        this.emitReload('  ');
        for (const c of f.catches ?? []) {
          // catch labels count from the frame enclosing the try_table (already popped)
          const target = this.frameAt(c.label);
          const vals: string[] = [];
          if (c.kind < 2) {
            const tt = env.typeAt(env.module.tags[c.tag].typeIndex);
            for (let i = 0; i < tt.params.length; i++) vals.push(`${e}.values[${i}]`);
          }
          if (c.kind === 1 || c.kind === 3) vals.push(e);
          const jump = this.branchValues(target, vals);
          if (c.tag !== -1) {
            this.emit(`  if (${e}.tag === ${env.tag(c.tag)}) {`);
            this.emitLines(jump.map((l) => `    ${l}`));
            this.emit('  }');
          } else {
            this.emitLines(jump.map((l) => `  ${l}`));
          }
        }
        this.emit(`  throw ${e};`);
        this.emit('}');
        break;
      }
    }
    this.setSpTo(f.height, f.rw);
    if (this.sp > this.maxSp) this.maxSp = this.sp;
    return false;
  }

  /** `end` of a frame in a flat region. */
  private endFlat(f: Frame): void {
    const env = this.env;
    switch (f.kind) {
      case K.Block:
        if (f.targeted) this.emitCase(f.caseId);
        break;
      case K.Loop:
        if (!f.targeted) {
          this.out[f.openLine] = DROPPED;
          if (f.innerLine >= 0) this.out[f.innerLine] = DROPPED;
        }
        break;
      case K.If:
        if (f.altCase >= 0) this.emitCase(f.altCase);
        if (f.targeted) this.emitCase(f.caseId);
        break;
      case K.TryTable: {
        const g = this.region as Region;
        // the body completed: its handler is no longer in effect
        this.curHs = f.hs;
        this.emit(`hs = ${f.hs};`);
        if (f.targeted) this.emitCase(f.caseId);
        // the handler, in the dispatch: it branches to a catch label or passes the exception to the one around
        const e = `e${g.label}`;
        const lines = [`case ${f.handler}:`];
        if (env.legacyExceptions) {
          this.usesHandlers = true;
          lines.push(`  if (dlg >= 0 && dlg < ${f.index}) { hs = ${f.hs}; continue H${g.label}; } dlg = -1;`);
        }
        this.curHs = -2; // the dispatch sets `hs` before each jump
        for (const c of f.catches ?? []) {
          // catch labels count from the frame enclosing the try_table (already popped)
          const target = this.frameAt(c.label);
          const vals: string[] = [];
          if (c.kind < 2) {
            const tt = env.typeAt(env.module.tags[c.tag].typeIndex);
            for (let i = 0; i < tt.params.length; i++) vals.push(`${e}.values[${i}]`);
          }
          if (c.kind === 1 || c.kind === 3) vals.push(e);
          const jump = this.branchValues(target, vals).join(' ');
          lines.push(c.tag !== -1 ? `  if (${e}.tag === ${env.tag(c.tag)}) { ${jump} }` : `  ${jump}`);
        }
        this.curHs = f.hs;
        lines.push(`  hs = ${f.hs}; continue H${g.label};`);
        g.handlers[f.handler] = lines.join('\n    ');
        break;
      }
    }
  }

  /** The condition under which a loop's back edge goes to its poll loop (empty without fuel and epochs). */
  /**
   * Before a loop with epoch checks: its header reads the epoch on entry, as after a call (`ec = -1`), so that
   * every loop's poll (a load of the counter and of the deadline, and their comparison) runs the first time the loop
   * is entered, before V8 optimizes the function, and gets type feedback there. Without it a poll ran where the
   * countdown of 1,024 back edges happened to run out, in one loop of many: a load optimized code had never run,
   * which deoptimized the function ("Insufficient type feedback for generic keyed access"; spectralnorm's `f0`
   * compiled 13 times, README.md "Fuel and epochs in locals").
   */
  private pollOnEntry(): string {
    return 'ec = -1;';
  }

  private due(): string {
    const t = this.env.tunables;
    const fuel = t.consumeFuel ? 'fu >= fq' : '';
    const epoch = t.epochInterruption ? '--ec < 0' : '';
    return fuel && epoch ? `${fuel} || ${epoch}` : fuel || epoch;
  }

  // ---- 0xfc: saturating truncation, bulk memory, tables ----
  private misc(sub: number): void {
    const r = this.r;
    const env = this.env;
    const info = operatorFor(0xfc, sub) as OperatorInfo;
    if (sub < 8) {
      this.numeric(info);
      return;
    }
    switch (info.name) {
      case 'memory.init': {
        const seg = r.u32();
        const mem = r.u32() as MemoryIndex;
        const [d, s, n] = this.popArgs(3);
        this.emit(`${env.rt('memoryInit')}(vmctx, ${env.memory(mem)}, ${seg}, ${d}, ${s}, ${n});`);
        return;
      }
      case 'data.drop':
        this.emit(`${env.rt('dataDrop')}(vmctx, ${r.u32()});`);
        return;
      case 'memory.copy': {
        const dm = r.u32() as MemoryIndex;
        const sm = r.u32() as MemoryIndex;
        const [d, s, n] = this.popArgs(3);
        this.emit(`${env.rt('memoryCopy')}(${env.memory(dm)}, ${env.memory(sm)}, ${d}, ${s}, ${n});`);
        return;
      }
      case 'memory.fill': {
        const mem = r.u32() as MemoryIndex;
        const [d, v, n] = this.popArgs(3);
        this.emit(`${env.rt('memoryFill')}(${env.memory(mem)}, ${d}, ${v}, ${n});`);
        return;
      }
      case 'table.init': {
        const seg = r.u32();
        const table = r.u32() as TableIndex;
        const [d, s, n] = this.popArgs(3);
        this.emit(`${env.rt('tableInit')}(vmctx, ${env.table(table)}, ${seg}, ${d}, ${s}, ${n});`);
        return;
      }
      case 'elem.drop':
        this.emit(`${env.rt('elemDrop')}(vmctx, ${r.u32()});`);
        return;
      case 'table.copy': {
        const dt = r.u32() as TableIndex;
        const st = r.u32() as TableIndex;
        const [d, s, n] = this.popArgs(3);
        this.emit(`${env.rt('tableCopy')}(${env.table(dt)}, ${env.table(st)}, ${d}, ${s}, ${n});`);
        return;
      }
      case 'table.grow': {
        const table = r.u32() as TableIndex;
        const [v, n] = this.popArgs(2);
        const grow = `${env.rt('tableGrow')}(${env.table(table)}, ${v}, ${n})`;
        if (env.module.tables[table].type.index64) this.hooked(() => this.pushBig(grow));
        else this.hooked(() => this.push(grow));
        return;
      }
      case 'table.size': {
        const table = r.u32() as TableIndex;
        const e = `${env.table(table)}.elements.length`;
        if (env.module.tables[table].type.index64) this.pushBig(`BigInt(${e})`);
        else this.push(`${e} | 0`);
        return;
      }
      case 'table.fill': {
        const table = r.u32() as TableIndex;
        const [i, v, n] = this.popArgs(3);
        this.emit(`${env.rt('tableFill')}(${env.table(table)}, ${i}, ${v}, ${n});`);
        return;
      }
      case 'i64.add128':
      case 'i64.sub128': {
        const [al, ah, bl, bh] = this.popArgs(4);
        const o = info.name === 'i64.add128' ? '+' : '-';
        const t = this.temp();
        this.emit(
          `${t} = ((BigInt.asUintN(64, ${ah}) << 64n) | BigInt.asUintN(64, ${al})) ${o} ((BigInt.asUintN(64, ${bh}) << 64n) | BigInt.asUintN(64, ${bl}));`,
        );
        this.pushBig(`BigInt.asIntN(64, ${t})`);
        this.pushBig(`BigInt.asIntN(64, ${t} >> 64n)`);
        this.temps--;
        return;
      }
      case 'i64.mul_wide_s':
      case 'i64.mul_wide_u': {
        const [a, b] = this.popArgs(2);
        const t = this.temp();
        this.emit(
          info.name === 'i64.mul_wide_s'
            ? `${t} = ${a} * ${b};`
            : `${t} = BigInt.asUintN(64, ${a}) * BigInt.asUintN(64, ${b});`,
        );
        this.pushBig(`BigInt.asIntN(64, ${t})`);
        this.pushBig(`BigInt.asIntN(64, ${t} >> 64n)`);
        this.temps--;
        return;
      }
    }
    throw new Error(`codegen: no translation for ${info.name}`);
  }

  // ---- 0xfe: threads (src/atomics.ts) ----
  private atomic(sub: number): void {
    const info = operatorFor(0xfe, sub) as OperatorInfo;
    if (info.imm === Imm.Zero) {
      this.r.u8(); // atomic.fence: nothing to emit (src/atomics.ts)
      return;
    }
    const { mem, offset } = this.memarg();
    const [a, ...args] = this.popArgs((info.params as ValType[]).length);
    const env = this.env;
    const call = atomicCall(info, (name) => env.rt(name), env.memory(mem), this.addr(a, mem, offset), args);
    const result = (info.results as ValType[])[0];
    if (result === undefined) this.emit(`${call};`);
    else if (result === I64) this.pushBig(call);
    else this.push(call);
  }

  // ---- 0xfd: SIMD on four int32 lanes (src/lanes.ts, src/lane-helpers.ts) ----
  private simd(sub: number): void {
    const r = this.r;
    const env = this.env;
    const info = operatorFor(0xfd, sub) as OperatorInfo;
    const name = info.name;
    switch (info.imm) {
      case Imm.V128: {
        const range = r.skip(16);
        const dv = new DataView(env.module.bytes.buffer, env.module.bytes.byteOffset + range.start, 16);
        const lanes = [0, 4, 8, 12].map((o) => signed(String(dv.getInt32(o, true))));
        this.pushQuadPure(lanes as unknown as Lanes);
        return;
      }
      case Imm.MemArg:
      case Imm.MemArgLane: {
        const { mem, offset } = this.memarg();
        this.simdMemory(name, mem, offset, info.imm === Imm.MemArgLane ? r.u8() : 0);
        return;
      }
    }
    const fop = F32_VALUE_OPS[name];
    if (fop !== undefined) {
      // f32 lanes as numbers: no conversion between consecutive f32 operators
      const n = (info.params as ValType[]).length;
      const ops: Lanes[] = [];
      for (let i = 0; i < n; i++) ops.unshift(fop.input === 'value' ? this.popQuadValues() : this.popQuad());
      const h = (x: string) => env.hoist('hv', `H.${x}`);
      this.pushQuadStmt((res) =>
        res.map((x, i) => `${x} = ${fop.lane(ops[0][i], ops[1]?.[i] ?? '', ops[2]?.[i] ?? '', h)};`).join(' '),
      );
      this.rare[this.sp - 1] = true;
      this.fval[this.sp - 1] = fop.value;
      this.fArith[this.sp - 1] = fop.value;
      this.mask32[this.sp - 1] = MASK32_OPS.has(name);
      return;
    }
    if ((name === 'f32x4.pmin' || name === 'f32x4.pmax') && this.numberSelect(name === 'f32x4.pmin' ? '<' : '>'))
      return;
    const imm: number[] = [];
    if (info.imm === Imm.Lane) imm.push(r.u8());
    else if (info.imm === Imm.Shuffle) for (let i = 0; i < 16; i++) imm.push(r.u8());
    if (name === 'i8x16.shuffle' && this.wordShuffle(imm)) return;
    if (name === 'v128.and' && this.maskAndConst()) return;
    if (name === 'v128.bitselect' && this.maskSelect()) return;
    if (name === 'f32x4.replace_lane' && this.f32ReplaceLane(imm[0])) return;
    if (name === 'f32x4.extract_lane' && this.fval[this.sp - 1]) {
      // a lane of f32 numbers is the f32 scalar (no conversion to bits and back)
      const pending = this.allPending(1);
      const q = this.popQuadValues();
      if (pending) this.pushPending(q[imm[0]], false);
      else this.push(q[imm[0]]);
      return;
    }
    const params = info.params as ValType[];
    const topBits = this.msbOperand(name);
    // the operands, popped from the top: v128s as lane atoms, scalars as atoms (an i64 as its pair)
    const pending = this.allPending(params.length);
    // a bitwise operator of masks whose words are each 0 or -1 gives such a mask too
    const masks = MASK32_BITWISE.has(name) && params.every((_, i) => this.mask32[this.sp - 1 - i] === true);
    const v: Lanes[] = [];
    const sc: string[] = [];
    for (let i = params.length - 1; i >= 0; i--) {
      const t = params[i];
      if (t === V128) v.unshift(this.popQuad());
      else if (this.isWide(t)) sc.unshift(...this.popPair());
      else sc.unshift(this.scalarAtom());
    }
    const o: QuadOperands = {
      v,
      s: sc,
      imm,
      h: (n) => env.hoist('hv', `H.${n}`),
      hCapped: (family, call, limit) => env.hoistCapped('hv', family, `H.${call}`, limit),
    };
    const result = (info.results as ValType[])[0];
    if (result === V128) {
      const t = QUAD_OPS[name];
      if (t !== undefined) {
        if (name.startsWith('i64x2.')) {
          this.usesPairTemps = true;
          this.usesMulTemps = true;
        }
        let full = '';
        this.pushQuadStmt((res) => {
          // a template may write its result directly when it is lane-wise or reads no variable of the result slot
          if (t.lanewise || !v.some((q) => q.some((x) => res.includes(x)))) full = this.laneTempsOf(t.code(o, res));
          else {
            const w: Lanes = ['w0', 'w1', 'w2', 'w3'];
            full = this.laneTempsOf(`${t.code(o, w)} ${res.map((x, i) => `${x} = ${w[i]};`).join(' ')}`);
          }
          return full;
        });
        if (masks || MASK32_OPS.has(name)) this.mask32[this.sp - 1] = true;
        if (t.msb !== undefined && t.lanewise) {
          const d = this.sp - 1;
          const msb = this.laneTempsOf(t.msb.code(o, laneNames(`s${d}`)));
          this.rare[d] = true;
          this.msbForm[d] = { line: this.out.length - 1, full, msb, bits: t.msb.bits };
        }
        // a shuffle whose four result words take the same bytes: a splat of a word, half-word or byte
        if (name === 'i8x16.shuffle' && imm.every((x, k) => (x & 31) === (imm[k & 3] & 31))) this.markSame();
        return;
      }
      if (name === 'f32x4.splat') {
        // the scalar's bits, or the scalar itself for a first consumer that wants numbers (`lazyForm`)
        const form = (e: string, r: Lanes) => `vt = ${e}; ${r.map((v) => `${v} = vt;`).join(' ')}`;
        const bits = `${o.h('f32Bits')}(${sc[0]})`;
        this.laneTemps.add('vt');
        this.pushQuadStmt((r) => form(bits, r));
        const r = laneNames(`s${this.sp - 1}`);
        this.rare[this.sp - 1] = true;
        this.lazyForm[this.sp - 1] = [{ line: this.out.length - 1, bits: form(bits, r), float: form(sc[0], r) }];
        this.markSame();
        return;
      }
      const k = sc.length === 1 ? literal(sc[0]) : null;
      if (k !== null && (name === 'i8x16.splat' || name === 'i16x8.splat' || name === 'i32x4.splat')) {
        // a splat of a constant is a constant (its folded forms: `lt` in src/lanes.ts)
        const w =
          name === 'i32x4.splat'
            ? k | 0
            : Math.imul(k & (name === 'i8x16.splat' ? 255 : 65535), name === 'i8x16.splat' ? 0x01010101 : 0x10001);
        const atom = signed(String(w));
        this.pushQuadPure([atom, atom, atom, atom]);
        return;
      }
      const lane = this.laneMove(name, o);
      if (lane !== null) {
        this.pushQuadStmt((res) => this.laneTempsOf(lane(res)));
        if (name === 'i8x16.splat' || name === 'i16x8.splat' || name === 'i32x4.splat') this.markSame();
        return;
      }
      throw new Error(`codegen: no translation for ${name}`);
    }
    const a = v[0];
    const q = QUAD_SCALAR[name];
    if (q !== undefined) {
      // any_true of a compare's top bits: any top bit set (a compare's lanes are all ones or zero)
      const e =
        name === 'v128.any_true' && topBits !== 0
          ? `((${a.join(' | ')}) & ${topBits === 8 ? -2139062144 : -2147450880}) !== 0`
          : q.expr(a);
      if (!q.cond) {
        this.pushResult(e, pending, false);
        const count = QUAD_SCALAR_COUNT[name];
        if (count !== undefined) {
          const d = this.sp - 1;
          const assigned = this.pend[d] === null;
          this.rare[d] = true;
          this.countForm[d] = assigned
            ? { line: this.out.length - 1, full: e, count: count(a) }
            : { line: -1, full: `(${e})`, count: `(${count(a)})` };
        }
      } else if (pending) this.pushPending(`(${this.condValue(e)})`, false, e);
      else this.push(this.condValue(e));
      return;
    }
    const n = imm[0];
    const val = (e: string) => (pending ? this.pushPending(e, false) : this.push(e));
    switch (name) {
      case 'i8x16.extract_lane_s':
        val(`((${a[n >> 2]} << ${24 - 8 * (n & 3)}) >> 24)`);
        return;
      case 'i8x16.extract_lane_u':
        val(`((${a[n >> 2]} >>> ${8 * (n & 3)}) & 255)`);
        return;
      case 'i16x8.extract_lane_s':
        val(n & 1 ? `(${a[n >> 1]} >> 16)` : `((${a[n >> 1]} << 16) >> 16)`);
        return;
      case 'i16x8.extract_lane_u':
        val(n & 1 ? `(${a[n >> 1]} >>> 16)` : `(${a[n >> 1]} & 65535)`);
        return;
      case 'i32x4.extract_lane':
        val(a[n]);
        return;
      case 'f32x4.extract_lane':
        val(`${o.h('f32FromBits')}(${a[n]})`);
        return;
      case 'f64x2.extract_lane':
        val(`${o.h('f64FromLanes')}(${a[2 * n]}, ${a[2 * n + 1]})`);
        return;
      case 'i64x2.extract_lane':
        if (!this.pairs) this.push(`H.j(${a[2 * n]}, ${a[2 * n + 1]})`);
        else if (pending) this.pushPairPure(a[2 * n], a[2 * n + 1]);
        else this.pushPairStmt((rl, rh) => `${rl} = ${a[2 * n]}; ${rh} = ${a[2 * n + 1]};`);
        return;
    }
    throw new Error(`codegen: no translation for ${name}`);
  }

  /**
   * `f32x4.pmin`/`pmax` (`b op a ? b : a`, lane by lane) on operands that are f32 results (`fArith`) or constants that
   * are not NaN: the numbers compared and the selected one kept as it is, no conversion either way; exact, since
   * such an operand's bits are those of its number (an f32 result's bits are defined by `fb`, a constant's are
   * exact). The result is f32 results too. False for any other operand (a local's or a load's numbers come from bits
   * by a conversion that quiets a signalling NaN, which pmin must hand on as it is): the bit template then.
   */
  private numberSelect(op: '<' | '>'): boolean {
    if (!this.exactNumbers(this.sp - 1) || !this.exactNumbers(this.sp - 2)) return false;
    const b = this.popQuadValues();
    const a = this.popQuadValues();
    this.pushQuadStmt((r) => {
      const line = r.map((x, i) => `${x} = ${b[i]} ${op} ${a[i]} ? ${b[i]} : ${a[i]};`).join(' ');
      // a result variable that is an operand lane read later is written after the reads: through w0..w3
      if (!r.some((x, i) => [...a.slice(i + 1), ...b.slice(i + 1)].includes(x))) return line;
      const w: Lanes = ['w0', 'w1', 'w2', 'w3'];
      return this.laneTempsOf(
        `${w.map((x, i) => `${x} = ${b[i]} ${op} ${a[i]} ? ${b[i]} : ${a[i]};`).join(' ')} ${r.map((x, i) => `${x} = ${w[i]};`).join(' ')}`,
      );
    });
    this.rare[this.sp - 1] = true;
    this.fval[this.sp - 1] = true;
    this.fArith[this.sp - 1] = true;
    return true;
  }

  /**
   * Whether quad slot `d` holds f32 numbers whose bits are by definition those `fb` gives them, so that selecting
   * among them and converting the choice gives the bits a bitwise selection would: an f32 operator's results
   * (`fArith`), a v128 local held only as numbers (its bits are converted from them wherever they are read:
   * `floatLocals`), or constants that are not NaN. Not a load's numbers or a local's kept in both forms: those come
   * from bits by a conversion that quiets a signalling NaN.
   */
  private exactNumbers(d: number): boolean {
    if (this.fval[d]) {
      const local = this.pendLocal[d];
      return local >= 0 ? this.floatLocals?.get(local) === false : this.fArith[d];
    }
    const q = this.pendQ[d];
    return (
      q !== null &&
      q !== undefined &&
      this.pendLocal[d] < 0 &&
      q.every((x) => {
        const n = literal(x);
        return n !== null && !Number.isNaN(new Float32Array(new Int32Array([n]).buffer)[0]);
      })
    );
  }

  /**
   * `v128.bitselect(a, b, m)` by a mask whose 32-bit words are each 0 or -1 (`mask32`: a compare's) of two operands
   * held as exact f32 numbers (`exactNumbers`): a selection of numbers lane by lane, `m ? a : b`, whose result is
   * f32 numbers too, so neither operand is converted to bits nor the result back to numbers (rapier's
   * NaN-propagating `max`, `bitselect(pmax(x, c), x, x != x)`, and its clamps). False otherwise: the bit template.
   */
  private maskSelect(): boolean {
    const [m, b, a] = [this.sp - 1, this.sp - 2, this.sp - 3];
    if (!this.mask32[m] || !this.exactNumbers(b) || !this.exactNumbers(a)) return false;
    const mask = this.popQuad();
    const y = this.popQuadValues();
    const x = this.popQuadValues();
    const pick = (i: number) => `${mask[i]} ? ${x[i]} : ${y[i]}`;
    this.pushQuadStmt((r) => {
      // a result variable that is an operand lane read later is written after the reads: through w0..w3
      if (!r.some((v, i) => [...x.slice(i + 1), ...y.slice(i + 1), ...mask.slice(i + 1)].includes(v)))
        return r.map((v, i) => `${v} = ${pick(i)};`).join(' ');
      const w: Lanes = ['w0', 'w1', 'w2', 'w3'];
      return this.laneTempsOf(
        `${w.map((v, i) => `${v} = ${pick(i)};`).join(' ')} ${r.map((v, i) => `${v} = ${w[i]};`).join(' ')}`,
      );
    });
    this.rare[this.sp - 1] = true;
    this.fval[this.sp - 1] = true;
    this.fArith[this.sp - 1] = true;
    return true;
  }

  /**
   * `i8x16.shuffle` moving whole 32-bit words: the lanes are moved as they are held. Lanes of one v128 local stay
   * pending (reordered), so an f32 consumer reads the local's numbers; f32 numbers stay numbers. False for any
   * other shuffle, or operands held otherwise (the byte template then works on bits).
   */
  private wordShuffle(imm: number[]): boolean {
    const w: number[] = [];
    for (let i = 0; i < 4; i++) {
      const s = imm[4 * i] & 31;
      if ((s & 3) !== 0) return false;
      for (let j = 1; j < 4; j++) if ((imm[4 * i + j] & 31) !== s + j) return false;
      w.push(s >> 2);
    }
    const slots = [this.sp - 2, this.sp - 1];
    const used = [w.some((x) => x < 4), w.some((x) => x >= 4)];
    for (const k of [0, 1]) {
      const x = slots[k];
      const local = this.pendLocal[x];
      if (used[1 - k] || local < 0) continue;
      const atoms = this.pendQ[x] as Lanes;
      const perm0 = this.pendPerm[x];
      const fval = this.fval[x];
      this.discardQuad();
      this.discardQuad();
      this.pushQuadPure(w.map((y) => atoms[y & 3]) as unknown as Lanes);
      const d = this.sp - 1;
      this.rare[d] = true;
      this.pendLocal[d] = local;
      this.pendGet[d] = this.pendGet[x];
      this.pendPerm[d] = w.map((y) => (perm0 ? perm0[y & 3] : y & 3));
      this.fval[d] = fval;
      return true;
    }
    if ((used[0] && !this.fval[slots[0]]) || (used[1] && !this.fval[slots[1]])) return false;
    const b = this.discardQuad();
    const a = this.discardQuad();
    const src = [...a, ...b];
    const lanes = w.map((y) => src[y]);
    this.pushQuadStmt((r) => {
      if (!lanes.some((x) => r.includes(x))) return r.map((v, i) => `${v} = ${lanes[i]};`).join(' ');
      const t: Lanes = ['w0', 'w1', 'w2', 'w3'];
      return this.laneTempsOf(
        `${t.map((v, i) => `${v} = ${lanes[i]};`).join(' ')} ${r.map((v, i) => `${v} = ${t[i]};`).join(' ')}`,
      );
    });
    this.rare[this.sp - 1] = true;
    this.fval[this.sp - 1] = true;
    if (w.every((y) => y === w[0])) this.markSame();
    return true;
  }
  /**
   * `f32x4.replace_lane` of a v128 computed in a form that can be f32 numbers (`lazyForm`: a load or splat not yet
   * consumed, or such a replacement) or computed as f32 numbers: its result has both forms too (the lane's bits by
   * `f32Bits`, the other lanes' by `fb` when they were numbers; or the scalar as it is), so a vector gathered from
   * f32 scalars (a splat or load, then replacements) that an f32 operator reads is never converted. False for other
   * operands (the lane template then).
   */
  private f32ReplaceLane(n: number): boolean {
    const d = this.sp - 2;
    const lazy = this.lazyForm[d];
    const fval = this.fval[d];
    if (!this.quad[d] || this.pendQ[d] !== null || (!fval && (lazy === null || lazy === undefined))) return false;
    const x = this.scalarAtom();
    const r = laneNames(`s${d}`);
    const fb = this.env.hoist('hv', 'H.fb');
    const others = fval ? r.flatMap((v, i) => (i === n ? [] : [`${v} = ${fb}(${v});`])) : [];
    const bits = [...others, `${r[n]} = ${this.env.hoist('hv', 'H.f32Bits')}(${x});`].join(' ');
    this.discardQuad();
    this.pushQuadStmt(() => bits);
    this.rare[d] = true;
    this.lazyForm[d] = [...(fval ? [] : (lazy ?? [])), { line: this.out.length - 1, bits, float: `${r[n]} = ${x};` }];
    return true;
  }
  /**
   * Pushes a v128 load's result as lane bits (`form('getInt32', lanes)`), with its f32 form (`getFloat32`) recorded
   * for a first consumer that wants numbers (`lazyForm`).
   */
  private pushLazyLoad(pre: string, form: (method: string, r: Lanes) => string, reuse?: LaneReuse): void {
    this.pushQuadStmt((r) => `${pre}${form('getInt32', r)}`);
    const r = laneNames(`s${this.sp - 1}`);
    this.rare[this.sp - 1] = true;
    this.lazyForm[this.sp - 1] = [
      {
        line: this.out.length - 1,
        bits: form('getInt32', r),
        float: form('getFloat32', r),
        reuse: reuse === undefined ? undefined : { ...reuse, r },
      },
    ];
  }

  /**
   * The f32 form of a `v128.load` line, taking lanes 0..2 from the temporaries of lanes that loads earlier in the same
   * straight-line run read afresh at the same address (the same base local, unchanged, and constant): a sliding
   * window (autovec-f32's 32-tap filter reads each word four times, 75 -> 61-68 ms of CPU per run). Lane 3 is always
   * read, first: two such addresses differ only if exactly one of `base + c` wraps past 2^32, and then one of the two
   * loads is within 12 bytes of 2^32, so its lane 3 ends past any 32-bit memory and traps before a lane is taken.
   */
  private reuseFloatLanes(line: number, u: LaneReuse): string {
    const r = u.r as Lanes;
    const parts: string[] = [];
    for (const j of [3, 2, 1, 0]) {
      const key = `${u.key}|${u.t0 + 4 * j}`;
      const e = this.floatLanes.get(key);
      if (j < 3 && e !== undefined && e.epoch === u.epoch && e.line < line) {
        const t = this.floatLaneTemp(e);
        if (t !== null) {
          parts.push(`${r[j]} = ${t};`);
          continue;
        }
      }
      const text = `${r[j]} = ${u.get(j)};`;
      parts.push(text);
      this.floatLanes.set(key, { line, text, lane: r[j], read: u.get(j), epoch: u.epoch, temp: null });
    }
    return parts.join(' ');
  }
  /** The temporary holding lane `e` (assigned in its line from now on), or null if its line no longer reads it so. */
  private floatLaneTemp(e: FloatLane): string | null {
    if (e.temp !== null) return e.temp;
    const at = this.out[e.line].indexOf(e.text);
    if (at < 0) return null;
    const t = `lf${this.floatLaneTemps++}`;
    this.extraDecls.push(`${t} = 0`);
    this.out[e.line] =
      `${this.out[e.line].slice(0, at)}${t} = ${e.read}; ${e.lane} = ${t};${this.out[e.line].slice(at + e.text.length)}`;
    e.temp = t;
    return t;
  }
  /** Pops a v128 without reading it as bits (its lanes as they are held; no conversion, no read recorded). */
  private discardQuad(): Lanes {
    const d = this.sp - 1;
    this.fval[d] = false;
    this.pendLocal[d] = -1;
    return this.popQuadRaw();
  }

  /** Pops a scalar operand as an atom (a literal or a variable), assigning it to its slot if it is not one. */
  private scalarAtom(): string {
    const e = this.pend[this.sp - 1];
    if (e !== null && e !== undefined && !this.impure[this.sp - 1] && /^(\w+|\(-?\d+\)|-?\d+)$/.test(e))
      return this.popInline();
    this.materialize(this.sp - 1);
    return this.popInline();
  }

  /**
   * For a consumer `name` that reads only lane top bits: if its operand is the compare whose line was emitted last,
   * that line is rewritten to compute only top bits (`msbForm`); returns their lane width, or 0 where nothing was.
   */
  private msbOperand(name: string): number {
    const reader = name === 'v128.any_true' ? 8 : MSB_READERS[name];
    const f = this.msbForm[this.sp - 1];
    if (reader === undefined || f === null || f === undefined || f.line !== this.out.length - 1) return 0;
    // any_true reads all bits, so any lane width of compare serves it
    if (name !== 'v128.any_true' && reader % f.bits !== 0) return 0;
    this.out[f.line] = this.out[f.line].replace(f.full, f.msb);
    this.msbForm[this.sp - 1] = null;
    return f.bits;
  }

  /**
   * `v128.and` of an 8- or 16-bit compare's mask (its line the last one emitted: nothing else read it) and a
   * pending constant with one value in every lane of that width (`splat(0x20)` of ASCII case folding): the compare
   * takes its top-bit form (`msbForm`) and each lane is its top bit times the constant (`maskTimesConst`), where
   * the full mask and the and take two more operations per word. Returns false, having done nothing, otherwise.
   */
  private maskAndConst(): boolean {
    for (const [m, c] of [
      [this.sp - 2, this.sp - 1],
      [this.sp - 1, this.sp - 2],
    ]) {
      const f = this.msbForm[m];
      const k = this.pendQ[c];
      if (f === null || f === undefined || f.line !== this.out.length - 1 || k === null || k === undefined) continue;
      if (this.fval[c] || this.pendLocal[c] >= 0) continue;
      const x = laneNames(`s${m}`);
      const lanes = x.map((v) => maskTimesConst(v, k, f.bits as 8 | 16));
      if (lanes.some((e) => e === null)) continue;
      this.out[f.line] = this.out[f.line].replace(f.full, f.msb);
      this.msbForm[m] = null;
      this.popQuad();
      this.popQuad();
      this.pushQuadStmt((r) => r.map((v, i) => `${v} = ${lanes[i]};`).join(' '));
      return true;
    }
    return false;
  }

  /**
   * For `i32.popcnt`: if its operand is a bitmask (`countForm`) that nothing else read (still pending as it was,
   * or assigned on the last line emitted), the bitmask's expression becomes the count of its bits, and true is
   * returned: the slot then holds the popcount's result.
   */
  private countOperand(): boolean {
    const d = this.sp - 1;
    const f = this.countForm[d];
    if (f === null || f === undefined) return false;
    this.countForm[d] = null;
    if (f.line < 0) {
      if (this.pend[d] !== f.full) return false;
      this.pend[d] = f.count;
      return true;
    }
    if (f.line !== this.out.length - 1 || this.pend[d] !== null) return false;
    const line = this.out[f.line];
    const at = line.lastIndexOf(f.full);
    if (at < 0) return false;
    this.out[f.line] = line.slice(0, at) + f.count + line.slice(at + f.full.length);
    return true;
  }

  /** Marks the lane temporaries that `code` uses as declared, and returns it. */
  private laneTempsOf(code: string): string {
    for (const t of V128_LANE_TEMPS) if (new RegExp(`\\b${t}\\b`).test(code)) this.laneTemps.add(t);
    return code;
  }

  /** Splats and lane replacements: the statements assigning the result lanes `r`, or null for other operators. */
  private laneMove(name: string, o: QuadOperands): ((r: Lanes) => string) | null {
    const [x, y] = o.s;
    const a = o.v[0];
    const n = o.imm[0];
    const all = (e: string) => (r: Lanes) => `vt = ${e}; ${r.map((v) => `${v} = vt;`).join(' ')}`;
    // a replacement keeps the other lanes (the result is the operand's slot: nothing to copy)
    const put = (k: number, e: string) => (r: Lanes) =>
      `${r.map((v, i) => (i === k ? `${v} = ${e};` : v === a[i] ? '' : `${v} = ${a[i]};`)).join(' ')}`.trim();
    switch (name) {
      case 'i8x16.splat':
        return all(`Math.imul(${x} & 255, 0x01010101)`);
      case 'i16x8.splat':
        return all(`Math.imul(${x} & 65535, 0x10001)`);
      case 'i32x4.splat':
        return all(x);
      case 'f32x4.splat':
        return all(`${o.h('f32Bits')}(${x})`);
      case 'i64x2.splat':
        return (r) => `${r[0]} = ${x}; ${r[1]} = ${y}; ${r[2]} = ${x}; ${r[3]} = ${y};`;
      case 'f64x2.splat': {
        const split = o.h('f64Split');
        const vi = o.h('vi');
        return (r) => `${split}(${x}); ${r[0]} = ${vi}[0]; ${r[1]} = ${vi}[1]; ${r[2]} = ${r[0]}; ${r[3]} = ${r[1]};`;
      }
      case 'i8x16.replace_lane': {
        const sh = 8 * (n & 3);
        return put(n >> 2, `(${a[n >> 2]} & ${~(255 << sh)}) | ((${x} & 255) << ${sh})`);
      }
      case 'i16x8.replace_lane':
        return put(
          n >> 1,
          n & 1 ? `(${a[n >> 1]} & 65535) | (${x} << 16)` : `(${a[n >> 1]} & -65536) | (${x} & 65535)`,
        );
      case 'i32x4.replace_lane':
        return put(n, x);
      case 'f32x4.replace_lane':
        return put(n, `${o.h('f32Bits')}(${x})`);
      case 'i64x2.replace_lane':
        return (r) => `${put(2 * n, x)(r)} ${r[2 * n + 1]} = ${y};`;
      case 'f64x2.replace_lane': {
        const split = o.h('f64Split');
        const vi = o.h('vi');
        return (r) => `${split}(${x}); ${put(2 * n, `${vi}[0]`)(r)} ${r[2 * n + 1]} = ${vi}[1];`;
      }
    }
    return null;
  }

  /**
   * v128 loads and stores: 32-bit DataView accesses on the lanes. A load writes lane 0 last (the address may read
   * the slot that lane 0 is); a store writes the last word first, so that when the access does not fit nothing is
   * written.
   */
  private simdMemory(name: string, mem: MemoryIndex, offset: number, lane: number): void {
    const env = this.env;
    const dv = env.memDv(mem);
    const get = (m: string, a: string) => `${dv}.${m}(${a},1)`;
    const at = (k: number) => (a: string) => (k === 0 ? a : `${a}+${k}`);
    const simple = (a: string) => SIMPLE_PAIR_ADDRESS.test(a);
    const isStore = name.startsWith('v128.store');
    if (isStore) {
      this.loadEpoch++;
      // f32 numbers are stored as they are (a NaN as the quiet NaN `H.fb` would give)
      const asF = name === 'v128.store' && this.fval[this.sp - 1];
      const v = asF ? this.popQuadValues() : this.popQuad();
      const i32 = asF ? 'setFloat32' : 'setInt32';
      const base = this.popInline();
      let addr = this.addr(base, mem, offset);
      let pre = '';
      if (!simple(addr)) {
        this.usesStoreTemps = true;
        pre = `sa = ${addr}; `;
        addr = 'sa';
      }
      const set = (m: string, k: number, x: string) => `${dv}.${m}(${at(k)(addr)},${x},1);`;
      switch (name) {
        case 'v128.store':
          this.emit(`${pre}${set(i32, 12, v[3])} ${set(i32, 0, v[0])} ${set(i32, 4, v[1])} ${set(i32, 8, v[2])}`);
          return;
        case 'v128.store8_lane':
          this.emit(`${pre}${set('setInt8', 0, `${v[lane >> 2]} >> ${8 * (lane & 3)}`)}`);
          return;
        case 'v128.store16_lane':
          this.emit(`${pre}${set('setInt16', 0, `${v[lane >> 1]} >> ${16 * (lane & 1)}`)}`);
          return;
        case 'v128.store32_lane':
          this.emit(`${pre}${set('setInt32', 0, v[lane])}`);
          return;
        default:
          this.emit(`${pre}${set('setInt32', 4, v[2 * lane + 1])} ${set('setInt32', 0, v[2 * lane])}`);
          return;
      }
    }
    const old = name.endsWith('_lane') ? this.popQuad() : null;
    const base = this.popInline();
    let addr = this.addr(base, mem, offset);
    const whole = LANE_ADDRESS.exec(addr);
    let pre = '';
    if (!simple(addr) || old !== null) {
      this.usesAddrTemp = true;
      pre = `ma = ${addr}; `;
      addr = 'ma';
    }
    const w = (k: number) => get('getInt32', at(k)(addr));
    const ext = (t: string) => {
      const tpl = QUAD_OPS[t];
      return (r: Lanes) =>
        `${pre}vx = ${w(0)}; vy = ${w(4)}; ${tpl.code({ v: [['vx', 'vy', '0', '0']], s: [], imm: [], h: () => '', hCapped: () => null }, ['w0', 'w1', 'w2', 'w3'])} ${r.map((x, i) => `${x} = w${i};`).join(' ')}`;
    };
    let code: (r: Lanes) => string;
    switch (name) {
      case 'v128.load': {
        // read as int32 words, or as f32 numbers if the first consumer is an f32 operator (`lazyForm`)
        const form = (m: string, r: Lanes) =>
          `${r[3]} = ${get(m, at(12)(addr))}; ${r[2]} = ${get(m, at(8)(addr))}; ${r[1]} = ${get(m, at(4)(addr))}; ${r[0]} = ${get(m, addr)};`;
        const a = addr;
        const reuse =
          whole === null
            ? undefined
            : {
                key: `${dv}|${whole[1] ?? whole[3]}`,
                t0: Number(whole[2] ?? 0) + Number(whole[4] ?? 0),
                epoch: this.loadEpoch,
                get: (j: number) => get('getFloat32', at(4 * j)(a)),
              };
        this.pushLazyLoad(pre, form, reuse);
        return;
      }
      case 'v128.load32_zero':
      case 'v128.load64_zero': {
        // as for v128.load (zero lanes are +0 either way)
        const wide = name === 'v128.load64_zero';
        const form = (m: string, r: Lanes) =>
          `${r[3]} = 0; ${r[2]} = 0; ${r[1]} = ${wide ? get(m, at(4)(addr)) : 0}; ${r[0]} = ${get(m, addr)};`;
        this.pushLazyLoad(pre, form);
        return;
      }
      case 'v128.load8_splat':
        code = (r) =>
          `${pre}vt = Math.imul(${get('getUint8', addr)}, 0x01010101); ${r.map((x) => `${x} = vt;`).join(' ')}`;
        break;
      case 'v128.load16_splat':
        code = (r) =>
          `${pre}vt = Math.imul(${get('getUint16', addr)}, 0x10001); ${r.map((x) => `${x} = vt;`).join(' ')}`;
        break;
      case 'v128.load32_splat': {
        // as for v128.load: f32 numbers for a first consumer that wants them
        const form = (m: string, r: Lanes) => `vt = ${get(m, addr)}; ${r.map((x) => `${x} = vt;`).join(' ')}`;
        this.laneTemps.add('vt');
        this.pushLazyLoad(pre, form);
        this.markSame();
        return;
      }
      case 'v128.load64_splat':
        code = (r) => `${pre}vx = ${w(0)}; vy = ${w(4)}; ${r[0]} = vx; ${r[1]} = vy; ${r[2]} = vx; ${r[3]} = vy;`;
        break;
      case 'v128.load8x8_s':
      case 'v128.load8x8_u':
      case 'v128.load16x4_s':
      case 'v128.load16x4_u':
      case 'v128.load32x2_s':
      case 'v128.load32x2_u':
        code = ext(EXTENDING_LOAD[name]);
        break;
      default: {
        // load<N>_lane: the old value's other lanes kept
        const a = old as Lanes;
        const [k, e] =
          name === 'v128.load8_lane'
            ? [
                lane >> 2,
                `(${a[lane >> 2]} & ${~(255 << (8 * (lane & 3)))}) | (${get('getUint8', addr)} << ${8 * (lane & 3)})`,
              ]
            : name === 'v128.load16_lane'
              ? [
                  lane >> 1,
                  `(${a[lane >> 1]} & ${lane & 1 ? 65535 : -65536}) | (${get('getUint16', addr)} << ${16 * (lane & 1)})`,
                ]
              : name === 'v128.load32_lane'
                ? [lane, w(0)]
                : [-1, ''];
        if (k < 0) {
          code = (r) =>
            `${pre}vx = ${w(0)}; vy = ${w(4)}; ${r.map((x, i) => `${x} = ${i === 2 * lane ? 'vx' : i === 2 * lane + 1 ? 'vy' : a[i]};`).join(' ')}`;
        } else code = (r) => `${pre}vt = ${e}; ${r.map((x, i) => `${x} = ${i === k ? 'vt' : a[i]};`).join(' ')}`;
      }
    }
    this.pushQuadStmt((r) => this.laneTempsOf(code(r)));
    if (name === 'v128.load8_splat' || name === 'v128.load16_splat') this.markSame();
  }

  // ---- 0xfb: GC ----
  private gc(sub: number): void {
    const r = this.r;
    const env = this.env;
    const info = operatorFor(0xfb, sub) as OperatorInfo;
    const rtt = (t: number): string => env.hoist('rtt', `${env.rt('rtt')}(${env.typeId(t)})`);
    const structOf = (t: number): StructType => env.module.types[t].composite as StructType;
    const arrayOf = (t: number): ArrayType => env.module.types[t].composite as ArrayType;
    const nullCheck = (v: string, code: number): void => this.emit(`if (${v} === null) ${env.trap(code)};`);
    const pack = (t: number, v: string): string => (t === I8 ? `${v} & 255` : t === I16 ? `${v} & 65535` : v);
    const unpackGet = (t: number, v: string, signed: boolean): string => {
      if (t === I8) return signed ? `(${v} << 24) >> 24` : v;
      if (t === I16) return signed ? `(${v} << 16) >> 16` : v;
      return v;
    };
    switch (info.name) {
      case 'struct.new': {
        const t = r.u32();
        const st = structOf(t);
        const args = this.popArgs(st.fields.length);
        this.push(`${env.rt('structNew')}(${['vmctx', rtt(t), ...args].join(', ')})`);
        return;
      }
      case 'struct.new_default': {
        const t = r.u32();
        this.push(`${env.rt('structNewDefault')}(vmctx, ${rtt(t)})`);
        return;
      }
      case 'struct.get':
      case 'struct.get_s':
      case 'struct.get_u': {
        const t = r.u32();
        const i = r.u32();
        const a = this.top();
        nullCheck(a, TrapCode.NullStructReference);
        this.emit(
          `${a} = ${unpackGet(structOf(t).fields[i].type, `${a}.fields[${i}]`, info.name === 'struct.get_s')};`,
        );
        if (this.isWide(structOf(t).fields[i].type)) this.splitInPlace(this.sp - 1);
        else if (this.isQuad(structOf(t).fields[i].type)) this.splitQuadInPlace(this.sp - 1);
        return;
      }
      case 'struct.set': {
        const t = r.u32();
        const i = r.u32();
        const v = this.pop();
        const a = this.pop();
        nullCheck(a, TrapCode.NullStructReference);
        this.emit(`${a}.fields[${i}] = ${pack(structOf(t).fields[i].type, v)};`);
        return;
      }
      case 'array.new':
      case 'array.new_default': {
        const t = r.u32();
        const at = arrayOf(t);
        const n = this.pop();
        if (info.name === 'array.new_default') this.push(`${env.rt('arrayNewDefault')}(vmctx, ${rtt(t)}, ${n} >>> 0)`);
        else this.push(`${env.rt('arrayNew')}(vmctx, ${rtt(t)}, ${pack(at.field.type, this.pop())}, ${n} >>> 0)`);
        return;
      }
      case 'array.new_fixed': {
        const t = r.u32();
        const n = r.u32();
        const args = this.popArgs(n);
        this.push(`${env.rt('arrayNewFixed')}(${['vmctx', rtt(t), ...args].join(', ')})`);
        return;
      }
      case 'array.new_data':
      case 'array.new_elem': {
        const t = r.u32();
        const seg = r.u32();
        const [s, n] = this.popArgs(2);
        const b = info.name === 'array.new_data' ? 'arrayNewData' : 'arrayNewElem';
        this.push(`${env.rt(b)}(vmctx, ${rtt(t)}, ${seg}, ${s} >>> 0, ${n} >>> 0)`);
        return;
      }
      case 'array.get':
      case 'array.get_s':
      case 'array.get_u': {
        const t = r.u32();
        const i = this.pop();
        const a = this.top();
        nullCheck(a, TrapCode.NullArrayReference);
        this.emit(`if ((${i} >>> 0) >= ${a}.elements.length) ${env.trap(TrapCode.ArrayOutOfBounds)};`);
        this.emit(
          `${a} = ${unpackGet(arrayOf(t).field.type, `${a}.elements[${i} >>> 0]`, info.name === 'array.get_s')};`,
        );
        if (this.isWide(arrayOf(t).field.type)) this.splitInPlace(this.sp - 1);
        else if (this.isQuad(arrayOf(t).field.type)) this.splitQuadInPlace(this.sp - 1);
        return;
      }
      case 'array.set': {
        const t = r.u32();
        const [a, i, v] = this.popArgs(3);
        nullCheck(a, TrapCode.NullArrayReference);
        this.emit(`if ((${i} >>> 0) >= ${a}.elements.length) ${env.trap(TrapCode.ArrayOutOfBounds)};`);
        this.emit(`${a}.elements[${i} >>> 0] = ${pack(arrayOf(t).field.type, v)};`);
        return;
      }
      case 'array.len': {
        const a = this.top();
        nullCheck(a, TrapCode.NullArrayReference);
        this.emit(`${a} = ${a}.elements.length;`);
        return;
      }
      case 'array.fill': {
        const t = r.u32();
        const [a, i, v, n] = this.popArgs(4);
        this.emit(`${env.rt('arrayFill')}(${a}, ${i} >>> 0, ${pack(arrayOf(t).field.type, v)}, ${n} >>> 0);`);
        return;
      }
      case 'array.copy': {
        r.u32();
        r.u32();
        const [a, d, b, s, n] = this.popArgs(5);
        this.emit(`${env.rt('arrayCopy')}(${a}, ${d} >>> 0, ${b}, ${s} >>> 0, ${n} >>> 0);`);
        return;
      }
      case 'array.init_data':
      case 'array.init_elem': {
        r.u32();
        const seg = r.u32();
        const [a, d, s, n] = this.popArgs(4);
        const b = info.name === 'array.init_data' ? 'arrayInitData' : 'arrayInitElem';
        this.emit(`${env.rt(b)}(vmctx, ${a}, ${seg}, ${d} >>> 0, ${s} >>> 0, ${n} >>> 0);`);
        return;
      }
      case 'ref.test':
      case 'ref.cast': {
        const nullable = sub === 0x15 /* ref.test */ || sub === 0x17 /* ref.cast */;
        const h = r.s33();
        const a = this.top();
        const test = this.refTest(a, h, nullable);
        if (info.name === 'ref.test') this.emit(`${a} = ${test} ? 1 : 0;`);
        else this.emit(`if (!${test}) ${env.trap(TrapCode.CastFailure)};`);
        return;
      }
      case 'br_on_cast':
      case 'br_on_cast_fail': {
        this.materializeAll();
        const flags = r.u8();
        const f = this.frameAt(r.u32());
        r.s33();
        const h = r.s33();
        const a = this.top();
        const test = this.refTest(a, h, (flags & 2) !== 0);
        this.emit(`if (${info.name === 'br_on_cast' ? '' : '!'}${test}) {`);
        this.emitLines(this.branch(f).map((l) => `  ${l}`));
        this.emit('}');
        return;
      }
      case 'any.convert_extern': {
        const a = this.top();
        this.emit(`${a} = ${env.rt('anyConvertExtern')}(${a});`);
        return;
      }
      case 'extern.convert_any': {
        const a = this.top();
        this.emit(`${a} = ${env.rt('externConvertAny')}(${a});`);
        return;
      }
      case 'ref.i31': {
        const a = this.top();
        this.emit(`${a} = (${a} << 1) >> 1;`);
        return;
      }
      case 'i31.get_s':
      case 'i31.get_u': {
        const a = this.top();
        nullCheck(a, TrapCode.NullI31Reference);
        if (info.name === 'i31.get_u') this.emit(`${a} = ${a} & 0x7fffffff;`);
        return;
      }
    }
    throw new Error(`codegen: no translation for ${info.name}`);
  }

  /** A JS boolean expression: does `v` belong to `(ref null? h)`? */
  private refTest(v: string, h: number, nullable: boolean): string {
    const env = this.env;
    if (h < 0) return `${env.rt('refTest')}(${v}, ${h}, ${nullable})`;
    const n = nullable ? `${v} === null || ` : '';
    const c = env.module.types[h].composite;
    if (c.kind === 'func') {
      const id = env.typeId(h);
      return `(${n}(${v} !== null && (${v}.typeId === ${id} || ${env.rt('isSubtypeId')}(${v}.typeId, ${id}))))`;
    }
    let depth = 0;
    for (let t = env.module.types[h].supertype; t >= 0; t = env.module.types[t].supertype) depth++;
    const id = env.typeId(h);
    const K2 = c.kind === 'struct' ? env.rt('WasmStruct') : env.rt('WasmArray');
    return `(${n}(${v} instanceof ${K2} && ${v}.rtt.depth >= ${depth} && ${v}.rtt.supers[${depth}] === ${id}))`;
  }
}
