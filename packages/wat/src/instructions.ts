// Instructions, plain and folded, encoded straight to bytes. The keyword table is the operator
// table of @wasmts/environ; only the structured forms (blocks, if, try) are spelled out here.

import { ByteWriter, Imm, OPS_BY_NAME, type OperatorInfo } from '@wasmts/environ';
import { Cursor, isIndex, type ModuleContext, type Space, s33, u32Of } from './context.js';
import { type Id, type List, type Node, NodeKind } from './lexer.js';
import { LiteralError, parseF32, parseF64, parseI32, parseI64, parseInteger } from './numbers.js';

const STRUCTURED = new Set(['block', 'loop', 'if', 'try_table', 'try']);
const TERMINATORS = new Set(['end', 'else', 'catch', 'catch_all', 'delegate', 'then', 'do']);
const CATCH_KINDS: Record<string, number> = { catch: 0, catch_ref: 1, catch_all: 2, catch_all_ref: 3 };
const DATA_OPS = new Set(['memory.init', 'data.drop', 'array.new_data', 'array.init_data']);

/** Lane counts and lane widths of the v128 shapes. */
export const SHAPES: Record<string, { lanes: number; bits: number; float: boolean }> = {
  i8x16: { lanes: 16, bits: 8, float: false },
  i16x8: { lanes: 8, bits: 16, float: false },
  i32x4: { lanes: 4, bits: 32, float: false },
  i64x2: { lanes: 2, bits: 64, float: false },
  f32x4: { lanes: 4, bits: 32, float: true },
  f64x2: { lanes: 2, bits: 64, float: true },
};

/** Encodes the instructions of one function body or constant expression. */
export class ExprEncoder {
  readonly labels: (string | undefined)[] = [];
  // Plain structured instructions still open, innermost last.
  private readonly open: { name: string; label: Id | undefined; sawElse: boolean; sawCatchAll: boolean }[] = [];
  w: ByteWriter;
  private readonly src;

  constructor(
    readonly ctx: ModuleContext,
    readonly locals: Space,
    w: ByteWriter,
  ) {
    this.w = w;
    this.src = ctx.src;
  }

  private lit<T>(n: Node, f: (text: string) => T): T {
    if (n.k !== NodeKind.Atom) throw this.src.error('unexpected token, expected a number', n.pos);
    try {
      return f(n.text);
    } catch (e) {
      if (e instanceof LiteralError) throw this.src.error(e.message, n.pos);
      throw e;
    }
  }

  /** Encodes instructions until the cursor ends or reaches a block terminator keyword. */
  // Plain structured instructions do not recurse: they live on `open`, so deep nesting costs no stack.
  instrs(c: Cursor): void {
    const base = this.open.length;
    for (;;) {
      const n = c.peek();
      if (n === undefined) break;
      if (n.k === NodeKind.List) {
        c.next();
        this.folded(n);
      } else if (n.k === NodeKind.Atom) {
        if (TERMINATORS.has(n.text)) {
          if (this.open.length === base) break; // the caller's terminator
          c.next();
          this.continuePlain(n, c);
        } else if (STRUCTURED.has(n.text)) {
          c.next();
          this.openPlain(n.text, c);
        } else {
          c.next();
          this.immediates(n, c, this.w);
        }
      } else throw this.src.error('unexpected token', n.pos);
    }
    if (this.open.length > base)
      throw this.src.error('unexpected end, expected end', c.items[c.items.length - 1]?.pos ?? c.endPos);
  }

  private opcode(w: ByteWriter, op: OperatorInfo): void {
    if (op.prefix === 0) w.u8(op.code);
    else {
      w.u8(op.prefix);
      w.u32(op.code);
    }
  }

  private lookup(n: Node): readonly OperatorInfo[] {
    const name = n.k === NodeKind.Atom ? n.text : '';
    const ops = OPS_BY_NAME.get(name);
    if (ops === undefined) throw this.src.error(`unknown operator ${name}`, n.pos);
    return ops;
  }

  private label(c: Cursor): Id | undefined {
    return c.id();
  }

