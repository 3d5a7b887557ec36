// esbuild-wasm 0.28.2 (Go, 14 MB of wasm): its in-process API (`worker: false`, no worker thread or child
// process) transforms TypeScript and bundles two modules; the answer is the output code.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Esbuild = typeof import('esbuild-wasm');

let ready: Promise<Esbuild> | null = null;

function esbuild(): Promise<Esbuild> {
  ready ??= (async () => {
    // The browser API runs the Go program in this thread with `worker: false`; it reads the global object as
    // `self`, which browsers and Deno define and Node 20 does not.
    (globalThis as { self?: unknown }).self ??= globalThis;
    const api = require('esbuild-wasm/lib/browser.js') as Esbuild;
    const bytes = readFileSync(require.resolve('esbuild-wasm/esbuild.wasm'));
    const host = globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => never } };
    await api.initialize({ wasmModule: new host.WebAssembly.Module(bytes), worker: false });
    return api;
  })();
  return ready;
}

const TS = `
enum Color { Red, Green = 5, Blue }
interface Point { x: number; y: number }
export function norm(p: Point): number { return Math.sqrt(p.x ** 2 + p.y ** 2); }
export const colors = [Color.Red, Color.Green, Color.Blue] as const;
export default class Box<T> { constructor(private readonly value: T) {} get(): T { return this.value; } }
`;

/** The transformed and minified code and a two-module bundle. */
export async function answer(): Promise<unknown> {
  const api = await esbuild();
  const transformed = await api.transform(TS, { loader: 'ts', format: 'esm', target: 'es2019' });
  const minified = await api.transform(TS, { loader: 'ts', format: 'cjs', minify: true });
  const bundled = await api.build({
    stdin: {
      contents: "import { twice } from './lib'; console.log(twice(21));",
      resolveDir: '/',
      sourcefile: 'main.js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    plugins: [
      {
        name: 'memory',
        setup(build) {
          build.onResolve({ filter: /^\.\/lib$/ }, () => ({ path: 'lib', namespace: 'mem' }));
          build.onLoad({ filter: /.*/, namespace: 'mem' }, () => ({
            contents: 'export const twice = (n: number): number => n * 2;',
            loader: 'ts',
          }));
        },
      },
    ],
  });
  return { transformed: transformed.code, minified: minified.code, bundled: bundled.outputFiles?.[0]?.text };
}
