// Snapshot tests (wasmtime's tests/disas): each test/disas/<case>.wat is compiled and the generated
// JavaScript is kept beside it as <case>.js, so every codegen change shows up in review.
// Update with `npx vitest run test/disas.test.ts -u`.
import { readdirSync, readFileSync } from 'node:fs';
import { decodeModule, wasmFeatures } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';

const dir = new URL('./disas/', import.meta.url);

describe('disas', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.wat'))) {
    it(file, async () => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      // a first line `;; tunables: {...}` compiles the case with those tunables (fuel, epochs); a line
      // `;; splitChars: N` splits functions longer than N characters of JS (README.md, "Splitting large functions")
      const m = /^;; tunables: (.*)\n/.exec(text);
      const split = /^;; splitChars: (\d+)$/m.exec(text);
      // a line `;; plainFloatLoads` compiles with CompileOptions.plainFloatLoads (the NaN-canonical hosts' form)
      const plainFloatLoads = /^;; plainFloatLoads$/m.test(text);
      // a line `;; feedbackWarmup` compiles with CompileOptions.feedbackWarmup (the form for hosts with a JIT)
      const feedbackWarmup = /^;; feedbackWarmup$/m.test(text);
      // a line `;; branchCondValues` compiles with CompileOptions.branchCondValues (the form for interpreters)
      // (`;; branchCondValues values`: the values alone, conditions tested bare: the form for V8's Ignition)
      const branchCondValues = /^;; branchCondValues values$/m.test(text)
        ? ('values' as const)
        : /^;; branchCondValues$/m.test(text);
      // a line `;; features: {...}` decodes with those proposals enabled too (wideArithmetic)
      const features = /^;; features: (.*)$/m.exec(text);
      const module = decodeModule(parseWat(text), features ? { features: wasmFeatures(JSON.parse(features[1])) } : {});
      const compiled = compileModule(module, {
        indent: true,
        ...(m ? { tunables: JSON.parse(m[1]) } : {}),
        ...(split ? { splitChars: Number(split[1]) } : {}),
        ...(plainFloatLoads ? { plainFloatLoads } : {}),
        ...(feedbackWarmup ? { feedbackWarmup } : {}),
        ...(branchCondValues ? { branchCondValues } : {}),
      });
      await expect(`${compiled.source}\n`).toMatchFileSnapshot(`./disas/${file.replace(/\.wat$/, '.js')}`);
    });
  }
});