  private endLabel(c: Cursor, label: Id | undefined): void {
    const id = c.id();
    if (id !== undefined && id.name !== label?.name) throw this.src.error(`mismatching label ${id.name}`, id.pos);
  }

  private blockType(c: Cursor, w: ByteWriter): void {
    if (c.peekHead() === 'type') {
      w.bytes(s33(this.ctx.typeUse(c, false).index));
      return;
    }
    const params: number[][] = [];
    const results: number[][] = [];
    this.ctx.signature(c, false, params, results, []);
    if (params.length === 0 && results.length === 0) w.u8(0x40);
    else if (params.length === 0 && results.length === 1) w.bytes(results[0]);
    else w.bytes(s33(this.ctx.funcTypeIndex(params, results)));
  }

  private labelIndex(n: Node): number {
    if (n.k === NodeKind.Id) {
      const at = this.labels.lastIndexOf(n.name);
      if (at < 0) throw this.src.error(`unknown label ${n.name}`, n.pos);
      return this.labels.length - 1 - at;
    }
    if (n.k === NodeKind.Atom) return u32Of(this.src, n.text, n.pos);
    throw this.src.error('unexpected token, expected a label', n.pos);
  }

  private tryTableCatches(c: Cursor, w: ByteWriter): void {
    const catches: [number, number, number][] = [];
    for (;;) {
      const head = c.peekHead();
      const kind = head === undefined ? undefined : CATCH_KINDS[head];
      if (kind === undefined) break;
      const cc = c.sub(c.list());
      const tag = kind < 2 ? this.ctx.tags.resolve(cc.next()) : 0;
      const label = this.labelIndex(cc.next());
      cc.end();
      catches.push([kind, tag, label]);
    }
    w.u32(catches.length);
    for (const [kind, tag, label] of catches) {
      w.u8(kind);
      if (kind < 2) w.u32(tag);
      w.u32(label);
    }
  }

  // Opens a plain structured instruction; its body and `end` are handled by the enclosing instrs loop.
  private openPlain(name: string, c: Cursor): void {
    const w = this.w;
    const label = c.id();
    if (name === 'try_table') {
      w.u8(0x1f);
      this.blockType(c, w);
      this.tryTableCatches(c, w);
    } else {
      w.u8(name === 'block' ? 0x02 : name === 'loop' ? 0x03 : name === 'if' ? 0x04 : 0x06);
      this.blockType(c, w);
    }
    this.labels.push(label?.name);
    this.open.push({ name, label, sawElse: false, sawCatchAll: false });
  }

  // Handles `else`, `catch`, `catch_all`, `delegate` or `end` of the innermost open plain instruction.
  private continuePlain(n: Node & { text: string }, c: Cursor): void {
    const w = this.w;
    const top = this.open[this.open.length - 1];
    switch (n.text) {
      case 'else':
        if (top.name !== 'if' || top.sawElse) break;
        this.endLabel(c, top.label);
        top.sawElse = true;
        w.u8(0x05);
        return;
      case 'catch':
        if (top.name !== 'try' || top.sawCatchAll) break;
        w.u8(0x07);
        w.u32(this.ctx.tags.resolve(c.next()));
        return;
      case 'catch_all':
        if (top.name !== 'try' || top.sawCatchAll) break;
        top.sawCatchAll = true;
        w.u8(0x19);
        return;
      case 'delegate':
        if (top.name !== 'try') break;
        this.open.pop();
        this.labels.pop();
        w.u8(0x18);
        w.u32(this.labelIndex(c.next()));
        return;
      case 'end':
        this.open.pop();
        this.endLabel(c, top.label);
        this.labels.pop();
        w.u8(0x0b);
        return;
    }
    throw this.src.error(`unexpected token ${n.text}`, n.pos);
  }

