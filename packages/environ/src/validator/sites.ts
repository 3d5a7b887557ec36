// Sites the validator records for the wasm backend's re-encoder (`DecodeOptions.recordSites`): the byte
// positions of the operators it may change, so that it rewrites those and copies the bytes between them
// without decoding the operators a second time.

/**
 * Positions in `Module.bytes` of the opcodes of every operator, in every body, that the wasm backend may
 * rewrite or insert code before: `call`, `call_indirect`, `return_call`, `return_call_indirect` (0x10-0x13),
 * `global.get`, `global.set` (0x23, 0x24), `memory.grow` (0x40), `ref.func` (0xd2), the trapping
 * float-to-integer truncations (0xa8-0xab, 0xae-0xb1), `table.grow` (the 0xfc prefix byte) and
 * `memory.atomic.wait32` / `memory.atomic.wait64` (the 0xfe prefix byte). The opcode byte at a position tells
 * which.
 */
export interface CodeSites {
  /** The positions, in body order; the first `count` entries are valid. */
  readonly positions: Int32Array;
  /** How many positions there are. */
  readonly count: number;
  /** Per defined function `i`: its sites are `positions[i === 0 ? 0 : ends[i - 1], ends[i])`. */
  readonly ends: Int32Array;
}

/** Opcodes without a prefix recorded as sites (1), by opcode. */
export const SITE_OPCODES: Uint8Array = new Uint8Array(256);
for (const op of [0x10, 0x11, 0x12, 0x13, 0x23, 0x24, 0x40, 0xd2, 0xa8, 0xa9, 0xaa, 0xab, 0xae, 0xaf, 0xb0, 0xb1])
  SITE_OPCODES[op] = 1;
/** `table.grow`'s opcode under the 0xfc prefix. */
export const TABLE_GROW_SUBOPCODE = 15;
/** `memory.atomic.wait32`'s and `memory.atomic.wait64`'s opcodes under the 0xfe prefix. */
export const ATOMIC_WAIT32_SUBOPCODE = 1;
export const ATOMIC_WAIT64_SUBOPCODE = 2;

/** The sites of one module as the validator records them (grows by doubling as sites are found). */
export class SiteRecorder implements CodeSites {
  positions: Int32Array = new Int32Array(1024);
  count = 0;
  readonly ends: Int32Array;

  constructor(bodies: number) {
    this.ends = new Int32Array(bodies);
  }

  add(pos: number): void {
    if (this.count === this.positions.length) {
      const next = new Int32Array(this.positions.length * 2);
      next.set(this.positions);
      this.positions = next;
    }
    this.positions[this.count++] = pos;
  }
}
