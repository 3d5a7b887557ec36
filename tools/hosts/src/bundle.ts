// esbuild bundles of the runtime packages for hosts that are not Node: platform 'neutral', no shims, no
// externals, so an import of a Node built-in anywhere in the graph fails the build.

import { fileURLToPath } from 'node:url';
import { type BuildOptions, type BuildResult, build } from 'esbuild';

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

/** The runtime for pages and other engines: wasmts and @wasmts/wasi (the in-memory filesystem among it). */
export const RUNTIME_ENTRY = `export * from 'wasmts'; export * from '@wasmts/wasi';`;

/** The one output file of an in-memory build. */
function outputText(result: BuildResult): string {
  const file = result.outputFiles?.[0];
  if (file === undefined) throw new Error('esbuild wrote no output');
  return file.text;
}

function options(input: BundleInput, minify: boolean): BuildOptions {
  return {
    ...('entry' in input
      ? { entryPoints: [input.entry] }
      : { stdin: { contents: input.contents, resolveDir: HERE, loader: 'ts' as const, sourcefile: 'entry.ts' } }),
    bundle: true,
    write: false,
    platform: 'neutral',
    target: 'es2020',
    conditions: ['source'],
    mainFields: ['module', 'main'],
    minify,
    logLevel: 'silent',
  };
}

/**
 * One script (an IIFE assigning the entry's exports to `globalThis[globalName]`) with every dependency inlined,
 * from the packages' TypeScript sources (the `source` export condition). The target is ES2020: the syntax every
 * engine we test accepts.
 */
export async function bundle(input: BundleInput, globalName: string, minify = false): Promise<string> {
  const result = await build({
    ...options(input, minify),
    format: 'iife',
    globalName,
    // `globalThis.x = ...`: a plain `var` is not a global property inside node:vm or jsc's `load`
    footer: { js: `globalThis.${globalName} = ${globalName};` },
  });
  return outputText(result);
}

/** The same as one ES module (for `<script type="module">` and bundlers); `imports` lists what it still imports. */
export async function bundleModule(
  input: BundleInput,
  minify = false,
): Promise<{ readonly code: string; readonly imports: readonly string[] }> {
  const result = await build({ ...options(input, minify), format: 'esm', metafile: true });
  const imports = Object.values(result.metafile?.outputs ?? {}).flatMap((o) => o.imports.map((i) => i.path));
  return { code: outputText(result), imports };
}
