// i64 operators on (lo, hi) pairs of int32 numbers: the JS backend's lowering of i64 inside function
// bodies (see README.md, "i64 as pairs"). Each template gets its operands as atoms (int32 literals or
// variable names, which may be read any number of times) and the result's two variables, and returns the
// statements that assign them. A result variable may be the same as an operand's (the value below the top
// of the stack is replaced by the result), so every template reads an operand only before it writes the
// variable that may hold it, or copies operands to the temporaries `qa`..`qd` first. Every temporary holds
// only int32 values (one representation per variable for V8).

/**
 * Statements assigning `rl`/`rh` from operands `a`/`b` (each `[lo, hi]`). Templates index the operands (`a[0]`,
 * `a[1]`) rather than destructure them: a destructuring parameter runs the iterator protocol, which V8's interpreter
 * pays at every operator when the translator runs under `--jitless`.
 */
export type PairBinary = (a: readonly [string, string], b: readonly [string, string], rl: string, rh: string) => string;
/** Statements assigning `rl`/`rh` from operand `a`. */
export type PairUnary = (a: readonly [string, string], rl: string, rh: string) => string;

/** The int32 value of an atom when it is a literal (`5`, `(-5)`), else null. */
export function literal(atom: string): number | null {
  // a variable name (the usual atom) without the regular expression: it starts with a letter
  if (atom.charCodeAt(0) >= 97) return null;
  const m = /^\(?(-?\d+)\)?$/.exec(atom);
  return m === null ? null : Number(m[1]);
}

/** `x >>> 0`, folded for a literal. */
function u32(x: string): string {
  const v = literal(x);
  return v === null ? `(${x} >>> 0)` : String(v >>> 0);
}

/** A shift or rotate count from an operand's lo atom: a literal folded to 0..63, else null. */
function constCount(lo: string): number | null {
  const v = literal(lo);
  return v === null ? null : v & 63;
}

/** `x | y` (or `x ^ y`) where either may be the literal 0 (a word known to be 0 drops out). */
function or(x: string, y: string, op = '|'): string {
  return x === '0' ? y : y === '0' ? x : `${x} ${op} ${y}`;
}

/** `x + y` where either may be the literal 0. */
function sum(x: string, y: string): string {
  return x === '0' ? y : y === '0' ? x : `${x} + ${y}`;
}

/**
 * Factors below this times any 32-bit word give products below 2^53, exact as a double ((2^32 - 1) * (2^21 - 1) <
 * 2^53): `i64.mul` by such a constant takes the high word straight from the double.
 */
const EXACT_FACTOR = 2 ** 21;

/** `x & y` where either may be the literal 0 or -1 (all bits: the other word unchanged). */
function and(x: string, y: string): string {
  if (x === '0' || y === '0') return '0';
  return literal(y) === -1 ? x : literal(x) === -1 ? y : `${x} & ${y}`;
}

/** `r = e; ` unless `e` is `r` itself (a word unchanged in its slot). */
function set(r: string, e: string): string {
  return r === e ? '' : `${r} = ${e}; `;
}

/** `x << c` (0 <= c < 32), folded when x is the literal 0. */
function lsh(x: string, c: number): string {
  return x === '0' ? '0' : c === 0 ? x : `(${x} << ${c})`;
}

function shl(c: number, a: readonly [string, string], rl: string, rh: string): string {
  const al = a[0];
  const ah = a[1];
  if (c === 0) return `${rl} = ${al}; ${rh} = ${ah};`;
  if (c < 32) return `${rh} = ${or(lsh(ah, c), `(${al} >>> ${32 - c})`)}; ${rl} = ${al} << ${c};`;
  return `${rh} = ${lsh(al, c - 32)}; ${rl} = 0;`;
}

