import { describe, expect, it } from 'vitest';
import {
  BackendError,
  Config,
  Engine,
  ExternRef,
  Func,
  funcType,
  Global,
  Instance,
  LinkError,
  Linker,
  Memory,
  Module,
  Store,
  Table,
  Trap,
  TrapCode,
  UncaughtWasmException,
  ValType,
} from '../src/index.js';
import { testConfig } from './backend.js';

const engine = new Engine(testConfig());

describe('Linker', () => {
  it('rejects duplicate definitions unless shadowing is allowed', () => {
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    const g = new Global(store, { type: ValType.I32, mutable: false }, { type: 'i32', value: 1 });
    linker.define(store, 'm', 'g', g);
    expect(() => linker.define(store, 'm', 'g', g)).toThrow(LinkError);
    linker.allowShadowing(true);
    const g2 = new Global(store, { type: ValType.I32, mutable: false }, { type: 'i32', value: 2 });
    linker.define(store, 'm', 'g', g2);
    const inst = linker.instantiate(
      store,
      new Module(engine, '(module (import "m" "g" (global i32)) (func (export "f") (result i32) global.get 0))'),
    );
    expect(inst.getTypedFunc('f').call()).toBe(2);
  });

  it('names the import in link errors', () => {
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    linker.defineFunc('m', 'f', funcType([ValType.I32], []), () => undefined);
    const bad = new Module(engine, '(module (import "m" "f" (func (param i64))))');
    expect(() => linker.instantiate(store, bad)).toThrow('incompatible import type for `m::f`');
    const missing = new Module(engine, '(module (import "m" "g" (func)))');
    expect(() => linker.instantiate(store, missing)).toThrow('unknown import: `m::g` has not been defined');
  });

  it('refuses a host function definition that is not a function type and a callback, with a TypeError', () => {
    const linker = new Linker(engine);
    const store = new Store(engine, null);
    const cb = () => {};
    // arguments a JavaScript caller without types could swap or leave out
    const defineLoose = linker.defineFunc.bind(linker) as (m: string, n: string, ...rest: unknown[]) => unknown;
    expect(() => defineLoose('env', 'f', cb)).toThrow(/host function definition: the type must be a function type/);
    expect(() => defineLoose('env', 'f', funcType([ValType.I32], []))).toThrow(/the callback must be a function/);
    expect(() => defineLoose('env', 'f', { kind: 'func', params: ['i32'], results: [] }, cb)).toThrow(
      /i32 is not a value type/,
    );
    expect(() => defineLoose('env', 'f', cb, funcType([], []))).toThrow(TypeError);
    const FuncLoose = Func as unknown as { prototype: object } & (new (...a: unknown[]) => unknown);
    expect(() => new FuncLoose(store, cb)).toThrow(/new Func: the type must be a function type/);
    // the well-formed definition still links
    linker.defineFunc('env', 'g', funcType([ValType.I32], [ValType.I32]), (_c, x) => x);
    const m = new Module(engine, '(module (import "env" "g" (func (param i32) (result i32))))');
    expect(() => linker.instantiate(store, m)).not.toThrow();
  });
});

describe('Instance', () => {
  it('takes imports positionally and exposes exports', () => {
    const store = new Store(engine, null);
    const mem = new Memory(store, { limits: { min: 1, max: null }, shared: false, index64: false, pageSizeLog2: 16 });
    const table = new Table(store, { element: ValType.FUNCREF, limits: { min: 2, max: null }, index64: false });
    const module = new Module(
      engine,
      `(module (import "" "mem" (memory 1)) (import "" "t" (table 2 funcref))
         (func $f (export "f") (result i32) i32.const 9) (elem (i32.const 1) $f)
         (global (export "g") (mut i64) (i64.const 5)))`,
    );
    const inst = new Instance(store, module, [mem, table]);
    expect(inst.exports().map(([n]) => n)).toEqual(['f', 'g']);
    const el = table.get(1);
    expect(el.type).toBe('funcref');
    expect(el.value).toBe(inst.getFunc('f'));
    expect((el.value as Func).call(store, [])).toEqual([{ type: 'i32', value: 9 }]);
    const g = inst.getGlobal('g')!;
    g.set({ type: 'i64', value: 6n });
    expect(g.get()).toEqual({ type: 'i64', value: 6n });
  });

  it('applies earlier segments before a failing one and reports the trap', () => {
    const store = new Store(engine, null);
    const mem = new Memory(store, { limits: { min: 1, max: null }, shared: false, index64: false, pageSizeLog2: 16 });
    const module = new Module(
      engine,
      '(module (import "" "m" (memory 1)) (data (i32.const 0) "a") (data (i32.const 65536) "b"))',
    );
    expect(() => new Instance(store, module, [mem])).toThrow('out of bounds memory access');
    expect(mem.read(0, 1)[0]).toBe(97);
  });

  it('passes externrefs through by identity', () => {
    const store = new Store(engine, null);
    const inst = new Instance(
      store,
      new Module(engine, '(module (func (export "id") (param externref) (result externref) local.get 0))'),
      [],
    );
    const r = new ExternRef({ hello: 1 });
    expect(inst.getFunc('id')!.call(store, [{ type: 'externref', value: r }])[0].value).toBe(r);
  });
});

