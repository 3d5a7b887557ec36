// `pnpm check:cycles`: fails on any file-level import cycle among the sources of packages/*/src, apps/*/src and
// tools/*/src (type-only imports count: they are dependencies of meaning). madge finds the cycles. There are none
// (issue 18 broke the last, between the API package's store and its wasm backend): keep it so.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const dirs = ['packages', 'apps', 'tools'].flatMap((group) =>
  readdirSync(join(root, group))
    .map((p) => join(root, group, p, 'src'))
    .filter((d) => existsSync(d)),
);
const result = await madge(dirs, {
  baseDir: root,
  fileExtensions: ['ts'],
  excludeRegExp: [/\/dist\//, /\.d\.ts$/],
  detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
});
const found = result.circular().map((cycle) => cycle.join(' > '));
console.log(`import cycles: ${found.length} found in ${Object.keys(result.obj()).length} files`);
for (const c of found) console.log(`  cycle: ${c}`);
process.exit(found.length > 0 ? 1 : 0);
