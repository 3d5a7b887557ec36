// Globals in per-instance storage (docs/js-abi.md, "Globals", v1.21): private and immutable i32/i64 globals are
// words of their instance's Int32Array, read and written by generated code without a bigint; exported mutable
// ones stay cells; an immutable import is read once per instance. Each form must give the same values as every
// other, from wasm and from the API, across instances, on both backends.
import { describe, expect, it } from 'vitest';
import { Config, Engine, Global, Linker, Module, Store, ValType } from '../src/index.js';

const I64_EXTREMES = [0n, 1n, -1n, 2n ** 31n, -(2n ** 31n), 2n ** 32n, 2n ** 32n - 1n, 2n ** 63n - 1n, -(2n ** 63n)];
const I32_EXTREMES = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 0x7fff0000 | 0];

// the exporting module: private (stored) globals of each stored type, an exported mutable i64 (a cell), exported
// immutable ones (stored), a non-canonical NaN in an immutable f64 and a mutable f32, and a global initialised
// from an imported one
const A = `(module
  (import "h" "base" (global $base i64))
  (memory 1)
  (global $p32 (mut i32) (i32.const -7))
  (global $p64 (mut i64) (i64.const -9223372036854775808))
  (global $e64 (export "e64") (mut i64) (i64.const 4294967296))
  (global $c64 (export "c64") i64 (i64.const -2))
  (global $c32 (export "c32") i32 (i32.const 2147483647))
  (global $from (export "from") i64 (global.get $base))
  (global $nan (export "nan") f64 (f64.const nan:0x4000000000001))
  (global $f32 (export "f32") (mut f32) (f32.const nan:0x200001))
  (global $pv (mut v128) (v128.const i32x4 1 -1 0x7fffffff 0x80000000))
  (global $cv v128 (v128.const i64x2 -2 0x7ff4000000000001))
  (func (export "get32") (result i32) (global.get $p32))
  (func (export "addV") (param i32) (global.set $pv (i32x4.add (global.get $pv) (i32x4.splat (local.get 0)))))
  (func (export "lane") (param i32) (result i32)
    (v128.store (i32.const 0) (global.get $pv))
    (i32.load (i32.shl (local.get 0) (i32.const 2))))
  (func (export "cvHi") (result i64) (i64x2.extract_lane 1 (global.get $cv)))
  (func (export "set32") (param i32) (global.set $p32 (local.get 0)))
  (func (export "get64") (result i64) (global.get $p64))
  (func (export "set64") (param i64) (global.set $p64 (local.get 0)))
  (func (export "getE") (result i64) (global.get $e64))
  (func (export "setE") (param i64) (global.set $e64 (local.get 0)))
  ;; reads and writes in one body: the old value is read before the write, a pair added to it, an i32 too
  (func (export "bump") (param i64 i32) (result i64)
    (global.set $p64 (i64.add (global.get $p64) (local.get 0)))
    (global.set $p32 (i32.add (global.get $p32) (local.get 1)))
    (i64.add (global.get $p64) (i64.extend_i32_s (global.get $p32))))
  (func (export "swap") (result i64)
    (global.get $p64) (global.get $e64) (global.set $p64) (global.set $e64) (global.get $p64))
  (func (export "f32bits") (result i32) (i32.reinterpret_f32 (global.get $f32)))
  (func (export "c") (result i64) (i64.add (global.get $c64) (i64.extend_i32_u (global.get $c32)))))`;

// the importing module: immutable imports (read once), a mutable import it writes
const B = `(module
  (import "a" "e64" (global $e64 (mut i64)))
  (import "a" "c64" (global $c64 i64))
  (import "a" "c32" (global $c32 i32))
  (import "a" "from" (global $from i64))
  (import "a" "nan" (global $nan f64))
  (import "a" "f32" (global $f32 (mut f32)))
  (func (export "getE") (result i64) (global.get $e64))
  (func (export "setE") (param i64) (global.set $e64 (local.get 0)))
  (func (export "c64") (result i64) (global.get $c64))
  (func (export "c32") (result i32) (global.get $c32))
  (func (export "from") (result i64) (global.get $from))
  (func (export "nanBits") (result i64) (i64.reinterpret_f64 (global.get $nan)))
  (func (export "setF32") (param i32) (global.set $f32 (f32.reinterpret_i32 (local.get 0)))))`;

