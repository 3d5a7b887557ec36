// i64 lowering: every i64 value, variable and operator becomes int32 pairs (lo, hi), as binaryen's
// I64ToI32Lowering does, so no bigint is made inside a function: pairs.ts's templates where there is one
// (`pair`, `pexpr` nodes), i32 operators where the lowering is exact (extensions, narrow loads, stores of the
// low word), and bigints only at boundaries and for the operators without a pair form (division, float
// conversions, reinterpretation: `join`, the bigint operator, `split`).

import { PAIR_BINARY, PAIR_COND, PAIR_UNARY, PAIR_UNARY_HI0 } from '../../pairs.js';
import { type IrFunc, mapOperands, type Node, newValue, newVar, type Ty } from '../ir.js';

/** i64 operators lowered to an i32 expression over pair atoms (a `pexpr` node). */
const PEXPR = new Set([...Object.keys(PAIR_COND), 'i64.eqz', 'f64.convert_i64_s', 'f64.convert_i64_u']);

/** The i32 load a narrow i64 load becomes, and whether its hi word is the sign of lo (else 0). */
const NARROW_LOAD: Record<string, [string, boolean]> = {
  'i64.load8_s': ['i32.load8_s', true],
  'i64.load8_u': ['i32.load8_u', false],
  'i64.load16_s': ['i32.load16_s', true],
  'i64.load16_u': ['i32.load16_u', false],
  'i64.load32_s': ['i32.load', true],
  'i64.load32_u': ['i32.load', false],
};
const NARROW_STORE: Record<string, string> = {
  'i64.store8': 'i32.store8',
  'i64.store16': 'i32.store16',
  'i64.store32': 'i32.store',
};

/** Lowers every i64 in `fn` to int32 pairs (in place). */
export function lowerI64(fn: IrFunc): void {
  new Lowering(fn).run();
}

class Lowering {
  /** Per i64 value: its lo and hi values. */
  private readonly pairs = new Map<number, [number, number]>();
  /** Values replaced by another (the lo word of `i32.wrap_i64`, a zero-extended operand). */
  private readonly alias = new Map<number, number>();
  private readonly wasI64: boolean[];
  private out: Node[] = [];

  constructor(private readonly fn: IrFunc) {
    this.wasI64 = fn.types.map((t) => t === 'i64');
  }

  run(): void {
    const fn = this.fn;
    const n = fn.vars.length;
    for (let v = 0; v < n; v++)
      if (fn.vars[v] === 'i64') {
        fn.vars[v] = 'i32';
        fn.hiVar[v] = newVar(fn, 'i32', `${fn.varNames[v]}h`);
      }
    for (const l of fn.labels) l.vars = this.expandVars(l.vars);
    fn.body = this.list(fn.body);
  }

  private expandVars(vars: number[]): number[] {
    const out: number[] = [];
    for (const v of vars) {
      out.push(v);
      if (this.fn.hiVar[v] >= 0) out.push(this.fn.hiVar[v]);
    }
    return out;
  }

  private isI64(v: number): boolean {
    return this.wasI64[v] === true;
  }
  private value(t: Ty): number {
    return newValue(this.fn, t);
  }
  /** The pair of an i64 value (made on first use: its definition comes first in program order). */
  private pair(v: number): [number, number] {
    let p = this.pairs.get(v);
    if (p === undefined) {
      p = [this.value('i32'), this.value('i32')];
      this.pairs.set(v, p);
    }
    return p;
  }
  private const32(x: number): number {
    const dst = this.value('i32');
    this.out.push({ k: 'const', dst, value: x, text: x < 0 ? `(${x})` : String(x) });
    return dst;
  }
  private join(v: number): number {
    const [lo, hi] = this.pair(v);
    const dst = this.value('big');
    this.out.push({ k: 'join', dst, lo, hi });
    return dst;
  }
  private split(src: number, v: number): void {
    const [lo, hi] = this.pair(v);
    this.out.push({ k: 'split', dst: lo, dstHi: hi, src });
  }
  /** Operands as pair atoms: lo, hi for each i64 operand, the value itself for others. */
  private flat(args: number[]): number[] {
    const out: number[] = [];
    for (const a of args)
      if (this.isI64(a)) out.push(...this.pair(a));
      else out.push(a);
    return out;
  }

  private list(nodes: Node[]): Node[] {
    const saved = this.out;
    this.out = [];
    for (const n of nodes) {
      mapOperands(n, (v) => this.alias.get(v) ?? v);
      this.node(n);
    }
    const out = this.out;
    this.out = saved;
    return out;
  }

