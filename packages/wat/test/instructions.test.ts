import { Imm, OPERATORS } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { parseWat, WatError } from '../src/index.js';
import { body, hex, hostValidate } from './helpers.js';

const code = (func: string, prelude = ''): string => hex(body(parseWat(`${prelude} (func ${func})`)));

describe('instructions', () => {
  it('encodes plain and folded forms identically', () => {
    const plain = code('(result i32) i32.const 1 i32.const 2 i32.add');
    expect(plain).toBe('41 01 41 02 6a 0b');
    expect(code('(result i32) (i32.add (i32.const 1) (i32.const 2))')).toBe(plain);
  });
  it('encodes blocks with labels, block types and repeated end labels', () => {
    expect(code('(block $a (br $a)) (loop $b (result i32) (br_if $b (i32.const 0)) (i32.const 1)) drop')).toBe(
      '02 40 0c 00 0b 03 7f 41 00 0d 00 41 01 0b 1a 0b',
    );
    expect(code('block $x end $x')).toBe('02 40 0b 0b');
    expect(() => parseWat('(func block $x end $y)')).toThrow('mismatching label');
    expect(() => parseWat('(func block end $y)')).toThrow('mismatching label');
    expect(() => parseWat('(func (br $nope))')).toThrow('unknown label');
  });
  it('encodes if in both forms', () => {
    const folded = code('(param i32) (if (local.get 0) (then nop) (else unreachable))');
    expect(folded).toBe('20 00 04 40 01 05 00 0b 0b');
    expect(code('(param i32) local.get 0 if $l nop else $l unreachable end $l')).toBe(folded);
  });
  it('uses a type index for multi-value block types', () => {
    const bytes = parseWat('(func (block (param i32) (result i32) ) )');
    expect(hex(body(bytes))).toBe('02 01 0b 0b');
  });
  it('resolves branch depths through nested labels', () => {
    expect(code('(block $o (block $i (br_table $i $o 0 (i32.const 0))))')).toBe(
      '02 40 02 40 41 00 0e 02 00 01 00 0b 0b 0b',
    );
  });
  it('encodes memory arguments with defaults, offset and align', () => {
    const pre = '(memory 1)';
    expect(code('(drop (i32.load (i32.const 0)))', pre)).toBe('41 00 28 02 00 1a 0b');
    expect(code('(drop (i64.load offset=0x10 align=2 (i32.const 0)))', pre)).toBe('41 00 29 01 10 1a 0b');
    expect(() => parseWat('(memory 1) (func (drop (i32.load align=3 (i32.const 0))))')).toThrow('alignment');
  });
  it('encodes a memory index in a memarg with the multi-memory flag', () => {
    expect(code('(drop (i32.load $b offset=1 (i32.const 0)))', '(memory $a 1) (memory $b 1)')).toBe(
      '41 00 28 42 01 01 1a 0b',
    );
  });
  it('encodes constants', () => {
    expect(code('(drop (i32.const -1)) (drop (i64.const 0x8000000000000000))')).toBe(
      '41 7f 1a 42 80 80 80 80 80 80 80 80 80 7f 1a 0b',
    );
    expect(code('(drop (f32.const 1.5)) (drop (f64.const -0))')).toBe(
      '43 00 00 c0 3f 1a 44 00 00 00 00 00 00 00 80 1a 0b',
    );
    expect(() => parseWat('(func (drop (i32.const 4294967296)))')).toThrow('constant out of range');
  });
  it('encodes SIMD constants, shuffles and lanes', () => {
    expect(code('(drop (v128.const i16x8 1 2 3 4 5 6 7 -1))')).toBe(
      'fd 0c 01 00 02 00 03 00 04 00 05 00 06 00 07 00 ff ff 1a 0b',
    );
    expect(
      code(
        '(drop (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (v128.const i64x2 0 0) (v128.const f32x4 0 0 0 0)))',
      ),
    ).toMatch(/fd 0d 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 1f 1a 0b$/);
    expect(code('(drop (i32x4.extract_lane 3 (v128.const i32x4 0 0 0 0)))')).toMatch(/fd 1b 03 1a 0b$/);
    expect(() => parseWat('(func (drop (v128.const i32x4 0 0 0)))')).toThrow('wrong number of lane literals');
  });
  it('uses multi-byte opcodes from the operator table', () => {
    expect(code('(drop (i32.trunc_sat_f32_s (f32.const 0)))')).toBe('43 00 00 00 00 fc 00 1a 0b');
    expect(code('(drop (i32x4.dot_i16x8_s (v128.const i64x2 0 0) (v128.const i64x2 0 0)))')).toMatch(/fd ba 01 1a 0b$/);
  });
  it('encodes typed select, call_indirect and reference instructions', () => {
    expect(code('(drop (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0)))')).toBe(
      '41 01 41 02 41 00 1c 01 7f 1a 0b',
    );
    const pre = '(type $t (func (param i32))) (table 1 funcref)';
    expect(code('(call_indirect (type $t) (i32.const 1) (i32.const 0))', pre)).toBe('41 01 41 00 11 00 00 0b');
    expect(code('(drop (ref.null func)) (drop (ref.null extern))')).toBe('d0 70 1a d0 6f 1a 0b');
  });
  it('picks ref.test and ref.cast variants by nullability', () => {
    expect(
      code('(param anyref) (drop (ref.test (ref i31) (local.get 0))) (drop (ref.cast i31ref (local.get 0)))'),
    ).toBe('20 00 fb 14 6c 1a 20 00 fb 17 6c 1a 0b');
  });
  it('encodes br_on_cast flags from both reference types', () => {
    expect(
      code('(param anyref) (result anyref) (block $l (result anyref) (br_on_cast $l anyref (ref i31) (local.get 0)))'),
    ).toBe('02 6e 20 00 fb 18 01 00 6e 6c 0b 0b');
  });
  it('encodes try_table catch clauses relative to the enclosing block', () => {
    expect(code('(block $h (try_table (catch_all $h) (nop)))')).toBe('02 40 1f 40 01 02 00 01 0b 0b 0b');
  });
  it('encodes legacy try/catch/delegate', () => {
    const pre = '(tag $e)';
    expect(code('(try (do nop) (catch $e nop) (catch_all nop))', pre)).toBe('06 40 01 07 00 01 19 01 0b 0b');
    expect(code('(block $b (try (do nop) (delegate $b)))', pre)).toBe('02 40 06 40 01 18 00 0b 0b');
  });
  it('resolves struct field names per type', () => {
    const pre = '(type $s (struct (field $a i32) (field $b (mut i64))))';
    expect(code('(param (ref $s)) (drop (struct.get $s $b (local.get 0)))', pre)).toBe('20 00 fb 02 00 01 1a 0b');
  });
  it('emits a data count section when code uses data indices', () => {
    const bytes = parseWat('(memory 1) (data $d "x") (func (data.drop $d))');
    expect(Array.from(bytes).includes(12)).toBe(true);
    expect(hostValidate(bytes)).toBe(true);
  });
  it('rejects unknown operators and identifiers with positions', () => {
    try {
      parseWat('(func\n  (i32.frob))');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WatError);
      expect((e as WatError).line).toBe(2);
      expect((e as WatError).message).toContain('unknown operator');
    }
    expect(() => parseWat('(func (call $missing))')).toThrow('unknown func');
    expect(() => parseWat('(func (local.get $x))')).toThrow('unknown local');
  });
  it('handles deep plain nesting without recursion and checks block structure', () => {
    const n = 20000;
    expect(body(parseWat(`(func ${'block '.repeat(n)}${'end '.repeat(n)})`))).toHaveLength(3 * n + 1);
    expect(() => parseWat('(func block nop)')).toThrow('expected end');
    expect(() => parseWat('(func if else else end)')).toThrow('unexpected token else');
    expect(() => parseWat('(func block catch_all end)')).toThrow('unexpected token catch_all');
  });
  it('keeps numeric out-of-range indices for the validator', () => {
    expect(code('(call 7)')).toBe('10 07 0b');
  });
});

describe('keyword table', () => {
  it('reaches every operator without immediates through its text name', () => {
    let checked = 0;
    for (const op of OPERATORS) {
      if (op.imm !== Imm.None || ['else', 'end', 'catch_all', 'delegate'].includes(op.name)) continue;
      const expected = op.prefix === 0 ? [op.code] : [op.prefix, ...uleb(op.code)];
      expect(body(parseWat(`(func ${op.name})`)), op.name).toEqual([...expected, 0x0b]);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});

function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}
