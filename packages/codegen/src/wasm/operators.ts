// Walking instructions generically from environ's operator table: which operator starts at a position,
// and where its immediates end. The re-encoder copies every operator's bytes through these and rewrites
// only the immediates that name a function or a global.

import { BinaryReader, Imm, OPS, type OperatorInfo, operatorFor, skipImmediates } from '@wasmts/environ';

/** Reads the opcode (and sub-opcode after a prefix byte) at `r.pos` and returns its row. */
export function readOperator(r: BinaryReader): OperatorInfo {
  const op = r.u8();
  const info =
    op === 0xfb /* gc prefix */ ||
    op === 0xfc /* misc prefix */ ||
    op === 0xfd /* simd prefix */ ||
    op === 0xfe /* atomic prefix */
      ? operatorFor(op, r.u32())
      : OPS[op];
  if (info === undefined) throw new Error(`wasm backend: unknown operator 0x${op.toString(16)} at ${r.pos}`);
  return info;
}

/** One `try_table` catch clause: its kind byte and label (the tag is skipped). */
export function readCatch(r: BinaryReader): number {
  const kind = r.u8();
  if (kind === 0 || kind === 1) r.u32();
  return r.u32();
}

/** Opcodes (first byte) before which pending fuel is added to the counter, as the JS backend does. */
export const FLUSH_BEFORE = new Uint8Array(256);
for (const op of [
  0x00, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13,
  0x14, 0x15, 0x18, 0x19, 0x1f, 0xd5, 0xd6, 0xfb,
])
  FLUSH_BEFORE[op] = 1;

/**
 * How to skip the immediates of a one-byte operator without a reader (and without the BigInts `u64`/`s64`
 * build): `SKIP_NONE`, `SKIP_LEB` (one LEB128), `SKIP_MEMARG`, `SKIP_4`, `SKIP_8`, `SKIP_BLOCKTYPE`, or
 * `SKIP_SLOW` (use `skipImmediates`).
 */
export const SKIP_NONE = 0;
export const SKIP_LEB = 1;
export const SKIP_MEMARG = 2;
export const SKIP_4 = 3;
export const SKIP_8 = 4;
export const SKIP_BLOCKTYPE = 5;
export const SKIP_SLOW = 255;
export const SKIP_KIND = new Uint8Array(256).fill(SKIP_SLOW);
for (let op = 0; op < 256; op++) {
  const info = OPS[op];
  if (info === undefined || info.prefix !== 0) continue;
  switch (info.imm) {
    case Imm.None:
      SKIP_KIND[op] = SKIP_NONE;
      break;
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
      SKIP_KIND[op] = SKIP_LEB;
      break;
    case Imm.MemArg:
      SKIP_KIND[op] = SKIP_MEMARG;
      break;
    case Imm.F32:
      SKIP_KIND[op] = SKIP_4;
      break;
    case Imm.F64:
      SKIP_KIND[op] = SKIP_8;
      break;
    case Imm.BlockType:
      SKIP_KIND[op] = SKIP_BLOCKTYPE;
      break;
  }
}

/** Past a LEB128 at `p` (of a validated body). */
function skipLeb(bytes: Uint8Array, p: number): number {
  while (bytes[p++] & 0x80);
  return p;
}

/** The position after immediates of kind `kind` (not `SKIP_SLOW`) starting at `p` in a validated body. */
export function skipFast(bytes: Uint8Array, p: number, kind: number): number {
  switch (kind) {
    case SKIP_NONE:
      return p;
    case SKIP_LEB:
      return skipLeb(bytes, p);
    case SKIP_MEMARG: {
      // align (bit 6: a memory index follows), [memory], offset
      const multi = bytes[p] & 0x40;
      p = skipLeb(bytes, p);
      if (multi) p = skipLeb(bytes, p);
      return skipLeb(bytes, p);
    }
    case SKIP_4:
      return p + 4;
    case SKIP_8:
      return p + 8;
    default: {
      const b = bytes[p];
      return skipLeb(bytes, b === 0x63 || b === 0x64 ? p + 1 : p);
    }
  }
}

/**
 * Steps over the operators of a validated body, one at a time, with the one-byte table where it can and a reader
 * for prefixed and rare operators (the loop that the epoch analysis and the construct heights share).
 */
export class OperatorWalker {
  /** The row of the operator the last `next` stepped over, when it took the reader's path; else null. */
  slow: OperatorInfo | null = null;
  private reader: BinaryReader | null = null;
  constructor(private readonly bytes: Uint8Array) {}

  /** The position after the operator at `p` and its immediates. */
  next(p: number): number {
    const kind = SKIP_KIND[this.bytes[p]];
    if (kind !== SKIP_SLOW) {
      this.slow = null;
      return skipFast(this.bytes, p + 1, kind);
    }
    this.reader ??= new BinaryReader(this.bytes, 0, this.bytes.length);
    const r = this.reader;
    r.pos = p;
    const info = readOperator(r);
    skipImmediates(r, info.imm);
    this.slow = info;
    return r.pos;
  }
}
