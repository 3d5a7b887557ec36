import {
  FUNCREF,
  LIBCALL_NAMES,
  MemoryIndex,
  type MemoryType,
  TableIndex,
  type TableType,
  TrapCode,
} from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { createBuiltins, Memory, Table, Trap, TypeRegistry } from '../src/index.js';
import { instantiate, makeStore, wat } from './helpers.js';

const rt = createBuiltins(new TypeRegistry());

function mem(pages: number, index64 = false): Memory {
  const t: MemoryType = { limits: { min: pages, max: null }, shared: false, index64, pageSizeLog2: 16 };
  return new Memory(t);
}
function table(min: number, max: number | null = null, index64 = false): Table {
  const t: TableType = { element: FUNCREF, limits: { min, max }, index64 };
  return new Table(t, null);
}
function trapCode(f: () => unknown): number | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e.code;
    throw e;
  }
  return undefined;
}

describe('builtin names', () => {
  it("has exactly the libcalls of environ's table, each defined", () => {
    expect(Object.keys(rt).sort()).toEqual([...LIBCALL_NAMES].sort());
    for (const n of LIBCALL_NAMES) expect(typeof (rt as Record<string, unknown>)[n]).toBe('function');
  });
  it('has the V128 class and no SIMD operations (codegen runs them inline)', () => {
    expect(new rt.V128(1, 2, 3, 4).d).toBe(4);
    expect((rt as Record<string, unknown>).simd).toBeUndefined();
  });
  it('rt.trap throws a Trap with the code', () => {
    expect(trapCode(() => rt.trap(TrapCode.UnreachableCodeReached))).toBe(TrapCode.UnreachableCodeReached);
    try {
      rt.trap(TrapCode.IntegerOverflow);
    } catch (t) {
      expect(t).toBeInstanceOf(Trap);
      expect(t).toBeInstanceOf(Error);
      expect((t as Trap).message).toBe('integer overflow');
    }
  });
});

describe('memory builtins', () => {
  it('grow in the index type', () => {
    const m = mem(1);
    expect(rt.memoryGrow(m, 1)).toBe(1);
    expect(m.pages).toBe(2);
    expect(rt.memoryGrow(m, -1)).toBe(-1); // 0xffffffff pages
    const m64 = mem(1, true);
    expect(rt.memoryGrow(m64, 2n)).toBe(1n);
    expect(rt.memoryGrow(m64, -1n)).toBe(-1n);
    expect(m64.pages).toBe(3);
  });

  it('fill: bounds checked before writing; zero length at the end is fine', () => {
    const m = mem(1);
    rt.memoryFill(m, 65530, 0x1ff, 6);
    expect([...m.u8.subarray(65530)]).toEqual([255, 255, 255, 255, 255, 255]);
    rt.memoryFill(m, 65536, 0, 0);
    expect(trapCode(() => rt.memoryFill(m, 65537, 0, 0))).toBe(TrapCode.MemoryOutOfBounds);
    m.u8.fill(0);
    expect(trapCode(() => rt.memoryFill(m, 65530, 1, 7))).toBe(TrapCode.MemoryOutOfBounds);
    expect(m.u8.every((b) => b === 0)).toBe(true);
    expect(trapCode(() => rt.memoryFill(m, -1, 1, 1))).toBe(TrapCode.MemoryOutOfBounds);
    const m64 = mem(1, true);
    expect(trapCode(() => rt.memoryFill(m64, 2n ** 64n - 1n, 1, 1n))).toBe(TrapCode.MemoryOutOfBounds);
    rt.memoryFill(m64, 0n, 9, 2n);
    expect(m64.u8[1]).toBe(9);
  });

  it('copy: overlapping both ways, across memories, bounds before writing', () => {
    const m = mem(1);
    m.u8.set([1, 2, 3, 4, 5], 0);
    rt.memoryCopy(m, m, 1, 0, 4);
    expect([...m.u8.subarray(0, 5)]).toEqual([1, 1, 2, 3, 4]);
    rt.memoryCopy(m, m, 0, 1, 4);
    expect([...m.u8.subarray(0, 5)]).toEqual([1, 2, 3, 4, 4]);
    const other = mem(1);
    rt.memoryCopy(other, m, 10, 0, 3);
    expect([...other.u8.subarray(10, 13)]).toEqual([1, 2, 3]);
    rt.memoryCopy(m, m, 65536, 0, 0);
    rt.memoryCopy(m, m, 0, 65536, 0);
    expect(trapCode(() => rt.memoryCopy(m, m, 65537, 0, 0))).toBe(TrapCode.MemoryOutOfBounds);
    expect(trapCode(() => rt.memoryCopy(other, m, 65535, 0, 2))).toBe(TrapCode.MemoryOutOfBounds);
    expect(other.u8[65535]).toBe(0);
  });

  it('init and data.drop per instance', () => {
    const store = makeStore(new TypeRegistry(), rt);
    const module = wat('(module (memory 1) (data "hello") (data $a "xy"))');
    const inst = instantiate(store, module);
    const m = inst.memory(MemoryIndex(0));
    rt.memoryInit(inst.vmctx, m, 0, 100, 1, 4);
    expect(new TextDecoder().decode(m.u8.subarray(100, 104))).toBe('ello');
    rt.memoryInit(inst.vmctx, m, 0, 65536, 5, 0);
    expect(trapCode(() => rt.memoryInit(inst.vmctx, m, 0, 0, 6, 0))).toBe(TrapCode.MemoryOutOfBounds);
    expect(trapCode(() => rt.memoryInit(inst.vmctx, m, 0, 65535, 0, 2))).toBe(TrapCode.MemoryOutOfBounds);
    expect(m.u8[65535]).toBe(0);
    rt.dataDrop(inst.vmctx, 0);
    rt.memoryInit(inst.vmctx, m, 0, 0, 0, 0);
    expect(trapCode(() => rt.memoryInit(inst.vmctx, m, 0, 0, 0, 1))).toBe(TrapCode.MemoryOutOfBounds);
    rt.memoryInit(inst.vmctx, m, 1, 0, 0, 2);
    // A second instance of the same module has its own segments.
    const inst2 = instantiate(store, module);
    rt.memoryInit(inst2.vmctx, inst2.memory(MemoryIndex(0)), 0, 0, 0, 5);
  });
});

