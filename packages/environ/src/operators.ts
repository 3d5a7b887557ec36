// The one table of every operator: opcode, text name, immediates, proposal and, for operators with a
// fixed stack effect, their signature. The decoder, the validator, the text parser's keyword table and
// codegen's dispatch are all derived from it (STYLE.md). Operators with `sig: null` have stack effects
// that depend on immediates or context (control, variables, references, GC, calls); the validator
// handles those one by one.

import type { Feature } from './features.js';
import { F32, F64, I32, I64, V128, type ValType } from './types.js';

/** The kind of immediates that follow an opcode in the binary format. */
export const Imm = {
  None: 0,
  /** blocktype (empty, a value type, or a type index as s33) */
  BlockType: 1,
  /** a label index */
  Label: 2,
  /** vec(label) label */
  BrTable: 3,
  /** a function index */
  Func: 4,
  /** type index, table index */
  CallIndirect: 5,
  /** a type index */
  Type: 6,
  /** a local index */
  Local: 7,
  /** a global index */
  Global: 8,
  /** a table index */
  Table: 9,
  /** a memory index */
  Memory: 10,
  /** memarg: align (with the multi-memory flag bit 6) [memory index] offset */
  MemArg: 11,
  /** memarg then a lane index byte */
  MemArgLane: 12,
  /** a lane index byte */
  Lane: 13,
  /** s32 */
  I32: 14,
  /** s64 */
  I64: 15,
  /** 4 raw bytes */
  F32: 16,
  /** 8 raw bytes */
  F64: 17,
  /** 16 raw bytes */
  V128: 18,
  /** 16 lane index bytes */
  Shuffle: 19,
  /** vec(valtype) */
  SelectT: 20,
  /** a heap type (s33) */
  HeapType: 21,
  /** a tag index */
  Tag: 22,
  /** blocktype vec(catch) */
  TryTable: 23,
  /** type index, field index */
  TypeField: 24,
  /** type index, type index */
  TypeType: 25,
  /** type index, u32 count */
  TypeCount: 26,
  /** type index, data index */
  TypeData: 27,
  /** type index, elem index */
  TypeElem: 28,
  /** castflags label heaptype heaptype */
  BrOnCast: 29,
  /** a data index */
  Data: 30,
  /** an element index */
  Elem: 31,
  /** data index, memory index */
  MemoryInit: 32,
  /** memory index, memory index */
  MemoryCopy: 33,
  /** elem index, table index */
  TableInit: 34,
  /** table index, table index */
  TableCopy: 35,
  /** memory index byte that must be zero (atomic.fence) */
  Zero: 36,
} as const;
/** See `Imm`. */
export type Imm = (typeof Imm)[keyof typeof Imm];

/** Placeholder in a signature for the address type (i32 or i64) of the operator's memory. */
export const ADDR: ValType = 1;

/** One operator of the instruction set. */
export interface OperatorInfo {
  /** Dense id, the index of this row in `OPERATORS`. */
  readonly id: number;
  /** 0 for single-byte opcodes, else the prefix byte (0xfb, 0xfc, 0xfd, 0xfe). */
  readonly prefix: number;
  /** The opcode, or the u32 sub-opcode after the prefix. */
  readonly code: number;
  /** Text format mnemonic. Not unique: `select`, `ref.test`, `ref.cast`, `br_on_cast(_fail)` have two rows. */
  readonly name: string;
  readonly imm: Imm;
  readonly feature: Feature;
  /** Operand types popped, or null when the stack effect is not fixed. ADDR stands for the memory's address type. */
  readonly params: readonly ValType[] | null;
  /** Result types pushed, or null when the stack effect is not fixed. */
  readonly results: readonly ValType[] | null;
  /** For memory accesses: the access size in bytes (the natural alignment). For lane operators: the lane count. */
  readonly n: number;
  /** What code generation needs to know of the operator besides its signature: `OpFlag` bits. */
  readonly flags: number;
}

/**
 * Facts about an operator that both backends read (`OperatorInfo.flags`; by first byte `FLAGS_BY_OPCODE`, by id
 * `FLAGS_BY_ID`). Adding an instruction is its row, these bits and its semantics in each backend.
 */
