// The FuncEnvironment of the JS backend: the one place that knows how a vmctx slot, a memory, a table, a
// global, a tag, a call or a trap is written in generated JavaScript, and which runtime builtins (`rt.*`)
// the module uses. Per-instance values (memory, table, global and tag objects, imported functions) are
// read from the vmctx once, when the factory runs, into `const`s the function bodies close over.

import {
  FUEL_WINDOW,
  type FuncIndex,
  type FuncType,
  type GlobalIndex,
  globalLayout,
  type Libcall,
  type MemoryIndex,
  type Module,
  OPERATORS,
  OPS,
  OpFlag,
  operatorFor,
  type TableIndex,
  type TagIndex,
  type Tunables,
  VMCTX_EPOCH_COUNTER,
  VMCTX_RUNTIME_LIMITS,
  VMCTX_TYPE_IDS,
  VMOffsets,
} from '@wasmts/environ';
import { EPOCH_SILENT, epochEntryChecks } from './epoch-entries.js';
import { type InlineCallee, inlineCallee } from './inline.js';
import { MAX_INDENT, OVERDRAW_CHECK_COST, SPLIT_CHARS } from './limits.js';

/**
 * The first letter of a memory view's name, followed by the memory variable's number (`D0` is `m0`'s DataView): no
 * other name of the generated code is an upper-case letter followed by digits but labels (`L`, `S`, `P`, `H`) and the
 * hoisted values `F`, `T`, `V` (README.md, "Output form").
 */
const VIEW_LETTER = { dv: 'D', u8: 'U', len: 'N', wlen: 'W', wn: 'Q', i32: 'I', f32: 'J', f64: 'K' } as const;

/** The spaces a line of generated code begins with (no generated line is inside a string or template literal). */
const LEADING_SPACES = /^ +/gm;

/** Placeholders `\u0001<FuncIndex>\u0001` for tail callees, resolved by `emitModule`. */
export const TAIL_CALLEE = /\u0001(\d+)\u0001/g;
/** The placeholder of `pairTailCallee` in whole-module output, resolved like `TAIL_CALLEE`. */
export const PAIR_TAIL_CALLEE = /\u0002(\d+)\u0002/g;

/** The fuel an operator costs, by its text name (`i32.add`, `br_if`, `memory.grow`...). */
export type OperatorCost = (name: string) => number;

/**
 * Operators wasmtime charges no fuel for (they generate no code, or only end or leave a block): those with
 * `OpFlag.FuelFree` in environ's operator table, in opcode order.
 */
export const FREE_OPERATORS: readonly string[] = OPERATORS.filter((op) => (op.flags & OpFlag.FuelFree) !== 0).map(
  (op) => op.name,
);
const FREE = new Set(FREE_OPERATORS);

/** wasmtime's fuel costs: 1 per operator, 0 for `FREE_OPERATORS`. */
export const defaultOperatorCost: OperatorCost = (name) => (FREE.has(name) ? 0 : 1);

/**
 * How the JS backend reads single bytes of memory: `'typed-array'` indexes the memory's Uint8Array (and calls the
 * DataView only for an index out of bounds, whose RangeError is the bounds check), several times faster in an
 * interpreter (JavaScriptCore without JIT, V8 --jitless), where a DataView getter is a native call; `'dataview'`
 * calls `getUint8`/`getInt8`, which V8's optimizing tier inlines and which measured up to 9% faster there on
 * byte-heavy programs (crc32, lz77).
 */
export type ByteLoads = 'typed-array' | 'dataview';

/** A memory view's name and the indices in `hoisted` of its declaration and its memory's. */
interface ViewName {
  name: string;
  at: number;
  memoryAt: number;
}

/** The typed-array views word loads read (`ModuleEnvironment.wordLoad`). */
export type ElementView = 'i32' | 'f32' | 'f64';
/** The per-memory variables of the factory (`ModuleEnvironment.memView`). */
type MemView = 'dv' | 'u8' | 'len' | 'wlen' | 'wn' | ElementView;
/** Per element view: its size, the shift from a byte address to its index, its DataView getter and its array. */
const ELEMENT: Readonly<Record<ElementView, { size: number; shift: number; get: string; array: string }>> = {
  i32: { size: 4, shift: 2, get: 'getInt32', array: 'Int32Array' },
  f32: { size: 4, shift: 2, get: 'getFloat32', array: 'Float32Array' },
  f64: { size: 8, shift: 3, get: 'getFloat64', array: 'Float64Array' },
};

