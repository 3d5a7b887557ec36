// Structure-aware generation of valid modules (our own, for what binaryen 108 does not reach: final-encoding
// exceptions, Wasm 3.0 GC, memory64, multi-memory, and SIMD whose values never need a `log-v128` import).
//
// Each seed gives one module, as text, by a seeded PRNG: typed expression trees (folded form) over the value
// types the chosen features allow, with blocks, loops, ifs and branches to enclosing labels, calls, tail calls,
// indirect calls through a table, memory and table operations, tags thrown and caught by `try_table`, structs,
// arrays and i31s. Every loop iteration and function entry decrements the `$hang` global; at zero the function
// returns default values of its results (`hangLimitInitializer` resets it before each call, as binaryen's modules
// do), so every call ends, and ends normally rather than in a trap (binaryen's modules trap there, and most calls
// ended that way, leaving the code after the budget untested). Locals are often updated from themselves
// (`prefer`), the shape of a lane-rotation bug a SIMD change once brought.
//
// NaNs: an operator whose NaN result the spec leaves open (arithmetic, min/max, promote/demote, rounding) has
// its result canonicalised (`canon`), so bit patterns that reach memory, `reinterpret` or an integer lane are
// the same on every engine; operators the spec makes bit-exact (neg, abs, copysign, loads, stores, locals,
// constants with payloads) are left alone, so their NaN payloads are compared too.
import { prng } from './mutate.js';

/** What a generated module may use. */
export type GenFeature =
  | 'simd'
  | 'bulk'
  | 'reftypes'
  | 'tail'
  | 'memory64'
  | 'multimemory'
  | 'exceptions'
  | 'gc'
  /** With `exceptions`: no exnref kept (only rethrown at once), so that a legacy twin of the module exists. */
  | 'exnlegacy';

/** The named feature sets of `pnpm fuzz --gen` (each adds to the MVP numeric core). */
export const FEATURE_SETS: Readonly<Record<string, readonly GenFeature[]>> = {
  mvp: [],
  simd: ['simd'],
  bulk: ['bulk'],
  reftypes: ['reftypes', 'bulk'],
  tail: ['tail', 'reftypes'],
  memory64: ['memory64', 'bulk'],
  multimemory: ['multimemory', 'bulk'],
  exceptions: ['exceptions', 'reftypes'],
  'exceptions-legacy': ['exceptions', 'exnlegacy'],
  gc: ['gc', 'reftypes'],
  all: ['simd', 'bulk', 'reftypes', 'tail', 'memory64', 'multimemory', 'exceptions', 'gc'],
};

const NUM = ['i32', 'i64', 'f32', 'f64'] as const;
/** GC reference types the generator uses (all nullable, so locals default to null). */
const S0 = '(ref null $s0)';
const S1 = '(ref null $s1)';
const A32 = '(ref null $a32)';
const A8 = '(ref null $a8)';
const AREF = '(ref null $aref)';
const GC_TYPES = [S0, S1, A32, A8, AREF, 'i31ref', 'eqref', 'anyref'];

interface FuncSig {
  readonly params: readonly string[];
  readonly results: readonly string[];
}
interface Label {
  readonly name: string;
  /** The types a branch to it carries. */
  readonly types: readonly string[];
}
interface Memory {
  readonly name: string;
  readonly i64: boolean;
}

class Gen {
  private readonly r: () => number;
  private readonly f: ReadonlySet<GenFeature>;
  private readonly valTypes: string[];
  private readonly sigs: FuncSig[] = [];
  private readonly memories: Memory[] = [];
  private readonly globals: { name: string; type: string }[] = [];
  private readonly tags: { name: string; params: string[] }[] = [];
  private passiveData = 0;
  private passiveElems = 0;
  private tableSize = 0;
  // per function
  private locals: { name: string; type: string }[] = [];
  private labels: Label[] = [];
  private results: readonly string[] = [];
  private labelCount = 0;
  private budget = 0;
  private current = 0;

  /** Legacy exception handling (`try`, `catch`, `rethrow`) in place of `try_table` (the `exnlegacy` twin). */
  private readonly legacy: boolean;

  constructor(seed: number, features: readonly GenFeature[], legacy = false) {
    this.legacy = legacy;
    this.r = prng(seed * 7919 + 17);
    this.f = new Set(features);
    this.valTypes = [...NUM];
    if (this.f.has('simd')) this.valTypes.push('v128', 'v128');
    if (this.f.has('reftypes')) this.valTypes.push('funcref', 'externref');
    if (this.f.has('gc')) this.valTypes.push(...GC_TYPES);
  }

