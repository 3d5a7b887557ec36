import { describe, expect, it } from 'vitest';
import { Config, Engine, Linker, Module, Store, Trap } from '../src/index.js';
import { testConfig } from './backend.js';

function trapOf(f: () => unknown): Trap {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e;
    throw e;
  }
  throw new Error('expected a trap');
}

const LIB = `(module $lib
  (func $fail (export "fail") (call $deep))
  (func $deep unreachable))`;
const APP = `(module $app
  (import "lib" "fail" (func $libFail))
  (func $main (export "main") (call $helper))
  (func $helper (call $libFail))
  (func $rec (export "rec") (param i32)
    (if (local.get 0) (then (call $rec (i32.sub (local.get 0) (i32.const 1)))) (else unreachable))))`;

function setup(config?: Config) {
  const engine = new Engine(config);
  const store = new Store(engine, null);
  const linker = new Linker(engine);
  linker.module(store, 'lib', new Module(engine, LIB));
  return linker.instantiate(store, new Module(engine, APP));
}

describe('WasmBacktrace', () => {
  it('names each frame with its own module, function index and name', () => {
    const inst = setup();
    const t = trapOf(() => inst.getTypedFunc('main').call());
    expect(
      t.backtrace!.frames.map(({ funcIndex, funcName, moduleName }) => ({ funcIndex, funcName, moduleName })),
    ).toEqual([
      { funcIndex: 1, funcName: 'deep', moduleName: 'lib' },
      { funcIndex: 0, funcName: 'fail', moduleName: 'lib' },
      { funcIndex: 2, funcName: 'helper', moduleName: 'app' },
      { funcIndex: 1, funcName: 'main', moduleName: 'app' },
    ]);
    expect(t.backtrace!.toString()).toMatch(
      /^ {4}0: +0x[0-9a-f]+ - lib!deep\n {4}1: +0x[0-9a-f]+ - lib!fail\n {4}2: +0x[0-9a-f]+ - app!helper\n {4}3: +0x[0-9a-f]+ - app!main$/,
    );
  });

  it('keeps at most wasmBacktraceMaxFrames frames (20 by default)', () => {
    const deep = setup();
    expect(trapOf(() => deep.getTypedFunc('rec').call(50)).backtrace!.frames.length).toBe(20);
    const five = setup(testConfig().wasmBacktraceMaxFrames(5));
    const frames = trapOf(() => five.getTypedFunc('rec').call(50)).backtrace!.frames;
    expect(frames.length).toBe(5);
    expect(frames.every((f) => f.funcName === 'rec' && f.moduleName === 'app')).toBe(true);
    const none = setup(testConfig().wasmBacktraceMaxFrames(0));
    expect(trapOf(() => none.getTypedFunc('rec').call(3)).backtrace).toBeNull();
  });

  it('gives one frame per call of a function with i64 values (pair-ABI entries, wrappers and tail-call adapters)', () => {
    // $r recurses directly (`f<i>$p` calls `f<i>$p`); $t makes a tail call, so its pair entry is an adapter
    // around its trampoline around its body; the export's boundary wrapper is no frame of its own
    const text = `(module
      (func $r (export "r") (param i64) (result i64)
        local.get 0
        i64.eqz
        if (result i64)
          i64.const 5
          call $t
        else
          local.get 0
          i64.const 1
          i64.sub
          call $r
        end)
      (func $t (param i64) (result i64)
        local.get 0
        i64.eqz
        if
          unreachable
        end
        local.get 0
        return_call $u)
      (func $u (param i64) (result i64)
        local.get 0
        i64.const 1
        i64.sub
        call $t))`;
    const store = new Store(new Engine(testConfig()), null);
    const module = new Module(store.engine, text);
    const inst = new Linker(store.engine).instantiate(store, module);
    const names = trapOf(() => inst.getTypedFunc('r').call(2n)).backtrace!.frames.map((f) => f.funcIndex);
    // $r(2) $r(1) $r(0) -> $t(5) -> $u(5) (tail) -> $t(4) ... -> $t(0) traps, innermost first.
    if (module.backend === 'js') {
      // The JS backend keeps the frame of each $t whose tail call went to $u: one frame per call, never a second
      // one for a pair-ABI body, its boundary wrapper or a tail caller's adapter.
      expect(names).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 0, 0, 0]);
    } else {
      // V8 replaces each $t's frame with the $u it tail-calls: only the trapping $t is left between them.
      expect(names).toEqual([1, 2, 2, 2, 2, 2, 0, 0, 0]);
    }
  });

  it('gives one frame per call of a function split into pieces (JS backend)', () => {
    // $big is larger than SPLIT_CHARS of JS: its body runs as a chain of pieces (`f0$p`, `f0$p$s1`, ...), and the
    // recursive call and the trap are in later pieces
    const rounds = Array.from({ length: 1500 }, (_, i) => `(local.set 0 (i64.add (local.get 0) (i64.const ${i})))`);
    const text = `(module
      (func $big (export "big") (param i64 i32) (result i64)
        ${rounds.join('\n')}
        (if (local.get 1) (then (return (call $big (local.get 0) (i32.sub (local.get 1) (i32.const 1))))))
        ${rounds.join('\n')}
        unreachable))`;
    const store = new Store(new Engine(testConfig({ backend: 'js' })), null);
    const module = new Module(store.engine, text);
    expect(module.compiled?.source).toMatch(/function f0\$p\$s2\(/);
    const inst = new Linker(store.engine).instantiate(store, module);
    const t = trapOf(() => inst.getTypedFunc('big').call(1n, 2));
    expect(
      t.backtrace!.frames.map(({ funcIndex, funcName, moduleName }) => ({ funcIndex, funcName, moduleName })),
    ).toEqual([0, 1, 2].map(() => ({ funcIndex: 0, funcName: 'big', moduleName: null })));
    // the offsets of a split function: the trap's `unreachable` and the recursive call
    const bytes = module.bytes;
    expect(t.backtrace!.frames.map((f) => bytes[f.moduleOffset!])).toEqual([0x00, 0x10, 0x10]);
  });

  it('gives each frame its offset in the module and in its function, as wasmtime does', () => {
    // the trap's operator in the innermost frame, the call in the others; the same offsets on both backends
    const engine = new Engine(testConfig());
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    const lib = new Module(
      engine,
      `(module $lib (func $fail (export "fail") (param i32) (result i32) (call $deep (local.get 0)))
        (func $deep (param i32) (result i32) (i32.add (i32.const 7) (i32.div_s (i32.const 1) (local.get 0)))))`,
    );
    linker.module(store, 'lib', lib);
    const app = new Module(
      engine,
      `(module $app (import "lib" "fail" (func $libFail (param i32) (result i32)))
        (func $main (export "main") (result i32) nop nop (call $helper (i32.const 0)))
        (func $helper (param i32) (result i32) (i32.mul (i32.const 3) (call $libFail (local.get 0)))))`,
    );
    const t = trapOf(() => linker.instantiate(store, app).getTypedFunc('main').call());
    const frames = t.backtrace!.frames;
    const op = (f: (typeof frames)[number]) => (f.moduleName === 'lib' ? lib : app).bytes[f.moduleOffset!];
    expect(frames.map(op)).toEqual([0x6d, 0x10, 0x10, 0x10]);
    // funcOffset counts from the start of the function's body (its locals), as wasmtime's func_offset
    const starts = [lib.module.bodies[1].range.start, lib.module.bodies[0].range.start];
    expect(frames.slice(0, 2).map((f) => f.moduleOffset! - f.funcOffset!)).toEqual(starts);
    // the trap reads like wasmtime's error: String(e) and e.stack give the trap and the frames with their offsets
    const hex = (f: (typeof frames)[number]) => `0x${f.moduleOffset!.toString(16)}`;
    const text = [
      'Trap: integer divide by zero',
      'wasm backtrace:',
      `    0: ${hex(frames[0]).padStart(6)} - lib!deep`,
      `    1: ${hex(frames[1]).padStart(6)} - lib!fail`,
      `    2: ${hex(frames[2]).padStart(6)} - app!helper`,
      `    3: ${hex(frames[3]).padStart(6)} - app!main`,
    ].join('\n');
    expect(String(t)).toBe(text);
    expect(t.stack!.startsWith(`${text}\n    at `)).toBe(true);
    expect(t.stack).not.toMatch(/wasmts-module-|wasm:\/\//);
  });

  it('gives one frame per call of a function whose loop body is outlined (JS backend)', () => {
    // $loop is one loop larger than SPLIT_CHARS of JS: no point to split it at, so runs of its `if`s become outlined functions
    // (`f0$p$o0`, `f0$p$o1`, ...), with the trap and with the recursive call
    const rounds = (n: number) =>
      Array.from({ length: n }, (_, i) => `(local.set 0 (i64.add (local.get 0) (i64.const ${i})))`).join('\n');
    const text = `(module
      (func $loop (export "loop") (param i64 i32) (result i64)
        (loop $l
          (if (local.get 1)
            (then
              ${rounds(410)}
              (local.set 0 (call $loop (local.get 0) (i32.sub (local.get 1) (i32.const 1))))))
          (if (i32.eq (local.get 1) (i32.const 7)) (then ${rounds(400)}))
          (if (i32.eqz (local.get 1))
            (then
              ${rounds(420)}
              unreachable)))
        (local.get 0)))`;
    const store = new Store(new Engine(testConfig({ backend: 'js' })), null);
    const module = new Module(store.engine, text);
    expect(module.compiled?.source).toMatch(/function f0\$p\$o1\(/);
    const inst = new Linker(store.engine).instantiate(store, module);
    const t = trapOf(() => inst.getTypedFunc('loop').call(1n, 2));
    expect(
      t.backtrace!.frames.map(({ funcIndex, funcName, moduleName }) => ({ funcIndex, funcName, moduleName })),
    ).toEqual([0, 1, 2].map(() => ({ funcIndex: 0, funcName: 'loop', moduleName: null })));
    // the offsets inside the outlined functions: the trap's `unreachable` and the recursive call
    const bytes = module.bytes;
    expect(t.backtrace!.frames.map((f) => bytes[f.moduleOffset!])).toEqual([0x00, 0x10, 0x10]);
  });

  it('keeps the frame of a callee inlined into its caller (JS backend), as the wasm backend has it', () => {
    // $store, $div and $load are small leaf functions: the JS backend translates their calls as their bodies
    // (codegen README.md, "Inlining"); a trap inside them still shows their frame, at the trapping operator, and
    // the caller's at the call (here the second of two calls of $store, and a load whose value is folded into a
    // later statement)
    const text = `(module (memory 1)
      (func $store (param i32 i64) (i64.store offset=8 (local.get 0) (i64.mul (local.get 1) (local.get 1))))
      (func $div (param i32 i32) (result i32)
        (if (i32.eqz (local.get 1)) (then (return (i32.div_u (local.get 0) (local.get 1)))))
        (i32.add (local.get 0) (i32.div_s (local.get 0) (local.get 1))))
      (func $load (param i32) (result i64) (i64.load offset=4 (local.get 0)))
      (func (export "store") (param i32)
        (call $store (i32.const 0) (i64.const 3))
        (call $store (local.get 0) (i64.const 5)))
      (func (export "div") (param i32 i32) (result i32) (i32.add (i32.const 1) (call $div (local.get 0) (local.get 1))))
      (func (export "load") (param i32) (result i64)
        (i64.add (call $load (local.get 0)) (call $load (i32.const 8)))))`;
    const run = (backend: 'js' | 'wasm') => {
      const store = new Store(new Engine(new Config({ backend })), null);
      const module = new Module(store.engine, text);
      // the exports' bodies call nothing: the callees are inlined
      if (backend === 'js') {
        const src = module.compiled!.source;
        for (const f of [3, 4, 5]) {
          const at = src.search(new RegExp(`function f${f}(\\$p)?\\(`));
          expect(at).toBeGreaterThan(0);
          expect(src.slice(at, src.indexOf('\n}', at))).not.toMatch(/\bf[012](\$p)?\(/);
        }
      }
      const inst = new Linker(store.engine).instantiate(store, module);
      const frames = (f: () => unknown) =>
        trapOf(f).backtrace!.frames.map(({ funcIndex, moduleOffset, funcOffset }) => ({
          funcIndex,
          moduleOffset,
          funcOffset,
        }));
      return {
        bytes: module.bytes,
        body3: module.module.bodies[3],
        store: frames(() => inst.getTypedFunc('store').call(65530)),
        div0: frames(() => inst.getTypedFunc('div').call(7, 0)),
        overflow: frames(() => inst.getTypedFunc('div').call(-2147483648, -1)),
        load: frames(() => inst.getTypedFunc('load').call(65533)),
      };
    };
    const js = run('js');
    const wasm = run('wasm');
    expect(js.store).toEqual(wasm.store);
    expect(js.div0).toEqual(wasm.div0);
    expect(js.overflow).toEqual(wasm.overflow);
    expect(js.load).toEqual(wasm.load);
    const ops = (fs: typeof js.store) => fs.map((f) => js.bytes[f.moduleOffset!]);
    expect(js.store.map((f) => f.funcIndex)).toEqual([0, 3]);
    expect(ops(js.store)).toEqual([0x37, 0x10]);
    expect(ops(js.div0)).toEqual([0x6e, 0x10]);
    expect(ops(js.overflow)).toEqual([0x6d, 0x10]);
    expect(ops(js.load)).toEqual([0x29, 0x10]);
    // the second call of $store, not the first
    const calls = [...js.bytes.subarray(js.body3.codeStart, js.body3.range.end)].flatMap((b, i) =>
      b === 0x10 ? [js.body3.codeStart + i] : [],
    );
    expect(calls.length).toBe(2);
    expect(js.store[1].moduleOffset).toBe(calls[1]);
  });
  it("gives an inlined callee's frame when the call's fuel or depth check fails at its entry, as the wasm backend", () => {
    // $leaf is inlined on the JS backend (codegen README.md, "Inlining") with fuel and with maxCallDepth too: the
    // caller makes the callee's entry checks, and a trap there shows the callee's frame at its first operator
    const text = `(module
      (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
      (func (export "run") (param i32) (result i32) (i32.add (i32.const 1) (call $leaf (local.get 0)))))`;
    const run = (backend: 'js' | 'wasm', settings: { consumeFuel: true } | { maxCallDepth: number }) => {
      const store = new Store(new Engine(new Config({ backend, ...settings })), null);
      const module = new Module(store.engine, text);
      if (backend === 'js') {
        const src = module.compiled!.source;
        expect(src.search(/function f1\(/)).toBeGreaterThan(0);
        expect(src.slice(src.search(/function f1\(/))).not.toMatch(/\bf0(\$p)?\(/);
      }
      // the call's operands and the call cost 3: the callee's entry check runs out
      if ('consumeFuel' in settings) store.setFuel(2);
      const inst = new Linker(store.engine).instantiate(store, module);
      const t = trapOf(() => inst.getTypedFunc('run').call(5));
      return {
        message: t.message,
        frames: t.backtrace!.frames.map(({ funcIndex, moduleOffset, funcOffset }) => ({
          funcIndex,
          moduleOffset,
          funcOffset,
        })),
        fuel: 'consumeFuel' in settings ? store.getFuel() : null,
      };
    };
    for (const settings of [{ consumeFuel: true } as const, { maxCallDepth: 1 }]) {
      const js = run('js', settings);
      expect(js.frames.map((f) => f.funcIndex)).toEqual([0, 1]);
      expect(js.frames[0].funcOffset).toBe(1);
      expect(js).toEqual(run('wasm', settings));
    }
  });
});
