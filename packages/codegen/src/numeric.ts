// JavaScript for each numeric operator with a fixed signature: one template per operator name, given
// the operand expressions. Templates read each operand once unless it is a plain variable (callers pass
// stack-slot names, so repeating them is free). Trapping operators call `H` helpers with `rt`.

import { TrapCode } from '@wasmts/environ';
import { literal } from './pairs.js';

export type Unary = (a: string) => string;
/**
 * A binary operator's template. `plain`: no operand made a heap number for V8's type feedback (`dbl`), for targets
 * without an optimizing JIT (`CompileOptions.floatFeedback` off), where the extra addition only costs.
 */
export type Binary = (a: string, b: string, plain?: boolean) => string;

const fr = (e: string): string => `Math.fround(${e})`;
/**
 * An operator on a float whose exact bits matter (a NaN's sign and payload), inline for every number but a NaN, the
 * helper `h` for a NaN (a number or a `NaNBits`): `op` of the value in the temporary `mf` (declared by the function,
 * as for an inline float load). A helper called and not inlined (V8's optimizing tier stops inlining in a large
 * function) returns its double boxed: rapier2d and resvg allocated megabytes per run in `H.fneg` and `H.fabs`.
 */
const floatBits = (a: string, op: string, h: string): string =>
  `((mf = ${a}) === mf && typeof mf === 'number' ? ${op} : ${h}(mf))`;
/**
 * A trapping truncation to i32 inline where it cannot trap (`lo < x < hi`, NaN not: `x | 0` truncates toward zero
 * and wraps as i32), the helper otherwise (it traps); `mf` holds the operand. Passing a double to a helper that is
 * not inlined boxes it (resvg's pixel conversion allocated megabytes per run in `H.truncI32U`'s arguments).
 */
const truncI32 = (a: string, lo: string, hi: string, h: string): string =>
  `((mf = -0 + (${a})) > ${lo} && mf < ${hi} ? mf | 0 : ${h}(rt, mf))`;
/** `x >>> 0`, or the literal itself when it is a non-negative integer literal. */
const u32 = (a: string): string => (/^\d+$/.test(a) ? a : `(${a} >>> 0)`);
const u64 = (a: string): string => (/^\d+n$/.test(a) ? a : `BigInt.asUintN(64, ${a})`);
const i64 = (e: string): string => `BigInt.asIntN(64, ${e})`;
/** `k` when `b` is the literal 2^k (1 <= k <= 31, as unsigned), else -1: a division or remainder that is a shift or a mask. */
const log2Literal = (b: string): number => {
  const v = literal(b);
  if (v === null) return -1;
  const u = v >>> 0;
  return u > 1 && (u & (u - 1)) === 0 ? 31 - Math.clz32(u) : -1;
};
/** Whether `b` is an int32 literal other than 0 (a division by it cannot trap for division by zero). */
const nonZeroLiteral = (b: string): boolean => {
  const v = literal(b);
  return v !== null && v !== 0;
};
/** A number literal V8 holds as a heap number (a fraction, an exponent, an infinity, `-0`), not a small integer. */
const HEAP_LITERAL = /^\(?(?:-?(?:\d*\.\d+(?:e[-+]?\d+)?|\d+e[-+]?\d+|Infinity)|-0)\)?$/;
/** Any number literal (`3`, `(-3)`, `0.5`, `1e+21`, `Infinity`). */
const ANY_LITERAL = /^\(?-?(?:[\d.]+(?:e[-+]?\d+)?|Infinity)\)?$/;
/**
 * Whether float operand `e` is a heap number in V8's interpreter: a heap number literal, or the result of a float
 * operator whose template gave it a heap number operand (`dbl`), or of the quieting `+ -0`: a sum, difference,
 * product or quotient at its top level and no other operator there (an i32 sum is `(a + b | 0)`; an f32 result is
 * `Math.fround(...)`, a small integer again).
 */
