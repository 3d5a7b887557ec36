// Module fields to the binary format. Three passes over the fields: (A) allocate indices and bind
// identifiers in every index space, (B) parse type definitions, (C) encode everything else in order.

import { ByteWriter } from '@wasmts/environ';
import { Cursor, isIndex, ModuleContext, type RefType, Space } from './context.js';
import type { Source } from './error.js';
import { ExprEncoder } from './instructions.js';
import { type List, type Node, NodeKind } from './lexer.js';
import { encodeNameSection } from './names.js';
import { parseTypeDef } from './types.js';

const KIND_NAMES: Record<string, string> = {
  func: 'function',
  table: 'table',
  memory: 'memory',
  global: 'global',
  tag: 'tag',
};
const EXPORT_KINDS: Record<string, number> = { func: 0, table: 1, memory: 2, global: 3, tag: 4 };
const REF_ATOMS = new Set([
  'funcref',
  'externref',
  'anyref',
  'eqref',
  'i31ref',
  'structref',
  'arrayref',
  'exnref',
  'nullref',
  'nullexternref',
  'nullfuncref',
  'nullexnref',
]);

function headOf(n: Node | undefined): string | undefined {
  if (n === undefined || n.k !== NodeKind.List) return undefined;
  const h = n.items[0];
  return h !== undefined && h.k === NodeKind.Atom ? h.text : undefined;
}

function isRefTypeNode(n: Node | undefined): boolean {
  if (n === undefined) return false;
  if (n.k === NodeKind.Atom) return REF_ATOMS.has(n.text);
  return headOf(n) === 'ref';
}

/** A section under construction: an entry count and the entries' bytes. */
class Section {
  count = 0;
  readonly w = new ByteWriter();
}

interface RecGroup {
  start: number;
  size: number;
  rec: boolean;
  explicitSub: boolean[];
}

/** Encodes the fields of a text module to a binary module. */
export function encodeModule(src: Source, fields: Node[], name?: string): Uint8Array {
  try {
    return new ModuleEncoder(src).encode(fields, name);
  } catch (e) {
    // the encoder recurses over folded instructions; absurd nesting is a text error, not a crash
    if (e instanceof RangeError) throw src.error('nesting too deep', fields[0]?.pos ?? 0);
    throw e;
  }
}

class ModuleEncoder {
  private readonly ctx: ModuleContext;
  private readonly imports = new Section();
  private readonly funcSec = new Section();
  private readonly tableSec = new Section();
  private readonly memSec = new Section();
  private readonly tagSec = new Section();
  private readonly globalSec = new Section();
  private readonly exportSec = new Section();
  private readonly elemSec = new Section();
  private readonly codeSec = new Section();
  private readonly dataSec = new Section();
  private start = -1;
  private moduleName: string | undefined;
  // Local names by function index, for the name section.
  private readonly localNames = new Map<number, Map<string, number>>();
  private readonly recGroups: RecGroup[] = [];
  // Index counters for pass C, so each definition knows its own index.
  private readonly next: Record<string, number> = { func: 0, table: 0, memory: 0, global: 0, tag: 0 };

  constructor(private readonly src: Source) {
    this.ctx = new ModuleContext(src);
  }

  private space(kind: string): Space {
    const ctx = this.ctx;
    switch (kind) {
      case 'func':
        return ctx.funcs;
      case 'table':
        return ctx.tables;
      case 'memory':
        return ctx.mems;
      case 'global':
        return ctx.globals;
      default:
        return ctx.tags;
    }
  }

  encode(fields: Node[], name: string | undefined): Uint8Array {
    this.moduleName = name;
    const lists: List[] = [];
    for (const f of fields) {
      if (f.k !== NodeKind.List || headOf(f) === undefined) throw this.src.error('unexpected token', f.pos);
      lists.push(f);
    }
    this.passA(lists);
    this.passB(lists);
    for (const f of lists) this.field(f);
    return this.assemble();
  }

