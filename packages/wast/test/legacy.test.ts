import { WASM3_FEATURES, wasmFeatures } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { legacyScriptFeatures, parseScript, runScript, validateOnlyHost } from '../src/portable.js';

const threadsScript = `(assert_invalid (module (memory 0) (memory 0)) "multiple memories")
(assert_invalid (module (table 1 funcref) (table 1 funcref)) "multiple tables")
(module (memory 1 1 shared) (func (drop (i32.atomic.load (i32.const 0)))))`;

describe('legacy proposal suites', () => {
  it('runs proposals/threads without multi-memory and reference types, and says so', () => {
    const all = wasmFeatures({ threads: true });
    const legacy = legacyScriptFeatures('../shared/testsuite/proposals/threads/imports.wast', all);
    expect(legacy?.features.multiMemory).toBe(false);
    expect(legacy?.features.referenceTypes).toBe(false);
    expect(legacy?.features.threads).toBe(true);
    expect(legacy?.note).toContain('multiple memories and reference types');
    expect(legacyScriptFeatures('C:\\suite\\proposals\\threads\\memory.wast', all)).toBeDefined();
  });

  it('leaves other files, and runs that already have the proposals off, alone', () => {
    expect(legacyScriptFeatures('suite/memory.wast', WASM3_FEATURES)).toBeUndefined();
    expect(legacyScriptFeatures('suite/proposals/threadsx/a.wast', WASM3_FEATURES)).toBeUndefined();
    const off = wasmFeatures({ threads: true, multiMemory: false, referenceTypes: false });
    expect(legacyScriptFeatures('proposals/threads/atomic.wast', off)).toBeUndefined();
  });

  it('changes the outcome: the same script fails outside the folder and passes inside it', () => {
    const features = wasmFeatures({ threads: true });
    const run = (file: string) =>
      runScript(parseScript(threadsScript, file), file, {
        validateOnly: true,
        features,
        host: validateOnlyHost(features),
      });
    const outside = run('other/imports.wast');
    expect(outside.failed).toBe(2);
    expect(outside.featureNote).toBeUndefined();
    const inside = run('proposals/threads/imports.wast');
    expect([inside.passed, inside.failed]).toEqual([3, 0]);
    expect(inside.featureNote).toContain('predates');
  });
});
