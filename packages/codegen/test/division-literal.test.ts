// i32 division and remainder by a literal divisor (src/numeric.ts): the zero test is not written (nor the overflow
// test of `div_s`, unless the divisor is -1), and unsigned division and remainder by a power of two are a shift and a
// mask. Every form against Node's WebAssembly on the edges of the int32 range; a literal 0 and -1 keep their traps.

import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';
import { instantiateBytes } from './harness.js';

const WA = (globalThis as { WebAssembly?: any }).WebAssembly;
const DIVISORS = [1, 2, 8, 3, 12, -12, -1, 0x40000000, -0x80000000, 0x7fffffff, -7, 65536, 0];
const OPS = ['div_s', 'div_u', 'rem_s', 'rem_u'];
const funcs = OPS.flatMap((op) =>
  DIVISORS.map(
    (d, k) =>
      `(func (export "${op}${k}") (param i32) (result i32) (i32.add (i32.const 5) (i32.${op} (local.get 0) (i32.const ${d}))))`,
  ),
);
const bytes = parseWat(`(module ${funcs.join('\n')})`);
const INPUTS = [
  0, 1, -1, 7, -7, 12, -12, 100, -100, 0x7fffffff, -0x80000000, -0x7fffffff, 0x40000001, 123456789, -987654321,
];

/** The function's result, or the trap's message. */
const outcome = (f: (x: number) => number, x: number): number | string => {
  try {
    return f(x);
  } catch (e) {
    const m = (e as Error).message;
    return /zero/.test(m) ? 'zero' : /overflow|unrepresentable/.test(m) ? 'overflow' : m;
  }
};

describe('i32 division by a literal', () => {
  it('drops the zero test for a non-zero literal and shifts or masks by a power of two', () => {
    const source = compileModule(decodeModule(bytes)).source;
    expect(source).toContain('>>> 3)'); // div_u by 8
    expect(source).toContain('& 7)'); // rem_u by 8
    expect(source).toContain('& 2147483647)'); // rem_u by 2^31
    // the traps that remain: div_u/rem_u/div_s/rem_s by 0, and div_s by -1 (overflow)
    expect(source.match(/=== 0 \? rt\.trap/g)?.length).toBe(4 + 1);
  });

  it.skipIf(WA === undefined)('gives what WebAssembly gives, traps included', () => {
    const js = instantiateBytes(bytes, () => undefined);
    const native = new WA.Instance(new WA.Module(bytes)).exports;
    for (const op of OPS)
      for (let k = 0; k < DIVISORS.length; k++)
        for (const x of INPUTS) {
          const name = `${op}${k}`;
          expect(outcome(js[name], x), `${name} (${DIVISORS[k]}) of ${x}`).toBe(outcome(native[name], x));
        }
  });
});
