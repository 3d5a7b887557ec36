import { describe, expect, it } from 'vitest';
import { executingHost, runWastFile } from '../src/index.js';

const run = (text: string) => runWastFile({ text, file: 'test.wast' }, { validateOnly: false, host: executingHost() });

describe('executing host', () => {
  it('runs modules, registration, actions and assertions', () => {
    const r = run(`
      (module $A (func (export "f") (result i32) i32.const 7) (global (export "g") i64 (i64.const -1)))
      (register "A" $A)
      (module (import "A" "f" (func $f (result i32))) (import "spectest" "print_i32" (func $p (param i32)))
        (func (export "g") (result i32) (call $p (i32.const 1)) (i32.add (call $f) (i32.const 1)))
        (func (export "nan") (result f32) f32.const nan:0x400001)
        (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
        (func $r (export "r") call $r)
        (tag $t) (func (export "throw") throw $t)
        (func (export "id") (param externref) (result externref) local.get 0))
      (assert_return (invoke "g") (i32.const 8))
      (assert_return (get $A "g") (i64.const -1))
      (assert_return (invoke "nan") (f32.const nan:arithmetic))
      (assert_return (invoke "id" (ref.extern 3)) (ref.extern 3))
      (assert_return (invoke "id" (ref.null extern)) (ref.null extern))
      (assert_trap (invoke "div" (i32.const 0)) "integer divide by zero")
      (assert_exhaustion (invoke "r") "call stack exhausted")
      (assert_exception (invoke "throw"))
      (assert_unlinkable (module (import "A" "nope" (func))) "unknown import")
      (assert_unlinkable (module (import "A" "f" (func (param i32)))) "incompatible import type")
      (assert_trap (module (memory 1) (data (i32.const 65536) "x")) "out of bounds memory access")
    `);
    expect(r.failures).toEqual([]);
    expect(r.passed).toBe(14);
    expect(r.skipped).toBe(0);
  });

  it('reports wrong results as failures', () => {
    const r = run('(module (func (export "f") (result i32) i32.const 1))\n(assert_return (invoke "f") (i32.const 2))');
    expect(r.failed).toBe(1);
    expect(r.failures[0].message).toContain('expected');
  });
});
