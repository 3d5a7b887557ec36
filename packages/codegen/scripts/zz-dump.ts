import { readFileSync, writeFileSync } from 'node:fs';
import { decodeModule, WASM3_FEATURES } from '@wasmts/environ';
import { compileModule } from '/work/wt-fuel/packages/codegen/src/index.js';
const [file, mode, which, out] = process.argv.slice(2).filter((a) => a !== '--');
const module = decodeModule(readFileSync(file), { features: WASM3_FEATURES });
const tunables: any = { consumeFuel: mode.includes('fuel'), epochInterruption: mode.includes('epoch') };
const lazy = compileModule(module, { lazy: true, byteLoads: 'dataview', feedbackWarmup: true, tunables } as any).lazy!;
const src = which === 'all' ? module.bodies.map((_, i) => lazy.functionSource(i)).join('\n') : lazy.functionSource(Number(which));
if (out) writeFileSync(out, src); else console.log(src);
