// `wasmts compile`: writes the artifact of `Module.serialize` (wasm bytes plus the generated JavaScript, or
// for the wasm backend the bytes alone, instrumented again when loaded),
// which `wasmts run` and `Module.deserialize` load without generating code again (see artifact.ts); or with
// `--format esm|cjs` the JS module of `Module.serializeJs`, for an app's bundle (`Module.fromPrecompiled`).

import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { WasmFeatures } from '@wasmts/environ';
import { type JsModuleFormat, type JsTarget, Module } from 'wasmts';
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
  /** The artifact (default), or the JS backend's code as an ES or CommonJS module (`Module.serializeJs`). */
  format?: 'artifact' | JsModuleFormat;
  /**
   * With `--format esm|cjs`: write the functions in group modules of about this many KB of code each beside the JS
   * module (`Module.serializeJsGroups`), for compilers that need bounded memory per file (hermesc).
   */
  groupKb?: number;
}

/** The default output for `input`: the same path with the `.wasmts` extension (`.wasmts.mjs`/`.wasmts.cjs` for JS). */
export function defaultOutput(input: string, format: 'artifact' | JsModuleFormat = 'artifact'): string {
  const ext = extname(input);
  const base = ext === '' ? basename(input) : basename(input, ext);
  const suffix = format === 'artifact' ? '' : format === 'esm' ? '.mjs' : '.cjs';
  return join(dirname(input), `${base}${ARTIFACT_EXTENSION}${suffix}`);
}

/** Compiles `file` (.wasm or .wat) and writes its artifact; returns the output path. */
export async function compileCommand(file: string, options: CompileCommandOptions = {}): Promise<string> {
  const format = options.format ?? 'artifact';
  const output = options.output ?? defaultOutput(file, format);
  if (format !== 'artifact' && options.backend === 'wasm')
    throw new CliError(`--format ${format} writes the js backend's code; it cannot be used with --backend wasm`);
  if (options.groupKb !== undefined) {
    if (format === 'artifact') throw new CliError('--group-kb needs --format esm or cjs');
    if (!Number.isFinite(options.groupKb) || options.groupKb <= 0)
      throw new CliError('--group-kb must be a positive number');
  }
  const { bytes, format: input } = await loadModuleBytes(file);
  if (input === 'artifact') throw new CliError(`${file}: already a compiled wasmts artifact`);
  if (resolve(output) === resolve(file)) throw new CliError(`the output would overwrite the input \`${file}\``);
  // a JS module holds the js backend's code whatever the host compiling it runs
  const backend = format === 'artifact' ? (options.backend ?? 'auto') : 'js';
  const engine = cliEngine(options.consumeFuel === true, backend, {
    ...(options.features !== undefined ? { features: options.features } : {}),
    ...(options.jsTarget !== undefined ? { jsTarget: options.jsTarget } : {}),
  });
  const progress = createProgress();
  try {
    const module = Module.fromBinary(engine, bytes, { onProgress: moduleProgress(progress) });
    if (format !== 'artifact' && options.groupKb !== undefined) {
      // the JS module where asked, its group modules beside it
      const files = module.serializeJsGroups(format, basename(output), options.groupKb * 1000);
      for (const f of files) writeFileSync(join(dirname(output), f.file), f.text);
    } else writeFileSync(output, format === 'artifact' ? module.serialize() : module.serializeJs(format));
  } finally {
    progress.done();
  }
  return output;
}
