// `wasmts compile`: writes the artifact of `Module.serialize` (wasm bytes plus the generated JavaScript, or
// for the wasm backend the bytes alone, instrumented again when loaded),
// which `wasmts run` and `Module.deserialize` load without generating code again (see artifact.ts).

import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { WasmFeatures } from '@wasmts/environ';
import { type JsTarget, Module } from 'wasmts';
import { ARTIFACT_EXTENSION, cliEngine } from './artifact.js';
import { CliError } from './errors.js';
import { loadModuleBytes } from './inspect.js';
import { createProgress, moduleProgress } from './progress.js';

/** Options of `wasmts compile`. */
export interface CompileCommandOptions {
  /** The output file (default: the input with the `.wasmts` extension). */
  output?: string;
  /** Compile with fuel metering (for `run --fuel N`). */
  consumeFuel?: boolean;
  /** The backend asked for (auto by default: wasm where the host can run the module, else js). */
  backend?: 'js' | 'wasm' | 'auto';
  /** Proposals the module may use (`--features`). */
  features?: WasmFeatures;
  /** The host the JS backend's code is shaped for (`--js-target`, `Config.jsTarget`). */
  jsTarget?: JsTarget;
}

/** The default output for `input`: the same path with the `.wasmts` extension. */
export function defaultOutput(input: string): string {
  const ext = extname(input);
  const base = ext === '' ? basename(input) : basename(input, ext);
  return join(dirname(input), `${base}${ARTIFACT_EXTENSION}`);
}

/** Compiles `file` (.wasm or .wat) and writes its artifact; returns the output path. */
export async function compileCommand(file: string, options: CompileCommandOptions = {}): Promise<string> {
  const output = options.output ?? defaultOutput(file);
  const { bytes, format } = await loadModuleBytes(file);
  if (format === 'artifact') throw new CliError(`${file}: already a compiled wasmts artifact`);
  if (resolve(output) === resolve(file)) throw new CliError(`the output would overwrite the input \`${file}\``);
  const engine = cliEngine(options.consumeFuel === true, options.backend ?? 'auto', {
    ...(options.features !== undefined ? { features: options.features } : {}),
    ...(options.jsTarget !== undefined ? { jsTarget: options.jsTarget } : {}),
  });
  const progress = createProgress();
  try {
    const module = Module.fromBinary(engine, bytes, { onProgress: moduleProgress(progress) });
    writeFileSync(output, module.serialize());
  } finally {
    progress.done();
  }
  return output;
}
