// The wasm backend: validated modules re-encoded for the host's WebAssembly engine (README.md).

/** The binary writer (LEB128, names, sections). */
export { ByteWriter } from '@wasmts/environ';
export {
  HOST_MODULE,
  type HostImport,
  hostImportableMemory,
  type InstrumentedModule,
  type InstrumentedParts,
  type InstrumentOptions,
  instrumentedFromParts,
  instrumentModule,
  instrumentOptionsFor,
} from './instrument.js';
/** wasmtime's fuel costs as the wasm backend applies them (the same rule as the JS backend's). */
/** A one-operator-per-line listing of a module's code (for snapshot tests and inspection). */
export { printModule } from './print.js';
