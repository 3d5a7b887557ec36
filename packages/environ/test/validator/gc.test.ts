import { describe, expect, test } from 'vitest';
import {
  array,
  type Bytes,
  expectOutcome,
  f32c,
  field,
  func,
  H,
  i8,
  i32,
  i32c,
  i64,
  i64c,
  op,
  outcome,
  ref,
  struct,
  sub,
  T,
  u32,
} from './build.js';

const gc = (code: number, ...imm: number[]): Bytes => [op.gc, ...u32(code), ...imm];
const G = {
  structNew: 0,
  structNewDefault: 1,
  structGet: 2,
  structGetS: 3,
  structGetU: 4,
  structSet: 5,
  arrayNew: 6,
  arrayNewDefault: 7,
  arrayNewFixed: 8,
  arrayNewData: 9,
  arrayNewElem: 10,
  arrayGet: 11,
  arrayGetS: 12,
  arrayGetU: 13,
  arraySet: 14,
  arrayLen: 15,
  arrayFill: 16,
  arrayCopy: 17,
  arrayInitData: 18,
  arrayInitElem: 19,
  refTest: 20,
  refTestNull: 21,
  refCast: 22,
  refCastNull: 23,
  brOnCast: 24,
  brOnCastFail: 25,
  anyConvertExtern: 26,
  externConvertAny: 27,
  refI31: 28,
  i31GetS: 29,
  i31GetU: 30,
} as const;

const nullStruct: Bytes = [op.ref_null, T.struct];
const nullArr: Bytes = [op.ref_null, T.arrayMutI32];

