// polywasm ships no types.
declare module 'polywasm' {
  export const WebAssembly: unknown;
}
