// Runs WAST script files: reads and parses each file, then runs its commands (./script.ts).

import { readFileSync } from 'node:fs';
import { collectWastFiles } from './files.js';
import { validateOnlyHost } from './host.js';
import { combineReports, emptyFileReport, type FileReport, type Report, recordResult } from './report.js';
import { describe, parseScript, runScript, type ScriptOptions } from './script.js';

/** Options of a WAST run. */
export interface WastOptions extends ScriptOptions {
  /** Called after each file of `runWast`, for streaming output. */
  onFile?: (report: FileReport) => void;
}

/** A script given as text rather than as a path. */
export interface WastSource {
  readonly text: string;
  /** The name used in reports and error messages. */
  readonly file: string;
}

/** Runs one .wast file (by path, or given as text) and returns its report. Never throws. */
export function runWastFile(source: string | WastSource, options: WastOptions): FileReport {
  const start = performance.now();
  const file = typeof source === 'string' ? source : source.file;
  let text: string;
  try {
    text = typeof source === 'string' ? readFileSync(source, 'utf8') : source.text;
  } catch (error) {
    const report = emptyFileReport(file);
    recordResult(report, {
      kind: 'script',
      line: 0,
      outcome: 'failed',
      message: `cannot read script: ${describe(error)}`,
    });
    return report;
  }
  const report = runScript(parseScript(text, file), file, options);
  report.durationMs = performance.now() - start;
  return report;
}

/** Runs every .wast file under the given files and folders (folders recursively, sorted) and combines the reports. */
export function runWast(paths: readonly string[], options: WastOptions): Report {
  const start = performance.now();
  const host = options.host ?? validateOnlyHost(options.features);
  const files: FileReport[] = [];
  for (const file of collectWastFiles(paths)) {
    const report = runWastFile(file, { ...options, host });
    files.push(report);
    options.onFile?.(report);
  }
  return combineReports(files, performance.now() - start);
}