  private passA(lists: List[]): void {
    const ctx = this.ctx;
    let firstDef: string | undefined;
    for (const f of lists) {
      const head = headOf(f)!;
      const c = new Cursor(f.items, this.src, 1, f.pos);
      switch (head) {
        case 'type':
          ctx.types.add(c.id());
          break;
        case 'rec':
          while (!c.done()) {
            const t = c.list();
            if (headOf(t) !== 'type') throw this.src.error('unexpected token', t.pos);
            ctx.types.add(new Cursor(t.items, this.src, 1, t.pos).id());
          }
          break;
        case 'func':
        case 'table':
        case 'memory':
        case 'global':
        case 'tag': {
          const id = c.id();
          while (c.peekHead() === 'export') c.next();
          const isImport = c.peekHead() === 'import';
          if (isImport) {
            if (firstDef !== undefined) throw this.src.error(`import after ${KIND_NAMES[firstDef]}`, f.pos);
          } else firstDef ??= head;
          this.space(head).add(id);
          if (!isImport && head === 'table' && f.items.some((n) => headOf(n) === 'elem')) ctx.elems.add(undefined);
          if (!isImport && head === 'memory' && f.items.some((n) => headOf(n) === 'data')) ctx.datas.add(undefined);
          break;
        }
        case 'import': {
          c.string();
          c.string();
          const desc = c.list();
          const kind = headOf(desc);
          if (kind === undefined || !(kind in EXPORT_KINDS)) throw this.src.error('unexpected token', desc.pos);
          if (firstDef !== undefined) throw this.src.error(`import after ${KIND_NAMES[firstDef]}`, f.pos);
          this.space(kind).add(new Cursor(desc.items, this.src, 1, desc.pos).id());
          break;
        }
        case 'elem':
          ctx.elems.add(c.id());
          break;
        case 'data':
          ctx.datas.add(c.id());
          break;
        case 'export':
        case 'start':
          break;
        default:
          throw this.src.error(`unexpected token ${head}`, f.pos);
      }
    }
  }

  private passB(lists: List[]): void {
    let idx = 0;
    for (const f of lists) {
      const head = headOf(f);
      if (head === 'type') {
        const explicitSub = parseTypeDef(this.ctx, f, idx, true);
        this.recGroups.push({ start: idx, size: 1, rec: false, explicitSub: [explicitSub] });
        idx++;
      } else if (head === 'rec') {
        const group: RecGroup = { start: idx, size: f.items.length - 1, rec: true, explicitSub: [] };
        for (let i = 1; i < f.items.length; i++) {
          group.explicitSub.push(parseTypeDef(this.ctx, f.items[i] as List, idx, false));
          idx++;
        }
        this.recGroups.push(group);
      }
    }
  }

  // Inline `(export "name")` abbreviations.
  private inlineExports(c: Cursor, kind: string, idx: number): void {
    while (c.peekHead() === 'export') {
      const ec = c.sub(c.list());
      const name = ec.string();
      ec.end();
      this.exportSec.count++;
      this.exportSec.w.nameBytes(name.bytes);
      this.exportSec.w.u8(EXPORT_KINDS[kind]);
      this.exportSec.w.u32(idx);
    }
  }

  // Inline `(import "m" "n")`; returns true if present (and writes the import header).
  private inlineImport(c: Cursor): boolean {
    if (c.peekHead() !== 'import') return false;
    const ic = c.sub(c.list());
    const m = ic.string();
    const n = ic.string();
    ic.end();
    this.imports.count++;
    this.imports.w.nameBytes(m.bytes);
    this.imports.w.nameBytes(n.bytes);
    return true;
  }

