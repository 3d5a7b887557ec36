// The IR pipeline (src/ir). Snapshot tests as cranelift's filetests: each test/ir/<case>.wat names on its first
// line the pass it shows (`;; pass: <name>`, or `emit`); <case>.ir keeps the IR of each function before and after
// that pass (the passes before it in PASSES already run), and <case>.js the JavaScript the pipeline emits. Update
// with `npx vitest run test/ir.test.ts -u` and review the diff. Then: the IR pipeline gives the same results and
// consumes the same fuel as the one-pass translator, and what it does not cover falls back and is counted.
import { readdirSync, readFileSync } from 'node:fs';
import { decodeModule, FuncIndex, tunables as makeTunables, wasmFeatures } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleEnvironment } from '../src/environment.js';
import { compileModule, measureIrCoverage } from '../src/index.js';
import { buildIr } from '../src/ir/build.js';
import { PASSES } from '../src/ir/index.js';
import { printIr } from '../src/ir/print.js';
import { instantiate, limits, resetLimits, store } from './harness.js';

const dir = new URL('./ir/', import.meta.url);

describe('IR snapshots', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.wat'))) {
    it(file, async () => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const pass = (/^;; pass: (\S+)/.exec(text) as RegExpExecArray)[1];
      const t = /\n;; tunables: (.*)\n/.exec(text);
      const tunables = t ? JSON.parse(t[1]) : {};
      const module = decodeModule(parseWat(text));
      // the whole module goes through the IR (no function falls back, or the snapshot would not show it)
      expect(measureIrCoverage(module, { tunables }).fallback).toBe(0);
      const at = PASSES.findIndex(([name]) => name === pass);
      expect(pass === 'emit' || at >= 0).toBe(true);
      if (at >= 0) {
        const env = new ModuleEnvironment(module, makeTunables(tunables));
        const parts: string[] = [];
        module.bodies.forEach((body, i) => {
          const fn = buildIr(env, FuncIndex(module.numImportedFuncs + i), body.codeStart, body.range.end, body.locals);
          for (const [, p] of PASSES.slice(0, at)) p(fn);
          parts.push(`;; before ${pass}\n${printIr(fn)}`);
          PASSES[at][1](fn);
          parts.push(`;; after ${pass}\n${printIr(fn)}`);
        });
        await expect(parts.join('\n')).toMatchFileSnapshot(`./ir/${file.replace(/\.wat$/, '.ir')}`);
      }
      const compiled = compileModule(module, { ir: true, tunables, indent: true });
      await expect(`${compiled.source}\n`).toMatchFileSnapshot(`./ir/${file.replace(/\.wat$/, '.js')}`);
    });
  }
});

const FUEL = { tunables: { consumeFuel: true } };

afterEach(() => {
  store.outOfGas = undefined;
  resetLimits();
});

/** Runs `call` on an instance of `wat` compiled both ways, with fuel; returns [result or trap, fuel used] of each. */
function both(wat: string, call: (e: Record<string, any>) => unknown): [unknown, number][] {
  return [false, true].map((ir) => {
    const e = instantiate(wat, {}, { ...FUEL, ir });
    limits.fuelConsumed = -1e9;
    let r: unknown;
    try {
      r = call(e);
    } catch (err) {
      r = `trap: ${(err as { code?: number }).code ?? String(err)}`;
    }
    return [r, limits.fuelConsumed + 1e9];
  });
}

// loops, br_table, calls, i64 pairs, a trap in the middle of a block (its pending fuel is not flushed)
const PROGRAM = `(module
  (memory 1)
  (func $sq (param i64) (result i64) (i64.mul (local.get 0) (local.get 0)))
  (func (export "run") (param $n i32) (param $k i32) (result i64)
    (local $acc i64)
    (block $out
      (loop $l
        (br_if $out (i32.eqz (local.get $n)))
        (block $c (block $b (block $a
          (br_table $a $b $c (i32.rem_u (local.get $n) (i32.const 3))))
          (local.set $acc (i64.add (local.get $acc) (call $sq (i64.extend_i32_u (local.get $n)))))
          (br $c))
          (local.set $acc (i64.xor (local.get $acc) (i64.rotl (local.get $acc) (i64.const 7)))))
        (drop (i32.div_u (i32.const 1) (i32.sub (local.get $n) (local.get $k))))
        (i64.store (i32.const 0) (local.get $acc))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (i64.load (i32.const 0))))`;

describe('IR pipeline against the one-pass translator', () => {
  it('computes the same results and consumes the same fuel, also when it traps mid-block', () => {
    for (const [n, k] of [
      [10, -1],
      [100, 50],
      [7, 7],
      [0, 0],
    ]) {
      const [old, viaIr] = both(PROGRAM, (e) => e.run(n, k));
      expect(viaIr).toEqual(old);
    }
  });

  it('runs out of fuel at the same check', () => {
    const [old, viaIr] = [false, true].map((ir) => {
      const e = instantiate(PROGRAM, {}, { ...FUEL, ir });
      limits.fuelConsumed = -500;
      let trapped = false;
      store.outOfGas = () => {
        trapped = true;
        throw new Error('out of fuel');
      };
      try {
        e.run(1000, -1);
      } catch {}
      return [trapped, limits.fuelConsumed];
    });
    expect(old[0]).toBe(true);
    expect(viaIr).toEqual(old);
  });

  it('leaves functions it does not cover to the translator, and counts them', () => {
    const wat = `(module
      (func (export "scalar") (result i32) (i32.const 1))
      (func (export "simd") (result i32) (i32x4.extract_lane 0 (v128.const i32x4 7 0 0 0)))
      (func (export "tail") (result i32) (return_call 0)))`;
    const module = decodeModule(parseWat(wat), { features: wasmFeatures({}) });
    const c = measureIrCoverage(module);
    expect([c.ir, c.fallback]).toEqual([1, 2]);
    expect([...c.reasons.keys()].sort()).toEqual(['opcode 0xfd', 'return_call']);
    const e = instantiate(wat, {}, { ir: true });
    expect([e.scalar(), e.simd(), e.tail()]).toEqual([1, 7, 1]);
  });
});
