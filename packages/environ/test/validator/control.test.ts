import { describe, expect, test } from 'vitest';
import { MVP_FEATURES, wasmFeatures } from '../../src/features.js';
import {
  type Bytes,
  check,
  expectOutcome,
  f32c,
  func,
  i32,
  i32c,
  i64,
  i64c,
  op,
  outcome,
  ref,
  T,
  u32,
} from './build.js';

const BT_TYPE_I32_I32 = T.i32_i32;

const cases: [string, Bytes, string][] = [
  ['empty body', [], 'ok'],
  ['leftover value', i32c(1), 'invalid: type mismatch: block requires [] but stack has [i32]'],
  ['block with result', [op.block, i32, ...i32c(1), op.end, op.drop], 'ok'],
  ['block missing result', [op.block, i32, op.end, op.drop], 'invalid: type mismatch: instruction requires [i32]'],
  ['block wrong result', [op.block, i32, ...i64c(1), op.end, op.drop], 'invalid: type mismatch'],
  ['block type index with params', [...i32c(1), op.block, BT_TYPE_I32_I32, op.end, op.drop], 'ok'],
  ['block params missing', [op.block, BT_TYPE_I32_I32, op.end, op.drop], 'invalid: type mismatch'],
  ['block type unknown', [op.block, 0x3f, op.end], 'invalid: unknown type 63'],
  ['loop label takes params', [...i32c(1), op.loop, BT_TYPE_I32_I32, op.br, 0, op.end, op.drop], 'ok'],
  [
    'loop label wrong',
    [...i32c(1), op.loop, BT_TYPE_I32_I32, op.drop, op.br, 0, op.end, op.drop],
    'invalid: type mismatch',
  ],
  ['br ignores extra operands', [op.loop, i32, ...i32c(1), op.br, 0, op.end, op.drop], 'ok'],
  ['if else', [...i32c(1), op.if, i32, ...i32c(1), op.else, ...i32c(2), op.end, op.drop], 'ok'],
  ['if without condition', [op.if, 0x40, op.end], 'invalid: type mismatch'],
  ['if result without else', [...i32c(1), op.if, i32, ...i32c(1), op.end, op.drop], 'invalid: type mismatch'],
  ['if pass-through without else', [...i32c(1), ...i32c(1), op.if, BT_TYPE_I32_I32, op.end, op.drop], 'ok'],
  [
    'else branch wrong',
    [...i32c(1), op.if, i32, ...i32c(1), op.else, ...i64c(2), op.end, op.drop],
    'invalid: type mismatch',
  ],
  ['else without if', [op.block, 0x40, op.else, op.end], 'malformed: END opcode expected'],
  ['br unknown label', [op.br, 1], 'invalid: unknown label'],
  ['br with wrong type', [op.block, i32, ...i64c(1), op.br, 0, op.end, op.drop], 'invalid: type mismatch'],
  ['br_if keeps label type', [op.block, i32, ...i32c(1), ...i32c(0), op.br_if, 0, op.end, op.drop], 'ok'],
  ['br_if needs condition', [op.block, 0x40, op.br_if, 0, op.end], 'invalid: type mismatch'],
  ['br_table', [op.block, 0x40, op.block, 0x40, ...i32c(0), op.br_table, 2, 0, 1, 1, op.end, op.end], 'ok'],
  [
    'br_table arity mismatch',
    [op.block, 0x40, op.block, i32, ...i32c(1), ...i32c(0), op.br_table, 1, 0, 1, op.end, op.drop, op.end],
    'invalid: type mismatch',
  ],
  [
    'br_table types under subtyping',
    [op.block, i32, op.block, i64, ...i32c(1), ...i32c(0), op.br_table, 1, 0, 1, op.end, op.drop, op.end, op.drop],
    'invalid: type mismatch',
  ],
  ['br_table unknown label', [...i32c(0), op.br_table, 1, 0, 5], 'invalid: unknown label'],
  ['br_table huge count', [...i32c(0), op.br_table, 0xff, 0xff, 0xff, 0xff, 0x0f, 0], 'malformed: unexpected end'],
  ['unreachable is polymorphic', [op.unreachable, op.i32_add, op.drop], 'ok'],
  ['unreachable then wrong type', [op.unreachable, ...i64c(0), op.i32_add, op.drop], 'invalid: type mismatch'],
  ['bottom select', [op.unreachable, op.select, op.drop], 'ok'],
  ['bottom ref is not numeric', [op.unreachable, op.ref_as_non_null, op.i32_eqz, op.drop], 'invalid: type mismatch'],
  ['return', [op.return], 'ok'],
  [
    'br after unreachable code keeps checking',
    [op.unreachable, op.block, i32, op.end, op.i32_eqz, op.drop],
    'invalid: type mismatch',
  ],
  ['drop on empty stack', [op.drop], 'invalid: type mismatch'],
  ['nop', [op.nop], 'ok'],
  ['illegal opcode', [0xff], 'malformed: illegal opcode ff'],
  ['illegal prefixed opcode', [op.misc, 99], 'malformed: illegal opcode fc 63'],
  ['unknown local', [op.local_get, 0], 'invalid: unknown local 0'],
  ['global.get', [op.global_get, 1, op.drop], 'ok'],
  ['unknown global', [op.global_get, 9, op.drop], 'invalid: unknown global 9'],
  ['immutable global', [...i64c(0), op.global_set, 1], 'invalid: immutable global'],
  ['global.set type', [...i64c(0), op.global_set, 0], 'invalid: type mismatch'],
  ['call', [...i32c(1), op.call, 1, op.drop], 'ok'],
  ['call wrong argument', [...i64c(1), op.call, 1, op.drop], 'invalid: type mismatch'],
  ['call unknown function', [op.call, 9], 'invalid: unknown function 9'],
  ['call_indirect', [...i32c(1), ...i32c(0), op.call_indirect, T.i32_i32, 0, op.drop], 'ok'],
  [
    'call_indirect on externref table',
    [...i32c(1), ...i32c(0), op.call_indirect, T.i32_i32, 1, op.drop],
    'invalid: type mismatch',
  ],
  [
    'call_indirect unknown table',
    [...i32c(1), ...i32c(0), op.call_indirect, T.i32_i32, 7, op.drop],
    'invalid: unknown table 7',
  ],
  ['call_indirect table64', [...i32c(1), ...i64c(0), op.call_indirect, T.i32_i32, 2, op.drop], 'ok'],
  [
    'call_indirect table64 needs i64',
    [...i32c(1), ...i32c(0), op.call_indirect, T.i32_i32, 2, op.drop],
    'invalid: type mismatch',
  ],
  ['call_indirect non-function type', [...i32c(0), op.call_indirect, T.struct, 0], 'invalid: type mismatch'],
  ['select', [...i32c(1), ...i32c(2), ...i32c(0), op.select, op.drop], 'ok'],
  ['select different types', [...i32c(1), ...i64c(2), ...i32c(0), op.select, op.drop], 'invalid: type mismatch'],
  [
    'select on references',
    [op.ref_null, 0x70, op.ref_null, 0x70, ...i32c(0), op.select, op.drop],
    'invalid: type mismatch',
  ],
  [
    'typed select on references',
    [op.ref_null, 0x70, op.ref_null, 0x70, ...i32c(0), op.select_t, 1, 0x70, op.drop],
    'ok',
  ],
  ['typed select arity 2', [...i32c(1), ...i32c(0), op.select_t, 2, i32, i32], 'invalid: invalid result arity'],
  ['typed select arity 0', [...i32c(0), op.select_t, 0], 'invalid: invalid result arity'],
  ['missing end in the middle of a block', [op.block, 0x40], 'malformed:'],
];

