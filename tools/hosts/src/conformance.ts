// The spec suite inside another engine: `pnpm conformance:jsc`, JavaScriptCore with WebAssembly and the JIT off (iOS
// Lockdown Mode), and `pnpm conformance:browser`, headless Chromium with WebAssembly off (V8 --jitless).
// Each .wast script is parsed once here in Node and written in the host-neutral form of ./spec/format.ts; the engine
// loads the neutral bundle of ./spec/engine-entry.ts and runs the scripts through the public wasmts API, one report
// per script. jsc: one `jsc --useWasm=false --useJIT=false` process prints the reports; a script that crashes jsc or
// runs past the timeout fails, and the run continues in a new process with the next script. Chromium: a page per
// run of scripts (./chromium.ts).
//
// usage: conformance.ts [--engine jsc|chromium] [--jsc PATH] [--timeout SECONDS] [--json FILE] [--verbose]
//                       [--skip NAME]... [--expect-failures FILE] [files or folders...]
// Without paths: the required suite (top level, legacy/, custom/ of $WASMTS_TESTSUITE or ../shared/testsuite).
// Scripts are named relative to the suite folder. `--skip NAME` leaves out scripts with that name (CI leaves out
// the two long tail-call loops). The totals line counts every failure; with `--expect-failures`, the exit code
// is 0 when the failures are exactly the (file, line) pairs the file lists, so CI catches new failures and
// failures that went away (then the list must shrink).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specSuiteDir } from '@wasmts/testsuite';
import {
  collectWastFiles,
  combineReports,
  emptyFileReport,
  type FileReport,
  formatCounts,
  parseScript,
  recordResult,
} from '@wasmts/wast';
import { bundle } from './bundle.js';
import { CHROMIUM, JITLESS, runSpecInChromium, type SpecJob } from './chromium.js';
import { encodeScript } from './spec/format.js';

/** The flags of JavaScriptCore's Lockdown configuration: no WebAssembly, no JIT tiers. */
export const JSC_LOCKDOWN_FLAGS = ['--useWasm=false', '--useJIT=false'];

