// After tsc: builds `wasmts/bundle` (dist/wasmts.bundle.js: dist/bundle.js and everything it imports, the
// @wasmts/* packages included, in one ES module) and `wasmts/bundle/polyfill` (dist/polyfill.bundle.js, which
// imports it and installs the namespace), and dist/worker-main.js, the instrumenting worker's entry for the bundle
// (wasm-backend/worker.ts). Whitespace and syntax are minified; names are kept (stack traces,
// `Function.name`).

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
/** What both bundles are built with: one ES module for any host, whitespace and syntax minified, names kept. */
const common = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  keepNames: true,
  logLevel: 'warning',
};
await build({
  entryPoints: [join(dist, 'bundle.js')],
  outfile: join(dist, 'wasmts.bundle.js'),
  ...common,
});
writeFileSync(
  join(dist, 'polyfill.bundle.js'),
  "// wasmts/bundle/polyfill: installs wasmts/bundle's WebAssembly where the host has none.\n" +
    "import { install } from './wasmts.bundle.js';\nexport { install };\ninstall();\n",
);
// the instrumenting worker's entry beside the bundle (wasm-backend/worker.ts finds it as `./worker-main.js` next to
// the module that starts it: dist/wasm-backend/ for the modular entries, dist/ for the bundle)
await build({
  entryPoints: [join(dist, 'wasm-backend', 'worker-main.js')],
  outfile: join(dist, 'worker-main.js'),
  ...common,
});
