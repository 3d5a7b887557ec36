// Where the wasm backend may run a module, the host engine validates its function bodies (`WebAssembly.validate`)
// and environ decodes the rest, finding the re-encoder's sites with `scanSites` (no validation of its own). These
// tests check that this changes nothing an embedder can see but the time: the same sites, the same CompileError
// for every module the spec suite calls invalid or malformed, proposals turned off still refused, fuel and epochs
// still counted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModule, CompileError as EnvironCompileError, scanSites, wasmFeatures } from '@wasmts/environ';
import { specSuiteDir } from '@wasmts/testsuite';
import { parseWast, parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { CompileError, Config, Engine, Linker, Module, Store, Trap } from '../src/index.js';

const SUITE = specSuiteDir();
const wasmEngine = () => new Engine(new Config({ backend: 'wasm' }));
const validator = (features = wasmFeatures()) => new Engine(new Config({ backend: 'js', features }));

const parsed = new Map<string, { bytes: Uint8Array; expect: 'valid' | 'invalid' | 'malformed' }[]>();
/** The modules of one script, each with what the script expects of it (parsed once for all tests). */
function modulesOf(file: string): { bytes: Uint8Array; expect: 'valid' | 'invalid' | 'malformed' }[] {
  let m = parsed.get(file);
  if (m === undefined) {
    m = parseModules(file);
    parsed.set(file, m);
  }
  return m;
}

function parseModules(file: string): { bytes: Uint8Array; expect: 'valid' | 'invalid' | 'malformed' }[] {
  const out: { bytes: Uint8Array; expect: 'valid' | 'invalid' | 'malformed' }[] = [];
  for (const c of parseWast(readFileSync(join(SUITE, file), 'utf8'), { file }).commands) {
    if (c.type !== 'module' && c.type !== 'assert_invalid' && c.type !== 'assert_malformed') continue;
    const kind = c.type === 'module' ? 'valid' : c.type === 'assert_invalid' ? 'invalid' : 'malformed';
    const m = c.module;
    if (m.kind === 'quote') continue;
    if (m.bytes !== undefined) out.push({ bytes: m.bytes, expect: kind });
  }
  return out;
}

const FILES = readdirSync(SUITE)
  .filter((f) => f.endsWith('.wast'))
  .sort();

/** The error `new Module` throws, as text, or null. */
function errorOf(engine: Engine, bytes: Uint8Array): string | null {
  try {
    Module.fromBinary(engine, bytes);
    return null;
  } catch (e) {
    if (!(e instanceof CompileError)) return `not a CompileError: ${String(e)}`;
    return `${e.constructor.name}: ${e.message}`;
  }
}

describe('scanSites', () => {
  it('finds exactly the sites the validator records, in every valid module of the spec suite and threads/atomic', () => {
    let modules = 0;
    let sites = 0;
    let atomics = 0;
    // and the threads proposal's atomics (prefixed operators: a site rule of its own may come)
    for (const file of [...FILES, 'proposals/threads/atomic.wast'])
      for (const { bytes, expect: kind } of modulesOf(file)) {
        if (kind !== 'valid') continue;
        let validated: ReturnType<typeof decodeModule>;
        try {
          validated = decodeModule(bytes, { recordSites: true, features: wasmFeatures({ threads: true }) });
        } catch {
          continue; // a proposal off by default
        }
        const recorded = validated.codeSites;
        const scanned = scanSites(validated, wasmFeatures({ threads: true }));
        if (recorded === undefined) throw new Error('no sites');
        expect([...scanned.positions.subarray(0, scanned.count)], file).toEqual([
          ...recorded.positions.subarray(0, recorded.count),
        ]);
        expect([...scanned.ends], file).toEqual([...recorded.ends]);
        modules++;
        if (file.includes('threads')) atomics++;
        sites += recorded.count;
      }
    expect(modules).toBeGreaterThan(1000);
    expect(atomics).toBeGreaterThan(0);
    expect(sites).toBeGreaterThan(1000);
  });

  it('refuses a body that does not read as operators, and an operator of a proposal that is off', () => {
    const m = decodeModule(parseWat('(module (func (result i32) (i32.const 1)))'), { validateBodies: false });
    const bytes = new Uint8Array(m.bytes);
    const b = m.bodies[0];
    // the body's last byte (its `end`) becomes an unassigned opcode
    bytes[b.range.end - 1] = 0xc5;
    expect(() => scanSites({ bytes, bodies: m.bodies })).toThrow(/unreadable function body/);
    // an LEB128 that runs past the body's end
    bytes[b.range.end - 1] = 0x41;
    bytes[b.range.end - 2] = 0x80;
    expect(() => scanSites({ bytes, bodies: m.bodies })).toThrow(EnvironCompileError);
    const atomic = parseWat('(module (memory 1) (func (result i32) (i32.atomic.load (i32.const 0))))');
    const d = decodeModule(atomic, { validateBodies: false, features: wasmFeatures({ threads: true }) });
    expect(() => scanSites(d, wasmFeatures({ threads: false }))).toThrow(/threads support is not enabled|not enabled/);
    expect(scanSites(d, wasmFeatures({ threads: true })).count).toBe(0);
  });
});

describe('the wasm backend leaves body validation to the host', () => {
  it('a valid module: bodies not validated by environ (pending), sites scanned, and it runs', () => {
    const module = new Module(
      wasmEngine(),
      '(module (global $g (mut i32) (i32.const 0)) (func (export "f") (result i32) (global.set $g (i32.const 7)) (global.get $g)))',
    );
    expect(module.backend).toBe('wasm');
    expect(module.module.pendingBodies?.pending[0]).toBe(1);
    expect(module.module.codeSites?.count).toBe(2);
    const store = new Store(module.engine, null);
    const f = new Linker(module.engine).instantiate(store, module).getTypedFunc<[], number>('f');
    expect(f.call()).toBe(7);
  });

  it('every invalid and malformed module of the spec suite is the same CompileError as environ alone gives', () => {
    const wasm = wasmEngine();
    const js = validator();
    let checked = 0;
    for (const file of FILES)
      for (const { bytes, expect: kind } of modulesOf(file)) {
        if (kind === 'valid') continue;
        const viaHost = errorOf(wasm, bytes);
        expect(viaHost, `${file}: ${kind} module accepted`).not.toBeNull();
        expect(viaHost, file).toBe(errorOf(js, bytes));
        checked++;
      }
    expect(checked).toBeGreaterThan(1000);
  });

  it('a proposal turned off is refused as before (threads: off by default, on in the host)', () => {
    const text = '(module (memory 1) (func (export "f") (result i32) (i32.atomic.load (i32.const 0))))';
    const e = errorOf(wasmEngine(), parseWat(text));
    expect(e).toMatch(/threads support is not enabled/);
    expect(e).toBe(errorOf(validator(), parseWat(text)));
    const on = new Engine(new Config({ backend: 'wasm', features: wasmFeatures({ threads: true }) }));
    expect(new Module(on, text).module.pendingBodies).toBeDefined();
    // a proposal whose types can appear in a body (simd) turned off: environ validates the bodies itself
    const noSimd = new Engine(new Config({ backend: 'auto', features: wasmFeatures({ simd: false }) }));
    const m = new Module(noSimd, '(module (func (export "f") (result i32) (i32.const 1)))');
    expect(m.module.pendingBodies).toBeUndefined();
    const simd = '(module (func (export "f") (local v128)))';
    expect(errorOf(noSimd, parseWat(simd))).toBe(errorOf(validator(wasmFeatures({ simd: false })), parseWat(simd)));
    expect(errorOf(noSimd, parseWat(simd))).not.toBeNull();
  });

  it('fuel and epochs are counted in a host-validated module (the scan feeds the instrumentation)', () => {
    const text = `(module (func (export "spin") (param i32) (result i32) (local i32)
      (loop $l (local.set 1 (i32.add (local.get 1) (i32.const 1))) (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
      (local.get 1)))`;
    const fuelEngine = new Engine(new Config({ backend: 'wasm', consumeFuel: true }));
    const fm = new Module(fuelEngine, text);
    expect(fm.module.pendingBodies).toBeDefined();
    const store = new Store(fuelEngine, null);
    store.setFuel(1000);
    const spin = new Linker(fuelEngine).instantiate(store, fm).getTypedFunc<[number], number>('spin');
    expect(() => spin.call(1_000_000)).toThrow(Trap);
    expect(store.getFuel()).toBe(0);
    const epochEngine = new Engine(new Config({ backend: 'wasm', epochInterruption: true }));
    const em = new Module(epochEngine, text);
    const s2 = new Store(epochEngine, null);
    s2.setEpochDeadline(1);
    epochEngine.incrementEpoch();
    const spin2 = new Linker(epochEngine).instantiate(s2, em).getTypedFunc<[number], number>('spin');
    expect(() => spin2.call(1 << 30)).toThrow(/interrupt/i);
  });
});
