// CompileOptions.feedbackWarmup (README.md, "Feedback before the first loop"): the warm-up is JS only, so results,
// memory and fuel are those of the code without it, on every call (the first runs the warm-up, later ones skip it),
// whole-module and lazily compiled; only unsplit functions with a loop and 1,000+ characters get one.
import { readFileSync } from 'node:fs';
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';
import { instantiate, limits } from './harness.js';

const wat = readFileSync(new URL('./disas/feedback-warmup.wat', import.meta.url), 'utf8');

function run(options: { feedbackWarmup?: boolean; lazy?: boolean; fuel?: boolean }): number[] {
  const e = instantiate(
    wat,
    {},
    {
      feedbackWarmup: options.feedbackWarmup,
      lazy: options.lazy,
      ...(options.fuel ? { tunables: { consumeFuel: true } } : {}),
    },
  );
  const seen: number[] = [];
  for (const n of [1, 5, 300, 7]) {
    limits.fuelConsumed = -1e9;
    seen.push(e.long(n), e.short(n), e.straight(n));
    if (options.fuel) seen.push(limits.fuelConsumed + 1e9);
  }
  seen.push(...new Int32Array(e.memory?.buffer ?? new ArrayBuffer(0)).subarray(0, 300));
  return seen;
}

describe('feedback warm-up', () => {
  for (const lazy of [false, true])
    for (const fuel of [false, true])
      it(`changes no result${fuel ? ' nor fuel' : ''} (${lazy ? 'lazy' : 'whole module'})`, () => {
        expect(run({ feedbackWarmup: true, lazy, fuel })).toEqual(run({ feedbackWarmup: false, lazy, fuel }));
      });

  it('is given to the long function with a loop only, once per instance', () => {
    // (indented, as the disas snapshot: its long function is 1,000+ characters with its indentation only)
    const source = compileModule(decodeModule(parseWat(wat)), { feedbackWarmup: true, indent: true }).source;
    const warmups = source.match(/if \((fw\d+)\) \{ \1 = false; for \(qk = 0; qk < \d+; qk\+\+\); \}/g) ?? [];
    expect(warmups.length).toBe(1);
    expect(source.indexOf(warmups[0] as string)).toBeLessThan(source.indexOf('function f1('));
    expect(compileModule(decodeModule(parseWat(wat)), {}).source).not.toContain('qk');
  });
});
