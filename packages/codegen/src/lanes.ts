// v128 operators on four int32 lanes: the JS backend's lowering of SIMD inside function bodies (see README.md,
// "v128 as lanes"). A v128 is four int32 JS variables `a b c d` in little-endian order (`a` holds bytes 0..3),
// as the runtime's `V128` holds them at the boundary. Each template gets its operands as lane atoms (int32
// literals or variable names, read any number of times) and returns the statements assigning the result's four
// lane variables. The result's variables are those of the first v128 operand's slot, so a template marked
// `lanewise` reads lane i of its operands only in the statement that writes lane i; any other template is handed
// the temporaries `w0`..`w3` as its result, copied into the slot after it.

import { SWIZZLE_PAIR_TABLES } from './limits.js';
import { literal, PAIR_BINARY, PAIR_COND } from './pairs.js';

/** The four lane variables (or atoms) of a v128, lane 0 first. */
export type Lanes = readonly [string, string, string, string];

/** The lane variables of a v128 held under `base` (a slot `s<d>` or a local `l<i>`): `base`, `<base>b`..`<base>d`. */
export function laneNames(base: string): Lanes {
  return [base, `${base}b`, `${base}c`, `${base}d`];
}

/** The temporaries a function may declare for its v128 code (`qv` holds a V128, the others int32 values). */
export const V128_LANE_TEMPS: readonly string[] = ['qv', 'vt', 'vz', 'vx', 'vy', 'w0', 'w1', 'w2', 'w3'];

/** What a template is given. */
export interface QuadOperands {
  /** The v128 operands' lane atoms, in stack order. */
  v: Lanes[];
  /** The scalar operands as atoms, in stack order (an i64 as two atoms, lo then hi). */
  s: string[];
  /** The lane-index immediate, or the shuffle's 16 byte indices. */
  imm: number[];
  /** The name under which generated code reaches helper `H.<name>` (hoisted once per instance). */
  h(name: string): string;
  /**
   * `h` for a call whose value costs memory per instance (a table): null once `limit` of helper `family`'s values
   * are hoisted in the module.
   */
  hCapped(family: string, call: string, limit: number): string | null;
}

/** A v128-valued operator. */
export interface QuadTemplate {
  /** Lane i of the result reads only lane i of the operands, so it may be written over the first operand. */
  lanewise: boolean;
  /** The statements assigning the result lanes `r`. */
  code(o: QuadOperands, r: Lanes): string;
  /**
   * A compare's cheaper form for a consumer that reads only the top bit of each `bits`-wide lane (`MSB_READERS`):
   * the same top bits, the other bits left unspecified.
   */
  msb?: { bits: 8 | 16; code(o: QuadOperands, r: Lanes): string };
}

/**
 * Scalar consumers of a v128 that read only lane top bits, by the width of the lanes whose top bits they read
 * (`i32x4.bitmask` reads bit 31, a top bit at 8- and 16-bit granularity too). `any_true` reads every bit, but of a
 * compare's all-ones-or-zero lanes any bit is as good as the top one: its msb form tests the top bits.
 */
export const MSB_READERS: Readonly<Record<string, number>> = {
  'i8x16.bitmask': 8,
  'i16x8.bitmask': 16,
  'i32x4.bitmask': 32,
  'i64x2.bitmask': 64,
};

const LANES = [0, 1, 2, 3] as const;

/** A lane-wise template from the expression of one result lane. */
function each(f: (a: string, b: string, c: string, o: QuadOperands) => string): QuadTemplate {
  return {
    lanewise: true,
    code: (o, r) => LANES.map((i) => `${r[i]} = ${f(o.v[0][i], o.v[1]?.[i] ?? '', o.v[2]?.[i] ?? '', o)};`).join(' '),
  };
}

/** A template that builds its result from any lanes (written to temporaries first). */
function cross(code: (o: QuadOperands, r: Lanes) => string): QuadTemplate {
  return { lanewise: false, code };
}

/** Parenthesizes an atom that is a negative literal (so that `-x` or `x.y` cannot misparse). */
const p = (x: string): string => (x.startsWith('-') ? `(${x})` : x);

// ---- packed 8- and 16-bit lanes in one int32 (SWAR, exact for every input) ----

const add8 = (x: string, y: string) => `(((${x} & 0x7f7f7f7f) + (${y} & 0x7f7f7f7f)) ^ ((${x} ^ ${y}) & 0x80808080))`;
const sub8 = (x: string, y: string) => `(((${x} | 0x80808080) - (${y} & 0x7f7f7f7f)) ^ ((${x} ^ ~${y}) & 0x80808080))`;
const add16 = (x: string, y: string) => `(((${x} & 0x7fff7fff) + (${y} & 0x7fff7fff)) ^ ((${x} ^ ${y}) & 0x80008000))`;
const sub16 = (x: string, y: string) => `(((${x} | 0x80008000) - (${y} & 0x7fff7fff)) ^ ((${x} ^ ~${y}) & 0x80008000))`;

/** Signed byte `k` (0..3) of int32 `w`. */
const byteS = (w: string, k: number) => (k === 3 ? `(${w} >> 24)` : `((${w} << ${24 - 8 * k}) >> 24)`);
/** Unsigned byte `k` of `w`. */
const byteU = (w: string, k: number) =>
  k === 3 ? `(${w} >>> 24)` : k === 0 ? `(${w} & 255)` : `((${w} >>> ${8 * k}) & 255)`;
/** Signed half `k` (0..1) of `w`. */
const halfS = (w: string, k: number) => (k === 1 ? `(${w} >> 16)` : `((${w} << 16) >> 16)`);
/** Unsigned half `k` of `w`. */
const halfU = (w: string, k: number) => (k === 1 ? `(${w} >>> 16)` : `(${w} & 65535)`);

/** `i8x16.extend_*`-style widening: int32 word `i` of the result from bytes 2i, 2i+1 of the source words. */
function widen8(lo: boolean, signed: boolean): QuadTemplate {
  return cross((o, r) => {
    const a = o.v[0];
    const base = lo ? 0 : 2;
    const b = signed ? byteS : byteU;
    return LANES.map((i) => {
      const w = a[base + (i >> 1)];
      const k = (i & 1) * 2;
      return `${r[i]} = (${b(w, k)} & 65535) | (${b(w, k + 1)} << 16);`;
    }).join(' ');
  });
}

/** `i32x4.extend_*_i16x8_*`. */
function widen16(lo: boolean, signed: boolean): QuadTemplate {
  return cross((o, r) => {
    const a = o.v[0];
    const base = lo ? 0 : 2;
    const h = signed ? halfS : halfU;
    return LANES.map((i) => `${r[i]} = ${h(a[base + (i >> 1)], i & 1)};`).join(' ');
  });
}

