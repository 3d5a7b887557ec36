// CompileOptions.scheduleGates (README.md, "Scheduling gates"; src/gates.ts): where the never-taken branches go
// (runs of plain statements naming enough i64 pairs, with no multiplication, every GATE_EVERY lines), and that code
// with them computes what the host's WebAssembly and the code without them compute, with fuel, whole-module and lazily.
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { gateStraightRuns } from '../src/gates.js';
import { compileModule } from '../src/index.js';
import { GATE_EVERY, GATE_PAIRS } from '../src/limits.js';
import { instantiate, limits } from './harness.js';

declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => { exports: Record<string, (...args: unknown[]) => unknown> };
};

const GATE = '<gate>';
/** A plain line naming pair `k` (its lo and hi words) and no other. */
const pairLine = (k: number) => `l${k} = l${k} ^ qa; l${k}h = l${k}h ^ qb;`;
const gatesAt = (lines: string[]) => lines.flatMap((l, i) => (l === GATE ? [i] : []));

describe('gateStraightRuns', () => {
  const run = (n: number, pairs: number, edit?: (lines: string[]) => void) => {
    const lines = Array.from({ length: n }, (_, i) => pairLine(i % pairs));
    edit?.(lines);
    return lines;
  };

  it('gates a long run of many pairs every GATE_EVERY lines, not after its last line', () => {
    const out = gateStraightRuns(run(2 * GATE_EVERY, GATE_PAIRS), () => GATE);
    // one gate after line GATE_EVERY; the run's last line is followed by what ends the block anyway
    expect(gatesAt(out)).toEqual([GATE_EVERY]);
    const longer = gateStraightRuns(run(2 * GATE_EVERY + 1, GATE_PAIRS), () => GATE);
    expect(gatesAt(longer)).toEqual([GATE_EVERY, 2 * GATE_EVERY + 1]);
    expect(longer.filter((l) => l !== GATE)).toEqual(run(2 * GATE_EVERY + 1, GATE_PAIRS));
  });

  it('leaves runs of fewer pairs, with a multiplication, or cut by control flow', () => {
    const none = (lines: string[]) => {
      let made = 0;
      const out = gateStraightRuns(lines, () => {
        made++;
        return GATE;
      });
      expect(out).toEqual(lines);
      expect(made).toBe(0);
    };
    none(run(4 * GATE_EVERY, GATE_PAIRS - 1));
    none(run(4 * GATE_EVERY, GATE_PAIRS, (l) => (l[7] = 's0 = Math.imul(l1, l2);')));
    none(run(4 * GATE_EVERY, GATE_PAIRS, (l) => (l[7] = 's0 = (l1 >>> 0) * 0.5;')));
    // a control line every GATE_EVERY - 1 lines: no run reaches a gate
    none(run(4 * GATE_EVERY, GATE_PAIRS, (l) => l.forEach((_, i) => i % GATE_EVERY === 0 && (l[i] = 'if (l0) {'))));
  });

  it('counts a run from a control line on', () => {
    const lines = ['L0: for (;;) {', ...run(GATE_PAIRS + 3, GATE_PAIRS), '}'];
    expect(gatesAt(gateStraightRuns(lines, () => GATE))).toEqual([GATE_EVERY + 1]);
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
