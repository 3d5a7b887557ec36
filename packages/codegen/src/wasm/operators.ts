// Walking instructions generically from environ's operator table: which operator starts at a position,
// and where its immediates end. The re-encoder copies every operator's bytes through these and rewrites
// only the immediates that name a function or a global.

import {
  BinaryReader,
  LAYOUT_BY_ID,
  LAYOUT_BY_OPCODE,
  Layout,
  OPS,
  type OperatorInfo,
  operatorFor,
  skipLayout,
  skipLeb,
} from '@wasmts/environ';

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
 * Steps over the operators of a validated body, one at a time, by environ's one immediate-layout table
 * (`LAYOUT_BY_OPCODE`, `skipLayout`; the loop that the epoch analysis, the construct heights and the body scan share).
 * Throws a CompileError where the bytes do not read as operators (a body not validated yet).
 */
export class OperatorWalker {
  /** The row of the prefixed operator the last `next` stepped over; null after a one-byte operator. */
  slow: OperatorInfo | null = null;
  private reader: BinaryReader | null = null;
  constructor(private readonly bytes: Uint8Array) {}

  /** The position after the operator at `p` and its immediates. */
  next(p: number): number {
    const bytes = this.bytes;
    const op = bytes[p];
    const layout = LAYOUT_BY_OPCODE[op];
    if (layout !== Layout.Prefix) {
      this.slow = null;
      if (layout === Layout.None) return p + 1;
      return layout === Layout.Leb
        ? skipLeb(bytes, p + 1, bytes.length)
        : skipLayout(bytes, p + 1, bytes.length, layout);
    }
    const r = (this.reader ??= new BinaryReader(bytes, 0, bytes.length));
    r.pos = p;
    const info = readOperator(r);
    this.slow = info;
    return skipLayout(bytes, r.pos, bytes.length, LAYOUT_BY_ID[info.id]);
  }
}