  private int(n: number): number {
    return Math.floor(this.r() * n);
  }
  private chance(p: number): boolean {
    return this.r() < p;
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  private has(f: GenFeature): boolean {
    return this.f.has(f);
  }

  module(): string {
    const out: string[] = [];
    // types
    if (this.has('gc'))
      out.push(
        '(rec (type $s0 (sub (struct (field (mut i32)) (field (mut i64)))))',
        '  (type $s1 (sub $s0 (struct (field (mut i32)) (field (mut i64)) (field (mut f64)) (field (mut (ref null $s0)))))))',
        '(type $a32 (array (mut i32)))',
        '(type $a8 (array (mut i8)))',
        '(type $aref (array (mut (ref null $s0))))',
      );
    // the wasm backend runs a module only when no v128 can reach the host (a global, a function in a table):
    // most modules keep v128 to locals, memory and operands, so that both backends run them
    const boundary = this.chance(0.7) ? this.valTypes.filter((t) => t !== 'v128') : this.valTypes;
    const nFuncs = 2 + this.int(5);
    for (let i = 0; i < nFuncs; i++) {
      // the first functions are exported: numeric types only (JS can pass them)
      const exported = i < Math.max(1, nFuncs - 2);
      const pool = exported ? NUM : boundary;
      const params = Array.from({ length: this.int(4) }, () => this.pick(pool));
      const nResults = this.chance(0.15) ? 0 : this.chance(0.8) ? 1 : 2;
      const results = Array.from({ length: nResults }, () => this.pick(pool));
      this.sigs.push({ params, results });
      out.push(
        `(type $ft${i} (func${params.length ? ` (param ${params.join(' ')})` : ''}${this.resultClause(results)}))`,
      );
    }
    // tags
    if (this.has('exceptions')) {
      const shapes = [['i32'], [], ['i64', 'f64'], ['f32']];
      for (let i = 0; i < 3; i++) {
        const params = shapes[i === 0 ? 0 : this.int(shapes.length)];
        this.tags.push({ name: `$e${i}`, params });
        out.push(`(tag $e${i}${params.length ? ` (param ${params.join(' ')})` : ''})`);
      }
    }
    // memories: one, or two or three with multi-memory; i64 with memory64
    const nMem = this.has('multimemory') ? 2 + this.int(2) : 1;
    for (let i = 0; i < nMem; i++) {
      const i64 = this.has('memory64') && (nMem === 1 || this.chance(0.5));
      const min = 1 + this.int(2);
      this.memories.push({ name: `$m${i}`, i64 });
      out.push(`(memory $m${i} (export "mem${i}")${i64 ? ' i64' : ''} ${min} ${min + this.int(3)})`);
      for (let d = 0; d < 1 + this.int(2); d++) {
        const off = this.int(200);
        out.push(`(data (memory $m${i}) (${i64 ? 'i64' : 'i32'}.const ${off}) "${this.bytesText(4 + this.int(24))}")`);
      }
    }
    if (this.has('bulk')) {
      this.passiveData = 1 + this.int(2);
      for (let d = 0; d < this.passiveData; d++) out.push(`(data $d${d} "${this.bytesText(1 + this.int(40))}")`);
    }
    // globals
    this.globals.push({ name: '$hang', type: 'i32' });
    out.push('(global $hang (mut i32) (i32.const 0))');
    for (let i = 0; i < 2 + this.int(4); i++) {
      const t = this.pick(boundary);
      const exported = (NUM as readonly string[]).includes(t) && this.chance(0.7);
      this.globals.push({ name: `$g${i}`, type: t });
      out.push(`(global $g${i}${exported ? ` (export "g${i}")` : ''} (mut ${t}) ${this.constOf(t)})`);
    }
    // the table of every function (indirect calls), an externref table, passive element segments
    this.tableSize = nFuncs + this.int(3);
    const funcs = Array.from({ length: nFuncs }, (_, i) => `$f${i}`);
    out.push(`(table $t0 ${this.tableSize} ${this.tableSize + 4} funcref)`);
    // mostly every function at its own index (indirect calls then mostly find the type they name)
    out.push(
      `(elem (table $t0) (i32.const 0) func ${funcs.slice(0, this.chance(0.8) ? nFuncs : this.int(nFuncs)).join(' ')})`,
    );
    if (this.has('reftypes')) {
      out.push('(table $t1 2 8 externref)');
      this.passiveElems = 1 + this.int(2);
      for (let e = 0; e < this.passiveElems; e++)
        out.push(`(elem $el${e} func ${Array.from({ length: 1 + this.int(3) }, () => this.pick(funcs)).join(' ')})`);
    }
    if (this.has('reftypes')) out.push(`(elem declare func ${funcs.join(' ')})`);
    // functions
    // a few modules may recurse deeply: into the call-depth limit of the harness (src/diff.ts)
    const hang = this.chance(0.2) ? 100_000 : 300;
    out.push(`(func (export "hangLimitInitializer") (global.set $hang (i32.const ${hang})))`);
    for (let i = 0; i < nFuncs; i++) out.push(this.func(i, i < Math.max(1, nFuncs - 2)));
    return `(module\n${out.join('\n')}\n)\n`;
  }

  private resultClause(results: readonly string[]): string {
    return results.length ? ` (result ${results.join(' ')})` : '';
  }

  private bytesText(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += `\\${this.int(256).toString(16).padStart(2, '0')}`;
    return s;
  }

  private func(i: number, exported: boolean): string {
    const sig = this.sigs[i];
    this.current = i;
    this.locals = sig.params.map((type, k) => ({ name: `$p${k}`, type }));
    const extra = this.int(5);
    const decls: string[] = [];
    for (let k = 0; k < extra; k++) {
      const type = this.pick(this.valTypes);
      this.locals.push({ name: `$l${k}`, type });
      decls.push(`(local $l${k} ${type})`);
    }
    // scratch locals of `canon`
    decls.push('(local $cf32 f32) (local $cf64 f64)');
    if (this.has('simd')) decls.push('(local $cv128 v128)');
    if (this.has('exceptions') && !this.has('exnlegacy')) {
      this.locals.push({ name: '$exn', type: 'exnref' });
      decls.push('(local $exn exnref)');
    }
    this.labels = [];
    this.results = sig.results;
    this.labelCount = 0;
    this.budget = 60 + this.int(140);
    this.prefer = null;
    const body: string[] = [this.hangCheck()];
    for (let k = 0; k < 2 + this.int(6); k++) body.push(this.stmt(4));
    for (const t of sig.results) body.push(this.expr(t, 3));
    const params = sig.params.map((t, k) => `(param $p${k} ${t})`).join(' ');
    return `(func $f${i}${exported ? ` (export "f${i}")` : ''} (type $ft${i}) ${params}${this.resultClause(sig.results)}\n  ${decls.join(' ')}\n  ${body.join('\n  ')})`;
  }

  private hangCheck(): string {
    const defaults = this.results.map((t) => this.constOf(t, true)).join(' ');
    return `(if (i32.eqz (global.get $hang)) (then (return${defaults === '' ? '' : ` ${defaults}`}))) (global.set $hang (i32.sub (global.get $hang) (i32.const 1)))`;
  }

  private label(types: readonly string[]): Label {
    return { name: `$L${this.labelCount++}`, types };
  }

  // ---- constants

  /** A constant of type `t` (`zero`: the type's default value, without drawing from the PRNG). */
  private constOf(t: string, zero = false): string {
    if (zero && (NUM as readonly string[]).includes(t)) return `(${t}.const 0)`;
    if (zero && t === 'v128') return '(v128.const i64x2 0 0)';
    switch (t) {
      case 'i32':
        return `(i32.const ${this.i32Lit()})`;
      case 'i64':
        return `(i64.const ${this.i64Lit()})`;
      case 'f32':
        return `(f32.const ${this.floatLit(true)})`;
      case 'f64':
        return `(f64.const ${this.floatLit(false)})`;
      case 'v128':
        // float lanes with NaN payloads, which every bit-exact path must keep
        if (this.chance(0.3))
          return `(v128.const f32x4 ${Array.from({ length: 4 }, () => this.floatLit(true)).join(' ')})`;
        if (this.chance(0.2))
          return `(v128.const f64x2 ${Array.from({ length: 2 }, () => this.floatLit(false)).join(' ')})`;
        return `(v128.const i32x4 ${Array.from({ length: 4 }, () => this.i32Lit()).join(' ')})`;
      case 'funcref':
        return '(ref.null func)';
      case 'externref':
        return '(ref.null extern)';
      case 'exnref':
        return '(ref.null exn)';
      case 'i31ref':
        return '(ref.null i31)';
      case 'eqref':
        return '(ref.null eq)';
      case 'anyref':
        return '(ref.null any)';
    }
    const m = /^\(ref null (\$\w+)\)$/.exec(t);
    if (m !== null) return `(ref.null ${m[1]})`;
    throw new Error(`no constant of ${t}`);
  }

  private i32Lit(): string {
    const k = this.int(8);
    if (k === 0) return this.pick(['0', '1', '-1', '0x7fffffff', '0x80000000', '31', '32', '-2147483648']);
    if (k < 4) return String(this.int(64) - 8);
    return String(this.int(2 ** 32) | 0);
  }

  private i64Lit(): string {
    const k = this.int(8);
    if (k === 0)
      return this.pick(['0', '1', '-1', '0x7fffffffffffffff', '0x8000000000000000', '63', '64', '0xffffffff']);
    if (k < 4) return String(this.int(64) - 8);
    const hi = BigInt(this.int(2 ** 32));
    const lo = BigInt(this.int(2 ** 32));
    return String(BigInt.asIntN(64, (hi << 32n) | lo));
  }

  private floatLit(f32: boolean): string {
    const k = this.int(10);
    if (k === 0)
      return this.pick(
        f32
          ? ['nan', '-nan', 'inf', '-inf', '-0', '0', 'nan:0x200001', 'nan:0x1', '-nan:0x7fffff', 'nan:0x12345']
          : ['nan', '-nan', 'inf', '-inf', '-0', '0', 'nan:0x4000000000001', 'nan:0x1', '-nan:0xfffffffffffff'],
      );
    if (k === 1)
      return this.pick(['0x1p-149', '0x1p+127', '-0x1.fffffep+127', '2147483648', '-2147483904', '4294967296']);
    if (k < 5) return String(this.int(200) - 100) + (this.chance(0.5) ? '.5' : '');
    return (this.r() * 2 ** this.int(80) * (this.chance(0.5) ? -1 : 1)).toPrecision(f32 ? 7 : 16);
  }

  // ---- statements

  private stmt(d: number): string {
    this.budget--;
    if (d <= 0 || this.budget <= 0) return this.chance(0.5) ? 'nop' : `(drop ${this.expr(this.pick(NUM), 0)})`;
    const choices: (() => string | null)[] = [
      () => this.setLocal(d),
      () => this.setLocal(d),
      () => this.setGlobal(d),
      () => this.store(d),
      () => this.store(d),
      () => `(drop ${this.expr(this.pick(this.valTypes), d - 1)})`,
      () => this.ifStmt(d),
      () => this.blockStmt(d),
      () => this.loopStmt(d),
      () => this.brStmt(d),
      () => this.callStmt(d),
      () => this.callIndirectStmt(d),
      () => (this.chance(0.2) ? `(return ${this.results.map((t) => this.expr(t, d - 1)).join(' ')})` : null),
      () => (this.chance(0.03) ? '(unreachable)' : null),
      () => this.memoryStmt(d),
    ];
    if (this.has('bulk'))
      choices.push(
        () => this.bulkStmt(d),
        () => this.bulkStmt(d),
      );
    if (this.has('reftypes')) choices.push(() => this.tableStmt(d));
    if (this.has('tail')) choices.push(() => this.tailCall(d));
    if (this.has('exceptions'))
      choices.push(
        () => this.throwStmt(d),
        () => this.tryStmt(d),
      );
    if (this.has('gc'))
      choices.push(
        () => this.gcStmt(d),
        () => this.gcStmt(d),
      );
    if (this.has('simd')) choices.push(() => this.simdStore(d));
    for (;;) {
      const s = this.pick(choices)();
      if (s !== null) return s;
    }
  }

  /** While a local's new value is generated: that local, which its reads then favour (a self-update). */
  private prefer: { name: string; type: string } | null = null;

  private localOf(t: string): { name: string; type: string } | undefined {
    if (this.prefer !== null && this.prefer.type === t && this.chance(0.6)) return this.prefer;
    const ls = this.locals.filter((l) => l.type === t);
    return ls.length ? this.pick(ls) : undefined;
  }

  private setLocal(d: number): string | null {
    const l = this.pick(this.locals.length ? this.locals : [{ name: '', type: '' }]);
    if (l.name === '' || l.type === 'exnref') return null;
    const outer = this.prefer;
    if (this.chance(0.4)) this.prefer = l;
    const e = this.expr(l.type, d - 1);
    this.prefer = outer;
    return `(local.set ${l.name} ${e})`;
  }

  private setGlobal(d: number): string {
    const g = this.pick(this.globals.slice(1).length ? this.globals.slice(1) : this.globals);
    if (g.name === '$hang') return 'nop';
    return `(global.set ${g.name} ${this.expr(g.type, d - 1)})`;
  }

  private body(d: number): string {
    return Array.from({ length: 1 + this.int(3) }, () => this.stmt(d - 1)).join(' ');
  }

  private ifStmt(d: number): string {
    const cond = this.expr('i32', d - 1);
    const l = this.label([]);
    this.labels.push(l);
    const thenS = this.body(d);
    const elseS = this.chance(0.5) ? ` (else ${this.body(d)})` : '';
    this.labels.pop();
    return `(if ${l.name} ${cond} (then ${thenS})${elseS})`;
  }

  private blockStmt(d: number): string {
    const l = this.label([]);
    this.labels.push(l);
    const s = `(block ${l.name} ${this.body(d)})`;
    this.labels.pop();
    return s;
  }

  private loopStmt(d: number): string {
    const l = this.label([]);
    this.labels.push(l);
    // continue: mostly while the hang counter's low bits are not zero (a few iterations), else on any value
    const cond = this.chance(0.7)
      ? `(i32.and (global.get $hang) (i32.const ${this.pick([3, 7, 15])}))`
      : this.expr('i32', d - 1);
    const cont = `(br_if ${l.name} ${cond})`;
    const s = `(loop ${l.name} ${this.hangCheck()} ${this.body(d)} ${cont})`;
    this.labels.pop();
    return s;
  }

  private brStmt(d: number): string | null {
    if (this.labels.length === 0) return null;
    const l = this.pick(this.labels);
    const vals = l.types.map((t) => this.expr(t, d - 1)).join(' ');
    if (this.chance(0.6) && l.types.length <= 1) {
      const s = `(br_if ${l.name} ${vals} ${this.expr('i32', d - 1)})`;
      return l.types.length ? `(drop ${s})` : s;
    }
    if (this.chance(0.3) && l.types.length === 0) {
      const targets = Array.from(
        { length: 1 + this.int(3) },
        () => this.pick(this.labels.filter((x) => x.types.length === 0)).name,
      );
      return `(br_table ${targets.join(' ')} ${l.name} ${this.expr('i32', d - 1)})`;
    }
    return `(br ${l.name} ${vals})`;
  }

  /** Calls mostly go to later functions (a call graph without cycles), sometimes anywhere (recursion). */
  private mayCall(i: number): boolean {
    return i > this.current || this.chance(0.1);
  }

  private callee(): number {
    for (let k = 0; k < 4; k++) {
      const i = this.int(this.sigs.length);
      if (this.mayCall(i)) return i;
    }
    return this.int(this.sigs.length);
  }

  private args(sig: FuncSig, d: number): string {
    return sig.params.map((t) => this.expr(t, d - 1)).join(' ');
  }

  private callStmt(d: number): string {
    const i = this.callee();
    return `(call $f${i} ${this.args(this.sigs[i], d)})${' drop'.repeat(this.sigs[i].results.length)}`;
  }

  private callIndirectStmt(d: number): string {
    const i = this.callee();
    return `(call_indirect $t0 (type $ft${i}) ${this.args(this.sigs[i], d)} ${this.tableIndex(d, i)})${' drop'.repeat(this.sigs[i].results.length)}`;
  }

  /** A table index: mostly `likely` (the function of the type called), else any, else computed. */
  private tableIndex(d: number, likely?: number): string {
    if (likely !== undefined && this.chance(0.92)) return `(i32.const ${likely})`;
    if (this.chance(0.85) && this.tableSize > 0) return `(i32.const ${this.int(this.tableSize)})`;
    return this.chance(0.7) ? `(i32.const ${this.int(this.tableSize + 2)})` : this.expr('i32', d - 1);
  }

  /** An array index: mostly small. */
  private index(d: number): string {
    return this.chance(0.85) ? `(i32.const ${this.int(this.chance(0.7) ? 2 : 5)})` : this.expr('i32', d - 1);
  }

  private tailCall(d: number): string | null {
    const same = this.sigs
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.results.length === this.results.length && s.results.every((t, k) => t === this.results[k]));
    if (same.length === 0) return null;
    const { s, i } = this.pick(same);
    if (this.chance(0.6)) return `(return_call $f${i} ${this.args(s, d)})`;
    return `(return_call_indirect $t0 (type $ft${i}) ${this.args(s, d)} ${this.tableIndex(d, i)})`;
  }

