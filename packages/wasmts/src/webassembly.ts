// wasmts/webassembly: the standard `WebAssembly` JavaScript API over wasmts, so code written for the
// host's WebAssembly (emscripten, wasm-bindgen, AssemblyScript output) runs where the host has none, and
// under wasmts's store controls where the embedder asks (`createWebAssembly`).

/**
 * The standard `WebAssembly` JavaScript API over wasmts.
 *
 * @module wasmts/webassembly
 */

import { createWebAssembly, type WebAssemblyNamespace } from './webassembly/namespace.js';

export {
  createWebAssembly,
  fromShareable,
  storeOf,
  toShareable,
  type WebAssemblyNamespace,
  type WebAssemblyOptions,
} from './webassembly/namespace.js';
export type { Shareable } from './webassembly/share.js';

let shared: WebAssemblyNamespace | null = null;

/** The default namespace (one engine and store for the process, made on first use). */
export function defaultWebAssembly(): WebAssemblyNamespace {
  shared ??= createWebAssembly();
  return shared;
}
