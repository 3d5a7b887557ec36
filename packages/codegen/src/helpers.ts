// Numeric helpers that generated code reaches as `H.<name>`: bit-exact float conversions, i64 bit
// counts, float-to-int truncation with traps and the few float operations JavaScript lacks. They are
// codegen's own (not the runtime's): they define what an operator computes, and `loadFactory` hands
// them to every factory, so the runtime's builtins object stays about instances, not arithmetic.

import {
  type FloatValue,
  f32FromBits,
  f32ToBits,
  f64FromBits,
  f64FromWords,
  f64HiWord,
  f64LoWord,
  f64ToBits,
  TrapCode,
} from '@wasmts/environ';
import { LANE_HELPERS } from './lane-helpers.js';
import { RUN_WORDS } from './limits.js';

/** A trap raiser: the runtime's `rt.trap(code)`, which throws. */
type TrapFn = (code: number) => never;
interface Rt {
  trap: TrapFn;
}

const TWO_31 = 2147483648;
const TWO_32 = 4294967296;
const TWO_63 = 2 ** 63;
const TWO_64 = 2 ** 64;

/** A tail call request: returned by a function's inner body to the trampoline of its wrapper. */
export class TailCall {
  constructor(
    readonly fn: (...args: unknown[]) => unknown,
    readonly args: unknown[],
  ) {}
}

/** Flips, clears or sets the sign bit of a double, bit-exact (for NaNs of either width; the result may be a NaNBits). */
function withSign(x: FloatValue, sign: 0 | 1 | 2): FloatValue {
  const hi = f64HiWord(x);
  const lo = f64LoWord(x);
  return f64FromWords(sign === 0 ? hi ^ 0x80000000 : sign === 1 ? hi & 0x7fffffff : hi | 0x80000000, lo);
}

function signBit(x: FloatValue): boolean {
  if (typeof x === 'number' && x === x) return x < 0 || Object.is(x, -0);
  return f64HiWord(x) < 0;
}

// A NaNBits is an object, so `x === x` holds for it: the helpers below test `typeof` before treating a value as
// an ordinary number, and coerce (`+x`) where any NaN will do.

/** `neg` for f32 and f64: flips the sign bit, NaNs included. */
function fneg(x: FloatValue): FloatValue {
  return typeof x === 'number' && x === x ? -x : withSign(x, 0);
}

/** `abs` for f32 and f64: clears the sign bit, NaNs included. */
function fabs(x: FloatValue): FloatValue {
  return typeof x === 'number' && x === x ? Math.abs(x) : withSign(x, 1);
}

/** `copysign` for f32 and f64. */
function copysign(a: FloatValue, b: FloatValue): FloatValue {
  const s = signBit(b);
  if (typeof a === 'number' && a === a) {
    const m = Math.abs(a);
    return s ? -m : m;
  }
  return withSign(a, s ? 2 : 1);
}

/** `nearest`: round half to even. */
function nearest(v: FloatValue): number {
  const x = +v;
  if (x !== x) return NaN;
  if (x === Infinity || x === -Infinity || x === 0) return x;
  const r = Math.round(x);
  // Math.round rounds half up; ties go to even
  const res = Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  return res === 0 && x < 0 ? -0 : res;
}

// Rounding and min/max return a quiet NaN for any NaN operand: optimized code may hand a signalling
// NaN operand back unchanged.
function fceil(v: FloatValue): number {
  const x = +v;
  return x === x ? Math.ceil(x) : NaN;
}
function ffloor(v: FloatValue): number {
  const x = +v;
  return x === x ? Math.floor(x) : NaN;
}
function ftrunc(v: FloatValue): number {
  const x = +v;
  return x === x ? Math.trunc(x) : NaN;
}

/** Loads an f32, keeping NaN payloads. */
function loadF32(dv: DataView, a: number): FloatValue {
  const v = dv.getFloat32(a, true);
  return v === v ? v : f32FromBits(dv.getInt32(a, true));
}

/** Stores an f32, keeping NaN payloads. */
function storeF32(dv: DataView, a: number, x: FloatValue): void {
  if (typeof x === 'number' && x === x) dv.setFloat32(a, x, true);
  else dv.setInt32(a, f32ToBits(x), true);
}

/** Loads an f64, keeping NaN payloads (a NaN other than the canonical one is a NaNBits). */
function loadF64(dv: DataView, a: number): FloatValue {
  const v = dv.getFloat64(a, true);
  return v === v ? v : f64FromWords(dv.getInt32(a + 4, true), dv.getInt32(a, true));
}

/** Stores an f64, keeping NaN payloads; the high word first, so a store that does not fit writes nothing. */
function storeF64(dv: DataView, a: number, x: FloatValue): void {
  if (typeof x === 'number') dv.setFloat64(a, x, true);
  else {
    dv.setInt32(a + 4, x.hi, true);
    dv.setInt32(a, x.lo, true);
  }
}

