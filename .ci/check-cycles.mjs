// `pnpm check:cycles`: fails on any file-level import cycle among the sources of packages/*/src (type-only imports
// count: they are dependencies of meaning). madge finds the cycles; KNOWN lists the ones still to be broken (issue
// 18: the API package's engine and wasm backend), so the check fails on a new cycle and on a known one that is gone
// (remove it from the list).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KNOWN = new Set([
  'wasmts/src/engine.ts > wasmts/src/wasm-backend/bridge.ts',
  'wasmts/src/engine.ts > wasmts/src/wasm-backend/instance.ts',
  'wasmts/src/engine.ts > wasmts/src/wasm-backend/instance.ts > wasmts/src/externals.ts',
  'wasmts/src/engine.ts > wasmts/src/wasm-backend/instance.ts > wasmts/src/wasm-backend/compile.ts',
]);

const dirs = readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'src'));
const result = await madge(dirs, {
  baseDir: join(root, 'packages'),
  fileExtensions: ['ts'],
  excludeRegExp: [/\/dist\//, /\.d\.ts$/],
  detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
});
const found = result.circular().map((cycle) => cycle.join(' > '));
const fresh = found.filter((c) => !KNOWN.has(c));
const gone = [...KNOWN].filter((c) => !found.includes(c));
console.log(`import cycles: ${found.length} found in ${Object.keys(result.obj()).length} files (${KNOWN.size} known)`);
for (const c of fresh) console.log(`  new cycle: ${c}`);
for (const c of gone) console.log(`  known cycle no longer found (remove it from KNOWN): ${c}`);
process.exit(fresh.length > 0 || gone.length > 0 ? 1 : 0);
