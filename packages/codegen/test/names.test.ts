// Which declared names a piece mentions (src/names.ts, `NameTable`): found by hashing identifiers as they are read,
// it must find exactly what the regular expression it replaced (translate.ts's `piece`) finds, on every line of the
// disassembly snapshots, with every name those lines hold in the table, and with names they do not hold.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Interner, NameTable } from '../src/names.js';

const IDENT = /[A-Za-z_$][\w$]*/g;

function corpus(): string[] {
  const dir = new URL('./disas/', import.meta.url);
  const lines = ['s0 = 0x1f + 1e3 + 5n + l9;', 'x.l2 = "l3 s4" + `fu`;', '$a_b = _c$;', '', 'l0l1 l0 l01'];
  for (const f of readdirSync(dir))
    if (f.endsWith('.js')) lines.push(...readFileSync(new URL(f, dir), 'utf8').split('\n'));
  return lines;
}

describe('NameTable', () => {
  it('marks the names a line mentions as the regular expression finds them', () => {
    const lines = corpus();
    expect(lines.length).toBeGreaterThan(1000);
    const all = new Set<string>();
    for (const l of lines) for (const m of l.matchAll(IDENT)) all.add(m[0]);
    // every name the lines hold, every other one, and names they never hold
    const names = [...all].filter((_, k) => k % 2 === 0).concat(['zz9', 'l99999', 'x1f', 'e3', 'l0', 'l0']);
    const table = new NameTable(names);
    for (const line of lines) {
      const seen = new Uint8Array(names.length);
      table.mark(line, seen);
      const expected = new Set<string>();
      for (const m of line.matchAll(IDENT)) expected.add(m[0]);
      const got = names.filter((n) => seen[table.find(n, 0, n.length)] === 1);
      expect({ line, got }).toEqual({ line, got: names.filter((n) => expected.has(n)) });
    }
    // a name given twice is found at its first index
    expect(table.find('l0', 0, 2)).toBe(names.indexOf('l0'));
    expect(table.find('nope', 0, 4)).toBe(-1);
  });
});

describe('Interner', () => {
  it('gives each distinct name one string, equal to the text it was read from', () => {
    const lines = corpus();
    const interner = new Interner();
    const first = new Map<string, string>();
    for (const line of lines)
      for (const m of line.matchAll(IDENT)) {
        const name = interner.name(line, m.index, m.index + m[0].length);
        expect(name).toBe(m[0]);
        first.set(name, name);
      }
    // each name held once (a name read again is found, not added), in the order first read, through every growth
    expect(interner.names).toEqual([...first.keys()]);
    expect(interner.names.length).toBeGreaterThan(64);
  });
});
