// `node --conditions=source --import tsx packages/codegen/scripts/ir-coverage.ts [files.wasm...]`: how many functions of each module codegen's IR
// pipeline covers (`Config.irPipeline`), and what the others need (the first operator or type not covered),
// over the benchmark programs by default.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModule, WASM3_FEATURES } from '@wasmts/environ';
import { measureIrCoverage } from '../src/index.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'tools', 'bench', 'programs', 'wasm');
const files = process.argv.slice(2).filter((a) => a !== '--');
const paths = files.length > 0 ? files : readdirSync(dir).map((f) => join(dir, f));
const reasons = new Map<string, number>();
let ir = 0;
let all = 0;
for (const p of paths) {
  const module = decodeModule(readFileSync(p), { features: WASM3_FEATURES });
  const c = measureIrCoverage(module);
  const n = c.ir + c.fallback;
  ir += c.ir;
  all += n;
  for (const [r, k] of c.reasons) reasons.set(r, (reasons.get(r) ?? 0) + k);
  const top = [...c.reasons].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(
    `${p.split('/').pop()}: ${c.ir}/${n} functions (${((100 * c.ir) / Math.max(n, 1)).toFixed(0)}%)${top.length > 0 ? `; not covered: ${top.map(([r, k]) => `${r} ${k}`).join(', ')}` : ''}`,
  );
}
console.log(`total: ${ir}/${all} functions (${((100 * ir) / Math.max(all, 1)).toFixed(1)}%)`);
console.log(
  `reasons: ${[...reasons]
    .sort((a, b) => b[1] - a[1])
    .map(([r, k]) => `${r} ${k}`)
    .join(', ')}`,
);
