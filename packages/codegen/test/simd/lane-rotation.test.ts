// A v128 local set from a word shuffle of itself, beside word-shuffle.test.ts (which covers locals held as bits only
// and as f32 numbers only): a local held both as bits and as numbers (read by f32x4.add and stored as it is), so
// the assignment back goes through its bits and then its numbers; and a rotation around a loop's back edge, as
// BLAKE3's rounds do (`b = wasm_i32x4_shuffle(b, b, 1, 2, 3, 0)`). Each case runs on the JS backend, whole and
// split, and on Node's WebAssembly over the same memory, bits compared.

import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from '../harness.js';
import { WA } from './oracle.js';

const WAT = `(module
  (memory (export "mem") 1)
  ;; a local read as numbers (f32x4.add) and as bits, rotated in place
  (func (export "dual") (local $v v128)
    (local.set $v (v128.load (i32.const 0)))
    (local.set $v (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $v) (local.get $v)))
    (v128.store (i32.const 256) (f32x4.add (local.get $v) (v128.load (i32.const 16))))
    (v128.store (i32.const 272) (local.get $v)))
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
  const out = mems.map((m) => [...m.slice(64, 72)].map((x) => x >>> 0));
  return { js: out[0], native: out[1] };
}

describe.each([
  ['whole', {}],
  ['split', { splitChars: 120 }],
])('a v128 local set from a word shuffle of itself (%s functions)', (_, options) => {
  it('moves a local also held as numbers', () => {
    // the case needs $v held both ways: its numbers l0f.. beside its bits l0..
    expect(instantiateBytes(bytes, () => undefined, options).$source as string).toMatch(/\bl0f\b/);
    const r = run('dual', options);
    expect(r.js).toEqual(r.native);
  });
  it('rotates around a loop', () => {
    for (const n of [1, 2, 5]) {
      const r = run('loop', options, n);
      expect(r.js, `n = ${n}`).toEqual(r.native);
    }
  });
});
