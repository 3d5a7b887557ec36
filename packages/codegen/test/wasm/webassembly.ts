// Node's own WebAssembly, typed just enough for these tests (the package's tsconfig has no DOM or
// WebAssembly lib: codegen itself never touches the global).

/** A `WebAssembly.Global`. */
export interface WasmGlobal {
  value: any;
}

interface WasmModuleCtor {
  new (bytes: Uint8Array): object;
  imports(m: object): { module: string; name: string; kind: string }[];
}

/** The subset of the WebAssembly namespace the tests use. */
export interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: WasmModuleCtor;
  Instance: new (m: object, imports: object) => { exports: Record<string, any> };
  Global: new (desc: { value: string; mutable: boolean }, v: unknown) => WasmGlobal;
  Memory: new (desc: { initial: number; maximum?: number }) => { buffer: ArrayBuffer };
}

/** Node's WebAssembly global. */
export const WA = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
