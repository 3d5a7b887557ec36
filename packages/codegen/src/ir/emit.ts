// Emission: the IR of one function, after the passes, as JavaScript with the ABI of translate.ts
// (docs/js-abi.md): `function f<i>(...)` (or `f<i>$p` and its boundary wrapper for the pair ABI), locals
// `l<i>` (`l<i>h` the hi word of an i64), values in the variables coalescing gave them, blocks as labeled
// blocks, loops as labeled `for (;;)`, br_table as a `switch`. Numeric operators are numeric.ts's and pairs.ts's
// templates; memories, globals, calls and traps are asked of the ModuleEnvironment.

import type { GlobalIndex, MemoryIndex, TableIndex } from '@wasmts/environ';
import { TrapCode } from '@wasmts/environ';
import type { ModuleEnvironment } from '../environment.js';
import { BINARY, BINARY_COND, UNARY, UNARY_COND } from '../numeric.js';
import { PAIR_BINARY, PAIR_COND, PAIR_TEMPS, PAIR_UNARY, PAIR_UNARY_HI0 } from '../pairs.js';
import {
  EPOCH_POLL_CHECKS,
  floatAccessWidth,
  floatLoadExpr,
  floatStoreStmt,
  MEM_LOAD,
  MEM_STORE,
  pairBoundaryWrapper,
  SIMPLE_ADDRESS,
  withoutToInt32,
} from '../translate.js';
import { type IrFunc, type Label, mayThrow, type Node, walk } from './ir.js';
import type { Trees } from './passes/trees.js';

/** Writes `fn` as the JS source of its function(s). */
export function emitIr(env: ModuleEnvironment, fn: IrFunc, trees: Trees, names: string[]): string {
  return new Emitter(env, fn, trees, names).emit();
}

class Emitter {
  private out: string[] = [];
  private depth = 1;
  private readonly fuel: boolean;
  private readonly epoch: boolean;
  /** Whether a `finally` adds the fuel local to the counter (something may trap), else each return does. */
  private writeBack = false;
  /** The fuel of every flush (environment's `fuelExit`). */
  private fuelCost = 0;
  private readonly targeted = new Set<Label>();
  private readonly temps = new Set<string>();
  private parallelTemps = 0;

  constructor(
    private readonly env: ModuleEnvironment,
    private readonly fn: IrFunc,
    private readonly trees: Trees,
    private readonly names: string[],
  ) {
    this.fuel = env.tunables.consumeFuel;
    this.epoch = env.tunables.epochInterruption;
  }

  private line(s: string): void {
    this.out.push(`${'  '.repeat(Math.min(this.depth, 16))}${s}`);
  }

  emit(): string {
    const fn = this.fn;
    const env = this.env;
    let throws = false;
    walk(fn.body, (n) => {
      if (mayThrow(n)) throws = true;
      if (n.k === 'fuel') this.fuelCost += n.n;
      if (n.k === 'br' || n.k === 'br_if') this.targeted.add(n.label);
      if (n.k === 'br_table') for (const l of [...n.labels, n.dflt]) this.targeted.add(l);
    });
    this.writeBack = this.fuel && throws;
    this.list(fn.body);
    const name = fn.name;
    const params: string[] = [];
    const decls: string[] = [];
    for (let i = 0; i < fn.nParams; i++) {
      const hi = fn.hiVar[i];
      if (hi < 0) params.push(fn.varNames[i]);
      else if (fn.pairAbi) params.push(fn.varNames[i], fn.varNames[hi]);
      else {
        params.push(`${fn.varNames[i]}b`);
        decls.push(
          `${fn.varNames[i]} = Number(BigInt.asIntN(32, ${fn.varNames[i]}b))`,
          `${fn.varNames[hi]} = Number(${fn.varNames[i]}b >> 32n)`,
        );
      }
    }
    const isParamHi = new Set<number>();
    for (let i = 0; i < fn.nParams; i++) if (fn.hiVar[i] >= 0) isParamHi.add(fn.hiVar[i]);
    for (let v = fn.nParams; v < fn.vars.length; v++) if (!isParamHi.has(v)) decls.push(`${fn.varNames[v]} = 0`);
    const seen = new Set<string>();
    this.names.forEach((n, v) => {
      if (n === '' || seen.has(n)) return;
      seen.add(n);
      decls.push(`${n} = ${fn.types[v] === 'big' ? '0n' : '0'}`);
    });
    for (const t of this.temps)
      decls.push(t === 'qz' ? 'qz = 0n' : t === 'qf' || t === 'qr' ? `${t} = null` : `${t} = 0`);
    for (let i = 0; i < this.parallelTemps; i++) decls.push(`qt${i} = 0`);
    if (this.fuel) decls.push('fu = 0', `fq = ${env.fuelLeft()}`);
    if (this.epoch) decls.push(`epv = ${env.epochCounter()}`, `ec = ${EPOCH_POLL_CHECKS}`);
    // `var`, as translate.ts declares them (cheaper at entry in JavaScriptCore's interpreter)
    const head = decls.length > 0 ? [`  var ${decls.join(', ')};`] : [];
    let body = [...this.checks().map((l) => `  ${l}`), ...this.out];
    if (this.writeBack)
      body = ['  try {', ...body.map((l) => `  ${l}`), `  } finally { ${env.fuelHandler(this.fuelCost)} }`];
    if (env.callDepth) {
      const l = env.limits();
      body = [
        `  if (++${l}.stackDepth > ${l}.stackLimit) { ${l}.stackDepth--; ${env.trap(TrapCode.StackOverflow)}; }`,
        '  try {',
        ...body.map((x) => `  ${x}`),
        `  } finally { ${l}.stackDepth--; }`,
      ];
    }
    const text = [...head, ...body].join('\n');
    if (fn.pairAbi) {
      return `function ${name}$p(${params.join(', ')}) {\n${text}\n}\n${pairBoundaryWrapper(name, env.funcType(fn.index))}`;
    }
    return `function ${name}(${params.join(', ')}) {\n${text}\n}`;
  }