export const OpFlag = {
  /**
   * Cannot trap, throw, call or reach the host: after it neither backend needs its fuel count stored where the
   * host can see it (codegen README.md "Fuel and epochs in locals", src/wasm/README.md "Counters in locals").
   * Not set on loads and stores, division and remainder, trapping truncations, table, GC and atomic operators,
   * calls, throws, `unreachable`, `return`, nor on the exception constructs (`try`, `catch`, `catch_all`,
   * `delegate`, `try_table`); each backend adds what its own code shape makes safe (calls, returns).
   */
  Silent: 1,
  /**
   * Control flow, calls and throws: both backends add the fuel accumulated so far to the counter before it (a
   * prefix byte has it in `FLAGS_BY_OPCODE` when any operator under it has it: 0xfb, for `br_on_cast`).
   */
  Control: 2,
  /** Opens a construct that an `end` (or, for `try`, a `delegate`) closes: block, loop, if, try, try_table. */
  Opens: 4,
  /** Ends one arm of a construct and opens the next: else, catch, catch_all. */
  Arm: 8,
  /** Closes a construct: end, delegate. */
  Closes: 16,
  /** wasmtime charges no fuel for it (it generates no code, or only ends or leaves a block): `FREE_OPERATORS`. */
  FuelFree: 32,
} as const;
/** See `OpFlag`. */
export type OpFlag = (typeof OpFlag)[keyof typeof OpFlag];

const T: Record<string, ValType> = { i: I32, l: I64, f: F32, d: F64, v: V128, a: ADDR };

function parseSig(sig: string | null): [ValType[] | null, ValType[] | null] {
  if (sig === null) return [null, null];
  const [p, r] = sig.split(':');
  return [[...p].map((c) => T[c]), [...r].map((c) => T[c])];
}

type Row = [
  prefix: number,
  code: number,
  name: string,
  imm: Imm,
  feature: Feature,
  sig: string | null,
  flags: number,
  n?: number,
];

const I = Imm;
/** `OpFlag`s, short, for the rows. */
const S = OpFlag.Silent;
const C = OpFlag.Control;
const O = OpFlag.Opens;
const A = OpFlag.Arm;
const X = OpFlag.Closes;
const Z = OpFlag.FuelFree;
const rows: Row[] = [
  // control
  [0, 0x00, 'unreachable', I.None, 'mvp', null, C | Z],
  [0, 0x01, 'nop', I.None, 'mvp', ':', S | Z],
  [0, 0x02, 'block', I.BlockType, 'mvp', null, S | C | O | Z],
  [0, 0x03, 'loop', I.BlockType, 'mvp', null, S | C | O | Z],
  [0, 0x04, 'if', I.BlockType, 'mvp', null, S | C | O],
  [0, 0x05, 'else', I.None, 'mvp', null, S | C | A | Z],
  [0, 0x06, 'try', I.BlockType, 'legacyExceptions', null, C | O],
  [0, 0x07, 'catch', I.Tag, 'legacyExceptions', null, C | A],
  [0, 0x08, 'throw', I.Tag, 'exceptions', null, C],
  [0, 0x09, 'rethrow', I.Label, 'legacyExceptions', null, C],
  [0, 0x0a, 'throw_ref', I.None, 'exceptions', null, C],
  [0, 0x0b, 'end', I.None, 'mvp', null, S | C | X | Z],
  [0, 0x0c, 'br', I.Label, 'mvp', null, S | C],
  [0, 0x0d, 'br_if', I.Label, 'mvp', null, S | C],
  [0, 0x0e, 'br_table', I.BrTable, 'mvp', null, S | C],
  [0, 0x0f, 'return', I.None, 'mvp', null, C | Z],
  [0, 0x10, 'call', I.Func, 'mvp', null, C],
  [0, 0x11, 'call_indirect', I.CallIndirect, 'mvp', null, C],
  [0, 0x12, 'return_call', I.Func, 'tailCall', null, C],
  [0, 0x13, 'return_call_indirect', I.CallIndirect, 'tailCall', null, C],
  [0, 0x14, 'call_ref', I.Type, 'functionReferences', null, C],
  [0, 0x15, 'return_call_ref', I.Type, 'tailCall', null, C],
  [0, 0x18, 'delegate', I.Label, 'legacyExceptions', null, C | X],
  [0, 0x19, 'catch_all', I.None, 'legacyExceptions', null, C | A],
  [0, 0x1a, 'drop', I.None, 'mvp', null, S | Z],
  [0, 0x1b, 'select', I.None, 'mvp', null, S],
  [0, 0x1c, 'select', I.SelectT, 'referenceTypes', null, S],
  [0, 0x1f, 'try_table', I.TryTable, 'exceptions', null, C | O],
  // variables and tables
  [0, 0x20, 'local.get', I.Local, 'mvp', null, S],
  [0, 0x21, 'local.set', I.Local, 'mvp', null, S],
  [0, 0x22, 'local.tee', I.Local, 'mvp', null, S],
  [0, 0x23, 'global.get', I.Global, 'mvp', null, S],
  [0, 0x24, 'global.set', I.Global, 'mvp', null, S],
  [0, 0x25, 'table.get', I.Table, 'referenceTypes', null, 0],
  [0, 0x26, 'table.set', I.Table, 'referenceTypes', null, 0],
  // memory
  [0, 0x28, 'i32.load', I.MemArg, 'mvp', 'a:i', 0, 4],
  [0, 0x29, 'i64.load', I.MemArg, 'mvp', 'a:l', 0, 8],
  [0, 0x2a, 'f32.load', I.MemArg, 'mvp', 'a:f', 0, 4],
  [0, 0x2b, 'f64.load', I.MemArg, 'mvp', 'a:d', 0, 8],
  [0, 0x2c, 'i32.load8_s', I.MemArg, 'mvp', 'a:i', 0, 1],
  [0, 0x2d, 'i32.load8_u', I.MemArg, 'mvp', 'a:i', 0, 1],
  [0, 0x2e, 'i32.load16_s', I.MemArg, 'mvp', 'a:i', 0, 2],
  [0, 0x2f, 'i32.load16_u', I.MemArg, 'mvp', 'a:i', 0, 2],
  [0, 0x30, 'i64.load8_s', I.MemArg, 'mvp', 'a:l', 0, 1],
  [0, 0x31, 'i64.load8_u', I.MemArg, 'mvp', 'a:l', 0, 1],
  [0, 0x32, 'i64.load16_s', I.MemArg, 'mvp', 'a:l', 0, 2],
  [0, 0x33, 'i64.load16_u', I.MemArg, 'mvp', 'a:l', 0, 2],
  [0, 0x34, 'i64.load32_s', I.MemArg, 'mvp', 'a:l', 0, 4],
  [0, 0x35, 'i64.load32_u', I.MemArg, 'mvp', 'a:l', 0, 4],
  [0, 0x36, 'i32.store', I.MemArg, 'mvp', 'ai:', 0, 4],
  [0, 0x37, 'i64.store', I.MemArg, 'mvp', 'al:', 0, 8],
  [0, 0x38, 'f32.store', I.MemArg, 'mvp', 'af:', 0, 4],
  [0, 0x39, 'f64.store', I.MemArg, 'mvp', 'ad:', 0, 8],
  [0, 0x3a, 'i32.store8', I.MemArg, 'mvp', 'ai:', 0, 1],
  [0, 0x3b, 'i32.store16', I.MemArg, 'mvp', 'ai:', 0, 2],
  [0, 0x3c, 'i64.store8', I.MemArg, 'mvp', 'al:', 0, 1],
  [0, 0x3d, 'i64.store16', I.MemArg, 'mvp', 'al:', 0, 2],
  [0, 0x3e, 'i64.store32', I.MemArg, 'mvp', 'al:', 0, 4],
  [0, 0x3f, 'memory.size', I.Memory, 'mvp', ':a', S],
  [0, 0x40, 'memory.grow', I.Memory, 'mvp', 'a:a', 0],
  // constants
  [0, 0x41, 'i32.const', I.I32, 'mvp', ':i', S],
  [0, 0x42, 'i64.const', I.I64, 'mvp', ':l', S],
  [0, 0x43, 'f32.const', I.F32, 'mvp', ':f', S],
  [0, 0x44, 'f64.const', I.F64, 'mvp', ':d', S],
];