function isHeapNumber(e: string): boolean {
  if (HEAP_LITERAL.test(e)) return true;
  let s = e;
  while (s.startsWith('(') && s.endsWith(')') && closes(s) === s.length - 1) s = s.slice(1, -1);
  let depth = 0;
  let arith = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && c !== ' ' && !/[\w.$]/.test(c)) {
      if ((c === '+' || c === '-' || c === '*' || c === '/') && s[i - 1] === ' ' && s[i + 1] === ' ') arith = true;
      else if (
        !(c === '-' && (i === 0 || s[i - 2] === '+' || s[i - 2] === '-' || s[i - 2] === '*' || s[i - 2] === '/'))
      )
        return false;
    }
  }
  return arith;
}
/** The index of the bracket that closes the one at `open` in `e` (-1 if none). */
export function closes(e: string, open = 0): number {
  let depth = 0;
  for (let i = open; i < e.length; i++) {
    if (e[i] === '(' || e[i] === '[') depth++;
    else if (e[i] === ')' || e[i] === ']') {
      if (--depth === 0) return i;
    }
  }
  return -1;
}

/**
 * The operands of a float arithmetic operator or comparison with one of them a heap number in V8's interpreter, so
 * that the operator's type feedback says "number", never "small integer": `(-0 + x)` (exact for every number, a NaN
 * stays a NaN). V8's interpreter and baseline code hold an integral double as a small integer (a DataView load,
 * `Math.fround`, `Math.sqrt` and a sum of two small integers all give one), so a float operator that saw only
 * integral values before V8 optimizes it is compiled as int32 arithmetic behind a check, and the first fraction
 * deoptimizes the function ("lost precision or NaN"), which V8 then compiles again: rapier2d's solver (f32 bodies
 * set up from integral positions) compiled its outlined runs up to 6 times. An operand that is already a heap
 * number literal needs nothing; an integral literal is left as it is and the other operand wrapped. The wrapped
 * operand is the right one, which in a sum is more often the new term than the accumulator (V8 keeps the `-0 +`:
 * an addition on the way, off the accumulator's chain of dependencies).
 */
const dbl = (a: string, b: string): [string, string] =>
  isHeapNumber(a) || isHeapNumber(b) ? [a, b] : ANY_LITERAL.test(b) ? [`(-0 + ${a})`, b] : [a, `(-0 + ${b})`];
/** A float binary operator's template with its operands through `dbl`. */
const fb =
  (t: Binary): Binary =>
  (a, b, plain) =>
    plain === true ? t(a, b) : t(...dbl(a, b));

/**
 * A float operand as a number: `(-0 + x)`, where x may be a NaN kept as bits (`NaNBits`, an object whose `valueOf`
 * is NaN; `x === x` holds for it), and a heap number for V8's feedback (`dbl`; `+x` has feedback of its own, and a
 * float parameter that was only ever a small integer there deopts at its first fraction: "not a Smi"). A number
 * literal or a heap number expression is left as it is.
 */
const num = (a: string): string => (ANY_LITERAL.test(a) || isHeapNumber(a) ? a : `(-0 + ${a})`);
/**
 * `===` (or `!==`) of two floats: one side coerced is enough (an object is never `===` a number), and one a heap
 * number; a side sure to be a number (a heap number expression, a literal) needs no coercion.
 */
const floatEq =
  (op: string): Binary =>
  (a, b) =>
    isHeapNumber(a) || isHeapNumber(b)
      ? `${a} ${op} ${b}`
      : ANY_LITERAL.test(a)
        ? `${a} ${op} (-0 + ${b})`
        : `(-0 + ${a}) ${op} ${b}`;

/**
 * A comparison's i32 result from its JS boolean: `+(cond)`, which V8 compiles to a setcc; `cond ? 1 : 0` is a branch,
 * which data-dependent comparisons (carries, borrows, sorting) mispredict about half the time.
 */
export const condValue = (c: string): string => `+(${c})`;

/** Comparisons as JS boolean expressions (the i32 result is `condValue(cond)`); `if` and `br_if` use them bare. */
export const UNARY_COND: Readonly<Record<string, Unary>> = {
  'i32.eqz': (a) => `${a} === 0`,
  'i64.eqz': (a) => `${a} === 0n`,
};

