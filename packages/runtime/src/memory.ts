// Linear memories (32- and 64-bit). The bytes live in one ArrayBuffer; `dv` and `u8` are views over all
// of it and are replaced (new objects) whenever the buffer changes, as docs/js-abi.md requires; `watch`
// callbacks (the JS backend's cached views) run after each such change.
//
// By default a memory's buffer is an ordinary ArrayBuffer, and growth beyond it allocates a new one and copies
// (as wasm2js does; a guest's growth with headroom, see `grow`): V8 reads and writes typed arrays over resizable buffers several times
// more slowly, and the JS backend's loads and stores go through typed arrays. With `resizable` (pools, to
// reuse buffers), where the host has resizable ArrayBuffers (`new ArrayBuffer(len, { maxByteLength })`),
// a memory reserves room to grow and grows in place; growth past the reservation allocates and copies.
// Shared memories reserve their whole maximum (they never move). Either way the views are rebuilt, and
// the `watch` callbacks run, after every successful grow. A growth that moves the bytes detaches the old
// buffer (`ArrayBuffer.prototype.transfer` where the host has it, else a structured clone that transfers
// it), so a view kept from before sees no bytes rather than stale ones, as with a host engine's memory.
//
// A memory's buffer may be longer than the memory (a pool hands out a zeroed buffer of an earlier tenant's
// size): the views cover only `byteLength` bytes, so the rest stays zero and growth within the buffer
// needs no copy. Nothing ever writes past `byteLength`.

import type { MemoryType } from '@wasmts/environ';
import { ResourceLimitError, type ResourceLimiter } from './limits.js';

/** Most pages of a 32-bit memory with 64 KiB pages (4 GiB). */
export const MAX_PAGES_32 = 65536;
/** Most bytes of a 64-bit memory the engine allows (a JS number stays exact below 2^53; hosts may allow less). */
export const MAX_BYTES_64 = 2 ** 53;
/** Extra room reserved beyond the current size of a growable memory, when the host supports resizing. */
export const DEFAULT_GROWTH_RESERVATION = 64 * 1024 * 1024;

/**
 * Address space reserved beyond a memory's size when it grows in place (`MemoryOptions.growInPlace`): V8 reserves it
 * without committing or zeroing it (3,000 buffers of 1 GiB reservation cost what 3,000 of 3 MB do), and brotli-wasm's
 * growths by 65, 130 and 513 pages stay within it.
 */
export const IN_PLACE_RESERVATION = 256 * 1024 * 1024;

/** The resizing surface of resizable ArrayBuffers and growable SharedArrayBuffers (ES2024, beyond our lib). */
interface ResizingBuffer {
  resize?(n: number): void;
  grow?(n: number): void;
  readonly maxByteLength?: number;
}
const BufferWithMax = ArrayBuffer as unknown as new (len: number, opts?: { maxByteLength: number }) => ArrayBuffer;

/** True if this host has resizable ArrayBuffers. */
export const HAS_RESIZABLE_BUFFERS: boolean =
  typeof (ArrayBuffer.prototype as unknown as { resize?: unknown }).resize === 'function';
const HAS_SHARED_BUFFERS = typeof SharedArrayBuffer === 'function';

/**
 * A memory's bytes kept by the host instead (wasmtime's `MemoryCreator`): the API attaches one so that a
 * host engine's own memory object (which satisfies this shape) and this memory are the same bytes. `grow`
 * returns the old size in pages and throws when it cannot grow; `buffer` is read again after each growth.
 */
export interface HostMemoryBacking {
  readonly buffer: ArrayBuffer;
  grow(deltaPages: number): number;
}

