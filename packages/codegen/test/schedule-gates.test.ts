// CompileOptions.scheduleGates (README.md, "Scheduling gates"; src/gates.ts): where the never-taken branches go
// (runs of plain statements naming enough i64 pairs, with no multiplication, every GATE_EVERY lines), and that code
// with them computes what the host's WebAssembly and the code without them compute, with fuel, whole-module and lazily.
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { GATE_MARK, MULTIPLIES, markLaneAccumulators, placeGates, STRAIGHT, StraightRun } from '../src/gates.js';
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

describe('markLaneAccumulators', () => {
  /** One dot into accumulator `v` (a load, the products, the sum with `v`, the set), simd-gemm's inner loop. */
  const dot = (v: string, multiply = true) => [
    's1 = D0.getInt32(l4, 1); s1b = D0.getInt32(l4 + 4, 1); s1c = D0.getInt32(l4 + 8, 1); s1d = D0.getInt32(l4 + 12, 1);',
    multiply
      ? 's0 = Math.imul(l16, s1); s0b = Math.imul(l16b, s1b); s0c = 0; s0d = 0;'
      : 's0 = l16 ^ s1; s0b = s1b; s0c = 0; s0d = 0;',
    `s0 = (s0 + ${v}) | 0; s0b = (s0b + ${v}b) | 0; s0c = (s0c + ${v}c) | 0; s0d = (s0d + ${v}d) | 0;`,
    `${v} = s0; ${v}b = s0b; ${v}c = s0c; ${v}d = s0d;`,
  ];
  const body = (...dots: string[][]) => ['L6: for (;;) {', ...dots.flat(), 'l4 = (l4 + 16) | 0;', 'if (l4) {'];
  /** The indices of the lines marked. */
  const marks = (lines: string[]) => {
    const out = [...lines];
    const n = markLaneAccumulators(out, DROPPED);
    const at = out.flatMap((l, i) => (l.endsWith(GATE_MARK) ? [i] : []));
    expect(at).toHaveLength(n);
    expect(out.map((l) => l.replace(GATE_MARK, ''))).toEqual(lines);
    return at;
  };

  it('marks each sum of products into an accumulator but the last', () => {
    expect(marks(body(dot('l15'), dot('l12'), dot('l13'), dot('l14')))).toEqual([4, 8, 12]);
    // dropped lines are passed over
    const lines = body(dot('l15'), dot('l12'));
    lines.splice(3, 0, DROPPED);
    expect(marks(lines)).toEqual([5]);
  });

  it('leaves one accumulator, sums without a product, and locals the run assigned before reading', () => {
    expect(marks(body(dot('l15')))).toEqual([]);
    expect(marks(body(dot('l15', false), dot('l12', false)))).toEqual([]);
    // the second sum has no product since the first: one accumulator
    expect(marks(body(dot('l15'), dot('l12', false)))).toEqual([]);
    // l12 is assigned (a temporary) before the run reads it
    const temp = ['l12 = s1; l12b = s1b; l12c = s1c; l12d = s1d;'];
    expect(marks(body(dot('l15'), temp, dot('l12'), dot('l13')))).toEqual([4]);
    // an `or` with the local is no sum
    const or = dot('l12').map((l) => l.replace('(s0 + l12)', '(s0 | l12)'));
    expect(marks(body(dot('l15'), or))).toEqual([]);
    // control flow between the sums: two runs of one accumulator each
    expect(marks([...body(dot('l15')), ...body(dot('l12'))])).toEqual([]);
  });
});

// two i32x4.dot_i16x8_s accumulators in a loop (simd-gemm's shape), read after it
const dotWat = `(module
  (memory (export "memory") 1)
  (func (export "dots") (param $n i32) (result i32)
    (local $p i32) (local $a v128) (local $acc0 v128) (local $acc1 v128)
    (loop $next
      (local.set $a (v128.load (local.get $p)))
      (local.set $acc0 (i32x4.add (i32x4.dot_i16x8_s (local.get $a) (v128.load offset=256 (local.get $p)))
        (local.get $acc0)))
      (local.set $acc1 (i32x4.add (i32x4.dot_i16x8_s (local.get $a) (v128.load offset=512 (local.get $p)))
        (local.get $acc1)))
      (local.set $p (i32.and (i32.add (local.get $p) (i32.const 16)) (i32.const 255)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.add (i32.add (i32x4.extract_lane 0 (local.get $acc0)) (i32x4.extract_lane 3 (local.get $acc0)))
      (i32.mul (i32x4.extract_lane 1 (local.get $acc1)) (i32x4.extract_lane 2 (local.get $acc1)))))
  (func (export "fill") (local $i i32)
    (loop $next
      (i32.store16 (local.get $i) (i32.sub (i32.and (i32.mul (local.get $i) (i32.const 40503)) (i32.const 65535))
        (i32.const 32768)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 2))) (i32.const 1024))))))`;

describe('gates after v128 accumulators in generated code', () => {
  const bytes = parseWat(dotWat);
  const host = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
  host.fill?.();
  const expected = [1, 7, 100].map((n) => host.dots?.(n) as number);

  it('go after the first accumulator', () => {
    const source = compileModule(decodeModule(bytes), { scheduleGates: true }).source;
    expect(source.match(/if \((gz\d+)\[0\] !== 0\) \1\[1\] = 1;/g)).toHaveLength(1);
    expect(source).not.toContain(GATE_MARK);
  });

  for (const fuel of [false, true])
    it(`change no result${fuel ? ' nor fuel' : ''}`, () => {
      const results = (scheduleGates: boolean) => {
        const e = instantiate(dotWat, {}, { scheduleGates, ...(fuel ? { tunables: { consumeFuel: true } } : {}) });
        e.fill?.();
        return [1, 7, 100].flatMap((n) => {
          limits.fuelConsumed = -1e9;
          const r = e.dots?.(n) as number;
          return fuel ? [r, limits.fuelConsumed + 1e9] : [r];
        });
      };
      const gated = results(true);
      expect(gated).toEqual(results(false));
      expect(fuel ? gated.filter((_, i) => i % 2 === 0) : gated).toEqual(expected);
    });
});
