// The wasm backend through the public API: modules run on the host's WebAssembly engine with the same
// Linker/Instance/Memory/Table/Global/Trap behaviour as on the JS backend.
import { describe, expect, it } from 'vitest';
import {
  Config,
  Engine,
  type Func,
  funcType,
  Linker,
  Module,
  Store,
  StoreLimits,
  Trap,
  TrapCode,
  ValType,
} from '../src/index.js';

const MVP = `(module $mm
  (import "h" "add" (func $add (param i32 i32) (result i32)))
  (memory (export "mem") 1 10)
  (global $g (export "g") (mut i32) (i32.const 5))
  (table (export "t") 2 funcref) (elem (i32.const 0) $f)
  (func $f (export "f") (param i32) (result i32) (call $add (local.get 0) (global.get $g)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "ci") (param i32) (result i32) (call_indirect (param i32) (result i32) (i32.const 3) (local.get 0)))
  (func (export "ci_bad") (param i32) (call_indirect (param i64) (i64.const 3) (local.get 0)))
  (func (export "trunc") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
  (func $boom (export "boom") unreachable)
  (func (export "f32") (param f32) (result f32) (local.get 0)))`;

function setup(config: Config = new Config({ backend: 'wasm' })) {
  const engine = new Engine(config);
  const module = new Module(engine, MVP);
  const store = new Store<null>(engine, null);
  const linker = new Linker<null>(engine);
  linker.defineFunc('h', 'add', funcType([ValType.I32, ValType.I32], [ValType.I32]), (_c, a, b) => (a + b) | 0);
  return { engine, module, store, instance: linker.instantiate(store, module) };
}

const trapOf = (f: () => unknown): Trap => {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e;
    throw e;
  }
  throw new Error('no trap');
};

describe('wasm backend: an MVP module', () => {
  it('calls, host functions, globals, memory and tables', () => {
    const { module, store, instance } = setup();
    expect(module.backend).toBe('wasm');
    expect(instance.getTypedFunc('f').call(10)).toBe(15);
    instance.getGlobal('g')!.set({ type: 'i32', value: 7 } as never);
    expect(instance.getTypedFunc('f').call(10)).toBe(17);
    const mem = instance.getMemory('mem')!;
    mem.write(0, new Uint8Array([1, 2, 3, 4]));
    expect(instance.getTypedFunc('load').call(0)).toBe(0x04030201);
    expect(instance.getTypedFunc('grow').call(2)).toBe(1);
    expect(mem.size()).toBe(3);
    expect(mem.data().length).toBe(3 * 65536);
    expect(instance.getTypedFunc('ci').call(0)).toBe(10);
    const t = instance.getTable('t')!;
    const f0 = t.get(0) as { type: string; value: Func };
    expect(f0.value).toBe(instance.getFunc('f'));
    expect(store.engine).toBeDefined();
  });

  it('maps host traps to trap codes with wasm backtraces', () => {
    const { instance } = setup();
    const cases: [string, unknown, TrapCode][] = [
      ['ci', 1, TrapCode.IndirectCallToNull],
      ['ci', 5, TrapCode.UndefinedElement],
      ['ci_bad', 0, TrapCode.BadSignature],
      ['trunc', Number.NaN, TrapCode.BadConversionToInteger],
      ['trunc', 1e20, TrapCode.IntegerOverflow],
      ['div', 0, TrapCode.IntegerDivisionByZero],
      ['boom', undefined, TrapCode.UnreachableCodeReached],
      ['load', 1e6, TrapCode.MemoryOutOfBounds],
    ];
    for (const [name, arg, code] of cases) {
      const t = trapOf(() => instance.getTypedFunc(name).call(arg));
      expect([name, t.code]).toEqual([name, code]);
    }
    const t = trapOf(() => instance.getTypedFunc('boom').call());
    expect(t.backtrace?.frames.map((f) => [f.funcName, f.moduleName, f.funcIndex])).toEqual([['boom', 'mm', 8]]);
  });

  it('consults the limiter for memory.grow executed by wasm', () => {
    const { store, instance } = setup();
    store.setLimiter(new StoreLimits({ memorySize: 3 * 65536 }));
    expect(instance.getTypedFunc('grow').call(5)).toBe(-1);
    expect(instance.getTypedFunc('grow').call(2)).toBe(1);
    expect(instance.getTypedFunc('grow').call(1)).toBe(-1);
    store.setLimiter(new StoreLimits({ memorySize: 3 * 65536, trapOnGrowFailure: true }));
    expect(() => instance.getTypedFunc('grow').call(1)).toThrow(/forcing trap when growing memory/);
    // the store is usable afterwards
    expect(instance.getTypedFunc('f').call(1)).toBe(6);
  });

  it('keeps f32 NaN payloads at the boundary', () => {
    const { instance } = setup();
    const bits = 0x7fa00001; // a signalling NaN
    const dv = new DataView(new ArrayBuffer(8));
    // the JS backend's representation: the double with the f32 payload shifted up
    const hi = 0x7ff00000 | ((bits & 0x7fffff) >>> 3);
    const lo = ((bits & 7) << 29) >>> 0;
    dv.setUint32(0, hi, false);
    dv.setUint32(4, lo, false);
    const r = instance.getTypedFunc('f32').call(dv.getFloat64(0, false)) as number;
    dv.setFloat64(0, r, false);
    expect([dv.getUint32(0, false), dv.getUint32(4, false)]).toEqual([hi, lo]);
  });
});