describe('errors at the boundary', () => {
  it('keeps host errors, converts exceptions and stack overflow', () => {
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    const boom = new Error('boom');
    linker.defineFunc('h', 'boom', funcType([], []), () => {
      throw boom;
    });
    const inst = linker.instantiate(
      store,
      new Module(
        engine,
        `(module (import "h" "boom" (func $b)) (tag $t)
           (func (export "host") (try_table (catch_all 0) (call $b)))
           (func (export "throw") (throw $t))
           (func $r (export "rec") (call $r)))`,
      ),
    );
    expect(() => inst.getTypedFunc('host').call()).toThrow(boom);
    expect(() => inst.getTypedFunc('throw').call()).toThrow(UncaughtWasmException);
    for (let i = 0; i < 2; i++) {
      try {
        inst.getTypedFunc('rec').call();
      } catch (e) {
        expect(e).toBeInstanceOf(Trap);
        expect((e as Trap).code).toBe(TrapCode.StackOverflow);
      }
    }
  });

  it('resolves the backend per module (auto by default)', () => {
    expect(new Engine().backend).toBe('auto');
    const m = new Module(new Engine(), '(module (func (export "f") (result i32) (i32.const 1)))');
    expect(m.backend).toBe('wasm');
    expect(m.backendReason).toMatch(/supports every proposal/);
    const js = new Module(new Engine(new Config({ backend: 'js' })), '(module)');
    expect([js.backend, js.backendReason]).toEqual(['js', 'the js backend was asked for']);
    // v128 in an export's signature cannot cross the host's JS boundary: js under auto, an error under wasm
    const simd = '(module (func (export "f") (param v128) (result v128) (local.get 0)))';
    const auto = new Module(new Engine(), simd);
    expect(auto.backend).toBe('js');
    expect(auto.backendReason).toMatch(/v128/);
    expect(() => new Module(new Engine(new Config({ backend: 'wasm' })), simd)).toThrow(BackendError);
    // a proposal Node 20's engine lacks (memory64)
    const m64 = '(module (memory i64 1))';
    expect(new Module(new Engine(), m64).backendReason).toMatch(/lacks memory64/);
    expect(() => new Module(new Engine(new Config({ backend: 'wasm' })), m64)).toThrow(/lacks memory64/);
  });
});

describe('allocation and InstancePre', () => {
  it('instantiates from a pool and through an InstancePre', () => {
    const pooled = new Engine(testConfig({ allocationStrategy: { pooling: { totalCoreInstances: 4 } } }));
    const store = new Store(pooled, null);
    const linker = new Linker(pooled);
    const pre = linker.instantiatePre(
      new Module(pooled, '(module (memory (export "m") 1) (func (export "f") (result i32) i32.const 3))'),
    );
    for (let i = 0; i < 3; i++) expect(pre.instantiate(store).getTypedFunc('f').call()).toBe(3);
    expect(() => linker.instantiatePre(new Module(pooled, '(module (import "x" "y" (func)))'))).toThrow(LinkError);
    store.dispose();
    for (let round = 0; round < 3; round++) {
      const s = new Store(pooled, null);
      for (let i = 0; i < 4; i++) pre.instantiate(s);
      s.dispose();
    }
  });
});

describe('InstancePre', () => {
  it('checks host function types once, and keeps the definitions it resolved', () => {
    const e = new Engine();
    const linker = new Linker<null>(e).allowShadowing(true);
    linker.defineFunc('env', 'f', funcType([ValType.I32], []), () => {});
    const module = new Module(e, '(module (import "env" "f" (func (param i32 i32))))');
    expect(() => linker.instantiatePre(module)).toThrow(/incompatible import type for `env::f`: function types differ/);
    const calls: string[] = [];
    linker.defineFunc('env', 'f', funcType([ValType.I32, ValType.I32], []), () => calls.push('first'));
    const run = new Module(
      e,
      '(module (import "env" "f" (func $f (param i32 i32))) (func (export "run") (call $f (i32.const 1) (i32.const 2))))',
    );
    const pre = linker.instantiatePre(run);
    linker.defineFunc('env', 'f', funcType([ValType.I32, ValType.I32], []), () => calls.push('second'));
    pre.instantiate(new Store(e, null)).getTypedFunc('run').call();
    linker.instantiate(new Store(e, null), run).getTypedFunc('run').call();
    expect(calls).toEqual(['first', 'second']);
    expect(() =>
      new Linker<null>(e)
        .defineFunc('env', 'm', funcType([], []), () => {})
        .instantiatePre(new Module(e, '(module (import "env" "m" (memory 1)))')),
    ).toThrow(/expected a memory/);
  });
});

