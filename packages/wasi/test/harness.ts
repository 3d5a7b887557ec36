// A wasm module that re-exports every preview1 import, so tests call WASI functions directly and look at
// guest memory from the host.

import { Engine, Linker, Module, Store } from 'wasmts';
import { PREVIEW1_FUNCTIONS, preview1Signature, WASI, type WasiOptions } from '../src/index.js';

const types = (s: string) => [...s].map((c) => (c === 'I' ? 'i64' : 'i32')).join(' ');

/** WAT for a module importing `names` (default: all) and exporting a forwarder for each. */
export function forwardingWat(names: readonly string[] = PREVIEW1_FUNCTIONS, extra = ''): string {
  const parts: string[] = ['(module'];
  for (const n of names) {
    const sig = preview1Signature(n)!;
    const res = sig.results === '' ? '' : ' (result i32)';
    parts.push(`  (import "wasi_snapshot_preview1" "${n}" (func $${n} (param ${types(sig.params)})${res}))`);
  }
  parts.push('  (memory (export "memory") 2)');
  for (const n of names) {
    const sig = preview1Signature(n)!;
    const res = sig.results === '' ? '' : ' (result i32)';
    const gets = [...sig.params].map((_, i) => `(local.get ${i})`).join(' ');
    parts.push(`  (func (export "${n}") (param ${types(sig.params)})${res} (call $${n} ${gets}))`);
  }
  parts.push(extra, ')');
  return parts.join('\n');
}

const engine = new Engine();
let cached: Module | null = null;
const enc = new TextEncoder();
const dec = new TextDecoder();

/** A WASI context plus helpers to call functions and read and write guest memory. */
export function setup(options: WasiOptions) {
  const wasi = new WASI(options);
  const store = new Store(engine, null);
  const linker = new Linker<null>(engine);
  wasi.addToLinker(linker);
  cached ??= new Module(engine, forwardingWat());
  const instance = linker.instantiate(store, cached);
  const memory = instance.getMemory('memory')!;
  const view = () => new DataView(memory.data().buffer);
  let scratch = 1024;
  const h = {
    wasi,
    instance,
    memory,
    /** Calls a preview1 function; returns the errno. */
    call(name: string, ...args: (number | bigint)[]): number {
      return instance.getTypedFunc(name).call(...args) as number;
    },
    /** Puts a string at fresh scratch memory; returns [ptr, len]. */
    str(s: string): [number, number] {
      const b = enc.encode(s);
      const p = scratch;
      memory.write(p, b);
      scratch += b.length + 8 - ((b.length + 8) % 8);
      return [p, b.length];
    },
    /** Reserves `n` bytes of scratch memory. */
    alloc(n: number): number {
      const p = scratch;
      scratch += n + 8 - ((n + 8) % 8);
      return p;
    },
    u8: (p: number) => memory.data()[p],
    u16: (p: number) => view().getUint16(p, true),
    u32: (p: number) => view().getUint32(p, true),
    u64: (p: number) => view().getBigUint64(p, true),
    setU32: (p: number, v: number) => view().setUint32(p, v, true),
    text: (p: number, n: number) => dec.decode(memory.read(p, n)),
    /** Opens `path` under `dir`; returns [errno, fd]. */
    open(
      dir: number,
      path: string,
      oflags = 0,
      rights = (1n << 30n) - 1n,
      fdflags = 0,
      dirflags = 1,
    ): [number, number] {
      const [p, l] = h.str(path);
      const out = h.alloc(4);
      const e = h.call('path_open', dir, dirflags, p, l, oflags, rights, rights, fdflags, out);
      return [e, e === 0 ? h.u32(out) : -1];
    },
    /** Writes `data` to `fd`; returns [errno, nwritten]. */
    write(fd: number, data: string): [number, number] {
      const [p, l] = h.str(data);
      const iov = h.alloc(8);
      h.setU32(iov, p);
      h.setU32(iov + 4, l);
      const out = h.alloc(4);
      const e = h.call('fd_write', fd, iov, 1, out);
      return [e, h.u32(out)];
    },
    /** Reads up to `n` bytes from `fd`; returns [errno, text]. */
    read(fd: number, n: number): [number, string] {
      const buf = h.alloc(n);
      const iov = h.alloc(8);
      h.setU32(iov, buf);
      h.setU32(iov + 4, n);
      const out = h.alloc(4);
      const e = h.call('fd_read', fd, iov, 1, out);
      return [e, e === 0 ? h.text(buf, h.u32(out)) : ''];
    },
    /** Calls a path function taking (fd, path, len). */
    path(name: string, fd: number, path: string): number {
      const [p, l] = h.str(path);
      return h.call(name, fd, p, l);
    },
    /** Resets scratch memory. */
    reset() {
      scratch = 1024;
    },
  };
  return h;
}
