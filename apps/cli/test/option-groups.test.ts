// wasmtime's option groups on `wasmts run`: -W (wasm settings) and -S (WASI settings), parsed in-process and run
// as the command on both backends.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/errors.js';
import { parseWasiSettings, parseWasmSettings } from '../src/option-groups.js';

const cliDir = join(import.meta.dirname, '..');

function wasmts(args: string[], env?: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts', ...args], {
    cwd: cliDir,
    encoding: 'utf8',
    input: '',
    ...(env !== undefined ? { env } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'wasmts-options-'));
function wat(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('parsing', () => {
  it('reads comma-separated keys from every -W, with units and flags alone', () => {
    expect(
      parseWasmSettings([
        'fuel=1_000,epoch-interruption',
        'max-memory-size=64KiB,timeout=250ms',
        'max-wasm-stack=1MiB',
      ]),
    ).toEqual({
      fuel: 1000,
      epochInterruption: true,
      maxMemorySize: 65536,
      timeoutMs: 250,
      maxWasmStack: 1 << 20,
    });
    expect(parseWasmSettings(['timeout=2', 'trap-on-grow-failure=n,max-instances=3'])).toEqual({
      timeoutMs: 2000,
      trapOnGrowFailure: false,
      maxInstances: 3,
    });
    expect(parseWasiSettings(['inherit-env'])).toEqual({ inheritEnv: true });
    expect(parseWasiSettings(['inherit-env=no'])).toEqual({ inheritEnv: false });
    expect(parseWasmSettings([])).toEqual({});
  });

  it('refuses unknown keys, missing values and bad values with one line naming the option', () => {
    expect(() => parseWasmSettings(['fule=3'])).toThrow(CliError);
    expect(() => parseWasmSettings(['fule=3'])).toThrow(/^-W fule: unknown option \(known: fuel, /);
    expect(() => parseWasmSettings(['fuel'])).toThrow('-W fuel: needs a value (fuel=...)');
    expect(() => parseWasmSettings(['fuel=-1'])).toThrow('-W fuel=-1: expected a non-negative integer');
    expect(() => parseWasmSettings(['max-memory-size=12XB'])).toThrow(/^-W max-memory-size=12XB: expected a size/);
    expect(() => parseWasmSettings(['timeout=soon'])).toThrow(/^-W timeout=soon: expected a duration/);
    expect(() => parseWasmSettings(['epoch-interruption=maybe'])).toThrow(
      '-W epoch-interruption=maybe: expected y or n',
    );
    expect(() => parseWasiSettings(['inherit-network'])).toThrow(/^-S inherit-network: unknown option/);
  });
});

describe('wasmts run -W / -S', () => {
  const spin = wat('spin.wat', '(module $spin (func $spin (export "_start") (loop (br 0))))');

  for (const backend of ['js', 'wasm']) {
    it(`-W timeout interrupts a guest that never returns, and -W fuel limits one (${backend} backend)`, () => {
      const t = wasmts(['run', '--backend', backend, '-W', 'timeout=300ms', spin]);
      expect(t.code).toBe(134);
      expect(t.stderr).toMatch(/^error: failed to run main module `.*spin\.wat`\n {2}wasm trap: .*interrupt/);
      const f = wasmts(['run', '--backend', backend, '-W', 'fuel=10000', spin]);
      expect(f.code).toBe(134);
      expect(f.stderr).toMatch(/wasm trap: .*fuel/);
    });
  }

  it('-W max-memory-size refuses growth (-1, or an error with trap-on-grow-failure); --fuel and -W fuel must agree', () => {
    const grow = wat(
      'grow.wat',
      '(module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))',
    );
    expect(wasmts(['run', '-W', 'max-memory-size=128KiB', '--invoke', 'grow', grow, '1'])).toMatchObject({
      code: 0,
      stdout: '1\n',
    });
    expect(wasmts(['run', '-W', 'max-memory-size=128KiB', '--invoke', 'grow', grow, '2'])).toMatchObject({
      code: 0,
      stdout: '-1\n',
    });
    const refused = wasmts(['run', '-W', 'max-memory-size=128KiB,trap-on-grow-failure', '--invoke', 'grow', grow, '2']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^error: .*memory/);
    const twice = wasmts(['run', '--fuel', '5', '-W', 'fuel=6', spin]);
    expect(twice).toMatchObject({ code: 1, stderr: 'error: --fuel 5 and -W fuel=6: give the fuel once\n' });
    const bad = wasmts(['run', '-W', 'fuel', spin]);
    expect(bad).toMatchObject({ code: 1, stderr: 'error: -W fuel: needs a value (fuel=...)\n' });
  });

  it('-S inherit-env passes the host environment to the guest', () => {
    // exits with the number of environment entries the guest sees
    const count = wat(
      'env.wat',
      `(module
         (import "wasi_snapshot_preview1" "environ_sizes_get" (func $sizes (param i32 i32) (result i32)))
         (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
         (memory (export "memory") 1)
         (func (export "_start") (drop (call $sizes (i32.const 0) (i32.const 4))) (call $exit (i32.load (i32.const 0)))))`,
    );
    const env = { PATH: process.env.PATH ?? '', WASMTS_A: '1', WASMTS_B: '2' };
    expect(wasmts(['run', count], env).code).toBe(0);
    const inherited = wasmts(['run', '-S', 'inherit-env', count], env).code ?? 0;
    expect(inherited).toBeGreaterThanOrEqual(3);
    expect(wasmts(['run', '--inherit-env', count], env).code).toBe(inherited);
  });
});
