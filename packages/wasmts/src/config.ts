// `Config`, as in wasmtime: the settings an engine is created with (backend, features, allocation strategy, store
// controls, tunables).

import { defaultOperatorCost, type OperatorCost } from '@wasmts/codegen';
import { type Tunables, WASM3_FEATURES, type WasmFeatures } from '@wasmts/environ';
import type { PoolingAllocationConfig } from '@wasmts/runtime';

/** Which code generator runs modules. */
export type Backend = 'js' | 'wasm' | 'auto';

/**
 * What the JS backend's code is shaped for (`Config.jsTarget`): `'jit'` a host with an optimizing JIT (V8 in Node or a
 * browser), `'interpreter'` one without (JavaScriptCore in Lockdown Mode, Hermes, V8 --jitless), `'auto'` the host
 * the module is compiled on.
 */
export type JsTarget = 'auto' | 'jit' | 'interpreter';

/** Fuel per operator: a function of the operator's text name, or a map of names to costs (others: wasmtime's). */
export type OperatorCosts = OperatorCost | Readonly<Record<string, number>>;

/** Settings a `Config` can be created with (each also has a builder method of the same name). */
export interface ConfigOptions {
  backend?: Backend;
  features?: WasmFeatures;
  consumeFuel?: boolean;
  operatorCost?: OperatorCosts;
  epochInterruption?: boolean;
  maxWasmStack?: number;
  maxCallDepth?: number;
  maxGcHeapBytes?: number;
  wasmBacktraceMaxFrames?: number;
  allocationStrategy?: 'on-demand' | { pooling: Partial<PoolingAllocationConfig> };
  indirectNullCheck?: boolean;
  irPipeline?: boolean;
  splitLargeFunctions?: boolean | 'auto';
  jsTarget?: JsTarget;
  lazyValidation?: boolean;
  nanBits?: boolean;
}

/** The store controls a config resolves to (read by `Engine`). */
export interface StoreControls {
  readonly consumeFuel: boolean;
  readonly operatorCost: OperatorCost;
  readonly epochInterruption: boolean;
  /** Bytes of wasm stack, or undefined (the host's own stack limit is in charge). */
  readonly maxWasmStack: number | undefined;
  /** Most nested wasm calls, or undefined (derived from `maxWasmStack` when only that is set). */
  readonly maxCallDepth: number | undefined;
  /** Most bytes of GC objects per store (the cost model of @wasmts/runtime's gc-heap.ts), or undefined (the default). */
  readonly maxGcHeapBytes: number | undefined;
  readonly wasmBacktraceMaxFrames: number;
  /** Wasm backend: `call_indirect` null entries trap `IndirectCallToNull` (see `Config.indirectNullCheck`). */
  readonly indirectNullCheck: boolean;
  /** JS backend: translate the functions the IR covers through codegen's IR pipeline (see `Config.irPipeline`). */
  readonly irPipeline: boolean;
  /** JS backend: split and outline large function bodies (see `Config.splitLargeFunctions`). */
  readonly splitLargeFunctions: boolean | 'auto';
  /** JS backend: the host the code is shaped for (see `Config.jsTarget`). */
  readonly jsTarget: JsTarget;
  /** JS backend: validate function bodies on their first call, not at `new Module` (see `Config.lazyValidation`). */
  readonly lazyValidation: boolean;
  /** JS backend: keep NaN payloads of f64 values out of numbers (see `Config.nanBits`). */
  readonly nanBits: boolean;
}

/** Bytes of wasm stack the JS backend counts per call when `maxWasmStack` is turned into a call depth. */
const BYTES_PER_FRAME = 64;

function resolveCost(costs: OperatorCosts): OperatorCost {
  if (typeof costs === 'function') return costs;
  const map = new Map(Object.entries(costs));
  return (name) => map.get(name) ?? defaultOperatorCost(name);
}

/**
 * Engine settings (wasmtime's `Config`): builder methods (`new Config().consumeFuel(true)`) or an object
 * of the same names (`new Config({ consumeFuel: true })`).
 */
export class Config {
  /**
   * The backend: 'js' (generated JavaScript, any host), 'wasm' (the host's WebAssembly engine running
   * an instrumented module; a module the host cannot run is a `BackendError`), or 'auto' (the default:
   * 'wasm' where the host supports everything the module uses, else 'js'). Each `Module` says which it
   * got (`Module.backend`, `Module.backendReason`).
   */
  backend: Backend = 'auto';
  /** Proposals modules may use (Wasm 3.0 by default). */
  features: WasmFeatures = WASM3_FEATURES;
  /** How instances are allocated: fresh each time ('on-demand'), or from a pool with these limits. */
  allocationStrategy: 'on-demand' | { pooling: Partial<PoolingAllocationConfig> } = 'on-demand';
  private controls: { -readonly [K in keyof StoreControls]: StoreControls[K] } = {
    consumeFuel: false,
    operatorCost: defaultOperatorCost,
    epochInterruption: false,
    maxWasmStack: undefined,
    maxCallDepth: undefined,
    maxGcHeapBytes: undefined,
    wasmBacktraceMaxFrames: 20,
    indirectNullCheck: true,
    irPipeline: false,
    splitLargeFunctions: 'auto',
    jsTarget: 'auto',
    lazyValidation: false,
    nanBits: true,
  };

