// Global cells (docs/js-abi.md, "Globals"): an i32, i64 or v128 global that only its own instance writes is a view over
// words of that instance's global storage (environ's `globalLayout`), which generated code reads and writes
// directly; any other global is a cell `{ value }`, shared by reference between an exporting and importing instance.

import { floatNumber, type GlobalType, I32, I64, NaNBits, V128 as V128_TYPE, type ValType } from '@wasmts/environ';
import { V128 } from './simd/v128.js';

/** A global variable. */
export class Global {
  /** The current value, in the value representation of `type` (an accessor over `words` when there are words). */
  value: unknown;
  /** The value type (module-relative encoding as declared). */
  readonly type: ValType;
  /** Whether `global.set` is allowed. */
  readonly mutable: boolean;
  /**
   * The global's words in its instance's global storage (an i32 as one, an i64 as two: lo, hi; a v128 as its four
   * lanes), where generated
   * code reads and writes it; null for a cell, whose `value` holds it.
   */
  readonly words: Int32Array | null;
  /** The host backing, once attached (see `attachHost`). */
  private host: { value: unknown } | null = null;

  constructor(type: GlobalType, value: unknown, words: Int32Array | null = null) {
    this.type = type.type;
    this.mutable = type.mutable;
    this.words = words;
    if (words !== null) {
      const w = words;
      if (type.type === I32 && w.length === 1)
        Object.defineProperty(this, 'value', {
          get: () => w[0],
          set: (v: unknown) => {
            w[0] = v as number;
          },
          enumerable: true,
          configurable: true,
        });
      else if (type.type === I64 && w.length === 2)
        Object.defineProperty(this, 'value', {
          get: () => (BigInt(w[1]) << 32n) | BigInt(w[0] >>> 0),
          set: (v: unknown) => {
            w[0] = Number(BigInt.asIntN(32, v as bigint));
            w[1] = Number(BigInt.asIntN(32, (v as bigint) >> 32n));
          },
          enumerable: true,
          configurable: true,
        });
      else if (type.type === V128_TYPE && w.length === 4)
        Object.defineProperty(this, 'value', {
          get: () => new V128(w[0], w[1], w[2], w[3]),
          set: (v: unknown) => {
            const q = v as V128;
            w[0] = q.a;
            w[1] = q.b;
            w[2] = q.c;
            w[3] = q.d;
          },
          enumerable: true,
          configurable: true,
        });
      else throw new Error(`no word form for a global of type ${type.type} in ${w.length} words`);
    }
    // (a global with words may be made without a value: its words are the value, 0 until written)
    if (words === null || value !== null) this.value = value;
  }

  /**
   * Keeps the value in a host backing from now on (e.g. a host engine's global): `value` reads and
   * writes it, so the cell stays the one every instance shares. The current value is written to it first
   * when `copy` is true. A global with words leaves them behind: only code that reads `value` (the wasm
   * backend's) may run against it from then on, which holds since such a global is reachable by no other
   * instance (or never changes).
   */
  attachHost(host: { value: unknown }, copy = true): void {
    if (this.host !== null) throw new Error('the global already has a host backing');
    // a host global holds numbers: a NaN kept as bits (NaNBits) goes in as the NaN number with those bits
    const hostValue = (v: unknown) => (v instanceof NaNBits ? floatNumber(v) : v);
    if (copy && this.mutable) host.value = hostValue(this.value);
    this.host = host;
    Object.defineProperty(this, 'value', {
      get: () => host.value,
      set: (v: unknown) => {
        host.value = hostValue(v);
      },
      enumerable: true,
      configurable: false,
    });
  }

  /** Whether `attachHost` was called. */
  get hostBacked(): boolean {
    return this.host !== null;
  }
}