/** `i64x2.extend_*_i32x4_*`. */
function widen32(lo: boolean, signed: boolean): QuadTemplate {
  return cross((o, r) => {
    const a = o.v[0];
    const x = lo ? a[0] : a[2];
    const y = lo ? a[1] : a[3];
    return `${r[0]} = ${x}; ${r[1]} = ${signed ? `${p(x)} >> 31` : '0'}; ${r[2]} = ${y}; ${r[3]} = ${signed ? `${p(y)} >> 31` : '0'};`;
  });
}

/** `i32x4.extmul_*_i16x8_*`: lane i = half(a) * half(b), wrapped to 32 bits. */
function extmul16(lo: boolean, signed: boolean): QuadTemplate {
  return cross((o, r) => {
    const [a, b] = o.v;
    const base = lo ? 0 : 2;
    const h = signed ? halfS : halfU;
    return LANES.map((i) => {
      const w = base + (i >> 1);
      return `${r[i]} = Math.imul(${h(a[w], i & 1)}, ${h(b[w], i & 1)});`;
    }).join(' ');
  });
}

/** `i16x8.extmul_*_i8x16_*`: halves of word i from bytes 2i, 2i+1. */
function extmul8(lo: boolean, signed: boolean): QuadTemplate {
  return cross((o, r) => {
    const [a, b] = o.v;
    const base = lo ? 0 : 2;
    const by = signed ? byteS : byteU;
    return LANES.map((i) => {
      const w = base + (i >> 1);
      const k = (i & 1) * 2;
      return `${r[i]} = (Math.imul(${by(a[w], k)}, ${by(b[w], k)}) & 65535) | (Math.imul(${by(a[w], k + 1)}, ${by(b[w], k + 1)}) << 16);`;
    }).join(' ');
  });
}

/** Shift counts: a literal folded modulo the lane width, else the atom masked. */
function count(s: string, bits: number): string {
  const m = /^\(?(-?\d+)\)?$/.exec(s);
  return m ? String(Number(m[1]) & (bits - 1)) : `(${s} & ${bits - 1})`;
}

/** A 32-bit mask repeating `lane` (a `bits`-wide lane mask expression or literal). */
function replicate(mask: string, bits: number): string {
  const m = /^\d+$/.exec(mask);
  const k = bits === 8 ? 0x01010101 : 0x10001;
  if (m) return String(Math.imul(Number(mask), k));
  return `Math.imul(${mask}, ${k})`;
}

function shiftMask(c: string, bits: number, left: boolean): string {
  const full = bits === 8 ? 255 : 65535;
  const lit = /^\d+$/.test(c) ? Number(c) : null;
  if (lit !== null) return replicate(String(left ? (full << lit) & full : full >>> lit), bits);
  return replicate(left ? `((${full} << ${c}) & ${full})` : `(${full} >>> ${c})`, bits);
}

/**
 * f32 lanes: `fv(bits)` is the lane's float (through the helpers' Float32Array scratch, so a signalling NaN comes
 * out quiet: only arithmetic reads it), `fb(x)` the bits of `x` rounded to f32 (one rounding of the double result:
 * exact for + - * / sqrt).
 */
function f32Each(f: (fv: (x: string) => string, a: string, b: string) => string, bits = true): QuadTemplate {
  return each((a, b, _c, o) => {
    const fv = (x: string) => `${o.h('fv')}(${x})`;
    const e = f(fv, a, b);
    return bits ? `${o.h('fb')}(${e})` : e;
  });
}
/** pmin/pmax: a compare of the floats selecting one operand's bits unchanged. */
const f32Select = (op: string) => f32Each((fv, a, b) => `${fv(b)} ${op} ${fv(a)} ? ${b} : ${a}`, false);

/** f64 lanes (two int32 lanes each) through the scratch's Float64Array view `vd` (`vi` 0..3 under `vd` 0..1). */
function f64Lanes(f: (vd: string, o: QuadOperands) => string, binary: boolean): QuadTemplate {
  return {
    lanewise: true,
    code: (o, r) => {
      const vi = o.h('vi');
      const vd = o.h('vd');
      return [0, 2]
        .map((i) => {
          const ld = binary
            ? `${vi}[0] = ${o.v[0][i]}; ${vi}[1] = ${o.v[0][i + 1]}; ${vi}[2] = ${o.v[1][i]}; ${vi}[3] = ${o.v[1][i + 1]};`
            : `${vi}[0] = ${o.v[0][i]}; ${vi}[1] = ${o.v[0][i + 1]};`;
          return `${ld} ${f(vd, o)} ${r[i]} = ${vi}[0]; ${r[i + 1]} = ${vi}[1];`;
        })
        .join(' ');
    },
  };
}
const f64Binary = (op: (x: string, y: string, o: QuadOperands) => string) =>
  f64Lanes((vd, o) => `${vd}[0] = ${op(`${vd}[0]`, `${vd}[1]`, o)};`, true);
const f64Unary = (op: (x: string, o: QuadOperands) => string) =>
  f64Lanes((vd, o) => `${vd}[0] = ${op(`${vd}[0]`, o)};`, false);
/** f64 comparisons: both int32 lanes of a 64-bit lane get the mask (via `vi[0..1]`, read back by the lane code). */
const f64Compare = (op: string) =>
  f64Lanes((vd, o) => {
    const vi = o.h('vi');
    return `${vi}[0] = ${vi}[1] = ${vd}[0] ${op} ${vd}[1] ? -1 : 0;`;
  }, true);
/** f64 pmin/pmax: one operand's bits (copied into `vi[0..1]`). */
const f64Select = (op: string) =>
  f64Lanes((vd, o) => {
    const vi = o.h('vi');
    return `if (${vd}[1] ${op} ${vd}[0]) { ${vi}[0] = ${vi}[2]; ${vi}[1] = ${vi}[3]; }`;
  }, true);

/** i64x2 lane-wise operators from the i64 pair templates (which may write over their first operand). */
function pairEach(name: string): QuadTemplate {
  const t = PAIR_BINARY[name];
  return {
    lanewise: true,
    code: (o, r) =>
      `${t([o.v[0][0], o.v[0][1]], [o.v[1][0], o.v[1][1]], r[0], r[1])} ${t([o.v[0][2], o.v[0][3]], [o.v[1][2], o.v[1][3]], r[2], r[3])}`,
  };
}
/** i64x2 shifts by a scalar count (modulo 64). */
function pairShift(name: string): QuadTemplate {
  const t = PAIR_BINARY[name];
  return {
    lanewise: true,
    code: (o, r) => {
      const c: [string, string] = [count(o.s[0], 64), '0'];
      return `${t([o.v[0][0], o.v[0][1]], c, r[0], r[1])} ${t([o.v[0][2], o.v[0][3]], c, r[2], r[3])}`;
    },
  };
}
/** i64x2 comparisons: a mask in both int32 lanes of each 64-bit lane. */
function pairCompare(name: string): QuadTemplate {
  const c = PAIR_COND[name];
  return {
    lanewise: true,
    code: (o, r) =>
      [0, 2]
        .map(
          (i) =>
            `vt = ${c([o.v[0][i], o.v[0][i + 1]], [o.v[1][i], o.v[1][i + 1]])} ? -1 : 0; ${r[i]} = vt; ${r[i + 1]} = vt;`,
        )
        .join(' '),
  };
}

