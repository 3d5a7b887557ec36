import { defineConfig } from 'vitest/config';

// The API tests that apply to both backends (test/backend.ts) run twice: with the default backend ('auto',
// the wasm backend wherever the host can run the module) and with the js backend.
const BOTH = [
  'api',
  'atomic-wait',
  'backtrace',
  'cross-engine',
  'epoch',
  'fuel',
  'implementation-limits',
  'limits',
  'module-input',
  'memory-before-instantiation',
  'module-progress',
  'serialize',
  'shared-memory',
  'stack',
  'types',
  'webassembly-share',
  'wrong-store',
].map((t) => `test/${t}.test.ts`);

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    testTimeout: 600_000,
    projects: [
      { extends: true, test: { name: 'auto', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'js', include: BOTH, env: { WASMTS_TEST_BACKEND: 'js' } } },
    ],
  },
});
