// 8- and 16-bit compares against a constant with the same value in every lane (`ltConst` in src/lanes.ts: clang's
// `wasm_u8x16_ge(v, wasm_i8x16_splat('A'))` and range checks), and bitmasks counted by `i32.popcnt` (`countForm` in
// src/translate.ts), against Node's WebAssembly: every compare, the constant on either side, at the edges of the lane
// range and of the sign, read whole (stored) and by a bitmask; counts of pending and assigned bitmasks, and of a
// bitmask also read whole (a tee), which must keep its order.

import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../src/index.js';
import { instantiateBytes } from '../harness.js';
import { rng, WA } from './oracle.js';

const COMPARES = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
const CONSTANTS: Record<string, number[]> = {
  i8x16: [0, 1, 0x1a, 0x41, 0x7e, 0x7f, 0x80, 0x81, 0xbf, 0xfe, 0xff],
  i16x8: [0, 1, 0x7ffe, 0x7fff, 0x8000, 0x8001, 0xc000, 0xfffe, 0xffff],
};

const cases: string[] = [];
const funcs: string[] = [];
for (const shape of ['i8x16', 'i16x8'])
  for (const cmp of COMPARES)
    for (const c of CONSTANTS[shape])
      for (const side of ['right', 'left']) {
        const k = `(${shape}.splat (i32.const ${c}))`;
        const v = '(v128.load (i32.const 0))';
        const expr = side === 'right' ? `(${shape}.${cmp} ${v} ${k})` : `(${shape}.${cmp} ${k} ${v})`;
        // whole: the mask stored; top: read by a bitmask; count: counted
        funcs.push(`(func (export "w${cases.length}") (v128.store (i32.const 64) ${expr}))`);
        funcs.push(`(func (export "b${cases.length}") (result i32) (${shape}.bitmask ${expr}))`);
        funcs.push(`(func (export "c${cases.length}") (result i32) (i32.popcnt (${shape}.bitmask ${expr})))`);
        cases.push(`${shape}.${cmp} ${side} ${c}`);
      }
const module = `(module (memory (export "mem") 1)
  ${funcs.join('\n  ')}
  ;; a bitmask of pending lanes (a local's), counted
  (func (export "pending8") (result i32) (local v128)
    (local.set 0 (v128.load (i32.const 0)))
    (i32.popcnt (i8x16.bitmask (local.get 0))))
  (func (export "pending16") (result i32) (local v128)
    (local.set 0 (v128.load (i32.const 0)))
    (i32.popcnt (i16x8.bitmask (local.get 0))))
  ;; a bitmask read whole too: the count and the mask itself
  (func (export "tee") (result i32) (local i32)
    (i32.add
      (i32.popcnt (local.tee 0 (i8x16.bitmask (i8x16.eq (v128.load (i32.const 0)) (v128.load (i32.const 16))))))
      (i32.mul (local.get 0) (i32.const 256))))
  (func (export "after") (result i32) (local i32)
    (i16x8.bitmask (i16x8.lt_s (v128.load (i32.const 0)) (v128.load (i32.const 16))))
    (local.set 0 (i32.const 3))
    (i32.popcnt)
    (i32.add (local.get 0))))`;
const bytes = parseWat(module);