/** Binary comparisons as JS boolean expressions. */
export const BINARY_COND: Readonly<Record<string, Binary>> = {
  'i32.lt_s': (a, b) => `${a} < ${b}`,
  'i32.lt_u': (a, b) => `${u32(a)} < ${u32(b)}`,
  'i32.gt_s': (a, b) => `${a} > ${b}`,
  'i32.gt_u': (a, b) => `${u32(a)} > ${u32(b)}`,
  'i32.le_s': (a, b) => `${a} <= ${b}`,
  'i32.le_u': (a, b) => `${u32(a)} <= ${u32(b)}`,
  'i32.ge_s': (a, b) => `${a} >= ${b}`,
  'i32.ge_u': (a, b) => `${u32(a)} >= ${u32(b)}`,
  'i64.lt_s': (a, b) => `${a} < ${b}`,
  'i64.lt_u': (a, b) => `${u64(a)} < ${u64(b)}`,
  'i64.gt_s': (a, b) => `${a} > ${b}`,
  'i64.gt_u': (a, b) => `${u64(a)} > ${u64(b)}`,
  'i64.le_s': (a, b) => `${a} <= ${b}`,
  'i64.le_u': (a, b) => `${u64(a)} <= ${u64(b)}`,
  'i64.ge_s': (a, b) => `${a} >= ${b}`,
  'i64.ge_u': (a, b) => `${u64(a)} >= ${u64(b)}`,
  'i32.eq': (a, b) => `${a} === ${b}`,
  'i32.ne': (a, b) => `${a} !== ${b}`,
  'i64.eq': (a, b) => `${a} === ${b}`,
  'i64.ne': (a, b) => `${a} !== ${b}`,
  'f32.eq': floatEq('==='),
  'f32.ne': floatEq('!=='),
  'f32.lt': fb((a, b) => `${a} < ${b}`),
  'f32.gt': fb((a, b) => `${a} > ${b}`),
  'f32.le': fb((a, b) => `${a} <= ${b}`),
  'f32.ge': fb((a, b) => `${a} >= ${b}`),
  'f64.eq': floatEq('==='),
  'f64.ne': floatEq('!=='),
  'f64.lt': fb((a, b) => `${a} < ${b}`),
  'f64.gt': fb((a, b) => `${a} > ${b}`),
  'f64.le': fb((a, b) => `${a} <= ${b}`),
  'f64.ge': fb((a, b) => `${a} >= ${b}`),
};

