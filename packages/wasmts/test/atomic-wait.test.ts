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
