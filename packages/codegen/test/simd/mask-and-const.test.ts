// `v128.and` of an 8- or 16-bit compare's mask with a constant having one value in every lane (ASCII case folding:
// `wasm_v128_and(wasm_u8x16_le(v, 'Z'), wasm_i8x16_splat(0x20))`) takes the compare's top-bit form and scales each
// top bit by the constant (`maskAndConst` in src/translate.ts, `maskTimesConst` in src/lanes.ts), against Node's
// WebAssembly: every compare, constants that are powers of two and not, on either side of the and, and the cases
// that must keep the full mask (a constant with unequal lanes, a compare of another width, a mask read whole too).

import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../src/index.js';
import { instantiateBytes } from '../harness.js';
import { rng, WA } from './oracle.js';

const COMPARES = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
const CONSTS: Record<string, string[]> = {
  i8x16: ['i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20', 'i32x4 1 1 1 1'],
  i16x8: ['i16x8 0x8000 0x8000 0x8000 0x8000 0x8000 0x8000 0x8000 0x8000', 'i16x8 7 7 7 7 7 7 7 7'],
};
// every lane the same at 8 bits, so also a uniform 16-bit constant; powers of two and not
const SHARED = ['i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', 'i32x4 0x7f7f7f7f 0x7f7f7f7f 0x7f7f7f7f 0x7f7f7f7f'];
// not one value in every lane: the full mask and the and stay
const UNEQUAL = 'i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x21';

const cases: string[] = [];
const funcs: string[] = [];
for (const shape of ['i8x16', 'i16x8'])
  for (const cmp of COMPARES)
    for (const k of [...CONSTS[shape], ...SHARED, UNEQUAL])
      for (const side of ['after', 'before']) {
        const mask = `(${shape}.${cmp} (v128.load (i32.const 0)) (v128.load (i32.const 16)))`;
        const c = `(v128.const ${k})`;
        const and = side === 'after' ? `(v128.and ${mask} ${c})` : `(v128.and ${c} ${mask})`;
        funcs.push(`(func (export "f${cases.length}") (v128.store (i32.const 256) ${and}))`);
        cases.push(`${shape}.${cmp} and ${k} (${side})`);
      }
const module = `(module (memory (export "mem") 1)
  ${funcs.join('\n  ')}
  ;; the mask read whole as well, through a local
  (func (export "tee") (local v128)
    (v128.store (i32.const 256)
      (v128.and (local.tee 0 (i8x16.gt_u (v128.load (i32.const 0)) (v128.load (i32.const 16))))
        (v128.const i32x4 0x20202020 0x20202020 0x20202020 0x20202020)))
    (v128.store (i32.const 272) (local.get 0))))`;
const bytes = parseWat(module);

describe('a compare mask and-ed with a uniform constant', () => {
  const js = instantiateBytes(bytes, () => undefined);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer];
  const next = rng(17);
  const inputs: number[][] = [
    [0, -1, 0x7f7f7f7f, -0x80808081, 0, -1, 0x7f7f7f7f, -0x80808081],
    [0x01020304, 0x80ff7f00, 0x7f800001, 0x00ff0080, 0x01020305, 0x7fff8000, 0x80007f01, 0xff00ff80],
    [0x41425a5b, 0x61407a7b, 0x5a5a4141, 0x20202020, 0x5a5a5a5a, 0x40404040, 0x41414141, 0x5b5b5b5b],
    ...Array.from({ length: 16 }, () => {
      const a = [next(), next(), next(), next()];
      return [...a, ...a.map((w) => w ^ (next() & next() & next()))];
    }),
  ];
  const load = (v: number[]) => {
    for (const m of mems) new Int32Array(m, 0, 8).set(v);
  };
  const result = () => mems.map((m) => Array.from(new Int32Array(m, 256, 8)));

  it('every 8- and 16-bit compare and-ed with constants on either side, as V8 computes it', () => {
    for (const v of inputs) {
      load(v);
      cases.forEach((c, k) => {
        (js[`f${k}`] as () => void)();
        (native[`f${k}`] as () => void)();
        const [mine, theirs] = result();
        expect(mine, `${c} on ${v}`).toEqual(theirs);
      });
      js.tee();
      (native.tee as () => void)();
      const [mine, theirs] = result();
      expect(mine, `tee on ${v}`).toEqual(theirs);
    }
  });

  it('scales the top bits where the constant is uniform, and keeps the full mask elsewhere', () => {
    const source = compileModule(decodeModule(bytes)).source;
    const func = (k: number) => {
      const m = new RegExp(`function f${k}\\([^)]*\\) \\{[\\s\\S]*?\\n\\}`).exec(source);
      if (!m) throw new Error(`no function f${k}`);
      return m[0];
    };
    const at = (c: string) => cases.indexOf(c);
    // the full mask spreads the top bit over the lane with a multiply by 255 (or 65535)
    const folded = func(at(`i8x16.gt_u and ${CONSTS.i8x16[0]} (after)`));
    expect(folded).not.toContain(', 255)');
    expect(folded).toContain('>>> 2');
    expect(func(at(`i8x16.eq and ${SHARED[1]} (before)`))).toContain('Math.imul(');
    expect(func(at(`i8x16.eq and ${SHARED[1]} (before)`))).not.toContain(', 255)');
    expect(func(at(`i16x8.lt_s and ${CONSTS.i16x8[1]} (after)`))).not.toContain(', 65535)');
    // an i16x8 compare with a constant uniform at 8 bits is uniform at 16 too
    expect(func(at(`i16x8.ge_u and ${SHARED[0]} (after)`))).not.toContain(', 65535)');
    expect(func(at(`i8x16.gt_u and ${UNEQUAL} (after)`))).toContain(', 255)');
    // the tee reads the mask whole: its full form stays
    expect(func(funcs.length)).toContain(', 255)');
  });
});
