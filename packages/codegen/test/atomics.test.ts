// The threads proposal on the JS backend: atomic accesses on shared (SharedArrayBuffer) and unshared
// memories, their traps (bounds before alignment, no wrapping of address + offset), 64-bit values kept
// exact, narrow forms zero-extended, and wait/notify across agents.
import { TrapCode } from '@wasmts/environ';
import { Trap } from '@wasmts/runtime';
import { describe, expect, it } from 'vitest';
import { instantiate } from './harness.js';

const ops = (shared: string) => `(module
  (memory (export "mem") 1 2 ${shared})
  (func (export "ld32") (param i32) (result i32) (i32.atomic.load (local.get 0)))
  (func (export "ld64") (param i32) (result i64) (i64.atomic.load (local.get 0)))
  (func (export "ld8") (param i32) (result i64) (i64.atomic.load8_u (local.get 0)))
  (func (export "ldHigh") (param i32) (result i32) (i32.atomic.load offset=4294967292 (local.get 0)))
  (func (export "st64") (param i32 i64) (i64.atomic.store (local.get 0) (local.get 1)))
  (func (export "st16") (param i32 i32) (i32.atomic.store16 (local.get 0) (local.get 1)))
  (func (export "add64") (param i32 i64) (result i64) (i64.atomic.rmw.add (local.get 0) (local.get 1)))
  (func (export "sub8") (param i32 i32) (result i32) (i32.atomic.rmw8.sub_u (local.get 0) (local.get 1)))
  (func (export "xchg32") (param i32 i64) (result i64) (i64.atomic.rmw32.xchg_u (local.get 0) (local.get 1)))
  (func (export "cas16") (param i32 i32 i32) (result i32) (i32.atomic.rmw16.cmpxchg_u (local.get 0) (local.get 1) (local.get 2)))
  (func (export "cas64") (param i32 i64 i64) (result i64) (i64.atomic.rmw.cmpxchg (local.get 0) (local.get 1) (local.get 2)))
  (func (export "fence") (atomic.fence))
  (func (export "notify") (param i32 i32) (result i32) (memory.atomic.notify (local.get 0) (local.get 1)))
  (func (export "wait32") (param i32 i32 i64) (result i32) (memory.atomic.wait32 (local.get 0) (local.get 1) (local.get 2)))
  (func (export "wait64") (param i32 i64 i64) (result i32) (memory.atomic.wait64 (local.get 0) (local.get 1) (local.get 2))))`;

function trapCode(f: () => unknown): number {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e.code;
    throw e;
  }
  throw new Error('no trap');
}

for (const shared of ['shared', '']) {
  describe(`atomics on ${shared || 'an unshared'} memory`, () => {
    it('loads, stores and read-modify-writes with exact 64-bit values and zero-extended narrow ones', () => {
      const e = instantiate(ops(shared));
      e.st64(8, 0x7fff_ffff_ffff_fff0n);
      expect(e.add64(8, 0x20n)).toBe(0x7fff_ffff_ffff_fff0n);
      expect(e.ld64(8)).toBe(-0x7fff_ffff_ffff_fff0n);
      expect(e.ld8(8)).toBe(0x10n);
      expect(e.sub8(8, 0x11)).toBe(0x10);
      expect(e.ld8(8)).toBe(0xffn);
      expect(e.xchg32(8, -1n)).toBe(0xffn);
      expect(e.ld32(8)).toBe(-1);
      e.st16(16, 0x1_2345);
      expect(e.ld32(16)).toBe(0x2345);
      // the expected value is wrapped to the access width before the comparison
      expect(e.cas16(16, 0xf_2345, 7)).toBe(0x2345);
      expect(e.ld32(16)).toBe(7);
      expect(e.cas16(16, 8, 9)).toBe(7);
      expect(e.ld32(16)).toBe(7);
      expect(e.cas64(24, 0n, -2n)).toBe(0n);
      expect(e.cas64(24, -2n, 5n)).toBe(-2n);
      expect(e.ld64(24)).toBe(5n);
      e.fence();
    });

    it('traps out of bounds before unaligned, and never wraps address + offset', () => {
      const e = instantiate(ops(shared));
      expect(trapCode(() => e.ld32(1))).toBe(TrapCode.HeapMisaligned);
      expect(trapCode(() => e.add64(4, 1n))).toBe(TrapCode.HeapMisaligned);
      expect(trapCode(() => e.cas16(3, 0, 0))).toBe(TrapCode.HeapMisaligned);
      expect(trapCode(() => e.ld32(65536))).toBe(TrapCode.MemoryOutOfBounds);
      expect(trapCode(() => e.ld64(65535))).toBe(TrapCode.MemoryOutOfBounds);
      expect(trapCode(() => e.ld32(-4))).toBe(TrapCode.MemoryOutOfBounds);
      expect(trapCode(() => e.ldHigh(8))).toBe(TrapCode.MemoryOutOfBounds);
      expect(trapCode(() => e.notify(65536, 1))).toBe(TrapCode.MemoryOutOfBounds);
      expect(trapCode(() => e.notify(2, 1))).toBe(TrapCode.HeapMisaligned);
    });

    it('notify wakes nobody here; wait traps on an unshared memory, else answers not-equal or timed-out', () => {
      const e = instantiate(ops(shared));
      expect(e.notify(0, -1)).toBe(0);
      if (shared) {
        expect(e.wait32(0, 1, 0n)).toBe(1);
        expect(e.wait32(0, 0, 0n)).toBe(2);
        expect(e.wait64(8, 1n, 1000n)).toBe(1);
        expect(e.wait64(8, 0n, 0n)).toBe(2);
      } else {
        expect(trapCode(() => e.wait32(0, 0, 0n))).toBe(TrapCode.AtomicWaitNonSharedMemory);
        expect(trapCode(() => e.wait64(8, 0n, 0n))).toBe(TrapCode.AtomicWaitNonSharedMemory);
      }
    });
  });
}

describe('wait and notify across agents (a worker_threads Worker on the same SharedArrayBuffer)', () => {
  // the worker blocks on word 0 until notified, or wakes the main thread blocked in memory.atomic.wait32 on word 1
  const WORKER = `
    const { parentPort, workerData } = require('node:worker_threads');
    const i32 = new Int32Array(workerData);
    if (Atomics.wait(i32, 0, 0, 60000) !== 'ok') throw new Error('not woken');
    Atomics.store(i32, 1, 1);
    Atomics.notify(i32, 1, 1);
    parentPort.postMessage('done');`;

  it('notify wakes a waiting agent, and wait32 returns "ok" (0) when notified', async () => {
    const { Worker } = await import('node:worker_threads');
    const e = instantiate(ops('shared'));
    const buffer = e.mem.buffer as SharedArrayBuffer;
    expect(buffer).toBeInstanceOf(SharedArrayBuffer);
    const worker = new Worker(WORKER, { eval: true, workerData: buffer });
    const done = new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    try {
      // the worker may not be waiting yet: notify until it has woken one agent
      let woken = 0;
      while (woken === 0) {
        woken = e.notify(0, 1);
        if (woken === 0) await new Promise((r) => setTimeout(r, 1));
      }
      expect(woken).toBe(1);
      // blocks until the worker stores 1 and notifies (or returns 1 at once if it already stored)
      expect([0, 1]).toContain(e.wait32(4, 0, -1n));
      expect(e.ld32(4)).toBe(1);
      expect(await done).toBe('done');
    } finally {
      await worker.terminate();
    }
  });
});
