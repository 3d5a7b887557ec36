import { f32FromBits, f32ToBits, f64FromBits, f64ToBits, HeapKind, TagIndex, TrapCode } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { createBuiltins, ExternBox, Trap, TypeRegistry, VMFuncRef, WasmArray, WasmStruct } from '../src/index.js';
import { instantiate, makeStore, wat } from './helpers.js';

function trapCode(f: () => unknown): number | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e.code;
    throw e;
  }
  return undefined;
}

const registry = new TypeRegistry();
const rt = createBuiltins(registry);
const ids = registry.register(
  wat(`(module
    (type $a (sub (struct (field i32))))
    (type $b (sub $a (struct (field i32) (field (mut i8)))))
    (type $c (sub $a (struct (field i32) (field f64))))
    (type $bytes (array (mut i8)))
    (type $f (sub (func)))
    (type $g (sub $f (func)))
    (type $longs (array (mut i64))))`),
);
const [A, B, C, BYTES, F, G, LONGS] = ids;
/** A VMContext whose store has a GC heap account, for the allocation builtins. */
const VM = instantiate(makeStore(registry, rt), wat('(module)')).vmctx;

describe('structs and arrays', () => {
  it('struct.new wraps packed fields; struct.new_default', () => {
    const s = rt.structNew(VM, rt.rtt(B), 5, 0x1ff);
    expect(s).toBeInstanceOf(WasmStruct);
    expect(s.fields).toEqual([5, 0xff]);
    expect(rt.structNewDefault(VM, rt.rtt(C)).fields).toEqual([0, 0]);
  });

  it('array.new / new_default / new_fixed', () => {
    expect(rt.arrayNew(VM, rt.rtt(BYTES), -1, 3).elements).toEqual([255, 255, 255]);
    expect(rt.arrayNewDefault(VM, rt.rtt(LONGS), 2).elements).toEqual([0n, 0n]);
    expect(rt.arrayNewFixed(VM, rt.rtt(BYTES), 256, 257).elements).toEqual([0, 1]);
  });

  it('keeps signalling NaN payloads in fields, elements and tuples', () => {
    const ids2 = registry.register(
      wat('(module (type (struct (field (mut f32)) (field (mut f64)))) (type (array (mut f32))))'),
    );
    const snan = f32FromBits(0x7fa00000);
    const snan64 = f64FromBits(0x7ff4000000000000n);
    const s = rt.structNew(VM, rt.rtt(ids2[0]), snan, snan64);
    expect(f32ToBits(s.fields[0] as number)).toBe(0x7fa00000);
    expect(f64ToBits(s.fields[1] as number)).toBe(0x7ff4000000000000n);
    const d = rt.structNewDefault(VM, rt.rtt(ids2[0]));
    d.fields[0] = snan;
    expect(f32ToBits(d.fields[0] as number)).toBe(0x7fa00000);
    const a = rt.arrayNew(VM, rt.rtt(ids2[1]), snan, 2);
    expect(f32ToBits(a.elements[1] as number)).toBe(0x7fa00000);
    const z = rt.arrayNewDefault(VM, rt.rtt(ids2[1]), 2);
    rt.arrayFill(z, 0, snan, 2);
    z.elements[1] = snan;
    expect(f32ToBits(z.elements[0] as number)).toBe(0x7fa00000);
    expect(f32ToBits(z.elements[1] as number)).toBe(0x7fa00000);
    const f = rt.arrayNewFixed(VM, rt.rtt(ids2[1]), snan, snan);
    expect(f32ToBits(f.elements[1] as number)).toBe(0x7fa00000);
    expect(f32ToBits(rt.tuple(snan, 1)[0] as number)).toBe(0x7fa00000);
  });

  it('v128 fields and elements default to zero and read from data', () => {
    const store = makeStore(registry, rt);
    const inst = instantiate(
      store,
      wat(
        '(module (type (struct (field v128))) (type (array (mut v128))) (data "\\01\\00\\00\\00\\02\\00\\00\\00\\03\\00\\00\\00\\04\\00\\00\\00"))',
      ),
    );
    const z = rt.structNewDefault(VM, rt.rtt(inst.typeIds[0])).fields[0] as InstanceType<typeof rt.V128>;
    expect([z.a, z.b, z.c, z.d]).toEqual([0, 0, 0, 0]);
    const a = rt.arrayNewData(inst.vmctx, rt.rtt(inst.typeIds[1]), 0, 0, 1);
    const v = a.elements[0] as InstanceType<typeof rt.V128>;
    expect(v).toBeInstanceOf(rt.V128);
    expect([v.a, v.b, v.c, v.d]).toEqual([1, 2, 3, 4]);
  });

  it('array.fill and array.copy bounds and null checks', () => {
    const a = rt.arrayNewFixed(VM, rt.rtt(LONGS), 1n, 2n, 3n, 4n);
    rt.arrayCopy(a, 1, a, 0, 3);
    expect(a.elements).toEqual([1n, 1n, 2n, 3n]);
    rt.arrayCopy(a, 0, a, 1, 3);
    expect(a.elements).toEqual([1n, 2n, 3n, 3n]);
    expect(trapCode(() => rt.arrayCopy(a, 2, a, 0, 3))).toBe(TrapCode.ArrayOutOfBounds);
    expect(trapCode(() => rt.arrayCopy(null, 0, a, 0, 0))).toBe(TrapCode.NullArrayReference);
    rt.arrayCopy(a, 4, a, 4, 0);
    rt.arrayFill(a, 1, 9n, 2);
    expect(a.elements).toEqual([1n, 9n, 9n, 3n]);
    expect(trapCode(() => rt.arrayFill(a, 3, 0n, 2))).toBe(TrapCode.ArrayOutOfBounds);
    expect(a.elements[3]).toBe(3n);
    expect(trapCode(() => rt.arrayFill(null, 0, 0n, 0))).toBe(TrapCode.NullArrayReference);
  });

  it('array.new_data / init_data / new_elem / init_elem', () => {
    const store = makeStore(registry, rt);
    const inst = instantiate(
      store,
      wat(`(module (type $bytes (array (mut i8))) (type $longs (array (mut i64))) (type $fl (array (mut f32)))
             (data "\\01\\02\\03\\04\\05\\06\\07\\08\\00\\00\\a0\\7f") (elem func))`),
    );
    inst.setElemSegment(0, ['x', 'y', 'z']);
    const bytes = rt.rtt(inst.typeIds[0]);
    const a = rt.arrayNewData(inst.vmctx, bytes, 0, 1, 3);
    expect(a.elements).toEqual([2, 3, 4]);
    const l = rt.arrayNewData(inst.vmctx, rt.rtt(inst.typeIds[1]), 0, 0, 1);
    expect(l.elements).toEqual([0x0807060504030201n]);
    const f = rt.arrayNewData(inst.vmctx, rt.rtt(inst.typeIds[2]), 0, 8, 1);
    expect(f32ToBits(f.elements[0] as number)).toBe(0x7fa00000);
    expect(trapCode(() => rt.arrayNewData(inst.vmctx, rt.rtt(inst.typeIds[1]), 0, 5, 1))).toBe(
      TrapCode.MemoryOutOfBounds,
    );
    rt.arrayInitData(inst.vmctx, a, 0, 1, 0, 2);
    expect(a.elements).toEqual([2, 1, 2]);
    expect(trapCode(() => rt.arrayInitData(inst.vmctx, a, 0, 2, 0, 2))).toBe(TrapCode.ArrayOutOfBounds);
    expect(trapCode(() => rt.arrayInitData(inst.vmctx, a, 0, 0, 11, 2))).toBe(TrapCode.MemoryOutOfBounds);
    expect(trapCode(() => rt.arrayInitData(inst.vmctx, null, 0, 0, 0, 0))).toBe(TrapCode.NullArrayReference);
    const e = rt.arrayNewElem(inst.vmctx, bytes, 0, 1, 2);
    expect(e.elements).toEqual(['y', 'z']);
    expect(trapCode(() => rt.arrayNewElem(inst.vmctx, bytes, 0, 2, 2))).toBe(TrapCode.TableOutOfBounds);
    rt.arrayInitElem(inst.vmctx, e, 0, 0, 0, 2);
    expect(e.elements).toEqual(['x', 'y']);
    expect(trapCode(() => rt.arrayInitElem(inst.vmctx, e, 0, 1, 0, 2))).toBe(TrapCode.ArrayOutOfBounds);
    expect(trapCode(() => rt.arrayInitElem(inst.vmctx, e, 0, 0, 2, 2))).toBe(TrapCode.TableOutOfBounds);
  });
});

