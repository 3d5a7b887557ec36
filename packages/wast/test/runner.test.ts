// The runner's dispatch and counting, with the WAST parser and the engine replaced by stand-ins so
// these tests check only this package. Real end-to-end scripts are in wast.test.ts.

import { CompileError } from '@wasmts/environ';
import { describe, expect, it, vi } from 'vitest';
import { formatCounts, runWastFile, type WastHost } from '../src/index.js';

const script = vi.hoisted(() => ({ commands: [] as unknown[], throwOnParse: null as Error | null }));

vi.mock('@wasmts/wat', () => {
  class WatError extends Error {
    override readonly name = 'WatError';
    constructor(
      message: string,
      readonly line: number,
      readonly column: number,
    ) {
      super(`test.wast:${line}:${column}: ${message}`);
    }
  }
  return {
    WatError,
    parseWast: () => {
      if (script.throwOnParse) throw script.throwOnParse;
      return { commands: script.commands };
    },
    // A quoted module's source is a byte string here, so tests can pick what the host sees.
    parseWat: (source: string) => {
      if (source.startsWith('bad')) throw new WatError('unexpected token', 1, 2);
      return new Uint8Array([...source].map((c) => c.charCodeAt(0)));
    },
  };
});

// Bytes [0] validate, [1] are malformed, [2] invalid, [3] make the decoder crash.
const fakeHost: WastHost = {
  name: 'fake',
  compile(bytes) {
    switch (bytes[0]) {
      case 0:
        return { ok: true };
      case 1:
        throw new CompileError('malformed', 'unexpected end', 8);
      case 2:
        throw new CompileError('invalid', 'type mismatch', 20);
      default:
        throw new RangeError('offset is out of bounds');
    }
  },
};

const bin = (line: number, byte: number) => ({ kind: 'binary', line, bytes: new Uint8Array([byte]) });

function run(commands: unknown[]) {
  script.commands = commands;
  script.throwOnParse = null;
  return runWastFile({ text: '', file: 'test.wast' }, { validateOnly: true, host: fakeHost });
}

