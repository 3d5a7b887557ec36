// GC references, function references and exceptions belong to their engine (type identity) and their store:
// another engine's struct handed over as an externref is a host value there (no cast to one of its types
// passes, `extern.convert_any` gives the same object back), and one handed over as anyref, a function or an
// exception of another store is refused at the API boundary with a WrongStoreError. Both directions.
import { describe, expect, it } from 'vitest';
import {
  AnyRef,
  Engine,
  Func,
  funcType,
  Global,
  Instance,
  Linker,
  Module,
  Store,
  Table,
  TrapCode,
  ValType,
  WrongStoreError,
} from '../src/index.js';
import { BACKEND, testConfig } from './backend.js';

/** Makes GC objects: a struct whose only field is an i32, an array of i32, an i31. */
const MAKER = `(module
  (type $s (struct (field (mut i32))))
  (type $a (array (mut i32)))
  (func (export "struct") (param i32) (result anyref) (struct.new $s (local.get 0)))
  (func (export "struct_ext") (param i32) (result externref) (extern.convert_any (struct.new $s (local.get 0))))
  (func (export "array") (result anyref) (array.new $a (i32.const 7) (i32.const 2)))
  (func (export "i31") (result anyref) (ref.i31 (i32.const 5)))
  (func (export "get") (param anyref) (result i32) (struct.get $s 0 (ref.cast (ref $s) (local.get 0)))))`;

/**
 * The victim: its own first type is a struct of an i64 and a funcref at the same index as MAKER's struct,
 * so a numeric type id of another engine would pass its cast. Each export takes the value as externref.
 */
const VICTIM = `(module
  (type $v (struct (field (mut i64)) (field (mut funcref))))
  (type $w (array (mut i64)))
  (func (export "test") (param externref) (result i32)
    (ref.test (ref $v) (any.convert_extern (local.get 0))))
  (func (export "test_array") (param externref) (result i32)
    (ref.test (ref $w) (any.convert_extern (local.get 0))))
  (func (export "test_struct") (param externref) (result i32)
    (ref.test (ref struct) (any.convert_extern (local.get 0))))
  (func (export "write") (param externref)
    (struct.set $v 0 (ref.cast (ref $v) (any.convert_extern (local.get 0))) (i64.const -1)))
  (func (export "round_trip") (param externref) (result externref)
    (extern.convert_any (any.convert_extern (local.get 0))))
  (func (export "take") (param anyref) (result i32) (ref.test (ref $v) (local.get 0)))
  (func (export "i31") (param anyref) (result i32) (i31.get_s (ref.cast (ref i31) (local.get 0)))))`;

/**
 * Two fresh engines, one compiling MAKER first and one VICTIM first: both modules have six new rec groups
 * (their last function type is shared), so with ids counted per engine the maker's struct and array of
 * each engine would have the ids of the other's victim types.
 */
function gcPair() {
  return [true, false].map((makerFirst) => {
    const engine = new Engine(testConfig());
    const store = new Store(engine, null);
    const [m, v] = makerFirst
      ? [new Module(engine, MAKER), new Module(engine, VICTIM)]
      : [new Module(engine, VICTIM), new Module(engine, MAKER)].reverse();
    return { engine, store, maker: new Instance(store, m, []), victim: new Instance(store, v, []) };
  });
}

describe('GC objects of another engine', () => {
  it('an externref of another engine is a host value: every cast fails, it comes back unchanged', () => {
    const sides = gcPair();
    for (const [from, to] of [
      [sides[0], sides[1]],
      [sides[1], sides[0]],
    ]) {
      const s = from.maker.getTypedFunc<[number], unknown>('struct_ext').call(42);
      expect(AnyRef.isStruct(s)).toBe(true);
      expect(to.victim.getTypedFunc<[unknown], number>('test').call(s)).toBe(0);
      expect(to.victim.getTypedFunc<[unknown], number>('test_struct').call(s)).toBe(0);
      expect(() => to.victim.getTypedFunc<[unknown], void>('write').call(s)).toThrow(
        expect.objectContaining({ code: TrapCode.CastFailure }),
      );
      expect(to.victim.getTypedFunc<[unknown], unknown>('round_trip').call(s)).toBe(s);
      // the object is untouched and still its own engine's
      expect(from.maker.getTypedFunc<[unknown], number>('get').call(s)).toBe(42);
      const arr = from.maker.getTypedFunc<[], unknown>('array').call();
      expect(to.victim.getTypedFunc<[unknown], number>('test_array').call(arr)).toBe(0);
      // its own engine's victim sees a struct, but not of its type
      expect(from.victim.getTypedFunc<[unknown], number>('test_struct').call(s)).toBe(1);
      expect(from.victim.getTypedFunc<[unknown], number>('test').call(s)).toBe(0);
    }
  });

  it('an anyref of another engine is refused at every API entry; i31 values are shared', () => {
    const sides = gcPair();
    for (const [from, to] of [
      [sides[0], sides[1]],
      [sides[1], sides[0]],
    ]) {
      const s = from.maker.getTypedFunc<[number], unknown>('struct').call(1);
      const a = from.maker.getTypedFunc<[], unknown>('array').call();
      const take = to.victim.getFunc('take')!;
      for (const v of [s, a]) {
        expect(() => take.call(to.store, [{ type: 'anyref', value: v }])).toThrow(WrongStoreError);
        expect(() => take.typed<[unknown], number>().call(v)).toThrow(/GC object given as anyref argument 0/);
        expect(() => take.callRaw(v)).toThrow(WrongStoreError);
        expect(
          () => new Global(to.store, { type: ValType.ANYREF, mutable: true }, { type: 'anyref', value: v }),
        ).toThrow(WrongStoreError);
        const g = new Global(to.store, { type: ValType.ANYREF, mutable: true }, { type: 'anyref', value: null });
        expect(() => g.set({ type: 'anyref', value: v })).toThrow(WrongStoreError);
        const t = new Table(to.store, { element: ValType.ANYREF, limits: { min: 1, max: null }, index64: false });
        expect(() => t.set(0, { type: 'anyref', value: v })).toThrow(WrongStoreError);
        expect(() => t.grow(1, { type: 'anyref', value: v })).toThrow(WrongStoreError);
        expect(t.size()).toBe(1);
        // a host function of `to` returning it fails the call
        const linker = new Linker(to.engine);
        linker.defineFunc('h', 'give', funcType([], [ValType.ANYREF]), () => v);
        const user = linker.instantiate(
          to.store,
          new Module(
            to.engine,
            '(module (import "h" "give" (func $g (result anyref))) (func (export "run") (drop (call $g))))',
          ),
        );
        expect(() => user.getTypedFunc('run').call()).toThrow(/GC object returned as a anyref result/);
      }
      // i31 references are plain values of every engine
      const i31 = from.maker.getTypedFunc<[], unknown>('i31').call();
      expect(to.victim.getTypedFunc<[unknown], number>('i31').call(i31)).toBe(5);
      // and the same objects work in their own engine
      expect(from.victim.getTypedFunc<[unknown], number>('take').call(s)).toBe(0);
    }
  });
});

