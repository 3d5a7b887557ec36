// Skipping an operator's immediates without decoding or validating them: the cheap reading that code
// walking already-validated bodies needs (codegen's dead-code skipping, the wasm backend's re-encoder).

import { Imm } from './operators.js';
import type { BinaryReader } from './reader.js';

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
      for (let i = 0; i < n; i++) {
        // catch and catch_ref name a tag before the label; catch_all and catch_all_ref only the label
        if (r.u8() <= 1) r.u32();
        r.u32();
      }
      return;
    }
    case Imm.BrOnCast:
      r.u8();
      r.u32();
      r.s33();
      r.s33();
      return;
  }
  throw new Error(`unknown immediate kind ${imm as number}`);
}
