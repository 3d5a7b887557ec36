// A compare whose only reader reads lane top bits (a bitmask, any_true) right after it is computed in its cheaper
// form, top bits only (`QuadTemplate.msb` in src/lanes.ts, `msbForm` in src/translate.ts), against Node's
// WebAssembly: every 8- and 16-bit compare under every bitmask and any_true, operands from memory and constant, and
// the cases where the mask is read whole too (a tee into a local, a br_if carrying it), which must not be rewritten.

import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../src/index.js';
import { instantiateBytes } from '../harness.js';
import { rng, WA } from './oracle.js';

const COMPARES = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
const READERS = ['i8x16.bitmask', 'i16x8.bitmask', 'i32x4.bitmask', 'i64x2.bitmask', 'v128.any_true'];
const CONST = 'v128.const i8x16 0 1 0x7f 0x80 0x81 0xfe 0xff 0x22 0x5c 10 0 0 0x80 0 0xff 0xff';

const cases: string[] = [];
const funcs: string[] = [];
for (const shape of ['i8x16', 'i16x8'])
  for (const cmp of COMPARES)
    for (const reader of READERS)
      for (const [form, b] of [
        ['mem', '(v128.load (i32.const 16))'],
        ['const', `(${CONST})`],
      ]) {
        funcs.push(
          `(func (export "f${cases.length}") (result i32) (${reader} (${shape}.${cmp} (v128.load (i32.const 0)) ${b})))`,
        );
        cases.push(`${reader}(${shape}.${cmp}) ${form}`);
      }
const module = `(module (memory (export "mem") 1)
  ${funcs.join('\n  ')}
  ;; the mask read whole as well: through a local, and carried by a br_if to a store
  (func (export "tee") (result i32) (local v128)
    (i8x16.bitmask (local.tee 0 (i8x16.eq (v128.load (i32.const 0)) (v128.load (i32.const 16)))))
    (v128.store (i32.const 256) (local.get 0)))
  (func (export "branch") (param i32) (result i32) (local i32)
    (i32.const 256)
    (block $b (result v128)
      (i16x8.gt_s (v128.load (i32.const 0)) (v128.load (i32.const 16)))
      (br_if $b (local.get 0))
      (i8x16.bitmask)
      (local.set 1)
      (v128.const i32x4 7 7 7 7))
    (v128.store)
    (local.get 1)))`;
const bytes = parseWat(module);

describe('compares read only by their lane top bits', () => {
  const js = instantiateBytes(bytes, () => undefined);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer];
  const next = rng(11);
  // equal words, sign and carry edges, and random words with some equal bytes (random bytes are rarely equal)
  const inputs: number[][] = [
    [0, -1, 0x7f7f7f7f, -0x80808081, 0, -1, 0x7f7f7f7f, -0x80808081],
    [0x01020304, 0x80ff7f00, 0x7f800001, 0x00ff0080, 0x01020305, 0x7fff8000, 0x80007f01, 0xff00ff80],
    ...Array.from({ length: 24 }, () => {
      const a = [next(), next(), next(), next()];
      return [...a, ...a.map((w) => w ^ (next() & next() & next()))];
    }),
  ];
  const run = (name: string, ...args: number[]) =>
    [js[name](...args), (native[name] as (...a: number[]) => number)(...args)].map(Number);
  const load = (v: number[]) => {
    for (const m of mems) new Int32Array(m, 0, 8).set(v);
  };

  it('every 8- and 16-bit compare under every top-bit reader, as V8 computes it', () => {
    for (const v of inputs) {
      load(v);
      cases.forEach((c, k) => {
        const [mine, theirs] = run(`f${k}`);
        expect(mine, `${c} on ${v}`).toBe(theirs);
      });
    }
  });

  it('a mask also read whole (tee, br_if) keeps every bit', () => {
    for (const v of inputs) {
      load(v);
      for (const [name, args] of [
        ['tee', []],
        ['branch', [0]],
        ['branch', [1]],
      ] as const) {
        for (const m of mems) new Int32Array(m, 256, 4).fill(0);
        const [mine, theirs] = run(name, ...args);
        expect(mine, `${name}(${args}) on ${v}`).toBe(theirs);
        const [lanes, want] = mems.map((m) => [...new Int32Array(m, 256, 4)]);
        expect(lanes, `${name}(${args}) stored on ${v}`).toEqual(want);
      }
    }
  });

  it('the fused compare computes only top bits; a mask read whole keeps its full form', () => {
    const source = compileModule(decodeModule(bytes)).source;
    const func = (k: number) => {
      const m = new RegExp(`function f${k}\\([^)]*\\) \\{[\\s\\S]*?\\n\\}`).exec(source);
      if (!m) throw new Error(`no function f${k}`);
      return m[0];
    };
    const body = (name: string) => func(cases.indexOf(name));
    // full masks spread the top bit over the lane with a multiply by 255 / 65535; the fused forms do not
    expect(body('i8x16.bitmask(i8x16.eq) mem')).not.toContain('>>> 7, 255)');
    expect(body('i8x16.bitmask(i8x16.ge_s) const')).not.toContain('>>> 7, 255)');
    expect(body('i32x4.bitmask(i16x8.lt_u) const')).not.toContain('>>> 15, 65535)');
    expect(body('v128.any_true(i8x16.ne) mem')).toContain('& -2139062144) !== 0');
    // an i16 compare's top bits are not an i8x16.bitmask's
    expect(body('i8x16.bitmask(i16x8.eq) mem')).toContain('>>> 15, 65535)');
    // tee and branch (the two functions after the generated ones) keep the full masks
    expect(func(cases.length)).toContain('>>> 7, 255)');
    expect(func(cases.length + 1)).toContain('>>> 15, 65535)');
  });
});
