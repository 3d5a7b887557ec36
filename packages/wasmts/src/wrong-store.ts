// Cross-store use (wasmtime's "object used with the wrong store"): every extern and function reference
// knows its store, and each API entry that takes a store together with one of them compares the two by
// identity. A store's objects reach another store's instances through nothing else.

/** An extern, instance or function reference was used with a store it does not belong to. */
export class WrongStoreError extends Error {
  /** What was misused (`memory imported as \`env::mem\``, `function`, `funcref argument 0`, ...). */
  readonly what: string;

  /** Creates the error for `what`. */
  constructor(what: string) {
    super(`object used with the wrong store: the ${what} belongs to another store`);
    this.name = 'WrongStoreError';
    this.what = what;
  }
}
