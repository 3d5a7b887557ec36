// @wasmts/wast: runs WebAssembly spec .wast scripts (internal; users run `wasmts wast`).

export { type ExecutingHostOptions, executingHost } from './exec/host.js';
export { collectWastFiles } from './files.js';
export { type ExecOutcome, validateOnlyHost, type WastExecutor, type WastHost } from './host.js';
export {
  addCounts,
  type CommandKind,
  type CommandResult,
  type Counts,
  combineReports,
  emptyCounts,
  emptyFileReport,
  type FileReport,
  formatCounts,
  type Outcome,
  type Report,
  recordResult,
} from './report.js';
export { runWast, runWastFile, type WastOptions, type WastSource } from './runner.js';
export { type ParsedScript, parseScript, runScript, type ScriptOptions } from './script.js';
