// The part of the host's JavaScript API for WebAssembly that the wasm backend uses, typed here (the
// project compiles without the DOM library) and reached only through `hostApi()`.

/**
 * A host function exported by a host wasm instance (or any JS function the JS API accepts as one): its arity and
 * value types are the wasm signature's, known only at run time.
 */
// biome-ignore lint/suspicious/noExplicitAny: a wasm function's parameters and result are typed by its signature at run time
export type HostFunction = (...args: any[]) => any;

/** `WebAssembly.Global`. */
export interface HostGlobal {
  value: unknown;
}
/** `WebAssembly.Memory`. */
export interface HostMemory {
  readonly buffer: ArrayBuffer;
  grow(delta: number): number;
}
/** `WebAssembly.Table`. */
export interface HostTable {
  readonly length: number;
  get(index: number): unknown;
  set(index: number, value: unknown): void;
  grow(delta: number, init?: unknown): number;
}
/** `WebAssembly.Tag`. */
export type HostTag = object;
/** `WebAssembly.Exception`. */
export interface HostException {
  is(tag: HostTag): boolean;
  getArg(tag: HostTag, index: number): unknown;
}
/** `WebAssembly.Module`. */
export type HostModule = object;
/** `WebAssembly.Instance`. */
export interface HostInstance {
  readonly exports: Record<string, unknown>;
}

/** The `WebAssembly` namespace as far as the backend uses it. */
export interface HostWasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => HostModule;
  /** `WebAssembly.compile` (the host compiles off the caller's thread). */
  compile?(bytes: Uint8Array): Promise<HostModule>;
  Instance: new (module: HostModule, imports: object) => HostInstance;
  Memory: new (d: { initial: number; maximum?: number; shared?: boolean }) => HostMemory;
  Table: new (d: { element: string; initial: number; maximum?: number }, init?: unknown) => HostTable;
  Global: new (d: { value: string; mutable: boolean }, value?: unknown) => HostGlobal;
  Tag?: new (d: { parameters: string[] }) => HostTag;
  Exception?: new (tag: HostTag, values: unknown[]) => HostException;
  RuntimeError: new (message?: string) => Error;
  CompileError: new (message?: string) => Error;
  LinkError: new (message?: string) => Error;
}

/**
 * The host's own `WebAssembly`, read once when this module loads: a drop-in installed later as
 * `globalThis.WebAssembly` (wasmts/polyfill) is never mistaken for the host engine.
 */
export const HOST_WEBASSEMBLY: HostWasmApi | undefined = (globalThis as { WebAssembly?: HostWasmApi }).WebAssembly;

/** The host's WebAssembly API; throws when the host has none (callers check `hostSupport()` first). */
export function hostApi(): HostWasmApi {
  if (HOST_WEBASSEMBLY === undefined) throw new Error('this host has no WebAssembly engine');
  return HOST_WEBASSEMBLY;
}