/** Saturates an int32 expression to a signed or unsigned 8- or 16-bit lane (value, not masked). */
function sat(x: string, bits: number, signed: boolean): string {
  const [lo, hi] = signed ? [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1] : [0, 2 ** bits - 1];
  return `((vt = ${x}) < ${lo} ? ${lo} : vt > ${hi} ? ${hi} : vt)`;
}

/** `i16x8.narrow_i32x4_*`: word i from int32 lanes 2i, 2i+1 of the concatenation a:b. */
function narrow32(signed: boolean): QuadTemplate {
  return cross((o, r) => {
    const src = [...o.v[0], ...o.v[1]];
    return LANES.map(
      (i) => `${r[i]} = (${sat(src[2 * i], 16, signed)} & 65535) | (${sat(src[2 * i + 1], 16, signed)} << 16);`,
    ).join(' ');
  });
}
/** `i8x16.narrow_i16x8_*`: word i from i16 lanes 4i..4i+3 of a:b. */
function narrow16(signed: boolean): QuadTemplate {
  return cross((o, r) => {
    const src = [...o.v[0], ...o.v[1]];
    return LANES.map((i) => {
      const parts = [0, 1, 2, 3].map((k) => {
        const h = halfS(src[2 * i + (k >> 1)], k & 1);
        const v = `(${sat(h, 8, signed)} & 255)`;
        return k === 0 ? v : `(${v} << ${8 * k})`;
      });
      return `${r[i]} = ${parts.join(' | ')};`;
    }).join(' ');
  });
}

/**
 * `i8x16.shuffle` with constant indices: each result word ORs, per source word and shift, the bytes it takes from
 * there (a word taken whole is a plain copy, a byte rotation two shifts).
 */
const shuffle = cross((o, r) => {
  const src = [...o.v[0], ...o.v[1]];
  return LANES.map((i) => {
    const groups = new Map<string, number>();
    for (let j = 0; j < 4; j++) {
      const s = o.imm[4 * i + j] & 31;
      const shift = 8 * (j - (s & 3));
      const key = `${s >> 2},${shift}`;
      groups.set(key, (groups.get(key) ?? 0) | (255 << (8 * j)));
    }
    const terms: string[] = [];
    for (const [key, mask] of groups) {
      const [w, shift] = key.split(',').map(Number);
      const x = p(src[w]);
      const shifted = shift === 0 ? x : shift > 0 ? `(${x} << ${shift})` : `(${x} >>> ${-shift})`;
      const full = shift === 0 ? -1 : shift > 0 ? -1 << shift : -1 >>> -shift;
      terms.push((mask | 0) === (full | 0) || (mask | 0) === -1 ? shifted : `(${shifted} & ${mask | 0})`);
    }
    return `${r[i]} = ${terms.join(' | ')};`;
  }).join(' ');
});

/** The lane value (unsigned) of a literal word whose 8- or 16-bit lanes are all equal, else null. */
function uniformLane(atom: string, bits: 8 | 16): number | null {
  const n = literal(atom);
  if (n === null) return null;
  const lane = n & ((1 << bits) - 1);
  return Math.imul(lane, bits === 8 ? 0x01010101 : 0x10001) === (n | 0) ? lane : null;
}
/**
 * `v128.and` of a compare's mask with a constant having one value `c` (not 0) in every `bits`-wide lane, given the
 * compare's top-bit form `x` (`QuadTemplate.msb`: the other bits unspecified): each lane's top bit moved to bit 0
 * and scaled by `c` (a shift where `c` is a power of two), no mask spread over the lane and no and. Null where `c`
 * is not such a constant.
 */
export function maskTimesConst(x: string, lane: readonly string[], bits: 8 | 16): string | null {
  const c = uniformLane(lane[0], bits);
  if (c === null || c === 0 || lane.some((a) => uniformLane(a, bits) !== c)) return null;
  const hi = bits === 8 ? -2139062144 : -2147450880;
  const top = `(${p(x)} & ${hi})`;
  const k = 31 - Math.clz32(c);
  if (c === 1 << k) return k === bits - 1 ? top : `(${top} >>> ${bits - 1 - k})`;
  return `Math.imul(${top} >>> ${bits - 1}, ${c})`;
}
/** `x` with the top bit of each lane flipped (a signed compare as an unsigned one). */
const flipTop = (x: string, hi: number): string => `(${p(x)} ^ ${hi})`;

/**
 * Unsigned `x < c` in each 8- or 16-bit lane for a constant `c` (0..2^bits - 1) in every lane: the low bits of a lane
 * plus `2^(bits-1) - c` (or `2^bits - c`) carry into its top bit exactly when they reach `c` (or `c - 2^(bits-1)`),
 * never out of the lane; with the lane's own top bit that decides it. Four operations where the general borrow
 * takes a dozen. `top`: the top bits alone (the other bits unspecified); `not`: the mask of `x >= c` instead.
 */
function ltConst(x: string, c: number, bits: 8 | 16, top: boolean, not: boolean): string {
  if (c === 0) return not ? '-1' : '0';
  const half = 1 << (bits - 1);
  const rep = bits === 8 ? 0x01010101 : 0x10001;
  const low = bits === 8 ? 0x7f7f7f7f : 0x7fff7fff;
  const hi = bits === 8 ? -2139062144 : -2147450880;
  const a = p(x);
  // the top bits of `x >= c`, negated for `x < c` unless `not`
  const ge =
    c <= half
      ? `(${a} | ((${a} & ${low}) + ${Math.imul(half - c, rep)}))`
      : `(${a} & ((${a} & ${low}) + ${Math.imul(2 * half - c, rep)}))`;
  const t = not ? ge : `~${ge}`;
  return top ? t : `Math.imul((${t} & ${hi}) >>> ${bits - 1}, ${bits === 8 ? 255 : 65535})`;
}

/**
 * All-ones in each 8- or 16-bit lane of `x` below that of `y` (unsigned or signed), as one inline expression: the
 * borrow out of each lane of the SWAR difference `x - y` (a signed compare flips the sign bits first). Operands are
 * atoms (read several times); a literal operand's masks fold, and one with the same value in every lane takes the
 * short form (`ltConst`). `not`: the mask of `x >= y` instead.
 */
