import { decodeModule, wasmFeatures } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import {
  chooseBackend,
  hostSupport,
  hostValidationSuffices,
  PROBE_BYTES_FOR_TEST,
  PROBED_FEATURES,
  PROBES_FOR_TEST,
} from '../src/host.js';

describe('host feature probes', () => {
  it('each probe is valid with its proposal on and uses exactly that proposal', () => {
    const all = wasmFeatures({ threads: true, customPageSizes: true, wideArithmetic: true });
    for (const f of PROBED_FEATURES) {
      const m = decodeModule(parseWat(PROBES_FOR_TEST[f]), { features: all, validateBodies: true });
      expect(m.featuresUsed.has(f), f).toBe(true);
      // and invalid with it off, so a host without the proposal really rejects it
      expect(() => decodeModule(parseWat(PROBES_FOR_TEST[f]), { features: { ...all, [f]: false } })).toThrow();
    }
  });

  it('the bytes kept for each probe are its text assembled', () => {
    for (const f of PROBED_FEATURES)
      expect(PROBE_BYTES_FOR_TEST[f], f).toBe(Buffer.from(parseWat(PROBES_FOR_TEST[f])).toString('hex'));
  });

  it('host validation suffices only where every proposal the host has is on, but the operator-only ones', () => {
    expect(hostValidationSuffices(wasmFeatures())).toBe(true);
    // threads is off by default and the host has it: its operators are refused by the site scan instead
    expect(hostValidationSuffices(wasmFeatures({ threads: false, tailCall: false }))).toBe(true);
    expect(hostValidationSuffices(wasmFeatures({ simd: false }))).toBe(false);
    expect(hostValidationSuffices(wasmFeatures({ referenceTypes: false }))).toBe(false);
  });

  it('this Node has WebAssembly with the MVP-era proposals', () => {
    const h = hostSupport();
    expect(h.available).toBe(true);
    for (const f of ['bulkMemory', 'multiValue', 'referenceTypes', 'simd', 'signExtension'] as const)
      expect(h.features.has(f), f).toBe(true);
    expect(hostSupport()).toBe(h);
  });

  it('auto picks wasm only when every used proposal is supported', () => {
    const host = { available: true, features: new Set(['simd', 'bulkMemory'] as const) };
    expect(chooseBackend('auto', new Set(['simd']), host).backend).toBe('wasm');
    const c = chooseBackend('auto', new Set(['simd', 'gc', 'memory64']), host);
    expect(c).toEqual({ backend: 'js', reason: 'the host engine lacks gc, memory64, which the module uses' });
    expect(chooseBackend('auto', new Set(), { available: false, features: new Set() }).backend).toBe('js');
    expect(chooseBackend('js', new Set(), host).backend).toBe('js');
    expect(chooseBackend('wasm', new Set(['gc']), host).reason).toContain('lacks gc');
  });
});