// Numeric operators with fixed signatures, listed compactly: [first opcode, sig, names, flags]. All are silent
// but division, remainder and the trapping truncations.
const numeric: [number, string, string, number][] = [
  [0x45, 'i:i', 'i32.eqz', S],
  [0x46, 'ii:i', 'i32.eq i32.ne i32.lt_s i32.lt_u i32.gt_s i32.gt_u i32.le_s i32.le_u i32.ge_s i32.ge_u', S],
  [0x50, 'l:i', 'i64.eqz', S],
  [0x51, 'll:i', 'i64.eq i64.ne i64.lt_s i64.lt_u i64.gt_s i64.gt_u i64.le_s i64.le_u i64.ge_s i64.ge_u', S],
  [0x5b, 'ff:i', 'f32.eq f32.ne f32.lt f32.gt f32.le f32.ge', S],
  [0x61, 'dd:i', 'f64.eq f64.ne f64.lt f64.gt f64.le f64.ge', S],
  [0x67, 'i:i', 'i32.clz i32.ctz i32.popcnt', S],
  [0x6a, 'ii:i', 'i32.add i32.sub i32.mul', S],
  [0x6d, 'ii:i', 'i32.div_s i32.div_u i32.rem_s i32.rem_u', 0],
  [0x71, 'ii:i', 'i32.and i32.or i32.xor i32.shl i32.shr_s i32.shr_u i32.rotl i32.rotr', S],
  [0x79, 'l:l', 'i64.clz i64.ctz i64.popcnt', S],
  [0x7c, 'll:l', 'i64.add i64.sub i64.mul', S],
  [0x7f, 'll:l', 'i64.div_s i64.div_u i64.rem_s i64.rem_u', 0],
  [0x83, 'll:l', 'i64.and i64.or i64.xor i64.shl i64.shr_s i64.shr_u i64.rotl i64.rotr', S],
  [0x8b, 'f:f', 'f32.abs f32.neg f32.ceil f32.floor f32.trunc f32.nearest f32.sqrt', S],
  [0x92, 'ff:f', 'f32.add f32.sub f32.mul f32.div f32.min f32.max f32.copysign', S],
  [0x99, 'd:d', 'f64.abs f64.neg f64.ceil f64.floor f64.trunc f64.nearest f64.sqrt', S],
  [0xa0, 'dd:d', 'f64.add f64.sub f64.mul f64.div f64.min f64.max f64.copysign', S],
  [0xa7, 'l:i', 'i32.wrap_i64', S],
  [0xa8, 'f:i', 'i32.trunc_f32_s i32.trunc_f32_u', 0],
  [0xaa, 'd:i', 'i32.trunc_f64_s i32.trunc_f64_u', 0],
  [0xac, 'i:l', 'i64.extend_i32_s i64.extend_i32_u', S],
  [0xae, 'f:l', 'i64.trunc_f32_s i64.trunc_f32_u', 0],
  [0xb0, 'd:l', 'i64.trunc_f64_s i64.trunc_f64_u', 0],
  [0xb2, 'i:f', 'f32.convert_i32_s f32.convert_i32_u', S],
  [0xb4, 'l:f', 'f32.convert_i64_s f32.convert_i64_u', S],
  [0xb6, 'd:f', 'f32.demote_f64', S],
  [0xb7, 'i:d', 'f64.convert_i32_s f64.convert_i32_u', S],
  [0xb9, 'l:d', 'f64.convert_i64_s f64.convert_i64_u', S],
  [0xbb, 'f:d', 'f64.promote_f32', S],
  [0xbc, 'f:i', 'i32.reinterpret_f32', S],
  [0xbd, 'd:l', 'i64.reinterpret_f64', S],
  [0xbe, 'i:f', 'f32.reinterpret_i32', S],
  [0xbf, 'l:d', 'f64.reinterpret_i64', S],
];
for (const [first, sig, names, flags] of numeric) {
  names.split(' ').forEach((name, i) => rows.push([0, first + i, name, I.None, 'mvp', sig, flags]));
}
[
  ['i32.extend8_s', 'i:i'],
  ['i32.extend16_s', 'i:i'],
  ['i64.extend8_s', 'l:l'],
  ['i64.extend16_s', 'l:l'],
  ['i64.extend32_s', 'l:l'],
].forEach(([name, sig], i) => rows.push([0, 0xc0 + i, name, I.None, 'signExtension', sig, S]));

