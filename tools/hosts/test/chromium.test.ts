// The runtime in headless Chromium (Debian's chromium, driven by playwright-core): a WASI program over the in-memory
// filesystem and a compute function with fuel, with WebAssembly on (the wasm backend under `auto`) and off
// (`--js-flags=--jitless`: no WebAssembly, the JS backend), each on a cross-origin isolated page and on a plain one;
// a Worker (isolated page) or the clock ticker (plain page) ticks epochs and interrupts a spinning guest.
// The test reads the page's text, checks it against what Node computes, and keeps a screenshot.

import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseWat } from '@wasmts/wat';
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
function nodeFuel(module: string | Uint8Array = FIB): number {
  const engine = new Engine(new Config({ consumeFuel: true }));
  const store = new Store(engine, null);
  store.setFuel(1e9);
  new Linker(engine).instantiate(store, new Module(engine, module)).getTypedFunc('fib').call(20);
  return 1e9 - store.getFuel();
}

/** FIB with 600 KB of data: over the size from which `Module.compile` instruments in a worker. */
const LARGE = parseWat(FIB.replace(/\)$/, `(memory 10) (data (i32.const 0) "${'\\00'.repeat(600 * 1024)}"))`));

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

      it.runIf(wasm)('Module.compile of a large module instruments it in a Web Worker', async () => {
        const page = await browser.newPage();
        await page.goto(`${server.origin}/plain/`);
        await page.evaluate((bytes) => {
          (globalThis as unknown as { large: Uint8Array }).large = new Uint8Array(bytes);
        }, Array.from(LARGE));
        // a string: the test's own transform would rewrite an import() in a function
        const result = (await page.evaluate(`(async () => {
          let started = 0;
          let answered = 0;
          const Base = globalThis.Worker;
          globalThis.Worker = class extends Base {
            constructor(...a) {
              super(...a);
              started++;
              this.addEventListener('message', (e) => { if (e.data && e.data.ok === true) answered++; });
            }
          };
          const { Config, Engine, Module, Linker, Store } = await import(location.origin + '/plain/wasmts.mjs');
          const engine = new Engine(new Config({ backend: 'wasm', consumeFuel: true }));
          let ticks = 0;
          const timer = setInterval(() => ticks++, 1);
          const m = await Module.compile(engine, globalThis.large);
          clearInterval(timer);
          const store = new Store(engine, null);
          store.setFuel(1e9);
          const fib = new Linker(engine).instantiate(store, m).getTypedFunc('fib');
          return { started, answered, ticks, backend: m.backend, fib: fib.call(20), fuel: 1e9 - store.getFuel() };
        })()`)) as {
          started: number;
          answered: number;
          ticks: number;
          backend: string;
          fib: number;
          fuel: number;
        };
        await page.close();
        // one worker started and answered; the page's thread ran timers meanwhile; the module computes as on Node
        expect(result).toMatchObject({ started: 1, answered: 1, backend: 'wasm', fib: 6765, fuel: nodeFuel(LARGE) });
        expect(result.ticks).toBeGreaterThan(0);
      });

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
