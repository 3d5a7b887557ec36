// React Native's compiler accepts wasmts: `hermesc` (npm hermes-compiler, the Linux binary it ships) compiles the
// JavaScript of `wasmts compile`'s artifacts for the benchmark programs (plain, and with fuel and epoch checks) and
// the runtime bundle (wasmts and @wasmts/wasi, ../src/bundle.ts) to Hermes bytecode. The programs are tools/bench's
// catalog up to HERMES_TEST_MAX_KB of wasm (CI's budget); `pnpm --filter @wasmts/hosts hermes:programs` runs all.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Config, Engine, Module } from 'wasmts';
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
        // a memory's Uint8Array view is `U<k>` for its hoisted memory `m<k>` (codegen's environment.ts, VIEW_LETTER)
        if (/\bU\d+\[/.test(script)) u8++;
        compiles(`${p.name.replaceAll(/\W+/g, '_')}-${label[0]}`, script);
      }
      // the interpreter's forms are there (Uint8Array byte loads), compiled on this host that has WebAssembly
      expect(u8).toBeGreaterThan(programs.length / 2);
    });
  }

  it('compiles an app that ships a module as AOT JavaScript, and the app runs without new Function', async () => {
    // the app's bundle: wasmts, the module's AOT JavaScript (`wasmts compile --format esm`) and code that uses them
    const wat = `(module (func $fib (export "fib") (param i32) (result i32)
      (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
        (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1))) (call $fib (i32.sub (local.get 0) (i32.const 2))))))))`;
    const engineOptions = { backend: 'js', jsTarget: 'interpreter' } as const;
    const aot = join(work, 'fib.wasmts.mjs');
    writeFileSync(aot, new Module(new Engine(new Config(engineOptions)), wat).serializeJs('esm'));
    const app = await bundle(
      {
        contents: `import { Config, Engine, Instance, Module, Store } from 'wasmts';
          import fib from ${JSON.stringify(aot)};
          const engine = new Engine(new Config(${JSON.stringify(engineOptions)}));
          const instance = new Instance(new Store(engine, null), Module.fromPrecompiled(engine, fib), []);
          let evaluates = true;
          try { new Function('return 1'); } catch { evaluates = false; }
          (globalThis.print ?? console.log)('fib(24) = ' + instance.getTypedFunc('fib').call(24) + ', eval ' + evaluates);`,
      },
      'app',
    );
    compiles('app', app);
    // the same bundle runs where evaluating strings is forbidden and there is no WebAssembly
    const file = join(work, 'app.js');
    writeFileSync(file, app);
    const out = execFileSync(process.execPath, ['--jitless', '--disallow-code-generation-from-strings', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out.trim()).toBe('fib(24) = 46368, eval false');
  });

  it('compiles the largest program in function groups file by file (wasmts compile --group-kb)', () => {
    const largest = programs.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const engine = new Engine(new Config({ backend: 'js', jsTarget: 'interpreter' }));
    const files = Module.fromBinary(engine, readFileSync(largest.path)).serializeJsGroups(
      'cjs',
      'big.wasmts.cjs',
      20_000,
    );
    expect(files.length, largest.name).toBeGreaterThan(3);
    for (const f of files) compiles(f.file.replaceAll('.', '_'), f.text);
  });

  it('compiles an app that ships a module in function groups, and the app runs without new Function', async () => {
    const wat = `(module
      (func $fib (export "fib") (param i32) (result i32)
        (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
          (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1))) (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
      (func (export "twice") (param i32) (result i32) (i32.add (call $fib (local.get 0)) (call $fib (local.get 0))))
      (func (export "unused") (result i32) (i32.const 7)))`;
    const engineOptions = { backend: 'js', jsTarget: 'interpreter' } as const;
    const files = new Module(new Engine(new Config(engineOptions)), wat).serializeJsGroups('cjs', 'fibs.wasmts.cjs', 1);
    expect(files.length).toBe(4);
    for (const f of files) writeFileSync(join(work, f.file), f.text);
    const app = await bundle(
      {
        contents: `import { Config, Engine, Instance, Module, Store } from 'wasmts';
          import fibs from ${JSON.stringify(join(work, files[0].file))};
          const engine = new Engine(new Config(${JSON.stringify(engineOptions)}));
          const instance = new Instance(new Store(engine, null), Module.fromPrecompiled(engine, fibs), []);
          let evaluates = true;
          try { new Function('return 1'); } catch { evaluates = false; }
          (globalThis.print ?? console.log)('twice(20) = ' + instance.getTypedFunc('twice').call(20) + ', eval ' + evaluates);`,
      },
      'app',
    );
    compiles('app-groups', app);
    const file = join(work, 'app-groups.js');
    writeFileSync(file, app);
    const out = execFileSync(process.execPath, ['--jitless', '--disallow-code-generation-from-strings', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out.trim()).toBe('twice(20) = 13530, eval false');
  });

  it('compiles the runtime bundle (wasmts and @wasmts/wasi)', async () => {
    const diagnostics = compiles('runtime', await bundle({ contents: RUNTIME_ENTRY }, 'wasmts'));
    // hermesc warns about globals it does not know; the only one is Promise, which Hermes provides
    const undeclared = [...diagnostics.matchAll(/the variable "(\w+)" was not declared/g)].map((m) => m[1]);
    expect([...new Set(undeclared)]).toEqual(['Promise']);
  });
});