function lt(x: string, y: string, bits: 8 | 16, signed: boolean, top = false, not = false): string {
  const hi = bits === 8 ? -2139062144 : -2147450880; // 0x80808080, 0x80008000
  const c = uniformLane(y, bits);
  if (c !== null) return ltConst(signed ? flipTop(x, hi) : x, signed ? c ^ (1 << (bits - 1)) : c, bits, top, not);
  const k = uniformLane(x, bits);
  if (k !== null) {
    // k < y: not (y < k + 1); nothing is above the largest lane value
    const ku = signed ? k ^ (1 << (bits - 1)) : k;
    if (ku === (1 << bits) - 1) return not ? '-1' : '0';
    return ltConst(signed ? flipTop(y, hi) : y, ku + 1, bits, top, !not);
  }
  const flip = (a: string) => {
    const n = literal(a);
    if (n !== null) return String(signed ? n ^ hi : n);
    return signed ? `(${p(a)} ^ ${hi})` : p(a);
  };
  const [a, b] = [flip(x), flip(y)];
  const nb = literal(b);
  const bLow = nb !== null ? String(nb & ~hi) : `(${b} & ${~hi})`;
  const bNot = nb !== null ? String(~nb) : `~${b}`;
  const diff = `(((${a} | ${hi}) - ${p(bLow)}) ^ ((${a} ^ ${p(bNot)}) & ${hi}))`;
  const borrow = `((~${a} & ${p(b)}) | (~(${a} ^ ${p(b)}) & ${diff}))`;
  // `top`: the borrow bits alone (for a consumer of lane top bits)
  const m = top ? borrow : `Math.imul((${borrow} & ${hi}) >>> ${bits - 1}, ${bits === 8 ? 255 : 65535})`;
  return not ? `~${m}` : m;
}
/** An 8- or 16-bit lane compare from `lt` (`swap`: operands swapped; `not`: the mask inverted). */
function cmp(bits: 8 | 16, signed: boolean, swap: boolean, not: boolean): QuadTemplate {
  const form = (top: boolean) =>
    each((a, b) => (swap ? lt(b, a, bits, signed, top, not) : lt(a, b, bits, signed, top, not)));
  return { ...form(false), msb: { bits, code: form(true).code } };
}

/**
 * 8- or 16-bit lane equality (`ne`: inequality): the top bit of each lane of `x ^ y` with the lane's low bits added
 * into it is set where the lanes differ; the full form spreads it over the lane, the msb form (`top`) stops there.
 */
function eqLanes(bits: 8 | 16, ne: boolean): QuadTemplate {
  const [low, hi, mul] = bits === 8 ? ['0x7f7f7f7f', '0x80808080', '255'] : ['0x7fff7fff', '0x80008000', '65535'];
  const differs = (a: string, b: string) => {
    // a zero operand (a compare with `splat(0)`) folds out of the xor
    const x = literal(b) === 0 ? p(a) : literal(a) === 0 ? p(b) : `${p(a)} ^ ${p(b)}`;
    return `((((${x}) & ${low}) + ${low}) | ${x})`;
  };
  const spread = (a: string, b: string) => `Math.imul((${differs(a, b)} & ${hi}) >>> ${bits - 1}, ${mul})`;
  return {
    ...each((a, b) => (ne ? spread(a, b) : `~${spread(a, b)}`)),
    msb: { bits, code: each((a, b) => (ne ? differs(a, b) : `~${differs(a, b)}`)).code },
  };
}
/** min (or max) of 8- or 16-bit lanes: the lanes of `a` where `a < b` (`b < a` for max), else those of `b`. */
function minMax(bits: 8 | 16, signed: boolean, max: boolean): QuadTemplate {
  return each((a, b) => {
    const m = max ? lt(b, a, bits, signed) : lt(a, b, bits, signed);
    return `((vt = ${m}), (${p(a)} & vt) | (${p(b)} & ~vt))`;
  });
}

/** A lane-wise word helper `H.<fn>(a, b)` (`swap`: with the operands swapped; `not`: the result inverted). */
function word(fn: string, swap = false, not = false): QuadTemplate {
  return each((a, b, _c, o) => {
    const call = `${o.h(fn)}(${swap ? b : a}, ${swap ? a : b})`;
    return not ? `~${call}` : call;
  });
}

/** `i64x2.extmul_*_i32x4_*`: the full 64-bit products of two int32 lanes, as pairs of int32 words. */
function extmul32(lo: boolean, signed: boolean): QuadTemplate {
  return cross((o, r) => {
    const [a, b] = o.v;
    const k = lo ? 0 : 2;
    const t = PAIR_BINARY['i64.mul'];
    const ext = (x: string): [string, string] => [x, signed ? `(${p(x)} >> 31)` : '0'];
    return `${t(ext(a[k]), ext(b[k]), r[0], r[1])} ${t(ext(a[k + 1]), ext(b[k + 1]), r[2], r[3])}`;
  });
}

/** `i32x4.trunc_sat_f64x2_*_zero`: two lanes from the two f64 lanes, two zeros. */
function truncZero(fn: string): QuadTemplate {
  return cross((o, r) => {
    const f = o.h(fn);
    const a = o.v[0];
    return `${r[0]} = ${f}(${a[0]}, ${a[1]}); ${r[1]} = ${f}(${a[2]}, ${a[3]}); ${r[2]} = 0; ${r[3]} = 0;`;
  });
}

/** `f64x2.convert_low_i32x4_*`: exact conversions of the two low lanes. */
function convertLow(unsigned: boolean): QuadTemplate {
  return cross((o, r) => {
    const w = o.h('f64Word');
    const a = o.v[0];
    const x = (v: string) => (unsigned ? `(${p(v)} >>> 0)` : v);
    return `${r[0]} = ${w}(${x(a[0])}, 0); ${r[1]} = ${w}(${x(a[0])}, 1); ${r[2]} = ${w}(${x(a[1])}, 0); ${r[3]} = ${w}(${x(a[1])}, 1);`;
  });
}

/** `f64x2.relaxed_(n)madd`, unfused: the product rounded, then the sum. */
function f64Madd(negate: boolean): QuadTemplate {
  return cross((o, r) => {
    const [d, w] = [o.h('f64FromLanes'), o.h('f64Word')];
    const [a, b, c] = o.v;
    return [0, 2]
      .map((i) => {
        const prod = `${d}(${a[i]}, ${a[i + 1]}) * ${d}(${b[i]}, ${b[i + 1]})`;
        return `vz = ${negate ? `-(${prod})` : prod}; vz = vz + ${d}(${c[i]}, ${c[i + 1]}); ${r[i]} = ${w}(vz, 0); ${r[i + 1]} = ${w}(vz, 1);`;
      })
      .join(' ');
  });
}

/**
 * `i8x16.swizzle`: four byte lookups per word of the indices in a 256-byte table whose bytes 16..255 are zero: a
 * table hoisted per constant first operand (`H.swizzleConst`), else the shared one set from the operand first. A
 * constant first operand gets, for the first `SWIZZLE_PAIR_TABLES` such tables of a module, a table of byte pairs
 * instead (`H.swizzlePairs`: 65,536 half-words, the lookups of two index bytes at once), so a word is two lookups.
 */
