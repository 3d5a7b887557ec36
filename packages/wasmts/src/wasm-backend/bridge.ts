// How values, functions and errors cross between wasmts's runtime objects and the host's WebAssembly
// engine (docs/wasm-backend.md): the per-store state (fuel, epoch deadline and call-depth globals, the
// pending-error flag, the hook functions), the two-way map between host function objects and VMFuncRefs,
// and the small per-signature wrapper modules.

import {
  F32,
  F64,
  type FloatValue,
  FUNCREF,
  type FuncIndex,
  type FuncType,
  f32FromBits,
  f32ToBits,
  floatNumber,
  type MemoryType,
  TrapCode,
  type ValType,
} from '@wasmts/environ';
import {
  type Instance as RuntimeInstance,
  type Tag as RuntimeTag,
  Trap as RuntimeTrap,
  type VMFuncRef,
  WasmException,
} from '@wasmts/runtime';
import type { Store } from '../store.js';
import {
  HOST_WEBASSEMBLY,
  type HostException,
  type HostFunction,
  type HostGlobal,
  type HostMemory,
  type HostModule,
  type HostTag,
  hostApi,
} from './host-api.js';
import { keepHostMemory } from './memory-pool.js';
import { boundaryTypeName } from './plan.js';
import { bitsType, exportWrapper, hooksModule, importWrapper, unpackModule } from './wrappers.js';

/** The JS API's descriptor name of a value type (`anyfunc` for funcref, as Node 20 wants it). */
export function descriptorTypeName(t: ValType): string {
  const n = boundaryTypeName(t);
  if (n === null) throw new TypeError('a value of this type cannot cross to the host engine');
  return n === 'funcref' ? 'anyfunc' : n;
}

/** True if every parameter and result of `type` can cross the host's JS boundary. */
export function crossesBoundary(type: FuncType): boolean {
  return (
    type.params.every((t) => boundaryTypeName(t) !== null) && type.results.every((t) => boundaryTypeName(t) !== null)
  );
}

/** Whether calls of this type need converting at the boundary (f32 NaN bits travel as i32; funcrefs map). */
function needsAdapter(type: FuncType): boolean {
  const f = (t: ValType) => t === F32 || t === FUNCREF;
  return type.params.some(f) || type.results.some(f);
}

const sigKey = (type: FuncType) =>
  `${type.params.map(boundaryTypeName).join(' ')}->${type.results.map(boundaryTypeName).join(' ')}`;
const importWrappers = new Map<string, HostModule>();
const exportWrappers = new Map<string, HostModule>();
function compiled(cache: Map<string, HostModule>, type: FuncType, build: (t: FuncType) => Uint8Array): HostModule {
  const key = sigKey(type);
  let m = cache.get(key);
  if (m === undefined) cache.set(key, (m = new (hostApi().Module)(build(type))));
  return m;
}

/** The store hooks' module (`hooksModule()`), compiled once. */
let hooksCompiled: HostModule | null = null;

/** Host function object -> its VMFuncRef; VMFuncRef -> its host function object (identity is stable). */
// (a property of each object rather than a WeakMap: a WeakMap entry per function of every instance costs
// the collector far more than two properties)
const REF = Symbol('wasmts.ref');
type Tagged = HostFunction & { [REF]?: VMFuncRef };

/**
 * Forgets the host function object of `ref` (a retired instance's function: the next host object for it
 * wraps its new `fn`).
 */
export function forgetHostFunction(ref: VMFuncRef): void {
  ref.host = undefined;
}

/** Records that `hostFn` is the host engine's function object for `ref`. */
export function registerHostFunction(hostFn: HostFunction, ref: VMFuncRef): void {
  (hostFn as Tagged)[REF] = ref;
  if (ref.host === undefined) ref.host = hostFn;
}

/** Epoch checks between two looks at the engine's epoch counter (a few microseconds of a tight loop). */
const EPOCH_POLL = 1 << 16;
/**
 * The count armed when nothing but host code on this thread can move the epoch (`Engine.epochPolled` false): the
 * largest `countdown_set` takes, seconds of checks, so the checks practically never call the host.
 */
