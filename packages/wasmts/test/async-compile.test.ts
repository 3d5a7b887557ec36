// `Module.compile` and the drop-in's async entry points instrument large modules in a worker
// (src/wasm-backend/worker.ts): the same module as `new Module`, the same typed errors, and a worker that fails
// leaves the caller compiling on its own thread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CompileError } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Config, Engine, Linker, Module, Store, Trap } from '../src/index.js';
import { wasmCacheSize } from '../src/module.js';
import { stopWorker, workerExecArgv, workerSettings, workerStats } from '../src/wasm-backend/worker.js';
import { createWebAssembly } from '../src/webassembly.js';

// the worker runs the sources, as this test does: its entry bundled from them (Node 20 loads no TypeScript in a
// worker, tsx registering itself on the main thread only)
const tmp = mkdtempSync(join(tmpdir(), 'wasmts-worker-'));

const WAT = `(module
  (import "env" "log" (func $log (param i32)))
  (memory (export "mem") 1)
  (global $g (mut i32) (i32.const 0))
  (table 2 funcref)
  (elem (i32.const 0) $sum $fib)
  (func $sum (export "sum") (param i32) (result i32) (local i32 i32)
    (loop $l
      (local.set 2 (i32.add (local.get 2) (local.get 1)))
      (local.set 1 (i32.add (local.get 1) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
    (global.set $g (local.get 2))
    (call $log (local.get 2))
    (local.get 2))
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call_indirect (param i32) (result i32) (i32.sub (local.get 0) (i32.const 2)) (i32.const 1))))))
  (func (export "g") (result i32) (global.get $g)))`;
const BYTES = parseWat(WAT);

function run(engine: Engine, module: Module, fuel?: number) {
  const store = new Store<number[]>(engine, []);
  if (fuel !== undefined) store.setFuel(fuel);
  if (engine.tunables.epochInterruption) store.setEpochDeadline(1_000_000);
  const linker = new Linker<number[]>(engine);
  linker.funcWrap('env', 'log', { params: ['i32'], results: [] }, (caller, x) => {
    caller.data.push(x);
  });
  const instance = linker.instantiate(store, module);
  return { store, instance };
}

function configs(): [string, () => Config][] {
  return [
    ['plain', () => new Config({ backend: 'wasm' })],
    ['fuel', () => new Config({ backend: 'wasm', consumeFuel: true })],
    ['epochs', () => new Config({ backend: 'wasm', epochInterruption: true })],
    [
      'fuel with custom costs',
      () => new Config({ backend: 'wasm', consumeFuel: true, operatorCost: { 'i32.add': 7 } }),
    ],
  ];
}

