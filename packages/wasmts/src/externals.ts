// The things instances import and export: functions, memories, tables, globals and tags, plus the entry
// trampoline every call from the host into wasm goes through.

import {
  type FloatValue,
  type FuncType,
  floatNumber,
  type GlobalType,
  HeapKind,
  isRef,
  type MemoryType,
  refHeap,
  type TableType,
  TrapCode,
  V128,
  VMRuntimeLimits,
  type ValType as WasmValType,
} from '@wasmts/environ';
import {
  canonicalValType,
  HostError,
  type HostMemoryBacking,
  Global as RuntimeGlobal,
  type Instance as RuntimeInstance,
  Memory as RuntimeMemory,
  Table as RuntimeTable,
  Tag as RuntimeTag,
  Trap as RuntimeTrap,
  type TypeRegistry,
  VMFuncRef,
  WasmArray,
  WasmException,
  type WasmFunction,
  WasmStruct,
} from '@wasmts/runtime';
import type { Engine, Store } from './engine.js';
import { hostSupport } from './host.js';
import { type BacktraceNames, convertError } from './trap.js';
import {
  checkNumericArgs,
  floatNumbers,
  floatPositions,
  fromRaw,
  refKindOfHeap,
  resultList,
  toRaw,
  type Val,
  type ValContext,
  type ValType,
} from './values.js';
import { existingWasmState, type WasmStoreState } from './wasm-backend/bridge.js';
import { hostApi } from './wasm-backend/host-api.js';
import { convertHostError } from './wasm-backend/traps.js';
import { toWasmNumber } from './webassembly/values.js';
import { funcTypeOfNames, type JsParamsOf, type JsResultOf, type ValTypeName, type WrapType } from './wrap.js';
import { WrongStoreError } from './wrong-store.js';

/** Registers a host function's type (concrete heap types are engine ids) with the engine; returns its id. */
export function registerFuncType(engine: Engine, type: FuncType): number {
  return engine.typeRegistry.registerFuncType(type);
}

/** Per-store API state: the Func of each function reference (identity is preserved). */
const funcCache = new WeakMap<object, WeakMap<VMFuncRef, Func>>();

/** The conversion context of a store. */
export function valContext(store: Store<any>): ValContext {
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

/** Names for backtraces of calls into a function: its instance's host state carries them. */
function namesOf(ref: VMFuncRef): BacktraceNames | null {
  const inst = ref.instance as { hostState?: { names?: BacktraceNames } } | null;
  return inst?.hostState?.names ?? null;
}

/** True for reference types whose values may be host references (externref; anyref, which may box one). */
export function holdsHostRefs(t: WasmValType): boolean {
  if (!isRef(t)) return false;
  const h = refHeap(t);
  return h === HeapKind.Extern || h === HeapKind.Any;
}

const NO_ROOTS: readonly number[] = Object.freeze([]);

/** Positions of the types that may hold host references (shared empty list when there are none). */
export function hostRefPositions(types: readonly WasmValType[]): readonly number[] {
  let out: number[] | null = null;
  for (let i = 0; i < types.length; i++) if (holdsHostRefs(types[i])) (out ??= []).push(i);
  return out ?? NO_ROOTS;
}

/**
 * Positions of the reference types whose values belong to a store or an engine: function references
 * (funcref, `(ref $f)`, nofunc), the any hierarchy (GC objects) and exnref. Not externref: any host value.
 */
function ownedRefPositions(types: readonly WasmValType[], registry: TypeRegistry): readonly number[] {
  let out: number[] | null = null;
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    if (isRef(t) && refKindOfHeap(refHeap(t), registry) !== 'externref') (out ??= []).push(i);
  }
  return out ?? NO_ROOTS;
}

/**
 * Whether a raw reference value belongs to another store than `store`: a function or exception of another
 * store, or a GC object whose type `store`'s engine does not own (another engine's; GC objects carry
 * their engine's type, not a store). Null, i31 numbers and other host values belong to every store.
 */
export function foreignValue(store: Store<any>, v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (v instanceof VMFuncRef) return v.store !== store;
  if (v instanceof WasmStruct || v instanceof WasmArray) return !store.typeRegistry.owns(v.rtt);
  if (v instanceof WasmException) return v.tag.store !== store;
  // a Func (or another store-bound API object) where its raw value was due
  return 'store' in v && (v as { store: unknown }).store !== store;
}