function link(backend: 'js' | 'wasm', base = 0x1234_5678_9abc_def0n) {
  const engine = new Engine(new Config({ backend }));
  const store = new Store(engine, null);
  const linker = new Linker(engine);
  linker.define(
    store,
    'h',
    'base',
    new Global(store, { type: ValType.I64, mutable: false }, { type: 'i64', value: base }),
  );
  const a = linker.instantiate(store, new Module(engine, A));
  linker.instance(store, 'a', a);
  const b = linker.instantiate(store, new Module(engine, B));
  return { store, linker, engine, a, b };
}

for (const backend of ['js', 'wasm'] as const) {
  describe(`globals on the ${backend} backend`, () => {
    it('private i32 and i64 globals keep every value, extremes included, and start at their initializers', () => {
      const { a } = link(backend);
      expect(a.getTypedFunc('get32').call()).toBe(-7);
      expect(a.getTypedFunc('get64').call()).toBe(-(2n ** 63n));
      for (const v of I32_EXTREMES) {
        a.getTypedFunc('set32').call(v);
        expect(a.getTypedFunc('get32').call()).toBe(v);
      }
      for (const v of I64_EXTREMES) {
        a.getTypedFunc('set64').call(v);
        expect(a.getTypedFunc('get64').call()).toBe(v);
      }
    });

    it('a private v128 global keeps its lanes, an immutable one its NaN bits', () => {
      const { a, linker, store, engine } = link(backend);
      const lanes = () => [0, 1, 2, 3].map((i) => a.getTypedFunc('lane').call(i));
      expect(lanes()).toEqual([1, -1, 0x7fffffff, -0x80000000]);
      a.getTypedFunc('addV').call(1);
      expect(lanes()).toEqual([2, 0, -0x80000000, -0x7fffffff]);
      expect(a.getTypedFunc('cvHi').call()).toBe(0x7ff4000000000001n);
      // another instance starts from the initializer
      const a2 = linker.instantiate(store, new Module(engine, A));
      expect([0, 1, 2, 3].map((i) => a2.getTypedFunc('lane').call(i))).toEqual([1, -1, 0x7fffffff, -0x80000000]);
    });

    it('reads before writes in one body, with wrap-around', () => {
      const { a } = link(backend);
      a.getTypedFunc('set64').call(2n ** 63n - 1n);
      a.getTypedFunc('set32').call(2 ** 31 - 1);
      // p64 wraps to -2^63, p32 to -2^31
      expect(a.getTypedFunc('bump').call(1n, 1)).toBe(BigInt.asIntN(64, -(2n ** 63n) - 2n ** 31n));
      expect(a.getTypedFunc('get64').call()).toBe(-(2n ** 63n));
      expect(a.getTypedFunc('get32').call()).toBe(-(2 ** 31));
      a.getTypedFunc('set64').call(5n);
      a.getTypedFunc('setE').call(-3n);
      expect(a.getTypedFunc('swap').call()).toBe(-3n);
      expect(a.getTypedFunc('getE').call()).toBe(5n);
    });

    it('each instance has its own storage', () => {
      const { a, linker, store, engine } = link(backend);
      const a2 = linker.instantiate(store, new Module(engine, A));
      a.getTypedFunc('set64').call(11n);
      a.getTypedFunc('set32').call(12);
      expect(a2.getTypedFunc('get64').call()).toBe(-(2n ** 63n));
      expect(a2.getTypedFunc('get32').call()).toBe(-7);
      a2.getTypedFunc('set64').call(-11n);
      expect(a.getTypedFunc('get64').call()).toBe(11n);
    });

    it('an exported mutable i64 is one global for the exporter, the importer and the API', () => {
      const { a, b } = link(backend);
      const e = a.getGlobal('e64')!;
      expect(e.get()).toEqual({ type: 'i64', value: 2n ** 32n });
      expect(b.getTypedFunc('getE').call()).toBe(2n ** 32n);
      for (const v of I64_EXTREMES) {
        b.getTypedFunc('setE').call(v);
        expect(a.getTypedFunc('getE').call()).toBe(v);
        expect(e.get().value).toBe(v);
        e.set({ type: 'i64', value: -v });
        expect(b.getTypedFunc('getE').call()).toBe(BigInt.asIntN(64, -v));
      }
    });

    it('immutable globals, stored and imported, read the same from wasm and the API', () => {
      const { a, b } = link(backend, -(2n ** 63n) + 5n);
      expect(a.getGlobal('c64')!.get()).toEqual({ type: 'i64', value: -2n });
      expect(a.getGlobal('c32')!.get()).toEqual({ type: 'i32', value: 2 ** 31 - 1 });
      expect(a.getGlobal('from')!.get()).toEqual({ type: 'i64', value: -(2n ** 63n) + 5n });
      expect(a.getTypedFunc('c').call()).toBe(2n ** 31n - 3n);
      expect(b.getTypedFunc('c64').call()).toBe(-2n);
      expect(b.getTypedFunc('c32').call()).toBe(2 ** 31 - 1);
      expect(b.getTypedFunc('from').call()).toBe(-(2n ** 63n) + 5n);
      expect(() => a.getGlobal('c64')!.set({ type: 'i64', value: 1n })).toThrow(TypeError);
    });

    it('NaN payloads pass exactly through an imported immutable f64 and a shared mutable f32', () => {
      const { a, b } = link(backend);
      expect(b.getTypedFunc('nanBits').call()).toBe(0x7ff4000000000001n);
      expect(a.getTypedFunc('f32bits').call()).toBe(0x7fa00001);
      b.getTypedFunc('setF32').call(0xffc00123 | 0);
      expect(a.getTypedFunc('f32bits').call()).toBe(0xffc00123 | 0);
    });
  });
}

