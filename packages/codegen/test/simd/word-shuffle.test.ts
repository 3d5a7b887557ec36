// Word shuffles of a v128 local stay pending as the local's lanes reordered (src/translate.ts, `wordShuffle`);
// storing such a value back into the same local must not read a lane after writing it (BLAKE3's row rotations,
// `v = shuffle(v, v, 1, 2, 3, 0)`, computed a wrong hash when it did). Each pattern runs on the JS backend, whole
// and split into small pieces, and on Node's WebAssembly.

import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from '../harness.js';
import { WA } from './oracle.js';

const PATTERNS = [
  [1, 2, 3, 0],
  [3, 0, 1, 2],
  [0, 0, 0, 0],
  [2, 2, 2, 2],
  [3, 2, 1, 0],
  [0, 1, 2, 3],
  [1, 0, 3, 2],
  [0, 5, 2, 7],
];
const bytesOf = (w: number[]) => w.flatMap((x) => [4 * x, 4 * x + 1, 4 * x + 2, 4 * x + 3]).join(' ');
// per pattern: into the same local with local.set and local.tee, integer and f32 (the local then held as numbers)
const funcs = PATTERNS.map(
  (w, k) => `(func (export "s${k}") (local $v v128) (local $f v128)
    (local.set $v (v128.load (i32.const 0)))
    (local.set $v (i8x16.shuffle ${bytesOf(w)} (local.get $v) (local.get $v)))
    (v128.store (i32.const 256) (i32x4.add (local.get $v) (local.tee $v (i8x16.shuffle ${bytesOf(w)} (local.get $v) (local.get $v)))))
    (v128.store (i32.const 272) (local.get $v))
    (local.set $f (f32x4.mul (v128.load (i32.const 16)) (v128.load (i32.const 16))))
    (local.set $f (i8x16.shuffle ${bytesOf(w)} (local.get $f) (local.get $f)))
    (v128.store (i32.const 288) (f32x4.add (local.get $f) (v128.load (i32.const 16)))))`,
);
const bytes = parseWat(`(module (memory (export "mem") 1) ${funcs.join('\n')})`);

describe.each([
  ['whole', {}],
  ['split', { splitChars: 100 }],
])('word shuffles stored back into their local (%s functions)', (_, options) => {
  it.each(PATTERNS.map((w, k) => [w.join(','), k]))('pattern %s', (_w, k) => {
    const js = instantiateBytes(bytes, () => undefined, options);
    const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
    const mems = [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer];
    for (const m of mems) {
      new Int32Array(m, 0, 4).set([0x01020304, -0x0a0b0c0d, 0x7f000001, 0x11223344]);
      new Float32Array(m, 16, 4).set([1.5, -2.25, 3.125, 0.5]);
    }
    js[`s${k}`]();
    (native[`s${k}`] as () => void)();
    const [mine, theirs] = mems.map((m) => [...new Int32Array(m, 256, 12)]);
    expect(mine).toEqual(theirs);
  });
});
