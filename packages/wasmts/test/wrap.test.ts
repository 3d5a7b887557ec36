// Func.wrap and Linker.funcWrap: the type written once as value type names, the callback's types inferred (checked
// here by the type checker: `pnpm typecheck` includes tests) and the values at run time, on this run's backend.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Caller, Engine, Func, Instance, Linker, Module, Store, ValType } from '../src/index.js';
import { testConfig } from './backend.js';

const engine = new Engine(testConfig());

describe('Func.wrap', () => {
  it('infers parameter and result types from the names and passes the API values', () => {
    const store = new Store(engine, { seen: [] as unknown[] });
    const f = Func.wrap(store, { params: ['i32', 'i64', 'f64'], results: ['f64'] }, (caller, a, b, c) => {
      expectTypeOf(caller).toEqualTypeOf<Caller<{ seen: unknown[] }>>();
      expectTypeOf(a).toEqualTypeOf<number>();
      expectTypeOf(b).toEqualTypeOf<bigint>();
      expectTypeOf(c).toEqualTypeOf<number>();
      caller.data.seen.push(a, b, c);
      return a + Number(b) + c;
    });
    expect(f.ty()).toEqual({ kind: 'func', params: [ValType.I32, ValType.I64, ValType.F64], results: [ValType.F64] });
    const module = new Module(
      engine,
      `(module (import "m" "f" (func $f (param i32 i64 f64) (result f64)))
         (func (export "g") (result f64) (call $f (i32.const -2) (i64.const 9007199254740993) (f64.const 0.5))))`,
    );
    const g = new Instance(store, module, [f]).getTypedFunc<[], number>('g');
    expect(g.call()).toBe(-2 + 9007199254740992 + 0.5);
    expect(store.data.seen).toEqual([-2, 9007199254740993n, 0.5]);
  });

  it('results: none, one, several', () => {
    const store = new Store(engine, null);
    const none = Func.wrap(store, { params: [] }, () => undefined);
    expect(none.ty()).toEqual({ kind: 'func', params: [], results: [] });
    const two = Func.wrap(store, { params: ['i32'], results: ['i32', 'i64'] }, (_c, x) => {
      const r: [number, bigint] = [x + 1, BigInt(x) * 2n];
      return r;
    });
    const module = new Module(
      engine,
      `(module (import "m" "two" (func $two (param i32) (result i32 i64)))
         (func (export "h") (result i32 i64) (call $two (i32.const 20))))`,
    );
    expect(new Instance(store, module, [two]).getTypedFunc<[], [number, bigint]>('h').call()).toEqual([21, 40n]);
    // @ts-expect-error a one-result function must return its value, not an array
    Func.wrap(store, { params: [], results: ['i32'] }, () => [1]);
    // @ts-expect-error an i64 parameter is a bigint
    Func.wrap(store, { params: ['i64'] }, (_c, x: number) => void x);
  });

  it('refuses a name that is not a value type with a TypeError naming the entry', () => {
    const store = new Store(engine, null);
    // @ts-expect-error not a value type name
    expect(() => Func.wrap(store, { params: ['i32', 'int'] }, () => undefined)).toThrow(
      new TypeError(
        'params[1] is "int", not a value type (i32, i64, f32, f64, v128, funcref, externref, anyref, exnref)',
      ),
    );
    // @ts-expect-error params is required
    expect(() => Func.wrap(store, {}, () => undefined)).toThrow(TypeError);
  });
});

describe('Linker.funcWrap', () => {
  it('defines an import whose callback types come from the names', () => {
    const linker = new Linker<{ total: bigint }>(engine);
    linker.funcWrap('env', 'add', { params: ['i64'] }, (caller, x) => {
      expectTypeOf(x).toEqualTypeOf<bigint>();
      caller.data.total += x;
    });
    const store = new Store(engine, { total: 0n });
    const module = new Module(
      engine,
      `(module (import "env" "add" (func $add (param i64)))
         (func (export "run") (call $add (i64.const 5)) (call $add (i64.const -7))))`,
    );
    linker.instantiate(store, module).getTypedFunc<[], undefined>('run').call();
    expect(store.data.total).toBe(-2n);
  });
});
