// The engine's in-memory cache of wasm-backend compilations by content (src/wasm-backend/cache.ts).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { Config, Engine, Linker, Module, Store } from '../src/index.js';
import { wasmCacheSize } from '../src/module.js';
import { ContentCache, contentKey, sameBytes } from '../src/wasm-backend/cache.js';

const WAT = `(module
  (memory (export "mem") 1)
  (global $g (mut i32) (i32.const 0))
  (func (export "bump") (result i32)
    (global.set $g (i32.add (global.get $g) (i32.const 1)))
    (i32.store (i32.const 0) (global.get $g))
    (global.get $g))
  (func (export "k") (result i32) (i32.const 1234567))
  (func (export "spin") (param i32) (result i32) (local i32)
    (loop $l (local.set 1 (i32.add (local.get 1) (i32.const 1))) (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
    (local.get 1)))`;
const BYTES = parseWat(WAT);

function run(engine: Engine, module: Module, fuel?: number) {
  const store = new Store<null>(engine, null);
  if (fuel !== undefined) store.setFuel(fuel);
  const instance = new Linker<null>(engine).instantiate(store, module);
  return { store, instance };
}

describe('wasm backend: the content cache', () => {
  it('a second module of the same bytes reuses the compilation; its instances are independent', () => {
    const engine = new Engine(new Config({ backend: 'wasm' }));
    const a = new Module(engine, BYTES);
    const b = new Module(engine, new Uint8Array(BYTES)); // another array, same content
    expect(a.backend).toBe('wasm');
    expect(b.backend).toBe('wasm');
    expect(b.wasm).toBe(a.wasm);
    expect(b.module).toBe(a.module);
    expect(wasmCacheSize(engine)).toBe(1);
    const x = run(engine, a).instance;
    const y = run(engine, b).instance;
    expect(x.getTypedFunc('bump').call()).toBe(1);
    expect(x.getTypedFunc('bump').call()).toBe(2);
    expect(y.getTypedFunc('bump').call()).toBe(1);
    expect(x.getMemory('mem')!.data()[0]).toBe(2);
    expect(y.getMemory('mem')!.data()[0]).toBe(1);
  });

  it('the input changed after compiling is a different module, and the first keeps its code', () => {
    const engine = new Engine(new Config({ backend: 'wasm' }));
    const input = new Uint8Array(BYTES);
    const a = new Module(engine, input);
    // 1234567 is an i32.const LEB (87 ad cb 00 would be padded; find the 3-byte body of 1234567 = 0x12d687)
    const leb = [0x87, 0xad, 0xcb, 0x00];
    let at = -1;
    for (let i = 0; i + 3 < input.length && at < 0; i++)
      if (input[i] === leb[0] && input[i + 1] === leb[1] && input[i + 2] === leb[2] && input[i + 3] === leb[3]) at = i;
    expect(at).toBeGreaterThan(0);
    input[at] = 0x88; // 1234568
    const b = new Module(engine, input);
    expect(b.wasm).not.toBe(a.wasm);
    expect(run(engine, a).instance.getTypedFunc('k').call()).toBe(1234567);
    expect(run(engine, b).instance.getTypedFunc('k').call()).toBe(1234568);
    // and the original bytes again find the first compilation, not the changed one
    expect(new Module(engine, BYTES).wasm).toBe(a.wasm);
  });

  it('is per engine, and not used by the js backend', () => {
    const e1 = new Engine(new Config({ backend: 'wasm' }));
    const e2 = new Engine(new Config({ backend: 'wasm' }));
    const a = new Module(e1, BYTES);
    const b = new Module(e2, BYTES);
    expect(b.wasm).not.toBe(a.wasm);
    const js = new Engine(new Config({ backend: 'js' }));
    new Module(js, BYTES);
    new Module(js, BYTES);
    expect(wasmCacheSize(js)).toBe(0);
  });

  it('a cached module of a fuel engine meters fuel in every instance', () => {
    const engine = new Engine(new Config({ backend: 'wasm' }).consumeFuel(true));
    const a = new Module(engine, BYTES);
    const b = new Module(engine, BYTES);
    expect(b.wasm).toBe(a.wasm);
    const r1 = run(engine, a, 1_000_000);
    const r2 = run(engine, b, 1_000_000);
    expect(r1.instance.getTypedFunc('spin').call(1000)).toBe(1000);
    expect(r2.instance.getTypedFunc('spin').call(1000)).toBe(1000);
    expect(r1.store.getFuel()).toBe(r2.store.getFuel());
    expect(r1.store.getFuel()).toBeLessThan(1_000_000 - 1000);
  });

  it('a key collision is caught by comparing the bytes, and one key holds at most 4 entries', () => {
    const cache = new ContentCache<{ bytes: Uint8Array; n: number }>();
    const mk = (n: number) => {
      const bytes = new Uint8Array(64);
      bytes[63] = n; // differ in the last byte only
      return { bytes, n };
    };
    const entries = [0, 1, 2, 3, 4].map(mk);
    for (const e of entries) cache.set('same-key', e);
    expect(cache.size).toBe(4);
    for (const e of entries.slice(0, 4)) expect(cache.get('same-key', new Uint8Array(e.bytes))?.n).toBe(e.n);
    expect(cache.get('same-key', entries[4].bytes)).toBeNull();
    expect(cache.get('other-key', entries[0].bytes)).toBeNull();
  });

  it('hashes and compares every byte, aligned or not', () => {
    const base = new Uint8Array(1027);
    for (let i = 0; i < base.length; i++) base[i] = (i * 31) & 0xff;
    const key = contentKey(base);
    for (const i of [0, 1, 511, 1024, 1026]) {
      const c = base.slice();
      c[i] ^= 1;
      expect(contentKey(c)).not.toBe(key);
      expect(sameBytes(c, base)).toBe(false);
    }
    const shifted = new Uint8Array(base.length + 1);
    shifted.set(base, 1);
    const view = shifted.subarray(1); // unaligned
    expect(contentKey(view)).toBe(key);
    expect(sameBytes(view, base)).toBe(true);
    expect(contentKey(base.subarray(0, 1026))).not.toBe(key);
  });

  it('no hashing of the input where the host has no WebAssembly (node --jitless): no cache entry, a plain copy', () => {
    const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    const moduleTs = fileURLToPath(new URL('../src/module.ts', import.meta.url));
    const script = `
      const { Engine, Module } = await import(${JSON.stringify(index)});
      const { wasmCacheSize } = await import(${JSON.stringify(moduleTs)});
      const bytes = new Uint8Array(${JSON.stringify([...BYTES])});
      const engine = new Engine();
      const m = new Module(engine, bytes);
      console.log(typeof WebAssembly, m.backend, wasmCacheSize(engine), m.bytes === bytes);
    `;
    const out = execFileSync(
      process.execPath,
      ['--jitless', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // the bytes are copied all the same (the JS backend translates from them after the caller has them back)
    expect(out.trim()).toBe('undefined js 0 false');
  });
});
