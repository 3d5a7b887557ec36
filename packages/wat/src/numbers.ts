// Numeric literals of the text format, with exact IEEE rounding for decimal and hexadecimal floats.

/** Thrown for a literal that is well-formed but does not fit its type, or is not a literal at all. */
export class LiteralError extends Error {}

const DEC_INT = /^[+-]?\d(?:_?\d)*$/;
const HEX_INT = /^[+-]?0x[0-9a-fA-F](?:_?[0-9a-fA-F])*$/;
const DEC_FLOAT = /^[+-]?\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][+-]?\d(?:_?\d)*)?$/;
const HEX_FLOAT =
  /^[+-]?0x[0-9a-fA-F](?:_?[0-9a-fA-F])*(?:\.(?:[0-9a-fA-F](?:_?[0-9a-fA-F])*)?)?(?:[pP][+-]?\d(?:_?\d)*)?$/;
const NAN_PAYLOAD = /^[+-]?nan:0x[0-9a-fA-F](?:_?[0-9a-fA-F])*$/;

/** True if `text` has the shape of an unsigned integer literal (decimal or hex). */
export function isUnsigned(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 48 && c <= 57 && (DEC_INT.test(text) || HEX_INT.test(text));
}

/** Parses an unsigned integer literal (no sign) below 2^bits; undefined if it is not one. */
export function parseUnsigned(text: string, bits: 32 | 64): bigint | undefined {
  if (!isUnsigned(text)) return undefined;
  const v = BigInt(text.replace(/_/g, ''));
  if (v >= 1n << BigInt(bits)) throw new LiteralError('constant out of range');
  return v;
}

/** Parses a u32 literal into a number; undefined if it is not an unsigned literal. */
export function parseU32(text: string): number | undefined {
  // fast path: short decimal
  if (text.length < 10) {
    let v = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return slowU32(text);
      v = v * 10 + c;
    }
    return text.length > 0 ? v : undefined;
  }
  return slowU32(text);
}

function slowU32(text: string): number | undefined {
  const v = parseUnsigned(text, 32);
  return v === undefined ? undefined : Number(v);
}

/** Parses an iN literal (signed or unsigned range) to its N-bit two's complement value as unsigned bigint. */
export function parseInteger(text: string, bits: number): bigint {
  if (!DEC_INT.test(text) && !HEX_INT.test(text)) throw new LiteralError('unknown operator');
  const neg = text.charCodeAt(0) === 45;
  const body = text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43 ? text.slice(1) : text;
  const mag = BigInt(body.replace(/_/g, ''));
  const b = BigInt(bits);
  if (neg) {
    if (mag > 1n << (b - 1n)) throw new LiteralError('constant out of range');
    return BigInt.asUintN(bits, -mag);
  }
  if (mag >= 1n << b) throw new LiteralError('constant out of range');
  return mag;
}

/** Parses an i32 literal to a signed 32-bit number. */
export function parseI32(text: string): number {
  if (text.length < 10) {
    // fast path: short decimal, optionally negative
    let i = text.charCodeAt(0) === 45 ? 1 : 0;
    if (i < text.length) {
      let v = 0;
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        v = v * 10 + c;
      }
      if (i === text.length) return (text.charCodeAt(0) === 45 ? -v : v) | 0;
    }
  }
  return Number(BigInt.asIntN(32, parseInteger(text, 32)));
}

/** Parses an i64 literal to a signed bigint. */
export function parseI64(text: string): bigint {
  return BigInt.asIntN(64, parseInteger(text, 64));
}

interface FloatFormat {
  mant: number; // explicit mantissa bits
  exp: number; // exponent bits
}
const F32F: FloatFormat = { mant: 23, exp: 8 };
const F64F: FloatFormat = { mant: 52, exp: 11 };

const f64buf = new Float64Array(1);
const u64buf = new BigUint64Array(f64buf.buffer);
const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(16).length * 4 - Math.clz32(parseInt(v.toString(16)[0], 16)) + 28;
}