function shr(c: number, signed: boolean, a: readonly [string, string], rl: string, rh: string): string {
  const al = a[0];
  const ah = a[1];
  if (c === 0) return `${rl} = ${al}; ${rh} = ${ah};`;
  const top = signed ? `${ah} >> 31` : '0';
  if (c < 32) return `${rl} = ${or(`(${al} >>> ${c})`, lsh(ah, 32 - c))}; ${rh} = ${ah} ${signed ? '>>' : '>>>'} ${c};`;
  if (c === 32) return `${rl} = ${ah}; ${rh} = ${top};`;
  return `${rl} = ${signed ? `${ah} >> ${c - 32}` : `(${ah} >>> ${c - 32})`}; ${rh} = ${top};`;
}

function rotl(c: number, a: readonly [string, string], rl: string, rh: string): string {
  const al = a[0];
  const ah = a[1];
  if (c === 0) return `${rl} = ${al}; ${rh} = ${ah};`;
  if (c === 32) return `qa = ${al}; ${rl} = ${ah}; ${rh} = qa;`;
  const x = c < 32 ? al : ah;
  const y = c < 32 ? ah : al;
  const k = c & 31;
  return `qa = ${x}; qb = ${y}; ${rl} = (qa << ${k}) | (qb >>> ${32 - k}); ${rh} = (qb << ${k}) | (qa >>> ${32 - k});`;
}

/** Rotate left by the count in `qa` (0..63), operands already copied: lo in `qb`, hi in `qc`. */
function rotlVar(rl: string, rh: string): string {
  return (
    `if (qa >= 32) { qd = qb; qb = qc; qc = qd; qa -= 32; } ` +
    `${rl} = (qb << qa) | ((qc >>> 1) >>> (31 - qa)); ${rh} = (qc << qa) | ((qb >>> 1) >>> (31 - qa));`
  );
}

