// The JS backend's own implementation limits: the shapes of wasm it does not translate. Every module the
// validator accepts either compiles or fails with a `CodegenLimitError` naming the limit, never with a host
// `RangeError` or `SyntaxError` (packages/codegen/README.md, "Nesting").

import { CompileError } from '@wasmts/environ';

/**
 * Nesting depth of control frames (the function's own included) up to which code is emitted as nested JS
 * statements. A construct deeper than this opens a flat region: a `for (;;) switch (st)` state machine in
 * which blocks, loops, ifs and try_tables nest no further, so every JS parser accepts the output (V8's
 * parser overflowed its stack at about 1,000 nested loops).
 */
export const MAX_STRUCTURED_DEPTH = 100;

/**
 * Height (nesting inside itself, itself included) up to which a construct deeper than `MAX_STRUCTURED_DEPTH` is
 * still emitted as nested JS statements, an island in the flat region (or below the depth, without one): so the
 * output nests at most `MAX_STRUCTURED_DEPTH` plus this many frames, and only constructs with deep code inside
 * become cases. An interpreter's dispatch (a `br_table` under hundreds of nested blocks, a case body after each
 * block's end) keeps its case bodies' ifs and loops as JS statements instead of a state machine's cases.
 */
export const ISLAND_HEIGHT = 32;

/**
 * Characters of generated JS above which a function body is split into pieces, each a JS function of its own
 * (README.md, "Splitting large functions"): V8 never optimizes a function of more than 61,440 bytes of bytecode
 * (`--max-optimized-bytecode-size`), and a character of this backend's output is 0.65-0.85 bytes of it (measured on
 * hash-wasm's sha512 and blake2b). The body is cut only between operators of the function's own frame, into pieces
 * of half this size to this size where it can be cut there (longer where it cannot: a function whose code is one
 * large loop is not split). Pieces, and a body left whole, are up to `OUTLINE_FACTOR` times this long in a function
 * of at most `WIDE_REGISTERS` variables.
 */
export const SPLIT_CHARS = 40_000;

/**
 * A piece (or an unsplit body) longer than `OUTLINE_FACTOR` times `SPLIT_CHARS` gets statements moved into closures
 * (README.md, "Outlining"); one between the two limits stays whole. An outlined closure shares the function's
 * variables through V8's context (a memory access per use, where a local is a register): x25519's 47,288-character
 * ladder (38,511 bytes of bytecode, well under V8's 61,440) ran twice as slow outlined. 60,000 characters stay under
 * the bytecode limit at the highest ratio measured (0.85 bytes per character, hash-wasm's sha512).
 */
export const OUTLINE_FACTOR = 1.5;

/**
 * Characters of generated JS above which a function holding v128 lanes has each loop that shares a loop body (or the
 * top level) with another loop outlined into a function of its own (README.md, "Loops of their own"). V8 compiles such
 * a function again at each loop it enters by OSR, and deopts where the code reaches a loop that had not run yet; lane
 * code is costly to compile (simd-f32's 27,000-character `run`: 100-800 ms per compile, 8-13 compiles).
 */
export const LOOP_OUTLINE_CHARS = 10_000;

/**
 * Variables of a function above which outlining brings its blocks down to `SPLIT_CHARS` rather than to
 * `OUTLINE_FACTOR` times it (README.md, "Outlining"): V8's bytecode encodes a register operand in one byte up to
 * about 127 registers (its own temporaries included), and an instruction naming one beyond takes a prefix and wider
 * operands, so such a function makes more bytecode per character (1.1 in rapier2d's 190-variable contact solver,
 * 0.65-0.85 in hash-wasm's code).
 */
export const WIDE_REGISTERS = 120;

/** A module the JS backend cannot translate (an implementation limit, named by `limit`). Still a `CompileError`. */
export class CodegenLimitError extends CompileError {
  /** Which limit: `legacyTryDepth` (a legacy `try` nested deeper than `MAX_STRUCTURED_DEPTH`), `hostLimit` (the host's own `new Function` refused the generated code). */
  readonly limit: string;
  constructor(limit: string, message: string, offset: number) {
    super('invalid', `implementation limit: ${message}`, offset);
    this.limit = limit;
  }
}

/**
 * Int32 words an outlined run hands back through `H.OW` (helpers.ts, an Int32Array of this length) at most: one of a
 * run with more values than this comes back through `H.O` (README.md, "Outlining").
 */
export const RUN_WORDS = 1024;

/** Levels of indentation in the whole-module output at most (deeper code is indented as this level). */
export const MAX_INDENT = 16;

/**
 * Code bytes of a callee at most for its body to be translated in place of a direct call (src/inline.ts; README.md,
 * "Inlining"). V8 inlines a JS function of up to 460 bytes of bytecode itself, about 50 bytes of wasm in this
 * backend's output (x25519's 114-byte `__multi3` is 909 bytes of bytecode); larger leaf helpers stayed calls.
 */
export const INLINE_BYTES = 160;

/**
 * Code bytes a caller may reach with its inlined callees counted: bounds how much inlining grows a function's output
 * (about 14 characters per byte of inlined i64 code). x25519's field multiplication, 1,439 bytes with 25 calls of
 * the 114-byte `__multi3`, reaches 4,289 (58,814 characters, faster than with the calls; kept whole, see `SPLIT_CHARS`).
 */
export const INLINE_CALLER_BYTES = 4_400;

/**
 * Tables of byte pairs (`H.swizzlePairs`, 128 KiB each, built once per instance) at most per module for
 * `i8x16.swizzle` with a constant table (src/lanes.ts): a swizzle beyond these looks its bytes up one at a time.
 */
export const SWIZZLE_PAIR_TABLES = 16;

/**
 * Fuel a function may consume in all (the sum of its flushes) above which each of its exits checks that the fuel
 * left to compiled code has not gone below -`FUEL_WINDOW` (environ; `rt.fuelOverdrawn` then puts it back in range):
 * code consumes fuel past the window's end without a check only on its way out of frames, each at most its own
 * cost, so with exits of functions up to this cost unchecked the int32 window cannot wrap below any stack of fewer
 * than 2^30 / this frames (README.md, "Fuel and epochs in locals").
 */
export const OVERDRAW_CHECK_COST = 4096;

/**
 * Plain statement lines in a straight-line run after which a scheduling gate goes in (`CompileOptions.scheduleGates`,
 * src/gates.ts). CPU per 4 MiB digest, one process, alternating, load 21-27: hash-wasm sha3 64.6 ms without, 45.5,
 * 43.3 and 44.6 with a gate every 5, 10 and 25 lines (another run: 136, 47.0 at 25, 52.8 at 50); sha512 92.0 without,
 * 77.3 at 25, 74.2 at 50.
 */
export const GATE_EVERY = 25;

/**
 * Distinct i64 pairs (high words) a straight-line run names at least for scheduling gates (src/gates.ts): hash-wasm
 * sha3's round names 48, sha512's 46-88, blake2b's 41 (all faster gated); x25519's carry chains 22, siphash's 33,
 * whirlpool's 10 (no gain).
 */
export const GATE_PAIRS = 40;

/**
 * v128 accumulators a run of plain lines sums products into at least for a gate after each but the last
 * (`markLaneAccumulators`, src/gates.ts): simd-gemm's inner loop has four (faster gated), simd-gemm-rows' one.
 */
export const GATE_LANE_SETS = 2;
