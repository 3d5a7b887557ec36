// The things instances import and export whose wrappers refer to each other: functions (`Func`, `TypedFunc`, and
// the `Caller` a host function receives, whose `getExport` makes any extern), tables and globals (their values may be
// functions), and the lookup of an instance's externs. Memories, tags, extern references and the entry trampoline
// have files of their own (memory.ts, tag.ts, extern-ref.ts, trampoline.ts).

import {
  type Export,
  type FloatValue,
  type FuncType,
  floatNumber,
  type GlobalType,
  isRef,
  type TableType,
  V128,
  type ValType as WasmValType,
} from '@wasmts/environ';
import {
  canonicalValType,
  HostError,
  Global as RuntimeGlobal,
  type Instance as RuntimeInstance,
  Table as RuntimeTable,
  type TypeRegistry,
  VMFuncRef,
  WasmException,
  type WasmFunction,
} from '@wasmts/runtime';
import { registerFuncType } from './engine.js';
import { Memory } from './memory.js';
import type { Store } from './store.js';
import { Tag } from './tag.js';
import {
  callWasm,
  checkRefArgs,
  foreignValue,
  foreignWhat,
  hostRefPositions,
  ownedRefPositions,
  rootIfRunning,
  unboxed,
} from './trampoline.js';
import {
  checkHostFuncArgs,
  checkNumericArgs,
  floatNumbers,
  floatPositions,
  fromRaw,
  resultList,
  toRaw,
  type Val,
  type ValContext,
  type ValType,
} from './values.js';
import { toWasmNumber } from './webassembly/values.js';
import { funcTypeOfNames, type JsParamsOf, type JsResultOf, type ValTypeName, type WrapType } from './wrap.js';
import { WrongStoreError } from './wrong-store.js';

/** Per-store API state: the Func of each function reference (identity is preserved). */
const funcCache = new WeakMap<object, WeakMap<VMFuncRef, Func>>();

/** The conversion context of a store. */
export function valContext(store: Store<unknown>): ValContext {
  return {
    registry: store.typeRegistry,
    funcOf: (ref) => Func.fromRef(store, ref),
    refOf: (f) => {
      if (f instanceof Func || f instanceof VMFuncRef) {
        if (f.store !== store) throw new WrongStoreError('function given as a funcref value');
        return f instanceof Func ? f.ref : f;
      }
      throw new TypeError('a funcref value must be a Func or null');
    },
    checkOwned: (v, what) => {
      if (foreignValue(store, v)) throw new WrongStoreError(what);
    },
  };
}

/** What a host function receives first: the store's data and the calling instance's exports. */
export class Caller<T = unknown> {
  /** The store. */
  readonly store: Store<T>;
  private readonly instance: () => RuntimeInstance | null;

  /** Creates a caller for calls from an instance (`instance()` gives it; null when called from the host). */
  constructor(store: Store<T>, instance: () => RuntimeInstance | null) {
    this.store = store;
    this.instance = instance;
  }
  /** The store's data. */
  get data(): T {
    return this.store.data;
  }
  set data(value: T) {
    this.store.data = value;
  }
  /** An export of the calling instance (memory, function, ...), or undefined. */
  getExport(name: string): Extern | undefined {
    const inst = this.instance();
    return inst === null ? undefined : exportOf(this.store, inst, name);
  }
}

/** A host function's implementation: raw values in the ABI's representation in and out. */
// biome-ignore lint/suspicious/noExplicitAny: a host function's parameters are typed by its wasm signature at run time
export type HostFunc<T> = (caller: Caller<T>, ...args: any[]) => unknown;

/** Results of a function type to look at: none, the single result, or positions in the result array. */
type ResultPositions = 'none' | 'single' | readonly number[];

/** What a host function's results need: rooting (host references) and a store check (function references). */
interface ResultChecks {
  readonly roots: ResultPositions;
  readonly funcRefs: ResultPositions;
  /** Converts numeric results by the JS API's ToWebAssemblyValue (`'12'` is 12 for an i32), or null. */
  readonly numbers: ((r: unknown) => unknown) | null;
}

