// Errors of the host engine at the entry trampoline: a `WebAssembly.RuntimeError` becomes a `Trap` with
// the right `TrapCode` (or the error a hook or a JS function left pending), a `WebAssembly.Exception`
// becomes the API's uncaught-exception error.

import { BinaryReader, TableIndex, TrapCode } from '@wasmts/environ';
import { Tag as RuntimeTag, Trap as RuntimeTrap, WasmException } from '@wasmts/runtime';
import { attachBacktrace, namesOfModuleId, topWasmFrame, UncaughtWasmException } from '../trap.js';
import { isHostException, type WasmStoreState } from './bridge.js';

/** The original operator's offset and bytes at the top wasm frame of `stack`, or null. */
function siteOf(stack: string): { at: number; bytes: Uint8Array; sharedMemories: readonly boolean[] } | null {
  const f = topWasmFrame(stack);
  if (f === null) return null;
  const m = namesOfModuleId(f.id)?.trapSites;
  if (m === undefined) return null;
  const at = m.originalOffset(f.offset);
  return at < 0 ? null : { at, bytes: m.bytes, sharedMemories: m.sharedMemories };
}

/**
 * A host error at `memory.atomic.wait32/64` (V8 says "Atomics.wait cannot be called in this context" both on
 * an unshared memory and on a thread that may not block): which of the two, by the operator's memory; null
 * when the site is not a wait.
 */
function waitTrapCode(stack: string): TrapCode | null {
  const s = siteOf(stack);
  if (s === null || s.bytes[s.at] !== 0xfe) return null;
  const r = new BinaryReader(s.bytes, s.at + 1, s.bytes.length);
  const sub = r.u32();
  if (sub !== 0x01 /* memory.atomic.wait32 */ && sub !== 0x02 /* memory.atomic.wait64 */) return null;
  const flags = r.u32(); // memarg: alignment, with bit 6 when a memory index follows
  const memory = flags & 0x40 ? r.u32() : 0;
  return s.sharedMemories[memory] === true ? TrapCode.AtomicWaitNotAllowed : TrapCode.AtomicWaitNonSharedMemory;
}

/** The original operator byte at the top wasm frame of `stack`, or -1. */
function opcodeAt(stack: string): number {
  const s = siteOf(stack);
  return s === null ? -1 : s.bytes[s.at];
}

/**
 * A host "null function or signature mismatch" at a `call_indirect`: the entry the instrumented code
 * recorded (instance and index) says which it was.
 */
function indirectTrapCode(state: WasmStoreState, stack: string): TrapCode {
  const s = siteOf(stack);
  const inst = state.instancesById[state.indirectInstance.value as number];
  if (s === null || inst === undefined || (s.bytes[s.at] !== 0x11 && s.bytes[s.at] !== 0x13))
    return TrapCode.BadSignature;
  const r = new BinaryReader(s.bytes, s.at + 1, s.bytes.length);
  r.u32(); // type index
  const table = inst.table(TableIndex(r.u32()));
  const index = (state.indirectIndex.value as number) >>> 0;
  return index < table.size && table.elements[index] === null ? TrapCode.IndirectCallToNull : TrapCode.BadSignature;
}

/** The trap code of a host `RuntimeError` message (V8's texts; others by their words). */
function trapCodeOf(state: WasmStoreState, message: string, stack: string): TrapCode {
  const m = message.toLowerCase();
  if (m.includes('unreachable')) return TrapCode.UnreachableCodeReached;
  if (m.includes('divide by zero') || m.includes('remainder by zero')) return TrapCode.IntegerDivisionByZero;
  if (m.includes('unrepresentable') || m.includes('overflow')) return TrapCode.IntegerOverflow;
  if (m.includes('data segment') || m.includes('memory access')) return TrapCode.MemoryOutOfBounds;
  if (m.includes('signature mismatch')) return indirectTrapCode(state, stack);
  if (m.includes('table index') || m.includes('element segment') || m.includes('table')) {
    const op = opcodeAt(stack);
    return op === 0x11 /* call_indirect */ || op === 0x13 /* return_call_indirect */
      ? TrapCode.UndefinedElement
      : TrapCode.TableOutOfBounds;
  }
  if (m.includes('array')) return TrapCode.ArrayOutOfBounds;
  if (m.includes('null')) return TrapCode.NullReference;
  if (m.includes('cast')) return TrapCode.CastFailure;
  if (m.includes('unaligned')) return TrapCode.HeapMisaligned;
  return waitTrapCode(stack) ?? TrapCode.UnreachableCodeReached;
}

/**
 * What a host engine error thrown out of wasm-backend code stands for, or `e` itself when it is not one
 * (the JS backend's conversion then applies).
 */
export function convertHostError(
  state: WasmStoreState,
  e: unknown,
  maxFrames: number,
  runtimeError: new (message?: string) => Error,
): unknown {
  if (e instanceof runtimeError) {
    const stack = e.stack ?? '';
    const pending = state.takePending();
    if (pending !== undefined) {
      if (pending instanceof RuntimeTrap && pending.backtrace === null && maxFrames > 0)
        attachBacktrace(pending, stack, null, maxFrames);
      return pending;
    }
    const t = new RuntimeTrap(trapCodeOf(state, e.message, stack));
    if (maxFrames > 0) attachBacktrace(t, stack, null, maxFrames);
    return t;
  }
  if (isHostException(e)) {
    const exc = state.exceptionOf(e) ?? new WasmException(new RuntimeTag(-1, []), []);
    return new UncaughtWasmException(exc);
  }
  return e;
}