/** Binary i64 operators with an i64 result; the ones using `qa`..`qd` are listed in PAIR_TEMPS. */
export const PAIR_BINARY: Readonly<Record<string, PairBinary>> = {
  // the carry and borrow are booleans made numbers (`+(x < y)`: a setcc), not `? 1 : 0`, which V8 compiles to a
  // branch that random data mispredicts half the time (bignum ran 3x slower)
  // (a high word known to be 0 drops out of the sum)
  'i64.add': (a, b, rl, rh) =>
    `${rl} = (${a[0]} + ${b[0]}) | 0; ${rh} = (${sum(a[1], b[1])} + +((${rl} >>> 0) < ${u32(b[0])})) | 0;`,
  'i64.sub': (a, b, rl, rh) =>
    `${rh} = (${a[1]}${b[1] === '0' ? '' : ` - ${b[1]}`} - +(${u32(a[0])} < ${u32(b[0])})) | 0; ${rl} = (${a[0]} - ${b[0]}) | 0;`,
  'i64.mul': (x, y, rl, rh) => {
    // a constant operand second (the product commutes)
    const swap = literal(x[0]) !== null && literal(y[0]) === null;
    const al = swap ? y[0] : x[0];
    const ah = swap ? y[1] : x[1];
    const bl = swap ? x[0] : y[0];
    const bh = swap ? x[1] : y[1];
    // The low word is Math.imul's. The high word of the unsigned 32x32 product lo(a) * lo(b): its float64 value p
    // is within half an ulp of the exact product P = hi * 2^32 + lo; p minus (lo - 2^31) (the low word with its top
    // bit flipped, read as int32) is then within an ulp of hi * 2^32 + 2^31, which no rounding carries past an
    // integer once divided by 2^32, and `| 0` truncates to hi. (Subtracting lo itself fails where hi * 2^32 is a
    // power of two: (2^21 + 1) * (2^32 - 3) rounds to 2^53 - 1 below it.) Five int32 and four float64 operations,
    // where 16-bit limbs took about fifteen int32 ones.
    // A high word known to be 0 (a zero-extended operand, a local holding one) drops its cross product.
    const cross = (bh === '0' ? '' : ` + Math.imul(${al}, ${bh})`) + (ah === '0' ? '' : ` + Math.imul(${ah}, ${bl})`);
    // By a constant: the same value as ((p - t) / 2^32) with p and t scaled by 2^-32 first (exact: a power of two
    // commutes with rounding), so that the float multiply does not wait for the subtraction (xxhash64's multiply
    // chain; the constant's quotient prints exactly, as JS prints the shortest string that reads back)
    // A constant below 2^21 makes the product of 32 by 21 bits, exact as a double (below 2^53): its quotient by 2^32
    // truncates to the high word with no correction, one multiply (x25519's field reductions by 19 and 38, 121666).
    const k = literal(bl);
    const hi =
      k === null
        ? `((${u32(al)} * ${u32(bl)} - (qm ^ -2147483648)) / 4294967296) | 0`
        : k >>> 0 < EXACT_FACTOR
          ? `(${u32(al)} * ${(k >>> 0) / 4294967296}) | 0`
          : `(${u32(al)} * ${(k >>> 0) / 4294967296} - (qm ^ -2147483648) / 4294967296) | 0`;
    return `qm = Math.imul(${al}, ${bl}); ${rh} = ${cross === '' ? hi : `((${hi})${cross}) | 0`}; ${rl} = qm;`;
  },
  'i64.and': (a, b, rl, rh) => `${set(rl, and(a[0], b[0]))}${set(rh, and(a[1], b[1]))}`.trim(),
  'i64.or': (a, b, rl, rh) => `${set(rl, or(a[0], b[0]))}${set(rh, or(a[1], b[1]))}`.trim(),
  'i64.xor': (a, b, rl, rh) => `${set(rl, or(a[0], b[0], '^'))}${set(rh, or(a[1], b[1], '^'))}`.trim(),
  'i64.shl': (a, b, rl, rh) => {
    const c = constCount(b[0]);
    if (c !== null) return shl(c, a, rl, rh);
    return (
      `qa = ${b[0]} & 63; qb = ${a[0]}; qc = ${a[1]}; ` +
      `if (qa < 32) { ${rh} = (qc << qa) | ((qb >>> 1) >>> (31 - qa)); ${rl} = qb << qa; } ` +
      `else { ${rh} = qb << (qa - 32); ${rl} = 0; }`
    );
  },
  'i64.shr_s': (a, b, rl, rh) => {
    const c = constCount(b[0]);
    if (c !== null) return shr(c, true, a, rl, rh);
    return (
      `qa = ${b[0]} & 63; qb = ${a[0]}; qc = ${a[1]}; ` +
      `if (qa < 32) { ${rl} = (qb >>> qa) | ((qc << 1) << (31 - qa)); ${rh} = qc >> qa; } ` +
      `else { ${rl} = qc >> (qa - 32); ${rh} = qc >> 31; }`
    );
  },
  'i64.shr_u': (a, b, rl, rh) => {
    const c = constCount(b[0]);
    if (c !== null) return shr(c, false, a, rl, rh);
    return (
      `qa = ${b[0]} & 63; qb = ${a[0]}; qc = ${a[1]}; ` +
      `if (qa < 32) { ${rl} = (qb >>> qa) | ((qc << 1) << (31 - qa)); ${rh} = (qc >>> qa) | 0; } ` +
      `else { ${rl} = (qc >>> (qa - 32)) | 0; ${rh} = 0; }`
    );
  },
  'i64.rotl': (a, b, rl, rh) => {
    const c = constCount(b[0]);
    if (c !== null) return rotl(c, a, rl, rh);
    return `qa = ${b[0]} & 63; qb = ${a[0]}; qc = ${a[1]}; ${rotlVar(rl, rh)}`;
  },
  'i64.rotr': (a, b, rl, rh) => {
    const c = constCount(b[0]);
    if (c !== null) return rotl((64 - c) & 63, a, rl, rh);
    return `qa = (-${b[0]}) & 63; qb = ${a[0]}; qc = ${a[1]}; ${rotlVar(rl, rh)}`;
  },
};

