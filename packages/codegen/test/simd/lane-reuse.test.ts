// f32 lanes of `v128.load`s read again by later loads of the same straight-line run (src/translate.ts,
// `reuseFloatLanes`): a sliding window over one base local takes lanes 0..2 from earlier loads, lane 3 is always
// read. Against Node's WebAssembly: a window in a loop, a store, a call, a branch or a write of the base between two
// loads (each ends the run), loads read as bits, memarg offsets mixed with added constants, and a base near 2^32,
// where `base + c` wraps for one load of the window and not for the next (the trap must stay where it is).

import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../src/index.js';
import { instantiateBytes } from '../harness.js';
import { rng, WA } from './oracle.js';

const ld = (c: number, base = '(local.get $p)') => `(v128.load (i32.add ${base} (i32.const ${c})))`;
const mul = (a: string, b: string) => `(f32x4.mul ${a} ${b})`;
const add = (a: string, b: string) => `(f32x4.add ${a} ${b})`;
const WAT = `(module
  (memory (export "mem") 1)
  (global $g (mut i32) (i32.const 0))
  (func $nop)
  ;; a 4-tap window in a loop: out[i] = x[i+12]*2 + x[i+8]*3 + x[i+4]*5 + x[i]*7
  (func (export "fir") (param $p i32) (param $n i32)
    (loop $l
      (v128.store offset=512 (local.get $p)
        ${add(add(add(mul(ld(12), '(v128.const f32x4 2 2 2 2)'), mul(ld(8), '(v128.const f32x4 3 3 3 3)')), mul(ld(4), '(v128.const f32x4 5 5 5 5)')), mul(ld(0), '(v128.const f32x4 7 7 7 7)'))})
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  ;; ascending constants, and memarg offsets beside added constants
  (func (export "up") (param $p i32)
    (v128.store (i32.const 512) ${add(add(mul(ld(0), ld(4)), mul(ld(8), '(v128.load offset=4 (local.get $p))')), '(v128.load offset=8 (local.get $p))')}))
  ;; a store between two loads of the window: the second reads what was stored
  (func (export "store") (param $p i32) (local $a v128)
    (local.set $a ${mul(ld(4), ld(4))})
    (f32.store offset=8 (local.get $p) (f32.const 1.25))
    (v128.store (i32.const 512) ${add('(local.get $a)', mul(ld(0), ld(0)))}))
  ;; a call between two loads
  (func (export "call") (param $p i32)
    (v128.store (i32.const 512) ${add(mul(ld(4), ld(4)), `(block (result v128) (call $nop) ${mul(ld(0), ld(0))})`)}))
  ;; the base written between two loads
  (func (export "rebase") (param $p i32) (local $a v128)
    (local.set $a ${mul(ld(4), ld(4))})
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (v128.store (i32.const 512) ${add('(local.get $a)', mul(ld(0), ld(0)))}))
  ;; a branch between two loads
  (func (export "branch") (param $p i32) (local $a v128)
    (local.set $a ${mul(ld(4), ld(4))})
    (if (i32.eqz (local.get $p)) (then (global.set $g (i32.const 1))))
    (v128.store (i32.const 512) ${add('(local.get $a)', mul(ld(0), ld(0)))}))
  ;; a load read as bits, then as numbers
  (func (export "bits") (param $p i32)
    (v128.store (i32.const 512) (v128.xor ${ld(4)} ${mul(ld(0), ld(8))})))
  ;; a base near 2^32: base + 12 wraps (address 4) and base + 8 does not (2^32 - 4: traps at its lane 3)
  (func (export "wrap") (param $p i32)
    (v128.store (i32.const 512) ${add(mul(ld(12), ld(12)), mul(ld(8), ld(8)))}))
  ;; the other order: base + 4 does not wrap (traps), base + 8 does
  (func (export "wrap2") (param $p i32)
    (v128.store (i32.const 512) ${add(mul(ld(4), ld(4)), mul(ld(8), ld(8)))})))`;

const bytes = parseWat(WAT);

describe('f32 lanes of a sliding window of v128 loads', () => {
  it('reads lanes 0..2 of a window from earlier loads, lane 3 afresh', () => {
    const source = compileModule(decodeModule(bytes)).source;
    // the 4-tap window: 4 loads, lanes 0..2 of three of them taken (at most 3 + 2 + 1 of them reused)
    expect(source).toMatch(/lf\d+ = D0\.getFloat32/);
    expect(source).toMatch(/ = lf\d+;/);
  });

  const js = instantiateBytes(bytes, () => undefined);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const mems = [js.mem.buffer as ArrayBuffer, (native.mem as { buffer: ArrayBuffer }).buffer];
  const next = rng(5);
  const fill = () => {
    const v = Array.from({ length: 160 }, () => ((next() % 2000) - 1000) / 64);
    for (const m of mems) new Float32Array(m, 0, 160).set(v);
  };
  const run = (name: string, ...args: number[]): [unknown, unknown] => {
    const out: unknown[] = [];
    for (const f of [js[name] as (...a: number[]) => unknown, native[name] as (...a: number[]) => unknown]) {
      try {
        const r = f(...args);
        out.push(r === undefined ? null : typeof r === 'object' ? String(r) : r);
      } catch {
        // an out-of-bounds access: the harness's DataView RangeError, WebAssembly's RuntimeError
        out.push('trap');
      }
    }
    return out as [unknown, unknown];
  };
  const bitsOf = (m: ArrayBuffer) => [...new Int32Array(m, 512, 128)];

  it('fir: the same outputs', () => {
    fill();
    run('fir', 0, 24);
    expect(bitsOf(mems[0])).toEqual(bitsOf(mems[1]));
  });

  for (const name of ['up', 'store', 'call', 'rebase', 'branch', 'bits'])
    it(`${name}: the same result`, () => {
      for (const p of [0, 4, 8, 28, 100]) {
        fill();
        const [mine, theirs] = run(name, p);
        expect(mine, `${name}(${p})`).toEqual(theirs);
        expect(bitsOf(mems[0]), `${name}(${p})`).toEqual(bitsOf(mems[1]));
      }
    });

  it('traps where WebAssembly traps, with a base near 2^32', () => {
    for (const p of [-12, -8, -4, -16, -20])
      for (const name of ['wrap', 'wrap2']) {
        fill();
        const [mine, theirs] = run(name, p);
        expect(mine, `${name}(${p})`).toEqual(theirs);
        expect(bitsOf(mems[0]), `${name}(${p})`).toEqual(bitsOf(mems[1]));
      }
  });
});