/** The i64 (signed bigint) of an int32 pair: lo and hi halves (the JS backend's pair lowering). */
function j(lo: number, hi: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

/** How many result words beyond the first a call in the pair ABI can hand back in `H.R`. */
export const PAIR_RESULT_WORDS = 16;
/**
 * The scratch words of calls between wasm functions in the pair ABI: a callee returns its results' first word and
 * leaves the others here (an i64 result's hi word in `R[0]`), for the caller to read right after the call.
 */
const R = new Int32Array(PAIR_RESULT_WORDS);

/**
 * How a function returns its results in the pair ABI, given a letter per result (`j` i64, `i` i32, `x` any other
 * type): `value` (no i64 among them: as in the boundary convention), `words` (all i32 or i64: the
 * first word returned, the others in `H.R[0]`, `H.R[1]`, ... in order, an i64 as lo then hi), or `tuple` (a tuple in
 * which each i64 is two elements, lo and hi).
 */
export function pairResultForm(results: string): 'value' | 'words' | 'tuple' {
  // without an i64 result the results are as at the boundary: a function of such a type may tail-call one that is not
  // in the pair ABI (their results are the same), and both conventions must then agree
  if (!results.includes('j')) return 'value';
  let words = 0;
  for (const c of results)
    if (c === 'x') return 'tuple';
    else words += c === 'j' ? 2 : 1;
  return words - 1 <= PAIR_RESULT_WORDS ? 'words' : 'tuple';
}

// biome-ignore lint/suspicious/noExplicitAny: the helpers take and return wasm values of their own signatures
type Fn = (...args: any[]) => any;
const lo32 = (v: bigint): number => Number(BigInt.asIntN(32, v));
const hi32 = (v: bigint): number => Number(v >> 32n);

/**
 * The pair-ABI entry (docs/js-abi.md, "Calling convention") of a function that has none: a host function, or one of
 * another backend, reached through a table, a reference or an import. `sig` has a letter per parameter, `:`, and one
 * per result (`j` i64, `i` i32, `x` any other type). Kept on the function as `$p` (when it is extensible), so a
 * function gets one adapter.
 */
function pa(fn: Fn, sig: string): Fn {
  const colon = sig.indexOf(':');
  const ps = sig.slice(0, colon);
  const rs = sig.slice(colon + 1);
  const form = pairResultForm(rs);
  // biome-ignore lint/suspicious/noExplicitAny: forwards any helper's arguments and result
  const p = (...a: any[]): any => {
    const args: unknown[] = [];
    let k = 0;
    for (let i = 0; i < ps.length; i++, k++) args.push(ps[i] === 'j' ? j(a[k], a[++k]) : a[k]);
    const r = fn(...args);
    if (form === 'value') return r;
    const vals: unknown[] = rs.length === 1 ? [r] : (r as unknown[]);
    // an array that starts with an object never gets double elements, whose stores quiet NaN payloads
    const words: unknown[] = [null];
    let n = 0;
    for (let i = 0; i < rs.length; i++)
      if (rs[i] === 'j') {
        words[n++] = lo32(vals[i] as bigint);
        words[n++] = hi32(vals[i] as bigint);
      } else words[n++] = vals[i];
    if (form === 'tuple') return words;
    for (let i = 1; i < words.length; i++) R[i - 1] = words[i] as number;
    return words[0];
  };
  if (Object.isExtensible(fn)) (fn as Fn & { $p: Fn }).$p = p;
  return p;
}

/**
 * What a tail call in the pair ABI asks the trampoline to run for function value `fn` (a table's, a reference's or an
 * import's): the inner body of its pair-ABI entry when it has one (it makes tail calls itself), else the entry.
 */
function pt(fn: Fn, sig: string): Fn {
  const p = (fn as Fn & { $p?: Fn }).$p ?? pa(fn, sig);
  return (p as Fn & { $t?: Fn }).$t ?? p;
}

function ctz32(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}

function popcnt32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0;
}

function clz64(x: bigint): bigint {
  const hi = Number(BigInt.asIntN(32, x >> 32n));
  if (hi !== 0) return BigInt(Math.clz32(hi));
  return BigInt(32 + Math.clz32(Number(BigInt.asIntN(32, x))));
}

function ctz64(x: bigint): bigint {
  const lo = Number(BigInt.asIntN(32, x));
  if (lo !== 0) return BigInt(ctz32(lo));
  return BigInt(32 + ctz32(Number(BigInt.asIntN(32, x >> 32n))));
}

function popcnt64(x: bigint): bigint {
  return BigInt(popcnt32(Number(BigInt.asIntN(32, x))) + popcnt32(Number(BigInt.asIntN(32, x >> 32n))));
}

