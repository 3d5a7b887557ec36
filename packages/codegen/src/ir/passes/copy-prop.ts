// Copy propagation, towards locals: after `local.set $l v` (or `local.tee`), a later use of `v` while `$l`
// still holds it reads `$l` instead, so `v` keeps one use (the set) and is written inline there: `local.tee`
// becomes one assignment rather than a temporary and a copy. In straight-line code a local holds a value
// from its set to its next write; into a nested block, loop or if the facts go along minus the locals
// written anywhere inside it (a loop's back edge brings those; a branch writes its target's variables), and after
// it the same locals are forgotten.
// Also, a `local.get` of a local known to hold a constant becomes that constant.

import { type IrFunc, mapOperands, type Node, newValue, walk } from '../ir.js';

/** Rewrites uses of values that a local holds into reads of that local (in place). */
export function propagateCopies(fn: IrFunc): void {
  const consts = new Map<number, Node & { k: 'const' }>();
  walk(fn.body, (n) => {
    if (n.k === 'const') consts.set(n.dst, n);
  });
  const written = new Map<Node, Set<number>>();
  const writesOf = (n: Node): Set<number> => {
    let w = written.get(n);
    if (w === undefined) {
      w = new Set();
      const s = w;
      walk([n], (m) => {
        if (m.k === 'set') s.add(m.local);
        // a branch assigns its target's variables
        const labels = m.k === 'br' || m.k === 'br_if' ? [m.label] : m.k === 'br_table' ? [...m.labels, m.dflt] : [];
        for (const l of labels) if (l >= 0) for (const v of fn.labels[l].vars) s.add(v);
      });
      written.set(n, w);
    }
    return w;
  };
  /** `holds`: local -> the value it holds; `where`: value -> a local holding it. */
  const list = (nodes: Node[], holds: Map<number, number>): Node[] => {
    const where = new Map<number, number>();
    for (const [l, v] of holds) if (!where.has(v)) where.set(v, l);
    const out: Node[] = [];
    for (const n of nodes) {
      mapOperands(n, (v) => {
        const l = where.get(v);
        if (l === undefined || holds.get(l) !== v || consts.has(v)) return v;
        const dst = newValue(fn, fn.types[v]);
        out.push({ k: 'get', dst, local: l });
        return dst;
      });
      if (n.k === 'get') {
        // a local known to hold a constant: the constant
        const v = holds.get(n.local);
        const c = v === undefined ? undefined : consts.get(v);
        if (c !== undefined) {
          const k: Node = { k: 'const', dst: n.dst, value: c.value, text: c.text };
          consts.set(n.dst, k as Node & { k: 'const' });
          out.push(k);
          continue;
        }
      }
      out.push(n);
      if (n.k === 'set') {
        const before = holds.get(n.local);
        if (before !== undefined && where.get(before) === n.local) where.delete(before);
        holds.set(n.local, n.src);
        if (!where.has(n.src) || holds.get(where.get(n.src) as number) !== n.src) where.set(n.src, n.local);
        continue;
      }
      if (n.k === 'block' || n.k === 'loop' || n.k === 'if') {
        const w = writesOf(n);
        const inner = new Map([...holds].filter(([l]) => !w.has(l)));
        if (n.k === 'if') {
          n.yes = list(n.yes, new Map(inner));
          n.no = list(n.no, new Map(inner));
        } else n.body = list(n.body, inner);
        for (const l of w) holds.delete(l);
      }
    }
    return out;
  };
  fn.body = list(fn.body, new Map());
}
