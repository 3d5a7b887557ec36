// `memory.grow` on an i64 memory on the wasm backend (found by the fuzzer, tools/fuzz `--gen memory64`): the
// grow hook took its delta as an i32, so every grow of a memory64 trapped ("out of bounds memory access").
// Node 20's V8 runs memory64 only with a flag, so the case runs in a child process that has it.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hostSupport } from 'wasmts';

const here = dirname(fileURLToPath(import.meta.url));
const hasWasm = typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== 'undefined';

describe.runIf(hasWasm)('memory.grow on an i64 memory', () => {
  it('gives the same results on the wasm backend as on the JS backend', () => {
    const flags = hostSupport().features.has('memory64') ? [] : ['--experimental-wasm-memory64'];
    const r = spawnSync(
      process.execPath,
      [...flags, '--conditions=source', '--import', 'tsx', resolve(here, 'child/memory64-grow.ts')],
      { cwd: resolve(here, '..'), encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(out.wasm.backend).toBe('wasm');
    expect(out.js.backend).toBe('js');
    // grow by 0, 1, 0, 2 (past the maximum of 3: -1), 1, 2^40 pages, more than 2^53, 2^64 - 1: the old size or -1
    expect(out.js.results).toEqual(['1 1', '1 2', '2 2', '-1 2', '2 3', '-1 3', '-1 3', '-1 3']);
    expect(out.wasm.results).toEqual(out.js.results);
  });
});
