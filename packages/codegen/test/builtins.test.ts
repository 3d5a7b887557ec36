// Every `rt` member that generated code names is a libcall of environ's table (so the runtime defines it), and every
// libcall of the table has a caller in codegen.
import { readdirSync, readFileSync } from 'node:fs';
import { decodeModule, LIBCALL_NAMES } from '@wasmts/environ';
import { specSuitePath } from '@wasmts/testsuite';
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
    const script = parseWast(readFileSync(specSuitePath(file), 'utf8'));
    for (const c of script.commands) {
      if (c.type !== 'module' || c.module.kind !== 'text' || !c.module.bytes) continue;
      for (const name of compileModule(decodeModule(c.module.bytes), {
        tunables: { consumeFuel: true, epochInterruption: true },
      }).builtinsUsed)
        used.add(name);
    }
  }
  const defined = new Set<string>(LIBCALL_NAMES);
  expect([...used].filter((n) => !defined.has(n))).toEqual([]);
  // SIMD operators use no builtin but `V128` (at the boundary): they run inline or through codegen's own helpers
  expect(used.size).toBeGreaterThan(25);
});

it('names every libcall of the table somewhere in its source (no libcall without a caller)', () => {
  const dir = new URL('../src/', import.meta.url);
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n');
  // codegen names a libcall as a string literal (`env.rt('memoryGrow')`, `'arrayNewData'`) or as `rt.<name>`
  const uncalled = LIBCALL_NAMES.filter((n) => !source.includes(`'${n}'`) && !source.includes(`rt.${n}`));
  expect(uncalled).toEqual([]);
});

it('names every helper of H in its source (no dead numeric helper)', async () => {
  const { HELPERS } = await import('../src/helpers.js');
  const dir = new URL('../src/', import.meta.url);
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n');
  // generated code names a helper as `H.<name>` (or through a string literal of its name)
  const unused = Object.keys(HELPERS).filter((n) => !source.includes(`H.${n}`) && !source.includes(`'${n}'`));
  expect(unused).toEqual([]);
});
