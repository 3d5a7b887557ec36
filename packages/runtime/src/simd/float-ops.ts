// Float lane operators. f32 lanes are read through the Float32Array view (a read may quiet a
// signalling NaN, which only arithmetic sees) and written back through it, which rounds each lane to
// f32 like Math.fround; f32 add/sub/mul/div/sqrt computed in f64 and rounded once are exact. abs, neg,
// pmin and pmax move bits through the int lanes. A NaN result of arithmetic is a quiet NaN: f64
// operators that could pass a signalling NaN through untouched (min, max, rounding, promote) quiet it
// with `x + 0`.

import { ldX, ldY, res } from './io.js';
import { F32, F64 } from './scratch.js';
import { V128 } from './v128.js';

const TWO52 = 4503599627370496;

/** wasm fmin: a quiet NaN if either is NaN, -0 below +0. */
export function fmin(p: number, q: number): number {
  return p !== p || q !== q ? p + q : Math.min(p, q);
}

/** wasm fmax: a quiet NaN if either is NaN, +0 above -0. */
export function fmax(p: number, q: number): number {
  return p !== p || q !== q ? p + q : Math.max(p, q);
}

/** Round to the nearest integer, ties to even, keeping the sign of zero; a NaN comes back quiet. */
export function fnearest(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < TWO52)) return x + 0; // an integer already, an infinity, or NaN (quieted)
  if (ax === 0) return x;
  const r = ax + TWO52 - TWO52;
  return x < 0 ? -r : r;
}

/** ceil; a NaN comes back quiet. */
function fceil(x: number): number {
  return x !== x ? x + 0 : Math.ceil(x);
}

/** floor; a NaN comes back quiet. */
function ffloor(x: number): number {
  return x !== x ? x + 0 : Math.floor(x);
}

/** trunc; a NaN comes back quiet. */
function ftrunc(x: number): number {
  return x !== x ? x + 0 : Math.trunc(x);
}

/** f32x4.add */
export function f32x4_add(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 4; i++) F32[8 + i] = F32[i] + F32[4 + i];
  return res();
}

/** f32x4.sub */
export function f32x4_sub(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 4; i++) F32[8 + i] = F32[i] - F32[4 + i];
  return res();
}

/** f32x4.mul */
export function f32x4_mul(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 4; i++) F32[8 + i] = F32[i] * F32[4 + i];
  return res();
}

/** f32x4.div */
export function f32x4_div(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 4; i++) F32[8 + i] = F32[i] / F32[4 + i];
  return res();
}

/** f32x4.min */
export function f32x4_min(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 4; i++) F32[8 + i] = fmin(F32[i], F32[4 + i]);
  return res();
}

/** f32x4.max */
export function f32x4_max(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  for (let i = 0; i < 4; i++) F32[8 + i] = fmax(F32[i], F32[4 + i]);
  return res();
}

/** f64x2.add */
export function f64x2_add(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  F64[4] = F64[0] + F64[2];
  F64[5] = F64[1] + F64[3];
  return res();
}

/** f64x2.sub */
export function f64x2_sub(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  F64[4] = F64[0] - F64[2];
  F64[5] = F64[1] - F64[3];
  return res();
}

/** f64x2.mul */
export function f64x2_mul(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  F64[4] = F64[0] * F64[2];
  F64[5] = F64[1] * F64[3];
  return res();
}

/** f64x2.div */
export function f64x2_div(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  F64[4] = F64[0] / F64[2];
  F64[5] = F64[1] / F64[3];
  return res();
}

/** f64x2.min */
export function f64x2_min(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  F64[4] = fmin(F64[0], F64[2]);
  F64[5] = fmin(F64[1], F64[3]);
  return res();
}

/** f64x2.max */
export function f64x2_max(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  F64[4] = fmax(F64[0], F64[2]);
  F64[5] = fmax(F64[1], F64[3]);
  return res();
}

