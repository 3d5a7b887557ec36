// A v128 local set from a word shuffle of itself (`local.set $x (i8x16.shuffle 4 5 6 7 .. (local.get $x) ..)`, as
// clang writes BLAKE3's diagonalisation `wasm_i32x4_shuffle(b, b, 1, 2, 3, 0)`): the shuffle stays pending as the
// local's own lanes reordered, so the assignment back must not overwrite a lane it still has to read. Covers lane
// bits, a local also held as f32 numbers and one held only as numbers, through local.set and local.tee and around a
// loop; each case runs on the JS backend and on Node's WebAssembly over the same memory, bits compared.

import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from '../harness.js';
import { WA } from './oracle.js';

const WAT = `(module
  (memory (export "mem") 1)
  ;; lane bits: rotate left, rotate right, swap halves (local.tee), reverse
  (func (export "bits") (local $x v128)
    (local.set $x (v128.load (i32.const 0)))
    (local.set $x (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $x) (local.get $x)))
    (v128.store (i32.const 256) (local.get $x))
    (local.set $x (i8x16.shuffle 12 13 14 15 0 1 2 3 4 5 6 7 8 9 10 11 (local.get $x) (v128.load (i32.const 16))))
    (local.set $x (i8x16.shuffle 12 13 14 15 0 1 2 3 4 5 6 7 8 9 10 11 (local.get $x) (local.get $x)))
    (v128.store (i32.const 272)
      (local.tee $x (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))))
    (local.set $x (i8x16.shuffle 28 29 30 31 24 25 26 27 20 21 22 23 16 17 18 19
      (v128.load (i32.const 32)) (local.get $x)))
    (v128.store (i32.const 288) (local.get $x)))
  ;; a local read as numbers (f32x4.add) and as bits, rotated in place
  (func (export "dual") (local $v v128)
    (local.set $v (v128.load (i32.const 0)))
    (local.set $v (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $v) (local.get $v)))
    (v128.store (i32.const 256) (f32x4.add (local.get $v) (v128.load (i32.const 16))))
    (v128.store (i32.const 272) (local.get $v)))
  ;; a local only ever set from f32 results and read as numbers, rotated in place
  (func (export "nums") (local $f v128)
    (local.set $f (f32x4.mul (v128.load (i32.const 0)) (v128.load (i32.const 16))))
    (local.set $f (i8x16.shuffle 12 13 14 15 0 1 2 3 4 5 6 7 8 9 10 11 (local.get $f) (local.get $f)))
    (v128.store (i32.const 256) (f32x4.add (local.get $f) (v128.load (i32.const 32)))))
  ;; rotated every iteration of a loop and mixed into an accumulator, as BLAKE3's rounds do
  (func (export "loop") (param $n i32) (local $b v128) (local $a v128)
    (local.set $b (v128.load (i32.const 0)))
    (local.set $a (v128.load (i32.const 16)))
    (loop $l
      (local.set $a (i32x4.add (v128.xor (local.get $a) (local.get $b)) (i32x4.shl (local.get $a) (i32.const 3))))
      (local.set $b (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $b) (local.get $b)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (i32.const 256) (local.get $a))
    (v128.store (i32.const 272) (local.get $b)))
)`;

const bytes = parseWat(WAT);

const FILL = [
  [0x3fc00000, 0x40490fdb, 0xbf800000, 0x00000001],
  [0x00800000, 0x7f7fffff, 0x3eaaaaab, 0xc2c80000],
  [0x12345678, 0x3f800000, 0x9abcdef0, 0x40000000],
];

function run(name: string, options: { splitChars?: number }, arg?: number): { js: number[]; native: number[] } {
  const js = instantiateBytes(bytes, () => undefined, options);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [js.mem.buffer, (native.mem as { buffer: ArrayBuffer }).buffer].map((b) => new Int32Array(b, 0, 128));
  for (const m of mems) for (let v = 0; v < FILL.length; v++) for (let i = 0; i < 4; i++) m[4 * v + i] = FILL[v][i];
  js[name](arg);
  (native[name] as (n?: number) => void)(arg);
  const out = mems.map((m) => [...m.slice(64, 76)].map((x) => x >>> 0));
  return { js: out[0], native: out[1] };
}

describe.each([
  ['whole', {}],
  ['split', { splitChars: 120 }],
])('a v128 local set from a word shuffle of itself (%s functions)', (_, options) => {
  it('moves lane bits', () => {
    const r = run('bits', options);
    expect(r.native.slice(0, 4)).toEqual([0x40490fdb, 0xbf800000, 0x00000001, 0x3fc00000]);
    expect(r.js).toEqual(r.native);
  });
  it('moves a local also held as numbers', () => {
    const r = run('dual', options);
    expect(r.js.slice(0, 8)).toEqual(r.native.slice(0, 8));
  });
  it('moves a local held only as numbers', () => {
    const r = run('nums', options);
    expect(r.js.slice(0, 4)).toEqual(r.native.slice(0, 4));
  });
  it('rotates around a loop', () => {
    for (const n of [1, 2, 5]) {
      const r = run('loop', options, n);
      expect(r.js.slice(0, 8), `n = ${n}`).toEqual(r.native.slice(0, 8));
    }
  });
});
