// The JS backend's IR: one function body as structured control flow (blocks, loops, ifs, branches to
// labels) over typed SSA values, with wasm locals (and block results) as mutable variables. Every value
// is defined once, by one node; a node's effects and trap points are read from its kind and operator
// (`mayTrap`, `isPure`). Built from the operator stream by build.ts, rewritten by the passes in
// passes/, written out as JavaScript by emit.ts (README.md, "The IR pipeline").

/**
 * How a value or variable is represented: the four scalar wasm types, and `big` (a JS bigint, only at
 * boundaries once i64 values are lowered to int32 pairs).
 */
export type Ty = 'i32' | 'i64' | 'f32' | 'f64' | 'big';

/** A label: the index of a block, loop or if in `IrFunc.labels`; -1 names the function itself (a return). */
export type Label = number;

/** What a branch to a label assigns: the variables of its values (a block's results, a loop's params). */
export interface LabelInfo {
  readonly kind: 'block' | 'loop' | 'if';
  /** Variables the branch's values are assigned to (lowered: i64 variables become two). */
  vars: number[];
}

/** One node of a statement list. Operands are value ids; `dst` the value a node defines. */
export type Node =
  /** A constant: `value` (i32/f32/f64 as a number, i64 as a bigint); `text` its JS (NaN payloads hoisted). */
  | { k: 'const'; dst: number; value: number | bigint; text: string }
  | { k: 'get'; dst: number; local: number }
  | { k: 'set'; local: number; src: number }
  | { k: 'global.get'; dst: number; global: number; mutable: boolean }
  | { k: 'global.set'; global: number; src: number }
  /** A numeric operator by its table name (numeric.ts's templates; i64 ones on bigints once lowered). */
  | { k: 'op'; dst: number; name: string; args: number[] }
  /**
   * An i64 operator on int32 pairs (pairs.ts's templates): `args` are lo/hi atoms in order, `dst` lo and hi
   * (hi is -1 when the template leaves it 0: `PAIR_UNARY_HI0`).
   */
  | { k: 'pair'; dst: number; dstHi: number; name: string; args: number[] }
  /** An i32 expression over pair atoms: `PAIR_COND`, `i64.eqz`, `f64.convert_i64_s/u`. */
  | { k: 'pexpr'; dst: number; name: string; args: number[] }
  /** A bigint from a pair (`H.j(lo, hi)`). */
  | { k: 'join'; dst: number; lo: number; hi: number }
  /** A bigint split into a pair. */
  | { k: 'split'; dst: number; dstHi: number; src: number }
  /** A load (`name` from the operator table; lowered i64 loads are i32 ones). */
  | { k: 'load'; dst: number; name: string; mem: number; offset: number; addr: number }
  | { k: 'store'; name: string; mem: number; offset: number; addr: number; src: number }
  | { k: 'memory.size'; dst: number; mem: number }
  | { k: 'memory.grow'; dst: number; mem: number; src: number }
  /**
   * A direct call; `dsts` its results. `pairAbi`: the callee takes i64s as pairs (docs/js-abi.md), after
   * lowering `args` hold lo, hi for each and `dsts` lo, hi of an i64 result (the hi word from `H.R[0]`).
   */
  | { k: 'call'; func: FuncIndex; args: number[]; dsts: number[]; pairAbi: boolean }
  /**
   * `call_indirect` through table `table` with the function type at `type` (boundary convention: i64 as bigints):
   * bounds, null and signature checks, then the call.
   */
  | { k: 'call_indirect'; type: number; table: number; idx: number; args: number[]; dsts: number[] }
  /** `memory.copy` (`mems`: destination, source) or `memory.fill` (`mems`: the memory), by a runtime builtin. */
  | { k: 'bulk'; name: 'memory.copy' | 'memory.fill'; mems: number[]; args: number[] }
  | { k: 'select'; dst: number; a: number; b: number; cond: number }
  /** Fuel of the operators since the last flush (README.md, "The fuel rule"). */
  | { k: 'fuel'; n: number }
  | { k: 'block'; label: Label; body: Node[] }
  | { k: 'loop'; label: Label; body: Node[] }
  /** An if: `yes` runs when `cond` is not 0, else `no`. */
  | { k: 'if'; label: Label; cond: number; yes: Node[]; no: Node[] }
  /** A branch: assigns `args` to the target's variables, then jumps. */
  | { k: 'br'; label: Label; args: number[] }
  /** A conditional branch (its values stay available on the fall-through path). */
  | { k: 'br_if'; label: Label; cond: number; args: number[] }
  | { k: 'br_table'; labels: Label[]; dflt: Label; idx: number; args: number[] }
  | { k: 'return'; args: number[] }
  | { k: 'trap'; code: number };

/** A function body in IR. */
export interface IrFunc {
  /** The function index (FuncIndex) and its JS name (`f<index>`). */
  readonly index: FuncIndex;
  readonly name: string;
  /** Number of wasm parameters (the first variables). */
  readonly nParams: number;
  /** Per variable (parameters, declared locals, then block results and temporaries): its type and JS name. */
  vars: Ty[];
  varNames: string[];
  /** Per wasm parameter/result: its type (the ABI, fixed before lowering). */
  readonly params: readonly Ty[];
  readonly results: readonly Ty[];
  /** Whether the function is the pair-ABI entry (`f<i>$p`; docs/js-abi.md). */
  readonly pairAbi: boolean;
  /** After lowering: per i64 parameter/variable, its hi variable (-1 elsewhere). */
  hiVar: number[];
  /** Per value id: its type. */
  types: Ty[];
  labels: LabelInfo[];
  body: Node[];
  /** The function's return values' variables are not used: `return` nodes carry them. */
}

