// v128.bitselect by a mask whose 32-bit words are each 0 or -1 (a 32- or 64-bit lane compare, or a bitwise operator
// of such masks) of two operands held as exact f32 numbers selects the numbers lane by lane (`maskSelect` in
// src/translate.ts), against Node's WebAssembly: rapier's NaN-propagating max (`bitselect(pmax(x, c), x, x != x)`
// with x in a local), clamps by f32, i32 and f64 compares, masks and-ed, or-ed and inverted, constants, and the
// operands and masks that must keep the bit template (loads, a NaN constant, an 8-bit compare's mask).

import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../src/index.js';
import { instantiateBytes } from '../harness.js';
import { pickSelectWord, resultLanes } from './inputs.js';
import { rng, WA } from './oracle.js';

const A = '(v128.load (i32.const 0))';
const B = '(v128.load (i32.const 16))';
const C = '(v128.load (i32.const 32))';
const SUM = `(f32x4.add ${A} ${B})`;
const DIFF = `(f32x4.sub ${B} ${C})`;
const FUNCS: Record<string, string> = {
  f32Mask: `(v128.bitselect (f32x4.mul ${A} ${C}) ${DIFF} (f32x4.lt ${A} ${B}))`,
  andMask: `(v128.bitselect ${SUM} ${DIFF} (v128.and (f32x4.le ${A} ${B}) (f32x4.ge ${B} ${C})))`,
  orNotMask: `(v128.bitselect ${SUM} ${DIFF} (v128.not (v128.or (f32x4.eq ${A} ${C}) (f32x4.gt ${B} ${A}))))`,
  i32Mask: `(v128.bitselect ${SUM} ${DIFF} (i32x4.gt_s ${A} ${B}))`,
  f64Mask: `(v128.bitselect ${SUM} ${DIFF} (f64x2.lt ${A} ${C}))`,
  i64Mask: `(v128.bitselect ${SUM} ${DIFF} (i64x2.ne ${A} ${C}))`,
  constants: `(v128.bitselect (v128.const f32x4 1.5 -0 0 -3e38) ${DIFF} (f32x4.ne ${A} ${A}))`,
  chained: `(f32x4.mul (v128.bitselect (v128.bitselect ${SUM} ${DIFF} (f32x4.lt ${A} ${C})) (f32x4.sqrt ${C}) (f32x4.ge ${B} ${C})) ${A})`,
  // the bit template: a load, a NaN constant, an 8-bit compare's mask
  loads: `(v128.bitselect ${A} ${B} (f32x4.lt ${B} ${C}))`,
  nanConst: `(v128.bitselect (v128.const i32x4 0x7fa00001 0xffc00002 0x7f800001 0x3f800000) ${DIFF} (f32x4.lt ${A} ${B}))`,
  byteMask: `(v128.bitselect ${SUM} ${DIFF} (i8x16.lt_s ${A} ${B}))`,
};
const module = `(module (memory (export "mem") 1)
  ${Object.entries(FUNCS)
    .map(([name, e]) => `(func (export "${name}") (v128.store (i32.const 64) ${e}))`)
    .join('\n  ')}
  ;; rapier's max: x in a local set from an f32 result, NaN lanes of x kept
  (func (export "nanMax") (local v128)
    (v128.store (i32.const 64)
      (f32x4.mul
        (v128.bitselect
          (f32x4.pmax (local.tee 0 (f32x4.sub ${A} ${B})) (v128.const f32x4 0 -0 1 -1))
          (local.get 0)
          (f32x4.ne (local.get 0) (local.get 0)))
        ${C})))
  ;; a local set from a load as well (its numbers are not exact): the bit template
  (func (export "loadLocal") (local v128)
    (local.set 0 ${A})
    (if (i32.eqz (i32.load (i32.const 48))) (then (local.set 0 (f32x4.sub ${A} ${B}))))
    (v128.store (i32.const 64)
      (v128.bitselect (f32x4.mul (local.get 0) ${C}) (local.get 0) (f32x4.lt (local.get 0) ${B}))))
  ;; the result read as bits
  (func (export "bits") (result i32)
    (i32x4.extract_lane 1 (v128.bitselect ${SUM} ${DIFF} (f32x4.lt ${A} ${B})))))`;
