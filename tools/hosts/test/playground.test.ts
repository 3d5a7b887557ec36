// The playground (playground/) in headless Chromium, with WebAssembly on and off, on a cross-origin isolated page
// and a plain one: a user's module run with fuel, a trap shown with its wasm backtrace and offsets, a compile
// error, and a WASI program's stdout. The test types into the page, clicks Run, reads the output and keeps a
// screenshot per configuration.

import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../src/chromium.js';
import { type PageServer, servePage } from '../src/serve.js';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`no Chromium at ${CHROMIUM} (CI installs Debian's chromium)`);

const HELLO = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "hi from the playground\\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 100))
    (i32.store (i32.const 4) (i32.const 23))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`;

async function runIn(page: Page, fields: { source?: string; export?: string; args?: string; fuel?: string }) {
  if (fields.source !== undefined) await page.fill('#source', fields.source);
  if (fields.export !== undefined) await page.fill('#export', fields.export);
  if (fields.args !== undefined) await page.fill('#args', fields.args);
  if (fields.fuel !== undefined) await page.fill('#fuel', fields.fuel);
  await page.click('#run');
  return (await page.textContent('#out')) ?? '';
}

describe.runIf(haveChromium)('the playground in Chromium', () => {
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
        it(`runs a module, a trap, a compile error and WASI on a ${isolated ? 'cross-origin isolated' : 'plain'} page`, async () => {
          const page = await browser.newPage();
          await page.goto(`${server.origin}/${isolated ? 'isolated' : 'plain'}/playground/`);
          await page.waitForFunction("/^ready/.test(document.getElementById('status').textContent)");
          expect(await page.textContent('#status')).toBe(
            `ready: this page ${wasm ? 'has' : 'has no'} WebAssembly${isolated ? ', cross-origin isolated' : ''}`,
          );
          const backend = wasm ? 'wasm' : 'js';
          // the default module: fib(20) with fuel (the same amount on both backends: the fuel tests pin it)
          const fib = await runIn(page, { fuel: '1000000' });
          expect(fib).toMatch(new RegExp(`^compiled in [\\d.]+ ms, backend ${backend}\\nfib\\(20\\) = 6765\\nran in`));
          expect(fib).toMatch(/\nfuel consumed: \d+$/);
          // a trap: the message and the backtrace as wasmtime prints them, with the operator's offset
          const trap = await runIn(page, { export: 'divide', args: '7, 0', fuel: '' });
          expect(trap).toMatch(/Trap: integer divide by zero\nwasm backtrace:\n {4}0: +0x[0-9a-f]+ - demo!divide$/);
          await page.screenshot({
            path: join(shots, `playground-${wasm ? 'wasm' : 'jitless'}-${isolated ? 'isolated' : 'plain'}.png`),
          });
          // a compile error: typed, with where it is
          const bad = await runIn(page, { source: '(module (func (result i32) (i64.const 1)))' });
          expect(bad).toMatch(/^CompileError: .*type mismatch/);
          // WASI: _start with stdout shown
          const hello = await runIn(page, { source: HELLO });
          expect(hello).toMatch(/\nexit code 0\nstdout:\nhi from the playground\n/);
          await page.close();
        });
      }
    });
  }
});
