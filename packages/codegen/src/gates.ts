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
import { GATE_EVERY, GATE_PAIRS } from './limits.js';

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
