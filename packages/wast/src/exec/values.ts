// WAST constants as wasmts `Val`s, and assert_return's comparisons (NaN classes, v128 lanes, reference
// kinds, `either`).

import type { WastExpected, WastValue } from '@wasmts/wat';
import { AnyRef, type Engine, Func, type V128Lanes, type Val, WasmException } from 'wasmts';

/** Host values for `ref.extern N` / `ref.host N`: one object per N, compared by identity. */
export class HostRefs {
  private readonly values = new Map<number, object>();

  /** The host value for N. */
  get(n: number): object {
    let v = this.values.get(n);
    if (v === undefined) this.values.set(n, (v = Object.freeze({ hostref: n })));
    return v;
  }
}

/** A WAST argument as a Val. */
export function toVal(v: WastValue, engine: Engine, refs: HostRefs): Val {
  switch (v.type) {
    case 'i32':
      return { type: 'i32', value: v.value | 0 };
    case 'i64':
      return { type: 'i64', value: BigInt.asIntN(64, v.value) };
    case 'f32':
      return { type: 'f32', bits: v.bits | 0 };
    case 'f64':
      return { type: 'f64', bits: BigInt.asIntN(64, v.bits) };
    case 'v128': {
      const dv = new DataView(v.bytes.buffer, v.bytes.byteOffset, 16);
      const l = (i: number) => dv.getInt32(i * 4, true);
      return { type: 'v128', value: engine.v128(l(0), l(1), l(2), l(3)) };
    }
    case 'ref.null':
      return { type: heapKind(v.heap), value: null } as Val;
    case 'ref.extern':
      return { type: 'externref', value: refs.get(v.value) };
    case 'ref.host':
      return { type: 'anyref', value: refs.get(v.value) };
  }
}

function heapKind(heap: string): Val['type'] {
  if (heap === 'func' || heap === 'nofunc') return 'funcref';
  if (heap === 'extern' || heap === 'noextern') return 'externref';
  if (heap === 'exn' || heap === 'noexn') return 'exnref';
  return 'anyref';
}

function laneBytes(v: V128Lanes): DataView {
  const dv = new DataView(new ArrayBuffer(16));
  dv.setInt32(0, v.a, true);
  dv.setInt32(4, v.b, true);
  dv.setInt32(8, v.c, true);
  dv.setInt32(12, v.d, true);
  return dv;
}

function f32Matches(bits: number, e: WastExpected): boolean {
  if ('nan' in e) {
    const b = bits & 0x7fffffff;
    if ((b & 0x7f800000) !== 0x7f800000 || (b & 0x7fffff) === 0) return false;
    return e.nan === 'canonical' ? b === 0x7fc00000 : (b & 0x400000) !== 0;
  }
  return (bits | 0) === ((e as { bits: number }).bits | 0);
}

function f64Matches(bits: bigint, e: WastExpected): boolean {
  const u = BigInt.asUintN(64, bits);
  if ('nan' in e) {
    const b = u & 0x7fffffffffffffffn;
    if ((b & 0x7ff0000000000000n) !== 0x7ff0000000000000n || (b & 0xfffffffffffffn) === 0n) return false;
    return e.nan === 'canonical' ? b === 0x7ff8000000000000n : (b & 0x8000000000000n) !== 0n;
  }
  return u === BigInt.asUintN(64, (e as { bits: bigint }).bits);
}

function v128Matches(v: V128Lanes, e: WastExpected): boolean {
  const dv = laneBytes(v);
  if ('bytes' in e) {
    for (let i = 0; i < 16; i++) if (dv.getUint8(i) !== e.bytes[i]) return false;
    return true;
  }
  if (!('lanes' in e)) return false;
  const { shape, values } = e.lanes;
  return values.every((x, i) => {
    const ex = x as { value?: number | bigint };
    switch (shape) {
      case 'i8':
        return dv.getUint8(i) === (Number(ex.value) & 0xff);
      case 'i16':
        return dv.getUint16(i * 2, true) === (Number(ex.value) & 0xffff);
      case 'i32':
        return dv.getInt32(i * 4, true) === (Number(ex.value) | 0);
      case 'i64':
        return dv.getBigInt64(i * 8, true) === BigInt.asIntN(64, BigInt(ex.value as bigint));
      case 'f32':
        return f32Matches(dv.getInt32(i * 4, true), x);
      default:
        return f64Matches(dv.getBigInt64(i * 8, true), x);
    }
  });
}

/** Does a result match an expected value? */
export function matches(v: Val, e: WastExpected, refs: HostRefs): boolean {
  switch (e.type) {
    case 'i32':
      return v.type === 'i32' && 'value' in e && v.value === (Number(e.value) | 0);
    case 'i64':
      return v.type === 'i64' && 'value' in e && v.value === BigInt.asIntN(64, e.value as bigint);
    case 'f32':
      return v.type === 'f32' && v.bits !== undefined && f32Matches(v.bits, e);
    case 'f64':
      return v.type === 'f64' && v.bits !== undefined && f64Matches(v.bits, e);
    case 'v128':
      return v.type === 'v128' && v128Matches(v.value, e);
    case 'either':
      return e.options.some((o) => o.length === 1 && matches(v, o[0], refs));
  }
  if (v.type === 'i32' || v.type === 'i64' || v.type === 'f32' || v.type === 'f64' || v.type === 'v128') return false;
  const x = v.value;
  const n = (e as { value?: number }).value;
  switch (e.type) {
    case 'ref.null':
      return x === null;
    case 'ref.extern':
      if (n === undefined) return x !== null && v.type === 'externref';
      return x === refs.get(n) || AnyRef.hostValue(x) === refs.get(n);
    case 'ref.host':
      return x !== null && (x === refs.get(n!) || AnyRef.hostValue(x) === refs.get(n!));
    case 'ref.func':
      return x instanceof Func;
    case 'ref.struct':
      return AnyRef.isStruct(x);
    case 'ref.array':
      return AnyRef.isArray(x);
    case 'ref.i31':
    case 'ref.i31_shared':
      return AnyRef.isI31(x);
    case 'ref.eq':
      return AnyRef.isEq(x);
    case 'ref.any':
      return x !== null && v.type === 'anyref';
    case 'ref.exn':
      return x instanceof WasmException;
    default:
      return false;
  }
}

/** A result as text for failure messages. */
export function showVal(v: Val): string {
  switch (v.type) {
    case 'f32':
      return `f32 ${v.value} (0x${((v.bits ?? 0) >>> 0).toString(16)})`;
    case 'f64':
      return `f64 ${v.value} (0x${BigInt.asUintN(64, v.bits ?? 0n).toString(16)})`;
    case 'v128': {
      const dv = laneBytes(v.value);
      return `v128 ${[0, 1, 2, 3].map((i) => `0x${dv.getUint32(i * 4, true).toString(16)}`).join(' ')}`;
    }
    case 'i32':
    case 'i64':
      return `${v.type} ${v.value}`;
    default:
      return `${v.type} ${v.value === null ? 'null' : typeof v.value === 'object' ? (v.value?.constructor?.name ?? 'object') : String(v.value)}`;
  }
}

/** An expected value as text for failure messages. */
export function showExpected(e: WastExpected): string {
  return JSON.stringify(e, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? [...x] : x));
}
