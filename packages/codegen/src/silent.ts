// Which operators cannot trap, throw or reach the host: after them neither backend needs its fuel count
// stored where the host can see it (src/wasm/README.md "Counters in locals", README.md "Fuel and epochs in
// locals"). One table for both backends; each adds what its own code shape makes safe (calls, returns).

/**
 * Opcodes without a prefix that cannot trap, call or leave the function. Everything else (loads and stores,
 * division, trapping truncation, table and reference operators that trap, calls, throws, `unreachable`,
 * `return`) is decided by each backend.
 */
export const SILENT_OPS = new Uint8Array(256);
for (const op of [0x01, 0x02, 0x03, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x0e, 0x1a, 0x1b, 0x1c, 0x3f, 0xd0, 0xd1, 0xd2, 0xd3])
  SILENT_OPS[op] = 1;
for (let op = 0x20; op <= 0x24 /* global.set */; op++) SILENT_OPS[op] = 1;
for (let op = 0x41; op <= 0xc4 /* i64.extend32_s */; op++) SILENT_OPS[op] = 1;
for (const op of [0x6d, 0x6e, 0x6f, 0x70, 0x7f, 0x80, 0x81, 0x82, 0xa8, 0xa9, 0xaa, 0xab, 0xae, 0xaf, 0xb0, 0xb1])
  SILENT_OPS[op] = 0;

/** Whether prefixed operator `prefix`/`sub` cannot trap (saturating truncations, SIMD arithmetic). */
export function silentPrefixed(prefix: number, sub: number): boolean {
  if (prefix === 0xfc) return sub <= 7;
  if (prefix === 0xfd) {
    // the memory accesses: v128.load .. v128.store, then v128.load8_lane .. v128.load64_zero
    const plain = sub <= 0x0b; /* v128.store */
    const lane = sub >= 0x54 /* v128.load8_lane */ && sub <= 0x5d; /* v128.load64_zero */
    return !(plain || lane);
  }
  return false;
}
