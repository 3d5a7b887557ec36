import {
  EXTERNREF,
  FuncIndex,
  GlobalIndex,
  I32,
  MemoryIndex,
  TableIndex,
  TagIndex,
  TrapCode,
  VMCTX_BUILTINS,
  VMCTX_EPOCH_COUNTER,
  VMCTX_INSTANCE,
  VMCTX_MAGIC,
  VMCTX_MAGIC_VALUE,
  VMCTX_RUNTIME_LIMITS,
  VMCTX_STORE,
  VMCTX_TYPE_IDS,
} from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import {
  ExternRefActivationsTable,
  Global,
  Memory,
  ResourceLimitError,
  Tag,
  type Trap,
  TypeRegistry,
  VMFuncRef,
} from '../src/index.js';
import { instantiate, makeStore, wat } from './helpers.js';

describe('Instance', () => {
  it('fills the VMContext header and entity slots by VMOffsets', () => {
    const store = makeStore();
    const inst = instantiate(
      store,
      wat(`(module (memory 1 2) (table 3 externref) (global (mut i32) (i32.const 0)) (tag (param i64))
             (func $f) (func (export "g")) (elem declare func $f))`),
    );
    const v = inst.vmctx;
    expect(v.length).toBe(inst.offsets.size);
    expect(v[VMCTX_MAGIC]).toBe(VMCTX_MAGIC_VALUE);
    expect(v[VMCTX_RUNTIME_LIMITS]).toBe(store.runtimeLimits);
    expect(v[VMCTX_BUILTINS]).toBe(store.builtins);
    expect(v[VMCTX_STORE]).toBe(store);
    expect(v[VMCTX_TYPE_IDS]).toBe(inst.typeIds);
    expect(v[VMCTX_EPOCH_COUNTER]).toBe(store.epochCounter);
    expect(v[VMCTX_INSTANCE]).toBe(inst);
    expect(v[inst.offsets.memory(MemoryIndex(0))]).toBeInstanceOf(Memory);
    expect(inst.memory(MemoryIndex(0)).byteLength).toBe(65536);
    expect(inst.table(TableIndex(0)).elements).toEqual([null, null, null]);
    expect(inst.table(TableIndex(0)).element).toBe(EXTERNREF);
    expect(inst.global(GlobalIndex(0))).toBeInstanceOf(Global);
    expect(inst.global(GlobalIndex(0)).value).toBe(0);
    expect(inst.global(GlobalIndex(0)).type).toBe(I32);
    expect(inst.tag(TagIndex(0))).toBeInstanceOf(Tag);
    expect(store.instances).toEqual([inst]);
  });

  it('installs functions and func refs', () => {
    const store = makeStore();
    const inst = instantiate(
      store,
      wat('(module (func $f (result i32) (i32.const 1)) (func (export "g")) (elem declare func $f))'),
    );
    const f = () => 1;
    const g = () => {};
    inst.setFunctions([f, g]);
    const rf = inst.funcRef(FuncIndex(0));
    expect(rf).toBeInstanceOf(VMFuncRef);
    expect(rf.fn).toBe(f);
    expect(rf.instance).toBe(inst);
    expect(rf.typeId).toBe(inst.typeIds[inst.module.functions[0]]);
    expect(inst.vmctx[inst.offsets.funcRef(FuncIndex(0))]).toBe(rf);
    expect(inst.funcRef(FuncIndex(0))).toBe(rf);
    expect(inst.funcRef(FuncIndex(1)).fn).toBe(g);
    expect(inst.funcRef(FuncIndex(1))).toBe(inst.funcRef(FuncIndex(1)));
  });

  it('links imports into their slots; imported func refs are the import itself', () => {
    const store = makeStore();
    const a = instantiate(store, wat('(module (memory (export "m") 1) (global (export "g") (mut i32) (i32.const 7)))'));
    const ref = new VMFuncRef(() => 5, 0);
    const b = instantiate(
      store,
      wat(`(module (import "x" "f" (func $f)) (import "a" "m" (memory 1)) (import "a" "g" (global (mut i32)))
             (elem declare func $f))`),
      { functions: [ref], memories: [a.memory(MemoryIndex(0))], globals: [a.global(GlobalIndex(0))] },
    );
    b.setFunctions([]);
    expect(b.memory(MemoryIndex(0))).toBe(a.memory(MemoryIndex(0)));
    expect(b.global(GlobalIndex(0))).toBe(a.global(GlobalIndex(0)));
    expect(b.funcRef(FuncIndex(0))).toBe(ref);
    expect(b.vmctx[b.offsets.funcRef(FuncIndex(0))]).toBe(ref);
    expect(() => instantiate(store, wat('(module (import "x" "f" (func)))'))).toThrow(/imported function/);
  });

  it('reports memories and tables beyond limits clearly', () => {
    const store = makeStore();
    expect(() => instantiate(store, wat('(module (memory i64 0x1000000000))'))).toThrow(ResourceLimitError);
    expect(() => instantiate(store, wat('(module (table 20000000 funcref))'))).toThrow(/table minimum/);
  });

  it('shares the engine registry: equal types get equal ids across instances', () => {
    const registry = new TypeRegistry();
    const store = makeStore(registry);
    const a = instantiate(store, wat('(module (type (func (param i32))))'));
    const b = instantiate(store, wat('(module (type (func)) (type (func (param i32))))'));
    expect(b.typeIds[1]).toBe(a.typeIds[0]);
  });

  it('fuel and epoch builtins defer to the store', () => {
    const store = makeStore();
    const inst = instantiate(store, wat('(module)'));
    const rt = store.builtins;
    let code: number | undefined;
    try {
      rt.outOfGas(inst.vmctx);
    } catch (e) {
      code = (e as Trap).code;
    }
    expect(code).toBe(TrapCode.OutOfFuel);
    const s2 = { ...makeStore(), newEpoch: () => 3 };
    s2.epochCounter[0] = 10;
    const i2 = instantiate(s2, wat('(module)'));
    rt.newEpoch(i2.vmctx);
    expect(s2.runtimeLimits.epochDeadline).toBe(13);
  });

  it('externref activations table roots values until cleared', () => {
    const t = new ExternRefActivationsTable();
    const o = {};
    t.insert(o);
    t.insert(null);
    expect(t.has(o)).toBe(true);
    expect(t.size).toBe(1);
    t.clear();
    expect(t.size).toBe(0);
    expect(t.has(o)).toBe(false);
  });

  it('externref activations table is bounded: it starts over when full', () => {
    const t = new ExternRefActivationsTable(3);
    const items = [{}, {}, {}, {}];
    for (const o of items) t.insert(o);
    expect(t.size).toBe(1);
    expect(t.has(items[3])).toBe(true);
    expect(t.has(items[0])).toBe(false);
    expect(t.highWater).toBe(3);
    expect(() => new ExternRefActivationsTable(0)).toThrow(RangeError);
  });
});