/**
 * Sums of unsigned products held with their value as a double too (README.md, "i64 as pairs", sums of products): a
 * pair whose value v is a product of two zero-extended words or a sum of such products, so 0 <= v, keeps beside
 * its words a double `x` within 2^27 of v: at most `SUM_UNITS` terms, each below 2^64 (a product rounds by at most
 * 2^10), so each sum is below 2^72 and rounds by at most 2^18. Its hi word is then `hiOf`: x - (lo - 2^31) is within
 * 2^31 of hi * 2^32 + 2^31 (hi here the exact floor(v / 2^32), below 2^40), so the quotient by 2^32 truncates to hi,
 * and `| 0` takes it modulo 2^32 as i64 arithmetic wraps. A sum of such pairs adds the lo words and the doubles, with no carry: the hi word
 * each sum assigns is read by nothing when the next sum consumes it, and V8's optimizing compiler drops it (pure
 * arithmetic), so a dot product of n terms pays one hi word, not n products' and n - 1 carries.
 */
export const SUM_UNITS = 256;

/** The hi word of a pair whose lo word is `lo` and whose value the double `x` holds (see `SUM_UNITS`). */
function hiOf(x: string, lo: string): string {
  return `((${x} - (${lo} ^ -2147483648)) / 4294967296) | 0`;
}

/**
 * `i64.mul` of two pairs whose hi words are 0 (atoms `al`, `bl`): the words as the template gives them, and the
 * product's double in `rx` (one more variable, the same operations).
 */
export function mulWords(al: string, bl: string, rl: string, rh: string, rx: string): string {
  const k = literal(bl) ?? literal(al);
  const a = literal(bl) === null ? bl : al;
  if (k !== null && k >>> 0 < EXACT_FACTOR)
    return `qm = Math.imul(${al}, ${bl}); ${rx} = ${u32(a)} * ${k >>> 0}; ${rh} = (${rx} / 4294967296) | 0; ${rl} = qm;`;
  return `qm = Math.imul(${al}, ${bl}); ${rx} = ${u32(al)} * ${u32(bl)}; ${rh} = ${hiOf(rx, 'qm')}; ${rl} = qm;`;
}

/**
 * `i64.add` of two pairs held with doubles `ax`, `bx` (lo atoms `al`, `bl`): no carry, the hi word from the sum. The
 * double first: `ax` may read the lo word `rl` is about to replace (`(s3 >>> 0)`).
 */
export function addWords(al: string, bl: string, ax: string, bx: string, rl: string, rh: string, rx: string): string {
  return `${rx} = ${ax} + ${bx}; ${rl} = (${al} + ${bl}) | 0; ${rh} = ${hiOf(rx, rl)};`;
}

/**
 * Unary i64 operators whose result's high word is 0: the statement assigns only `rl`, and the slot's hi stays
 * the pending literal `0` (folded by the consumer's template; assigned before control flow).
 */
export const PAIR_UNARY_HI0: Readonly<Record<string, (a: readonly [string, string], rl: string) => string>> = {
  'i64.clz': (a, rl) => `${rl} = ${a[1]} !== 0 ? Math.clz32(${a[1]}) : 32 + Math.clz32(${a[0]});`,
  'i64.ctz': (a, rl) => `${rl} = ${a[0]} !== 0 ? H.ctz32(${a[0]}) : 32 + H.ctz32(${a[1]});`,
  'i64.popcnt': (a, rl) => `${rl} = H.popcnt32(${a[0]}) + H.popcnt32(${a[1]});`,
};

/** Unary i64 operators with an i64 result. */
export const PAIR_UNARY: Readonly<Record<string, PairUnary>> = {
  'i64.extend8_s': (a, rl, rh) => `${rl} = (${a[0]} << 24) >> 24; ${rh} = ${rl} >> 31;`,
  'i64.extend16_s': (a, rl, rh) => `${rl} = (${a[0]} << 16) >> 16; ${rh} = ${rl} >> 31;`,
  'i64.extend32_s': (a, rl, rh) => `${rl} = ${a[0]}; ${rh} = ${rl} >> 31;`,
};

/** Operators whose templates use the temporaries `qa`..`qd` (`i64.mul` uses `qm`, int32 only). */
export const PAIR_TEMPS = new Set(['i64.shl', 'i64.shr_s', 'i64.shr_u', 'i64.rotl', 'i64.rotr']);

