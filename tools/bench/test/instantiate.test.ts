import { describe, expect, it } from 'vitest';
import { Engine, Module } from 'wasmts';
import {
  checkTenant,
  nativeContender,
  RESULT_KEYS,
  TENANT_WAT,
  timeContenders,
  wasmtsContender,
} from '../src/instantiate.js';

const bytes = new Module(new Engine(), TENANT_WAT).bytes;

describe('instantiate bench', () => {
  it('checks every tenant it can run, twice (the second reuses a pool slot)', () => {
    const contenders = [
      nativeContender(bytes),
      wasmtsContender('pooled_js', 'js', true),
      wasmtsContender('ondemand_js', 'js', false),
    ];
    for (const c of contenders) {
      if ('unavailable' in c) throw new Error(c.unavailable);
      c.once(checkTenant);
      c.run(3);
      c.once(checkTenant);
    }
  });

  it('refuses a tenant that does not start fresh', () => {
    const text = "a tenant's small data segment";
    const load = (a: number) => (a >= 16 && a < 16 + text.length ? text.charCodeAt(a - 16) : 0);
    expect(() => checkTenant({ load: () => 0, bump: () => 1, hello: () => {} }, [16])).toThrow(/data segment/);
    let calls = 4; // a global left over from an earlier tenant
    expect(() => checkTenant({ load, bump: () => ++calls, hello: () => {} }, [16])).toThrow(/global/);
    calls = 0;
    checkTenant({ load, bump: () => ++calls, hello: () => {} }, [16]);
  });

  it('times contenders side by side and keys results as the report does', () => {
    const c = wasmtsContender('pooled_js', 'js', true);
    if ('unavailable' in c) throw new Error(c.unavailable);
    const { rates, batch } = timeContenders([nativeContender(bytes), c], 2, 10);
    expect(rates.native).toHaveLength(2);
    expect(rates.pooled_js?.every((r) => r > 0)).toBe(true);
    expect(batch.pooled_js).toBeGreaterThan(0);
    expect(RESULT_KEYS).toEqual(['native', 'pooled_js', 'ondemand_js', 'pooled_wasm', 'ondemand_wasm']);
  });

  it('reports the wasm backend as unavailable unless modules really run on it', () => {
    const c = wasmtsContender('pooled_wasm', 'wasm', true);
    const backend = 'unavailable' in c ? 'js' : 'wasm';
    if ('unavailable' in c) expect(c.unavailable).toMatch(/runs the js backend/);
    else c.once(checkTenant);
    expect(['js', 'wasm']).toContain(backend);
  });
});
