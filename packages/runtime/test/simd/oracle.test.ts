// Every non-relaxed SIMD operator against Node's own WebAssembly on random and edge-case operands.

import { ADDR, F32, F64, I32, I64, Imm, OPERATORS, type OperatorInfo, V128 as V128T } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { simd, V128 } from '../../src/simd/index.js';
import { f32FromBits, f32ToBits } from '../../src/simd/scratch.js';
import { randomF32Bits, randomF64Bits, randomI32, randomI64, randomV128 } from './inputs.js';
import { buildOracle, type Immediate, RESULT, rng, WA } from './oracle.js';

const CASES = 200;
const PAGE = 65536;

/** Operators whose float results may be any NaN where the oracle's is NaN (spec nondeterminism). */
const NAN_TOLERANT = new Set(
  ['add', 'sub', 'mul', 'div', 'min', 'max', 'sqrt', 'ceil', 'floor', 'trunc', 'nearest']
    .flatMap((k) => [`f32x4.${k}`, `f64x2.${k}`])
    .concat(['f32x4.demote_f64x2_zero', 'f64x2.promote_low_f32x4']),
);

const ops = OPERATORS.filter((op) => op.prefix === 0xfd && op.feature === 'simd' && op.name !== 'v128.const');

const f64 = new Float64Array(1);
const f64Bits = new BigInt64Array(f64.buffer);

function immediates(op: OperatorInfo, next: () => number): Immediate[] {
  switch (op.imm) {
    case Imm.Lane:
      return Array.from({ length: op.n }, (_, i) => i);
    case Imm.MemArgLane:
      return Array.from({ length: 16 / op.n }, (_, i) => i);
    case Imm.Shuffle: {
      const list: number[][] = [Array.from({ length: 16 }, (_, i) => i), Array.from({ length: 16 }, (_, i) => 31 - i)];
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

function sameBytes(p: Uint8Array, q: Uint8Array): boolean {
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
  return true;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join('');
}

function checkOp(op: OperatorInfo): string[] {
  const fn = (simd as unknown as Record<string, (...args: unknown[]) => unknown>)[op.name.replace(/\./g, '_')];
  const next = rng(op.code * 7919 + 1);
  const failures: string[] = [];
  const params = op.params ?? [];
  const result = op.results?.[0];
  const isMemory = params.includes(ADDR);
  const isStore = isMemory && result === undefined;
  const imms = immediates(op, next);
  const perImm = Math.max(24, Math.ceil(CASES / imms.length));
  for (const imm of imms) {
    const oracle = buildOracle(op, imm);
    const mem = new Uint8Array(oracle.memory.buffer);
    const words = new Uint32Array(oracle.memory.buffer);
    for (let i = 0; i < words.length; i++) words[i] = Math.imul(i, 0x9e3779b1) ^ (i >>> 3);
    const dv = new DataView(oracle.memory.buffer);
    for (let k = 0; k < perImm && failures.length < 5; k++) {
      // Operands into slots 0, 16, 32 and the arguments for ours.
      // A generic-elements array: V8 arrays of only doubles may quiet signalling NaNs.
      const args: unknown[] = [null];
      args.pop();
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
          args.push(dv, addr);
          continue;
        }
        const at = 16 * slot++;
        if (t === V128T) {
          randomV128(next, dv, at);
          args.push(V128.fromBytes(mem.subarray(at, at + 16)));
        } else if (t === I32) {
          const x = randomI32(next);
          dv.setInt32(at, x, true);
          args.push(x);
        } else if (t === I64) {
          const x = randomI64(next);
          dv.setBigInt64(at, x, true);
          args.push(x);
        } else if (t === F32) {
          const x = randomF32Bits(next);
          dv.setInt32(at, x, true);
          args.push(f32FromBits(x));
        } else if (t === F64) {
          const x = randomF64Bits(next);
          dv.setBigInt64(at, x, true);
          f64Bits[0] = x;
          args.push(f64[0]);
        }
      }
      if (imm !== undefined) args.push(imm);
      const before = isStore ? mem.slice() : undefined;
      let trapped = false;
      try {
        oracle.run(addr | 0);
      } catch (e) {
        if (!(e instanceof WA.RuntimeError)) throw e;
        if (!isMemory) throw e;
        trapped = true;
      }
      const after = isStore ? mem.slice() : undefined;
      if (before) mem.set(before);
      let mine: unknown;
      let threw = false;
      try {
        mine = fn(...args);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        threw = true;
      }
      const what = () => `${op.name} imm=${JSON.stringify(imm)} addr=${addr} operands=${hex(mem.subarray(0, 48))}`;
      if (trapped !== threw) {
        failures.push(`${what()}: wasm trapped=${trapped}, ours threw=${threw}`);
        continue;
      }
      if (after) {
        if (!sameBytes(mem, after)) failures.push(`${what()}: memory differs after store`);
        mem.set(after);
        continue;
      }
      if (trapped) continue;
      if (result === V128T) {
        const theirs = mem.slice(RESULT, RESULT + 16);
        const ours = (mine as V128).toBytes();
        if (hex(ours) === hex(theirs)) continue;
        const size = op.name.startsWith('f32x4.') ? 4 : 8;
        let ok = NAN_TOLERANT.has(op.name);
        for (let i = 0; ok && i < 16; i += size) {
          ok = hex(ours.subarray(i, i + size)) === hex(theirs.subarray(i, i + size)) || bothNaN(ours, theirs, i, size);
        }
        if (!ok) failures.push(`${what()}: ours ${hex(ours)} wasm ${hex(theirs)}`);
      } else if (result === I32) {
        const theirs = dv.getInt32(RESULT, true);
        if (mine !== theirs) failures.push(`${what()}: ours ${mine} wasm ${theirs}`);
      } else if (result === I64) {
        const theirs = dv.getBigInt64(RESULT, true);
        if (mine !== theirs) failures.push(`${what()}: ours ${mine} wasm ${theirs}`);
      } else if (result === F32) {
        const theirs = dv.getInt32(RESULT, true);
        if (f32ToBits(mine as number) !== theirs) failures.push(`${what()}: ours ${mine} wasm bits ${theirs}`);
      } else if (result === F64) {
        const theirs = dv.getBigInt64(RESULT, true);
        f64[0] = mine as number;
        if (f64Bits[0] !== theirs) failures.push(`${what()}: ours ${mine} wasm bits ${theirs}`);
      }
    }
  }
  return failures;
}

describe('SIMD operators against Node WebAssembly', () => {
  it.each(ops.map((op) => [op.name, op] as const))('%s', (_name, op) => {
    expect(checkOp(op)).toEqual([]);
  });
});
