// Every ```ts example of README.md runs here, with `from 'wasmts'` and `from '@wasmts/wasi'` pointing at
// the sources.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const dir = join(import.meta.dirname, '.readme');
const wasi = pathToFileURL(join(root, 'src', 'index.ts')).href;
const wasmts = pathToFileURL(join(root, '..', 'wasmts', 'src', 'index.ts')).href;
const repo = join(root, '..', '..');

describe('README examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });
  examples.forEach((code, i) => {
    it(`example ${i + 1}`, async () => {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `example-${i + 1}.ts`);
      writeFileSync(
        file,
        code
          .replace(/from 'wasmts'/g, `from '${wasmts}'`)
          .replace(/from '@wasmts\/wasi'/g, `from '${wasi}'`)
          // paths the examples give relative to the repository's root
          .replace(/'(apps\/[^']+)'/g, (_, path: string) => JSON.stringify(join(repo, path))),
      );
      await import(pathToFileURL(file).href);
    });
  });
});
