// v128 loads and stores. `addr` is the effective address (base + offset) as a number; an access that
// does not fit throws the DataView's RangeError, which the entry trampoline turns into a trap. Stores
// check the whole access first so a trapping store writes nothing.

import { V128 } from './v128.js';

function checkStore(dv: DataView, addr: number, size: number): void {
  if (addr + size > dv.byteLength) throw new RangeError('v128 store out of bounds');
}

/** v128.load */
export function v128_load(dv: DataView, addr: number): V128 {
  return new V128(
    dv.getInt32(addr, true),
    dv.getInt32(addr + 4, true),
    dv.getInt32(addr + 8, true),
    dv.getInt32(addr + 12, true),
  );
}

/** v128.store */
export function v128_store(dv: DataView, addr: number, v: V128): void {
  checkStore(dv, addr, 16);
  dv.setInt32(addr, v.a, true);
  dv.setInt32(addr + 4, v.b, true);
  dv.setInt32(addr + 8, v.c, true);
  dv.setInt32(addr + 12, v.d, true);
}

/** Two sign-extended bytes at `p` as two i16 lanes of an int32. */
function pairS8(dv: DataView, p: number): number {
  return (dv.getInt8(p) & 0xffff) | (dv.getInt8(p + 1) << 16);
}

/** Two zero-extended bytes at `p` as two i16 lanes of an int32. */
function pairU8(dv: DataView, p: number): number {
  return dv.getUint8(p) | (dv.getUint8(p + 1) << 16);
}

/** v128.load8x8_s */
export function v128_load8x8_s(dv: DataView, addr: number): V128 {
  dv.getInt32(addr + 4, true); // bounds check of the whole access first
  return new V128(pairS8(dv, addr), pairS8(dv, addr + 2), pairS8(dv, addr + 4), pairS8(dv, addr + 6));
}

/** v128.load8x8_u */
export function v128_load8x8_u(dv: DataView, addr: number): V128 {
  dv.getInt32(addr + 4, true);
  return new V128(pairU8(dv, addr), pairU8(dv, addr + 2), pairU8(dv, addr + 4), pairU8(dv, addr + 6));
}

/** v128.load16x4_s */
export function v128_load16x4_s(dv: DataView, addr: number): V128 {
  dv.getInt32(addr + 4, true);
  return new V128(
    dv.getInt16(addr, true),
    dv.getInt16(addr + 2, true),
    dv.getInt16(addr + 4, true),
    dv.getInt16(addr + 6, true),
  );
}

/** v128.load16x4_u */
export function v128_load16x4_u(dv: DataView, addr: number): V128 {
  dv.getInt32(addr + 4, true);
  return new V128(
    dv.getUint16(addr, true),
    dv.getUint16(addr + 2, true),
    dv.getUint16(addr + 4, true),
    dv.getUint16(addr + 6, true),
  );
}

/** v128.load32x2_s */
export function v128_load32x2_s(dv: DataView, addr: number): V128 {
  const lo = dv.getInt32(addr, true);
  const hi = dv.getInt32(addr + 4, true);
  return new V128(lo, lo >> 31, hi, hi >> 31);
}

/** v128.load32x2_u */
export function v128_load32x2_u(dv: DataView, addr: number): V128 {
  return new V128(dv.getInt32(addr, true), 0, dv.getInt32(addr + 4, true), 0);
}

/** v128.load8_splat */
export function v128_load8_splat(dv: DataView, addr: number): V128 {
  const x = dv.getUint8(addr) * 0x01010101;
  return new V128(x, x, x, x);
}

/** v128.load16_splat */
export function v128_load16_splat(dv: DataView, addr: number): V128 {
  const x = dv.getUint16(addr, true) * 0x10001;
  return new V128(x, x, x, x);
}

/** v128.load32_splat */
export function v128_load32_splat(dv: DataView, addr: number): V128 {
  const x = dv.getInt32(addr, true);
  return new V128(x, x, x, x);
}