  // ---- hooks (README.md, "Fuel and epochs in locals") ----

  private checks(): string[] {
    const lines: string[] = [];
    if (this.fuel) lines.push(`if (fu >= fq) { ${this.refill()} }`);
    if (this.epoch) lines.push(`if (${this.deadlineReached()}) { ${this.env.epochHook()} }`);
    return lines;
  }
  /** The checks at a loop header: the epoch counter is read every `EPOCH_POLL_CHECKS` iterations. */
  private loopChecks(): string[] {
    const lines: string[] = [];
    if (this.fuel) lines.push(`if (fu >= fq) { ${this.refill()} }`);
    if (this.epoch)
      lines.push(
        `if (--ec < 0) { ec = ${EPOCH_POLL_CHECKS}; if (${this.deadlineReached()}) { ${this.env.epochHook()} } }`,
      );
    return lines;
  }
  /**
   * The epoch check's test: the deadline is read where it is compared, as the translator does (it changes only in a
   * call or a hook, after each of which the next check reads it anyway).
   */
  private deadlineReached(): string {
    return `epv[0] >= ${this.env.limits()}.epochDeadline`;
  }
  /**
   * A fuel check's refill (the environment's `fuelRefill`, one shape for every check); with epochs the next loop
   * header reads the epoch again (the refuel hook may have moved the deadline).
   */
  private refill(): string {
    return this.epoch ? `${this.env.fuelRefill()} ec = -1;` : this.env.fuelRefill();
  }
  private handOver(): string {
    return this.fuel ? `${this.env.fuelLeft()} = fq - fu; fu = 0;` : '';
  }
  private reload(): string {
    if (!this.fuel && !this.epoch) return '';
    if (!this.epoch) return `fq = ${this.env.fuelLeft()};`;
    return this.fuel ? `fq = ${this.env.fuelLeft()}; ec = -1;` : 'ec = -1;';
  }
  /** `return <e>`, adding the fuel local to the counter first where no `finally` does. */
  private ret(e: string): string {
    const r = e === '' ? 'return;' : `return ${e};`;
    return this.fuel && !this.writeBack ? `${this.env.fuelExit(this.fuelCost)} ${r}` : r;
  }

  // ---- expressions ----

  /** The JS expression of value `v`: its variable, or its tree written out when it is inlined. */
  private expr(v: number): string {
    if (this.trees.inline[v] !== 1) return this.names[v];
    return this.def(this.trees.defNode[v] as Node);
  }

  /** Value `v` as a JS boolean condition (a comparison stays bare). */
  private cond(v: number): string {
    if (this.trees.inline[v] === 1) {
      const n = this.trees.defNode[v] as Node;
      if (n.k === 'op') {
        if (n.name === 'i32.eqz' && n.args.length === 1) return `!(${this.cond(n.args[0])})`;
        const bc = BINARY_COND[n.name];
        if (bc !== undefined) return bc(this.expr(n.args[0]), this.expr(n.args[1]), !this.env.floatFeedback);
        const uc = UNARY_COND[n.name];
        if (uc !== undefined) return uc(this.expr(n.args[0]));
      }
      if (n.k === 'pexpr') {
        const c = this.pcond(n);
        if (c !== null) return c;
      }
    }
    return this.expr(v);
  }

