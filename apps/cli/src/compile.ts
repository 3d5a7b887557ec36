// `wasmts compile`: writes the artifact of `Module.serialize` (wasm bytes plus the generated JavaScript),
// which `wasmts run` and `Module.deserialize` load without generating code again (see artifact.ts).

import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Module } from 'wasmts';
import { ARTIFACT_EXTENSION, cliEngine } from './artifact.js';
import { CliError } from './errors.js';
import { loadModuleBytes } from './inspect.js';

/** Options of `wasmts compile`. */
export interface CompileCommandOptions {
  /** The output file (default: the input with the `.wasmts` extension). */
  output?: string;
  /** Compile with fuel metering (for `run --fuel N`). */
  consumeFuel?: boolean;
  /** The backend asked for; only js exists, so wasm and auto fall back to it with a note. */
  backend?: 'js' | 'wasm' | 'auto';
}

/** The default output for `input`: the same path with the `.wasmts` extension. */
export function defaultOutput(input: string): string {
  const ext = extname(input);
  const base = ext === '' ? basename(input) : basename(input, ext);
  return join(dirname(input), `${base}${ARTIFACT_EXTENSION}`);
}

/** Compiles `file` (.wasm or .wat) and writes its artifact; returns the output path. */
export async function compileCommand(file: string, options: CompileCommandOptions = {}): Promise<string> {
  if (options.backend !== undefined && options.backend !== 'js')
    process.stderr.write(`note: the ${options.backend} backend does not exist yet; compiling for the js backend\n`);
  const output = options.output ?? defaultOutput(file);
  const { bytes, format } = await loadModuleBytes(file);
  if (format === 'artifact') throw new CliError(`${file}: already a compiled wasmts artifact`);
  if (resolve(output) === resolve(file)) throw new CliError(`the output would overwrite the input \`${file}\``);
  const module = Module.fromBinary(cliEngine(options.consumeFuel === true), bytes);
  writeFileSync(output, module.serialize());
  return output;
}
