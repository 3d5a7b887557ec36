import { describe, expect, test } from 'vitest';
import { type Bytes, expectOutcome, f32c, i32, i32c, i64c, op, outcome, u32, v128, v128c } from './build.js';

const simd = (code: number, ...imm: number[]): Bytes => [op.simd, ...u32(code), ...imm];

const cases: [string, Bytes, string][] = [
  ['v128.const', [...v128c, op.drop], 'ok'],
  ['v128.load', [...i32c(0), ...simd(0, 4, 0), op.drop], 'ok'],
  [
    'v128.load over-aligned',
    [...i32c(0), ...simd(0, 5, 0), op.drop],
    'invalid: alignment must not be larger than natural',
  ],
  ['v128.load8x8_s align 3', [...i32c(0), ...simd(1, 3, 0), op.drop], 'ok'],
  [
    'v128.load8x8_s align 4',
    [...i32c(0), ...simd(1, 4, 0), op.drop],
    'invalid: alignment must not be larger than natural',
  ],
  ['v128.load on i64 memory', [...i64c(0), ...simd(0, 4 | 0x40, 1, 0), op.drop], 'ok'],
  ['v128.store', [...i32c(0), ...v128c, ...simd(11, 4, 0)], 'ok'],
  ['v128.store wrong value', [...i32c(0), ...i32c(0), ...simd(11, 4, 0)], 'invalid: type mismatch'],
  ['i8x16.extract_lane_s 15', [...v128c, ...simd(21, 15), op.drop], 'ok'],
  ['i8x16.extract_lane_s 16', [...v128c, ...simd(21, 16), op.drop], 'invalid: invalid lane index'],
  ['i64x2.replace_lane 1', [...v128c, ...i64c(0), ...simd(30, 1), op.drop], 'ok'],
  ['i64x2.replace_lane 2', [...v128c, ...i64c(0), ...simd(30, 2), op.drop], 'invalid: invalid lane index'],
  ['f32x4.replace_lane operand', [...v128c, ...i32c(0), ...simd(32, 0), op.drop], 'invalid: type mismatch'],
  ['f32x4.replace_lane', [...v128c, ...f32c, ...simd(32, 3), op.drop], 'ok'],
  ['i8x16.shuffle', [...v128c, ...v128c, ...simd(13, ...Array.from({ length: 16 }, (_, i) => i * 2)), op.drop], 'ok'],
  [
    'i8x16.shuffle lane 32',
    [...v128c, ...v128c, ...simd(13, 32, ...new Array(15).fill(0)), op.drop],
    'invalid: invalid lane index',
  ],
  ['v128.load8_lane', [...i32c(0), ...v128c, ...simd(84, 0, 0, 15), op.drop], 'ok'],
  ['v128.load8_lane lane 16', [...i32c(0), ...v128c, ...simd(84, 0, 0, 16), op.drop], 'invalid: invalid lane index'],
  ['v128.load64_lane lane 1', [...i32c(0), ...v128c, ...simd(87, 3, 0, 1), op.drop], 'ok'],
  ['v128.load64_lane lane 2', [...i32c(0), ...v128c, ...simd(87, 3, 0, 2), op.drop], 'invalid: invalid lane index'],
  [
    'v128.store32_lane over-aligned',
    [...i32c(0), ...v128c, ...simd(90, 3, 0, 0)],
    'invalid: alignment must not be larger than natural',
  ],
  ['i32x4.add', [...v128c, ...v128c, ...simd(174), op.drop], 'ok'],
  ['i32x4.add one operand', [...v128c, ...simd(174), op.drop], 'invalid: type mismatch'],
  ['i8x16.splat', [...i32c(1), ...simd(15), op.drop], 'ok'],
  ['v128.any_true', [...v128c, ...simd(83), op.i32_eqz, op.drop], 'ok'],
  ['v128.bitselect', [...v128c, ...v128c, ...v128c, ...simd(82), op.drop], 'ok'],
  ['relaxed madd', [...v128c, ...v128c, ...v128c, ...simd(261), op.drop], 'ok'],
  ['unassigned SIMD opcode', simd(154), 'malformed: illegal opcode fd'],
  ['select on v128', [...v128c, ...v128c, ...i32c(0), op.select, op.drop], 'ok'],
];

describe('SIMD', () => {
  test.each(cases)('%s', (_name, body, expected) => {
    expectOutcome(outcome(body), expected);
  });

  test('v128 locals, params and block types', () => {
    expect(
      outcome({
        params: [v128],
        locals: [v128],
        results: [v128],
        body: [op.local_get, 0, op.local_set, 1, op.local_get, 1],
      }),
    ).toBe('ok');
    expect(outcome([op.block, v128, ...v128c, op.end, op.drop])).toBe('ok');
    expectOutcome(outcome([op.block, i32, ...v128c, op.end, op.drop]), 'invalid: type mismatch');
  });
});
