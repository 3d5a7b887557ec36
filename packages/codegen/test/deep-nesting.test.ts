// Code generation at any nesting depth (issue 11 item 8): 20,000 nested blocks, loops, ifs and try_tables and
// a br_table over 20,000 blocks compile, load and run on the JS backend, with and without fuel and epochs, and
// the generated source grows linearly with depth (a size ratio, not a time: no timing assertions here).
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModule, loadFactory } from '../src/index.js';
import { CodegenLimitError, ISLAND_HEIGHT, MAX_STRUCTURED_DEPTH } from '../src/limits.js';
import { DEEP } from './deep-modules.js';
import { instantiate, instantiateBytes, limits, resetLimits } from './harness.js';
import { WA } from './simd/oracle.js';

const HOOKS = { tunables: { consumeFuel: true, epochInterruption: true } };

beforeAll(() => {
  limits.fuelConsumed = -1e15; // fuel left
  limits.epochDeadline = 1e15; // epoch deadline
});
afterAll(() => resetLimits());

describe.each(Object.keys(DEEP))('%s nested 20,000 deep', (name) => {
  const gen = DEEP[name];
  const m = gen(20_000);
  it.each([
    ['without hooks', {}],
    ['with fuel and epochs', HOOKS],
  ])('compiles, loads and runs %s, with source linear in depth', (_, options) => {
    const e = instantiateBytes(m.bytes, () => undefined, options);
    for (const x of m.inputs) expect(e.run(x), `run(${x})`).toBe(m.expected(x));
    // 5,000 -> 20,000: the source grows 4x (it grew 16x when indentation was per level)
    const small = compileModule(decodeModule(gen(5_000).bytes), options).source.length;
    const ratio = e.$source.length / small;
    expect(ratio).toBeGreaterThan(3.6);
    expect(ratio).toBeLessThan(4.4);
  });
});

describe('flat regions', () => {
  it('branch out of a flat region to frames outside it, with values, and keep exceptions to outer handlers', () => {
    // a br_table at depth 150 whose targets are on both sides of the flat region's boundary, carrying a value
    const n = 150;
    const open = '(block (result i32) '.repeat(n);
    const targets = Array.from({ length: n }, (_, i) => i).join(' ');
    const close = Array.from({ length: n }, (_, i) => `) (i32.add (i32.const ${i}))`).join(' ');
    const e = instantiate(`(module (tag $t (param i32))
      (func (export "sw") (param i32) (result i32)
        ${open} (i32.const 1000) (local.get 0) (br_table ${targets} 0) ${close})
      (func (export "catch") (param i32) (result i32)
        (block $h (result i32)
          (try_table (catch $t $h)
            ${'(block '.repeat(n)} (if (local.get 0) (then (throw $t (i32.const 42)))) ${')'.repeat(n)})
          (i32.const 7))))`);
    // br_table index k exits k + 1 blocks; the adds after block k..n-1 run: sum of i from k to n-1
    const sum = (k: number) => ((n - 1) * n) / 2 - ((k - 1) * k) / 2;
    for (const k of [0, 1, 49, 50, 51, 100, 149]) expect(e.sw(k)).toBe(1000 + sum(k));
    expect(e.sw(1000)).toBe(1000 + sum(0));
    expect(e.catch(0)).toBe(7);
    expect(e.catch(1)).toBe(42);
    expect(e.$source).toContain('switch (st)');
  });

  it('keep the ifs and loops of a deep dispatch’s case bodies nested (islands), only the deep blocks as cases', () => {
    // an interpreter's dispatch: a br_table over 200 nested blocks in a loop, each block's end followed by a case
    // body with an if/else and a loop. Before, everything deeper than MAX_STRUCTURED_DEPTH was a case of the state
    // machine, each if and loop of the case bodies a jump through its dispatch
    const n = 200;
    let code = `(br_table ${Array.from({ length: n }, (_, k) => `$c${k}`).join(' ')} $out
      (i32.rem_u (i32.add (local.get $x) (local.get $i)) (i32.const ${n + 1})))`;
    for (let k = 0; k < n; k++)
      code = `(block $c${k} ${code})
        (if (i32.and (local.get $acc) (i32.const ${1 << (k % 7)}))
          (then (local.set $acc (i32.add (local.get $acc) (i32.const ${k}))))
          (else (local.set $acc (i32.xor (local.get $acc) (i32.const ${k * 7})))))
        (local.set $j (i32.const 0))
        (loop $l
          (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $j)))
          (br_if $l (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const ${1 + (k % 3)}))))
        (br $next)`;
    const wat = `(module (func (export "run") (param $x i32) (param $n i32) (result i32) (local $i i32) (local $j i32)
      (local $acc i32)
      (block $out
        (loop $next
          (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          ${code}))
      (local.get $acc)))`;
    const native = new WA.Instance(new WA.Module(parseWat(wat))).exports as Record<string, any>;
    for (const options of [{}, HOOKS]) {
      // not outlined: the region's cases are all in the function
      const e = instantiate(wat, {}, { ...options, splitChars: 1e9 });
      for (const [x, count] of [
        [0, 1],
        [5, 300],
        [199, 1000],
        [200, 50],
      ])
        expect(e.run(x, count), `run(${x}, ${count})`).toBe(native.run(x, count));
      // the blocks deeper than MAX_STRUCTURED_DEPTH with more than ISLAND_HEIGHT inside are the flat region's
      const region = /S\d+: for \(;;\) switch \(st\) \{([\s\S]*)/.exec(e.$source)?.[1] ?? '';
      expect(region).not.toBe('');
      // (the br_table's switch has a case per target)
      const cases = (region.match(/\bcase \d+:/g)?.length ?? 0) - n;
      expect(cases).toBeGreaterThan(n - MAX_STRUCTURED_DEPTH - ISLAND_HEIGHT - 10);
      expect(cases).toBeLessThan(n - MAX_STRUCTURED_DEPTH);
      // no if or loop of a case body is a jump through the dispatch
      expect(region).not.toMatch(/if \(!\(.*\)\) \{ st = \d+; continue S\d+; \}/);
    }
  });

  it('a chain of 20,000 operators on one value is not one 20,000-deep expression', () => {
    const e = instantiate(
      `(module (func (export "f") (param i32) (result i32) (local.get 0) ${'(i32.eqz) '.repeat(20_000)}))`,
    );
    expect(e.f(0)).toBe(0);
    expect(e.f(5)).toBe(1);
  });

  it('generated code the host refuses is a typed limit error, not its SyntaxError', () => {
    const compiled = compileModule(decodeModule(DEEP.blocks(2).bytes));
    let err: unknown;
    try {
      loadFactory({ ...compiled, source: '(function (rt, vmctx) { return {; })' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CodegenLimitError);
    expect((err as CodegenLimitError).limit).toBe('hostLimit');
  });

  it('a legacy try nested deeper than the structured depth is a typed limit error', () => {
    const n = MAX_STRUCTURED_DEPTH + 1;
    const wat = `(module (func ${'(block '.repeat(n)} (try (do) (catch_all)) ${')'.repeat(n)}))`;
    let err: unknown;
    try {
      instantiate(wat);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CodegenLimitError);
    expect((err as CodegenLimitError).limit).toBe('legacyTryDepth');
    expect(String(err)).toContain('implementation limit');
  });
});
