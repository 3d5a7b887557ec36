// Integer helpers: i32 values are int32 numbers, i64 values are bigints in the signed 64-bit range.

import { TrapCode } from '@wasmts/environ';
import { Trap } from './values.js';

const I64_MIN = -0x8000000000000000n;

/** i32.div_s: traps on division by zero and INT_MIN / -1. */
export function i32DivS(a: number, b: number): number {
  if (b === 0) throw new Trap(TrapCode.IntegerDivisionByZero);
  if (a === -0x80000000 && b === -1) throw new Trap(TrapCode.IntegerOverflow);
  return (a / b) | 0;
}

/** i32.div_u (operands and result as int32). */
export function i32DivU(a: number, b: number): number {
  if (b === 0) throw new Trap(TrapCode.IntegerDivisionByZero);
  return ((a >>> 0) / (b >>> 0)) | 0;
}

/** i32.rem_s: traps on zero; INT_MIN % -1 is 0. */
export function i32RemS(a: number, b: number): number {
  if (b === 0) throw new Trap(TrapCode.IntegerDivisionByZero);
  return (a % b) | 0;
}

/** i32.rem_u. */
export function i32RemU(a: number, b: number): number {
  if (b === 0) throw new Trap(TrapCode.IntegerDivisionByZero);
  return ((a >>> 0) % (b >>> 0)) | 0;
}

/** i32.ctz. */
export function i32Ctz(x: number): number {
  if (x === 0) return 32;
  return 31 - Math.clz32(x & -x);
}

/** i32.popcnt. */
export function i32Popcnt(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** i32.rotl. */
export function i32Rotl(x: number, k: number): number {
  k &= 31;
  return k === 0 ? x : (x << k) | (x >>> (32 - k));
}

/** i32.rotr. */
export function i32Rotr(x: number, k: number): number {
  k &= 31;
  return k === 0 ? x : (x >>> k) | (x << (32 - k));
}

/** i64.div_s: traps on division by zero and INT64_MIN / -1. */
export function i64DivS(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Trap(TrapCode.IntegerDivisionByZero);
  if (a === I64_MIN && b === -1n) throw new Trap(TrapCode.IntegerOverflow);
  return a / b;
}

/** i64.div_u. */
export function i64DivU(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Trap(TrapCode.IntegerDivisionByZero);
  return BigInt.asIntN(64, BigInt.asUintN(64, a) / BigInt.asUintN(64, b));
}

/** i64.rem_s: traps on zero; INT64_MIN % -1 is 0. */
export function i64RemS(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Trap(TrapCode.IntegerDivisionByZero);
  return a % b;
}

/** i64.rem_u. */
export function i64RemU(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Trap(TrapCode.IntegerDivisionByZero);
  return BigInt.asIntN(64, BigInt.asUintN(64, a) % BigInt.asUintN(64, b));
}

/** i64.clz. */
export function i64Clz(x: bigint): bigint {
  const hi = Number(BigInt.asUintN(64, x) >> 32n);
  if (hi !== 0) return BigInt(Math.clz32(hi));
  return BigInt(32 + Math.clz32(Number(BigInt.asUintN(32, x))));
}

/** i64.ctz. */
export function i64Ctz(x: bigint): bigint {
  const lo = Number(BigInt.asUintN(32, x));
  if (lo !== 0) return BigInt(i32Ctz(lo));
  const hi = Number(BigInt.asUintN(32, x >> 32n));
  return BigInt(32 + i32Ctz(hi));
}

/** i64.popcnt. */
export function i64Popcnt(x: bigint): bigint {
  return BigInt(i32Popcnt(Number(BigInt.asUintN(32, x)) | 0) + i32Popcnt(Number(BigInt.asUintN(32, x >> 32n)) | 0));
}

/** i64.rotl. */
export function i64Rotl(x: bigint, k: bigint): bigint {
  const n = k & 63n;
  if (n === 0n) return x;
  const u = BigInt.asUintN(64, x);
  return BigInt.asIntN(64, (u << n) | (u >> (64n - n)));
}

/** i64.rotr. */
export function i64Rotr(x: bigint, k: bigint): bigint {
  const n = k & 63n;
  if (n === 0n) return x;
  const u = BigInt.asUintN(64, x);
  return BigInt.asIntN(64, (u >> n) | (u << (64n - n)));
}