const EPOCH_UNPOLLED = 0x7fff_ffff;

/** The pending-error flag values: 0 none, -1 a JS error in `pendingError`, c + 1 the trap code c. */
const PENDING_ERROR = -1;

/** The wasm backend's state of one store. */
export class WasmStoreState {
  /** The store (another one when the state is recycled, see `recycle`). */
  store: Store<unknown>;
  /** 0, -1 (see `pendingError`) or a trap code + 1: set before a wrapper or hook executes `unreachable`. */
  readonly pending: HostGlobal;
  /** What a JS function called from wasm threw, rethrown by the entry trampoline. */
  pendingError: unknown = null;
  /** An error left wasm since the outermost call began (the call depth and pending flag need a reset). */
  unwound = false;
  /** Fuel consumed, counting up towards 0 (as the JS backend's `FuelConsumed`). */
  readonly fuel: HostGlobal;
  /**
   * Epoch checks left until the host compares its epoch with the deadline again (the modules'
   * `epoch_countdown`): 0 when the deadline has passed, else `EPOCH_POLL` when armed, or `EPOCH_UNPOLLED` when
   * the engine's epoch needs no polling.
   */
  readonly epochCountdown: HostGlobal;
  /** Whether the count was last armed with `EPOCH_UNPOLLED` (re-armed once the engine's epoch needs polling). */
  private unpolled = false;
  readonly callDepth: HostGlobal;
  /** The hook functions (`out_of_fuel`, `new_epoch`, `stack_overflow`, `trap`). */
  readonly hooks: Record<string, HostFunction>;
  /** The table index and the instance id of the last `call_indirect` (see `recordIndirectIndex`). */
  readonly indirectIndex: HostGlobal;
  readonly indirectInstance: HostGlobal;
  /** Wasm-backend instances of the store by their `instance_id`. */
  instancesById: RuntimeInstance[] = [];
  /** Host tags known in this store and their runtime tags (to name an exception's tag). */
  tags: [HostTag, RuntimeTag][] = [];
  /**
   * Each wasm-backend instance of the store and its functions that can be reached from outside it (by
   * function index), for `retireHostInstance`.
   */
  hostInstances: [RuntimeInstance, ReadonlyMap<FuncIndex, unknown>, readonly [MemoryType, HostMemory][]][] = [];
  /**
   * The i64 globals read and written through small wasm functions with f64 / i32 values: a call of one is far
   * cheaper than the JS API's BigInt `value` accessors (which cost fuel a few hundred ns per crossing).
   */
  private readonly fuelGet: () => number;
  private readonly fuelSet: (v: number) => void;
  private readonly countdownSet: (v: number) => void;
  /** The fuel value both counters had at the last synchronisation. */
  private fuelSynced = 0;

  constructor(store: Store<unknown>) {
    const api = hostApi();
    this.store = store;
    this.pending = new api.Global({ value: 'i32', mutable: true }, 0);
    this.fuel = new api.Global({ value: 'i64', mutable: true }, 0n);
    this.epochCountdown = new api.Global({ value: 'i64', mutable: true }, 0n);
    this.callDepth = new api.Global({ value: 'i32', mutable: true }, 0);
    this.indirectIndex = new api.Global({ value: 'i32', mutable: true }, 0);
    this.indirectInstance = new api.Global({ value: 'i32', mutable: true }, -1);
    if (hooksCompiled === null) hooksCompiled = new api.Module(hooksModule());
    const h = {
      pending: this.pending,
      fuel: this.fuel,
      countdown: this.epochCountdown,
      out_of_fuel: () => this.guard(() => this.outOfFuel()),
      new_epoch: () => this.guard(() => this.newEpoch()),
    };
    this.hooks = new api.Instance(hooksCompiled, { h }).exports as Record<string, HostFunction>;
    this.fuelGet = this.hooks.fuel_get as () => number;
    this.fuelSet = this.hooks.fuel_set as (v: number) => void;
    this.countdownSet = this.hooks.countdown_set as (v: number) => void;
    this.setFuel(store.runtimeLimits.fuelConsumed);
  }