describe('compares against a uniform constant, bitmasks counted', () => {
  const js = instantiateBytes(bytes, () => undefined);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer];
  // every byte value (16 vectors of 16), then the 16-bit edges around each constant and the sign
  const inputs: number[][] = [];
  for (let k = 0; k < 16; k++) inputs.push(Array.from({ length: 16 }, (_, i) => 16 * k + i));
  const edges = [0, 1, 2, 0x19, 0x1a, 0x1b, 0x40, 0x41, 0x42, 0x7ffd, 0x7ffe, 0x7fff, 0x8000, 0x8001, 0x8002];
  const edges2 = [
    0xbfff, 0xc000, 0xc001, 0xfffd, 0xfffe, 0xffff, 0x7e, 0x7f, 0x80, 0x81, 0xbf, 0xc0, 0xfe, 0xff, 0x100,
  ];
  for (const e of [edges, edges2]) {
    const words = [...e, e[0]].map((x) => x & 0xffff);
    const b = words.flatMap((x) => [x & 255, x >>> 8]);
    inputs.push(b.slice(0, 16), b.slice(16, 32));
  }
  // repeated bytes (many lanes of one answer: counts above one per word), and random bytes
  for (const b of [0, 0x1a, 0x41, 0x7f, 0x80, 0xff]) inputs.push(new Array(16).fill(b));
  inputs.push(Array.from({ length: 16 }, (_, i) => (i & 1 ? 0x80 : 0x41)));
  const next = rng(5);
  for (let k = 0; k < 8; k++) inputs.push(Array.from({ length: 16 }, () => next() & 255));
  const load = (v: number[], at = 0) => {
    for (const m of mems) new Uint8Array(m, at, 16).set(v);
  };
  const run = (name: string) => [js[name](), (native[name] as () => number)()].map(Number);

  it('every compare with a splatted constant, whole, by bitmask and counted, as V8 computes it', () => {
    for (const v of inputs) {
      load(v);
      cases.forEach((c, k) => {
        for (const m of mems) new Int32Array(m, 64, 4).fill(0x5a5a5a5a);
        const [mineW, theirsW] = run(`w${k}`);
        expect(mineW).toBe(theirsW);
        const [lanes, want] = mems.map((m) => [...new Int32Array(m, 64, 4)]);
        expect(lanes, `${c} stored on ${v}`).toEqual(want);
        const [b, wb] = run(`b${k}`);
        expect(b, `bitmask(${c}) on ${v}`).toBe(wb);
        const [n, wn] = run(`c${k}`);
        expect(n, `popcnt(bitmask(${c})) on ${v}`).toBe(wn);
      });
    }
  });

  it('pending bitmasks counted, and bitmasks read whole besides', () => {
    for (const v of inputs)
      for (const u of inputs.slice(0, 3)) {
        load(v);
        load(u, 16);
        for (const name of ['pending8', 'pending16', 'tee', 'after']) {
          const [mine, theirs] = run(name);
          expect(mine, `${name} on ${v} / ${u}`).toBe(theirs);
        }
      }
  });

  it('a uniform constant compares in the short form; a count sums the top bits', () => {
    const source = compileModule(decodeModule(bytes)).source;
    const extra = ['pending8', 'pending16', 'tee', 'after'];
    const func = (name: string) => {
      const k = extra.includes(name)
        ? funcs.length + extra.indexOf(name)
        : funcs.findIndex((f) => f.includes(`"${name}"`));
      const m = new RegExp(`function f${k}\\([^)]*\\) \\{[\\s\\S]*?\\n\\}`).exec(source);
      if (!m) throw new Error(`no function for ${name}`);
      return m[0];
    };
    const at = (c: string) => cases.indexOf(c);
    // the general borrow of `lt` subtracts from lanes with their top bits set (`| -2139062144`); the short form does not
    expect(func(`w${at('i8x16.lt_u right 26')}`)).not.toContain('| -2139062144)');
    expect(func(`w${at('i8x16.ge_s left 127')}`)).not.toContain('| -2139062144)');
    expect(func(`w${at('i16x8.gt_u right 32768')}`)).not.toContain('| -2147450880)');
    // counted: no multiply gathering the top bits in order
    expect(func(`c${at('i8x16.eq right 65')}`)).not.toContain('0x204081');
    expect(func(`b${at('i8x16.eq right 65')}`)).toContain('0x204081');
    expect(func('pending8')).not.toContain('0x204081');
    // and counted by one multiply summing the lanes, with no popcount after it
    expect(func(`c${at('i8x16.eq right 65')}`)).toContain('0x01010101) >>> 24');
    expect(func(`c${at('i8x16.eq right 65')}`)).not.toContain('popcnt32');
    expect(func('pending16')).toContain('0x10001) >>> 16');
    expect(func('pending16')).not.toContain('popcnt32');
    // read whole as well: the ordered form stays
    expect(func('tee')).toContain('0x204081');
  });
});
