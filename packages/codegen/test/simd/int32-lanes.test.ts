// Lane variables hold int32 values (README.md, "v128 as lanes"): a template whose JS arithmetic can leave the int32
// range must wrap its result, or a later signed compare of the lane (i32x4.lt_s, min_s, ...) reads the unwrapped
// number. A store wraps it, which is why the operator oracle (results stored to memory) did not see it: here each
// operator's result goes through i32x4.lt_s and i32x4.min_s before it is stored, against Node's WebAssembly.
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from '../harness.js';
import { rng, WA } from './oracle.js';

const OPS = [
  'i8x16.add',
  'i8x16.sub',
  'i8x16.add_sat_s',
  'i8x16.add_sat_u',
  'i8x16.sub_sat_s',
  'i8x16.sub_sat_u',
  'i8x16.min_s',
  'i8x16.min_u',
  'i8x16.max_s',
  'i8x16.max_u',
  'i8x16.avgr_u',
  'i8x16.eq',
  'i8x16.lt_u',
  'i8x16.gt_s',
  'i8x16.narrow_i16x8_s',
  'i8x16.narrow_i16x8_u',
  'i16x8.add',
  'i16x8.sub',
  'i16x8.mul',
  'i16x8.add_sat_s',
  'i16x8.add_sat_u',
  'i16x8.sub_sat_s',
  'i16x8.sub_sat_u',
  'i16x8.min_u',
  'i16x8.max_s',
  'i16x8.avgr_u',
  'i16x8.q15mulr_sat_s',
  'i16x8.extmul_low_i8x16_s',
  'i16x8.extmul_high_i8x16_u',
  'i16x8.narrow_i32x4_s',
  'i16x8.narrow_i32x4_u',
  'i16x8.lt_s',
  'i16x8.ge_u',
  'i32x4.add',
  'i32x4.sub',
  'i32x4.mul',
  'i32x4.min_u',
  'i32x4.max_u',
  'i32x4.dot_i16x8_s',
  'i32x4.extmul_low_i16x8_u',
  'i32x4.extmul_high_i16x8_s',
  'i64x2.add',
  'i64x2.sub',
  'i64x2.mul',
  'v128.and',
  'v128.or',
  'v128.xor',
  'v128.andnot',
];

const wat = `(module (memory (export "mem") 1)
  ${OPS.map(
    (op, k) => `(func (export "f${k}")
      (local $r v128)
      (local.set $r (${op} (v128.load (i32.const 16)) (v128.load (i32.const 32))))
      (v128.store (i32.const 48) (i32x4.lt_s (local.get $r) (v128.const i32x4 0 0 0 0)))
      (v128.store (i32.const 64) (i32x4.min_s (local.get $r) (v128.const i32x4 -1 -1 -1 -1)))
      (v128.store (i32.const 80) (i32x4.gt_s (${op} (v128.load (i32.const 16)) (v128.load (i32.const 32))) (v128.const i32x4 0 0 0 0))))`,
  ).join('\n')})`;

describe('lanes hold int32 values', () => {
  it('after every integer operator, as a signed compare sees them', () => {
    const bytes = parseWat(wat);
    const js = instantiateBytes(bytes, () => undefined);
    const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, any>;
    const random = rng(7);
    const edge = [0, -1, 0x7fffffff, -0x80000000, 0x7f7f7f7f, 0x80808080 | 0, 0x7fff7fff, 0x80008000 | 0];
    const memories = [new Int32Array(js.mem.buffer), new Int32Array(native.mem.buffer)];
    for (let round = 0; round < 40; round++) {
      const words = Array.from({ length: 8 }, (_, i) => (round < 8 ? edge[(round + i) % edge.length] : random() | 0));
      OPS.forEach((op, k) => {
        for (const m of memories) {
          m.set(words, 4);
          m.fill(0, 12, 24);
        }
        js[`f${k}`]();
        native[`f${k}`]();
        expect([...memories[0].subarray(12, 24)], `${op} on ${words}`).toEqual([...memories[1].subarray(12, 24)]);
      });
    }
  });
});
