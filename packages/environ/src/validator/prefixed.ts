// 0xfc operators whose stack effect depends on their table or memory immediates: bulk memory between
// memories, table operations and segment initialization. The rest of 0xfc (saturating truncation,
// memory.fill, data.drop, elem.drop) is fixed-signature and goes through the generic path.

import { I32, type ValType } from '../types.js';
import type { FuncValidator } from './state.js';

function minAddr(a: ValType, b: ValType): ValType {
  return a === I32 || b === I32 ? I32 : a;
}

function tableElem(v: FuncValidator, table: number): ValType {
  v.tableAddr(table);
  return v.ctx.tableElem[table];
}

/** Validates 0xfc sub-opcode `sub` if it is one of the operators handled here; false otherwise. */
export function validateFc(v: FuncValidator, sub: number): boolean {
  switch (sub) {
    case 8: {
      // memory.init data memory
      const d = v.u32();
      const m = v.u32();
      if (v.ctx.dataCount < 0) v.dataIndex(d);
      const addr = v.memoryAddr(m);
      v.dataIndex(d);
      v.pop(I32);
      v.pop(I32);
      v.pop(addr);
      return true;
    }
    case 10: {
      // memory.copy dst src
      const dst = v.memoryAddr(v.u32());
      const src = v.memoryAddr(v.u32());
      v.pop(minAddr(dst, src));
      v.pop(src);
      v.pop(dst);
      return true;
    }
    case 12: {
      // table.init elem table
      const e = v.u32();
      const t = v.u32();
      const addr = v.tableAddr(t);
      const et = v.elemType(e);
      if (!v.sub(et, v.ctx.tableElem[t])) v.fail('type mismatch: element segment does not match the table');
      v.pop(I32);
      v.pop(I32);
      v.pop(addr);
      return true;
    }
    case 14: {
      // table.copy dst src
      const d = v.u32();
      const s = v.u32();
      const dstElem = tableElem(v, d);
      const srcElem = tableElem(v, s);
      if (!v.sub(srcElem, dstElem)) v.fail('type mismatch: source table does not match the destination');
      const dst = v.ctx.tableAddr[d];
      const src = v.ctx.tableAddr[s];
      v.pop(minAddr(dst, src));
      v.pop(src);
      v.pop(dst);
      return true;
    }
    case 15: {
      // table.grow
      const t = v.u32();
      const addr = v.tableAddr(t);
      v.pop(addr);
      v.pop(v.ctx.tableElem[t]);
      v.push(addr);
      return true;
    }
    case 16: {
      // table.size
      v.push(v.tableAddr(v.u32()));
      return true;
    }
    case 17: {
      // table.fill
      const t = v.u32();
      const addr = v.tableAddr(t);
      v.pop(addr);
      v.pop(v.ctx.tableElem[t]);
      v.pop(addr);
      return true;
    }
    default:
      return false;
  }
}