describe('runWastFile', () => {
  it('passes valid modules of every form and fails rejected ones with their message', () => {
    const report = run([
      { type: 'module', line: 1, module: bin(1, 0) },
      { type: 'module', line: 2, module: { kind: 'text', line: 2, bytes: new Uint8Array([0]) } },
      { type: 'module', line: 3, module: { kind: 'quote', line: 3, source: '\0' }, definition: true },
      { type: 'module', line: 4, module: bin(4, 2) },
      { type: 'module', line: 5, module: { kind: 'quote', line: 5, source: 'bad' } },
    ]);
    expect(formatCounts(report)).toBe('3 passed, 2 failed, 0 skipped');
    expect(report.failures.map((f) => [f.line, f.message])).toEqual([
      [4, 'module is invalid: type mismatch'],
      [5, 'module text does not parse: unexpected token (at quoted text 1:2)'],
    ]);
  });

  it('counts assert_invalid as passed on any rejection, noting a malformed rejection', () => {
    const report = run([
      { type: 'assert_invalid', line: 10, module: bin(10, 2), text: 'type mismatch' },
      { type: 'assert_invalid', line: 11, module: bin(11, 1), text: 'type mismatch' },
      { type: 'assert_invalid', line: 12, module: bin(12, 0), text: 'unknown label' },
    ]);
    expect(formatCounts(report)).toBe('2 passed, 1 failed, 0 skipped');
    expect(report.notes).toEqual([
      {
        kind: 'assert_invalid',
        line: 11,
        outcome: 'passed',
        message: 'rejected as malformed, expected invalid; message "unexpected end", expected "type mismatch"',
      },
    ]);
    expect(report.failures[0]).toMatchObject({ line: 12, message: expect.stringContaining('but it compiled') });
  });

  it('counts assert_malformed as passed for any text or decode error', () => {
    const report = run([
      {
        type: 'assert_malformed',
        line: 20,
        module: { kind: 'quote', line: 20, source: 'bad' },
        text: 'unexpected token',
      },
      { type: 'assert_malformed', line: 21, module: bin(21, 1), text: 'unexpected end' },
      { type: 'assert_malformed', line: 22, module: bin(22, 0), text: 'unexpected end' },
    ]);
    expect(formatCounts(report)).toBe('2 passed, 1 failed, 0 skipped');
    expect(report.notes).toEqual([]);
    expect(report.byKind.assert_malformed).toEqual({ passed: 2, failed: 1, skipped: 0 });
  });

  it('skips commands that need execution, after validating the modules they carry', () => {
    const action = { type: 'invoke', field: 'f', args: [] };
    const report = run([
      { type: 'module', line: 1, module: bin(1, 0) },
      { type: 'register', line: 2, as: 'M' },
      { type: 'action', line: 3, action },
      { type: 'assert_return', line: 4, action, expected: [] },
      { type: 'assert_trap', line: 5, action, text: 'unreachable' },
      { type: 'assert_exhaustion', line: 6, action, text: 'call stack exhausted' },
      { type: 'assert_exception', line: 7, action },
      { type: 'module_instance', line: 8, module: 'M' },
      { type: 'assert_unlinkable', line: 9, module: bin(9, 0), text: 'unknown import' },
      { type: 'assert_trap_module', line: 10, module: bin(10, 0), text: 'out of bounds' },
      { type: 'assert_unlinkable', line: 11, module: bin(11, 2), text: 'unknown import' },
    ]);
    expect(formatCounts(report)).toBe('1 passed, 1 failed, 9 skipped');
    expect(report.byKind).toEqual({
      module: { passed: 1, failed: 0, skipped: 0 },
      register: { passed: 0, failed: 0, skipped: 1 },
      action: { passed: 0, failed: 0, skipped: 1 },
      assert_return: { passed: 0, failed: 0, skipped: 1 },
      assert_trap: { passed: 0, failed: 0, skipped: 1 },
      assert_exhaustion: { passed: 0, failed: 0, skipped: 1 },
      assert_exception: { passed: 0, failed: 0, skipped: 1 },
      module_instance: { passed: 0, failed: 0, skipped: 1 },
      assert_unlinkable: { passed: 0, failed: 1, skipped: 1 },
      assert_trap_module: { passed: 0, failed: 0, skipped: 1 },
    });
    expect(report.failures[0]).toMatchObject({ line: 11, message: 'module is invalid: type mismatch' });
  });

  it('counts an unexpected exception inside the engine as a failure and carries on', () => {
    const report = run([
      { type: 'module', line: 1, module: bin(1, 3) },
      { type: 'assert_invalid', line: 2, module: bin(2, 3), text: 'type mismatch' },
      { type: 'assert_malformed', line: 3, module: bin(3, 3), text: 'unexpected end' },
      { type: 'module', line: 4, module: bin(4, 0) },
    ]);
    expect(formatCounts(report)).toBe('1 passed, 3 failed, 0 skipped');
    expect(report.failures.map((f) => f.message)).toEqual([
      'unexpected RangeError: offset is out of bounds',
      'unexpected RangeError: offset is out of bounds',
      'unexpected RangeError: offset is out of bounds',
    ]);
  });

  it('counts a script that does not parse as one failure', async () => {
    const { WatError } = (await import('@wasmts/wat')) as unknown as {
      WatError: new (m: string, l: number, c: number) => Error;
    };
    script.throwOnParse = new WatError('unbalanced parenthesis', 7, 1);
    const report = runWastFile({ text: '(', file: 'broken.wast' }, { validateOnly: true, host: fakeHost });
    expect(formatCounts(report)).toBe('0 passed, 1 failed, 0 skipped');
    expect(report.failures[0]).toEqual({
      kind: 'script',
      line: 7,
      outcome: 'failed',
      message: 'script does not parse: test.wast:7:1: unbalanced parenthesis',
    });
  });

  it('reports a missing file as a failure instead of throwing', () => {
    const report = runWastFile('/nonexistent/x.wast', { validateOnly: true, host: fakeHost });
    expect(report.failed).toBe(1);
    expect(report.failures[0]?.message).toMatch(/^cannot read script: .*ENOENT/);
  });

  it('hands execution commands to an executor when the host has one and validateOnly is off', () => {
    const seen: string[] = [];
    const host: WastHost = {
      ...fakeHost,
      executor: {
        execute(command) {
          seen.push(command.type);
          return command.type === 'assert_trap' ? { outcome: 'failed', message: 'no trap' } : { outcome: 'passed' };
        },
      },
    };
    script.commands = [
      { type: 'module', line: 1, module: bin(1, 0) },
      { type: 'assert_trap', line: 2, action: {}, text: 'unreachable' },
    ];
    script.throwOnParse = null;
    const executed = runWastFile({ text: '', file: 't.wast' }, { validateOnly: false, host });
    expect(seen).toEqual(['module', 'assert_trap']);
    expect(formatCounts(executed)).toBe('1 passed, 1 failed, 0 skipped');
    const validated = runWastFile({ text: '', file: 't.wast' }, { validateOnly: true, host });
    expect(formatCounts(validated)).toBe('1 passed, 0 failed, 1 skipped');
  });
});
