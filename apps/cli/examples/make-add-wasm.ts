// Builds examples/add.wasm, the binary form of add.wat (with the name section @wasmts/wat emits).
// Run from the repository root: node --conditions=source --import tsx apps/cli/examples/make-add-wasm.ts

import { readFileSync, writeFileSync } from 'node:fs';
import { parseWat } from '@wasmts/wat';

const here = new URL('.', import.meta.url);
const text = readFileSync(new URL('add.wat', here), 'utf8');
writeFileSync(new URL('add.wasm', here), parseWat(text, { file: 'add.wat' }));
