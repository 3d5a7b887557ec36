// Module-level state of the text encoder: index spaces with their identifiers, the type table
// (explicit and implicit types), and parsers for types, type uses and limits.

import { ByteWriter } from '@wasmts/environ';
import type { Source } from './error.js';
import { type Id, type List, type Node, NodeKind, type Str } from './lexer.js';
import { LiteralError, parseU32, parseUnsigned } from './numbers.js';

/** A cursor over the items of a list. */
export class Cursor {
  i: number;
  constructor(
    readonly items: Node[],
    readonly src: Source,
    start = 0,
    readonly endPos = -1,
  ) {
    this.i = start;
  }

  done(): boolean {
    return this.i >= this.items.length;
  }
  peek(): Node | undefined {
    return this.items[this.i];
  }
  next(): Node {
    const n = this.items[this.i];
    if (n === undefined) throw this.src.error('unexpected end', this.endPos);
    this.i++;
    return n;
  }
  /** The text of the next node if it is a keyword atom. */
  peekAtom(): string | undefined {
    const n = this.items[this.i];
    return n !== undefined && n.k === NodeKind.Atom ? n.text : undefined;
  }
  /** The head keyword of the next node if it is a list. */
  peekHead(): string | undefined {
    const n = this.items[this.i];
    if (n === undefined || n.k !== NodeKind.List) return undefined;
    const h = n.items[0];
    return h !== undefined && h.k === NodeKind.Atom ? h.text : undefined;
  }
  /** Consumes an optional identifier. */
  id(): Id | undefined {
    const n = this.items[this.i];
    if (n !== undefined && n.k === NodeKind.Id) {
      this.i++;
      return n;
    }
    return undefined;
  }
  atom(what = 'keyword'): string {
    const n = this.next();
    if (n.k !== NodeKind.Atom) throw this.src.error(`unexpected token, expected ${what}`, n.pos);
    return n.text;
  }
  keyword(kw: string): void {
    const n = this.next();
    if (n.k !== NodeKind.Atom || n.text !== kw) throw this.src.error(`unexpected token, expected ${kw}`, n.pos);
  }
  list(): List {
    const n = this.next();
    if (n.k !== NodeKind.List) throw this.src.error('unexpected token, expected (', n.pos);
    return n;
  }
  string(): Str {
    const n = this.next();
    if (n.k !== NodeKind.Str) throw this.src.error('unexpected token, expected a string', n.pos);
    return n;
  }
  u32(): number {
    const n = this.next();
    if (n.k !== NodeKind.Atom) throw this.src.error('unexpected token, expected a number', n.pos);
    return u32Of(this.src, n.text, n.pos);
  }
  u64(): bigint {
    const n = this.next();
    if (n.k !== NodeKind.Atom) throw this.src.error('unexpected token, expected a number', n.pos);
    try {
      const v = parseUnsigned(n.text, 64);
      if (v === undefined) throw this.src.error('unexpected token, expected a number', n.pos);
      return v;
    } catch (e) {
      if (e instanceof LiteralError) throw this.src.error(e.message, n.pos);
      throw e;
    }
  }
  /** Fails unless every item has been consumed. */
  end(): void {
    const n = this.items[this.i];
    if (n !== undefined) throw this.src.error('unexpected token', n.pos);
  }
  /** A cursor over the items of a list node, after its head keyword. */
  sub(list: List, skip = 1): Cursor {
    return new Cursor(list.items, this.src, skip, list.pos);
  }
}

/** Parses a u32 literal or fails with a positioned error. */
export function u32Of(src: Source, text: string, pos: number): number {
  try {
    const v = parseU32(text);
    if (v === undefined) throw src.error(`unknown operator ${text}`, pos);
    return v;
  } catch (e) {
    if (e instanceof LiteralError) throw src.error(e.message, pos);
    throw e;
  }
}

/** One index space with its symbolic identifiers. */
export class Space {
  readonly names = new Map<string, number>();
  count = 0;
  constructor(
    readonly what: string,
    readonly src: Source,
  ) {}

  /** Allocates the next index, binding `id` if given. */
  add(id: Id | undefined): number {
    const idx = this.count++;
    if (id !== undefined) {
      if (this.names.has(id.name)) throw this.src.error(`duplicate ${this.what} ${id.name}`, id.pos);
      this.names.set(id.name, idx);
    }
    return idx;
  }

  /** Resolves a numeric index or a symbolic identifier. */
  resolve(n: Node): number {
    if (n.k === NodeKind.Id) {
      const idx = this.names.get(n.name);
      if (idx === undefined) throw this.src.error(`unknown ${this.what} ${n.name}`, n.pos);
      return idx;
    }
    if (n.k === NodeKind.Atom) return u32Of(this.src, n.text, n.pos);
    throw this.src.error(`unexpected token, expected a ${this.what} index`, n.pos);
  }
}

