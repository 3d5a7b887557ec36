import { TrapCode } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import {
  i32Ctz,
  i32DivS,
  i32DivU,
  i32Popcnt,
  i32RemS,
  i32RemU,
  i32Rotl,
  i32Rotr,
  i64Clz,
  i64Ctz,
  i64DivS,
  i64DivU,
  i64Popcnt,
  i64RemS,
  i64RemU,
  i64Rotl,
  i64Rotr,
  Trap,
} from '../src/index.js';

function trapCode(f: () => unknown): number | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e.code;
    throw e;
  }
  return undefined;
}

describe('i32 helpers', () => {
  it('div/rem with traps', () => {
    expect(trapCode(() => i32DivS(1, 0))).toBe(TrapCode.IntegerDivisionByZero);
    expect(trapCode(() => i32DivS(-0x80000000, -1))).toBe(TrapCode.IntegerOverflow);
    expect(i32DivS(-7, 2)).toBe(-3);
    expect(i32DivU(-1, 2)).toBe(0x7fffffff);
    expect(i32RemS(-0x80000000, -1)).toBe(0);
    expect(i32RemS(-7, 2)).toBe(-1);
    expect(i32RemU(-1, 10)).toBe(5);
    expect(trapCode(() => i32RemU(1, 0))).toBe(TrapCode.IntegerDivisionByZero);
  });
  it('bit counts and rotates', () => {
    expect(i32Ctz(0)).toBe(32);
    expect(i32Ctz(0x80000000 | 0)).toBe(31);
    expect(i32Ctz(8)).toBe(3);
    expect(i32Popcnt(-1)).toBe(32);
    expect(i32Popcnt(0x55555555)).toBe(16);
    expect(i32Rotl(0x80000001 | 0, 1)).toBe(3);
    expect(i32Rotr(3, 1)).toBe(0x80000001 | 0);
    expect(i32Rotl(0x12345678, 32)).toBe(0x12345678);
  });
});

describe('i64 helpers', () => {
  it('div/rem with traps', () => {
    const MIN = -0x8000000000000000n;
    expect(trapCode(() => i64DivS(1n, 0n))).toBe(TrapCode.IntegerDivisionByZero);
    expect(trapCode(() => i64DivS(MIN, -1n))).toBe(TrapCode.IntegerOverflow);
    expect(i64DivS(-7n, 2n)).toBe(-3n);
    expect(i64DivU(-1n, 2n)).toBe(0x7fffffffffffffffn);
    expect(i64DivU(-2n, -1n)).toBe(0n);
    expect(i64RemS(MIN, -1n)).toBe(0n);
    expect(i64RemU(-1n, 10n)).toBe(5n);
    expect(trapCode(() => i64RemU(1n, 0n))).toBe(TrapCode.IntegerDivisionByZero);
  });
  it('bit counts and rotates', () => {
    expect(i64Clz(0n)).toBe(64n);
    expect(i64Clz(1n)).toBe(63n);
    expect(i64Clz(-1n)).toBe(0n);
    expect(i64Clz(0x100000000n)).toBe(31n);
    expect(i64Ctz(0n)).toBe(64n);
    expect(i64Ctz(0x100000000n)).toBe(32n);
    expect(i64Ctz(-0x8000000000000000n)).toBe(63n);
    expect(i64Popcnt(-1n)).toBe(64n);
    expect(i64Popcnt(0x8000000000000001n - 0x10000000000000000n)).toBe(2n);
    expect(i64Rotl(-0x7fffffffffffffffn, 1n)).toBe(3n);
    expect(i64Rotr(3n, 1n)).toBe(-0x7fffffffffffffffn);
    expect(i64Rotl(0x123n, 64n)).toBe(0x123n);
    expect(i64Rotr(1n, -1n)).toBe(2n);
  });
});
