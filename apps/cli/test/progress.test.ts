// Progress bars and colours: shown on a terminal, never when the output is piped. The terminal is a real
// pseudo-terminal made by util-linux's `script` (Debian's essential bsdutils), which merges stdout and stderr.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cliDir = join(import.meta.dirname, '..');
const command = [process.execPath, '--conditions=source', '--import', 'tsx', 'src/main.ts'];
const dir = mkdtempSync(join(tmpdir(), 'wasmts-progress-'));
const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, WASMTS_NO_PROGRESS: undefined };

function piped(...args: string[]) {
  const r = spawnSync(command[0], [...command.slice(1), ...args], { cwd: cliDir, encoding: 'utf8', input: '', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Runs the command on a pseudo-terminal; its output (stdout and stderr together) as the terminal got it. */
function onTerminal(...args: string[]) {
  const line = [...command, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', line, '/dev/null'], { cwd: cliDir, encoding: 'utf8', input: '', env });
  return { code: r.status, output: r.stdout };
}

const hasScript = spawnSync('script', ['-V'], { encoding: 'utf8' }).status === 0;
const ESCAPE = /\u001b\[/;

describe.skipIf(!hasScript)(
  'progress and colour on a terminal (skipped only where util-linux `script` is missing)',
  () => {
    it('compile: shows validating and translating with a bar on a terminal, nothing when piped', () => {
      const out = join(dir, 'hello.wasmts');
      const tty = onTerminal('compile', '--backend', 'js', 'examples/hello-wasi.wasm', '-o', out);
      expect(tty.code).toBe(0);
      expect(tty.output).toMatch(/validating .*\d+% \| \d+\/\d+ bytes/);
      expect(tty.output).toMatch(/translating .*100% \| (\d+)\/\1 functions/);
      const pipe = piped('compile', '--backend', 'js', 'examples/hello-wasi.wasm', '-o', out);
      expect(pipe).toMatchObject({ code: 0, stderr: '' });
      expect(pipe.stdout).not.toMatch(ESCAPE);
    });

    it('wast: a bar over the files, per-file lines above it, the summary last; piped output unchanged', () => {
      const tty = onTerminal('wast', 'examples/add.wast');
      expect(tty.code).toBe(0);
      expect(tty.output).toMatch(/wast .*100% \| 1\/1 files/);
      expect(tty.output).toContain('add.wast: ');
      // after the bar's last drawing the line is cleared (an erase-line sequence) and the summary is the last line
      const last = tty.output.slice(tty.output.lastIndexOf('1/1 files'));
      expect(last).toMatch(/\u001b\[[0-2]?K[\s\S]*\d+ passed, 0 failed, 0 skipped\r?\n$/);
      const pipe = piped('wast', 'examples/add.wast');
      expect(pipe.code).toBe(0);
      expect(pipe.stderr).toBe('');
      expect(pipe.stdout).not.toMatch(ESCAPE);
      expect(pipe.stdout).toMatch(/^examples\/add\.wast: .*\n\d+ passed, 0 failed, 0 skipped\n$/);
    });

    it('run: a trap in red on a terminal, plain when piped; NO_COLOR and WASMTS_NO_PROGRESS turn them off', () => {
      const file = join(dir, 'trap.wat');
      writeFileSync(file, '(module $t (func $main (export "_start") unreachable))');
      const tty = onTerminal('run', file);
      expect(tty.output).toMatch(/\u001b\[31mwasm trap:\u001b\[39m unreachable/);
      expect(tty.output).toMatch(/validating/);
      const pipe = piped('run', file);
      expect(pipe.code).toBe(134);
      expect(pipe.stderr).toMatch(/^error: failed to run main module .*\n {2}wasm trap: /);
      expect(pipe.stderr).not.toMatch(ESCAPE);
      const quiet = spawnSync('script', ['-qec', [...command, 'run', file].map(quote).join(' '), '/dev/null'], {
        cwd: cliDir,
        encoding: 'utf8',
        env: { ...env, NO_COLOR: '1', WASMTS_NO_PROGRESS: '1' },
      });
      expect(quiet.stdout).toMatch(/wasm trap: unreachable/);
      expect(quiet.stdout).not.toMatch(ESCAPE);
    });
  },
);
