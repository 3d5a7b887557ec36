// `Memory`, as in wasmtime: a linear memory of a store (JS-backend memories, host memories of the wasm backend,
// shared memories and their handles for other threads).

import type { MemoryType } from '@wasmts/environ';
import { type HostMemoryBacking, Memory as RuntimeMemory } from '@wasmts/runtime';
import type { Engine } from './engine.js';
import { hostSupport } from './host.js';
import type { Store } from './store.js';
import { unboxed } from './trampoline.js';
import { hostApi } from './wasm-backend/host-api.js';

/**
 * A shared memory as it crosses threads: structured-cloneable, so it can be posted to a Worker, where
 * `Memory.fromShared` makes a `Memory` of the same bytes in that thread's store (see `Memory.share`).
 */
export interface SharedMemoryHandle {
  /** The memory's type (shared). */
  readonly type: MemoryType;
  /** The bytes: the memory's SharedArrayBuffer when wasmts owns them, else null. */
  readonly buffer: SharedArrayBuffer | null;
  /** The host engine's shared `WebAssembly.Memory` when the bytes are its (the wasm backend), else null. */
  readonly host: object | null;
}

/** A linear memory (wasmtime's `Memory`). */
export class Memory {
  /** The runtime memory. */
  readonly raw: RuntimeMemory;
  /** The store the memory belongs to. */
  readonly store: Store<unknown>;

  /**
   * Creates a memory of `type` in `store`, or wraps a runtime memory of `store`. A shared memory is the
   * host engine's shared `WebAssembly.Memory` from the start where the wasm backend may run modules (so a
   * wasm-backend module can import it, and its SharedArrayBuffer never changes identity by a later attach).
   */
  constructor(store: Store<unknown>, type: MemoryType | RuntimeMemory) {
    this.store = store;
    if (type instanceof RuntimeMemory) {
      this.raw = type;
      return;
    }
    const hostShared = type.shared && hostSharedMemories(store.engine, type);
    const hostPlain = !type.shared && hostMemories(store.engine, type);
    const raw = unboxed(
      () =>
        new RuntimeMemory(type, {
          maxBytes: store.tunables.maxMemoryBytes,
          limiter: store.resourceLimiter,
          growInPlace: store.memoriesGrowInPlace,
          ...(hostPlain ? { hostBacked: true } : {}),
        }),
    );
    if (hostShared) {
      const max = type.limits.max as number;
      raw.attachHost(new (hostApi().Memory)({ initial: raw.pages, maximum: max, shared: true }), false);
    } else if (hostPlain) {
      // the buffer a host sees before it instantiates anything (emscripten makes its views then) must be the one
      // wasm-backend code uses after: a memory attached at instantiation would copy the bytes and leave those
      // views over a buffer nothing reads any more
      const max = type.limits.max;
      raw.attachHost(
        new (hostApi().Memory)({ initial: type.limits.min, ...(max !== null ? { maximum: max } : {}) }),
        false,
      );
    }
    this.raw = raw;
  }
  /**
   * A handle to post to a Worker for a shared memory (wasmtime's `SharedMemory`): every thread's `Store`
   * stays its own, and `Memory.fromShared` there is this memory's bytes, growth included. Throws for an
   * unshared memory, or where the host has no SharedArrayBuffer.
   */
  share(): SharedMemoryHandle {
    const raw = this.raw;
    if (!raw.shared) throw new TypeError('only a shared memory can be sent to another thread');
    if (raw.host !== null) return { type: raw.type, buffer: null, host: raw.host };
    if (typeof SharedArrayBuffer !== 'function' || !(raw.buffer instanceof SharedArrayBuffer))
      throw new TypeError('this host has no SharedArrayBuffer: the memory cannot be shared with another thread');
    return { type: raw.type, buffer: raw.buffer, host: null };
  }

  /** The memory of `Memory.share`'s `handle` (posted from another thread) in `store`: the same bytes. */
  static fromShared(store: Store<unknown>, handle: SharedMemoryHandle): Memory {
    const options = { maxBytes: store.tunables.maxMemoryBytes, limiter: store.resourceLimiter };
    if (handle.host !== null) {
      const raw = unboxed(() => new RuntimeMemory(handle.type, { ...options, hostBacked: true }));
      raw.attachHost(handle.host as HostMemoryBacking, false);
      return new Memory(store, raw);
    }
    if (handle.buffer === null) throw new TypeError('a shared memory handle without bytes');
    return new Memory(
      store,
      unboxed(() => new RuntimeMemory(handle.type, { ...options, sharedBuffer: handle.buffer! })),
    );
  }
  /** The memory's type. */
  ty(): MemoryType {
    return this.raw.type;
  }
  /** Current size in pages. */
  size(): number {
    return this.raw.pages;
  }
  /** Current size in bytes. */
  dataSize(): number {
    return this.raw.byteLength;
  }
  /** Grows by `delta` pages; returns the old size in pages, or throws if it cannot grow. */
  grow(delta: number): number {
    const old = unboxed(() => this.raw.grow(delta));
    if (old < 0) throw new RangeError(`failed to grow memory by ${delta} pages`);
    return old;
  }
  /**
   * The memory's bytes: a fresh Uint8Array over the current buffer on each call. Call it again after
   * anything that may grow the memory (growth may replace the buffer).
   */
  data(): Uint8Array {
    // the size first: for a shared memory grown by another thread, reading it takes the new buffer
    const bytes = this.raw.byteLength;
    return new Uint8Array(this.raw.buffer, 0, bytes);
  }
  /** Copies `length` bytes from `offset`; throws a RangeError when out of bounds. */
  read(offset: number, length: number): Uint8Array {
    if (!this.raw.inBounds(offset, length)) throw new RangeError('out of bounds memory access');
    return this.raw.u8.slice(offset, offset + length);
  }
  /** Writes `bytes` at `offset`; throws a RangeError when out of bounds. */
  write(offset: number, bytes: Uint8Array): void {
    if (!this.raw.inBounds(offset, bytes.length)) throw new RangeError('out of bounds memory access');
    this.raw.u8.set(bytes, offset);
  }
}

/** Whether shared memories of `type` are made as the host engine's (see `Memory`'s constructor). */
/**
 * Whether a memory the embedder creates is the host engine's `WebAssembly.Memory` from the start: where the wasm
 * backend may run modules (not `backend: 'js'`, a host with WebAssembly) and the host can make it (32-bit, 64 KiB
 * pages, a size the host accepts).
 */
function hostMemories(engine: Engine, type: MemoryType): boolean {
  if (engine.config.backend === 'js' || type.index64 || type.pageSizeLog2 !== 16 || !hostSupport().available)
    return false;
  return type.limits.min <= 65536 && (type.limits.max === null || type.limits.max <= 65536);
}

function hostSharedMemories(engine: Engine, type: MemoryType): boolean {
  if (engine.config.backend === 'js' || type.index64 || type.pageSizeLog2 !== 16 || type.limits.max === null)
    return false;
  return hostSupport().features.has('threads');
}
