// `wasmts run`: its helpers in-process, and the command as a process (spawns are slow, so each one
// checks several things).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValType } from 'wasmts';
import { buildEnv, formatValue, parseDir, parseValue } from '../src/run.js';

const cliDir = join(import.meta.dirname, '..');
const programsDir = join(cliDir, '..', '..', 'tests', 'wasi-programs');

function wasmts(...args: string[]) {
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts', ...args], {
    cwd: cliDir,
    encoding: 'utf8',
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'wasmts-run-'));
function wat(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('run helpers', () => {
  it('parses --dir, --env and --invoke values', () => {
    expect(parseDir('data')).toEqual({ host: 'data', guest: 'data' });
    expect(parseDir('/tmp/x::/sandbox')).toEqual({ host: '/tmp/x', guest: '/sandbox' });
    expect(() => parseDir('::/x')).toThrow(/HOST::GUEST/);
    process.env.WASMTS_RUN_TEST = 'from host';
    expect({ ...buildEnv(['A=1', 'B=x=y', 'WASMTS_RUN_TEST', 'UNSET_WASMTS_VAR'], false) }).toEqual({
      A: '1',
      B: 'x=y',
      WASMTS_RUN_TEST: 'from host',
    });
    expect(buildEnv(['A=2'], true).WASMTS_RUN_TEST).toBe('from host');
    expect(() => buildEnv(['=x'], false)).toThrow(/NAME=VALUE/);
    expect(parseValue('-1', ValType.I32)).toEqual({ type: 'i32', value: -1 });
    expect(parseValue('4294967295', ValType.I32)).toEqual({ type: 'i32', value: -1 });
    expect(parseValue('0x10', ValType.I64)).toEqual({ type: 'i64', value: 16n });
    expect(parseValue('1.5', ValType.F64)).toEqual({ type: 'f64', value: 1.5 });
    expect(parseValue('-inf', ValType.F32)).toEqual({ type: 'f32', value: Number.NEGATIVE_INFINITY });
    expect(() => parseValue('4294967296', ValType.I32)).toThrow(/out of range/);
    expect(() => parseValue('x', ValType.I32)).toThrow(/not an integer/);
    expect(formatValue({ type: 'i64', value: -5n })).toBe('-5');
    expect(formatValue({ type: 'f32', value: Number.NaN })).toBe('NaN');
    expect(formatValue({ type: 'f64', value: 0.25 })).toBe('0.25');
    expect(formatValue({ type: 'v128', value: { a: 1, b: 0, c: 0, d: -1 } })).toBe(
      '0xffffffff000000000000000000000001',
    );
  });
});

describe('wasmts run', () => {
  it('runs the hello example and passes guest arguments, on the wasm backend too', () => {
    const hello = wasmts('run', 'examples/hello-wasi.wasm');
    expect(hello).toEqual({ code: 0, stdout: 'hello from wasmts\n', stderr: '' });
    const args = wasmts(
      'run',
      '--backend',
      'wasm',
      '--env',
      'GREETING=hey',
      join(programsDir, 'args_env.wasm'),
      'one',
      '-two',
      '--help',
    );
    expect(args.code).toBe(0);
    expect(args.stderr).toBe('');
    // everything after the module goes to the guest, options too (as with `wasmtime run`)
    expect(args.stdout).toContain('argc: 4\nargv[1]: one\nargv[2]: -two\nargv[3]: --help\nenv: GREETING=hey\n');
  });

  it('runs `wasmts prog.wasm args` as `wasmts run prog.wasm args`', () => {
    const r = wasmts(join(programsDir, 'args_env.wasm'), '--version', 'x');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('argc: 3\nargv[1]: --version\nargv[2]: x\n');
    // a command name still is the command; a missing file is an error naming it
    const missing = wasmts('no-such-file.wasm');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no-such-file.wasm');
  });

  it('invokes an export with typed arguments, with a preloaded module for its import', () => {
    const log = wat('log.wat', '(module (func (export "log") (param i32)))');
    const r = wasmts('run', '--preload', `env=${log}`, '--invoke', 'add', 'examples/add.wat', '2', '-3');
    expect(r).toEqual({ code: 0, stdout: '-1\n', stderr: '' });
    const multi = wat(
      'multi.wat',
      '(module (func (export "f") (param i64 f64) (result f64 i64 f32) (local.get 1) (local.get 0) (f32.const -0.5)))',
    );
    expect(wasmts('run', '--invoke', 'f', multi, '-7', '2.5')).toEqual({
      code: 0,
      stdout: '2.5\n-7\n-0.5\n',
      stderr: '',
    });
    const wrong = wasmts('run', '--invoke', 'f', multi, '1');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('error: `f` takes 2 arguments (i64 f64), got 1\n');
    const missing = wasmts('run', '--invoke', 'g', multi);
    expect(missing.stderr).toBe('error: no exported function `g` (exported functions: f)\n');
  });

  it('reports user errors on one line, with the stack only under --debug', () => {
    const unknown = wasmts('run', 'examples/add.wat');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error: examples/add.wat: unknown import: `env::log` has not been defined\n');
    const nofile = wasmts('run', 'no-such.wasm');
    expect(nofile).toEqual({ code: 1, stdout: '', stderr: 'error: no-such.wasm: no such file or directory\n' });
    const debug = wasmts('--debug', 'run', 'no-such.wasm');
    expect(debug.stderr).toMatch(/^error: no-such.wasm: no such file or directory\n.*\n {4}at /);
    const bad = wat('bad.wat', '(module (func (result i32)))');
    const invalid = wasmts('run', bad);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(new RegExp(`^error: ${bad}: .+\\n$`));
    const nomem = wat(
      'nomem.wat',
      '(module (import "wasi_snapshot_preview1" "sched_yield" (func (result i32))) (func (export "_start")))',
    );
    expect(wasmts('run', nomem).stderr).toBe(
      `error: ${nomem}: the instance must export its linear memory as \`memory\`\n`,
    );
    const nodir = wasmts('run', '--dir', join(dir, 'missing'), 'examples/hello-wasi.wasm');
    expect(nodir.stderr).toMatch(/^error: --dir .*missing: no such directory\n$/);
  });

  it('traps with the trap, the wasm backtrace and exit code 134; --fuel limits a run', () => {
    const spin = wat('spin.wat', '(module $spin (func $spin (export "_start") (loop (br 0))))');
    const r = wasmts('run', '--fuel', '10000', spin);
    expect(r.code).toBe(134);
    expect(r.stderr).toMatch(/^error: failed to run main module `.*spin\.wat`\n {2}wasm trap: .*fuel/);
    // the frame as wasmtime prints it: index, the operator's offset in the module, module!function
    expect(r.stderr).toMatch(/\n {2}wasm backtrace:\n {4}0: +0x[0-9a-f]+ - spin!spin\n/);
    const enough = wat(
      'count.wat',
      '(module (func (export "count") (param i32) (result i32) (loop (br_if 0 (local.tee 0 (i32.sub (local.get 0) (i32.const 1))))) (local.get 0)))',
    );
    expect(wasmts('run', '--fuel', '100000', '--invoke', 'count', enough, '100')).toMatchObject({
      code: 0,
      stdout: '0\n',
    });
  });

  it('says which --features switch a module needs, and runs it with that switch', () => {
    const atomic = wat(
      'atomic.wat',
      '(module (memory 1) (func (export "_start") (drop (i32.atomic.load (i32.const 0)))))',
    );
    const off = wasmts('run', atomic);
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(
      /^error: .*atomic\.wat: threads support is not enabled \(at offset 0x[0-9a-f]+\) \(the module uses the threads proposal, which is off: --features \+threads\)\n$/,
    );
    expect(wasmts('run', '--features', '+threads', atomic)).toMatchObject({ code: 0, stderr: '' });
    const simd = wat('simd.wat', '(module (func (export "_start") (drop (i8x16.splat (i32.const 1)))))');
    expect(wasmts('run', '--features=-simd', simd).stderr).toContain('which is off: --features +simd)');
  });
});
