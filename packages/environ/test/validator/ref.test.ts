import { describe, expect, test } from 'vitest';
import {
  type Bytes,
  expectOutcome,
  externref,
  funcref,
  H,
  i32,
  i32c,
  i64c,
  op,
  outcome,
  ref,
  T,
  u32,
} from './build.js';

const misc = (sub: number, ...imm: number[]): Bytes => [op.misc, ...u32(sub), ...imm];
const nullFunc: Bytes = [op.ref_null, H.func];
const nullExtern: Bytes = [op.ref_null, H.extern];

const cases: [string, Bytes, string][] = [
  ['ref.null func', [...nullFunc, op.drop], 'ok'],
  ['ref.null unknown type', [op.ref_null, 0x30, op.drop], 'invalid: unknown type 48'],
  ['ref.null bad heap type', [op.ref_null, 0x60, op.drop], 'malformed:'],
  ['ref.is_null', [...nullExtern, op.ref_is_null, op.drop], 'ok'],
  ['ref.is_null on i32', [...i32c(0), op.ref_is_null, op.drop], 'invalid: type mismatch'],
  ['ref.func declared', [op.ref_func, 1, op.drop], 'ok'],
  ['ref.func undeclared', [op.ref_func, 2, op.drop], 'invalid: undeclared function reference'],
  ['ref.func unknown', [op.ref_func, 9, op.drop], 'invalid: unknown function 9'],
  ['table.get', [...i32c(0), op.table_get, 0, op.drop], 'ok'],
  ['table.get unknown table', [...i32c(0), op.table_get, 5, op.drop], 'invalid: unknown table 5'],
  ['table.get table64', [...i64c(0), op.table_get, 2, op.drop], 'ok'],
  ['table.get table64 i32 index', [...i32c(0), op.table_get, 2, op.drop], 'invalid: type mismatch'],
  ['table.set', [...i32c(0), ...nullFunc, op.table_set, 0], 'ok'],
  ['table.set wrong type', [...i32c(0), ...nullExtern, op.table_set, 0], 'invalid: type mismatch'],
  ['table.set typed func ref', [...i32c(0), op.ref_func, 1, op.table_set, 0], 'ok'],
  ['table.size', [...misc(16, 0), op.drop], 'ok'],
  ['table.size table64 is i64', [...misc(16, 2), op.i32_eqz, op.drop], 'invalid: type mismatch'],
  ['table.grow', [...nullFunc, ...i32c(1), ...misc(15, 0), op.drop], 'ok'],
  ['table.grow wrong ref', [...nullExtern, ...i32c(1), ...misc(15, 0), op.drop], 'invalid: type mismatch'],
  ['table.fill', [...i32c(0), ...nullExtern, ...i32c(1), ...misc(17, 1)], 'ok'],
  ['table.fill table64', [...i64c(0), ...nullFunc, ...i64c(1), ...misc(17, 2)], 'ok'],
  ['table.copy', [...i32c(0), ...i32c(0), ...i32c(0), ...misc(14, 0, 0)], 'ok'],
  ['table.copy extern into func', [...i32c(0), ...i32c(0), ...i32c(0), ...misc(14, 0, 1)], 'invalid: type mismatch'],
  ['table.copy 64 <- 32 uses i32 length', [...i64c(0), ...i32c(0), ...i32c(0), ...misc(14, 2, 0)], 'ok'],
  ['table.copy 64 <- 64 uses i64 length', [...i64c(0), ...i64c(0), ...i64c(0), ...misc(14, 2, 2)], 'ok'],
  ['table.init', [...i32c(0), ...i32c(0), ...i32c(0), ...misc(12, 0, 0)], 'ok'],
  [
    'table.init externref segment into funcref table',
    [...i32c(0), ...i32c(0), ...i32c(0), ...misc(12, 2, 0)],
    'invalid: type mismatch',
  ],
  [
    'table.init unknown segment',
    [...i32c(0), ...i32c(0), ...i32c(0), ...misc(12, 7, 0)],
    'invalid: unknown elem segment 7',
  ],
  ['table.init unknown table', [...i32c(0), ...i32c(0), ...i32c(0), ...misc(12, 0, 9)], 'invalid: unknown table 9'],
  ['elem.drop', misc(13, 1), 'ok'],
  ['elem.drop unknown', misc(13, 3), 'invalid: unknown elem segment 3'],
  ['ref.as_non_null', [...nullFunc, op.ref_as_non_null, op.drop], 'ok'],
  ['call_ref', [...i32c(1), op.ref_func, 1, op.call_ref, T.i32_i32, op.drop], 'ok'],
  ['call_ref nullable is fine', [...i32c(1), op.ref_null, T.i32_i32, op.call_ref, T.i32_i32, op.drop], 'ok'],
  ['call_ref wrong type', [...i32c(1), op.ref_func, 1, op.call_ref, T.void, op.drop], 'invalid: type mismatch'],
  ['call_ref on funcref', [...i32c(1), ...nullFunc, op.call_ref, T.i32_i32, op.drop], 'invalid: type mismatch'],
  ['call_ref non-function type', [op.ref_null, T.struct, op.call_ref, T.struct], 'invalid: type mismatch'],
  ['br_on_null', [op.block, 0x40, op.ref_func, 1, op.br_on_null, 0, op.drop, op.end], 'ok'],
  [
    'br_on_null result is non-null',
    [op.block, 0x40, op.ref_null, T.i32_i32, op.br_on_null, 0, op.call_ref, T.i32_i32, op.end],
    'invalid: type mismatch',
  ],
  [
    'br_on_non_null',
    [op.block, ...ref(T.i32_i32), op.ref_null, T.i32_i32, op.br_on_non_null, 0, op.unreachable, op.end, op.drop],
    'ok',
  ],
  [
    'br_on_non_null label without reference',
    [op.block, 0x40, op.ref_null, T.i32_i32, op.br_on_non_null, 0, op.end],
    'invalid: type mismatch',
  ],
  [
    'br_on_non_null label type mismatch',
    [op.block, ...ref(T.void), op.ref_null, T.i32_i32, op.br_on_non_null, 0, op.unreachable, op.end, op.drop],
    'invalid: type mismatch',
  ],
  ['typed select', [op.ref_func, 1, op.ref_func, 1, ...i32c(0), op.select_t, 1, ...ref(T.i32_i32), op.drop], 'ok'],
];

