// wasmts/polyfill: importing it installs wasmts's `WebAssembly` as `globalThis.WebAssembly` where the host
// has none (jitless V8, iOS Lockdown Mode, Hermes). `install({ force: true })` replaces the host's too.
// `wasmts/bundle/polyfill` is the same in one bundled file (src/bundle.ts).

import { install } from './webassembly/install.js';

export { type InstallOptions, install } from './webassembly/install.js';

install();
