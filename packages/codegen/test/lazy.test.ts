// Lazy compilation (README.md "Lazy compilation"): each function is translated and evaluated on its first call, once
// per module, and bound to each instance; calls, tail calls, tables, memory growth and traps behave as when the
// module is compiled whole.
import { describe, expect, it, vi } from 'vitest';
import { LazyModule } from '../src/emit-module.js';
import { CodegenLimitError, MAX_STRUCTURED_DEPTH } from '../src/limits.js';
import { instantiate, lastCompiled } from './harness.js';

const LAZY = { lazy: true };

const WAT = `(module
  (memory (export "mem") 1)
  (table 2 funcref)
  (elem (i32.const 0) $double $grow)
  (type $t (func (param i32) (result i32)))
  (func $double (type $t) (i32.mul (local.get 0) (i32.const 2)))
  (func $grow (type $t) (drop (memory.grow (local.get 0))) (memory.size))
  (func $even (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1)) (else (return_call $odd (i32.sub (local.get 0) (i32.const 1))))))
  (func $odd (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0)) (else (return_call $even (i32.sub (local.get 0) (i32.const 1))))))
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1))) (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "indirect") (param i32 i32) (result i32) (call_indirect (type $t) (local.get 1) (local.get 0)))
  (func (export "even") (param i32) (result i32) (call $even (local.get 0)))
  (func (export "store_load") (param i32) (result i32)
    (i32.store (i32.const 70000) (local.get 0))
    (i32.load (i32.const 70000)))
  (func (export "never") (result i32) (call $double (i32.const 21))))`;

describe('lazy compilation', () => {
  it('translates only the functions that run, each once per module, and gives the same results', () => {
    const spy = vi.spyOn(LazyModule.prototype, 'functionSource');
    const a = instantiate(WAT, {}, LAZY);
    expect(spy).not.toHaveBeenCalled();
    expect(a.fib(15)).toBe(610);
    expect(spy.mock.calls.map((c) => c[0])).toEqual([4]); // only $fib (DefinedFuncIndex 4)
    // a tail call into a function not compiled yet, then a million-deep mutual tail recursion in constant stack
    expect(a.even(7)).toBe(0);
    expect(a.even(1_000_000)).toBe(1);
    // through the table: one function compiled from a table call, one that grows memory that another reads
    expect(a.indirect(0, 5)).toBe(10);
    expect(() => a.store_load(1)).toThrow(RangeError); // out of bounds: one page
    expect(a.indirect(1, 1)).toBe(2);
    expect(a.store_load(99)).toBe(99); // compiled before the growth: its view follows the memory
    const compiled = new Set(spy.mock.calls.map((c) => c[0]));
    expect(compiled.has(9)).toBe(false); // "never" was not called
    expect(spy.mock.calls.length).toBe(compiled.size); // each at most once
    // a second instance of the same module binds the already-evaluated functions: nothing is translated again
    const calls = spy.mock.calls.length;
    const b = instantiate(WAT, {}, LAZY);
    expect(b.fib(10)).toBe(55);
    expect(spy.mock.calls.length).toBe(calls + 1); // its own CompiledModule (harness compiles again)
    spy.mockRestore();
  });

  it('sourceLength counts the source evaluated so far, without translating the rest of the module', () => {
    const spy = vi.spyOn(LazyModule.prototype, 'functionSource');
    const a = instantiate(WAT, {}, LAZY);
    const compiled = lastCompiled;
    const before = compiled?.sourceLength ?? 0;
    expect(before).toBe(compiled?.lazy?.constSource.length);
    expect(a.fib(10)).toBe(55);
    expect(spy.mock.results.length).toBe(1);
    const fib = spy.mock.results[0].value as string;
    expect(compiled?.sourceLength).toBe(before + fib.length);
    expect(spy.mock.results.length).toBe(1); // reading it translated nothing
    spy.mockRestore();
    // compiled whole: the source's length
    instantiate(WAT, {}, { lazy: false });
    expect(lastCompiled?.sourceLength).toBe(lastCompiled?.source.length);
  });

  it('a function the backend cannot translate fails with its typed error when called, not when instantiated', () => {
    const n = MAX_STRUCTURED_DEPTH + 1;
    const e = instantiate(
      `(module (func (export "ok") (result i32) (i32.const 1))
        (func (export "deep") ${'(block '.repeat(n)} (try (do) (catch_all)) ${')'.repeat(n)}))`,
      {},
      LAZY,
    );
    expect(e.ok()).toBe(1);
    expect(() => e.deep()).toThrow(CodegenLimitError);
  });
});