  // ---- memory

  private mem(): Memory {
    return this.pick(this.memories);
  }

  /** An address in `m`: mostly in the first page, rarely anywhere (out of bounds). */
  private addr(m: Memory, d: number): string {
    const t = m.i64 ? 'i64' : 'i32';
    // a call makes many accesses and ends at its first out-of-bounds one: keep those rare
    const k = this.int(40);
    if (k < 28) return `(${t}.const ${this.int(k < 26 ? 256 : 65536 + 64)})`;
    if (k < 39) return `(${t}.and ${this.expr(t, d - 1)} (${t}.const ${this.pick([0xff, 0xffff, 0xffff, 0x1ffff])}))`;
    return this.expr(t, d - 1);
  }

  private memarg(m: Memory, natural: number): string {
    const offset = this.chance(0.85) ? '' : ` offset=${this.pick([1, 7, 16, 4096, 65535, 65536])}`;
    const align = this.chance(0.6) ? '' : ` align=${2 ** this.int(Math.log2(natural) + 1)}`;
    return `${this.memories.length > 1 ? ` ${m.name}` : ''}${offset}${align}`;
  }

  private store(d: number): string {
    const m = this.mem();
    const [op, t, n] = this.pick([
      ['i32.store', 'i32', 4],
      ['i32.store8', 'i32', 1],
      ['i32.store16', 'i32', 2],
      ['i64.store', 'i64', 8],
      ['i64.store8', 'i64', 1],
      ['i64.store16', 'i64', 2],
      ['i64.store32', 'i64', 4],
      ['f32.store', 'f32', 4],
      ['f64.store', 'f64', 8],
    ] as const);
    return `(${op}${this.memarg(m, n)} ${this.addr(m, d)} ${this.expr(t, d - 1)})`;
  }