/** True if a node can be an index (a number or an identifier). */
export function isIndex(n: Node | undefined): boolean {
  if (n === undefined) return false;
  if (n.k === NodeKind.Id) return true;
  if (n.k !== NodeKind.Atom) return false;
  const c = n.text.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** A field of a struct or the element of an array. */
export interface FieldType {
  type: number[];
  mut: boolean;
}

/** A defined type, in the shape the text format needs (encoded value types). */
export interface TypeDef {
  kind: 'func' | 'struct' | 'array';
  final: boolean;
  supers: number[];
  params: number[][];
  results: number[][];
  fields: FieldType[];
}

const NUM_TYPES: Record<string, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };
/** Abstract heap types by text name, as their binary codes. */
export const HEAP_CODES: Record<string, number> = {
  func: 0x70,
  extern: 0x6f,
  any: 0x6e,
  eq: 0x6d,
  i31: 0x6c,
  struct: 0x6b,
  array: 0x6a,
  exn: 0x69,
  none: 0x71,
  noextern: 0x72,
  nofunc: 0x73,
  noexn: 0x74,
};
const REF_ABBREV: Record<string, number> = {
  funcref: 0x70,
  externref: 0x6f,
  anyref: 0x6e,
  eqref: 0x6d,
  i31ref: 0x6c,
  structref: 0x6b,
  arrayref: 0x6a,
  exnref: 0x69,
  nullref: 0x71,
  nullexternref: 0x72,
  nullfuncref: 0x73,
  nullexnref: 0x74,
};

/** A reference type: nullability and the encoded heap type. */
export interface RefType {
  nullable: boolean;
  heap: number[];
}

/** Encodes a signed 33-bit LEB128 (heap types and block type indices). */
export function s33(v: number): number[] {
  const w = new ByteWriter();
  w.s64(BigInt(v));
  return Array.from(w.view());
}

function sigKey(params: number[][], results: number[][]): string {
  return `${params.map((p) => p.join(',')).join(';')}>${results.map((p) => p.join(',')).join(';')}`;
}

/** The result of a type use: the type index and the signature with parameter ids. */
export interface TypeUse {
  index: number;
  params: number[][];
  results: number[][];
  paramIds: (Id | undefined)[];
}

/** The state of one module being encoded. */
export class ModuleContext {
  readonly types: Space;
  readonly funcs: Space;
  readonly tables: Space;
  readonly mems: Space;
  readonly globals: Space;
  readonly tags: Space;
  readonly elems: Space;
  readonly datas: Space;
  /** Defined types by index; undefined until pass B has parsed them. */
  readonly typeDefs: (TypeDef | undefined)[] = [];
  /** Field identifiers per struct type index. */
  readonly fieldNames = new Map<number, Map<string, number>>();
  /** Implicit types appended by type uses, encoded as plain function types. */
  readonly implicitTypes: TypeDef[] = [];
  private readonly sigIndex = new Map<string, number>();
  /** Address type (true for i64) of each memory and table, by index. */
  readonly mem64: boolean[] = [];
  readonly table64: boolean[] = [];
  /** Set when code uses a data index, so a data count section is needed. */
  usesDataCount = false;

  constructor(readonly src: Source) {
    this.types = new Space('type', src);
    this.funcs = new Space('func', src);
    this.tables = new Space('table', src);
    this.mems = new Space('memory', src);
    this.globals = new Space('global', src);
    this.tags = new Space('tag', src);
    this.elems = new Space('elem', src);
    this.datas = new Space('data', src);
  }

  /** Registers a parsed explicit type, making it available for implicit type-use matching. */
  defineType(idx: number, def: TypeDef, singleton: boolean): void {
    this.typeDefs[idx] = def;
    if (singleton && def.kind === 'func' && def.final && def.supers.length === 0) {
      const key = sigKey(def.params, def.results);
      if (!this.sigIndex.has(key)) this.sigIndex.set(key, idx);
    }
  }

  /** The index of the first plain function type with this signature, appending one if none. */
  funcTypeIndex(params: number[][], results: number[][]): number {
    const key = sigKey(params, results);
    const found = this.sigIndex.get(key);
    if (found !== undefined) return found;
    const idx = this.types.count++;
    const def: TypeDef = { kind: 'func', final: true, supers: [], params, results, fields: [] };
    this.typeDefs[idx] = def;
    this.implicitTypes.push(def);
    this.sigIndex.set(key, idx);
    return idx;
  }

  heapType(n: Node): number[] {
    if (n.k === NodeKind.Atom) {
      const code = HEAP_CODES[n.text];
      if (code !== undefined) return [code];
    }
    if (n.k === NodeKind.Atom || n.k === NodeKind.Id) return s33(this.types.resolve(n));
    throw this.src.error('unexpected token, expected a heap type', n.pos);
  }