  private field(f: List): void {
    const head = headOf(f)!;
    const c = new Cursor(f.items, this.src, 1, f.pos);
    switch (head) {
      case 'type':
      case 'rec':
        return;
      case 'func':
      case 'table':
      case 'memory':
      case 'global':
      case 'tag': {
        c.id();
        const idx = this.next[head]++;
        this.inlineExports(c, head, idx);
        if (this.inlineImport(c)) {
          this.importDesc(head, c, idx);
          c.end();
          return;
        }
        if (head === 'func') this.func(c, idx);
        else if (head === 'table') this.table(c, idx);
        else if (head === 'memory') this.memory(c, idx);
        else if (head === 'global') this.global(c);
        else {
          this.tagSec.count++;
          this.tagSec.w.u8(0);
          this.tagSec.w.u32(this.ctx.typeUse(c, true).index);
          c.end();
        }
        return;
      }
      case 'import': {
        const m = c.string();
        const n = c.string();
        const desc = c.list();
        c.end();
        const kind = headOf(desc)!;
        this.imports.count++;
        this.imports.w.nameBytes(m.bytes);
        this.imports.w.nameBytes(n.bytes);
        const dc = c.sub(desc);
        dc.id();
        this.importDesc(kind, dc, this.next[kind]++);
        dc.end();
        return;
      }
      case 'export': {
        const name = c.string();
        const desc = c.list();
        c.end();
        const kind = headOf(desc);
        if (kind === undefined || !(kind in EXPORT_KINDS)) throw this.src.error('unexpected token', desc.pos);
        const dc = c.sub(desc);
        const idx = this.space(kind).resolve(dc.next());
        dc.end();
        this.exportSec.count++;
        this.exportSec.w.nameBytes(name.bytes);
        this.exportSec.w.u8(EXPORT_KINDS[kind]);
        this.exportSec.w.u32(idx);
        return;
      }
      case 'start':
        if (this.start >= 0) throw this.src.error('multiple start sections', f.pos);
        this.start = this.ctx.funcs.resolve(c.next());
        c.end();
        return;
      case 'elem':
        this.elem(c);
        return;
      case 'data':
        this.data(c);
        return;
    }
  }

  private importDesc(kind: string, c: Cursor, idx: number): void {
    const w = this.imports.w;
    w.u8(EXPORT_KINDS[kind]);
    switch (kind) {
      case 'func':
        w.u32(this.ctx.typeUse(c, true).index);
        break;
      case 'tag':
        w.u8(0);
        w.u32(this.ctx.typeUse(c, true).index);
        break;
      case 'table':
        this.tableType(c, w, idx);
        break;
      case 'memory':
        this.memType(c, w, idx);
        break;
      case 'global':
        this.globalType(c, w);
        break;
    }
  }

  private addrType(c: Cursor): boolean {
    const a = c.peekAtom();
    if (a === 'i64' || a === 'i32') {
      c.next();
      return a === 'i64';
    }
    return false;
  }

  private limits(c: Cursor, w: ByteWriter, flags: number, extra?: (flags: number) => number): void {
    const min = c.u64();
    let max: bigint | undefined;
    if (isIndex(c.peek()) && c.peek()!.k === NodeKind.Atom) max = c.u64();
    if (max !== undefined) flags |= 1;
    if (extra) flags = extra(flags);
    w.u8(flags);
    w.u64(min);
    if (max !== undefined) w.u64(max);
  }

  private tableType(c: Cursor, w: ByteWriter, idx: number): RefType {
    const is64 = this.addrType(c);
    this.ctx.table64[idx] = is64;
    const lw = new ByteWriter();
    this.limits(c, lw, is64 ? 4 : 0);
    const rt = this.ctx.refType(c.next());
    w.bytes(this.ctx.encodeRef(rt));
    w.append(lw);
    return rt;
  }

  private memType(c: Cursor, w: ByteWriter, idx: number): void {
    const is64 = this.addrType(c);
    this.ctx.mem64[idx] = is64;
    let pageLog = -1;
    this.limits(c, w, is64 ? 4 : 0, (flags) => {
      if (c.peekAtom() === 'shared') {
        c.next();
        flags |= 2;
      }
      if (c.peekHead() === 'pagesize') {
        const pc = c.sub(c.list());
        const size = pc.u32();
        pc.end();
        pageLog = Math.round(Math.log2(size));
        if (size === 0 || 2 ** pageLog !== size) throw this.src.error('invalid custom page size', pc.endPos);
        flags |= 8;
      }
      return flags;
    });
    if (pageLog >= 0) w.u32(pageLog);
  }

  private globalType(c: Cursor, w: ByteWriter): void {
    const n = c.next();
    if (headOf(n) === 'mut') {
      const mc = c.sub(n as List);
      w.bytes(this.ctx.valType(mc.next()));
      mc.end();
      w.u8(1);
    } else {
      w.bytes(this.ctx.valType(n));
      w.u8(0);
    }
  }

  private expr(c: Cursor, w: ByteWriter, locals?: Space): void {
    const enc = new ExprEncoder(this.ctx, locals ?? new Space('local', this.src), w);
    enc.instrs(c);
    c.end();
    w.u8(0x0b);
  }

