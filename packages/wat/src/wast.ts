// The WAST script grammar: modules (text, binary, quoted), actions and assertions.

import { decodeUtf8 } from '@wasmts/environ';
import { Cursor } from './context.js';
import { Source, WatError } from './error.js';
import { SHAPES } from './instructions.js';
import { decodeSource, type List, type Node, NodeKind, parseTree } from './lexer.js';
import { encodeModule } from './module.js';
import { LiteralError, parseF32, parseF64, parseI32, parseI64, parseInteger } from './numbers.js';

/** A module in a script: text encoded eagerly, binary bytes, or quoted text parsed on demand. */
export type WastModule =
  | { kind: 'text'; line: number; name?: string; bytes?: Uint8Array; error?: WatError }
  | { kind: 'binary'; line: number; name?: string; bytes: Uint8Array }
  | { kind: 'quote'; line: number; name?: string; source: string };

/** An argument value (a constant) of an action. */
export type WastValue =
  | { type: 'i32'; value: number }
  | { type: 'i64'; value: bigint }
  | { type: 'f32'; bits: number }
  | { type: 'f64'; bits: bigint }
  | { type: 'v128'; bytes: Uint8Array }
  | { type: 'ref.null'; heap: string }
  | { type: 'ref.extern'; value: number }
  | { type: 'ref.host'; value: number };

/** An expected result of assert_return: a value, a NaN class, lane-wise vector, reference kind or alternatives. */
export type WastExpected =
  | WastValue
  | { type: 'f32' | 'f64'; nan: 'canonical' | 'arithmetic' }
  | { type: 'v128'; lanes: { shape: 'i8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64'; values: WastExpected[] } }
  | {
      type:
        | 'ref.func'
        | 'ref.struct'
        | 'ref.array'
        | 'ref.i31'
        | 'ref.eq'
        | 'ref.any'
        | 'ref.exn'
        | 'ref.extern'
        | 'ref.null'
        | 'ref.i31_shared';
      value?: number;
      heap?: string;
    }
  | { type: 'either'; options: WastExpected[][] };

/** An action: invoke an exported function or read an exported global. */
export type WastAction =
  | { type: 'invoke'; module?: string; name: string; args: WastValue[] }
  | { type: 'get'; module?: string; name: string };

/** One command of a script. */
export type WastCommand =
  | { type: 'module'; line: number; module: WastModule; definition?: boolean }
  | { type: 'module_instance'; line: number; instance?: string; module: string }
  | { type: 'register'; line: number; as: string; name?: string }
  | { type: 'action'; line: number; action: WastAction }
  | { type: 'assert_return'; line: number; action: WastAction; expected: WastExpected[] }
  | { type: 'assert_trap'; line: number; action: WastAction; text: string }
  | { type: 'assert_trap_module'; line: number; module: WastModule; text: string }
  | { type: 'assert_exhaustion'; line: number; action: WastAction; text: string }
  | { type: 'assert_exception'; line: number; action: WastAction }
  | {
      type: 'assert_invalid' | 'assert_malformed' | 'assert_unlinkable';
      line: number;
      module: WastModule;
      text: string;
    };

/** A parsed script. */
export interface WastScript {
  file?: string;
  commands: WastCommand[];
}

const COMMANDS = new Set([
  'module',
  'register',
  'invoke',
  'get',
  'assert_return',
  'assert_trap',
  'assert_exhaustion',
  'assert_exception',
  'assert_invalid',
  'assert_malformed',
  'assert_unlinkable',
  'assert_malformed_custom',
  'assert_invalid_custom',
]);

class WastParser {
  // Line numbers by offset, computed incrementally: nodes are visited in increasing order.
  private lineAt = 0;
  private line = 1;

  constructor(private readonly src: Source) {}

  lineOf(pos: number): number {
    const text = this.src.text;
    if (pos < this.lineAt) {
      this.lineAt = 0;
      this.line = 1;
    }
    for (let i = this.lineAt; i < pos; i++) if (text.charCodeAt(i) === 10) this.line++;
    this.lineAt = pos;
    return this.line;
  }

  private head(n: Node | undefined): string | undefined {
    if (n === undefined || n.k !== NodeKind.List) return undefined;
    const h = n.items[0];
    return h !== undefined && h.k === NodeKind.Atom ? h.text : undefined;
  }

  // Export and registration names; malformed UTF-8 decodes lossily (it can match no export anyway).
  private name(c: Cursor): string {
    return decodeUtf8(c.string().bytes, { fatal: false });
  }

  private lit<T>(n: Node, f: (t: string) => T): T {
    if (n.k !== NodeKind.Atom) throw this.src.error('unexpected token, expected a number', n.pos);
    try {
      return f(n.text);
    } catch (e) {
      if (e instanceof LiteralError) throw this.src.error(e.message, n.pos);
      throw e;
    }
  }

