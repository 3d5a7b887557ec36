// End to end: inline scripts through the real text parser (@wasmts/wat) and decoder (@wasmts/environ).

import { describe, expect, it } from 'vitest';
import { formatCounts, runWastFile } from '../src/index.js';

const run = (text: string) => runWastFile({ text, file: 'inline.wast' }, { validateOnly: true });

describe('runWastFile with @wasmts/wat and @wasmts/environ', () => {
  it('passes valid modules in text, binary and quoted form', () => {
    const report = run(`
      (module (func (export "f") (result i32) (i32.const 1)))
      (module binary "\\00asm" "\\01\\00\\00\\00")
      (module quote "(func (export \\"g\\"))")
      (module definition $d (memory 1))
    `);
    expect(report.failures).toEqual([]);
    expect(formatCounts(report)).toBe('4 passed, 0 failed, 0 skipped');
  });

  it('checks assert_invalid and assert_malformed', () => {
    const report = run(`
      (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
      (assert_malformed (module quote "(func (result i32) (i32.const))") "unexpected token")
      (assert_malformed (module binary "\\00asm" "\\01\\00\\00") "unexpected end")
      (assert_invalid (module (func (result i32) (i32.const 0))) "type mismatch")
    `);
    expect(formatCounts(report)).toBe('3 passed, 1 failed, 0 skipped');
    expect(report.failures[0]).toMatchObject({ kind: 'assert_invalid', line: 5 });
    expect(report.byKind.assert_malformed).toEqual({ passed: 2, failed: 0, skipped: 0 });
  });

  it('fails an invalid module command with the validator message and its line', () => {
    const report = run(`(module (func (result i32) (i64.const 0)))`);
    expect(report.failures).toEqual([
      {
        kind: 'module',
        line: 1,
        outcome: 'failed',
        message: expect.stringMatching(/^module is invalid: type mismatch/),
      },
    ]);
  });

  it('skips commands that need execution', () => {
    const report = run(`
      (module $m (func (export "f") (result i32) (i32.const 1)))
      (register "m" $m)
      (assert_return (invoke "f") (i32.const 1))
      (assert_trap (invoke "f") "unreachable")
      (invoke "f")
      (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
    `);
    expect(formatCounts(report)).toBe('1 passed, 0 failed, 5 skipped');
  });

  it('counts a script that does not parse as one failure', () => {
    const report = run('(module (func)');
    expect(formatCounts(report)).toBe('0 passed, 1 failed, 0 skipped');
    expect(report.failures[0]?.kind).toBe('script');
  });
});
