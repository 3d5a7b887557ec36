// The spec runner inside the engine under test: decodes a translated script, runs it through the public
// wasmts API (the JS backend) and returns its report as JSON. Bundled for platform 'neutral' (see ../bundle.ts).

import { executingHost, runScript } from '@wasmts/wast/portable';
import { decodeScript } from './format.js';

const host = executingHost({ backend: 'js' });

/** Runs one translated script and returns its `FileReport` as JSON. */
export function runTranslated(file: string, json: string): string {
  return JSON.stringify(runScript(decodeScript(json), file, { validateOnly: false, host }));
}
