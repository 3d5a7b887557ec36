// Walking instructions generically from environ's operator table: which operator starts at a position,
// and where its immediates end. The re-encoder copies every operator's bytes through these and rewrites
// only the immediates that name a function or a global.

import {
  BinaryReader,
  LAYOUT_BY_ID,
  LAYOUT_BY_OPCODE,
  Layout,
  type OperatorInfo,
  OpFlag,
  opcodesWith,
  operatorFrom,
  skipLayout,
  skipLeb,
} from '@wasmts/environ';

/** Reads the opcode (and sub-opcode after a prefix byte) at `r.pos` and returns its row. */
export function readOperator(r: BinaryReader): OperatorInfo {
  const op = r.u8();
  const info = operatorFrom(op, r);
  if (info === undefined) throw new Error(`wasm backend: unknown operator 0x${op.toString(16)} at ${r.pos}`);
  return info;
}

/** One `try_table` catch clause: its kind byte and label (the tag is skipped). */
export function readCatch(r: BinaryReader): number {
  const kind = r.u8();
  if (kind === 0 || kind === 1) r.u32();
  return r.u32();
}

/**
 * 1 per first byte of a control operator (`OpFlag.Control`: control flow, calls, throws; the GC prefix): both backends
 * add the fuel accumulated so far to the counter before it.
 */
export const CONTROL: Uint8Array = opcodesWith(OpFlag.Control);

/**
 * 1 per one-byte operator that cannot trap, throw, call or reach the host (`OpFlag.Silent`); 0 for prefix bytes
 * (a prefixed operator's own `flags` say). After one, neither backend needs its fuel count stored where the host can
 * see it; each adds what its own code shape makes safe (calls, returns).
 */
export const SILENT_OPS: Uint8Array = opcodesWith(OpFlag.Silent);

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
