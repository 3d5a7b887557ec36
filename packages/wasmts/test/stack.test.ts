import { describe, expect, it } from 'vitest';
import { type Config, Engine, Instance, Module, Store, Trap, TrapCode } from '../src/index.js';
import { testConfig } from './backend.js';

const RECURSE = `(module
  (func $down (export "down") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))))
  (func $forever (export "forever") (call $forever)))`;

const isStackOverflow = (e: unknown) => e instanceof Trap && e.code === TrapCode.StackOverflow;

function setup(config?: Config) {
  const engine = new Engine(config);
  const store = new Store(engine, null);
  return new Instance(store, new Module(engine, RECURSE), []);
}

describe('wasm stack limit', () => {
  it('traps with StackOverflow past the configured call depth; the store stays usable', () => {
    const inst = setup(testConfig().maxCallDepth(100));
    const down = inst.getTypedFunc<[number], number>('down');
    expect(down.call(99)).toBe(99); // 100 frames
    expect(() => down.call(100)).toThrow(expect.toSatisfy(isStackOverflow));
    expect(() => inst.getTypedFunc('forever').call()).toThrow(expect.toSatisfy(isStackOverflow));
    expect(down.call(50)).toBe(50);
  });

  it('maxWasmStack sets the depth at 64 bytes a frame', () => {
    const inst = setup(testConfig().maxWasmStack(64 * 10));
    const down = inst.getTypedFunc<[number], number>('down');
    expect(down.call(9)).toBe(9);
    expect(() => down.call(10)).toThrow(expect.toSatisfy(isStackOverflow));
  });

  it("turns the host's own stack overflow into StackOverflow; the store stays usable", () => {
    const inst = setup();
    expect(() => inst.getTypedFunc('forever').call()).toThrow(expect.toSatisfy(isStackOverflow));
    expect(inst.getTypedFunc('down').call(1000)).toBe(1000);
    // no depth counting is emitted unless a limit is configured
    expect((inst.module.compiled.source.match(/finally/g) ?? []).length).toBe(0);
  });
});
