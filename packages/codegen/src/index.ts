// @wasmts/codegen: the only entry point of the package (internal; users should depend on `wasmts`).

import {
  DefinedFuncIndex,
  FuncIndex,
  funcIndexOfDefined,
  type Module,
  tunables as makeTunables,
  type Tunables,
  VMOffsets,
} from '@wasmts/environ';
import { type CodeForms, emitModule, LazyModule } from './emit-module.js';
import { type ByteLoads, ModuleEnvironment, type OperatorCost } from './environment.js';
import { HELPERS } from './helpers.js';
import { buildAndOptimize, type IrCoverage, irCoverage } from './ir/index.js';
import { CodegenLimitError } from './limits.js';

export { dataSegmentOffset, elemSegmentItems, elemSegmentOffset, loneI32Const } from './const-value.js';
/** Fuel costs per operator (wasmtime's by default). */
export { type ByteLoads, defaultOperatorCost, FREE_OPERATORS, type OperatorCost } from './environment.js';
/** Where the epoch is checked (both backends): which function entries need a check. */
export {
  EPOCH_ENTRY,
  EPOCH_INSIDE,
  EPOCH_SILENT,
  epochEntryChecks,
  epochSilentIndirect,
  UNCHECKED_CALL_BYTES,
} from './epoch-entries.js';
/** Codegen's numeric helpers (bound as `H` in generated code) and the tail-call request class. */
export { HELPERS, TailCall } from './helpers.js';
export type { IrCoverage } from './ir/index.js';
/** The JS backend's implementation limits and their error. */
export { CodegenLimitError, MAX_STRUCTURED_DEPTH } from './limits.js';

