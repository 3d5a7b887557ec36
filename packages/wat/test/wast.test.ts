import { describe, expect, it } from 'vitest';
import { parseWast, parseWat, WatError } from '../src/index.js';

describe('parseWast', () => {
  it('parses modules of every kind with names and lines', () => {
    const s = parseWast(
      [
        '(module $A (func (export "f") (result i32) (i32.const 1)))',
        '(module $B binary "\\00asm" "\\01\\00\\00\\00")',
        '(module quote "(func)")',
        '(module definition $D (func))',
        '(module instance $I $D)',
        '(register "a" $A)',
      ].join('\n'),
      { file: 'x.wast' },
    );
    expect(s.file).toBe('x.wast');
    const [a, b, q, d, i, r] = s.commands;
    expect(a).toMatchObject({ type: 'module', line: 1, module: { kind: 'text', name: '$A' } });
    expect(b).toMatchObject({ type: 'module', line: 2, module: { kind: 'binary', name: '$B' } });
    expect(q).toMatchObject({ type: 'module', line: 3, module: { kind: 'quote', source: '(func)' } });
    expect(d).toMatchObject({ type: 'module', definition: true, module: { name: '$D' } });
    expect(i).toEqual({ type: 'module_instance', line: 5, instance: '$I', module: '$D' });
    expect(r).toEqual({ type: 'register', line: 6, as: 'a', name: '$A' });
  });
  it('parses actions and argument values', () => {
    const s = parseWast(
      '(invoke $M "f" (i32.const -1) (i64.const 0xffffffffffffffff) (f32.const 1) (f64.const -0) (ref.null func) (ref.extern 3) (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 -1))\n(get "g")',
    );
    const [inv, get] = s.commands;
    expect(inv).toEqual({
      type: 'action',
      line: 1,
      action: {
        type: 'invoke',
        module: '$M',
        name: 'f',
        args: [
          { type: 'i32', value: -1 },
          { type: 'i64', value: -1n },
          { type: 'f32', bits: 0x3f800000 },
          { type: 'f64', bits: 0x8000000000000000n },
          { type: 'ref.null', heap: 'func' },
          { type: 'ref.extern', value: 3 },
          { type: 'v128', bytes: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 255]) },
        ],
      },
    });
    expect(get).toEqual({ type: 'action', line: 2, action: { type: 'get', name: 'g' } });
  });
  it('parses expected results with NaN patterns, lanes, reference kinds and either', () => {
    const s = parseWast(
      '(assert_return (invoke "f") (f32.const nan:canonical) (f64.const nan:arithmetic) (v128.const f32x4 nan:canonical 1 2 3) (ref.func) (ref.extern 1) (ref.null) (either (i32.const 1) (i32.const 2)))',
    );
    const cmd = s.commands[0];
    expect(cmd.type).toBe('assert_return');
    if (cmd.type !== 'assert_return') return;
    expect(cmd.expected).toEqual([
      { type: 'f32', nan: 'canonical' },
      { type: 'f64', nan: 'arithmetic' },
      {
        type: 'v128',
        lanes: {
          shape: 'f32',
          values: [
            { type: 'f32', nan: 'canonical' },
            { type: 'f32', bits: 0x3f800000 },
            { type: 'f32', bits: 0x40000000 },
            { type: 'f32', bits: 0x40400000 },
          ],
        },
      },
      { type: 'ref.func' },
      { type: 'ref.extern', value: 1 },
      { type: 'ref.null' },
      { type: 'either', options: [[{ type: 'i32', value: 1 }], [{ type: 'i32', value: 2 }]] },
    ]);
  });
  it('parses every assertion kind', () => {
    const s = parseWast(`
      (assert_trap (invoke "t") "unreachable")
      (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
      (assert_exhaustion (invoke "r") "call stack exhausted")
      (assert_exception (invoke "e"))
      (assert_invalid (module (func (result i32))) "type mismatch")
      (assert_malformed (module quote "(func (i32.const))") "unexpected token")
      (assert_unlinkable (module (import "x" "y" (func))) "unknown import")`);
    expect(s.commands.map((c) => c.type)).toEqual([
      'assert_trap',
      'assert_trap_module',
      'assert_exhaustion',
      'assert_exception',
      'assert_invalid',
      'assert_malformed',
      'assert_unlinkable',
    ]);
    expect(s.commands.map((c) => c.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
  it('captures text-level errors of a module instead of throwing', () => {
    const s = parseWast('(assert_malformed (module (func (call $nope))) "unknown function")');
    const cmd = s.commands[0];
    if (cmd.type !== 'assert_malformed' || cmd.module.kind !== 'text') throw new Error('wrong command');
    expect(cmd.module.bytes).toBeUndefined();
    expect(cmd.module.error).toBeInstanceOf(WatError);
  });
  it('treats a script of bare module fields as one module', () => {
    const s = parseWast('(func) (memory 1)');
    expect(s.commands).toHaveLength(1);
    expect(s.commands[0]).toMatchObject({ type: 'module', module: { kind: 'text' } });
  });
  it('keeps export names with a byte order mark intact', () => {
    const s = parseWast('(invoke "\\ef\\bb\\bfx")');
    const cmd = s.commands[0];
    if (cmd.type !== 'action') throw new Error('wrong command');
    expect(cmd.action.name).toBe('\ufeffx');
  });
});

describe('quoted modules', () => {
  it('keep malformed UTF-8 malformed', () => {
    const s = parseWast('(module quote "(data \\"\\80\\")")');
    const cmd = s.commands[0];
    if (cmd.type !== 'module' || cmd.module.kind !== 'quote') throw new Error('wrong command');
    expect(() => parseWat(cmd.module.kind === 'quote' ? cmd.module.source : '')).toThrow(WatError);
  });
  it('turn absurd nesting into a WatError', () => {
    const deep = `(func ${'(block '.repeat(20000)}${')'.repeat(20000)})`;
    expect(() => parseWat(deep)).toThrow(WatError);
  });
});
