// Constant folding: an integer operator whose operands are all constants becomes a constant, computed by
// the very template emission would write (numeric.ts), evaluated once per operator with codegen's helpers:
// folding cannot disagree with the generated code. Operators that may trap are left to run; float results
// are left alone (NaN bit patterns). Identities with a constant operand (x + 0, x | 0, x * 1, x << 0, ...)
// become x.

import { HELPERS } from '../../helpers.js';
import { BINARY, UNARY } from '../../numeric.js';
import { type IrFunc, isPure, mapOperands, type Node, walk } from '../ir.js';

type Evaluate = (h: unknown, a: unknown, b: unknown) => unknown;
const evaluators = new Map<string, Evaluate>();

/** The template of operator `name` as a JS function of its operand values. */
function evaluator(name: string, n: number): Evaluate {
  let f = evaluators.get(name);
  if (f === undefined) {
    const body = n === 1 ? UNARY[name]('a') : BINARY[name]('a', 'b');
    // `mf`: the temporary of the float fast paths (numeric.ts), declared as generated functions declare it
    f = new Function('H', 'a', 'b', `"use strict"; let mf; return ${body};`) as Evaluate;
    evaluators.set(name, f);
  }
  return f;
}

/** Binary operators with an identity on the right: `x op k` is `x`. */
const RIGHT_IDENTITY: Readonly<Record<string, number | bigint>> = {
  'i32.add': 0,
  'i32.sub': 0,
  'i32.or': 0,
  'i32.xor': 0,
  'i32.shl': 0,
  'i32.shr_s': 0,
  'i32.shr_u': 0,
  'i32.mul': 1,
  'i32.and': -1,
  'i64.add': 0n,
  'i64.sub': 0n,
  'i64.or': 0n,
  'i64.xor': 0n,
  'i64.mul': 1n,
  'i64.and': -1n,
};

/** Folds constant integer operators and identities (in place). */
export function foldConstants(fn: IrFunc): void {
  const consts = new Map<number, Node & { k: 'const' }>();
  const alias = new Map<number, number>();
  const list = (nodes: Node[]): void => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (alias.size > 0) mapOperands(n, (v) => alias.get(v) ?? v);
      if (n.k === 'const') consts.set(n.dst, n);
      else if (n.k === 'op' && isPure(n)) {
        const t = fn.types[n.dst];
        const ks = n.args.map((a) => consts.get(a));
        if ((t === 'i32' || t === 'i64') && ks.every((k) => k !== undefined && k.value === k.value)) {
          const vals = (ks as (Node & { k: 'const' })[]).map((k) => k.value);
          const r = evaluator(n.name, n.args.length)(HELPERS, vals[0], vals[1]);
          const ok = t === 'i32' ? typeof r === 'number' && (r | 0) === r && !Object.is(r, -0) : typeof r === 'bigint';
          if (ok) {
            const text = t === 'i32' ? ((r as number) < 0 ? `(${r})` : String(r)) : `${r}n`;
            const k: Node & { k: 'const' } = { k: 'const', dst: n.dst, value: r as number | bigint, text };
            nodes[i] = k;
            consts.set(n.dst, k);
            continue;
          }
        }
        const id = RIGHT_IDENTITY[n.name];
        const right = n.args.length === 2 ? consts.get(n.args[1]) : undefined;
        if (id !== undefined && right !== undefined && right.value === id) alias.set(n.dst, n.args[0]);
      } else if (n.k === 'block' || n.k === 'loop') list(n.body);
      else if (n.k === 'if') {
        list(n.yes);
        list(n.no);
      }
    }
  };
  list(fn.body);
  // the label variables' values and anything after are rewritten above; nothing else refers to values
  if (alias.size > 0) walk(fn.body, (n) => mapOperands(n, (v) => alias.get(v) ?? v));
}