/** Options for creating a memory. */
export interface MemoryOptions {
  /** Engine limit on the memory's size in bytes (e.g. `Tunables.maxMemoryBytes`); applies below the type's max. */
  readonly maxBytes?: number;
  /** The store's limiter, asked before every growth. */
  readonly limiter?: ResourceLimiter | null;
  /**
   * Bytes reserved beyond the current size (at least: twice the size is reserved where that is more) so that
   * growth does not move: resizable buffers, and a guest's growth of an ordinary buffer (see `grow`).
   */
  readonly growthReservation?: number;
  /** Back the memory with a resizable buffer that grows in place (slower typed-array access in V8). */
  readonly resizable?: boolean;
  /**
   * Back the memory with a resizable buffer that grows in place, and still give it a new buffer object at each
   * growth (the bytes move to it without a copy; the old object is detached), as a host engine's memory does. For
   * hosts without a JIT (`Store.memoriesGrowInPlace`): there, copying the whole memory at each growth (a page faulted
   * in for every byte) is most of what growth costs, and typed-array access to a resizable buffer costs what it
   * does to a fixed one, while V8's optimizing tiers read and write views of resizable buffers several times more
   * slowly. Not for shared, host-backed or pooled memories; ignored where the host cannot resize or detach buffers.
   */
  readonly growInPlace?: boolean;
  /**
   * An ordinary buffer whose bytes are **all zero** (a pool's warm slot), used when it holds at least the
   * minimum size: the memory covers its first bytes and grows within it without copying.
   */
  readonly buffer?: ArrayBuffer;
  /**
   * The memory gets its bytes from `attachHost` (a host engine's memory of the minimum size, already
   * initialised) before any use: no buffer is allocated, and until then the memory is empty.
   */
  readonly hostBacked?: boolean;
  /**
   * Shared memories: another thread's shared memory (its `SharedArrayBuffer`, grown in place): this memory
   * is the same bytes, at their current size. See `followSharedGrowth` for growth by other threads.
   */
  readonly sharedBuffer?: SharedArrayBuffer;
}

/** What `Memory.release` gives back: the buffer and how many of its bytes the memory could have written. */
export interface ReleasedBuffer {
  /** The memory's last buffer (ordinary, not shared or resizable). */
  readonly buffer: ArrayBuffer;
  /** Bytes `[0, used)` may hold data; the rest of the buffer was never reachable and is still zero. */
  readonly used: number;
}

/** True if `buffer` is an ordinary ArrayBuffer (not resizable) of at least `bytes` bytes. */
function fits(buffer: ArrayBuffer, bytes: number): boolean {
  return (buffer as unknown as { resizable?: boolean }).resizable !== true && buffer.byteLength >= bytes;
}

const EMPTY_BUFFER = new ArrayBuffer(0);

type Transferable = ArrayBuffer & { transfer?: (bytes?: number) => ArrayBuffer };
type StructuredClone = (v: unknown, o: { transfer: unknown[] }) => unknown;

/**
 * Moves `buffer`'s bytes into a new ArrayBuffer and detaches `buffer`, so every view of it (a
 * `memory.data()` the host kept) has length 0 from then on; no copy on V8. Null where the host can do
 * neither `ArrayBuffer.prototype.transfer` (ES2024) nor `structuredClone` with a transfer list (Node 20).
 */
export function transferBuffer(buffer: ArrayBuffer): ArrayBuffer | null {
  const transfer = (buffer as Transferable).transfer;
  try {
    if (typeof transfer === 'function') return transfer.call(buffer);
    const clone = (globalThis as { structuredClone?: StructuredClone }).structuredClone;
    if (typeof clone === 'function') return clone(buffer, { transfer: [buffer] }) as ArrayBuffer;
  } catch {
    // a buffer that cannot be detached
  }
  return null;
}

/**
 * True if this host moves a resizable buffer's bytes to a new resizable buffer object, detaching the old one
 * (`transfer`, or `structuredClone` with a transfer list): what `MemoryOptions.growInPlace` needs. Asked on the
 * first such memory, not when this module loads: the probe detaches a buffer, and V8's first detach in a process
 * invalidates its ArrayBufferDetaching protector for good, after which every optimized DataView and typed-array
 * access tests its buffer's detached bit (simd-gemm ~9% slower on the JS backend; see the runtime README).
 */
let canDetachMemo: boolean | undefined;
function canDetach(): boolean {
  canDetachMemo ??= probeDetach();
  return canDetachMemo;
}

function probeDetach(): boolean {
  if (!HAS_RESIZABLE_BUFFERS) return false;
  try {
    const b = new BufferWithMax(8, { maxByteLength: 16 });
    const moved = transferBuffer(b) as (ArrayBuffer & { resizable?: boolean }) | null;
    return moved !== null && moved !== b && b.byteLength === 0 && moved.resizable === true && moved.byteLength === 8;
  } catch {
    return false;
  }
}

/**
 * `buffer.transfer(bytes)` where the host has it (ES2024): a buffer of `bytes` bytes holding the old one's
 * contents (zeros beyond), the old one detached, often without a copy. Null where the host lacks it.
 */
function transferResized(buffer: ArrayBuffer | SharedArrayBuffer, bytes: number): ArrayBuffer | null {
  const transfer = (buffer as Transferable).transfer;
  if (typeof transfer !== 'function' || buffer === EMPTY_BUFFER) return null;
  try {
    return transfer.call(buffer, bytes);
  } catch {
    return null;
  }
}

