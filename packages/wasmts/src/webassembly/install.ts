// `install`: puts a namespace made by `createWebAssembly` at `globalThis.WebAssembly`. Shared by the two polyfill
// entries (`wasmts/polyfill`, modules as compiled, and `wasmts/bundle/polyfill`, one bundled file), which call it
// when imported.

import { createWebAssembly, type WebAssemblyNamespace, type WebAssemblyOptions } from './namespace.js';

/** Options of `install`. */
export interface InstallOptions extends WebAssemblyOptions {
  /** Install even where the host has its own `WebAssembly` (default: only where it is missing). */
  readonly force?: boolean;
}

/**
 * Installs a namespace made by `createWebAssembly(options)` as `globalThis.WebAssembly` (writable,
 * configurable, not enumerable, as hosts define it) where it is missing, or always with `force`.
 * Returns the namespace now installed (the host's own when it was kept).
 */
export function install(options: InstallOptions = {}): WebAssemblyNamespace {
  const g = globalThis as { WebAssembly?: WebAssemblyNamespace };
  if (g.WebAssembly !== undefined && options.force !== true) return g.WebAssembly;
  const ns = createWebAssembly(options);
  Object.defineProperty(globalThis, 'WebAssembly', {
    value: ns,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  return ns;
}