interface Options {
  engine: 'jsc' | 'chromium';
  jsc: string;
  suite: string;
  skip: string[];
  expectFailures?: string;
  timeoutMs: number;
  json?: string;
  verbose: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Options {
  const suite = specSuiteDir();
  const o: Options = {
    engine: 'jsc',
    jsc: process.env.WASMTS_JSC ?? 'jsc',
    suite,
    skip: [],
    timeoutMs: 600_000,
    verbose: false,
    paths: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--jsc') o.jsc = argv[++i];
    else if (a === '--engine') {
      const e = argv[++i];
      if (e !== 'jsc' && e !== 'chromium') throw new Error(`unknown engine ${e} (jsc or chromium)`);
      o.engine = e;
    } else if (a === '--timeout') o.timeoutMs = Number(argv[++i]) * 1000;
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--skip') o.skip.push(argv[++i]);
    else if (a === '--expect-failures') o.expectFailures = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.paths.push(a);
  }
  if (o.paths.length === 0) {
    if (!existsSync(suite)) throw new Error(`no spec suite at ${suite}`);
    const top = readdirSync(suite)
      .filter((f) => f.endsWith('.wast'))
      .map((f) => join(suite, f));
    o.paths = [...top, join(suite, 'legacy'), join(suite, 'custom')];
  }
  return o;
}

/** Runs a driver in one jsc process; resolves with the index of the script it stopped in (-1: it finished). */
function runJsc(
  opts: Options,
  driver: string,
  onReport: (index: number, report: FileReport) => void,
): Promise<{ stoppedAt: number; why: string }> {
  return new Promise((done) => {
    const child = spawn(opts.jsc, [...JSC_LOCKDOWN_FLAGS, driver], { stdio: ['ignore', 'pipe', 'pipe'] });
    let current = -1;
    let finished = false;
    let stderr = '';
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, opts.timeoutMs);
    };
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-2000);
    });
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString('utf8');
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.startsWith('@@BEGIN ')) {
          current = Number(line.slice(8));
          arm();
        } else if (line.startsWith('@@REPORT ')) {
          onReport(current, JSON.parse(line.slice(9)) as FileReport);
          current = -1;
        } else if (line === '@@DONE') finished = true;
        else if (opts.verbose && line.length > 0) process.stderr.write(`jsc: ${line}\n`);
        nl = buffered.indexOf('\n');
      }
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      done({ stoppedAt: Math.max(current, 0), why: `cannot run ${opts.jsc}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (finished && code === 0) return done({ stoppedAt: -1, why: '' });
      const why = timedOut
        ? `timed out after ${opts.timeoutMs / 1000} s`
        : `jsc exited (${signal ?? `code ${code}`}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`;
      done({ stoppedAt: current, why });
    });
  });
}

function driverSource(runner: string, list: string, start: number): string {
  return `load(${JSON.stringify(runner)});
var jobs = JSON.parse(readFile(${JSON.stringify(list)}));
for (var i = ${start}; i < jobs.length; i++) {
  print('@@BEGIN ' + i);
  print('@@REPORT ' + wasmtsSpec.runTranslated(jobs[i].file, readFile(jobs[i].json)));
}
print('@@DONE');
`;
}

function formatFileReport(report: FileReport, verbose: boolean): string {
  const lines = [`${report.file}: ${formatCounts(report)}`];
  for (const f of report.failures) lines.push(`  line ${f.line}: ${f.kind}: ${f.message ?? 'failed'}`);
  if (verbose) lines.push(`  (${report.durationMs.toFixed(0)} ms)`);
  return `${lines.join('\n')}\n`;
}

/** The known failures: a reason and, per script, the lines of the commands expected to fail. */
interface ExpectedFailures {
  readonly reason: string;
  readonly failures: Record<string, number[]>;
}

/** Prints how the failures compare with the expected ones; true when they are the same. */
function compareWithExpected(reports: readonly FileReport[], path: string): boolean {
  const expected = JSON.parse(readFileSync(path, 'utf8')) as ExpectedFailures;
  const want = new Set(Object.entries(expected.failures).flatMap(([file, lines]) => lines.map((l) => `${file}:${l}`)));
  const got = new Set(reports.flatMap((r) => r.failures.map((f) => `${r.file}:${f.line}`)));
  const ran = new Set(reports.map((r) => r.file));
  const unexpected = [...got].filter((k) => !want.has(k));
  // only scripts that ran can have fixed their expected failures
  const fixed = [...want].filter((k) => !got.has(k) && ran.has(k.slice(0, k.lastIndexOf(':'))));
  process.stdout.write(
    `expected failures (${path}: ${expected.reason}): ${got.size - unexpected.length} of ${want.size} seen; ` +
      `${unexpected.length} unexpected, ${fixed.length} now passing\n`,
  );
  for (const k of unexpected) process.stdout.write(`  unexpected failure: ${k}\n`);
  for (const k of fixed) process.stdout.write(`  passes now (remove it from the list): ${k}\n`);
  return unexpected.length === 0 && fixed.length === 0;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'wasmts-hosts-spec-'));
  try {
    const named = collectWastFiles(opts.paths).map((file) => {
      const inSuite = relative(opts.suite, file);
      return { file, name: inSuite.startsWith('..') ? relative(process.cwd(), file) : inSuite };
    });
    const jobs: SpecJob[] = named
      .filter(({ name }) => !opts.skip.includes(name))
      .map(({ file, name }, i) => {
        const json = join(work, `${i}.json`);
        writeFileSync(json, encodeScript(parseScript(readFileSync(file, 'utf8'), name)));
        return { file: name, json };
      });
    const list = join(work, 'jobs.json');
    writeFileSync(list, JSON.stringify(jobs));
    const runner = join(work, 'runner.js');
    writeFileSync(
      runner,
      await bundle({ entry: fileURLToPath(new URL('./spec/engine-entry.ts', import.meta.url)) }, 'wasmtsSpec'),
    );
    const translatedMs = performance.now() - started;

    const reports: (FileReport | undefined)[] = new Array(jobs.length);
    const onReport = (i: number, r: FileReport) => {
      reports[i] = r;
      process.stdout.write(formatFileReport(r, opts.verbose));
    };
    const onFailure = (i: number, why: string) => {
      const failed = emptyFileReport(jobs[i].file);
      recordResult(failed, { kind: 'script', line: 0, outcome: 'failed', message: why });
      onReport(i, failed);
    };
    let where: string;
    if (opts.engine === 'chromium') {
      where = `headless ${CHROMIUM} ${JITLESS}`;
      await runSpecInChromium(jobs, readFileSync(runner, 'utf8'), opts.timeoutMs, (i, r) =>
        typeof r === 'string' ? onFailure(i, r) : onReport(i, r),
      );
    } else {
      where = `${opts.jsc} ${JSC_LOCKDOWN_FLAGS.join(' ')}`;
      let start = 0;
      while (start < jobs.length) {
        const driver = join(work, `driver-${start}.js`);
        writeFileSync(driver, driverSource(runner, list, start));
        const { stoppedAt, why } = await runJsc(opts, driver, onReport);
        if (stoppedAt < 0) break;
        onFailure(stoppedAt, why);
        start = stoppedAt + 1;
      }
    }
    const done = reports.filter((r): r is FileReport => r !== undefined);
    const total = combineReports(done, performance.now() - started);
    if (opts.json !== undefined) writeFileSync(opts.json, `${JSON.stringify(total, null, 1)}\n`);
    process.stdout.write(
      `conformance: ${jobs.length} scripts in ${where}; ` +
        `translated in ${(translatedMs / 1000).toFixed(1)} s, ran in ${((performance.now() - started - translatedMs) / 1000).toFixed(1)} s\n`,
    );
    let ok = total.failed === 0 && done.length === jobs.length;
    if (opts.expectFailures !== undefined)
      ok = compareWithExpected(done, opts.expectFailures) && done.length === jobs.length;
    process.stdout.write(`${formatCounts(total)}\n`);
    return ok ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