/** Unary numeric operators (one operand). */
export const UNARY: Readonly<Record<string, Unary>> = {
  'i32.clz': (a) => `Math.clz32(${a})`,
  'i32.ctz': (a) => `H.ctz32(${a})`,
  'i32.popcnt': (a) => `H.popcnt32(${a})`,
  'i64.clz': (a) => `H.clz64(${a})`,
  'i64.ctz': (a) => `H.ctz64(${a})`,
  'i64.popcnt': (a) => `H.popcnt64(${a})`,
  'f32.abs': (a) => floatBits(a, 'Math.abs(mf)', 'H.fabs'),
  'f32.neg': (a) => floatBits(a, '-0 - mf', 'H.fneg'),
  'f32.ceil': (a) => `H.fceil(${a})`,
  'f32.floor': (a) => `H.ffloor(${a})`,
  'f32.trunc': (a) => `H.ftrunc(${a})`,
  'f32.nearest': (a) => `H.nearest(${a})`,
  'f32.sqrt': (a) => fr(`Math.sqrt(${a})`),
  'f64.abs': (a) => floatBits(a, 'Math.abs(mf)', 'H.fabs'),
  'f64.neg': (a) => floatBits(a, '-0 - mf', 'H.fneg'),
  'f64.ceil': (a) => `H.fceil(${a})`,
  'f64.floor': (a) => `H.ffloor(${a})`,
  'f64.trunc': (a) => `H.ftrunc(${a})`,
  'f64.nearest': (a) => `H.nearest(${a})`,
  'f64.sqrt': (a) => `Math.sqrt(${a})`,
  'i32.wrap_i64': (a) => `Number(BigInt.asIntN(32, ${a}))`,
  'i32.trunc_f32_s': (a) => truncI32(a, '-2147483649', '2147483648', 'H.truncI32S'),
  'i32.trunc_f32_u': (a) => truncI32(a, '-1', '4294967296', 'H.truncI32U'),
  'i32.trunc_f64_s': (a) => truncI32(a, '-2147483649', '2147483648', 'H.truncI32S'),
  'i32.trunc_f64_u': (a) => truncI32(a, '-1', '4294967296', 'H.truncI32U'),
  'i64.extend_i32_s': (a) => `BigInt(${a})`,
  'i64.extend_i32_u': (a) => `BigInt${u32(a)}`,
  'i64.trunc_f32_s': (a) => `H.truncI64S(rt, ${a})`,
  'i64.trunc_f32_u': (a) => `H.truncI64U(rt, ${a})`,
  'i64.trunc_f64_s': (a) => `H.truncI64S(rt, ${a})`,
  'i64.trunc_f64_u': (a) => `H.truncI64U(rt, ${a})`,
  'f32.convert_i32_s': (a) => fr(a),
  'f32.convert_i32_u': (a) => fr(`${a} >>> 0`),
  'f32.convert_i64_s': (a) => `H.f32ConvertI64S(${a})`,
  'f32.convert_i64_u': (a) => `H.f32ConvertI64U(${a})`,
  'f32.demote_f64': (a) => fr(a),
  'f64.convert_i32_s': (a) => a,
  'f64.convert_i32_u': (a) => `${u32(a)}`,
  'f64.convert_i64_s': (a) => `Number(${a})`,
  'f64.convert_i64_u': (a) => `Number(${u64(a)})`,
  // an f32 NaN kept as bits (NaNBits) becomes a NaN number; a NaN number is one from arithmetic, already quiet
  'f64.promote_f32': (a) => `(${num(a)})`,
  // a NaN (a number or a `NaNBits`) through the helper; every other number through the scratch words
  'i32.reinterpret_f32': (a) =>
    `((mf = ${a}) === mf && typeof mf === 'number' ? (H.F32[0] = mf, H.B32[0]) : H.f32Bits(mf))`,
  'i64.reinterpret_f64': (a) => `H.f64Bits(${a})`,
  // bits with an exponent of all ones (an infinity or a NaN) through the helper; the rest through the scratch words
  'f32.reinterpret_i32': (a) =>
    `(((mf = ${a}) & 2139095040) === 2139095040 ? H.f32FromBits(mf) : (H.B32[0] = mf, H.F32[0]))`,
  'f64.reinterpret_i64': (a) => `H.f64FromBits(${a})`,
  'i32.extend8_s': (a) => `((${a} << 24) >> 24)`,
  'i32.extend16_s': (a) => `((${a} << 16) >> 16)`,
  'i64.extend8_s': (a) => `BigInt.asIntN(8, ${a})`,
  'i64.extend16_s': (a) => `BigInt.asIntN(16, ${a})`,
  'i64.extend32_s': (a) => `BigInt.asIntN(32, ${a})`,
  'i32.trunc_sat_f32_s': (a) => `H.satI32S(${a})`,
  'i32.trunc_sat_f32_u': (a) => `H.satI32U(${a})`,
  'i32.trunc_sat_f64_s': (a) => `H.satI32S(${a})`,
  'i32.trunc_sat_f64_u': (a) => `H.satI32U(${a})`,
  'i64.trunc_sat_f32_s': (a) => `H.satI64S(${a})`,
  'i64.trunc_sat_f32_u': (a) => `H.satI64U(${a})`,
  'i64.trunc_sat_f64_s': (a) => `H.satI64S(${a})`,
  'i64.trunc_sat_f64_u': (a) => `H.satI64U(${a})`,
};

