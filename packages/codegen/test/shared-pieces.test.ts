// Pieces shared per module (src/shared-pieces.ts, README.md "Pieces shared per module"): compiled on first call, the
// pieces of a split body and its outlined runs are made once per module and read their instance's state from the
// object the body passes them. Instances of one compiled module must stay isolated all the same: each piece sees its
// own instance's memory (after growth too), globals and functions, also when one instance's piece calls into
// another's through an import.

import { decodeModule, wasmFeatures } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';
import { instantiateCompiled } from './harness.js';
import { WA } from './simd/oracle.js';

/** `n` statements of i32 arithmetic on `$x`. */
const arithmetic = (n: number, k0: number) =>
  Array.from(
    { length: n },
    (_, k) => `(local.set $x (i32.add (i32.mul (local.get $x) (i32.const ${k + k0})) (local.get $d)))`,
  ).join('\n');

const WAT = `(module
  (import "env" "other" (func $other (param i32) (result i32)))
  (memory (export "mem") 1)
  (global $g (export "g") (mut i32) (i32.const 0))
  (func $run (export "run") (param $d i32) (param $depth i32) (result i32) (local $x i32) (local $i i32)
    (loop $l
      (block $b
        ${arithmetic(30, 3)}
        (i32.store (i32.and (i32.mul (local.get $i) (i32.const 4)) (i32.const 1020)) (local.get $x))
        (global.set $g (i32.add (global.get $g) (local.get $x)))
        ;; growth and then a store through the grown buffer in the same piece (its view read again after the call)
        (if (i32.eq (local.get $i) (i32.const 3)) (then (drop (memory.grow (i32.const 1)))
          (i32.store (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 8)) (local.get $x))))
        ;; the last word of the memory: in bounds only through a view of the grown buffer
        (i32.store (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4)) (local.get $x))
        (if (i32.eq (local.get $i) (i32.const 5))
          (then (local.set $x (i32.add (local.get $x) (call $other (local.get $depth))))))
        (if (i32.and (i32.gt_u (local.get $depth) (i32.const 0)) (i32.eq (local.get $i) (i32.const 7)))
          (then (local.set $x (i32.xor (local.get $x)
            (call $run (local.get $d) (i32.sub (local.get $depth) (i32.const 1)))))))
        ${arithmetic(30, 40)})
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))
    (i32.add (local.get $x) (i32.add (global.get $g) (i32.load (i32.const 8))))))`;

/** What an instance shows of its state after a call: the result, its global, its memory's size and some words. */
function state(e: Record<string, any>, result: number) {
  // the runtime's Memory (its buffer may be longer than the memory) or Node's
  const mem = e.mem as { buffer: ArrayBuffer; byteLength?: number };
  const bytes = mem.byteLength ?? mem.buffer.byteLength;
  const words = new Int32Array(mem.buffer, 0, bytes / 4);
  return { result, g: e.g.value, pages: bytes / 65536, words: [...words.subarray(0, 8)], last: words.at(-1) };
}

describe('pieces shared per module', () => {
  it('keep instances of one compiled module isolated', () => {
    const bytes = parseWat(WAT);
    const module = decodeModule(bytes, { features: wasmFeatures({}) });
    const compiled = compileModule(module, { lazy: true, splitChars: 300 });
    // instance b: its import returns a constant; instance a: its import calls b (another instance's pieces run
    // inside one of a's); c is made after both ran, from the pieces made then
    const b = instantiateCompiled(compiled, () => (n: number) => n + 1000);
    const a = instantiateCompiled(compiled, () => (n: number) => b.run(n + 7, 1));
    const source = compiled.lazy?.functionSource(0) ?? '';
    expect(source).toMatch(/\(function f1\$o\d+\(I, /);
    const nb = new (WA.Instance as any)(new WA.Module(bytes), { env: { other: (n: number) => n + 1000 } }).exports;
    const na = new (WA.Instance as any)(new WA.Module(bytes), { env: { other: (n: number) => nb.run(n + 7, 1) } })
      .exports;
    const got = [state(a, a.run(5, 2)), state(b, b.run(3, 1)), state(a, a.run(9, 1))];
    const want = [state(na, na.run(5, 2)), state(nb, nb.run(3, 1)), state(na, na.run(9, 1))];
    expect(got).toEqual(want);
    expect(state(b, b.run(1, 0))).toEqual(state(nb, nb.run(1, 0)));
    const c = instantiateCompiled(compiled, () => (n: number) => n);
    const nc = new (WA.Instance as any)(new WA.Module(bytes), { env: { other: (n: number) => n } }).exports;
    expect(state(c, c.run(2, 2))).toEqual(state(nc, nc.run(2, 2)));
    // a and b grew their own memories only
    expect([state(a, 0).pages, state(b, 0).pages, state(c, 0).pages]).toEqual([
      state(na, 0).pages,
      state(nb, 0).pages,
      state(nc, 0).pages,
    ]);
  });
});
