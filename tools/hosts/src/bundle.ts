// esbuild bundles of the runtime packages for hosts that are not Node: platform 'neutral', no shims, no
// externals, so an import of a Node built-in anywhere in the graph fails the build.

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The packages below the command: each must load on any ECMAScript host. */
export const NEUTRAL_PACKAGES = [
  '@wasmts/environ',
  '@wasmts/wat',
  '@wasmts/codegen',
  '@wasmts/runtime',
  'wasmts',
  '@wasmts/wasi',
] as const;

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** What to bundle: an entry file, or source text resolved from this package's folder. */
export type BundleInput = { readonly entry: string } | { readonly contents: string };

/**
 * One script (an IIFE assigning the entry's exports to `globalThis[globalName]`) with every dependency inlined,
 * from the packages' TypeScript sources (the `source` export condition). The target is ES2020: the syntax every
 * engine we test accepts.
 */
export async function bundle(input: BundleInput, globalName: string, minify = false): Promise<string> {
  const result = await build({
    ...('entry' in input
      ? { entryPoints: [input.entry] }
      : { stdin: { contents: input.contents, resolveDir: HERE, loader: 'ts' as const, sourcefile: 'entry.ts' } }),
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'iife',
    globalName,
    target: 'es2020',
    conditions: ['source'],
    mainFields: ['module', 'main'],
    minify,
    logLevel: 'silent',
    // `globalThis.x = ...`: a plain `var` is not a global property inside node:vm or jsc's `load`
    footer: { js: `globalThis.${globalName} = ${globalName};` },
  });
  return result.outputFiles[0].text;
}
