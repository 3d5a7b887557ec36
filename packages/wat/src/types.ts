// Type definitions: `(type ...)` with `sub`, `final`, and func, struct and array composite types.

import { Cursor, isIndex, type ModuleContext, type TypeDef } from './context.js';
import { type List, type Node, NodeKind } from './lexer.js';

function headOf(n: Node | undefined): string | undefined {
  if (n === undefined || n.k !== NodeKind.List) return undefined;
  const h = n.items[0];
  return h !== undefined && h.k === NodeKind.Atom ? h.text : undefined;
}

/** Parses `(type $id? subtype)` as type `idx`; returns whether `sub` was written explicitly. */
export function parseTypeDef(ctx: ModuleContext, list: List, idx: number, singleton: boolean): boolean {
  const src = ctx.src;
  const c = new Cursor(list.items, src, 1, list.pos);
  c.id();
  let body = c.list();
  c.end();
  let final = true;
  let explicitSub = false;
  const supers: number[] = [];
  if (headOf(body) === 'sub') {
    explicitSub = true;
    const sc = c.sub(body);
    final = false;
    if (sc.peekAtom() === 'final') {
      sc.next();
      final = true;
    }
    while (isIndex(sc.peek())) supers.push(ctx.types.resolve(sc.next()));
    body = sc.list();
    sc.end();
  }
  const def: TypeDef = { kind: 'func', final, supers, params: [], results: [], fields: [] };
  const bc = c.sub(body);
  switch (headOf(body)) {
    case 'func':
      ctx.signature(bc, true, def.params, def.results, []);
      break;
    case 'struct': {
      def.kind = 'struct';
      const names = new Map<string, number>();
      while (!bc.done()) {
        const fl = bc.list();
        if (headOf(fl) !== 'field') throw src.error('unexpected token', fl.pos);
        const fc = bc.sub(fl);
        const id = fc.id();
        if (id !== undefined) {
          if (names.has(id.name)) throw src.error(`duplicate field ${id.name}`, id.pos);
          names.set(id.name, def.fields.length);
          def.fields.push(ctx.fieldType(fc.next()));
          fc.end();
        } else while (!fc.done()) def.fields.push(ctx.fieldType(fc.next()));
      }
      ctx.fieldNames.set(idx, names);
      break;
    }
    case 'array': {
      def.kind = 'array';
      def.fields.push(ctx.fieldType(bc.next()));
      break;
    }
    default:
      throw src.error('unexpected token, expected func, struct or array', body.pos);
  }
  bc.end();
  ctx.defineType(idx, def, singleton);
  return explicitSub;
}
