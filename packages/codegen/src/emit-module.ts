// Assembles the factory for a whole module: the per-instance hoisted constants, every defined function,
// the constant expressions (global, table and segment initializers) as small functions, and the object
// the factory returns (docs/js-abi.md, "What the factory returns").

import {
  BinaryReader,
  type ConstExpr,
  DefinedFuncIndex,
  FuncIndex,
  type FuncType,
  funcIndexOfDefined,
  type Module,
  type Tunables,
  type ValType,
  validateAllBodies,
  validateBody,
} from '@wasmts/environ';
import { loneI32Const } from './const-value.js';
import { type ByteLoads, ModuleEnvironment, type OperatorCost, PAIR_TAIL_CALLEE, TAIL_CALLEE } from './environment.js';
import { compileIr } from './ir/index.js';
import { sharePieces } from './shared-pieces.js';
import { FunctionTranslator, POSITION_MARKER, POSITION_MARKERS, usesPairAbi } from './translate.js';

/** The generated source of a module and what it needs from the runtime. */
export interface EmittedModule {
  readonly source: string;
  readonly builtinsUsed: readonly string[];
}

/**
 * The value of a constant expression that is one `ref.func` or `ref.null` (every item of the element segments Go and
 * wasm-bindgen modules put their function tables in: thousands of them), as the translator would push it; else
 * null. Such items need no function of their own.
 */
function simpleRef(env: ModuleEnvironment, expr: ConstExpr): string | null {
  const bytes = env.module.bytes;
  const op = bytes[expr.start];
  if (op !== 0xd2 /* ref.func */ && op !== 0xd0 /* ref.null */) return null;
  const r = new BinaryReader(bytes, expr.start + 1, expr.end);
  let value = 'null';
  if (op === 0xd2 /* ref.func */) value = env.funcRef(FuncIndex(r.u32()));
  else r.s33();
  return r.pos + 1 === expr.end && bytes[r.pos] === 0x0b ? value : null;
}

function constFn(env: ModuleEnvironment, name: string, expr: ConstExpr, type: ValType): string {
  const ft: FuncType = { kind: 'func', params: [], results: [type] };
  return new FunctionTranslator(env, name, expr.start, expr.end, ft, []).translate();
}

/** The factory's maker of constant evaluators: one function literal, so V8 compiles it once, not once per segment. */
const CONST_MAKER = 'var cK = (v) => () => v;';
/** The factories (by their `parts`) that declare `CONST_MAKER` already. */
const usesMaker = new WeakSet<string[]>();

/**
 * The evaluator of constant expression `expr` of type `type`: `cK(<value>)` for a lone `i32.const` (the offset of
 * each of a Go module's 100,000 data segments: a function of its own each cost V8 a lazy compilation at
 * instantiation), else a function `name` translated into `parts`.
 */
function constInit(env: ModuleEnvironment, parts: string[], name: string, expr: ConstExpr, type: ValType): string {
  const v = type === 0x7f ? loneI32Const(env.module.bytes, expr) : null;
  if (v !== null) {
    if (!usesMaker.has(parts)) {
      usesMaker.add(parts);
      parts.push(CONST_MAKER);
    }
    return `cK(${v})`;
  }
  parts.push(constFn(env, name, expr, type));
  return name;
}