/** Module-wide state shared by the translation of every function: hoisted constants and used builtins. */
export class ModuleEnvironment {
  readonly offsets: VMOffsets;
  /** `const` declarations run once per instance, in order, before the functions are defined. */
  readonly hoisted: string[] = [];
  private readonly hoistedKeys = new Map<string, string>();
  /** Names of `rt` members generated code uses (`trap`, `memoryGrow`, `V128`, ...). */
  readonly builtins = new Set<Libcall>();
  /** Defined functions (by FuncIndex) that perform tail calls (they get an inner body and a trampoline). */
  readonly tailCallers = new Set<number>();
  /**
   * Whether any body uses the legacy `delegate` bookkeeping. Read as each body is translated: under lazy validation
   * (`Module.pendingBodies`) `featuresUsed` grows as bodies are validated, and a body's own legacy operators are
   * in it before the body is translated (`dlg` is a local of the function that uses `delegate`).
   */
  get legacyExceptions(): boolean {
    return this.module.featuresUsed.has('legacyExceptions');
  }
  /** Characters of JS above which a function body is split into pieces (`SPLIT_CHARS`; tests force it small). */
  splitChars = SPLIT_CHARS;
  /** How byte loads read memory (`CompileOptions.byteLoads`): the memory's Uint8Array, or its DataView. */
  byteLoads: ByteLoads = 'typed-array';
  /** Whether aligned i32 loads read the memory's Int32Array first (`CompileOptions.wordLoads`, `wordLoad`). */
  wordLoads = false;
  /** Whether byte stores write the memory's Uint8Array, checked against its length (`CompileOptions.byteStores`). */
  byteStores = false;
  /** Whether an offset-0 access to a memory below 2^31 bytes reads at its int32 name (`CompileOptions.signedAddresses`). */
  signedAddresses = false;
  /**
   * A comparison's i32 value as `c ? 1 : 0` instead of `+(c)` (`CompileOptions.branchCondValues`): an interpreter
   * converts a boolean to a number on a slow path (JavaScriptCore's LLInt), a JIT makes `+(c)` a setcc.
   */
  branchCondValues = false;
  /** Whether a number tested as a condition is compared with 0 (`CompileOptions.branchCondValues` `true`). */
  zeroTests = false;
  /** Whether functions with a loop get a feedback warm-up (`CompileOptions.feedbackWarmup`). */
  feedbackWarmup = false;
  /** Whether long straight-line runs get scheduling gates (`CompileOptions.scheduleGates`, src/gates.ts). */
  scheduleGates = false;
  /** Whether float operators get a heap-number operand for V8's feedback (`CompileOptions.floatFeedback`). */
  floatFeedback = true;
  /** Whether a float load feeding only arithmetic is the getter alone (`CompileOptions.plainFloatLoads`). */
  plainFloatLoads = false;
  /** Whether f64 values are kept from holding a NaN's payload as numbers (`CompileOptions.nanBits`). */
  nanBits = true;
  /**
   * Levels of indentation in the output at most (deeper code is indented as this level): `MAX_INDENT` where the
   * output is read by people (`CompileOptions.indent`: test/disas; the API and the command do not set it), else 0, and `outdent`
   * takes the fixed indentation of the translator's templates off too: indentation was up to half the characters
   * every host parses (Go's deeply nested bodies), a third of sql.js's whole-module source (README.md, "Output form").
   */
  maxIndent = MAX_INDENT;

  /** A function's translated source as emitted: without leading spaces on any line unless indenting (`maxIndent`). */
  outdent(source: string): string {
    return this.maxIndent === 0 ? source.replace(LEADING_SPACES, '') : source;
  }

  /**
   * `callDepth`: count wasm call depth against `VMRuntimeLimits.stackLimit` (trap StackOverflow), for
   * hosts whose own stack limit is not enough.
   */
  constructor(
    readonly module: Module,
    readonly tunables: Tunables,
    readonly callDepth = false,
    private readonly operatorCost: OperatorCost = defaultOperatorCost,
    /**
     * Lazy compilation: each function is its own unit of source, compiled on its first call, which calls the
     * module's other functions through the instance's array `F` (by DefinedFuncIndex) and declares the hoisted
     * values it uses itself.
     */
    readonly lazy = false,
  ) {
    this.offsets = new VMOffsets(module);
    if (lazy) this.maxIndent = 0;
    if (tunables.consumeFuel) {
      for (let op = 0; op < 256; op++) {
        const info = OPS[op];
        this.fuelCosts[op] = info === undefined ? -1 : this.costOf(info.name);
      }
    }
  }

  /**
   * Whether a direct call of a small leaf function is translated as the callee's body (src/inline.ts; README.md,
   * "Inlining"). With fuel or an explicit call-depth limit the caller makes the callee's entry checks in its place.
   */
  inlining = true;
  private readonly inlineCallees = new Map<FuncIndex, InlineCallee | null>();