describe('function references and exceptions of another engine or store', () => {
  it('a function of another engine is refused as a funcref (both directions)', () => {
    const module = (engine: Engine) =>
      new Module(
        engine,
        `(module (type $r (func (result i32))) (table 1 funcref)
           (func (export "call") (param funcref) (result i32)
             (table.set (i32.const 0) (local.get 0)) (call_indirect (type $r) (i32.const 0))))`,
      );
    const a = new Engine(testConfig());
    const b = new Engine(testConfig());
    const sa = new Store(a, null);
    const sb = new Store(b, null);
    const fa = new Func(sa, funcType([], [ValType.I32]), () => 1);
    const fb = new Func(sb, funcType([], [ValType.I32]), () => 2);
    const ia = new Instance(sa, module(a), []);
    const ib = new Instance(sb, module(b), []);
    expect(() => ib.getFunc('call')!.call(sb, [{ type: 'funcref', value: fa }])).toThrow(WrongStoreError);
    expect(() => ib.getTypedFunc<[unknown], number>('call').call(fa.ref)).toThrow(WrongStoreError);
    expect(() => ia.getTypedFunc<[unknown], number>('call').call(fb.ref)).toThrow(WrongStoreError);
    expect(() => fa.call(sb, [])).toThrow(WrongStoreError);
    expect(ia.getTypedFunc<[unknown], number>('call').call(fa.ref)).toBe(1);
    expect(ib.getTypedFunc<[unknown], number>('call').call(fb.ref)).toBe(2);
  });

  it('an exnref of another store or engine is refused at the boundary', () => {
    const text = `(module (tag $t (param i32))
      (func (export "catch") (param i32) (result exnref)
        (block $h (result exnref) (try_table (catch_all_ref $h) (throw $t (local.get 0))) unreachable))
      (func (export "rethrow") (param exnref) (throw_ref (local.get 0))))`;
    const a = new Engine(testConfig());
    const b = new Engine(testConfig());
    const sides = [new Store(a, null), new Store(a, null), new Store(b, null)].map((store) => ({
      store,
      instance: new Instance(store, new Module(store.engine, text), []),
    }));
    const exn = sides[0].instance.getTypedFunc<[number], unknown>('catch').call(9);
    for (const other of sides.slice(1)) {
      const rethrow = other.instance.getFunc('rethrow')!;
      expect(() => rethrow.call(other.store, [{ type: 'exnref', value: exn }])).toThrow(WrongStoreError);
      expect(() => rethrow.typed<[unknown], void>().call(exn)).toThrow(/exception given as exnref argument 0/);
    }
    // its own store rethrows it
    expect(() => sides[0].instance.getTypedFunc<[unknown], void>('rethrow').call(exn)).toThrow(
      expect.objectContaining({ name: 'UncaughtWasmException' }),
    );
  });
});

describe.skipIf(BACKEND === 'js')('the wasm backend keeps another engine’s objects opaque', () => {
  it('a struct of a JS-backend engine passes through a wasm-backend instance as a host value', () => {
    const gcEngine = new Engine(testConfig({ backend: 'js' }));
    const wasmEngine = new Engine(testConfig({ backend: 'wasm' }));
    const gcStore = new Store(gcEngine, null);
    const maker = new Instance(gcStore, new Module(gcEngine, MAKER), []);
    const s = maker.getTypedFunc<[number], unknown>('struct_ext').call(3);
    const wasmStore = new Store(wasmEngine, null);
    const keep = new Module(
      wasmEngine,
      `(module (global $g (mut externref) (ref.null extern))
         (func (export "keep") (param externref) (global.set $g (local.get 0)))
         (func (export "give") (result externref) (global.get $g)))`,
    );
    expect(keep.backend).toBe('wasm');
    const inst = new Instance(wasmStore, keep, []);
    inst.getTypedFunc<[unknown], void>('keep').call(s);
    expect(inst.getTypedFunc<[], unknown>('give').call()).toBe(s);
    expect(maker.getTypedFunc<[unknown], number>('get').call(s)).toBe(3);
  });
});