  /**
   * The store releases its instances (see `BackendStoreState.release`). With a pooling allocator, whose
   * slots go to other tenants, the store's wasm-backend instances are made unusable as a JS-backend instance
   * is once its memories are empty: a host instance keeps its memory, tables and globals (they cannot be
   * taken from it), so instead every function that can be reached from outside it (exports, references, the
   * start function) now traps with `MemoryOutOfBounds` when called through the API, and a host function
   * object made for it later wraps the trap (a host function object that comes back from a host table or global
   * maps to its retired VMFuncRef). A memory the instance was handed (`takeHostMemory`: defined memories are
   * imports when pooling) is then zeroed and kept for the next tenant, as the js backend's pool keeps a buffer:
   * no code of this tenant can run any more (none is running: a store cannot be disposed from inside wasm), so
   * none sees the next tenant's bytes. The state then serves the engine's next store (see `recycle`).
   */
  release(pooled: boolean): void {
    if (pooled) {
      for (const [inst, funcs] of this.hostInstances)
        for (const f of funcs.keys()) {
          const ref = inst.funcRef(f);
          ref.fn = retired;
          forgetHostFunction(ref);
        }
      // with every function retired, the memories the instances were handed serve the next tenants
      for (const [, , memories] of this.hostInstances)
        for (const [type, host] of memories) keepHostMemory(this.store.engine, type, host);
    }
    this.hostInstances = [];
    if (pooled) recycle(this);
  }

  /** Makes the state `store`'s, as new (see `recycle`). */
  adopt(store: Store<unknown>): void {
    this.store = store;
    this.pending.value = 0;
    this.pendingError = null;
    this.unwound = false;
    this.countdownSet(0);
    this.unpolled = false;
    this.callDepth.value = 0;
    this.indirectIndex.value = 0;
    this.indirectInstance.value = -1;
    this.instancesById = [];
    this.tags = [];
    this.hostInstances = [];
    this.setFuel(store.runtimeLimits.fuelConsumed);
  }

