import { describe, expect, it } from 'vitest';
import { Engine, funcType, Linker, Module, Store, Trap, TrapCode } from '../src/index.js';
import { testConfig } from './backend.js';

const SPIN = `(module
  (import "host" "tick" (func $tick))
  (func (export "spin") (loop $l (br $l)))
  (func (export "tickThenSpin") (call $tick) (loop $l (br $l)))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))`;

function setup(engine: Engine) {
  const store = new Store(engine, null);
  const linker = new Linker(engine);
  linker.defineFunc('host', 'tick', funcType([], []), () => engine.incrementEpoch());
  return { store, instance: linker.instantiate(store, new Module(engine, SPIN)) };
}

const isInterrupt = (e: unknown) => e instanceof Trap && e.code === TrapCode.Interrupt;

describe('epoch interruption', () => {
  it('stops an infinite loop from a worker ticker after about 100 ms; the store runs on', () => {
    const engine = new Engine(testConfig().epochInterruption(true));
    const { store, instance } = setup(engine);
    expect(engine.epochBuffer).toBeInstanceOf(SharedArrayBuffer);
    engine.startEpochTicker(10);
    try {
      store.setEpochDeadline(10);
      const start = performance.now();
      expect(() => instance.getTypedFunc('spin').call()).toThrow(expect.toSatisfy(isInterrupt));
      const elapsed = performance.now() - start;
      expect(elapsed).toBeGreaterThan(40);
      expect(elapsed).toBeLessThan(5_000);
      store.setEpochDeadline(1_000_000);
      expect(instance.getTypedFunc('add').call(2, 3)).toBe(5);
    } finally {
      engine.stopEpochTicker();
    }
  });

  it('traps at once with the deadline reached, as wasmtime (deadline starts at 0)', () => {
    const engine = new Engine(testConfig({ epochInterruption: true }));
    const { store, instance } = setup(engine);
    expect(() => instance.getTypedFunc('add').call(1, 2)).toThrow(expect.toSatisfy(isInterrupt));
    store.setEpochDeadline(1);
    expect(instance.getTypedFunc('add').call(1, 2)).toBe(3);
    // incrementEpoch from a host function passes the deadline: the loop header check traps
    expect(() => instance.getTypedFunc('tickThenSpin').call()).toThrow(expect.toSatisfy(isInterrupt));
  });

  it('sees an epoch advanced by a host function at the next check, in a loop that calls it', () => {
    const engine = new Engine(testConfig({ epochInterruption: true }));
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    let ticks = 0;
    linker.defineFunc('host', 'tick', funcType([], []), () => {
      ticks++;
      engine.incrementEpoch();
    });
    const instance = linker.instantiate(
      store,
      new Module(
        engine,
        '(module (import "host" "tick" (func $tick)) (func (export "run") (loop $l (call $tick) (br $l))))',
      ),
    );
    store.setEpochDeadline(3);
    expect(() => instance.getTypedFunc('run').call()).toThrow(expect.toSatisfy(isInterrupt));
    // the third tick reaches the deadline; the loop header after it traps
    expect(ticks).toBe(3);
  });

  it('asks the deadline callback: continue with a delta, then trap', () => {
    const engine = new Engine(testConfig().epochInterruption(true));
    const { store, instance } = setup(engine);
    let calls = 0;
    store.epochDeadlineCallback(() => {
      calls++;
      // delta 0: the deadline is the current epoch, so the next check calls back again
      return calls < 3 ? { action: 'continue', delta: 0 } : { action: 'trap' };
    });
    store.setEpochDeadline(0);
    expect(() => instance.getTypedFunc('spin').call()).toThrow(expect.toSatisfy(isInterrupt));
    expect(calls).toBe(3);
    // an error thrown by the callback ends the call unchanged
    store.epochDeadlineCallback(() => {
      throw new Error('stop!');
    });
    store.setEpochDeadline(0);
    expect(() => instance.getTypedFunc('spin').call()).toThrow('stop!');
    store.epochDeadlineTrap();
    expect(() => instance.getTypedFunc('spin').call()).toThrow(expect.toSatisfy(isInterrupt));
  });

  it('emits no epoch code when off', () => {
    expect(new Module(new Engine(testConfig()), SPIN).compiled.source).not.toMatch(/newEpoch/);
  });
});
