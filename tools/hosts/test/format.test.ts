import { parseScript } from '@wasmts/wast';
import { describe, expect, it } from 'vitest';
import { decodeScript, encodeScript } from '../src/spec/format.js';

type WatLike = Error & { line: number; column: number };

describe('host-neutral script format', () => {
  it('round-trips module bytes, i64 and f64 bit patterns, v128 bytes and unparsable text modules', () => {
    const script = parseScript(
      `(module (func (export "f") (param i64 f64) (result v128) (v128.const i32x4 1 2 3 4)))
       (assert_return (invoke "f" (i64.const -9223372036854775808) (f64.const -nan:0x4000000000001))
         (v128.const i32x4 1 2 3 4))
       (module binary "\\00asm" "\\01\\00\\00\\00")
       (assert_malformed (module quote "(func (result i32) (i32.const 0x1_0000_0000))") "constant out of range")
       (assert_malformed (module (func (result i32) (i32.const))) "unexpected token")`,
      'x.wast',
    );
    // the last module is text that does not parse: the parser keeps its error for assert_malformed
    const json = encodeScript(script);
    expect(encodeScript(decodeScript(json))).toBe(json);
    const { commands } = script as unknown as { commands: { module?: { error?: WatLike; bytes?: Uint8Array } }[] };
    const back = decodeScript(json) as unknown as { commands: typeof commands };
    expect(back.commands[0]).toEqual(commands[0]);
    expect(back.commands[1]).toEqual(commands[1]);
    expect(back.commands[2].module!.bytes).toEqual(commands[2].module!.bytes);
    const error = back.commands[4].module!.error!;
    expect([error.name, error.message, error.line, error.column]).toEqual([
      'WatError',
      commands[4].module!.error!.message,
      commands[4].module!.error!.line,
      commands[4].module!.error!.column,
    ]);
  });

  it('keeps where a script that does not parse failed', () => {
    const script = parseScript('(module', 'bad.wast');
    expect('parseError' in script).toBe(true);
    expect(decodeScript(encodeScript(script))).toEqual(script);
  });

  it('rejects base64 that is not base64', () => {
    expect(() => decodeScript('{"$bytes":"ab!="}')).toThrow(SyntaxError);
    expect(() => decodeScript('{"$bytes":"abc"}')).toThrow(SyntaxError);
  });
});
