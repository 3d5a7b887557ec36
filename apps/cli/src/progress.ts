// Progress and colour on a terminal, nothing of either when the output is piped: long work (validating,
// instrumenting or translating a large module, running many .wast files) shows a bar on stderr while it runs and
// clears it before anything else is printed. Bars by cli-progress, colours by picocolors (NO_COLOR, FORCE_COLOR
// and terminal detection are its).

import cliProgress from 'cli-progress';
import pc from 'picocolors';
import type { ModulePhase } from 'wasmts';

/** Colours for stderr (errors, traps, warnings): on only where stderr is a terminal, as picocolors decides. */
export const colors = pc.createColors(pc.isColorSupported && process.stderr.isTTY === true);

/** A progress display: one bar, updated by phase; silent unless stderr is a terminal. */
export interface Progress {
  /** Shows `label` at `done` of `total` (a new label starts the bar again). */
  update(label: string, done: number, total: number, detail?: string): void;
  /** Prints a line to stdout, above the bar while one is shown. */
  log(line: string): void;
  /** Clears the bar (before the guest runs or the command prints its result). */
  done(): void;
}

/** Whether progress is shown: stderr is a terminal and WASMTS_NO_PROGRESS is not set. */
export function progressEnabled(stream: NodeJS.WriteStream = process.stderr): boolean {
  return stream.isTTY === true && process.env.WASMTS_NO_PROGRESS === undefined;
}

/** A progress display on stderr (see `Progress`); `enabled` false gives one that prints only its log lines. */
export function createProgress(enabled = progressEnabled()): Progress {
  if (!enabled)
    return {
      update() {},
      log: (line) => void process.stdout.write(`${line}\n`),
      done() {},
    };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `{label} ${colors.cyan('{bar}')} {percentage}% | {value}/{total} {unit}{detail}`,
      hideCursor: true,
      clearOnComplete: true,
      // the work is synchronous: redraw from update() itself, not from a timer that never gets to run
      synchronousUpdate: true,
      fps: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let shown: { label: string; done: number; total: number; payload: object } | null = null;
  return {
    update(label, done, total, detail = '') {
      const payload = { label, unit: UNITS[label] ?? '', detail: detail === '' ? '' : ` ${detail}` };
      if (shown === null || shown.label !== label) {
        if (shown !== null) bar.stop();
        bar.start(total, done, payload);
      } else bar.update(done, payload);
      shown = { label, done, total, payload };
    },
    log(line) {
      // the bar is cleared, the line printed, and the bar drawn again below it
      if (shown === null) {
        process.stdout.write(`${line}\n`);
        return;
      }
      bar.stop();
      process.stdout.write(`${line}\n`);
      bar.start(shown.total, shown.done, shown.payload);
    },
    done() {
      if (shown !== null) bar.stop();
      shown = null;
    },
  };
}

/** A `ModuleOptions.onProgress` that shows a module's phases on `progress`. */
export function moduleProgress(progress: Progress): (phase: ModulePhase, done: number, total: number) => void {
  return (phase, done, total) => progress.update(PHASES[phase], done, total);
}

const PHASES: Record<ModulePhase, string> = {
  validate: 'validating',
  instrument: 'instrumenting',
  translate: 'translating',
};

/** What a phase's counts are of. */
const UNITS: Record<string, string> = {
  validating: 'bytes',
  instrumenting: 'module',
  translating: 'functions',
  wast: 'files',
};