/** What a foreign value is called in a WrongStoreError (`function given as funcref argument 0`, ...). */
function foreignWhat(v: unknown, role: 'argument' | 'result', position: number | null): string {
  const [kind, ref] =
    v instanceof WasmStruct || v instanceof WasmArray
      ? ['GC object', 'anyref']
      : v instanceof WasmException
        ? ['exception', 'exnref']
        : ['function', 'funcref'];
  if (role === 'argument') return `${kind} given as ${ref} argument ${position}`;
  return position === null ? `${kind} returned as a ${ref} result` : `${kind} returned as ${ref} result ${position}`;
}

/** Throws a WrongStoreError if a raw argument at one of `positions` belongs to another store. */
function checkRefArgs(store: Store<any>, args: readonly unknown[], positions: readonly number[]): void {
  for (let i = 0; i < positions.length; i++) {
    const v = args[positions[i]];
    if (foreignValue(store, v)) throw new WrongStoreError(foreignWhat(v, 'argument', positions[i]));
  }
}

/** Roots a host reference the host hands to wasm while a call runs in the store (see ExternRefActivationsTable). */
export function rootIfRunning(store: Store<any>, type: WasmValType, value: unknown): void {
  if (store.entryDepth > 0 && holdsHostRefs(type)) store.externRefActivations.insert(value);
}

/**
 * Calls `fn` from the host: roots the host references among the arguments (positions `roots`) until the
 * outermost call returns, converts errors per the ABI and keeps the store usable after any of them.
 * `names` names the frames of a backtrace, or is the called function reference whose instance's names
 * are looked up only when an error needs them. `checkEpoch`: a call of a guest function checks the epoch
 * deadline first (`epochAtEntry`).
 */
export function callWasm(
  store: Store<any>,
  fn: WasmFunction,
  args: unknown[],
  names: BacktraceNames | VMFuncRef | null,
  roots: readonly number[] = NO_ROOTS,
  checkEpoch = false,
): unknown {
  const w = existingWasmState(store);
  if (w !== undefined) return callWasmBackend(store, w, fn, args, names, roots, checkEpoch);
  store.entryDepth++;
  try {
    if (checkEpoch && store.engine.controls.epochInterruption) epochAtEntry(store);
    for (let i = 0; i < roots.length; i++) store.externRefActivations.insert(args[roots[i]]);
    return fn.apply(null, args);
  } catch (e) {
    throw convertError(
      e,
      names instanceof VMFuncRef ? namesOf(names) : names,
      store.engine.controls.wasmBacktraceMaxFrames,
    );
  } finally {
    if (--store.entryDepth === 0) {
      store.runtimeLimits[VMRuntimeLimits.StackDepth] = 0;
      store.externRefActivations.clear();
    }
  }
}

/**
 * A call from the host into a guest function checks the epoch deadline before it starts, as wasmtime's entry
 * check does: compiled code checks only the entries of functions that may recurse (codegen's `epochEntryChecks`),
 * so a call of any function still traps (or asks the deadline callback) at once when the deadline has passed.
 */
function epochAtEntry(store: Store<any>): void {
  if (store.epochCounter[0] < store.runtimeLimits[VMRuntimeLimits.EpochDeadline]) return;
  if (store.newEpoch === undefined) throw new RuntimeTrap(TrapCode.Interrupt);
  store.setEpochDeadline(store.newEpoch());
}

/** `fn(...args)`: direct calls for up to four arguments, which V8 optimises better than `apply`. */
function applyArgs(fn: WasmFunction, args: unknown[]): unknown {
  switch (args.length) {
    case 0:
      return fn();
    case 1:
      return fn(args[0]);
    case 2:
      return fn(args[0], args[1]);
    case 3:
      return fn(args[0], args[1], args[2]);
    case 4:
      return fn(args[0], args[1], args[2], args[3]);
  }
  return fn.apply(null, args);
}