/** f32x4.pmin: per lane `y < x ? y : x`, the chosen lane's bits unchanged. */
export function f32x4_pmin(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  return new V128(
    F32[4] < F32[0] ? y.a : x.a,
    F32[5] < F32[1] ? y.b : x.b,
    F32[6] < F32[2] ? y.c : x.c,
    F32[7] < F32[3] ? y.d : x.d,
  );
}

/** f32x4.pmax: per lane `x < y ? y : x`, the chosen lane's bits unchanged. */
export function f32x4_pmax(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  return new V128(
    F32[0] < F32[4] ? y.a : x.a,
    F32[1] < F32[5] ? y.b : x.b,
    F32[2] < F32[6] ? y.c : x.c,
    F32[3] < F32[7] ? y.d : x.d,
  );
}

/** f64x2.pmin: per lane `y < x ? y : x`, the chosen lane's bits unchanged. */
export function f64x2_pmin(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  const p = F64[2] < F64[0];
  const q = F64[3] < F64[1];
  return new V128(p ? y.a : x.a, p ? y.b : x.b, q ? y.c : x.c, q ? y.d : x.d);
}

/** f64x2.pmax: per lane `x < y ? y : x`, the chosen lane's bits unchanged. */
export function f64x2_pmax(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  const p = F64[0] < F64[2];
  const q = F64[1] < F64[3];
  return new V128(p ? y.a : x.a, p ? y.b : x.b, q ? y.c : x.c, q ? y.d : x.d);
}

/** f32x4.abs (clears the sign bits; NaN payloads kept) */
export function f32x4_abs(v: V128): V128 {
  return new V128(v.a & 0x7fffffff, v.b & 0x7fffffff, v.c & 0x7fffffff, v.d & 0x7fffffff);
}

/** f32x4.neg (flips the sign bits; NaN payloads kept) */
export function f32x4_neg(v: V128): V128 {
  return new V128(v.a ^ 0x80000000, v.b ^ 0x80000000, v.c ^ 0x80000000, v.d ^ 0x80000000);
}

/** f64x2.abs (clears the sign bits; NaN payloads kept) */
export function f64x2_abs(v: V128): V128 {
  return new V128(v.a, v.b & 0x7fffffff, v.c, v.d & 0x7fffffff);
}

/** f64x2.neg (flips the sign bits; NaN payloads kept) */
export function f64x2_neg(v: V128): V128 {
  return new V128(v.a, v.b ^ 0x80000000, v.c, v.d ^ 0x80000000);
}

/** f32x4.sqrt */
export function f32x4_sqrt(v: V128): V128 {
  ldX(v);
  for (let i = 0; i < 4; i++) F32[8 + i] = Math.sqrt(F32[i]);
  return res();
}

/** f64x2.sqrt */
export function f64x2_sqrt(v: V128): V128 {
  ldX(v);
  F64[4] = Math.sqrt(F64[0]);
  F64[5] = Math.sqrt(F64[1]);
  return res();
}

/** f32x4.ceil */
export function f32x4_ceil(v: V128): V128 {
  ldX(v);
  for (let i = 0; i < 4; i++) F32[8 + i] = fceil(F32[i]);
  return res();
}

/** f32x4.floor */
export function f32x4_floor(v: V128): V128 {
  ldX(v);
  for (let i = 0; i < 4; i++) F32[8 + i] = ffloor(F32[i]);
  return res();
}

/** f32x4.trunc */
export function f32x4_trunc(v: V128): V128 {
  ldX(v);
  for (let i = 0; i < 4; i++) F32[8 + i] = ftrunc(F32[i]);
  return res();
}

/** f32x4.nearest (ties to even) */
export function f32x4_nearest(v: V128): V128 {
  ldX(v);
  for (let i = 0; i < 4; i++) F32[8 + i] = fnearest(F32[i]);
  return res();
}

/** f64x2.ceil */
export function f64x2_ceil(v: V128): V128 {
  ldX(v);
  F64[4] = fceil(F64[0]);
  F64[5] = fceil(F64[1]);
  return res();
}

