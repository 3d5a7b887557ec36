// v128 globals the module defines and does not export (and immutable ones) are four words of the instance's global
// storage (environ's `globalLayout`), which `global.get` and `global.set` read and write lane by lane; an exported
// mutable one is a cell holding a new V128 per write. Each instance
// must start from the initializer's value (several globals share one hoisted constant, which must never change),
// and the results must equal Node's WebAssembly's.

import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from '../harness.js';
import { WA } from './oracle.js';

const WAT = `(module
  (memory (export "mem") 1)
  (global $a (mut v128) (v128.const i32x4 1 2 3 4))
  (global $b (mut v128) (v128.const i32x4 1 2 3 4))
  (global $e (export "e") (mut v128) (v128.const i32x4 1 2 3 4))
  (global $c v128 (v128.const i32x4 1 2 3 4))
  (global $f (mut v128) (v128.const f32x4 1.5 -0 nan:0x200001 -inf))
  (func (export "run") (param $n i32)
    (loop $l
      (global.set $a (i32x4.add (global.get $a) (global.get $b)))
      (global.set $b (i32x4.mul (global.get $a) (v128.const i32x4 3 5 7 -1)))
      (global.set $e (i32x4.sub (global.get $e) (global.get $c)))
      (global.set $f (f32x4.mul (global.get $f) (v128.load (i32.const 128))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (call $dump))
  ;; a value that a later write must not change (read into a local first), and moves keeping NaN payloads
  (func (export "alias") (local $t v128)
    (local.set $t (global.get $a))
    (global.set $a (v128.const i32x4 -1 -2 -3 -4))
    (v128.store (i32.const 96) (local.get $t))
    (global.set $f (v128.load (i32.const 144)))
    (call $dump))
  (func $dump
    (v128.store (i32.const 0) (global.get $a))
    (v128.store (i32.const 16) (global.get $b))
    (v128.store (i32.const 32) (global.get $e))
    (v128.store (i32.const 48) (global.get $c))
    (v128.store (i32.const 64) (global.get $f)))
)`;

const bytes = parseWat(WAT);

type Side = { run(n: number): void; alias(): void; mem: Int32Array };

function sides(): { js: Side; native: Side } {
  const js = instantiateBytes(bytes, () => undefined);
  const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, unknown>;
  const fill = (m: Int32Array) => {
    m.set([0x3fc00000, 0x40000000, 0xbf800000, 0x3f000000], 32); // f32x4 1.5 2 -1 0.5 at 128
    m.set([0x7fa00001, 0xff800001, 0x3f800000, 0x80000000], 36); // a signalling NaN's payload at 144
  };
  const jsMem = new Int32Array(js.mem.buffer, 0, 64);
  const nativeMem = new Int32Array((native.mem as { buffer: ArrayBuffer }).buffer, 0, 64);
  fill(jsMem);
  fill(nativeMem);
  return {
    js: { run: (n) => js.run(n), alias: () => js.alias(), mem: jsMem },
    native: { run: native.run as (n: number) => void, alias: native.alias as () => void, mem: nativeMem },
  };
}

/** The dumped globals (a, b, e, c, f) and the value `alias` kept, as unsigned words. */
const dumped = (m: Int32Array) => [...m.slice(0, 28)].map((x) => x >>> 0);

describe('v128 globals owned by the module', () => {
  it('update in place and match the host engine, instance by instance', () => {
    const first = sides();
    const second = sides();
    first.js.run(5);
    first.native.run(5);
    expect(dumped(first.js.mem)).toEqual(dumped(first.native.mem));
    second.js.run(3);
    second.native.run(3);
    expect(dumped(second.js.mem)).toEqual(dumped(second.native.mem));
    first.js.alias();
    first.native.alias();
    expect(dumped(first.js.mem)).toEqual(dumped(first.native.mem));
    // a new instance starts from the initializers (the constant the globals share never changed)
    const third = sides();
    third.js.run(1);
    third.native.run(1);
    expect(dumped(third.js.mem)).toEqual(dumped(third.native.mem));
    expect(dumped(third.js.mem).slice(12, 16)).toEqual([1, 2, 3, 4]);
  });

  it('writes private globals into their words without a V128, exported ones with a new one', () => {
    const src = instantiateBytes(bytes, () => undefined).$source as string;
    const run = /function f0\([\s\S]*?\n}\n/.exec(src)?.[0] ?? '';
    expect(run).toMatch(/gw\d+\[3\] = /);
    expect(run).not.toMatch(/qv\.a = /);
    // only $e (exported) gets a new object per write
    expect(run.match(/\.value = new rt\.V128\(/g)?.length).toBe(1);
  });
});