/** Options for `compileModule`. */
export interface CompileOptions {
  /** Code generation settings (fuel, epochs, call depth...); defaults from environ. */
  tunables?: Partial<Tunables>;
  /** The backend: `compileModule` generates JavaScript ('js'); the wasm backend is `instrumentModule`. */
  backend?: 'js';
  /** Fuel per operator when `tunables.consumeFuel` (default `defaultOperatorCost`: wasmtime's costs). */
  operatorCost?: OperatorCost;
  /**
   * Translate and evaluate each function on its first call (README.md, "Lazy compilation"). `source` (the
   * whole-module factory, for ahead-of-time output) is then generated only when it is read.
   */
  lazy?: boolean;
  /** Characters of JS above which a function body is split into pieces (default `SPLIT_CHARS`; tests force it small). */
  splitChars?: number;
  /**
   * How byte loads read memory (`ByteLoads`; default `'typed-array'`, the form for hosts without a JIT). Both
   * forms give the same results and traps; the API picks `'dataview'` where the host has a JIT.
   */
  byteLoads?: ByteLoads;
  /**
   * Aligned loads through typed arrays: an i32 load (and an i64 load's words) declared aligned to 4, and an f32/f64
   * load whose NaN bits cannot be observed declared aligned to its size, read the memory's Int32Array,
   * Float32Array or Float64Array where the address is a multiple of the size, and the DataView getter otherwise or
   * out of bounds (its RangeError is the trap). Same results and traps; cheaper than the getter's native call in
   * JavaScriptCore's interpreter and in V8's Ignition (README.md, "Word loads"). Default off; the API turns it on
   * where the host has no JIT (`Config.jsTarget`).
   */
  wordLoads?: boolean;
  /**
   * Byte stores (`i32.store8`, `i64.store8`) write the memory's Uint8Array where the address is below its length,
   * and call the DataView setter otherwise (its RangeError is the trap; nothing is written). Same results and traps;
   * cheaper than the setter's builtin call in V8's Ignition (README.md, "Byte stores"). Default off; the API turns it
   * on for V8 without its JIT (`Config.jsTarget` 'auto' under `node --jitless`).
   */
  byteStores?: boolean;
  /**
   * An access with no offset whose address is an int32 name, to a 32-bit memory whose declared maximum is at most
   * 2^31 bytes, reads the DataView (or the Uint8Array) at the name itself rather than its unsigned value (`l3`, not
   * `(l3>>>0)`): a negative int32 is an address at or past 2^31, out of bounds of such a memory, and the DataView
   * throws for it as for any index past the end. Same results and traps; one shift fewer per access in an
   * interpreter. Default off; the API turns it on for V8 without its JIT (`Config.jsTarget` 'auto' under `node
   * --jitless`).
   */
  signedAddresses?: boolean;
  /**
   * An f32/f64 load whose value only reaches operators that may give any NaN (arithmetic, comparisons, rounding,
   * conversions; directly or through a local nothing stores, moves or reads as bits) is the DataView getter alone,
   * without the test that keeps a NaN's payload as a `NaNBits` (README.md, "Floats"). Off (the default, for V8 with
   * its JIT), such an f64 load read by an operator V8's optimizing tiers fold to its operand for a constant other
   * operand (`x * 1`, `x / -1`, `x - 0`, `-0 - x`) is quieted, `(getter + -0)`, since the fold would hand a
   * signalling NaN on. On, it is the getter alone there too: for hosts where no JS number holds a signalling NaN or
   * nothing folds so, a NaN-boxing engine (JavaScriptCore, SpiderMonkey, Hermes) or one without an optimizing JIT.
   * The API turns it on where the host holds NaNs canonically (`Config.jsTarget`).
   */
  plainFloatLoads?: boolean;
  /**
   * Off: the JS backend's f64 values may be numbers holding any NaN, for V8 only (its numbers keep a NaN's payload
   * and sign; JavaScriptCore, SpiderMonkey and Hermes do not). Every f64 load is the getter alone, whatever reads
   * it (not only arithmetic: `plainFloatLoads`), and where such a number may be a signalling NaN an operator that V8
   * folds to its operand (`x * 1`, ...) or that may hand a NaN operand on (`Math.min`/`Math.max`) gets it quieted,
   * `(x + -0)`. What stays: f32 loads, the stores' test for a `NaNBits`, constants and helpers that make one (values
   * from the host may be one). For measuring what keeping NaN payloads costs on V8 (README.md, "Floats"); default on.
   */
  nanBits?: boolean;
  /**
   * A comparison's i32 value (one not used as a condition) as `c ? 1 : 0` rather than `+(c)`. Same results; `+(c)`
   * is a setcc under V8's JIT, while an interpreter converts the boolean on a slow path (JavaScriptCore's LLInt:
   * about 170 machine instructions more per comparison in a measured loop). Default off; the API turns it on for
   * hosts without a JIT (`Config.jsTarget`). `true` also compares a number tested as a condition with 0 (`if (x !==
   * 0)`, `(tc = x & y) !== 0`: JavaScriptCore's LLInt branches on a number through a slow path); `'values'` gives
   * the values alone and keeps `if (x)`, which V8's Ignition branches on directly (`JumpIfToBooleanFalse`) where the
   * comparison is one more bytecode with a feedback slot (README.md, "Value representation choices").
   */
  branchCondValues?: boolean | 'values';
  /**
   * Give each unsplit function with a loop a feedback warm-up at its first call (README.md, "Feedback before the
   * first loop"): for V8's optimizing tier, pointless in an interpreter. Default off; the API turns it on where the
   * host has a JIT (`Config.jsTarget`).
   */
  feedbackWarmup?: boolean;
  /**
   * Give every f32/f64 add, sub, mul, div and comparison an operand V8's interpreter holds as a heap number,
   * `(-0 + x)` (README.md, "Float type feedback"), so that V8's optimizing tier never compiles float arithmetic as int32 arithmetic
   * behind a check. On by default; the API turns it off for hosts without a JIT (`Config.jsTarget`), where the extra
   * addition is only cost (JavaScriptCore in Lockdown Mode, Hermes, `node --jitless`).
   */
  floatFeedback?: boolean;
  /**
   * A never-taken branch after every few statements of a long straight-line run (README.md, "Scheduling gates"), so
   * that V8's optimizing compiler computes values near their uses instead of in wide spilled layers: for an
   * optimizing tier, pointless in an interpreter. Default off; the API turns it on where the host has a JIT
   * (`Config.jsTarget`).
   */
  scheduleGates?: boolean;
  /**
   * Translate each function the IR covers through the IR pipeline (src/ir: build -> passes -> emit; README.md,
   * "The IR pipeline"); the others through the one-pass translator. Off by default.
   */
  ir?: boolean;
  /**
   * Translate a direct call of a small leaf function as the callee's body (README.md, "Inlining"; never with fuel
   * or `maxCallDepth`). On by default; false keeps every call (tests compare the two).
   */
  inline?: boolean;
  /**
   * Indent the whole-module source (two spaces per level, up to `MAX_INDENT` levels), for reading it: the snapshot
   * tests (test/disas); codegen's own option, not exposed by the API or the command. Off by default: no line of the output is indented, whole or
   * compiled on first call (README.md, "Output form"), since indentation was a third or more of the characters that
   * every host parses and an ahead-of-time compiler such as hermesc reads.
   */
  indent?: boolean;
  /**
   * Called as the whole-module source is generated (eagerly, or when a lazy module's `source` is read), with the
   * functions done and in all (at most about a hundred times, and once at the end), for progress displays.
   */
  onProgress?: (done: number, total: number) => void;
}

