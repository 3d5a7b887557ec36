// CompileOptions.scheduleGates (README.md, "Scheduling gates"; src/gates.ts): where the never-taken branches go
// (runs of plain statements naming enough i64 pairs, with no multiplication, every GATE_EVERY lines), and that code
// with them computes what the host's WebAssembly and the code without them compute, with fuel, whole-module and lazily.
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { GATE_MARK, MULTIPLIES, placeGates, STRAIGHT, StraightRun } from '../src/gates.js';
import { compileModule } from '../src/index.js';
import { GATE_EVERY, GATE_PAIRS } from '../src/limits.js';
import { POSITION_MARKERS } from '../src/translate.js';
import { instantiate, limits } from './harness.js';

declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => { exports: Record<string, (...args: unknown[]) => unknown> };
};

const DROPPED = '\u0000';

/**
 * The lines of `n` straight operators, one line each, the run naming `pairs` pairs (`multiply`: one operator
 * multiplies; `control`: the operators at these indices end the run and begin none), ended after the last; the
 * indices of the lines a gate follows.
 */
function gatesAfter(
  n: number,
  pairs: number,
  edit: { multiply?: number; control?: readonly number[]; dropped?: readonly number[] } = {},
): number[] {
  const run = new StraightRun();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (edit.control?.includes(i)) {
      run.end(out, out.length, DROPPED);
      out.push('if (l0) {');
      continue;
    }
    run.add(out.length, edit.multiply === i);
    run.pair(i % pairs);
    out.push(edit.dropped?.includes(i) ? DROPPED : `l${i} = l${i} ^ qa; l${i}h = l${i}h ^ qb;`);
  }
  run.end(out, out.length, DROPPED);
  return out.flatMap((l, i) => (l.endsWith(GATE_MARK) ? [i] : []));
}

describe('StraightRun', () => {
  it('gates a long run of many pairs every GATE_EVERY lines, not after its last line', () => {
    // one gate after line GATE_EVERY; the run's last line is followed by what ends the block anyway
    expect(gatesAfter(2 * GATE_EVERY, GATE_PAIRS)).toEqual([GATE_EVERY - 1]);
    expect(gatesAfter(2 * GATE_EVERY + 1, GATE_PAIRS)).toEqual([GATE_EVERY - 1, 2 * GATE_EVERY - 1]);
  });

  it('leaves runs of fewer pairs, with a multiplication, or cut by control flow', () => {
    expect(gatesAfter(4 * GATE_EVERY, GATE_PAIRS - 1)).toEqual([]);
    expect(gatesAfter(4 * GATE_EVERY, GATE_PAIRS, { multiply: 7 })).toEqual([]);
    // a control operator every GATE_EVERY - 1 operators: no run reaches a gate
    const control = Array.from({ length: 4 }, (_, k) => k * (GATE_EVERY - 1));
    expect(gatesAfter(4 * (GATE_EVERY - 1), GATE_PAIRS, { control })).toEqual([]);
  });

  it('counts a run from a control operator on, and not the lines dropped', () => {
    expect(gatesAfter(GATE_PAIRS + 4, GATE_PAIRS, { control: [0] })).toEqual([GATE_EVERY]);
    expect(gatesAfter(GATE_PAIRS + 4, GATE_PAIRS, { control: [0], dropped: [3, 5] })).toEqual([GATE_EVERY + 2]);
  });

  it('knows the operators by the operator table', () => {
    // local.get, i64.add, i64.xor, i64.rotl, i64.load, i64.store: straight; block, call, global.set, i64.div_s not
    for (const op of [0x20, 0x7c, 0x85, 0x89, 0x29, 0x37]) expect(STRAIGHT[op]).toBe(1);
    for (const op of [0x02, 0x0d, 0x10, 0x24, 0x7f]) expect(STRAIGHT[op]).toBe(0);
    // i32.mul, i64.mul, f64.mul, f64.convert_i64_u multiply; i64.add, i64.shl do not
    for (const op of [0x6c, 0x7e, 0xa2, 0xba]) expect(MULTIPLIES[op]).toBe(1);
    for (const op of [0x7c, 0x86]) expect(MULTIPLIES[op]).toBe(0);
  });

  it("places the gates after the marked lines, after a line's position marker", () => {
    const src = `a = 1;${GATE_MARK}\nb = 2;${GATE_MARK}/*@12*/\nc = 3;/*@14*/`;
    expect(placeGates(src, () => 'G;')).toBe('a = 1;\nG;\nb = 2;/*@12*/\nG;\nc = 3;/*@14*/');
    let made = 0;
    expect(
      placeGates('a = 1;', () => {
        made++;
        return 'G;';
      }),
    ).toBe('a = 1;');
    expect(made).toBe(0);
  });
});

