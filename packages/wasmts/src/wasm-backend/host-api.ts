// The part of the host's JavaScript API for WebAssembly that the wasm backend uses, typed here (the
// project compiles without the DOM library) and reached only through `hostApi()`.

/** A host function exported by a host wasm instance (or any JS function the JS API accepts as one). */
export type HostFunction = (...args: any[]) => any;

/** `WebAssembly.Global`. */
export interface HostGlobal {
  value: any;
}
/** `WebAssembly.Memory`. */
export interface HostMemory {
  readonly buffer: ArrayBuffer;
  grow(delta: number): number;
}
/** `WebAssembly.Table`. */
export interface HostTable {
  readonly length: number;
  get(index: number): any;
  set(index: number, value: any): void;
  grow(delta: number, init?: any): number;
}
/** `WebAssembly.Tag`. */
export type HostTag = object;
/** `WebAssembly.Exception`. */
export interface HostException {
  is(tag: HostTag): boolean;
  getArg(tag: HostTag, index: number): any;
}
/** `WebAssembly.Module`. */
export type HostModule = object;
/** `WebAssembly.Instance`. */
export interface HostInstance {
  readonly exports: Record<string, any>;
}

/** The `WebAssembly` namespace as far as the backend uses it. */
export interface HostWasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => HostModule;
  Instance: new (module: HostModule, imports: object) => HostInstance;
  Memory: new (d: { initial: number; maximum?: number; shared?: boolean }) => HostMemory;
  Table: new (d: { element: string; initial: number; maximum?: number }, init?: any) => HostTable;
  Global: new (d: { value: string; mutable: boolean }, value?: any) => HostGlobal;
  Tag?: new (d: { parameters: string[] }) => HostTag;
  Exception?: new (tag: HostTag, values: any[]) => HostException;
  RuntimeError: new (...a: any[]) => Error;
  CompileError: new (...a: any[]) => Error;
  LinkError: new (...a: any[]) => Error;
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