  /** Runs `f`; what it throws becomes the pending error (the hook then traps in wasm). */
  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.setPending(e);
    }
  }

  /** Records `e` as the pending error. */
  setPending(e: unknown): void {
    this.pendingError = e;
    this.pending.value = PENDING_ERROR;
  }

  /**
   * What a host `RuntimeError` stands for when the pending flag is set: the pending JS error or trap
   * (the flag is cleared), or undefined when nothing is pending.
   */
  takePending(): unknown {
    const p = this.pending.value as number;
    if (p === 0) return undefined;
    this.pending.value = 0;
    if (p === PENDING_ERROR) {
      const e = this.pendingError;
      this.pendingError = null;
      return e;
    }
    return new RuntimeTrap((p - 1) as TrapCode);
  }

  private outOfFuel(): void {
    this.syncFuel();
    if (this.store.runtimeLimits.fuelConsumed >= 0) throw new RuntimeTrap(TrapCode.OutOfFuel);
  }

  /**
   * Starts counting epoch checks again: the next check calls `new_epoch` at once if the deadline has
   * passed, else after `EPOCH_POLL` checks, when the host looks at the epoch counter again (which another
   * thread or the clock may have advanced). When neither can (`Engine.epochPolled`), the epoch moves only in host
   * code on this thread, which `noticeEpoch` and `enterEpoch` follow: the count is armed with `EPOCH_UNPOLLED`,
   * so running code does not call the host every `EPOCH_POLL` checks for nothing (measured on plain
   * WebAssembly: a `fib` whose checks poll every 65,536 runs 1.20x native, one that never polls 1.09x).
   */
  armEpoch(): void {
    const store = this.store;
    const unpolled = !store.engine.epochPolled;
    this.unpolled = unpolled;
    this.countdownSet(store.epochCounter[0] >= store.epochDeadline ? 0 : unpolled ? EPOCH_UNPOLLED : EPOCH_POLL);
  }

  /**
   * After host code that wasm called: if it passed the deadline (`engine.incrementEpoch()`, a new
   * deadline), the next check calls `new_epoch` (wasm reloads the count after every call), as on the JS
   * backend; if it started a ticker or handed out the epoch buffer, the count is re-armed to poll; otherwise the
   * count goes on (another thread's ticks are still polled for).
   */
  noticeEpoch(): void {
    const store = this.store;
    if (store.epochCounter[0] >= store.epochDeadline) this.countdownSet(0);
    else if (this.unpolled && store.engine.epochPolled) this.armEpoch();
  }

  /**
   * At an outermost call from the host: the first check calls `new_epoch` if the deadline has passed (a worker
   * ticker may have advanced the epoch since), and a count armed without polling polls from now on if the
   * engine's epoch needs it since. Otherwise the count is left as it is: it is never above `EPOCH_POLL` while the
   * epoch is polled, and it is 0 only while the deadline has passed (every new deadline re-arms it, see
   * `armEpoch`), so no global is written on the common path.
   */
  enterEpoch(): void {
    const store = this.store;
    if (store.epochCounter[0] >= store.epochDeadline) this.countdownSet(0);
    else if (this.unpolled && store.engine.epochPolled) this.armEpoch();
  }

  private newEpoch(): void {
    const store = this.store;
    // an epoch clock (no worker) advances the epoch here, every `EPOCH_POLL` checks (the clock makes the epoch polled)
    store.engine.epochClock?.advance();
    if (store.epochCounter[0] < store.epochDeadline) {
      this.armEpoch();
      return;
    }
    if (store.newEpoch === undefined) throw new RuntimeTrap(TrapCode.Interrupt);
    const delta = store.newEpoch();
    store.setEpochDeadline(delta);
  }

  /** Sets both fuel counters (`store.runtimeLimits.fuelConsumed` and the global) to `consumed`. */
  setFuel(consumed: number): void {
    this.fuelSet(consumed);
    this.fuelSynced = consumed;
  }

  /**
   * Merges what the JS backend and the wasm backend consumed since the last synchronisation into both
   * counters (each only ever adds to its own).
   */
  syncFuel(): void {
    const limits = this.store.runtimeLimits;
    const wasm = this.fuelGet();
    const js = limits.fuelConsumed;
    if (js === this.fuelSynced) {
      // only wasm consumed: the global is the total already (no BigInt to make, no global to write)
      limits.fuelConsumed = wasm;
      this.fuelSynced = wasm;
      return;
    }
    const total = js + wasm - this.fuelSynced;
    limits.fuelConsumed = total;
    this.fuelSet(total);
    this.fuelSynced = total;
  }

  /**
   * Before wasm runs again (a call from the host, the return of a host function): whenever JS runs, the
   * global holds what wasm consumed up to the last synchronisation or more (wasm code called back from the
   * host synchronises when it returns), so only what the JS side consumed or set since must be merged.
   */
  syncFuelIn(): void {
    if (this.store.runtimeLimits.fuelConsumed !== this.fuelSynced) this.syncFuel();
  }

  /** The runtime exception of a host exception, or null if its tag is unknown. */
  exceptionOf(e: HostException): WasmException | null {
    return adopt(e) ? (e as unknown as WasmException) : null;
  }

  /** Records a host tag and its runtime tag (for this store and for recognising exceptions). */
  addTag(host: HostTag, tag: RuntimeTag): void {
    this.tags.push([host, tag]);
    knowTag(host, tag);
  }

  /** The host tag of a runtime tag (created on first use). */
  hostTagOf(tag: RuntimeTag): HostTag {
    for (const [host, t] of this.tags) if (t === tag) return host;
    const api = hostApi();
    if (api.Tag === undefined) throw new Error('this host has no WebAssembly.Tag');
    const host = new api.Tag({ parameters: tag.params.map(descriptorTypeName) });
    this.addTag(host, tag);
    return host;
  }
}

