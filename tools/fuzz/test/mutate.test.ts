// The mutation fuzzer's CI run: mutants of a fixed corpus of spec suite modules (corpus-mutate/: 40 binary and
// 40 text seeds) must each end in a module or a typed error within the time bound.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutant, mutateBytes, prng, runMutant, type Seed, textModules } from '../src/mutate.js';

const dir = join(import.meta.dirname, '../corpus-mutate');
const seeds: Seed[] = readdirSync(dir)
  .sort()
  .map((f) =>
    f.endsWith('.wasm')
      ? { kind: 'binary', bytes: new Uint8Array(readFileSync(join(dir, f))) }
      : { kind: 'text', text: readFileSync(join(dir, f), 'utf8') },
  );

describe('mutation fuzzing', () => {
  it('has binary and text seeds, and the seeds themselves compile', () => {
    expect(seeds.filter((s) => s.kind === 'binary').length).toBe(40);
    expect(seeds.filter((s) => s.kind === 'text').length).toBe(40);
    for (const s of seeds) expect(runMutant(s.kind === 'binary' ? s.bytes : s.text).outcome).not.toBe('finding');
  });

  it('mutants 1..3000 end in a module or a typed error', () => {
    const counts = { module: 0, rejected: 0, finding: 0 };
    const findings: string[] = [];
    for (let n = 1; n <= 3000; n++) {
      const { input } = mutant(seeds, n);
      const r = runMutant(input);
      counts[r.outcome]++;
      if (r.outcome === 'finding') findings.push(`mutant ${n}: ${r.detail}`);
    }
    expect(findings).toEqual([]);
    // not vacuous: some mutants are still valid modules, most are rejected
    expect(counts.module).toBeGreaterThan(50);
    expect(counts.rejected).toBeGreaterThan(1500);
  });

  it('a thrown host error is a finding, not a rejection', () => {
    // not a module and not text: parseWat is never reached and validate throws a TypeError on a non-array
    expect(runMutant(123 as unknown as string).outcome).toBe('finding');
  });

  it('mutants are deterministic and text modules are split out of scripts', () => {
    expect(mutant(seeds, 42)).toEqual(mutant(seeds, 42));
    const a = mutateBytes(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 2, 3]), prng(1));
    expect(Array.from(a.subarray(0, 4))).toEqual([0, 0x61, 0x73, 0x6d]);
    const wast =
      '(module $m (func)) ;; (module x)\n(module binary "\\00asm") (; (module y) ;) (assert_invalid (module) "x")';
    expect(textModules(wast)).toEqual(['(module $m (func))']);
  });
});
