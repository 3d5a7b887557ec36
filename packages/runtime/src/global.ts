// Global cells (docs/js-abi.md): `{ value }`, shared by reference between an exporting and importing instance.

import type { GlobalType, ValType } from '@wasmts/environ';

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
}