const swizzle: QuadTemplate = {
  lanewise: true,
  code: (o, r) => {
    const words = o.v[0].map(literal);
    if (words.every((w) => w !== null)) {
      const pairs = o.hCapped('swizzlePairs', `swizzlePairs(${words.join(', ')})`, SWIZZLE_PAIR_TABLES);
      if (pairs !== null)
        return LANES.map(
          (i) => `${r[i]} = ${pairs}[${p(o.v[1][i])} & 65535] | (${pairs}[${p(o.v[1][i])} >>> 16] << 16);`,
        ).join(' ');
    }
    let t: string;
    let set = '';
    if (words.every((w) => w !== null)) t = o.h(`swizzleConst(${words.join(', ')})`);
    else {
      set = `${o.h('swizzleTable')}(${o.v[0].join(', ')}); `;
      t = o.h('swizzleBytes');
    }
    const look = (x: string) =>
      `${t}[${p(x)} & 255] | (${t}[(${p(x)} >>> 8) & 255] << 8) | (${t}[(${p(x)} >>> 16) & 255] << 16) | (${t}[${p(x)} >>> 24] << 24)`;
    return `${set}${LANES.map((i) => `${r[i]} = ${look(o.v[1][i])};`).join(' ')}`;
  },
};

/** v128-valued operators inline as lanes. Operators not here run a helper (see the translator's `simd`). */
export const QUAD_OPS: Readonly<Record<string, QuadTemplate>> = {
  'v128.not': each((a) => `~${p(a)}`),
  'v128.and': each((a, b) => `${p(a)} & ${p(b)}`),
  'v128.andnot': each((a, b) => `${p(a)} & ~${p(b)}`),
  'v128.or': each((a, b) => `${p(a)} | ${p(b)}`),
  'v128.xor': each((a, b) => `${p(a)} ^ ${p(b)}`),
  'v128.bitselect': each((a, b, c) => `(${p(a)} & ${p(c)}) | (${p(b)} & ~${p(c)})`),
  'i8x16.relaxed_laneselect': each((a, b, c) => `(${p(a)} & ${p(c)}) | (${p(b)} & ~${p(c)})`),
  'i16x8.relaxed_laneselect': each((a, b, c) => `(${p(a)} & ${p(c)}) | (${p(b)} & ~${p(c)})`),
  'i32x4.relaxed_laneselect': each((a, b, c) => `(${p(a)} & ${p(c)}) | (${p(b)} & ~${p(c)})`),
  'i64x2.relaxed_laneselect': each((a, b, c) => `(${p(a)} & ${p(c)}) | (${p(b)} & ~${p(c)})`),

  'i8x16.add': each((a, b) => add8(a, b)),
  'i8x16.sub': each((a, b) => sub8(a, b)),
  'i8x16.neg': each((a) => sub8('0', a)),
  'i8x16.eq': eqLanes(8, false),
  'i8x16.ne': eqLanes(8, true),
  // `| 0`: the difference leaves the int32 range (a lane read by a signed compare must be an int32)
  'i8x16.avgr_u': each((a, b) => `((${p(a)} | ${p(b)}) - (((${p(a)} ^ ${p(b)}) >>> 1) & 0x7f7f7f7f)) | 0`),
  'i8x16.shl': each((a, _b, _c, o) => {
    const c = count(o.s[0], 8);
    return `(${p(a)} << ${c}) & ${shiftMask(c, 8, true)}`;
  }),
  'i8x16.shr_u': each((a, _b, _c, o) => {
    const c = count(o.s[0], 8);
    return `(${p(a)} >>> ${c}) & ${shiftMask(c, 8, false)}`;
  }),
  'i16x8.add': each((a, b) => add16(a, b)),
  'i16x8.sub': each((a, b) => sub16(a, b)),
  'i16x8.neg': each((a) => sub16('0', a)),
  'i16x8.mul': each((a, b) => `(Math.imul(${a}, ${b}) & 65535) | (Math.imul(${p(a)} >>> 16, ${p(b)} >>> 16) << 16)`),
  'i16x8.avgr_u': each((a, b) => `((${p(a)} | ${p(b)}) - (((${p(a)} ^ ${p(b)}) >>> 1) & 0x7fff7fff)) | 0`),
  'i16x8.shl': each((a, _b, _c, o) => {
    const c = count(o.s[0], 16);
    return `(${p(a)} << ${c}) & ${shiftMask(c, 16, true)}`;
  }),
  'i16x8.shr_u': each((a, _b, _c, o) => {
    const c = count(o.s[0], 16);
    return `(${p(a)} >>> ${c}) & ${shiftMask(c, 16, false)}`;
  }),
  'i16x8.shr_s': each((a, _b, _c, o) => {
    const c = count(o.s[0], 16);
    return `((${p(a)} >> ${c}) & -65536) | (((${p(a)} << 16) >> (16 + ${c})) & 65535)`;
  }),
  'i16x8.extadd_pairwise_i8x16_s': each(
    (a) => `((${byteS(a, 0)} + ${byteS(a, 1)}) & 65535) | ((${byteS(a, 2)} + ${byteS(a, 3)}) << 16)`,
  ),
  // both half-words at once: each sum of two bytes fits its 16 bits
  'i16x8.extadd_pairwise_i8x16_u': each((a) => `(${p(a)} & 0xff00ff) + ((${p(a)} >>> 8) & 0xff00ff)`),
  'i16x8.q15mulr_sat_s': each((a, b, _c, o) => `${o.h('q15mulr')}(${a}, ${b})`),
  'i16x8.relaxed_q15mulr_s': each((a, b, _c, o) => `${o.h('q15mulr')}(${a}, ${b})`),
  'i16x8.extend_low_i8x16_s': widen8(true, true),
  'i16x8.extend_high_i8x16_s': widen8(false, true),
  'i16x8.extend_low_i8x16_u': widen8(true, false),
  'i16x8.extend_high_i8x16_u': widen8(false, false),
  'i16x8.extmul_low_i8x16_s': extmul8(true, true),
  'i16x8.extmul_high_i8x16_s': extmul8(false, true),
  'i16x8.extmul_low_i8x16_u': extmul8(true, false),
  'i16x8.extmul_high_i8x16_u': extmul8(false, false),
  'i16x8.narrow_i32x4_s': narrow32(true),
  'i16x8.narrow_i32x4_u': narrow32(false),
  'i8x16.narrow_i16x8_s': narrow16(true),
  'i8x16.narrow_i16x8_u': narrow16(false),

  'i32x4.add': each((a, b) => `(${a} + ${b}) | 0`),
  'i32x4.sub': each((a, b) => `(${a} - ${p(b)}) | 0`),
  'i32x4.mul': each((a, b) => `Math.imul(${a}, ${b})`),
  'i32x4.neg': each((a) => `-${p(a)} | 0`),
  'i32x4.abs': each((a) => `${p(a)} < 0 ? -${p(a)} | 0 : ${a}`),
  'i32x4.shl': each((a, _b, _c, o) => `${p(a)} << ${count(o.s[0], 32)}`),
  'i32x4.shr_s': each((a, _b, _c, o) => `${p(a)} >> ${count(o.s[0], 32)}`),
  'i32x4.shr_u': each((a, _b, _c, o) => `(${p(a)} >>> ${count(o.s[0], 32)}) | 0`),
  'i32x4.eq': each((a, b) => `${a} === ${b} ? -1 : 0`),
  'i32x4.ne': each((a, b) => `${a} !== ${b} ? -1 : 0`),
  'i32x4.lt_s': each((a, b) => `${a} < ${b} ? -1 : 0`),
  'i32x4.gt_s': each((a, b) => `${a} > ${b} ? -1 : 0`),
  'i32x4.le_s': each((a, b) => `${a} <= ${b} ? -1 : 0`),
  'i32x4.ge_s': each((a, b) => `${a} >= ${b} ? -1 : 0`),
  'i32x4.lt_u': each((a, b) => `(${p(a)} >>> 0) < (${p(b)} >>> 0) ? -1 : 0`),
  'i32x4.gt_u': each((a, b) => `(${p(a)} >>> 0) > (${p(b)} >>> 0) ? -1 : 0`),
  'i32x4.le_u': each((a, b) => `(${p(a)} >>> 0) <= (${p(b)} >>> 0) ? -1 : 0`),
  'i32x4.ge_u': each((a, b) => `(${p(a)} >>> 0) >= (${p(b)} >>> 0) ? -1 : 0`),
  'i32x4.min_s': each((a, b) => `${a} < ${b} ? ${a} : ${b}`),
  'i32x4.max_s': each((a, b) => `${a} > ${b} ? ${a} : ${b}`),
  'i32x4.min_u': each((a, b) => `(${p(a)} >>> 0) < (${p(b)} >>> 0) ? ${a} : ${b}`),
  'i32x4.max_u': each((a, b) => `(${p(a)} >>> 0) > (${p(b)} >>> 0) ? ${a} : ${b}`),
  // each product fits in an int32 (Math.imul: no float multiply); the sum wraps like the wasm operator
  'i32x4.dot_i16x8_s': each(
    (a, b) => `(Math.imul(${halfS(a, 0)}, ${halfS(b, 0)}) + Math.imul(${halfS(a, 1)}, ${halfS(b, 1)})) | 0`,
  ),
  'i32x4.extadd_pairwise_i16x8_s': each((a) => `${halfS(a, 0)} + ${halfS(a, 1)}`),
  'i32x4.extadd_pairwise_i16x8_u': each((a) => `${halfU(a, 0)} + ${halfU(a, 1)}`),
  'i32x4.extend_low_i16x8_s': widen16(true, true),
  'i32x4.extend_high_i16x8_s': widen16(false, true),
  'i32x4.extend_low_i16x8_u': widen16(true, false),
  'i32x4.extend_high_i16x8_u': widen16(false, false),
  'i32x4.extmul_low_i16x8_s': extmul16(true, true),
  'i32x4.extmul_high_i16x8_s': extmul16(false, true),
  'i32x4.extmul_low_i16x8_u': extmul16(true, false),
  'i32x4.extmul_high_i16x8_u': extmul16(false, false),

  'i64x2.add': pairEach('i64.add'),
  'i64x2.sub': pairEach('i64.sub'),
  'i64x2.mul': pairEach('i64.mul'),
  'i64x2.shl': pairShift('i64.shl'),
  'i64x2.shr_s': pairShift('i64.shr_s'),
  'i64x2.shr_u': pairShift('i64.shr_u'),
  'i64x2.eq': pairCompare('i64.eq'),
  'i64x2.ne': pairCompare('i64.ne'),
  'i64x2.lt_s': pairCompare('i64.lt_s'),
  'i64x2.gt_s': pairCompare('i64.gt_s'),
  'i64x2.le_s': pairCompare('i64.le_s'),
  'i64x2.ge_s': pairCompare('i64.ge_s'),
  'i64x2.extend_low_i32x4_s': widen32(true, true),
  'i64x2.extend_high_i32x4_s': widen32(false, true),
  'i64x2.extend_low_i32x4_u': widen32(true, false),
  'i64x2.extend_high_i32x4_u': widen32(false, false),

  'f32x4.abs': each((a) => `${p(a)} & 0x7fffffff`),
  'f32x4.neg': each((a) => `${p(a)} ^ -2147483648`),
  'f32x4.pmin': f32Select('<'),
  'f32x4.pmax': f32Select('>'),

  'f64x2.add': f64Binary((x, y) => `${x} + ${y}`),
  'f64x2.sub': f64Binary((x, y) => `${x} - ${y}`),
  'f64x2.mul': f64Binary((x, y) => `${x} * ${y}`),
  'f64x2.div': f64Binary((x, y) => `${x} / ${y}`),
  'f64x2.min': f64Binary((x, y) => `Math.min(${x}, ${y})`),
  'f64x2.max': f64Binary((x, y) => `Math.max(${x}, ${y})`),
  'f64x2.relaxed_min': f64Binary((x, y) => `Math.min(${x}, ${y})`),
  'f64x2.relaxed_max': f64Binary((x, y) => `Math.max(${x}, ${y})`),
  'f64x2.sqrt': f64Unary((x) => `Math.sqrt(${x})`),
  'f64x2.ceil': f64Unary((x, o) => `${o.h('fceil')}(${x})`),
  'f64x2.floor': f64Unary((x, o) => `${o.h('ffloor')}(${x})`),
  'f64x2.trunc': f64Unary((x, o) => `${o.h('ftrunc')}(${x})`),
  'f64x2.nearest': f64Unary((x, o) => `${o.h('nearest')}(${x})`),
  'f64x2.abs': cross(
    (o, r) =>
      `${r[0]} = ${o.v[0][0]}; ${r[1]} = ${p(o.v[0][1])} & 0x7fffffff; ${r[2]} = ${o.v[0][2]}; ${r[3]} = ${p(o.v[0][3])} & 0x7fffffff;`,
  ),
  'f64x2.neg': cross(
    (o, r) =>
      `${r[0]} = ${o.v[0][0]}; ${r[1]} = ${p(o.v[0][1])} ^ -2147483648; ${r[2]} = ${o.v[0][2]}; ${r[3]} = ${p(o.v[0][3])} ^ -2147483648;`,
  ),
  'f64x2.eq': f64Compare('==='),
  'f64x2.ne': f64Compare('!=='),
  'f64x2.lt': f64Compare('<'),
  'f64x2.gt': f64Compare('>'),
  'f64x2.le': f64Compare('<='),
  'f64x2.ge': f64Compare('>='),
  'f64x2.pmin': f64Select('<'),
  'f64x2.pmax': f64Select('>'),

  'i8x16.shuffle': shuffle,

  // word helpers (src/lane-helpers.ts)
  'i8x16.lt_s': cmp(8, true, false, false),
  'i8x16.lt_u': cmp(8, false, false, false),
  'i8x16.gt_s': cmp(8, true, true, false),
  'i8x16.gt_u': cmp(8, false, true, false),
  'i8x16.le_s': cmp(8, true, true, true),
  'i8x16.le_u': cmp(8, false, true, true),
  'i8x16.ge_s': cmp(8, true, false, true),
  'i8x16.ge_u': cmp(8, false, false, true),
  'i16x8.lt_s': cmp(16, true, false, false),
  'i16x8.lt_u': cmp(16, false, false, false),
  'i16x8.gt_s': cmp(16, true, true, false),
  'i16x8.gt_u': cmp(16, false, true, false),
  'i16x8.le_s': cmp(16, true, true, true),
  'i16x8.le_u': cmp(16, false, true, true),
  'i16x8.ge_s': cmp(16, true, false, true),
  'i16x8.ge_u': cmp(16, false, false, true),
  'i16x8.eq': eqLanes(16, false),
  'i16x8.ne': eqLanes(16, true),
  'i8x16.min_s': minMax(8, true, false),
  'i8x16.min_u': minMax(8, false, false),
  'i8x16.max_s': minMax(8, true, true),
  'i8x16.max_u': minMax(8, false, true),
  'i16x8.min_s': minMax(16, true, false),
  'i16x8.min_u': minMax(16, false, false),
  'i16x8.max_s': minMax(16, true, true),
  'i16x8.max_u': minMax(16, false, true),
  'i8x16.add_sat_s': word('addSatS8'),
  'i8x16.add_sat_u': word('addSatU8'),
  'i8x16.sub_sat_s': word('subSatS8'),
  'i8x16.sub_sat_u': word('subSatU8'),
  'i16x8.add_sat_s': word('addSatS16'),
  'i16x8.add_sat_u': word('addSatU16'),
  'i16x8.sub_sat_s': word('subSatS16'),
  'i16x8.sub_sat_u': word('subSatU16'),
  'i8x16.abs': each((a, _b, _c, o) => `${o.h('abs8')}(${a})`),
  'i16x8.abs': each((a, _b, _c, o) => `${o.h('abs16')}(${a})`),
  'i8x16.popcnt': each((a, _b, _c, o) => `${o.h('popcnt8')}(${a})`),
  'i8x16.shr_s': each((a, _b, _c, o) => `${o.h('shrS8')}(${a}, ${count(o.s[0], 8)})`),
  'i8x16.swizzle': swizzle,
  'i8x16.relaxed_swizzle': swizzle,
  'i16x8.relaxed_dot_i8x16_i7x16_s': each((a, b, _c, o) => `${o.h('dot8')}(${a}, ${b})`),
  'i32x4.relaxed_dot_i8x16_i7x16_add_s': each((a, b, c, o) => `${o.h('dot8add')}(${a}, ${b}, ${c})`),
  'i64x2.neg': cross(
    (o, r) =>
      PAIR_BINARY['i64.sub'](['0', '0'], [o.v[0][0], o.v[0][1]], r[0], r[1]) +
      ' ' +
      PAIR_BINARY['i64.sub'](['0', '0'], [o.v[0][2], o.v[0][3]], r[2], r[3]),
  ),
  'i64x2.abs': cross((o, r) =>
    [0, 2]
      .map((i) => {
        const [lo, hi] = [o.v[0][i], o.v[0][i + 1]];
        return `if (${p(hi)} < 0) { ${PAIR_BINARY['i64.sub'](['0', '0'], [lo, hi], r[i], r[i + 1])} } else { ${r[i]} = ${lo}; ${r[i + 1]} = ${hi}; }`;
      })
      .join(' '),
  ),
  'i64x2.extmul_low_i32x4_s': extmul32(true, true),
  'i64x2.extmul_high_i32x4_s': extmul32(false, true),
  'i64x2.extmul_low_i32x4_u': extmul32(true, false),
  'i64x2.extmul_high_i32x4_u': extmul32(false, false),

  'i32x4.trunc_sat_f64x2_s_zero': truncZero('truncS64'),
  'i32x4.trunc_sat_f64x2_u_zero': truncZero('truncU64'),
  'i32x4.relaxed_trunc_f64x2_s_zero': truncZero('truncS64'),
  'i32x4.relaxed_trunc_f64x2_u_zero': truncZero('truncU64'),
  'f32x4.demote_f64x2_zero': cross((o, r) => {
    const [fb, d] = [o.h('fb'), o.h('f64FromLanes')];
    const a = o.v[0];
    return `${r[0]} = ${fb}(${d}(${a[0]}, ${a[1]})); ${r[1]} = ${fb}(${d}(${a[2]}, ${a[3]})); ${r[2]} = 0; ${r[3]} = 0;`;
  }),
  'f64x2.promote_low_f32x4': cross((o, r) => {
    const [fv, w] = [o.h('fv'), o.h('f64Word')];
    const a = o.v[0];
    // a NaN comes out quiet (fv): promote is arithmetic
    return `vz = ${fv}(${a[0]}); ${r[0]} = ${w}(vz, 0); ${r[1]} = ${w}(vz, 1); vz = ${fv}(${a[1]}); ${r[2]} = ${w}(vz, 0); ${r[3]} = ${w}(vz, 1);`;
  }),
  'f64x2.convert_low_i32x4_s': convertLow(false),
  'f64x2.convert_low_i32x4_u': convertLow(true),
  'f64x2.relaxed_madd': f64Madd(false),
  'f64x2.relaxed_nmadd': f64Madd(true),
};

