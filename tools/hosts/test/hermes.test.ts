// React Native's compiler accepts wasmts: `hermesc` (npm hermes-compiler, the Linux binary it ships) compiles the
// JavaScript of `wasmts compile`'s artifacts for every benchmark program (plain, and with fuel and epoch checks)
// and the runtime bundle (wasmts and @wasmts/wasi, ../src/bundle.ts) to Hermes bytecode.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Config, Engine, Module } from 'wasmts';
import { bundle, RUNTIME_ENTRY } from '../src/bundle.js';

const HERMESC = join(
  dirname(createRequire(import.meta.url).resolve('hermes-compiler/package.json')),
  'hermesc/linux64-bin/hermesc',
);
const PROGRAMS = fileURLToPath(new URL('../../bench/programs/wasm/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'wasmts-hermes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The generated JavaScript in an artifact (layout in packages/wasmts/src/serialize.ts): magic, then three parts. */
function artifactSource(artifact: Uint8Array): string {
  const dv = new DataView(artifact.buffer, artifact.byteOffset, artifact.byteLength);
  let at = 8;
  const header = dv.getUint32(at, true);
  at += 4 + header;
  const wasm = dv.getUint32(at, true);
  at += 4 + wasm;
  const source = dv.getUint32(at, true);
  at += 4;
  // the parts and the CRC-32 fill the artifact exactly: a layout change fails here, not in hermesc
  expect(at + source + 4).toBe(artifact.length);
  return new TextDecoder('utf-8', { fatal: true }).decode(artifact.subarray(at, at + source));
}

/** Runs hermesc on `code`; returns its diagnostics (it exits 0 and writes bytecode, or the test fails). */
function hermesc(name: string, code: string): string {
  const input = join(work, `${name}.js`);
  const output = join(work, `${name}.hbc`);
  writeFileSync(input, code);
  const r = spawnSync(HERMESC, ['-emit-binary', '-out', output, input], { encoding: 'utf8' });
  expect(r.error).toBeUndefined();
  expect(r.status, `${name}: ${r.stderr}`).toBe(0);
  // Hermes bytecode starts with its 64-bit magic, 0x1F1903C103BC1FC6 (little-endian)
  expect([...readFileSync(output).subarray(0, 4)]).toEqual([0xc6, 0x1f, 0xbc, 0x03]);
  return r.stderr;
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('hermesc (React Native)', () => {
  const programs = readdirSync(PROGRAMS).filter((f) => f.endsWith('.wasm'));

  it('finds the benchmark programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(16);
  });

  for (const controls of [{}, { consumeFuel: true, epochInterruption: true }]) {
    const label = Object.keys(controls).length === 0 ? 'plain' : 'fuel and epochs';
    it(`compiles the AOT JavaScript of every benchmark program (${label})`, () => {
      for (const file of programs) {
        const engine = new Engine(new Config({ backend: 'js', ...controls }));
        const module = Module.fromBinary(engine, readFileSync(join(PROGRAMS, file)));
        const source = artifactSource(module.serialize());
        // codegen loads the source as `new Function('H', 'return ' + source)`: the same, as a script
        const diagnostics = hermesc(file, `var factory = function (H) {\n  return ${source};\n};\n`);
        expect(diagnostics, file).not.toMatch(/error:/);
      }
    });
  }

  it('compiles the runtime bundle (wasmts and @wasmts/wasi)', async () => {
    const code = await bundle({ contents: RUNTIME_ENTRY }, 'wasmts');
    const diagnostics = hermesc('runtime', code);
    expect(diagnostics).not.toMatch(/error:/);
    // hermesc warns about globals it does not know; the only one is Promise, which Hermes provides
    const undeclared = [...diagnostics.matchAll(/the variable "(\w+)" was not declared/g)].map((m) => m[1]);
    expect([...new Set(undeclared)]).toEqual(['Promise']);
  });
});