  /** Parses `(ref null? ht)` or an abbreviation like `funcref`. */
  refType(n: Node): RefType {
    if (n.k === NodeKind.Atom) {
      const code = REF_ABBREV[n.text];
      if (code !== undefined) return { nullable: true, heap: [code] };
      throw this.src.error(`unknown type ${n.text}`, n.pos);
    }
    if (n.k === NodeKind.List) {
      const c = new Cursor(n.items, this.src, 0, n.pos);
      if (c.peekAtom() === 'ref') {
        c.next();
        let nullable = false;
        if (c.peekAtom() === 'null') {
          c.next();
          nullable = true;
        }
        const heap = this.heapType(c.next());
        c.end();
        return { nullable, heap };
      }
    }
    throw this.src.error('unexpected token, expected a reference type', n.pos);
  }

  /** Encodes a reference type, using the one-byte abbreviation for nullable abstract types. */
  encodeRef(r: RefType): number[] {
    if (r.nullable && r.heap.length === 1 && r.heap[0] >= 0x69 && r.heap[0] <= 0x74) return [r.heap[0]];
    return [r.nullable ? 0x63 : 0x64, ...r.heap];
  }

  valType(n: Node): number[] {
    if (n.k === NodeKind.Atom) {
      const num = NUM_TYPES[n.text];
      if (num !== undefined) return [num];
    }
    return this.encodeRef(this.refType(n));
  }

  storageType(n: Node): number[] {
    if (n.k === NodeKind.Atom) {
      if (n.text === 'i8') return [0x78];
      if (n.text === 'i16') return [0x77];
    }
    return this.valType(n);
  }

  fieldType(n: Node): FieldType {
    if (n.k === NodeKind.List && n.items[0]?.k === NodeKind.Atom && (n.items[0] as { text: string }).text === 'mut') {
      const c = new Cursor(n.items, this.src, 1, n.pos);
      const type = this.storageType(c.next());
      c.end();
      return { type, mut: true };
    }
    return { type: this.storageType(n), mut: false };
  }

  /** Parses `(param ...)*` then `(result ...)*` from the cursor. */
  signature(c: Cursor, allowIds: boolean, params: number[][], results: number[][], ids: (Id | undefined)[]): void {
    while (c.peekHead() === 'param') {
      const l = c.list();
      const pc = c.sub(l);
      const id = pc.id();
      if (id !== undefined) {
        if (!allowIds) throw this.src.error('unexpected token', id.pos);
        params.push(this.valType(pc.next()));
        ids.push(id);
        pc.end();
      } else {
        while (!pc.done()) {
          params.push(this.valType(pc.next()));
          ids.push(undefined);
        }
      }
    }
    while (c.peekHead() === 'result') {
      const rc = c.sub(c.list());
      while (!rc.done()) results.push(this.valType(rc.next()));
    }
    if (c.peekHead() === 'param') throw this.src.error('unexpected token', c.peek()!.pos);
  }

  /** Parses a type use: `(type x)?` with optional inline params and results. */
  typeUse(c: Cursor, allowIds: boolean): TypeUse {
    let index = -1;
    let at = 0;
    if (c.peekHead() === 'type') {
      const l = c.list();
      at = l.pos;
      const tc = c.sub(l);
      index = this.types.resolve(tc.next());
      tc.end();
    }
    const params: number[][] = [];
    const results: number[][] = [];
    const paramIds: (Id | undefined)[] = [];
    this.signature(c, allowIds, params, results, paramIds);
    if (index < 0) {
      return { index: this.funcTypeIndex(params, results), params, results, paramIds };
    }
    const def = this.typeDefs[index];
    if (params.length === 0 && results.length === 0) {
      if (def === undefined || def.kind !== 'func') return { index, params: [], results: [], paramIds: [] };
      return { index, params: def.params, results: def.results, paramIds: def.params.map(() => undefined) };
    }
    if (def !== undefined && (def.kind !== 'func' || sigKey(def.params, def.results) !== sigKey(params, results))) {
      throw this.src.error('inline function type', at);
    }
    return { index, params, results, paramIds };
  }

  /** Encodes one type definition (a subtype) into `w`. */
  encodeSubType(w: ByteWriter, def: TypeDef, explicitSub: boolean): void {
    if (explicitSub || !def.final || def.supers.length > 0) {
      w.u8(def.final ? 0x4f : 0x50);
      w.u32(def.supers.length);
      for (const s of def.supers) w.u32(s);
    }
    switch (def.kind) {
      case 'func':
        w.u8(0x60);
        w.u32(def.params.length);
        for (const p of def.params) w.bytes(p);
        w.u32(def.results.length);
        for (const r of def.results) w.bytes(r);
        break;
      case 'struct':
        w.u8(0x5f);
        w.u32(def.fields.length);
        for (const f of def.fields) {
          w.bytes(f.type);
          w.u8(f.mut ? 1 : 0);
        }
        break;
      case 'array':
        w.u8(0x5e);
        w.bytes(def.fields[0].type);
        w.u8(def.fields[0].mut ? 1 : 0);
        break;
    }
  }
}
