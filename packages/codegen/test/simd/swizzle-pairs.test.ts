// `i8x16.swizzle` with a constant table (src/lanes.ts): the first `SWIZZLE_PAIR_TABLES` distinct tables of a module
// look index bytes up two at a time in a table of byte pairs (`H.swizzlePairs`), the rest one at a time
// (`H.swizzleConst`); both forms against Node's WebAssembly, on indices in range, out of range and at the edges.

import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../src/index.js';
import { SWIZZLE_PAIR_TABLES } from '../../src/limits.js';
import { instantiateBytes } from '../harness.js';
import { rng, WA } from './oracle.js';

const TABLES = SWIZZLE_PAIR_TABLES + 4;
const next = rng(11);
const tables = Array.from({ length: TABLES }, (_, k) =>
  Array.from({ length: 16 }, (_, i) => (k === 0 ? i * 17 : (next() >>> (i & 7)) & 255)),
);
// each table twice: the second use of a table takes the form of the first
const funcs = [...tables, ...tables].map(
  (t, k) =>
    `(func (export "s${k}") (v128.store (i32.const 256) (i8x16.swizzle (v128.const i8x16 ${t.join(' ')}) (v128.load (i32.const 0)))))`,
);
const bytes = parseWat(`(module (memory (export "mem") 1) ${funcs.join('\n')})`);

describe('i8x16.swizzle with a constant table', () => {
  it(`takes byte pairs for the first ${SWIZZLE_PAIR_TABLES} tables of a module`, () => {
    const source = compileModule(decodeModule(bytes)).source;
    expect(source.match(/H\.swizzlePairs\(/g)?.length).toBe(SWIZZLE_PAIR_TABLES);
    expect(source.match(/H\.swizzleConst\(/g)?.length).toBe(TABLES - SWIZZLE_PAIR_TABLES);
  });

  it('gives what WebAssembly gives, in either form', () => {
    const js = instantiateBytes(bytes, () => undefined);
    const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
    const mems = [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer];
    const inputs: number[][] = [
      [0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c],
      [0x100f1011, -1, 0x7f80ff0f, -0x7fffff10],
      [0x0f0f0f0f, 0x10101010, 0x00ff00ff, 0x0f100f10],
      ...Array.from({ length: 24 }, (_, k) =>
        [next(), next(), next(), next()].map((w) => (k & 1 ? w & 0x1f1f1f1f : w)),
      ),
    ];
    for (let k = 0; k < 2 * TABLES; k++)
      for (const v of inputs) {
        for (const m of mems) new Int32Array(m, 0, 4).set(v);
        js[`s${k}`]();
        (native[`s${k}`] as () => void)();
        const [mine, theirs] = mems.map((m) => [...new Int32Array(m, 256, 4)]);
        expect(mine, `s${k} ${v}`).toEqual(theirs);
      }
  });
});
