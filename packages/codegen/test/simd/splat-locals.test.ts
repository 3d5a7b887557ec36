// v128 locals that only ever hold splats (README.md, "v128 as lanes"): held as one variable per form (`l<i>`, and
// `l<i>f` when f32 operators read them), read as that atom four times. Each case runs on the JS backend and on
// Node's WebAssembly over the same memory, filled from oracle.ts's seeded generator and from NaN patterns; results
// must be bit-identical, except that a NaN from arithmetic may be any quiet NaN. A splat moved as bits keeps a
// signalling NaN's payload. A local given a splat and, on some path, a value that is not one is held as four lanes.

import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from '../harness.js';
import { rng, WA } from './oracle.js';

const WAT = `(module
  (memory (export "mem") 1)
  ;; a filter with splatted taps (clang's wasm_f32x4_splat of a loaded lane, f32x4.splat, load32_splat), read by
  ;; f32 operators in a loop and stored as bits after it
  (func (export "taps") (param $n i32) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $acc v128)
    (local.set $t0 (i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 (v128.load (i32.const 0)) (v128.load (i32.const 0))))
    (local.set $t1 (f32x4.splat (f32.load (i32.const 24))))
    (local.set $t2 (v128.load32_splat (i32.const 40)))
    (local.set $acc (v128.load (i32.const 16)))
    (loop $l
      (local.set $acc
        (f32x4.add (f32x4.mul (local.get $acc) (local.get $t0))
          (f32x4.add (f32x4.mul (v128.load (i32.const 32)) (local.get $t1)) (local.get $t2))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (i32.const 256) (local.get $acc))
    (v128.store (i32.const 272) (local.get $t0))
    (v128.store (i32.const 288) (local.get $t2))
    (v128.store (i32.const 304) (f32x4.sub (local.get $t1) (local.get $t0))))
  ;; integer splats (i32x4, i16x8, i8x16, a byte shuffle, load8/16_splat) in locals, read by integer operators and
  ;; by f32 operators, teed and copied into other locals
  (func (export "ints") (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $e v128)
    (local.set $a (i32x4.splat (i32.load (i32.const 4))))
    (local.set $b (i16x8.splat (i32.load (i32.const 20))))
    (local.set $c (i8x16.shuffle 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 (v128.load (i32.const 32)) (v128.load (i32.const 0))))
    (local.set $d (local.tee $e (v128.load16_splat (i32.const 38))))
    (v128.store (i32.const 256) (i8x16.add (local.get $a) (local.get $c)))
    (v128.store (i32.const 272) (i16x8.sub (local.get $b) (local.get $d)))
    (v128.store (i32.const 288) (f32x4.mul (local.get $a) (v128.load (i32.const 16))))
    (local.set $a (local.get $e))
    (local.set $e (i8x16.splat (i32.load (i32.const 44))))
    (v128.store (i32.const 304) (i32x4.add (f32x4.add (local.get $a) (local.get $d)) (local.get $e))))
  ;; a local given a splat and, when $k is set, a load that is not one: held as four lanes
  (func (export "uneven") (param $k i32) (local $v v128)
    (local.set $v (f32x4.splat (f32.load (i32.const 8))))
    (if (local.get $k) (then (local.set $v (v128.load (i32.const 16)))))
    (v128.store (i32.const 256) (f32x4.mul (local.get $v) (v128.load (i32.const 32))))
    (v128.store (i32.const 272) (local.get $v))
    (local.set $v (i8x16.shuffle 0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 7 (v128.load (i32.const 0)) (v128.load (i32.const 0))))
    (v128.store (i32.const 288) (f32x4.add (local.get $v) (local.get $v)))
    (v128.store (i32.const 304) (local.get $v)))
)`;

const bytes = parseWat(WAT);

/** NaN patterns: signalling and quiet NaNs, infinities, zeros, a denormal. */
const SPECIAL = [0x7fa00001, 0xffc00000, 0x7f800000, 0x80000000, 0x00000001, 0x7f800001, 0xff800001, 0x3f800000];