/** The conversion of a host function's numeric results of `results` (null when it returns no number). */
function numericResults(results: readonly WasmValType[]): ((r: unknown) => unknown) | null {
  const numeric: number[] = [];
  for (let i = 0; i < results.length; i++) if (!isRef(results[i]) && results[i] !== V128) numeric.push(i);
  if (numeric.length === 0) return null;
  if (results.length === 1) {
    const t = results[0];
    return (r) => toWasmNumber(r, t);
  }
  return (r) => {
    if (!Array.isArray(r)) return r;
    const out = r.slice();
    for (const i of numeric) out[i] = toWasmNumber(out[i], results[i]);
    return out;
  };
}

/** Per type registry: the result checks of each function type id. */
const resultChecksCache = new WeakMap<TypeRegistry, Map<number, ResultChecks>>();

function resultChecks(registry: TypeRegistry, typeId: number): ResultChecks {
  let byType = resultChecksCache.get(registry);
  if (byType === undefined) resultChecksCache.set(registry, (byType = new Map()));
  let checks = byType.get(typeId);
  if (checks === undefined) {
    const results = registry.funcType(typeId).results;
    const of = (positions: readonly number[]): ResultPositions =>
      positions.length === 0 ? 'none' : results.length === 1 ? 'single' : positions;
    checks = {
      roots: of(hostRefPositions(results)),
      funcRefs: of(ownedRefPositions(results, registry)),
      numbers: numericResults(results),
    };
    byType.set(typeId, checks);
  }
  return checks;
}

/** Throws (boxed, so the call ends with it unchanged) if a host function returned a value of another store. */
function checkRefResults(store: Store<unknown>, r: unknown, positions: ResultPositions): void {
  if (positions === 'single') {
    if (foreignValue(store, r)) throw new HostError(new WrongStoreError(foreignWhat(r, 'result', null)));
  } else if (positions !== 'none' && Array.isArray(r)) {
    for (let i = 0; i < positions.length; i++) {
      const v = r[positions[i]];
      if (foreignValue(store, v)) throw new HostError(new WrongStoreError(foreignWhat(v, 'result', positions[i])));
    }
  }
}

/**
 * What a host function's throw becomes: a `WasmException` of `store` goes into wasm as a wasm exception
 * (handlers can catch it); anything else is boxed (`HostError`) and comes out of the call unchanged. An
 * exception of another store is a WrongStoreError.
 */
function thrownByHost(store: Store<unknown>, e: unknown): unknown {
  if (e instanceof HostError) return e;
  if (e instanceof WasmException) {
    return e.tag.store === store ? e : new HostError(new WrongStoreError('exception thrown by a host function'));
  }
  return new HostError(e);
}

/**
 * Host callbacks whose results are wasm values already (the drop-in's, converted by ToWebAssemblyValue): their
 * function references do not convert them again, so that a call takes the fixed-arity path (`fixedArity`).
 */
export const resultsConverted = new WeakSet<object>();

/**
 * Makes a host function's VMFuncRef in `store`: `fn` boxes whatever the host throws (a `HostError`)
 * except a `WasmException`, which is thrown into wasm as a wasm exception that handlers can catch,
 * refuses function references of another store among its results, and roots the host references it
 * returns to wasm until the outermost call returns.
 */
export function hostFuncRef<T>(
  store: Store<T>,
  typeId: number,
  callback: HostFunc<T>,
  instance: () => RuntimeInstance | null,
): VMFuncRef {
  const caller = new Caller(store, instance);
  const checks = resultChecks(store.typeRegistry, typeId);
  const { roots, funcRefs } = checks;
  const numbers = resultsConverted.has(callback) ? null : checks.numbers;
  // f32/f64 arguments reach the host as numbers (a NaN held as bits is an object inside wasm)
  const floats = floatPositions(store.typeRegistry.funcType(typeId).params);
  const plain = roots === 'none' && funcRefs === 'none' && numbers === null && floats.length === 0;
  const arity = store.typeRegistry.funcType(typeId).params.length;
  const fn =
    plain && arity <= 3
      ? fixedArity(store, caller, callback, arity)
      : plain
        ? (...args: unknown[]) => {
            try {
              return callback(caller, ...args);
            } catch (e) {
              throw thrownByHost(store, e);
            }
          }
        : (...args: unknown[]) => {
            let r: unknown;
            if (floats.length !== 0) floatNumbers(args, floats);
            try {
              r = callback(caller, ...args);
              if (numbers !== null) r = numbers(r);
            } catch (e) {
              throw thrownByHost(store, e);
            }
            checkRefResults(store, r, funcRefs);
            const table = store.externRefActivations;
            if (roots === 'single') table.insert(r);
            else if (roots !== 'none' && Array.isArray(r))
              for (let i = 0; i < roots.length; i++) table.insert(r[roots[i]]);
            return r;
          };
  return new VMFuncRef(fn, typeId, null, store);
}

