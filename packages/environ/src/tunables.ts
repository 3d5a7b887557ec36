// Knobs that change how code is generated and how instances are laid out, but never what a valid
// program computes. The API's Config fills them in; codegen and runtime read them.

/** Code generation and runtime settings, like wasmtime's `Tunables`. */
export interface Tunables {
  /** Most bytes of wasm stack a call may use (wasmtime's default: 512 KiB); see `maxCallDepth`. */
  readonly maxWasmStack: number;
  /** Most nested wasm calls; the JS backend enforces the stack limit by call depth. */
  readonly maxCallDepth: number;
  /** Instrument code to consume fuel, and trap with `OutOfFuel` when the store's fuel runs out. */
  readonly consumeFuel: boolean;
  /** Instrument loops and function entries to check the epoch deadline. */
  readonly epochInterruption: boolean;
  /** Bytes of address space reserved for each linear memory up front (growth within it does not move). */
  readonly memoryReservation: number;
  /** Bytes of guard region assumed after a memory's reservation (lets codegen drop some bounds checks). */
  readonly memoryGuardSize: number;
  /** Extra bytes reserved beyond the current size when a memory must be reallocated on growth. */
  readonly memoryReservationForGrowth: number;
  /** May a linear memory's base move when it grows? */
  readonly memoryMayMove: boolean;
  /** Initialize memories lazily from their data segments (copy-on-write images where the host can). */
  readonly memoryInitCow: boolean;
  /** Most elements a table may grow to. */
  readonly maxTableElements: number;
  /** Most bytes a linear memory may grow to (further limited by the store's limiter). */
  readonly maxMemoryBytes: number;
  /**
   * Most bytes of GC objects a store may hold, by the runtime's cost model (see @wasmts/runtime's
   * `gc-heap.ts`); an allocation past it traps with `GcHeapOutOfMemory` (`AllocationTooLarge` when one
   * object alone is larger). The store's limiter can lower it (`gcHeapGrowing`).
   */
  readonly maxGcHeapBytes: number;
  /** Keep per-instruction address maps in compiled code for precise wasm backtraces. */
  readonly generateAddressMap: boolean;
  /** Keep function names from the name section in compiled code for backtraces. */
  readonly debugNames: boolean;
  /** Treat NaN bit patterns and relaxed-SIMD results deterministically (slower, identical across backends). */
  readonly deterministic: boolean;
}

/** The default tunables: wasmtime's defaults where they translate to JavaScript hosts. */
export const DEFAULT_TUNABLES: Tunables = Object.freeze({
  maxWasmStack: 512 * 1024,
  maxCallDepth: 10_000,
  consumeFuel: false,
  epochInterruption: false,
  memoryReservation: 0,
  memoryGuardSize: 0,
  memoryReservationForGrowth: 2 * 1024 * 1024,
  memoryMayMove: true,
  memoryInitCow: false,
  maxTableElements: 10_000_000,
  maxMemoryBytes: 2 ** 32,
  maxGcHeapBytes: 2 ** 30,
  generateAddressMap: true,
  debugNames: true,
  deterministic: false,
});

/** The default tunables with `overrides` applied. */
export function tunables(overrides: Partial<Tunables> = {}): Tunables {
  return Object.freeze({ ...DEFAULT_TUNABLES, ...overrides });
}
