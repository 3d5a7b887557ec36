// Float operators on the JS backend keep V8's type feedback "number" (codegen src/numeric.ts, `dbl`): a float loop
// that V8 optimizes while it sees only integral values (which V8's interpreter holds as small integers) must not
// deoptimize at the first fraction ("lost precision or NaN", "not a Smi", then a compile again). Checked in a child process under
// V8's `--trace-opt --trace-deopt`: the loop's function is optimized, and never deoptimized.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

const WAT = `(module
  (memory 1)
  ;; 1,024 f32 values (i & 7) + 1, plus a quarter when $frac is not 0
  (func (export "fill") (param $frac i32) (local $i i32)
    (loop $l
      (f32.store (i32.shl (local.get $i) (i32.const 2))
        (f32.add (f32.convert_i32_s (i32.add (i32.and (local.get $i) (i32.const 7)) (i32.const 1)))
                 (select (f32.const 0.25) (f32.const 0) (local.get $frac))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1024)))))
  ;; a running f32 sum of products, kept under a bound by a comparison, an f64 one beside it, and an i32 sum of
  ;; negated values truncated and of equalities
  (func (export "sum") (param $k f32) (result f64)
    (local $i i32) (local $s f32) (local $d f64) (local $x f32) (local $j i32)
    (loop $l
      (local.set $x (f32.load (i32.shl (local.get $i) (i32.const 2))))
      (local.set $j (i32.add (local.get $j) (i32.trunc_f32_s (f32.neg (local.get $x)))))
      (if (f32.eq (local.get $x) (local.get $k)) (then (local.set $j (i32.add (local.get $j) (i32.const 1)))))
      (local.set $s (f32.add (local.get $s) (f32.mul (local.get $x) (local.get $k))))
      (if (f32.gt (local.get $s) (f32.const 1000)) (then (local.set $s (f32.sub (local.get $s) (f32.const 1000)))))
      (local.set $d (f64.add (local.get $d) (f64.mul (f64.promote_f32 (local.get $x)) (f64.convert_i32_s (local.get $i)))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1024))))
    (f64.add (f64.add (local.get $d) (f64.promote_f32 (local.get $s))) (f64.convert_i32_s (local.get $j))))
  ;; an equality of two f32 parameters
  (func (export "eq") (param $a f32) (param $b f32) (result i32) (f32.eq (local.get $a) (local.get $b))))`;

describe('float type feedback', () => {
  it('a float loop optimized on integral values is not deoptimized by fractions', () => {
    const script = `
      const { Config, Engine, Instance, Module, Store } = await import(${JSON.stringify(`${src}/index.ts`)});
      const { parseWat } = await import(${JSON.stringify(`${src}/../../wat/src/index.ts`)});
      const engine = new Engine(new Config({ backend: 'js' }));
      const inst = new Instance(new Store(engine, null), new Module(engine, ${JSON.stringify(WAT)}), []);
      const native = new WebAssembly.Instance(new WebAssembly.Module(parseWat(${JSON.stringify(WAT)}))).exports;
      const fill = inst.getTypedFunc('fill');
      const sum = inst.getTypedFunc('sum');
      let t = 0;
      let n = 0;
      fill.call(0);
      native.fill(0);
      for (let k = 0; k < 4000; k++) t += sum.call(3);
      n += 4000 * native.sum(3);
      fill.call(1);
      native.fill(1);
      for (let k = 0; k < 200; k++) t += sum.call(3);
      n += 200 * native.sum(3);
      const eq = inst.getTypedFunc('eq');
      for (let k = 0; k < 20000; k++) t += eq.call(k & 7, 3);
      for (let k = 0; k < 200; k++) t += eq.call((k & 7) + 0.5, 3.5);
      n += 2500 + 25;
      console.log('RESULT', t, n);
    `;
    const out = execFileSync(
      process.execPath,
      ['--trace-opt', '--trace-deopt', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 },
    );
    // 4,000 sums over integral values, then 200 over the same plus a quarter each, as Node's WebAssembly sums them
    const [, js, native] = /^RESULT (\S+) (\S+)$/m.exec(out) ?? [];
    expect(js).toBe(native);
    // `sum` and `eq` (the module's second and third functions) optimized by TurboFan, and no deopt of either
    expect(out).toMatch(/completed (?:optimizing|compiling) \S+ <JSFunction f1 /);
    expect(out).toMatch(/completed (?:optimizing|compiling) \S+ <JSFunction f2 /);
    expect(out.split('\n').filter((l) => l.includes('bailout') && /<JSFunction f[12] /.test(l))).toEqual([]);
  });
});