describe('reference and table instructions', () => {
  test.each(cases)('%s', (_name, body, expected) => {
    expectOutcome(outcome(body), expected);
  });

  test('non-defaultable locals must be set before use', () => {
    const nonNull = ref(T.i32_i32);
    expect(outcome({ locals: [nonNull], body: [op.ref_func, 1, op.local_set, 0, op.local_get, 0, op.drop] })).toBe(
      'ok',
    );
    expectOutcome(outcome({ locals: [nonNull], body: [op.local_get, 0, op.drop] }), 'invalid: uninitialized local');
    // initialization inside a block does not outlive the block
    expectOutcome(
      outcome({
        locals: [nonNull],
        body: [op.block, 0x40, op.ref_func, 1, op.local_set, 0, op.end, op.local_get, 0, op.drop],
      }),
      'invalid: uninitialized local',
    );
    // ... but holds inside it, and local.tee initializes too
    expect(
      outcome({
        locals: [nonNull],
        body: [op.block, 0x40, op.ref_func, 1, op.local_tee, 0, op.drop, op.local_get, 0, op.drop, op.end],
      }),
    ).toBe('ok');
    // a then-branch's initialization does not reach the else-branch
    expectOutcome(
      outcome({
        locals: [nonNull],
        body: [...i32c(1), op.if, 0x40, op.ref_func, 1, op.local_set, 0, op.else, op.local_get, 0, op.drop, op.end],
      }),
      'invalid: uninitialized local',
    );
    // nullable reference locals are defaultable
    expect(outcome({ locals: [funcref, externref], body: [op.local_get, 0, op.drop, op.local_get, 1, op.drop] })).toBe(
      'ok',
    );
    // parameters are always initialized
    expect(outcome({ params: [nonNull], body: [op.local_get, 0, op.drop] })).toBe('ok');
  });

  test('ref.func pushes a typed non-null reference', () => {
    expect(outcome({ results: [ref(T.i32_i32)], body: [op.ref_func, 1] })).toBe('ok');
    expectOutcome(outcome({ results: [ref(T.void)], body: [op.ref_func, 1] }), 'invalid: type mismatch');
    expect(outcome({ results: [i32], body: [...i32c(2), op.ref_func, 1, op.call_ref, T.i32_i32] })).toBe('ok');
  });
});
