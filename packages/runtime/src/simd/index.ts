// @wasmts/runtime SIMD: the V128 value, as v128 values cross the JS boundary (parameters, results, globals, table
// and GC fields, exception payloads). Inside a function the JS backend holds a v128 as four int32 lanes and runs
// every SIMD operator inline (codegen's src/lanes.ts), so the runtime has no SIMD operations.

export { V128 } from './v128.js';