  /** The body of function `f` if a direct call of it is translated as that body, else null. */
  inlineCallee(f: FuncIndex): InlineCallee | null {
    if (!this.inlining) return null;
    let c = this.inlineCallees.get(f);
    if (c === undefined) {
      c = inlineCallee(this.module, f, this.funcType(f));
      this.inlineCallees.set(f, c);
    }
    return c;
  }

  private epochEntries: Uint8Array | null = null;
  /** Whether defined function `f` (a FuncIndex) checks the epoch at its entry (`epochEntryChecks`). */
  epochEntryCheck(f: FuncIndex): boolean {
    this.epochEntries ??= epochEntryChecks(this.module);
    return this.epochEntries[f - this.module.numImportedFuncs] === 1;
  }

  /**
   * Whether a call to function `f` runs no epoch check and no host code (`EPOCH_SILENT`: a defined function without
   * loops, imports, indirect calls or growth, calling only such functions), so it cannot move the deadline.
   */
  epochSilent(f: FuncIndex): boolean {
    if (f < this.module.numImportedFuncs) return false;
    this.epochEntries ??= epochEntryChecks(this.module);
    return this.epochEntries[f - this.module.numImportedFuncs] === EPOCH_SILENT;
  }

  /** Fuel per single-byte opcode; -1 for prefixes, whose cost depends on the sub-opcode (`prefixedCost`). */
  readonly fuelCosts = new Float64Array(256);
  private readonly prefixedCosts = new Map<number, number>();

  /** The fuel cost of a prefixed operator. */
  prefixedCost(prefix: number, sub: number): number {
    const key = prefix * 0x10000 + sub;
    let c = this.prefixedCosts.get(key);
    if (c === undefined) {
      const info = operatorFor(prefix, sub);
      c = info === undefined ? 1 : this.costOf(info.name);
      this.prefixedCosts.set(key, c);
    }
    return c;
  }

  private costOf(name: string): number {
    const c = this.operatorCost(name);
    if (!Number.isSafeInteger(c) || c < 0)
      throw new RangeError(`fuel cost of \`${name}\` must be a non-negative integer, got ${c}`);
    return c;
  }

  /** Declares `var name = init` once per instance (deduplicated by `init`) and returns the name. */
  hoist(prefix: string, init: string): string {
    return this.hoistKeyed(prefix, init, init);
  }

  /**
   * `hoist`, for a value that costs memory per instance (a lookup table): while fewer than `limit` values of `family`
   * are hoisted in the module; beyond that, null (the caller takes a form without it). Deduplicated as `hoist`.
   */
  hoistCapped(prefix: string, family: string, init: string, limit: number): string | null {
    if (!this.hoistedKeys.has(init)) {
      const n = this.cappedCounts.get(family) ?? 0;
      if (n >= limit) return null;
      this.cappedCounts.set(family, n + 1);
    }
    return this.hoist(prefix, init);
  }
  private readonly cappedCounts = new Map<string, number>();

  /**
   * The flag of function `f`'s feedback warm-up (`true` until its first call runs the warm-up loop; see
   * "Feedback before the first loop" in README.md), one per instance.
   */
  warmupFlag(f: number): string {
    return this.hoistKeyed('fw', `warmup ${f}`, 'true');
  }

  /** The per-instance `Int32Array(2)` of the scheduling gates (src/gates.ts), whose element 0 stays 0. */
  gateArray(): string {
    return this.hoistKeyed('gz', 'scheduling gates', 'new Int32Array(2)');
  }

  /** `hoist` deduplicated by `key` instead of by `init`. */
  private hoistKeyed(prefix: string, key: string, init: string): string {
    const existing = this.hoistedKeys.get(key);
    if (existing !== undefined) {
      this.use(existing);
      return existing;
    }
    const name = `${prefix}${this.hoistedKeys.size}`;
    this.hoistedKeys.set(key, name);
    this.hoistedAt.set(name, this.hoisted.length);
    // `var`: JavaScriptCore's interpreter checks a `const` or `let` of an enclosing scope for its TDZ at every read
    this.hoisted.push(`var ${name} = ${init};`);
    this.use(name);
    return name;
  }
  /** Per hoisted name: the index in `hoisted` of its declaration (a memory's view: of its two lines). */
  private readonly hoistedAt = new Map<string, number>();
  /** Lazy compilation: the indices in `hoisted` of what the unit being translated uses, or null. */
  private unitUses: Set<number> | null = null;
  /** Lazy compilation: the defined function being translated (its own direct calls call it by name), or -1. */
  private unitFunc = -1;

  /**
   * Whether the pieces of the function being translated are declared once per module (src/shared-pieces.ts): a
   * function compiled on its first call; not the constant expressions' unit, nor the whole-module factory.
   */
  get sharedPieces(): boolean {
    return this.lazy && this.unitFunc >= 0;
  }