/** v128.load64_splat */
export function v128_load64_splat(dv: DataView, addr: number): V128 {
  const hi = dv.getInt32(addr + 4, true);
  const lo = dv.getInt32(addr, true);
  return new V128(lo, hi, lo, hi);
}

/** v128.load32_zero */
export function v128_load32_zero(dv: DataView, addr: number): V128 {
  return new V128(dv.getInt32(addr, true), 0, 0, 0);
}

/** v128.load64_zero */
export function v128_load64_zero(dv: DataView, addr: number): V128 {
  const hi = dv.getInt32(addr + 4, true);
  return new V128(dv.getInt32(addr, true), hi, 0, 0);
}

/** The int32 lane `i` of `v`. */
function lane32(v: V128, i: number): number {
  return i === 0 ? v.a : i === 1 ? v.b : i === 2 ? v.c : v.d;
}

/** `v` with int32 lane `i` replaced by `x`. */
function with32(v: V128, i: number, x: number): V128 {
  return new V128(i === 0 ? x : v.a, i === 1 ? x : v.b, i === 2 ? x : v.c, i === 3 ? x : v.d);
}

/** v128.load8_lane: operands (dv, addr, v), then the lane immediate. */
export function v128_load8_lane(dv: DataView, addr: number, v: V128, lane: number): V128 {
  const x = dv.getUint8(addr);
  const w = lane >> 2;
  const shift = (lane & 3) << 3;
  return with32(v, w, (lane32(v, w) & ~(0xff << shift)) | (x << shift));
}

/** v128.load16_lane: operands (dv, addr, v), then the lane immediate. */
export function v128_load16_lane(dv: DataView, addr: number, v: V128, lane: number): V128 {
  const x = dv.getUint16(addr, true);
  const w = lane >> 1;
  const shift = (lane & 1) << 4;
  return with32(v, w, (lane32(v, w) & ~(0xffff << shift)) | (x << shift));
}

/** v128.load32_lane: operands (dv, addr, v), then the lane immediate. */
export function v128_load32_lane(dv: DataView, addr: number, v: V128, lane: number): V128 {
  return with32(v, lane, dv.getInt32(addr, true));
}

/** v128.load64_lane: operands (dv, addr, v), then the lane immediate. */
export function v128_load64_lane(dv: DataView, addr: number, v: V128, lane: number): V128 {
  const hi = dv.getInt32(addr + 4, true);
  const lo = dv.getInt32(addr, true);
  return lane === 0 ? new V128(lo, hi, v.c, v.d) : new V128(v.a, v.b, lo, hi);
}

/** v128.store8_lane: operands (dv, addr, v), then the lane immediate. */
export function v128_store8_lane(dv: DataView, addr: number, v: V128, lane: number): void {
  dv.setUint8(addr, (lane32(v, lane >> 2) >>> ((lane & 3) << 3)) & 0xff);
}

/** v128.store16_lane: operands (dv, addr, v), then the lane immediate. */
export function v128_store16_lane(dv: DataView, addr: number, v: V128, lane: number): void {
  dv.setUint16(addr, (lane32(v, lane >> 1) >>> ((lane & 1) << 4)) & 0xffff, true);
}

/** v128.store32_lane: operands (dv, addr, v), then the lane immediate. */
export function v128_store32_lane(dv: DataView, addr: number, v: V128, lane: number): void {
  dv.setInt32(addr, lane32(v, lane), true);
}

/** v128.store64_lane: operands (dv, addr, v), then the lane immediate. */
export function v128_store64_lane(dv: DataView, addr: number, v: V128, lane: number): void {
  checkStore(dv, addr, 8);
  dv.setInt32(addr, lane === 0 ? v.a : v.c, true);
  dv.setInt32(addr + 4, lane === 0 ? v.b : v.d, true);
}
