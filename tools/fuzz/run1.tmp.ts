import { readFileSync } from 'node:fs';
import { parseWat } from '@wasmts/wat';
import { compare } from './src/diff.js';
const text = readFileSync(process.argv[2], 'utf8');
const v = compare(parseWat(text));
for (const k of ['native', 'wasm', 'js'] as const) { const s = v[k]; console.log(k, 'calls' in s ? JSON.stringify(s.calls.map(c => [c.name, c.outcome, c.trapKind, c.fuel])) : s.unavailable); }
console.log(v.differences);
