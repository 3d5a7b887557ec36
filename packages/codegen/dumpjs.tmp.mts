import { readFileSync, writeFileSync } from 'node:fs';
import { decodeModule, wasmFeatures } from '@wasmts/environ';
import { compileModule } from '@wasmts/codegen';
const [, , inp, out] = process.argv;
const m = decodeModule(new Uint8Array(readFileSync(inp)), { features: wasmFeatures({}) });
writeFileSync(out, compileModule(m, {}).source);
