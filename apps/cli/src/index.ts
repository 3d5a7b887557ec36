// The `wasmts` command's modules, for tests and embedding the command line (users run `wasmts`).

export {
  ARTIFACT_EXTENSION,
  type ArtifactHeaderInfo,
  cliEngine,
  loadArtifact,
  readArtifactHeader,
} from './artifact.js';
export { type CompileCommandOptions, compileCommand, defaultOutput } from './compile.js';
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