  private load(t: string, d: number): string {
    const m = this.mem();
    const ops: Record<string, [string, number][]> = {
      i32: [
        ['i32.load', 4],
        ['i32.load8_s', 1],
        ['i32.load8_u', 1],
        ['i32.load16_s', 2],
        ['i32.load16_u', 2],
      ],
      i64: [
        ['i64.load', 8],
        ['i64.load8_s', 1],
        ['i64.load16_u', 2],
        ['i64.load32_s', 4],
        ['i64.load32_u', 4],
      ],
      f32: [['f32.load', 4]],
      f64: [['f64.load', 8]],
    };
    const [op, n] = this.pick(ops[t]);
    return `(${op}${this.memarg(m, n)} ${this.addr(m, d)})`;
  }

  private memoryStmt(d: number): string {
    const m = this.mem();
    const t = m.i64 ? 'i64' : 'i32';
    const idx = this.memories.length > 1 ? ` ${m.name}` : '';
    return `(drop (memory.grow${idx} (${t}.and ${this.expr(t, d - 1)} (${t}.const 3))))`;
  }

  private bulkStmt(d: number): string {
    const m = this.mem();
    const t = m.i64 ? 'i64' : 'i32';
    const idx = this.memories.length > 1 ? ` ${m.name}` : '';
    const len = (lt: string) =>
      this.chance(0.85) ? `(${lt}.const ${this.int(80)})` : `(${lt}.and ${this.expr(lt, d - 1)} (${lt}.const 0x1ffff))`;
    switch (this.int(4)) {
      case 0:
        return `(memory.fill${idx} ${this.addr(m, d)} ${this.expr('i32', d - 1)} ${len(t)})`;
      case 1: {
        const src = this.mem();
        const lt = m.i64 && src.i64 ? 'i64' : 'i32';
        const both = this.memories.length > 1 ? ` ${m.name} ${src.name}` : '';
        return `(memory.copy${both} ${this.addr(m, d)} ${this.addr(src, d)} ${len(lt)})`;
      }
      case 2:
        // a segment has 1 to 40 bytes (and none once dropped): mostly one byte from its start
        return this.chance(0.8)
          ? `(memory.init${idx} $d${this.int(this.passiveData)} ${this.addr(m, d)} (i32.const 0) (i32.const 1))`
          : `(memory.init${idx} $d${this.int(this.passiveData)} ${this.addr(m, d)} (i32.const ${this.int(8)}) ${len('i32')})`;
      default:
        return this.chance(0.3) ? `(data.drop $d${this.int(this.passiveData)})` : 'nop';
    }
  }

  // ---- tables

  /**
   * An offset and a length in table $t0: mostly within its initial size (a call ends at its first out-of-range
   * access), sometimes anywhere up to 4 past it.
   */
  private tableRange(n = this.int(3)): [number, number] {
    if (this.chance(0.85) && this.tableSize >= n) return [this.int(this.tableSize - n + 1), n];
    return [this.int(this.tableSize + 1), this.int(4)];
  }

  private tableStmt(d: number): string {
    switch (this.int(6)) {
      case 0:
        return `(table.set $t0 ${this.tableIndex(d)} ${this.expr('funcref', d - 1)})`;
      case 1:
        return `(table.set $t1 (i32.const ${this.int(this.chance(0.85) ? 2 : 4)}) ${this.expr('externref', d - 1)})`;
      case 2:
        return `(drop (table.grow $t0 ${this.expr('funcref', d - 1)} (i32.const ${this.int(3)})))`;
      case 3: {
        const [at, n] = this.tableRange();
        return `(table.fill $t0 (i32.const ${at}) ${this.expr('funcref', d - 1)} (i32.const ${n}))`;
      }
      case 4: {
        const [to, n] = this.tableRange();
        const [from] = this.tableRange(n);
        return `(table.copy $t0 $t0 (i32.const ${to}) (i32.const ${from}) (i32.const ${n}))`;
      }
      default:
        return this.chance(0.7)
          ? `(table.init $t0 $el${this.int(this.passiveElems)} (i32.const ${this.tableRange(1)[0]}) (i32.const 0) (i32.const ${this.chance(0.8) ? 1 : this.int(4)}))`
          : `(elem.drop $el${this.int(this.passiveElems)})`;
    }
  }

  // ---- exceptions

