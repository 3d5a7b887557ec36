// `--features` parsing: a comma-separated list applied left to right over the Wasm 3.0 defaults.

import { FEATURE_NAMES, MVP_FEATURES, WASM3_FEATURES, type WasmFeatures } from '@wasmts/environ';

type FeatureKey = keyof WasmFeatures;

const keyOf = (name: string): string => name.toLowerCase().replace(/[-_]/g, '');

/** The help text of `--features`. */
export const FEATURES_HELP =
  'comma-separated proposals to switch on (name or +name) or off (-name), applied over the Wasm 3.0 ' +
  "defaults; 'mvp' switches all off, 'all' all on, 'wasm3' restores the defaults " +
  '(e.g. --features=-simd,+threads)';

/** Parses a `--features` value; throws an Error naming the valid features on an unknown one. */
export function parseFeatures(list: string, base: WasmFeatures = WASM3_FEATURES): WasmFeatures {
  const keys = Object.keys(WASM3_FEATURES) as FeatureKey[];
  const byName = new Map<string, FeatureKey>(keys.map((k) => [keyOf(k), k]));
  const features: Record<FeatureKey, boolean> = { ...base };
  for (const raw of list.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const on = !item.startsWith('-');
    const name = keyOf(item.replace(/^[+-]/, ''));
    if (name === 'mvp') Object.assign(features, MVP_FEATURES);
    else if (name === 'wasm3' || name === 'default') Object.assign(features, WASM3_FEATURES);
    else if (name === 'all') for (const k of keys) features[k] = true;
    else {
      const key = byName.get(name);
      if (key === undefined) {
        const valid = keys.map((k) => `${kebab(k)} (${FEATURE_NAMES[k]})`).join(', ');
        throw new Error(`unknown feature '${item}'; known features: ${valid}`);
      }
      features[key] = on;
    }
  }
  return Object.freeze(features);
}

/** `tailCall` -> `tail-call`. */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