  private use(name: string): void {
    if (this.unitUses === null) return;
    const at = this.hoistedAt.get(name) as number;
    this.unitUses.add(at);
  }

  /**
   * Lazy compilation: starts translating one unit (a function `f`, or the constant expressions with `f` = -1),
   * whose source declares only the hoisted values it uses (`endUnit`).
   */
  beginUnit(f: FuncIndex | -1): void {
    this.unitUses = new Set();
    this.unitFunc = f;
  }
  /** The declarations of the hoisted values the unit used, in order (a value before those that read it). */
  endUnit(): string[] {
    const uses = [...(this.unitUses as Set<number>)].sort((a, b) => a - b);
    this.unitUses = null;
    this.unitFunc = -1;
    return uses.map((i) => this.hoisted[i]);
  }

  /** Marks a libcall (environ's `LIBCALLS`) as used and returns the expression naming it. */
  rt(name: Libcall): string {
    this.builtins.add(name);
    return `rt.${name}`;
  }

  /** A trap statement/expression: `rt.trap(code)` (throws). */
  trap(code: number): string {
    return `${this.rt('trap')}(${code})`;
  }

  /** The function type of a function index. */
  funcType(f: FuncIndex): FuncType {
    return this.typeAt(this.module.functions[f]);
  }

  /** The function type at a type index. */
  typeAt(t: number): FuncType {
    return this.module.types[t].composite as FuncType;
  }

  /** The memory object of memory `i`. */
  memory(i: MemoryIndex): string {
    return this.hoist('m', `vmctx[${this.offsets.memory(i)}]`);
  }
  private readonly memViews = new Set<string>();

  /**
   * The DataView generated code loads from and stores to memory `i` through (`D0`): a variable of the
   * factory, set by the callback it registers with the runtime Memory's `watch` whenever the buffer changes
   * (growth by this instance, another one or the host; `release`), so an access never reads `mem.dv`.
   */
  memDv(i: number): string {
    return this.memView(i, 'dv');
  }

  /** The Uint8Array over memory `i` (`U0`), kept up to date as `memDv`'s DataView is. */
  memU8(i: number): string {
    return this.memView(i, 'u8');
  }

  /** Per memory: its view's name and the declarations it needs (`memView`, asked at every access). */
  private readonly viewNames: Record<MemView, ViewName[]> = {
    dv: [],
    u8: [],
    len: [],
    wlen: [],
    wn: [],
    i32: [],
    f32: [],
    f64: [],
  };

  /**
   * The view of memory `i` named `view`: its DataView (`D0`), its Uint8Array (`U0`), that array's length (`N0`),
   * the length in bytes of its Int32Array (`W0`: 0 where that array is empty; both for `byteStores`) and in words
   * (`Q0`, for `wordStore` and `pairStore`), or for word
   * loads an
   * Int32Array, Float32Array or Float64Array over its whole elements (`I0`, `J0`, `K0`, by
   * `H.elementView`: none on a big-endian host), each a factory variable kept up to date by the memory's `watch`.
   */
  private memView(i: number, view: MemView): string {
    const known = this.viewNames[view][i];
    if (known !== undefined) {
      if (this.unitUses !== null) this.unitUses.add(known.memoryAt).add(known.at);
      return known.name;
    }
    const m = this.memory(i as MemoryIndex);
    // short names (every access mentions one): `D0`, `U0`, `I0`, `J0`, `K0` for memory `m0`'s views
    const name = `${VIEW_LETTER[view]}${m.slice(1)}`;
    if (!this.memViews.has(name)) {
      this.memViews.add(name);
      this.hoistedAt.set(name, this.hoisted.length);
      const value =
        view === 'dv' || view === 'u8'
          ? `${m}.${view}`
          : view === 'len'
            ? `${m}.u8.length`
            : view === 'wlen'
              ? `H.elementView(${m}.u8, Int32Array).length * 4`
              : view === 'wn'
                ? `H.elementView(${m}.u8, Int32Array).length`
                : `H.elementView(${m}.u8, ${ELEMENT[view].array})`;
      this.hoisted.push(`var ${name} = ${value};\n${m}.watch(() => { ${name} = ${value}; });`);
    }
    this.use(name);
    this.viewNames[view][i] = {
      name,
      at: this.hoistedAt.get(name) as number,
      memoryAt: this.hoistedAt.get(m) as number,
    };
    return name;
  }

