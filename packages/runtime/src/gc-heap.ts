// A store's GC heap account (JS backend). GC objects are host JS objects, so the store cannot see its
// heap; it keeps an approximate count by a cost model and traps before an allocation would pass the
// limit, instead of letting the host run out of heap and kill the process.
//
// Cost model: an object costs GC_OBJECT_BYTES plus GC_SLOT_BYTES per field or element (a JS object
// header and one tagged slot each; packed i8/i16 elements cost a slot too, as they are stored).
//
// Charged on every allocation, credited when the host's collector has collected objects: each object
// of at least GC_TRACKED_BYTES is registered with a FinalizationRegistry, and of smaller ones one per
// GC_SAMPLE_BYTES window is (its window's bytes as the credit), the one chosen at random so a guest
// cannot keep exactly the unregistered ones alive. Finalization callbacks run between host tasks,
// never inside a synchronous call: when a charge would pass the limit, the account is first capped
// by what the host reports as its whole heap in use (Node's `process.memoryUsage().heapUsed`, looked
// up at that moment; without it nothing is capped), and only then does the allocation trap. So a
// call that keeps what it allocates stops near the limit, and a call that churns through garbage is
// stopped only if the host's own heap grows that far.

import { TrapCode } from '@wasmts/environ';
import { Trap } from './values.js';

/** Bytes an object costs before its fields or elements. */
export const GC_OBJECT_BYTES = 16;
/** Bytes each field or element costs. */
export const GC_SLOT_BYTES = 8;
/**
 * Most elements of one array (2^25): V8 gives `new Array(n)` a flat backing store only up to this length
 * (beyond it a dictionary, ten times larger and slower, and past 2^27 a fatal error), so a longer
 * `array.new` traps with `AllocationTooLarge`. An implementation limit of the JS backend.
 */
export const GC_MAX_ARRAY_LENGTH = 2 ** 25;
/** Objects costing at least this many bytes are each tracked for their collection. */
export const GC_TRACKED_BYTES = 4096;
/** Smaller objects: one object per window of this many bytes is tracked, weighted by the window. */
export const GC_SAMPLE_BYTES = 65536;

/** Asks whether the store's GC heap may grow to `desired` bytes (the store's limiter), or null. */
export type GcHeapGrowing = (current: number, desired: number, maximum: number) => boolean;

type Credit = { account: GcHeapAccount; bytes: number };

const collected: FinalizationRegistry<Credit> | null =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry((c: Credit) => {
        c.account.bytes = Math.max(0, c.account.bytes - c.bytes);
      })
    : null;

/** What the host reports as its heap in use, or +Infinity when it reports nothing. */
function hostHeapUsed(): number {
  const proc = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process;
  const used = proc?.memoryUsage?.().heapUsed;
  return typeof used === 'number' ? used : Number.POSITIVE_INFINITY;
}

/** The cost of an object with `slots` fields or elements. */
export function gcObjectBytes(slots: number): number {
  return GC_OBJECT_BYTES + slots * GC_SLOT_BYTES;
}

/** One store's GC heap account. */
export class GcHeapAccount {
  /** Bytes held by the cost model (charged minus credited). */
  bytes = 0;
  /** Bytes of small objects charged in the current sample window. */
  private window = 0;
  /** Where in the current window the tracked object is. */
  private pick = Math.random() * GC_SAMPLE_BYTES;

  /**
   * @param maximum the store's limit (`Tunables.maxGcHeapBytes`)
   * @param growing the store's limiter hook, asked before the account passes a limit it allowed before
   */
  constructor(
    readonly maximum: number,
    private readonly growing: () => GcHeapGrowing | null = () => null,
  ) {}

  /** Bytes the limiter last allowed (asked again only beyond them). */
  private allowed = 0;

  /**
   * Charges an object of `bytes` before it is allocated: traps `AllocationTooLarge` when it alone is
   * over the limit, `GcHeapOutOfMemory` when the account would pass it.
   */
  charge(bytes: number): void {
    const desired = this.bytes + bytes;
    if (desired > this.allowed) this.grow(bytes);
    this.bytes += bytes;
  }

  private grow(bytes: number): void {
    if (bytes > this.maximum) throw new Trap(TrapCode.AllocationTooLarge);
    let desired = this.bytes + bytes;
    if (desired > this.maximum) {
      // garbage the host has collected may not be credited yet: nothing live exceeds the host's heap
      const used = hostHeapUsed();
      if (used < this.bytes) this.bytes = used;
      desired = this.bytes + bytes;
      if (desired > this.maximum) throw new Trap(TrapCode.GcHeapOutOfMemory);
    }
    const limiter = this.growing();
    if (limiter === null) {
      this.allowed = this.maximum;
      return;
    }
    // ask for room in steps of GC_SAMPLE_BYTES (the limiter is not asked on every allocation), then for
    // exactly what this allocation needs
    const step = Math.min(this.maximum, desired + GC_SAMPLE_BYTES);
    if (limiter(this.bytes, step, this.maximum)) this.allowed = step;
    else if (limiter(this.bytes, desired, this.maximum)) this.allowed = desired;
    else throw new Trap(TrapCode.GcHeapOutOfMemory);
  }

  /**
   * Charges and tracks an object already allocated (for objects whose size is bounded by the module's
   * types, like structs: allocating first does not let the guest pass the limit by more than one object).
   */
  add(object: object, bytes: number): void {
    this.charge(bytes);
    this.track(object, bytes);
  }

  /** Tracks an allocated object of `bytes` for the credit when the host collects it. */
  track(object: object, bytes: number): void {
    if (collected === null) return;
    if (bytes >= GC_TRACKED_BYTES) {
      collected.register(object, { account: this, bytes });
      return;
    }
    const before = this.window;
    this.window += bytes;
    if (before <= this.pick && this.pick < this.window)
      collected.register(object, { account: this, bytes: GC_SAMPLE_BYTES });
    if (this.window >= GC_SAMPLE_BYTES) {
      this.window -= GC_SAMPLE_BYTES;
      this.pick = Math.random() * GC_SAMPLE_BYTES;
    }
  }
}
