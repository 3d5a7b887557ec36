import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../src/base64.js';
import {
  Config,
  DeserializeError,
  Engine,
  Instance,
  Module,
  type PrecompiledModule,
  Store,
  Trap,
} from '../src/index.js';
import { testConfig } from './backend.js';

const src = fileURLToPath(new URL('../src', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wasmts-aot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WAT = `(module $calc (memory (export "m") 1) (data (i32.const 16) "\\2a")
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1))) (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func $inner (param i64) (result i64) (drop (call $fib (i32.const 3))) (i64.div_s (local.get 0) (i64.const 0)))
  (func (export "boom") (param i64) (result i64) (call $inner (local.get 0)))
  (func (export "bits") (result i64) (i64.reinterpret_f64 (f64.load (i32.const 32))))
  (func (export "nan") (f64.store (i32.const 32) (f64.reinterpret_i64 (i64.const 0x7ff0000000000001)))))`;

let counter = 0;
/** Writes `text` as a module file and loads its default export the way an app's bundle would. */
async function load(text: string, format: 'esm' | 'cjs'): Promise<PrecompiledModule> {
  const file = join(dir, `m${counter++}.${format === 'esm' ? 'mjs' : 'cjs'}`);
  writeFileSync(file, text);
  if (format === 'cjs') return createRequire(import.meta.url)(file) as PrecompiledModule;
  return ((await import(pathToFileURL(file).href)) as { default: PrecompiledModule }).default;
}

function run(module: Module): { fib: number; data: number; nan: bigint; trap: Trap } {
  const inst = new Instance(new Store(module.engine, null), module, []);
  inst.getTypedFunc('nan').call();
  let trap: unknown;
  try {
    inst.getTypedFunc('boom').call(5n);
  } catch (e) {
    trap = e;
  }
  return {
    fib: inst.getTypedFunc('fib').call(20) as number,
    data: inst.getMemory('m')?.read(16, 1)[0] ?? -1,
    nan: inst.getTypedFunc('bits').call() as bigint,
    trap: trap as Trap,
  };
}

describe('ahead-of-time JS modules: Module.serializeJs / Module.fromPrecompiled', () => {
  it('base64 round-trips every length and refuses what is not base64', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }
    for (const bad of ['abc', 'ab=c', '=abc', 'ab\u00e9c', 'a===', 'ab-_']) expect(decodeBase64(bad)).toBeNull();
  });

  for (const format of ['esm', 'cjs'] as const) {
    it(`runs a module from its ${format} form like the original, traps and backtraces included`, async () => {
      const engine = new Engine(testConfig());
      const original = new Module(engine, WAT);
      const text = original.serializeJs(format);
      expect(text).toContain('function (H) { return (function');
      const loaded = Module.fromPrecompiled(engine, await load(text, format));
      expect(loaded.backend).toBe('js');
      expect(loaded.name()).toBe('calc');
      const got = run(loaded);
      expect(got.fib).toBe(6765);
      expect(got.data).toBe(42);
      expect(got.nan).toBe(0x7ff0000000000001n);
      expect(got.trap).toBeInstanceOf(Trap);
      expect(got.trap.message).toMatch(/divide by zero/);
      expect(got.trap.backtrace?.frames.map((f) => f.funcName)).toEqual(['inner', null]);
    });
  }

  it('writes no text per data segment whose offset is one i32.const, and places every segment', async () => {
    // a Go module (esbuild) has ~100,000 data segments: one array literal of their offsets kept hermesc busy
    const wat = (n: number) => {
      const segments = Array.from(
        { length: n },
        (_, i) => `(data (i32.const ${100 + i * 3}) "\\${(i & 255).toString(16).padStart(2, '0')}")`,
      );
      return `(module (global $g i32 (i32.const 9000)) (memory (export "m") 1) ${segments.join(' ')}
        (data (global.get $g) "\\07") (data "\\08"))`;
    };
    const engine = new Engine(testConfig());
    const small = new Module(engine, wat(1000));
    const large = new Module(engine, wat(2000));
    const text = large.serializeJs('cjs');
    // 1,000 more segments add their bytes to the artifact's base64 and nothing else
    const wasmGrowth = large.bytes.length - small.bytes.length;
    expect(text.length - small.serializeJs('cjs').length).toBeLessThan((wasmGrowth * 4) / 3 + 100);
    const module = Module.fromPrecompiled(engine, await load(text, 'cjs'));
    const mem = new Instance(new Store(engine, null), module, []).getMemory('m')!;
    for (let i = 0; i < 2000; i++) expect(mem.read(100 + i * 3, 1)[0]).toBe(i & 255);
    expect(mem.read(9000, 1)[0]).toBe(7);
  });

  for (const format of ['esm', 'cjs'] as const) {
    it(`runs a module written in function groups (${format}), each group loaded on the first call of one of its functions`, async () => {
      const engine = new Engine(testConfig());
      const original = new Module(engine, WAT);
      const ext = format === 'esm' ? 'mjs' : 'cjs';
      const stem = `grouped${counter++}`;
      // groups of one function each (every body is larger than 1 character)
      const files = original.serializeJsGroups(format, `${stem}.${ext}`, 1);
      expect(files.map((f) => f.file)).toEqual([
        `${stem}.${ext}`,
        ...[0, 1, 2, 3, 4].map((k) => `${stem}.g${k}.${ext}`),
      ]);
      for (const f of files) writeFileSync(join(dir, f.file), f.text);
      expect(files[0].text).not.toContain('function f0(');
      expect(files[1].text).toContain('function f0(');
      const main = join(dir, files[0].file);
      const pre =
        format === 'cjs'
          ? (createRequire(import.meta.url)(main) as PrecompiledModule)
          : ((await import(pathToFileURL(main).href)) as { default: PrecompiledModule }).default;
      expect(pre.groups?.map((g) => g.count)).toEqual([1, 1, 1, 1, 1]);
      // which groups are asked for: none at load, each once at its function's first call
      const asked: number[] = [];
      const counted = {
        ...pre,
        groups: pre.groups?.map((g, k) => ({
          count: g.count,
          load: () => {
            asked.push(k);
            return g.load();
          },
        })),
      };
      const loaded = Module.fromPrecompiled(engine, counted);
      const inst = new Instance(new Store(engine, null), loaded, []);
      expect(asked).toEqual([]);
      expect(inst.getTypedFunc('fib').call(20)).toBe(6765);
      expect(asked).toEqual([0]);
      const got = run(loaded);
      expect(got.fib).toBe(6765);
      expect(got.data).toBe(42);
      expect(got.nan).toBe(0x7ff0000000000001n);
      expect(got.trap.message).toMatch(/divide by zero/);
      expect(got.trap.backtrace?.frames.map((f) => f.funcName)).toEqual(['inner', null]);
      expect([...asked].sort()).toEqual([0, 1, 2, 3, 4]);
      // groups are part of what the artifact records: missing or extra ones are refused
      expect(() => Module.fromPrecompiled(engine, { ...pre, groups: pre.groups?.slice(1) })).toThrow(
        /has 5 function groups/,
      );
      const whole = await load(original.serializeJs(format), format);
      expect(() => Module.fromPrecompiled(engine, { ...whole, groups: pre.groups })).toThrow(/groups where/);
      // a group that is not code fails the first call of its functions
      const broken = Module.fromPrecompiled(engine, {
        ...pre,
        groups: pre.groups?.map((g, k) => ({ count: g.count, load: k === 0 ? () => ({}) as never : g.load })),
      });
      expect(() => new Instance(new Store(engine, null), broken, []).getTypedFunc('fib').call(3)).toThrow(
        /function group 0/,
      );
    });
  }

  it('a hostile module name (from the guest name section) cannot break out of the comment it is written into', async () => {
    const name = new TextEncoder().encode('x\n*/ globalThis.wasmtsPwned = 1; //\u2028y');
    const sub = [0, name.length + 1, name.length, ...name];
    const section = [...new TextEncoder().encode('name')];
    const bytes = Uint8Array.from([
      0,
      0x61,
      0x73,
      0x6d,
      1,
      0,
      0,
      0,
      0,
      1 + section.length + sub.length,
      4,
      ...section,
      ...sub,
    ]);
    const engine = new Engine(new Config({ backend: 'js' }));
    const text = new Module(engine, bytes).serializeJs();
    expect(text.split('\n')[0]).toMatch(/^\/\/ x____globalThis\.wasmtsPwned_/);
    const loaded = Module.fromPrecompiled(engine, await load(text, 'esm'));
    expect((globalThis as { wasmtsPwned?: number }).wasmtsPwned).toBeUndefined();
    expect(loaded.name()).toBe('x\n*/ globalThis.wasmtsPwned = 1; //\u2028y');
  });

  it('is for an engine with the same settings, and is not an artifact of Module.serialize', async () => {
    const engine = new Engine(testConfig());
    const pre = await load(new Module(engine, WAT).serializeJs(), 'esm');
    expect(() => Module.fromPrecompiled(new Engine(testConfig({ consumeFuel: true })), pre)).toThrow(
      /different settings/,
    );
    // the artifact inside has no code: Module.deserialize sends it to fromPrecompiled, and the reverse is refused
    const inner = decodeBase64(pre.artifact) as Uint8Array;
    expect(() => Module.deserialize(engine, inner)).toThrow(/Module.fromPrecompiled/);
    const plain = encodeBase64(new Module(engine, WAT).serialize());
    expect(() => Module.fromPrecompiled(engine, { artifact: plain, code: pre.code })).toThrow(/Module.deserialize/);
    // corrupted, or not the shape at all
    const flipped = inner.slice();
    flipped[40] ^= 1;
    expect(() => Module.fromPrecompiled(engine, { artifact: encodeBase64(flipped), code: pre.code })).toThrow(
      /checksum/,
    );
    expect(() => Module.fromPrecompiled(engine, { artifact: '%%%%', code: pre.code })).toThrow(/not base64/);
    for (const bad of [null, {}, { artifact: pre.artifact }, { artifact: 1, code: pre.code }])
      expect(() => Module.fromPrecompiled(engine, bad as unknown as PrecompiledModule)).toThrow(DeserializeError);
    // code that returns no factory is refused when the module first needs it
    expect(() => Module.fromPrecompiled(engine, { artifact: pre.artifact, code: () => 42 })).toThrow(
      /did not return a module factory/,
    );
    // a module loaded this way keeps no source to serialize again
    const loaded = Module.fromPrecompiled(engine, pre);
    expect(() => loaded.serialize()).toThrow(/serialize the original/);
    expect(() => loaded.serializeJs()).toThrow(/serialize the original/);
  });

  it('refuses code with plain float loads where the host JIT would not run it exactly', () => {
    const interp = new Engine(new Config({ backend: 'js', jsTarget: 'interpreter' }));
    const artifact = new Module(interp, WAT).serialize();
    // this host (V8 with its JIT) under 'jit' may not run it; an engine that says 'interpreter' may
    expect(() => Module.deserialize(new Engine(new Config({ backend: 'js', jsTarget: 'jit' })), artifact)).toThrow(
      /without their NaN test/,
    );
    expect(run(Module.deserialize(interp, artifact)).fib).toBe(6765);
  });

  it('loads and runs with no new Function or eval (node --disallow-code-generation-from-strings, --jitless)', async () => {
    const engine = new Engine(new Config({ backend: 'js' }));
    const file = join(dir, 'nogen.mjs');
    writeFileSync(file, new Module(engine, WAT).serializeJs());
    const script = `
      delete globalThis.WebAssembly;
      const { Config, Engine, Instance, Module, Store } = await import(${JSON.stringify(join(src, 'index.ts'))});
      const { default: pre } = await import(${JSON.stringify(pathToFileURL(file).href)});
      let evalWorks = true;
      try { new Function('return 1'); } catch { evalWorks = false; }
      const engine = new Engine(new Config({ backend: 'js' }));
      const inst = new Instance(new Store(engine, null), Module.fromPrecompiled(engine, pre), []);
      let trap = '';
      try { inst.getTypedFunc('boom').call(1n); } catch (e) { trap = e.message; }
      console.log(evalWorks, typeof WebAssembly, inst.getTypedFunc('fib').call(25), trap);
    `;
    const out = execFileSync(
      process.execPath,
      [
        '--jitless',
        '--disallow-code-generation-from-strings',
        '--conditions=source',
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out.trim()).toBe('false undefined 75025 integer divide by zero');
  });
});
