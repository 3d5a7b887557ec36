// Element segments on the JS backend: an offset that is one i32.const and items that are function indices are read
// from the module at instantiation (codegen's const-value.ts), not generated per segment, so the factory's source
// does not grow with the number of such segments (the JS API allows 10,000,000); the others still get code.
import { describe, expect, it } from 'vitest';
import { Config, Engine, Global, Instance, Module, Store, ValType } from '../src/index.js';

const engine = new Engine(new Config({ backend: 'js' }));

function segments(n: number): string {
  return `(module (table 1 funcref) (func $f)
    ${'(elem (i32.const 0) func $f)'.repeat(n)}
    (elem declare func $f))`;
}

describe('element segments on the JS backend', () => {
  it('adds no generated text per segment of function indices at a constant offset', () => {
    const one = new Module(engine, segments(1)).compiled.source.length;
    const many = new Module(engine, segments(100_000)).compiled.source.length;
    expect(many - one).toBeLessThan(1_000);
  });

  it('places function-index, expression and global-offset segments, and passive ones for table.init', () => {
    const wat = `(module
      (import "m" "base" (global $base i32))
      (type $t (func (result i32)))
      (table 8 funcref)
      (func $a (result i32) (i32.const 1))
      (func $b (result i32) (i32.const 2))
      (func $c (result i32) (i32.const 3))
      (func $d (result i32) (i32.const 4))
      (elem (i32.const 0) func $a $b)
      (elem (i32.const 2) funcref (ref.func $c) (ref.null func))
      (elem (global.get $base) func $d)
      (elem $p func $b $a)
      (func (export "call") (param i32) (result i32) (call_indirect (type $t) (local.get 0)))
      (func (export "init") (table.init $p (i32.const 6) (i32.const 0) (i32.const 2))))`;
    const store = new Store(engine, null);
    const base = new Global(store, { type: ValType.I32, mutable: false }, { type: 'i32', value: 4 });
    const inst = new Instance(store, new Module(engine, wat), [base]);
    const call = inst.getTypedFunc<[number], number>('call');
    inst.getTypedFunc<[], void>('init').call();
    expect([0, 1, 2, 4, 6, 7].map((i) => call.call(i))).toEqual([1, 2, 3, 4, 2, 1]);
    expect(() => call.call(3)).toThrow(/uninitialized|null/);
  });
});
