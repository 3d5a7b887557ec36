// Every SIMD and relaxed-SIMD operator, compiled by the JS backend (v128 as lanes: src/lanes.ts,
// src/lane-helpers.ts), against Node's own WebAssembly running the same module on random and edge-case operands.
// The module loads each operand from memory (a computed stack slot, which the result overwrites), applies the
// operator and stores the result. Relaxed operators are compared with our documented choice (see the table in
// README.md), run natively as the operator it stands for.

import { ADDR, F32, F64, I32, I64, Imm, OPERATORS, type OperatorInfo, V128 as V128T } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { instantiateBytes } from '../harness.js';
import { randomF32Bits, randomF64Bits, randomI32, randomI64, randomV128 } from './inputs.js';
import { type Immediate, oracleModule, RESULT, rng, WA } from './oracle.js';

const CASES = 200;
const PAGE = 65536;

/** Operators whose float results may be any NaN where the oracle's is NaN (spec nondeterminism). */
const NAN_TOLERANT = new Set(
  ['add', 'sub', 'mul', 'div', 'min', 'max', 'sqrt', 'ceil', 'floor', 'trunc', 'nearest', 'relaxed_min', 'relaxed_max']
    .flatMap((k) => [`f32x4.${k}`, `f64x2.${k}`])
    .concat(['f32x4.demote_f64x2_zero', 'f64x2.promote_low_f32x4']),
);

/** Relaxed operators and the operator that is our choice for them (run natively as the reference). */
const RELAXED_AS: Record<string, string> = {
  'i8x16.relaxed_swizzle': 'i8x16.swizzle',
  'i32x4.relaxed_trunc_f32x4_s': 'i32x4.trunc_sat_f32x4_s',
  'i32x4.relaxed_trunc_f32x4_u': 'i32x4.trunc_sat_f32x4_u',
  'i32x4.relaxed_trunc_f64x2_s_zero': 'i32x4.trunc_sat_f64x2_s_zero',
  'i32x4.relaxed_trunc_f64x2_u_zero': 'i32x4.trunc_sat_f64x2_u_zero',
  'i8x16.relaxed_laneselect': 'v128.bitselect',
  'i16x8.relaxed_laneselect': 'v128.bitselect',
  'i32x4.relaxed_laneselect': 'v128.bitselect',
  'i64x2.relaxed_laneselect': 'v128.bitselect',
  'f32x4.relaxed_min': 'f32x4.min',
  'f32x4.relaxed_max': 'f32x4.max',
  'f64x2.relaxed_min': 'f64x2.min',
  'f64x2.relaxed_max': 'f64x2.max',
  'i16x8.relaxed_q15mulr_s': 'i16x8.q15mulr_sat_s',
};

const ops = OPERATORS.filter(
  (op) =>
    op.prefix === 0xfd && op.name !== 'v128.const' && (op.feature === 'simd' || RELAXED_AS[op.name] !== undefined),
);
const byName = new Map(OPERATORS.filter((op) => op.prefix === 0xfd).map((op) => [op.name, op]));

