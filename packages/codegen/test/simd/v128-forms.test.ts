// A v128 local held as lane bits and as f32 numbers converts at a write only to the form something still reads
// (src/v128-forms.ts, README.md "v128 as lanes"). Each case writes such a local in one form and reads the other one
// after a branch, a loop's back edge, a br_table or an if's arm, or never; it runs on the JS backend (whole and split
// into small pieces) and on Node's WebAssembly over the same memory, and the stores must be bit-identical (the inputs
// are finite, so no arithmetic makes a NaN; a signalling NaN that only moves keeps its payload).

import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../src/index.js';
import { instantiateBytes } from '../harness.js';
import { WA } from './oracle.js';

// memory: inputs at 0, 16, 32, 48; outputs from 256
const WAT = `(module
  (memory (export "mem") 1)
  ;; mandelbrot's shape: $z read as bits once before the loop (copied to $w), then written as numbers in the loop and
  ;; read only as numbers there and after it: no conversion to bits in the loop
  (func (export "iterate") (param $n i32) (local $z v128) (local $w v128)
    (local.set $z (v128.load (i32.const 0)))
    (local.set $w (local.get $z))
    (loop $l
      (local.set $z (f32x4.add (f32x4.mul (local.get $z) (v128.load (i32.const 16))) (local.get $w)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (i32.const 256) (f32x4.mul (local.get $z) (local.get $w))))
  ;; the same, but the bits are read after the loop: the loop's last write must convert
  (func (export "iterateBits") (param $n i32) (local $z v128) (local $w v128)
    (local.set $z (v128.load (i32.const 0)))
    (local.set $w (local.get $z))
    (loop $l
      (local.set $z (f32x4.add (f32x4.mul (local.get $z) (v128.load (i32.const 16))) (local.get $w)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (i32.const 256) (local.get $z))
    (v128.store (i32.const 272) (f32x4.neg (local.get $z))))
  ;; bits read at the top of the loop body, before the write: live around the back edge
  (func (export "backEdge") (param $n i32) (local $z v128)
    (local.set $z (v128.load (i32.const 0)))
    (loop $l
      (v128.store (i32.const 256) (i32x4.add (local.get $z) (v128.load (i32.const 256))))
      (local.set $z (f32x4.mul (local.get $z) (v128.load (i32.const 16))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (i32.const 272) (f32x4.add (local.get $z) (local.get $z))))
  ;; written as bits in the loop, read as numbers in the next iteration only
  (func (export "nextIteration") (param $n i32) (local $z v128)
    (local.set $z (v128.load (i32.const 0)))
    (loop $l
      (v128.store (i32.const 256) (f32x4.add (local.get $z) (v128.load (i32.const 256))))
      (local.set $z (v128.xor (local.get $z) (v128.load (i32.const 48))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (i32.const 272) (local.get $z)))
  ;; a br_if out of a block to a bits read, a br_table whose targets read either form, an if whose arms write
  ;; different forms
  (func (export "branches") (param $k i32) (local $z v128)
    (local.set $z (v128.load (i32.const 0)))
    (block $b
      (local.set $z (f32x4.sub (local.get $z) (v128.load (i32.const 16))))
      (br_if $b (i32.eq (local.get $k) (i32.const 0)))
      (local.set $z (f32x4.mul (local.get $z) (local.get $z))))
    (v128.store (i32.const 256) (local.get $z))
    (local.set $z (f32x4.add (local.get $z) (v128.load (i32.const 32))))
    (block $x (block $y (block $v
      (br_table $x $y $v (local.get $k)))
      ;; $v: numbers
      (v128.store (i32.const 272) (f32x4.mul (local.get $z) (local.get $z)))
      (return))
      ;; $y: bits
      (v128.store (i32.const 272) (local.get $z))
      (return))
    ;; $x: an if writing bits in one arm and numbers in the other, then both forms read
    (if (i32.and (local.get $k) (i32.const 1))
      (then (local.set $z (v128.load (i32.const 48))))
      (else (local.set $z (f32x4.div (local.get $z) (v128.load (i32.const 16))))))
    (v128.store (i32.const 288) (local.get $z))
    (v128.store (i32.const 304) (f32x4.sub (local.get $z) (v128.load (i32.const 32)))))
  ;; nested loops: the inner loop writes numbers, the outer one reads bits at its top
  (func (export "nested") (param $n i32) (local $z v128) (local $i i32)
    (local.set $z (v128.load (i32.const 0)))
    (loop $outer
      (v128.store (i32.const 256) (v128.or (local.get $z) (v128.load (i32.const 256))))
      (local.set $i (i32.const 3))
      (loop $inner
        (local.set $z (f32x4.mul (local.get $z) (v128.load (i32.const 16))))
        (br_if $inner (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
      (br_if $outer (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (i32.const 272) (f32x4.neg (local.get $z))))
  ;; a signalling NaN kept in the bits form while the numbers are computed from it and written back
  (func (export "payload") (local $z v128)
    (local.set $z (v128.load (i32.const 48)))
    (v128.store (i32.const 256) (local.get $z))
    (local.set $z (f32x4.abs (f32x4.mul (local.get $z) (v128.load (i32.const 16)))))
    (v128.store (i32.const 272) (f32x4.add (local.get $z) (local.get $z)))
    (local.set $z (v128.load (i32.const 48)))
    (v128.store (i32.const 288) (local.get $z))
    (v128.store (i32.const 304) (f32x4.add (local.get $z) (local.get $z))))
)`;