rows.push(
  // references
  [0, 0xd0, 'ref.null', I.HeapType, 'referenceTypes', null, S],
  [0, 0xd1, 'ref.is_null', I.None, 'referenceTypes', null, S],
  [0, 0xd2, 'ref.func', I.Func, 'referenceTypes', null, S],
  [0, 0xd3, 'ref.eq', I.None, 'gc', null, S],
  [0, 0xd4, 'ref.as_non_null', I.None, 'functionReferences', null, 0],
  [0, 0xd5, 'br_on_null', I.Label, 'functionReferences', null, C],
  [0, 0xd6, 'br_on_non_null', I.Label, 'functionReferences', null, C],
);

// 0xfb: GC
// none is silent (allocation, null and bounds checks, casts); br_on_cast and br_on_cast_fail are control
const gc: [string, Imm, string | null, number?][] = [
  ['struct.new', I.Type, null],
  ['struct.new_default', I.Type, null],
  ['struct.get', I.TypeField, null],
  ['struct.get_s', I.TypeField, null],
  ['struct.get_u', I.TypeField, null],
  ['struct.set', I.TypeField, null],
  ['array.new', I.Type, null],
  ['array.new_default', I.Type, null],
  ['array.new_fixed', I.TypeCount, null],
  ['array.new_data', I.TypeData, null],
  ['array.new_elem', I.TypeElem, null],
  ['array.get', I.Type, null],
  ['array.get_s', I.Type, null],
  ['array.get_u', I.Type, null],
  ['array.set', I.Type, null],
  ['array.len', I.None, null],
  ['array.fill', I.Type, null],
  ['array.copy', I.TypeType, null],
  ['array.init_data', I.TypeData, null],
  ['array.init_elem', I.TypeElem, null],
  ['ref.test', I.HeapType, null],
  ['ref.test', I.HeapType, null],
  ['ref.cast', I.HeapType, null],
  ['ref.cast', I.HeapType, null],
  ['br_on_cast', I.BrOnCast, null, C],
  ['br_on_cast_fail', I.BrOnCast, null, C],
  ['any.convert_extern', I.None, null],
  ['extern.convert_any', I.None, null],
  ['ref.i31', I.None, null],
  ['i31.get_s', I.None, null],
  ['i31.get_u', I.None, null],
];
gc.forEach(([name, imm, sig, flags], i) => rows.push([0xfb, i, name, imm, 'gc', sig, flags ?? 0]));

