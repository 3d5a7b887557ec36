// The epoch clock (engine.startEpochTicker without a worker): the epoch advances from the host's clock whenever the
// runtime looks at it from an epoch check, so a guest spinning on the only thread is interrupted. No timing
// assertions: each test asserts that a guest that would never end does end, with Interrupt (or the callback's
// decision). Fuel is the backstop (a spinning guest is synchronous: vitest's timeout could not stop it): a broken
// clock ends the guest with OutOfFuel after BACKSTOP operators, and the test fails.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EPOCH_CLOCK_SAMPLE, EpochClock } from '@wasmts/runtime';
import { describe, expect, it } from 'vitest';
import { Config, Engine, Linker, Module, Store, Trap, TrapCode } from '../src/index.js';

const src = fileURLToPath(new URL('../src/index.ts', import.meta.url));

const SPIN = `(module
  (func (export "spin") (loop $l (br $l)))
  ;; a loop that calls a small function forever (no recursion): the callee has no entry check
  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "calls") (local i32) (loop $l (local.set 0 (call $inc (local.get 0))) (br $l)))
  ;; a call-heavy recursive kernel with no loop: fib(40) makes about 3e8 calls, cut long before its end
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1))) (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))`;

const isInterrupt = (e: unknown) => e instanceof Trap && e.code === TrapCode.Interrupt;
const BACKENDS = ['js', 'wasm'] as const;
/** Fuel for a guest the clock should interrupt within milliseconds. */
const BACKSTOP = 2e8;

describe.each(BACKENDS)('the epoch clock on the %s backend', { timeout: 60_000 }, (backend) => {
  const make = () => {
    const engine = new Engine(new Config({ backend, epochInterruption: true, consumeFuel: true }));
    const module = new Module(engine, SPIN);
    expect(module.backend).toBe(backend);
    const store = new Store(engine, null);
    store.setFuel(BACKSTOP);
    return { engine, store, instance: new Linker(engine).instantiate(store, module) };
  };

  it('interrupts an infinite loop, a call-heavy loop and a deep recursion with no worker; the store runs on', () => {
    const { engine, store, instance } = make();
    engine.startEpochTicker(1, { clock: true });
    try {
      expect(engine.epochClock).not.toBeNull();
      for (const name of ['spin', 'calls']) {
        store.setEpochDeadline(3);
        expect(() => instance.getTypedFunc(name).call()).toThrow(expect.toSatisfy(isInterrupt));
      }
      store.setEpochDeadline(3);
      expect(() => instance.getTypedFunc('fib').call(40)).toThrow(expect.toSatisfy(isInterrupt));
      // a far deadline: the clock's hooks return and the guest finishes with the right result
      store.setEpochDeadline(1e9);
      expect(instance.getTypedFunc('fib').call(20)).toBe(6765);
      expect(instance.getTypedFunc('add').call(2, 3)).toBe(5);
    } finally {
      engine.stopEpochTicker();
    }
    // stopped: nothing advances the epoch, and the compared deadline is the real one again
    expect(engine.epochClock).toBeNull();
    const before = engine.epochCounter[0];
    store.setEpochDeadline(1);
    expect(instance.getTypedFunc('fib').call(22)).toBe(17711);
    expect(engine.epochCounter[0]).toBe(before);
    engine.incrementEpoch();
    expect(() => instance.getTypedFunc('add').call(2, 3)).toThrow(expect.toSatisfy(isInterrupt));
  });

  it('takes effect in a store made before the clock started, and the deadline callback still continues', () => {
    const { engine, store, instance } = make();
    store.setEpochDeadline(2);
    engine.startEpochTicker(1, { clock: true });
    try {
      const seen: number[] = [];
      store.epochDeadlineCallback(() => {
        seen.push(engine.epochCounter[0]);
        return seen.length < 3 ? { action: 'continue', delta: 2 } : { action: 'trap' };
      });
      expect(() => instance.getTypedFunc('spin').call()).toThrow(expect.toSatisfy(isInterrupt));
      expect(seen.length).toBe(3);
      // each continue set the deadline 2 ticks on: the clock passed it before the next call
      expect(seen[1] - seen[0]).toBeGreaterThanOrEqual(2);
      expect(seen[2] - seen[1]).toBeGreaterThanOrEqual(2);
    } finally {
      engine.stopEpochTicker();
    }
  });
});

