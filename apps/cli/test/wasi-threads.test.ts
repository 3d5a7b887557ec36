// Runs the wasi-threads programs of tests/wasi-threads through `wasmts run` on both backends (auto, which
// picks the host's engine, and js), plain and with fuel and epochs on, and checks how a threaded program
// ends when one thread exits, traps or runs past its epoch deadline.
//
// These run the built command (bin/wasmts.js, dist/): every guest thread is a Worker, and a Worker does not
// inherit tsx's loader, so from source each thread would transpile the packages again (about 1 s of CPU a
// thread). `pnpm build` first (CI builds before it tests).

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cliDir = join(import.meta.dirname, '..');
const programsDir = join(cliDir, '..', '..', 'tests', 'wasi-threads');
const bin = join(cliDir, 'bin', 'wasmts.js');
const built = join(cliDir, 'dist', 'main.js');

interface Expected {
  stdout: string;
  exitCode: number;
}

function wasmts(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: cliDir });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

const programs = readdirSync(programsDir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();
const wasm = (name: string) => join(programsDir, `${name}.wasm`);

/** Fuel for each thread's store (far more than any program needs) and an epoch deadline with a ticker. */
const CONTROLS = ['--fuel', '50000000000', '-W', 'timeout=120s'];

describe('tests/wasi-threads through wasmts run', () => {
  it('runs the built command, newer than the sources of what it runs', () => {
    expect(existsSync(built), `${built} is missing: run pnpm build first`).toBe(true);
    const threads = join(cliDir, '..', '..', 'packages', 'wasi', 'src', 'threads.ts');
    const dist = join(cliDir, '..', '..', 'packages', 'wasi', 'dist', 'threads.js');
    expect(
      existsSync(dist) && statSync(dist).mtimeMs >= statSync(threads).mtimeMs,
      'packages/wasi/dist is stale: pnpm build',
    ).toBe(true);
    expect(programs).toEqual(['counter', 'queue', 'sort', 'sum']);
    for (const p of programs) expect(existsSync(wasm(p)), `${p}.wasm`).toBe(true);
  });

  for (const backend of ['auto', 'js'] as const) {
    for (const controls of [false, true]) {
      // one configuration at a time: each run already has five threads on this machine's cores
      it(`every program on the ${backend} backend${controls ? ' with fuel and epochs on' : ''}`, async () => {
        for (const name of programs) {
          const expected = JSON.parse(readFileSync(join(programsDir, `${name}.expected.json`), 'utf8')) as Expected;
          const r = await wasmts([
            'run',
            '--features',
            '+threads',
            '--backend',
            backend,
            ...(controls ? CONTROLS : []),
            wasm(name),
          ]);
          expect({ name, stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({
            name,
            stdout: expected.stdout,
            stderr: '',
            code: expected.exitCode,
          });
        }
      });
    }
  }

  it('a thread that runs out of fuel traps and ends every thread (fuel is per thread)', async () => {
    const r = await wasmts(['run', '--features', '+threads', '--backend', 'js', '--fuel', '200000', wasm('counter')]);
    expect(r.code).toBe(134);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('all fuel consumed');
  });

  for (const backend of ['auto', 'js'] as const) {
    it(`a thread's exit, trap or epoch deadline ends the program (${backend})`, async () => {
      const base = ['run', '--features', '+threads', '--backend', backend];
      // the main thread is blocked joining the thread when it exits: the exit code is the thread's
      const exit = await wasmts([...base, wasm('ending'), 'exit']);
      expect([exit.code, exit.stdout]).toEqual([3, 'thread started\n']);
      const trap = await wasmts([...base, wasm('ending'), 'trap']);
      expect([trap.code, trap.stdout]).toEqual([134, 'thread started\n']);
      expect(trap.stderr).toMatch(/wasm trap: unreachable[\s\S]*0: .*ending\.wasm!work\n/);
      // the spinning thread checks the shared epoch; the ticker of the command's engine reaches it
      // (on a loaded machine the deadline may pass before the thread starts: the main thread then traps first)
      const spin = await wasmts([...base, '-W', 'timeout=2s', wasm('ending'), 'spin']);
      expect(spin.code).toBe(134);
      expect(spin.stderr).toContain('wasm trap: interrupt');
    });
  }

  it('-W max-memory-size reaches the shared memory (here below its minimum: refused before any thread starts)', async () => {
    const r = await wasmts(['run', '--features', '+threads', '-W', 'max-memory-size=64KiB', wasm('counter')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("memory minimum size of 66 pages exceeds the store's memory limits");
  });

  it('a wasi-threads program needs the threads proposal switched on, and says so', async () => {
    const r = await wasmts(['run', wasm('counter')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--features +threads');
  });
});
