// The IR builder: one pass over a function body's operators with a value stack (of value ids) and a
// control stack, as cranelift's code_translator, appending nodes to the current statement list. It asks the
// ModuleEnvironment only for the module's facts (types, fuel costs); how a memory, global, call or trap is
// written in JavaScript is decided at emission (emit.ts), through the same environment. An operator the IR
// does not cover yet throws `IrUnsupported`: the function is then translated by translate.ts instead.

import {
  BinaryReader,
  F32,
  F64,
  type FuncIndex,
  I32,
  I64,
  OPERATORS,
  type OperatorInfo,
  operatorFor,
  operatorFrom,
  skipImmediates,
  TrapCode,
  type ValType,
} from '@wasmts/environ';
import type { ModuleEnvironment } from '../environment.js';
import { MAX_STRUCTURED_DEPTH } from '../limits.js';
import { BINARY, UNARY } from '../numeric.js';
import { numberLiteral, usesPairAbi } from '../translate.js';
import { CONTROL } from '../wasm/operators.js';
import { type IrFunc, type Label, type Node, newValue, newVar, type Ty } from './ir.js';

/** A body the IR does not cover yet (`what` names the operator or type); the caller falls back. */
export class IrUnsupported extends Error {
  constructor(readonly what: string) {
    super(`IR: unsupported ${what}`);
  }
}

/** The IR type of a wasm value type, or an `IrUnsupported` for one the IR does not cover (v128, references). */
export function tyOf(t: ValType): Ty {
  switch (t) {
    case I32:
      return 'i32';
    case I64:
      return 'i64';
    case F32:
      return 'f32';
    case F64:
      return 'f64';
  }
  throw new IrUnsupported(`value type 0x${t.toString(16)}`);
}

interface Frame {
  kind: 'block' | 'loop' | 'if' | 'func';
  label: Label;
  /** Stack height below the parameters. */
  height: number;
  params: Ty[];
  results: Ty[];
  /** The list the frame's body is appended to (an if's: its then list, then its else list). */
  list: Node[];
  /** The if node (its else list is filled after `else`). */
  ifNode: Node & { k: 'if' };
  /** if: the parameter values (the else branch starts from them again); whether `else` was seen. */
  paramValues: number[];
  sawElse: boolean;
  /** Whether a branch targets the frame (a block's results then come through variables). */
  targeted: boolean;
  /** Whether the end of the frame's body (or of either arm) is reached by falling through. */
  live: boolean;
  /** The variables of the results (block, if) or parameters (loop), made on first need. */
  vars: number[] | null;
}

const NUMERIC_MIN = 0x45;
const NUMERIC_MAX = 0xc4;

/** Builds the IR of defined function `index` (its body's bytes `start`..`end`). */
export function buildIr(
  env: ModuleEnvironment,
  index: FuncIndex,
  start: number,
  end: number,
  locals: readonly (readonly [number, ValType])[],
): IrFunc {
  return new Builder(env, index, start, end, locals).build();
}

class Builder {
  private readonly r: BinaryReader;
  private readonly fn: IrFunc;
  private stack: number[] = [];
  private ctrl: Frame[] = [];
  private list: Node[];
  private fuel = 0;
  private readonly fuelOn: boolean;
  /** Whether the operators being read are dead (after an unconditional transfer, up to the frame's else/end). */
  private dead = false;

  constructor(
    private readonly env: ModuleEnvironment,
    index: FuncIndex,
    start: number,
    end: number,
    locals: readonly (readonly [number, ValType])[],
  ) {
    this.r = new BinaryReader(env.module.bytes, start, end);
    const type = env.funcType(index);
    const params = type.params.map(tyOf);
    const results = type.results.map(tyOf);
    // the pair ABI's result forms beyond one value (words in `H.R`, tuples) are the translator's for now
    if (usesPairAbi(type) && results.length > 1) throw new IrUnsupported('pair-ABI results');
    this.fn = {
      index,
      name: `f${index}`,
      nParams: params.length,
      vars: [],
      varNames: [],
      params,
      results,
      pairAbi: usesPairAbi(type),
      hiVar: [],
      types: [],
      labels: [],
      body: [],
    };
    for (let i = 0; i < params.length; i++) newVar(this.fn, params[i], `l${i}`);
    let n = params.length;
    for (const [count, t] of locals) {
      const ty = tyOf(t);
      for (let i = 0; i < count; i++) newVar(this.fn, ty, `l${n++}`);
    }
    this.list = this.fn.body;
    this.fuelOn = env.tunables.consumeFuel;
  }