describe('table builtins', () => {
  it('grow: old size or -1, in the index type', () => {
    const t = table(2, 4);
    expect(rt.tableGrow(t, 'x', 1)).toBe(2);
    expect(t.elements).toEqual([null, null, 'x']);
    expect(rt.tableGrow(t, null, 2)).toBe(-1);
    expect(rt.tableGrow(t, null, 0)).toBe(3);
    const t64 = table(1, null, true);
    expect(rt.tableGrow(t64, null, 1n)).toBe(1n);
    expect(t64.elements.length).toBe(2);
    expect(rt.tableGrow(t64, null, 2n ** 40n)).toBe(-1n);
  });

  it('fill and copy check bounds before writing', () => {
    const t = table(5);
    rt.tableFill(t, 1, 'f', 3);
    expect(t.elements).toEqual([null, 'f', 'f', 'f', null]);
    rt.tableFill(t, 5, 'g', 0);
    expect(trapCode(() => rt.tableFill(t, 3, 'g', 3))).toBe(TrapCode.TableOutOfBounds);
    expect(t.elements[3]).toBe('f');
    t.elements.splice(0, 5, 1, 2, 3, 4, 5);
    rt.tableCopy(t, t, 1, 0, 4);
    expect(t.elements).toEqual([1, 1, 2, 3, 4]);
    rt.tableCopy(t, t, 0, 1, 4);
    expect(t.elements).toEqual([1, 2, 3, 4, 4]);
    const u = table(2);
    rt.tableCopy(u, t, 0, 3, 2);
    expect(u.elements).toEqual([4, 4]);
    expect(trapCode(() => rt.tableCopy(u, t, 1, 0, 2))).toBe(TrapCode.TableOutOfBounds);
    expect(trapCode(() => rt.tableCopy(t, t, 6, 0, 0))).toBe(TrapCode.TableOutOfBounds);
  });

  it('init and elem.drop', () => {
    const store = makeStore(new TypeRegistry(), rt);
    const inst = instantiate(store, wat('(module (table 4 funcref) (elem func))'));
    inst.setElemSegment(0, ['a', 'b', 'c']);
    const t = inst.table(TableIndex(0));
    rt.tableInit(inst.vmctx, t, 0, 1, 1, 2);
    expect(t.elements).toEqual([null, 'b', 'c', null]);
    expect(trapCode(() => rt.tableInit(inst.vmctx, t, 0, 3, 0, 2))).toBe(TrapCode.TableOutOfBounds);
    expect(trapCode(() => rt.tableInit(inst.vmctx, t, 0, 0, 2, 2))).toBe(TrapCode.TableOutOfBounds);
    rt.elemDrop(inst.vmctx, 0);
    rt.tableInit(inst.vmctx, t, 0, 4, 0, 0);
    expect(trapCode(() => rt.tableInit(inst.vmctx, t, 0, 0, 0, 1))).toBe(TrapCode.TableOutOfBounds);
  });
});