beforeAll(async () => {
  const { build } = await import('esbuild');
  const outfile = join(tmp, 'worker-main.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../src/wasm-backend/worker-main.ts', import.meta.url))],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['source'],
    logLevel: 'warning',
  });
  workerSettings.url = pathToFileURL(outfile).href;
  workerSettings.minBytes = 0;
});
afterAll(async () => {
  await stopWorker();
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * Instrumented bytes with the host module's name (`wasmts-module-<id>`, one per module) blanked, and the size of the
 * name section it is in (the one custom section the output ends with) left out.
 */
function withoutName(bytes: Uint8Array): string {
  const s = String.fromCharCode(...bytes);
  const at = s.lastIndexOf('\x04name');
  expect(at).toBeGreaterThan(6);
  return `${s.slice(0, at - 6)}|${s.slice(at).replace(/.wasmts-module-\d+/g, '<name>')}`;
}

describe('async compile in a worker', () => {
  for (const [name, config] of configs())
    it(`gives the module new Module gives (${name})`, async () => {
      const before = workerStats.compiled;
      const a = await Module.compile(new Engine(config()), BYTES);
      expect(workerStats.compiled).toBe(before + 1);
      const b = new Module(new Engine(config()), BYTES);
      expect(a.backend).toBe('wasm');
      expect(withoutName(a.wasm!.instrumented.bytes)).toBe(withoutName(b.wasm!.instrumented.bytes));
      expect([...a.wasm!.hidden.func]).toEqual([...b.wasm!.hidden.func]);
      expect(a.exports()).toEqual(b.exports());
      expect(a.imports()).toEqual(b.imports());
      for (let o = 0; o < b.wasm!.instrumented.bytes.length; o += 7)
        expect(a.wasm!.instrumented.originalOffset(o)).toBe(b.wasm!.instrumented.originalOffset(o));
      const fuel = name.startsWith('fuel') ? 1_000_000 : undefined;
      const x = run(a.engine, a, fuel);
      const y = run(b.engine, b, fuel);
      for (const r of [x, y]) {
        expect(r.instance.getTypedFunc<[number], number>('sum').call(100)).toBe(4950);
        expect(r.instance.getTypedFunc<[number], number>('fib').call(15)).toBe(610);
        expect(r.instance.getTypedFunc<[], number>('g').call()).toBe(4950);
        expect(r.store.data).toEqual([4950]);
      }
      if (fuel !== undefined) expect(x.store.getFuel()).toBe(y.store.getFuel());
    });

  it('a trap in a module compiled in the worker names the original function and offset', async () => {
    const engine = new Engine(new Config({ backend: 'wasm', consumeFuel: true }));
    const a = await Module.compile(engine, BYTES);
    const b = new Module(new Engine(new Config({ backend: 'wasm', consumeFuel: true })), BYTES);
    const trap = (m: Module) => {
      try {
        run(m.engine, m, 500).instance.getTypedFunc<[number], number>('fib').call(20);
      } catch (e) {
        return e;
      }
      return null;
    };
    const ea = trap(a);
    const eb = trap(b);
    expect(ea).toBeInstanceOf(Trap);
    const fa = (ea as Trap).backtrace!.frames;
    const fb = (eb as Trap).backtrace!.frames;
    expect(fa.map((f) => [f.funcIndex, f.moduleOffset])).toEqual(fb.map((f) => [f.funcIndex, f.moduleOffset]));
  });

  it('an invalid module rejects with the CompileError new Module throws', async () => {
    // a body the host rejects (i32.add of an i64): the worker reports it, this thread validates and throws
    const bad = parseWat('(module (func (result i32) (i64.const 1) (i32.const 1) (i32.add)))');
    const engine = new Engine(new Config({ backend: 'wasm' }));
    let sync: unknown = null;
    try {
      new Module(engine, bad);
    } catch (e) {
      sync = e;
    }
    expect(sync).toBeInstanceOf(CompileError);
    const before = workerStats.compiled;
    await expect(Module.compile(engine, bad)).rejects.toThrow(CompileError);
    await expect(Module.compile(engine, bad)).rejects.toThrow((sync as Error).message);
    expect(workerStats.compiled).toBe(before);
  });

  it('a second compile of the same bytes takes the engine cache, not the worker', async () => {
    const engine = new Engine(new Config({ backend: 'wasm', epochInterruption: true }));
    const a = await Module.compile(engine, BYTES);
    const before = workerStats.compiled;
    const b = await Module.compile(engine, new Uint8Array(BYTES));
    expect(workerStats.compiled).toBe(before);
    expect(b.wasm).toBe(a.wasm);
    expect(wasmCacheSize(engine)).toBe(1);
  });

  it('the drop-in WebAssembly.compile and instantiate of bytes use the worker', async () => {
    const WA = createWebAssembly({ config: new Config({ backend: 'wasm', consumeFuel: true }), fuel: 1_000_000 });
    const before = workerStats.compiled;
    const logged: number[] = [];
    const { instance } = (await WA.instantiate(BYTES, { env: { log: (x: number) => logged.push(x) } })) as {
      instance: { exports: Record<string, (...a: number[]) => number> };
    };
    expect(instance.exports.sum(10)).toBe(45);
    expect(logged).toEqual([45]);
    const m = await WA.compile(new Uint8Array(BYTES).buffer);
    expect(WA.Module.exports(m as never).map((e: { name: string }) => e.name)).toEqual(['mem', 'sum', 'fib', 'g']);
    expect(workerStats.compiled).toBe(before + 1); // the second compile is the engine's cache
    await expect(WA.compile(parseWat('(module (func (result i32) (i64.const 1)))'))).rejects.toThrow(
      WA.CompileError as never,
    );
  });
});

describe("the worker's Node options", () => {
  it("are the caller's without its preloads", () => {
    expect(
      workerExecArgv([
        '--import',
        'tsx',
        '--conditions=source',
        '--require=./apm.js',
        '--experimental-wasm-memory64',
        '-r',
        'x',
        '--loader',
        'y',
        '--experimental-loader=z',
        '--stack-size=2000',
      ]),
    ).toEqual(['--conditions=source', '--experimental-wasm-memory64', '--stack-size=2000']);
  });
});

describe('async compile when the worker fails', () => {
  it('compiles on the calling thread: a worker that cannot load its code', async () => {
    await stopWorker();
    const url = workerSettings.url;
    workerSettings.url = new URL('./no-such-worker.js', url).href;
    try {
      const before = workerStats.compiled;
      const engine = new Engine(new Config({ backend: 'wasm', consumeFuel: true }));
      const a = await Module.compile(engine, BYTES);
      const b = await Module.compile(new Engine(new Config({ backend: 'wasm', consumeFuel: true })), BYTES);
      expect(workerStats.compiled).toBe(before);
      expect(withoutName(a.wasm!.instrumented.bytes)).toBe(withoutName(b.wasm!.instrumented.bytes));
      expect(run(engine, a, 1000).instance.getTypedFunc<[number], number>('sum').call(10)).toBe(45);
    } finally {
      workerSettings.url = url;
      await stopWorker();
    }
    // and a worker that works again afterwards
    const before = workerStats.compiled;
    await Module.compile(new Engine(new Config({ backend: 'wasm' })), BYTES);
    expect(workerStats.compiled).toBe(before + 1);
  });

  it('compiles on the calling thread: a worker that exits while compiling', async () => {
    await stopWorker();
    const engine = new Engine(new Config({ backend: 'wasm', epochInterruption: true }));
    await Module.compile(new Engine(new Config({ backend: 'wasm' })), BYTES); // a worker running
    const before = workerStats.compiled;
    const pending = Module.compile(engine, BYTES);
    // a few microtasks post the request (a reply takes a turn of the event loop); then the worker stops under it
    for (let i = 0; i < 4; i++) await Promise.resolve();
    await stopWorker();
    const m = await pending;
    expect(workerStats.compiled).toBe(before);
    expect(m.backend).toBe('wasm');
    expect(run(engine, m).instance.getTypedFunc<[number], number>('sum').call(4)).toBe(6);
  });

  it('below the size threshold nothing goes to the worker', async () => {
    workerSettings.minBytes = BYTES.length + 1;
    try {
      const before = workerStats.compiled;
      const m = await Module.compile(new Engine(new Config({ backend: 'wasm' })), BYTES);
      expect(m.backend).toBe('wasm');
      expect(workerStats.compiled).toBe(before);
    } finally {
      workerSettings.minBytes = 0;
    }
  });
});
