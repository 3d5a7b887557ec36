// The epoch clock: a ticker that needs no thread. Where no Worker can advance the engine's epoch counter while a
// guest runs on the only thread (a page without SharedArrayBuffer, JavaScriptCore's shell, Hermes), the counter
// advances from the host's clock instead, whenever the runtime looks at it from a hook (README.md, "Epoch clock").

/** Hook calls between two reads of the clock on the JS backend (whose every epoch check calls the hook). */
export const EPOCH_CLOCK_SAMPLE = 64;

/** Milliseconds on the host's best clock: `performance.now()`, else `Date.now()` (Hermes, some shells). */
export function hostClock(): () => number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf !== undefined && typeof perf.now === 'function' ? () => perf.now() : () => Date.now();
}

/**
 * Advances an epoch counter by one per `intervalMs` of `now()`, applied when `advance` is called (not between):
 * the counter moves by whole intervals, and the time left over counts towards the next tick.
 */
export class EpochClock {
  /** Hook calls left before `poll` reads the clock again (engine-wide: shared by the stores of the engine). */
  skip = 1;
  private last: number;

  constructor(
    readonly counter: Float64Array,
    readonly intervalMs: number,
    private readonly now: () => number = hostClock(),
  ) {
    if (!(intervalMs > 0)) throw new RangeError('the epoch clock interval must be positive');
    this.last = now();
  }

  /** Reads the clock and adds the intervals that passed since the last tick to the counter. */
  advance(): void {
    const t = this.now();
    const d = t - this.last;
    if (d < this.intervalMs) {
      // a clock that went back (Date.now() after a system clock change) restarts the interval from now
      if (d < 0) this.last = t;
      return;
    }
    const ticks = Math.floor(d / this.intervalMs);
    this.counter[0] += ticks;
    this.last += ticks * this.intervalMs;
  }

  /** At a hook: reads the clock every `EPOCH_CLOCK_SAMPLE` calls (`advance`); returns false on the calls between. */
  poll(): boolean {
    if (--this.skip > 0) return false;
    this.skip = EPOCH_CLOCK_SAMPLE;
    this.advance();
    return true;
  }
}
