/** A WebAssembly proposal that can be switched on or off. `mvp` is always on. */
export type Feature =
  | 'mvp'
  | 'mutableGlobal'
  | 'signExtension'
  | 'saturatingFloatToInt'
  | 'multiValue'
  | 'bulkMemory'
  | 'referenceTypes'
  | 'simd'
  | 'relaxedSimd'
  | 'tailCall'
  | 'extendedConst'
  | 'multiMemory'
  | 'memory64'
  | 'exceptions'
  | 'legacyExceptions'
  | 'functionReferences'
  | 'gc'
  | 'threads'
  | 'customPageSizes'
  | 'wideArithmetic';

/** Which proposals a module may use. Every Wasm 3.0 proposal is on by default. */
export type WasmFeatures = { readonly [K in Exclude<Feature, 'mvp'>]: boolean };

/** The features of Wasm 3.0 (all standardized proposals, plus the legacy exception instructions). */
export const WASM3_FEATURES: WasmFeatures = Object.freeze({
  mutableGlobal: true,
  signExtension: true,
  saturatingFloatToInt: true,
  multiValue: true,
  bulkMemory: true,
  referenceTypes: true,
  simd: true,
  relaxedSimd: true,
  tailCall: true,
  extendedConst: true,
  multiMemory: true,
  memory64: true,
  exceptions: true,
  legacyExceptions: true,
  functionReferences: true,
  gc: true,
  threads: false,
  customPageSizes: false,
  wideArithmetic: false,
});

/** The MVP feature set: every proposal off. */
export const MVP_FEATURES: WasmFeatures = Object.freeze(
  Object.fromEntries(Object.keys(WASM3_FEATURES).map((k) => [k, false])) as unknown as WasmFeatures,
);

/** Returns the default features with the given overrides applied. */
export function wasmFeatures(overrides: Partial<WasmFeatures> = {}): WasmFeatures {
  return Object.freeze({ ...WASM3_FEATURES, ...overrides });
}

/** Human-readable proposal names used in error messages. */
export const FEATURE_NAMES: { readonly [K in Feature]: string } = {
  mvp: 'MVP',
  mutableGlobal: 'mutable globals',
  signExtension: 'sign extension operators',
  saturatingFloatToInt: 'saturating float to int conversions',
  multiValue: 'multi-value',
  bulkMemory: 'bulk memory',
  referenceTypes: 'reference types',
  simd: 'SIMD',
  relaxedSimd: 'relaxed SIMD',
  tailCall: 'tail calls',
  extendedConst: 'extended constant expressions',
  multiMemory: 'multiple memories',
  memory64: 'memory64',
  exceptions: 'exception handling',
  legacyExceptions: 'legacy exception handling',
  functionReferences: 'typed function references',
  gc: 'garbage collection',
  threads: 'threads',
  customPageSizes: 'custom page sizes',
  wideArithmetic: 'wide arithmetic',
};

/** True if `feature` is enabled in `features` (`mvp` always is). */
export function hasFeature(features: WasmFeatures, feature: Feature): boolean {
  return feature === 'mvp' || features[feature];
}