/** The runtime tag of a host tag: a property of the host tag, so that nothing else holds the runtime tag. */
const RUNTIME_TAG = Symbol('wasmts.tag');
type TaggedHostTag = HostTag & { [RUNTIME_TAG]?: RuntimeTag };

/**
 * Every live host tag made or seen by any store (a host exception says its tag only to `is(tag)`, so
 * `adopt` asks each), weakly: an entry goes when its host tag is collected, so the set holds the tags of
 * live instances and stores only. (The finalizer's held value is the WeakRef alone: holding the runtime
 * tag would hold its store, and through it the host tag.)
 */
const knownTags = new Set<WeakRef<HostTag>>();
const forgetTag: FinalizationRegistry<WeakRef<HostTag>> | null =
  typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((ref) => knownTags.delete(ref)) : null;

/** Records that host exceptions with tag `host` are exceptions of runtime tag `tag`. */
function knowTag(host: HostTag, tag: RuntimeTag): void {
  const known = (host as TaggedHostTag)[RUNTIME_TAG] !== undefined;
  (host as TaggedHostTag)[RUNTIME_TAG] = tag;
  if (known) return;
  const ref = new WeakRef(host);
  knownTags.add(ref);
  forgetTag?.register(host, ref);
}

/** How many host tags are known (a test's leak check). Internal. */
export function knownTagCount(): number {
  return knownTags.size;
}

/**
 * Gives a host exception the `tag` and `values` of a `WasmException` (so JS-backend handlers, which test
 * `instanceof WasmException`, catch it by tag); false if `x` is not a host exception with a known tag.
 */
function adopt(x: unknown): boolean {
  if (!isHostException(x)) return false;
  const e = x as HostException & { tag?: RuntimeTag; values?: unknown[] };
  if (e.tag !== undefined) return true;
  for (const known of knownTags) {
    const host = known.deref();
    if (host === undefined) {
      knownTags.delete(known);
      continue;
    }
    if (!e.is(host)) continue;
    const tag = (host as TaggedHostTag)[RUNTIME_TAG] as RuntimeTag;
    let values: unknown[];
    try {
      values = payloadOf(e, host, tag);
    } catch {
      return false; // a function reference wasmts does not know: not one of our exceptions
    }
    Object.defineProperty(e, 'tag', { value: tag });
    Object.defineProperty(e, 'values', { value: values });
    return true;
  }
  return false;
}

/**
 * The payload of host exception `e` of tag `host` in the runtime's representation. `getArg` serves
 * numbers and externrefs; for a funcref it hands out V8's internal function or null object, which aborts
 * the process when touched (Node 20), so a payload with a funcref is read by wasm instead: a per-tag
 * instance of a small module catches `e` (thrown into it by an import) and returns the payload.
 */
function payloadOf(e: HostException, host: HostTag, tag: RuntimeTag): unknown[] {
  const params = tag.params;
  if (!params.includes(FUNCREF)) return params.map((t, j) => fromHostValue(null, t, e.getArg(host, j)));
  let unpack = unpackers.get(host);
  if (unpack === undefined) {
    const api = hostApi();
    const key = params.map(boundaryTypeName).join(' ');
    let module = unpackModules.get(key);
    if (module === undefined) unpackModules.set(key, (module = new api.Module(unpackModule(params))));
    const inst = new api.Instance(module, { h: { tag: host, throw: () => throwUnpacked() } });
    unpack = inst.exports.unpack as HostFunction;
    unpackers.set(host, unpack);
  }
  unpacking.push(e);
  let r: unknown;
  try {
    r = unpack();
  } finally {
    unpacking.pop();
  }
  const raw = params.length === 1 ? [r] : (r as unknown[]);
  return params.map((t, j) => fromHostValue(null, t, raw[j]));
}

/** The exceptions being unpacked, innermost last (the unpack module's `throw` import throws the last). */
const unpacking: HostException[] = [];
function throwUnpacked(): never {
  throw unpacking[unpacking.length - 1];
}
/** The unpack function of each host tag, and the compiled unpack module of each payload signature. */
const unpackers = new WeakMap<HostTag, HostFunction>();
const unpackModules = new Map<string, HostModule>();

