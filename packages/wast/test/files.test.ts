import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectWastFiles } from '../src/index.js';

describe('collectWastFiles', () => {
  it('expands folders recursively to sorted *.wast files and keeps files as given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wast-files-'));
    mkdirSync(join(dir, 'sub'));
    for (const f of ['b.wast', 'a.wast', 'notes.txt', 'sub/c.wast']) writeFileSync(join(dir, f), '');
    const explicit = join(dir, 'notes.txt');
    expect(collectWastFiles([explicit, dir, join(dir, 'a.wast')])).toEqual([
      explicit,
      join(dir, 'a.wast'),
      join(dir, 'b.wast'),
      join(dir, 'sub', 'c.wast'),
    ]);
  });
});
