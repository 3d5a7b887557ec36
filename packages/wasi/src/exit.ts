// The exit of a WASI program.

/** Thrown by `proc_exit`: carries the exit code out of the wasm call. */
export class WasiExit extends Error {
  /** The exit code. */
  readonly code: number;
  /** Creates an exit with `code`. */
  constructor(code: number) {
    super(`WASI exit with code ${code}`);
    this.name = 'WasiExit';
    this.code = code;
  }
}