/** The wasm backend's state of `store` (created on first use). */
export function wasmState(store: Store<unknown>): WasmStoreState {
  WasmException.adopt ??= adopt;
  let s = existingWasmState(store);
  if (s === undefined) {
    s = spareStates.get(store.engine)?.pop();
    if (s === undefined) s = new WasmStoreState(store);
    else s.adopt(store);
    store.wasmState = s;
  }
  return s;
}

/** States of disposed stores, per engine, for the next store (see `recycle`). */
const spareStates = new WeakMap<object, WasmStoreState[]>();
/** Most spare states an engine keeps. */
const MAX_SPARE_STATES = 16;

/**
 * Hands the state of a store whose wasm-backend instances were all retired (a pooling allocator took
 * their slots back, see `WasmStoreState.release`) to the engine's next store: its host globals and hook
 * instance, which every instance of the store imports, cost more to create than the instance itself. No
 * code of the old store can run any more, so nothing of it sees the next store through them; the store
 * gets a new state if it makes wasm-backend instances again.
 */
function recycle(s: WasmStoreState): void {
  const store = s.store;
  store.wasmState = undefined;
  let spare = spareStates.get(store.engine);
  if (spare === undefined) spareStates.set(store.engine, (spare = []));
  if (spare.length < MAX_SPARE_STATES) spare.push(s);
}

/** What a retired instance's functions do when called. */
function retired(): never {
  throw new RuntimeTrap(TrapCode.MemoryOutOfBounds);
}

/**
 * The state of `store` if a wasm-backend instance has ever been made in it. The store's field holds only
 * states this module made (`wasmState`), so the narrowing is sound.
 */
export function existingWasmState(store: Store<unknown>): WasmStoreState | undefined {
  return store.wasmState as WasmStoreState | undefined;
}

/** A runtime value of type `t` as the host engine takes it. */
export function toHostValue(state: WasmStoreState, t: ValType, v: unknown): unknown {
  if (t === FUNCREF) return v === null ? null : hostFunctionOf(state, v as VMFuncRef);
  if (t === F64 || t === F32) return floatNumber(v as FloatValue);
  return v;
}

/** A host engine's value of type `t` as the runtime represents it. */
export function fromHostValue(_state: WasmStoreState | null, t: ValType, v: unknown): unknown {
  if (t === FUNCREF) return v === null ? null : refOfHostFunction(v as HostFunction);
  if (t === F32) return Math.fround(v as number);
  return v;
}

/** The VMFuncRef of a host function object that came out of a host table, global or call. */
export function refOfHostFunction(fn: HostFunction): VMFuncRef {
  const ref = (fn as Tagged)[REF];
  if (ref === undefined) throw new TypeError('a function reference that wasmts does not know');
  return ref;
}

const ZERO: Record<string, unknown> = { i32: 0, i64: 0n, f32: 0, f64: 0, funcref: null, externref: null };

/**
 * The host function object for a VMFuncRef: a wasm-backend function's own object, or (for host functions
 * and JS-backend functions) an export of a per-signature wrapper module importing an adapter.
 */
