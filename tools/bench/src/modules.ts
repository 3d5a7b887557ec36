// Real modules to benchmark, taken from npm packages that ship them (dev dependencies of this package).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import type { BenchInput } from './harness.js';

const require = createRequire(import.meta.url);

/** Ruby 3.4 for WASI (about 16.7 MB; one large code section, the main case). */
export function rubyWasm(): BenchInput {
  const file = require.resolve('@ruby/3.4-wasm-wasi/dist/ruby.wasm');
  return { name: 'ruby.wasm (@ruby/3.4-wasm-wasi)', modules: [new Uint8Array(readFileSync(file))] };
}

/** The small hand-tuned modules of hash-wasm, embedded in its JS as base64 (many small modules: per-module overhead). */
export function hashWasmModules(): BenchInput {
  const js = readFileSync(require.resolve('hash-wasm/dist/index.esm.js'), 'utf8');
  const modules: Uint8Array[] = [];
  for (const match of js.matchAll(/["'`](AGFzbQ[A-Za-z0-9+/=]+)["'`]/g)) {
    modules.push(new Uint8Array(Buffer.from(match[1], 'base64')));
  }
  if (modules.length === 0) throw new Error('no embedded wasm found in hash-wasm/dist/index.esm.js');
  return { name: 'hash-wasm', modules };
}

/** A module file given on the command line. */
export function fileInput(path: string): BenchInput {
  return { name: basename(path), modules: [new Uint8Array(readFileSync(path))] };
}
