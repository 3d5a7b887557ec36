// Stepping over an operator's immediates without decoding or validating them: the one definition of their byte
// layout, derived from the operator table's immediate column (`OperatorInfo.imm`, `layoutOf`). The validator's
// site scan (validator/sites.ts), codegen's operator walker and the wasm backend's re-encoder step over bytes with
// `skipLayout`; code holding a `BinaryReader` uses `skipImmediates`, the same steps.

import { malformed } from './errors.js';
import { Imm, OPERATORS, OPS, type OperatorInfo, operatorFor } from './operators.js';
import type { BinaryReader } from './reader.js';

/** How an operator's immediates lie in the bytes (several `Imm` kinds share one layout). */
export const Layout = {
  None: 0,
  /** one LEB128: an index, s32, s64, a heap type (s33) */
  Leb: 1,
  /** two LEB128s */
  Leb2: 2,
  /** align (bit 6: a memory index follows), [memory], offset */
  MemArg: 3,
  /** a memarg, then a lane byte */
  MemArgLane: 4,
  /** one byte (a lane index, atomic.fence's zero) */
  Byte: 5,
  Bytes4: 6,
  Bytes8: 7,
  Bytes16: 8,
  /** 0x40, a value type (a reference type's heap type after 0x63/0x64), or a type index (s33) */
  BlockType: 9,
  /** vec(label) label */
  BrTable: 10,
  /** vec(valtype) */
  SelectT: 11,
  /** blocktype vec(catch) */
  TryTable: 12,
  /** flags byte, label, two heap types */
  BrOnCast: 13,
  /** `LAYOUT_BY_OPCODE` only: a prefix byte (a u32 sub-opcode follows) or an unassigned opcode */
  Prefix: 254,
} as const;
/** See `Layout`. */
export type Layout = (typeof Layout)[keyof typeof Layout];

/** The byte layout of immediates of kind `imm`. */
export function layoutOf(imm: Imm): Layout {
  switch (imm) {
    case Imm.None:
      return Layout.None;
    case Imm.BlockType:
      return Layout.BlockType;
    case Imm.BrTable:
      return Layout.BrTable;
    case Imm.CallIndirect:
    case Imm.TypeField:
    case Imm.TypeType:
    case Imm.TypeCount:
    case Imm.TypeData:
    case Imm.TypeElem:
    case Imm.MemoryInit:
    case Imm.MemoryCopy:
    case Imm.TableInit:
    case Imm.TableCopy:
      return Layout.Leb2;
    case Imm.MemArg:
      return Layout.MemArg;
    case Imm.MemArgLane:
      return Layout.MemArgLane;
    case Imm.Lane:
    case Imm.Zero:
      return Layout.Byte;
    case Imm.F32:
      return Layout.Bytes4;
    case Imm.F64:
      return Layout.Bytes8;
    case Imm.V128:
    case Imm.Shuffle:
      return Layout.Bytes16;
    case Imm.SelectT:
      return Layout.SelectT;
    case Imm.TryTable:
      return Layout.TryTable;
    case Imm.BrOnCast:
      return Layout.BrOnCast;
    case Imm.Label:
    case Imm.Func:
    case Imm.Type:
    case Imm.Local:
    case Imm.Global:
    case Imm.Table:
    case Imm.Memory:
    case Imm.Tag:
    case Imm.Data:
    case Imm.Elem:
    case Imm.I32:
    case Imm.I64:
    case Imm.HeapType:
      return Layout.Leb;
  }
  throw new Error(`unknown immediate kind ${imm as number}`);
}

/** Layout by `Imm` kind. */
const LAYOUT_BY_IMM: Uint8Array = Uint8Array.from({ length: Math.max(...Object.values(Imm)) + 1 }, (_, imm) =>
  layoutOf(imm as Imm),
);
/** Layout by operator id (`OperatorInfo.id`). */
export const LAYOUT_BY_ID: Uint8Array = Uint8Array.from(OPERATORS, (op) => LAYOUT_BY_IMM[op.imm]);
/** Layout by one-byte opcode: `Layout.Prefix` for the four prefix bytes and the unassigned opcodes. */
export const LAYOUT_BY_OPCODE: Uint8Array = (() => {
  const t = new Uint8Array(256).fill(Layout.Prefix);
  for (let op = 0; op < 256; op++) {
    const info = OPS[op];
    if (info !== undefined) t[op] = LAYOUT_BY_ID[info.id];
  }
  return t;
})();

/** Where a body does not read as operators (past its end, a LEB128 too long). */
export function unreadable(pos: number): never {
  return malformed('unreadable function body', pos);
}

/** Past the LEB128 at `p` (at most 10 bytes, within `end`). */
export function skipLeb(bytes: Uint8Array, p: number, end: number): number {
  const stop = Math.min(end, p + 10);
  while (p < stop) if ((bytes[p++] & 0x80) === 0) return p;
  return unreadable(p);
}

