// `WebAssembly.Memory`: made from a descriptor, `grow` (detaching the old buffer) and `buffer`.

import { ResourceLimitError } from '@wasmts/runtime';
import { Memory as ApiMemory } from '../memory.js';
import { unboxed } from '../trampoline.js';
import { readAddress, readLimits, toBigIntInRange } from './descriptors.js';
import type { Realm } from './realm.js';
import { dictionary, enforceRange, setLength, webidlInterface } from './webidl.js';

/** Defines `WebAssembly.Memory` over `realm`. */
export function defineMemory(realm: Realm): abstract new (...args: never[]) => object {
  const { store, memories } = realm;
  class Memory {
    constructor(descriptor: unknown) {
      const d = dictionary(descriptor, 'WebAssembly.Memory descriptor');
      const index64 = readAddress(d, 'WebAssembly.Memory');
      const { initial, maximum } = readLimits(d, index64, 'WebAssembly.Memory');
      const shared = Boolean(d.shared);
      const maxPages = index64 ? 2 ** 37 : 65536;
      if (initial > maxPages)
        throw new RangeError(`WebAssembly.Memory initial ${initial} is more than ${maxPages} pages`);
      if (maximum !== null && maximum > maxPages)
        throw new RangeError(`WebAssembly.Memory maximum ${maximum} is more than ${maxPages} pages`);
      if (maximum !== null && maximum < initial)
        throw new RangeError('WebAssembly.Memory maximum is less than initial');
      if (shared && maximum === null) throw new TypeError('a shared WebAssembly.Memory needs a maximum');
      let m: ApiMemory;
      try {
        m = new ApiMemory(store, { limits: { min: initial, max: maximum }, shared, index64, pageSizeLog2: 16 });
      } catch (e) {
        throw e instanceof ResourceLimitError ? new RangeError(e.message) : e;
      }
      memories.register(this, m);
    }
    grow(delta: unknown): number | bigint {
      const raw = memories.of(this).raw;
      const d = raw.index64
        ? Number(toBigIntInRange(delta, 'WebAssembly.Memory.grow delta'))
        : enforceRange(delta, 'WebAssembly.Memory.grow delta');
      const old = unboxed(() => raw.grow(d));
      if (old < 0) throw new RangeError(`WebAssembly.Memory.grow: cannot grow by ${d} pages`);
      if (d === 0) raw.refresh();
      return raw.index64 ? BigInt(old) : old;
    }
    get buffer(): ArrayBuffer {
      const raw = memories.of(this).raw;
      // a shared memory may have grown in another thread: reading its size takes the host backing's new buffer
      if (raw.shared) void raw.byteLength;
      // a shared memory's SharedArrayBuffer is frozen, as the spec makes it
      if (raw.shared && !Object.isFrozen(raw.buffer)) Object.freeze(raw.buffer);
      // exactly the memory's size (a guest's growth may have left headroom in the runtime's buffer)
      return raw.exactBuffer() as ArrayBuffer;
    }
  }
  setLength(Memory, 1);
  webidlInterface(Memory, 'WebAssembly.Memory');
  memories.prototype = Memory.prototype;
  return Memory;
}
