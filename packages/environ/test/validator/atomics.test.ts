// The threads proposal's operators (0xfe prefix): rows of the operator table, validated like other
// memory accesses except that the alignment must equal the natural alignment exactly.
import { describe, expect, test } from 'vitest';
import { wasmFeatures } from '../../src/features.js';
import { OPERATORS, OPS_BY_NAME, operatorFor } from '../../src/operators.js';
import { type Bytes, expectOutcome, i32c, i64c, op, outcome, u32 } from './build.js';

const THREADS = wasmFeatures({ threads: true });
const atomic = (sub: number, align: number, offset = 0, mem?: number): Bytes =>
  mem === undefined
    ? [0xfe, ...u32(sub), ...u32(align), ...u32(offset)]
    : [0xfe, ...u32(sub), ...u32(align | 0x40), ...u32(mem), ...u32(offset)];

describe('atomic operators', () => {
  test('the table has every 0xfe operator of the proposal, with its access size', () => {
    const fe = OPERATORS.filter((o) => o.prefix === 0xfe);
    expect(fe.length).toBe(4 + 7 * 9);
    expect(operatorFor(0xfe, 0x03)?.name).toBe('atomic.fence');
    expect(operatorFor(0xfe, 0x10)?.name).toBe('i32.atomic.load');
    expect(operatorFor(0xfe, 0x16)?.name).toBe('i64.atomic.load32_u');
    expect(operatorFor(0xfe, 0x1d)?.name).toBe('i64.atomic.store32');
    expect(operatorFor(0xfe, 0x2e)?.name).toBe('i32.atomic.rmw8.and_u');
    expect(operatorFor(0xfe, 0x41)?.name).toBe('i32.atomic.rmw.xchg');
    expect(operatorFor(0xfe, 0x4e)?.name).toBe('i64.atomic.rmw32.cmpxchg_u');
    expect(operatorFor(0xfe, 0x4f)).toBeUndefined();
    expect(operatorFor(0xfe, 0x04)).toBeUndefined();
    const cmpxchg = OPS_BY_NAME.get('i64.atomic.rmw16.cmpxchg_u')?.[0];
    expect(cmpxchg?.n).toBe(2);
    expect(cmpxchg?.params?.length).toBe(3);
    for (const o of fe) if (o.name !== 'atomic.fence') expect([1, 2, 4, 8]).toContain(o.n);
  });

  test('they need the threads feature', () => {
    expectOutcome(
      outcome([...i32c(0), ...atomic(0x10, 2), op.drop], wasmFeatures({ threads: false })),
      'invalid: threads support is not enabled',
    );
    expectOutcome(outcome([...i32c(0), ...atomic(0x10, 2), op.drop], THREADS), 'ok');
  });

  test('the alignment must equal the natural alignment exactly', () => {
    expectOutcome(outcome([...i32c(0), ...atomic(0x11, 3), op.drop], THREADS), 'ok');
    expectOutcome(
      outcome([...i32c(0), ...atomic(0x11, 2), op.drop], THREADS),
      'invalid: alignment must be equal to natural',
    );
    expectOutcome(
      outcome([...i32c(0), ...atomic(0x12, 1), op.drop], THREADS),
      'invalid: alignment must not be larger than natural',
    );
    // a plain load may be under-aligned
    expectOutcome(outcome([...i32c(0), op.i64_load, 2, 0, op.drop], THREADS), 'ok');
  });

  test('stack effects, memory64 addresses and unknown memories', () => {
    // i64.atomic.rmw.cmpxchg: [addr i64 i64] -> [i64]
    expectOutcome(outcome([...i32c(0), ...i64c(1), ...i64c(2), ...atomic(0x49, 3), op.drop], THREADS), 'ok');
    expectOutcome(
      outcome([...i32c(0), ...i32c(1), ...i64c(2), ...atomic(0x49, 3), op.drop], THREADS),
      'invalid: type mismatch',
    );
    // memory 1 of the test module has i64 addresses
    expectOutcome(outcome([...i64c(0), ...i32c(1), ...atomic(0x00, 2, 0, 1), op.drop], THREADS), 'ok');
    expectOutcome(
      outcome([...i32c(0), ...i32c(1), ...atomic(0x00, 2, 0, 1), op.drop], THREADS),
      'invalid: type mismatch',
    );
    expectOutcome(
      outcome({ body: [...i32c(0), ...atomic(0x10, 2), op.drop], noMemory: true }, THREADS),
      'invalid: unknown memory 0',
    );
    // wait64: [addr i64 i64] -> [i32]
    expectOutcome(outcome([...i32c(0), ...i64c(0), ...i64c(-1), ...atomic(0x02, 3), op.drop], THREADS), 'ok');
  });

  test('atomic.fence takes one zero byte', () => {
    expectOutcome(outcome([0xfe, 0x03, 0x00], THREADS), 'ok');
    expectOutcome(outcome([0xfe, 0x03, 0x01], THREADS), 'malformed: malformed atomic.fence flags');
  });

  test('an unknown 0xfe sub-opcode is illegal', () => {
    expect(outcome([0xfe, 0x04], THREADS)).toMatch(/^malformed: illegal opcode/);
    expect(outcome([0xfe, 0x7f], THREADS)).toMatch(/^malformed: illegal opcode/);
  });
});