/** True for a growable SharedArrayBuffer (ES2024), which grows in place and whose views can track its length. */
function isGrowableShared(buffer: ArrayBufferLike): boolean {
  return (
    HAS_SHARED_BUFFERS && buffer instanceof SharedArrayBuffer && (buffer as { growable?: boolean }).growable === true
  );
}

/**
 * A view of the memory's `bytes` bytes of `buffer`; over a growable SharedArrayBuffer a length-tracking view
 * (the buffer is exactly the memory's bytes), so growth by another thread is seen without a new view.
 */
function sharedView<V>(
  buffer: ArrayBuffer | SharedArrayBuffer,
  View: new (b: ArrayBufferLike, offset?: number, length?: number) => V,
  bytes: number,
): V {
  return isGrowableShared(buffer) && buffer.byteLength === bytes ? new View(buffer) : new View(buffer, 0, bytes);
}

/** Throws unless another thread's shared memory of `have` bytes fits a type of `min`..`max` bytes. */
function checkSharedSize(have: number, min: number, max: number, pageSize: number): void {
  if (have < min || have > max || have % pageSize !== 0)
    throw new RangeError(`a shared memory of ${have} bytes does not fit this memory type (${min} to ${max} bytes)`);
}

/** Largest page count the engine allows for a memory of this index type and page size. */
export function engineMaxPages(index64: boolean, pageSizeLog2: number): number {
  const pageSize = 2 ** pageSizeLog2;
  if (index64) return Math.floor(MAX_BYTES_64 / pageSize);
  return pageSize === 1 ? 2 ** 32 - 1 : 2 ** 32 / pageSize;
}

/** A linear memory instance. */
export class Memory {
  /** The memory's declared type. */
  readonly type: MemoryType;
  /** memory64: addresses and sizes are i64 (bigint). */
  readonly index64: boolean;
  /** Shared (threads) memory. */
  readonly shared: boolean;
  /** Bytes per page (65536 unless custom-page-sizes). */
  readonly pageSize: number;
  /** The most pages this memory can have: its declared max, capped by the engine's limits. */
  readonly maxPages: number;
  /** The current backing buffer. */
  buffer: ArrayBuffer | SharedArrayBuffer;
  /** A DataView over the whole memory; a new object after each change of buffer or size. */
  dv: DataView;
  /** A Uint8Array over the whole memory; a new object after each change of buffer or size. */
  u8: Uint8Array;
  /** Current size in bytes. */
  byteLength: number;
  /** The store's limiter, or null. */
  limiter: ResourceLimiter | null;
  private readonly growthReservation: number;
  private readonly resizable: boolean;
  /** `MemoryOptions.growInPlace`, where the host has resizable buffers and can detach them. */
  private readonly inPlace: boolean;
  private readonly watchers: (() => void)[] = [];
  private released = false;
  /**
   * True once `exactBuffer` handed the buffer out since the memory last grew: the host reads the buffer after
   * growth (JS glue's cached views), so the guest's next growth allocates exactly (headroom would be copied away
   * again at the next read).
   */
  private exposed = false;
  /** The host backing, once attached (see `attachHost`); null while the memory owns its buffer. */
  host: HostMemoryBacking | null = null;
  /** The size the host backing must have when the memory was created `hostBacked` (-1 otherwise). */
  private pendingHostBytes = -1;
  private followsSharedGrowth = false;

