// Small binary readers for assertions on encoded modules.

function leb(bytes: Uint8Array, at: { p: number }): number {
  let v = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at.p++];
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return v;
  }
}

/** The payload of the first section with this id, or undefined. */
export function section(bytes: Uint8Array, id: number): Uint8Array | undefined {
  const at = { p: 8 };
  while (at.p < bytes.length) {
    const sid = bytes[at.p++];
    const size = leb(bytes, at);
    if (sid === id) return bytes.subarray(at.p, at.p + size);
    at.p += size;
  }
  return undefined;
}

/** The ids of the sections in order. */
export function sectionIds(bytes: Uint8Array): number[] {
  const at = { p: 8 };
  const ids: number[] = [];
  while (at.p < bytes.length) {
    ids.push(bytes[at.p++]);
    at.p += leb(bytes, at);
  }
  return ids;
}

/** The instruction bytes (after local declarations, with the final end) of function body `index`. */
export function body(bytes: Uint8Array, index = 0): number[] {
  const code = section(bytes, 10);
  if (code === undefined) throw new Error('no code section');
  const at = { p: 0 };
  const count = leb(code, at);
  for (let i = 0; i < count; i++) {
    const size = leb(code, at);
    const end = at.p + size;
    if (i === index) {
      const groups = leb(code, at);
      for (let g = 0; g < groups; g++) {
        leb(code, at);
        const t = code[at.p++];
        if (t === 0x63 || t === 0x64) leb(code, at);
      }
      return Array.from(code.subarray(at.p, end));
    }
    at.p = end;
  }
  throw new Error(`no body ${index}`);
}

/** Hex string of bytes, for readable expectations. */
export function hex(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** The host engine's validator, for sanity checks of MVP and SIMD encodings in tests only. */
export const hostValidate = (bytes: Uint8Array): boolean =>
  (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly.validate(bytes);
