// A plain listing of a module's imports and function bodies, one operator per line, from the operator
// table: enough to review what the instrumenter inserted (test/wasm/disas) without a full printer.

import {
  BinaryReader,
  decodeModule,
  Imm,
  type Module,
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

function immediates(r: BinaryReader, imm: Imm): string {
  switch (imm) {
    case Imm.None:
      return '';
    case Imm.BlockType:
      return blockType(r);
    case Imm.BrTable: {
      const n = r.u32();
      const t: number[] = [];
      for (let i = 0; i <= n; i++) t.push(r.u32());
      return ` ${t.join(' ')}`;
    }
    case Imm.MemArg:
    case Imm.MemArgLane: {
      const align = r.u32();
      const mem = align & 0x40 ? r.u32() : 0;
      const offset = r.u64();
      const lane = imm === Imm.MemArgLane ? ` ${r.u8()}` : '';
      return `${mem ? ` ${mem}` : ''}${offset ? ` offset=${offset}` : ''} align=${2 ** (align & 0x3f)}${lane}`;
    }
    case Imm.I32:
      return ` ${r.s32()}`;
    case Imm.I64:
      return ` ${r.s64()}`;
    case Imm.F32:
    case Imm.F64:
    case Imm.V128:
    case Imm.Shuffle: {
      const n = imm === Imm.F32 ? 4 : imm === Imm.F64 ? 8 : 16;
      const { start, end } = r.skip(n);
      return ` 0x${[...r.bytes.subarray(start, end)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    }
    case Imm.Lane:
    case Imm.Zero:
      return ` ${r.u8()}`;
    case Imm.HeapType:
      return ` ${r.s33()}`;
    case Imm.SelectT: {
      const n = r.u32();
      const t: string[] = [];
      for (let i = 0; i < n; i++) {
        const b = r.u8();
        t.push(b === 0x63 || b === 0x64 ? `ref:${r.s33()}` : `0x${b.toString(16)}`);
      }
      return ` (result ${t.join(' ')})`;
    }
    case Imm.TryTable: {
      const bt = blockType(r);
      const n = r.u32();
      const c: number[] = [];
      for (let i = 0; i < n; i++) c.push(readCatch(r));
      return `${bt} (catch labels ${c.join(' ')})`;
    }
    case Imm.BrOnCast:
      return ` ${r.u8()} ${r.u32()} ${r.s33()} ${r.s33()}`;
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
      return ` ${r.u32()} ${r.u32()}`;
    default:
      return ` ${r.u32()}`;
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
      const op = info.prefix === 0 ? info.code : -1;
      if (
        op === 0x0b /* end */ ||
        op === 0x05 /* else */ ||
        op === 0x07 /* catch */ ||
        op === 0x19 /* catch_all */ ||
        op === 0x18 /* delegate */
      )
        indent = indent.slice(2);
      const text = `${indent}${info.name}${immediates(r, info.imm)}`;
      if (!(op === 0x0b /* end */ && r.eof())) lines.push(text);
      if (
        op === 0x02 /* block */ ||
        op === 0x03 /* loop */ ||
        op === 0x04 /* if */ ||
        op === 0x06 /* try */ ||
        op === 0x1f /* try_table */
      )
        indent += '  ';
      if (op === 0x05 /* else */ || op === 0x07 /* catch */ || op === 0x19 /* catch_all */) indent += '  ';
    }
    lines.push(')');
  });
  return `${lines.join('\n')}\n`;
}