  private func(c: Cursor, funcIdx: number): void {
    const ctx = this.ctx;
    const use = ctx.typeUse(c, true);
    this.funcSec.count++;
    this.funcSec.w.u32(use.index);
    const locals = new Space('local', this.src);
    for (const id of use.paramIds) locals.add(id);
    const localTypes: number[][] = [];
    while (c.peekHead() === 'local') {
      const lc = c.sub(c.list());
      const id = lc.id();
      if (id !== undefined) {
        locals.add(id);
        localTypes.push(ctx.valType(lc.next()));
        lc.end();
      } else {
        while (!lc.done()) {
          locals.add(undefined);
          localTypes.push(ctx.valType(lc.next()));
        }
      }
    }
    if (locals.names.size > 0) this.localNames.set(funcIdx, locals.names);
    const body = new ByteWriter();
    // Run-length encode the local declarations.
    const groups: [number, number[]][] = [];
    for (const t of localTypes) {
      const last = groups[groups.length - 1];
      if (last !== undefined && last[1].length === t.length && last[1].every((b, i) => b === t[i])) last[0]++;
      else groups.push([1, t]);
    }
    body.u32(groups.length);
    for (const [n, t] of groups) {
      body.u32(n);
      body.bytes(t);
    }
    this.expr(c, body, locals);
    this.codeSec.count++;
    this.codeSec.w.u32(body.length);
    this.codeSec.w.append(body);
  }

  private table(c: Cursor, idx: number): void {
    const w = this.tableSec.w;
    this.tableSec.count++;
    // (table addrtype? reftype (elem ...))
    const save = c.i;
    const is64 = this.addrType(c);
    if (isRefTypeNode(c.peek()) && headOf(c.items[c.i + 1]) === 'elem') {
      this.ctx.table64[idx] = is64;
      const rt = this.ctx.refType(c.next());
      const ec = c.sub(c.list());
      c.end();
      const seg = new ByteWriter();
      const n = this.elemList(ec, seg, rt, true);
      const flagsRef = this.ctx.encodeRef(rt);
      w.bytes(flagsRef);
      w.u8(is64 ? 5 : 1);
      w.u64(BigInt(n));
      w.u64(BigInt(n));
      // active segment on this table at offset 0
      const e = this.elemSec.w;
      this.elemSec.count++;
      const funcref = flagsRef.length === 1 && flagsRef[0] === 0x70;
      // function indices fit the func-index encoding only for funcref tables; else they become ref.func exprs
      const exprForm = seg.view()[0] === 1 || !funcref;
      if (seg.view()[0] === 0 && !funcref) this.funcIndicesToExprs(seg);
      if (exprForm) {
        if (idx === 0 && funcref) e.u8(4);
        else {
          e.u8(6);
          e.u32(idx);
        }
      } else if (idx === 0) e.u8(0);
      else {
        e.u8(2);
        e.u32(idx);
      }
      e.bytes(is64 ? [0x42, 0x00, 0x0b] : [0x41, 0x00, 0x0b]);
      if (exprForm && !(idx === 0 && funcref)) e.bytes(flagsRef);
      if (!exprForm && idx !== 0) e.u8(0);
      e.bytes(seg.view().subarray(1));
      return;
    }
    c.i = save;
    const tw = new ByteWriter();
    this.tableType(c, tw, idx);
    if (c.done()) w.append(tw);
    else {
      w.u8(0x40);
      w.u8(0x00);
      w.append(tw);
      this.expr(c, w);
    }
  }

