// The command's building blocks, without spawning a process.

import { CompileError, MVP_FEATURES, WASM3_FEATURES } from '@wasmts/environ';
import { emptyFileReport, recordResult } from '@wasmts/wast';
import { describe, expect, it } from 'vitest';
import { describeError, formatFileReport, formatInspect, inspectFile, parseFeatures } from '../src/index.js';

describe('parseFeatures', () => {
  it('applies items left to right over the Wasm 3.0 defaults', () => {
    expect(parseFeatures('-simd,+threads')).toEqual({ ...WASM3_FEATURES, simd: false, threads: true });
    expect(parseFeatures('mvp,multi-value,tail_call')).toEqual({ ...MVP_FEATURES, multiValue: true, tailCall: true });
    expect(parseFeatures('all').wideArithmetic).toBe(true);
    expect(() => parseFeatures('simdx')).toThrow(/unknown feature 'simdx'.*relaxed-simd/);
  });
});

describe('formatFileReport', () => {
  it('prints the counts line and the failures under it', () => {
    const report = emptyFileReport('a.wast');
    recordResult(report, { kind: 'module', line: 1, outcome: 'passed' });
    recordResult(report, { kind: 'assert_invalid', line: 7, outcome: 'failed', message: 'expected ...' });
    recordResult(report, { kind: 'assert_return', line: 9, outcome: 'skipped' });
    expect(formatFileReport(report, false)).toBe(
      'a.wast: 1 passed, 1 failed, 1 skipped\n  line 7: assert_invalid: expected ...\n',
    );
  });
});

describe('describeError', () => {
  it('gives one line naming the file', () => {
    expect(describeError(new CompileError('invalid', 'type mismatch', 0x20), 'm.wasm')).toBe(
      'm.wasm: type mismatch (at offset 0x20)',
    );
    const wat = Object.assign(new Error('<input>:3:5: unexpected token'), { name: 'WatError', line: 3, column: 5 });
    expect(describeError(wat, 'm.wat')).toBe('m.wat:3:5: unexpected token');
    expect(describeError(Object.assign(new Error('x'), { code: 'ENOENT' }), 'nope.wasm')).toBe(
      'nope.wasm: no such file or directory',
    );
    expect(describeError(new TypeError('boom'), 'm.wasm')).toBe('m.wasm: internal error: TypeError: boom');
  });
});

describe('inspectFile', () => {
  it('describes a binary module', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'inspect-')), 'add.wasm');
    // (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add) (memory 1))
    const bytes = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 7, 1, 0x60, 2, 0x7f, 0x7f, 1, 0x7f, 3, 2, 1, 0, 5, 3, 1, 0, 1];
    bytes.push(7, 7, 1, 3, 0x61, 0x64, 0x64, 0, 0, 10, 9, 1, 7, 0, 0x20, 0, 0x20, 1, 0x6a, 0x0b);
    writeFileSync(file, new Uint8Array(bytes));
    const info = await inspectFile(file);
    expect(info).toMatchObject({
      size: 46,
      format: 'binary',
      types: ['0: (func (param i32 i32) (result i32))'],
      exports: [{ name: 'add', kind: 'func', index: 0, type: '(func (type 0) (param i32 i32) (result i32))' }],
      functions: { total: 1, imported: 0, defined: 1 },
      memories: [{ index: 0, imported: false, type: '(memory 1)' }],
    });
    expect(info.sections.map((s) => s.name)).toEqual(['type', 'function', 'memory', 'export', 'code']);
    expect(formatInspect(info)).toContain('\n  "add" func 0: (func (type 0) (param i32 i32) (result i32))\n');
  });

  it('prints the full type of every import and export', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'inspect-')), 'kinds.wat');
    writeFileSync(
      file,
      `(module
        (import "env" "f" (func (param i32 i64) (result f32)))
        (import "env" "m" (memory i64 1 2))
        (import "env" "g" (global (mut i32)))
        (func (export "swap") (param i64 f32) (result f32 i64) (local.get 1) (local.get 0))
        (table (export "t") i64 1 10 externref)
        (global (export "c") f64 (f64.const 1))
        (tag (export "oops") (param i32))
        (export "m2" (memory 0)))`,
    );
    const info = await inspectFile(file);
    expect(info.imports.map((i) => i.type)).toEqual([
      '(func (type 0) (param i32 i64) (result f32))',
      '(memory i64 1 2)',
      '(global (mut i32))',
    ]);
    expect(info.exports.map((e) => `${e.name} ${e.kind} ${e.index}: ${e.type}`)).toEqual([
      'swap func 1: (func (type 1) (param i64 f32) (result f32 i64))',
      't table 0: (table i64 1 10 externref)',
      'c global 1: (global f64)',
      'oops tag 0: (tag (type 2) (param i32))',
      'm2 memory 0: (memory i64 1 2)',
    ]);
    expect(formatInspect(info)).toContain('\n  "t" table 0: (table i64 1 10 externref)\n');
  });
});
