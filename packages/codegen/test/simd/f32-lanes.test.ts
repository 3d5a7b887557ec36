// f32x4 lanes held as numbers across loads, stores and locals (README.md, "v128 as lanes"): a `v128.load` read
// by an f32 operator reads f32 numbers, a v128 local read by f32 operators is also held as numbers (`l<i>f`..),
// an f32 result is stored with `setFloat32`. Each case runs on the JS backend and on Node's WebAssembly over the
// same memory; results must be bit-identical, except that a NaN from arithmetic may be any quiet NaN. Bits that
// only move (a local read as bits, a plain load and store) must keep a signalling NaN's payload.

import { parseWat } from '@wasmts/wat';
import { beforeAll, describe, expect, it } from 'vitest';
import { instantiateBytes } from '../harness.js';
import { WA } from './oracle.js';

const WAT = `(module
  (memory (export "mem") 1)
  ;; a local read as numbers (f32x4.mul) and as bits (stored as it is)
  (func (export "dual") (local $v v128)
    (local.set $v (v128.load (i32.const 0)))
    (v128.store (i32.const 256) (f32x4.mul (local.get $v) (local.get $v)))
    (v128.store (i32.const 272) (local.get $v)))
  ;; a local only read as numbers, set from a load and from an f32 result, in a loop
  (func (export "acc") (param $n i32) (local $a v128) (local $k v128)
    (local.set $k (v128.load (i32.const 16)))
    (local.set $a (v128.load (i32.const 0)))
    (loop $l
      (local.set $a (f32x4.add (f32x4.mul (local.get $a) (local.get $k)) (v128.load (i32.const 32))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (i32.const 256) (local.get $a)))
  ;; an f32 result kept in a local and read as bits (i32x4.add) and as numbers (f32x4.sub)
  (func (export "mixed") (local $r v128)
    (local.set $r (f32x4.div (v128.load (i32.const 0)) (v128.load (i32.const 16))))
    (v128.store (i32.const 256) (i32x4.add (local.get $r) (v128.load (i32.const 32))))
    (v128.store (i32.const 272) (f32x4.sub (local.get $r) (local.get $r))))
  ;; local.tee of numbers, a parameter read as numbers, constants folded to numbers
  (func $p (param $x v128) (result v128)
    (f32x4.add (local.get $x) (v128.const f32x4 1.5 -0 0x1p-149 -inf)))
  (func (export "param") (local $t v128)
    (v128.store (i32.const 256)
      (call $p (local.tee $t (f32x4.mul (v128.load (i32.const 0)) (v128.load (i32.const 16))))))
    (v128.store (i32.const 272) (f32x4.neg (local.get $t))))
  ;; word shuffles of a local (splats, as clang writes wasm_i32x4_shuffle) read as numbers and as bits
  (func (export "shuf") (local $p v128)
    (local.set $p (v128.load (i32.const 0)))
    (v128.store (i32.const 256)
      (f32x4.mul (i8x16.shuffle 8 9 10 11 8 9 10 11 8 9 10 11 8 9 10 11 (local.get $p) (local.get $p))
        (v128.load (i32.const 16))))
    (v128.store (i32.const 272)
      (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $p) (v128.load (i32.const 16))))
    (v128.store (i32.const 288)
      (i8x16.shuffle 0 1 2 3 20 21 22 23 8 9 10 11 28 29 30 31
        (f32x4.add (local.get $p) (v128.load (i32.const 32))) (f32x4.sqrt (v128.load (i32.const 16)))))
    (v128.store (i32.const 304)
      (f32x4.sub (i8x16.shuffle 12 13 14 15 12 13 14 15 0 1 2 3 4 5 6 7
        (v128.load (i32.const 32)) (local.get $p)) (local.get $p))))
  ;; splats of a scalar f32 and of a loaded one, read as numbers and moved as bits
  (func (export "splat")
    (v128.store (i32.const 256) (f32x4.mul (f32x4.splat (f32.load (i32.const 4))) (v128.load (i32.const 16))))
    (v128.store (i32.const 272) (f32x4.splat (f32.load (i32.const 4))))
    (v128.store (i32.const 288) (f32x4.add (v128.load32_splat (i32.const 8)) (v128.load (i32.const 32))))
    (v128.store (i32.const 304) (v128.load32_splat (i32.const 8))))
  ;; vectors gathered from f32 scalars (a splat, a load32_splat or load32_zero, then replacements), read as numbers
  ;; and moved as bits; a replacement in an f32 result, read as numbers and as bits
  (func (export "gather")
    (v128.store (i32.const 256)
      (f32x4.mul
        (f32x4.replace_lane 3 (f32x4.replace_lane 2 (f32x4.replace_lane 1 (v128.load32_splat (i32.const 0))
          (f32.load (i32.const 20))) (f32.load (i32.const 40))) (f32.load (i32.const 12)))
        (v128.load (i32.const 16))))
    (v128.store (i32.const 272)
      (f32x4.replace_lane 3 (f32x4.replace_lane 1 (v128.load32_zero (i32.const 4)) (f32.load (i32.const 36)))
        (f32.load (i32.const 24))))
    (v128.store (i32.const 288)
      (f32x4.add
        (f32x4.replace_lane 0 (f32x4.mul (v128.load (i32.const 0)) (v128.load (i32.const 16))) (f32.load (i32.const 8)))
        (v128.load (i32.const 32))))
    (v128.store (i32.const 304)
      (f32x4.replace_lane 2 (f32x4.sub (v128.load (i32.const 0)) (v128.load (i32.const 16))) (f32.load (i32.const 44)))))
  ;; load64_zero read as numbers and as bits; a replacement in a splat; lanes extracted from f32 results and loads
  (func (export "gather2")
    (v128.store (i32.const 256) (f32x4.add (v128.load64_zero (i32.const 8)) (v128.load (i32.const 16))))
    (v128.store (i32.const 272) (v128.load64_zero (i32.const 24)))
    (v128.store (i32.const 288)
      (f32x4.mul (f32x4.replace_lane 0 (f32x4.splat (f32.load (i32.const 4))) (f32.load (i32.const 28)))
        (v128.load (i32.const 32))))
    (f32.store (i32.const 304) (f32x4.extract_lane 1 (f32x4.mul (v128.load (i32.const 0)) (v128.load (i32.const 16)))))
    (f32.store (i32.const 308) (f32x4.extract_lane 2 (v128.load (i32.const 0))))
    (f32.store (i32.const 312) (f32x4.extract_lane 3 (f32x4.add (v128.load (i32.const 0)) (v128.load (i32.const 16)))))
    (f32.store (i32.const 316)
      (f32.add (f32x4.extract_lane 0 (f32x4.mul (v128.load (i32.const 16)) (v128.load (i32.const 32))))
        (f32.const 1))))
  ;; a local held as bits and as numbers whose bits are read only after its second write: the first write (a load)
  ;; goes in as numbers alone, the second as bits and numbers
  (func (export "reuse") (local $v v128)
    (local.set $v (v128.load (i32.const 0)))
    (v128.store (i32.const 256) (f32x4.mul (local.get $v) (local.get $v)))
    (local.set $v (f32x4.replace_lane 2 (v128.load (i32.const 16)) (f32.load (i32.const 40))))
    (v128.store (i32.const 272) (local.get $v))
    (v128.store (i32.const 288) (f32x4.add (local.get $v) (v128.load (i32.const 32)))))
  ;; a load moved as bits (no f32 operator): the payload stays
  (func (export "copy")
    (v128.store (i32.const 256) (v128.load (i32.const 0))))
  ;; a load both stored as bits and, through a local, read as numbers
  (func (export "both") (local $v v128)
    (local.set $v (v128.load (i32.const 0)))
    (v128.store (i32.const 256) (f32x4.sqrt (f32x4.abs (local.get $v))))
    (block (v128.store (i32.const 272) (local.get $v)))
    (v128.store (i32.const 288) (f32x4.min (local.get $v) (v128.load (i32.const 16)))))
)`;

