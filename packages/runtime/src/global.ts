// Global cells (docs/js-abi.md): `{ value }`, shared by reference between an exporting and importing instance.

import { floatNumber, type GlobalType, NaNBits, type ValType } from '@wasmts/environ';

/** A global variable's cell. */
export class Global {
  /** The current value, in the value representation of `type`. */
  value: unknown;
  /** The value type (module-relative encoding as declared). */
  readonly type: ValType;
  /** Whether `global.set` is allowed. */
  readonly mutable: boolean;

  constructor(type: GlobalType, value: unknown) {
    this.type = type.type;
    this.mutable = type.mutable;
    this.value = value;
  }

  /**
   * Keeps the value in a host backing from now on (e.g. a host engine's global): `value` reads and
   * writes it, so the cell stays the one every instance shares. The current value is written to it first
   * when `copy` is true.
   */
  attachHost(host: { value: unknown }, copy = true): void {
    if (Object.getOwnPropertyDescriptor(this, 'value')?.get !== undefined)
      throw new Error('the global already has a host backing');
    // a host global holds numbers: a NaN kept as bits (NaNBits) goes in as the NaN number with those bits
    const hostValue = (v: unknown) => (v instanceof NaNBits ? floatNumber(v) : v);
    if (copy && this.mutable) host.value = hostValue(this.value);
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
    return Object.getOwnPropertyDescriptor(this, 'value')?.get !== undefined;
  }
}