// 48 i64 locals mixed in a loop by xor, rotations and adds (an unrolled hash round's shape): one straight-line run
// naming every pair
const N = 48;
const round = Array.from({ length: N }, (_, k) => {
  const a = `(local.get ${k})`;
  const b = `(local.get ${(k + 1) % N})`;
  const c = `(local.get ${(k + 7) % N})`;
  return `(local.set ${k} (i64.add (i64.rotl (i64.xor ${a} ${b}) (i64.const ${(k % 63) + 1})) ${c}))`;
}).join('\n      ');
const wat = `(module
  (memory (export "memory") 1)
  (func (export "mix") (param $n i32) (param $seed i64) (result i64)
    (local ${Array.from({ length: N }, () => 'i64').join(' ')}) (local $out i64)
    ${Array.from({ length: N }, (_, k) => `(local.set ${k + 2} (i64.add (local.get $seed) (i64.const ${BigInt.asIntN(64, BigInt(k) * 0x9e3779b97f4a7c15n)})))`).join('\n    ')}
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      ${round.replace(/local\.(get|set) (\d+)/g, (_m, op, i) => `local.${op} ${Number(i) + 2}`)}
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next)))
    ${Array.from({ length: N }, (_, k) => `(local.set $out (i64.xor (local.get $out) (local.get ${k + 2})))`).join('\n    ')}
    (i64.store (i32.const 8) (local.get 2))
    (local.get $out)))`;

describe('scheduling gates in generated code', () => {
  const bytes = parseWat(wat);
  const host = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
  const expected = [0, 1, 5, 300].map((n) => host.mix?.(n, -0x123456789abcdefn) as bigint);

  it('go into the long run of pairs only', () => {
    const source = compileModule(decodeModule(bytes), { scheduleGates: true }).source;
    const gates = source.match(/if \((gz\d+)\[0\] !== 0\) \1\[1\] = 1;/g) ?? [];
    // the round's 48 xors, rotations and adds are at least 3 x 48 plain lines in one run (13 gates at 25)
    expect(gates.length).toBeGreaterThanOrEqual(Math.floor((3 * N) / GATE_EVERY));
    expect(compileModule(decodeModule(bytes), {}).source).not.toMatch(/gz\d+/);
    // one multiplication in the round: none there (the runs before and after the loop keep theirs)
    const product = parseWat(wat.replace('(i64.xor', '(i64.mul'));
    const left = compileModule(decodeModule(product), { scheduleGates: true }).source.match(/gz\d+\[0\]/g) ?? [];
    expect(gates.length - left.length).toBeGreaterThanOrEqual(Math.floor((3 * N) / GATE_EVERY));
  });

  it('are in the source translated with position markers too (backtraces read that one)', () => {
    const lazy = compileModule(decodeModule(bytes), { scheduleGates: true, lazy: true }).lazy;
    const plain = lazy?.functionSource(0) ?? '';
    expect(plain).toMatch(/gz\d+\[0\]/);
    expect(lazy?.functionSource(0, true).replace(POSITION_MARKERS, '')).toBe(plain);
  });

  for (const lazy of [false, true])
    for (const fuel of [false, true])
      it(`change no result${fuel ? ' nor fuel' : ''} (${lazy ? 'lazy' : 'whole module'})`, () => {
        const results = (scheduleGates: boolean) => {
          const e = instantiate(wat, {}, { scheduleGates, lazy, ...(fuel ? { tunables: { consumeFuel: true } } : {}) });
          return [0, 1, 5, 300].flatMap((n) => {
            limits.fuelConsumed = -1e9;
            const r = e.mix(n, -0x123456789abcdefn) as bigint;
            return fuel ? [r, limits.fuelConsumed + 1e9] : [r];
          });
        };
        const gated = results(true);
        expect(gated).toEqual(results(false));
        expect(fuel ? gated.filter((_, i) => i % 2 === 0) : gated).toEqual(expected);
      });
});
