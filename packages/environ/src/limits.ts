// Implementation limits: the one place that says how large a module may be. The spec allows up to 2^32 - 1
// of almost everything; like the web engines (the JS API's "Limits" section) and wasmtime we stop earlier,
// so that no count a few bytes can declare makes decoding, validation, code generation or the generated
// code (a JavaScript function with 65,536 parameters is a host SyntaxError) fail with a host error.
// A module over a limit is rejected while decoding or validating with an `ImplementationLimitError`.

import { CompileError, type CompileErrorKind } from './errors.js';

/**
 * The implementation limits. Where the JS API names a limit we use its value; the rest follow V8
 * (`wasm-limits.h`), which is what a module that runs in a browser already satisfies.
 */
export const IMPLEMENTATION_LIMITS = Object.freeze({
  /** Bytes in a module (the JS API: 1 GiB). */
  moduleBytes: 1024 * 1024 * 1024,
  /** Types defined by a module, all rec groups together (the JS API). */
  types: 1_000_000,
  /** Functions, imported and defined (the JS API). */
  functions: 1_000_000,
  /** Imports (the JS API). */
  imports: 1_000_000,
  /** Exports (the JS API). */
  exports: 1_000_000,
  /** Globals, imported and defined (the JS API). */
  globals: 1_000_000,
  /** Tables, imported and defined (the JS API). */
  tables: 100_000,
  /** Memories, imported and defined (the JS API says 1 before multi-memory; V8 allows 100). */
  memories: 100,
  /** Tags, imported and defined (V8). */
  tags: 1_000_000,
  /** Data segments (the JS API). */
  dataSegments: 100_000,
  /** Element segments (the JS API). */
  elementSegments: 10_000_000,
  /** Items in one element segment (V8's table init entries). */
  elementSegmentItems: 10_000_000,
  /** Bytes in one function body, its local declarations included (the JS API). */
  functionBodyBytes: 7_654_321,
  /** Locals of a function, its parameters included (the JS API). */
  locals: 50_000,
  /** Parameters of a function type (so of a function, block, tag or call) (the JS API). */
  functionParams: 1_000,
  /** Results of a function type (the JS API). */
  functionResults: 1_000,
  /** Fields of a struct type (the JS API for GC: so `struct.new` has at most this many operands). */
  structFields: 10_000,
  /** Operands of one `array.new_fixed` (the JS API for GC). */
  arrayNewFixedOperands: 10_000,
  /** Length of a chain of declared supertypes (the GC proposal's JS API: 63). */
  subtypeDepth: 63,
  /** Targets of one `br_table`, its default excluded (V8). */
  brTableTargets: 65_520,
});

/** The name of one implementation limit. */
export type ImplementationLimit = keyof typeof IMPLEMENTATION_LIMITS;

/** A module exceeds one of the `IMPLEMENTATION_LIMITS`; `limit` names it. Still a `CompileError`. */
export class ImplementationLimitError extends CompileError {
  /** Which limit was exceeded. */
  readonly limit: ImplementationLimit;
  /** The limit's value. */
  readonly max: number;

  constructor(limit: ImplementationLimit, message: string, offset: number, kind: CompileErrorKind = 'invalid') {
    super(kind, message, offset);
    this.limit = limit;
    this.max = IMPLEMENTATION_LIMITS[limit];
  }
}

/** Throws an ImplementationLimitError when `count` exceeds `limit`; `what` says what was counted. */
export function checkLimit(limit: ImplementationLimit, count: number, what: string, offset: number): void {
  const max = IMPLEMENTATION_LIMITS[limit];
  if (count > max) {
    throw new ImplementationLimitError(limit, `implementation limit: ${what} ${count} > ${max} (${limit})`, offset);
  }
}
