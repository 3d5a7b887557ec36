// `node --conditions=source --import tsx packages/codegen/scripts/oversize.ts [--min-bytes N] [--over CHARS] a.wasm ...`:
// the JS functions (bodies, split pieces, outlined functions) longer than `--over` characters (default 61,440: V8's
// optimizing tier takes no function of more bytes of bytecode than that, and a character is 0.65-1.1 bytes of it),
// in the code the backend generates on first call for each defined function of at least `--min-bytes` code bytes
// (default 8,000: a smaller body makes no function that long). For checking that splitting and outlining leave no
// function beyond the optimizing tier's reach (README.md, "Outlining").

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeModule, WASM3_FEATURES } from '@wasmts/environ';
import { compileModule } from '../src/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'min-bytes': { type: 'string', default: '8000' }, over: { type: 'string', default: '61440' } },
});
const minBytes = Number(values['min-bytes']);
const over = Number(values.over);
for (const file of positionals) {
  const module = decodeModule(readFileSync(file), { features: WASM3_FEATURES });
  const lazy = compileModule(module, { lazy: true, byteLoads: 'dataview' }).lazy;
  if (lazy === undefined) throw new Error('no lazy module');
  let scanned = 0;
  let chars = 0;
  const found: string[] = [];
  const t0 = performance.now();
  module.bodies.forEach((b, i) => {
    if (b.range.end - b.codeStart < minBytes) return;
    scanned++;
    const src = lazy.functionSource(i);
    chars += src.length;
    const starts = [...src.matchAll(/^(?:const \w[\w$]* = \()?function ([\w$]+)\(/gm)];
    starts.forEach((m, k) => {
      const end = k + 1 < starts.length ? (starts[k + 1].index as number) : src.length;
      const n = end - (m.index as number);
      if (n > over) found.push(`${m[1]} ${n}`);
    });
  });
  console.log(
    `${file}: ${scanned} bodies of at least ${minBytes} code bytes (${(chars / 1e6).toFixed(1)} M characters, ` +
      `${((performance.now() - t0) / 1000).toFixed(1)} s): ${found.length} JS functions over ${over} characters` +
      (found.length > 0 ? `: ${found.join(', ')}` : ''),
  );
}