const bytes = parseWat(module);

const NAMES = [...Object.keys(FUNCS), 'nanMax', 'loadLocal'];
const EXACT = ['loads', 'nanConst', 'loadLocal'];

describe('bitselect of f32 numbers by a word mask selects numbers', () => {
  const js = instantiateBytes(bytes, () => undefined);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer];
  const next = rng(23);
  const pick = () => pickSelectWord(next);
  const inputs = Array.from({ length: 400 }, () => [...Array.from({ length: 12 }, pick), next() & 1]);

  const lanes = resultLanes;

  it('computes what V8 computes, a NaN lane being any NaN where arithmetic made it', () => {
    for (const v of inputs) {
      for (const m of mems) new Int32Array(m, 0, 13).set(v);
      for (const name of NAMES) {
        for (const m of mems) new Int32Array(m, 64, 4).fill(0x5a5a5a5a);
        js[name]();
        (native[name] as () => void)();
        if (EXACT.includes(name) && name !== 'loadLocal') {
          // a load's or a constant's NaN payloads where they are selected
          const [mine, want] = mems.map((m) => [...new Int32Array(m, 64, 4)]);
          const quietish = (w: number, k: number) => (name === 'nanConst' ? k > 0 || !Number.isNaN(w) : true);
          expect(
            mine.filter((_, k) => quietish(want[k], k)),
            `${name} on ${v}`,
          ).toEqual(want.filter((_, k) => quietish(want[k], k)));
          continue;
        }
        const [mine, want] = mems.map(lanes);
        expect(mine, `${name} on ${v}`).toEqual(want);
      }
      const [b, wb] = [js.bits(), (native.bits as () => number)()];
      if (!Number.isNaN(new Float32Array(new Int32Array([wb]).buffer)[0])) expect(b, `bits on ${v}`).toBe(wb);
    }
  });

  it('keeps a signalling NaN a load gives where the load is selected', () => {
    for (const m of mems) new Int32Array(m, 0, 13).set([0x7fa00001, 0xff800003 | 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    for (const name of ['loads', 'loadLocal']) {
      js[name]();
      (native[name] as () => void)();
      const [mine, want] = mems.map((m) => [...new Int32Array(m, 64, 4)]);
      expect(mine, name).toEqual(want);
    }
  });

  it('selects numbers without converting them, and keeps the bit template elsewhere', () => {
    const source = compileModule(decodeModule(bytes)).source;
    const func = (name: string) => {
      // from the function's header to the next function's
      const at = source.indexOf(`function f${NAMES.indexOf(name)}(`);
      if (at < 0) throw new Error(`no function ${name}`);
      const end = source.indexOf('\nfunction ', at + 1);
      return source.slice(at, end < 0 ? undefined : end);
    };
    const select = /= s\d+[bcd]? \? [\w.+-]+ : [\w.+-]+;/;
    for (const name of ['f32Mask', 'andMask', 'orNotMask', 'i32Mask', 'f64Mask', 'i64Mask', 'constants', 'chained']) {
      expect(func(name), name).toMatch(select);
      expect(func(name), name).not.toMatch(/& ~/);
    }
    // the NaN max: the local's numbers selected, nothing converted to bits before the product
    expect(func('nanMax')).toMatch(/= s\d+[bcd]? \? [\w.+-]+ : l0f[bcd]?;/);
    expect(func('nanMax')).not.toMatch(/& ~/);
    for (const name of ['loads', 'nanConst', 'byteMask', 'loadLocal']) expect(func(name), name).toMatch(/& ~/);
  });
});