/** What the factory returns for one instance (docs/js-abi.md, "What the factory returns"). */
export interface FactoryResult {
  /** The defined functions, by DefinedFuncIndex, with the wasm calling convention. */
  // biome-ignore lint/suspicious/noExplicitAny: each function's parameters and result are typed by its wasm signature
  readonly funcs: readonly ((...args: any[]) => any)[];
  /** Per GlobalIndex: evaluates a defined global's initializer (null for imported globals). */
  readonly globalInit: readonly ((() => unknown) | null)[];
  /** Per TableIndex: evaluates a table's initializer expression (null when it has none). */
  readonly tableInit: readonly ((() => unknown) | null)[];
  /**
   * By ElemIndex: evaluates an active segment's offset; absent where the offset is one `i32.const` (and for passive
   * and declarative segments). `elemSegmentOffset` reads either.
   */
  readonly elemOffset: { readonly [elem: number]: (() => number | bigint) | null | undefined };
  /**
   * By ElemIndex: evaluates every item of the segment, in order; absent where the items are function indices.
   * `elemSegmentItems` reads either.
   */
  readonly elemItems: { readonly [elem: number]: (() => unknown[]) | undefined };
  /**
   * By DataIndex: evaluates an active segment's offset; absent where the offset is one `i32.const` (and for passive
   * segments). `dataSegmentOffset` reads either (an artifact before abi/1.26 has an array with every segment).
   */
  readonly dataOffset: { readonly [data: number]: (() => number | bigint) | null | undefined };
}

/** The factory: called once per instance with the runtime's builtins and the filled vmctx. */
export type Factory = (rt: unknown, vmctx: unknown[]) => FactoryResult;

/** A module compiled by the JS backend. */
export interface CompiledModule {
  /** The environ Module (validated). */
  readonly module: Module;
  /**
   * JS function-expression text: `(function (rt, vmctx) { ... return { funcs, ... } })`. Lazily compiled modules
   * generate it when it is first read (it is not what `loadFactory` runs for them).
   */
  readonly source: string;
  /** Names of the `rt` members the source uses (`trap`, `memoryGrow`, `V128`, ...). */
  readonly builtinsUsed: readonly string[];
  /** Per FuncIndex: the name section's function name, for backtraces. */
  readonly funcNames: readonly (string | null)[];
  /** The tunables the code was generated for. */
  readonly tunables: Tunables;
  /** Lazily compiled: the per-function sources `loadFactory` evaluates on first call (absent when compiled whole). */
  readonly lazy?: LazyModule;
  /**
   * Characters of JavaScript generated so far: the whole `source`'s length when compiled whole; when lazily
   * compiled, the constant expressions' source and the source of each function compiled on its first call (reading
   * it translates nothing, where reading `source` translates every function).
   */
  readonly sourceLength: number;
}

/** Compiles a validated module to the JS backend's factory source. */
export function compileModule(module: Module, options: CompileOptions = {}): CompiledModule {
  const tunables = makeTunables(options.tunables);
  // call-depth counting only when the embedder sets a depth limit explicitly (the host's own stack
  // overflow already becomes a StackOverflow trap at the entry point)
  const callDepth = options.tunables?.maxCallDepth !== undefined;
  const funcNames: (string | null)[] = [];
  for (let i = FuncIndex(0); i < module.functions.length; i++) funcNames.push(module.names.functions.get(i) ?? null);
  const forms: CodeForms = {
    splitChars: options.splitChars,
    inline: options.inline !== false,
    byteLoads: options.byteLoads,
    plainFloatLoads: options.plainFloatLoads === true,
    feedbackWarmup: options.feedbackWarmup === true,
    branchCondValues: options.branchCondValues ?? false,
    wordLoads: options.wordLoads === true,
    floatFeedback: options.floatFeedback !== false,
    byteStores: options.byteStores === true,
    nanBits: options.nanBits !== false,
    scheduleGates: options.scheduleGates === true,
    signedAddresses: options.signedAddresses === true,
  };
  const ir = options.ir === true;
  // the whole-module source: now, or for a lazy module when `source` is first read (ahead-of-time output)
  const emitWhole = () =>
    emitModule(
      module,
      tunables,
      callDepth,
      options.operatorCost,
      forms,
      ir,
      options.onProgress,
      options.indent === true,
    );
  if (options.lazy === true) {
    const lazy = new LazyModule(module, tunables, callDepth, options.operatorCost, forms, ir);
    let whole: ReturnType<typeof emitModule> | null = null;
    const emit = () => {
      whole ??= emitWhole();
      return whole;
    };
    return {
      module,
      funcNames,
      tunables,
      lazy,
      get source() {
        return emit().source;
      },
      get builtinsUsed() {
        return emit().builtinsUsed;
      },
      get sourceLength() {
        return lazy.generatedChars;
      },
    };
  }
  const { source, builtinsUsed } = emitWhole();
  return { module, source, builtinsUsed, funcNames, tunables, sourceLength: source.length };
}