  /**
   * The expression of a byte load (`getUint8`/`getInt8`) at `addr` from memory `i`: an index into the memory's
   * Uint8Array, which JavaScriptCore's interpreter reads several times faster than it calls a DataView getter
   * (a native call); an index out of bounds reads `undefined`, and the DataView read at the same address then
   * throws the RangeError that is the bounds check. `addr` must be evaluated twice without effect: a name, a
   * number, or `ma` assigned by the caller (`(U0[ma = ...] ?? ...)` reads `ma` only after assigning it).
   */
  byteLoad(i: number, get: 'getUint8' | 'getInt8', index: string, again: string): string {
    if (this.byteLoads === 'dataview') return `${this.memDv(i)}.${get}(${index},1)`;
    const e = `(${this.memU8(i)}[${index}]??${this.memDv(i)}.getUint8(${again}))`;
    return get === 'getUint8' ? e : `(${e}<<24>>24)`;
  }

  /**
   * A byte store (`setInt8`) or an aligned i32 store (`setInt32`, declared aligned to 4, at an offset that is a
   * multiple of 4, to a 32-bit memory) of `value` at `addr` to memory `i`, as a statement. With `byteStores`, where
   * the address is below the length of the memory's Uint8Array (`N0`), or for a word a multiple of 4 below the length
   * in bytes of its Int32Array (`W0`; both kept by the same `watch` callback as the views), an indexed store into that
   * array (which stores the value modulo 2^8 or 2^32, as the setter does), and otherwise the DataView setter, whose
   * RangeError is the bounds check (the trap, nothing written): in V8's interpreter the indexed store and the tests
   * cost less than the setter's builtin call (README.md, "Stores through typed arrays"). `assign` evaluates the
   * address (`sa = expr`, or a name or number as `addr` is), `addr` reads it again; `value` is read in one branch
   * only, so it may be any expression without calls (the caller puts one that may call, which could grow the
   * memory, in `sv`).
   */
  arrayStore(i: number, set: 'setInt8' | 'setInt32', assign: string, addr: string, value: string): string {
    const dv = `${this.memDv(i)}.${set}(${addr},${value},1);`;
    if (!this.byteStores) return dv;
    if (set === 'setInt8')
      return `if ((${assign}) < ${this.memView(i, 'len')}) ${this.memU8(i)}[${addr}] = ${value}; else ${dv}`;
    const words = this.memView(i, 'i32');
    return `if ((${assign}) & 3 || ${addr} >= ${this.memView(i, 'wlen')}) ${dv} else ${words}[${addr}>>>2] = ${value};`;
  }

  /**
   * With `byteStores`, an aligned i32 store (`setInt32`, at an offset that is a multiple of 4, to a 32-bit memory) of
   * `value` at `(base>>>0)+offset` as a statement, indexed by words from the base: where the base is a multiple of 4
   * and the word index `(base>>>2)+offset/4` (below 2^31 for every base; kept in `sa`) is below the length in words of
   * the memory's Int32Array (`Q0`), an indexed store into that array; otherwise the DataView setter, whose RangeError
   * is the bounds check. Without the unsigned address and its shift back in the common case (`arrayStore` tests the
   * address): two bytecodes fewer in V8's Ignition. `assign` evaluates the base, an int32 (`ma = expr`, or a name as
   * `base` is), `base` reads it again (in the setter's branch only, before `value`); `value` has no calls.
   */
  wordStore(i: number, assign: string, base: string, offset: number, value: string): string {
    const addr = offset === 0 ? `(${base}>>>0)` : `(${base}>>>0)+${offset}`;
    const index = offset === 0 ? `${base}>>>2` : `(${base}>>>2)+${offset / 4}`;
    return `if ((${assign}) & 3 || (sa = ${index}) >= ${this.memView(i, 'wn')}) ${this.memDv(i)}.setInt32(${addr},${value},1); else ${this.memView(i, 'i32')}[sa] = ${value};`;
  }

  /** `wordStore` at the constant address `a`, a multiple of 4: the word index tested against `Q0` alone. */
  constWordStore(i: number, a: number, value: string): string {
    return `if (${a / 4} >= ${this.memView(i, 'wn')}) ${this.memDv(i)}.setInt32(${a},${value},1); else ${this.memView(i, 'i32')}[${a / 4}] = ${value};`;
  }

