// The `wasmts` command's modules, for tests and embedding the command line (users run `wasmts`).

export { CliError, describeError, reportError } from './errors.js';
export { FEATURES_HELP, kebab, parseFeatures } from './features.js';
export {
  compositeToString,
  describeModule,
  formatInspect,
  type InspectInfo,
  inspectFile,
  loadModuleBytes,
} from './inspect.js';
export { cliVersion, createProgram, main } from './program.js';
export { formatFileReport, reportToJson, type WastCommandOptions, wastCommand } from './wast.js';