const factories = new WeakMap<CompiledModule, Factory>();

/**
 * What the host's `new Function` threw, as a typed error: codegen keeps its output within what JS parsers accept
 * (nesting, expression depth, operand counts), so this is a limit of this host that codegen did not foresee.
 */
function hostLimit(e: unknown): unknown {
  if (!(e instanceof RangeError || e instanceof SyntaxError)) return e;
  // a function compiled on its first call, with the stack nearly full: that is the guest's stack overflow
  if (e instanceof RangeError && /call stack/i.test(e.message)) return e;
  return new CodegenLimitError('hostLimit', `the host refused the generated code (${e.name}: ${e.message})`, 0);
}

/**
 * Lines the host's `new Function` puts before the body it is given (`function anonymous(H` and `) {`): a frame at
 * line n of an evaluated source is at line n + this in the host's stack trace.
 */
const FUNCTION_HEAD_LINES = 2;

/** Evaluates one generated function expression, with codegen's numeric helpers bound as `H`. */
function evaluate(source: string, url: string): unknown {
  try {
    return new Function('H', `return ${source};${url}`)(HELPERS);
  } catch (e) {
    throw hostLimit(e);
  }
}

type Fn = (...args: unknown[]) => unknown;
type FunctionMaker = (rt: unknown, vmctx: unknown[], F: Fn[]) => Fn;

/**
 * The factory of a lazily compiled module. Per instance it makes one stub per defined function in the array `F`
 * (the instance's `funcs`); a stub's first call compiles its function (its source evaluated once per module, then
 * called with this instance's `rt`, `vmctx` and `F`), puts it in `F` and in the function's VMFuncRef, where
 * calls from other functions, tables and the host find it, and calls it.
 */
function lazyFactory(lazy: LazyModule, url: string): Factory {
  const consts = evaluate(lazy.constSource, url) as ConstFactory;
  return stubFactory(lazy.env.module, lazy.env.offsets, consts, (i) => {
    const source = lazy.functionSource(i);
    lazy.generatedChars += source.length;
    // once per module: the pieces it declares are shared by every instance (src/shared-pieces.ts)
    return (evaluate(source, url) as () => FunctionMaker)();
  });
}

type ConstFactory = (rt: unknown, vmctx: unknown[]) => Omit<FactoryResult, 'funcs'>;

/**
 * A factory whose functions are made one by one on first call: `consts` gives the factory's result but `funcs`,
 * `makerOf(i)` the maker of defined function `i` (asked once per module). The machinery of `lazyFactory`, shared
 * with the ahead-of-time code kept in groups (`bindGroupedFactory`).
 */
function stubFactory(
  module: Module,
  offsets: VMOffsets,
  consts: ConstFactory,
  makerOf: (i: number) => FunctionMaker,
): Factory {
  const n = module.bodies.length;
  const makers: (FunctionMaker | undefined)[] = new Array(n);
  return (rt, vmctx) => {
    const F: Fn[] = new Array(n);
    const compile = (i: number, stub: Fn): Fn => {
      let make = makers[i];
      if (make === undefined) {
        make = makerOf(i);
        makers[i] = make;
      }
      const fn = make(rt, vmctx, F);
      F[i] = fn;
      const slot = offsets.funcRef(funcIndexOfDefined(module, DefinedFuncIndex(i)));
      const ref = slot >= 0 ? (vmctx[slot] as { fn: Fn } | null) : null;
      if (ref !== null && ref.fn === stub) ref.fn = fn;
      return fn;
    };
    for (let i = 0; i < n; i++) {
      // a function another instance already compiled is bound now: a call site that saw a stub before the
      // function would stay megamorphic in V8's feedback (no inlining) for every instance
      const make = makers[i];
      if (make !== undefined) {
        F[i] = make(rt, vmctx, F);
        continue;
      }
      const stub: Fn = (...args) => (F[i] === stub ? compile(i, stub) : F[i])(...args);
      // the pair-ABI entry of a function with i64 values (calls from other wasm functions)
      (stub as Fn & { $p: Fn }).$p = (...args) =>
        ((F[i] === stub ? compile(i, stub) : F[i]) as Fn & { $p: Fn }).$p(...args);
      F[i] = stub;
    }
    return { funcs: F, ...consts(rt, vmctx) };
  };
}