describe('globals across backends in one store', () => {
  // a function with a v128 parameter keeps a module on the JS backend under 'auto'
  const onJs = (text: string) => `${text.slice(0, -1)} (func (export "v") (param v128)))`;
  function mixed(aText: string, bText: string) {
    const engine = new Engine();
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    linker.define(
      store,
      'h',
      'base',
      new Global(store, { type: ValType.I64, mutable: false }, { type: 'i64', value: -5n }),
    );
    const ma = new Module(engine, aText);
    const mb = new Module(engine, bText);
    const a = linker.instantiate(store, ma);
    linker.instance(store, 'a', a);
    return { a, b: linker.instantiate(store, mb), backends: [ma.backend, mb.backend] };
  }

  for (const [name, aText, bText, backends] of [
    ['a JS-backend exporter, a wasm-backend importer', onJs(A), B, ['js', 'wasm']],
    ['a wasm-backend exporter, a JS-backend importer', A, onJs(B), ['wasm', 'js']],
  ] as const) {
    it(`${name}: one mutable i64, the same immutable values and NaN bits`, () => {
      const { a, b, backends: got } = mixed(aText, bText);
      expect(got).toEqual(backends);
      for (const v of I64_EXTREMES) {
        b.getTypedFunc('setE').call(v);
        expect(a.getTypedFunc('getE').call()).toBe(v);
        a.getTypedFunc('setE').call(~v);
        expect(b.getTypedFunc('getE').call()).toBe(~v);
        expect(a.getGlobal('e64')!.get().value).toBe(~v);
      }
      expect(b.getTypedFunc('c64').call()).toBe(-2n);
      expect(b.getTypedFunc('c32').call()).toBe(2 ** 31 - 1);
      expect(b.getTypedFunc('from').call()).toBe(-5n);
      // (a wasm-backend global's NaN comes through the host's WebAssembly.Global as a number, canonical: known loss)
      if (backends[0] === 'js') expect(b.getTypedFunc('nanBits').call()).toBe(0x7ff4000000000001n);
      a.getTypedFunc('set64').call(2n ** 63n - 1n);
      expect(a.getTypedFunc('get64').call()).toBe(2n ** 63n - 1n);
    });
  }
});
