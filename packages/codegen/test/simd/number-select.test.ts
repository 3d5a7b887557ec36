// f32x4.pmin/pmax of f32 results and non-NaN constants select the numbers as they are (`numberSelect` in
// src/translate.ts), against Node's WebAssembly: clamps of differences (rapier's `pmax(sub(a, b), 0)`), NaN and
// signed-zero operands, chains of selections, and the operands that must keep the bit template (a load, a local, a
// NaN constant), whose signalling NaN payloads pmin hands on unchanged.

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
const FUNCS: Record<string, string> = {
  // f32 results on both sides
  minSub: `(f32x4.pmin (f32x4.sub ${A} ${B}) (f32x4.mul ${B} ${C}))`,
  maxSub: `(f32x4.pmax (f32x4.add ${A} ${C}) (f32x4.sub ${B} ${A}))`,
  // a result against constants: a clamp (zeros of both signs, a finite bound)
  clampZero: `(f32x4.pmax (f32x4.sub ${A} ${B}) (v128.const f32x4 0 -0 0 -0))`,
  clampBoth: `(f32x4.pmin (v128.const f32x4 1.5 -2 1e30 -0) (f32x4.pmax (v128.const f32x4 -1.5 0 -1e30 0) (f32x4.mul ${A} ${C})))`,
  // a selection's result selected again, then arithmetic on it
  chain: `(f32x4.add (f32x4.pmin (f32x4.pmax (f32x4.sub ${A} ${B}) (f32x4.div ${B} ${C})) (f32x4.sqrt ${C})) ${A})`,
  // operands that keep the bit template: loads, a NaN constant
  loads: `(f32x4.pmin ${A} ${B})`,
  loadResult: `(f32x4.pmax ${A} (f32x4.add ${B} ${C}))`,
  nanConst: `(f32x4.pmin (f32x4.sub ${A} ${B}) (v128.const i32x4 0x7fa00001 0xffc00002 0x7f800001 0x3f800000))`,
};
const module = `(module (memory (export "mem") 1)
  ${Object.entries(FUNCS)
    .map(([name, e]) => `(func (export "${name}") (v128.store (i32.const 64) ${e}))`)
    .join('\n  ')}
  ;; a local set from an f32 result and read by pmin: a local's numbers keep the bit template
  (func (export "local") (local v128)
    (local.set 0 (f32x4.sub ${A} ${B}))
    (v128.store (i32.const 64) (f32x4.pmin (local.get 0) (f32x4.mul ${C} ${C}))))
  ;; the result read as bits: the signs of zeros and a NaN's bits as the f32 results give them
  (func (export "bits") (result i32)
    (i32x4.extract_lane 0 (f32x4.pmax (f32x4.mul ${A} ${B}) (v128.const f32x4 -0 0 0 0)))))`;
const bytes = parseWat(module);

const NAMES = [...Object.keys(FUNCS), 'local'];

describe('pmin/pmax of f32 results select numbers', () => {
  const js = instantiateBytes(bytes, () => undefined);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer];
  const next = rng(17);
  const pick = () => pickSelectWord(next);
  const inputs = Array.from({ length: 400 }, () => Array.from({ length: 12 }, pick));

  const lanes = resultLanes;

  it('computes what V8 computes, a NaN lane being any NaN', () => {
    for (const v of inputs) {
      for (const m of mems) new Int32Array(m, 0, 12).set(v);
      for (const name of NAMES) {
        for (const m of mems) new Int32Array(m, 64, 4).fill(0x5a5a5a5a);
        js[name]();
        (native[name] as () => void)();
        const [mine, want] = mems.map(lanes);
        expect(mine, `${name} on ${v}`).toEqual(want);
      }
      const [b, wb] = [js.bits(), (native.bits as () => number)()];
      if (!Number.isNaN(new Float32Array(new Int32Array([wb]).buffer)[0])) expect(b, `bits on ${v}`).toBe(wb);
    }
  });

  it('keeps signalling NaN payloads where an operand is a load or a NaN constant', () => {
    for (const m of mems) new Int32Array(m, 0, 12).set([0x7fa00001, 0xff800003 | 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    for (const name of ['loads', 'nanConst']) {
      js[name]();
      (native[name] as () => void)();
      const [mine, want] = mems.map((m) => [...new Int32Array(m, 64, 4)]);
      if (name === 'loads') expect(mine).toEqual(want);
      // the constant's payloads where it is selected (the other lanes are arithmetic NaNs or numbers)
      else
        expect(mine.filter((w) => want.includes(w) && w !== 0)).toEqual(
          want.filter((w) => mine.includes(w) && w !== 0),
        );
    }
  });

  it('selects numbers without converting them, and keeps the bit template elsewhere', () => {
    const source = compileModule(decodeModule(bytes)).source;
    const func = (name: string) => {
      const k = name === 'local' ? Object.keys(FUNCS).length : Object.keys(FUNCS).indexOf(name);
      const m = new RegExp(`function f${k}\\([^)]*\\) \\{[\\s\\S]*?\\n\\}`).exec(source);
      if (!m) throw new Error(`no function ${name}`);
      return m[0];
    };
    for (const name of ['minSub', 'maxSub', 'clampZero', 'clampBoth', 'chain']) {
      // no bits made into numbers (`fv`) for the selection
      expect(func(name), name).not.toMatch(/hv\d+\(s\d+[bcd]?\) [<>]/);
      expect(func(name), name).toMatch(/s\d+ [<>] s\d+ \? s\d+ : s\d+|s\d+ [<>] -?[\d.e+]+ \?|-?[\d.e+]+ [<>] s\d+ \?/);
    }
    for (const name of ['loads', 'loadResult', 'nanConst', 'local'])
      expect(func(name), name).toMatch(/hv\d+\([^)]*\) [<>]/);
  });
});
