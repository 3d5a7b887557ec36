// @wasmts/environ: the only entry point of the package (internal; users should depend on `wasmts`).

export * from './errors.js';
export * from './features.js';
export * from './float-bits.js';
export * from './global-layout.js';
export * from './immediates.js';
export * from './libcalls.js';
export * from './limits.js';
export * from './module.js';
export * from './operators.js';
export * from './parser.js';
export * from './reader.js';
export * from './subtyping.js';
export * from './trap.js';
export * from './tunables.js';
export * from './type-registry.js';
export * from './types.js';
export * from './utf8.js';
export { validateFunctionBody } from './validator/func.js';
export {
  ATOMIC_WAIT32_SUBOPCODE,
  ATOMIC_WAIT64_SUBOPCODE,
  type CodeSites,
  isPrefixedSite,
  SHAPE_CALL_REF,
  SHAPE_HANDLER,
  SHAPE_LOOP,
  SHAPE_RETURN_CALL_REF,
  SITE_OPCODES,
  SiteRecorder,
  scanSites,
  TABLE_GROW_SUBOPCODE,
} from './validator/sites.js';
export * from './vmoffsets.js';
export { ByteWriter } from './writer.js';
