// memory.atomic.wait32/64 where it cannot wait: on an unshared memory (the trap the spec names), and on a thread
// that may not block (a browser's main thread), where engines trap too. Node lets every thread block, so the second
// is simulated here the way such a host behaves: its `Atomics.wait` throws a TypeError whatever the arguments (the
// agent's [[CanBlock]] is false). That reaches the JS backend, which waits with `Atomics.wait`; the wasm backend's
// wait is the host engine's own instruction, which a stub cannot reach: its trap there is checked in a real
// browser main thread (tools/hosts, test/chromium.test.ts).
import { parseWat } from '@wasmts/wat';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine, Instance, Memory, Module, Store, Trap, TrapCode, wasmFeatures } from '../src/index.js';
import { createWebAssembly } from '../src/webassembly.js';
import { BACKEND, testConfig } from './backend.js';

const WAITS = (shared: string) => `(module
  (memory 1 1 ${shared})
  (func $wait32 (export "wait32") (param i32 i32 i64) (result i32) (memory.atomic.wait32 (local.get 0) (local.get 1) (local.get 2)))
  (func $wait64 (export "wait64") (param i32 i64 i64) (result i32) (memory.atomic.wait64 (local.get 0) (local.get 1) (local.get 2))))`;

function instance(text: string) {
  const engine = new Engine(testConfig({ features: wasmFeatures({ threads: true }) }));
  const store = new Store(engine, null);
  const module = new Module(engine, text);
  expect(module.backend).toBe(BACKEND === 'js' ? 'js' : 'wasm');
  const i = new Instance(store, module, []);
  return {
    wait32: (...a: [number, number, bigint]) => i.getTypedFunc<[number, number, bigint], number>('wait32').call(...a),
    wait64: (...a: [number, bigint, bigint]) => i.getTypedFunc<[number, bigint, bigint], number>('wait64').call(...a),
  };
}

function trapOf(f: () => unknown): Trap {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e;
    throw e;
  }
  throw new Error('no trap');
}

describe('memory.atomic.wait on an unshared memory', () => {
  it('traps AtomicWaitNonSharedMemory (the wasm backend read the host engine’s error as unreachable before)', () => {
    const e = instance(WAITS(''));
    for (const t of [trapOf(() => e.wait32(0, 0, 0n)), trapOf(() => e.wait64(8, 0n, 0n))]) {
      expect(t.code).toBe(TrapCode.AtomicWaitNonSharedMemory);
      expect(t.message).toContain('atomic wait on non-shared memory');
      expect(t.backtrace?.frames[0]?.funcName).toMatch(/^wait(32|64)$/);
    }
    // on a shared one: not-equal, then timed out
    const s = instance(WAITS('shared'));
    expect(s.wait32(0, 1, 0n)).toBe(1);
    expect(s.wait64(8, 0n, 0n)).toBe(2);
  });
});

// Node 20's V8 (11.3) compiles a function first with its baseline compiler (Liftoff), which clobbers the value just
// below a wait's three operands: a local held in a register (a function's last local) or an operand-stack entry. A
// wasi-threads waiter loop then read its address local as 0 and waited there for ever (packages/wasi
// test/threads.test.ts hung on the wasm backend once a module without hooks kept its own locals). The re-encoder
// gives each wait its operands from scratch locals above a dead value (`isolateAtomicWaits`). Each function here is
// called once, so it runs as Liftoff compiled it.
describe('values around memory.atomic.wait survive it', () => {
  const W32 = '(memory.atomic.wait32 (i32.const 24) (i32.const 9) (i64.const 0))';
  const W64 = '(memory.atomic.wait64 (i32.const 24) (i64.const 9) (i64.const 0))';
  const MODULE = `(module
    (memory 1 1 shared)
    ;; the parameter is the function's only (so last) local
    (func (export "param") (param $a i32) (result i32) (drop ${W32}) (local.get $a))
    (func (export "param64") (param $a i32) (result i32) (drop ${W64}) (local.get $a))
    ;; the waiter loop of the wasi-threads tests, with a 0 timeout: three rounds (counted in memory) then out
    (func (export "loop") (param $addr i32) (result i32)
      (loop $again
        (drop (memory.atomic.wait32 (local.get $addr) (i32.const 0) (i64.const 0)))
        (br_if $again (i32.lt_u (i32.atomic.rmw.add (i32.const 64) (i32.const 1)) (i32.const 2))))
      (i32.add (i32.mul (local.get $addr) (i32.const 100)) (i32.atomic.load (i32.const 64))))
    ;; an operand-stack value below the wait's operands (a dead extra local does not save this one)
    (func (export "stack") (param $a i32) (result i32) (local i32)
      (i32.add (i32.mul (local.get $a) (i32.const 3)) (block (result i32) (drop ${W32}) (i32.const 0))))
    ;; and the wait's own result (1: not equal)
    (func (export "result") (param $a i32) (result i32)
      (i32.add (i32.mul (local.get $a) (i32.const 3)) (i32.mul (i32.const 1000) ${W32}))))`;

  it('keeps locals and operand-stack values (Liftoff clobbered them on Node 20)', () => {
    const engine = new Engine(testConfig({ features: wasmFeatures({ threads: true }) }));
    const module = new Module(engine, MODULE);
    expect(module.backend).toBe(BACKEND === 'js' ? 'js' : 'wasm');
    const i = new Instance(new Store(engine, null), module, []);
    const call = (name: string, a: number) => i.getTypedFunc<[number], number>(name).call(a);
    expect(call('param', 16)).toBe(16);
    expect(call('param64', 16)).toBe(16);
    expect(call('loop', 16)).toBe(1603);
    expect(call('stack', 16)).toBe(48);
    expect(call('result', 16)).toBe(1048);
  });
});

