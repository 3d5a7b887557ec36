// Scheduling gates: a never-taken branch after every `GATE_EVERY` statements of a long straight-line run, so that
// V8's optimizing compiler keeps each run's arithmetic near where the source has it (README.md, "Scheduling gates").
//
// TurboFan places pure operations (all of int32 arithmetic) by itself within a basic block: in a long block with many
// values (an unrolled round of Keccak, SHA-512 or BLAKE2b on i64 pairs: 50-64 live int32 words) it computes wide
// layers of independent values together and spills most of them (hash-wasm sha3's round: 878 of its 1,153
// instructions touched the stack frame). A branch it cannot remove ends the block: a value is then computed in the
// block of its first use, as the source orders it.

import { GATE_EVERY, GATE_PAIRS } from './limits.js';

/**
 * A line that is one plain statement: an assignment to a variable (`s0 = ...; s0h = ...;`, several on a line) or a
 * store through a memory view, with no block and no control flow (no `{`, `}`, `if`, label, `break`, `return`).
 */
const PLAIN = /^\s*(?:[A-Za-z_$][\w$]* = [^{}`]*;|D\d+\.set\w+\([^{}`]*\);)$/;

/** A multiplication (`Math.imul`, an i64 product's float high word, float arithmetic). */
const MULTIPLY = /Math\.imul\(| \* /;
/** The high word of an i64 local or stack slot (`l<i>h`, `s<d>h`: docs/js-abi.md). */
const HIGH_WORD = /\b[ls]\d+h\b/g;

/**
 * `lines` with `gate()` (made at the first gate needed) inserted after every `every`-th line of each run of
 * consecutive plain statement lines that names at least `pairs` i64 pairs (high words) and has no multiplication.
 * Any other line (control flow, a declaration, a call) ends a run, so a loop of fewer statements gets none. Measured
 * (README.md, "Scheduling gates"): with fewer values the wide layers fit the registers and overlap latencies, and the
 * gates cost (hash-wasm sha256's round, int32 words only: 12.0 -> 14.4 ms per digest; x25519's carry chains, 22
 * pairs: 39.5 -> 41.4); with a multiplication, the products' long latencies are what the layers overlap (x25519's
 * field products: 38.4 -> 44.9 ms per run with a gate every 50 lines; xxhash64's loop 44.7 -> 58.4 with one every 10).
 */
export function gateStraightRuns(
  lines: readonly string[],
  gate: () => string,
  every = GATE_EVERY,
  pairs = GATE_PAIRS,
): string[] {
  const out: string[] = [];
  let made: string | null = null;
  let i = 0;
  while (i < lines.length) {
    if (!PLAIN.test(lines[i] as string)) {
      out.push(lines[i] as string);
      i++;
      continue;
    }
    let end = i;
    let multiplies = false;
    const high = new Set<string>();
    while (end < lines.length && PLAIN.test(lines[end] as string)) {
      const line = lines[end] as string;
      if (MULTIPLY.test(line)) multiplies = true;
      for (const m of line.matchAll(HIGH_WORD)) high.add(m[0]);
      end++;
    }
    const gated = !multiplies && high.size >= pairs;
    for (let k = i; k < end; k++) {
      out.push(lines[k] as string);
      // not after a run's last line: the line after it ends the block already
      if (gated && (k - i + 1) % every === 0 && k + 1 < end) {
        made ??= gate();
        out.push(made);
      }
    }
    i = end;
  }
  return out;
}

/** The gate statement over the per-instance `Int32Array(2)` `array`, whose element 0 stays 0: never taken. */
export function gateStatement(array: string): string {
  return `if (${array}[0] !== 0) ${array}[1] = 1;`;
}