  private pcond(n: Node & { k: 'pexpr' }): string | null {
    const a = n.args.map((x) => this.expr(x));
    const pc = PAIR_COND[n.name];
    if (pc !== undefined) return pc([a[0], a[1]], [a[2], a[3]]);
    if (n.name === 'i64.eqz') return `(${a[0]} | ${a[1]}) === 0`;
    return null;
  }

  /** The address of an access: `(base >>> 0) + offset`, folded for a constant base. */
  private addr(base: number, offset: number): string {
    const n = this.trees.defNode[base];
    if (n !== undefined && n.k === 'const' && this.trees.inline[base] === 1)
      return String(((n.value as number) >>> 0) + offset);
    const b = withoutToInt32(this.expr(base));
    return offset === 0 ? `(${b} >>> 0)` : `(${b} >>> 0) + ${offset}`;
  }

  /** The expression a defining node computes. */
  private def(n: Node): string {
    const env = this.env;
    switch (n.k) {
      case 'const':
        return n.text;
      case 'get':
        return this.fn.varNames[n.local];
      case 'global.get':
        return `${env.global(n.global as GlobalIndex)}.value`;
      case 'op': {
        const a = n.args.map((x) => this.expr(x));
        const u = UNARY[n.name];
        const e = a.length === 1 ? u(a[0]) : BINARY[n.name](a[0], a[1], !env.floatFeedback);
        // numeric fast paths with the float temporary (numeric.ts: `floatBits`, `truncI32`)
        if (/\bmf\b/.test(e)) this.temps.add('mf');
        return `(${e})`;
      }
      case 'pexpr': {
        const c = this.pcond(n);
        if (c !== null) return `(${c} ? 1 : 0)`;
        const [lo, hi] = n.args.map((x) => this.expr(x));
        const h = n.name === 'f64.convert_i64_s' ? hi : `(${hi} >>> 0)`;
        return `(${h} * 4294967296 + (${lo} >>> 0))`;
      }
      case 'join':
        return `H.j(${this.expr(n.lo)}, ${this.expr(n.hi)})`;
      case 'load': {
        const dv = env.memDv(n.mem);
        const addr = this.addr(n.addr, n.offset);
        const width = floatAccessWidth(n.name);
        if (width !== null) {
          this.temps.add('ma');
          this.temps.add('mf');
          return floatLoadExpr(width, dv, addr);
        }
        const [get] = MEM_LOAD[n.name];
        if (get === 'getUint8' || get === 'getInt8') {
          if (SIMPLE_ADDRESS.test(addr) || env.byteLoads === 'dataview') return env.byteLoad(n.mem, get, addr, addr);
          this.temps.add('ma');
          return env.byteLoad(n.mem, get, `ma = ${addr}`, 'ma');
        }
        return `${dv}.${get}(${addr}, true)`;
      }
      case 'memory.size': {
        const m = env.memory(n.mem as MemoryIndex);
        return `((${m}.byteLength / ${2 ** env.module.memories[n.mem].pageSizeLog2}) | 0)`;
      }
      case 'select':
        return `(${this.cond(n.cond)} ? ${this.expr(n.a)} : ${this.expr(n.b)})`;
      default:
        throw new Error(`IR: ${n.k} is not an expression`);
    }
  }

  // ---- statements ----

  private list(nodes: Node[]): void {
    for (const n of nodes) this.node(n);
  }

