// The engine's in-memory cache of wasm-backend compilations, by content: a second `new Module` of the same bytes on
// the same engine reuses the first one's validated module, instrumented bytes and host module instead of validating,
// instrumenting and compiling again (V8 keeps such a cache of its own native modules; this one covers wasmts's work
// before V8 sees the bytes). `Module.serialize` covers disk; this covers one process.
//
// Lookup is by a hash of the whole input (two 32-bit multiplicative hashes and the length), and a hit is taken only
// when the bytes compare equal to a private copy kept with the entry: a hash collision, found by accident or made on
// purpose, costs one comparison and never hands back another module's code. Entries are held weakly: an entry lives
// as long as some `Module` made from it does, so the cache never keeps a dropped module alive and needs no size limit.

/** Two independent 32-bit hashes of `bytes` and its length, as a map key. Linear in the input, no allocation per byte. */
export function contentKey(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  const n = bytes.length;
  const words = n >>> 2;
  let i = 0;
  // 32-bit little-endian words, then the last bytes one by one. Aligned input reads the words through an
  // Int32Array (the host's byte order: on a big-endian host aligned and unaligned copies of the same bytes would
  // only miss each other, never match wrongly, since a hit compares the bytes).
  if ((bytes.byteOffset & 3) === 0) {
    const w = new Int32Array(bytes.buffer, bytes.byteOffset, words);
    for (; i < words; i++) {
      const k = w[i];
      h1 = Math.imul(h1 ^ k, 0x01000193);
      h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ k;
    }
  } else {
    for (; i < words; i++) {
      const j = i << 2;
      const k = bytes[j] | (bytes[j + 1] << 8) | (bytes[j + 2] << 16) | (bytes[j + 3] << 24);
      h1 = Math.imul(h1 ^ k, 0x01000193);
      h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ k;
    }
  }
  i = words << 2;
  for (; i < n; i++) {
    const k = bytes[i];
    h1 = Math.imul(h1 ^ k, 0x01000193);
    h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ k;
  }
  return `${n}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

/** Whether two byte arrays hold the same bytes (words at a time where both are aligned). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  let i = 0;
  if ((a.byteOffset & 3) === 0 && (b.byteOffset & 3) === 0) {
    const words = n >>> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset, words);
    const wb = new Int32Array(b.buffer, b.byteOffset, words);
    for (; i < words; i++) if (wa[i] !== wb[i]) return false;
    i = words << 2;
  }
  for (; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What a cache entry must hold: the private copy of the bytes it was compiled from. */
export interface CacheEntry {
  readonly bytes: Uint8Array;
}

/**
 * Entries kept under one key at most: inputs that collide on purpose cost each new module at most this many
 * comparisons (linear in its size), and a module that finds the key full is compiled without being cached.
 */
const MAX_PER_KEY = 4;

/** Compilations of one engine by content, held weakly (see the file comment). */
export class ContentCache<E extends CacheEntry> {
  private readonly byKey = new Map<string, WeakRef<E>[]>();
  private readonly forget: FinalizationRegistry<string> | null;

  constructor() {
    this.forget =
      typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((key) => this.sweep(key)) : null;
  }

  /** Whether the host can hold entries weakly (without WeakRef the cache stays empty rather than leak). */
  static get supported(): boolean {
    return typeof WeakRef === 'function' && typeof FinalizationRegistry === 'function';
  }

  /** The live entry made from exactly these bytes, or null. */
  get(key: string, bytes: Uint8Array): E | null {
    const refs = this.byKey.get(key);
    if (refs === undefined) return null;
    for (const ref of refs) {
      const e = ref.deref();
      if (e !== undefined && sameBytes(e.bytes, bytes)) return e;
    }
    return null;
  }

  /** Adds an entry under `key` (its `bytes` must be a copy no one else writes). */
  set(key: string, entry: E): void {
    if (this.forget === null) return;
    const refs = this.byKey.get(key);
    const live = refs === undefined ? [] : refs.filter((r) => r.deref() !== undefined);
    if (live.length >= MAX_PER_KEY) return;
    live.push(new WeakRef(entry));
    this.byKey.set(key, live);
    this.forget.register(entry, key);
  }

  /** How many live entries the cache holds (for tests). */
  get size(): number {
    let n = 0;
    for (const refs of this.byKey.values()) for (const r of refs) if (r.deref() !== undefined) n++;
    return n;
  }

  private sweep(key: string): void {
    const refs = this.byKey.get(key);
    if (refs === undefined) return;
    const live = refs.filter((r) => r.deref() !== undefined);
    if (live.length === 0) this.byKey.delete(key);
    else this.byKey.set(key, live);
  }
}
