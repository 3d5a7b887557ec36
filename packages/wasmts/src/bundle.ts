// wasmts/bundle: the whole API of `wasmts` and `wasmts/webassembly`, and `install`, built into one file
// (dist/wasmts.bundle.js, by scripts/bundle.mjs with esbuild). Loading one file of 0.6 MB instead of about 140
// modules is what makes importing it cheap where nothing is compiled ahead (node --jitless: README, "Running
// npm packages without WebAssembly"). `wasmts/bundle/polyfill` imports it and installs the namespace.
// Objects of the bundle and of the modular entries (`wasmts`, `wasmts/webassembly`, `wasmts/polyfill`) are of
// different classes: use one or the other in a program.

export * from './index.js';
export { type InstallOptions, install } from './webassembly/install.js';
export * from './webassembly.js';
