import { describe, expect, it } from 'vitest';
import {
  ARTIFACT_VERSION,
  DeserializeError,
  Engine,
  Instance,
  isArtifact,
  Module,
  readArtifactHeader,
  Store,
} from '../src/index.js';
import { testConfig } from './backend.js';

const WAT = `(module $calc
  (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "boom") unreachable))`;

describe('Module.serialize / Module.deserialize', () => {
  it('round-trips: the artifact holds the wasm and the generated code', () => {
    const engine = new Engine(testConfig());
    const original = new Module(engine, WAT);
    const bytes = original.serialize();
    expect(new TextDecoder().decode(bytes.subarray(1, 7))).toBe('wasmts');
    const loaded = Module.deserialize(engine, bytes);
    expect(loaded.compiled.source).toBe(original.compiled.source);
    expect(loaded.name()).toBe('calc');
    const store = new Store(engine, null);
    const inst = new Instance(store, loaded, []);
    expect(inst.getTypedFunc('add').call(2, 40)).toBe(42);
    expect(() => inst.getTypedFunc('boom').call()).toThrow(/unreachable/);
    // a second engine with the same settings loads it too
    expect(
      Module.deserialize(new Engine(testConfig()), bytes)
        .exports()
        .map((e) => e.name),
    ).toEqual(['add', 'boom']);
  });

  it('reads an artifact header without loading it', () => {
    const bytes = new Module(new Engine(testConfig({ consumeFuel: true, backend: 'js' })), WAT).serialize();
    expect(isArtifact(bytes)).toBe(true);
    expect(isArtifact(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toBe(false);
    const header = readArtifactHeader(bytes);
    expect(header.version).toBe(ARTIFACT_VERSION);
    expect(header.backend).toBe('js');
    expect(header.tunables.consumeFuel).toBe(true);
    expect(() => readArtifactHeader(bytes.subarray(0, 12))).toThrow(/truncated/);
    expect(() => readArtifactHeader(new Uint8Array(16))).toThrow(/bad magic header/);
  });

  it('refuses corrupted bytes, another version and other settings', () => {
    const engine = new Engine(testConfig());
    const bytes = new Module(engine, WAT).serialize();
    for (const at of [0, 20, bytes.length - 30, bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at] ^= 0x40;
      expect(() => Module.deserialize(engine, bad)).toThrow(DeserializeError);
    }
    expect(() => Module.deserialize(engine, bytes.subarray(0, 40))).toThrow(DeserializeError);
    expect(() => Module.deserialize(engine, new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toThrow(
      /bad magic header/,
    );
    // another version: rewrite the version string and fix the checksum, as a newer wasmts would write it
    const text = new TextDecoder('latin1').decode(bytes);
    const other = Uint8Array.from(text.replace('wasmts-js/1', 'wasmts-js/9'), (c) => c.charCodeAt(0));
    const crc = (b: Uint8Array) => {
      let c = 0xffffffff;
      for (const x of b) {
        c ^= x;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    new DataView(other.buffer).setUint32(other.length - 4, crc(other.subarray(0, other.length - 4)), true);
    expect(() => Module.deserialize(engine, other)).toThrow(/version mismatch.*wasmts-js\/9/);
    expect(() => Module.deserialize(new Engine(testConfig().consumeFuel(true)), bytes)).toThrow(/different settings/);
  });

  it('carries the generated code itself (loading does not generate code)', () => {
    const engine = new Engine(testConfig({ backend: 'js' }));
    const original = new Module(engine, WAT);
    const bytes = original.serialize();
    expect(new TextDecoder().decode(bytes)).toContain(original.compiled.source);
    // the loaded module runs exactly the code in the artifact
    expect(Module.deserialize(engine, bytes).compiled.source).toBe(original.compiled.source);
  });
});
