// Module artifacts on the command line: telling them apart by their magic header, reading the header for
// `inspect`, and loading them with `Module.deserialize` (no code generation) with one-line errors.

import { Config, DeserializeError, Engine, Module } from 'wasmts';
import { CliError } from './errors.js';
import { ARTIFACT_MAGIC, isArtifact } from './inspect.js';

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

/**
 * Reads an artifact's header (magic | u32 LE header length | UTF-8 JSON header | ...) for display. It
 * checks nothing else: `Module.deserialize` verifies the version, settings and checksum.
 */
export function readArtifactHeader(bytes: Uint8Array, file: string): ArtifactHeaderInfo {
  if (!isArtifact(bytes)) throw new CliError(`${file}: not a wasmts module artifact (bad magic header)`);
  const at = ARTIFACT_MAGIC.length;
  const corrupted = new CliError(`${file}: corrupted module artifact (bad header)`);
  if (bytes.length < at + 4) throw corrupted;
  const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);
  if (at + 4 + n > bytes.length) throw corrupted;
  try {
    const header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at + 4, at + 4 + n)));
    const settings = JSON.parse(String(header.settings)) as { tunables?: Record<string, unknown> };
    const tunables = settings.tunables ?? {};
    return {
      version: String(header.version),
      backend: String(header.backend),
      consumeFuel: tunables.consumeFuel === true,
      epochInterruption: tunables.epochInterruption === true,
      tunables,
    };
  } catch {
    throw corrupted;
  }
}

/** The engine `run` uses: the js backend, with fuel metering when asked for. */
export function cliEngine(consumeFuel: boolean): Engine {
  return new Engine(new Config({ backend: 'js', consumeFuel }));
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
        Module.deserialize(cliEngine(!fuel), bytes);
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
