// How deep each construct of a body nests inside itself (its height), for the translator's flat regions
// (src/translate.ts, `flat`): a construct deeper than `MAX_STRUCTURED_DEPTH` whose own nesting is shallow stays
// nested JS statements (an island), so only constructs that would make the output's nesting grow without bound
// (a chain of hundreds of blocks around a `br_table`) become cases of the state machine (README.md, "Nesting").

import { FLAGS_BY_OPCODE, OpFlag } from '@wasmts/environ';
import { OperatorWalker } from './wasm/operators.js';

const OPENS = OpFlag.Opens;
const CLOSES = OpFlag.Closes;

/**
 * Per construct of the validated body `bytes[start, end)` (block, loop, if, try, try_table), by the offset of its
 * opcode: its height, 1 for a construct with no construct inside, else 1 more than its highest child's. One pass
 * over the operators, linear in the body's size at any nesting depth.
 */
export function constructHeights(bytes: Uint8Array, start: number, end: number): Map<number, number> {
  const heights = new Map<number, number>();
  // per open construct: its opcode's offset and the highest height among its children so far
  const open: number[] = [];
  const highest: number[] = [];
  const walker = new OperatorWalker(bytes);
  let p = start;
  while (p < end) {
    const flags = FLAGS_BY_OPCODE[bytes[p]];
    if ((flags & OPENS) !== 0) {
      open.push(p);
      highest.push(0);
    } else if ((flags & CLOSES) !== 0 && open.length > 0) {
      // `end`, or a legacy `delegate` (which ends its `try`); the function's own `end` closes nothing here
      const h = (highest.pop() as number) + 1;
      heights.set(open.pop() as number, h);
      const k = highest.length - 1;
      if (k >= 0 && highest[k] < h) highest[k] = h;
    }
    p = walker.next(p);
  }
  return heights;
}
