import { describe, expect, it } from 'vitest';
import { CompileError, Config, Engine, Instance, Module, Store } from '../src/index.js';
import { createWebAssembly } from '../src/webassembly.js';

// `bad` is invalid (an i64 where an i32 is returned); `tiny` is small enough to be inlined into `callsTiny`
// (codegen's inlining), and invalid too; `good` and `callsGood` are valid.
const WAT = `(module
  (memory (export "mem") 1)
  (func $good (export "good") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func $bad (export "bad") (result i32) (i64.const 1))
  (func $tiny (param i32) (result i32) (i64.const 2))
  (func (export "callsTiny") (param i32) (result i32) (call $tiny (local.get 0)))
  (func (export "callsGood") (param i32) (result i32) (call $good (call $good (local.get 0))))
  (func (export "loop") (param i32) (result i32)
    (loop $l (local.set 0 (i32.sub (local.get 0) (i32.const 1))) (br_if $l (local.get 0)))
    (i32.const 7)))`;

function instance(options: ConstructorParameters<typeof Config>[0] = {}) {
  const engine = new Engine(new Config({ backend: 'js', lazyValidation: true, ...options }));
  const m = new Module(engine, WAT);
  const store = new Store(engine, null);
  if (options.consumeFuel) store.setFuel(1_000_000);
  if (options.epochInterruption) store.setEpochDeadline(1_000_000);
  return { m, i: new Instance(store, m, []) };
}

describe('Config.lazyValidation', () => {
  it('off (the default): the invalid body fails new Module', () => {
    const engine = new Engine(new Config({ backend: 'js' }));
    expect(() => new Module(engine, WAT)).toThrow(CompileError);
  });

  for (const options of [{}, { consumeFuel: true }, { epochInterruption: true }]) {
    it(`on ${JSON.stringify(options)}: new Module succeeds, valid functions run, an invalid one throws CompileError at each call`, () => {
      const { i } = instance(options);
      expect(i.getTypedFunc<[number], number>('good').call(41)).toBe(42);
      expect(i.getTypedFunc<[number], number>('callsGood').call(1)).toBe(3);
      expect(i.getTypedFunc<[number], number>('loop').call(5)).toBe(7);
      const bad = i.getTypedFunc<[], number>('bad');
      expect(() => bad.call()).toThrow(CompileError);
      expect(() => bad.call()).toThrow(/type mismatch/);
      // the invalid callee is not inlined: the call of it throws, from the callee
      const callsTiny = i.getTypedFunc<[number], number>('callsTiny');
      expect(() => callsTiny.call(1)).toThrow(CompileError);
      expect(() => callsTiny.call(1)).toThrow(CompileError);
      // the instance still works after the failures
      expect(i.getTypedFunc<[number], number>('good').call(1)).toBe(2);
    });
  }

  it('the whole-module source (serialize, wasmts compile) validates every body', () => {
    const { m } = instance();
    expect(() => m.compiled.source).toThrow(CompileError);
    expect(() => m.serialize()).toThrow(CompileError);
  });

  it('Module.validate stays eager', () => {
    const engine = new Engine(new Config({ backend: 'js', lazyValidation: true }));
    expect(() => Module.validate(engine, WAT)).toThrow(CompileError);
  });

  it('a valid module gives the same results and the same generated code as with eager validation', () => {
    const valid = WAT.replace('(i64.const 1)', '(i32.const 1)').replace('(i64.const 2)', '(i32.const 2)');
    const run = (lazy: boolean) => {
      const engine = new Engine(new Config({ backend: 'js', lazyValidation: lazy }));
      const m = new Module(engine, valid);
      const i = new Instance(new Store(engine, null), m, []);
      const out = [i.getTypedFunc<[], number>('bad').call(), i.getTypedFunc<[number], number>('callsTiny').call(1)];
      return { out, source: m.compiled.source, used: [...m.module.featuresUsed].sort() };
    };
    expect(run(true)).toEqual(run(false));
  });

  it('the drop-in WebAssembly: new Module succeeds, the call throws WebAssembly.CompileError; validate stays eager', () => {
    const W = createWebAssembly({ config: new Config({ backend: 'js', lazyValidation: true }) });
    // the module's binary (the text compiled by a lazily validating engine, which accepts it)
    const binary = new Module(new Engine(new Config({ backend: 'js', lazyValidation: true })), WAT).bytes;
    expect(W.validate(binary)).toBe(false);
    const inst = new W.Instance(new W.Module(binary), {});
    expect(inst.exports.good(1)).toBe(2);
    expect(() => inst.exports.bad()).toThrow(W.CompileError);
  });
});
