// The runtime in headless Chromium (Debian's chromium, driven by playwright-core): a WASI program over the in-memory
// filesystem and a compute function with fuel, with WebAssembly on (the wasm backend under `auto`) and off
// (`--js-flags=--jitless`: no WebAssembly, the JS backend), each on a cross-origin isolated page and on a plain one;
// a Worker (isolated page) or the clock ticker (plain page) ticks epochs and interrupts a spinning guest.
// The test reads the page's text, checks it against what Node computes, and keeps a screenshot.

import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Config, Engine, Linker, Module, Store } from 'wasmts';
import { CHROMIUM, launchChromium } from '../src/chromium.js';
import { type PageServer, servePage } from '../src/serve.js';

// CI installs chromium (.ci/run): there its absence is a failure, elsewhere the browser tests are left out
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`no Chromium at ${CHROMIUM} (CI installs Debian's chromium)`);

const FIB = `(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2))))))))`;

/** fib(20)'s fuel on Node, the backend the page's `auto` gets with WebAssembly on. */
function nodeFuel(): number {
  const engine = new Engine(new Config({ consumeFuel: true }));
  const store = new Store(engine, null);
  store.setFuel(1e9);
  new Linker(engine).instantiate(store, new Module(engine, FIB)).getTypedFunc('fib').call(20);
  return 1e9 - store.getFuel();
}

describe.runIf(haveChromium)('Chromium', () => {
  let server: PageServer;
  const shots = join(tmpdir(), 'wasmts-chromium-shots');
  beforeAll(async () => {
    server = await servePage();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(() => server?.close());

  for (const wasm of [true, false]) {
    describe(wasm ? 'WebAssembly on' : 'WebAssembly off (--jitless)', () => {
      let browser: Browser;
      beforeAll(async () => {
        browser = await launchChromium(wasm);
      });
      afterAll(() => browser?.close());

      for (const isolated of [true, false]) {
        it(`runs WASI, a compute function with fuel and epochs on a ${isolated ? 'cross-origin isolated' : 'plain'} page`, async () => {
          const page = await browser.newPage();
          await page.goto(`${server.origin}/${isolated ? 'isolated' : 'plain'}/`);
          await page.waitForFunction("/done|error/.test(document.getElementById('out').textContent)");
          await page.screenshot({
            path: join(shots, `${wasm ? 'wasm' : 'jitless'}-${isolated ? 'isolated' : 'plain'}.png`),
          });
          const text = (await page.textContent('#out')) ?? '';
          await page.close();
          const backend = wasm ? 'wasm' : 'js';
          expect(text.split('\n')).toEqual([
            `crossOriginIsolated: ${isolated}`,
            `WebAssembly: ${wasm ? 'object' : 'undefined'}`,
            `wasi backend: ${backend}`,
            'wasi exit: 0',
            'wasi stdout: héllo, wasi',
            'wasi file: 12 bytes',
            `compute backend: ${backend}`,
            'fib(20): 6765',
            `fuel consumed: ${nodeFuel()}`,
            // the main thread may not block: the host's engine traps (wasm), Atomics.wait throws (js); a page
            // without SharedArrayBuffer has a memory nobody else can change (js: timed out at once)
            `atomic wait: ${backend} ${isolated || wasm ? 'AtomicWaitNotAllowed' : 'returned 2'}`,
            // a Worker ticks where the page is isolated, the clock ticker elsewhere (see README)
            'epoch: interrupted',
            'done',
          ]);
        });
      }
    });
  }
});
