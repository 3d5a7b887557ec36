// LEB128s of a validated body read at a byte position, without a reader object or bounds checks: the one loop the
// re-encoder (body.ts's runs and label tests, sites.ts) and the epoch analysis (epoch-entries.ts) share. Bodies not
// validated yet are read by environ's bounds-checked `skipLayout` / `BinaryReader` instead.

/** The value of the last `readLeb` (module scratch: no object per read). */
export const leb = { value: 0 };

/** Reads the unsigned LEB128 at `p` into `leb.value` (exact up to 2^53); returns the position after it. */
export function readLeb(bytes: Uint8Array, p: number): number {
  let b = bytes[p++];
  let v = b & 0x7f;
  let scale = 128;
  while (b & 0x80) {
    b = bytes[p++];
    v += (b & 0x7f) * scale;
    scale *= 128;
  }
  leb.value = v;
  return p;
}

/** The unsigned LEB128 at `p`. */
export function u32At(bytes: Uint8Array, p: number): number {
  readLeb(bytes, p);
  return leb.value;
}

/** Past the LEB128 at `p`. */
export function pastLeb(bytes: Uint8Array, p: number): number {
  while (bytes[p++] & 0x80);
  return p;
}
