// The host's own WebAssembly engine: which proposals it supports (probed once per process, when the
// first engine asks) and which backend a module gets under `Config.backend`.
//
// Each proposal is probed by asking the host to validate a tiny module that needs it (written as text and
// assembled by @wasmts/wat, so no opaque bytes live here). A host without a `WebAssembly` global (jitless
// V8, Hermes, iOS Lockdown Mode) supports nothing, and every module runs on the JS backend.

import type { Feature } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { HOST_WEBASSEMBLY, type HostWasmApi } from './wasm-backend/host-api.js';

/** A proposal that can be probed. */
export type ProbedFeature = Exclude<Feature, 'mvp'>;

/** One small module per proposal, valid only on a host that supports that proposal. */
const PROBES: Readonly<Record<ProbedFeature, string>> = {
  mutableGlobal: '(module (import "m" "g" (global (mut i32))) (export "g" (global 0)))',
  signExtension: '(module (func (result i32) (i32.extend8_s (i32.const 1))))',
  saturatingFloatToInt: '(module (func (result i32) (i32.trunc_sat_f32_s (f32.const 1))))',
  multiValue: '(module (func (result i32 i32) (i32.const 1) (i32.const 2)))',
  bulkMemory: '(module (memory 1) (func (memory.copy (i32.const 0) (i32.const 0) (i32.const 0))))',
  referenceTypes: '(module (table 1 externref) (func (result externref) (table.get 0 (i32.const 0))))',
  simd: '(module (func (result v128) (v128.const i32x4 0 0 0 0)))',
  relaxedSimd: '(module (func (result v128) (i32x4.relaxed_trunc_f32x4_s (v128.const i32x4 0 0 0 0))))',
  tailCall: '(module (func $f (return_call $f)))',
  extendedConst: '(module (global i32 (i32.add (i32.const 1) (i32.const 2))))',
  multiMemory: '(module (memory 1) (memory 1))',
  memory64: '(module (memory i64 1))',
  exceptions: '(module (tag $t) (func (block $b (try_table (catch_all $b) (throw $t)))))',
  legacyExceptions: '(module (tag $t) (func (try (do (throw $t)) (catch_all))))',
  functionReferences: '(module (type $t (func)) (elem declare func $f) (func $f (call_ref $t (ref.func $f))))',
  gc: '(module (type $s (struct (field i32))) (func (result anyref) (struct.new $s (i32.const 1))))',
  threads: '(module (memory 1 1 shared))',
  customPageSizes: '(module (memory 1 (pagesize 1)))',
  wideArithmetic:
    '(module (func (result i64 i64) (i64.add128 (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4))))',
};

/** The probe texts (exported for the tests that check each probe needs exactly its proposal). */
export const PROBES_FOR_TEST = PROBES;

/** The proposals every probe is for, in a stable order. */
export const PROBED_FEATURES = Object.keys(PROBES) as ProbedFeature[];

/** The host's `WebAssembly` object (read once, at load: see `HOST_WEBASSEMBLY`), or null where there is none. */
export function hostWebAssembly(): HostWasmApi | null {
  const w = HOST_WEBASSEMBLY;
  return w !== undefined && typeof w.validate === 'function' ? w : null;
}

let canonicalNaNs: boolean | undefined;
/**
 * Whether the host holds every NaN in a JS value as the canonical NaN (NaN-boxing engines: JavaScriptCore,
 * SpiderMonkey, Hermes), found once by copying a signalling NaN through a number: V8 keeps its bits.
 */
export function hostCanonicalNaNs(): boolean {
  if (canonicalNaNs === undefined) {
    const f = new Float64Array(2);
    const w = new Uint32Array(f.buffer);
    // 0x7ff0000000000001 on a little-endian host (elsewhere a subnormal, which any engine keeps: false)
    w[0] = 1;
    w[1] = 0x7ff00000;
    f[1] = f[0];
    canonicalNaNs = w[2] !== 1 || w[3] !== 0x7ff00000;
  }
  return canonicalNaNs;
}

/** What the host's WebAssembly engine supports. */
export interface HostSupport {
  /** Whether the host has a `WebAssembly` engine at all. */
  readonly available: boolean;
  /** The proposals it validates (empty when `available` is false). */
  readonly features: ReadonlySet<ProbedFeature>;
}

let probed: HostSupport | null = null;

/** Probes the host once per process (later calls return the same answer). */
export function hostSupport(): HostSupport {
  if (probed !== null) return probed;
  const wasm = hostWebAssembly();
  const features = new Set<ProbedFeature>();
  if (wasm !== null) {
    for (const f of PROBED_FEATURES) {
      try {
        if (wasm.validate(parseWat(PROBES[f]))) features.add(f);
      } catch {
        // a probe the host refuses to even look at means no support
      }
    }
  }
  probed = { available: wasm !== null, features };
  return probed;
}

/** The backend a module gets, and why (`wasmts inspect` prints the reason). */
export interface BackendChoice {
  readonly backend: 'js' | 'wasm';
  readonly reason: string;
}

/**
 * Which backend runs a module that uses the proposals in `used`: `js` and `wasm` as asked (`wasm` is an
 * error the caller reports when the host lacks something the module needs); `auto` picks `wasm` when the
 * host supports every proposal the module uses, and `js` otherwise.
 */
export function chooseBackend(
  requested: 'js' | 'wasm' | 'auto',
  used: ReadonlySet<string>,
  host: HostSupport = hostSupport(),
): BackendChoice {
  if (requested === 'js') return { backend: 'js', reason: 'the js backend was asked for' };
  if (!host.available) {
    return requested === 'wasm'
      ? { backend: 'wasm', reason: 'the wasm backend was asked for, but this host has no WebAssembly' }
      : { backend: 'js', reason: 'this host has no WebAssembly engine' };
  }
  const missing = [...used].filter((f) => f !== 'mvp' && !host.features.has(f as ProbedFeature)).sort();
  if (requested === 'wasm') {
    return missing.length === 0
      ? { backend: 'wasm', reason: 'the wasm backend was asked for' }
      : { backend: 'wasm', reason: `the wasm backend was asked for, but the host lacks ${missing.join(', ')}` };
  }
  return missing.length === 0
    ? { backend: 'wasm', reason: 'the host engine supports every proposal the module uses' }
    : { backend: 'js', reason: `the host engine lacks ${missing.join(', ')}, which the module uses` };
}