  private tag(): { name: string; params: string[] } {
    return this.pick(this.tags);
  }

  private throwStmt(d: number): string {
    if (this.chance(0.2) && !this.has('exnlegacy')) return '(throw_ref (local.get $exn))';
    const tag = this.tag();
    return `(throw ${tag.name} ${tag.params.map((t) => this.expr(t, d - 1)).join(' ')})`;
  }

  /**
   * A `try_table` producing `types` (zero or one), with one or two catch clauses, each to a handler block
   * around it that turns what the catch delivers (tag values, an exnref) into the result.
   */
  private tryTable(types: readonly string[], d: number): string {
    const out = this.label(types);
    const kinds = Array.from({ length: 1 + this.int(2) }, () =>
      this.pick(['catch', 'catch_ref', 'catch_all', 'catch_all_ref']),
    );
    const handlers = kinds.map((kind) => {
      const tag = kind === 'catch' || kind === 'catch_ref' ? this.tag() : undefined;
      const delivered = [...(tag?.params ?? []), ...(kind.endsWith('_ref') ? ['exnref'] : [])];
      return { kind, tag, delivered, label: this.label(delivered) };
    });
    this.labels.push(out);
    const clauses = handlers.map((h) => `(${h.kind}${h.tag ? ` ${h.tag.name}` : ''} ${h.label.name})`).join(' ');
    // the labels of the handlers are not targets inside the try_table (they take exception values)
    const inner = `${this.body(d)} ${types.map((t) => this.expr(t, d - 1)).join(' ')}`;
    // what each handler does with what it got: rethrow (the exnref), or drop it all, then on to the end of the
    // whole form with its results (an exnref is kept in `$exn` for a later `throw_ref` unless a legacy twin is
    // made: legacy exceptions have no exnref)
    const afters = handlers.map((h) => {
      const ds = [...h.delivered];
      let rethrow = false;
      let keep = false;
      if (ds.at(-1) === 'exnref') {
        ds.pop();
        rethrow = this.chance(0.3);
        keep = !rethrow && !this.has('exnlegacy');
      }
      const results = ` (br ${out.name} ${types.map((t) => this.expr(t, d - 1)).join(' ')})`;
      return { rethrow, keep, drops: ds.length, results };
    });
    this.labels.pop();
    if (this.legacy) {
      // the same with legacy `try`: each clause's code runs in its catch; clauses after a catch_all never match
      const end = handlers.findIndex((h) => h.kind.startsWith('catch_all'));
      const live = end < 0 ? handlers.length : end + 1;
      const catches = handlers.slice(0, live).map((h, i) => {
        const a = afters[i];
        const code = a.rethrow ? ' (rethrow 0)' : ' drop'.repeat(a.drops);
        return `(${h.tag ? `catch ${h.tag.name}` : 'catch_all'}${code}${a.results})`;
      });
      return `(block ${out.name}${this.resultClause(types)} (try${this.resultClause(types)} (do ${inner}) ${catches.join(' ')}))`;
    }
    let s = `(br ${out.name} (try_table${this.resultClause(types)} ${clauses} ${inner}))`;
    handlers.forEach((h, i) => {
      // inside-out: each handler block holds the previous form; after it, what it delivered is on the stack
      const a = afters[i];
      const exn = h.kind.endsWith('_ref') ? (a.rethrow ? ' throw_ref' : a.keep ? ' (local.set $exn)' : ' drop') : '';
      const after = `${exn}${a.rethrow ? '' : ' drop'.repeat(a.drops)}${a.results}`;
      s = `(block ${h.label.name}${this.resultClause(h.delivered)} ${s})${after}`;
    });
    return `(block ${out.name}${this.resultClause(types)} ${s})`;
  }

  private tryStmt(d: number): string {
    return this.tryTable([], d);
  }

  // ---- GC

  private gcStmt(d: number): string {
    switch (this.int(5)) {
      case 0:
        return this.chance(0.5)
          ? `(struct.set $s0 0 ${this.expr(S0, d - 1)} ${this.expr('i32', d - 1)})`
          : `(struct.set $s0 1 ${this.expr(S0, d - 1)} ${this.expr('i64', d - 1)})`;
      case 1:
        return `(array.set $a32 ${this.expr(A32, d - 1)} ${this.index(d)} ${this.expr('i32', d - 1)})`;
      case 2:
        return `(array.fill $a8 ${this.expr(A8, d - 1)} (i32.const ${this.int(6)}) ${this.expr('i32', d - 1)} (i32.const ${this.int(6)}))`;
      case 3:
        return `(array.copy $a32 $a32 ${this.expr(A32, d - 1)} (i32.const ${this.int(6)}) ${this.expr(A32, d - 1)} (i32.const ${this.int(6)}) (i32.const ${this.int(5)}))`;
      default:
        return `(struct.set $s1 3 ${this.expr(S1, d - 1)} ${this.expr(S0, d - 1)})`;
    }
  }

  // ---- SIMD

  private simdStore(d: number): string {
    const m = this.mem();
    if (this.chance(0.7)) return `(v128.store${this.memarg(m, 16)} ${this.addr(m, d)} ${this.expr('v128', d - 1)})`;
    const [shape, n] = this.pick([
      ['8', 1],
      ['16', 2],
      ['32', 4],
      ['64', 8],
    ] as const);
    return `(v128.store${shape}_lane${this.memarg(m, n)} ${this.int(16 / n)} ${this.addr(m, d)} ${this.expr('v128', d - 1)})`;
  }

  // ---- expressions

  /** An expression of type `t`. */
  expr(t: string, d: number): string {
    this.budget--;
    if (d <= 0 || this.budget <= 0 || this.chance(0.2)) return this.leaf(t);
    switch (t) {
      case 'i32':
      case 'i64':
        return this.intExpr(t, d);
      case 'f32':
      case 'f64':
        return this.floatExpr(t, d);
      case 'v128':
        return this.v128Expr(d);
      default:
        return this.refExpr(t, d);
    }
  }

  private leaf(t: string): string {
    const k = this.int(4);
    if (k === 0) {
      const l = this.localOf(t);
      if (l !== undefined) return `(local.get ${l.name})`;
    }
    if (k === 1) {
      const gs = this.globals.filter((g) => g.type === t && g.name !== '$hang');
      if (gs.length) return `(global.get ${this.pick(gs).name})`;
    }
    if (t === 'funcref' && this.chance(0.5)) return `(ref.func $f${this.int(this.sigs.length)})`;
    if (t === 'i31ref' && this.chance(0.7)) return `(ref.i31 (i32.const ${this.i32Lit()}))`;
    if (t === S0 && this.chance(0.8))
      return `(struct.new $s0 (i32.const ${this.i32Lit()}) (i64.const ${this.i64Lit()}))`;
    if (t === S1 && this.chance(0.8)) return '(struct.new_default $s1)';
    if (t === A32 && this.chance(0.8))
      return `(array.new_fixed $a32 4 (i32.const ${this.i32Lit()}) (i32.const 7) (i32.const -1) (i32.const 0))`;
    if (t === A8 && this.chance(0.8)) return `(array.new_default $a8 (i32.const ${this.int(8)}))`;
    if (t === AREF && this.chance(0.8)) return `(array.new_default $aref (i32.const ${this.int(6)}))`;
    if (t === 'eqref' && this.chance(0.6)) return this.leaf(this.pick([S0, A32, 'i31ref']));
    if (t === 'anyref' && this.chance(0.6)) return this.leaf(this.pick([S1, A8, 'i31ref']));
    return this.constOf(t);
  }