/** A loop counting its iterations in an exported global, until the count reaches the argument (0: never). */
const COUNT = `(module
  (global $n (export "n") (mut i32) (i32.const 0))
  (func (export "count") (param i32)
    (loop $l
      (global.set $n (i32.add (global.get $n) (i32.const 1)))
      (br_if $l (i32.ne (global.get $n) (local.get 0))))))`;
/** The loop iterations between two reads of the clock: the documented bound (docs/js-abi.md, "Epoch clock"). */
const ITERATIONS_PER_READ = EPOCH_CLOCK_SAMPLE * 1024;

describe.each(BACKENDS)("the epoch clock's bound on the %s backend (a scripted clock)", (backend) => {
  /** An engine whose clock reads 0 for `still` reads after its start, then 1e9 ms; `reads()` counts the reads. */
  const make = (still: number) => {
    const engine = new Engine(new Config({ backend, epochInterruption: true, consumeFuel: true }));
    const module = new Module(engine, COUNT);
    expect(module.backend).toBe(backend);
    const store = new Store(engine, null);
    store.setFuel(BACKSTOP);
    const instance = new Linker(engine).instantiate(store, module);
    engine.startEpochTicker(1, { clock: true });
    let reads = -1; // the constructor's read
    engine.epochClock = new EpochClock(engine.epochCounter, 1, () => (++reads <= still ? 0 : 1e9));
    const n = () => (instance.getGlobal('n')?.get() as { value: number } | undefined)?.value ?? -1;
    return { engine, store, count: instance.getTypedFunc('count'), n, reads: () => reads };
  };

  it('a loop with a far deadline reads the clock once per 65,536 iterations, not more often', () => {
    const { engine, store, count, n, reads } = make(Number.POSITIVE_INFINITY);
    store.setEpochDeadline(1e12);
    const iterations = 1 << 21;
    count.call(iterations);
    engine.stopEpochTicker();
    expect(n()).toBe(iterations);
    // before the hook's result kept the poll count, the JS backend called the hook at every back edge under the
    // clock and read it far more often (1,929 reads here, measured with the hook's result ignored)
    expect(reads()).toBeLessThanOrEqual(iterations / ITERATIONS_PER_READ + 2);
    expect(reads()).toBeGreaterThanOrEqual(iterations / ITERATIONS_PER_READ - 1);
  });

  it('a runaway loop traps Interrupt within 65,536 iterations of the read that finds the deadline passed', () => {
    for (const still of [0, 3]) {
      const { engine, store, count, n, reads } = make(still);
      store.setEpochDeadline(1);
      expect(() => count.call(0)).toThrow(expect.toSatisfy(isInterrupt));
      engine.stopEpochTicker();
      // the clock passed the deadline at read `still + 1`, within (still + 1) bounds of iterations from the start
      expect(reads()).toBe(still + 1);
      expect(n()).toBeLessThanOrEqual((still + 1) * ITERATIONS_PER_READ + 1024);
      if (still > 0) expect(n()).toBeGreaterThan(still * 1024);
    }
  });
});

