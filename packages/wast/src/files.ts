// Expanding command-line paths into .wast files.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Expands files and folders into a list of files: folders are searched recursively for `*.wast`
 * (sorted by path), files are kept as given. Duplicates are dropped. Missing paths are kept so the
 * run reports them as failures.
 */
export function collectWastFiles(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      out.push(file);
    }
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) for (const file of walk(path).sort()) add(file);
    else add(path);
  }
  return out;
}

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile() && entry.name.endsWith('.wast')) files.push(path);
  }
  return files;
}
