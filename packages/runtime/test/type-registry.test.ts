import { EXTERNREF, FUNCREF, HeapKind, I32, refType } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { canonicalValType, TypeRegistry } from '../src/index.js';
import { wat } from './helpers.js';

describe('TypeRegistry', () => {
  it('gives equal ids to equal function types across modules', () => {
    const r = new TypeRegistry();
    const a = r.register(wat('(module (type (func (param i32) (result i64))) (type (func)))'));
    const b = r.register(
      wat('(module (type (func)) (type (func (param i32) (result i64))) (type (func (param f32))))'),
    );
    expect(b[0]).toBe(a[1]);
    expect(b[1]).toBe(a[0]);
    expect(new Set([...a, b[2]]).size).toBe(3);
    expect(r.size).toBe(3);
  });

  it('canonicalizes rec groups iso-recursively across modules', () => {
    const r = new TypeRegistry();
    const text = `(module (rec (type $l (struct (field (ref null $l)) (field i32))) (type $f (func (param (ref $l))))))`;
    const a = r.register(wat(text));
    const b = r.register(wat(`(module (type (func)) ${text.slice(8, -1)})`));
    expect([b[1], b[2]]).toEqual([a[0], a[1]]);
    // The same members in a different group shape are different types.
    const c = r.register(wat('(module (rec (type $l (struct (field (ref null $l)) (field i32)))))'));
    expect(c[0]).not.toBe(a[0]);
    // Outside references compare by engine id: a struct pointing at an equal type of another module.
    const d1 = r.register(wat('(module (type $s (struct)) (type (struct (field (ref $s)))))'));
    const d2 = r.register(wat('(module (type (func)) (type $s (struct)) (type (struct (field (ref $s)))))'));
    expect(d2[2]).toBe(d1[1]);
    // Distinct groups with the same shape but different outside targets are different.
    const d3 = r.register(wat('(module (type $s (struct (field i32))) (type (struct (field (ref $s)))))'));
    expect(d3[1]).not.toBe(d1[1]);
  });

  it('keeps supertype chains: depth, supers, fast isSubtype', () => {
    const r = new TypeRegistry();
    const ids = r.register(
      wat(`(module (type $a (sub (struct))) (type $b (sub $a (struct (field i32))))
                   (type $c (sub $b (struct (field i32) (field i64)))) (type $d (sub $a (struct (field f32)))))`),
    );
    const [a, b, c, d] = ids;
    expect(r.rtt(a).depth).toBe(0);
    expect(r.rtt(c).depth).toBe(2);
    expect([...r.rtt(c).supers]).toEqual([a, b, c]);
    expect(r.isSubtype(c, a)).toBe(true);
    expect(r.isSubtype(c, b)).toBe(true);
    expect(r.isSubtype(b, c)).toBe(false);
    expect(r.isSubtype(d, b)).toBe(false);
    expect(r.isSubtype(d, a)).toBe(true);
    expect(r.isSubtype(a, a)).toBe(true);
    // A subtype declared in another module against the first module's supertype.
    const other = r.register(
      wat('(module (type $a (sub (struct))) (type $e (sub $a (struct (field i64) (field i64)))))'),
    );
    expect(other[0]).toBe(a);
    expect(r.isSubtype(other[1], a)).toBe(true);
    expect(r.isSubtype(other[1], b)).toBe(false);
  });

  it('matches function types for imports by subtyping', () => {
    const r = new TypeRegistry();
    const ids = r.register(
      wat(
        '(module (type $p (sub (func (result funcref)))) (type $q (sub $p (func (result (ref func))))) (type (func)))',
      ),
    );
    expect(r.matchFuncType(ids[1], ids[0])).toBe(true);
    expect(r.matchFuncType(ids[0], ids[1])).toBe(false);
    expect(r.matchFuncType(ids[2], ids[0])).toBe(false);
    expect(r.isFunc(ids[2])).toBe(true);
    expect(r.funcType(ids[1]).results).toEqual([refType(HeapKind.Func, false)]);
  });

  it('canonical value types and engine-level value subtyping', () => {
    const r = new TypeRegistry();
    const m1 = r.register(wat('(module (type $a (sub (struct))) (type $b (sub $a (struct (field i32)))))'));
    const m2 = r.register(
      wat('(module (type (func)) (type $a (sub (struct))) (type $b (sub $a (struct (field i32)))))'),
    );
    const b2 = canonicalValType(refType(2, false), m2);
    const a1 = canonicalValType(refType(0, true), m1);
    expect(canonicalValType(I32, m1)).toBe(I32);
    expect(canonicalValType(FUNCREF, m1)).toBe(FUNCREF);
    expect(r.isValSubtype(b2, a1)).toBe(true);
    expect(r.isValSubtype(a1, b2)).toBe(false);
    expect(r.isValSubtype(b2, refType(HeapKind.Struct, false))).toBe(true);
    expect(r.isValSubtype(b2, EXTERNREF)).toBe(false);
    expect(r.isHeapSubtype(HeapKind.None, m1[0])).toBe(true);
  });

  it('struct and array rtts carry storage types and defaults', () => {
    const r = new TypeRegistry();
    const ids = r.register(
      wat('(module (type (struct (field i8) (field (mut i64)) (field anyref) (field f32))) (type (array (mut i16))))'),
    );
    const s = r.rtt(ids[0]);
    expect(s.kind).toBe(1);
    expect(s.fieldDefaults).toEqual([0, 0n, null, 0]);
    const a = r.rtt(ids[1]);
    expect(a.kind).toBe(2);
    expect(a.storage).toEqual([0x77]);
    expect(a.elemDefault).toBe(0);
  });

  it('registers a host function type whose concrete heap types are engine ids', () => {
    const r = new TypeRegistry();
    const ids = r.register(
      wat(`(module (type $s (struct (field i32))) (type $a (array i8))
                   (type (func (param (ref $s) i32) (result (ref null $a) (ref $s)))))`),
    );
    const [s, a, f] = ids;
    // the same function type, spelled with engine ids, is the module's type
    const spelled = {
      kind: 'func' as const,
      params: [refType(s, false), I32],
      results: [refType(a, true), refType(s, false)],
    };
    expect(r.registerFuncType(spelled)).toBe(f);
    // a type object the registry gave out is its own id
    expect(r.registerFuncType(r.funcType(f))).toBe(f);
    // another structure is a new id, canonical in terms of the ids it names, and registered once
    const size = r.size;
    const other = { kind: 'func' as const, params: [refType(a, false)], results: [] };
    const id = r.registerFuncType(other);
    expect(r.size).toBe(size + 1);
    expect(ids).not.toContain(id);
    expect(r.funcType(id)).toEqual(other);
    expect(r.registerFuncType({ ...other })).toBe(id);
    // and a module declaring it later meets it
    const later = r.register(wat('(module (type $a (array i8)) (type (func (param (ref $a)))))'));
    expect(later[1]).toBe(id);
    expect(() => r.registerFuncType({ kind: 'func', params: [refType(f + 1000, true)], results: [] })).toThrow(
      /unknown type id/,
    );
  });

  it('keeps the identity of a function type in a rec group of several', () => {
    const r = new TypeRegistry();
    const ids = r.register(
      wat('(module (rec (type $f (func (param (ref null $g)))) (type $g (struct (field (ref $f))))))'),
    );
    expect(r.registerFuncType(r.funcType(ids[0]))).toBe(ids[0]);
    // the same structure outside its group is a different type
    expect(r.registerFuncType({ ...r.funcType(ids[0]) })).not.toBe(ids[0]);
  });

  it('never gives two registries (engines) the same id, so a cast never confuses their types', () => {
    const text = '(module (type $s (struct (field i32))) (type (func (param i32))))';
    const a = new TypeRegistry();
    const b = new TypeRegistry();
    const ia = a.register(wat(text));
    const ib = b.register(wat(text));
    expect([...ia].some((id) => ib.includes(id))).toBe(false);
    // each registry owns only its own runtime types
    expect(a.owns(a.rtt(ia[0]))).toBe(true);
    expect(b.owns(a.rtt(ia[0]))).toBe(false);
    expect(b.has(ia[0])).toBe(false);
    expect(b.isSubtype(ia[1], ib[1])).toBe(false);
  });
});