/** i64 comparisons (i32 results) as JS boolean expressions over the operands' atoms. */
export const PAIR_COND: Readonly<
  Record<string, (a: readonly [string, string], b: readonly [string, string]) => string>
> = {
  'i64.eq': (a, b) => `(${a[0]} === ${b[0]} && ${a[1]} === ${b[1]})`,
  'i64.ne': (a, b) => `(${a[0]} !== ${b[0]} || ${a[1]} !== ${b[1]})`,
  'i64.lt_s': (a, b) => `(${a[1]} < ${b[1]} || (${a[1]} === ${b[1]} && ${u32(a[0])} < ${u32(b[0])}))`,
  'i64.le_s': (a, b) => `(${a[1]} < ${b[1]} || (${a[1]} === ${b[1]} && ${u32(a[0])} <= ${u32(b[0])}))`,
  'i64.gt_s': (a, b) => `(${a[1]} > ${b[1]} || (${a[1]} === ${b[1]} && ${u32(a[0])} > ${u32(b[0])}))`,
  'i64.ge_s': (a, b) => `(${a[1]} > ${b[1]} || (${a[1]} === ${b[1]} && ${u32(a[0])} >= ${u32(b[0])}))`,
  'i64.lt_u': (a, b) => `(${u32(a[1])} < ${u32(b[1])} || (${a[1]} === ${b[1]} && ${u32(a[0])} < ${u32(b[0])}))`,
  'i64.le_u': (a, b) => `(${u32(a[1])} < ${u32(b[1])} || (${a[1]} === ${b[1]} && ${u32(a[0])} <= ${u32(b[0])}))`,
  'i64.gt_u': (a, b) => `(${u32(a[1])} > ${u32(b[1])} || (${a[1]} === ${b[1]} && ${u32(a[0])} > ${u32(b[0])}))`,
  'i64.ge_u': (a, b) => `(${u32(a[1])} > ${u32(b[1])} || (${a[1]} === ${b[1]} && ${u32(a[0])} >= ${u32(b[0])}))`,
};

/** An ordering of two pairs as an i32 without branches: the high words decide unless equal, then the low ones. */
function ordered(
  strict: '<' | '>',
  op: string,
  signed: boolean,
  a: readonly [string, string],
  b: readonly [string, string],
): string {
  const ah = a[1];
  const bh = b[1];
  const x = signed ? ah : u32(ah);
  const y = signed ? bh : u32(bh);
  return `(+(${x} ${strict} ${y}) | (+(${ah} === ${bh}) & +(${u32(a[0])} ${op} ${u32(b[0])})))`;
}

/**
 * i64 comparisons as i32 values (a comparison whose result is stored, added, ...): PAIR_COND's `||` and `&&` are
 * branches, which data-dependent results (the carries of 128-bit arithmetic) mispredict; these are setcc's.
 */
export const PAIR_COND_VALUE: Readonly<
  Record<string, (a: readonly [string, string], b: readonly [string, string]) => string>
> = {
  'i64.eq': (a, b) => `+(((${a[0]} ^ ${b[0]}) | (${a[1]} ^ ${b[1]})) === 0)`,
  'i64.ne': (a, b) => `+(((${a[0]} ^ ${b[0]}) | (${a[1]} ^ ${b[1]})) !== 0)`,
  'i64.lt_s': (a, b) => ordered('<', '<', true, a, b),
  'i64.le_s': (a, b) => ordered('<', '<=', true, a, b),
  'i64.gt_s': (a, b) => ordered('>', '>', true, a, b),
  'i64.ge_s': (a, b) => ordered('>', '>=', true, a, b),
  'i64.lt_u': (a, b) => ordered('<', '<', false, a, b),
  'i64.le_u': (a, b) => ordered('<', '<=', false, a, b),
  'i64.gt_u': (a, b) => ordered('>', '>', false, a, b),
  'i64.ge_u': (a, b) => ordered('>', '>=', false, a, b),
};