  /** Allocates the memory at its minimum size; throws `ResourceLimitError` if that is impossible. */
  constructor(type: MemoryType, options: MemoryOptions = {}) {
    this.type = type;
    this.index64 = type.index64;
    this.shared = type.shared;
    this.pageSize = 2 ** type.pageSizeLog2;
    this.limiter = options.limiter ?? null;
    this.growthReservation = options.growthReservation ?? DEFAULT_GROWTH_RESERVATION;
    this.resizable = options.resizable ?? false;
    this.inPlace =
      options.growInPlace === true && !type.shared && HAS_RESIZABLE_BUFFERS && !this.resizable && canDetach();
    let maxPages = engineMaxPages(type.index64, type.pageSizeLog2);
    if (type.limits.max !== null) maxPages = Math.min(maxPages, type.limits.max);
    if (options.maxBytes !== undefined) maxPages = Math.min(maxPages, Math.floor(options.maxBytes / this.pageSize));
    this.maxPages = maxPages;
    const min = type.limits.min;
    const bytes = min * this.pageSize;
    if (min > maxPages) {
      throw new ResourceLimitError(
        `memory minimum size of ${min} pages exceeds memory limits (at most ${maxPages} pages)`,
      );
    }
    if (this.limiter !== null && !this.limiter.memoryGrowing(0, bytes, this.maxBytesOrNull())) {
      throw new ResourceLimitError(`memory minimum size of ${min} pages exceeds the store's memory limits`);
    }
    if (options.hostBacked === true) {
      this.pendingHostBytes = bytes;
      this.buffer = EMPTY_BUFFER;
      this.byteLength = 0;
      this.dv = new DataView(EMPTY_BUFFER);
      this.u8 = new Uint8Array(EMPTY_BUFFER);
      return;
    }
    const shared = options.sharedBuffer;
    if (shared !== undefined) {
      if (!this.shared) throw new TypeError('a sharedBuffer is for a shared memory type');
      checkSharedSize(shared.byteLength, bytes, maxPages * this.pageSize, this.pageSize);
      this.buffer = shared;
      this.byteLength = shared.byteLength;
      this.dv = sharedView(shared, DataView, shared.byteLength);
      this.u8 = sharedView(shared, Uint8Array, shared.byteLength);
      this.followSharedGrowth();
      return;
    }
    const given = options.buffer;
    const buffer = given !== undefined && !this.shared && fits(given, bytes) ? given : this.allocate(bytes);
    if (buffer === null) {
      throw new ResourceLimitError(`cannot allocate a memory of ${min} pages (${bytes} bytes) on this host`);
    }
    this.buffer = buffer;
    this.byteLength = bytes;
    this.dv = sharedView(buffer, DataView, bytes);
    this.u8 = sharedView(buffer, Uint8Array, bytes);
    if (this.shared) this.followSharedGrowth();
  }

  /**
   * A shared memory may be grown by another thread (an instance in a Worker over the same bytes), which this
   * agent is not told about: `byteLength` becomes a read of the bytes' current length. A growable
   * SharedArrayBuffer's views track its length by themselves (`sharedView`); a host backing's buffer is a new
   * object after growth, so the views are replaced (and the `watch` callbacks run) when its length changed.
   */
  private followSharedGrowth(): void {
    if (this.followsSharedGrowth) return;
    this.followsSharedGrowth = true;
    let bytes = this.byteLength;
    Object.defineProperty(this, 'byteLength', {
      configurable: true,
      enumerable: true,
      get: () => {
        const host = this.host;
        if (host !== null) {
          const b = host.buffer;
          if (b.byteLength !== bytes) this.setBuffer(b, b.byteLength);
        } else if (this.buffer.byteLength > bytes && isGrowableShared(this.buffer)) bytes = this.buffer.byteLength;
        return bytes;
      },
      set: (v: number) => {
        bytes = v;
      },
    });
  }

  /**
   * Calls `fn` now and again after every change of buffer or size (growth, `release`): compiled code keeps
   * its own views of the memory (typed arrays, the DataView, the length) and rebuilds them from here.
   */
  watch(fn: () => void): void {
    this.watchers.push(fn);
    fn();
  }

  /**
   * Moves the memory's bytes into a host backing of the same size (copied unless `copy` is false, for a
   * backing that already holds them): from then on `buffer` is the backing's and growth goes through it.
   * Watchers run, as after a growth.
   */
  attachHost(host: HostMemoryBacking, copy = true): void {
    if (this.host !== null) throw new Error('the memory already has a host backing');
    if (this.released) throw new Error('the memory was released');
    let bytes = this.pendingHostBytes >= 0 ? this.pendingHostBytes : this.byteLength;
    if (this.shared && !copy && this.pendingHostBytes >= 0) {
      // another thread's shared memory, at whatever size it has grown to
      checkSharedSize(host.buffer.byteLength, bytes, this.maxPages * this.pageSize, this.pageSize);
      bytes = host.buffer.byteLength;
    }
    if (host.buffer.byteLength !== bytes)
      throw new RangeError(`host memory of ${host.buffer.byteLength} bytes for a memory of ${bytes}`);
    if (copy) new Uint8Array(host.buffer, 0, this.byteLength).set(this.u8);
    this.pendingHostBytes = -1;
    this.host = host;
    this.setBuffer(host.buffer, bytes);
    if (this.shared) this.followSharedGrowth();
  }

  /** Current size in pages. */
  get pages(): number {
    return this.byteLength / this.pageSize;
  }

