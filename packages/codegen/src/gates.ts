// Scheduling gates: a never-taken branch after every `GATE_EVERY` lines of a long straight-line run, so that V8's
// optimizing compiler keeps each run's arithmetic near where the source has it (README.md, "Scheduling gates").
//
// TurboFan places pure operations (all of int32 arithmetic) by itself within a basic block: in a long block with many
// values (an unrolled round of Keccak, SHA-512 or BLAKE2b on i64 pairs: 50-64 live int32 words) it computes wide
// layers of independent values together and spills most of them (hash-wasm sha3's round: 878 of its 1,153
// instructions touched the stack frame). A branch it cannot remove ends the block: a value is then computed in the
// block of its first use, as the source orders it.
//
// The translator (translate.ts, `body`) tells a `StraightRun` each operator it translates, with the facts the
// placement needs: whether the operator's code is straight-line (`STRAIGHT`), whether it multiplies (`MULTIPLIES`),
// and the i64 pairs it names; the lines of the run are those the translator emitted from the run's first operator
// to the operator that ends it. A gate goes in as `GATE_MARK` at the end of the line it follows, which stays with
// its line through splitting and outlining; `placeGates` writes the gates into the function's finished source.

import { FLAGS_BY_OPCODE, OPERATORS, OpFlag } from '@wasmts/environ';
import { GATE_EVERY, GATE_LANE_SETS, GATE_PAIRS } from './limits.js';

/** Ends a line that a gate follows (a control character the generated JavaScript has nowhere else). */
export const GATE_MARK = '\u0005';

/**
 * 1 for each one-byte opcode whose code is plain statements (assignments and DataView accesses, no control flow, no
 * call): the operators that cannot trap, call or reach the host and are not control (`OpFlag.Silent` without
 * `OpFlag.Control`), but `global.set` (it stores through the instance); and the loads and stores, whose code is a
 * DataView access where the host has a JIT (the hosts that get gates). Division, remainder and the trapping
 * truncations test their operands with an `if`; prefixed operators are not counted (no i64 run has them).
 */
export const STRAIGHT: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let op = 0; op < 0xfb /* gc prefix */; op++)
    t[op] = (FLAGS_BY_OPCODE[op] & (OpFlag.Silent | OpFlag.Control)) === OpFlag.Silent ? 1 : 0;
  for (let op = 0x28 /* i32.load */; op <= 0x3e /* i64.store32 */; op++) t[op] = 1;
  t[0x24 /* global.set */] = 0;
  return t;
})();

/**
 * 1 for each one-byte opcode whose code multiplies (`Math.imul`, an i64 product's float high word, float products,
 * an i64's conversion to a float by `hi * 2^32 + lo`): a run with one gets no gates (see `StraightRun.end`).
 */
export const MULTIPLIES: Uint8Array = (() => {
  const names = new Set([
    'i32.mul',
    'i64.mul',
    'f32.mul',
    'f64.mul',
    'f32.convert_i64_s',
    'f32.convert_i64_u',
    'f64.convert_i64_s',
    'f64.convert_i64_u',
  ]);
  const t = new Uint8Array(256);
  for (const o of OPERATORS) if (o.prefix === 0 && names.has(o.name)) t[o.code] = 1;
  return t;
})();

/**
 * The straight-line run of operators being translated, and where its gates go: after every `every`-th of its lines
 * (not after its last: the line after it ends the block already) when it names at least `pairs` i64 pairs and has
 * no multiplication. Measured (README.md, "Scheduling gates"): with fewer values the wide layers fit the registers
 * and overlap latencies, and the gates cost (hash-wasm sha256's round, int32 words only: 12.0 -> 14.4 ms per digest;
 * x25519's carry chains, 22 pairs: 39.5 -> 41.4); with a multiplication, the products' long latencies are what the
 * layers overlap (x25519's field products: 38.4 -> 44.9 ms per run with a gate every 50 lines; xxhash64's loop
 * 44.7 -> 58.4 with one every 10).
 */
export class StraightRun {
  /** The line of the output the run begins at, or -1 outside a run. */
  private start = -1;
  private multiplies = false;
  /** The i64 pairs the run names: a local's index, or -1 - d for stack slot d. */
  private readonly pairs = new Set<number>();
  /** Gates marked so far. */
  marked = 0;

  constructor(
    private readonly every = GATE_EVERY,
    private readonly minPairs = GATE_PAIRS,
  ) {}

  /** An operator of the run (which begins at `line` when none is open), multiplying or not. */
  add(line: number, multiplies: boolean): void {
    if (this.start < 0) {
      this.start = line;
      this.multiplies = false;
      this.pairs.clear();
    }
    if (multiplies) this.multiplies = true;
  }

  /** Whether a run is open (its operators' pairs are counted). */
  get open(): boolean {
    return this.start >= 0;
  }

  /** The run names i64 pair `key` (a local's index, or -1 - d for stack slot d). */
  pair(key: number): void {
    this.pairs.add(key);
  }

