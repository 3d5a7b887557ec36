// `wasmts wast`: runs .wast scripts and prints one line per file and a totals line.

import { writeFileSync } from 'node:fs';
import type { WasmFeatures } from '@wasmts/environ';
import { collectWastFiles, executingHost, type FileReport, formatCounts, type Report, runWast } from '@wasmts/wast';
import { colors, createProgress } from './progress.js';

/** Options of `wasmts wast`. */
export interface WastCommandOptions {
  validateOnly: boolean;
  verbose: boolean;
  json?: string;
  features?: WasmFeatures;
  backend?: 'js' | 'wasm' | 'auto';
  /** Fuel metering on, with this much fuel per script's store. */
  fuel?: number;
  /** Epoch checks on (the deadline far away). */
  epochInterruption?: boolean;
  /** JS backend: the IR pipeline for the functions it covers. */
  irPipeline?: boolean;
}

/** Formats one file's report: the counts line, then its failures (and notes when verbose). */
export function formatFileReport(report: FileReport, verbose: boolean): string {
  const lines = [`${report.file}: ${formatCounts(report)}`];
  if (report.featureNote !== undefined) lines.push(`  (${report.featureNote})`);
  for (const f of report.failures) lines.push(`  line ${f.line}: ${f.kind}: ${f.message ?? 'failed'}`);
  if (verbose) {
    for (const n of report.notes) lines.push(`  line ${n.line}: ${n.kind}: note: ${n.message}`);
    const kinds = Object.entries(report.byKind)
      .map(([kind, c]) => `${kind} ${c.passed}/${c.failed}/${c.skipped}`)
      .join(', ');
    lines.push(`  (${report.durationMs.toFixed(0)} ms; passed/failed/skipped by kind: ${kinds})`);
  }
  return `${lines.join('\n')}\n`;
}

/** The `--json` file's contents. */
export function reportToJson(report: Report, validateOnly: boolean): string {
  const round = (ms: number) => Math.round(ms);
  return `${JSON.stringify(
    {
      mode: validateOnly ? 'validate-only' : 'execute',
      totals: { passed: report.passed, failed: report.failed, skipped: report.skipped },
      byKind: report.byKind,
      durationMs: round(report.durationMs),
      files: report.files.map((f) => ({
        file: f.file,
        passed: f.passed,
        failed: f.failed,
        skipped: f.skipped,
        byKind: f.byKind,
        failures: f.failures.map(({ line, kind, message }) => ({ line, kind, message })),
        notes: f.notes.map(({ line, kind, message }) => ({ line, kind, message })),
        durationMs: round(f.durationMs),
        ...(f.featureNote !== undefined ? { featureNote: f.featureNote } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

/** Runs the scripts, prints the report and returns the exit code (1 if any command failed). */
export function wastCommand(paths: string[], options: WastCommandOptions): number {
  const host = options.validateOnly
    ? undefined
    : executingHost({
        backend: options.backend ?? 'auto',
        ...(options.features ? { features: options.features } : {}),
        ...(options.fuel !== undefined ? { fuel: options.fuel } : {}),
        ...(options.epochInterruption ? { epochInterruption: true } : {}),
        ...(options.irPipeline ? { irPipeline: true } : {}),
      });
  // on a terminal, a bar over the files (stderr) with the last file's name; each file's lines print above it
  const progress = createProgress();
  const total = collectWastFiles(paths).length;
  let done = 0;
  let report: Report;
  try {
    report = runWast(paths, {
      validateOnly: options.validateOnly,
      ...(host ? { host } : {}),
      ...(options.features ? { features: options.features } : {}),
      onFile: (file) => {
        progress.log(formatFileReport(file, options.verbose).replace(/\n$/, ''));
        progress.update('wast', ++done, total, file.file);
      },
    });
  } finally {
    progress.done();
  }
  if (report.files.length === 0)
    process.stderr.write(`${colors.yellow('warning:')} no .wast files found in ${paths.join(' ')}\n`);
  if (options.json !== undefined) writeFileSync(options.json, reportToJson(report, options.validateOnly));
  if (options.verbose)
    process.stdout.write(
      `${report.files.length} file${report.files.length === 1 ? '' : 's'} in ${(report.durationMs / 1000).toFixed(1)} s\n`,
    );
  process.stdout.write(`${formatCounts(report)}\n`);
  return report.failed > 0 ? 1 : 0;
}
