// Module artifacts on the command line: telling them apart by their magic header, reading the header for
// `inspect`, and loading them with `Module.deserialize` (no code generation) with one-line errors.

import type { WasmFeatures } from '@wasmts/environ';
import { Config, DeserializeError, Engine, type JsTarget, Module, readArtifactHeader as readHeader } from 'wasmts';
import { CliError } from './errors.js';

/** The extension `compile` gives its output by default. */
export const ARTIFACT_EXTENSION = '.wasmts';

/** What an artifact's header says: the version that wrote it and the engine settings it was compiled for. */
export interface ArtifactHeaderInfo {
  version: string;
  backend: string;
  /** Whether the code charges fuel (`compile --consume-fuel`). */
  consumeFuel: boolean;
  /** Whether the code checks epoch deadlines. */
  epochInterruption: boolean;
  /** The engine's codegen tunables it was compiled with. */
  tunables: Record<string, unknown>;
}

/** Reads an artifact's header for display (the `wasmts` API's reader); `Module.deserialize` checks the rest. */
export function readArtifactHeader(bytes: Uint8Array, file: string): ArtifactHeaderInfo {
  try {
    const { version, backend, tunables } = readHeader(bytes);
    return {
      version,
      backend,
      consumeFuel: tunables.consumeFuel === true,
      epochInterruption: tunables.epochInterruption === true,
      tunables: { ...tunables },
    };
  } catch (error) {
    if (error instanceof DeserializeError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/** Engine settings beyond fuel and the backend (`run -W epoch-interruption,max-wasm-stack=...`). */
export interface CliEngineOptions {
  /** Proposals modules may use (`--features`; Wasm 3.0 by default). */
  features?: WasmFeatures;
  epochInterruption?: boolean;
  maxWasmStack?: number;
  /** The host the JS backend's code is shaped for (`compile --js-target`). */
  jsTarget?: JsTarget;
}

/** The engine `run`, `compile` and `inspect` use: the backend asked for (auto by default), fuel when asked for. */
export function cliEngine(
  consumeFuel: boolean,
  backend: 'js' | 'wasm' | 'auto' = 'auto',
  options: CliEngineOptions = {},
): Engine {
  return new Engine(
    new Config({
      backend,
      consumeFuel,
      ...(options.features !== undefined ? { features: options.features } : {}),
      ...(options.epochInterruption === true ? { epochInterruption: true } : {}),
      ...(options.maxWasmStack !== undefined ? { maxWasmStack: options.maxWasmStack } : {}),
      ...(options.jsTarget !== undefined ? { jsTarget: options.jsTarget } : {}),
    }),
  );
}

/**
 * Loads the artifact `bytes` (read from `file`) for `engine` without generating code again. Anything
 * that cannot be loaded is a one-line CliError; an artifact compiled with the other fuel setting says
 * which flag to use.
 */
export function loadArtifact(engine: Engine, bytes: Uint8Array, file: string): Module {
  try {
    return Module.deserialize(engine, bytes);
  } catch (error) {
    if (!(error instanceof DeserializeError)) throw error;
    if (/different settings/.test(error.message)) {
      const fuel = engine.controls.consumeFuel;
      let other = false;
      try {
        Module.deserialize(cliEngine(!fuel, engine.config.backend), bytes);
        other = true;
      } catch {
        // not the fuel setting: report the original error
      }
      if (other && fuel)
        throw new CliError(
          `${file}: this artifact was compiled without fuel metering, so it cannot run with --fuel; ` +
            'compile it with `wasmts compile --consume-fuel`',
        );
      if (other)
        throw new CliError(
          `${file}: this artifact was compiled with --consume-fuel; run it with --fuel N (or compile it without --consume-fuel)`,
        );
    }
    throw new CliError(`${file}: ${error.message}`);
  }
}