  /** Creates a config, optionally with some settings. */
  constructor(init: ConfigOptions = {}) {
    if (init.backend !== undefined) this.backend = init.backend;
    if (init.features !== undefined) this.features = init.features;
    if (init.allocationStrategy !== undefined) this.allocationStrategy = init.allocationStrategy;
    if (init.consumeFuel !== undefined) this.consumeFuel(init.consumeFuel);
    if (init.operatorCost !== undefined) this.operatorCost(init.operatorCost);
    if (init.epochInterruption !== undefined) this.epochInterruption(init.epochInterruption);
    if (init.maxWasmStack !== undefined) this.maxWasmStack(init.maxWasmStack);
    if (init.maxCallDepth !== undefined) this.maxCallDepth(init.maxCallDepth);
    if (init.maxGcHeapBytes !== undefined) this.maxGcHeapBytes(init.maxGcHeapBytes);
    if (init.wasmBacktraceMaxFrames !== undefined) this.wasmBacktraceMaxFrames(init.wasmBacktraceMaxFrames);
    if (init.indirectNullCheck !== undefined) this.indirectNullCheck(init.indirectNullCheck);
    if (init.irPipeline !== undefined) this.irPipeline(init.irPipeline);
    if (init.splitLargeFunctions !== undefined) this.splitLargeFunctions(init.splitLargeFunctions);
    if (init.jsTarget !== undefined) this.jsTarget(init.jsTarget);
    if (init.lazyValidation !== undefined) this.lazyValidation(init.lazyValidation);
    if (init.nanBits !== undefined) this.nanBits(init.nanBits);
  }

  /**
   * JS backend, for measurement (default on): off, the code for V8 with its JIT lets f64 values be numbers holding
   * any NaN, which V8's numbers keep exactly (codegen's `CompileOptions.nanBits`: every f64 load is its getter alone,
   * and a possibly signalling NaN is quieted where V8 would fold it on), to measure what keeping NaN payloads as
   * `NaNBits` costs there (packages/codegen/README.md, "Floats"). Ignored, so on, where numbers do not keep them (a
   * host that holds NaNs canonically) or the code is for another host (`jsTarget` 'interpreter').
   */
  nanBits(enable = true): this {
    this.controls.nanBits = enable;
    return this;
  }

  /**
   * JS backend (default off; V8's `--wasm-lazy-validation`): `new Module` decodes and validates everything but the
   * function bodies, and each body is validated just before it is first translated (on the function's first call),
   * so that a large module's time to first call is not its whole validation (README.md, "Lazy validation"). An
   * invalid body then throws its `CompileError` from the first call of that function (and from every call after),
   * not from `new Module`, which the JS API requires: only for modules the embedder trusts to be valid.
   * `Module.validate`, `WebAssembly.validate`, serializing and the whole-module source still validate every body.
   * Modules that run on the wasm backend are validated whole whatever this says (the host validates them anyway).
   */
  lazyValidation(enable = true): this {
    this.controls.lazyValidation = enable;
    return this;
  }

  /**
   * JS backend: the host the generated code is shaped for (packages/wasmts/README.md, "JS target"). The forms give
   * the same results and traps; they differ in speed. `'interpreter'` (a host without an optimizing JIT: iOS Lockdown
   * Mode's JavaScriptCore, Hermes, V8 --jitless) reads bytes through the memory's Uint8Array (a DataView getter is a
   * native call there), lets an f32/f64 load feeding only arithmetic skip its test for a NaN kept as bits, and reads
   * aligned i32 loads and such float loads through typed arrays (codegen's README, "Word loads");
   * `'jit'` keeps DataView calls (a JIT inlines them) and quiets such a load (`+ -0`) where an operator reading it
   * may be folded to it (V8's optimizing tiers fold `x * 1` to `x`, which would hand on a signalling NaN a plain
   * load gave), and gives functions with a loop a feedback warm-up at their first call (codegen's README, "Feedback
   * before the first loop"). `'auto'` (the default): byte loads as
   * `'interpreter'` where the host has no WebAssembly (taken as the sign of no JIT), plain float loads where the
   * host holds every NaN as the canonical one (NaN-boxing engines: JavaScriptCore, SpiderMonkey, Hermes), typed-array
   * loads where both hold (not V8 --jitless, where they measured level). Set it
   * when compiling ahead of time for another host (`wasmts compile --js-target interpreter` for React Native's
   * Hermes).
   */
  jsTarget(target: JsTarget): this {
    if (target !== 'auto' && target !== 'jit' && target !== 'interpreter')
      throw new RangeError(`jsTarget must be 'auto', 'jit' or 'interpreter', not ${String(target)}`);
    this.controls.jsTarget = target;
    return this;
  }

