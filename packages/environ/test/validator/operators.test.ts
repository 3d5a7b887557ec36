import { describe, expect, test } from 'vitest';
import { CompileError } from '../../src/errors.js';
import { wasmFeatures } from '../../src/features.js';
import { FLAGS_BY_OPCODE, Imm, OPERATORS, OpFlag, opcodesWith } from '../../src/operators.js';
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

describe("the operator table's flags", () => {
  const named = (flag: number) => OPERATORS.filter((o) => (o.flags & flag) !== 0).map((o) => o.name);
  const memory = (o: (typeof OPERATORS)[number]) => o.imm === Imm.MemArg || o.imm === Imm.MemArgLane;

  test('constructs: opened, divided and closed by the operators the binary format says', () => {
    expect(named(OpFlag.Opens)).toEqual(['block', 'loop', 'if', 'try', 'try_table']);
    expect(named(OpFlag.Arm)).toEqual(['else', 'catch', 'catch_all']);
    expect(named(OpFlag.Closes)).toEqual(['end', 'delegate']);
  });

  test('control: every branch, call and throw, and every construct', () => {
    for (const o of OPERATORS) {
      const branches = o.imm === Imm.Label || o.imm === Imm.BrTable || o.imm === Imm.BrOnCast;
      const calls = o.name.includes('call') || o.name.includes('throw');
      const construct = (o.flags & (OpFlag.Opens | OpFlag.Arm | OpFlag.Closes)) !== 0;
      if (branches || calls || construct) expect([o.name, o.flags & OpFlag.Control]).toEqual([o.name, OpFlag.Control]);
    }
    // code that tests the first byte only flushes before every GC operator (br_on_cast), not before the others
    expect(opcodesWith(OpFlag.Control)[0xfb]).toBe(1);
    for (const prefix of [0xfc, 0xfd, 0xfe]) expect(FLAGS_BY_OPCODE[prefix]).toBe(0);
  });

  test('silent: no memory access, division, trapping truncation, call or throw', () => {
    for (const o of OPERATORS) {
      if ((o.flags & OpFlag.Silent) === 0) continue;
      const traps = /\.(div|rem)_|\.trunc_f|call|throw|unreachable|return|table\.|\.grow|atomic|struct|array/.test(
        o.name,
      );
      expect([o.name, memory(o) || traps || o.prefix === 0xfb]).toEqual([o.name, false]);
    }
    // wide arithmetic cannot trap: fuel and the JS backend's flushing treat it like other arithmetic
    for (const name of ['i64.add128', 'i64.sub128', 'i64.mul_wide_s', 'i64.mul_wide_u'])
      expect(named(OpFlag.Silent)).toContain(name);
    // every SIMD operator but the memory accesses, the saturating truncations
    for (const o of OPERATORS)
      if (o.prefix === 0xfd || o.name.includes('trunc_sat'))
        expect([o.name, (o.flags & OpFlag.Silent) !== 0]).toEqual([o.name, !memory(o)]);
  });

  test("fuel-free: wasmtime's free operators", () => {
    expect(named(OpFlag.FuelFree)).toEqual(['unreachable', 'nop', 'block', 'loop', 'else', 'end', 'return', 'drop']);
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
