// React Native's compiler accepts wasmts: `hermesc` (npm hermes-compiler, the Linux binary it ships) compiles the
// JavaScript of `wasmts compile`'s artifacts for the benchmark programs (plain, and with fuel and epoch checks) and
// the runtime bundle (wasmts and @wasmts/wasi, ../src/bundle.ts) to Hermes bytecode. The programs are tools/bench's
// catalog up to HERMES_TEST_MAX_KB of wasm (CI's budget); `pnpm --filter @wasmts/hosts hermes:programs` runs all.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, RUNTIME_ENTRY } from '../src/bundle.js';
import { aotScript, CONTROLS, hermesc, hermescErrors, hermescRuns, writePrograms } from '../src/hermes.js';

/** The largest program the test compiles, in KB of wasm (the rest: `pnpm --filter @wasmts/hosts hermes:programs`). */
const HERMES_TEST_MAX_KB = 25;

const work = mkdtempSync(join(tmpdir(), 'wasmts-hermes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs hermesc on `code`; returns its diagnostics (it exits 0 and writes bytecode, or the test fails). */
function compiles(name: string, code: string): string {
  const r = hermesc(work, name, code);
  expect(r.status, `${name}: ${r.stderr}`).toBe(0);
  expect(r.bytecode, name).toBe(true);
  expect(hermescErrors(r.stderr), name).toEqual([]);
  return r.stderr;
}

describe.runIf(hermescRuns)('hermesc (React Native)', () => {
  const programs = hermescRuns ? writePrograms(join(work, 'programs'), String(HERMES_TEST_MAX_KB)) : [];

  it('finds the benchmark programs', () => {
    // our C and C++, the SIMD programs, hash-wasm's and the smaller npm packages
    expect(programs.length).toBeGreaterThanOrEqual(50);
  });

  for (const { label, options } of CONTROLS) {
    it(`compiles the AOT JavaScript of the benchmark programs (${label})`, () => {
      let u8 = 0;
      for (const p of programs) {
        const script = aotScript(readFileSync(p.path), options);
        // a memory's Uint8Array view is `m<k>_u8`, k counting every hoisted per-instance value (`lim0`, `m1`...)
        if (/\bm\d+_u8\[/.test(script)) u8++;
        compiles(`${p.name.replaceAll(/\W+/g, '_')}-${label[0]}`, script);
      }
      // the interpreter's forms are there (Uint8Array byte loads), compiled on this host that has WebAssembly
      expect(u8).toBeGreaterThan(programs.length / 2);
    });
  }

  it('compiles the runtime bundle (wasmts and @wasmts/wasi)', async () => {
    const diagnostics = compiles('runtime', await bundle({ contents: RUNTIME_ENTRY }, 'wasmts'));
    // hermesc warns about globals it does not know; the only one is Promise, which Hermes provides
    const undeclared = [...diagnostics.matchAll(/the variable "(\w+)" was not declared/g)].map((m) => m[1]);
    expect([...new Set(undeclared)]).toEqual(['Promise']);
  });
});
