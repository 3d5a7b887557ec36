// Lexes WebAssembly text straight into an S-expression tree: the text and WAST grammars are both
// S-expressions, and a tree lets the module encoder look ahead and make two passes cheaply.

import { decodeUtf8 } from '@wasmts/environ';
import type { Source } from './error.js';

/** The kinds of S-expression nodes (`Node.k`). */
export const NodeKind = { Atom: 0, Str: 1, Id: 2, List: 3 } as const;

/** A keyword, number or other run of identifier characters. */
export interface Atom {
  readonly k: typeof NodeKind.Atom;
  readonly text: string;
  readonly pos: number;
}
/** A string literal, as the bytes it denotes. */
export interface Str {
  readonly k: typeof NodeKind.Str;
  readonly bytes: Uint8Array;
  readonly pos: number;
}
/** A symbolic identifier, `$` included. */
export interface Id {
  readonly k: typeof NodeKind.Id;
  readonly name: string;
  readonly pos: number;
}
/** A parenthesized list. */
export interface List {
  readonly k: typeof NodeKind.List;
  readonly items: Node[];
  readonly pos: number;
}
/** A node of the S-expression tree. */
export type Node = Atom | Str | Id | List;

// idchar per the spec: printable ASCII except space, quote, comma, semicolon, brackets and braces.
const ID_CHAR = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) ID_CHAR[c] = 1;
for (const ch of '"(),;[]{}') ID_CHAR[ch.charCodeAt(0)] = 0;