export function hostFunctionOf(state: WasmStoreState, ref: VMFuncRef): HostFunction {
  const known = ref.host as HostFunction | undefined;
  if (known !== undefined) return known;
  const type = state.store.typeRegistry.funcType(ref.typeId);
  if (!crossesBoundary(type))
    throw new TypeError('a function with v128 or GC types in its signature cannot be passed to the wasm backend');
  const fuelOn = state.store.engine.controls.consumeFuel;
  const epochOn = state.store.engine.controls.epochInterruption;
  const { params, results } = type;
  const inner = ref.fn;
  const zero =
    results.length === 0
      ? undefined
      : results.length === 1
        ? ZERO[boundaryTypeName(bitsType(results[0])) as string]
        : results.map((t) => ZERO[boundaryTypeName(bitsType(t)) as string]);
  const call = (args: unknown[]) => {
    for (let i = 0; i < params.length; i++) {
      const t = params[i];
      if (t === F32) args[i] = f32FromBits(args[i] as number);
      else if (t === FUNCREF && args[i] !== null) args[i] = refOfHostFunction(args[i] as HostFunction);
    }
    if (fuelOn) state.syncFuel();
    let r: unknown;
    try {
      r = inner(...args);
    } catch (e) {
      if (e instanceof WasmException) throw toHostException(state, e);
      // a host exception from wasm-backend code further in: wasm handlers out here may catch it
      if (isHostException(e)) throw e;
      state.setPending(e);
      return zero;
    } finally {
      if (fuelOn) state.syncFuelIn();
      if (epochOn) state.noticeEpoch();
    }
    if (results.length === 1) return toBits(state, results[0], r);
    if (results.length > 1) return (r as unknown[]).map((x, i) => toBits(state, results[i], x));
    return undefined;
  };
  // declared with the wrapper's parameters where there are few (see `guardedCall`)
  const adapter =
    params.length === 0
      ? () => call([])
      : params.length === 1
        ? (a: unknown) => call([a])
        : params.length === 2
          ? (a: unknown, b: unknown) => call([a, b])
          : params.length === 3
            ? (a: unknown, b: unknown, c: unknown) => call([a, b, c])
            : (...args: unknown[]) => call(args);
  const inst = new (hostApi().Instance)(compiled(importWrappers, type, importWrapper), {
    h: { f: adapter, pending: state.pending },
  });
  const hostFn = inst.exports.f as HostFunction;
  registerHostFunction(hostFn, ref);
  return hostFn;
}

/**
 * What a host module imports for a host function (`ref.instance` null) that it never lets escape (no
 * export, no reference): a plain JS function, without the per-signature wrapper instance `hostFunctionOf`
 * makes (whose object identity a table or a `ref.func` needs, an import does not). Signatures with f32 or
 * funcref take that wrapper still. An error of the host function becomes the pending error and a real
 * trap of the store's `trap` hook, as the wrapper's `unreachable` does: no wasm handler catches it.
 */
export function importCallOf(state: WasmStoreState, ref: VMFuncRef): HostFunction {
  if (ref.instance !== null) return hostFunctionOf(state, ref);
  const type = state.store.typeRegistry.funcType(ref.typeId);
  if (needsAdapter(type) || !crossesBoundary(type)) return hostFunctionOf(state, ref);
  return guardedCall(state, ref.fn, type.params.length);
}

/**
 * `inner` (raw values in and out, no f32 or funcref) as a plain JS function a host module can import:
 * fuel synchronised around it, and what it throws made the pending error and a real trap (see
 * `importCallOf`).
 */
export function guardedCall(state: WasmStoreState, inner: HostFunction, arity = inner.length): HostFunction {
  const fuelOn = state.store.engine.controls.consumeFuel;
  const epochOn = state.store.engine.controls.epochInterruption;
  const trap = state.hooks.trap;
  const failed = (e: unknown): unknown => {
    if (e instanceof WasmException) throw toHostException(state, e);
    if (isHostException(e)) throw e;
    state.setPending(e);
    return trap(PENDING_ERROR - 1);
  };
  if (!fuelOn && !epochOn) {
    // as many declared parameters as the import has: the host engine then calls it without adapting the
    // arguments (a rest parameter made every call of an import take the slower mismatched-arity path)
    switch (arity) {
      case 0:
        return () => {
          try {
            return inner();
          } catch (e) {
            return failed(e);
          }
        };
      case 1:
        return (a: unknown) => {
          try {
            return inner(a);
          } catch (e) {
            return failed(e);
          }
        };
      case 2:
        return (a: unknown, b: unknown) => {
          try {
            return inner(a, b);
          } catch (e) {
            return failed(e);
          }
        };
      case 3:
        return (a: unknown, b: unknown, c: unknown) => {
          try {
            return inner(a, b, c);
          } catch (e) {
            return failed(e);
          }
        };
      case 4:
        return (a: unknown, b: unknown, c: unknown, d: unknown) => {
          try {
            return inner(a, b, c, d);
          } catch (e) {
            return failed(e);
          }
        };
    }
  }
  const before = () => {
    if (fuelOn) state.syncFuel();
  };
  const after = () => {
    if (fuelOn) state.syncFuelIn();
    if (epochOn) state.noticeEpoch();
  };
  switch (arity) {
    case 0:
      return () => {
        before();
        try {
          return inner();
        } catch (e) {
          return failed(e);
        } finally {
          after();
        }
      };
    case 1:
      return (a: unknown) => {
        before();
        try {
          return inner(a);
        } catch (e) {
          return failed(e);
        } finally {
          after();
        }
      };
    case 2:
      return (a: unknown, b: unknown) => {
        before();
        try {
          return inner(a, b);
        } catch (e) {
          return failed(e);
        } finally {
          after();
        }
      };
    case 3:
      return (a: unknown, b: unknown, c: unknown) => {
        before();
        try {
          return inner(a, b, c);
        } catch (e) {
          return failed(e);
        } finally {
          after();
        }
      };
    case 4:
      return (a: unknown, b: unknown, c: unknown, d: unknown) => {
        before();
        try {
          return inner(a, b, c, d);
        } catch (e) {
          return failed(e);
        } finally {
          after();
        }
      };
  }
  return (...args: unknown[]) => {
    before();
    try {
      return inner(...args);
    } catch (e) {
      return failed(e);
    } finally {
      after();
    }
  };
}

