import { describe, expect, it } from 'vitest';
import { hostValidate, wasmtsValidate } from '../src/contenders.js';
import { formatTable, median, ratio, runInput } from '../src/harness.js';
import { hashWasmModules } from '../src/modules.js';

describe('median', () => {
  it('takes the middle of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('runInput', () => {
  it('times V8 on the small hash-wasm modules and reports a table', () => {
    const input = hashWasmModules();
    expect(input.modules.length).toBeGreaterThan(5);
    const slow = { name: 'wasmts', run: (m: Uint8Array[]) => hostValidate.run([...m, ...m]) };
    const result = runInput(input, [slow, hostValidate], { warmup: 1, rounds: 4 });
    expect(result.rounds).toBe(4);
    expect(result.timings.v8.samplesMs).toHaveLength(4);
    expect(result.timings.v8.mbPerSec).toBeGreaterThan(0);
    expect(ratio(result, 'wasmts', 'v8')).toBeGreaterThan(0);
    expect(formatTable([result], 'wasmts', 'v8')).toContain('hash-wasm (');
  });

  it('records a contender that throws instead of timing it', () => {
    const broken = {
      name: 'wasmts',
      run: () => {
        throw new Error('nope');
      },
    };
    const result = runInput(
      { name: 'tiny', modules: [new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])] },
      [broken, hostValidate],
      {
        warmup: 1,
        rounds: 2,
      },
    );
    expect(result.errors.wasmts).toContain('nope');
    expect(result.timings.wasmts).toBeUndefined();
    expect(result.timings.v8).toBeDefined();
  });

  it('finds the wasmts side or says why not', async () => {
    const side = await wasmtsValidate();
    expect(side.contender !== undefined || side.unavailable !== undefined).toBe(true);
  });
});