  /**
   * Ends the run before line `end` of `out` (an operator that is not straight-line begins there, or the body ends),
   * marking the lines gates follow with `GATE_MARK`. Lines equal to `dropped` (removed later) are not counted.
   */
  end(out: string[], end: number, dropped: string): void {
    const start = this.start;
    this.start = -1;
    if (start < 0 || this.multiplies || this.pairs.size < this.minPairs) return;
    let last = end - 1;
    while (last >= start && out[last] === dropped) last--;
    let n = 0;
    for (let k = start; k < last; k++) {
      if (out[k] === dropped) continue;
      if (++n % this.every === 0) {
        out[k] += GATE_MARK;
        this.marked++;
      }
    }
  }
}

/**
 * A line that is one plain statement: an assignment to a variable (`s0 = ...; s0b = ...;`, several on a line) or a
 * store through a memory view, with no block and no control flow (no `{`, `}`, `if`, label, `break`, `return`) and no
 * gate mark.
 */
const PLAIN = /^\s*(?:[A-Za-z_$][\w$]* = [^{}`]*;|D\d+\.set\w+\([^{}`]*\);)$/;
/** A multiplication (`Math.imul`, float arithmetic). */
const MULTIPLY = /Math\.imul\(| \* /;
/** An assignment of a v128 value's four lanes to a v128 local's (`l3 = s0; l3b = s0b; l3c = s0c; l3d = s0d;`). */
const QUAD_SET = /^\s*(l\d+) = (s\d+); \1b = \2b; \1c = \2c; \1d = \2d;$/;
/** A local's variable (an i32 local, or a v128 local's first lane). */
const LOCAL = /\bl\d+\b/g;

/** Whether `line` adds the variable `v` (`s0 = (s0 + l15) | 0;`, `Math.fround(l5 + s1)`). */
function sumOf(line: string, v: string): boolean {
  return line.includes(`+ ${v})`) || line.includes(`(${v} +`);
}

/**
 * Marks with `GATE_MARK` the lines of `out` (a function body with v128 lanes, before position markers; lines equal to
 * `dropped` are passed over) that a gate follows: each assignment of a v128 accumulator's lanes but the last in a run
 * of plain statement lines with at least `sets` accumulators. An accumulator's assignment (`QUAD_SET`) follows a line
 * summing it (`s0 = (s0 + l15) | 0; ...`), of a local the run read before it assigned it (the value the run was
 * entered with, a loop-carried sum), with a multiplication since the previous such assignment (a sum of products).
 * simd-gemm's inner loop sums four `i32x4.dot_i16x8_s` into four accumulators (16 lanes carried around the loop):
 * TurboFan loaded all 20 lanes first and computed every product after them, every intermediate live at once (183 of
 * 428 instructions per iteration moving values to and from the stack); a branch after each sum ends the block there,
 * so each dot is computed before the next loads. Measured (README.md, "Scheduling gates"): simd-gemm 96 -> 80 ms CPU
 * per run; with one accumulator the gate only costs (simd-gemm-rows 68 -> 77), as after index vectors and
 * temporaries (autovec-u8 +11%, simd-f32 +7%): hence the conditions. Returns the gates marked.
 */
export function markLaneAccumulators(out: string[], dropped: string, sets = GATE_LANE_SETS): number {
  const plain = (k: number) => out[k] === dropped || PLAIN.test(out[k] as string);
  let marked = 0;
  let i = 0;
  while (i < out.length) {
    if (out[i] === dropped || !PLAIN.test(out[i] as string)) {
      i++;
      continue;
    }
    const at: number[] = [];
    const accumulators = new Set<string>();
    const read = new Set<string>();
    const written = new Set<string>();
    let multiplies = false;
    let previous = '';
    let end = i;
    for (; end < out.length && plain(end); end++) {
      const line = out[end] as string;
      if (line === dropped) continue;
      if (MULTIPLY.test(line)) multiplies = true;
      const v = QUAD_SET.exec(line)?.[1];
      if (v === undefined) {
        for (const m of line.matchAll(LOCAL)) if (!written.has(m[0])) read.add(m[0]);
      } else {
        if (read.has(v) && multiplies && sumOf(previous, v)) {
          at.push(end);
          accumulators.add(v);
          multiplies = false;
        }
        written.add(v);
      }
      previous = line;
    }
    if (accumulators.size >= sets)
      for (const k of at.slice(0, -1)) {
        out[k] += GATE_MARK;
        marked++;
      }
    i = end;
  }
  return marked;
}

/** A gate mark, and the position marker the line may have after it (positions mode: translate.ts's `markLines`). */
const MARK = new RegExp(`${GATE_MARK}(/\\*@[^*]*\\*/)?`, 'g');

/**
 * `src` with a line holding `gate()` (made at the first mark) after each line ending with `GATE_MARK` (after the
 * line's position marker, in positions mode: the source less its markers is the same).
 */
export function placeGates(src: string, gate: () => string): string {
  if (!src.includes(GATE_MARK)) return src;
  const g = gate();
  return src.replace(MARK, (_m, position: string | undefined) => `${position ?? ''}\n${g}`);
}

/** The gate statement over the per-instance `Int32Array(2)` `array`, whose element 0 stays 0: never taken. */
export function gateStatement(array: string): string {
  return `if (${array}[0] !== 0) ${array}[1] = 1;`;
}