/** Translates the constant expressions into `parts`; returns the members of the factory's result they make. */
function emitConstExprs(env: ModuleEnvironment, parts: string[]): string[] {
  const module = env.module;
  const globalInit: string[] = [];
  module.globals.forEach((g, i) => {
    if (g.init === null) globalInit.push('null');
    else globalInit.push(constInit(env, parts, `cg${i}`, g.init, g.type.type));
  });
  const tableInit: string[] = [];
  module.tables.forEach((t, i) => {
    if (t.init === null) tableInit.push('null');
    else {
      parts.push(constFn(env, `ct${i}`, t.init, t.type.element));
      tableInit.push(`ct${i}`);
    }
  });
  // only the segments that need code get an entry (FactoryResult.elemOffset / elemItems): an offset that is one
  // i32.const and items that are function indices are read from the module at instantiation, so that a module of
  // 10,000,000 element segments (the JS API's limit) adds no text per segment
  const elemOffset: string[] = [];
  const elemItems: string[] = [];
  module.elements.forEach((e, i) => {
    if (e.offset !== null) {
      const t = module.tables[e.table].type.index64 ? 0x7e : 0x7f;
      if (t !== 0x7f || loneI32Const(module.bytes, e.offset) === null)
        elemOffset.push(`${i}: ${constInit(env, parts, `ceo${i}`, e.offset, t)}`);
    }
    if (e.exprs !== null) {
      const names = e.exprs.map((x, j) => {
        const ref = simpleRef(env, x);
        if (ref !== null) return ref;
        parts.push(constFn(env, `ce${i}_${j}`, x, e.type));
        return `ce${i}_${j}()`;
      });
      elemItems.push(`${i}: () => [${names.join(', ')}]`);
    }
  });
  // as for element segments, only an offset that is not one i32.const gets an entry (FactoryResult.dataOffset): a Go
  // module's 98,450 data segments were one array literal of ~1 MB that hermesc had not compiled after 19 min of CPU
  const dataOffset: string[] = [];
  module.data.forEach((d, i) => {
    if (d.offset === null) return;
    const t = module.memories[d.memory].index64 ? 0x7e : 0x7f;
    if (t !== 0x7f || loneI32Const(module.bytes, d.offset) === null)
      dataOffset.push(`${i}: ${constInit(env, parts, `cdo${i}`, d.offset, t)}`);
  });
  return [
    `globalInit: [${globalInit.join(', ')}]`,
    `tableInit: [${tableInit.join(', ')}]`,
    `elemOffset: {${elemOffset.join(', ')}}`,
    `elemItems: {${elemItems.join(', ')}}`,
    `dataOffset: {${dataOffset.join(', ')}}`,
  ];
}

/**
 * Where a function that makes tail calls keeps its inner body (the trampolines of tail calls to it run that body, so
 * mutual tail calls take constant stack): on its entry in the pair ABI (`f<i>$p.$t`), else on itself (`f<i>.$t`).
 */
function innerBody(f: number, pairAbi: boolean): string {
  return pairAbi ? `f${f}$p.$t = f${f}$t;` : `f${f}.$t = f${f}$t;`;
}

/**
 * The code forms `CompileOptions` chooses (index.ts, `compileModule`), the same for the whole-module and the lazy
 * emitter.
 */
export interface CodeForms {
  splitChars?: number;
  inline: boolean;
  byteLoads?: ByteLoads;
  plainFloatLoads: boolean;
  feedbackWarmup: boolean;
  branchCondValues: boolean | 'values';
  wordLoads: boolean;
  floatFeedback: boolean;
  byteStores: boolean;
  nanBits: boolean;
  scheduleGates: boolean;
  signedAddresses: boolean;
}

/** Sets `forms` on the module environment `env`. */
function applyForms(env: ModuleEnvironment, forms: CodeForms): void {
  if (forms.splitChars !== undefined) env.splitChars = forms.splitChars;
  env.inlining = forms.inline;
  if (forms.byteLoads !== undefined) env.byteLoads = forms.byteLoads;
  env.plainFloatLoads = forms.plainFloatLoads;
  env.feedbackWarmup = forms.feedbackWarmup;
  env.branchCondValues = forms.branchCondValues !== false;
  env.zeroTests = forms.branchCondValues === true;
  env.wordLoads = forms.wordLoads;
  env.byteStores = forms.byteStores;
  env.signedAddresses = forms.signedAddresses;
  env.floatFeedback = forms.floatFeedback;
  env.nanBits = forms.nanBits;
  env.scheduleGates = forms.scheduleGates;
}