  private memory(c: Cursor, idx: number): void {
    const w = this.memSec.w;
    this.memSec.count++;
    const save = c.i;
    const is64 = this.addrType(c);
    let pageLog = -1;
    if (c.peekHead() === 'pagesize' && headOf(c.items[c.i + 1]) === 'data') {
      const pc = c.sub(c.list());
      const size = pc.u32();
      pc.end();
      pageLog = Math.round(Math.log2(size));
      if (size === 0 || 2 ** pageLog !== size) throw this.src.error('invalid custom page size', pc.endPos);
    }
    if (c.peekHead() === 'data') {
      this.ctx.mem64[idx] = is64;
      const dc = c.sub(c.list());
      c.end();
      const bytes = new ByteWriter();
      while (!dc.done()) bytes.bytes(dc.string().bytes);
      const pageSize = pageLog >= 0 ? 2 ** pageLog : 65536;
      const pages = BigInt(Math.ceil(bytes.length / pageSize));
      w.u8((is64 ? 5 : 1) | (pageLog >= 0 ? 8 : 0));
      w.u64(pages);
      w.u64(pages);
      if (pageLog >= 0) w.u32(pageLog);
      const d = this.dataSec.w;
      this.dataSec.count++;
      if (idx === 0) d.u8(0);
      else {
        d.u8(2);
        d.u32(idx);
      }
      d.bytes(is64 ? [0x42, 0x00, 0x0b] : [0x41, 0x00, 0x0b]);
      d.u32(bytes.length);
      d.append(bytes);
      return;
    }
    c.i = save;
    this.memType(c, w, idx);
    c.end();
  }

  private global(c: Cursor): void {
    this.globalSec.count++;
    this.globalType(c, this.globalSec.w);
    this.expr(c, this.globalSec.w);
  }

  // Rewrites a marker-0 element list (function indices) in place as ref.func expressions.
  private funcIndicesToExprs(seg: ByteWriter): void {
    const bytes = seg.finish();
    let at = 1;
    const readU32 = (): number => {
      let v = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[at++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if ((b & 0x80) === 0) return v;
      }
    };
    const count = readU32();
    seg.clear();
    seg.u8(1);
    seg.u32(count);
    for (let i = 0; i < count; i++) {
      seg.u8(0xd2);
      seg.u32(readU32());
      seg.u8(0x0b);
    }
  }

  // Writes a marker byte (0 = function indices, 1 = expressions) then vec(item); returns the count.
  private elemList(c: Cursor, w: ByteWriter, rt: RefType | undefined, inlineTable: boolean): number {
    const items = new ByteWriter();
    let count = 0;
    let exprs = rt !== undefined && !inlineTable;
    if (inlineTable) {
      // inline (elem ...) in a table: either function indices or expressions
      exprs = !c.done() && c.peek()!.k === NodeKind.List;
    } else if (c.peekAtom() === 'func') {
      c.next();
      exprs = false;
    }
    if (!exprs) {
      while (!c.done()) {
        items.u32(this.ctx.funcs.resolve(c.next()));
        count++;
      }
    } else {
      while (!c.done()) {
        const n = c.list();
        if (headOf(n) === 'item') this.expr(c.sub(n), items);
        else this.expr(new Cursor([n], this.src, 0, n.pos), items);
        count++;
      }
    }
    w.u8(exprs ? 1 : 0);
    w.u32(count);
    w.append(items);
    return count;
  }

  private elem(c: Cursor): void {
    const ctx = this.ctx;
    c.id();
    let mode: 'passive' | 'active' | 'declare' = 'passive';
    let table = 0;
    const offset = new ByteWriter();
    if (c.peekAtom() === 'declare') {
      c.next();
      mode = 'declare';
    } else {
      if (c.peekHead() === 'table') {
        const tc = c.sub(c.list());
        table = ctx.tables.resolve(tc.next());
        tc.end();
        mode = 'active';
      } else if (isIndex(c.peek()) && c.items[c.i + 1]?.k === NodeKind.List) {
        // legacy MVP form: (elem tableidx (offset) ...)
        table = ctx.tables.resolve(c.next());
        mode = 'active';
      }
      const h = c.peekHead();
      if (h === 'offset') {
        this.expr(c.sub(c.list()), offset);
        mode = 'active';
      } else if (c.peek()?.k === NodeKind.List && h !== 'item' && h !== 'ref') {
        const n = c.list();
        this.expr(new Cursor([n], this.src, 0, n.pos), offset);
        mode = 'active';
      } else if (mode === 'active') throw this.src.error('unexpected token, expected an offset', c.peek()?.pos ?? 0);
    }
    let rt: RefType | undefined;
    if (isRefTypeNode(c.peek())) rt = ctx.refType(c.next());
    const seg = new ByteWriter();
    this.elemList(c, seg, rt, false);
    const exprForm = seg.view()[0] === 1;
    const e = this.elemSec.w;
    this.elemSec.count++;
    const rtBytes = rt === undefined ? [0x70] : ctx.encodeRef(rt);
    const funcref = rtBytes.length === 1 && rtBytes[0] === 0x70;
    if (!exprForm) {
      if (mode === 'passive') e.bytes([1, 0]);
      else if (mode === 'declare') e.bytes([3, 0]);
      else if (table === 0) {
        e.u8(0);
        e.append(offset);
      } else {
        e.u8(2);
        e.u32(table);
        e.append(offset);
        e.u8(0);
      }
    } else if (mode === 'passive') {
      e.u8(5);
      e.bytes(rtBytes);
    } else if (mode === 'declare') {
      e.u8(7);
      e.bytes(rtBytes);
    } else if (table === 0 && funcref) {
      e.u8(4);
      e.append(offset);
    } else {
      e.u8(6);
      e.u32(table);
      e.append(offset);
      e.bytes(rtBytes);
    }
    e.bytes(seg.view().subarray(1));
  }