const bytes = parseWat(WAT);

const INPUTS: number[][] = [
  [0.5, -1.25, 3, 1e-3],
  [0.75, 1.5, -0.5, 2],
  [2, -3, 0.125, 1e6],
];
/** The bits of the fourth input vector: a signalling NaN, a quiet one with a payload, a denormal, -0. */
const BITS = [0x7fa00001, 0xffc01234, 0x00000003, 0x80000000];

function run(name: string, arg: number | undefined, options: { splitChars?: number }) {
  const js = instantiateBytes(bytes, () => undefined, options);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  for (const buf of [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer]) {
    const f = new Float32Array(buf, 0, 12);
    INPUTS.forEach((v, k) => f.set(v, 4 * k));
    new Int32Array(buf, 48, 4).set(BITS);
  }
  js[name](arg);
  (native[name] as (n?: number) => void)(arg);
  return {
    js: [...new Int32Array(js.mem.buffer, 256, 16)].map((x) => x >>> 0),
    native: [...new Int32Array((native.mem as { buffer: ArrayBuffer }).buffer, 256, 16)].map((x) => x >>> 0),
  };
}

const isNaNBits = (x: number) => (x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0;

describe.each([
  ['whole', {}],
  ['split', { splitChars: 120 }],
])('v128 local forms converted only where read (%s functions)', (_, options) => {
  const cases: [string, number[]][] = [
    ['iterate', [1, 2, 7]],
    ['iterateBits', [1, 2, 7]],
    ['backEdge', [1, 3]],
    ['nextIteration', [1, 4]],
    ['branches', [0, 1, 2, 3]],
    ['nested', [1, 3]],
  ];
  for (const [name, args] of cases)
    for (const arg of args)
      it(`${name}(${arg})`, () => {
        const r = run(name, arg, options);
        expect(r.js).toEqual(r.native);
      });
  it('keeps a payload moved as bits while the numbers are computed (arithmetic NaNs may differ)', () => {
    const r = run('payload', undefined, options);
    expect(r.js.slice(0, 4)).toEqual(BITS.map((x) => x >>> 0));
    expect(r.js.slice(8, 12)).toEqual(BITS.map((x) => x >>> 0));
    for (const i of [4, 5, 6, 7, 12, 13, 14, 15])
      if (isNaNBits(r.native[i])) expect(isNaNBits(r.js[i]), `lane ${i}`).toBe(true);
      else expect(r.js[i], `lane ${i}`).toBe(r.native[i]);
  });
});

describe('v128 local forms: the conversions left out', () => {
  const source = compileModule(decodeModule(bytes)).source;
  const body = (name: number) => {
    const start = source.indexOf(`function f${name}(`);
    return source.slice(start, source.indexOf('\n}\n', start));
  };
  it('a loop writing numbers that only numbers read converts nothing to bits', () => {
    expect(body(0)).not.toMatch(/l1 = hv\d+\(l1f\)/);
  });
  it('converts where bits are read later: after the loop, around a back edge, at branch targets', () => {
    expect(body(1)).toMatch(/l1 = hv\d+\(l1f\)/);
    expect(body(2)).toMatch(/l1 = hv\d+\(l1f\)/);
    expect(body(4)).toMatch(/l1 = hv\d+\(l1f\)/);
    expect(body(5)).toMatch(/l1 = hv\d+\(l1f\)/);
  });
});