/**
 * The sources of a module's code in groups, for ahead-of-time output too large for one file (wasmts's
 * `Module.serializeJsGroups`): the constant expressions' factory `(function (rt, vmctx) {...})`, and the functions in
 * groups of consecutive defined functions, each group the text of an array of makers
 * `[(function () { <pieces>; return (function (rt, vmctx, F) {...}); })(), ...]`, of at most about `groupChars` characters (a group holds at least one
 * function). The sources are those of lazy compilation (README.md, "Lazy compilation"); `builtinsUsed` is theirs.
 */
export function groupedSources(
  compiled: CompiledModule,
  groupChars: number,
): { consts: string; groups: { source: string; count: number }[]; builtinsUsed: string[] } {
  const lazy = compiled.lazy;
  if (lazy === undefined) throw new TypeError('groupedSources needs a lazily compiled module');
  const groups: { source: string; count: number }[] = [];
  let parts: string[] = [];
  let chars = 0;
  const flush = () => {
    groups.push({ source: `[\n${parts.join(',\n')}\n]`, count: parts.length });
    parts = [];
    chars = 0;
  };
  for (let i = 0; i < compiled.module.bodies.length; i++) {
    // called as the group is loaded: the maker, and the function's pieces shared by every instance
    const source = `${lazy.functionSource(i)}()`;
    if (parts.length > 0 && chars + source.length > groupChars) flush();
    parts.push(source);
    chars += source.length + 2;
  }
  if (parts.length > 0) flush();
  return { consts: lazy.constSource, groups, builtinsUsed: [...lazy.env.builtins].sort() };
}

/** One group of ahead-of-time functions (`groupedSources`): how many, and its code when first needed. */
export interface FunctionGroup {
  /** The number of consecutive defined functions in the group. */
  readonly count: number;
  /** The group's code: a function of codegen's numeric helpers returning the array of its functions' makers. */
  readonly load: () => (helpers: never) => unknown;
}

/**
 * The factory of ahead-of-time code kept in groups (`groupedSources`): `consts` is the function
 * `function (H) { return <consts source> }`, and each group's code is loaded (`load`) and called once, on the first
 * call of one of its functions, as `lazyFactory` compiles a function; no `new Function`. The groups' counts must add
 * up to the module's defined functions.
 */
export function bindGroupedFactory(
  module: Module,
  consts: (helpers: never) => unknown,
  groups: readonly FunctionGroup[],
): Factory {
  const c = consts(HELPERS as never);
  if (typeof c !== 'function') throw new TypeError('the precompiled code did not return a constants factory');
  const n = module.bodies.length;
  // the group of each defined function, and its first function
  const groupOf = new Int32Array(n);
  const firsts: number[] = [];
  let at = 0;
  groups.forEach((g, k) => {
    if (!Number.isInteger(g.count) || g.count < 1 || at + g.count > n)
      throw new TypeError('the precompiled function groups do not match the module');
    firsts.push(at);
    groupOf.fill(k, at, at + g.count);
    at += g.count;
  });
  if (at !== n) throw new TypeError('the precompiled function groups do not match the module');
  const loaded: (readonly unknown[] | undefined)[] = new Array(groups.length);
  return stubFactory(module, new VMOffsets(module), c as ConstFactory, (i) => {
    const k = groupOf[i];
    let makers = loaded[k];
    if (makers === undefined) {
      const g = groups[k].load()(HELPERS as never);
      if (!Array.isArray(g) || g.length !== groups[k].count)
        throw new TypeError(`the precompiled function group ${k} does not match the module`);
      makers = g;
      loaded[k] = g;
    }
    const make = makers[i - firsts[k]];
    if (typeof make !== 'function') throw new TypeError(`the precompiled function group ${k} is not code`);
    return make as FunctionMaker;
  });
}

/**
 * Evaluates the factory source once per compiled module (with codegen's numeric helpers bound as `H`).
 * `sourceName` (letters, digits, `-`, `_`, `.`) names the generated script in JS stack traces
 * (`//# sourceURL=`), so frames of different modules can be told apart.
 */
