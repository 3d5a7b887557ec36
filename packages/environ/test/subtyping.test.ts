import { describe, expect, it } from 'vitest';
import {
  ANYREF,
  ARRAYREF,
  BOT,
  bottomHeapType,
  decodeModule,
  EQREF,
  EXNREF,
  EXTERNREF,
  F32,
  FUNCREF,
  HeapKind as H,
  I31REF,
  I32,
  I64,
  isCompositeSubtype,
  isHeapSubtype,
  isSubtype,
  NULLEXNREF,
  NULLEXTERNREF,
  NULLFUNCREF,
  NULLREF,
  refType,
  STRUCTREF,
  type SubType,
  topHeapType,
  typesEqual,
} from '../src/index.js';
import { functype, section, vec, wasm } from './wasm-bytes.js';

// 0: sub (struct i32)   1: sub 0 (struct i32 i64)   2: sub (array i8)   3: func [] -> []
// 4: (struct i32) final, equivalent to nothing else   5: sub 1 (struct i32 i64 f32)
// 6: same as 3 (canonical 3)
const m = decodeModule(
  wasm(
    section(
      1,
      vec([
        [0x50, 0, 0x5f, 1, 0x7f, 0],
        [0x50, 1, 0, 0x5f, 2, 0x7f, 0, 0x7e, 0],
        [0x50, 0, 0x5e, 0x78, 1],
        functype([], []),
        [0x5f, 1, 0x7f, 1],
        [0x50, 1, 1, 0x5f, 3, 0x7f, 0, 0x7e, 0, 0x7d, 0],
        functype([], []),
      ]),
    ),
  ),
);
const T: readonly SubType[] = m.types;
const ref = (h: number, nullable = false) => refType(h, nullable);

describe('isSubtype', () => {
  it('numeric types are only subtypes of themselves', () => {
    expect(isSubtype(I32, I32, T)).toBe(true);
    expect(isSubtype(I32, I64, T)).toBe(false);
    expect(isSubtype(F32, ANYREF, T)).toBe(false);
    expect(isSubtype(ANYREF, I32, T)).toBe(false);
  });

  it('BOT is below everything', () => {
    for (const t of [I32, F32, ANYREF, ref(0), FUNCREF]) expect(isSubtype(BOT, t, T)).toBe(true);
    expect(isSubtype(I32, BOT, T)).toBe(false);
  });

  it('respects nullability', () => {
    expect(isSubtype(ref(H.Any), ANYREF, T)).toBe(true);
    expect(isSubtype(ANYREF, ref(H.Any), T)).toBe(false);
    expect(isSubtype(ref(0), ref(0, true), T)).toBe(true);
  });

  it('follows the any hierarchy', () => {
    for (const t of [I31REF, STRUCTREF, ARRAYREF, EQREF]) expect(isSubtype(t, ANYREF, T)).toBe(true);
    for (const t of [I31REF, STRUCTREF, ARRAYREF]) expect(isSubtype(t, EQREF, T)).toBe(true);
    expect(isSubtype(NULLREF, I31REF, T)).toBe(true);
    expect(isSubtype(NULLREF, ref(0, true), T)).toBe(true);
    expect(isSubtype(NULLREF, ref(3, true), T)).toBe(false);
    expect(isSubtype(ANYREF, EQREF, T)).toBe(false);
    expect(isSubtype(I31REF, STRUCTREF, T)).toBe(false);
    expect(isSubtype(ref(0), STRUCTREF, T)).toBe(true);
    expect(isSubtype(ref(2), ARRAYREF, T)).toBe(true);
    expect(isSubtype(ref(2), STRUCTREF, T)).toBe(false);
    expect(isSubtype(ref(0), EQREF, T)).toBe(true);
    expect(isSubtype(ref(0), FUNCREF, T)).toBe(false);
  });

  it('keeps func, extern and exn apart', () => {
    expect(isSubtype(NULLFUNCREF, FUNCREF, T)).toBe(true);
    expect(isSubtype(NULLFUNCREF, ref(3, true), T)).toBe(true);
    expect(isSubtype(ref(3), FUNCREF, T)).toBe(true);
    expect(isSubtype(ref(3), ANYREF, T)).toBe(false);
    expect(isSubtype(NULLEXTERNREF, EXTERNREF, T)).toBe(true);
    expect(isSubtype(EXTERNREF, ANYREF, T)).toBe(false);
    expect(isSubtype(NULLEXNREF, EXNREF, T)).toBe(true);
    expect(isSubtype(NULLREF, EXTERNREF, T)).toBe(false);
    expect(isSubtype(FUNCREF, ANYREF, T)).toBe(false);
  });

  it('walks declared supertypes', () => {
    expect(isSubtype(ref(1), ref(0), T)).toBe(true);
    expect(isSubtype(ref(5), ref(0), T)).toBe(true);
    expect(isSubtype(ref(0), ref(1), T)).toBe(false);
    // structurally compatible but not declared
    expect(isSubtype(ref(4), ref(0), T)).toBe(false);
  });

  it('compares concrete types by canonical index', () => {
    expect(T[6].canonical).toBe(3);
    expect(isSubtype(ref(6), ref(3), T)).toBe(true);
    expect(typesEqual(ref(6), ref(3), T)).toBe(true);
    expect(typesEqual(ref(6, true), ref(3), T)).toBe(false);
    expect(typesEqual(ref(0), ref(4), T)).toBe(false);
    expect(typesEqual(I32, I32, T)).toBe(true);
  });
});

describe('heap type helpers', () => {
  it('finds tops and bottoms', () => {
    expect(topHeapType(H.I31, T)).toBe(H.Any);
    expect(topHeapType(0, T)).toBe(H.Any);
    expect(topHeapType(3, T)).toBe(H.Func);
    expect(topHeapType(H.NoExtern, T)).toBe(H.Extern);
    expect(topHeapType(H.NoExn, T)).toBe(H.Exn);
    expect(bottomHeapType(2, T)).toBe(H.None);
    expect(bottomHeapType(3, T)).toBe(H.NoFunc);
    expect(bottomHeapType(H.Extern, T)).toBe(H.NoExtern);
    expect(bottomHeapType(H.Eq, T)).toBe(H.None);
  });

  it('orders abstract heap types', () => {
    expect(isHeapSubtype(H.None, H.Any, T)).toBe(true);
    expect(isHeapSubtype(H.Any, H.None, T)).toBe(false);
    expect(isHeapSubtype(H.NoFunc, 3, T)).toBe(true);
    expect(isHeapSubtype(H.None, 3, T)).toBe(false);
  });

  it('matches composite types', () => {
    const f = (params: number[], results: number[]) => ({ kind: 'func' as const, params, results });
    expect(isCompositeSubtype(f([EQREF], [EQREF]), f([I31REF], [ANYREF]), T)).toBe(true);
    expect(isCompositeSubtype(f([I31REF], [EQREF]), f([EQREF], [EQREF]), T)).toBe(false);
    expect(isCompositeSubtype(f([], []), f([I32], []), T)).toBe(false);
  });
});
