import { readFileSync } from 'node:fs';
import { decodeModule } from '@wasmts/environ';
import { compileModule } from '@wasmts/codegen';
const bytes = new Uint8Array(readFileSync(process.argv[2]));
const m = decodeModule(bytes, { validateBodies: true } as any);
const c = compileModule(m as any, { lazy: true });
process.stdout.write(c.lazy!.functionSource(Number(process.argv[3])));
