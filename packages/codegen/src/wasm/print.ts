// A plain listing of a module's imports and function bodies, one operator per line, from the operator
// table: enough to review what the instrumenter inserted (test/wasm/disas) without a full printer.

import {
  BinaryReader,
  decodeModule,
  Imm,
  LAYOUT_BY_ID,
  Layout,
  type Module,
  type OperatorInfo,
  OpFlag,
  refType,
  valTypeToString,
  type WasmFeatures,
} from '@wasmts/environ';
import { readCatch, readOperator } from './operators.js';

/** A value type given as the s33 its one-byte form reads as. */
function shortType(v: number): string {
  return valTypeToString(v >= -5 ? v + 0x80 : refType(v, true));
}

function blockType(r: BinaryReader): string {
  const b = r.peek();
  if (b === 0x40) {
    r.pos++;
    return '';
  }
  if (b === 0x63 || b === 0x64) {
    r.pos++;
    return ` (result (ref${b === 0x63 ? ' null' : ''} ${r.s33()}))`;
  }
  const v = r.s33();
  return v < 0 ? ` (result ${shortType(v)})` : ` (type ${v})`;
}

/** A one-LEB128 immediate: signed for constants and heap types, else an index. */
function leb(r: BinaryReader, imm: Imm): string {
  if (imm === Imm.I32) return ` ${r.s32()}`;
  if (imm === Imm.I64) return ` ${r.s64()}`;
  if (imm === Imm.HeapType) return ` ${r.s33()}`;
  return ` ${r.u32()}`;
}

/** The immediates of `info`, read in the layout environ's table gives them (`LAYOUT_BY_ID`). */
function immediates(r: BinaryReader, info: OperatorInfo): string {
  switch (LAYOUT_BY_ID[info.id]) {
    case Layout.None:
      return '';
    case Layout.Leb:
      return leb(r, info.imm);
    case Layout.Leb2:
      return ` ${r.u32()} ${r.u32()}`;
    case Layout.BlockType:
      return blockType(r);
    case Layout.BrTable: {
      const n = r.u32();
      const t: number[] = [];
      for (let i = 0; i <= n; i++) t.push(r.u32());
      return ` ${t.join(' ')}`;
    }
    case Layout.MemArg:
    case Layout.MemArgLane: {
      const align = r.u32();
      const mem = align & 0x40 ? r.u32() : 0;
      const offset = r.u64();
      const lane = info.imm === Imm.MemArgLane ? ` ${r.u8()}` : '';
      return `${mem ? ` ${mem}` : ''}${offset ? ` offset=${offset}` : ''} align=${2 ** (align & 0x3f)}${lane}`;
    }
    case Layout.Bytes4:
    case Layout.Bytes8:
    case Layout.Bytes16: {
      const n = info.imm === Imm.F32 ? 4 : info.imm === Imm.F64 ? 8 : 16;
      const { start, end } = r.skip(n);
      return ` 0x${[...r.bytes.subarray(start, end)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    }
    case Layout.Byte:
      return ` ${r.u8()}`;
    case Layout.SelectT: {
      const n = r.u32();
      const t: string[] = [];
      for (let i = 0; i < n; i++) {
        const b = r.u8();
        t.push(b === 0x63 || b === 0x64 ? `ref:${r.s33()}` : `0x${b.toString(16)}`);
      }
      return ` (result ${t.join(' ')})`;
    }
    case Layout.TryTable: {
      const bt = blockType(r);
      const n = r.u32();
      const c: number[] = [];
      for (let i = 0; i < n; i++) c.push(readCatch(r));
      return `${bt} (catch labels ${c.join(' ')})`;
    }
    case Layout.BrOnCast:
      return ` ${r.u8()} ${r.u32()} ${r.s33()} ${r.s33()}`;
    default:
      throw new Error(`print: no layout for ${info.name}`);
  }
}

/** Lists the imports and every defined function's operators of a module, one per line. */
export function printModule(bytes: Uint8Array, features?: WasmFeatures): string {
  const module: Module = decodeModule(bytes, features ? { features } : {});
  const lines: string[] = [];
  for (const imp of module.imports)
    lines.push(`(import ${JSON.stringify(imp.module)} ${JSON.stringify(imp.name)} ${imp.type.kind} ${imp.index})`);
  module.bodies.forEach((body, i) => {
    const f = module.numImportedFuncs + i;
    const locals = body.locals.map(([n, t]) => (n === 1 ? valTypeToString(t) : `${valTypeToString(t)}*${n}`)).join(' ');
    lines.push(`(func ${f}${locals ? ` (locals ${locals})` : ''}`);
    const r = new BinaryReader(bytes, body.codeStart, body.range.end);
    let indent = '  ';
    while (!r.eof()) {
      const info = readOperator(r);
      // a construct's arms and its body are indented (end, else, catch, catch_all, delegate: one level out)
      if ((info.flags & (OpFlag.Closes | OpFlag.Arm)) !== 0) indent = indent.slice(2);
      const text = `${indent}${info.name}${immediates(r, info)}`;
      if (!((info.flags & OpFlag.Closes) !== 0 && r.eof())) lines.push(text);
      if ((info.flags & (OpFlag.Opens | OpFlag.Arm)) !== 0) indent += '  ';
    }
    lines.push(')');
  });
  return `${lines.join('\n')}\n`;
}