function rotl64(a: bigint, b: bigint): bigint {
  const n = b & 63n;
  const u = BigInt.asUintN(64, a);
  return BigInt.asIntN(64, (u << n) | (u >> ((64n - n) & 63n)));
}

function rotr64(a: bigint, b: bigint): bigint {
  const n = b & 63n;
  const u = BigInt.asUintN(64, a);
  return BigInt.asIntN(64, (u >> n) | (u << ((64n - n) & 63n)));
}

function divS64(rt: Rt, a: bigint, b: bigint): bigint {
  if (b === 0n) rt.trap(TrapCode.IntegerDivisionByZero);
  if (b === -1n && a === -9223372036854775808n) rt.trap(TrapCode.IntegerOverflow);
  return a / b;
}
function divU64(rt: Rt, a: bigint, b: bigint): bigint {
  if (b === 0n) rt.trap(TrapCode.IntegerDivisionByZero);
  return BigInt.asIntN(64, BigInt.asUintN(64, a) / BigInt.asUintN(64, b));
}
function remS64(rt: Rt, a: bigint, b: bigint): bigint {
  if (b === 0n) rt.trap(TrapCode.IntegerDivisionByZero);
  return a % b;
}
function remU64(rt: Rt, a: bigint, b: bigint): bigint {
  if (b === 0n) rt.trap(TrapCode.IntegerDivisionByZero);
  return BigInt.asIntN(64, BigInt.asUintN(64, a) % BigInt.asUintN(64, b));
}

/** Float to int conversions that trap: kind 0 = i32 s, 1 = i32 u, 2 = i64 s, 3 = i64 u. */
function truncI32S(rt: Rt, v: FloatValue): number {
  const x = +v;
  if (x !== x) rt.trap(TrapCode.BadConversionToInteger);
  const t = Math.trunc(x);
  if (t < -TWO_31 || t >= TWO_31) rt.trap(TrapCode.IntegerOverflow);
  return t | 0;
}
function truncI32U(rt: Rt, v: FloatValue): number {
  const x = +v;
  if (x !== x) rt.trap(TrapCode.BadConversionToInteger);
  const t = Math.trunc(x);
  if (t < 0 ? t !== 0 : t >= TWO_32) rt.trap(TrapCode.IntegerOverflow);
  return t | 0;
}
function truncI64S(rt: Rt, v: FloatValue): bigint {
  const x = +v;
  if (x !== x) rt.trap(TrapCode.BadConversionToInteger);
  const t = Math.trunc(x);
  if (t < -TWO_63 || t >= TWO_63) rt.trap(TrapCode.IntegerOverflow);
  return BigInt(t);
}
function truncI64U(rt: Rt, v: FloatValue): bigint {
  const x = +v;
  if (x !== x) rt.trap(TrapCode.BadConversionToInteger);
  const t = Math.trunc(x);
  if (t < 0 ? t !== 0 : t >= TWO_64) rt.trap(TrapCode.IntegerOverflow);
  return BigInt.asIntN(64, BigInt(t));
}
function satI32S(v: FloatValue): number {
  const x = +v;
  if (x !== x) return 0;
  if (x <= -TWO_31) return -TWO_31;
  if (x >= TWO_31) return 2147483647;
  return Math.trunc(x) | 0;
}
function satI32U(v: FloatValue): number {
  const x = +v;
  if (x !== x || x <= 0) return 0;
  if (x >= TWO_32) return -1;
  return Math.trunc(x) | 0;
}
function satI64S(v: FloatValue): bigint {
  const x = +v;
  if (x !== x) return 0n;
  if (x <= -TWO_63) return -9223372036854775808n;
  if (x >= TWO_63) return 9223372036854775807n;
  return BigInt(Math.trunc(x));
}
function satI64U(v: FloatValue): bigint {
  const x = +v;
  if (x !== x || x <= 0) return 0n;
  if (x >= TWO_64) return -1n;
  return BigInt.asIntN(64, BigInt(Math.trunc(x)));
}

/** An unsigned 64-bit magnitude to f32 with a single rounding (a sticky bit avoids double rounding). */
function u64ToF32(u: bigint): number {
  if (u < 0x20000000000000n) return Math.fround(Number(u));
  let bits = 0;
  for (let v = u; v > 0n; v >>= 1n) bits++;
  const shift = BigInt(bits - 53);
  let m = u >> shift;
  if ((u & ((1n << shift) - 1n)) !== 0n) m |= 1n;
  return Math.fround(Number(m) * 2 ** Number(shift));
}
function f32ConvertI64S(x: bigint): number {
  return x < 0n ? -u64ToF32(-x) : u64ToF32(x);
}
function f32ConvertI64U(x: bigint): number {
  return u64ToF32(BigInt.asUintN(64, x));
}

interface Arr {
  elements: unknown[];
}

