// Dead-value removal: a node that defines values nobody uses and has no effect (`isPure`) goes, and so does
// a `local.set` of a local nothing reads; removing one may leave its operands unused in turn, so this runs
// to a fixed point. Nodes with effects or traps stay even when their value is unused (a dropped load still
// traps out of bounds).

import { defs, type IrFunc, isPure, type Node, operands, walk } from '../ir.js';

/** Removes unused pure values and stores to locals never read (in place). */
export function removeDeadValues(fn: IrFunc): void {
  for (let changed = true; changed; ) {
    changed = false;
    const uses = new Uint32Array(fn.types.length);
    const read = new Uint8Array(fn.vars.length);
    walk(fn.body, (n) => {
      for (const v of operands(n)) uses[v]++;
      if (n.k === 'get') read[n.local] = 1;
    });
    // a branch's values are read through its target's variables (by the reads after the target)
    const dead = (n: Node): boolean => {
      if (n.k === 'set') return read[n.local] === 0;
      const d = defs(n);
      return d.length > 0 && isPure(n) && d.every((v) => uses[v] === 0);
    };
    const list = (nodes: Node[]): Node[] => {
      const out: Node[] = [];
      for (const n of nodes) {
        if (dead(n)) {
          changed = true;
          continue;
        }
        if (n.k === 'block' || n.k === 'loop') n.body = list(n.body);
        else if (n.k === 'if') {
          n.yes = list(n.yes);
          n.no = list(n.no);
        }
        out.push(n);
      }
      return out;
    };
    fn.body = list(fn.body);
  }
}
