// The shape of a .wast run's results: counts per file and per command kind, failures with lines.

/** A command kind as named in the WAST grammar, plus `script` for a file that could not be read or parsed. */
export type CommandKind =
  | 'module'
  | 'module_instance'
  | 'register'
  | 'action'
  | 'assert_return'
  | 'assert_trap'
  | 'assert_trap_module'
  | 'assert_exhaustion'
  | 'assert_exception'
  | 'assert_invalid'
  | 'assert_malformed'
  | 'assert_unlinkable'
  | 'script';

/** What happened to one command. */
export type Outcome = 'passed' | 'failed' | 'skipped';

/** Passed, failed and skipped counts. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** The result of one command; `message` says why it failed, or adds a note to a pass or skip. */
export interface CommandResult {
  readonly kind: CommandKind;
  readonly line: number;
  readonly outcome: Outcome;
  readonly message?: string;
}

/** The results of one .wast file. */
export interface FileReport extends Counts {
  readonly file: string;
  /** Counts per command kind, for the kinds that occurred. */
  readonly byKind: Partial<Record<CommandKind, Counts>>;
  /** Failed commands, in file order. */
  readonly failures: CommandResult[];
  /** Passed commands that carry a note (e.g. rejected as malformed where invalid was expected). */
  readonly notes: CommandResult[];
  /** Wall time spent on the file, in milliseconds. */
  durationMs: number;
  /** Set when the file ran with other features than the run's (a suite that predates a proposal; ./legacy.ts). */
  featureNote?: string;
}

/** The results of a run over several files. */
export interface Report extends Counts {
  readonly files: FileReport[];
  /** Counts per command kind over all files. */
  readonly byKind: Partial<Record<CommandKind, Counts>>;
  durationMs: number;
}

/** Zeroed counts. */
export function emptyCounts(): Counts {
  return { passed: 0, failed: 0, skipped: 0 };
}

/** An empty report for `file`. */
export function emptyFileReport(file: string): FileReport {
  return { file, passed: 0, failed: 0, skipped: 0, byKind: {}, failures: [], notes: [], durationMs: 0 };
}

/** Adds one command's result to a file report. */
export function recordResult(report: FileReport, result: CommandResult): void {
  report[result.outcome]++;
  const counts = (report.byKind[result.kind] ??= emptyCounts());
  counts[result.outcome]++;
  if (result.outcome === 'failed') report.failures.push(result);
  else if (result.outcome === 'passed' && result.message !== undefined) report.notes.push(result);
}

/** Adds `from` into `into`, including per-kind counts. */
export function addCounts(into: Counts, from: Counts): void {
  into.passed += from.passed;
  into.failed += from.failed;
  into.skipped += from.skipped;
}

/** Builds a run report from file reports. */
export function combineReports(files: FileReport[], durationMs: number): Report {
  const report: Report = { files, passed: 0, failed: 0, skipped: 0, byKind: {}, durationMs };
  for (const file of files) {
    addCounts(report, file);
    for (const [kind, counts] of Object.entries(file.byKind) as [CommandKind, Counts][]) {
      addCounts((report.byKind[kind] ??= emptyCounts()), counts);
    }
  }
  return report;
}

/** `N passed, N failed, N skipped`, the summary format of the `wasmts wast` command. */
export function formatCounts(counts: Counts): string {
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}
