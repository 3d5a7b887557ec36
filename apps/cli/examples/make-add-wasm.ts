// Builds examples/add.wasm: add.wat encoded by @wasmts/wat plus a `name` custom section (module and
// function names), so `wasmts inspect` has a binary with names to show.
// Run from the repository root: node --conditions=source --import tsx apps/cli/examples/make-add-wasm.ts

import { readFileSync, writeFileSync } from 'node:fs';
import { parseWat } from '@wasmts/wat';

const here = new URL('.', import.meta.url);
const module = parseWat(readFileSync(new URL('add.wat', here), 'utf8'), { file: 'add.wat' });

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const name = (s: string): number[] => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...leb(bytes.length), ...bytes];
};
const subsection = (id: number, payload: number[]): number[] => [id, ...leb(payload.length), ...payload];

const functions = ['log', 'add', 'store_sum'];
const payload = [
  ...name('name'),
  ...subsection(0, name('add')),
  ...subsection(1, [...leb(functions.length), ...functions.flatMap((f, i) => [...leb(i), ...name(f)])]),
];
const custom = [0, ...leb(payload.length), ...payload];
writeFileSync(new URL('add.wasm', here), new Uint8Array([...module, ...custom]));