/** `callWasm` in a store where wasm-backend instances exist: also syncs fuel and the epoch, and maps host errors. */
function callWasmBackend(
  store: Store<any>,
  w: WasmStoreState,
  fn: WasmFunction,
  args: unknown[],
  names: BacktraceNames | VMFuncRef | null,
  roots: readonly number[],
  checkEpoch: boolean,
): unknown {
  const controls = store.engine.controls;
  const fuel = controls.consumeFuel;
  if (store.entryDepth++ === 0 && controls.epochInterruption) w.enterEpoch();
  if (fuel) w.syncFuelIn();
  try {
    if (checkEpoch && controls.epochInterruption) epochAtEntry(store);
    for (let i = 0; i < roots.length; i++) store.externRefActivations.insert(args[roots[i]]);
    return applyArgs(fn, args);
  } catch (e) {
    const max = controls.wasmBacktraceMaxFrames;
    // only a call that did not return normally can unbalance the call depth or leave a pending error:
    // the outermost exit resets them then, not after every call
    w.unwound = true;
    const n = names instanceof VMFuncRef ? namesOf(names) : names;
    throw convertError(convertHostError(w, e, max, hostApi().RuntimeError), n, max);
  } finally {
    if (fuel) w.syncFuel();
    if (--store.entryDepth === 0) {
      store.runtimeLimits[VMRuntimeLimits.StackDepth] = 0;
      store.externRefActivations.clear();
      if (w.unwound) {
        w.unwound = false;
        w.callDepth.value = 0;
        w.pending.value = 0;
        w.pendingError = null;
      }
    }
  }
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
function checkRefResults(store: Store<any>, r: unknown, positions: ResultPositions): void {
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
function thrownByHost(store: Store<any>, e: unknown): unknown {
  if (e instanceof HostError) return e;
  if (e instanceof WasmException) {
    return e.tag.store === store ? e : new HostError(new WrongStoreError('exception thrown by a host function'));
  }
  return new HostError(e);
}

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
  const { roots, funcRefs, numbers } = resultChecks(store.typeRegistry, typeId);
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
const hostCallbacks = new WeakMap<VMFuncRef, HostFunc<any>>();

/** A wasm or host function (wasmtime's `Func`). */
export class Func {
  /** The store. */
  readonly store: Store<any>;
  /** The function reference generated code calls. */
  readonly ref: VMFuncRef;
  private paramRoots: readonly number[] | null = null;
  private paramFuncRefs: readonly number[] | null = null;

  /** Creates a host function of type `type` (`callback` gets the caller and raw values). */
  constructor(store: Store<any>, type: FuncType, callback: HostFunc<any>);
  /** Wraps an existing function reference (internal). */
  constructor(store: Store<any>, ref: VMFuncRef);
  constructor(store: Store<any>, typeOrRef: FuncType | VMFuncRef, callback?: HostFunc<any>) {
    this.store = store;
    if (typeOrRef instanceof VMFuncRef) {
      if (typeOrRef.store !== store) throw new WrongStoreError('function reference');
      this.ref = typeOrRef;
    } else {
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
  static fromRef(store: Store<any>, ref: VMFuncRef): Func {
    return funcCache.get(store)?.get(ref) ?? new Func(store, ref);
  }

  /** The function's type (engine-canonical). */
  ty(): FuncType {
    return this.store.typeRegistry.funcType(this.ref.typeId);
  }

  /** Calls the function with `Val` arguments; returns the results as `Val`s. Traps throw a `Trap`. */
  call(store: Store<any>, args: readonly Val[]): Val[] {
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

/** Runs `f` outside wasm: an error the store's limiter threw comes out unboxed. */
export function unboxed<R>(f: () => R): R {
  try {
    return f();
  } catch (e) {
    throw e instanceof HostError ? e.error : e;
  }
}

/**
 * A shared memory as it crosses threads: structured-cloneable, so it can be posted to a Worker, where
 * `Memory.fromShared` makes a `Memory` of the same bytes in that thread's store (see `Memory.share`).
 */
export interface SharedMemoryHandle {
  /** The memory's type (shared). */
  readonly type: MemoryType;
  /** The bytes: the memory's SharedArrayBuffer when wasmts owns them, else null. */
  readonly buffer: SharedArrayBuffer | null;
  /** The host engine's shared `WebAssembly.Memory` when the bytes are its (the wasm backend), else null. */
  readonly host: object | null;
}

/** A linear memory (wasmtime's `Memory`). */
export class Memory {
  /** The runtime memory. */
  readonly raw: RuntimeMemory;
  /** The store the memory belongs to. */
  readonly store: Store<any>;

  /**
   * Creates a memory of `type` in `store`, or wraps a runtime memory of `store`. A shared memory is the
   * host engine's shared `WebAssembly.Memory` from the start where the wasm backend may run modules (so a
   * wasm-backend module can import it, and its SharedArrayBuffer never changes identity by a later attach).
   */
  constructor(store: Store<any>, type: MemoryType | RuntimeMemory) {
    this.store = store;
    if (type instanceof RuntimeMemory) {
      this.raw = type;
      return;
    }
    const hostShared = type.shared && hostSharedMemories(store.engine, type);
    const hostPlain = !type.shared && hostMemories(store.engine, type);
    const raw = unboxed(
      () =>
        new RuntimeMemory(type, {
          maxBytes: store.tunables.maxMemoryBytes,
          limiter: store.resourceLimiter,
          ...(hostPlain ? { hostBacked: true } : {}),
        }),
    );
    if (hostShared) {
      const max = type.limits.max as number;
      raw.attachHost(new (hostApi().Memory)({ initial: raw.pages, maximum: max, shared: true }), false);
    } else if (hostPlain) {
      // the buffer a host sees before it instantiates anything (emscripten makes its views then) must be the one
      // wasm-backend code uses after: a memory attached at instantiation would copy the bytes and leave those
      // views over a buffer nothing reads any more
      const max = type.limits.max;
      raw.attachHost(
        new (hostApi().Memory)({ initial: type.limits.min, ...(max !== null ? { maximum: max } : {}) }),
        false,
      );
    }
    this.raw = raw;
  }
  /**
   * A handle to post to a Worker for a shared memory (wasmtime's `SharedMemory`): every thread's `Store`
   * stays its own, and `Memory.fromShared` there is this memory's bytes, growth included. Throws for an
   * unshared memory, or where the host has no SharedArrayBuffer.
   */
  share(): SharedMemoryHandle {
    const raw = this.raw;
    if (!raw.shared) throw new TypeError('only a shared memory can be sent to another thread');
    if (raw.host !== null) return { type: raw.type, buffer: null, host: raw.host };
    if (typeof SharedArrayBuffer !== 'function' || !(raw.buffer instanceof SharedArrayBuffer))
      throw new TypeError('this host has no SharedArrayBuffer: the memory cannot be shared with another thread');
    return { type: raw.type, buffer: raw.buffer, host: null };
  }

  /** The memory of `Memory.share`'s `handle` (posted from another thread) in `store`: the same bytes. */
  static fromShared(store: Store<any>, handle: SharedMemoryHandle): Memory {
    const options = { maxBytes: store.tunables.maxMemoryBytes, limiter: store.resourceLimiter };
    if (handle.host !== null) {
      const raw = unboxed(() => new RuntimeMemory(handle.type, { ...options, hostBacked: true }));
      raw.attachHost(handle.host as HostMemoryBacking, false);
      return new Memory(store, raw);
    }
    if (handle.buffer === null) throw new TypeError('a shared memory handle without bytes');
    return new Memory(
      store,
      unboxed(() => new RuntimeMemory(handle.type, { ...options, sharedBuffer: handle.buffer! })),
    );
  }
  /** The memory's type. */
  ty(): MemoryType {
    return this.raw.type;
  }
  /** Current size in pages. */
  size(): number {
    return this.raw.pages;
  }
  /** Current size in bytes. */
  dataSize(): number {
    return this.raw.byteLength;
  }
  /** Grows by `delta` pages; returns the old size in pages, or throws if it cannot grow. */
  grow(delta: number): number {
    const old = unboxed(() => this.raw.grow(delta));
    if (old < 0) throw new RangeError(`failed to grow memory by ${delta} pages`);
    return old;
  }
  /**
   * The memory's bytes: a fresh Uint8Array over the current buffer on each call. Call it again after
   * anything that may grow the memory (growth may replace the buffer).
   */
  data(): Uint8Array {
    return new Uint8Array(this.raw.buffer, 0, this.raw.byteLength);
  }
  /** Copies `length` bytes from `offset`; throws a RangeError when out of bounds. */
  read(offset: number, length: number): Uint8Array {
    if (!this.raw.inBounds(offset, length)) throw new RangeError('out of bounds memory access');
    return this.raw.u8.slice(offset, offset + length);
  }
  /** Writes `bytes` at `offset`; throws a RangeError when out of bounds. */
  write(offset: number, bytes: Uint8Array): void {
    if (!this.raw.inBounds(offset, bytes.length)) throw new RangeError('out of bounds memory access');
    this.raw.u8.set(bytes, offset);
  }
}

/** Whether shared memories of `type` are made as the host engine's (see `Memory`'s constructor). */
/**
 * Whether a memory the embedder creates is the host engine's `WebAssembly.Memory` from the start: where the wasm
 * backend may run modules (not `backend: 'js'`, a host with WebAssembly) and the host can make it (32-bit, 64 KiB
 * pages, a size the host accepts).
 */
function hostMemories(engine: Engine, type: MemoryType): boolean {
  if (engine.config.backend === 'js' || type.index64 || type.pageSizeLog2 !== 16 || !hostSupport().available)
    return false;
  return type.limits.min <= 65536 && (type.limits.max === null || type.limits.max <= 65536);
}

function hostSharedMemories(engine: Engine, type: MemoryType): boolean {
  if (engine.config.backend === 'js' || type.index64 || type.pageSizeLog2 !== 16 || type.limits.max === null)
    return false;
  return hostSupport().features.has('threads');
}

/** A table (wasmtime's `Table`). Elements are `Val`s of the table's reference type. */
export class Table {
  /** The runtime table. */
  readonly raw: RuntimeTable;
  /** The store the table belongs to. */
  readonly store: Store<any>;

  /** Creates a table of `type` filled with `init` (null by default), or wraps a runtime table of `store`. */
  constructor(store: Store<any>, type: TableType | RuntimeTable, init: Val | null = null) {
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
  readonly store: Store<any>;

  /** Creates a global of `type` holding `value`, or wraps a runtime cell of `store`. */
  constructor(store: Store<any>, type: GlobalType | RuntimeGlobal, value?: Val) {
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

/** An exception tag (wasmtime's `Tag`). */
export class Tag {
  /** The runtime tag. */
  readonly raw: RuntimeTag;
  /** The store the tag belongs to. */
  readonly store: Store<any>;

  /** Creates a tag with parameter types of `type`, or wraps a runtime tag of `store`. */
  constructor(store: Store<any>, type: FuncType | RuntimeTag) {
    this.store = store;
    this.raw =
      type instanceof RuntimeTag ? type : new RuntimeTag(registerFuncType(store.engine, type), type.params, store);
  }
  /** The tag's function type (`store` must be the tag's). */
  ty(store: Store<any>): FuncType {
    if (store !== this.store) throw new WrongStoreError('tag');
    return store.typeRegistry.funcType(this.raw.typeId);
  }
}

/** A host value passed as an externref (a convenience wrapper: any non-null JS value is a valid externref). */
export class ExternRef<T = unknown> {
  /** The host value. */
  readonly data: T;

  /** Wraps a host value. */
  constructor(data: T) {
    this.data = data;
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
export function exportOf(store: Store<any>, instance: RuntimeInstance, name: string): Extern | undefined {
  const e = instance.module.exports.find((x) => x.name === name);
  if (e === undefined) return undefined;
  return externOf(store, instance, e.kind, e.index);
}

/** The API object for entity `index` of kind `kind` of a runtime instance. */
export function externOf(store: Store<any>, instance: RuntimeInstance, kind: string, index: number): Extern {
  switch (kind) {
    case 'func':
      return Func.fromRef(store, instance.funcRef(index));
    case 'memory':
      return new Memory(store, instance.memory(index));
    case 'table':
      return new Table(store, instance.table(index));
    case 'global':
      return new Global(store, instance.global(index));
    default:
      return new Tag(store, instance.tag(index));
  }
}

/** Rewrites a module-relative value type to engine-canonical form. */
export function canonical(t: WasmValType, typeIds: Int32Array): WasmValType {
  return canonicalValType(t, typeIds);
}

/** Re-exported for matching (internal). */
export type { TypeRegistry };
