// Errors of the host engine at the entry trampoline: a `WebAssembly.RuntimeError` becomes a `Trap` with
// the right `TrapCode` (or the error a hook or a JS function left pending), a `WebAssembly.Exception`
// becomes the API's uncaught-exception error.

import { TrapCode } from '@wasmts/environ';
import { Tag as RuntimeTag, Trap as RuntimeTrap, WasmException } from '@wasmts/runtime';
import { namesOfModuleId, topWasmFrame, UncaughtWasmException, WasmBacktrace } from '../trap.js';
import { isHostException, type WasmStoreState } from './bridge.js';

/** The host's module bytes by module id, to read the operator a trap happened at. */
const moduleBytes = new Map<number, { bytes: Uint8Array; originalOffset: (o: number) => number }>();

/** Registers the original bytes and offset map of a wasm-backend module under its id. */
export function registerTrapSites(id: number, bytes: Uint8Array, originalOffset: (o: number) => number): void {
  moduleBytes.set(id, { bytes, originalOffset });
}

/** The original operator byte at the top wasm frame of `stack`, or -1. */
function opcodeAt(stack: string): number {
  const f = topWasmFrame(stack);
  if (f === null) return -1;
  const m = moduleBytes.get(f.id);
  if (m === undefined || namesOfModuleId(f.id) === null) return -1;
  const at = m.originalOffset(f.offset);
  return at < 0 ? -1 : m.bytes[at];
}

/** The trap code of a host `RuntimeError` message (V8's texts; others by their words). */
function trapCodeOf(message: string, stack: string): TrapCode {
  const m = message.toLowerCase();
  if (m.includes('unreachable')) return TrapCode.UnreachableCodeReached;
  if (m.includes('divide by zero') || m.includes('remainder by zero')) return TrapCode.IntegerDivisionByZero;
  if (m.includes('unrepresentable') || m.includes('overflow')) return TrapCode.IntegerOverflow;
  if (m.includes('data segment') || m.includes('memory access')) return TrapCode.MemoryOutOfBounds;
  if (m.includes('signature mismatch')) return TrapCode.BadSignature;
  if (m.includes('table index') || m.includes('element segment') || m.includes('table')) {
    const op = opcodeAt(stack);
    return op === 0x11 || op === 0x13 ? TrapCode.UndefinedElement : TrapCode.TableOutOfBounds;
  }
  if (m.includes('array')) return TrapCode.ArrayOutOfBounds;
  if (m.includes('null')) return TrapCode.NullReference;
  if (m.includes('cast')) return TrapCode.CastFailure;
  if (m.includes('unaligned')) return TrapCode.HeapMisaligned;
  return TrapCode.UnreachableCodeReached;
}

/**
 * What a host engine error thrown out of wasm-backend code stands for, or `e` itself when it is not one
 * (the JS backend's conversion then applies).
 */
export function convertHostError(
  state: WasmStoreState,
  e: unknown,
  maxFrames: number,
  runtimeError: new (...a: any[]) => Error,
): unknown {
  if (e instanceof runtimeError) {
    const stack = e.stack ?? '';
    const pending = state.takePending();
    if (pending !== undefined) {
      if (pending instanceof RuntimeTrap && pending.backtrace === null && maxFrames > 0)
        pending.backtrace = new WasmBacktrace(stack, null, maxFrames);
      return pending;
    }
    const t = new RuntimeTrap(trapCodeOf(e.message, stack));
    if (maxFrames > 0) t.backtrace = new WasmBacktrace(stack, null, maxFrames);
    return t;
  }
  if (isHostException(e)) {
    const exc = state.exceptionOf(e) ?? new WasmException(new RuntimeTag(-1, []), []);
    return new UncaughtWasmException(exc);
  }
  return e;
}
