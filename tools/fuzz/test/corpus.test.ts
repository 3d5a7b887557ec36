// The committed corpus (corpus/seed-N.wasm: `pnpm fuzz --seeds 1..40 --write-corpus corpus` with Debian's
// binaryen 108) runs on the host engine, the wasm backend and the JS backend (both with fuel, epochs and a
// call-depth limit) with no difference; CI needs no binaryen for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrapCode } from 'wasmts';
import { type CallRecord, compare, firstDifference } from '../src/diff.js';

const dir = join(import.meta.dirname, '../corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.wasm'));

describe('the fuzz corpus', () => {
  it('has modules', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s: host engine, wasm backend and JS backend agree', (file) => {
    const v = compare(new Uint8Array(readFileSync(join(dir, file))));
    expect(v.differences).toEqual([]);
    // every side ran it: nothing was compared away
    for (const side of [v.native, v.wasm, v.js]) expect(side).toHaveProperty('calls');
  });

  it('calls functions that return, log and trap, consume fuel and run out of it, check epochs', () => {
    const all: CallRecord[] = [];
    const low: CallRecord[] = [];
    const every: CallRecord[] = [];
    for (const file of files.slice(0, 20)) {
      const v = compare(new Uint8Array(readFileSync(join(dir, file))));
      if ('calls' in v.js) all.push(...v.js.calls);
      if (v.lowFuel !== undefined && 'calls' in v.lowFuel) low.push(...v.lowFuel.calls);
      if (v.everyEpoch !== undefined && 'calls' in v.everyEpoch) every.push(...v.everyEpoch.calls);
    }
    // with half the fuel each call consumed, most run out (a few finish: no check after the fuel ran out)
    expect(low.filter((c) => c.trapCode === TrapCode.OutOfFuel).length).toBeGreaterThan(20);
    // every epoch check called the deadline callback: hundreds of them
    expect(every.reduce((n, c) => n + (c.epochs ?? 0), 0)).toBeGreaterThan(300);
    expect(all.filter((c) => c.outcome.startsWith('ok')).length).toBeGreaterThan(20);
    expect(all.filter((c) => c.outcome === 'trap').length).toBeGreaterThan(0);
    expect(all.filter((c) => c.logs.length > 0).length).toBeGreaterThan(10);
    expect(all.every((c) => c.fuel !== undefined && c.fuel >= 0)).toBe(true);
  });
});

describe('firstDifference', () => {
  const call = (over: Partial<CallRecord> = {}): CallRecord => ({
    name: 'f',
    outcome: 'ok 1',
    logs: ['log-i32 1'],
    fuel: 10,
    ...over,
  });
  it('finds each kind of difference', () => {
    const a = { calls: [call()] };
    expect(firstDifference(a, { calls: [call()] })).toBeNull();
    expect(firstDifference(a, { calls: [call({ outcome: 'trap' })] })).toMatch('ok 1 vs trap');
    expect(firstDifference(a, { calls: [call({ logs: [] })] })).toMatch('logs differ');
    expect(firstDifference(a, { calls: [call({ fuel: 11 })] })).toMatch('fuel 10 vs 11');
    expect(firstDifference(a, { calls: [call({ trapCode: 1 })] })).toBeNull();
    expect(firstDifference({ calls: [call({ trapCode: 2 })] }, { calls: [call({ trapCode: 1 })] })).toMatch(
      'trap code',
    );
    expect(firstDifference(a, { calls: [] })).toMatch('only one side');
    expect(firstDifference(a, { unavailable: 'x' })).toBeNull();
  });
});