export function loadFactory(compiled: CompiledModule, sourceName?: string): Factory {
  let f = factories.get(compiled);
  if (f === undefined) {
    if (sourceName !== undefined && !/^[\w.-]+$/.test(sourceName)) throw new TypeError('invalid source name');
    const url = sourceName === undefined ? '' : `\n//# sourceURL=${sourceName}`;
    f = compiled.lazy === undefined ? (evaluate(compiled.source, url) as Factory) : lazyFactory(compiled.lazy, url);
    factories.set(compiled, f);
  }
  return f;
}

/**
 * The factory of ahead-of-time code compiled with the app (wasmts's `Module.fromPrecompiled`): `code` is the function
 * `function (H) { return <source> }` of a JS module that wasmts's `Module.serializeJs` wrote, called once with
 * codegen's numeric helpers as `loadFactory` evaluates a source, but with no `new Function`.
 */
export function bindFactory(code: (helpers: never) => unknown): Factory {
  const f = code(HELPERS as never);
  if (typeof f !== 'function') throw new TypeError('the precompiled code did not return a module factory');
  return f as Factory;
}

/**
 * The module offset of the wasm operator at a position of a JS stack trace (1-based line and column, as the host
 * prints them) in the lazily compiled source of function `funcIndex`: a call, a load or another operator that may
 * trap, where its code was folded into the line, else the operator that began the line. Null for whole-module
 * sources (artifacts), IR output, imports, and lines that no operator began.
 */
export function sourcePosition(
  compiled: CompiledModule,
  funcIndex: FuncIndex,
  line: number,
  column: number,
): number | null {
  const lazy = compiled.lazy;
  const i = funcIndex - compiled.module.numImportedFuncs;
  if (lazy === undefined || i < 0 || i >= compiled.module.bodies.length) return null;
  return lazy.offsetAt(i, line - FUNCTION_HEAD_LINES, column);
}

/**
 * Where a position (1-based line and column) of the generated source of function `funcIndex` lies in the code of a
 * callee inlined there (README.md, "Inlining"): the callee and the module offset of its operator, or null (not in
 * inlined code). `sourcePosition` gives the call's offset at the same position.
 */
export function sourceInlined(
  compiled: CompiledModule,
  funcIndex: FuncIndex,
  line: number,
  column: number,
): { funcIndex: FuncIndex; offset: number } | null {
  const lazy = compiled.lazy;
  const module = compiled.module;
  const i = funcIndex - module.numImportedFuncs;
  if (lazy === undefined || i < 0 || i >= module.bodies.length) return null;
  const at = lazy.inlinedAt(i, line - FUNCTION_HEAD_LINES, column);
  if (at === null) return null;
  // the body holding the offset (bodies lie in the code section in order)
  let lo = 0;
  let hi = module.bodies.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (module.bodies[mid].codeStart <= at) lo = mid;
    else hi = mid - 1;
  }
  return { funcIndex: funcIndexOfDefined(module, DefinedFuncIndex(lo)), offset: at };
}

/**
 * The wasm function index of a generated JS function name as it appears in a stack trace (`f12`,
 * `f12$t`, the pair-ABI entry `f12$p` and the pair-ABI trampoline `f12$q`, the pieces of a split body `f12$s1`,
 * `f12$p$s2`...), or -1 for any other name.
 */
export function funcIndexOfFrameName(name: string): FuncIndex | -1 {
  const m = /^f(\d+)(\$[tpq])?(\$s\d+)?(\$o\d+)?$/.exec(name);
  return m === null ? -1 : FuncIndex(Number(m[1]));
}
/** The wasm backend: the module re-encoded with fuel, epoch and call-depth hooks for the host's WebAssembly engine. */
export * from './wasm/index.js';

/**
 * How many defined functions of `module` the IR pipeline covers (`CompileOptions.ir`), and per reason (the first
 * operator or type it does not cover) how many it leaves to the one-pass translator.
 */
export function measureIrCoverage(module: Module, options: CompileOptions = {}): IrCoverage {
  const env = new ModuleEnvironment(module, makeTunables(options.tunables), false, options.operatorCost);
  const nImp = module.numImportedFuncs;
  module.bodies.forEach((body, i) => {
    if (buildAndOptimize(env, nImp + i, body.codeStart, body.range.end, body.locals) !== null) irCoverage(env).ir++;
  });
  return irCoverage(env);
}