  /** Generic forms of any type: blocks, ifs, selects, calls, locals. */
  private generic(t: string, d: number): string | null {
    switch (this.int(8)) {
      case 0: {
        const l = this.label([t]);
        this.labels.push(l);
        const s = `(block ${l.name} (result ${t}) ${this.body(d)} ${this.expr(t, d - 1)})`;
        this.labels.pop();
        return s;
      }
      case 1: {
        const cond = this.expr('i32', d - 1);
        const l = this.label([t]);
        this.labels.push(l);
        const s = `(if ${l.name} (result ${t}) ${cond} (then ${this.expr(t, d - 1)}) (else ${this.expr(t, d - 1)}))`;
        this.labels.pop();
        return s;
      }
      case 2: {
        const typed = (NUM as readonly string[]).includes(t) || t === 'v128' ? '' : ` (result ${t})`;
        return `(select${typed} ${this.expr(t, d - 1)} ${this.expr(t, d - 1)} ${this.expr('i32', d - 1)})`;
      }
      case 3: {
        const l = this.localOf(t);
        return l === undefined ? null : `(local.tee ${l.name} ${this.expr(t, d - 1)})`;
      }
      case 4: {
        const fs = this.sigs
          .map((s, i) => ({ s, i }))
          .filter(({ s, i }) => s.results.length === 1 && s.results[0] === t && this.mayCall(i));
        if (fs.length === 0) return null;
        const { s, i } = this.pick(fs);
        return this.chance(0.7)
          ? `(call $f${i} ${this.args(s, d)})`
          : `(call_indirect $t0 (type $ft${i}) ${this.args(s, d)} ${this.tableIndex(d, i)})`;
      }
      case 5: {
        const l = this.label([t]);
        this.labels.push(l);
        const s = `(block ${l.name} (result ${t}) ${this.stmt(d - 1)} ${this.expr(t, d - 1)})`;
        this.labels.pop();
        return s;
      }
      case 6:
        return this.has('exceptions') && this.chance(0.5) ? this.tryTable([t], d) : null;
      default:
        return null;
    }
  }

  private intExpr(t: 'i32' | 'i64', d: number): string {
    if (this.chance(0.25)) {
      const g = this.generic(t, d);
      if (g !== null) return g;
    }
    const e = (ty: string) => this.expr(ty, d - 1);
    const k = this.int(14);
    switch (k) {
      case 0:
      case 1:
      case 2: {
        const op = this.pick([
          'add',
          'sub',
          'mul',
          'div_s',
          'div_u',
          'rem_s',
          'rem_u',
          'and',
          'or',
          'xor',
          'shl',
          'shr_s',
          'shr_u',
          'rotl',
          'rotr',
        ]);
        return `(${t}.${op} ${e(t)} ${e(t)})`;
      }
      case 3:
        return `(${t}.${this.pick(['clz', 'ctz', 'popcnt', 'extend8_s', 'extend16_s'])} ${e(t)})`;
      case 4: {
        const it = this.pick(['i32', 'i64']);
        const c = `(${it}.eqz ${e(it)})`;
        return t === 'i32' ? c : `(i64.extend_i32_u ${c})`;
      }
      case 5: {
        const ct = this.pick(NUM);
        const ops =
          ct[0] === 'i'
            ? ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u']
            : ['eq', 'ne', 'lt', 'gt', 'le', 'ge'];
        const c = `(${ct}.${this.pick(ops)} ${e(ct)} ${e(ct)})`;
        return t === 'i32' ? c : `(i64.extend_i32_u ${c})`;
      }
      case 6:
        return t === 'i32' ? `(i32.wrap_i64 ${e('i64')})` : `(i64.extend_i32_${this.pick(['s', 'u'])} ${e('i32')})`;
      case 7: {
        const ft = this.pick(['f32', 'f64']);
        const sat = this.chance(0.8) ? '_sat' : '';
        return `(${t}.trunc${sat}_${ft}_${this.pick(['s', 'u'])} ${e(ft)})`;
      }
      case 8:
        return `(${t}.reinterpret_${t === 'i32' ? 'f32' : 'f64'} ${e(t === 'i32' ? 'f32' : 'f64')})`;
      case 9:
      case 10:
        return this.load(t, d);
      case 11: {
        const m = this.mem();
        const idx = this.memories.length > 1 ? ` ${m.name}` : '';
        const size = `(memory.size${idx})`;
        const r = m.i64
          ? t === 'i64'
            ? size
            : `(i32.wrap_i64 ${size})`
          : t === 'i32'
            ? size
            : `(i64.extend_i32_u ${size})`;
        return r;
      }
      case 12:
        return this.featureInt(t, d) ?? this.leaf(t);
      default:
        return (
          this.featureInt(t, d) ?? (t === 'i32' ? `(i32.eqz ${e('i32')})` : `(i64.extend_i32_u (i64.eqz ${e('i64')}))`)
        );
    }
  }

  /** Integers from the feature operators: lanes, references, GC fields, table sizes. */
  private featureInt(t: 'i32' | 'i64', d: number): string | null {
    const e = (ty: string) => this.expr(ty, d - 1);
    const wrap = (i32: string) => (t === 'i32' ? i32 : `(i64.extend_i32_s ${i32})`);
    const options: (() => string)[] = [];
    if (this.has('simd'))
      options.push(
        () =>
          t === 'i64'
            ? `(i64x2.extract_lane ${this.int(2)} ${e('v128')})`
            : this.pick([
                `(i8x16.extract_lane_${this.pick(['s', 'u'])} ${this.int(16)} ${e('v128')})`,
                `(i16x8.extract_lane_${this.pick(['s', 'u'])} ${this.int(8)} ${e('v128')})`,
                `(i32x4.extract_lane ${this.int(4)} ${e('v128')})`,
              ]),
        () =>
          wrap(
            `(${this.pick(['v128.any_true', 'i8x16.all_true', 'i16x8.all_true', 'i32x4.all_true', 'i64x2.all_true', 'i8x16.bitmask', 'i16x8.bitmask', 'i32x4.bitmask', 'i64x2.bitmask'])} ${e('v128')})`,
          ),
      );
    if (this.has('reftypes'))
      options.push(
        () => wrap(`(ref.is_null ${e(this.pick(['funcref', 'externref', ...(this.has('gc') ? GC_TYPES : [])]))})`),
        () => wrap(`(table.size ${this.pick(['$t0', '$t1'])})`),
      );
    if (this.has('gc'))
      options.push(
        () => (t === 'i32' ? `(struct.get $s0 0 ${e(S0)})` : `(struct.get $s0 1 ${e(S0)})`),
        () => wrap(`(array.len ${e(this.pick([A32, A8, AREF]))})`),
        () => wrap(`(array.get $a32 ${e(A32)} ${this.index(d)})`),
        () => wrap(`(array.get_${this.pick(['s', 'u'])} $a8 ${e(A8)} ${this.index(d)})`),
        () => wrap(`(i31.get_${this.pick(['s', 'u'])} ${e('i31ref')})`),
        () =>
          wrap(
            `(ref.test ${this.pick(['(ref $s0)', '(ref $s1)', '(ref null $s1)', '(ref i31)', '(ref $a32)', '(ref eq)', '(ref null struct)'])} ${e('anyref')})`,
          ),
        () => wrap(`(ref.eq ${e('eqref')} ${e('eqref')})`),
      );
    if (this.has('exceptions') && t === 'i32') options.push(() => this.tryTable(['i32'], d));
    return options.length ? this.pick(options)() : null;
  }