const cases: [string, Bytes, string][] = [
  ['struct.new', [...i32c(1), ...i64c(2), ...i32c(3), ...gc(G.structNew, T.struct), op.drop], 'ok'],
  [
    'struct.new wrong field',
    [...i32c(1), ...i32c(2), ...i32c(3), ...gc(G.structNew, T.struct), op.drop],
    'invalid: type mismatch',
  ],
  ['struct.new on array type', [...gc(G.structNew, T.arrayMutI32), op.drop], 'invalid: type mismatch'],
  ['struct.new unknown type', [...gc(G.structNew, 60), op.drop], 'invalid: unknown type 60'],
  ['struct.new_default', [...gc(G.structNewDefault, T.struct), op.drop], 'ok'],
  [
    'struct.new_default non-defaultable',
    [...gc(G.structNewDefault, T.structNonDefaultable), op.drop],
    'invalid: type mismatch',
  ],
  ['struct.get', [...nullStruct, ...gc(G.structGet, T.struct, 1), op.drop], 'ok'],
  [
    'struct.get result type',
    [...nullStruct, ...gc(G.structGet, T.struct, 1), op.i32_eqz, op.drop],
    'invalid: type mismatch',
  ],
  ['struct.get packed field', [...nullStruct, ...gc(G.structGet, T.struct, 2), op.drop], 'invalid: type mismatch'],
  ['struct.get_s packed field', [...nullStruct, ...gc(G.structGetS, T.struct, 2), op.i32_eqz, op.drop], 'ok'],
  ['struct.get_u unpacked field', [...nullStruct, ...gc(G.structGetU, T.struct, 0), op.drop], 'invalid: type mismatch'],
  ['struct.get unknown field', [...nullStruct, ...gc(G.structGet, T.struct, 3), op.drop], 'invalid: unknown field 3'],
  [
    'struct.get wrong operand',
    [op.ref_null, T.arrayMutI32, ...gc(G.structGet, T.struct, 0), op.drop],
    'invalid: type mismatch',
  ],
  ['struct.set', [...nullStruct, ...i32c(5), ...gc(G.structSet, T.struct, 0)], 'ok'],
  ['struct.set packed takes i32', [...nullStruct, ...i32c(5), ...gc(G.structSet, T.struct, 2)], 'ok'],
  ['struct.set immutable', [...nullStruct, ...i64c(5), ...gc(G.structSet, T.struct, 1)], 'invalid: immutable field'],
  ['array.new', [...i32c(7), ...i32c(3), ...gc(G.arrayNew, T.arrayMutI32), op.drop], 'ok'],
  [
    'array.new wrong element',
    [...i64c(7), ...i32c(3), ...gc(G.arrayNew, T.arrayMutI32), op.drop],
    'invalid: type mismatch',
  ],
  ['array.new_default', [...i32c(3), ...gc(G.arrayNewDefault, T.arrayMutI32), op.drop], 'ok'],
  ['array.new_fixed', [...i32c(1), ...i32c(2), ...gc(G.arrayNewFixed, T.arrayMutI32, 2), op.drop], 'ok'],
  [
    'array.new_fixed too few',
    [...i32c(1), ...gc(G.arrayNewFixed, T.arrayMutI32, 2), op.drop],
    'invalid: type mismatch',
  ],
  [
    'array.new_fixed huge in unreachable code (over the implementation limit, even there)',
    [op.unreachable, ...gc(G.arrayNewFixed, T.arrayMutI32, 0xff, 0xff, 0xff, 0xff, 0x0f), op.drop],
    'invalid: implementation limit: array.new_fixed operands',
  ],
  ['array.new_data', [...i32c(0), ...i32c(1), ...gc(G.arrayNewData, T.arrayI8, 0), op.drop], 'ok'],
  [
    'array.new_data ref elements',
    [...i32c(0), ...i32c(1), ...gc(G.arrayNewData, T.arrayMutFuncref, 0), op.drop],
    'invalid: array type is not numeric or vector',
  ],
  [
    'array.new_data unknown data',
    [...i32c(0), ...i32c(1), ...gc(G.arrayNewData, T.arrayI8, 4), op.drop],
    'invalid: unknown data segment 4',
  ],
  ['array.new_elem', [...i32c(0), ...i32c(1), ...gc(G.arrayNewElem, T.arrayMutFuncref, 0), op.drop], 'ok'],
  [
    'array.new_elem externref segment',
    [...i32c(0), ...i32c(1), ...gc(G.arrayNewElem, T.arrayMutFuncref, 2), op.drop],
    'invalid: type mismatch',
  ],
  ['array.get', [...nullArr, ...i32c(0), ...gc(G.arrayGet, T.arrayMutI32), op.drop], 'ok'],
  [
    'array.get packed',
    [op.ref_null, T.arrayI8, ...i32c(0), ...gc(G.arrayGet, T.arrayI8), op.drop],
    'invalid: type mismatch',
  ],
  ['array.get_u packed', [op.ref_null, T.arrayI8, ...i32c(0), ...gc(G.arrayGetU, T.arrayI8), op.drop], 'ok'],
  ['array.set', [...nullArr, ...i32c(0), ...i32c(9), ...gc(G.arraySet, T.arrayMutI32)], 'ok'],
  [
    'array.set immutable',
    [op.ref_null, T.arrayI8, ...i32c(0), ...i32c(9), ...gc(G.arraySet, T.arrayI8)],
    'invalid: immutable array',
  ],
  ['array.len', [...nullArr, ...gc(G.arrayLen), op.drop], 'ok'],
  ['array.len on struct', [...nullStruct, ...gc(G.arrayLen), op.drop], 'invalid: type mismatch'],
  ['array.fill', [...nullArr, ...i32c(0), ...i32c(1), ...i32c(2), ...gc(G.arrayFill, T.arrayMutI32)], 'ok'],
  [
    'array.fill immutable',
    [op.ref_null, T.arrayI8, ...i32c(0), ...i32c(1), ...i32c(2), ...gc(G.arrayFill, T.arrayI8)],
    'invalid: immutable array',
  ],
  [
    'array.copy',
    [...nullArr, ...i32c(0), ...nullArr, ...i32c(0), ...i32c(1), ...gc(G.arrayCopy, T.arrayMutI32, T.arrayMutI32)],
    'ok',
  ],
  [
    'array.copy to immutable',
    [
      op.ref_null,
      T.arrayI8,
      ...i32c(0),
      op.ref_null,
      T.arrayI8,
      ...i32c(0),
      ...i32c(1),
      ...gc(G.arrayCopy, T.arrayI8, T.arrayI8),
    ],
    'invalid: immutable array',
  ],
  [
    'array.copy mismatched elements',
    [
      ...nullArr,
      ...i32c(0),
      op.ref_null,
      T.arrayI8,
      ...i32c(0),
      ...i32c(1),
      ...gc(G.arrayCopy, T.arrayMutI32, T.arrayI8),
    ],
    'invalid: array types do not match',
  ],
  ['array.init_data', [...nullArr, ...i32c(0), ...i32c(0), ...i32c(1), ...gc(G.arrayInitData, T.arrayMutI32, 0)], 'ok'],
  [
    'array.init_data immutable',
    [op.ref_null, T.arrayI8, ...i32c(0), ...i32c(0), ...i32c(1), ...gc(G.arrayInitData, T.arrayI8, 0)],
    'invalid: immutable array',
  ],
  [
    'array.init_elem',
    [op.ref_null, T.arrayMutFuncref, ...i32c(0), ...i32c(0), ...i32c(1), ...gc(G.arrayInitElem, T.arrayMutFuncref, 0)],
    'ok',
  ],
  [
    'array.init_elem unknown segment',
    [op.ref_null, T.arrayMutFuncref, ...i32c(0), ...i32c(0), ...i32c(1), ...gc(G.arrayInitElem, T.arrayMutFuncref, 9)],
    'invalid: unknown elem segment 9',
  ],
  ['ref.test', [...nullStruct, ...gc(G.refTest, H.eq), op.drop], 'ok'],
  ['ref.test null', [...nullStruct, ...gc(G.refTestNull, T.struct), op.drop], 'ok'],
  ['ref.test across hierarchies', [op.ref_null, H.func, ...gc(G.refTest, H.struct), op.drop], 'invalid: type mismatch'],
  ['ref.test on i32', [...i32c(0), ...gc(G.refTest, H.any), op.drop], 'invalid: type mismatch'],
  ['ref.cast', [op.ref_null, H.any, ...gc(G.refCast, T.struct), ...gc(G.structGet, T.struct, 0), op.drop], 'ok'],
  [
    'ref.cast null result is nullable',
    [op.ref_null, H.any, ...gc(G.refCastNull, T.struct), op.ref_as_non_null, op.drop],
    'ok',
  ],
  ['ref.cast extern to any', [op.ref_null, H.extern, ...gc(G.refCast, H.any), op.drop], 'invalid: type mismatch'],
  ['ref.cast func', [op.ref_null, H.func, ...gc(G.refCast, T.i32_i32), op.drop], 'ok'],
  ['any.convert_extern', [op.ref_null, H.extern, ...gc(G.anyConvertExtern), ...gc(G.refTest, H.i31), op.drop], 'ok'],
  ['extern.convert_any', [op.ref_null, H.any, ...gc(G.externConvertAny), op.drop], 'ok'],
  [
    'extern.convert_any on extern',
    [op.ref_null, H.extern, ...gc(G.externConvertAny), op.drop],
    'invalid: type mismatch',
  ],
  ['ref.i31', [...i32c(5), ...gc(G.refI31), ...gc(G.i31GetS), op.drop], 'ok'],
  ['ref.i31 wrong operand', [...i64c(5), ...gc(G.refI31), op.drop], 'invalid: type mismatch'],
  ['i31.get_u', [op.ref_null, H.i31, ...gc(G.i31GetU), op.drop], 'ok'],
  ['i31.get_u on anyref', [op.ref_null, H.any, ...gc(G.i31GetU), op.drop], 'invalid: type mismatch'],
  ['ref.eq', [...nullStruct, op.ref_null, H.i31, op.ref_eq, op.drop], 'ok'],
  ['ref.eq on funcref', [op.ref_null, H.func, op.ref_null, H.func, op.ref_eq, op.drop], 'invalid: type mismatch'],
  ['ref.eq on anyref', [op.ref_null, H.any, op.ref_null, H.any, op.ref_eq, op.drop], 'invalid: type mismatch'],
  ['unknown GC opcode', gc(31), 'malformed: illegal opcode'],
];

