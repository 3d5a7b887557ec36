// The backend the shared API tests run on: vitest runs them twice (vitest.config.ts projects), once with
// the default ('auto': the wasm backend on this host) and once with WASMTS_TEST_BACKEND=js.
import { Config, type ConfigOptions } from '../src/index.js';

/** The backend of this test run. */
export const BACKEND = (process.env.WASMTS_TEST_BACKEND ?? 'auto') as 'js' | 'wasm' | 'auto';

/** A Config for this run's backend (`init.backend` still wins, for tests about one backend). */
export function testConfig(init: ConfigOptions = {}): Config {
  return new Config({ backend: BACKEND, ...init });
}
