// The runtime objects that wasm values and references are made of (docs/js-abi.md, "Value
// representations" and "Runtime objects"). Generated code, the runtime and the API share these classes.

import { type TrapCode, trapMessage, type ValType } from '@wasmts/environ';

/** A function with the wasm calling convention: parameters as JS arguments, results as value/array/undefined. */
// biome-ignore lint/suspicious/noExplicitAny: a wasm function's parameters and result are typed by its signature at run time
export type WasmFunction = (...args: any[]) => any;

/** A function reference: the code to call, its engine-wide type id and the instance it closes over. */
export class VMFuncRef {
  /** The JS function to call with the wasm calling convention. */
  fn: WasmFunction;
  /** Engine-wide canonical id of the function's type (see `TypeRegistry`). */
  readonly typeId: number;
  /** The owning runtime instance, or null for host functions. */
  readonly instance: unknown;
  /** An embedder's object for this function (the API's host engine function object), once it has one. */
  host: unknown = undefined;
  /**
   * The store the function belongs to (its instance's store; for a host function, the store it was made
   * for), or null outside any store. The API compares it by identity to refuse cross-store use.
   */
  readonly store: unknown;

  constructor(fn: WasmFunction, typeId: number, instance: unknown = null, store: unknown = null) {
    this.fn = fn;
    this.typeId = typeId;
    this.instance = instance;
    this.store = store;
  }
}

/** An exception tag: an identity object carrying its function type's engine id and parameter types. */
export class Tag {
  /** Engine-wide id of the tag's function type. */
  readonly typeId: number;
  /** Parameter types of the tag, engine-canonical (concrete heap types are engine ids). */
  readonly params: readonly ValType[];
  /**
   * The store the tag belongs to (its instance's, or the store the API made it in), or null outside any
   * store; an exception belongs to its tag's store. The API compares it by identity.
   */
  readonly store: unknown;

  constructor(typeId: number, params: readonly ValType[], store: unknown = null) {
    this.typeId = typeId;
    this.params = params;
    this.store = store;
  }
}

/** A wasm exception (an exnref value). Deliberately not an `Error`: a host `catch` never mistakes it. */
export class WasmException {
  /** The tag the exception was thrown with. */
  readonly tag: Tag;
  /** The exception's payload, in the value representation of the tag's parameters. */
  readonly values: unknown[];

  constructor(tag: Tag, values: unknown[]) {
    this.tag = tag;
    this.values = values;
  }

  /**
   * Set by the API when another engine's exceptions may reach generated code (the wasm backend's host
   * exceptions): returns true for such an object after giving it `tag` and `values`, so `instanceof
   * WasmException` (how generated handlers recognise wasm exceptions) accepts it.
   */
  static adopt: ((x: unknown) => boolean) | null = null;

  static [Symbol.hasInstance](x: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(WasmException, x)) return true;
    return WasmException.adopt?.(x) === true;
  }
}

/** A value a host function threw, boxed so that no wasm `catch` matches it; the entry trampoline unwraps it. */
export class HostError {
  /** What the host threw. */
  readonly error: unknown;

  constructor(error: unknown) {
    this.error = error;
  }
}

/** A host value that entered the any hierarchy (`any.convert_extern`) and would otherwise look like a wasm value. */
export class ExternBox {
  /** The host value. */
  readonly value: unknown;

  constructor(value: unknown) {
    this.value = value;
  }
}

/** A wasm trap: `code` says why; `backtrace` is filled by the API layer. */
export class Trap extends Error {
  /** Why execution stopped. */
  readonly code: TrapCode;
  /** The wasm backtrace, set by the API's entry trampoline (null until then). */
  backtrace: unknown = null;

  constructor(code: TrapCode, message: string = trapMessage(code)) {
    super(message);
    this.name = 'Trap';
    this.code = code;
  }

  /** `Trap: <message>`, then `wasm backtrace:` and its frames once the API layer set them (as wasmtime prints). */
  override toString(): string {
    const frames = this.backtrace === null ? '' : String(this.backtrace);
    return frames === ''
      ? `${this.name}: ${this.message}`
      : `${this.name}: ${this.message}\nwasm backtrace:\n${frames}`;
  }
}