function toBits(state: WasmStoreState, t: ValType, v: unknown): unknown {
  if (t === F32) return f32ToBits(v as number);
  if (t === FUNCREF) return v === null ? null : hostFunctionOf(state, v as VMFuncRef);
  return v;
}

/** A runtime exception as a host exception (so a wasm-backend `catch` with its tag matches it). */
function toHostException(state: WasmStoreState, e: WasmException): unknown {
  if (isHostException(e)) return e; // a host exception that JS-backend code caught and rethrew
  const api = hostApi();
  if (api.Exception === undefined) return e;
  const tag = state.hostTagOf(e.tag);
  return new api.Exception(
    tag,
    e.tag.params.map((t, i) => toHostValue(state, t, e.values[i])),
  );
}

/**
 * The `fn` of a wasm-backend function's VMFuncRef: the host function itself when nothing needs converting
 * (the common case: wasm-to-wasm calls and host calls stay direct), else an adapter that passes f32 as
 * bits and maps function references.
 */
export function callableOf(state: WasmStoreState, hostFn: HostFunction, type: FuncType): HostFunction {
  // an f64 argument may be a NaN kept as bits (NaNBits, an object): the host engine takes it as the NaN number
  if (!needsAdapter(type) && !type.params.includes(F64)) return hostFn;
  const { params, results } = type;
  const hasF32 = params.includes(F32) || results.includes(F32);
  const target = hasF32
    ? (new (hostApi().Instance)(compiled(exportWrappers, type, exportWrapper), { h: { f: hostFn } }).exports
        .f as HostFunction)
    : hostFn;
  return (...args: unknown[]) => {
    for (let i = 0; i < params.length; i++) {
      const t = params[i];
      if (t === F32) args[i] = f32ToBits(args[i] as number);
      else if (t === F64) args[i] = floatNumber(args[i] as FloatValue);
      else if (t === FUNCREF && args[i] !== null) args[i] = hostFunctionOf(state, args[i] as VMFuncRef);
    }
    const r = target(...args);
    if (results.length === 1) return fromBits(results[0], r);
    if (results.length > 1) return (r as unknown[]).map((x, i) => fromBits(results[i], x));
    return undefined;
  };
}

function fromBits(t: ValType, v: unknown): unknown {
  if (t === F32) return f32FromBits(v as number);
  if (t === FUNCREF) return v === null ? null : refOfHostFunction(v as HostFunction);
  return v;
}

/** Whether `e` is a host `WebAssembly.Exception`. */
export function isHostException(e: unknown): e is HostException {
  const api = HOST_WEBASSEMBLY;
  return api?.Exception !== undefined && e instanceof api.Exception;
}
