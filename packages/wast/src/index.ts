// @wasmts/wast: runs WebAssembly spec .wast scripts (internal; users run `wasmts wast`).
// Everything that needs no Node built-in is in ./portable.js; this entry adds the parts that read files.

export { collectWastFiles } from './files.js';
export * from './portable.js';
export { runWast, runWastFile, type WastOptions, type WastSource } from './runner.js';
