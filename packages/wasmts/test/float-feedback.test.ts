// Float operators on the JS backend keep V8's type feedback "number" (codegen src/numeric.ts, `dbl`): a float loop
// that V8 optimizes while it sees only integral values (which V8's interpreter holds as small integers) must not
// deoptimize at the first fraction ("lost precision or NaN", then a compile again). Checked in a child process under
// V8's `--trace-opt --trace-deopt`: the loop's function is optimized, and never deoptimized.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

const WAT = `(module
  (memory 1)
  ;; 1,024 f32 values i & 7, plus a quarter when $frac is not 0
  (func (export "fill") (param $frac i32) (local $i i32)
    (loop $l
      (f32.store (i32.shl (local.get $i) (i32.const 2))
        (f32.add (f32.convert_i32_s (i32.and (local.get $i) (i32.const 7)))
                 (select (f32.const 0.25) (f32.const 0) (local.get $frac))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1024)))))
  ;; a running f32 sum of products, kept under a bound by a comparison, and an f64 one beside it
  (func (export "sum") (param $k f32) (result f64) (local $i i32) (local $s f32) (local $d f64) (local $x f32)
    (loop $l
      (local.set $x (f32.load (i32.shl (local.get $i) (i32.const 2))))
      (local.set $s (f32.add (local.get $s) (f32.mul (local.get $x) (local.get $k))))
      (if (f32.gt (local.get $s) (f32.const 1000)) (then (local.set $s (f32.sub (local.get $s) (f32.const 1000)))))
      (local.set $d (f64.add (local.get $d) (f64.mul (f64.promote_f32 (local.get $x)) (f64.convert_i32_s (local.get $i)))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1024))))
    (f64.add (local.get $d) (f64.promote_f32 (local.get $s)))))`;

describe('float type feedback', () => {
  it('a float loop optimized on integral values is not deoptimized by fractions', () => {
    const script = `
      const { Config, Engine, Instance, Module, Store } = await import(${JSON.stringify(`${src}/index.ts`)});
      const engine = new Engine(new Config({ backend: 'js' }));
      const inst = new Instance(new Store(engine, null), new Module(engine, ${JSON.stringify(WAT)}), []);
      const fill = inst.getTypedFunc('fill');
      const sum = inst.getTypedFunc('sum');
      let t = 0;
      fill.call(0);
      for (let k = 0; k < 4000; k++) t += sum.call(3);
      fill.call(1);
      for (let k = 0; k < 200; k++) t += sum.call(3);
      console.log('RESULT', t);
    `;
    const out = execFileSync(
      process.execPath,
      ['--trace-opt', '--trace-deopt', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 },
    );
    // 4,000 sums over integral values, then 200 over the same plus a quarter each (f32 and f64 exact here)
    expect(out).toMatch(/^RESULT 7751387200$/m);
    // `sum` is the module's second function: optimized by TurboFan, and no deopt of it
    expect(out).toMatch(/completed (?:optimizing|compiling) \S+ <JSFunction f1 /);
    expect(out.split('\n').filter((l) => l.includes('bailout') && l.includes('<JSFunction f1 '))).toEqual([]);
  });
});