/** Translates every function and constant expression of `module` into one factory's source. */
export function emitModule(
  module: Module,
  tunables: Tunables,
  callDepth: boolean,
  operatorCost: OperatorCost | undefined,
  forms: CodeForms,
  ir = false,
  onProgress?: (done: number, total: number) => void,
  indent = false,
): EmittedModule {
  // a module decoded with lazy validation: the whole-module source is made of every body, so all are validated first
  validateAllBodies(module);
  const env = new ModuleEnvironment(module, tunables, callDepth, operatorCost);
  applyForms(env, forms);
  if (!indent) env.maxIndent = 0;
  const parts: string[] = [];
  const funcs: string[] = [];
  for (let i = 0; i < module.bodies.length; i++) {
    const f = funcIndexOfDefined(module, DefinedFuncIndex(i));
    const body = module.bodies[i];
    const viaIr = ir ? compileIr(env, f, body.codeStart, body.range.end, body.locals) : null;
    const t =
      viaIr === null
        ? new FunctionTranslator(env, `f${f}`, body.codeStart, body.range.end, env.funcType(f), body.locals, f)
        : null;
    parts.push(env.outdent(viaIr ?? (t as FunctionTranslator).translate()));
    if (t?.hasTailCalls) {
      env.tailCallers.add(f);
      parts.push(innerBody(f, usesPairAbi(env.funcType(f))));
    }
    // the pair-ABI entry, where tables, references and other modules' calls find it (`fn.$p`)
    if (usesPairAbi(env.funcType(f))) parts.push(`f${f}.$p = f${f}$p;`);
    funcs.push(`f${f}`);
    if (onProgress !== undefined && (i + 1) % Math.max(1, Math.ceil(module.bodies.length / 100)) === 0)
      onProgress(i + 1, module.bodies.length);
  }
  onProgress?.(module.bodies.length, module.bodies.length);
  const consts = emitConstExprs(env, parts);
  const body = parts
    .join('\n')
    .replace(TAIL_CALLEE, (_, f: string) =>
      env.tailCallers.has(Number(f)) && !usesPairAbi(env.funcType(Number(f) as FuncIndex)) ? `f${f}$t` : `f${f}`,
    )
    .replace(PAIR_TAIL_CALLEE, (_, f: string) => (env.tailCallers.has(Number(f)) ? `f${f}$t` : `f${f}$p`));
  const ret = [`funcs: [${funcs.join(', ')}]`, ...consts];
  const source = [
    '(function (rt, vmctx) {',
    '"use strict";',
    ...env.hoisted,
    body,
    `return {\n  ${ret.join(',\n  ')}\n};`,
    '})',
  ].join('\n');
  return { source, builtinsUsed: [...env.builtins].sort() };
}

/**
 * A module's code as separate units for lazy compilation: the constant expressions' factory, and each function's
 * on demand (packages/codegen/README.md, "Lazy compilation").
 */
export class LazyModule {
  readonly env: ModuleEnvironment;
  /**
   * `(function (rt, vmctx) { ...; return { globalInit, tableInit, elemOffset, elemItems, dataOffset }; })`: the
   * factory's result without `funcs`.
   */
  readonly constSource: string;
  /**
   * Characters of source evaluated so far: `constSource` and each function's source compiled on its first call
   * (`lazyFactory` adds them; the sources translated again for backtraces are not counted).
   */
  generatedChars: number;

  constructor(
    module: Module,
    tunables: Tunables,
    callDepth: boolean,
    operatorCost: OperatorCost | undefined,
    forms: CodeForms,
    /** Translate through the IR pipeline the functions it covers (src/ir). */
    private readonly ir = false,
  ) {
    const env = new ModuleEnvironment(module, tunables, callDepth, operatorCost, true);
    applyForms(env, forms);
    this.env = env;
    env.beginUnit(-1);
    const parts: string[] = [];
    const ret = emitConstExprs(env, parts);
    const decls = env.endUnit();
    this.constSource = [
      '(function (rt, vmctx) {',
      '"use strict";',
      ...decls,
      ...parts,
      `return {\n  ${ret.join(',\n  ')}\n};`,
      '})',
    ].join('\n');
    this.generatedChars = this.constSource.length;
  }

  /** The last function `markedLines` translated, and its lines (a backtrace asks once per frame). */
  private marked: { i: number; lines: string[] | null } | null = null;

