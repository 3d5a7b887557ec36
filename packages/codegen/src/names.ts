// Which names of a fixed set the generated lines mention, found without a regular expression and without a string
// per identifier: each identifier's characters are hashed as they are read and looked up in an open-addressing
// table of the set's names (a regular expression's match object per identifier was most of what a large function's
// split pieces and outlined functions allocated: esbuild's first call, README.md "Lazy compilation").

/** Whether character code `c` may start a JavaScript identifier of the generated code (ASCII: letters, `_`, `$`). */
export const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
/** Whether character code `c` may continue one (those and digits). */
export const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57);

/** A fixed set of names, each with its index (the first, for a name given twice). */
export class NameTable {
  readonly names: readonly string[];
  /** Per slot: 1 + the index of the name hashed there, or 0. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(names: readonly string[]) {
    this.names = names;
    let size = 8;
    while (size < names.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (this.find(name, 0, name.length) >= 0) continue;
      let s = hash(name, 0, name.length) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = k + 1;
    }
  }

  /** The index of the name `text.slice(from, to)`, or -1. */
  find(text: string, from: number, to: number): number {
    const n = to - from;
    for (let s = hash(text, from, to) & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.slots[s] - 1;
      if (k < 0) return -1;
      const name = this.names[k];
      if (name.length === n && text.startsWith(name, from)) return k;
    }
  }

  /**
   * Sets `seen[k]` for each name `k` that `line` mentions: an identifier as `/[A-Za-z_$][\w$]*\/g` finds them
   * (anywhere in the line: after a `.`, in a string, the letters of a number like `0x1f` from the `x`).
   */
  mark(line: string, seen: Uint8Array): void {
    const n = line.length;
    for (let j = 0; j < n; ) {
      if (!isIdentStart(line.charCodeAt(j))) {
        j++;
        continue;
      }
      let k = j + 1;
      while (k < n && isIdentPart(line.charCodeAt(k))) k++;
      const at = this.find(line, j, k);
      if (at >= 0) seen[at] = 1;
      j = k;
    }
  }
}

/**
 * Names interned as they are read: each distinct name is one string, made the first time it is read, so that reading
 * a line allocates no string for a name read before (the outliner's scanner, src/outline-flow.ts: a string per
 * identifier read was most of what it allocated over esbuild's largest functions).
 */
export class Interner {
  /** The names, each once, in the order first read. */
  readonly names: string[] = [];
  private readonly hashes: number[] = [];
  /** Per slot: 1 + the index of the name hashed there, or 0. */
  private slots = new Int32Array(64);
  private mask = 63;

  /** The name `text.slice(from, to)`, as the one string this table holds for it. */
  name(text: string, from: number, to: number): string {
    const n = to - from;
    const h = hash(text, from, to);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.slots[s] - 1;
      if (k < 0) {
        const name = text.slice(from, to);
        this.slots[s] = this.names.length + 1;
        this.names.push(name);
        this.hashes.push(h);
        if (this.names.length * 2 > this.mask) this.grow();
        return name;
      }
      const name = this.names[k];
      if (name.length === n && text.startsWith(name, from)) return name;
    }
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < this.names.length; k++) {
      let s = this.hashes[k] & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = k + 1;
    }
  }
}

function hash(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h ^ (h >>> 15);
}