/**
 * f32x4 operators on lanes held as f32 numbers (doubles that are f32 values) rather than bits: a chain of f32
 * arithmetic then converts bits to numbers once at its start (`fv`) and back once at its end (`fb`), where a bitwise
 * operator, memory, a call or control flow needs bits. `input`: whether the operands are numbers (`value`) or int32
 * lanes (`bits`); `value`: whether the result is numbers. The lane expression gets lane i of each operand. Results
 * are exact: one `Math.fround` of the double result (exact for + - * / sqrt), and min, max and the roundings return
 * f32 values already. A NaN is any quiet NaN, as arithmetic allows.
 */
export const F32_VALUE_OPS: Readonly<
  Record<
    string,
    {
      input: 'value' | 'bits';
      value: boolean;
      lane: (x: string, y: string, z: string, h: (n: string) => string) => string;
    }
  >
> = {
  'f32x4.add': { input: 'value', value: true, lane: (x, y) => `Math.fround(${x} + ${y})` },
  'f32x4.sub': { input: 'value', value: true, lane: (x, y) => `Math.fround(${x} - ${y})` },
  'f32x4.mul': { input: 'value', value: true, lane: (x, y) => `Math.fround(${x} * ${y})` },
  'f32x4.div': { input: 'value', value: true, lane: (x, y) => `Math.fround(${x} / ${y})` },
  'f32x4.min': { input: 'value', value: true, lane: (x, y) => `Math.min(${x}, ${y})` },
  'f32x4.max': { input: 'value', value: true, lane: (x, y) => `Math.max(${x}, ${y})` },
  'f32x4.relaxed_min': { input: 'value', value: true, lane: (x, y) => `Math.min(${x}, ${y})` },
  'f32x4.relaxed_max': { input: 'value', value: true, lane: (x, y) => `Math.max(${x}, ${y})` },
  'f32x4.sqrt': { input: 'value', value: true, lane: (x) => `Math.fround(Math.sqrt(${x}))` },
  'f32x4.ceil': { input: 'value', value: true, lane: (x, _y, _z, h) => `${h('fceil')}(${x})` },
  'f32x4.floor': { input: 'value', value: true, lane: (x, _y, _z, h) => `${h('ffloor')}(${x})` },
  'f32x4.trunc': { input: 'value', value: true, lane: (x, _y, _z, h) => `${h('ftrunc')}(${x})` },
  'f32x4.nearest': { input: 'value', value: true, lane: (x, _y, _z, h) => `${h('nearest')}(${x})` },
  'f32x4.relaxed_madd': {
    input: 'value',
    value: true,
    lane: (x, y, z) => `Math.fround(Math.fround(${x} * ${y}) + ${z})`,
  },
  'f32x4.relaxed_nmadd': {
    input: 'value',
    value: true,
    lane: (x, y, z) => `Math.fround(-Math.fround(${x} * ${y}) + ${z})`,
  },
  'f32x4.convert_i32x4_s': { input: 'bits', value: true, lane: (x) => `Math.fround(${x})` },
  'f32x4.convert_i32x4_u': { input: 'bits', value: true, lane: (x) => `Math.fround(${p(x)} >>> 0)` },
  'f32x4.eq': { input: 'value', value: false, lane: (x, y) => `${x} === ${y} ? -1 : 0` },
  'f32x4.ne': { input: 'value', value: false, lane: (x, y) => `${x} !== ${y} ? -1 : 0` },
  'f32x4.lt': { input: 'value', value: false, lane: (x, y) => `${x} < ${y} ? -1 : 0` },
  'f32x4.gt': { input: 'value', value: false, lane: (x, y) => `${x} > ${y} ? -1 : 0` },
  'f32x4.le': { input: 'value', value: false, lane: (x, y) => `${x} <= ${y} ? -1 : 0` },
  'f32x4.ge': { input: 'value', value: false, lane: (x, y) => `${x} >= ${y} ? -1 : 0` },
  'i32x4.trunc_sat_f32x4_s': { input: 'value', value: false, lane: (x, _y, _z, h) => `${h('satS')}(${x})` },
  'i32x4.trunc_sat_f32x4_u': { input: 'value', value: false, lane: (x, _y, _z, h) => `${h('satU')}(${x})` },
  'i32x4.relaxed_trunc_f32x4_s': { input: 'value', value: false, lane: (x, _y, _z, h) => `${h('satS')}(${x})` },
  'i32x4.relaxed_trunc_f32x4_u': { input: 'value', value: false, lane: (x, _y, _z, h) => `${h('satU')}(${x})` },
};