function isNaNBits(x: number): boolean {
  return (x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0;
}

function run(
  name: string,
  fill: number[],
  arg: number | undefined,
  options: { splitChars?: number },
): { js: Int32Array; native: Int32Array } {
  const js = instantiateBytes(bytes, () => undefined, options);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [
    new Int32Array(js.mem.buffer, 0, 64),
    new Int32Array((native.mem as { buffer: ArrayBuffer }).buffer, 0, 64),
  ];
  for (const m of mems) m.set(fill);
  js[name](arg);
  (native[name] as (n?: number) => void)(arg);
  return {
    js: new Int32Array(js.mem.buffer, 256, 16).slice(),
    native: new Int32Array((native.mem as { buffer: ArrayBuffer }).buffer, 256, 16).slice(),
  };
}

/** Equal bits, or both NaN with ours quiet where `arith` says the lane is an arithmetic result. */
function expectSame(r: { js: Int32Array; native: Int32Array }, arith: (lane: number) => boolean): void {
  for (let i = 0; i < 16; i++) {
    const [a, b] = [r.js[i], r.native[i]];
    if (arith(i) && isNaNBits(a) && isNaNBits(b)) expect(a & 0x400000, `lane ${i} quiet`).not.toBe(0);
    else expect(a >>> 0, `lane ${i}`).toBe(b >>> 0);
  }
}

/** Twelve memories of 16 words: seeded floats of moderate size, and words drawn from the NaN patterns. */
function fills(): number[][] {
  const next = rng(0x5eed12);
  const out: number[][] = [];
  for (let k = 0; k < 12; k++) {
    const words: number[] = [];
    for (let i = 0; i < 16; i++) {
      const r = next();
      // half the words a float in [-4, 4) (bits through a Float32Array), a quarter a NaN pattern, a quarter raw bits
      if (k % 3 === 0 || (r & 3) === 3) words.push(r | 0);
      else if ((r & 3) === 2) words.push(SPECIAL[(r >>> 2) % SPECIAL.length] | 0);
      else words.push(new Int32Array(new Float32Array([((r >>> 8) / 2 ** 24) * 8 - 4]).buffer)[0]);
    }
    out.push(words);
  }
  return out;
}

describe.each([
  ['whole', {}],
  ['split', { splitChars: 120 }],
])('splat locals (%s functions)', (_, options) => {
  const all = fills();
  for (let k = 0; k < all.length; k++) {
    it(`taps in a loop, input ${k}`, () => expectSame(run('taps', all[k], 3, options), (i) => i < 4 || i >= 12));
    it(`integer splats, tees and copies, input ${k}`, () =>
      expectSame(run('ints', all[k], undefined, options), (i) => i >= 8 && i < 12));
    it(`a local not always a splat, input ${k}`, () => {
      expectSame(run('uneven', all[k], 0, options), (i) => i < 4 || (i >= 8 && i < 12));
      expectSame(run('uneven', all[k], 1, options), (i) => i < 4 || (i >= 8 && i < 12));
    });
  }
  it('keeps a signalling NaN splatted into a local and stored', () => {
    const fill = new Array(16).fill(0x3f800000);
    fill[1] = 0x7fa00001;
    fill[10] = 0xff800001 | 0;
    const r = run('taps', fill, 1, options);
    expect([...r.js.slice(4, 8)].map((x) => x >>> 0)).toEqual(new Array(4).fill(0x7fa00001));
    expect([...r.js.slice(8, 12)].map((x) => x >>> 0)).toEqual(new Array(4).fill(0xff800001));
  });
});

describe('splat locals in the generated code', () => {
  const src = instantiateBytes(bytes, () => undefined, {}).$source as string;
  const fn = (name: string) => {
    const start = src.indexOf(`function ${name}(`);
    return src.slice(start, src.indexOf('\nfunction ', start + 1));
  };
  it('reads a splatted tap as one variable and converts it once', () => {
    // taps: locals 1..3 are splats, read by f32 operators; no lane b/c/d of them is assigned or read
    const taps = fn('f0');
    for (const i of [1, 2, 3]) {
      expect(taps).toMatch(new RegExp(`[*+] l${i}f\\b`));
      expect(taps.replace(/var [^\n]*\n/, '')).not.toMatch(new RegExp(`\\bl${i}f?[bcd]\\b`));
    }
    // the accumulator is no splat
    expect(taps).toMatch(/\bl4fb\b/);
  });
  it('keeps four lanes for a local given a value that is not a splat', () => {
    expect(fn('f2').replace(/var [^\n]*\n/, '')).toMatch(/\bl1fb\b|\bl1b\b/);
  });
});