  private folded(list: List): void {
    const c = new Cursor(list.items, this.src, 0, list.pos);
    const head = c.next();
    if (head.k !== NodeKind.Atom) throw this.src.error('unexpected token', head.pos);
    const name = head.text;
    const w = this.w;
    if (!STRUCTURED.has(name)) {
      const tmp = new ByteWriter();
      this.immediates(head, c, tmp);
      while (!c.done()) {
        const n = c.next();
        if (n.k !== NodeKind.List) throw this.src.error('unexpected token', n.pos);
        this.folded(n);
      }
      w.append(tmp);
      return;
    }
    const label = this.label(c);
    if (name === 'block' || name === 'loop') {
      w.u8(name === 'block' ? 0x02 : 0x03);
      this.blockType(c, w);
      this.labels.push(label?.name);
      this.instrs(c);
      c.end();
    } else if (name === 'if') {
      const bt = new ByteWriter();
      this.blockType(c, bt);
      while (!c.done() && c.peekHead() !== 'then') {
        const n = c.next();
        if (n.k !== NodeKind.List) throw this.src.error('unexpected token', n.pos);
        this.folded(n);
      }
      w.u8(0x04);
      w.append(bt);
      this.labels.push(label?.name);
      if (c.peekHead() !== 'then') throw this.src.error('unexpected token, expected (then', c.peek()?.pos ?? list.pos);
      const tc = c.sub(c.list());
      this.instrs(tc);
      tc.end();
      if (c.peekHead() === 'else') {
        w.u8(0x05);
        const ec = c.sub(c.list());
        this.instrs(ec);
        ec.end();
      }
      c.end();
    } else if (name === 'try_table') {
      w.u8(0x1f);
      this.blockType(c, w);
      this.tryTableCatches(c, w);
      this.labels.push(label?.name);
      this.instrs(c);
      c.end();
    } else {
      // legacy try: (try bt (do ...) (catch x ...)* (catch_all ...)?) or (do ...) (delegate l)
      w.u8(0x06);
      this.blockType(c, w);
      this.labels.push(label?.name);
      if (c.peekHead() !== 'do') throw this.src.error('unexpected token, expected (do', c.peek()?.pos ?? list.pos);
      const dc = c.sub(c.list());
      this.instrs(dc);
      dc.end();
      while (c.peekHead() === 'catch') {
        const cc = c.sub(c.list());
        w.u8(0x07);
        w.u32(this.ctx.tags.resolve(cc.next()));
        this.instrs(cc);
        cc.end();
      }
      if (c.peekHead() === 'catch_all') {
        const cc = c.sub(c.list());
        w.u8(0x19);
        this.instrs(cc);
        cc.end();
      }
      if (c.peekHead() === 'delegate') {
        const dl = c.sub(c.list());
        this.labels.pop();
        w.u8(0x18);
        w.u32(this.labelIndex(dl.next()));
        dl.end();
        c.end();
        return;
      }
      c.end();
    }
    this.labels.pop();
    w.u8(0x0b);
  }

  private optIndex(c: Cursor, space: Space): number {
    return isIndex(c.peek()) ? space.resolve(c.next()) : 0;
  }

  private memarg(c: Cursor, w: ByteWriter, op: OperatorInfo, mem: number): void {
    let offset = 0n;
    let align = op.n;
    let a = c.peekAtom();
    if (a?.startsWith('offset=')) {
      const n = c.next();
      offset = this.lit(n, (t) => {
        const v = t.slice(7);
        if (!/^(?:\d(?:_?\d)*|0x[0-9a-fA-F](?:_?[0-9a-fA-F])*)$/.test(v)) throw new LiteralError('unknown operator');
        const b = BigInt(v.replace(/_/g, ''));
        if (b >= 1n << 64n) throw new LiteralError('constant out of range');
        return b;
      });
      a = c.peekAtom();
    }
    if (a?.startsWith('align=')) {
      const n = c.next();
      align = this.lit(n, (t) => {
        const v = t.slice(6);
        if (!/^(?:\d(?:_?\d)*|0x[0-9a-fA-F](?:_?[0-9a-fA-F])*)$/.test(v)) throw new LiteralError('unknown operator');
        const b = BigInt(v.replace(/_/g, ''));
        if (b === 0n || (b & (b - 1n)) !== 0n) throw new LiteralError('alignment must be a power of two');
        return b >= 1n << 32n ? 2 ** 40 : Number(b);
      });
    }
    const log = Math.round(Math.log2(align));
    if (mem !== 0) {
      w.u32(log | 0x40);
      w.u32(mem);
    } else w.u32(log);
    w.u64(offset);
  }