/** The value of the last `readU32` (module scratch: no object per read). */
export const u32Read = { value: 0 };

/** Reads the u32 LEB128 (at most 5 bytes, within `end`) at `p` into `u32Read.value`; returns the position after it. */
export function readU32(bytes: Uint8Array, p: number, end: number): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (p >= end || shift > 28) unreadable(p);
    const b = bytes[p++];
    result |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) break;
    shift += 7;
  }
  u32Read.value = result >>> 0;
  return p;
}

/** Past the block type at `p`. */
export function skipBlockTypeAt(bytes: Uint8Array, p: number, end: number): number {
  const b = bytes[p];
  return skipLeb(bytes, b === 0x63 || b === 0x64 ? p + 1 : p, end);
}

/**
 * The position after the immediates of layout `layout` (not `Prefix`) that start at `p`, within `end`. Reads only
 * lengths: for bodies a validator accepted, or that may be rejected with a malformed CompileError ("unreadable
 * function body") where they do not read. Constant work per byte; a count larger than the body stops at its end.
 */
export function skipLayout(bytes: Uint8Array, p: number, end: number, layout: number): number {
  switch (layout) {
    case Layout.None:
      return p;
    case Layout.Leb:
      return bytes[p] < 0x80 && p < end ? p + 1 : skipLeb(bytes, p, end);
    case Layout.Leb2:
      return skipLeb(bytes, skipLeb(bytes, p, end), end);
    case Layout.MemArg:
    case Layout.MemArgLane: {
      const multi = bytes[p] & 0x40;
      p = skipLeb(bytes, p, end);
      if (multi !== 0) p = skipLeb(bytes, p, end);
      p = skipLeb(bytes, p, end);
      if (layout === Layout.MemArgLane) p++;
      break;
    }
    case Layout.Byte:
      p += 1;
      break;
    case Layout.Bytes4:
      p += 4;
      break;
    case Layout.Bytes8:
      p += 8;
      break;
    case Layout.Bytes16:
      p += 16;
      break;
    case Layout.BlockType:
      return skipBlockTypeAt(bytes, p, end);
    case Layout.BrTable: {
      p = readU32(bytes, p, end);
      // n labels and the default, each at least one byte
      for (let n = u32Read.value; n >= 0 && p < end; n--) p = skipLeb(bytes, p, end);
      break;
    }
    case Layout.SelectT: {
      p = readU32(bytes, p, end);
      for (let n = u32Read.value; n > 0 && p < end; n--) {
        const b = bytes[p++];
        if (b === 0x63 || b === 0x64) p = skipLeb(bytes, p, end);
      }
      break;
    }
    case Layout.TryTable: {
      p = readU32(bytes, skipBlockTypeAt(bytes, p, end), end);
      for (let n = u32Read.value; n > 0 && p < end; n--) {
        // catch and catch_ref name a tag before the label; catch_all and catch_all_ref only the label
        if (bytes[p++] <= 1) p = skipLeb(bytes, p, end);
        p = skipLeb(bytes, p, end);
      }
      break;
    }
    case Layout.BrOnCast:
      return skipLeb(bytes, skipLeb(bytes, skipLeb(bytes, p + 1, end), end), end);
    default:
      throw new Error(`unknown immediate layout ${layout}`);
  }
  if (p > end) unreadable(end);
  return p;
}

/**
 * The row of the operator whose first byte `op` has just been read from `r`; for one of the prefix bytes (0xfb gc,
 * 0xfc misc, 0xfd simd, 0xfe atomic) its u32 sub-opcode is read from `r` too. Undefined for an unassigned opcode.
 * The one prefix dispatch of code that reads operators one at a time.
 */
export function operatorFrom(op: number, r: BinaryReader): OperatorInfo | undefined {
  return op >= 0xfb /* gc prefix */ && op <= 0xfe /* atomic prefix */ ? operatorFor(op, r.u32()) : OPS[op];
}

/** A block type: 0x40, a value type, or a type index (s33). */
export function skipBlockType(r: BinaryReader): void {
  r.pos = skipBlockTypeAt(r.bytes, r.pos, r.end);
}

/** A value type. */
export function skipValType(r: BinaryReader): void {
  const b = r.u8();
  if (b === 0x63 || b === 0x64) r.pos = skipLeb(r.bytes, r.pos, r.end);
}

/** Skips the immediates of an operator whose opcode has been read (`skipLayout` on the reader's bytes). */
export function skipImmediates(r: BinaryReader, imm: Imm): void {
  r.pos = skipLayout(r.bytes, r.pos, r.end, LAYOUT_BY_IMM[imm]);
}