/** array.fill with bounds checks. */
function arrayFill(rt: Rt, a: Arr, i: number, v: unknown, n: number): void {
  if (i + n > a.elements.length) rt.trap(TrapCode.ArrayOutOfBounds);
  for (let k = 0; k < n; k++) a.elements[i + k] = v;
}

/** array.copy with bounds checks (overlapping ranges copy as memmove). */
function arrayCopy(rt: Rt, a: Arr, d: number, b: Arr, s: number, n: number): void {
  if (d + n > a.elements.length || s + n > b.elements.length) rt.trap(TrapCode.ArrayOutOfBounds);
  if (a === b && d > s) for (let k = n - 1; k >= 0; k--) a.elements[d + k] = b.elements[s + k];
  else for (let k = 0; k < n; k++) a.elements[d + k] = b.elements[s + k];
}

/**
 * The scratch values of outlined runs (src/outline.ts): an outlined function leaves the variables it assigned here
 * (from index 1; a returned value at 0), for its caller to read right after the call. A plain array of `null`s, so
 * that its elements stay generic (a double-elements array would quiet the NaNs stored in it).
 */
const O: unknown[] = Array.from({ length: 256 }, () => null);
/**
 * The int32 words an outlined run hands back (at their index among its values, as in `O`): an Int32Array, where `O`
 * held a heap number for each word outside the small-integer range (hash-wasm's blake2b: 78 words per compression).
 */
const OW = new Int32Array(RUN_WORDS);

/**
 * The hand-over between the pieces of a split body (README.md, "Splitting large functions"): a piece but the last
 * writes the variables the next one takes into `S` and returns `NX`, and the body calls the next piece with them,
 * so a wasm frame is two JS frames however many pieces its function has. Nothing runs between the write and the
 * read, so one array serves every function and instance.
 */
const S: unknown[] = [];
/** What a piece of a split body returns when the body is to call the next piece (never a value of wasm). */
const NX = Object.freeze({ next: true });

/** Whether this host stores typed-array elements little-endian, as wasm's memory is (every host known: x86, ARM). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

type ElementArray = Int32Array | Float32Array | Float64Array;

/**
 * A typed array of `View`'s elements over the whole elements of a memory's bytes (`u8`), for word loads
 * (`ModuleEnvironment.wordLoad`, which reads the DataView where an index gives `undefined`). Empty on a big-endian
 * host or for bytes that do not start at a multiple of the element's size, so every load takes the DataView there.
 */
function elementView(
  u8: Uint8Array,
  View: { new (b: ArrayBufferLike, offset: number, length: number): ElementArray; readonly BYTES_PER_ELEMENT: number },
): ElementArray {
  const size = View.BYTES_PER_ELEMENT;
  return LITTLE_ENDIAN && u8.byteOffset % size === 0
    ? new View(u8.buffer, u8.byteOffset, Math.floor(u8.length / size))
    : new View(new ArrayBuffer(0), 0, 0);
}

/**
 * Scratch words of `f32.reinterpret_i32`'s inline form (numeric.ts): the bits written to `B32[0]` read back as
 * `F32[0]` (bits of an infinity or a NaN go to `f32FromBits` instead, which keeps a NaN's payload).
 */
const B32 = new Int32Array(1);
const F32 = new Float32Array(B32.buffer);

/** The helpers object generated code calls `H`. */
export const HELPERS = Object.freeze({
  ...LANE_HELPERS,
  /** The scratch slot of calls between wasm functions: the hi word of an i64 result in the pair ABI. */
  R,
  /** The scratch values of outlined runs: the variables an outlined function assigned, for its caller. */
  O,
  OW,
  B32,
  F32,
  /** The variables a piece of a split body hands to the next (see `NX`). */
  S,
  NX,
  pa,
  pt,
  TailCall,
  arrayFill,
  arrayCopy,
  /** The bits of an f32 value (ABI representation) as an int32 (environ's, the one definition). */
  f32Bits: f32ToBits,
  f32FromBits,
  /** The bits of an f64 as an i64 bigint. */
  f64Bits: f64ToBits,
  f64FromBits,
  fneg,
  fabs,
  copysign,
  nearest,
  fceil,
  ffloor,
  ftrunc,
  loadF64,
  storeF64,
  elementView,
  loadF32,
  storeF32,
  j,
  ctz32,
  popcnt32,
  clz64,
  ctz64,
  popcnt64,
  rotl64,
  rotr64,
  divS64,
  divU64,
  remS64,
  remU64,
  truncI32S,
  truncI32U,
  truncI64S,
  truncI64U,
  satI32S,
  satI32U,
  satI64S,
  satI64U,
  f32ConvertI64S,
  f32ConvertI64U,
});

/** The type of the helpers object. */
export type Helpers = typeof HELPERS;
