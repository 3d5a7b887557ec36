// runWasiThreads' store controls, with small wasi-threads programs in wasm text on both backends: store limits
// bound the shared memory for all threads together, `maxThreads` refuses the spawn past it, fuel is per thread,
// and the threads share one descriptor table (a file one thread opened is read on by another).
// Each thread is a Worker that loads the packages from source (tsx), about a second of CPU each: few threads here.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Config, Engine, Linker, Memory, Module, Store, wasmFeatures } from 'wasmts';
import { runWasiThreads } from '../src/threads.js';
import { tempDir } from './backends.js';

const IMPORTS = `
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "env" "memory" (memory 1 16 shared))`;

/** Blocks until the word at `addr` is not 0. */
const AWAIT = `
  (func $await (param $addr i32)
    (block $done (loop $again
      (br_if $done (i32.atomic.load (local.get $addr)))
      (drop (memory.atomic.wait32 (local.get $addr) (i32.const 0) (i64.const -1)))
      (br $again))))
  (func $post (param $addr i32) (param $value i32)
    (i32.atomic.store (local.get $addr) (local.get $value))
    (drop (memory.atomic.notify (local.get $addr) (i32.const 1))))`;

// The thread grows the memory by 2 pages (1 -> 3); then main grows by 2 and by 1. Exit code: thread's grow + 1,
// main's two grows + 1, the final size, as decimal digits.
const GROW = `(module ${IMPORTS} ${AWAIT}
  (func (export "wasi_thread_start") (param i32 i32)
    (call $post (i32.const 4) (i32.add (memory.grow (i32.const 2)) (i32.const 1))))
  (func (export "_start")
    (local $a i32) (local $b i32) (local $c i32)
    (drop (call $spawn (i32.const 0)))
    (call $await (i32.const 4))
    (local.set $a (i32.atomic.load (i32.const 4)))
    (local.set $b (i32.add (memory.grow (i32.const 2)) (i32.const 1)))
    (local.set $c (i32.add (memory.grow (i32.const 1)) (i32.const 1)))
    (call $exit (i32.add (i32.add (i32.mul (local.get $a) (i32.const 1000)) (i32.mul (local.get $b) (i32.const 100)))
      (i32.add (i32.mul (local.get $c) (i32.const 10)) (memory.size))))))`;

// Spawns three threads (which end at once); exit code: a bit per spawn that gave an id, 8 if the third gave -6.
const SPAWN = `(module ${IMPORTS}
  (func (export "wasi_thread_start") (param i32 i32))
  (func (export "_start")
    (local $a i32) (local $b i32) (local $c i32)
    (local.set $a (call $spawn (i32.const 0)))
    (local.set $b (call $spawn (i32.const 0)))
    (local.set $c (call $spawn (i32.const 0)))
    (call $exit (i32.or (i32.or (i32.gt_s (local.get $a) (i32.const 0))
                                (i32.shl (i32.gt_s (local.get $b) (i32.const 0)) (i32.const 1)))
                        (i32.or (i32.shl (i32.gt_s (local.get $c) (i32.const 0)) (i32.const 2))
                                (i32.shl (i32.eq (local.get $c) (i32.const -6)) (i32.const 3)))))))`;

// Main and one thread each run $spin once; exit 0 when both finished.
const SPIN = `(module ${IMPORTS} ${AWAIT}
  (func $spin (export "spin") (local $i i32)
    (loop $l (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 20000)))))
  (func (export "wasi_thread_start") (param i32 i32) (call $spin) (call $post (i32.const 4) (i32.const 1)))
  (func (export "_start")
    (drop (call $spawn (i32.const 0)))
    (call $spin)
    (call $await (i32.const 4))
    (call $exit (i32.const 0))))`;

