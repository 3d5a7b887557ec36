// Walking instructions generically from environ's operator table: which operator starts at a position,
// and where its immediates end. The re-encoder copies every operator's bytes through these and rewrites
// only the immediates that name a function or a global.

import { type BinaryReader, Imm, OPS, type OperatorInfo, operatorFor } from '@wasmts/environ';

/** Reads the opcode (and sub-opcode after a prefix byte) at `r.pos` and returns its row. */
export function readOperator(r: BinaryReader): OperatorInfo {
  const op = r.u8();
  const info = op === 0xfb || op === 0xfc || op === 0xfd || op === 0xfe ? operatorFor(op, r.u32()) : OPS[op];
  if (info === undefined) throw new Error(`wasm backend: unknown operator 0x${op.toString(16)} at ${r.pos}`);
  return info;
}

/** A block type: 0x40, a value type, or a type index (s33). */
export function skipBlockType(r: BinaryReader): void {
  const b = r.peek();
  if (b === 0x63 || b === 0x64) r.pos++;
  r.s33();
}

/** A value type. */
export function skipValType(r: BinaryReader): void {
  const b = r.u8();
  if (b === 0x63 || b === 0x64) r.s33();
}

/** One `try_table` catch clause: its kind byte and label (the tag is skipped). */
export function readCatch(r: BinaryReader): number {
  const kind = r.u8();
  if (kind === 0 || kind === 1) r.u32();
  return r.u32();
}

/** Skips the immediates of an operator whose opcode has been read. */
export function skipImmediates(r: BinaryReader, imm: Imm): void {
  switch (imm) {
    case Imm.None:
      return;
    case Imm.BlockType:
      skipBlockType(r);
      return;
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
      r.u32();
      return;
    case Imm.BrTable: {
      const n = r.u32();
      for (let i = 0; i <= n; i++) r.u32();
      return;
    }
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
      r.u32();
      r.u32();
      return;
    case Imm.MemArg:
    case Imm.MemArgLane: {
      const align = r.u32();
      if (align & 0x40) r.u32();
      r.u64();
      if (imm === Imm.MemArgLane) r.u8();
      return;
    }
    case Imm.Lane:
    case Imm.Zero:
      r.u8();
      return;
    case Imm.I32:
      r.s32();
      return;
    case Imm.I64:
      r.s64();
      return;
    case Imm.F32:
      r.skip(4);
      return;
    case Imm.F64:
      r.skip(8);
      return;
    case Imm.V128:
    case Imm.Shuffle:
      r.skip(16);
      return;
    case Imm.SelectT: {
      const n = r.u32();
      for (let i = 0; i < n; i++) skipValType(r);
      return;
    }
    case Imm.HeapType:
      r.s33();
      return;
    case Imm.TryTable: {
      skipBlockType(r);
      const n = r.u32();
      for (let i = 0; i < n; i++) readCatch(r);
      return;
    }
    case Imm.BrOnCast:
      r.u8();
      r.u32();
      r.s33();
      r.s33();
      return;
  }
  throw new Error(`wasm backend: unknown immediate kind ${imm as number}`);
}

/** Opcodes (first byte) before which pending fuel is added to the counter, as the JS backend does. */
export const FLUSH_BEFORE = new Uint8Array(256);
for (const op of [
  0x00, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13,
  0x14, 0x15, 0x18, 0x19, 0x1f, 0xd5, 0xd6, 0xfb,
])
  FLUSH_BEFORE[op] = 1;
