// The WASI object: start, initialize, proc_exit, returnOnExit and the stdio options, driven by small
// hand-written command modules.

import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Engine, Linker, Module, Store } from 'wasmts';
import { MemoryFilesystem, PREVIEW1_FUNCTIONS, WASI, WasiExit, type WasiOptions } from '../src/index.js';
import { tempDir } from './backends.js';

const HELLO = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello\\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 6))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $proc_exit (i32.const 3))))`;

// Copies stdin to stdout, 4 bytes at a time.
const CAT = `(module
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (loop $again
      (i32.store (i32.const 0) (i32.const 64))
      (i32.store (i32.const 4) (i32.const 4))
      (if (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)) (then unreachable))
      (if (i32.eqz (i32.load (i32.const 8))) (then return))
      (i32.store (i32.const 4) (i32.load (i32.const 8)))
      (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 12)))
      (br $again))))`;

const engine = new Engine();

function instantiate(wat: string, options: WasiOptions) {
  const wasi = new WASI(options);
  const linker = new Linker<null>(engine);
  wasi.addToLinker(linker);
  const store = new Store(engine, null);
  return { wasi, instance: linker.instantiate(store, new Module(engine, wat)) };
}

function collect() {
  const chunks: Uint8Array[] = [];
  return {
    sink: (c: Uint8Array) => void chunks.push(c),
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

describe('WASI', () => {
  it('defines every preview1 function', () => {
    expect(PREVIEW1_FUNCTIONS.length).toBe(46);
    const linker = new Linker<null>(engine);
    new WASI({ fs: new MemoryFilesystem() }).addToLinker(linker);
    const store = new Store(engine, null);
    for (const name of PREVIEW1_FUNCTIONS)
      expect(linker.get(store, 'wasi_snapshot_preview1', name), name).toBeDefined();
  });

  it('runs a command and returns its exit code', () => {
    const out = collect();
    const err = collect();
    const { wasi, instance } = instantiate(HELLO, {
      stdout: out.sink,
      stderr: { write: err.sink },
      fs: new MemoryFilesystem(),
    });
    expect(wasi.start(instance)).toBe(3);
    expect(out.text()).toBe('hello\n');
    expect(err.text()).toBe('hello\n');
  });

  it('returns 0 when _start returns', () => {
    const out = collect();
    const { wasi, instance } = instantiate(CAT, { stdin: 'abcdefghij', stdout: out.sink, fs: new MemoryFilesystem() });
    expect(wasi.start(instance)).toBe(0);
    expect(out.text()).toBe('abcdefghij');
  });

  it('reads stdin from bytes, a function or a stream-like object', () => {
    for (const stdin of [
      new TextEncoder().encode('bytes!'),
      (() => {
        const parts = ['fu', 'nction'];
        return () => parts.shift() ?? null;
      })(),
      (() => {
        let done = false;
        return {
          read: (_max: number) => {
            if (done) return null;
            done = true;
            return 'stream';
          },
        };
      })(),
    ]) {
      const out = collect();
      const { wasi, instance } = instantiate(CAT, { stdin, stdout: out.sink, fs: new MemoryFilesystem() });
      expect(wasi.start(instance)).toBe(0);
      expect(['bytes!', 'function', 'stream']).toContain(out.text());
    }
  });

  it('writes to a Node fd', () => {
    const file = join(tempDir(), 'out.txt');
    const fd = openSync(file, 'w');
    const { wasi, instance } = instantiate(HELLO, { stdout: fd, stderr: () => {}, fs: new MemoryFilesystem() });
    expect(wasi.start(instance)).toBe(3);
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('hello\n');
  });

  it('lets proc_exit escape a direct call as WasiExit', () => {
    const { instance } = instantiate(HELLO, { stdout: () => {}, stderr: () => {}, fs: new MemoryFilesystem() });
    try {
      instance.getTypedFunc('_start').call();
      expect.fail('expected WasiExit');
    } catch (e) {
      expect(e).toBeInstanceOf(WasiExit);
      expect((e as WasiExit).code).toBe(3);
    }
  });

  it('exits the process when returnOnExit is false', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      const { wasi, instance } = instantiate(HELLO, {
        returnOnExit: false,
        stdout: () => {},
        stderr: () => {},
        fs: new MemoryFilesystem(),
      });
      wasi.start(instance);
      expect(exit).toHaveBeenCalledWith(3);
    } finally {
      exit.mockRestore();
    }
  });

  it('says clearly what a command lacks', () => {
    const noStart = instantiate('(module (memory (export "memory") 1))', { fs: new MemoryFilesystem() });
    expect(() => noStart.wasi.start(noStart.instance)).toThrow(/_start/);
    const noMemory = instantiate('(module (func (export "_start")))', { fs: new MemoryFilesystem() });
    expect(() => noMemory.wasi.start(noMemory.instance)).toThrow(/memory/);
  });

  it('initializes a reactor', () => {
    const { wasi, instance } = instantiate(
      `(module
        (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
        (memory (export "memory") 1)
        (global $ready (mut i32) (i32.const 0))
        (func (export "_initialize") (global.set $ready (i32.const 1)))
        (func (export "ready") (result i32) (global.get $ready))
        (func (export "rand") (result i32) (call $random (i32.const 0) (i32.const 16))))`,
      { fs: new MemoryFilesystem() },
    );
    wasi.initialize(instance);
    expect(instance.getTypedFunc('ready').call()).toBe(1);
    expect(instance.getTypedFunc('rand').call()).toBe(0);
    const bare = instantiate('(module (memory (export "memory") 1))', { fs: new MemoryFilesystem() });
    expect(() => bare.wasi.initialize(bare.instance)).not.toThrow();
  });

  it('checks preopens when constructed', () => {
    const fs = new MemoryFilesystem({ f: 'x' });
    expect(() => new WASI({ fs, preopens: { '/f': '/f' } })).toThrow(/not a directory/);
    expect(() => new WASI({ fs, preopens: { '/m': '/missing' } })).toThrow();
    expect(() => new WASI({ preopens: { '/m': join(tempDir(), 'missing') } })).toThrow();
  });
});

describe('console sink (hosts without Node.js)', () => {
  it('prints whole lines, across chunks and UTF-8 splits', async () => {
    const { consoleSink } = await import('../src/stdio.js');
    const lines: string[] = [];
    const sink = consoleSink((l) => lines.push(l));
    const bytes = new TextEncoder().encode('héllo\nwor');
    sink(bytes.subarray(0, 2));
    sink(bytes.subarray(2));
    sink(new TextEncoder().encode('ld\n'));
    expect(lines).toEqual(['héllo', 'world']);
  });
});