describe('Caller', () => {
  it("gives host functions the calling instance's exports", () => {
    const store = new Store(engine, { seen: '' });
    const linker = new Linker<{ seen: string }>(engine);
    linker.defineFunc('env', 'print', funcType([ValType.I32, ValType.I32], []), (caller, ptr: number, len: number) => {
      const mem = caller.getExport('memory') as Memory;
      caller.data.seen = new TextDecoder().decode(mem.read(ptr, len));
    });
    const inst = linker.instantiate(
      store,
      new Module(
        engine,
        `(module (import "env" "print" (func $p (param i32 i32))) (memory (export "memory") 1)
           (data (i32.const 16) "hello") (func (export "run") (call $p (i32.const 16) (i32.const 5))))`,
      ),
    );
    inst.getTypedFunc('run').call();
    expect(store.data.seen).toBe('hello');
  });
});

describe('host function results convert as the JS API says (ToWebAssemblyValue), on both backends', () => {
  it('a string, a boolean or a number-like object becomes the number wasm expects', () => {
    const engine = new Engine(testConfig());
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    linker.defineFunc('h', 's', funcType([], [ValType.I32]), () => '12');
    linker.defineFunc('h', 'w', funcType([], [ValType.I64]), () => '-5');
    linker.defineFunc('h', 'f', funcType([], [ValType.F32]), () => 0.1);
    linker.defineFunc('h', 'two', funcType([], [ValType.I32, ValType.F64]), () => [true, { valueOf: () => 2.5 }]);
    linker.defineFunc('h', 'bad', funcType([], [ValType.I32]), () => Symbol('x'));
    const instance = linker.instantiate(
      store,
      new Module(
        engine,
        `(module
           (import "h" "s" (func $s (result i32)))
           (import "h" "w" (func $w (result i64)))
           (import "h" "f" (func $f (result f32)))
           (import "h" "two" (func $two (result i32 f64)))
           (import "h" "bad" (func $bad (result i32)))
           (func (export "add1") (result i32) (i32.add (call $s) (i32.const 1)))
           (func (export "w") (result i64) (call $w))
           (func (export "f") (result f32) (call $f))
           (func (export "two") (result f64) (local f64) (call $two) (local.set 0) (drop) (f64.add (local.get 0) (f64.const 0.5)))
           (func (export "twoFirst") (result i32) (call $two) (drop))
           (func (export "bad") (result i32) (call $bad)))`,
      ),
    );
    expect(instance.getTypedFunc('add1').call()).toBe(13); // not ('12' + 1) | 0 = 121
    expect(instance.getTypedFunc('w').call()).toBe(-5n);
    expect(instance.getTypedFunc('f').call()).toBe(Math.fround(0.1));
    expect(instance.getTypedFunc('two').call()).toBe(3);
    expect(instance.getTypedFunc('twoFirst').call()).toBe(1);
    expect(() => instance.getTypedFunc('bad').call()).toThrow(TypeError);
  });
});

describe('TypedFunc arguments convert to the ABI representation, on both backends', () => {
  it('an f32 is rounded to float32, an i32 truncated to int32, an i64 wrapped to 64 bits', () => {
    const engine = new Engine(testConfig());
    const store = new Store(engine, null);
    const instance = new Instance(
      store,
      new Module(
        engine,
        `(module
           (func (export "trunc") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
           (func (export "idf") (param f32) (result f32) (local.get 0))
           (func (export "bits") (param f32) (result i32) (i32.reinterpret_f32 (local.get 0)))
           (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
           (func (export "eqz") (param i32) (result i32) (i32.eqz (local.get 0)))
           (func (export "id64") (param i64) (result i64) (local.get 0)))`,
      ),
      [],
    );
    // 2147483647 rounds to 2^31 as an f32: out of i32's range, so the truncation traps
    expect(() => instance.getTypedFunc('trunc').call(2147483647)).toThrow(Trap);
    expect(instance.getTypedFunc('trunc').call(2147483520)).toBe(2147483520);
    expect(instance.getTypedFunc('idf').call(0.1)).toBe(Math.fround(0.1));
    expect(instance.getTypedFunc('bits').call(0.1)).toBe(0x3dcccccd);
    expect(instance.getTypedFunc('inc').call(1.5)).toBe(2);
    expect(instance.getTypedFunc('inc').call(2 ** 32 + 7)).toBe(8);
    expect(instance.getTypedFunc('eqz').call(2 ** 32)).toBe(1);
    expect(instance.getTypedFunc('id64').call(2n ** 64n + 5n)).toBe(5n);
    expect(instance.getTypedFunc('id64').call(2n ** 63n)).toBe(-(2n ** 63n));
  });
});