  private maxBytesOrNull(): number | null {
    return this.type.limits.max === null ? null : this.maxPages * this.pageSize;
  }

  /** The bytes a buffer reserves for a memory of `bytes` bytes that may grow: twice, or the reservation more. */
  private reserve(bytes: number): number {
    // in place, `IN_PLACE_RESERVATION` more at least (address space only: programs grow by tens of MB at once)
    const room = this.inPlace ? Math.max(this.growthReservation, IN_PLACE_RESERVATION) : this.growthReservation;
    return Math.min(this.maxPages * this.pageSize, Math.max(bytes * 2, bytes + room));
  }

  /** A new buffer of `bytes` bytes with room to grow where the host allows, or null if it cannot be had. */
  private allocate(bytes: number): ArrayBuffer | SharedArrayBuffer | null {
    const maxBytes = this.maxPages * this.pageSize;
    if (this.shared && HAS_SHARED_BUFFERS) {
      // A shared memory never moves: reserve its whole maximum.
      try {
        const SAB = SharedArrayBuffer as unknown as new (n: number, o?: { maxByteLength: number }) => SharedArrayBuffer;
        return maxBytes > bytes ? new SAB(bytes, { maxByteLength: maxBytes }) : new SAB(bytes);
      } catch {
        // fall through to an ordinary buffer sized as asked
      }
    }
    if ((this.resizable || this.inPlace) && HAS_RESIZABLE_BUFFERS && maxBytes > bytes) {
      // in place: twice the size at least, so that the copies when a reservation runs out add up to the final size
      const reserve = this.reserve(bytes);
      try {
        return new BufferWithMax(bytes, { maxByteLength: reserve });
      } catch {
        // the reservation is beyond the host: try an exact buffer
      }
    }
    try {
      return new ArrayBuffer(bytes);
    } catch {
      return null;
    }
  }

  /**
   * Grows by `delta` pages; returns the old size in pages, or -1 (never throws) if the memory cannot grow.
   * `headroom` (the guest's `memory.grow`, which a guest's allocator repeats as its heap grows): a growth that must
   * move the bytes allocates twice the new size (or `growthReservation` more, within the maximum), so the
   * next growths stay within the buffer and copy nothing (copying the whole memory at each of ruby.wasm's 20
   * growths cost half its run time); not after `exactBuffer` handed the buffer out since the last growth.
   */
  grow(delta: number, headroom = false): number {
    const old = this.pages;
    if (delta === 0) return old;
    if (this.released || this.pendingHostBytes >= 0) return -1;
    if (!(delta > 0) || delta > this.maxPages - old) return -1;
    const newBytes = (old + delta) * this.pageSize;
    if (this.limiter !== null && !this.limiter.memoryGrowing(this.byteLength, newBytes, this.maxBytesOrNull())) {
      return -1;
    }
    if (this.host !== null) {
      try {
        this.host.grow(delta);
      } catch {
        return -1;
      }
      this.setBuffer(this.host.buffer, newBytes);
      return old;
    }
    const buf = this.buffer as unknown as ResizingBuffer;
    const room = buf.maxByteLength ?? 0;
    let next: ArrayBuffer | SharedArrayBuffer | null = null;
    try {
      // A buffer longer than the memory (a pool's) already holds zeroes beyond it: new views, no copy.
      if (newBytes <= this.buffer.byteLength) next = this.buffer;
      else if (typeof buf.resize === 'function' && newBytes <= room) {
        buf.resize(newBytes);
        // a new object over the same bytes, the old one detached: views kept from before see no bytes
        next = this.inPlace ? (transferBuffer(this.buffer as ArrayBuffer) ?? this.buffer) : this.buffer;
      } else if (typeof buf.grow === 'function' && newBytes <= room) {
        buf.grow(newBytes);
        next = this.buffer;
      }
    } catch {
      return -1;
    }
    if (next === null) {
      if (this.shared && HAS_SHARED_BUFFERS && this.buffer instanceof SharedArrayBuffer) return -1;
      const room =
        headroom && !this.exposed && !this.resizable && !this.inPlace && !this.shared
          ? this.reserve(newBytes)
          : newBytes;
      const moved =
        this.resizable || this.inPlace
          ? null
          : ((room > newBytes ? transferResized(this.buffer, room) : null) ?? transferResized(this.buffer, newBytes));
      if (moved !== null) next = moved;
      else {
        // headroom is an optimisation: a host that cannot allocate it gets the exact size
        next = (room > newBytes ? this.allocate(room) : null) ?? this.allocate(newBytes);
        if (next === null) return -1;
        new Uint8Array(next, 0, this.byteLength).set(this.u8);
        // views kept from before see no bytes rather than stale ones (as with a host engine's memory)
        if (this.buffer instanceof ArrayBuffer && this.buffer !== EMPTY_BUFFER) transferBuffer(this.buffer);
      }
    }
    this.setBuffer(next, newBytes);
    this.exposed = false;
    return old;
  }