describe.runIf(BACKEND === 'js')('memory.atomic.wait on a thread that may not block (simulated)', () => {
  const hostWait = Atomics.wait;
  const forbid = () => {
    // what a browser main thread's Atomics.wait does: a TypeError before looking at the value
    Atomics.wait = () => {
      throw new TypeError('Atomics.wait cannot be called in this context');
    };
  };
  afterEach(() => {
    Atomics.wait = hostWait;
  });

  it('traps AtomicWaitNotAllowed (not the host’s TypeError), whether the value matches or not', () => {
    const e = instance(WAITS('shared'));
    forbid();
    for (const t of [
      trapOf(() => e.wait32(0, 0, 0n)),
      trapOf(() => e.wait32(0, 1, -1n)),
      trapOf(() => e.wait64(8, 0n, 1000n)),
    ]) {
      expect(t.code).toBe(TrapCode.AtomicWaitNotAllowed);
      expect(t.message).toContain('atomic wait not allowed on this thread');
      expect(t.backtrace?.frames[0]?.funcName).toMatch(/^wait(32|64)$/);
    }
    // an unshared memory keeps its own trap, and bounds still come first
    expect(trapOf(() => instance(WAITS('')).wait32(0, 0, 0n)).code).toBe(TrapCode.AtomicWaitNonSharedMemory);
    expect(trapOf(() => e.wait32(65536, 0, 0n)).code).toBe(TrapCode.MemoryOutOfBounds);
    // the store is still usable once the host lets the thread block again
    Atomics.wait = hostWait;
    expect(e.wait32(0, 0, 0n)).toBe(2);
  });

  it('is a WebAssembly.RuntimeError through the drop-in, with the Trap as its cause', () => {
    const WA = createWebAssembly({ config: testConfig({ features: wasmFeatures({ threads: true }) }) });
    const memory = new WA.Memory({ initial: 1, maximum: 1, shared: true });
    const bytes = parseWat(
      `(module (import "m" "mem" (memory 1 1 shared))
         (func (export "wait") (param i32 i32) (result i32) (memory.atomic.wait32 (local.get 0) (local.get 1) (i64.const -1))))`,
    );
    const { exports } = new WA.Instance(new WA.Module(bytes), { m: { mem: memory } });
    forbid();
    let error: unknown;
    try {
      exports.wait(0, 0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WA.RuntimeError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(((error as Error).cause as Trap).code).toBe(TrapCode.AtomicWaitNotAllowed);
  });

  it('a Memory made by the API and shared with the guest behaves the same', () => {
    const engine = new Engine(testConfig({ features: wasmFeatures({ threads: true }) }));
    const store = new Store(engine, null);
    const memory = new Memory(store, {
      limits: { min: 1, max: 1 },
      shared: true,
      index64: false,
      pageSizeLog2: 16,
    });
    const module = new Module(
      engine,
      `(module (import "m" "mem" (memory 1 1 shared))
         (func (export "wait") (result i32) (memory.atomic.wait64 (i32.const 0) (i64.const 0) (i64.const 0))))`,
    );
    const wait = new Instance(store, module, [memory]).getTypedFunc<[], number>('wait');
    forbid();
    expect(trapOf(() => wait.call()).code).toBe(TrapCode.AtomicWaitNotAllowed);
  });
});
