// wasmts: the public API, shaped like wasmtime's. The only entry point of the package.

/**
 * The wasmts API, shaped like wasmtime's: `Engine`, `Store`, `Module`, `Linker`, `Instance` and the externals.
 *
 * @module wasmts
 */

/** The JS backend's own implementation limits (a `CompileError`). */
export { CodegenLimitError, defaultOperatorCost, FREE_OPERATORS, type OperatorCost } from '@wasmts/codegen';
export type {
  FuncType,
  GlobalType,
  Limits,
  MemoryType,
  TableType,
  WasmFeatures,
} from '@wasmts/environ';
export {
  CompileError,
  IMPLEMENTATION_LIMITS,
  type ImplementationLimit,
  ImplementationLimitError,
  trapCodeFromName,
  trapCodeName,
  trapMessage,
  WASM3_FEATURES,
  wasmFeatures,
} from '@wasmts/environ';
export {
  PoolExhaustedError,
  type PoolingAllocationConfig,
  type PoolingAllocatorMetrics,
  type PoolingBudget,
  PoolingLimitError,
  type PoolSlotMetrics,
  ResourceLimitError,
  WasmException,
} from '@wasmts/runtime';
export {
  type Backend,
  Config,
  type ConfigOptions,
  type JsTarget,
  type OperatorCosts,
  type StoreControls,
} from './config.js';
export { Engine, type EngineOptions, type EpochTickerOptions } from './engine.js';
export { ExternRef } from './extern-ref.js';
export { Caller, type Extern, Func, Global, type HostFunc, Table, TypedFunc } from './externals.js';
export { type BackendChoice, chooseBackend, type HostSupport, hostSupport } from './host.js';
export { Instance } from './instance.js';
export { type ResourceLimiter, StoreLimits, StoreLimitsBuilder } from './limits.js';
export { InstancePre, Linker } from './linker.js';
export { Memory, type SharedMemoryHandle } from './memory.js';
export {
  BackendError,
  backendChoice,
  type JsModuleFile,
  Module,
  type ModuleInput,
  type ModuleOptions,
  type ModulePhase,
  type PrecompiledGroup,
  type PrecompiledModule,
} from './module.js';
export {
  ARTIFACT_VERSION,
  type ArtifactHeader,
  DeserializeError,
  isArtifact,
  type JsModuleFormat,
  readArtifactHeader,
} from './serialize.js';
export { Store, type UpdateDeadline } from './store.js';
export { Tag } from './tag.js';
export {
  type BacktraceNames,
  type FrameInfo,
  formatFrame,
  LinkError,
  Trap,
  TrapCode,
  UncaughtWasmException,
  WasmBacktrace,
} from './trap.js';
export type { ExportType, ExternType, ImportType } from './types.js';
export { AnyRef, funcType, HeapKind, type RefKind, type V128Lanes, type Val, ValType } from './values.js';
export type { JsParamsOf, JsResultOf, JsValueOf, ValTypeName, WrapType } from './wrap.js';
export { WrongStoreError } from './wrong-store.js';
