import { ANYREF, EQREF, FUNCREF, I32, I64, refType } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import {
  canonicalValType,
  Global,
  Memory,
  matchGlobal,
  matchLimits,
  matchMemory,
  matchTable,
  matchTag,
  Table,
  Tag,
  TypeRegistry,
} from '../src/index.js';
import { wat } from './helpers.js';

describe('import matching', () => {
  it('limits', () => {
    expect(matchLimits({ min: 2, max: 3 }, { min: 1, max: null })).toBe(true);
    expect(matchLimits({ min: 2, max: null }, { min: 1, max: 5 })).toBe(false);
    expect(matchLimits({ min: 2, max: 6 }, { min: 1, max: 5 })).toBe(false);
    expect(matchLimits({ min: 0, max: 5 }, { min: 1, max: 5 })).toBe(false);
  });

  it('memories use their current size', () => {
    const m = new Memory({ limits: { min: 1, max: 4 }, shared: false, index64: false, pageSizeLog2: 16 });
    const want = { limits: { min: 2, max: 4 }, shared: false, index64: false, pageSizeLog2: 16 };
    expect(matchMemory(m, want)).toBe(false);
    m.grow(1);
    expect(matchMemory(m, want)).toBe(true);
    expect(matchMemory(m, { ...want, index64: true })).toBe(false);
  });

  it('tables need equivalent element types', () => {
    const r = new TypeRegistry();
    const t = new Table({ element: FUNCREF, limits: { min: 1, max: null }, index64: false });
    expect(matchTable(r, t, { element: FUNCREF, limits: { min: 1, max: null }, index64: false })).toBe(true);
    expect(matchTable(r, t, { element: ANYREF, limits: { min: 1, max: null }, index64: false })).toBe(false);
    expect(matchTable(r, t, { element: FUNCREF, limits: { min: 2, max: null }, index64: false })).toBe(false);
  });

  it('globals: immutable covariant, mutable invariant', () => {
    const r = new TypeRegistry();
    const ids = r.register(wat('(module (type $a (sub (struct))) (type $b (sub $a (struct (field i32)))))'));
    const b = canonicalValType(refType(1, true), ids);
    const a = canonicalValType(refType(0, true), ids);
    expect(matchGlobal(r, new Global({ type: b, mutable: false }, null), { type: a, mutable: false })).toBe(true);
    expect(matchGlobal(r, new Global({ type: b, mutable: false }, null), { type: EQREF, mutable: false })).toBe(true);
    expect(matchGlobal(r, new Global({ type: b, mutable: true }, null), { type: a, mutable: true })).toBe(false);
    expect(matchGlobal(r, new Global({ type: a, mutable: false }, null), { type: b, mutable: false })).toBe(false);
    expect(matchGlobal(r, new Global({ type: I32, mutable: true }, 0), { type: I32, mutable: false })).toBe(false);
    expect(matchGlobal(r, new Global({ type: I32, mutable: false }, 0), { type: I64, mutable: false })).toBe(false);
  });

  it('tags match by type id', () => {
    expect(matchTag(new Tag(3, []), 3)).toBe(true);
    expect(matchTag(new Tag(3, []), 4)).toBe(false);
  });
});