  private node(n: Node): void {
    const env = this.env;
    const t = this.trees;
    switch (n.k) {
      case 'const':
      case 'get':
      case 'global.get':
      case 'op':
      case 'pexpr':
      case 'join':
      case 'load':
      case 'memory.size':
      case 'select': {
        if (t.inline[n.dst] === 1) return;
        const e = this.def(n);
        if (t.uses[n.dst] === 0) {
          // unused, kept for its effect (a trap)
          this.line(`${e};`);
          return;
        }
        this.line(`${this.names[n.dst]} = ${e};`);
        return;
      }
      case 'set': {
        const e = this.expr(n.src);
        const l = this.fn.varNames[n.local];
        if (e !== l) this.line(`${l} = ${e};`);
        return;
      }
      case 'global.set':
        this.line(`${env.global(n.global as GlobalIndex)}.value = ${this.expr(n.src)};`);
        return;
      case 'store': {
        const dv = env.memDv(n.mem);
        const addr = this.addr(n.addr, n.offset);
        const v = this.expr(n.src);
        const width = floatAccessWidth(n.name);
        if (width !== null) {
          this.temps.add('sa');
          this.temps.add('sv');
          this.line(floatStoreStmt(width, dv, addr, v));
        } else this.line(`${dv}.${MEM_STORE[n.name][0]}(${addr}, ${v}, true);`);
        return;
      }
      case 'pair': {
        const a = n.args.map((x) => this.expr(x));
        const rl = this.names[n.dst];
        if (PAIR_TEMPS.has(n.name)) for (const x of ['qa', 'qb', 'qc', 'qd']) this.temps.add(x);
        if (n.name === 'i64.mul') this.temps.add('qm');
        if (n.dstHi < 0) {
          this.line(PAIR_UNARY_HI0[n.name]([a[0], a[1]], rl));
          return;
        }
        const rh = this.names[n.dstHi];
        const pb = PAIR_BINARY[n.name];
        if (pb !== undefined) this.line(pb([a[0], a[1]], [a[2], a[3]], rl, rh));
        else this.line(PAIR_UNARY[n.name]([a[0], a[1]], rl, rh));
        return;
      }
      case 'split': {
        this.temps.add('qz');
        const lo = this.names[n.dst];
        const hi = this.names[n.dstHi];
        this.line(`qz = ${this.expr(n.src)}; ${lo} = Number(BigInt.asIntN(32, qz)); ${hi} = Number(qz >> 32n);`);
        return;
      }
      case 'memory.grow': {
        const pre = this.handOver();
        if (pre !== '') this.line(pre);
        const call = `${env.rt('memoryGrow')}(${env.memory(n.mem as MemoryIndex)}, ${this.expr(n.src)})`;
        this.line(t.uses[n.dst] === 0 ? `${call};` : `${this.names[n.dst]} = ${call};`);
        const post = this.reload();
        if (post !== '') this.line(post);
        return;
      }
      case 'call': {
        const pre = this.handOver();
        if (pre !== '') this.line(pre);
        const args = n.args.map((x) => this.expr(x)).join(', ');
        const callee = n.pairAbi ? env.pairCallee(n.func) : env.callee(n.func);
        const call = `${callee}(${args})`;
        this.callResults(call, n.dsts, n.pairAbi);
        const post = this.reload();
        if (post !== '') this.line(post);
        return;
      }
      case 'call_indirect': {
        const pre = this.handOver();
        if (pre !== '') this.line(pre);
        this.temps.add('qf');
        const tb = env.table(n.table as TableIndex);
        const ty = env.typeId(n.type);
        this.line(
          `qf = (qi = ${this.expr(n.idx)} >>> 0) < ${tb}.elements.length ? ${tb}.elements[qi] : ${env.trap(TrapCode.UndefinedElement)};`,
        );
        this.temps.add('qi');
        this.line(`if (qf === null) ${env.trap(TrapCode.IndirectCallToNull)};`);
        this.line(
          `if (qf.typeId !== ${ty} && !${env.rt('isSubtypeId')}(qf.typeId, ${ty})) ${env.trap(TrapCode.BadSignature)};`,
        );
        this.callResults(`qf.fn(${n.args.map((x) => this.expr(x)).join(', ')})`, n.dsts, false);
        const post = this.reload();
        if (post !== '') this.line(post);
        return;
      }
      case 'bulk': {
        const mems = n.mems.map((m) => env.memory(m as MemoryIndex)).join(', ');
        const b = env.rt(n.name === 'memory.copy' ? 'memoryCopy' : 'memoryFill');
        this.line(`${b}(${mems}, ${n.args.map((x) => this.expr(x)).join(', ')});`);
        return;
      }
      case 'fuel':
        this.line(`fu += ${n.n};`);
        return;
      case 'block': {
        if (!this.targeted.has(n.label)) {
          this.list(n.body);
          return;
        }
        this.line(`L${n.label}: {`);
        this.depth++;
        this.list(n.body);
        this.depth--;
        this.line('}');
        return;
      }
      case 'loop': {
        this.line(`L${n.label}: for (;;) {`);
        this.depth++;
        for (const l of this.loopChecks()) this.line(l);
        this.list(n.body);
        this.line(`break L${n.label};`);
        this.depth--;
        this.line('}');
        return;
      }
      case 'if': {
        const label = this.targeted.has(n.label) ? `L${n.label}: ` : '';
        this.line(`${label}if (${this.cond(n.cond)}) {`);
        this.depth++;
        this.list(n.yes);
        this.depth--;
        if (n.no.length > 0) {
          this.line('} else {');
          this.depth++;
          this.list(n.no);
          this.depth--;
        }
        this.line('}');
        return;
      }
      case 'br':
        for (const l of this.branch(n.label, n.args)) this.line(l);
        return;
      case 'br_if': {
        this.line(`if (${this.cond(n.cond)}) {`);
        this.depth++;
        for (const l of this.branch(n.label, n.args)) this.line(l);
        this.depth--;
        this.line('}');
        return;
      }
      case 'br_table': {
        this.line(`switch (${this.expr(n.idx)}) {`);
        const groups = new Map<Label, number[]>();
        n.labels.forEach((l, i) => {
          if (l === n.dflt) return;
          const g = groups.get(l);
          if (g) g.push(i);
          else groups.set(l, [i]);
        });
        for (const [l, cases] of groups) {
          this.line(`  ${cases.map((i) => `case ${i}:`).join(' ')}`);
          this.depth += 2;
          for (const x of this.branch(l, n.args)) this.line(x);
          this.depth -= 2;
        }
        this.line('  default:');
        this.depth += 2;
        for (const x of this.branch(n.dflt, n.args)) this.line(x);
        this.depth -= 2;
        this.line('}');
        return;
      }
      case 'return':
        this.line(this.returnStmt(n.args));
        return;
      case 'trap':
        this.line(`${env.trap(n.code)};`);
        return;
    }
  }

