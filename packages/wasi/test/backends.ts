// The same tree on both backends: in memory, and in a fresh temporary directory for the Node backend.

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryFilesystem, MemorySymlink, type MemoryTree, type WasiOptions } from '../src/index.js';

/** Writes `tree` under the host directory `dir`. */
export function writeTree(dir: string, tree: MemoryTree): void {
  for (const [name, v] of Object.entries(tree)) {
    const p = join(dir, name);
    if (typeof v === 'string' || v instanceof Uint8Array) writeFileSync(p, v);
    else if (v instanceof MemorySymlink) symlinkSync(v.target, p);
    else {
      mkdirSync(p);
      writeTree(p, v);
    }
  }
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'wasmts-wasi-'));
}

/** A backend under test: WASI options whose preopen fd 3 is `/sandbox` holding `tree`. */
export interface Backend {
  name: string;
  options(tree: MemoryTree, extra?: WasiOptions): WasiOptions;
}

/** Both backends. */
export const BACKENDS: Backend[] = [
  {
    name: 'memory',
    options: (tree, extra = {}) => ({
      fs: new MemoryFilesystem({ sandbox: tree }),
      preopens: { '/sandbox': '/sandbox' },
      ...extra,
    }),
  },
  {
    name: 'node',
    options: (tree, extra = {}) => {
      const dir = tempDir();
      mkdirSync(join(dir, 'sandbox'));
      writeTree(join(dir, 'sandbox'), tree);
      return { preopens: { '/sandbox': join(dir, 'sandbox') }, ...extra };
    },
  },
];