  /**
   * Function `i`'s source translated with position markers, as lines, or null where it does not give the evaluated
   * source once the markers are taken out (and for the IR pipeline's output).
   */
  private markedLines(i: number): string[] | null {
    if (this.ir) return null;
    if (this.marked?.i !== i) {
      const lines = this.functionSource(i, true).split('\n');
      const same = lines.map((l) => l.replace(POSITION_MARKERS, '')).join('\n') === this.functionSource(i);
      this.marked = { i, lines: same ? lines : null };
    }
    return this.marked.lines;
  }

  /**
   * The module offset of the operator at a position (1-based line and column) of defined function `i`'s source,
   * or null: the last marker at or before the column (a call or load folded into the line), else the operator that
   * began the line. The function is translated again with position markers (`markedLines`), which must give the same
   * source once the markers are taken out, else nothing is claimed. Not for the IR pipeline's output.
   */
  offsetAt(i: number, line: number, column: number): number | null {
    return this.markerAt(i, line, column)?.[0] ?? null;
  }

  /**
   * Where a position of defined function `i`'s source lies in the code of a callee inlined there: the module offset
   * of the callee's operator (`offsetAt` gives the call's), or null outside inlined code.
   */
  inlinedAt(i: number, line: number, column: number): number | null {
    return this.markerAt(i, line, column)?.[1] ?? null;
  }

  /** The offsets a position's marker names (`offsetAt`): the function's own operator, and an inlined callee's or null. */
  private markerAt(i: number, line: number, column: number): [number, number | null] | null {
    const marked = this.markedLines(i);
    const text = marked?.[line - 1];
    if (text === undefined) return null;
    // the last marker at or before the column (counted without markers), else the line's own
    let at: [number, number | null] | null = null;
    let plain = 0;
    let last = 0;
    for (const m of text.matchAll(POSITION_MARKERS)) {
      plain += (m.index as number) - last;
      last = (m.index as number) + m[0].length;
      if (plain >= column) break;
      at = [Number(m[1]), m[2] === undefined ? null : Number(m[2])];
    }
    const own = POSITION_MARKER.exec(text);
    return at ?? (own === null ? null : [Number(own[1]), own[2] === undefined ? null : Number(own[2])]);
  }

  /**
   * The source of defined function `i` (a DefinedFuncIndex): `(function () { <pieces>; return (function (rt, vmctx,
   * F) { ...; return f<index>; }); })`, called once per module (the pieces of its split body and outlined runs are
   * made there, src/shared-pieces.ts), the function it returns once per instance with the instance's array `F` of
   * its functions (by DefinedFuncIndex), through which it calls the others.
   */
  functionSource(index: number, positions = false): string {
    const env = this.env;
    const module = env.module;
    const i = DefinedFuncIndex(index);
    const f = funcIndexOfDefined(module, i);
    const body = module.bodies[i];
    // a module decoded with lazy validation: the body is validated before its first translation (its CompileError
    // is what the first call of the function throws)
    validateBody(module, i);
    env.beginUnit(f);
    const viaIr = this.ir && !positions ? compileIr(env, f, body.codeStart, body.range.end, body.locals) : null;
    const t =
      viaIr === null
        ? new FunctionTranslator(env, `f${f}`, body.codeStart, body.range.end, env.funcType(f), body.locals, f)
        : null;
    if (t !== null && positions) t.positions = [];
    const code = env.outdent(viaIr ?? (t as FunctionTranslator).translate());
    const decls = env.endUnit();
    // the pieces of a split body and its outlined runs, once per module; the maker of the function, once per instance
    const unit = sharePieces(code, decls, f);
    return [
      '(function () {',
      '"use strict";',
      unit.pieces,
      'return (function (rt, vmctx, F) {',
      ...decls,
      unit.code,
      t?.hasTailCalls ? innerBody(f, usesPairAbi(env.funcType(f))) : '',
      usesPairAbi(env.funcType(f)) ? `f${f}.$p = f${f}$p;` : '',
      unit.instance,
      `return f${f};`,
      '});',
      '})',
    ].join('\n');
  }
}
