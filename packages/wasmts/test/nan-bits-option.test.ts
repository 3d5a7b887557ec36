// `Config.nanBits(false)` (codegen's `CompileOptions.nanBits`), the measurement knob for what keeping NaN payloads as
// `NaNBits` costs on V8: f64 values may be numbers holding any NaN there, so the generated code must still keep a
// payload through loads, locals and stores, and quiet a signalling NaN wherever V8's optimizing JIT could fold an
// operator to its operand (`x * 1`, `x - 0`) or `Math.min`/`Math.max` could hand it on. The functions run hot first
// (so V8 optimizes them with number feedback), then see a signalling NaN.

import { describe, expect, it } from 'vitest';
import { Config, Engine, Instance, Module, Store } from '../src/index.js';

const WAT = `(module (memory (export "m") 1)
  (func $mul1 (param f64) (result f64) (f64.mul (local.get 0) (f64.const 1)))
  (func $sub0 (param f64) (result f64) (f64.sub (local.get 0) (f64.const 0)))
  (func $min (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1)))
  (func (export "calls") (param i32) (result i64)
    (i64.reinterpret_f64 (call $min (call $sub0 (call $mul1 (f64.load (local.get 0)))) (f64.const 5))))
  (func (export "direct") (param i32) (result i64)
    (i64.reinterpret_f64 (f64.mul (f64.load (local.get 0)) (f64.const 1))))
  (func (export "keep") (param i32) (local f64)
    (local.set 1 (f64.load (local.get 0)))
    (f64.store (i32.const 64) (local.get 1))
    (f64.store (i32.const 72) (f64.load (local.get 0)))))`;

const SNAN = 0x7ff0000000000001n;
const QUIET = 1n << 51n;

describe.each([true, false])('Config.nanBits(%s) on V8', (nanBits) => {
  it('keeps a signalling NaN through moves, and quiets it where arithmetic may hand it on', () => {
    const engine = new Engine(new Config({ backend: 'js', nanBits }));
    const inst = new Instance(new Store(engine, null), new Module(engine, WAT), []);
    const memory = inst.getMemory('m');
    if (memory === null || memory === undefined) throw new Error('no memory');
    const calls = inst.getTypedFunc('calls');
    const direct = inst.getTypedFunc('direct');
    const keep = inst.getTypedFunc('keep');
    memory.write(8, new Uint8Array(new Float64Array([1.5]).buffer));
    for (let i = 0; i < 100_000; i++) {
      calls.call(8);
      direct.call(8);
      keep.call(8);
    }
    memory.write(16, new Uint8Array(new BigUint64Array([SNAN]).buffer));
    for (const f of [calls, direct]) {
      const bits = BigInt.asUintN(64, f.call(16) as bigint);
      expect(bits & 0x7ff0000000000000n).toBe(0x7ff0000000000000n);
      expect(bits & QUIET).toBe(QUIET);
    }
    keep.call(16);
    const kept = new BigUint64Array(memory.read(64, 16).slice().buffer);
    expect([...kept]).toEqual([SNAN, SNAN]);
  });
});
