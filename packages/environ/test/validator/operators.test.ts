import { describe, expect, test } from 'vitest';
import { CompileError } from '../../src/errors.js';
import { wasmFeatures } from '../../src/features.js';
import { OPERATORS } from '../../src/operators.js';
import { type Bytes, check, op, u32 } from './build.js';

const ALL = wasmFeatures({ wideArithmetic: true, threads: true, customPageSizes: true });

describe('the operator table', () => {
  // Every row must have a rule: validating it (with zero immediates, in unreachable code) ends in a
  // CompileError or success, never in an internal error.
  test.each(OPERATORS.map((o) => [o.name, o] as const))('%s has a validation rule', (_name, info) => {
    const opcode: Bytes = info.prefix === 0 ? [info.code] : [info.prefix, ...u32(info.code)];
    const body: Bytes = [op.unreachable, ...opcode, ...new Array(24).fill(0)];
    let result: unknown = null;
    try {
      result = check({ body, raw: true }, ALL);
    } catch (e) {
      result = e;
    }
    expect(result === null || result instanceof CompileError).toBe(true);
  });

  test('fixed-signature operators are typed from the table', () => {
    // i64.add applied to two i32 operands fails with the table's signature in the message
    const e = check({ body: [op.i32_const, 0, op.i32_const, 0, op.i64_add, op.drop] });
    expect(e?.rawMessage).toBe('type mismatch: instruction requires [i64 i64] but stack has [i32 i32]');
  });
});

describe('robustness', () => {
  test('random bodies end in a CompileError or success, never an internal error', () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    // bias towards real opcodes so that more than the first byte gets exercised
    const common = [
      0x00, 0x01, 0x02, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x0e, 0x1a, 0x1b, 0x20, 0x21, 0x28, 0x36, 0x41, 0x6a, 0xd0, 0xd1,
      0xfb, 0xfc, 0xfd,
    ];
    for (let i = 0; i < 3000; i++) {
      const len = 1 + (rand() % 40);
      const body: Bytes = [];
      for (let j = 0; j < len; j++) body.push(rand() % 3 === 0 ? rand() & 0xff : common[rand() % common.length]);
      body.push(op.end);
      const result = check({ body, raw: true }, ALL);
      if (result !== null) expect(result).toBeInstanceOf(CompileError);
    }
  });
});