// 0xfc: saturating conversions, bulk memory, table operations
[
  ['i32.trunc_sat_f32_s', 'f:i'],
  ['i32.trunc_sat_f32_u', 'f:i'],
  ['i32.trunc_sat_f64_s', 'd:i'],
  ['i32.trunc_sat_f64_u', 'd:i'],
  ['i64.trunc_sat_f32_s', 'f:l'],
  ['i64.trunc_sat_f32_u', 'f:l'],
  ['i64.trunc_sat_f64_s', 'd:l'],
  ['i64.trunc_sat_f64_u', 'd:l'],
].forEach(([name, sig], i) => rows.push([0xfc, i, name, I.None, 'saturatingFloatToInt', sig, S]));
rows.push(
  [0xfc, 8, 'memory.init', I.MemoryInit, 'bulkMemory', null, 0],
  [0xfc, 9, 'data.drop', I.Data, 'bulkMemory', ':', 0],
  [0xfc, 10, 'memory.copy', I.MemoryCopy, 'bulkMemory', null, 0],
  [0xfc, 11, 'memory.fill', I.Memory, 'bulkMemory', 'aia:', 0],
  [0xfc, 12, 'table.init', I.TableInit, 'bulkMemory', null, 0],
  [0xfc, 13, 'elem.drop', I.Elem, 'bulkMemory', ':', 0],
  [0xfc, 14, 'table.copy', I.TableCopy, 'bulkMemory', null, 0],
  [0xfc, 15, 'table.grow', I.Table, 'referenceTypes', null, 0],
  [0xfc, 16, 'table.size', I.Table, 'referenceTypes', null, 0],
  [0xfc, 17, 'table.fill', I.Table, 'referenceTypes', null, 0],
  // wide arithmetic (proposal)
  [0xfc, 19, 'i64.add128', I.None, 'wideArithmetic', 'llll:ll', S],
  [0xfc, 20, 'i64.sub128', I.None, 'wideArithmetic', 'llll:ll', S],
  [0xfc, 21, 'i64.mul_wide_s', I.None, 'wideArithmetic', 'll:ll', S],
  [0xfc, 22, 'i64.mul_wide_u', I.None, 'wideArithmetic', 'll:ll', S],
);

// 0xfd: SIMD. Memory operators first (with access sizes), then lane operators, then the rest by sig.
const simdMem: [number, string, string, number][] = [
  [0, 'v128.load', 'a:v', 16],
  [1, 'v128.load8x8_s', 'a:v', 8],
  [2, 'v128.load8x8_u', 'a:v', 8],
  [3, 'v128.load16x4_s', 'a:v', 8],
  [4, 'v128.load16x4_u', 'a:v', 8],
  [5, 'v128.load32x2_s', 'a:v', 8],
  [6, 'v128.load32x2_u', 'a:v', 8],
  [7, 'v128.load8_splat', 'a:v', 1],
  [8, 'v128.load16_splat', 'a:v', 2],
  [9, 'v128.load32_splat', 'a:v', 4],
  [10, 'v128.load64_splat', 'a:v', 8],
  [11, 'v128.store', 'av:', 16],
  [92, 'v128.load32_zero', 'a:v', 4],
  [93, 'v128.load64_zero', 'a:v', 8],
];
for (const [code, name, sig, n] of simdMem) rows.push([0xfd, code, name, I.MemArg, 'simd', sig, 0, n]);
const simdMemLane: [number, string, string, number][] = [
  [84, 'v128.load8_lane', 'av:v', 1],
  [85, 'v128.load16_lane', 'av:v', 2],
  [86, 'v128.load32_lane', 'av:v', 4],
  [87, 'v128.load64_lane', 'av:v', 8],
  [88, 'v128.store8_lane', 'av:', 1],
  [89, 'v128.store16_lane', 'av:', 2],
  [90, 'v128.store32_lane', 'av:', 4],
  [91, 'v128.store64_lane', 'av:', 8],
];
for (const [code, name, sig, n] of simdMemLane) rows.push([0xfd, code, name, I.MemArgLane, 'simd', sig, 0, n]);
rows.push(
  [0xfd, 12, 'v128.const', I.V128, 'simd', ':v', S],
  [0xfd, 13, 'i8x16.shuffle', I.Shuffle, 'simd', 'vv:v', S, 32],
);
const simdLane: [number, string, string, number][] = [
  [21, 'i8x16.extract_lane_s', 'v:i', 16],
  [22, 'i8x16.extract_lane_u', 'v:i', 16],
  [23, 'i8x16.replace_lane', 'vi:v', 16],
  [24, 'i16x8.extract_lane_s', 'v:i', 8],
  [25, 'i16x8.extract_lane_u', 'v:i', 8],
  [26, 'i16x8.replace_lane', 'vi:v', 8],
  [27, 'i32x4.extract_lane', 'v:i', 4],
  [28, 'i32x4.replace_lane', 'vi:v', 4],
  [29, 'i64x2.extract_lane', 'v:l', 2],
  [30, 'i64x2.replace_lane', 'vl:v', 2],
  [31, 'f32x4.extract_lane', 'v:f', 4],
  [32, 'f32x4.replace_lane', 'vf:v', 4],
  [33, 'f64x2.extract_lane', 'v:d', 2],
  [34, 'f64x2.replace_lane', 'vd:v', 2],
];
for (const [code, name, sig, n] of simdLane) rows.push([0xfd, code, name, I.Lane, 'simd', sig, S, n]);