const bytes = parseWat(WAT);

/** Lane values (as f32 bit patterns) to run each case on: signalling and quiet NaNs, infinities, zeros, denormals. */
const INPUTS: number[][] = [
  [0x3fc00000, 0x40490fdb, 0xbf800000, 0x00000001],
  [0x7fa00001, 0xffc00000, 0x7f800000, 0x80000000],
  [0x00800000, 0x7f7fffff, 0x3eaaaaab, 0xc2c80000],
  [0x7f800001, 0x3f800000, 0xff800000, 0x00000000],
];

function isNaNBits(x: number): boolean {
  return (x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0;
}

/** Compile options of the JS side: as is, and with every function split into small pieces (locals passed on). */
let options: { splitChars?: number } = {};

function run(name: string, fill: number[][], arg?: number): { js: Int32Array; native: Int32Array } {
  const js = instantiateBytes(bytes, () => undefined, options);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [
    new Int32Array(js.mem.buffer, 0, 128),
    new Int32Array((native.mem as { buffer: ArrayBuffer }).buffer, 0, 128),
  ];
  for (const m of mems) for (let v = 0; v < fill.length; v++) for (let i = 0; i < 4; i++) m[4 * v + i] = fill[v][i];
  js[name](arg);
  (native[name] as (n?: number) => void)(arg);
  return {
    js: new Int32Array(js.mem.buffer, 256, 16).slice(),
    native: new Int32Array((native.mem as { buffer: ArrayBuffer }).buffer, 256, 16).slice(),
  };
}

/** Compares results: equal bits, or both NaN with ours quiet where `arith` says the lane is an arithmetic result. */
function expectSame(r: { js: Int32Array; native: Int32Array }, arith: (lane: number) => boolean): void {
  for (let i = 0; i < 16; i++) {
    const [a, b] = [r.js[i], r.native[i]];
    if (arith(i) && isNaNBits(a) && isNaNBits(b)) expect(a & 0x400000, `lane ${i} quiet`).not.toBe(0);
    else expect(a >>> 0, `lane ${i}`).toBe(b >>> 0);
  }
}

describe.each([
  ['whole', {}],
  ['split', { splitChars: 120 }],
])('f32 lanes as numbers (%s functions)', (_, opts) => {
  beforeAll(() => {
    options = opts;
  });
  for (let k = 0; k < INPUTS.length; k++) {
    const fill = [INPUTS[k], INPUTS[(k + 1) % 4], INPUTS[(k + 2) % 4]];
    it(`dual local, input ${k}`, () => expectSame(run('dual', fill), (i) => i < 4));
    it(`accumulator, input ${k}`, () => expectSame(run('acc', fill, 5), () => true));
    it(`mixed uses, input ${k}`, () => expectSame(run('mixed', fill), (i) => i >= 4));
    it(`tee and parameter, input ${k}`, () => expectSame(run('param', fill), (i) => i < 8));
    it(`copy keeps payloads, input ${k}`, () => expectSame(run('copy', fill), () => false));
    it(`word shuffles, input ${k}`, () => expectSame(run('shuf', fill), (i) => i < 4 || i >= 8));
    it(`splats, input ${k}`, () => expectSame(run('splat', fill), (i) => i < 4 || (i >= 8 && i < 12)));
    it(`load as bits and numbers, input ${k}`, () => expectSame(run('both', fill), (i) => i < 4 || i >= 8));
    it(`a local's dead bits, input ${k}`, () => expectSame(run('reuse', fill), (i) => i < 4 || i >= 8));
    it(`gathers, input ${k}`, () => expectSame(run('gather', fill), (i) => i < 4 || (i >= 8 && i !== 14)));
    it(`zero loads, splat replacements, extracts, input ${k}`, () =>
      expectSame(run('gather2', fill), (i) => i < 4 || (i >= 8 && i !== 13)));
  }
  it('keeps a signalling NaN moved through a local read as numbers', () => {
    const r = run('dual', [[0x7fa00001, 0xff800001, 0x7fbfffff, 0x3f800000]]);
    expect([...r.js.slice(4, 8)].map((x) => x >>> 0)).toEqual([0x7fa00001, 0xff800001, 0x7fbfffff, 0x3f800000]);
  });
  it('converts nothing in a gather that f32 operators read, nor in a lane extracted from an f32 result', () => {
    const wat = `(module (memory 1)
      (func (export "f") (result f32)
        (v128.store (i32.const 256)
          (f32x4.mul (f32x4.replace_lane 1 (v128.load32_zero (i32.const 0)) (f32.load (i32.const 8)))
            (f32x4.replace_lane 2 (f32x4.splat (f32.load (i32.const 4))) (f32.load (i32.const 12)))))
        (f32x4.extract_lane 3 (f32x4.add (v128.load (i32.const 16)) (v128.load32_splat (i32.const 32))))))`;
    const src = instantiateBytes(parseWat(wat), () => undefined, options).$source as string;
    // no call of a hoisted helper (`hv<k>`: f32Bits, fv, fb, f32FromBits are the only ones this code could need)
    expect(src).toMatch(/getFloat32/);
    expect(src).not.toMatch(/\bhv\d+\(/);
  });
  it('holds such locals as numbers and reads loads as numbers', () => {
    const src = instantiateBytes(bytes, () => undefined, options).$source as string;
    expect(src).toMatch(/getFloat32/);
    expect(src).toMatch(/setFloat32/);
    expect(src).toMatch(/\bl1f\b/);
  });
});
