// @wasmts/wast/portable: the part of the package that needs no Node built-in (no files), for running parsed
// scripts inside other JavaScript engines (tools/hosts bundles it for JavaScriptCore). The main entry re-exports it all.

export { type ExecutingHostOptions, executingHost } from './exec/host.js';
export { type ExecOutcome, validateOnlyHost, type WastExecutor, type WastHost } from './host.js';
export { legacyScriptFeatures, type ScriptFeatures } from './legacy.js';
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
export { type ParsedScript, parseScript, runScript, type ScriptOptions } from './script.js';
