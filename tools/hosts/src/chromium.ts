// Debian's headless Chromium through playwright-core: the executable, the flags, and the spec runner's driver.

import { readFileSync } from 'node:fs';
import type { FileReport } from '@wasmts/wast';
import { type Browser, chromium, type Page } from 'playwright-core';

/** The browser (`WASMTS_CHROMIUM`, else Debian's `/usr/bin/chromium`). */
export const CHROMIUM = process.env.WASMTS_CHROMIUM ?? '/usr/bin/chromium';
/** Flags for a headless run on a CI machine: no sandbox (root), no GPU, no network of its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
/** V8 without its JIT tiers, which also leaves the page without `WebAssembly`. */
export const JITLESS = '--js-flags=--jitless';

/** Launches the browser, with WebAssembly (and the JIT) or without. */
export function launchChromium(wasm: boolean): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: wasm ? CHROMIUM_FLAGS : [...CHROMIUM_FLAGS, JITLESS] });
}

/** One translated script to run: its name and the path of its JSON (./spec/format.ts). */
export interface SpecJob {
  readonly file: string;
  readonly json: string;
}

/**
 * Runs translated scripts in pages of Chromium with WebAssembly off, one page per run of scripts: a script that
 * times out or crashes its page fails and the next one gets a new page. Calls `onResult` per script with its
 * report, or with why it has none.
 */
export async function runSpecInChromium(
  jobs: readonly SpecJob[],
  runner: string,
  timeoutMs: number,
  onResult: (index: number, result: FileReport | string) => void,
): Promise<void> {
  const browser = await launchChromium(false);
  const open = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.addScriptTag({ content: runner });
    const wasm = await page.evaluate('typeof WebAssembly');
    if (wasm !== 'undefined') throw new Error(`the page has WebAssembly (${wasm}): ${JITLESS} did not apply`);
    return page;
  };
  try {
    let page = await open();
    for (let i = 0; i < jobs.length; i++) {
      const args = [jobs[i].file, readFileSync(jobs[i].json, 'utf8')] as const;
      let timer: NodeJS.Timeout | undefined;
      try {
        const run = page.evaluate(
          ([file, json]) =>
            (
              globalThis as unknown as { wasmtsSpec: { runTranslated(f: string, j: string): string } }
            ).wasmtsSpec.runTranslated(file, json),
          args,
        );
        const timeout = new Promise<never>((_, fail) => {
          timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
        });
        onResult(i, JSON.parse(await Promise.race([run, timeout])) as FileReport);
      } catch (e) {
        onResult(i, (e as Error).message.split('\n')[0]);
        await page.close().catch(() => {});
        page = await open();
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    await browser.close();
  }
}
