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

  it('runs with fuel and epoch checks on both backends (--fuel, --epoch-interruption)', () => {
    const script = `
      (module
        (func $sum (export "sum") (param $n i32) (result i32) (local $s i32)
          (block $done (loop $l
            (br_if $done (i32.eqz (local.get $n)))
            (local.set $s (i32.add (local.get $s) (local.get $n)))
            (local.set $n (i32.sub (local.get $n) (i32.const 1)))
            (br $l)))
          (local.get $s))
        (func (export "rec") (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
            (else (i32.add (i32.const 1) (call 1 (i32.sub (local.get 0) (i32.const 1))))))))
      (assert_return (invoke "sum" (i32.const 1000)) (i32.const 500500))
      (assert_return (invoke "rec" (i32.const 100)) (i32.const 100))`;
    for (const backend of ['js', 'wasm'] as const) {
      const host = (fuel: number) => executingHost({ backend, fuel, epochInterruption: true });
      const plenty = runWastFile({ text: script, file: 'f.wast' }, { validateOnly: false, host: host(1e9) });
      expect(plenty.failures).toEqual([]);
      expect(plenty.passed).toBe(3);
      // too little fuel: the loop runs out (each script's store gets the fuel once)
      const little = runWastFile({ text: script, file: 'f.wast' }, { validateOnly: false, host: host(500) });
      expect(little.failed).toBe(2);
      expect(little.failures[0].message).toMatch(/fuel/i);
    }
  });
});