describe('the epoch clock', { timeout: 60_000 }, () => {
  it('is what startEpochTicker uses with SharedArrayBuffer or worker_threads missing; clock: true forces it', () => {
    const engine = new Engine(new Config({ epochInterruption: true }));
    engine.startEpochTicker(5);
    expect(engine.epochClock).toBeNull(); // Node with SharedArrayBuffer: a worker
    engine.startEpochTicker(5, { clock: true });
    expect(engine.epochClock?.intervalMs).toBe(5);
    engine.stopEpochTicker();
    expect(engine.epochClock).toBeNull();
    expect(() => engine.startEpochTicker(0, { clock: true })).toThrow(RangeError);
    expect(() => engine.startEpochTicker(Number.NaN)).toThrow(RangeError);
  });

  it('one store with instances of both backends agrees on the deadline: each side and calls across are interrupted', () => {
    const engine = new Engine(new Config({ epochInterruption: true, consumeFuel: true }));
    // a v128 parameter keeps this module on the JS backend under 'auto'; the other runs on the wasm backend
    const jsModule = new Module(engine, SPIN.replace(/\)$/, ' (func (export "v") (param v128)))'));
    const wasmModule = new Module(
      engine,
      `(module (import "j" "add" (func $add (param i32 i32) (result i32)))
        (func (export "spin") (loop $l (br $l)))
        (func (export "across") (local i32) (loop $l (local.set 0 (call $add (local.get 0) (i32.const 1))) (br $l))))`,
    );
    expect([jsModule.backend, wasmModule.backend]).toEqual(['js', 'wasm']);
    const store = new Store(engine, null);
    store.setFuel(BACKSTOP);
    const linker = new Linker(engine);
    const js = linker.instantiate(store, jsModule);
    linker.instance(store, 'j', js);
    const wasm = linker.instantiate(store, wasmModule);
    engine.startEpochTicker(1, { clock: true });
    try {
      for (const f of [js.getTypedFunc('spin'), wasm.getTypedFunc('spin'), wasm.getTypedFunc('across')]) {
        store.setEpochDeadline(3);
        expect(() => f.call()).toThrow(expect.toSatisfy(isInterrupt));
      }
      // one deadline callback for both: it continues twice, then traps, wherever the guest runs
      let calls = 0;
      store.epochDeadlineCallback(() => (++calls < 3 ? { action: 'continue', delta: 1 } : { action: 'trap' }));
      for (const f of [wasm.getTypedFunc('across'), js.getTypedFunc('calls')]) {
        calls = 0;
        store.setEpochDeadline(2);
        expect(() => f.call()).toThrow(expect.toSatisfy(isInterrupt));
        expect(calls).toBe(3);
      }
      // a far deadline: neither side is interrupted
      store.setEpochDeadline(1e9);
      expect(js.getTypedFunc('fib').call(20)).toBe(6765);
    } finally {
      engine.stopEpochTicker();
    }
  });
});

describe('under node --jitless with SharedArrayBuffer deleted (no WebAssembly, no shared memory)', {
  timeout: 60_000,
}, () => {
  it('startEpochTicker falls back to the clock and interrupts a spinning guest and a deep recursion', () => {
    const script = `
      delete globalThis.SharedArrayBuffer;
      const { Config, Engine, Linker, Module, Store, Trap, TrapCode } = await import(${JSON.stringify(src)});
      const engine = new Engine(new Config({ epochInterruption: true, consumeFuel: true }));
      const module = new Module(engine, ${JSON.stringify(SPIN)});
      const store = new Store(engine, null);
      store.setFuel(${BACKSTOP});
      const instance = new Linker(engine).instantiate(store, module);
      engine.startEpochTicker(1);
      const out = [typeof WebAssembly, typeof SharedArrayBuffer, module.backend, engine.epochClock !== null];
      for (const [name, arg] of [['spin'], ['calls'], ['fib', 40]]) {
        store.setEpochDeadline(3);
        try { instance.getTypedFunc(name).call(...(arg === undefined ? [] : [arg])); out.push('finished'); }
        catch (e) { out.push(e instanceof Trap && e.code === TrapCode.Interrupt ? 'interrupted' : String(e)); }
      }
      engine.stopEpochTicker();
      console.log(JSON.stringify(out));
    `;
    const out = execFileSync(
      process.execPath,
      ['--jitless', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
    expect(JSON.parse(out.trim())).toEqual([
      'undefined',
      'undefined',
      'js',
      true,
      'interrupted',
      'interrupted',
      'interrupted',
    ]);
  });
});
