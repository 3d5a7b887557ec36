// The main loop's inline paths (func.ts `loop`: stack pointer and control stack in locals, dispatch by
// `OP_CLASS`) against the general path: the same outcome and message whether an operator takes the inline
// path or falls back, at the edges where it falls back (long encodings, stack and control-stack growth,
// subtyping, unreachable code, the end of the body).
import { describe, test } from 'vitest';
import { type Bytes, expectOutcome, i32, i32c, i64, op, outcome } from './build.js';

const rep = (n: number, b: Bytes): Bytes => new Array(n).fill(b).flat();

const cases: [string, Bytes | { body: Bytes; raw?: boolean; locals?: number[] }, string][] = [
  ['i32.const in four bytes', [op.i32_const, 0xff, 0xff, 0xff, 0x7f, op.drop], 'ok'],
  ['i32.const in five bytes', [op.i32_const, 0x80, 0x80, 0x80, 0x80, 0x07, op.drop], 'ok'],
  ['i32.const negative in five bytes', [op.i32_const, 0x80, 0x80, 0x80, 0x80, 0x78, op.drop], 'ok'],
  ['i32.const too large', [op.i32_const, 0x80, 0x80, 0x80, 0x80, 0x17, op.drop], 'malformed: integer too large'],
  [
    'i32.const too long',
    [op.i32_const, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, op.drop],
    'malformed: integer representation too long',
  ],
  [
    'i32.const cut by the end of the body',
    { body: [op.i32_const, 0x80, 0x80], raw: true },
    'malformed: unexpected end',
  ],
  ['i64.const in nine bytes', [op.i64_const, ...rep(8, [0xff]), 0x3f, op.drop], 'ok'],
  ['i64.const in ten bytes', [op.i64_const, ...rep(9, [0x80]), 0x7f, op.drop], 'ok'],
  ['i64.const too large', [op.i64_const, ...rep(9, [0x80]), 0x02, op.drop], 'malformed: integer too large'],
  ['i64.const cut by the end of the body', { body: [op.i64_const, 0x80], raw: true }, 'malformed: unexpected end'],
  ['call, index in two bytes', [...i32c(1), op.call, 0x81, 0x00, op.drop], 'ok'],
  ['call, index in five bytes', [...i32c(1), op.call, 0x81, 0x80, 0x80, 0x80, 0x00, op.drop], 'ok'],
  ['call, unknown index in two bytes', [op.call, 0x89, 0x01], 'invalid: unknown function 137'],
  [
    'call, wrong argument',
    [op.i64_const, 0, op.call, 1, op.drop],
    'invalid: type mismatch: instruction requires [i32] but stack has [i64]',
  ],
  [
    'call, missing argument',
    [op.call, 1, op.drop],
    'invalid: type mismatch: instruction requires [i32] but stack has []',
  ],
  ['call in unreachable code', [op.unreachable, op.call, 1, op.drop], 'ok'],
  ['call result is checked', [...i32c(1), op.call, 1, op.i64_add, op.drop], 'invalid: type mismatch'],
  ['local.tee in unreachable code', { body: [op.unreachable, op.local_tee, 0, op.drop], locals: [i32] }, 'ok'],
  [
    'local.set of the wrong type',
    { body: [op.i64_const, 0, op.local_set, 0], locals: [i32] },
    'invalid: type mismatch',
  ],
  ['local.get beyond the locals', [op.local_get, 0x80, 0x01], 'invalid: unknown local 128'],
  ['drop of nothing', [op.drop], 'invalid: type mismatch: instruction requires [any] but stack has []'],
  ['select of two types', [...i32c(1), op.i64_const, 0, ...i32c(0), op.select], 'invalid: type mismatch'],
  ['load with too large an alignment', [...i32c(0), op.i32_load, 3, 0, op.drop], 'invalid: alignment must not'],
  ['load of an i64 address from memory 0', [op.i64_const, 0, op.i32_load, 2, 0, op.drop], 'invalid: type mismatch'],
  ['store of the wrong value', [...i32c(0), op.i64_const, 0, op.i32_store, 2, 0], 'invalid: type mismatch'],
  ['if with a result and no else', [...i32c(1), op.if, i32, ...i32c(1), op.end, op.drop], 'invalid: type mismatch'],
  ['block leaving an extra value', [op.block, 0x40, ...i32c(1), op.end], 'invalid: type mismatch'],
  ['br_if to a loop with a result', [op.loop, i64, ...i32c(0), op.br_if, 0, op.i64_const, 0, op.end, op.drop], 'ok'],
  [
    'br_if to a block with the wrong value',
    [op.block, i64, ...i32c(0), ...i32c(0), op.br_if, 0, op.end, op.drop],
    'invalid',
  ],
  ['a missing end', { body: [op.block, 0x40, op.end], raw: true }, 'malformed'],
  // 3,000 operands outgrow the operand stack (1,024) and 600 frames the control stack (256)
  ['3,000 operands', [...rep(3000, i32c(7)), ...rep(2999, [op.i32_add]), op.drop], 'ok'],
  ['3,000 local.gets', { body: [...rep(3000, [op.local_get, 0]), ...rep(3000, [op.drop])], locals: [i64] }, 'ok'],
  ['3,000 call results', [...i32c(1), ...rep(3000, [op.call, 1, ...i32c(1)]), ...rep(3001, [op.drop])], 'ok'],
  ['600 nested blocks', [...rep(600, [op.block, 0x40]), ...rep(600, [op.end])], 'ok'],
  ['600 nested ifs', [...rep(600, [...i32c(1), op.if, 0x40]), ...rep(600, [op.end])], 'ok'],
  ['600 nested blocks with results', [...rep(600, [op.block, i32]), ...i32c(1), ...rep(600, [op.end]), op.drop], 'ok'],
];

describe("the main loop's inline paths", () => {
  for (const [name, spec, expected] of cases) {
    test(name, () => {
      const s = Array.isArray(spec) ? { body: spec } : spec;
      expectOutcome(outcome(s), expected);
    });
  }
});