  private lane(c: Cursor, w: ByteWriter): void {
    const n = c.next();
    const v = this.lit(n, (t) => {
      const x = parseInteger(t, 64);
      if (t.charCodeAt(0) === 45 || t.charCodeAt(0) === 43 || x > 255n) throw new LiteralError('malformed lane index');
      return Number(x);
    });
    w.u8(v);
  }

  /** Parses the lane literals of a v128.const after the shape keyword. */
  v128(c: Cursor, w: ByteWriter): void {
    const sn = c.next();
    const shape = sn.k === NodeKind.Atom ? SHAPES[sn.text] : undefined;
    if (shape === undefined) throw this.src.error('unexpected token, expected a vector shape', sn.pos);
    for (let i = 0; i < shape.lanes; i++) {
      const n = c.peek();
      if (n === undefined || n.k !== NodeKind.Atom)
        throw this.src.error('wrong number of lane literals', n?.pos ?? sn.pos);
      c.next();
      if (shape.float) {
        if (shape.bits === 32) w.f32(this.lit(n, parseF32));
        else w.f64(this.lit(n, parseF64));
      } else {
        const v = this.lit(n, (t) => parseInteger(t, shape.bits));
        for (let b = 0; b < shape.bits; b += 8) w.u8(Number((v >> BigInt(b)) & 0xffn));
      }
    }
  }

  private fieldIndex(type: number, n: Node): number {
    if (n.k === NodeKind.Id) {
      const idx = this.ctx.fieldNames.get(type)?.get(n.name);
      if (idx === undefined) throw this.src.error(`unknown field ${n.name}`, n.pos);
      return idx;
    }
    if (n.k === NodeKind.Atom) return this.ctx.types.resolve(n);
    throw this.src.error('unexpected token, expected a field', n.pos);
  }

