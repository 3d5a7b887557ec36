// Two napi-rs packages built for wasm32-wasip1-threads (a shared memory, wasi-threads' `thread-spawn`, emnapi's
// runtime starting Workers) run unmodified on wasmts's drop-in `WebAssembly` in place of Node's, on the wasm
// backend and on the JS backend, main thread and Workers alike (src/napi/preload.ts), and give the answers the
// same packages give on Node's own WebAssembly. Their asynchronous calls run on the pool's Workers.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** `src/napi/<name>.ts`'s answer in a child: on Node's WebAssembly, or on the drop-in with a backend. */
function run(name: string, backend: 'host' | 'wasm' | 'js'): { result: unknown; backend: string; workers: number } {
  const preload = backend === 'host' ? [] : ['--import', join(SRC, 'napi', 'preload.ts')];
  const out = execFileSync(
    process.execPath,
    ['--no-warnings', '--conditions=source', '--import', 'tsx', ...preload, join(SRC, 'run-napi.ts'), name],
    { encoding: 'utf8', env: { ...process.env, WASMTS_NAPI_BACKEND: backend }, maxBuffer: 16 << 20 },
  );
  return JSON.parse(out);
}

/** What each answer must show whatever the reference says. */
const CHECKS: Record<string, (result: Record<string, unknown>) => void> = {
  snappy: (r) => {
    expect(r.roundTrip).toBe(true);
    expect(r.asyncDigest).toBe(r.syncDigest); // the Worker's compression is the main thread's
  },
  argon2: (r) => {
    expect([r.good, r.bad]).toEqual([true, false]);
    expect(r.encoded).toMatch(/^\$argon2id\$v=19\$m=512,t=1,p=1\$/);
  },
};

for (const name of ['snappy', 'argon2']) {
  describe(name, () => {
    let native: ReturnType<typeof run>;
    beforeAll(() => {
      native = run(name, 'host');
    });
    it('runs on Node’s own WebAssembly (the reference)', () => {
      expect(native.backend).toBe('host');
      CHECKS[name]?.(native.result as Record<string, unknown>);
    });
    for (const backend of ['wasm', 'js'] as const) {
      it(`gives the same answers on the drop-in, ${backend} backend, with Workers`, () => {
        const got = run(name, backend);
        expect(got.backend).toBe(backend);
        expect(got.workers).toBeGreaterThan(0);
        expect(got.result).toEqual(native.result);
        CHECKS[name]?.(got.result as Record<string, unknown>);
      });
    }
  });
}
