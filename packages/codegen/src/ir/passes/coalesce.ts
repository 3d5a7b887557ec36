// Stack-slot coalescing: every value that is not inlined needs a JS variable; values whose live ranges do
// not overlap share one, per representation (int32 `s<k>`, double `d<k>`, bigint `z<k>`), so a function
// declares about as many variables as the wasm operand stack was deep rather than one per operator. A live
// range runs from the node that defines the value to the statement that evaluates its last use (for a use
// inside an inlined tree: its consumer's statement), and covers a whole loop when the value is defined before
// the loop and used in it. A node's operands and results always overlap (templates may write a result before
// reading every operand).

import { defs as defsOf, type IrFunc, type Node, operands } from '../ir.js';
import type { Trees } from './trees.js';

/** Per value: its JS variable name ('' for inlined values and values no statement assigns). */
export function coalesce(fn: IrFunc, trees: Trees): string[] {
  const nv = fn.types.length;
  const start = new Int32Array(nv).fill(-1);
  const end = new Int32Array(nv).fill(-1);
  const pos = new Map<Node, number>();
  const loops: [number, number][] = [];
  let p = 0;
  // number the nodes in program order; a loop spans its body
  const number = (list: Node[]) => {
    for (const n of list) {
      pos.set(n, p++);
      if (n.k === 'block') number(n.body);
      else if (n.k === 'loop') {
        const s = p;
        number(n.body);
        loops.push([s, p]);
      } else if (n.k === 'if') {
        number(n.yes);
        number(n.no);
      }
      if (n.k === 'block' || n.k === 'if') p++;
    }
  };
  number(fn.body);
  /** Where a node's expression is evaluated: its own statement, or its consumer's for an inlined value. */
  const site = (n: Node): number => {
    let m = n;
    for (;;) {
      const d = 'dst' in m ? m.dst : -1;
      if (d < 0 || trees.inline[d] !== 1) return pos.get(m) as number;
      const c = trees.consumer[d];
      if (c === undefined) return pos.get(m) as number;
      m = c;
    }
  };
  const visit = (list: Node[]) => {
    for (const n of list) {
      const at = site(n);
      for (const v of operands(n)) {
        if (trees.inline[v] === 1) continue;
        if (end[v] < at) end[v] = at;
      }
      for (const d of defsOf(n))
        if (trees.inline[d] !== 1) {
          start[d] = at;
          if (end[d] < at) end[d] = at;
        }
      if (n.k === 'block' || n.k === 'loop') visit(n.body);
      else if (n.k === 'if') {
        visit(n.yes);
        visit(n.no);
      }
    }
  };
  visit(fn.body);
  // a value used in a loop it was defined before is live through the whole loop (the back edge)
  for (let v = 0; v < nv; v++) {
    if (start[v] < 0) continue;
    for (const [ls, le] of loops) if (start[v] < ls && end[v] >= ls && end[v] < le) end[v] = le;
  }
  // linear scan per representation
  const names: string[] = new Array(nv).fill('');
  const order: number[] = [];
  for (let v = 0; v < nv; v++) if (start[v] >= 0) order.push(v);
  order.sort((a, b) => start[a] - start[b] || a - b);
  const free = new Map<string, string[]>();
  const active: number[] = [];
  const count = new Map<string, number>();
  for (const v of order) {
    // expire ranges that ended before this one starts
    for (let i = active.length - 1; i >= 0; i--) {
      const a = active[i];
      if (end[a] < start[v]) {
        active.splice(i, 1);
        const c = cls(fn.types[a]);
        (free.get(c) ?? (free.set(c, []).get(c) as string[])).push(names[a]);
      }
    }
    const c = cls(fn.types[v]);
    const pool = free.get(c);
    if (pool !== undefined && pool.length > 0) names[v] = pool.pop() as string;
    else {
      const k = count.get(c) ?? 0;
      count.set(c, k + 1);
      names[v] = `${c}${k}`;
    }
    active.push(v);
  }
  return names;
}

function cls(t: string): string {
  return t === 'big' ? 'z' : t === 'f32' || t === 'f64' ? 'd' : 's';
}
