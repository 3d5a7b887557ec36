// @wasmts/wat: the WebAssembly text format to binary, and the WAST script parser.

import { Cursor } from './context.js';
import { Source } from './error.js';
import { decodeSource, NodeKind, parseTree } from './lexer.js';
import { encodeModule } from './module.js';

export { WatError } from './error.js';
export type { WastAction, WastCommand, WastExpected, WastModule, WastScript, WastValue } from './wast.js';
export { parseWast } from './wast.js';

/** Parses one text module, `(module ...)` or bare module fields, to the binary format. */
export function parseWat(text: string, options?: { file?: string }): Uint8Array {
  const src = new Source(text, options?.file);
  const nodes = parseTree(src);
  const first = nodes[0];
  if (
    nodes.length === 1 &&
    first.k === NodeKind.List &&
    first.items[0]?.k === NodeKind.Atom &&
    first.items[0].text === 'module'
  ) {
    const c = new Cursor(first.items, src, 1, first.pos);
    if (c.peekAtom() === 'definition') c.next();
    const id = c.id();
    const kw = c.peekAtom();
    if (kw === 'binary' || kw === 'quote') {
      c.next();
      const parts: number[] = [];
      while (!c.done()) for (const b of c.string().bytes) parts.push(b);
      const bytes = Uint8Array.from(parts);
      return kw === 'binary' ? bytes : parseWat(decodeSource(bytes), options);
    }
    return encodeModule(src, first.items.slice(c.i), id?.name);
  }
  return encodeModule(src, nodes);
}