  private immediates(head: Node, c: Cursor, w: ByteWriter): void {
    const ops = this.lookup(head);
    let op = ops[0];
    const ctx = this.ctx;
    switch (op.imm) {
      case Imm.None:
        if (op.name === 'select' && c.peekHead() === 'result') {
          const types: number[][] = [];
          while (c.peekHead() === 'result') {
            const rc = c.sub(c.list());
            while (!rc.done()) types.push(ctx.valType(rc.next()));
          }
          this.opcode(w, ops[1]);
          w.u32(types.length);
          for (const t of types) w.bytes(t);
          return;
        }
        this.opcode(w, op);
        return;
      case Imm.HeapType:
        if (ops.length === 2) {
          const rt = ctx.refType(c.next());
          op = ops[rt.nullable ? 1 : 0];
          this.opcode(w, op);
          w.bytes(rt.heap);
        } else {
          this.opcode(w, op);
          w.bytes(ctx.heapType(c.next()));
        }
        return;
      case Imm.BrOnCast: {
        this.opcode(w, op);
        const label = this.labelIndex(c.next());
        const r1 = ctx.refType(c.next());
        const r2 = ctx.refType(c.next());
        w.u8((r1.nullable ? 1 : 0) | (r2.nullable ? 2 : 0));
        w.u32(label);
        w.bytes(r1.heap);
        w.bytes(r2.heap);
        return;
      }
    }
    if (DATA_OPS.has(op.name)) ctx.usesDataCount = true;
    this.opcode(w, op);
    switch (op.imm) {
      case Imm.BlockType:
      case Imm.TryTable:
        throw this.src.error('unexpected token', head.pos);
      case Imm.Label:
        w.u32(this.labelIndex(c.next()));
        return;
      case Imm.BrTable: {
        const labels: number[] = [];
        while (isIndex(c.peek())) labels.push(this.labelIndex(c.next()));
        if (labels.length === 0) throw this.src.error('unexpected token, expected a label', c.peek()?.pos ?? head.pos);
        w.u32(labels.length - 1);
        for (const l of labels) w.u32(l);
        return;
      }
      case Imm.Func:
        w.u32(ctx.funcs.resolve(c.next()));
        return;
      case Imm.CallIndirect: {
        const table = this.optIndex(c, ctx.tables);
        w.u32(ctx.typeUse(c, false).index);
        w.u32(table);
        return;
      }
      case Imm.Type:
        w.u32(ctx.types.resolve(c.next()));
        return;
      case Imm.Local:
        w.u32(this.locals.resolve(c.next()));
        return;
      case Imm.Global:
        w.u32(ctx.globals.resolve(c.next()));
        return;
      case Imm.Table:
        w.u32(this.optIndex(c, ctx.tables));
        return;
      case Imm.Memory:
        w.u32(this.optIndex(c, ctx.mems));
        return;
      case Imm.MemArg:
        this.memarg(c, w, op, this.optIndex(c, ctx.mems));
        return;
      case Imm.MemArgLane: {
        let mem = 0;
        const next = c.items[c.i + 1];
        if (
          isIndex(c.peek()) &&
          next !== undefined &&
          (isIndex(next) || (next.k === NodeKind.Atom && /^(offset|align)=/.test(next.text)))
        ) {
          mem = ctx.mems.resolve(c.next());
        }
        this.memarg(c, w, op, mem);
        this.lane(c, w);
        return;
      }
      case Imm.Lane:
        this.lane(c, w);
        return;
      case Imm.I32:
        w.s32(this.lit(c.next(), parseI32));
        return;
      case Imm.I64:
        w.s64(this.lit(c.next(), parseI64));
        return;
      case Imm.F32:
        w.f32(this.lit(c.next(), parseF32));
        return;
      case Imm.F64:
        w.f64(this.lit(c.next(), parseF64));
        return;
      case Imm.V128:
        this.v128(c, w);
        return;
      case Imm.Shuffle:
        for (let i = 0; i < 16; i++) {
          const n = c.peek();
          if (n === undefined || n.k !== NodeKind.Atom)
            throw this.src.error('wrong number of lane literals', n?.pos ?? head.pos);
          this.lane(c, w);
        }
        return;
      case Imm.Tag:
        w.u32(ctx.tags.resolve(c.next()));
        return;
      case Imm.TypeField: {
        const t = ctx.types.resolve(c.next());
        w.u32(t);
        w.u32(this.fieldIndex(t, c.next()));
        return;
      }
      case Imm.TypeType:
        w.u32(ctx.types.resolve(c.next()));
        w.u32(ctx.types.resolve(c.next()));
        return;
      case Imm.TypeCount:
        w.u32(ctx.types.resolve(c.next()));
        w.u32(c.u32());
        return;
      case Imm.TypeData:
        w.u32(ctx.types.resolve(c.next()));
        w.u32(ctx.datas.resolve(c.next()));
        return;
      case Imm.TypeElem:
        w.u32(ctx.types.resolve(c.next()));
        w.u32(ctx.elems.resolve(c.next()));
        return;
      case Imm.Data:
        w.u32(ctx.datas.resolve(c.next()));
        return;
      case Imm.Elem:
        w.u32(ctx.elems.resolve(c.next()));
        return;
      case Imm.MemoryInit: {
        const a = c.next();
        if (isIndex(c.peek())) {
          const d = ctx.datas.resolve(c.next());
          w.u32(d);
          w.u32(ctx.mems.resolve(a));
        } else {
          w.u32(ctx.datas.resolve(a));
          w.u32(0);
        }
        return;
      }
      case Imm.MemoryCopy:
      case Imm.TableCopy: {
        const space = op.imm === Imm.MemoryCopy ? ctx.mems : ctx.tables;
        if (isIndex(c.peek())) {
          w.u32(space.resolve(c.next()));
          w.u32(space.resolve(c.next()));
        } else {
          w.u32(0);
          w.u32(0);
        }
        return;
      }
      case Imm.TableInit: {
        const a = c.next();
        if (isIndex(c.peek())) {
          const e = ctx.elems.resolve(c.next());
          w.u32(e);
          w.u32(ctx.tables.resolve(a));
        } else {
          w.u32(ctx.elems.resolve(a));
          w.u32(0);
        }
        return;
      }
      case Imm.Zero:
        w.u8(0);
        return;
      default:
        throw this.src.error(`unsupported immediate for ${op.name}`, head.pos);
    }
  }
}
