// @wasmts/runtime: the only entry point of the package (internal; users should depend on `wasmts`).

export * from './builtins.js';
export * from './epoch-clock.js';
export * from './gc.js';
export * from './gc-heap.js';
export * from './global.js';
export * from './instance.js';
export * from './limits.js';
export * from './matching.js';
export * from './memory.js';
export * from './pooling.js';
export * from './simd/index.js';
export * from './store.js';
export * from './table.js';
export * from './type-registry.js';
export * from './values.js';
