import { describe, expect, it } from 'vitest';
import { parseWat } from '../src/index.js';
import { hex, section } from './helpers.js';

const types = (text: string): string => hex(section(parseWat(text), 1) ?? []);

describe('types', () => {
  it('encodes function types with named params and value type abbreviations', () => {
    expect(types('(type (func (param $a i32) (param i64 f32) (result f64 v128)))')).toBe('01 60 03 7f 7e 7d 02 7c 7b');
    expect(types('(type (func (param funcref externref anyref eqref i31ref structref arrayref exnref)))')).toBe(
      '01 60 08 70 6f 6e 6d 6c 6b 6a 69 00',
    );
    expect(types('(type (func (param nullref nullfuncref nullexternref nullexnref)))')).toBe('01 60 04 71 73 72 74 00');
  });
  it('encodes (ref null? ht) canonically', () => {
    expect(types('(type $t (func)) (type (func (param (ref null func) (ref func) (ref $t) (ref null $t))))')).toBe(
      '02 60 00 00 60 04 70 64 70 64 00 63 00 00',
    );
  });
  it('encodes structs, arrays, packed and mutable fields', () => {
    expect(types('(type (struct (field $x i8) (field (mut i16)) (field i32 i64))) (type (array (mut f32)))')).toBe(
      '02 5f 04 78 00 77 01 7f 00 7e 00 5e 7d 01',
    );
  });
  it('encodes rec groups and subtypes', () => {
    expect(
      types(
        '(rec (type $a (sub (struct))) (type $b (sub final $a (struct (field (ref null $b)))))) (type (sub $a (struct)))',
      ),
    ).toBe('02 4e 02 50 00 5f 00 4f 01 00 5f 01 63 01 00 50 01 00 5f 00');
  });
  it('rejects duplicate field names', () => {
    expect(() => parseWat('(type (struct (field $x i32) (field $x i32)))')).toThrow('duplicate field');
  });
});

describe('type uses', () => {
  it('reuses the first matching function type and appends implicit ones', () => {
    const bytes = parseWat(
      '(type $v (func)) (type $i (func (param i32))) (func (param i32)) (func (result i64)) (func (result i64))',
    );
    expect(hex(section(bytes, 1)!)).toBe('03 60 00 00 60 01 7f 00 60 00 01 7e');
    expect(hex(section(bytes, 3)!)).toBe('03 01 02 02');
  });
  it('does not reuse subtypes or rec group members for implicit types', () => {
    const bytes = parseWat('(type (sub (func))) (rec (type (func))) (func)');
    expect(hex(section(bytes, 3)!)).toBe('01 02');
  });
  it('checks inline signatures against the named type', () => {
    expect(() => parseWat('(type $t (func (param i32))) (func (type $t) (param i64))')).toThrow('inline function type');
    expect(
      hex(section(parseWat('(type $t (func (param i32))) (func (type $t) (param $x i32) (local.get $x) drop)'), 3)!),
    ).toBe('01 00');
  });
  it('rejects duplicate locals and params', () => {
    expect(() => parseWat('(func (param $x i32) (local $x i32))')).toThrow('duplicate local');
  });
});

describe('module fields', () => {
  it('orders sections and places imports first in each index space', () => {
    const bytes = parseWat(`
      (import "m" "f" (func $imp (param i32)))
      (func $f (export "f") (call $imp (i32.const 1)))
      (memory (export "mem") 1)
      (global $g (mut i32) (i32.const 0))
      (tag $e (param i32))
      (start $f)`);
    expect(hex(section(bytes, 8)!)).toBe('01');
    expect(hex(section(bytes, 7)!)).toBe('02 01 66 00 01 03 6d 65 6d 02 00');
  });
  it('rejects imports after definitions and duplicate ids', () => {
    expect(() => parseWat('(func) (import "a" "b" (func))')).toThrow('import after function');
    expect(() => parseWat('(func $f) (func $f)')).toThrow('duplicate func');
    expect(() => parseWat('(func $f) (start $f) (start $f)')).toThrow('multiple start sections');
  });
  it('encodes inline memory data and table elements', () => {
    const bytes = parseWat('(memory (data "ab" "c")) (table funcref (elem $f $f)) (func $f)');
    expect(hex(section(bytes, 5)!)).toBe('01 01 01 01');
    expect(hex(section(bytes, 4)!)).toBe('01 70 01 02 02');
    expect(hex(section(bytes, 9)!)).toBe('01 00 41 00 0b 02 00 00');
    expect(hex(section(bytes, 11)!)).toBe('01 00 41 00 0b 03 61 62 63');
  });
  it('encodes 64-bit memories and tables, and tables with initializers', () => {
    expect(hex(section(parseWat('(memory i64 1 0x1_0000_0000)'), 5)!)).toBe('01 05 01 80 80 80 80 10');
    expect(hex(section(parseWat('(type $t (func)) (table 2 (ref null $t) (ref.null $t))'), 4)!)).toBe(
      '01 40 00 63 00 00 02 d0 00 0b',
    );
    expect(hex(section(parseWat('(table i64 1 funcref)'), 4)!)).toBe('01 70 04 01');
  });
  it('encodes every element segment form', () => {
    const elems = (text: string): string =>
      hex(section(parseWat(`(table $t 1 funcref) (table $u 1 externref) (func $f) ${text}`), 9)!);
    expect(elems('(elem (i32.const 0) $f)')).toBe('01 00 41 00 0b 01 00');
    expect(elems('(elem func $f)')).toBe('01 01 00 01 00');
    expect(elems('(elem (table $t) (offset (i32.const 0)) func $f)')).toBe('01 00 41 00 0b 01 00');
    expect(elems('(elem declare func $f)')).toBe('01 03 00 01 00');
    expect(elems('(elem (i32.const 0) funcref (ref.func $f) (item ref.null func))')).toBe(
      '01 04 41 00 0b 02 d2 00 0b d0 70 0b',
    );
    expect(elems('(elem funcref (ref.func $f))')).toBe('01 05 70 01 d2 00 0b');
    expect(elems('(elem (table $u) (i32.const 0) externref (ref.null extern))')).toBe(
      '01 06 01 41 00 0b 6f 01 d0 6f 0b',
    );
    expect(elems('(elem declare funcref (ref.func $f))')).toBe('01 07 70 01 d2 00 0b');
  });
  it('encodes data segments with memory ids', () => {
    const data = (text: string): string => hex(section(parseWat(`(memory $a 1) (memory $b 1) ${text}`), 11)!);
    expect(data('(data (i32.const 1) "x")')).toBe('01 00 41 01 0b 01 78');
    expect(data('(data $d "x")')).toBe('01 01 01 78');
    expect(data('(data (memory $b) (offset (i32.const 0)) "x" "y")')).toBe('01 02 01 41 00 0b 02 78 79');
  });
  it('accepts a module wrapper, a name, and binary modules', () => {
    expect(parseWat('(module (func))')).toEqual(parseWat('(func)'));
    expect(Array.from(parseWat('(module binary "\\00asm" "\\01\\00\\00\\00")'))).toEqual([
      0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ]);
  });
  it('emits module, function and local names', () => {
    const names = section(parseWat('(module $m (func $f (param $p i32) (local $l i64)) (func))'), 0)!;
    // "name", then subsections 0 (module), 1 (functions), 2 (locals)
    expect(hex(names)).toBe('04 6e 61 6d 65 00 02 01 6d 01 04 01 00 01 66 02 09 01 00 02 00 01 70 01 01 6c');
  });
});
