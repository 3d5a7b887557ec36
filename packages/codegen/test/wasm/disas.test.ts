// The instrumented code of each test/wasm/disas/*.wat, listed beside it as *.txt (fuel, epoch and a
// call-depth limit of 1000 all on; `epochPoll` too for files whose name starts with `poll`). Update with `npx vitest run test/wasm/disas.test.ts -u` and review.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModule, wasmFeatures } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';

import { instrumentModule, printModule } from '../../src/wasm/index.js';

const dir = join(import.meta.dirname, 'disas');

describe('instrumented code', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.wat'))) {
    it(file, async () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const bytes = parseWat(text);
      // a line `;; features: {...}` decodes with those proposals enabled too (wideArithmetic)
      const features = /^;; features: (.*)$/m.exec(text);
      const epochPoll = file.startsWith('poll');
      const options = { fuel: true, epoch: true, epochPoll, maxCallDepth: 1000 };
      const decodeOptions = features ? { features: wasmFeatures(JSON.parse(features[1])) } : {};
      const out = instrumentModule(decodeModule(bytes, decodeOptions), options).bytes;
      await expect(printModule(out, decodeOptions.features)).toMatchFileSnapshot(
        join(dir, file.replace(/\.wat$/, '.txt')),
      );
    });
  }
});
