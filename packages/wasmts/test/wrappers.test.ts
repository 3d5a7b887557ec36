// The wasm backend's wrapper modules, written with environ's binary writer: each must be a valid module (for
// wasmts's validator and the host's), import and export exactly what the bridge links, and convert f32 NaN bits
// exactly.

import {
  decodeModule,
  EXTERNREF,
  F32,
  F64,
  FUNCREF,
  type FuncType,
  I32,
  I64,
  type ValType,
  wasmFeatures,
} from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import type { HostGlobal, HostModule, HostWasmApi } from '../src/wasm-backend/host-api.js';
import { exportWrapper, hooksModule, importWrapper, unpackModule } from '../src/wasm-backend/wrappers.js';

const fn = (params: ValType[], results: ValType[]): FuncType => ({ kind: 'func', params, results });
const SIGS: FuncType[] = [
  fn([], []),
  fn([F32], [F32]),
  fn([I32, I64, F32, F64], [F64, F32, I64, I32]),
  fn([FUNCREF, EXTERNREF], [EXTERNREF, FUNCREF]),
  fn([F32, F32, F32], []),
];
const features = wasmFeatures({ legacyExceptions: true });

/** The host engine's API (these tests build modules for it), with the reflection the bridge does not use. */
type Reflected = { module: string; name: string; kind: string };
const WebAssembly = (
  globalThis as unknown as {
    WebAssembly: HostWasmApi & {
      Module: { imports(m: HostModule): Reflected[]; exports(m: HostModule): Reflected[] };
      RuntimeError: new () => Error;
    };
  }
).WebAssembly;

function shape(bytes: Uint8Array) {
  const m = new WebAssembly.Module(bytes);
  return { imports: WebAssembly.Module.imports(m), exports: WebAssembly.Module.exports(m) };
}

describe.skipIf(WebAssembly === undefined)('wasm backend wrapper modules (need the host engine)', () => {
  it('are valid for wasmts and the host, with the imports and exports the bridge links', () => {
    for (const sig of SIGS) {
      for (const bytes of [importWrapper(sig), exportWrapper(sig)]) {
        expect(() => decodeModule(bytes, { validateBodies: true })).not.toThrow();
        expect(WebAssembly.validate(bytes)).toBe(true);
      }
      expect(shape(importWrapper(sig)).imports.map((i) => `${i.module}.${i.name}:${i.kind}`)).toEqual([
        'h.f:function',
        'h.pending:global',
      ]);
      expect(shape(exportWrapper(sig)).exports.map((e) => e.name)).toEqual(['f']);
      const unpack = unpackModule([...sig.params, ...sig.results]);
      expect(() => decodeModule(unpack, { validateBodies: true, features })).not.toThrow();
      expect(shape(unpack).imports.map((i) => `${i.name}:${i.kind}`)).toEqual(['tag:tag', 'throw:function']);
    }
    const hooks = hooksModule();
    expect(() => decodeModule(hooks, { validateBodies: true })).not.toThrow();
    expect(shape(hooks).exports.map((e) => e.name)).toEqual([
      'fuel_get',
      'fuel_set',
      'countdown_set',
      'trap',
      'out_of_fuel',
      'new_epoch',
      'stack_overflow',
    ]);
  });

  it('carry f32 NaN payloads as i32 bits both ways and trap after a call that left an error pending', () => {
    const sig = fn([F32], [F32]);
    const pending = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
    // import side: JS sees bits; the wasm-facing export takes and returns f32
    const seen: number[] = [];
    const imp = new WebAssembly.Instance(new WebAssembly.Module(importWrapper(sig)), {
      h: {
        f: (bits: number) => {
          seen.push(bits >>> 0);
          return 0x7fa00001;
        },
        pending,
      },
    }).exports.f as (x: number) => number;
    // export side: bits in, bits out, around a host wasm function of f32 -> f32 (here the import wrapper)
    const exp = new WebAssembly.Instance(new WebAssembly.Module(exportWrapper(sig)), { h: { f: imp } }).exports.f as (
      bits: number,
    ) => number;
    expect(exp(0x7fc00abc) >>> 0).toBe(0x7fa00001);
    expect(seen).toEqual([0x7fc00abc]);
    pending.value = 1;
    expect(() => exp(0)).toThrow(WebAssembly.RuntimeError);
  });

  it('hooks: trap sets pending to the code plus one; fuel crosses as f64', () => {
    const g = (value: 'i32' | 'i64', v: number | bigint): HostGlobal =>
      new WebAssembly.Global({ value, mutable: true }, v);
    const h = {
      pending: g('i32', 0),
      fuel: g('i64', -5n),
      countdown: g('i64', 0n),
      out_of_fuel: () => {},
      new_epoch: () => {},
    };
    const x = new WebAssembly.Instance(new WebAssembly.Module(hooksModule()), { h }).exports as Record<
      string,
      (v?: number) => number
    >;
    expect(x.fuel_get()).toBe(-5);
    x.fuel_set(1234);
    expect(h.fuel.value).toBe(1234n);
    x.countdown_set(-2);
    expect(h.countdown.value).toBe(-2n);
    expect(() => x.trap(7)).toThrow(WebAssembly.RuntimeError);
    expect(h.pending.value).toBe(8);
    expect(() => x.out_of_fuel()).toThrow(WebAssembly.RuntimeError);
    h.pending.value = 0;
    expect(x.new_epoch()).toBeUndefined();
  });
});
