// Every `rt` member that generated code names must exist in the runtime's builtins object.
import { readFileSync } from 'node:fs';
import { decodeModule } from '@wasmts/environ';
import { BUILTIN_NAMES } from '@wasmts/runtime';
import { parseWast } from '@wasmts/wat';
import { expect, it } from 'vitest';
import { compileModule } from '../src/index.js';

const FILES = [
  'bulk.wast',
  'memory_grow.wast',
  'table_grow.wast',
  'table_fill.wast',
  'call_indirect.wast',
  'return_call_indirect.wast',
  'try_table.wast',
  'throw_ref.wast',
  'legacy/try_delegate.wast',
  'struct.wast',
  'array.wast',
  'array_new_data.wast',
  'array_init_elem.wast',
  'i31.wast',
  'ref_test.wast',
  'br_on_cast.wast',
  'extern.wast',
  'simd_lane.wast',
  'simd_load8_lane.wast',
  'simd_const.wast',
];

it('uses only builtins the runtime defines', () => {
  const used = new Set<string>();
  for (const file of FILES) {
    const script = parseWast(readFileSync(new URL(`../../../../shared/testsuite/${file}`, import.meta.url), 'utf8'));
    for (const c of script.commands) {
      if (c.type !== 'module' || c.module.kind !== 'text' || !c.module.bytes) continue;
      for (const name of compileModule(decodeModule(c.module.bytes), {
        tunables: { consumeFuel: true, epochInterruption: true },
      }).builtinsUsed)
        used.add(name);
    }
  }
  const defined = new Set(BUILTIN_NAMES);
  expect([...used].filter((n) => !defined.has(n))).toEqual([]);
  // SIMD operators use no builtin but `V128` (at the boundary): they run inline or through codegen's own helpers
  expect(used.size).toBeGreaterThan(25);
});
