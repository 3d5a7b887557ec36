// Writes the module of every benchmark program (src/programs-catalog.ts) to a folder, for tools that check the
// programs without running the bench (tools/hosts' hermesc run): `<file>.wasm` each, and `programs.json` listing
// `{ name, file, bytes }` in table order.
// Usage: node --conditions=source --import tsx src/write-programs.ts OUTDIR [--max-kb N]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { programs } from './programs-catalog.js';

const { values, positionals } = parseArgs({ options: { 'max-kb': { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: write-programs.ts OUTDIR [--max-kb N]');
  process.exit(2);
}
const out = resolve(positionals[0]);
const maxBytes = values['max-kb'] === undefined ? Number.POSITIVE_INFINITY : Number(values['max-kb']) * 1024;
mkdirSync(out, { recursive: true });
const list: { name: string; file: string; bytes: number }[] = [];
for (const p of programs) {
  const wasm = p.wasm();
  if (wasm.length > maxBytes) continue;
  const file = `${p.name.replaceAll(/[^\w.-]+/g, '-')}.wasm`;
  writeFileSync(join(out, file), wasm);
  list.push({ name: p.name, file, bytes: wasm.length });
}
writeFileSync(join(out, 'programs.json'), `${JSON.stringify(list, null, 2)}\n`);
