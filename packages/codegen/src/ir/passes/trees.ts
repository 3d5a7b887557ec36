// Tree formation: decides which values are not given a variable but written inline into the one
// expression that uses them (`local.set 1 (i32.add (local.get 1) (i32.load (local.get 0)))` is one
// statement). A value is inlined when it has one use, in a later node of the same statement list, and moving
// its evaluation there changes nothing: values with effects or traps keep their order (each is evaluated at
// most once, in operand order, and never past another effect), a local read never moves past a write of that
// local, and nothing moves into a branch taken only sometimes. Constants are inlined everywhere, and so is a
// local read used several times before the local changes (the local's name stands for it).

import { linear } from '../../translate.js';
import { type IrFunc, isPure, type Node, operands } from '../ir.js';

/** Inline trees stop growing at this many nodes (a chain of 20,000 `i32.eqz` stays linear and shallow). */
const MAX_TREE = 24;

/** Nodes that define values by statements (several results, or a call): never inlined. */
const STATEMENTS = new Set(['pair', 'split', 'memory.grow']);

/** The result of tree formation: per value, whether it is inlined, and per inlined value its consumer. */
export interface Trees {
  readonly inline: Uint8Array;
  readonly consumer: (Node | undefined)[];
  readonly uses: Uint32Array;
  readonly defNode: (Node | undefined)[];
}

/** Counts uses and finds each value's defining node. */
export function useCounts(fn: IrFunc): { uses: Uint32Array; defNode: (Node | undefined)[] } {
  const uses = new Uint32Array(fn.types.length);
  const defNode: (Node | undefined)[] = new Array(fn.types.length);
  const visit = (list: Node[]) => {
    for (const n of list) {
      for (const v of operands(n)) uses[v]++;
      if ('dst' in n) defNode[n.dst] = n;
      if (n.k === 'pair' && n.dstHi >= 0) defNode[n.dstHi] = n;
      if (n.k === 'split') defNode[n.dstHi] = n;
      if (n.k === 'call') for (const d of n.dsts) defNode[d] = n;
      if (n.k === 'block' || n.k === 'loop') visit(n.body);
      else if (n.k === 'if') {
        visit(n.yes);
        visit(n.no);
      }
    }
  };
  visit(fn.body);
  return { uses, defNode };
}

/** How operand `i` of node `n` may be inlined: any tree, pure trees only, or atoms (constants, local reads). */
function allowed(n: Node, i: number): 'any' | 'pure' | 'atom' {
  switch (n.k) {
    case 'op':
      return linear(n.name, n.args.length) ? 'any' : 'atom';
    case 'pair':
    case 'pexpr':
    case 'join':
      return 'atom';
    case 'select':
      return i < 2 ? 'pure' : 'any';
    case 'br_if':
      return i < n.args.length ? 'pure' : 'any';
    case 'br_table':
      return i < n.args.length ? 'pure' : 'any';
    case 'call_indirect':
      // the index is evaluated (and checked) before the arguments are
      return i < n.args.length ? 'pure' : 'any';
    default:
      return 'any';
  }
}

/** Whether a node writes local `l`. */
function writes(n: Node, l: number): boolean {
  return n.k === 'set' && n.local === l;
}

interface Pending {
  v: number;
  pure: boolean;
  /** Locals the tree reads. */
  reads: Set<number>;
  size: number;
  atom: boolean;
}

/**
 * Whether all `count` uses of the value of the `local.get` at `nodes[at]` are operands of later nodes of the same
 * list, before anything writes the local or any control flow: the local's name can then stand for the value.
 */
function readsUnchanged(nodes: Node[], at: number, local: number, count: number): boolean {
  const v = (nodes[at] as Node & { k: 'get' }).dst;
  let left = count;
  for (let i = at + 1; i < nodes.length && i < at + 64; i++) {
    const n = nodes[i];
    if (n.k === 'block' || n.k === 'loop' || n.k === 'if') return false;
    for (const o of operands(n)) if (o === v) left--;
    if (left === 0) return true;
    if (writes(n, local) || n.k === 'br' || n.k === 'br_if' || n.k === 'br_table') return false;
  }
  return false;
}

/** Decides which values are inlined into their consumer (see the file comment). */
export function formTrees(fn: IrFunc): Trees {
  const { uses, defNode } = useCounts(fn);
  const inline = new Uint8Array(fn.types.length);
  const consumer: (Node | undefined)[] = new Array(fn.types.length);
  const info = new Map<number, Pending>();

  const list = (nodes: Node[]) => {
    let pending: Pending[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const ops = operands(n);
      const taken = new Set<number>();
      // candidates: pending trees this node uses, where its operand position allows them
      ops.forEach((v, i) => {
        const p = pending.find((q) => q.v === v);
        if (p === undefined) return;
        const a = allowed(n, i);
        if (a === 'atom' && !p.atom) return;
        if (a === 'pure' && !p.pure) return;
        taken.add(v);
      });
      const control =
        n.k === 'block' || n.k === 'loop' || n.k === 'if' || n.k === 'br' || n.k === 'br_if' || n.k === 'br_table';
      // what stays pending: pure trees this node neither consumes nor invalidates, and trees with effects
      // past nodes without any (a constant, a local read, arithmetic that cannot trap)
      const stays = (p: Pending): boolean => {
        if (ops.includes(p.v)) return false;
        if (p.pure ? control : !(isPure(n) && n.k !== 'select')) return false;
        for (const l of p.reads) if (writes(n, l)) return false;
        return true;
      };
      // trees with effects keep their order: one given a variable now (evaluated where it is defined) needs every
      // earlier one with effects given a variable too, and the ones taken are taken in operand order
      for (let changed = true; changed; ) {
        changed = false;
        let j = -1;
        pending.forEach((p, i) => {
          if (!p.pure && !taken.has(p.v) && !stays(p)) j = i;
        });
        let lastIdx = -1;
        pending.forEach((p, i) => {
          if (p.pure || !taken.has(p.v)) return;
          const idx = ops.indexOf(p.v);
          if (i < j || idx < lastIdx) {
            taken.delete(p.v);
            changed = true;
          } else lastIdx = idx;
        });
      }
      const next: Pending[] = [];
      for (const p of pending) {
        if (taken.has(p.v)) {
          inline[p.v] = 1;
          consumer[p.v] = n;
        } else if (stays(p)) next.push(p);
      }
      pending = next;
      // the node's own value becomes pending when it can be a tree
      if ((n.k === 'const' || !control) && 'dst' in n && defNode[n.dst] === n && !STATEMENTS.has(n.k)) {
        const v = n.dst;
        if (n.k === 'const') {
          inline[v] = 1;
          continue;
        }
        if (uses[v] !== 1) {
          if (n.k === 'get' && readsUnchanged(nodes, i, n.local, uses[v])) inline[v] = 1;
          continue;
        }
        const reads = new Set<number>();
        let size = 1;
        let pure = isPure(n);
        for (const o of ops)
          if (inline[o] === 1 && info.has(o)) {
            const q = info.get(o) as Pending;
            for (const l of q.reads) reads.add(l);
            size += q.size;
            if (!q.pure) pure = false;
          }
        if (n.k === 'get') reads.add(n.local);
        if (size > MAX_TREE) continue;
        const p: Pending = { v, pure, reads, size, atom: n.k === 'get' };
        info.set(v, p);
        pending.push(p);
      }
      if (n.k === 'block' || n.k === 'loop') list(n.body);
      else if (n.k === 'if') {
        list(n.yes);
        list(n.no);
      }
    }
  };
  list(fn.body);
  return { inline, consumer, uses, defNode };
}
