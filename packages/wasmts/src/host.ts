// The host's own WebAssembly engine: which proposals it supports (probed once per process, when the
// first engine asks) and which backend a module gets under `Config.backend`.
//
// Each proposal is probed by asking the host to validate a tiny module that needs it: written as text, and kept
// assembled beside it (test/host.test.ts checks that @wasmts/wat assembles each text to exactly its bytes), so a
// fresh process does not run the text parser before its first module (79 ms of CPU of a fresh `new Module`). A host without a `WebAssembly` global (jitless
// V8, Hermes, iOS Lockdown Mode) supports nothing, and every module runs on the JS backend.

import { type Feature, hasFeature, type WasmFeatures } from '@wasmts/environ';
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

/** Each probe of `PROBES` assembled, in hex. */
const PROBE_BYTES: Readonly<Record<ProbedFeature, string>> = {
  mutableGlobal: '0061736d01000000020801016d0167037f0107050101670300',
  signExtension: '0061736d010000000105016000017f030201000a070105004101c00b',
  saturatingFloatToInt: '0061736d010000000105016000017f030201000a0b010900430000803ffc000b',
  multiValue: '0061736d010000000106016000027f7f030201000a08010600410141020b',
  bulkMemory: '0061736d010000000104016000000302010005030100010a0e010c00410041004100fc0a00000b',
  referenceTypes: '0061736d010000000105016000016f030201000404016f00010a08010600410025000b',
  simd: '0061736d010000000105016000017b030201000a16011400fd0c000000000000000000000000000000000b',
  relaxedSimd: '0061736d010000000105016000017b030201000a19011700fd0c00000000000000000000000000000000fd81020b',
  tailCall: '0061736d01000000010401600000030201000a0601040012000b000b046e616d65010401000166',
  extendedConst: '0061736d010000000609017f00410141026a0b',
  multiMemory: '0061736d0100000005050200010001',
  memory64: '0061736d010000000503010401',
  exceptions: '0061736d01000000010401600000030201000d030100000a0f010d0002401f4001020008000b0b0b',
  legacyExceptions: '0061736d01000000010401600000030201000d030100000a0a01080006400800190b0b',
  functionReferences:
    '0061736d0100000001040160000003020100090501030001000a08010600d20014000b000b046e616d65010401000166',
  gc: '0061736d010000000109025f017f006000016e030201010a090107004101fb00000b',
  threads: '0061736d01000000050401030101',
  customPageSizes: '0061736d01000000050401080100',
  wideArithmetic: '0061736d010000000106016000027e7e030201000a0e010c004201420242034204fc130b',
};

/** The bytes of a hex string. */
function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** The probe texts and their bytes (exported for the tests that check each probe needs exactly its proposal). */
export const PROBE_BYTES_FOR_TEST = PROBE_BYTES;
/** See `PROBE_BYTES_FOR_TEST`. */
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
        if (wasm.validate(fromHex(PROBE_BYTES[f]))) features.add(f);
      } catch {
        // a probe the host refuses to even look at means no support
      }
    }
  }
  probed = { available: wasm !== null, features };
  return probed;
}

/**
 * Proposals a function body can use only through operators of their own (no value type, block type or immediate
 * form): environ's site scan (`scanSites`) rejects such an operator when the proposal is off, so an engine may
 * turn these off and still leave body validation to the host.
 */
const OPERATOR_ONLY: ReadonlySet<ProbedFeature> = new Set<ProbedFeature>([
  'signExtension',
  'saturatingFloatToInt',
  'tailCall',
  'threads',
]);

/**
 * Whether a module the host's `WebAssembly.validate` accepts, and whose sections environ accepts, has bodies valid
 * under `features` too: the host has WebAssembly and every proposal it validates is enabled in `features`, but
 * those `OPERATOR_ONLY` (the threads proposal is off by default, and the host has it). Lets the wasm backend leave
 * body validation to the host.
 */
export function hostValidationSuffices(features: WasmFeatures): boolean {
  if (hostWebAssembly() === null) return false;
  for (const f of hostSupport().features) if (!OPERATOR_ONLY.has(f) && !hasFeature(features, f)) return false;
  return true;
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
