import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specSuiteDir } from '@wasmts/testsuite';
import { describe, expect, it } from 'vitest';
import { parseWast, parseWat, type WastModule } from '../src/index.js';

const ROOT = specSuiteDir();
const files = ['.', 'legacy', 'custom'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.wast'))
    .map((f) => join(dir, f)),
);

// Modules that must parse: everything except what assert_malformed expects to fail.
function check(module: WastModule, malformed: boolean, where: string): void {
  if (module.kind === 'text' && !malformed) expect(module.error, where).toBeUndefined();
  if (module.kind === 'quote' && !malformed) expect(() => parseWat(module.source), where).not.toThrow();
}

describe('spec test suite parses', () => {
  it.each(files)('%s', (file) => {
    const script = parseWast(readFileSync(join(ROOT, file), 'utf8'), { file });
    expect(script.commands.length).toBeGreaterThan(0);
    for (const cmd of script.commands) {
      if ('module' in cmd && typeof cmd.module === 'object') {
        check(cmd.module, cmd.type === 'assert_malformed', `${file}:${cmd.line}`);
      }
    }
  });
});
