// The inline forms of src/numeric.ts's float operators whose helper is only for the rare case (`floatBits`: abs
// and neg of f32 and f64; `truncI32`: the trapping i32 truncations; f32.reinterpret_i32 and i32.reinterpret_f32
// through scratch words): bit-exact against Node's WebAssembly on zeros, infinities, NaNs with payloads (quiet and
// signalling, both signs), denormals and the edges of every truncation's range, traps included.

import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from './harness.js';

const WA = (globalThis as { WebAssembly?: any }).WebAssembly;

const bits32 = (op: string) =>
  `(func (export "${op}32") (param i32) (result i32) (i32.reinterpret_f32 (f32.${op} (f32.reinterpret_i32 (local.get 0)))))`;
const bits64 = (op: string) =>
  `(func (export "${op}64") (param i64) (result i64) (i64.reinterpret_f64 (f64.${op} (f64.reinterpret_i64 (local.get 0)))))`;
const TRUNCS = ['i32.trunc_f32_s', 'i32.trunc_f32_u', 'i32.trunc_f64_s', 'i32.trunc_f64_u'];
const trunc = (op: string) =>
  `(func (export "${op}") (param ${op.endsWith('f32_s') || op.endsWith('f32_u') ? 'f32' : 'f64'}) (result i32) (${op} (local.get 0)))`;
const bytes = parseWat(
  `(module
    ${bits32('neg')} ${bits32('abs')} ${bits64('neg')} ${bits64('abs')}
    (func (export "copy32") (param i32) (result i32) (i32.reinterpret_f32 (f32.reinterpret_i32 (local.get 0))))
    ${TRUNCS.map(trunc).join('\n')})`,
);

const F32_BITS = [
  0, 0x80000000, 1, 0x807fffff, 0x3f800000, 0xbfc00000, 0x7f7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
  0x7fa00001, 0xffa00001, 0x7fffffff,
].map((b) => b | 0);
const F64_BITS = [
  0n,
  1n << 63n,
  1n,
  0x3ff0000000000000n,
  0xbff8000000000000n,
  0x7ff0000000000000n,
  0xfff0000000000000n,
  0x7ff8000000000000n,
  0xfff8000000000001n,
  0x7ff4000000000000n,
  0xfff4000000000abcn,
].map((b) => BigInt.asIntN(64, b));
const TRUNC_INPUTS = [
  0,
  -0,
  0.5,
  -0.9,
  -1,
  1.5,
  255.99,
  2147483647,
  2147483647.9,
  2147483648,
  -2147483648,
  -2147483648.9,
  -2147483649,
  4294967295,
  4294967295.9,
  4294967296,
  1e10,
  -1e10,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  16777216,
  -16777217,
];

/** The function's result, or 'trap' (V8 words a NaN's trap as an overflow's; the spec suite checks the kinds). */
const outcome = (f: (x: unknown) => unknown, x: unknown): unknown => {
  try {
    return f(x);
  } catch (e) {
    const m = (e as Error).message;
    return /invalid conversion|overflow|unrepresentable/i.test(m) ? 'trap' : m;
  }
};

describe('float operators inline, helpers for the rare case', () => {
  it.skipIf(WA === undefined)('keep every bit and trap as WebAssembly does', () => {
    const js = instantiateBytes(bytes, () => undefined);
    const native = new WA.Instance(new WA.Module(bytes)).exports;
    for (const name of ['neg32', 'abs32', 'copy32'])
      for (const b of F32_BITS) expect(js[name](b), `${name} of ${b >>> 0}`).toBe(native[name](b));
    for (const name of ['neg64', 'abs64'])
      for (const b of F64_BITS) expect(js[name](b), `${name} of ${b}`).toBe(native[name](b));
    // f32 operands as f32 values (the JS backend's exports take an f32 argument as it comes, unrounded)
    for (const name of TRUNCS)
      for (const v of TRUNC_INPUTS) {
        const x = name.includes('f32') ? Math.fround(v) : v;
        expect(outcome(js[name], x), `${name} of ${x}`).toBe(outcome(native[name], x));
      }
  });

  it('reads the operand once, through the temporary `mf` the function declares', () => {
    const js = instantiateBytes(bytes, () => undefined);
    expect(js.neg32(0x3f800000)).toBe(0xbf800000 | 0);
    expect(outcome(js['i32.trunc_f64_u'], -1)).toBe('trap');
    expect(js['i32.trunc_f64_u'](-0.5)).toBe(0);
  });
});