  build(): IrFunc {
    this.ctrl.push(this.frame('func', -1, [], [...this.fn.results], this.fn.body));
    this.body();
    return this.fn;
  }

  private frame(kind: Frame['kind'], label: Label, params: Ty[], results: Ty[], list: Node[]): Frame {
    return {
      kind,
      label,
      height: this.stack.length - params.length,
      params,
      results,
      list,
      ifNode: null as unknown as Node & { k: 'if' },
      paramValues: [],
      sawElse: false,
      targeted: false,
      live: false,
      vars: null,
    };
  }

  private value(t: Ty): number {
    return newValue(this.fn, t);
  }
  private push(t: Ty): number {
    const v = this.value(t);
    this.stack.push(v);
    return v;
  }
  private pop(): number {
    return this.stack.pop() as number;
  }
  private popN(n: number): number[] {
    return this.stack.splice(this.stack.length - n, n);
  }
  private add(n: Node): void {
    this.list.push(n);
  }
  private flushFuel(): void {
    if (this.fuel > 0) {
      this.add({ k: 'fuel', n: this.fuel });
      this.fuel = 0;
    }
  }

  /** The frame `depth` levels out. */
  private at(depth: number): Frame {
    return this.ctrl[this.ctrl.length - 1 - depth];
  }

  /** The variables a branch to `f` assigns (made on first use): a loop's parameters, else its results. */
  private varsOf(f: Frame): number[] {
    if (f.vars === null) {
      const types = f.kind === 'loop' ? f.params : f.results;
      f.vars = types.map((t) => newVar(this.fn, t, ''));
      f.vars.forEach((v) => {
        this.fn.varNames[v] = `b${v}`;
      });
      if (f.label >= 0) this.fn.labels[f.label].vars = f.vars;
    }
    return f.vars;
  }

  private blockType(): [Ty[], Ty[]] {
    const r = this.r;
    const b = r.peek();
    if (b === 0x40) {
      r.pos++;
      return [[], []];
    }
    if (b >= 0x7c && b <= 0x7f) {
      r.pos++;
      return [[], [tyOf(b)]];
    }
    if ((b >= 0x69 && b <= 0x7b) || b === 0x63 || b === 0x64) throw new IrUnsupported('block type');
    const t = this.env.typeAt(r.s33());
    return [t.params.map(tyOf), t.results.map(tyOf)];
  }

  private memarg(): { mem: number; offset: number } {
    const r = this.r;
    let flags = r.u32();
    let mem = 0;
    if (flags >= 0x40) {
      flags -= 0x40;
      mem = r.u32();
    }
    const offset = Number(r.u64());
    if (this.env.module.memories[mem].index64) throw new IrUnsupported('memory64');
    return { mem, offset };
  }