// The remaining SIMD operators have no immediates and are silent: [code, name, sig]; '-' marks unassigned codes.
const simdPlain = `
14 i8x16.swizzle vv:v
15 i8x16.splat i:v
16 i16x8.splat i:v
17 i32x4.splat i:v
18 i64x2.splat l:v
19 f32x4.splat f:v
20 f64x2.splat d:v
35 i8x16.eq i8x16.ne i8x16.lt_s i8x16.lt_u i8x16.gt_s i8x16.gt_u i8x16.le_s i8x16.le_u i8x16.ge_s i8x16.ge_u vv:v
45 i16x8.eq i16x8.ne i16x8.lt_s i16x8.lt_u i16x8.gt_s i16x8.gt_u i16x8.le_s i16x8.le_u i16x8.ge_s i16x8.ge_u vv:v
55 i32x4.eq i32x4.ne i32x4.lt_s i32x4.lt_u i32x4.gt_s i32x4.gt_u i32x4.le_s i32x4.le_u i32x4.ge_s i32x4.ge_u vv:v
65 f32x4.eq f32x4.ne f32x4.lt f32x4.gt f32x4.le f32x4.ge vv:v
71 f64x2.eq f64x2.ne f64x2.lt f64x2.gt f64x2.le f64x2.ge vv:v
77 v128.not v:v
78 v128.and v128.andnot v128.or v128.xor vv:v
82 v128.bitselect vvv:v
83 v128.any_true v:i
94 f32x4.demote_f64x2_zero f64x2.promote_low_f32x4 v:v
96 i8x16.abs i8x16.neg i8x16.popcnt v:v
99 i8x16.all_true i8x16.bitmask v:i
101 i8x16.narrow_i16x8_s i8x16.narrow_i16x8_u vv:v
103 f32x4.ceil f32x4.floor f32x4.trunc f32x4.nearest v:v
107 i8x16.shl i8x16.shr_s i8x16.shr_u vi:v
110 i8x16.add i8x16.add_sat_s i8x16.add_sat_u i8x16.sub i8x16.sub_sat_s i8x16.sub_sat_u vv:v
116 f64x2.ceil f64x2.floor v:v
118 i8x16.min_s i8x16.min_u i8x16.max_s i8x16.max_u vv:v
122 f64x2.trunc v:v
123 i8x16.avgr_u vv:v
124 i16x8.extadd_pairwise_i8x16_s i16x8.extadd_pairwise_i8x16_u i32x4.extadd_pairwise_i16x8_s i32x4.extadd_pairwise_i16x8_u v:v
128 i16x8.abs i16x8.neg v:v
130 i16x8.q15mulr_sat_s vv:v
131 i16x8.all_true i16x8.bitmask v:i
133 i16x8.narrow_i32x4_s i16x8.narrow_i32x4_u vv:v
135 i16x8.extend_low_i8x16_s i16x8.extend_high_i8x16_s i16x8.extend_low_i8x16_u i16x8.extend_high_i8x16_u v:v
139 i16x8.shl i16x8.shr_s i16x8.shr_u vi:v
142 i16x8.add i16x8.add_sat_s i16x8.add_sat_u i16x8.sub i16x8.sub_sat_s i16x8.sub_sat_u vv:v
148 f64x2.nearest v:v
149 i16x8.mul i16x8.min_s i16x8.min_u i16x8.max_s i16x8.max_u - i16x8.avgr_u vv:v
156 i16x8.extmul_low_i8x16_s i16x8.extmul_high_i8x16_s i16x8.extmul_low_i8x16_u i16x8.extmul_high_i8x16_u vv:v
160 i32x4.abs i32x4.neg v:v
163 i32x4.all_true i32x4.bitmask v:i
167 i32x4.extend_low_i16x8_s i32x4.extend_high_i16x8_s i32x4.extend_low_i16x8_u i32x4.extend_high_i16x8_u v:v
171 i32x4.shl i32x4.shr_s i32x4.shr_u vi:v
174 i32x4.add - - i32x4.sub - - - i32x4.mul i32x4.min_s i32x4.min_u i32x4.max_s i32x4.max_u i32x4.dot_i16x8_s vv:v
188 i32x4.extmul_low_i16x8_s i32x4.extmul_high_i16x8_s i32x4.extmul_low_i16x8_u i32x4.extmul_high_i16x8_u vv:v
192 i64x2.abs i64x2.neg v:v
195 i64x2.all_true i64x2.bitmask v:i
199 i64x2.extend_low_i32x4_s i64x2.extend_high_i32x4_s i64x2.extend_low_i32x4_u i64x2.extend_high_i32x4_u v:v
203 i64x2.shl i64x2.shr_s i64x2.shr_u vi:v
206 i64x2.add - - i64x2.sub - - - i64x2.mul i64x2.eq i64x2.ne i64x2.lt_s i64x2.gt_s i64x2.le_s i64x2.ge_s vv:v
220 i64x2.extmul_low_i32x4_s i64x2.extmul_high_i32x4_s i64x2.extmul_low_i32x4_u i64x2.extmul_high_i32x4_u vv:v
224 f32x4.abs f32x4.neg - f32x4.sqrt v:v
228 f32x4.add f32x4.sub f32x4.mul f32x4.div f32x4.min f32x4.max f32x4.pmin f32x4.pmax vv:v
236 f64x2.abs f64x2.neg - f64x2.sqrt v:v
240 f64x2.add f64x2.sub f64x2.mul f64x2.div f64x2.min f64x2.max f64x2.pmin f64x2.pmax vv:v
248 i32x4.trunc_sat_f32x4_s i32x4.trunc_sat_f32x4_u f32x4.convert_i32x4_s f32x4.convert_i32x4_u v:v
252 i32x4.trunc_sat_f64x2_s_zero i32x4.trunc_sat_f64x2_u_zero f64x2.convert_low_i32x4_s f64x2.convert_low_i32x4_u v:v
`;
const relaxedPlain = `
256 i8x16.relaxed_swizzle vv:v
257 i32x4.relaxed_trunc_f32x4_s i32x4.relaxed_trunc_f32x4_u i32x4.relaxed_trunc_f64x2_s_zero i32x4.relaxed_trunc_f64x2_u_zero v:v
261 f32x4.relaxed_madd f32x4.relaxed_nmadd f64x2.relaxed_madd f64x2.relaxed_nmadd vvv:v
265 i8x16.relaxed_laneselect i16x8.relaxed_laneselect i32x4.relaxed_laneselect i64x2.relaxed_laneselect vvv:v
269 f32x4.relaxed_min f32x4.relaxed_max f64x2.relaxed_min f64x2.relaxed_max vv:v
273 i16x8.relaxed_q15mulr_s i16x8.relaxed_dot_i8x16_i7x16_s vv:v
275 i32x4.relaxed_dot_i8x16_i7x16_add_s vvv:v
`;
function addPlain(text: string, feature: Feature): void {
  for (const line of text.trim().split('\n')) {
    const words = line.split(' ');
    const first = Number(words[0]);
    const sig = words[words.length - 1];
    words.slice(1, -1).forEach((name, i) => {
      if (name !== '-') rows.push([0xfd, first + i, name, I.None, feature, sig, S]);
    });
  }
}
addPlain(simdPlain, 'simd');
addPlain(relaxedPlain, 'relaxedSimd');