  script(nodes: Node[]): WastCommand[] {
    const out: WastCommand[] = [];
    const first = nodes[0];
    if (first !== undefined && first.k === NodeKind.List && !COMMANDS.has(this.head(first) ?? '')) {
      // a script may be just the fields of one module
      const line = this.lineOf(first.pos);
      let module: WastModule;
      try {
        module = { kind: 'text', line, bytes: encodeModule(this.src, nodes) };
      } catch (e) {
        if (!(e instanceof WatError)) throw e;
        module = { kind: 'text', line, error: e };
      }
      return [{ type: 'module', line, module }];
    }
    for (const n of nodes) {
      if (n.k !== NodeKind.List) throw this.src.error('unexpected token', n.pos);
      const cmd = this.command(n);
      if (cmd !== undefined) out.push(cmd);
    }
    return out;
  }

  private command(n: List): WastCommand | undefined {
    const head = this.head(n);
    const line = this.lineOf(n.pos);
    const c = new Cursor(n.items, this.src, 1, n.pos);
    switch (head) {
      case 'module': {
        if (c.peekAtom() === 'instance') {
          c.next();
          const a = c.id();
          const b = c.id();
          c.end();
          if (a === undefined) throw this.src.error('unexpected token, expected a module name', n.pos);
          if (b === undefined) return { type: 'module_instance', line, module: a.name };
          return { type: 'module_instance', line, instance: a.name, module: b.name };
        }
        const definition = c.peekAtom() === 'definition';
        const module = this.module(n, line);
        return definition ? { type: 'module', line, module, definition } : { type: 'module', line, module };
      }
      case 'register': {
        const as = this.name(c);
        const id = c.id();
        c.end();
        return id === undefined ? { type: 'register', line, as } : { type: 'register', line, as, name: id.name };
      }
      case 'invoke':
      case 'get':
        return { type: 'action', line, action: this.action(n) };
      case 'assert_return': {
        const action = this.action(c.list());
        const expected: WastExpected[] = [];
        while (!c.done()) expected.push(this.expected(c.list()));
        return { type: 'assert_return', line, action, expected };
      }
      case 'assert_trap': {
        const l = c.list();
        const text = decodeUtf8(c.string().bytes, { fatal: false });
        c.end();
        if (this.head(l) === 'module')
          return { type: 'assert_trap_module', line, module: this.module(l, this.lineOf(l.pos)), text };
        return { type: 'assert_trap', line, action: this.action(l), text };
      }
      case 'assert_exhaustion': {
        const action = this.action(c.list());
        const text = decodeUtf8(c.string().bytes, { fatal: false });
        c.end();
        return { type: 'assert_exhaustion', line, action, text };
      }
      case 'assert_exception': {
        const action = this.action(c.list());
        c.end();
        return { type: 'assert_exception', line, action };
      }
      case 'assert_invalid':
      case 'assert_malformed':
      case 'assert_unlinkable': {
        const l = c.list();
        const text = decodeUtf8(c.string().bytes, { fatal: false });
        c.end();
        return { type: head, line, module: this.module(l, this.lineOf(l.pos)), text };
      }
      case 'assert_malformed_custom':
      case 'assert_invalid_custom':
        // custom-section assertions: custom sections are not interpreted, so there is nothing to check
        return undefined;
      default:
        throw this.src.error(`unknown command ${head ?? ''}`, n.pos);
    }
  }

  private module(n: List, line: number): WastModule {
    if (this.head(n) !== 'module') throw this.src.error('unexpected token, expected (module', n.pos);
    const c = new Cursor(n.items, this.src, 1, n.pos);
    if (c.peekAtom() === 'definition') c.next();
    const id = c.id();
    const named = <T extends object>(m: T): T => (id === undefined ? m : { ...m, name: id.name });
    const kw = c.peekAtom();
    if (kw === 'binary' || kw === 'quote') {
      c.next();
      const parts: Uint8Array[] = [];
      let len = 0;
      while (!c.done()) {
        const s = c.string();
        parts.push(s.bytes);
        len += s.bytes.length;
      }
      const bytes = new Uint8Array(len);
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      if (kw === 'binary') return named({ kind: 'binary', line, bytes });
      return named({ kind: 'quote', line, source: decodeSource(bytes) });
    }
    try {
      const bytes = encodeModule(this.src, n.items.slice(c.i), id?.name);
      return named({ kind: 'text', line, bytes });
    } catch (e) {
      if (e instanceof WatError) return named({ kind: 'text', line, error: e });
      throw e;
    }
  }

  private action(n: List): WastAction {
    const head = this.head(n);
    const c = new Cursor(n.items, this.src, 1, n.pos);
    const id = c.id();
    const name = this.name(c);
    if (head === 'invoke') {
      const args: WastValue[] = [];
      while (!c.done()) args.push(this.value(c.list()));
      return id === undefined ? { type: 'invoke', name, args } : { type: 'invoke', module: id.name, name, args };
    }
    if (head === 'get') {
      c.end();
      return id === undefined ? { type: 'get', name } : { type: 'get', module: id.name, name };
    }
    throw this.src.error('unexpected token, expected an action', n.pos);
  }