function immediates(op: OperatorInfo, next: () => number): Immediate[] {
  switch (op.imm) {
    case Imm.Lane:
      return Array.from({ length: op.n }, (_, i) => i);
    case Imm.MemArgLane:
      return Array.from({ length: 16 / op.n }, (_, i) => i);
    case Imm.Shuffle: {
      const list: number[][] = [Array.from({ length: 16 }, (_, i) => i), Array.from({ length: 16 }, (_, i) => 31 - i)];
      // word copies, byte rotations within and across words, splats
      list.push([4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11]);
      list.push([1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12]);
      list.push([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
      list.push([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
      for (let k = 0; k < 8; k++) list.push(Array.from({ length: 16 }, () => next() % 32));
      return list;
    }
    default:
      return [undefined];
  }
}

/** Whether the 4- or 8-byte lanes at `i` of `mine` and `theirs` are both NaN and mine is quiet. */
function bothNaN(mine: Uint8Array, theirs: Uint8Array, i: number, size: 4 | 8): boolean {
  const m = new DataView(mine.buffer, mine.byteOffset);
  const t = new DataView(theirs.buffer, theirs.byteOffset);
  if (size === 4) {
    const a = m.getInt32(i, true);
    const b = t.getInt32(i, true);
    const nan = (x: number) => (x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0;
    return nan(a) && nan(b) && (a & 0x400000) !== 0;
  }
  const a = m.getBigUint64(i, true);
  const b = t.getBigUint64(i, true);
  const nan = (x: bigint) => (x & 0x7ff0000000000000n) === 0x7ff0000000000000n && (x & 0xfffffffffffffn) !== 0n;
  return nan(a) && nan(b) && (a & 0x8000000000000n) !== 0n;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join('');
}

function checkOp(op: OperatorInfo): string[] {
  const reference = byName.get(RELAXED_AS[op.name] ?? op.name) as OperatorInfo;
  const next = rng(op.code * 7919 + 1);
  const failures: string[] = [];
  const params = op.params ?? [];
  const result = op.results?.[0];
  const isMemory = params.includes(ADDR);
  const isStore = isMemory && result === undefined;
  const imms = immediates(op, next);
  const perImm = Math.max(24, Math.ceil(CASES / imms.length));
  for (const imm of imms) {
    const native = new WA.Instance(new WA.Module(oracleModule(reference, imm)));
    const theirsRun = native.exports.f as (addr: number) => void;
    const theirsMem = new Uint8Array((native.exports.m as { buffer: ArrayBuffer }).buffer);
    const ours = instantiateBytes(oracleModule(op, imm), () => undefined);
    const oursRun = ours.f as (addr: number) => void;
    const oursMem = (ours.m as { u8: Uint8Array }).u8;
    const words = new Uint32Array(theirsMem.buffer);
    for (let i = 0; i < words.length; i++) words[i] = Math.imul(i, 0x9e3779b1) ^ (i >>> 3);
    oursMem.set(theirsMem);
    const dv = new DataView(theirsMem.buffer);
    for (let k = 0; k < perImm && failures.length < 5; k++) {
      // operands into slots 0, 16, 32 of both memories
      let addr = 0;
      let slot = 0;
      for (const t of params) {
        if (t === ADDR) {
          const r = next() % 8;
          addr =
            r === 0
              ? PAGE - 16 + (next() % 24)
              : r === 1
                ? [PAGE, 0xffffffff, 0x80000000][next() % 3]
                : 128 + (next() % (PAGE - 160));
          continue;
        }
        const at = 16 * slot++;
        if (t === V128T) randomV128(next, dv, at);
        else if (t === I32) dv.setInt32(at, randomI32(next), true);
        else if (t === I64) dv.setBigInt64(at, randomI64(next), true);
        else if (t === F32) dv.setInt32(at, randomF32Bits(next), true);
        else if (t === F64) dv.setBigInt64(at, randomF64Bits(next), true);
      }
      oursMem.set(theirsMem.subarray(0, 48));
      let trapped = false;
      try {
        theirsRun(addr | 0);
      } catch (e) {
        if (!(e instanceof WA.RuntimeError) || !isMemory) throw e;
        trapped = true;
      }
      let threw = false;
      try {
        oursRun(addr | 0);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        threw = true;
      }
      const what = () =>
        `${op.name} imm=${JSON.stringify(imm)} addr=${addr} operands=${hex(theirsMem.subarray(0, 48))}`;
      if (trapped !== threw) {
        failures.push(`${what()}: wasm trapped=${trapped}, ours threw=${threw}`);
        continue;
      }
      if (isStore) {
        if (hex(oursMem) !== hex(theirsMem)) failures.push(`${what()}: memory differs after the store`);
        oursMem.set(theirsMem);
        continue;
      }
      if (trapped || result === undefined) continue;
      const size = result === V128T ? 16 : result === I64 || result === F64 ? 8 : 4;
      const theirs = theirsMem.slice(RESULT, RESULT + size);
      const mine = oursMem.slice(RESULT, RESULT + size);
      // loads also fill the rest of memory identically: keep the two memories equal
      oursMem.set(theirsMem.subarray(RESULT, RESULT + size), RESULT);
      if (hex(mine) === hex(theirs)) continue;
      const lane = op.name.startsWith('f32x4.') ? 4 : 8;
      let ok = NAN_TOLERANT.has(op.name) && result === V128T;
      for (let i = 0; ok && i < 16; i += lane)
        ok = hex(mine.subarray(i, i + lane)) === hex(theirs.subarray(i, i + lane)) || bothNaN(mine, theirs, i, lane);
      if (!ok) failures.push(`${what()}: ours ${hex(mine)} wasm ${hex(theirs)}`);
    }
  }
  return failures;
}

describe('SIMD operators on the JS backend against Node WebAssembly', () => {
  it.each(ops.map((op) => [op.name, op] as const))('%s', (_name, op) => {
    expect(checkOp(op)).toEqual([]);
  });
});