// threads (0xfe prefix). Every atomic access uses a memarg whose alignment must equal `n` exactly.
rows.push(
  [0xfe, 0x00, 'memory.atomic.notify', I.MemArg, 'threads', 'ai:i', 0, 4],
  [0xfe, 0x01, 'memory.atomic.wait32', I.MemArg, 'threads', 'ail:i', 0, 4],
  [0xfe, 0x02, 'memory.atomic.wait64', I.MemArg, 'threads', 'all:i', 0, 8],
  [0xfe, 0x03, 'atomic.fence', I.Zero, 'threads', ':', 0],
);
/** The seven widths of atomic accesses, in opcode order: [type, name infix, suffix of narrow forms, bytes]. */
const atomicWidths: [string, string, string, number][] = [
  ['i32', '', '', 4],
  ['i64', '', '', 8],
  ['i32', '8', '_u', 1],
  ['i32', '16', '_u', 2],
  ['i64', '8', '_u', 1],
  ['i64', '16', '_u', 2],
  ['i64', '32', '_u', 4],
];
atomicWidths.forEach(([t, bits, u, n], i) => {
  const v = t === 'i32' ? 'i' : 'l';
  rows.push([0xfe, 0x10 + i, `${t}.atomic.load${bits}${u}`, I.MemArg, 'threads', `a:${v}`, 0, n]);
  rows.push([0xfe, 0x17 + i, `${t}.atomic.store${bits}`, I.MemArg, 'threads', `a${v}:`, 0, n]);
  ['add', 'sub', 'and', 'or', 'xor', 'xchg'].forEach((rmw, k) => {
    rows.push([0xfe, 0x1e + 7 * k + i, `${t}.atomic.rmw${bits}.${rmw}${u}`, I.MemArg, 'threads', `a${v}:${v}`, 0, n]);
  });
  rows.push([0xfe, 0x48 + i, `${t}.atomic.rmw${bits}.cmpxchg${u}`, I.MemArg, 'threads', `a${v}${v}:${v}`, 0, n]);
});