  /**
   * With `byteStores`, an i64 store on pairs (`hi` and `lo`, names or numbers) at `(base>>>0)+offset` (an offset
   * that is a multiple of 4, a 32-bit memory) as one statement, as `wordStore` stores one word: where the base is a
   * multiple of 4 and both words' indices are below `Q0`, two indexed stores into the Int32Array; otherwise the two
   * DataView setters, the high word first (its RangeError is the bounds check, before anything is written, as
   * `pairMemoryAccess` stores).
   */
  pairStore(i: number, assign: string, base: string, offset: number, lo: string, hi: string): string {
    const dv = this.memDv(i);
    const addr = offset === 0 ? `(${base}>>>0)` : `(${base}>>>0)+${offset}`;
    const index = offset === 0 ? `${base}>>>2` : `(${base}>>>2)+${offset / 4}`;
    const words = this.memView(i, 'i32');
    return `if ((${assign}) & 3 || (sa = ${index}) + 1 >= ${this.memView(i, 'wn')}) { ${dv}.setInt32((${base}>>>0)+${offset + 4},${hi},1); ${dv}.setInt32(${addr},${lo},1); } else { ${words}[sa+1] = ${hi}; ${words}[sa] = ${lo}; }`;
  }

  /**
   * For `wordLoads`, the expression of a load of `view`'s element (an i32, f32 or f64: `getInt32`, `getFloat32`,
   * `getFloat64`) from memory `i` at `(base>>>0)+offset` (a 32-bit memory): where the address is a multiple of the
   * element's size, an index into the memory's typed array of that element (`memView`), which JavaScriptCore's
   * interpreter reads for far less than it calls a DataView getter (a native call; README.md, "Word loads");
   * otherwise, or for an index out of bounds (`undefined`), the DataView getter, whose RangeError is the bounds check.
   * `base` is an int32 expression evaluated once (the caller assigns anything but a name to `ma` first and passes
   * `ma`); the index `(base>>>k)+offset/size` stays below 2^31 where the address itself may not (a base of 2^32-4 and
   * an offset of 8), so only an offset that is a multiple of the size has this form (null otherwise), and the
   * alignment test is the base's. `assign` is the text that evaluates the base (`ma = expr`, or the name again).
   * A float element is the getter's number (a NaN read through a Float32Array/Float64Array is whatever NaN the host
   * makes of it, as from the getter): only for float loads whose NaN bits cannot be observed (`plainFloatLoads`).
   */
  wordLoad(i: number, assign: string, base: string, offset: number, view: ElementView = 'i32'): string | null {
    const { size, shift, get } = ELEMENT[view];
    if (!this.wordLoads || offset % size !== 0 || this.module.memories[i].index64) return null;
    const addr = offset === 0 ? `(${base}>>>0)` : `(${base}>>>0)+${offset}`;
    const dv = `${this.memDv(i)}.${get}(${addr},1)`;
    const index = offset === 0 ? `${base}>>>${shift}` : `(${base}>>>${shift})+${offset / size}`;
    const element = `${this.memView(i, view)}[${index}] ?? ${dv}`;
    // V8's Ignition branches on the number itself (`branchCondValues` 'values', no `zeroTests`)
    if (!this.zeroTests) return `(${assign} & ${size - 1} ? ${dv} : ${element})`;
    // `tc`: the line temporary; JavaScriptCore's interpreter runs the test through it in fewer instructions than
    // `(x & 3) !== 0` alone (callgrind: 406 against 484 per load in a loop)
    return `((tc = ${assign} & ${size - 1}) !== 0 ? ${dv} : ${element})`;
  }

  /**
   * The word-load form of a load from the constant address `a` (`wordLoad`), or null where `a` is not a multiple
   * of the element's size.
   */
  constWordLoad(i: number, a: number, view: ElementView = 'i32'): string | null {
    const { size, get } = ELEMENT[view];
    if (!this.wordLoads || a % size !== 0 || this.module.memories[i].index64) return null;
    return `(${this.memView(i, view)}[${a / size}]??${this.memDv(i)}.${get}(${a},1))`;
  }