/** Binary numeric operators (two operands). */
export const BINARY: Readonly<Record<string, Binary>> = {
  'i32.add': (a, b) => `(${a} + ${b}) | 0`,
  'i32.sub': (a, b) => `(${a} - ${b}) | 0`,
  'i32.mul': (a, b) => `Math.imul(${a}, ${b})`,
  // by a literal divisor the zero test (and, unless it is -1, the overflow test) is known false and not written; an
  // unsigned division or remainder by a power of two is a shift or a mask (what V8's optimizer would make of it, but
  // also in an interpreter)
  'i32.div_s': (a, b) =>
    nonZeroLiteral(b) && literal(b) !== -1
      ? `((${a} / ${b}) | 0)`
      : `(${b} === 0 ? rt.trap(${TrapCode.IntegerDivisionByZero}) : ${b} === -1 && ${a} === -2147483648 ? rt.trap(${TrapCode.IntegerOverflow}) : (${a} / ${b}) | 0)`,
  'i32.div_u': (a, b) =>
    log2Literal(b) > 0
      ? `(${a} >>> ${log2Literal(b)})`
      : nonZeroLiteral(b)
        ? `((${u32(a)} / ${u32(b)}) | 0)`
        : `(${b} === 0 ? rt.trap(${TrapCode.IntegerDivisionByZero}) : (${u32(a)} / ${u32(b)}) | 0)`,
  'i32.rem_s': (a, b) =>
    nonZeroLiteral(b)
      ? `((${a} % ${b}) | 0)`
      : `(${b} === 0 ? rt.trap(${TrapCode.IntegerDivisionByZero}) : (${a} % ${b}) | 0)`,
  'i32.rem_u': (a, b) =>
    log2Literal(b) > 0
      ? `(${a} & ${((literal(b) as number) >>> 0) - 1})`
      : nonZeroLiteral(b)
        ? `((${u32(a)} % ${u32(b)}) | 0)`
        : `(${b} === 0 ? rt.trap(${TrapCode.IntegerDivisionByZero}) : (${u32(a)} % ${u32(b)}) | 0)`,
  'i32.and': (a, b) => `${a} & ${b}`,
  'i32.or': (a, b) => `${a} | ${b}`,
  'i32.xor': (a, b) => `${a} ^ ${b}`,
  'i32.shl': (a, b) => `${a} << ${b}`,
  'i32.shr_s': (a, b) => `${a} >> ${b}`,
  'i32.shr_u': (a, b) => `(${a} >>> ${b}) | 0`,
  'i32.rotl': (a, b) => `(${a} << ${b}) | (${a} >>> (32 - ${b}))`,
  'i32.rotr': (a, b) => `(${a} >>> ${b}) | (${a} << (32 - ${b}))`,
  'i64.add': (a, b) => i64(`${a} + ${b}`),
  'i64.sub': (a, b) => i64(`${a} - ${b}`),
  'i64.mul': (a, b) => i64(`${a} * ${b}`),
  'i64.div_s': (a, b) => i64(`H.divS64(rt, ${a}, ${b})`),
  'i64.div_u': (a, b) => `H.divU64(rt, ${a}, ${b})`,
  'i64.rem_s': (a, b) => `H.remS64(rt, ${a}, ${b})`,
  'i64.rem_u': (a, b) => `H.remU64(rt, ${a}, ${b})`,
  'i64.and': (a, b) => `${a} & ${b}`,
  'i64.or': (a, b) => `${a} | ${b}`,
  'i64.xor': (a, b) => `${a} ^ ${b}`,
  'i64.shl': (a, b) => i64(`${a} << (${b} & 63n)`),
  'i64.shr_s': (a, b) => `${a} >> (${b} & 63n)`,
  'i64.shr_u': (a, b) => i64(`${u64(a)} >> (${b} & 63n)`),
  'i64.rotl': (a, b) => `H.rotl64(${a}, ${b})`,
  'i64.rotr': (a, b) => `H.rotr64(${a}, ${b})`,
  'f32.add': fb((a, b) => fr(`${a} + ${b}`)),
  'f32.sub': fb((a, b) => fr(`${a} - ${b}`)),
  'f32.mul': fb((a, b) => fr(`${a} * ${b}`)),
  'f32.div': fb((a, b) => fr(`${a} / ${b}`)),
  'f32.min': (a, b) => `Math.min(${a}, ${b})`,
  'f32.max': (a, b) => `Math.max(${a}, ${b})`,
  'f32.copysign': (a, b) => `H.copysign(${a}, ${b})`,
  'f64.add': fb((a, b) => `${a} + ${b}`),
  'f64.sub': fb((a, b) => `${a} - ${b}`),
  'f64.mul': fb((a, b) => `${a} * ${b}`),
  'f64.div': fb((a, b) => `${a} / ${b}`),
  'f64.min': (a, b) => `Math.min(${a}, ${b})`,
  'f64.max': (a, b) => `Math.max(${a}, ${b})`,
  'f64.copysign': (a, b) => `H.copysign(${a}, ${b})`,
};

for (const [name, c] of Object.entries(UNARY_COND))
  (UNARY as Record<string, Unary>)[name] = (a) => `(${condValue(c(a))})`;
for (const [name, c] of Object.entries(BINARY_COND))
  (BINARY as Record<string, Binary>)[name] = (a, b, plain) => `(${condValue(c(a, b, plain))})`;
