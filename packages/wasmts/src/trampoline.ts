// The entry trampoline every call from the host into wasm goes through (both backends: the call depth, epoch
// checks at entry, host references rooted while the call runs, errors converted at the boundary), and the checks
// of reference arguments against the store.

import { HeapKind, isRef, refHeap, TrapCode, type ValType as WasmValType } from '@wasmts/environ';
import {
  HostError,
  Trap as RuntimeTrap,
  type TypeRegistry,
  VMFuncRef,
  WasmArray,
  WasmException,
  type WasmFunction,
  WasmStruct,
} from '@wasmts/runtime';
import type { Store } from './store.js';
import { type BacktraceNames, convertError } from './trap.js';
import { refKindOfHeap } from './values.js';
import { existingWasmState, type WasmStoreState } from './wasm-backend/bridge.js';
import { hostApi } from './wasm-backend/host-api.js';
import { convertHostError } from './wasm-backend/traps.js';
import { WrongStoreError } from './wrong-store.js';

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

export const NO_ROOTS: readonly number[] = Object.freeze([]);

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
export function ownedRefPositions(types: readonly WasmValType[], registry: TypeRegistry): readonly number[] {
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
export function foreignValue(store: Store<unknown>, v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (v instanceof VMFuncRef) return v.store !== store;
  if (v instanceof WasmStruct || v instanceof WasmArray) return !store.typeRegistry.owns(v.rtt);
  if (v instanceof WasmException) return v.tag.store !== store;
  // a Func (or another store-bound API object) where its raw value was due
  return 'store' in v && (v as { store: unknown }).store !== store;
}

/** What a foreign value is called in a WrongStoreError (`function given as funcref argument 0`, ...). */
export function foreignWhat(v: unknown, role: 'argument' | 'result', position: number | null): string {
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
export function checkRefArgs(store: Store<unknown>, args: readonly unknown[], positions: readonly number[]): void {
  for (let i = 0; i < positions.length; i++) {
    const v = args[positions[i]];
    if (foreignValue(store, v)) throw new WrongStoreError(foreignWhat(v, 'argument', positions[i]));
  }
}

/** Roots a host reference the host hands to wasm while a call runs in the store (see ExternRefActivationsTable). */
export function rootIfRunning(store: Store<unknown>, type: WasmValType, value: unknown): void {
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
  store: Store<unknown>,
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
      store.runtimeLimits.stackDepth = 0;
      store.externRefActivations.clear();
    }
  }
}

/**
 * A call from the host into a guest function checks the epoch deadline before it starts, as wasmtime's entry
 * check does: compiled code checks only the entries of functions that may recurse (codegen's `epochEntryChecks`),
 * so a call of any function still traps (or asks the deadline callback) at once when the deadline has passed.
 */
function epochAtEntry(store: Store<unknown>): void {
  // the engine's epoch clock was started or stopped since the last call: the compared deadline follows
  if (store.clockChanged()) store.syncEpochDeadline();
  store.engine.epochClock?.poll();
  if (store.epochCounter[0] < store.epochDeadline) return;
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
  store: Store<unknown>,
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
      store.runtimeLimits.stackDepth = 0;
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

/** Runs `f` outside wasm: an error the store's limiter threw comes out unboxed. */
export function unboxed<R>(f: () => R): R {
  try {
    return f();
  } catch (e) {
    throw e instanceof HostError ? e.error : e;
  }
}