  /** The table object of table `i`. */
  table(i: TableIndex): string {
    return this.hoist('t', `vmctx[${this.offsets.table(i)}]`);
  }
  /** The global cell of global `i`. */
  global(i: GlobalIndex): string {
    return this.hoist('g', `vmctx[${this.offsets.global(i)}]`);
  }
  /**
   * How global `i` is read and written, when not through its cell's `value`: `words`, a name bound to the Int32Array
   * of its words in its instance's global storage (environ's `globalLayout`: an i32, i64 or v128 global no other
   * instance can write), or `constant`, a name bound to the value of an immutable imported global, read once per instance
   * (imports are in place before the factory runs, and such a global never changes). Null otherwise.
   */
  globalAccess(i: GlobalIndex): { words: string } | { constant: string } | null {
    const slot = `vmctx[${this.offsets.global(i)}]`;
    if (globalLayout(this.module).word[i] >= 0) return { words: this.hoist('gw', `${slot}.words`) };
    if (i < this.module.numImportedGlobals && !this.module.globals[i].type.mutable)
      return { constant: this.hoist('gc', `${slot}.value`) };
    return null;
  }
  /** The tag object of tag `i`. */
  tag(i: TagIndex): string {
    return this.hoist('tg', `vmctx[${this.offsets.tag(i)}]`);
  }
  /** The engine-wide type id array (Int32Array by TypeIndex). */
  typeIds(): string {
    return this.hoist('T', `vmctx[${VMCTX_TYPE_IDS}]`);
  }
  /** The engine-wide canonical type id of type index `t` (read per instance). */
  typeId(t: number): string {
    return this.hoist('ty', `${this.typeIds()}[${t}]`);
  }
  /** The engine's epoch counter (a Float64Array of one element). */
  epochCounter(): string {
    return this.hoist('ep', `vmctx[${VMCTX_EPOCH_COUNTER}]`);
  }
  /** The store's runtime limits (environ's `VMRuntimeLimits`). */
  limits(): string {
    return this.hoist('lim', `vmctx[${VMCTX_RUNTIME_LIMITS}]`);
  }
  /**
   * Where compiled code finds the fuel left to it, an int32 element (the store's `VMRuntimeLimits.fuelWindow[0]`):
   * read into `fq` at entry and after a call or hook, stored as `fq - fu` before them and at the exits (README.md,
   * "Fuel and epochs in locals"). The one definition both the translator and the IR emitter use.
   */
  fuelLeft(): string {
    return `${this.hoist('fl', `vmctx[${VMCTX_RUNTIME_LIMITS}].fuelWindow`)}[0]`;
  }
  /**
   * The statement storing the fuel left at a function's exit (`fq - fu`); in a function that may consume more than
   * `OVERDRAW_CHECK_COST` (`cost`: the sum of its flushes), one keeping it above -`FUEL_WINDOW`.
   */
  fuelExit(cost: number): string {
    return this.fuelStore('fq - fu', cost);
  }
  /**
   * The statement of a function's handler (a `catch` that rethrows, the IR emitter's `finally`) adding `fu` to the
   * count: the window holds what was left at the last hand-over, so it is `window - fu`, kept above -`FUEL_WINDOW`
   * as `fuelExit` keeps it in a function that may consume more than `OVERDRAW_CHECK_COST`.
   */
  fuelHandler(cost: number): string {
    const left = this.fuelLeft();
    return cost <= OVERDRAW_CHECK_COST ? `${left} -= fu;` : this.fuelStore(`${left} - fu`, cost);
  }
  /** `fuelLeft() = left`, through `rt.fuelOverdrawn` when `left` may be -`FUEL_WINDOW` or below (`cost`). */
  private fuelStore(left: string, cost: number): string {
    const at = this.fuelLeft();
    if (cost <= OVERDRAW_CHECK_COST) return `${at} = ${left};`;
    // computed as doubles and stored only once in range: an int32 store of a value below -2^31 would wrap into fuel
    return `${at} = ${left} > ${-FUEL_WINDOW} ? ${left} : ${this.rt('fuelOverdrawn')}(vmctx, ${left});`;
  }
  /**
   * The statements of a fuel check that found the window used up (`fu >= fq`): the count handed over, the window
   * refilled by `rt.outOfGas` (which traps or calls the store's hook when no fuel is left), `fq` read again; the caller adds what else it reloads after a hook (`ec = -1`). The same code for every check of the
   * unit, with nothing at the check that needs type feedback (README.md, "The refill"): the check's `fq` and `fu`
   * go into two variables of the unit (`fa`, `fb`: a context slot is stored and loaded without feedback), and
   * the unit's refiller runs as the `toString` of an object a template literal converts (`ToString`, the one
   * operation that calls a function and has no feedback slot). A call there (`rt.outOfGas(vmctx)`, a subtraction,
   * a store into the window) is code optimized code has never run when the window runs out at that check, once
   * per 2^30 fuel: V8 deoptimized the function ("Insufficient type feedback for call / binary operation") and
   * compiled it again.
   */
  fuelRefill(): string {
    const a = this.hoistKeyed('fa', 'fuel refill: fq', '0');
    const b = this.hoistKeyed('fb', 'fuel refill: fu', '0');
    const left = this.fuelLeft();
    const refill = `${left} = ${a} - ${b}; ${this.rt('outOfGas')}(vmctx); ${a} = ${left}; return '';`;
    // no prototype: a `Symbol.toPrimitive` or `toString` the host put on Object.prototype is not what runs
    const r = this.hoistKeyed('fr', 'fuel refill', `{ __proto__: null, toString() { ${refill} } }`);
    // `fu = 0` before the refill, as at every hand-over: a handler adding `fu` after a trap there adds nothing
    return `${a} = fq; ${b} = fu; fu = 0; \`\${${r}}\`; fq = ${a};`;
  }
  /**
   * The statements of an epoch check that found the deadline reached (`epv[0] >= lim.epochDeadline`): with fuel the
   * count handed over and `fq` read again, `rt.newEpoch` (the deadline callback or the `Interrupt` trap), and `ec`
   * set to -1 when the hook says the deadline may have moved (the next loop header reads the epoch again). The same
   * shape as `fuelRefill` and for the same reason: the deadline is reached at a check once in a long while, code
   * optimized code has never run, and a call or a test of its result there needs type feedback V8 has not got
   * ("Insufficient type feedback for call", one deopt per check the first time). Here `ec` and the fuel locals go
   * through variables of the unit, and the hook runs as the `toString` of an object a template literal converts.
   */
  epochHook(): string {
    const fuel = this.tunables.consumeFuel;
    const e = this.hoistKeyed('ea', 'epoch hook: ec', '0');
    // the unit's variables are read before the hook and written after it: the deadline callback may run wasm that
    // reaches a check of this unit again
    const newEpoch = `const c = ${e}; ${e} = ${this.rt('newEpoch')}(vmctx) ? -1 : c;`;
    if (!fuel) {
      const r = this.hoistKeyed('er', 'epoch hook', `{ __proto__: null, toString() { ${newEpoch} return ''; } }`);
      return `${e} = ec; \`\${${r}}\`; ec = ${e};`;
    }
    const a = this.hoistKeyed('fa', 'fuel refill: fq', '0');
    const b = this.hoistKeyed('fb', 'fuel refill: fu', '0');
    const left = this.fuelLeft();
    const hook = `${left} = ${a} - ${b}; const c = ${e}, n = ${this.rt('newEpoch')}(vmctx); ${a} = ${left}; ${e} = n ? -1 : c; return '';`;
    const r = this.hoistKeyed('er', 'epoch hook', `{ __proto__: null, toString() { ${hook} } }`);
    return `${a} = fq; ${b} = fu; fu = 0; ${e} = ec; \`\${${r}}\`; fq = ${a}; ec = ${e};`;
  }
  /** The VMFuncRef of function `f` (read when used: func refs are created after the factory runs). */
  funcRef(f: FuncIndex): string {
    if (f < this.module.numImportedFuncs) return this.importedFunc(f);
    return `vmctx[${this.offsets.funcRef(f)}]`;
  }
  /** The VMFuncRef of imported function `f`. */
  importedFunc(f: FuncIndex): string {
    return this.hoist('F', `vmctx[${this.offsets.importedFunction(f)}]`);
  }
  /** The JS callee expression of a direct call to `f` (the normal calling convention). */
  callee(f: FuncIndex): string {
    if (f < this.module.numImportedFuncs) return `${this.importedFunc(f)}.fn`;
    if (this.lazy && f !== this.unitFunc) return `F[${f - this.module.numImportedFuncs}]`;
    return `f${f}`;
  }
  /** The JS callee expression of a direct call to defined function `f` in the pair ABI (`usesPairAbi`). */
  pairCallee(f: FuncIndex): string {
    if (this.lazy && f !== this.unitFunc) return `F[${f - this.module.numImportedFuncs}].$p`;
    return `f${f}$p`;
  }
  /**
   * The function a tail call to `f` asks the trampoline to run: the inner body of a function that makes
   * tail calls itself, else the function. Which one is known only once every body is translated, so this
   * is a placeholder that `emitModule` resolves (`TAIL_CALLEE`).
   */
  tailCallee(f: FuncIndex): string {
    // an imported wasm function's inner body, when it has one, keeps cross-module tail calls flat too
    if (f < this.module.numImportedFuncs) return `(${this.importedFunc(f)}.fn.$t || ${this.importedFunc(f)}.fn)`;
    // lazily: the callee may not be compiled yet (its stub has no `$t`, and runs the trampoline itself)
    if (this.lazy) {
      const c = `F[${f - this.module.numImportedFuncs}]`;
      return `(${c}.$t || ${c})`;
    }
    return `\u0001${f}\u0001`;
  }
  /**
   * The function a tail call to defined function `f` in the pair ABI asks the trampoline to run: the pair-ABI body
   * `f<i>$t` of a function that makes tail calls itself, else its entry `f<i>$p` (a placeholder until every body is
   * translated, `PAIR_TAIL_CALLEE`).
   */
  pairTailCallee(f: FuncIndex): string {
    if (this.lazy) {
      const c = `F[${f - this.module.numImportedFuncs}].$p`;
      return `(${c}.$t || ${c})`;
    }
    return `\u0002${f}\u0002`;
  }
  /** The WasmException class. */
  exceptionClass(): string {
    return this.hoist('WE', this.rt('WasmException'));
  }
}