// Main opens "data.txt" under preopen fd 3 and reads 3 bytes of it; then a thread reads the same fd (up to 16
// bytes). Exit code: main's fd_read errno * 1000 + the thread's * 100 + the bytes the thread read.
const FDS = `(module ${IMPORTS}
  (import "wasi_snapshot_preview1" "path_open"
    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
  ${AWAIT}
  (data (i32.const 100) "data.txt")
  (func $readFd (param $len i32) (result i32)
    (i32.store (i32.const 200) (i32.const 300))
    (i32.store (i32.const 204) (local.get $len))
    (call $read (i32.load (i32.const 8)) (i32.const 200) (i32.const 1) (i32.const 208)))
  (func (export "wasi_thread_start") (param i32 i32) (call $post (i32.const 4) (i32.add (call $readFd (i32.const 16)) (i32.const 1))))
  (func (export "_start")
    (local $main i32)
    (if (call $open (i32.const 3) (i32.const 0) (i32.const 100) (i32.const 8) (i32.const 0) (i64.const 2)
          (i64.const 0) (i32.const 0) (i32.const 8))
      (then (call $exit (i32.const 255))))
    (local.set $main (call $readFd (i32.const 3)))
    (drop (call $spawn (i32.const 0)))
    (call $await (i32.const 4))
    (call $exit (i32.add (i32.mul (local.get $main) (i32.const 1000))
      (i32.add (i32.mul (i32.sub (i32.atomic.load (i32.const 4)) (i32.const 1)) (i32.const 100))
        (i32.load (i32.const 208)))))))`;

for (const backend of ['auto', 'js'] as const) {
  const engine = (init: ConstructorParameters<typeof Config>[0] = {}) =>
    new Engine(new Config({ backend, features: wasmFeatures({ threads: true }), ...init }));

  describe(`runWasiThreads on the ${backend} backend`, () => {
    it('store limits bound the shared memory for every thread together', async () => {
      const module = new Module(engine(), GROW);
      // without limits: thread 1 -> 3, main 3 -> 5 and 5 -> 6
      expect(await runWasiThreads({ module })).toEqual({ kind: 'exit', code: 2466 });
      // at most 4 pages: the thread's growth counts against main's, so main's +2 is refused and its +1 is not
      expect(await runWasiThreads({ module, limits: { memorySize: 4 * 65536 } })).toEqual({ kind: 'exit', code: 2044 });
      // and a refused growth traps where the limits say so, in whichever thread
      const r = await runWasiThreads({ module, limits: { memorySize: 4 * 65536, trapOnGrowFailure: true } });
      expect(r.kind).toBe('trap');
      if (r.kind === 'trap') expect(r.trap.thread).toBe(0);
    });

    it('maxThreads: the spawn past it answers -EAGAIN (-6), the others get ids', async () => {
      const module = new Module(engine(), SPAWN);
      expect(await runWasiThreads({ module, maxThreads: 2 })).toEqual({ kind: 'exit', code: 0b1011 });
      expect(await runWasiThreads({ module, maxThreads: 3 })).toEqual({ kind: 'exit', code: 0b0111 });
    });

    it('fuel is per thread: each store gets all of it', async () => {
      const e = engine({ consumeFuel: true });
      const module = new Module(e, SPIN);
      // what one $spin costs, measured in a store of its own
      const store = new Store(e, null);
      store.setFuel(1e9);
      const linker = new Linker<null>(e);
      linker.funcWrap('wasi', 'thread-spawn', { params: ['i32'], results: ['i32'] }, () => -6);
      linker.funcWrap('wasi_snapshot_preview1', 'proc_exit', { params: ['i32'], results: [] }, () => {});
      linker.define(
        store,
        'env',
        'memory',
        new Memory(store, { limits: { min: 1, max: 16 }, shared: true, index64: false, pageSizeLog2: 16 }),
      );
      linker.instantiate(store, module).getTypedFunc<[], void>('spin').call();
      const spin = 1e9 - store.getFuel();
      expect(spin).toBeGreaterThan(20000);
      // 1.5 spins each: both threads spin once (3 spins' worth in all), which one shared tank could not give
      expect(await runWasiThreads({ module, fuel: Math.ceil(spin * 1.5) })).toEqual({ kind: 'exit', code: 0 });
      const r = await runWasiThreads({ module, fuel: Math.floor(spin / 2) });
      expect(r.kind === 'trap' && r.trap.message).toContain('all fuel consumed');
    });

    it('one descriptor table for all threads: a file main opened is read on by another thread', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'data.txt'), 'shared!');
      const module = new Module(engine(), FDS);
      // main reads "sha" (errno 0); the thread's fd_read of the same descriptor goes on from there: "red!"
      expect(await runWasiThreads({ module, wasi: { preopens: { '/data': dir } } })).toEqual({ kind: 'exit', code: 4 });
    });
  });
}