/** Lexes `text` into the list of its top-level nodes. */
export function parseTree(src: Source): Node[] {
  const text = src.text;
  const n = text.length;
  let i = 0;
  const stack: Node[][] = [];
  const starts: number[] = [];
  let cur: Node[] = [];

  const readString = (start: number): Uint8Array => {
    // start points at the opening quote
    let j = start + 1;
    let simple = true;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 34) break;
      if (c === 92 || c >= 0x80 || c < 0x20 || c === 0x7f) {
        simple = false;
        break;
      }
    }
    if (simple) {
      if (j >= n) throw src.error('unclosed string', start);
      const out = new Uint8Array(j - start - 1);
      for (let k = start + 1; k < j; k++) out[k - start - 1] = text.charCodeAt(k);
      i = j + 1;
      return out;
    }
    const out: number[] = [];
    j = start + 1;
    for (;;) {
      if (j >= n) throw src.error('unclosed string', start);
      const c = text.charCodeAt(j);
      if (c === 34) break;
      if (c === 92) {
        const e = text.charCodeAt(j + 1);
        j += 2;
        // not opcodes: the character after a backslash
        switch (e) {
          case 0x6e:
            out.push(10);
            break; // n
          case 0x74:
            out.push(9);
            break; // t
          case 0x72:
            out.push(13);
            break; // r
          case 0x22:
            out.push(0x22);
            break;
          case 0x27:
            out.push(0x27);
            break;
          case 0x5c:
            out.push(0x5c);
            break;
          case 0x75: {
            // u{hex}
            if (text.charCodeAt(j) !== 0x7b) throw src.error('malformed escape', j - 2);
            const close = text.indexOf('}', j);
            const hex = close < 0 ? '' : text.slice(j + 1, close);
            if (!/^[0-9a-fA-F](_?[0-9a-fA-F])*$/.test(hex)) throw src.error('malformed escape', j - 2);
            const cp = parseInt(hex.replace(/_/g, ''), 16);
            if (cp >= 0x110000 || (cp >= 0xd800 && cp < 0xe000) || hex.length > 8)
              throw src.error('malformed escape', j - 2);
            pushUtf8(out, cp);
            j = close + 1;
            break;
          }
          default: {
            const h1 = hexVal(e);
            const h2 = hexVal(text.charCodeAt(j));
            if (h1 < 0 || h2 < 0) throw src.error('unknown escape', j - 2);
            out.push(h1 * 16 + h2);
            j++;
          }
        }
        continue;
      }
      if (c < 0x20 || c === 0x7f) throw src.error('control character in string', j);
      if (c < 0x80) {
        out.push(c);
        j++;
      } else {
        const cp = text.codePointAt(j)!;
        if (cp >= 0xd800 && cp < 0xe000) throw src.error('malformed UTF-8 encoding', j);
        pushUtf8(out, cp);
        j += cp > 0xffff ? 2 : 1;
      }
    }
    i = j + 1;
    return Uint8Array.from(out);
  };

  const skipBlockComment = (start: number): void => {
    // start points at "(;"
    let depth = 1;
    let j = start + 2;
    while (depth > 0) {
      if (j >= n) throw src.error('unclosed comment', start);
      const c = text.charCodeAt(j);
      if (c === 0x28 && text.charCodeAt(j + 1) === 0x3b) {
        depth++;
        j += 2;
      } else if (c === 0x3b && text.charCodeAt(j + 1) === 0x29) {
        depth--;
        j += 2;
      } else j++;
    }
    i = j;
  };

  // Skips an annotation "(@..." and everything up to its matching parenthesis.
  const skipAnnotation = (start: number): void => {
    let depth = 1;
    i = start + 2;
    while (depth > 0) {
      if (i >= n) throw src.error('unclosed annotation', start);
      const c = text.charCodeAt(i);
      if (c === 0x28) {
        if (text.charCodeAt(i + 1) === 0x3b) skipBlockComment(i);
        else {
          depth++;
          i++;
        }
      } else if (c === 0x29) {
        depth--;
        i++;
      } else if (c === 0x22) {
        const at = i;
        const bytes = readString(i);
        if (at === start + 2) {
          if (bytes.length === 0) throw src.error('empty annotation id', start);
          try {
            decodeUtf8(bytes);
          } catch {
            throw src.error('malformed UTF-8 encoding', at);
          }
        }
      } else if (c === 0x3b && text.charCodeAt(i + 1) === 0x3b) {
        i = lineCommentEnd(text, i);
      } else if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x09 || c === 0x0d) i++;
      else throw src.error('illegal character', i);
    }
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      i++;
    } else if (c === 0x28) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x3b) skipBlockComment(i);
      else if (next === 0x40 && (ID_CHAR[text.charCodeAt(i + 2)] === 1 || text.charCodeAt(i + 2) === 0x22))
        skipAnnotation(i);
      else {
        stack.push(cur);
        starts.push(i);
        cur = [];
        i++;
      }
    } else if (c === 0x29) {
      if (stack.length === 0) throw src.error('unexpected token ")"', i);
      const list: List = { k: NodeKind.List, items: cur, pos: starts.pop()! };
      cur = stack.pop()!;
      cur.push(list);
      i++;
    } else if (c === 0x3b) {
      if (text.charCodeAt(i + 1) !== 0x3b) throw src.error('unexpected character ";"', i);
      i = lineCommentEnd(text, i);
    } else if (c === 0x22) {
      const start = i;
      const bytes = readString(i);
      checkDelimited(start);
      cur.push({ k: NodeKind.Str, bytes, pos: start });
    } else if (c < 0x80 && ID_CHAR[c] === 1) {
      const start = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 0x80 && ID_CHAR[d] === 1) i++;
        else break;
      }
      if (c === 0x24 && i === start + 1 && text.charCodeAt(i) === 0x22) {
        // $"quoted id"
        const bytes = readString(i);
        checkDelimited(start);
        let name: string;
        try {
          name = decodeUtf8(bytes);
        } catch {
          throw src.error('malformed UTF-8 encoding', start);
        }
        if (bytes.length === 0) throw src.error('empty identifier', start);
        cur.push({ k: NodeKind.Id, name: `$${name}`, pos: start });
        continue;
      }
      checkDelimited(start);
      const tok = text.slice(start, i);
      if (c === 0x24) {
        if (tok.length === 1) throw src.error('empty identifier', start);
        cur.push({ k: NodeKind.Id, name: tok, pos: start });
      } else cur.push({ k: NodeKind.Atom, text: tok, pos: start });
    } else {
      throw src.error(`unexpected character`, i);
    }
  }
  if (stack.length > 0) throw src.error('unclosed parenthesis', starts[starts.length - 1]);
  return cur;

  // A token must be followed by whitespace, a parenthesis, a comment or the end; else the run is a reserved token.
  function checkDelimited(start: number): void {
    if (i >= n) return;
    const d = text.charCodeAt(i);
    if (d === 0x20 || d === 0x0a || d === 0x09 || d === 0x0d || d === 0x28 || d === 0x29) return;
    if (d === 0x3b && text.charCodeAt(i + 1) === 0x3b) return;
    throw src.error('unknown operator', start);
  }
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/**
 * Decodes quoted module text. Invalid UTF-8 becomes a lone surrogate, which the lexer rejects
 * wherever it appears, so a quoted module with malformed UTF-8 stays malformed.
 */
export function decodeSource(bytes: Uint8Array): string {
  try {
    return decodeUtf8(bytes);
  } catch {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i];
      const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      if (len > 0 && i + len <= bytes.length) {
        try {
          out += decodeUtf8(bytes.subarray(i, i + len));
          i += len;
          continue;
        } catch {
          // fall through: invalid sequence
        }
      }
      out += '\ud800';
      i++;
    }
    return out;
  }
}

/** The offset just past a `;;` comment starting at `i`: it ends at LF, CR, CR LF or the end of the text. */
function lineCommentEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i++);
    if (c === 0x0a) return i;
    if (c === 0x0d) return text.charCodeAt(i) === 0x0a ? i + 1 : i;
  }
  return n;
}