describe('GC instructions', () => {
  test.each(cases)('%s', (_name, body, expected) => {
    expectOutcome(outcome(body), expected);
  });

  test('struct.new pushes a non-null typed reference', () => {
    expect(
      outcome({ results: [ref(T.struct)], body: [...i32c(1), ...i64c(2), ...i32c(3), ...gc(G.structNew, T.struct)] }),
    ).toBe('ok');
    expect(outcome({ results: [ref(H.struct)], body: gc(G.structNewDefault, T.struct) })).toBe('ok');
    expect(outcome({ results: [ref(H.eq, true)], body: gc(G.structNewDefault, T.struct) })).toBe('ok');
    expectOutcome(
      outcome({ results: [ref(H.array)], body: gc(G.structNewDefault, T.struct) }),
      'invalid: type mismatch',
    );
    expectOutcome(
      outcome({ results: [ref(H.func)], body: gc(G.structNewDefault, T.struct) }),
      'invalid: type mismatch',
    );
  });

  // types for subtyping: 9 = (sub (struct i32)), 10 = (sub 9 (struct i32 i64)), 11 = (struct f32)
  const types = [sub([], struct(field(i32))), sub([9], struct(field(i32), field(i64))), struct(field(0x7d))];
  const A = 9;
  const B = 10;
  const C = 11;

  test('declared subtypes flow into supertype positions', () => {
    expect(outcome({ types, params: [ref(B)], results: [ref(A)], body: [op.local_get, 0] })).toBe('ok');
    expectOutcome(
      outcome({ types, params: [ref(A)], results: [ref(B)], body: [op.local_get, 0] }),
      'invalid: type mismatch',
    );
    expectOutcome(
      outcome({ types, params: [ref(C)], results: [ref(A)], body: [op.local_get, 0] }),
      'invalid: type mismatch',
    );
    // struct.get through a subtype
    expect(
      outcome({ types, params: [ref(B)], results: [i32], body: [op.local_get, 0, ...gc(G.structGet, A, 0)] }),
    ).toBe('ok');
  });

  test('br_on_cast and br_on_cast_fail', () => {
    // (block (result (ref B)) (br_on_cast 0 (ref null A) (ref B) (local.get 0)) drop unreachable)
    const onCast = (
      flags: number,
      src: number,
      dst: number,
      label: Bytes,
      after: Bytes = [op.drop, op.unreachable],
    ) => ({
      types,
      params: [ref(A, true)],
      body: [op.block, ...label, op.local_get, 0, ...gc(G.brOnCast, flags, 0, src, dst), ...after, op.end, op.drop],
    });
    expect(outcome(onCast(1, A, B, ref(B)))).toBe('ok');
    expect(outcome(onCast(1, A, B, ref(A)))).toBe('ok');
    expect(outcome(onCast(3, A, B, ref(B, true)))).toBe('ok');
    // nullable target needs a nullable label
    expectOutcome(outcome(onCast(3, A, B, ref(B))), 'invalid: type mismatch');
    // target must be a subtype of the source
    expectOutcome(outcome(onCast(1, B, A, ref(A))), 'invalid: type mismatch');
    expectOutcome(outcome(onCast(1, A, C, ref(C))), 'invalid: type mismatch');
    // source nullable flag: (ref null A) operand into a non-null source type fails
    expectOutcome(outcome(onCast(0, A, B, ref(B))), 'invalid: type mismatch');
    // fallthrough type: source minus target; with a nullable target the fallthrough is non-null
    expect(outcome(onCast(3, A, B, ref(B, true), [...gc(G.structGet, A, 0), op.drop, op.unreachable]))).toBe('ok');
    // label without a reference
    expectOutcome(
      outcome({
        types,
        params: [ref(A, true)],
        body: [op.block, 0x40, op.local_get, 0, ...gc(G.brOnCast, 1, 0, A, B), op.drop, op.end],
      }),
      'invalid: type mismatch',
    );
    // malformed flags
    expectOutcome(outcome(onCast(4, A, B, ref(B))), 'malformed:');

    // br_on_cast_fail branches with the source minus the target and falls through with the target
    const onFail = (flags: number, label: Bytes, after: Bytes) => ({
      types,
      params: [ref(A, true)],
      body: [op.block, ...label, op.local_get, 0, ...gc(G.brOnCastFail, flags, 0, A, B), ...after, op.end, op.drop],
    });
    expect(outcome(onFail(1, ref(A, true), [...gc(G.structGet, B, 1), op.drop, op.unreachable]))).toBe('ok');
    expect(outcome(onFail(3, ref(A), [op.drop, op.unreachable]))).toBe('ok');
    expectOutcome(outcome(onFail(1, ref(A), [op.drop, op.unreachable])), 'invalid: type mismatch');
  });

  test('casts keep the other label operands', () => {
    // type 12: [] -> [i32 (ref B)], used as the block type
    const withBlock = [...types, func([], [i32, ref(B)])];
    const body = (operand: Bytes) => [
      op.block,
      12,
      ...operand,
      op.local_get,
      0,
      ...gc(G.brOnCast, 1, 0, A, B),
      op.unreachable,
      op.end,
    ];
    expect(outcome({ types: withBlock, params: [ref(A, true)], results: [i32, ref(B)], body: body(i32c(1)) })).toBe(
      'ok',
    );
    expectOutcome(
      outcome({ types: withBlock, params: [ref(A, true)], results: [i32, ref(B)], body: body(i64c(1)) }),
      'invalid: type mismatch',
    );
  });

  test('f32 is not an i32 for struct fields', () => {
    expectOutcome(outcome([...nullStruct, ...f32c, ...gc(G.structSet, T.struct, 0)]), 'invalid: type mismatch');
  });

  test('packed storage in array.new_fixed widens to i32', () => {
    expect(
      outcome({ types: [array(field(i8, true))], body: [...i32c(1), ...gc(G.arrayNewFixed, 9, 1), op.drop] }),
    ).toBe('ok');
  });

  test('function types are not struct types', () => {
    expectOutcome(
      outcome({ types: [func([], [])], body: [...gc(G.structNewDefault, 9), op.drop] }),
      'invalid: type mismatch',
    );
  });
});