/** Adds a value of type `t`; returns its id. */
export function newValue(fn: IrFunc, t: Ty): number {
  fn.types.push(t);
  return fn.types.length - 1;
}

/** Adds a variable of type `t` named `name`; returns its index. */
export function newVar(fn: IrFunc, t: Ty, name: string): number {
  fn.vars.push(t);
  fn.varNames.push(name);
  fn.hiVar.push(-1);
  return fn.vars.length - 1;
}

/** Numeric operators that may trap (division, remainder, float-to-int truncation). */
export function mayTrapOp(name: string): boolean {
  return /\.(div_[su]|rem_[su])$/.test(name) || /\.trunc_f(32|64)_[su]$/.test(name);
}

/** The value ids a node reads, in evaluation order. */
export function operands(n: Node): number[] {
  switch (n.k) {
    case 'set':
    case 'global.set':
      return [n.src];
    case 'op':
    case 'pair':
    case 'pexpr':
    case 'call':
    case 'bulk':
    case 'br':
    case 'return':
      return n.args;
    case 'call_indirect':
      return [...n.args, n.idx];
    case 'join':
      return [n.lo, n.hi];
    case 'split':
      return [n.src];
    case 'load':
      return [n.addr];
    case 'store':
      return [n.addr, n.src];
    case 'memory.grow':
      return [n.src];
    case 'select':
      return [n.a, n.b, n.cond];
    case 'if':
      return [n.cond];
    case 'br_if':
      return [...n.args, n.cond];
    case 'br_table':
      return [...n.args, n.idx];
    default:
      return [];
  }
}

/** Replaces each operand `v` of `n` by `f(v)`. */
export function mapOperands(n: Node, f: (v: number) => number): void {
  switch (n.k) {
    case 'set':
    case 'global.set':
    case 'split':
    case 'memory.grow':
      n.src = f(n.src);
      return;
    case 'op':
    case 'pair':
    case 'pexpr':
    case 'call':
    case 'bulk':
    case 'br':
    case 'return':
      n.args = n.args.map(f);
      return;
    case 'call_indirect':
      n.args = n.args.map(f);
      n.idx = f(n.idx);
      return;
    case 'join':
      n.lo = f(n.lo);
      n.hi = f(n.hi);
      return;
    case 'load':
      n.addr = f(n.addr);
      return;
    case 'store':
      n.addr = f(n.addr);
      n.src = f(n.src);
      return;
    case 'select':
      n.a = f(n.a);
      n.b = f(n.b);
      n.cond = f(n.cond);
      return;
    case 'if':
      n.cond = f(n.cond);
      return;
    case 'br_if':
      n.args = n.args.map(f);
      n.cond = f(n.cond);
      return;
    case 'br_table':
      n.args = n.args.map(f);
      n.idx = f(n.idx);
      return;
  }
}

/** The values a node defines. */
export function defs(n: Node): number[] {
  switch (n.k) {
    case 'const':
    case 'get':
    case 'global.get':
    case 'op':
    case 'pexpr':
    case 'join':
    case 'load':
    case 'memory.size':
    case 'memory.grow':
    case 'select':
      return [n.dst];
    case 'pair':
      return n.dstHi >= 0 ? [n.dst, n.dstHi] : [n.dst];
    case 'split':
      return [n.dst, n.dstHi];
    case 'call':
    case 'call_indirect':
      return n.dsts;
    default:
      return [];
  }
}

/**
 * Whether a node defining a value has no effect and cannot trap, so it may be removed when unused and moved
 * past anything that does not write what it reads (a local). A load, a mutable global or `memory.size` read
 * state others write: they are not pure.
 */
export function isPure(n: Node): boolean {
  switch (n.k) {
    case 'const':
    case 'get':
    case 'pexpr':
    case 'join':
    case 'split':
    case 'pair':
    case 'select':
      return true;
    case 'global.get':
      return !n.mutable;
    case 'op':
      return !mayTrapOp(n.name);
    default:
      return false;
  }
}

/** Whether a node may trap or throw (a function containing one adds its fuel local in a `finally`). */
export function mayThrow(n: Node): boolean {
  switch (n.k) {
    case 'op':
      return mayTrapOp(n.name);
    case 'load':
    case 'store':
    case 'trap':
    case 'memory.grow':
    case 'call_indirect':
    case 'bulk':
      return true;
    default:
      return false;
  }
}

/** Calls `f` on every node, depth first, in program order. */
export function walk(list: readonly Node[], f: (n: Node) => void): void {
  for (const n of list) {
    f(n);
    if (n.k === 'block' || n.k === 'loop') walk(n.body, f);
    else if (n.k === 'if') {
      walk(n.yes, f);
      walk(n.no, f);
    }
  }
}

import type { FuncIndex } from '@wasmts/environ';
