// @wasmts/codegen: the only entry point of the package (internal; users should depend on `wasmts`).

import { type FuncIndex, type Module, tunables as makeTunables, type Tunables } from '@wasmts/environ';
import { emitModule } from './emit-module.js';
import type { OperatorCost } from './environment.js';
import { HELPERS } from './helpers.js';

/** Fuel costs per operator (wasmtime's by default). */
export { defaultOperatorCost, FREE_OPERATORS, type OperatorCost } from './environment.js';
/** Codegen's numeric helpers (bound as `H` in generated code) and the tail-call request class. */
export { HELPERS, TailCall } from './helpers.js';

/** Options for `compileModule`. */
export interface CompileOptions {
  /** Code generation settings (fuel, epochs, call depth...); defaults from environ. */
  tunables?: Partial<Tunables>;
  /** The backend: `compileModule` generates JavaScript ('js'); the wasm backend is `instrumentModule`. */
  backend?: 'js';
  /** Fuel per operator when `tunables.consumeFuel` (default `defaultOperatorCost`: wasmtime's costs). */
  operatorCost?: OperatorCost;
}

/** What the factory returns for one instance (docs/js-abi.md, "What the factory returns"). */
export interface FactoryResult {
  /** The defined functions, by DefinedFuncIndex, with the wasm calling convention. */
  readonly funcs: readonly ((...args: any[]) => any)[];
  /** Per GlobalIndex: evaluates a defined global's initializer (null for imported globals). */
  readonly globalInit: readonly ((() => unknown) | null)[];
  /** Per TableIndex: evaluates a table's initializer expression (null when it has none). */
  readonly tableInit: readonly ((() => unknown) | null)[];
  /** Per ElemIndex: evaluates an active segment's offset (null for passive and declarative ones). */
  readonly elemOffset: readonly ((() => number | bigint) | null)[];
  /** Per ElemIndex: evaluates every item of the segment, in order. */
  readonly elemItems: readonly (() => unknown[])[];
  /** Per DataIndex: evaluates an active segment's offset (null for passive ones). */
  readonly dataOffset: readonly ((() => number | bigint) | null)[];
}

/** The factory: called once per instance with the runtime's builtins and the filled vmctx. */
export type Factory = (rt: unknown, vmctx: unknown[]) => FactoryResult;

/** A module compiled by the JS backend. */
export interface CompiledModule {
  /** The environ Module (validated). */
  readonly module: Module;
  /** JS function-expression text: `(function (rt, vmctx) { ... return { funcs, ... } })`. */
  readonly source: string;
  /** Names of the `rt` members the source uses (`trap`, `memoryGrow`, `V128`, ...). */
  readonly builtinsUsed: readonly string[];
  /** Per FuncIndex: the name section's function name, for backtraces. */
  readonly funcNames: readonly (string | null)[];
  /** The tunables the code was generated for. */
  readonly tunables: Tunables;
}

/** Compiles a validated module to the JS backend's factory source. */
export function compileModule(module: Module, options: CompileOptions = {}): CompiledModule {
  const tunables = makeTunables(options.tunables);
  // call-depth counting only when the embedder sets a depth limit explicitly (the host's own stack
  // overflow already becomes a StackOverflow trap at the entry point)
  const callDepth = options.tunables?.maxCallDepth !== undefined;
  const { source, builtinsUsed } = emitModule(module, tunables, callDepth, options.operatorCost);
  const funcNames: (string | null)[] = [];
  for (let i = 0; i < module.functions.length; i++) funcNames.push(module.names.functions.get(i) ?? null);
  return { module, source, builtinsUsed, funcNames, tunables };
}

const factories = new WeakMap<CompiledModule, Factory>();

/**
 * Evaluates the factory source once per compiled module (with codegen's numeric helpers bound as `H`).
 * `sourceName` (letters, digits, `-`, `_`, `.`) names the generated script in JS stack traces
 * (`//# sourceURL=`), so frames of different modules can be told apart.
 */
export function loadFactory(compiled: CompiledModule, sourceName?: string): Factory {
  let f = factories.get(compiled);
  if (f === undefined) {
    if (sourceName !== undefined && !/^[\w.-]+$/.test(sourceName)) throw new TypeError('invalid source name');
    const url = sourceName === undefined ? '' : `\n//# sourceURL=${sourceName}`;
    f = new Function('H', `return ${compiled.source};${url}`)(HELPERS) as Factory;
    factories.set(compiled, f);
  }
  return f;
}

/**
 * The wasm function index of a generated JS function name as it appears in a stack trace (`f12`,
 * `f12$t`), or -1 for any other name.
 */
export function funcIndexOfFrameName(name: string): FuncIndex {
  const m = /^f(\d+)(\$t)?$/.exec(name);
  return m === null ? -1 : Number(m[1]);
}
/** The wasm backend: the module re-encoded with fuel, epoch and call-depth hooks for the host's WebAssembly engine. */
export * from './wasm/index.js';