/**
 * A host function's `fn` for a signature of up to three parameters and no references: declared with exactly
 * its parameters (no rest parameter and spread, which cost a call from the host engine's wasm code several
 * times the call itself).
 */
function fixedArity<T>(store: Store<T>, caller: Caller<T>, callback: HostFunc<T>, arity: number): WasmFunction {
  const cb = callback as (caller: Caller<T>, ...args: unknown[]) => unknown;
  switch (arity) {
    case 0:
      return () => {
        try {
          return cb(caller);
        } catch (e) {
          throw thrownByHost(store, e);
        }
      };
    case 1:
      return (a: unknown) => {
        try {
          return cb(caller, a);
        } catch (e) {
          throw thrownByHost(store, e);
        }
      };
    case 2:
      return (a: unknown, b: unknown) => {
        try {
          return cb(caller, a, b);
        } catch (e) {
          throw thrownByHost(store, e);
        }
      };
    default:
      return (a: unknown, b: unknown, c: unknown) => {
        try {
          return cb(caller, a, b, c);
        } catch (e) {
          throw thrownByHost(store, e);
        }
      };
  }
}

/** The host callback behind a host Func, to rebind it to the importing instance's caller. */
// biome-ignore lint/suspicious/noExplicitAny: callbacks of stores of any data type (a caller's data type is erased here)
const hostCallbacks = new WeakMap<VMFuncRef, HostFunc<any>>();

/** A wasm or host function (wasmtime's `Func`). */
export class Func {
  /** The store. */
  readonly store: Store<unknown>;
  /** The function reference generated code calls. */
  readonly ref: VMFuncRef;
  private paramRoots: readonly number[] | null = null;
  private paramFuncRefs: readonly number[] | null = null;

  /** Creates a host function of type `type` (`callback` gets the caller and raw values). */
  // biome-ignore lint/suspicious/noExplicitAny: the callback may be typed for the store's data (a constructor has no type parameter)
  constructor(store: Store<unknown>, type: FuncType, callback: HostFunc<any>);
  /** Wraps an existing function reference (internal). */
  constructor(store: Store<unknown>, ref: VMFuncRef);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  constructor(store: Store<unknown>, typeOrRef: FuncType | VMFuncRef, callback?: HostFunc<any>) {
    this.store = store;
    if (typeOrRef instanceof VMFuncRef) {
      if (typeOrRef.store !== store) throw new WrongStoreError('function reference');
      this.ref = typeOrRef;
    } else {
      checkHostFuncArgs('new Func', typeOrRef, callback);
      const id = registerFuncType(store.engine, typeOrRef);
      this.ref = hostFuncRef(store, id, callback!, () => null);
      hostCallbacks.set(this.ref, callback!);
    }
    let cache = funcCache.get(store);
    if (cache === undefined) funcCache.set(store, (cache = new WeakMap()));
    if (!cache.has(this.ref)) cache.set(this.ref, this);
  }

  /**
   * A host function whose type is given once by value type names, the callback's parameter and result types
   * inferred from them (wasmtime's `Func::wrap`): `Func.wrap(store, { params: ['i32', 'i64'], results: ['f64'] },
   * (caller, a, b) => Number(b) + a)`.
   */
  static wrap<T, const P extends readonly ValTypeName[], const R extends readonly ValTypeName[] = []>(
    store: Store<T>,
    type: WrapType<P, R>,
    callback: (caller: Caller<T>, ...args: JsParamsOf<P>) => JsResultOf<R>,
  ): Func {
    return new Func(store, funcTypeOfNames(type), callback as unknown as HostFunc<T>);
  }

  /** The Func of a function reference (the same object each time). */
  static fromRef(store: Store<unknown>, ref: VMFuncRef): Func {
    return funcCache.get(store)?.get(ref) ?? new Func(store, ref);
  }

  /** The function's type (engine-canonical). */
  ty(): FuncType {
    return this.store.typeRegistry.funcType(this.ref.typeId);
  }

