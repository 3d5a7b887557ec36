// Which operators are sites of the wasm backend's re-encoder (validator/sites.ts): a leaf module, so the
// validator's context and the site scan both read it without importing each other.

/** Opcodes without a prefix recorded as sites (1), by opcode. */
export const SITE_OPCODES: Uint8Array = new Uint8Array(256);
for (const op of [0x10, 0x11, 0x12, 0x13, 0x23, 0x24, 0x40, 0xd2, 0xa8, 0xa9, 0xaa, 0xab, 0xae, 0xaf, 0xb0, 0xb1])
  SITE_OPCODES[op] = 1;
/** `table.grow`'s opcode under the 0xfc prefix. */
export const TABLE_GROW_SUBOPCODE = 15;
/** `memory.atomic.wait32`'s and `memory.atomic.wait64`'s opcodes under the 0xfe prefix. */
export const ATOMIC_WAIT32_SUBOPCODE = 1;
export const ATOMIC_WAIT64_SUBOPCODE = 2;

/**
 * Whether the prefixed operator `prefix` `sub` is a site (recorded at its prefix byte). The one rule both the
 * validator (`recordSites`) and `scanSites` follow.
 */
export function isPrefixedSite(prefix: number, sub: number): boolean {
  return (
    (prefix === 0xfc && sub === TABLE_GROW_SUBOPCODE) ||
    (prefix === 0xfe && (sub === ATOMIC_WAIT32_SUBOPCODE || sub === ATOMIC_WAIT64_SUBOPCODE))
  );
}