/** Every operator, indexed by `OperatorInfo.id`. */
export const OPERATORS: readonly OperatorInfo[] = rows.map(([prefix, code, name, imm, feature, sig, flags, n], id) => {
  const [params, results] = parseSig(sig);
  return Object.freeze({ id, prefix, code, name, imm, feature, params, results, n: n ?? 0, flags });
});

/** `OperatorInfo.flags` by operator id. */
export const FLAGS_BY_ID: Uint8Array = Uint8Array.from(OPERATORS, (op) => op.flags);

function byCode(prefix: number, size: number): (OperatorInfo | undefined)[] {
  const table: (OperatorInfo | undefined)[] = new Array(size).fill(undefined);
  for (const op of OPERATORS) if (op.prefix === prefix) table[op.code] = op;
  return table;
}

/** The prefix bytes of multi-byte opcodes, by the name of their space (`case 0xfd: // simd prefix`). */
export const PREFIX_NAMES: Readonly<Record<number, string>> = { 251: 'gc', 252: 'misc', 253: 'simd', 254: 'atomic' };

/** Single-byte operators by opcode. */
export const OPS: readonly (OperatorInfo | undefined)[] = byCode(0, 256);
/** GC operators (0xfb prefix) by sub-opcode. */
export const OPS_FB: readonly (OperatorInfo | undefined)[] = byCode(0xfb, 32);
/** Miscellaneous operators (0xfc prefix) by sub-opcode. */
export const OPS_FC: readonly (OperatorInfo | undefined)[] = byCode(0xfc, 32);
/** SIMD operators (0xfd prefix) by sub-opcode. */
export const OPS_FD: readonly (OperatorInfo | undefined)[] = byCode(0xfd, 0x114);
/** Atomic operators (0xfe prefix) by sub-opcode. */
export const OPS_FE: readonly (OperatorInfo | undefined)[] = byCode(0xfe, 0x4f);

/**
 * `OperatorInfo.flags` by first byte, for loops that look at one byte: a one-byte operator's flags; a prefix byte
 * has `Control` when an operator under it has it (code that tests the first byte only treats all of them as
 * control: every GC operator, for `br_on_cast`) and no other flag; 0 for an unassigned opcode.
 */
export const FLAGS_BY_OPCODE: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (const op of OPERATORS) t[op.prefix === 0 ? op.code : op.prefix] |= op.prefix === 0 ? op.flags : op.flags & C;
  return t;
})();

/**
 * 1 for each first byte whose `FLAGS_BY_OPCODE` has any of the `OpFlag` bits `flags`, else 0 (a table indexed by
 * opcode, for hot loops).
 */
export function opcodesWith(flags: number): Uint8Array {
  return FLAGS_BY_OPCODE.map((f) => ((f & flags) !== 0 ? 1 : 0));
}

/** Operators by text mnemonic; a few mnemonics (select, ref.test, ref.cast) map to two rows. */
export const OPS_BY_NAME: ReadonlyMap<string, readonly OperatorInfo[]> = (() => {
  const map = new Map<string, OperatorInfo[]>();
  for (const op of OPERATORS) {
    const list = map.get(op.name);
    if (list) list.push(op);
    else map.set(op.name, [op]);
  }
  return map;
})();

/** Looks an operator up by prefix and code. */
export function operatorFor(prefix: number, code: number): OperatorInfo | undefined {
  switch (prefix) {
    case 0:
      return OPS[code];
    case 0xfb: // gc prefix
      return OPS_FB[code];
    case 0xfc: // misc prefix
      return OPS_FC[code];
    case 0xfd: // simd prefix
      return OPS_FD[code];
    case 0xfe: // atomic prefix
      return OPS_FE[code];
    default:
      return undefined;
  }
}

/** The operator of text mnemonic `name` (its first row), for writers that emit operators by name. */
export function operatorNamed(name: string): OperatorInfo {
  const op = OPS_BY_NAME.get(name)?.[0];
  if (op === undefined) throw new Error(`no operator named ${name}`);
  return op;
}
