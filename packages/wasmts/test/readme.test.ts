// Every ```ts example of this package's README.md and of the repository's README.md runs here, with `from 'wasmts'`
// (and its subpaths) pointing at the source.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const blocks = (file: string) => [...readFileSync(file, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const examples = blocks(join(root, 'README.md'));
const rootExamples = blocks(join(root, '..', '..', 'README.md'));
const dir = join(import.meta.dirname, '.readme');
const entry = pathToFileURL(join(root, 'src', 'index.ts')).href;
const subpath = (name: string) => pathToFileURL(join(root, 'src', `${name}.ts`)).href;
const repo = join(root, '..', '..');
const wasi = pathToFileURL(join(repo, 'packages', 'wasi', 'src', 'index.ts')).href;

describe('README examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(rootExamples.length).toBeGreaterThanOrEqual(2);
  });
  [...examples, ...rootExamples].forEach((code, i) => {
    const title = code.split('\n').find((l) => !l.startsWith('import') && l.trim() !== '') ?? '';
    it(`example ${i + 1}: ${title.slice(0, 60)}`, async () => {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `example-${i + 1}.ts`);
      const source = code
        .replace(/from 'wasmts'/g, `from '${entry}'`)
        .replace(/(from |import )'wasmts\/(webassembly|polyfill)'/g, (_, lead, name) => `${lead}'${subpath(name)}'`)
        .replace(/from '@wasmts\/wasi'/g, `from '${wasi}'`)
        // paths the root README's examples give relative to the repository's root
        .replace(/'(apps\/[^']+)'/g, (_, path: string) => JSON.stringify(join(repo, path)));
      writeFileSync(file, source);
      await import(pathToFileURL(file).href);
    });
  });
});