  /** Calls the function with `Val` arguments; returns the results as `Val`s. Traps throw a `Trap`. */
  call(store: Store<unknown>, args: readonly Val[]): Val[] {
    if (store !== this.store) throw new WrongStoreError('function');
    const type = this.ty();
    if (args.length !== type.params.length)
      throw new TypeError(`expected ${type.params.length} arguments, got ${args.length}`);
    const cx = valContext(this.store);
    // Generic (not double) elements: V8 quiets signalling NaNs stored into double arrays.
    const raw = new Array<unknown>(args.length).fill(null);
    for (let i = 0; i < args.length; i++) raw[i] = toRaw(args[i], type.params[i], cx, `parameter ${i}`);
    const r = callWasm(this.store, this.ref.fn, raw, this.ref, this.rootedParams(), true);
    return resultList(r, type, (x, i) => fromRaw(x, type.results[i], cx));
  }

  /** Calls with values in the ABI's representation (i64 as bigint); no conversions or checks. */
  callRaw(...args: unknown[]): unknown {
    const refs = this.funcRefParams();
    if (refs.length !== 0) checkRefArgs(this.store, args, refs);
    return callWasm(this.store, this.ref.fn, args, this.ref, this.rootedParams(), true);
  }

  /** Positions of the parameters that may carry host references (rooted during a call). Internal. */
  rootedParams(): readonly number[] {
    if (this.paramRoots === null) this.paramRoots = hostRefPositions(this.ty().params);
    return this.paramRoots;
  }

  /** Positions of the function reference parameters (checked to be of this store on raw calls). Internal. */
  funcRefParams(): readonly number[] {
    if (this.paramFuncRefs === null) this.paramFuncRefs = ownedRefPositions(this.ty().params, this.store.typeRegistry);
    return this.paramFuncRefs;
  }

  /** A typed view: `call(...args)` with raw values returns the single result or an array. */
  typed<P extends unknown[] = unknown[], R = unknown>(): TypedFunc<P, R> {
    return new TypedFunc<P, R>(this);
  }
}

/** The host callback of a host function reference, if it is one. */
// biome-ignore lint/suspicious/noExplicitAny: the store's data type is erased here
export function hostCallbackOf(ref: VMFuncRef): HostFunc<any> | undefined {
  return hostCallbacks.get(ref);
}

/** A function called with raw values (wasmtime's `TypedFunc`): i64 as bigint, f32/f64 as numbers. */
export class TypedFunc<P extends unknown[] = unknown[], R = unknown> {
  /** The function. */
  readonly func: Func;
  private params: readonly ValType[] | undefined = undefined;
  private floatResults: readonly number[] | undefined = undefined;

  /** Wraps a Func. */
  constructor(func: Func) {
    this.func = func;
  }
  /** Calls the function: the single result, an array for several, undefined for none. */
  call(...args: P): R {
    // callRaw without a second spread of the arguments
    const f = this.func;
    checkNumericArgs(args, (this.params ??= f.ty().params));
    const refs = f.funcRefParams();
    if (refs.length !== 0) checkRefArgs(f.store, args, refs);
    const r = callWasm(f.store, f.ref.fn, args, f.ref, f.rootedParams(), true);
    const floats = (this.floatResults ??= floatPositions(f.ty().results));
    if (floats.length === 0) return r as R;
    // f32/f64 results as numbers (a NaN held as bits is an object inside wasm)
    if (floats.length === 1 && f.ty().results.length === 1) return floatNumber(r as FloatValue) as R;
    floatNumbers(r as unknown[], floats);
    return r as R;
  }
}

/** A table (wasmtime's `Table`). Elements are `Val`s of the table's reference type. */
export class Table {
  /** The runtime table. */
  readonly raw: RuntimeTable;
  /** The store the table belongs to. */
  readonly store: Store<unknown>;

