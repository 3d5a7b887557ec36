// Proposal suites written before later proposals changed the rules they assert: each runs with the run's features
// minus the proposals it contradicts (its own feature set, as wasmtime's runner does), and the report says so.

import { FEATURE_NAMES, WASM3_FEATURES, type WasmFeatures } from '@wasmts/environ';

/** A suite folder, the proposals its assertions predate, and which assertions those proposals make wrong. */
interface LegacySuite {
  readonly folder: string;
  readonly off: readonly (keyof WasmFeatures)[];
  readonly why: string;
}

const LEGACY_SUITES: readonly LegacySuite[] = [
  {
    folder: 'proposals/threads/',
    off: ['multiMemory', 'referenceTypes'],
    why: "it asserts 'multiple memories' and 'multiple tables' invalid",
  },
];

/** The features a script runs with when they differ from the run's, and a note naming what was turned off and why. */
export interface ScriptFeatures {
  readonly features: WasmFeatures;
  readonly note: string;
}

/**
 * The feature set for the script at `file` if it is in a suite that predates proposals `features` turns on;
 * `undefined` when the run's features apply as they are.
 */
export function legacyScriptFeatures(
  file: string,
  features: WasmFeatures = WASM3_FEATURES,
): ScriptFeatures | undefined {
  const path = `/${file.replace(/\\/g, '/')}`;
  const suite = LEGACY_SUITES.find((s) => path.includes(`/${s.folder}`));
  if (suite === undefined) return undefined;
  const on = suite.off.filter((k) => features[k]);
  if (on.length === 0) return undefined;
  const adjusted: Record<string, boolean> = { ...features };
  for (const k of on) adjusted[k] = false;
  const names = on.map((k) => FEATURE_NAMES[k]).join(' and ');
  return {
    features: Object.freeze(adjusted) as unknown as WasmFeatures,
    note: `run without ${names}: the ${suite.folder.replace(/\/$/, '')} suite predates them (${suite.why})`,
  };
}
