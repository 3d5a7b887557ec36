// The libcall table (wasmtime's `foreach_builtin_function!`): every member of the runtime's builtins object `rt`
// (docs/js-abi.md) that generated JS calls, defined once, with its JS-ABI signature and the traps it raises.
// codegen's FuncEnvironment accepts only these names (`rt(name: Libcall)`), the runtime's builtins object is
// checked against them in both directions at compile time (runtime/src/builtins.ts), and codegen's tests check
// that each one has a caller.

import type { TrapCode } from './trap.js';

/** One libcall: its JS-ABI signature (for readers) and the trap codes it can raise. */
export interface LibcallInfo {
  /** Parameters and result as generated code passes them (`vmctx` is the caller's VMContext). */
  readonly sig: string;
  /** The traps it raises (names of `TrapCode`); `trap` raises the code it is given. */
  readonly traps: readonly (keyof typeof TrapCode)[];
}

const OOB_MEM = ['MemoryOutOfBounds'] as const;
const OOB_TABLE = ['TableOutOfBounds'] as const;
const NONE = [] as const;

/** Every libcall, by the name generated code uses (`rt.<name>`). */
export const LIBCALLS = {
  // classes generated code constructs or tests with instanceof
  V128: { sig: 'new V128(a: i32, b: i32, c: i32, d: i32): v128 at a boundary', traps: NONE },
  WasmException: { sig: 'class: `instanceof` in catch blocks', traps: NONE },
  WasmStruct: { sig: 'class: `instanceof` in ref.test/ref.cast', traps: NONE },
  WasmArray: { sig: 'class: `instanceof` in ref.test/ref.cast', traps: NONE },

  // traps, fuel, epochs
  trap: { sig: '(code: TrapCode): never', traps: NONE },
  outOfGas: { sig: '(vmctx): void', traps: ['OutOfFuel'] },
  fuelOverdrawn: { sig: '(vmctx, left: i32): fuel window', traps: NONE },
  newEpoch: { sig: '(vmctx): void', traps: ['Interrupt'] },

  // memories
  memoryGrow: { sig: '(mem, delta: i32 | i64): old pages or -1', traps: NONE },
  memoryFill: { sig: '(mem, dst, value: i32, len): void', traps: OOB_MEM },
  memoryCopy: { sig: '(dstMem, srcMem, dst, src, len): void', traps: OOB_MEM },
  memoryInit: { sig: '(vmctx, mem, data: i32, dst, src: i32, len: i32): void', traps: OOB_MEM },
  dataDrop: { sig: '(vmctx, data: i32): void', traps: NONE },

  // tables
  tableGrow: { sig: '(table, init, delta): old size or -1', traps: NONE },
  tableFill: { sig: '(table, dst, value, len): void', traps: OOB_TABLE },
  tableCopy: { sig: '(dstTable, srcTable, dst, src, len): void', traps: OOB_TABLE },
  tableInit: { sig: '(vmctx, table, elem: i32, dst, src: i32, len: i32): void', traps: OOB_TABLE },
  elemDrop: { sig: '(vmctx, elem: i32): void', traps: NONE },
  isSubtypeId: { sig: '(a: type id, b: type id): boolean', traps: NONE },

  // GC
  rtt: { sig: '(typeId): Rtt', traps: NONE },
  structNew: { sig: '(vmctx, rtt, ...fields): struct', traps: ['GcHeapOutOfMemory'] },
  structNewDefault: { sig: '(vmctx, rtt): struct', traps: ['GcHeapOutOfMemory'] },
  arrayNew: { sig: '(vmctx, rtt, value, len: i32): array', traps: ['AllocationTooLarge', 'GcHeapOutOfMemory'] },
  arrayNewDefault: { sig: '(vmctx, rtt, len: i32): array', traps: ['AllocationTooLarge', 'GcHeapOutOfMemory'] },
  arrayNewFixed: { sig: '(vmctx, rtt, ...values): array', traps: ['AllocationTooLarge', 'GcHeapOutOfMemory'] },
  arrayNewData: {
    sig: '(vmctx, rtt, data: i32, offset: i32, len: i32): array',
    traps: ['MemoryOutOfBounds', 'AllocationTooLarge', 'GcHeapOutOfMemory'],
  },
  arrayNewElem: {
    sig: '(vmctx, rtt, elem: i32, offset: i32, len: i32): array',
    traps: ['TableOutOfBounds', 'AllocationTooLarge', 'GcHeapOutOfMemory'],
  },
  arrayInitData: {
    sig: '(vmctx, array, data: i32, dst: i32, src: i32, len: i32): void',
    traps: ['NullArrayReference', 'ArrayOutOfBounds', 'MemoryOutOfBounds'],
  },
  arrayInitElem: {
    sig: '(vmctx, array, elem: i32, dst: i32, src: i32, len: i32): void',
    traps: ['NullArrayReference', 'ArrayOutOfBounds', 'TableOutOfBounds'],
  },
  arrayCopy: {
    sig: '(dst, dstIndex: i32, src, srcIndex: i32, len: i32): void',
    traps: ['NullArrayReference', 'ArrayOutOfBounds'],
  },
  arrayFill: { sig: '(array, index: i32, value, len: i32): void', traps: ['NullArrayReference', 'ArrayOutOfBounds'] },
  refTest: { sig: '(v, heap: HeapKind < 0 or type id, nullable: boolean): boolean', traps: NONE },
  anyConvertExtern: { sig: '(v): anyref', traps: NONE },
  externConvertAny: { sig: '(v): externref', traps: NONE },

  // exceptions
  tuple: { sig: '(...values): values as an array with generic elements (NaN payloads kept)', traps: NONE },
  newException: { sig: '(tag, values): exception', traps: NONE },

  // threads
  atomicLoad32: { sig: '(mem, ea, bytes): i32', traps: ['MemoryOutOfBounds', 'HeapMisaligned'] },
  atomicLoad64: { sig: '(mem, ea, bytes): i64 (bigint)', traps: ['MemoryOutOfBounds', 'HeapMisaligned'] },
  atomicStore32: { sig: '(mem, ea, bytes, value: i32): void', traps: ['MemoryOutOfBounds', 'HeapMisaligned'] },
  atomicStore64: { sig: '(mem, ea, bytes, value: i64): void', traps: ['MemoryOutOfBounds', 'HeapMisaligned'] },
  atomicRmw32: {
    sig: "(mem, ea, bytes, op: 'add' | ..., value: i32): old",
    traps: ['MemoryOutOfBounds', 'HeapMisaligned'],
  },
  atomicRmw64: {
    sig: "(mem, ea, bytes, op: 'add' | ..., value: i64): old",
    traps: ['MemoryOutOfBounds', 'HeapMisaligned'],
  },
  atomicCmpxchg32: {
    sig: '(mem, ea, bytes, expected: i32, replacement: i32): old',
    traps: ['MemoryOutOfBounds', 'HeapMisaligned'],
  },
  atomicCmpxchg64: {
    sig: '(mem, ea, bytes, expected: i64, replacement: i64): old',
    traps: ['MemoryOutOfBounds', 'HeapMisaligned'],
  },
  atomicNotify: { sig: '(mem, ea, count: i32): woken', traps: ['MemoryOutOfBounds', 'HeapMisaligned'] },
  atomicWait: {
    sig: '(mem, ea, bytes, expected, timeout: i64): 0 | 1 | 2',
    traps: ['MemoryOutOfBounds', 'HeapMisaligned', 'AtomicWaitNonSharedMemory', 'AtomicWaitNotAllowed'],
  },
} as const satisfies Record<string, LibcallInfo>;

/** The name of a libcall. */
export type Libcall = keyof typeof LIBCALLS;

/** Every libcall name, in table order. */
export const LIBCALL_NAMES: readonly Libcall[] = Object.freeze(Object.keys(LIBCALLS) as Libcall[]);
