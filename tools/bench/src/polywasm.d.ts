// polywasm ships no types: the part of its WebAssembly-like API the bench uses.
declare module 'polywasm' {
  export const WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  };
}
