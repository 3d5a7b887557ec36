// Why wasm code stopped: the codes of wasmtime's TrapCode, plus the spec's finer distinctions (null
// references by kind, undefined vs uninitialized table element) so traps print the spec suite's text.
// Codes are small integers: codegen stores them at trap sites and the serialized artifact keeps them.

/** The reason a trap was raised. */
export const TrapCode = {
  /** The call stack (wasm frames or the host's) was exhausted. */
  StackOverflow: 0,
  /** A load, store or bulk memory operation was out of bounds. */
  MemoryOutOfBounds: 1,
  /** An atomic access was not aligned to its size. */
  HeapMisaligned: 2,
  /** A table access or bulk table operation was out of bounds. */
  TableOutOfBounds: 3,
  /** `call_indirect` found a null entry. */
  IndirectCallToNull: 4,
  /** `call_indirect` found a function of the wrong type. */
  BadSignature: 5,
  /** Signed division overflowed (INT_MIN / -1) or a float-to-int conversion overflowed. */
  IntegerOverflow: 6,
  /** Integer division or remainder by zero. */
  IntegerDivisionByZero: 7,
  /** A float-to-int conversion of NaN. */
  BadConversionToInteger: 8,
  /** `unreachable` executed. */
  UnreachableCodeReached: 9,
  /** Execution was interrupted (the epoch deadline passed). */
  Interrupt: 10,
  /** The store ran out of fuel. */
  OutOfFuel: 11,
  /** `memory.atomic.wait` on an unshared memory. */
  AtomicWaitNonSharedMemory: 12,
  /** A null reference was used where a non-null one is needed (generic form). */
  NullReference: 13,
  /** An array access was out of bounds. */
  ArrayOutOfBounds: 14,
  /** A GC allocation was too large. */
  AllocationTooLarge: 15,
  /** `ref.cast` (or a cast in a call) failed. */
  CastFailure: 16,
  /** A component instance could not be entered (reentrance). */
  CannotEnterComponent: 17,
  /** A wasm exception reached the host uncaught. */
  UncaughtException: 18,
  /** `call_indirect` used an index beyond the table's size. */
  UndefinedElement: 19,
  /** `call_ref` or `return_call_ref` on null. */
  NullFunctionReference: 20,
  /** A struct operation on null. */
  NullStructReference: 21,
  /** An array operation on null. */
  NullArrayReference: 22,
  /** `i31.get_*` on null. */
  NullI31Reference: 23,
  /** A GC allocation would take the store's GC heap past its limit (`Tunables.maxGcHeapBytes`, the limiter). */
  GcHeapOutOfMemory: 24,
  /**
   * `memory.atomic.wait` on a thread that may not block (a browser's main thread), where engines trap too
   * (V8: "Atomics.wait cannot be called in this context").
   */
  AtomicWaitNotAllowed: 25,
} as const;
/** See `TrapCode`. */
export type TrapCode = (typeof TrapCode)[keyof typeof TrapCode];

/** The spec suite's message for each trap code (what `assert_trap` expects), indexed by code. */
export const TRAP_MESSAGES: readonly string[] = [
  'call stack exhausted',
  'out of bounds memory access',
  'unaligned atomic',
  'out of bounds table access',
  'uninitialized element',
  'indirect call type mismatch',
  'integer overflow',
  'integer divide by zero',
  'invalid conversion to integer',
  'unreachable',
  'interrupt',
  'all fuel consumed by WebAssembly',
  'atomic wait on non-shared memory',
  'null reference',
  'out of bounds array access',
  'allocation size too large',
  'cast failure',
  'cannot enter component instance',
  'uncaught exception',
  'undefined element',
  'null function reference',
  'null structure reference',
  'null array reference',
  'null i31 reference',
  'GC heap out of memory',
  'atomic wait not allowed on this thread',
];

const NAMES: readonly string[] = Object.keys(TrapCode);

/** The spec's message for a trap code. */
export function trapMessage(code: TrapCode): string {
  return TRAP_MESSAGES[code] ?? `trap ${code}`;
}

/** The name of a trap code (`"IntegerDivisionByZero"`), for diagnostics and serialization. */
export function trapCodeName(code: TrapCode): string {
  return NAMES[code] ?? `Unknown${code}`;
}

/** The trap code with a given name, or undefined. */
export function trapCodeFromName(name: string): TrapCode | undefined {
  return Object.hasOwn(TrapCode, name) ? TrapCode[name as keyof typeof TrapCode] : undefined;
}