describe('control and variables', () => {
  test.each(cases)('%s', (_name, body, expected) => {
    expectOutcome(outcome(body), expected);
  });

  test('function results are checked at the end and by return', () => {
    expect(outcome({ results: [i32], body: i32c(1) })).toBe('ok');
    expectOutcome(outcome({ results: [i32], body: [] }), 'invalid: type mismatch');
    expectOutcome(outcome({ results: [i32], body: [...i64c(1), op.return] }), 'invalid: type mismatch');
    expect(outcome({ results: [i32, i64], body: [...i32c(1), ...i64c(1)] })).toBe('ok');
  });

  test('locals: params and declared locals, local.tee', () => {
    expect(outcome({ params: [i32], locals: [i64], body: [op.local_get, 0, op.drop, op.local_get, 1, op.drop] })).toBe(
      'ok',
    );
    expect(outcome({ locals: [i64], body: [...i64c(3), op.local_tee, 0, op.drop] })).toBe('ok');
    expectOutcome(outcome({ locals: [i64], body: [...i32c(3), op.local_set, 0] }), 'invalid: type mismatch');
    expectOutcome(outcome({ locals: [i64], body: [op.local_get, 1, op.drop] }), 'invalid: unknown local 1');
  });

  test('tail calls check results against the caller', () => {
    expect(outcome({ params: [i32], results: [i32], body: [op.local_get, 0, op.return_call, 1] })).toBe('ok');
    expectOutcome(
      outcome({ params: [i32], results: [i64], body: [op.local_get, 0, op.return_call, 1] }),
      'invalid: type mismatch',
    );
    expect(outcome({ results: [i32], body: [...i32c(0), ...i32c(0), op.return_call_indirect, T.i32_i32, 0] })).toBe(
      'ok',
    );
    // a callee result that is a subtype of the caller's result is fine
    expect(
      outcome({
        types: [func([], [ref(T.struct)])],
        results: [ref(T.struct, true)],
        body: [op.ref_null, T.struct, op.ref_as_non_null, op.return],
      }),
    ).toBe('ok');
  });

  test('trailing bytes after the final end', () => {
    expectOutcome(outcome({ body: [op.end, op.nop], raw: true }), 'malformed: section size mismatch');
  });

  test('a body without its final end', () => {
    expectOutcome(outcome({ body: [op.nop], raw: true }), 'malformed:');
  });

  test('100,000 nested blocks validate without recursion', () => {
    const n = 100_000;
    const body: Bytes = [];
    for (let i = 0; i < n; i++) body.push(op.block, 0x40);
    for (let i = 0; i < n; i++) body.push(op.end);
    // no time bound here (shared machines are noisy): finishing at all, without a stack overflow, is the point
    expect(outcome(body)).toBe('ok');
    // and a deep branch out of all of them
    const deep: Bytes = [];
    for (let i = 0; i < n; i++) deep.push(op.block, 0x40);
    deep.push(op.br, ...u32(n - 1));
    for (let i = 0; i < n; i++) deep.push(op.end);
    expect(outcome(deep)).toBe('ok');
  });

  test('a large operand stack grows', () => {
    const body: Bytes = [];
    for (let i = 0; i < 5000; i++) body.push(...i32c(i));
    for (let i = 0; i < 5000; i++) body.push(op.drop);
    expect(outcome(body)).toBe('ok');
  });

  test('multi-value block types need the multi-value feature', () => {
    const features = wasmFeatures({ multiValue: false });
    expectOutcome(
      outcome({ body: [...i32c(1), op.block, BT_TYPE_I32_I32, op.end, op.drop] }, features),
      'invalid: multi-value support is not enabled',
    );
  });

  test('errors carry the offset of the instruction', () => {
    const e = check({ body: [op.nop, op.nop, ...i64c(0), op.global_set, 1] });
    expect(e?.kind).toBe('invalid');
    const e2 = check({ body: [op.nop, op.nop, ...i64c(0), op.global_set, 0] });
    expect(e2!.offset).toBe(e!.offset);
    expect(e!.offset).toBeGreaterThan(0);
  });

  test('MVP features reject sign extension', () => {
    const features = MVP_FEATURES;
    expectOutcome(
      outcome([...i32c(1), 0xc0, op.drop], features),
      'invalid: sign extension operators support is not enabled',
    );
    expect(outcome([...i32c(1), 0xc0, op.drop])).toBe('ok');
    expect(outcome([f32c[0], 0, 0, 0, 0, 0xfc, 0, op.drop])).toBe('ok');
  });
});

describe('implementation limits', () => {
  test('at most 50,000 locals', () => {
    expect(outcome({ locals: new Array(49_999).fill(i32), body: [] })).toBe('ok');
    expectOutcome(
      outcome({ params: [i32], locals: new Array(50_000).fill(i32), body: [] }),
      'malformed: too many locals',
    );
  });
});
