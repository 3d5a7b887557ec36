// React Native's compiler on wasmts's output: `hermesc` (npm hermes-compiler, the Linux x64 binary it ships) run on
// the ahead-of-time JavaScript modules of `wasmts compile --format cjs` (`Module.serializeJs`, JS backend). Shared by
// test/hermes.test.ts and the full run over every benchmark program (src/hermes-programs.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Config, type ConfigOptions, Engine, Module } from 'wasmts';

/** The hermesc binary hermes-compiler ships for Linux x64 (the only host where these checks run). */
export const HERMESC = join(
  dirname(createRequire(import.meta.url).resolve('hermes-compiler/package.json')),
  'hermesc/linux64-bin/hermesc',
);

/** Whether this host can run `HERMESC`. */
export const hermescRuns = process.platform === 'linux' && process.arch === 'x64';

/**
 * The settings each program is compiled with: plain, and with fuel and epoch checks compiled in; both for Hermes
 * (`jsTarget: 'interpreter'`, `wasmts compile --js-target interpreter`: what an app ships, compiled from Node).
 */
export const CONTROLS: readonly { readonly label: string; readonly options: ConfigOptions }[] = [
  { label: 'plain', options: { jsTarget: 'interpreter' } },
  { label: 'fuel and epochs', options: { jsTarget: 'interpreter', consumeFuel: true, epochInterruption: true } },
];

/**
 * The AOT JavaScript of `wasm` on the JS backend with `options`, as an app ships it: the CommonJS module of
 * `Module.serializeJs('cjs')` (`wasmts compile --format cjs`), which `Module.fromPrecompiled` loads with no
 * `new Function`.
 */
export function aotScript(wasm: Uint8Array, options: ConfigOptions): string {
  const engine = new Engine(new Config({ backend: 'js', ...options }));
  return Module.fromBinary(engine, wasm).serializeJs('cjs');
}

/** What one hermesc run gave. */
export interface HermescResult {
  /** Its exit status (null: killed, e.g. by the timeout). */
  readonly status: number | null;
  /** Its diagnostics. */
  readonly stderr: string;
  /** Whether the output starts with Hermes bytecode's magic, 0x1F1903C103BC1FC6 (little-endian). */
  readonly bytecode: boolean;
  /** Wall time, ms. */
  readonly ms: number;
}

/** Runs hermesc on `code` (written to `dir/name.js`, bytecode to `dir/name.hbc`). */
export function hermesc(dir: string, name: string, code: string, timeoutMs = 600_000): HermescResult {
  const input = join(dir, `${name}.js`);
  const output = join(dir, `${name}.hbc`);
  writeFileSync(input, code);
  const start = performance.now();
  const r = spawnSync(HERMESC, ['-emit-binary', '-out', output, input], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - start;
  if (r.error !== undefined && r.status === null && r.signal === null) throw r.error;
  let bytecode = false;
  if (r.status === 0) {
    const head = readFileSync(output).subarray(0, 4);
    bytecode = head[0] === 0xc6 && head[1] === 0x1f && head[2] === 0xbc && head[3] === 0x03;
  }
  return { status: r.status, stderr: r.stderr ?? '', bytecode, ms };
}

/** hermesc's error lines in `stderr` (it prints `file:line:col: error: ...`). */
export function hermescErrors(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /\berror:/.test(l));
}

/** A benchmark program written out by `writePrograms`. */
export interface ProgramFile {
  readonly name: string;
  /** Its module's path. */
  readonly path: string;
  readonly bytes: number;
}

/**
 * Writes the module of every benchmark program of tools/bench (up to `maxKb` KB) into `dir` (tools/bench's
 * src/write-programs.ts, which owns the program list, run in a child) and lists them in table order.
 */
export function writePrograms(dir: string, maxKb?: string): ProgramFile[] {
  const bench = fileURLToPath(new URL('../../bench/', import.meta.url));
  const r = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      'src/write-programs.ts',
      dir,
      ...(maxKb === undefined ? [] : ['--max-kb', maxKb]),
    ],
    { cwd: bench, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`tools/bench write-programs failed: ${r.stderr}`);
  const list = JSON.parse(readFileSync(join(dir, 'programs.json'), 'utf8')) as {
    name: string;
    file: string;
    bytes: number;
  }[];
  return list.map((p) => ({ name: p.name, path: join(dir, p.file), bytes: p.bytes }));
}
