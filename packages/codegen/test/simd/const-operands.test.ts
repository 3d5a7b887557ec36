// v128 operators with a constant operand, whose masks and tables the JS backend folds at compile time (the 8- and
// 16-bit compares and min/max of src/lanes.ts, `i8x16.swizzle` with a hoisted table per constant first operand),
// against Node's WebAssembly: the oracle test loads every operand from memory, so it never sees a constant.
// (`i8x16.relaxed_swizzle` shares the swizzle template; Node 20's WebAssembly has no relaxed SIMD.)

import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from '../harness.js';
import { rng, WA } from './oracle.js';

const CONST = 'v128.const i8x16 0 1 2 0x7f 0x80 0x81 0xfe 0xff 0x41 0x5a 0x20 10 0x30 0x39 0x22 0x5c';
const OPS = [
  'i8x16.lt_s',
  'i8x16.lt_u',
  'i8x16.gt_s',
  'i8x16.gt_u',
  'i8x16.le_s',
  'i8x16.le_u',
  'i8x16.ge_s',
  'i8x16.ge_u',
  'i16x8.lt_s',
  'i16x8.lt_u',
  'i16x8.gt_s',
  'i16x8.gt_u',
  'i16x8.le_s',
  'i16x8.le_u',
  'i16x8.ge_s',
  'i16x8.ge_u',
  'i8x16.min_s',
  'i8x16.min_u',
  'i8x16.max_s',
  'i8x16.max_u',
  'i16x8.min_s',
  'i16x8.min_u',
  'i16x8.max_s',
  'i16x8.max_u',
  'i8x16.swizzle',
];

// per operator: the constant first and second, the same constant on both sides, and a table set at run time
const funcs = OPS.flatMap((op, k) => [
  `(func (export "a${k}") (v128.store (i32.const 256) (${op} (${CONST}) (v128.load (i32.const 0)))))`,
  `(func (export "b${k}") (v128.store (i32.const 256) (${op} (v128.load (i32.const 0)) (${CONST}))))`,
  `(func (export "c${k}") (v128.store (i32.const 256) (${op} (${CONST}) (${CONST}))))`,
]);
const bytes = parseWat(`(module (memory (export "mem") 1) ${funcs.join('\n')})`);

describe('v128 operators with a constant operand', () => {
  const js = instantiateBytes(bytes, () => undefined);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer];
  const next = rng(7);
  const inputs: number[][] = [
    [0, -1, 0x7f7f7f7f, -0x80808081],
    [0x01020304, 0x80ff7f00, 0x5a412039, 0x225c0a30],
    ...Array.from({ length: 16 }, () => [next(), next(), next(), next()]),
  ];
  OPS.forEach((op, k) => {
    it(op, () => {
      for (const v of inputs)
        for (const f of ['a', 'b', 'c']) {
          for (const m of mems) new Int32Array(m, 0, 4).set(v);
          js[`${f}${k}`]();
          (native[`${f}${k}`] as () => void)();
          const [mine, theirs] = mems.map((m) => [...new Int32Array(m, 256, 4)]);
          expect(mine, `${f} ${v}`).toEqual(theirs);
        }
    });
  });
});