  /**
   * The memory's bytes as an ArrayBuffer of exactly `byteLength` bytes, as the JS API's `Memory.buffer` shows them:
   * a buffer longer than the memory (headroom of a guest's growth, a pool's warm buffer) is first moved into an
   * exact one (copied; the old one detached, the views replaced and the `watch` callbacks run, as after a growth).
   * A shared or host-backed memory's buffer is returned as it is.
   */
  exactBuffer(): ArrayBuffer | SharedArrayBuffer {
    this.exposed = true;
    const buffer = this.buffer;
    if (this.shared || this.host !== null || this.released || buffer.byteLength === this.byteLength) return buffer;
    if ((buffer as unknown as { resizable?: boolean }).resizable === true) return buffer;
    const exact = new ArrayBuffer(this.byteLength);
    new Uint8Array(exact).set(this.u8);
    if (buffer instanceof ArrayBuffer && buffer !== EMPTY_BUFFER) transferBuffer(buffer);
    this.setBuffer(exact, this.byteLength);
    return exact;
  }

  /**
   * Moves the bytes to a new buffer object of the same size and detaches the old one, as a growth that
   * moves does (the JS API's `memory.grow(0)` replaces the buffer too). Nothing happens for a shared
   * memory, a host-backed one, a resizable buffer (but one that grows in place), or a host that cannot detach
   * buffers.
   */
  refresh(): void {
    if (this.shared || this.host !== null || this.released || this.resizable) return;
    const old = this.buffer as ArrayBuffer;
    if (old.byteLength !== this.byteLength) return;
    const moved = old === EMPTY_BUFFER ? null : transferBuffer(old);
    if (moved !== null) this.setBuffer(moved, this.byteLength);
  }

  private setBuffer(buffer: ArrayBuffer | SharedArrayBuffer, bytes: number): void {
    this.buffer = buffer;
    this.byteLength = bytes;
    this.dv = sharedView(buffer, DataView, bytes);
    this.u8 = sharedView(buffer, Uint8Array, bytes);
    for (const fn of this.watchers) fn();
  }

  /**
   * Takes the memory's buffer back for reuse (a pool's deallocation): the memory becomes empty, so code
   * that still holds it traps instead of seeing the next owner's bytes, and its `watch` callbacks are
   * dropped. Returns the buffer with the count of bytes that may hold data (the caller zeroes them before
   * reuse), or null for a shared or resizable buffer.
   */
  release(): ReleasedBuffer | null {
    if (this.host !== null) {
      // a host engine's memory cannot hand its bytes to another memory: nothing to reuse. Growing it by 0
      // pages detaches its buffer (the JS API refreshes it), so the views the host kept are revoked too.
      try {
        this.host.grow(0);
      } catch {
        // a backing that cannot grow keeps its buffer
      }
      this.host = null;
      this.setBuffer(EMPTY_BUFFER, 0);
      this.watchers.length = 0;
      this.released = true;
      return null;
    }
    const old = this.buffer;
    const used = this.byteLength;
    this.setBuffer(EMPTY_BUFFER, 0);
    this.watchers.length = 0;
    this.released = true;
    const reusable = old instanceof ArrayBuffer && (old as unknown as { resizable?: boolean }).resizable !== true;
    return reusable ? { buffer: old, used } : null;
  }

  /** A copy of `length` bytes at `address`; throws RangeError when out of bounds. */
  read(address: number, length: number): Uint8Array {
    if (!this.inBounds(address, length)) throw new RangeError('out of bounds memory access');
    return this.u8.slice(address, address + length);
  }

  /** Writes `bytes` at `address`; throws RangeError when out of bounds (nothing is written then). */
  write(address: number, bytes: Uint8Array): void {
    if (!this.inBounds(address, bytes.length)) throw new RangeError('out of bounds memory access');
    this.u8.set(bytes, address);
  }

  /** True if `[address, address + length)` lies inside the memory. */
  inBounds(address: number, length: number): boolean {
    return address >= 0 && length >= 0 && address + length <= this.byteLength;
  }
}