// Rounds num/den (both > 0) to the nearest float of the format, ties to even; returns the magnitude bits.
function roundRational(num: bigint, den: bigint, f: FloatFormat): bigint {
  const P = f.mant + 1;
  const bias = (1 << (f.exp - 1)) - 1;
  const emin = 1 - bias;
  let E = bitLength(num) - bitLength(den);
  const ge = E >= 0 ? num >= den << BigInt(E) : num << BigInt(-E) >= den;
  if (!ge) E--;
  if (E < emin) E = emin;
  const s = P - 1 - E;
  let n = num;
  let d = den;
  if (s >= 0) n <<= BigInt(s);
  else d <<= BigInt(-s);
  let q = n / d;
  const r2 = (n - q * d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q++;
  if (q === 1n << BigInt(P)) {
    q >>= 1n;
    E++;
  }
  if (q < 1n << BigInt(P - 1)) return q; // subnormal (or zero)
  const biased = BigInt(E + bias);
  if (biased >= (1n << BigInt(f.exp)) - 1n) return ((1n << BigInt(f.exp)) - 1n) << BigInt(f.mant); // infinity
  return (biased << BigInt(f.mant)) | (q - (1n << BigInt(P - 1)));
}

// The exact magnitude bits of a finite decimal or hex literal (without sign), or undefined if malformed.
function exactBits(body: string, f: FloatFormat): bigint | undefined {
  const inf = ((1n << BigInt(f.exp)) - 1n) << BigInt(f.mant);
  const clean = body.replace(/_/g, '');
  if (HEX_FLOAT.test(body)) {
    const m = /^0x([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(clean)!;
    const frac = m[2] ?? '';
    const digits = (m[1] + frac).replace(/^0+/, '');
    if (digits === '') return 0n;
    const x = Number(m[3] ?? '0') - 4 * frac.length;
    const bits = digits.length * 4;
    if (digits.length <= 13 && bits + x < 1000 && bits + x > -1000) {
      // fast path: the value is exactly a normal double, so rounding it once to the format is exact
      const d = parseInt(digits, 16) * 2 ** x;
      if (f.mant === 52) {
        f64buf[0] = d;
        return u64buf[0];
      }
      f32buf[0] = d;
      return BigInt(u32buf[0]);
    }
    if (bits + x > 2000) return inf;
    if (bits + x < -2000) return 0n;
    const h = BigInt(`0x${digits}`);
    return x >= 0 ? roundRational(h << BigInt(x), 1n, f) : roundRational(h, 1n << BigInt(-x), f);
  }
  if (DEC_FLOAT.test(body)) {
    const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(clean)!;
    const frac = m[2] ?? '';
    const digits = (m[1] + frac).replace(/^0+/, '');
    if (digits === '') return 0n;
    const x = Number(m[3] ?? '0') - frac.length;
    if (digits.length + x > 400) return inf;
    if (digits.length + x < -400) return 0n;
    const d = BigInt(digits);
    return x >= 0 ? roundRational(d * 10n ** BigInt(x), 1n, f) : roundRational(d, 10n ** BigInt(-x), f);
  }
  return undefined;
}

function splitSign(text: string): [boolean, string] {
  const c = text.charCodeAt(0);
  if (c === 45) return [true, text.slice(1)];
  if (c === 43) return [false, text.slice(1)];
  return [false, text];
}

function nanOrInf(body: string, f: FloatFormat): bigint | undefined {
  const expAll = ((1n << BigInt(f.exp)) - 1n) << BigInt(f.mant);
  if (body === 'inf') return expAll;
  if (body === 'nan') return expAll | (1n << BigInt(f.mant - 1));
  if (body.startsWith('nan:')) {
    if (!NAN_PAYLOAD.test(body)) throw new LiteralError('unknown operator');
    const p = BigInt(body.slice(4).replace(/_/g, ''));
    if (p === 0n || p >= 1n << BigInt(f.mant)) throw new LiteralError('constant out of range');
    return expAll | p;
  }
  return undefined;
}

/** Parses an f32 literal to its bit pattern (unsigned 32-bit number). */
export function parseF32(text: string): number {
  const [neg, body] = splitSign(text);
  const sign = neg ? 0x80000000 : 0;
  const special = nanOrInf(body, F32F);
  if (special !== undefined) return (sign | Number(special)) >>> 0;
  const c = body.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) throw new LiteralError('unknown operator');
  if (!(c === 48 && (body.charCodeAt(1) | 0x20) === 0x78) && DEC_FLOAT.test(body)) {
    // Correctly rounded to f64 first; that double rounding can only go wrong on an exact f32 midpoint.
    const d = Number(body.replace(/_/g, ''));
    const fr = Math.fround(d);
    let ok = fr === d;
    if (!ok && Number.isFinite(fr)) {
      f32buf[0] = fr;
      const b = u32buf[0];
      u32buf[0] = Math.abs(d) > Math.abs(fr) ? b + 1 : b - 1;
      ok = (fr + f32buf[0]) / 2 !== d;
    }
    if (ok) {
      f32buf[0] = fr;
      return (sign | u32buf[0]) >>> 0;
    }
  }
  const bits = exactBits(body, F32F);
  if (bits === undefined) throw new LiteralError('unknown operator');
  if (bits === 0x7f800000n) throw new LiteralError('constant out of range');
  return (sign | Number(bits)) >>> 0;
}

/** Parses an f64 literal to its bit pattern (unsigned 64-bit bigint). */
export function parseF64(text: string): bigint {
  const [neg, body] = splitSign(text);
  const sign = neg ? 1n << 63n : 0n;
  const special = nanOrInf(body, F64F);
  if (special !== undefined) return sign | special;
  const c = body.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) throw new LiteralError('unknown operator');
  if (!(c === 48 && (body.charCodeAt(1) | 0x20) === 0x78) && DEC_FLOAT.test(body)) {
    f64buf[0] = Number(body.replace(/_/g, ''));
    if (f64buf[0] === Infinity) throw new LiteralError('constant out of range');
    return sign | u64buf[0];
  }
  const bits = exactBits(body, F64F);
  if (bits === undefined) throw new LiteralError('unknown operator');
  if (bits === 0x7ffn << 52n) throw new LiteralError('constant out of range');
  return sign | bits;
}