  private floatExpr(t: 'f32' | 'f64', d: number): string {
    if (this.chance(0.25)) {
      const g = this.generic(t, d);
      if (g !== null) return g;
    }
    const e = (ty: string) => this.expr(ty, d - 1);
    const o = t === 'f32' ? 'f64' : 'f32';
    switch (this.int(9)) {
      case 0:
      case 1:
        return this.canon(t, `(${t}.${this.pick(['add', 'sub', 'mul', 'div', 'min', 'max'])} ${e(t)} ${e(t)})`);
      case 2:
        return `(${t}.copysign ${e(t)} ${e(t)})`;
      case 3:
        return this.pick([`(${t}.neg ${e(t)})`, `(${t}.abs ${e(t)})`]);
      case 4:
        return this.canon(t, `(${t}.${this.pick(['sqrt', 'ceil', 'floor', 'trunc', 'nearest'])} ${e(t)})`);
      case 5: {
        const it = this.pick(['i32', 'i64']);
        return `(${t}.convert_${it}_${this.pick(['s', 'u'])} ${e(it)})`;
      }
      case 6:
        return this.canon(t, t === 'f32' ? `(f32.demote_f64 ${e(o)})` : `(f64.promote_f32 ${e(o)})`);
      case 7:
        return `(${t}.reinterpret_${t === 'f32' ? 'i32' : 'i64'} ${e(t === 'f32' ? 'i32' : 'i64')})`;
      default:
        if (this.has('simd') && this.chance(0.4))
          return t === 'f32'
            ? `(f32x4.extract_lane ${this.int(4)} ${e('v128')})`
            : `(f64x2.extract_lane ${this.int(2)} ${e('v128')})`;
        if (this.has('gc') && t === 'f64' && this.chance(0.4)) return `(struct.get $s1 2 ${e(S1)})`;
        return this.load(t, d);
    }
  }

  /** `e` with a NaN result replaced by the canonical NaN (where the spec allows any NaN). */
  private canon(t: 'f32' | 'f64' | 'v128f32' | 'v128f64', e: string): string {
    if (t === 'f32' || t === 'f64')
      return `(select (${t}.const nan) (local.tee $c${t} ${e}) (${t}.ne (local.get $c${t}) (local.get $c${t})))`;
    const shape = t === 'v128f32' ? 'f32x4' : 'f64x2';
    const nans = t === 'v128f32' ? 'f32x4 nan nan nan nan' : 'f64x2 nan nan';
    return `(v128.bitselect (v128.const ${nans}) (local.tee $cv128 ${e}) (${shape}.ne (local.get $cv128) (local.get $cv128)))`;
  }

  private v128Expr(d: number): string {
    if (this.chance(0.2)) {
      const g = this.generic('v128', d);
      if (g !== null) return g;
    }
    const e = (ty: string) => this.expr(ty, d - 1);
    const v = () => e('v128');
    switch (this.int(12)) {
      case 0:
      case 1: {
        const op = this.pick(SIMD_INT_BINARY);
        return `(${op} ${v()} ${v()})`;
      }
      case 2: {
        const shape = this.pick(['f32x4', 'f64x2']);
        const op = this.pick(['add', 'sub', 'mul', 'div', 'min', 'max', 'pmin', 'pmax']);
        const r = `(${shape}.${op} ${v()} ${v()})`;
        // pmin/pmax select an operand: bit-exact
        return op.startsWith('p') ? r : this.canon(shape === 'f32x4' ? 'v128f32' : 'v128f64', r);
      }
      case 3:
        return `(${this.pick(['f32x4', 'f64x2'])}.${this.pick(['eq', 'ne', 'lt', 'gt', 'le', 'ge'])} ${v()} ${v()})`;
      case 4:
        return `(${this.pick(SIMD_INT_UNARY)} ${v()})`;
      case 5: {
        const [op, canonAs] = this.pick(SIMD_FLOAT_UNARY);
        const r = `(${op} ${v()})`;
        return canonAs === '' ? r : this.canon(canonAs, r);
      }
      case 6:
        return `(${this.pick(['i8x16', 'i16x8', 'i32x4', 'i64x2'])}.${this.pick(['shl', 'shr_s', 'shr_u'])} ${v()} ${e('i32')})`;
      case 7: {
        const [shape, lt] = this.pick([
          ['i8x16', 'i32'],
          ['i16x8', 'i32'],
          ['i32x4', 'i32'],
          ['i64x2', 'i64'],
          ['f32x4', 'f32'],
          ['f64x2', 'f64'],
        ] as const);
        if (this.chance(0.5)) return `(${shape}.splat ${e(lt)})`;
        const lanes = Number(shape.slice(4));
        return `(${shape}.replace_lane ${this.int(lanes)} ${v()} ${e(lt)})`;
      }
      case 8: {
        if (this.chance(0.5)) return `(v128.bitselect ${v()} ${v()} ${v()})`;
        const lanes = Array.from({ length: 16 }, () => this.int(32)).join(' ');
        return `(i8x16.shuffle ${lanes} ${v()} ${v()})`;
      }
      case 9: {
        const m = this.mem();
        const [op, n] = this.pick([
          ['v128.load', 16],
          ['v128.load8x8_s', 8],
          ['v128.load16x4_u', 8],
          ['v128.load32x2_s', 8],
          ['v128.load8_splat', 1],
          ['v128.load16_splat', 2],
          ['v128.load32_splat', 4],
          ['v128.load64_splat', 8],
          ['v128.load32_zero', 4],
          ['v128.load64_zero', 8],
        ] as const);
        return `(${op}${this.memarg(m, n)} ${this.addr(m, d)})`;
      }
      case 10: {
        const m = this.mem();
        const [bits, n] = this.pick([
          ['8', 1],
          ['16', 2],
          ['32', 4],
          ['64', 8],
        ] as const);
        return `(v128.load${bits}_lane${this.memarg(m, n)} ${this.int(16 / n)} ${this.addr(m, d)} ${v()})`;
      }
      default:
        return `(${this.pick(['v128.and', 'v128.or', 'v128.xor', 'v128.andnot'])} ${v()} ${v()})`;
    }
  }