  private value(n: List): WastValue {
    const v = this.constant(n, false);
    return v as WastValue;
  }

  private expected(n: List): WastExpected {
    if (this.head(n) === 'either') {
      const c = new Cursor(n.items, this.src, 1, n.pos);
      const options: WastExpected[][] = [];
      while (!c.done()) options.push([this.expected(c.list())]);
      return { type: 'either', options };
    }
    return this.constant(n, true);
  }

  private floatLane(n: Node, bits: 32 | 64, allowNan: boolean): WastExpected {
    if (allowNan && n.k === NodeKind.Atom && (n.text === 'nan:canonical' || n.text === 'nan:arithmetic')) {
      return { type: bits === 32 ? 'f32' : 'f64', nan: n.text.slice(4) as 'canonical' | 'arithmetic' };
    }
    return bits === 32 ? { type: 'f32', bits: this.lit(n, parseF32) } : { type: 'f64', bits: this.lit(n, parseF64) };
  }

  private constant(n: List, allowPatterns: boolean): WastExpected {
    const head = this.head(n);
    const c = new Cursor(n.items, this.src, 1, n.pos);
    let out: WastExpected;
    switch (head) {
      case 'i32.const':
        out = { type: 'i32', value: this.lit(c.next(), parseI32) };
        break;
      case 'i64.const':
        out = { type: 'i64', value: this.lit(c.next(), parseI64) };
        break;
      case 'f32.const':
        out = this.floatLane(c.next(), 32, allowPatterns);
        break;
      case 'f64.const':
        out = this.floatLane(c.next(), 64, allowPatterns);
        break;
      case 'v128.const': {
        const sn = c.next();
        const shape = sn.k === NodeKind.Atom ? SHAPES[sn.text] : undefined;
        if (shape === undefined) throw this.src.error('unexpected token, expected a vector shape', sn.pos);
        const values: WastExpected[] = [];
        let pattern = false;
        for (let i = 0; i < shape.lanes; i++) {
          const ln = c.next();
          if (shape.float) {
            const v = this.floatLane(ln, shape.bits as 32 | 64, allowPatterns);
            if ('nan' in v) pattern = true;
            values.push(v);
          } else {
            const v = this.lit(ln, (t) => parseInteger(t, shape.bits));
            values.push(
              shape.bits === 64
                ? { type: 'i64', value: BigInt.asIntN(64, v) }
                : { type: 'i32', value: Number(BigInt.asIntN(shape.bits, v)) },
            );
          }
        }
        if (pattern) {
          out = {
            type: 'v128',
            lanes: { shape: sn.k === NodeKind.Atom ? (sn.text.slice(0, 3) as 'f32' | 'f64') : 'f32', values },
          };
          break;
        }
        const bytes = new Uint8Array(16);
        const dv = new DataView(bytes.buffer);
        const laneBytes = shape.bits / 8;
        values.forEach((v, i) => {
          const at = i * laneBytes;
          if (v.type === 'f32') dv.setUint32(at, (v as { bits: number }).bits, true);
          else if (v.type === 'f64') dv.setBigUint64(at, (v as { bits: bigint }).bits, true);
          else if (v.type === 'i64') dv.setBigInt64(at, (v as { value: bigint }).value, true);
          else if (shape.bits === 32) dv.setInt32(at, (v as { value: number }).value, true);
          else if (shape.bits === 16) dv.setInt16(at, (v as { value: number }).value, true);
          else dv.setInt8(at, (v as { value: number }).value);
        });
        out = { type: 'v128', bytes };
        break;
      }
      case 'ref.null': {
        const h = c.peek();
        if (h === undefined) {
          out = { type: 'ref.null' } as WastExpected;
          break;
        }
        c.next();
        out = { type: 'ref.null', heap: h.k === NodeKind.Atom ? h.text : h.k === NodeKind.Id ? h.name : '' };
        break;
      }
      case 'ref.extern':
      case 'ref.host':
      case 'ref.func':
      case 'ref.struct':
      case 'ref.array':
      case 'ref.i31':
      case 'ref.eq':
      case 'ref.any':
      case 'ref.exn':
      case 'ref.i31_shared': {
        const v = c.peek();
        if (v === undefined) out = { type: head } as WastExpected;
        else {
          c.next();
          if (v.k === NodeKind.Id) out = { type: head, heap: v.name } as WastExpected;
          else out = { type: head, value: this.lit(v, (t) => Number(parseInteger(t, 32))) } as WastExpected;
        }
        break;
      }
      default:
        throw this.src.error(`unknown constant ${head ?? ''}`, n.pos);
    }
    c.end();
    return out;
  }
}

/** Parses a WAST script. Text modules inside are encoded eagerly; their errors are captured, not thrown. */
export function parseWast(text: string, options?: { file?: string }): WastScript {
  const src = new Source(text, options?.file);
  const nodes = parseTree(src);
  const commands = new WastParser(src).script(nodes);
  return options?.file === undefined ? { commands } : { file: options.file, commands };
}
