// The structure-aware generator's CI run (src/structgen.ts): a few fixed seeds of every feature set, each
// module valid, using the proposals of its set, and run on every side that can run it with no difference.
// (`pnpm fuzz --gen SET --seeds A..B` runs any range; the campaigns are in the README.)
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { type CallRecord, compare, firstDifference } from '../src/diff.js';
import { FEATURE_SETS, generateText } from '../src/structgen.js';

/** The proposal (as `Module.featuresUsed` names it) each set's modules must use, across the CI seeds. */
const USES: Record<string, string[]> = {
  simd: ['simd'],
  bulk: ['bulkMemory'],
  reftypes: ['referenceTypes', 'bulkMemory'],
  tail: ['tailCall', 'referenceTypes'],
  memory64: ['memory64'],
  multimemory: ['multiMemory'],
  exceptions: ['exceptions'],
  'exceptions-legacy': ['exceptions'],
  gc: ['gc'],
  all: ['simd', 'gc', 'exceptions', 'memory64', 'multiMemory', 'tailCall'],
};
const SEEDS = [1, 2, 3];

describe('the structure-aware generator', () => {
  it('has a set for each proposal the fuzzer covers', () => {
    expect(Object.keys(FEATURE_SETS).sort()).toEqual([...Object.keys(USES), 'mvp'].sort());
  });

  it('is deterministic: a seed gives the same module', () => {
    expect(generateText(7, FEATURE_SETS.all)).toBe(generateText(7, FEATURE_SETS.all));
    expect(generateText(7, FEATURE_SETS.all)).not.toBe(generateText(8, FEATURE_SETS.all));
  });

  it.each(Object.keys(USES))('%s: valid modules that use the set, with no difference between the sides', (set) => {
    const used = new Set<string>();
    const calls: CallRecord[] = [];
    for (const seed of SEEDS) {
      const bytes = parseWat(generateText(seed, FEATURE_SETS[set]));
      for (const f of decodeModule(bytes, { validateBodies: true }).featuresUsed) used.add(f);
      // the legacy-exceptions twin: the host engine and the wasm backend run it
      const twinText = FEATURE_SETS[set].includes('exnlegacy') ? generateText(seed, FEATURE_SETS[set], true) : null;
      const twin = twinText === null ? undefined : parseWat(twinText);
      if (twinText !== null) expect(twinText).not.toMatch(/try_table|throw_ref|exnref/);
      const v = compare(bytes, twin);
      if (twin !== undefined) for (const s of [v.native, v.wasm]) expect(s).toHaveProperty('calls');
      expect(v.differences, `seed ${seed}`).toEqual([]);
      expect(v.js).toHaveProperty('calls');
      if ('calls' in v.js) calls.push(...v.js.calls);
    }
    for (const f of USES[set]) expect([...used]).toContain(f);
    expect(calls.length).toBeGreaterThan(SEEDS.length);
  });

  it('modules run to results, traps and exceptions', () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      const v = compare(parseWat(generateText(seed, FEATURE_SETS.exceptions)));
      if ('calls' in v.js) for (const c of v.js.calls) outcomes.add(c.outcome.split(' ')[0]);
    }
    expect([...outcomes].sort()).toEqual(['exception', 'ok', 'trap']);
  });
});

describe('firstDifference, state and stacks', () => {
  const side = (over: Partial<CallRecord>, state: string[] = []) => ({
    calls: [{ name: 'f', outcome: 'ok 1', logs: [], ...over }],
    state,
  });
  it('compares the memories and globals after the calls', () => {
    expect(firstDifference(side({}, ['global g: 1']), side({}, ['global g: 2']))).toMatch('state after the calls');
    expect(firstDifference(side({}, ['global g: 1']), side({}, ['global g: 1']))).toBeNull();
  });
  it('compares trap kinds', () => {
    const a = side({ outcome: 'trap', trapKind: 'memory' });
    expect(firstDifference(a, side({ outcome: 'trap', trapKind: 'table' }))).toMatch('trap memory vs table');
  });
  it('stops at a stack overflow only between sides with different limits', () => {
    const a = side({ outcome: 'trap', trapKind: 'stack' }, ['global g: 1']);
    const b = side({ outcome: 'trap', trapKind: 'unreachable' }, ['global g: 2']);
    expect(firstDifference(a, b, false)).toBeNull();
    expect(firstDifference(a, b)).toMatch('trap stack vs unreachable');
  });
});
