// CompileOptions.floatFeedback (README.md, "Float type feedback"): on (the default, for V8 with its JIT) every f32/f64
// add, sub, mul, div and comparison has an operand V8's interpreter holds as a heap number, `(-0 + x)`; off (the
// API's choice for hosts without a JIT: JavaScriptCore in Lockdown Mode, Hermes, node --jitless) none has, and the
// results are the same, whole-module and lazily compiled, through the one-pass translator and the IR pipeline.
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';
import { instantiate } from './harness.js';

const wat = `(module
  (func (export "poly") (param f64 f64) (result f64)
    (f64.add (f64.mul (local.get 0) (local.get 1)) (f64.div (local.get 1) (f64.sub (local.get 0) (f64.const 3)))))
  (func (export "lt32") (param f32 f32) (result i32) (f32.lt (f32.add (local.get 0) (local.get 1)) (local.get 1)))
  (func (export "sum32") (param i32) (result f32) (local f32)
    (loop $l
      (local.set 1 (f32.add (local.get 1) (f32.convert_i32_s (local.get 0))))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get 1)))`;

describe('floatFeedback', () => {
  const module = () => decodeModule(parseWat(wat));
  for (const ir of [false, true]) {
    const how = ir ? 'IR pipeline' : 'one-pass translator';
    it(`wraps a float operand only when on (${how})`, () => {
      expect(compileModule(module(), { ir }).source).toContain('(-0 + ');
      expect(compileModule(module(), { ir, floatFeedback: true }).source).toContain('(-0 + ');
      expect(compileModule(module(), { ir, floatFeedback: false }).source).not.toContain('-0 +');
    });
    for (const lazy of [false, true])
      it(`changes no result (${how}, ${lazy ? 'lazy' : 'whole module'})`, () => {
        const results = (floatFeedback: boolean) => {
          const e = instantiate(wat, {}, { ir, lazy, floatFeedback });
          return [e.poly(2.5, 4), e.poly(3, 1), e.poly(-0, 0), e.lt32(0.25, 0.5), e.lt32(-1, 0.5), e.sum32(100)];
        };
        expect(results(false)).toEqual(results(true));
        expect(results(false)[0]).toBeCloseTo(2.5 * 4 + 4 / (2.5 - 3));
      });
  }
});