  private data(c: Cursor): void {
    const ctx = this.ctx;
    c.id();
    let mem = -1;
    const offset = new ByteWriter();
    if (c.peekHead() === 'memory') {
      const mc = c.sub(c.list());
      mem = ctx.mems.resolve(mc.next());
      mc.end();
    } else if (isIndex(c.peek()) && c.items[c.i + 1]?.k === NodeKind.List) {
      // legacy MVP form: (data memidx (offset) ...)
      mem = ctx.mems.resolve(c.next());
    }
    let active = false;
    if (c.peekHead() === 'offset') {
      this.expr(c.sub(c.list()), offset);
      active = true;
    } else if (c.peek()?.k === NodeKind.List) {
      const n = c.list();
      this.expr(new Cursor([n], this.src, 0, n.pos), offset);
      active = true;
    } else if (mem >= 0) throw this.src.error('unexpected token, expected an offset', c.peek()?.pos ?? 0);
    const bytes = new ByteWriter();
    while (!c.done()) bytes.bytes(c.string().bytes);
    const d = this.dataSec.w;
    this.dataSec.count++;
    if (!active) d.u8(1);
    else if (mem <= 0) {
      d.u8(0);
      d.append(offset);
    } else {
      d.u8(2);
      d.u32(mem);
      d.append(offset);
    }
    d.u32(bytes.length);
    d.append(bytes);
  }

  private assemble(): Uint8Array {
    const ctx = this.ctx;
    const out = new ByteWriter();
    out.bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    const section = (id: number, count: number, body: ByteWriter | null): void => {
      const w = new ByteWriter();
      if (body === null) w.u32(count);
      else {
        if (count === 0) return;
        w.u32(count);
        w.append(body);
      }
      out.u8(id);
      out.u32(w.length);
      out.append(w);
    };
    // types: explicit rec groups, then implicit types
    const tw = new ByteWriter();
    for (const g of this.recGroups) {
      if (g.rec) {
        tw.u8(0x4e);
        tw.u32(g.size);
      }
      for (let i = 0; i < g.size; i++) ctx.encodeSubType(tw, ctx.typeDefs[g.start + i]!, g.explicitSub[i]);
    }
    for (const def of ctx.implicitTypes) ctx.encodeSubType(tw, def, false);
    section(1, this.recGroups.length + ctx.implicitTypes.length, tw);
    section(2, this.imports.count, this.imports.w);
    section(3, this.funcSec.count, this.funcSec.w);
    section(4, this.tableSec.count, this.tableSec.w);
    section(5, this.memSec.count, this.memSec.w);
    section(13, this.tagSec.count, this.tagSec.w);
    section(6, this.globalSec.count, this.globalSec.w);
    section(7, this.exportSec.count, this.exportSec.w);
    if (this.start >= 0) {
      const sw = new ByteWriter();
      sw.u32(this.start);
      out.u8(8);
      out.u32(sw.length);
      out.append(sw);
    }
    section(9, this.elemSec.count, this.elemSec.w);
    if (ctx.usesDataCount) section(12, ctx.datas.count, null);
    section(10, this.codeSec.count, this.codeSec.w);
    section(11, this.dataSec.count, this.dataSec.w);
    encodeNameSection(out, this.moduleName, this.ctx.funcs.names, this.localNames);
    return out.finish();
  }
}
