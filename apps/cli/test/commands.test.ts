// The command's building blocks, without spawning a process.

import { CompileError, MVP_FEATURES, WASM3_FEATURES } from '@wasmts/environ';
import { emptyFileReport, recordResult } from '@wasmts/wast';
import { describe, expect, it } from 'vitest';
import { describeError, formatFileReport, parseFeatures } from '../src/index.js';

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
