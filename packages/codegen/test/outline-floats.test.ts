// Floats handed over to and back from outlined runs (src/outline.ts, README.md "Outlining"): an f32/f64 local a run
// reads or assigns goes in or comes back through a Float64Array, not `H.O` (a heap number per value); a NaN kept as bits (environ's `NaNBits`, an
// object the array would turn into a plain NaN) comes back through `H.O` after a flag. Each function runs outlined
// (a small limit) against Node's WebAssembly, bit for bit: NaNs with payloads of both widths and signs, a
// signalling NaN, infinities whose sum is a NaN (the flag without a NaN), and plain values.

import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from './harness.js';
import { WA } from './simd/oracle.js';

/** `n` statements of f64 and f32 arithmetic on `$a` and `$b` (finite whatever `$k`). */
const arithmetic = (n: number) =>
  Array.from(
    { length: n },
    (_, k) =>
      `(local.set $a (f64.add (f64.mul (local.get $a) (f64.const 0.5)) (f64.const ${k + 0.25})))
       (local.set $b (f32.add (f32.mul (local.get $b) (f32.const 0.75)) (f32.convert_i32_s (local.get $k))))`,
  ).join('\n');

const WAT = `(module
  (memory (export "mem") 1)
  (func (export "f") (param $bits i64) (param $n i32)
    (local $a f64) (local $b f32) (local $c f64) (local $d f32) (local $i i32) (local $k i32) (local $e f64) (local $g f32)
    (local.set $a (f64.const 1.5))
    (local.set $b (f32.const 2.25))
    (loop $next
      (if (i32.ne (local.get $n) (i32.const 1000))
        (then
          ${arithmetic(12)}
          ;; the f32 of the previous iteration's second run, passed in
          (local.set $g (f32.neg (local.get $d)))
          (local.set $c (f64.reinterpret_i64 (local.get $bits)))
          (local.set $k (i32.add (local.get $k) (i32.const 3)))))
      (if (i32.ne (local.get $n) (i32.const 1001))
        (then
          ${arithmetic(12)}
          ;; the f64 of the first run, passed in
          (local.set $e (f64.neg (local.get $c)))
          (local.set $d (f32.reinterpret_i32 (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (f64.store (i32.const 0) (local.get $a))
    (f32.store (i32.const 8) (local.get $b))
    (f64.store (i32.const 16) (local.get $c))
    (f32.store (i32.const 24) (local.get $d))
    (f64.store (i32.const 32) (local.get $e))
    (f32.store (i32.const 40) (local.get $g))))`;
const bytes = parseWat(WAT);

describe('floats handed back by outlined runs', () => {
  it('come back through a Float64Array, bit for bit as Node WebAssembly computes them', () => {
    const js = instantiateBytes(bytes, () => undefined, { splitChars: 600 });
    const source = js.$source as string;
    expect(source).toMatch(/function f0\$[\w$]*o\d+\(/);
    // the run's floats are written to the array and read from it, and `H.O` only behind the flag
    expect(source).toMatch(/= new Float64Array\(\d+\)/);
    expect(source).toMatch(/hf\d+\[0\] = l\d+;/);
    expect(source).toMatch(/l\d+ = hf\d+\[0\];/);
    expect(source).toMatch(/if \(hf\d+\[\d+\] !== 0\) hf\d+\[\d+\] = 0, l\d+ = H\.O\[\d+\]/);
    // and the floats a run reads are passed in the same way, taken first thing in the run
    expect(source).toMatch(/^ *var l\d+ = hf\d+\[0\][^;]*; if \(hf\d+\[\d+\] !== 0\)/m);
    const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, any>;
    const cases: [bigint, number][] = [
      [0x3ff8000000000000n, 3], // 1.5, and f32 1.9375 from the high word
      [0x7ff4000000000123n, 2], // a signalling f64 NaN with a payload; the high word a signalling f32 NaN
      [0xfff8000000000abcn, 1], // a negative quiet NaN with a payload; f32 -NaN with a payload
      [0x7ff8000000000000n, 4], // the canonical NaN (a number): the f32 word 0x7ff80000, a NaN with a payload
      [0x7ff0000000000000n, 2], // +infinity; the f32 word a NaN with a payload
      [0xff80000000000000n, 2], // a negative f64 with an f32 -infinity: sums to a NaN, no NaN handed back
      [0x7f800000fff00000n, 2], // f32 +infinity, f64 NaN with a payload
      [0x0000000000000001n, 5], // the smallest denormal
    ];
    const jm = new Uint8Array(js.mem.buffer, 0, 48);
    const nm = new Uint8Array(native.mem.buffer, 0, 48);
    for (const [bits, n] of cases) {
      jm.fill(0);
      nm.fill(0);
      js.f(bits, n);
      native.f(bits, n);
      expect([...jm], `f(0x${bits.toString(16)}, ${n})`).toEqual([...nm]);
    }
    // the last case after NaNs: nothing left behind the flag
    js.f(0x4000000000000000n, 2);
    native.f(0x4000000000000000n, 2);
    expect([...jm]).toEqual([...nm]);
  });
});