  private body(): void {
    const r = this.r;
    const env = this.env;
    for (;;) {
      const op = r.u8();
      if (this.fuelOn) {
        let cost = env.fuelCosts[op];
        if (cost < 0) {
          const at = r.pos;
          cost = env.prefixedCost(op, r.u32());
          r.pos = at;
        }
        this.fuel += cost;
        if (CONTROL[op] === 1) this.flushFuel();
      }
      if (op >= NUMERIC_MIN && op <= NUMERIC_MAX) {
        this.numeric(OPERATORS[(operatorFor(0, op) as OperatorInfo).id]);
        continue;
      }
      if (op >= 0x28 /* i32.load */ && op <= 0x3e /* i64.store32 */) {
        this.memoryAccess(OPERATORS[(operatorFor(0, op) as OperatorInfo).id]);
        continue;
      }
      switch (op) {
        case 0x00: // unreachable
          this.add({ k: 'trap', code: TrapCode.UnreachableCodeReached });
          this.skipDead();
          continue;
        case 0x01: // nop
          continue;
        case 0x02: // block
        case 0x03: // loop
        case 0x04: {
          // if
          const [params, results] = this.blockType();
          if (this.ctrl.length >= MAX_STRUCTURED_DEPTH) throw new IrUnsupported('nesting depth');
          const label = this.fn.labels.length;
          const kind = op === 0x02 /* block */ ? 'block' : op === 0x03 /* loop */ ? 'loop' : 'if';
          this.fn.labels.push({ kind, vars: [] });
          const cond = op === 0x04 /* if */ ? this.pop() : -1;
          const body: Node[] = [];
          const f = this.frame(kind, label, params, results, body);
          let reads: Node[] = [];
          if (kind === 'loop' && params.length > 0) {
            // a loop's parameters are variables: its back edges assign them, each iteration reads them
            const vars = this.varsOf(f);
            this.popN(params.length).forEach((v, i) => {
              this.add({ k: 'set', local: vars[i], src: v });
            });
            reads = vars.map((v) => ({ k: 'get', dst: this.push(this.fn.vars[v]), local: v }) as Node);
          }
          if (kind === 'if') {
            const node: Node & { k: 'if' } = { k: 'if', label, cond, yes: body, no: [] };
            f.ifNode = node;
            f.paramValues = this.stack.slice(this.stack.length - params.length);
            this.add(node);
          } else this.add(kind === 'block' ? { k: 'block', label, body } : { k: 'loop', label, body });
          body.push(...reads);
          this.ctrl.push(f);
          this.list = body;
          continue;
        }
        case 0x05: {
          // else
          const f = this.at(0);
          this.fallThrough(f);
          f.sawElse = true;
          this.dead = false;
          this.stack.length = f.height;
          this.stack.push(...f.paramValues);
          f.list = f.ifNode.no;
          this.list = f.list;
          continue;
        }
        case 0x0b: // end
          if (this.end()) return;
          continue;
        case 0x0c: {
          // br
          this.branch(this.at(r.u32()), 'br', -1);
          this.skipDead();
          continue;
        }
        case 0x0d: {
          // br_if
          const f = this.at(r.u32());
          this.branch(f, 'br_if', this.pop());
          continue;
        }
        case 0x0e: {
          // br_table
          const n = r.u32();
          const targets: number[] = [];
          for (let i = 0; i <= n; i++) targets.push(r.u32());
          const idx = this.pop();
          const frames = targets.map((t) => this.at(t));
          const arity = frames[0].kind === 'loop' ? frames[0].params.length : frames[0].results.length;
          const args = this.stack.slice(this.stack.length - arity);
          const labels = frames.map((f) => this.target(f));
          this.add({ k: 'br_table', labels: labels.slice(0, n), dflt: labels[n], idx, args });
          this.skipDead();
          continue;
        }
        case 0x0f: // return
          this.add({ k: 'return', args: this.popN(this.fn.results.length) });
          this.skipDead();
          continue;
        case 0x10: {
          // call
          const f = r.u32() as FuncIndex;
          const ft = env.funcType(f);
          const args = this.popN(ft.params.length);
          const resultTys = ft.results.map(tyOf);
          ft.params.forEach(tyOf);
          const dsts = resultTys.map((t) => this.push(t));
          const pairAbi = f >= env.module.numImportedFuncs && usesPairAbi(ft);
          if (pairAbi && ft.results.length > 1) throw new IrUnsupported('pair-ABI results');
          this.add({ k: 'call', func: f, args, dsts, pairAbi });
          continue;
        }
        case 0x11: {
          // call_indirect
          const type = r.u32();
          const table = r.u32();
          if (env.module.tables[table].type.index64) throw new IrUnsupported('table64');
          const ft = env.typeAt(type);
          ft.params.forEach(tyOf);
          const resultTys = ft.results.map(tyOf);
          const idx = this.pop();
          const args = this.popN(ft.params.length);
          const dsts = resultTys.map((t) => this.push(t));
          this.add({ k: 'call_indirect', type, table, idx, args, dsts });
          continue;
        }
        case 0x1a: // drop
          // a dropped value with effects still runs (its node stays; only pure unused ones are removed)
          this.pop();
          continue;
        case 0x1b: // select
        case 0x1c: {
          // select
          if (op === 0x1c /* select */) {
            const n = r.u32();
            for (let i = 0; i < n; i++) tyOf(r.u8());
          }
          const cond = this.pop();
          const b = this.pop();
          const a = this.pop();
          const t = this.fn.types[a];
          this.add({ k: 'select', dst: this.push(t), a, b, cond });
          continue;
        }
        case 0x20: {
          // local.get
          const local = r.u32();
          this.add({ k: 'get', dst: this.push(this.fn.vars[local]), local });
          continue;
        }
        case 0x21: // local.set
        case 0x22: {
          // local.tee
          const local = r.u32();
          const src = this.pop();
          this.add({ k: 'set', local, src });
          if (op === 0x22 /* local.tee */) this.stack.push(src);
          continue;
        }
        case 0x23: {
          // global.get
          const global = r.u32();
          const g = env.module.globals[global];
          this.add({ k: 'global.get', dst: this.push(tyOf(g.type.type)), global, mutable: g.type.mutable });
          continue;
        }
        case 0x24: {
          // global.set
          const global = r.u32();
          tyOf(env.module.globals[global].type.type);
          this.add({ k: 'global.set', global, src: this.pop() });
          continue;
        }
        case 0x3f: {
          // memory.size
          const mem = r.u32();
          if (env.module.memories[mem].index64) throw new IrUnsupported('memory64');
          this.add({ k: 'memory.size', dst: this.push('i32'), mem });
          continue;
        }
        case 0x40: {
          // memory.grow
          const mem = r.u32();
          if (env.module.memories[mem].index64) throw new IrUnsupported('memory64');
          const src = this.pop();
          this.add({ k: 'memory.grow', dst: this.push('i32'), mem, src });
          continue;
        }
        case 0x41: {
          // i32.const
          const v = r.s32();
          this.add({ k: 'const', dst: this.push('i32'), value: v, text: v < 0 ? `(${v})` : String(v) });
          continue;
        }
        case 0x42: {
          // i64.const
          const v = r.s64();
          this.add({ k: 'const', dst: this.push('i64'), value: v, text: `${v}n` });
          continue;
        }
        case 0x43: {
          // f32.const
          const bits = r.f32Bits();
          const nan = (bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0;
          const dv = new DataView(new ArrayBuffer(4));
          dv.setUint32(0, bits);
          const v = dv.getFloat32(0);
          // a NaN keeps its payload only when built from its bits (hoisted once per instance)
          const text = nan ? env.hoist('k', `H.f32FromBits(${bits | 0})`) : paren(numberLiteral(v));
          this.add({ k: 'const', dst: this.push('f32'), value: v, text });
          continue;
        }
        case 0x44: {
          // f64.const
          const range = r.skip(8);
          const dv = new DataView(env.module.bytes.buffer, env.module.bytes.byteOffset + range.start, 8);
          const v = dv.getFloat64(0, true);
          const text = v !== v ? env.hoist('k', `H.f64FromBits(${dv.getBigInt64(0, true)}n)`) : paren(numberLiteral(v));
          this.add({ k: 'const', dst: this.push('f64'), value: v, text });
          continue;
        }
        case 0xfc: {
          // misc prefix
          const sub = r.u32();
          if (sub === 10 || sub === 11) {
            const mems = sub === 10 ? [r.u32(), r.u32()] : [r.u32()];
            if (mems.some((m) => env.module.memories[m].index64)) throw new IrUnsupported('memory64');
            const args = this.popN(3);
            this.add({ k: 'bulk', name: sub === 10 ? 'memory.copy' : 'memory.fill', mems, args });
            continue;
          }
          if (sub > 7) throw new IrUnsupported((operatorFor(0xfc, sub) as OperatorInfo).name);
          this.numeric(operatorFor(0xfc, sub) as OperatorInfo);
          continue;
        }
      }
      const info = operatorFor(0, op);
      throw new IrUnsupported(info === undefined ? `opcode 0x${op.toString(16)}` : info.name);
    }
  }

  private numeric(info: OperatorInfo): void {
    if (UNARY[info.name] === undefined && BINARY[info.name] === undefined) throw new IrUnsupported(info.name);
    const args = this.popN((info.params as ValType[]).length);
    const t = tyOf((info.results as ValType[])[0]);
    this.add({ k: 'op', dst: this.push(t), name: info.name, args });
  }

  private memoryAccess(info: OperatorInfo): void {
    const { mem, offset } = this.memarg();
    if ((info.results as ValType[]).length === 1) {
      const addr = this.pop();
      this.add({ k: 'load', dst: this.push(tyOf((info.results as ValType[])[0])), name: info.name, mem, offset, addr });
      return;
    }
    const src = this.pop();
    const addr = this.pop();
    this.add({ k: 'store', name: info.name, mem, offset, addr, src });
  }

  /** The label of a branch to `f` (the function: -1, a return). */
  private target(f: Frame): Label {
    f.targeted = true;
    if (f.kind !== 'func') this.varsOf(f);
    return f.label;
  }

  /** `br` / `br_if` to frame `f` with the top values (a branch to the function is a return). */
  private branch(f: Frame, kind: 'br' | 'br_if', cond: number): void {
    const arity = f.kind === 'loop' ? f.params.length : f.results.length;
    const args = this.stack.slice(this.stack.length - arity);
    if (kind === 'br') this.stack.length -= arity;
    const label = this.target(f);
    if (f.kind === 'func' && kind === 'br') this.add({ k: 'return', args });
    else if (kind === 'br') this.add({ k: 'br', label, args });
    else this.add({ k: 'br_if', label, cond, args });
  }

  /** At the end of a frame's (then) body, reached by falling through: its results to their variables. */
  private fallThrough(f: Frame): void {
    if (this.dead) return;
    f.live = true;
    if (f.kind === 'if' || (f.kind === 'block' && f.targeted)) {
      const vals = this.popN(f.results.length);
      const vars = this.varsOf(f);
      vals.forEach((v, i) => {
        this.add({ k: 'set', local: vars[i], src: v });
      });
    }
  }

  /** `end`: closes the current frame; true when it closed the function. */
  private end(): boolean {
    const f = this.ctrl.pop() as Frame;
    if (f.kind === 'func') {
      if (!this.dead) this.add({ k: 'return', args: this.popN(f.results.length) });
      return true;
    }
    this.fallThrough(f);
    if (f.kind === 'if' && !f.sawElse) {
      // the missing else passes the parameters through as the results
      this.dead = false;
      this.list = f.ifNode.no;
      this.stack.length = f.height;
      this.stack.push(...f.paramValues);
      this.fallThrough(f);
    }
    // a loop's end is reached only by falling through (its branches go to its header)
    const reachable = f.kind === 'loop' ? !this.dead : f.live || f.targeted;
    this.dead = false;
    this.list = this.at(0).list;
    if (!reachable) {
      // what follows, up to the enclosing frame's end, is dead too
      this.skipDead();
      return false;
    }
    if (f.kind === 'if' || (f.kind === 'block' && f.targeted)) {
      this.stack.length = f.height;
      for (const v of this.varsOf(f)) this.add({ k: 'get', dst: this.push(this.fn.vars[v]), local: v });
    }
    // else (a loop, an untargeted block) its results are the values its body ended with
    return false;
  }

  /** After an unconditional transfer: skips the dead operators up to the `else`/`end` closing the frame. */
  private skipDead(): void {
    const r = this.r;
    const f = this.at(0);
    let depth = 0;
    for (;;) {
      const start = r.pos;
      const op = r.u8();
      switch (op) {
        case 0x02: // block
        case 0x03: // loop
        case 0x04: // if
        case 0x06: // try
          skipImmediates(r, OPERATORS[(operatorFor(0, 0x02) as OperatorInfo).id].imm);
          depth++;
          continue;
        case 0x1f: {
          // try_table
          skipImmediates(r, OPERATORS[(operatorFor(0, 0x02) as OperatorInfo).id].imm);
          const n = r.u32();
          for (let i = 0; i < n; i++) {
            const kind = r.u8();
            if (kind < 2) r.u32();
            r.u32();
          }
          depth++;
          continue;
        }
        case 0x0b: // end
        case 0x05: // else
          if (depth === 0) {
            r.pos = start;
            this.fuel = 0;
            this.dead = true;
            this.stack.length = f.height;
            return;
          }
          if (op === 0x0b /* end */) depth--;
          continue;
        case 0x18: // delegate
          r.u32();
          depth--;
          continue;
        case 0x07: // catch
          r.u32();
          continue;
        case 0x19: // catch_all
          continue;
      }
      const info = operatorFrom(op, r);
      if (info === undefined) throw new IrUnsupported(`opcode 0x${op.toString(16)}`);
      skipImmediates(r, info.imm);
    }
  }
}

function paren(lit: string): string {
  return lit.startsWith('-') ? `(${lit})` : lit;
}
