import { describe, expect, test } from 'vitest';
import { type Bytes, expectOutcome, i32, i32c, i64, i64c, op, outcome, u32 } from './build.js';

/** memarg bytes: alignment exponent, optional memory index, offset. */
function memarg(align: number, offset: number, mem?: number): Bytes {
  return mem === undefined ? [...u32(align), ...u32(offset)] : [...u32(align | 0x40), ...u32(mem), ...u32(offset)];
}
const misc = (sub: number, ...imm: number[]): Bytes => [op.misc, ...u32(sub), ...imm];

const cases: [string, Bytes, string][] = [
  ['i32.load', [...i32c(0), op.i32_load, ...memarg(2, 0), op.drop], 'ok'],
  [
    'i32.load over-aligned',
    [...i32c(0), op.i32_load, ...memarg(3, 0), op.drop],
    'invalid: alignment must not be larger than natural',
  ],
  ['i64.load align 8', [...i32c(0), op.i64_load, ...memarg(3, 0), op.drop], 'ok'],
  [
    'i32.load8_u align 1 too big',
    [...i32c(0), 0x2d, ...memarg(1, 0), op.drop],
    'invalid: alignment must not be larger than natural',
  ],
  ['i32.load wrong address type', [...i64c(0), op.i32_load, ...memarg(2, 0), op.drop], 'invalid: type mismatch'],
  ['i32.store', [...i32c(0), ...i32c(1), op.i32_store, ...memarg(2, 0)], 'ok'],
  ['i32.store value type', [...i32c(0), ...i64c(1), op.i32_store, ...memarg(2, 0)], 'invalid: type mismatch'],
  ['explicit memory 1 (i64 addresses)', [...i64c(0), op.i32_load, ...memarg(2, 0, 1), op.drop], 'ok'],
  ['memory 1 needs i64 address', [...i32c(0), op.i32_load, ...memarg(2, 0, 1), op.drop], 'invalid: type mismatch'],
  ['unknown memory', [...i32c(0), op.i32_load, ...memarg(2, 0, 2), op.drop], 'invalid: unknown memory 2'],
  [
    'offset out of range for i32 memory',
    [...i32c(0), op.i32_load, ...memarg(2, 2 ** 32), op.drop],
    'invalid: offset out of range',
  ],
  ['large offset on i64 memory', [...i64c(0), op.i32_load, ...memarg(2, 2 ** 40, 1), op.drop], 'ok'],
  ['malformed memop flags', [...i32c(0), op.i32_load, 0x80, 0x01, 0, op.drop], 'malformed: malformed memop flags'],
  ['memory.size', [op.memory_size, 0, op.drop], 'ok'],
  ['memory.size of i64 memory', [op.memory_size, 1, op.i64_add], 'invalid: type mismatch'],
  ['memory.size i64', [...i64c(1), op.memory_size, 1, op.i64_add, op.drop], 'ok'],
  ['memory.grow', [...i32c(1), op.memory_grow, 0, op.drop], 'ok'],
  ['memory.grow i64', [...i64c(1), op.memory_grow, 1, op.drop], 'ok'],
  ['memory.grow wrong type', [...i64c(1), op.memory_grow, 0, op.drop], 'invalid: type mismatch'],
  ['memory.fill', [...i32c(0), ...i32c(0), ...i32c(0), ...misc(11, 0)], 'ok'],
  ['memory.fill i64', [...i64c(0), ...i32c(0), ...i64c(0), ...misc(11, 1)], 'ok'],
  ['memory.copy 0 <- 1', [...i32c(0), ...i64c(0), ...i32c(0), ...misc(10, 0, 1)], 'ok'],
  ['memory.copy 1 <- 0 length is i32', [...i64c(0), ...i32c(0), ...i32c(0), ...misc(10, 1, 0)], 'ok'],
  ['memory.copy 1 <- 1 length is i64', [...i64c(0), ...i64c(0), ...i64c(0), ...misc(10, 1, 1)], 'ok'],
  ['memory.copy mixed wrong length', [...i32c(0), ...i64c(0), ...i64c(0), ...misc(10, 0, 1)], 'invalid: type mismatch'],
  ['memory.init', [...i32c(0), ...i32c(0), ...i32c(0), ...misc(8, 0, 0)], 'ok'],
  ['memory.init i64 memory', [...i64c(0), ...i32c(0), ...i32c(0), ...misc(8, 0, 1)], 'ok'],
  [
    'memory.init unknown data',
    [...i32c(0), ...i32c(0), ...i32c(0), ...misc(8, 1, 0)],
    'invalid: unknown data segment 1',
  ],
  ['memory.init unknown memory', [...i32c(0), ...i32c(0), ...i32c(0), ...misc(8, 0, 5)], 'invalid: unknown memory 5'],
  ['data.drop', [...misc(9, 0)], 'ok'],
  ['data.drop unknown', [...misc(9, 3)], 'invalid: unknown data segment 3'],
  ['i32.trunc_sat_f32_s', [op.f32_const, 0, 0, 0, 0, ...misc(0), op.drop], 'ok'],
  ['i64.trunc_sat_f64_u on f32', [op.f32_const, 0, 0, 0, 0, ...misc(7), op.drop], 'invalid: type mismatch'],
];

describe('memory instructions', () => {
  test.each(cases)('%s', (_name, body, expected) => {
    expectOutcome(outcome(body), expected);
  });

  test('data.drop and memory.init need the data count section', () => {
    expectOutcome(outcome({ body: misc(9, 0), noDataCount: true }), 'malformed: data count section required');
    expectOutcome(
      outcome({ body: [...i32c(0), ...i32c(0), ...i32c(0), ...misc(8, 0, 0)], noDataCount: true }),
      'malformed: data count section required',
    );
  });

  test('no memory', () => {
    expectOutcome(
      outcome({ body: [...i32c(0), op.i32_load, 2, 0, op.drop], noMemory: true }),
      'invalid: unknown memory 0',
    );
    expectOutcome(outcome({ body: [op.memory_size, 0, op.drop], noMemory: true }), 'invalid: unknown memory 0');
  });

  test('loads push their result type', () => {
    expect(outcome({ results: [i64], body: [...i32c(0), op.i64_load, 3, 0] })).toBe('ok');
    expectOutcome(outcome({ results: [i32], body: [...i32c(0), op.i64_load, 3, 0] }), 'invalid: type mismatch');
  });
});