describe('casts', () => {
  const a = rt.structNew(VM, rt.rtt(A), 1);
  const b = rt.structNew(VM, rt.rtt(B), 1, 2);
  const c = rt.structNew(VM, rt.rtt(C), 1, 2.5);
  const arr = rt.arrayNewDefault(VM, rt.rtt(BYTES), 1);

  it('concrete targets follow declared subtyping', () => {
    expect(rt.refTest(b, A, false)).toBe(true);
    expect(rt.refTest(b, B, false)).toBe(true);
    expect(rt.refTest(a, B, false)).toBe(false);
    expect(rt.refTest(c, B, false)).toBe(false);
    expect(rt.refTest(arr, A, false)).toBe(false);
    expect(rt.refTest(null, A, false)).toBe(false);
    expect(rt.refTest(null, A, true)).toBe(true);
    expect(rt.refTest(5, A, true)).toBe(false);
    expect(rt.refTest(a, C, false)).toBe(false);
    expect(rt.refTest(null, C, false)).toBe(false);
    expect(rt.refTest(null, C, true)).toBe(true);
  });

  it('function references cast by type id subtyping', () => {
    const g = new VMFuncRef(() => {}, G);
    const f = new VMFuncRef(() => {}, F);
    expect(rt.refTest(g, F, false)).toBe(true);
    expect(rt.refTest(f, G, false)).toBe(false);
    expect(rt.refTest(g, HeapKind.Func, false)).toBe(true);
    expect(rt.refTest(g, HeapKind.NoFunc, true)).toBe(false);
    expect(rt.isSubtypeId(G, F)).toBe(true);
    expect(rt.isSubtypeId(F, G)).toBe(false);
  });

  it('abstract targets', () => {
    const boxed = rt.anyConvertExtern('host');
    const boxedNumber = rt.anyConvertExtern(1.5);
    const i31 = 42;
    const cases: [unknown, number, boolean][] = [
      [b, HeapKind.Any, true],
      [b, HeapKind.Eq, true],
      [b, HeapKind.Struct, true],
      [b, HeapKind.Array, false],
      [b, HeapKind.I31, false],
      [arr, HeapKind.Array, true],
      [arr, HeapKind.Struct, false],
      [i31, HeapKind.I31, true],
      [i31, HeapKind.Eq, true],
      [i31, HeapKind.Struct, false],
      [boxed, HeapKind.Any, true],
      [boxed, HeapKind.Eq, false],
      [boxedNumber, HeapKind.Eq, false],
      [boxedNumber, HeapKind.I31, false],
      [b, HeapKind.None, false],
    ];
    for (const [v, h, want] of cases) expect([v, h, rt.refTest(v, h, false)]).toEqual([v, h, want]);
    expect(rt.refTest(null, HeapKind.None, true)).toBe(true);
    expect(rt.refTest(null, HeapKind.Any, false)).toBe(false);
  });

  it('extern conversions round-trip', () => {
    expect(rt.anyConvertExtern(null)).toBe(null);
    expect(rt.anyConvertExtern(b)).toBe(b);
    expect(rt.externConvertAny(b)).toBe(b);
    expect(rt.anyConvertExtern(rt.externConvertAny(7))).toBe(7);
    const box = rt.anyConvertExtern(2 ** 31);
    expect(box).toBeInstanceOf(ExternBox);
    expect(rt.externConvertAny(box)).toBe(2 ** 31);
    expect(rt.anyConvertExtern(-0)).toBeInstanceOf(ExternBox);
    const obj = { x: 1 };
    expect(rt.externConvertAny(rt.anyConvertExtern(obj))).toBe(obj);
    const fake = new ExternBox(1);
    expect(rt.externConvertAny(rt.anyConvertExtern(fake))).toBe(fake);
    expect(rt.externConvertAny(rt.anyConvertExtern(undefined))).toBe(undefined);
  });

  it('arrays are WasmArray instances', () => {
    expect(arr).toBeInstanceOf(WasmArray);
  });
});

describe('exceptions', () => {
  it('newException', () => {
    const store = makeStore(registry, rt);
    const inst = instantiate(store, wat('(module (tag $t (param i32 i64)))'));
    const tag = inst.tag(TagIndex(0));
    expect(tag.params).toEqual([0x7f, 0x7e]);
    const e = rt.newException(tag, [1, 2n]);
    expect(e).not.toBeInstanceOf(Error);
    expect(e.tag).toBe(tag);
    expect(e.values).toEqual([1, 2n]);
  });
});
