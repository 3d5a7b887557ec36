import {
  EPOCH_ENTRY,
  EPOCH_INSIDE,
  EPOCH_SILENT,
  epochEntryChecks,
  epochSilentIndirect,
  UNCHECKED_CALL_BYTES,
} from '@wasmts/codegen';
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

/** Makes every epoch check of `store` due and counted (deadline 0, a callback that continues); the count so far. */
function countEveryCheck(store: Store<null>): () => number {
  let checks = 0;
  store.epochDeadlineCallback(() => {
    checks++;
    return { action: 'continue', delta: 0 };
  });
  store.setEpochDeadline(0);
  return () => checks;
}

describe('epoch interruption', () => {
  it('stops an infinite loop from a worker ticker once the epoch passes the deadline; the store runs on', () => {
    const engine = new Engine(testConfig().epochInterruption(true));
    const { store, instance } = setup(engine);
    expect(engine.epochBuffer).toBeInstanceOf(SharedArrayBuffer);
    const epoch = new Float64Array(engine.epochBuffer, 0, 1);
    engine.startEpochTicker(10);
    try {
      store.setEpochDeadline(10);
      const before = epoch[0] ?? 0;
      expect(() => instance.getTypedFunc('spin').call()).toThrow(expect.toSatisfy(isInterrupt));
      // not early: the guest ran until the worker had ticked the deadline's 10 epochs (no clock is read here)
      expect((epoch[0] ?? 0) - before).toBeGreaterThanOrEqual(10);
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

/**
 * `$f<k>` calls `$f<k-1>` twice, down to a leaf that counts its calls in `$leaves`: no loop and no recursion, but
 * 2^depth leaf calls. `$f<depth>` first calls the host's `tick`.
 */
function callTree(depth: number): string {
  const fs = ['(func $f0 (global.set $leaves (i32.add (global.get $leaves) (i32.const 1))))'];
  for (let k = 1; k <= depth; k++)
    fs.push(`(func $f${k} ${k === depth ? '(export "tree") (call $tick)' : ''} (call $f${k - 1}) (call $f${k - 1}))`);
  return `(module (import "host" "tick" (func $tick))
    (global $leaves (export "leaves") (mut i32) (i32.const 0)) ${fs.join('\n')})`;
}
/** The tree's `$leaves` counter. */
const leavesOf = (instance: { getGlobal(name: string): { get(): unknown } | undefined }): number =>
  (instance.getGlobal('leaves')?.get() as { value: number } | undefined)?.value ?? -1;
/** The leaf's code bytes (its body from the first operator through `end`). */
const LEAF_CODE_BYTES = 8; // global.get 0 (2), i32.const 1 (2), i32.add (1), global.set 0 (2), end (1)

/** The wasm backend's epoch count of `store` (checks left until the host looks at the epoch), as a number. */
const countdownOf = (store: Store<null>): number =>
  Number((store as unknown as { wasmState: { epochCountdown: { value: bigint } } }).wasmState.epochCountdown.value);

describe('the wasm backend polls the epoch only when it can move while wasm runs', () => {
  const TWO_CALLS =
    '(module (import "host" "a" (func $a)) (import "host" "b" (func $b)) (func (export "run") (call $a) (call $b)))';
  const POLL = 65_536;

  it('no ticker and the buffer never handed out: the count does not poll; a host function that hands it out re-arms it', () => {
    const engine = new Engine(testConfig({ backend: 'wasm', epochInterruption: true }));
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    let seen = -1;
    linker.defineFunc('host', 'a', funcType([], []), () => void engine.epochBuffer);
    linker.defineFunc('host', 'b', funcType([], []), () => {
      seen = countdownOf(store);
    });
    const instance = linker.instantiate(store, new Module(engine, TWO_CALLS));
    store.setEpochDeadline(1_000);
    expect(engine.epochPolled).toBe(false);
    expect(countdownOf(store)).toBeGreaterThan(POLL);
    // `a` hands the buffer out (a worker may tick from now on): by the next call the count polls
    instance.getTypedFunc('run').call();
    expect(engine.epochPolled).toBe(true);
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThanOrEqual(POLL);
  });

  it("an engine made with another engine's buffer, a worker ticker and the clock poll; stopping the clock does not", () => {
    const first = new Engine(testConfig({ backend: 'wasm', epochInterruption: true }));
    const shared = new Engine(testConfig({ backend: 'wasm', epochInterruption: true }), {
      epochBuffer: first.epochBuffer as SharedArrayBuffer,
    });
    expect(first.epochPolled && shared.epochPolled).toBe(true);
    const armed = (engine: Engine): number => {
      const store = new Store(engine, null);
      new Linker(engine).instantiate(store, new Module(engine, '(module (func (export "f")))'));
      store.setEpochDeadline(1_000);
      return countdownOf(store);
    };
    expect(armed(shared)).toBe(POLL);
    const clocked = new Engine(testConfig({ backend: 'wasm', epochInterruption: true }));
    expect(armed(clocked)).toBeGreaterThan(POLL);
    clocked.startEpochTicker(10, { clock: true });
    expect(armed(clocked)).toBe(POLL);
    clocked.stopEpochTicker();
    expect(armed(clocked)).toBeGreaterThan(POLL);
    const ticked = new Engine(testConfig({ backend: 'wasm', epochInterruption: true }));
    ticked.startEpochTicker(1_000);
    ticked.stopEpochTicker();
    // a stopped worker may still tick once: the buffer stays shared
    expect(armed(ticked)).toBe(POLL);
  });

  it('a worker ticker started by a host function the guest calls interrupts the loop that follows (both backends)', () => {
    const engine = new Engine(testConfig({ epochInterruption: true }));
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    linker.defineFunc('host', 'tick', funcType([], []), () => engine.startEpochTicker(5));
    const instance = linker.instantiate(store, new Module(engine, SPIN));
    try {
      store.setEpochDeadline(2);
      expect(() => instance.getTypedFunc('tickThenSpin').call()).toThrow(expect.toSatisfy(isInterrupt));
    } finally {
      engine.stopEpochTicker();
    }
  });
});

describe('the epoch guarantee without a check at every function entry', () => {
  it('sees a deadline passed by a host function within UNCHECKED_CALL_BYTES of code: a call tree with no loop is cut', () => {
    const engine = new Engine(testConfig({ epochInterruption: true }));
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    linker.defineFunc('host', 'tick', funcType([], []), () => engine.incrementEpoch());
    const instance = linker.instantiate(store, new Module(engine, callTree(40)));
    store.setEpochDeadline(1);
    // 2^40 leaf calls if nothing checked; the tick passes the deadline and a check inside the tree traps
    expect(() => instance.getTypedFunc('tree').call()).toThrow(expect.toSatisfy(isInterrupt));
    const leaves = leavesOf(instance);
    expect(leaves).toBeLessThanOrEqual(Math.floor(UNCHECKED_CALL_BYTES / LEAF_CODE_BYTES) + 1);
    // the function that holds a check: a tree of unchecked calls stays under the bound
    const m = new Module(engine, callTree(40)).module;
    const checks = epochEntryChecks(m);
    expect(checks[0]).toBe(EPOCH_SILENT);
    expect(checks.filter((c) => c === EPOCH_ENTRY).length).toBeGreaterThan(3);
  });

  it('checks at least once per UNCHECKED_CALL_BYTES of code run: every check of a 2^16-leaf tree counted', () => {
    const engine = new Engine(testConfig({ epochInterruption: true }));
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    linker.defineFunc('host', 'tick', funcType([], []), () => {});
    const instance = linker.instantiate(store, new Module(engine, callTree(16)));
    const checks = countEveryCheck(store);
    instance.getTypedFunc('tree').call();
    const leaves = leavesOf(instance);
    expect(leaves).toBe(2 ** 16);
    // each check covers at most UNCHECKED_CALL_BYTES of code, so at most that many bytes' worth of leaves
    expect(checks()).toBeGreaterThanOrEqual(leaves / Math.floor(UNCHECKED_CALL_BYTES / LEAF_CODE_BYTES));
    // and the analysis does not check every entry: far fewer checks than calls
    expect(checks()).toBeLessThan(leaves / 16);
  });

  it('stops a 2^40-call tree with no loop from a worker ticker; the store runs on', () => {
    const engine = new Engine(testConfig().epochInterruption(true));
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    linker.defineFunc('host', 'tick', funcType([], []), () => {});
    const instance = linker.instantiate(store, new Module(engine, callTree(40)));
    engine.startEpochTicker(10);
    try {
      store.setEpochDeadline(5);
      expect(() => instance.getTypedFunc('tree').call()).toThrow(expect.toSatisfy(isInterrupt));
      expect(leavesOf(instance)).toBeGreaterThan(0);
    } finally {
      engine.stopEpochTicker();
    }
  });

  it('checks at the entry of a recursive function and of one calling indirectly or the host, not of a leaf', () => {
    const engine = new Engine(testConfig({ epochInterruption: true }));
    const m = new Module(
      engine,
      `(module (import "host" "tick" (func $tick)) (table 1 funcref) (type $v (func))
        (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
        (func $calls-leaf (param i32) (result i32) (call $leaf (call $leaf (local.get 0))))
        (func $fib (param i32) (result i32)
          (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
            (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1))) (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
        (func $even (param i32) (result i32) (if (result i32) (local.get 0) (then (call $odd (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 1))))
        (func $odd (param i32) (result i32) (if (result i32) (local.get 0) (then (call $even (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 0))))
        (func $indirect (call_indirect (type $v) (i32.const 0)))
        (func $host (call $tick))
        (func $loop (loop $l (br $l)))
        (func $calls-loop (call $loop)))`,
    ).module;
    expect([...epochEntryChecks(m)]).toEqual([
      EPOCH_SILENT,
      EPOCH_SILENT,
      EPOCH_ENTRY,
      EPOCH_ENTRY,
      EPOCH_ENTRY,
      EPOCH_ENTRY,
      EPOCH_ENTRY,
      EPOCH_INSIDE,
      EPOCH_INSIDE,
    ]);
  });

  it('indirect calls that reach only functions checking nowhere: the loop still counts and is stopped', () => {
    // the table is neither imported nor exported and no import or export has a reference type: `call_indirect` of
    // $op reaches only $inc and $dbl, which check nowhere, so the wasm backend keeps its check count in a local
    // across the call (codegen's src/wasm/README.md, "Counters in locals"); the checks made are the same
    const wat = (tableExport: string) => `(module
      (type $op (func (param i32) (result i32)))
      (table ${tableExport} 2 funcref)
      (elem (i32.const 0) func $inc $dbl)
      (func $inc (type $op) (i32.add (local.get 0) (i32.const 1)))
      (func $dbl (type $op) (i32.shl (local.get 0) (i32.const 1)))
      (func (export "spin") (param $n i32) (result i32) (local $acc i32)
        (loop $l
          (local.set $acc (call_indirect (type $op) (local.get $acc) (i32.and (local.get $n) (i32.const 1))))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.get $acc)))`;
    const engine = new Engine(testConfig().epochInterruption(true));
    const closed = new Module(engine, wat(''));
    // (with the `ref.func`s of the bodies: without them the export `spin`, of type $op too, would count as a target)
    const refs = { funcs: new Set<number>(), complete: true };
    const silent = epochSilentIndirect(
      closed.module,
      epochEntryChecks(closed.module, undefined, undefined, refs),
      refs,
    );
    expect(silent?.[closed.module.types[0].canonical]).toBe(1);
    expect(epochSilentIndirect(closed.module, epochEntryChecks(closed.module))?.[0]).toBe(0);
    const open = new Module(engine, wat('(export "t")')).module;
    expect(epochSilentIndirect(open, epochEntryChecks(open))).toBeNull();
    for (const m of [closed, new Module(engine, wat('(export "t")'))]) {
      const store = new Store(engine, null);
      const instance = new Linker(engine).instantiate(store, m);
      const checks = countEveryCheck(store);
      let acc = 0;
      for (let n = 1000; n > 0; n--) acc = n & 1 ? acc << 1 : (acc + 1) | 0;
      expect(instance.getTypedFunc('spin').call(1000)).toBe(acc);
      // the host's entry check and one per iteration (its indirect call is inside the loop, after the loop
      // header's check, so the function needs no entry check of its own)
      expect(checks()).toBe(1001);
      // 2^32 iterations unless a tick from the worker is seen
      engine.startEpochTicker(10);
      try {
        store.epochDeadlineTrap();
        store.setEpochDeadline(5);
        expect(() => instance.getTypedFunc('spin').call(0)).toThrow(expect.toSatisfy(isInterrupt));
      } finally {
        engine.stopEpochTicker();
      }
    }
  });

  it('a recursion whose calls are all inside a loop checks at the loop header, not at the entry; still stopped', () => {
    // fib as clang compiles it: one recursive call in a loop; every turn of the recursion passes the loop header
    const FIB = `(module
      (func $fib (export "fib") (param $n i32) (result i32) (local $acc i32)
        (if (i32.lt_u (local.get $n) (i32.const 2)) (then (return (local.get $n))))
        (loop $l
          (local.set $acc (i32.add (local.get $acc) (call $fib (i32.sub (local.get $n) (i32.const 1)))))
          (local.set $n (i32.sub (local.get $n) (i32.const 2)))
          (br_if $l (i32.gt_u (local.get $n) (i32.const 1))))
        (i32.add (local.get $acc) (local.get $n))))`;
    const engine = new Engine(testConfig().epochInterruption(true));
    const m = new Module(engine, FIB);
    expect([...epochEntryChecks(m.module)]).toEqual([EPOCH_INSIDE]);
    let iterations = 0;
    const fib = (n: number): number => {
      if (n < 2) return n;
      let acc = 0;
      do {
        iterations++;
        acc += fib(n - 1);
        n -= 2;
      } while (n > 1);
      return acc + n;
    };
    expect(fib(20)).toBe(6765);
    const store = new Store(engine, null);
    const instance = new Linker(engine).instantiate(store, m);
    const checks = countEveryCheck(store);
    expect(instance.getTypedFunc('fib').call(20)).toBe(6765);
    // the host's entry check and one per loop iteration, none per call
    expect(checks()).toBe(1 + iterations);
    // fib(45): about 10^9 calls unless a tick from the worker is seen
    engine.startEpochTicker(10);
    try {
      store.epochDeadlineTrap();
      store.setEpochDeadline(5);
      expect(() => instance.getTypedFunc('fib').call(45)).toThrow(expect.toSatisfy(isInterrupt));
    } finally {
      engine.stopEpochTicker();
    }
  });

  it('a call from the host checks the deadline first, whatever function it calls', () => {
    const engine = new Engine(testConfig({ epochInterruption: true }));
    const { store, instance } = setup(engine);
    let calls = 0;
    store.epochDeadlineCallback(() => {
      calls++;
      return { action: 'continue', delta: 1 };
    });
    store.setEpochDeadline(0);
    // `add` has no check of its own (no loop, no call): the host's entry check asks the callback once
    expect(instance.getTypedFunc('add').call(1, 2)).toBe(3);
    expect(calls).toBe(1);
    expect(instance.getTypedFunc('add').call(1, 2)).toBe(3);
    expect(calls).toBe(1);
  });
});