  /**
   * JS backend: cut function bodies longer than codegen's `SPLIT_CHARS` into pieces and move the large
   * statements of a long loop into closures (packages/codegen/README.md, "Splitting large functions" and
   * "Outlining"), so that a JIT's optimizing tier takes them. `'auto'` (the default): only where the host has
   * its own WebAssembly, taken as the sign of a JIT. A host without one (jitless V8, iOS Lockdown Mode,
   * Hermes) interprets every function whatever its size, and splitting there only costs translation time
   * (esbuild-wasm's first result under `node --jitless`: outlining was more than half of it).
   */
  splitLargeFunctions(enable: boolean | 'auto' = true): this {
    this.controls.splitLargeFunctions = enable;
    return this;
  }

  /**
   * JS backend (default off): translate each function that codegen's IR covers through its IR pipeline
   * (build -> passes -> emit; packages/codegen/README.md, "The IR pipeline"), the others through the
   * one-pass translator. The generated code keeps the same ABI, results and fuel.
   */
  irPipeline(enable = true): this {
    this.controls.irPipeline = enable;
    return this;
  }

  /**
   * Wasm backend (default on): each `call_indirect` records its table index and instance in two host
   * globals, so that when the host traps with "null function or signature mismatch" (it does not say
   * which) the entry is read back and a null entry traps `IndirectCallToNull` as on the JS backend. Off
   * saves the two global writes and reports a null entry as `BadSignature`.
   */
  indirectNullCheck(enable = true): this {
    this.controls.indirectNullCheck = enable;
    return this;
  }

  /** Instruments code to consume fuel (`Store.setFuel`); running out traps with `OutOfFuel`. */
  consumeFuel(enable = true): this {
    this.controls.consumeFuel = enable;
    return this;
  }
  /** Fuel per operator (default: wasmtime's, 1 per operator and 0 for `FREE_OPERATORS`). */
  operatorCost(costs: OperatorCosts): this {
    this.controls.operatorCost = resolveCost(costs);
    return this;
  }
  /** Instruments loop headers and the entries of functions that may recurse to check the store's epoch deadline. */
  epochInterruption(enable = true): this {
    this.controls.epochInterruption = enable;
    return this;
  }
  /**
   * Most bytes of wasm stack; the JS backend enforces it as a call depth (one frame per 64 bytes) and
   * traps with `StackOverflow` beyond it. Unset: the host's own stack limit is in charge.
   */
  maxWasmStack(bytes: number): this {
    if (!(bytes > 0)) throw new RangeError('maxWasmStack must be positive');
    this.controls.maxWasmStack = bytes;
    return this;
  }
  /** Most nested wasm calls before a `StackOverflow` trap (overrides the depth derived from `maxWasmStack`). */
  maxCallDepth(depth: number): this {
    if (!Number.isSafeInteger(depth) || depth < 1) throw new RangeError('maxCallDepth must be a positive integer');
    this.controls.maxCallDepth = depth;
    return this;
  }
  /**
   * Most bytes of GC objects a store may hold (default 1 GiB), by the runtime's cost model (16 bytes per
   * object and 8 per field or element); an allocation past it traps with `GcHeapOutOfMemory`, a single
   * larger object with `AllocationTooLarge`. JS backend only: see the wasmts README's "Limits".
   */
  maxGcHeapBytes(bytes: number): this {
    if (!Number.isSafeInteger(bytes) || bytes < 0)
      throw new RangeError('maxGcHeapBytes must be a non-negative integer');
    this.controls.maxGcHeapBytes = bytes;
    return this;
  }
  /** Most frames a `WasmBacktrace` keeps (default 20, as wasmtime; 0 captures no backtraces). */
  wasmBacktraceMaxFrames(frames: number): this {
    if (!Number.isSafeInteger(frames) || frames < 0) throw new RangeError('wasmBacktraceMaxFrames must be >= 0');
    this.controls.wasmBacktraceMaxFrames = frames;
    return this;
  }
  /** The store controls as set. */
  get settings(): StoreControls {
    return { ...this.controls };
  }

  /** The codegen tunables this config asks for. */
  tunables(): Partial<Tunables> {
    const c = this.controls;
    const t: { -readonly [K in keyof Tunables]?: Tunables[K] } = {
      consumeFuel: c.consumeFuel,
      epochInterruption: c.epochInterruption,
    };
    if (c.maxWasmStack !== undefined) t.maxWasmStack = c.maxWasmStack;
    if (c.maxCallDepth !== undefined) t.maxCallDepth = c.maxCallDepth;
    if (c.maxGcHeapBytes !== undefined) t.maxGcHeapBytes = c.maxGcHeapBytes;
    else if (c.maxWasmStack !== undefined) t.maxCallDepth = Math.max(1, Math.floor(c.maxWasmStack / BYTES_PER_FRAME));
    return t;
  }
}