/**
 * Operators whose result has each 32-bit word 0 or -1: the compares of 32- and 64-bit lanes (a 64-bit lane's mask is
 * two equal words). A `v128.bitselect` by such a mask selects whole words (`maskSelect` in src/translate.ts).
 */
export const MASK32_OPS: ReadonlySet<string> = new Set([
  ...['eq', 'ne', 'lt', 'gt', 'le', 'ge'].flatMap((c) => [`f32x4.${c}`, `f64x2.${c}`]),
  ...['eq', 'ne', 'lt_s', 'gt_s', 'le_s', 'ge_s', 'lt_u', 'gt_u', 'le_u', 'ge_u'].map((c) => `i32x4.${c}`),
  ...['eq', 'ne', 'lt_s', 'gt_s', 'le_s', 'ge_s'].map((c) => `i64x2.${c}`),
]);
/** Bitwise operators whose result is such a mask when every operand is one. */
export const MASK32_BITWISE: ReadonlySet<string> = new Set([
  'v128.and',
  'v128.or',
  'v128.xor',
  'v128.andnot',
  'v128.not',
]);

/** i32-valued operators on one v128 (bitmask, any_true, all_true), as a JS boolean or int expression. */
export const QUAD_SCALAR: Readonly<Record<string, { cond: boolean; expr: (a: Lanes) => string }>> = {
  'v128.any_true': { cond: true, expr: (a) => `(${a.map(p).join(' | ')}) !== 0` },
  'i8x16.all_true': {
    cond: true,
    expr: (a) => `((${a.map((w) => `((${p(w)} - 0x01010101) & ~${p(w)})`).join(' | ')}) & 0x80808080) === 0`,
  },
  'i16x8.all_true': {
    cond: true,
    expr: (a) => `((${a.map((w) => `((${p(w)} - 0x00010001) & ~${p(w)})`).join(' | ')}) & 0x80008000) === 0`,
  },
  'i32x4.all_true': { cond: true, expr: (a) => a.map((w) => `${w} !== 0`).join(' && ') },
  'i64x2.all_true': { cond: true, expr: (a) => `(${p(a[0])} | ${p(a[1])}) !== 0 && (${p(a[2])} | ${p(a[3])}) !== 0` },
  'i8x16.bitmask': {
    cond: false,
    expr: (a) =>
      a
        .map((w, i) => `((Math.imul((${p(w)} & 0x80808080) >>> 7, 0x204081) >>> ${21 - 4 * i}) & ${15 << (4 * i)})`)
        .join(' | '),
  },
  'i16x8.bitmask': {
    cond: false,
    expr: (a) =>
      a
        .map(
          (w, i) => `((${p(w)} >>> ${15 - 2 * i}) & ${1 << (2 * i)}) | ((${p(w)} >>> ${30 - 2 * i}) & ${2 << (2 * i)})`,
        )
        .join(' | '),
  },
  'i32x4.bitmask': {
    cond: false,
    expr: (a) => a.map((w, i) => (i === 0 ? `(${p(w)} >>> 31)` : `((${p(w)} >>> 31) << ${i})`)).join(' | '),
  },
  'i64x2.bitmask': { cond: false, expr: (a) => `(${p(a[1])} >>> 31) | ((${p(a[3])} >>> 31) << 1)` },
};

/**
 * The number of bits a bitmask has set, for a consumer that only counts them (`i32.popcnt` of the bitmask): each
 * word's top bits moved down to bit 0 of their lane and the four words added (a byte or half-word then holds at most
 * 4), then the lanes summed by one multiply into the top lane (at most 16 or 8: no carry). 13 operations for
 * `i8x16`, where the bitmask in order and a popcount take 23.
 */
export const QUAD_SCALAR_COUNT: Readonly<Record<string, (a: Lanes) => string>> = {
  'i8x16.bitmask': (a) =>
    `(Math.imul(${a.map((w) => `((${p(w)} & 0x80808080) >>> 7)`).join(' + ')}, 0x01010101) >>> 24)`,
  'i16x8.bitmask': (a) => `(Math.imul(${a.map((w) => `((${p(w)} & 0x80008000) >>> 15)`).join(' + ')}, 0x10001) >>> 16)`,
};