  private refExpr(t: string, d: number): string {
    if (this.chance(0.3)) {
      const g = this.generic(t, d);
      if (g !== null) return g;
    }
    const e = (ty: string) => this.expr(ty, d - 1);
    const i = () => e('i32');
    const len = () => (this.chance(0.9) ? `(i32.const ${this.int(8)})` : `(i32.and ${i()} (i32.const 0xfff))`);
    switch (t) {
      case 'funcref':
        return this.pick([
          `(ref.func $f${this.int(this.sigs.length)})`,
          `(table.get $t0 ${this.tableIndex(d)})`,
          this.leaf(t),
        ]);
      case 'externref':
        return this.has('gc') && this.chance(0.5)
          ? `(extern.convert_any ${e('anyref')})`
          : `(table.get $t1 (i32.const ${this.int(this.chance(0.85) ? 2 : 3)}))`;
      case S0:
        return this.pick([
          `(struct.new $s0 ${i()} ${e('i64')})`,
          e(S1),
          `(ref.cast ${S0} ${e(this.pick(['anyref', S1, S1]))})`,
          `(array.get $aref ${e(AREF)} ${this.index(d)})`,
          `(struct.get $s1 3 ${e(S1)})`,
          this.leaf(t),
        ]);
      case S1:
        return this.pick([
          `(struct.new $s1 ${i()} ${e('i64')} ${e('f64')} ${e(S0)})`,
          `(ref.cast ${S1} ${e(S0)})`,
          `(struct.new_default $s1)`,
          this.leaf(t),
        ]);
      case A32:
        return this.pick([
          `(array.new $a32 ${i()} ${len()})`,
          `(array.new_default $a32 ${len()})`,
          `(array.new_fixed $a32 3 ${i()} ${i()} ${i()})`,
          `(ref.cast ${A32} ${e('anyref')})`,
        ]);
      case A8:
        return this.pick([
          `(array.new $a8 ${i()} ${len()})`,
          this.passiveData > 0
            ? `(array.new_data $a8 $d${this.int(this.passiveData)} (i32.const ${this.int(4)}) (i32.const ${this.int(6)}))`
            : `(array.new_default $a8 ${len()})`,
          `(array.new_fixed $a8 2 ${i()} ${i()})`,
        ]);
      case AREF:
        return this.pick([`(array.new $aref ${e(S0)} ${len()})`, `(array.new_fixed $aref 2 ${e(S0)} ${e(S1)})`]);
      case 'i31ref':
        return this.pick([`(ref.i31 ${i()})`, `(ref.cast (ref null i31) ${e('anyref')})`]);
      case 'eqref':
        return e(this.pick([S0, S1, A32, A8, AREF, 'i31ref']));
      case 'anyref':
        return this.pick([e('eqref'), `(any.convert_extern ${e('externref')})`, this.leaf(t)]);
    }
    return this.leaf(t);
  }
}

const SIMD_INT_BINARY = [
  ...[
    'add',
    'sub',
    'add_sat_s',
    'add_sat_u',
    'sub_sat_s',
    'sub_sat_u',
    'min_s',
    'min_u',
    'max_s',
    'max_u',
    'avgr_u',
    'eq',
    'ne',
    'lt_s',
    'lt_u',
    'gt_s',
    'ge_u',
    'narrow_i16x8_s',
    'narrow_i16x8_u',
    'swizzle',
  ].map((o) => `i8x16.${o}`),
  ...[
    'add',
    'sub',
    'mul',
    'add_sat_s',
    'sub_sat_u',
    'min_s',
    'max_u',
    'avgr_u',
    'eq',
    'lt_u',
    'le_s',
    'q15mulr_sat_s',
    'narrow_i32x4_s',
    'narrow_i32x4_u',
    'extmul_low_i8x16_s',
    'extmul_high_i8x16_u',
  ].map((o) => `i16x8.${o}`),
  ...[
    'add',
    'sub',
    'mul',
    'min_s',
    'min_u',
    'max_s',
    'eq',
    'ne',
    'gt_u',
    'ge_s',
    'dot_i16x8_s',
    'extmul_low_i16x8_u',
    'extmul_high_i16x8_s',
  ].map((o) => `i32x4.${o}`),
  ...['add', 'sub', 'mul', 'eq', 'ne', 'lt_s', 'gt_s', 'le_s', 'ge_s', 'extmul_low_i32x4_s', 'extmul_high_i32x4_u'].map(
    (o) => `i64x2.${o}`,
  ),
];
const SIMD_INT_UNARY = [
  'v128.not',
  'i8x16.abs',
  'i8x16.neg',
  'i8x16.popcnt',
  'i16x8.abs',
  'i16x8.neg',
  'i16x8.extend_low_i8x16_s',
  'i16x8.extend_high_i8x16_u',
  'i16x8.extadd_pairwise_i8x16_s',
  'i16x8.extadd_pairwise_i8x16_u',
  'i32x4.abs',
  'i32x4.neg',
  'i32x4.extend_low_i16x8_u',
  'i32x4.extend_high_i16x8_s',
  'i32x4.extadd_pairwise_i16x8_s',
  'i32x4.extadd_pairwise_i16x8_u',
  'i32x4.trunc_sat_f32x4_s',
  'i32x4.trunc_sat_f32x4_u',
  'i32x4.trunc_sat_f64x2_s_zero',
  'i32x4.trunc_sat_f64x2_u_zero',
  'i64x2.abs',
  'i64x2.neg',
  'i64x2.extend_low_i32x4_s',
  'i64x2.extend_high_i32x4_u',
];
/** Float lane operators, and how a NaN result is canonicalised ('' when the operator is bit-exact). */
const SIMD_FLOAT_UNARY: readonly (readonly [string, '' | 'v128f32' | 'v128f64'])[] = [
  ['f32x4.abs', ''],
  ['f32x4.neg', ''],
  ['f32x4.sqrt', 'v128f32'],
  ['f32x4.ceil', 'v128f32'],
  ['f32x4.floor', 'v128f32'],
  ['f32x4.trunc', 'v128f32'],
  ['f32x4.nearest', 'v128f32'],
  ['f64x2.abs', ''],
  ['f64x2.neg', ''],
  ['f64x2.sqrt', 'v128f64'],
  ['f64x2.ceil', 'v128f64'],
  ['f64x2.nearest', 'v128f64'],
  ['f32x4.convert_i32x4_s', ''],
  ['f32x4.convert_i32x4_u', ''],
  ['f64x2.convert_low_i32x4_s', ''],
  ['f64x2.convert_low_i32x4_u', ''],
  ['f32x4.demote_f64x2_zero', 'v128f32'],
  ['f64x2.promote_low_f32x4', 'v128f64'],
];

/**
 * The module of seed `seed` with `features`, as text. With `legacy` (and the `exnlegacy` feature): its twin with
 * legacy exception handling, which behaves the same (and runs on hosts without exnref, such as Node 20).
 */
export function generateText(seed: number, features: readonly GenFeature[], legacy = false): string {
  return new Gen(seed, features, legacy).module();
}