  /** Creates a table of `type` filled with `init` (null by default), or wraps a runtime table of `store`. */
  constructor(store: Store<unknown>, type: TableType | RuntimeTable, init: Val | null = null) {
    this.store = store;
    if (type instanceof RuntimeTable) {
      this.raw = type;
    } else {
      const v = init === null ? null : toRaw(init, type.element, valContext(store));
      const options = { maxElements: store.tunables.maxTableElements, limiter: store.resourceLimiter };
      this.raw = unboxed(() => new RuntimeTable(type, v, options));
    }
  }
  /** The table's type. */
  ty(): TableType {
    return this.raw.type;
  }
  /** Current number of elements. */
  size(): number {
    return this.raw.size;
  }
  /** The element at `index` (throws a Trap when out of bounds). */
  get(index: number): Val {
    return fromRaw(this.raw.get(index), this.raw.element, valContext(this.store));
  }
  /** Sets the element at `index` (throws a Trap when out of bounds). */
  set(index: number, value: Val): void {
    const v = toRaw(value, this.raw.element, valContext(this.store));
    this.raw.set(index, v);
    rootIfRunning(this.store, this.raw.element, v);
  }
  /** Grows by `delta` elements set to `init`; returns the old size, or throws if it cannot grow. */
  grow(delta: number, init: Val | null = null): number {
    const v = init === null ? null : toRaw(init, this.raw.element, valContext(this.store));
    rootIfRunning(this.store, this.raw.element, v);
    const old = unboxed(() => this.raw.grow(delta, v));
    if (old < 0) throw new RangeError(`failed to grow table by ${delta} elements`);
    return old;
  }
}

/** A global variable (wasmtime's `Global`). */
export class Global {
  /** The runtime cell. */
  readonly raw: RuntimeGlobal;
  /** The store the global belongs to. */
  readonly store: Store<unknown>;

  /** Creates a global of `type` holding `value`, or wraps a runtime cell of `store`. */
  constructor(store: Store<unknown>, type: GlobalType | RuntimeGlobal, value?: Val) {
    this.store = store;
    if (type instanceof RuntimeGlobal) {
      this.raw = type;
    } else {
      if (value === undefined) throw new TypeError('a new global needs an initial value');
      this.raw = new RuntimeGlobal(type, toRaw(value, type.type, valContext(store)));
    }
  }
  /** The global's type. */
  ty(): GlobalType {
    return { type: this.raw.type, mutable: this.raw.mutable };
  }
  /** The current value. */
  get(): Val {
    return fromRaw(this.raw.value, this.raw.type, valContext(this.store));
  }
  /** The current value in the ABI's representation. */
  getRaw(): unknown {
    return this.raw.value;
  }
  /** Sets the value (the global must be mutable). */
  set(value: Val): void {
    if (!this.raw.mutable) throw new TypeError('immutable global cannot be set');
    this.raw.value = toRaw(value, this.raw.type, valContext(this.store));
    rootIfRunning(this.store, this.raw.type, this.raw.value);
  }
}

/** Anything an instance imports or exports. */
export type Extern = Func | Memory | Table | Global | Tag;

/** Whether `x` is an extern (a Func, Memory, Table, Global or Tag). */
export function isExtern(x: unknown): x is Extern {
  return x instanceof Func || x instanceof Memory || x instanceof Table || x instanceof Global || x instanceof Tag;
}

/** The word for an extern's kind in messages (`function`, `memory`, ...). */
export function externKind(x: Extern): string {
  if (x instanceof Func) return 'function';
  if (x instanceof Memory) return 'memory';
  if (x instanceof Table) return 'table';
  if (x instanceof Global) return 'global';
  return 'tag';
}

/** The API object for export `name` of a runtime instance, or undefined. */
export function exportOf(store: Store<unknown>, instance: RuntimeInstance, name: string): Extern | undefined {
  const e = instance.module.exports.find((x) => x.name === name);
  if (e === undefined) return undefined;
  return externOf(store, instance, e);
}

/** The API object for export `e` of a runtime instance (its entity in the index space of its kind). */
export function externOf(store: Store<unknown>, instance: RuntimeInstance, e: Export): Extern {
  switch (e.kind) {
    case 'func':
      return Func.fromRef(store, instance.funcRef(e.index));
    case 'memory':
      return new Memory(store, instance.memory(e.index));
    case 'table':
      return new Table(store, instance.table(e.index));
    case 'global':
      return new Global(store, instance.global(e.index));
    default:
      return new Tag(store, instance.tag(e.index));
  }
}

/** Rewrites a module-relative value type to engine-canonical form. */
export function canonical(t: WasmValType, typeIds: Int32Array): WasmValType {
  return canonicalValType(t, typeIds);
}

/** Re-exported for matching (internal). */
export type { TypeRegistry };