  private node(n: Node): void {
    const fn = this.fn;
    const out = this.out;
    switch (n.k) {
      case 'const':
        if (!this.isI64(n.dst)) break;
        {
          const v = n.value as bigint;
          const [lo, hi] = this.pair(n.dst);
          const l = Number(BigInt.asIntN(32, v));
          const h = Number(BigInt.asIntN(32, v >> 32n));
          out.push({ k: 'const', dst: lo, value: l, text: l < 0 ? `(${l})` : String(l) });
          out.push({ k: 'const', dst: hi, value: h, text: h < 0 ? `(${h})` : String(h) });
        }
        return;
      case 'get':
        if (!this.isI64(n.dst)) break;
        {
          const [lo, hi] = this.pair(n.dst);
          out.push({ k: 'get', dst: lo, local: n.local }, { k: 'get', dst: hi, local: fn.hiVar[n.local] });
        }
        return;
      case 'set':
        if (!this.isI64(n.src)) break;
        {
          const [lo, hi] = this.pair(n.src);
          out.push({ k: 'set', local: n.local, src: lo }, { k: 'set', local: fn.hiVar[n.local], src: hi });
        }
        return;
      case 'global.get':
        if (!this.isI64(n.dst)) break;
        {
          const big = this.value('big');
          out.push({ ...n, dst: big });
          this.split(big, n.dst);
        }
        return;
      case 'global.set':
        if (!this.isI64(n.src)) break;
        out.push({ ...n, src: this.join(n.src) });
        return;
      case 'op':
        this.op(n);
        return;
      case 'load':
        if (!this.isI64(n.dst)) break;
        {
          const [lo, hi] = this.pair(n.dst);
          if (n.name === 'i64.load') {
            out.push({ ...n, name: 'i32.load', dst: lo }, { ...n, name: 'i32.load', dst: hi, offset: n.offset + 4 });
            return;
          }
          const [name, signed] = NARROW_LOAD[n.name];
          out.push({ ...n, name, dst: lo });
          if (signed) out.push({ k: 'op', dst: hi, name: 'i32.shr_s', args: [lo, this.const32(31)] });
          else out.push({ k: 'const', dst: hi, value: 0, text: '0' });
        }
        return;
      case 'store':
        if (!this.isI64(n.src)) break;
        {
          const [lo, hi] = this.pair(n.src);
          // the high word first: when the access does not fit, its range is the one that fails, before any write
          if (n.name === 'i64.store')
            out.push({ ...n, name: 'i32.store', src: hi, offset: n.offset + 4 }, { ...n, name: 'i32.store', src: lo });
          else out.push({ ...n, name: NARROW_STORE[n.name], src: lo });
        }
        return;
      case 'call_indirect': {
        const args = n.args.map((a) => (this.isI64(a) ? this.join(a) : a));
        const dsts: number[] = [];
        const splits: [number, number][] = [];
        for (const d of n.dsts)
          if (!this.isI64(d)) dsts.push(d);
          else {
            const big = this.value('big');
            dsts.push(big);
            splits.push([big, d]);
          }
        out.push({ ...n, args, dsts });
        for (const [big, d] of splits) this.split(big, d);
        return;
      }
      case 'call': {
        const args = n.pairAbi ? this.flat(n.args) : n.args.map((a) => (this.isI64(a) ? this.join(a) : a));
        const dsts: number[] = [];
        const splits: [number, number][] = [];
        for (const d of n.dsts)
          if (!this.isI64(d)) dsts.push(d);
          else if (n.pairAbi) dsts.push(...this.pair(d));
          else {
            const big = this.value('big');
            dsts.push(big);
            splits.push([big, d]);
          }
        out.push({ ...n, args, dsts });
        for (const [big, d] of splits) this.split(big, d);
        return;
      }
      case 'select':
        if (!this.isI64(n.dst)) break;
        {
          const [al, ah] = this.pair(n.a);
          const [bl, bh] = this.pair(n.b);
          const [lo, hi] = this.pair(n.dst);
          out.push(
            { k: 'select', dst: lo, a: al, b: bl, cond: n.cond },
            { k: 'select', dst: hi, a: ah, b: bh, cond: n.cond },
          );
        }
        return;
      case 'br':
      case 'br_if':
      case 'br_table':
      case 'return':
        // a return's i64 values too (emission joins them where the ABI wants a bigint)
        n.args = this.flat(n.args);
        break;
      case 'block':
      case 'loop':
        n.body = this.list(n.body);
        break;
      case 'if':
        n.yes = this.list(n.yes);
        n.no = this.list(n.no);
        break;
    }
    out.push(n);
  }

  private op(n: Node & { k: 'op' }): void {
    const out = this.out;
    const name = n.name;
    const resI64 = this.isI64(n.dst);
    if (!resI64 && !n.args.some((a) => this.isI64(a))) {
      out.push(n);
      return;
    }
    if (PAIR_BINARY[name] !== undefined || PAIR_UNARY[name] !== undefined) {
      const [lo, hi] = this.pair(n.dst);
      out.push({ k: 'pair', dst: lo, dstHi: hi, name, args: this.flat(n.args) });
      return;
    }
    if (PAIR_UNARY_HI0[name] !== undefined) {
      const [lo, hi] = this.pair(n.dst);
      out.push({ k: 'pair', dst: lo, dstHi: -1, name, args: this.flat(n.args) });
      out.push({ k: 'const', dst: hi, value: 0, text: '0' });
      return;
    }
    if (PEXPR.has(name)) {
      out.push({ k: 'pexpr', dst: n.dst, name, args: this.flat(n.args) });
      return;
    }
    switch (name) {
      case 'i32.wrap_i64':
        this.alias.set(n.dst, this.pair(n.args[0])[0]);
        return;
      case 'i64.extend_i32_u': {
        const [lo, hi] = this.pair(n.dst);
        this.alias.set(lo, n.args[0]);
        this.pairs.set(n.dst, [n.args[0], hi]);
        out.push({ k: 'const', dst: hi, value: 0, text: '0' });
        return;
      }
      case 'i64.extend_i32_s': {
        const [, hi] = this.pair(n.dst);
        this.pairs.set(n.dst, [n.args[0], hi]);
        out.push({ k: 'op', dst: hi, name: 'i32.shr_s', args: [n.args[0], this.const32(31)] });
        return;
      }
    }
    // no pair form: the bigint operator on joined operands, its result split again
    const args = n.args.map((a) => (this.isI64(a) ? this.join(a) : a));
    if (resI64) {
      const big = this.value('big');
      out.push({ k: 'op', dst: big, name, args });
      this.split(big, n.dst);
    } else out.push({ k: 'op', dst: n.dst, name, args });
  }
}
