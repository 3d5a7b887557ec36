import { describe, expect, it } from 'vitest';
import { Source, WatError } from '../src/error.js';
import { type Node, NodeKind, parseTree } from '../src/lexer.js';

const lex = (text: string): Node[] => parseTree(new Source(text, 'test.wat'));
const show = (nodes: Node[]): unknown[] =>
  nodes.map((n) =>
    n.k === NodeKind.Atom
      ? n.text
      : n.k === NodeKind.Str
        ? `"${new TextDecoder().decode(n.bytes)}"`
        : n.k === NodeKind.Id
          ? n.name
          : show(n.items),
  );

describe('lexer', () => {
  it('builds a tree of atoms, ids, strings and lists', () => {
    expect(show(lex('(module $m (func (export "f") (i32.const -1)))'))).toEqual([
      ['module', '$m', ['func', ['export', '"f"'], ['i32.const', '-1']]],
    ]);
  });
  it('skips line, nested block comments and annotations', () => {
    const text = ';; line\n(a (; block (; nested ;) ;) b) (@annot (x "y)") z) ;; tail';
    expect(show(lex(text))).toEqual([['a', 'b']]);
  });
  it('ends line comments at LF, CR and CR LF', () => {
    expect(show(lex('(a ;; x\rb ;; y\r\nc ;; z\nd)'))).toEqual([['a', 'b', 'c', 'd']]);
  });
  it('treats parentheses and comments as delimiters', () => {
    expect(show(lex('(func(nop)nop;;x\n)'))).toEqual([['func', ['nop'], 'nop']]);
  });
  it('decodes string escapes and UTF-8', () => {
    const [s] = lex('"a\\n\\t\\\\\\"\\41\\u{1F600}é"');
    expect(s.k).toBe(1);
    if (s.k === NodeKind.Str)
      expect(Array.from(s.bytes)).toEqual([0x61, 10, 9, 0x5c, 0x22, 0x41, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa9]);
  });
  it('keeps arbitrary bytes from hex escapes', () => {
    const [s] = lex('"\\ff\\00"');
    if (s.k === NodeKind.Str) expect(Array.from(s.bytes)).toEqual([0xff, 0]);
  });
  it('supports quoted identifiers', () => {
    expect(show(lex('$"a b" $x'))).toEqual(['$a b', '$x']);
  });
  it('rejects tokens run together with strings', () => {
    expect(() => lex('(data $l"a")')).toThrow('unknown operator');
    expect(() => lex('"a""b"')).toThrow('unknown operator');
  });
  it('reports errors with line and column', () => {
    try {
      lex('(a\n  "\\q")');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WatError);
      const err = e as WatError;
      expect(err.line).toBe(2);
      expect(err.column).toBe(4);
      expect(err.file).toBe('test.wat');
      expect(err.message).toMatch(/^test\.wat:2:4: /);
    }
  });
  it('rejects unbalanced parentheses and unclosed comments', () => {
    expect(() => lex('(a')).toThrow(WatError);
    expect(() => lex('a)')).toThrow(WatError);
    expect(() => lex('(; x')).toThrow(WatError);
    expect(() => lex('"abc')).toThrow(WatError);
  });
  it('rejects illegal characters, also inside annotations', () => {
    expect(() => lex('(a \u00e9)')).toThrow(WatError);
    expect(() => lex('(@a \u0007)')).toThrow('illegal character');
    expect(() => lex('(@"")')).toThrow('empty annotation id');
  });
});
