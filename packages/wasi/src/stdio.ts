// stdin, stdout and stderr: a Node fd number, a function, a stream-like object or (stdin) fixed bytes.

import { decodeUtf8, encodeUtf8 } from '@wasmts/environ';
import { Errno } from './constants.js';
import { errnoOfCode, WasiError } from './filesystem.js';
import { loadNodeFs } from './node-fs.js';

/** What stdin may be: a Node fd, bytes or text to read, or a reader returning null at the end. */
export type StdinOption =
  | number
  | string
  | Uint8Array
  | ((maxBytes: number) => Uint8Array | string | null)
  | { read(maxBytes: number): Uint8Array | string | null };

/** What stdout or stderr may be: a Node fd, a function taking each chunk, or a stream-like object. */
export type StdoutOption = number | ((chunk: Uint8Array) => void) | { write(chunk: Uint8Array): unknown };

/** A character stream behind fds 0-2. */
export interface StdioStream {
  /** Reads up to `max` bytes (empty at the end). */
  read(max: number): Uint8Array;
  /** Writes all of `data`. */
  write(data: Uint8Array): void;
}

// Created on first use: a page that is not cross-origin isolated has no SharedArrayBuffer.
let pause: Int32Array | null = null;

/** Blocks for `ms` (Atomics.wait where this thread may block, else a short spin). */
function waitMs(ms: number): void {
  try {
    pause ??= new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(pause, 0, 0, ms);
  } catch {
    const end = Date.now() + ms;
    while (Date.now() < end) {}
  }
}

function bytesOf(v: Uint8Array | string | null): Uint8Array {
  if (v === null) return new Uint8Array(0);
  return typeof v === 'string' ? encodeUtf8(v) : v;
}

function nodeError(e: unknown): WasiError {
  return new WasiError(errnoOfCode((e as { code?: string }).code), (e as Error).message);
}

/** The stream for a stdin option. */
export function stdinStream(opt: StdinOption): StdioStream {
  const write = () => {
    throw new WasiError(Errno.EBADF);
  };
  if (typeof opt === 'number') {
    return {
      read(max) {
        const buf = new Uint8Array(max);
        for (;;) {
          try {
            return buf.subarray(0, loadNodeFs().readSync(opt, buf, 0, max, null));
          } catch (e) {
            const code = (e as { code?: string }).code;
            if (code === 'EOF') return new Uint8Array(0);
            // A non-blocking stdin (a terminal under Node): wait a little and try again.
            if (code !== 'EAGAIN') throw nodeError(e);
            waitMs(10);
          }
        }
      },
      write,
    };
  }
  if (typeof opt === 'string' || opt instanceof Uint8Array) {
    let rest = bytesOf(opt);
    return {
      read(max) {
        const out = rest.subarray(0, max);
        rest = rest.subarray(out.length);
        return out;
      },
      write,
    };
  }
  const reader = typeof opt === 'function' ? opt : (max: number) => opt.read(max);
  let pending: Uint8Array = new Uint8Array(0);
  return {
    read(max) {
      if (pending.length === 0) pending = bytesOf(reader(max));
      const out = pending.subarray(0, max);
      pending = pending.subarray(out.length);
      return out;
    },
    write,
  };
}

/** The stream for a stdout or stderr option. */
export function stdoutStream(opt: StdoutOption): StdioStream {
  const read = (): Uint8Array => {
    throw new WasiError(Errno.EBADF);
  };
  if (typeof opt === 'number') {
    return {
      read,
      write(data) {
        const fs = loadNodeFs();
        let off = 0;
        while (off < data.length) {
          try {
            off += fs.writeSync(opt, data, off, data.length - off);
          } catch (e) {
            if ((e as { code?: string }).code !== 'EAGAIN') throw nodeError(e);
          }
        }
      },
    };
  }
  const sink = typeof opt === 'function' ? opt : (chunk: Uint8Array) => void opt.write(chunk);
  return { read, write: (data) => sink(data.slice()) };
}

/**
 * The host's line printer for the default stdout (`log`) or stderr (`error`): `console` where the host has one,
 * else the shell's `print` (JavaScriptCore, SpiderMonkey, d8); a host with neither fails at the first write.
 */
export function hostLog(which: 'log' | 'error'): (line: string) => void {
  const g = globalThis as { console?: Record<'log' | 'error', (s: string) => void>; print?: (s: string) => void };
  if (typeof g.console?.[which] === 'function') return (line) => g.console![which](line);
  if (typeof g.print === 'function') return (line) => g.print!(line);
  return () => {
    throw new Error('@wasmts/wasi: this host has no console or print: pass `stdout` and `stderr` to the WASI options');
  };
}

/** A sink that prints whole lines with `log` (console.log or console.error), for hosts without Node. */
export function consoleSink(log: (line: string) => void): (chunk: Uint8Array) => void {
  // Bytes are held until a newline: a newline byte never occurs inside a multi-byte UTF-8 sequence.
  let held: Uint8Array[] = [];
  return (chunk) => {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      held.push(chunk.subarray(start, nl));
      log(decodeUtf8(concat(held), { fatal: false }));
      held = [];
      start = nl + 1;
    }
    if (start < chunk.length) held.push(chunk.slice(start));
  };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  n = 0;
  for (const p of parts) {
    out.set(p, n);
    n += p.length;
  }
  return out;
}
