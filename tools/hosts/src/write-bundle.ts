// `pnpm --filter @wasmts/hosts bundle [OUTDIR]`: writes the runtime (wasmts and @wasmts/wasi) for browsers and other
// engines, no shims: wasmts.js (a script defining the global `wasmts`), wasmts.mjs (an ES module) and their
// minified forms. OUTDIR defaults to tools/hosts/dist.
// `write-bundle.ts --script ENTRY GLOBAL FILE`: bundles ENTRY (its imports resolved from its own folder, the packages
// from source) into FILE, a script defining GLOBAL: how tools/bench builds its JavaScriptCore runner.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, bundleModule, RUNTIME_ENTRY } from './bundle.js';

if (process.argv[2] === '--script') {
  const [entry, globalName, file] = process.argv.slice(3);
  if (file === undefined) throw new Error('usage: write-bundle.ts --script ENTRY GLOBAL FILE');
  writeFileSync(file, await bundle({ entry: resolve(entry) }, globalName));
} else {
  const out = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
  mkdirSync(out, { recursive: true });
  const input = { contents: RUNTIME_ENTRY };
  for (const minify of [false, true]) {
    const suffix = minify ? '.min' : '';
    writeFileSync(join(out, `wasmts${suffix}.js`), await bundle(input, 'wasmts', minify));
    writeFileSync(join(out, `wasmts${suffix}.mjs`), (await bundleModule(input, minify)).code);
  }
  process.stdout.write(`wrote wasmts.js, wasmts.mjs and their .min forms to ${out}\n`);
}