/** f64x2.floor */
export function f64x2_floor(v: V128): V128 {
  ldX(v);
  F64[4] = ffloor(F64[0]);
  F64[5] = ffloor(F64[1]);
  return res();
}

/** f64x2.trunc */
export function f64x2_trunc(v: V128): V128 {
  ldX(v);
  F64[4] = ftrunc(F64[0]);
  F64[5] = ftrunc(F64[1]);
  return res();
}

/** f64x2.nearest (ties to even) */
export function f64x2_nearest(v: V128): V128 {
  ldX(v);
  F64[4] = fnearest(F64[0]);
  F64[5] = fnearest(F64[1]);
  return res();
}

/** f32x4.eq */
export function f32x4_eq(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  return new V128(
    F32[0] === F32[4] ? -1 : 0,
    F32[1] === F32[5] ? -1 : 0,
    F32[2] === F32[6] ? -1 : 0,
    F32[3] === F32[7] ? -1 : 0,
  );
}

/** f32x4.ne */
export function f32x4_ne(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  return new V128(
    F32[0] !== F32[4] ? -1 : 0,
    F32[1] !== F32[5] ? -1 : 0,
    F32[2] !== F32[6] ? -1 : 0,
    F32[3] !== F32[7] ? -1 : 0,
  );
}

/** f32x4.lt */
export function f32x4_lt(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  return new V128(
    F32[0] < F32[4] ? -1 : 0,
    F32[1] < F32[5] ? -1 : 0,
    F32[2] < F32[6] ? -1 : 0,
    F32[3] < F32[7] ? -1 : 0,
  );
}

/** f32x4.gt */
export function f32x4_gt(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  return new V128(
    F32[0] > F32[4] ? -1 : 0,
    F32[1] > F32[5] ? -1 : 0,
    F32[2] > F32[6] ? -1 : 0,
    F32[3] > F32[7] ? -1 : 0,
  );
}

/** f32x4.le */
export function f32x4_le(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  return new V128(
    F32[0] <= F32[4] ? -1 : 0,
    F32[1] <= F32[5] ? -1 : 0,
    F32[2] <= F32[6] ? -1 : 0,
    F32[3] <= F32[7] ? -1 : 0,
  );
}

/** f32x4.ge */
export function f32x4_ge(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  return new V128(
    F32[0] >= F32[4] ? -1 : 0,
    F32[1] >= F32[5] ? -1 : 0,
    F32[2] >= F32[6] ? -1 : 0,
    F32[3] >= F32[7] ? -1 : 0,
  );
}

/** f64x2.eq */
export function f64x2_eq(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  const p = F64[0] === F64[2] ? -1 : 0;
  const q = F64[1] === F64[3] ? -1 : 0;
  return new V128(p, p, q, q);
}

/** f64x2.ne */
export function f64x2_ne(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  const p = F64[0] !== F64[2] ? -1 : 0;
  const q = F64[1] !== F64[3] ? -1 : 0;
  return new V128(p, p, q, q);
}

/** f64x2.lt */
export function f64x2_lt(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  const p = F64[0] < F64[2] ? -1 : 0;
  const q = F64[1] < F64[3] ? -1 : 0;
  return new V128(p, p, q, q);
}

/** f64x2.gt */
export function f64x2_gt(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  const p = F64[0] > F64[2] ? -1 : 0;
  const q = F64[1] > F64[3] ? -1 : 0;
  return new V128(p, p, q, q);
}

/** f64x2.le */
export function f64x2_le(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  const p = F64[0] <= F64[2] ? -1 : 0;
  const q = F64[1] <= F64[3] ? -1 : 0;
  return new V128(p, p, q, q);
}

/** f64x2.ge */
export function f64x2_ge(x: V128, y: V128): V128 {
  ldX(x);
  ldY(y);
  const p = F64[0] >= F64[2] ? -1 : 0;
  const q = F64[1] >= F64[3] ? -1 : 0;
  return new V128(p, p, q, q);
}