  /** The statement(s) of a call and its results (`pairAbi`: an i64 result's hi word from `H.R[0]`). */
  private callResults(call: string, d: number[], pairAbi: boolean): void {
    const t = this.trees;
    if (d.length === 0) this.line(`${call};`);
    else if (pairAbi && d.length === 2) this.line(`${this.names[d[0]]} = ${call}; ${this.names[d[1]]} = H.R[0];`);
    else if (d.length === 1) this.line(t.uses[d[0]] === 0 ? `${call};` : `${this.names[d[0]]} = ${call};`);
    else {
      this.temps.add('qr');
      this.line(`qr = ${call};`);
      d.forEach((x, i) => {
        this.line(`${this.names[x]} = qr[${i}];`);
      });
    }
  }

  private returnStmt(args: number[]): string {
    const fn = this.fn;
    const flat = args.map((x) => this.expr(x));
    if (flat.length === 0) return this.ret('');
    if (fn.pairAbi && fn.results[0] === 'i64') return `H.R[0] = ${flat[1]}; ${this.ret(flat[0])}`;
    // i64 results leave as bigints (lowering made them pairs)
    const vals: string[] = [];
    let k = 0;
    for (const t of fn.results) vals.push(t === 'i64' ? `H.j(${flat[k++]}, ${flat[k++]})` : flat[k++]);
    if (vals.length === 1) return this.ret(vals[0]);
    return this.ret(`${this.env.rt('tuple')}(${vals.join(', ')})`);
  }

  /** The statements of a branch to `label` with values `args`: assignments to its variables, then the jump. */
  private branch(label: Label, args: number[]): string[] {
    if (label < 0) return [this.returnStmt(args)];
    const vars = this.fn.labels[label].vars.map((v) => this.fn.varNames[v]);
    const vals = args.map((x) => this.expr(x));
    const lines: string[] = [];
    // a parallel copy: when a value reads a variable assigned before it, every value goes through a temporary
    let clash = false;
    for (let i = 0; i < vals.length && !clash; i++)
      for (let j = 0; j < i; j++) if (new RegExp(`\\b${vars[j]}\\b`).test(vals[i])) clash = true;
    if (clash) {
      if (vals.length > this.parallelTemps) this.parallelTemps = vals.length;
      vals.forEach((v, i) => {
        lines.push(`qt${i} = ${v};`);
      });
      vals.forEach((_, i) => {
        lines.push(`${vars[i]} = qt${i};`);
      });
    } else
      vals.forEach((v, i) => {
        if (v !== vars[i]) lines.push(`${vars[i]} = ${v};`);
      });
    const kind = this.fn.labels[label].kind;
    lines.push(kind === 'loop' ? `continue L${label};` : `break L${label};`);
    return lines;
  }
}
