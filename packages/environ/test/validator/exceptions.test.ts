import { describe, expect, test } from 'vitest';
import { type Bytes, exnref, expectOutcome, H, i32, i32c, i64c, op, outcome, ref } from './build.js';

const tryTable = (bt: Bytes, catches: Bytes[], body: Bytes): Bytes => [
  op.try_table,
  ...bt,
  catches.length,
  ...catches.flat(),
  ...body,
  op.end,
];
const CATCH = 0;
const CATCH_REF = 1;
const CATCH_ALL = 2;
const CATCH_ALL_REF = 3;

const cases: [string, Bytes, string][] = [
  ['throw', [...i32c(1), op.throw, 0], 'ok'],
  ['throw unknown tag', [op.throw, 1], 'invalid: unknown tag 1'],
  ['throw missing argument', [op.throw, 0], 'invalid: type mismatch: instruction requires [i32] but stack has []'],
  [
    'throw wrong argument',
    [...i64c(5), op.throw, 0],
    'invalid: type mismatch: instruction requires [i32] but stack has [i64]',
  ],
  ['throw is polymorphic', [...i32c(1), op.throw, 0, op.i32_add, op.drop], 'ok'],
  ['throw_ref', [op.ref_null, H.exn, op.throw_ref], 'ok'],
  ['throw_ref on funcref', [op.ref_null, H.func, op.throw_ref], 'invalid: type mismatch'],
  ['try_table empty', tryTable([0x40], [], []), 'ok'],
  ['try_table catch', [op.block, i32, ...tryTable([0x40], [[CATCH, 0, 0]], []), op.unreachable, op.end, op.drop], 'ok'],
  [
    'try_table catch arity',
    [op.block, 0x40, ...tryTable([0x40], [[CATCH, 0, 0]], []), op.end],
    'invalid: type mismatch',
  ],
  [
    'try_table catch unknown tag',
    [op.block, i32, ...tryTable([0x40], [[CATCH, 3, 0]], []), op.unreachable, op.end, op.drop],
    'invalid: unknown tag 3',
  ],
  ['try_table catch unknown label', tryTable([0x40], [[CATCH_ALL, 1]], []), 'invalid: unknown label'],
  ['try_table catch labels are outside the try block', tryTable([0x40], [[CATCH_ALL, 0]], []), 'ok'],
  [
    'try_table catch_ref',
    [
      op.block,
      ...blockOf([i32, exnref]),
      ...tryTable([0x40], [[CATCH_REF, 0, 0]], []),
      op.unreachable,
      op.end,
      op.drop,
      op.drop,
    ],
    'ok',
  ],
  ['try_table catch_all', [op.block, 0x40, ...tryTable([0x40], [[CATCH_ALL, 0]], []), op.end], 'ok'],
  [
    'try_table catch_all_ref',
    [op.block, exnref, ...tryTable([0x40], [[CATCH_ALL_REF, 0]], []), op.unreachable, op.end, op.drop],
    'ok',
  ],
  [
    'try_table catch_all_ref non-null label',
    [op.block, ...ref(H.exn), ...tryTable([0x40], [[CATCH_ALL_REF, 0]], []), op.unreachable, op.end, op.drop],
    'ok',
  ],
  [
    'try_table catch_all_ref wrong label',
    [op.block, i32, ...tryTable([0x40], [[CATCH_ALL_REF, 0]], []), op.unreachable, op.end, op.drop],
    'invalid: type mismatch',
  ],
  ['try_table result', [...tryTable([i32], [], i32c(1)), op.drop], 'ok'],
  ['try_table result wrong', [...tryTable([i32], [], i64c(1)), op.drop], 'invalid: type mismatch'],
  ['try_table label 0 is the try block for branches', [...tryTable([i32], [], [...i32c(1), op.br, 0]), op.drop], 'ok'],
  ['try_table malformed catch kind', tryTable([0x40], [[4, 0]], []), 'malformed:'],
  // legacy exception handling
  ['try catch', [op.try, 0x40, op.catch, 0, op.drop, op.end], 'ok'],
  [
    'try catch leaves value',
    [op.try, 0x40, op.catch, 0, op.end],
    'invalid: type mismatch: block requires [] but stack has [i32]',
  ],
  ['try catch_all', [op.try, 0x40, op.catch_all, op.end], 'ok'],
  [
    'try catch_all leftover',
    [op.try, 0x40, op.catch_all, ...i32c(42), op.end],
    'invalid: type mismatch: block requires [] but stack has [i32]',
  ],
  ['try result', [op.try, i32, ...i32c(1), op.catch, 0, op.catch_all, ...i32c(2), op.end, op.drop], 'ok'],
  [
    'try result missing',
    [op.try, i32, op.catch_all, ...i32c(2), op.end, op.drop],
    'invalid: type mismatch: instruction requires [i32] but stack has []',
  ],
  ['catch result wrong', [op.try, i32, ...i32c(1), op.catch, 0, ...i64c(1), op.end, op.drop], 'invalid: type mismatch'],
  ['catch after catch_all', [op.try, 0x40, op.catch_all, op.catch, 0, op.drop, op.end], 'malformed:'],
  ['catch outside try', [op.block, 0x40, op.catch, 0, op.end], 'malformed:'],
  ['rethrow in catch', [op.try, 0x40, op.catch, 0, op.drop, op.rethrow, 0, op.end], 'ok'],
  [
    'rethrow in catch_all nested block',
    [op.try, 0x40, op.catch_all, op.block, 0x40, op.rethrow, 1, op.end, op.end],
    'ok',
  ],
  ['rethrow outside catch', [op.rethrow, 0], 'invalid: invalid rethrow label'],
  ['rethrow to block', [op.block, 0x40, op.rethrow, 0, op.end], 'invalid: invalid rethrow label'],
  ['rethrow in try body', [op.try, 0x40, op.rethrow, 0, op.catch_all, op.end], 'invalid: invalid rethrow label'],
  ['rethrow unknown label', [op.rethrow, 3], 'invalid: unknown label'],
  ['delegate', [op.block, 0x40, op.try, 0x40, op.delegate, 0, op.end], 'ok'],
  ['delegate to caller', [op.try, 0x40, op.delegate, 0], 'ok'],
  ['delegate unknown label', [op.try, 0x40, op.delegate, 1], 'invalid: unknown label'],
  ['delegate result', [op.try, i32, ...i32c(1), op.delegate, 0, op.drop], 'ok'],
  ['delegate after catch', [op.try, 0x40, op.catch_all, op.delegate, 0], 'malformed:'],
  [
    'branch out of catch',
    [op.block, i32, op.try, 0x40, op.catch, 0, op.br, 1, op.end, op.unreachable, op.end, op.drop],
    'ok',
  ],
];

function blockOf(results: number[]): Bytes {
  // [i32 exnref] results need a type index: type 9 is appended by the tests that use it
  return results.length === 1 ? [results[0]] : [9];
}

describe('exception handling', () => {
  test.each(cases)('%s', (_name, body, expected) => {
    const usesType9 = body.includes(op.try_table) && _name === 'try_table catch_ref';
    const spec = usesType9 ? { body, types: [[0x60, 0, 2, i32, exnref]] } : { body };
    expectOutcome(outcome(spec), expected);
  });

  test('catch_ref provides a non-null exnref', () => {
    // block type 9: [] -> [i32 (ref exn)]
    const types = [[0x60, 0, 2, i32, ...ref(H.exn)]];
    const body = [op.block, 9, ...tryTable([0x40], [[CATCH_REF, 0, 0]], []), op.unreachable, op.end, op.throw_ref];
    expect(outcome({ types, body })).toBe('ok');
    expect(
      outcome({
        types,
        body: [op.block, 9, ...tryTable([0x40], [[CATCH, 0, 0]], []), op.unreachable, op.end, op.throw_ref],
      }),
    ).toMatch(/type mismatch/);
  });
});
