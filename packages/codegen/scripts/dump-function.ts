// `node --conditions=source --import tsx packages/codegen/scripts/dump-function.ts <file.wasm> [index] [out.js]`: the
// JS the backend generates for one defined function (by DefinedFuncIndex; default the largest body), as compiled on
// its first call with the forms for a host with a JIT (`byteLoads: 'dataview'`), with its size, translation time and
// the parameters of each JS function it became (the body, its pieces and outlined functions). For looking at what
// splitting and outlining made of a large function (README.md, "Outlining").

import { readFileSync, writeFileSync } from 'node:fs';
import { decodeModule, WASM3_FEATURES } from '@wasmts/environ';
import { compileModule } from '../src/index.js';

const [file, which, out] = process.argv.slice(2).filter((a) => a !== '--');
if (file === undefined) throw new Error('usage: dump-function.ts <file.wasm> [index] [out.js]');
const module = decodeModule(readFileSync(file), { features: WASM3_FEATURES });
const lazy = compileModule(module, { lazy: true, byteLoads: 'dataview' }).lazy;
if (lazy === undefined) throw new Error('no lazy module');
const sizes = module.bodies.map((b, i) => [i, b.range.end - b.codeStart] as const).sort((a, b) => b[1] - a[1]);
console.log(
  `largest bodies (index: code bytes): ${sizes
    .slice(0, 8)
    .map(([i, n]) => `${i}: ${n}`)
    .join(', ')}`,
);
const index = which === undefined ? sizes[0][0] : Number(which);
const t0 = performance.now();
const src = lazy.functionSource(index);
console.log(`function ${index}: ${src.length} characters, translated in ${(performance.now() - t0).toFixed(0)} ms`);
// each JS function: its name, parameter count and characters
const starts = [...src.matchAll(/^(?:const \w[\w$]* = \()?function ([\w$]+)\(([^)]*)\)/gm)];
starts.forEach((m, k) => {
  const end = k + 1 < starts.length ? (starts[k + 1].index as number) : src.length;
  const params = m[2].trim() === '' ? 0 : m[2].split(',').length;
  console.log(`  ${m[1]}: ${params} parameters, ${end - (m.index as number)} characters`);
});
if (out !== undefined) writeFileSync(out, src);
