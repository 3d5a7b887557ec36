import { readFileSync } from 'node:fs';
import { compileModule } from '@wasmts/codegen';
import { decodeModule } from '@wasmts/environ';

const bytes = new Uint8Array(readFileSync(process.argv[2]));
const m = decodeModule(bytes, { validateBodies: true } as any);
const c = compileModule(m as any, { lazy: true });
process.stdout.write(c.lazy!.functionSource(Number(process.argv[3])));
