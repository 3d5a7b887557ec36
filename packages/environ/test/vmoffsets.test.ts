import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TUNABLES,
  DefinedGlobalIndex,
  DefinedMemoryIndex,
  DefinedTableIndex,
  DefinedTagIndex,
  decodeModule,
  FUEL_WINDOW,
  FUEL_WINDOW_START,
  FuncIndex,
  GlobalIndex,
  MemoryIndex,
  TableIndex,
  TagIndex,
  TrapCode,
  trapCodeFromName,
  trapCodeName,
  trapMessage,
  tunables,
  VMCTX_HEADER_SLOTS,
  VMOffsets,
  VMRuntimeLimits,
} from '../src/index.js';
import { body, functype, section, str, vec, wasm } from './wasm-bytes.js';

describe('VMOffsets', () => {
  it('lays out regions in order after the header', () => {
    const o = new VMOffsets({
      numImportedFuncs: 2,
      numImportedTables: 1,
      numImportedMemories: 1,
      numImportedGlobals: 3,
      numImportedTags: 0,
      numDefinedTables: 2,
      numDefinedMemories: 1,
      numDefinedGlobals: 4,
      numDefinedTags: 1,
      escapedFuncs: [FuncIndex(1), FuncIndex(4)],
      numFuncs: 6,
    });
    expect(o.importedFunctions).toBe(VMCTX_HEADER_SLOTS);
    expect(o.importedFunction(FuncIndex(1))).toBe(VMCTX_HEADER_SLOTS + 1);
    expect(o.importedTables).toBe(VMCTX_HEADER_SLOTS + 2);
    expect(o.importedMemories).toBe(o.importedTables + 1);
    expect(o.importedGlobals).toBe(o.importedMemories + 1);
    expect(o.importedTags).toBe(o.importedGlobals + 3);
    expect(o.definedTables).toBe(o.importedTags);
    expect(o.definedMemories).toBe(o.definedTables + 2);
    expect(o.definedGlobals).toBe(o.definedMemories + 1);
    expect(o.definedTags).toBe(o.definedGlobals + 4);
    expect(o.funcRefs).toBe(o.definedTags + 1);
    expect(o.size).toBe(o.funcRefs + 2);
    expect(o.global(GlobalIndex(2))).toBe(o.importedGlobal(GlobalIndex(2)));
    expect(o.global(GlobalIndex(3))).toBe(o.definedGlobal(DefinedGlobalIndex(0)));
    expect(o.table(TableIndex(1))).toBe(o.definedTable(DefinedTableIndex(0)));
    expect(o.memory(MemoryIndex(0))).toBe(o.importedMemory(MemoryIndex(0)));
    expect(o.memory(MemoryIndex(1))).toBe(o.definedMemory(DefinedMemoryIndex(0)));
    expect(o.tag(TagIndex(0))).toBe(o.definedTag(DefinedTagIndex(0)));
    expect(o.funcRef(FuncIndex(1))).toBe(o.funcRefs);
    expect(o.funcRef(FuncIndex(4))).toBe(o.funcRefs + 1);
    expect(o.funcRef(FuncIndex(0))).toBe(-1);
    expect(o.funcRef(FuncIndex(99))).toBe(-1);
  });

  it('is computed from a module', () => {
    const m = decodeModule(
      wasm(
        section(1, vec([functype([], [])])),
        section(
          2,
          vec([
            [...str('m'), ...str('f'), 0, 0],
            [...str('m'), ...str('g'), 3, 0x7f, 0],
          ]),
        ),
        section(3, vec([[0], [0]])),
        section(5, vec([[0, 1]])),
        section(6, vec([[0x7f, 1, 0x41, 0, 0x0b]])),
        section(7, vec([[...str('f'), 0, 2]])),
        section(10, vec([body([], []), body([], [])])),
      ),
    );
    const o = new VMOffsets(m);
    expect(o.counts.numImportedFuncs).toBe(1);
    expect(o.counts.numDefinedGlobals).toBe(1);
    expect(o.counts.numDefinedMemories).toBe(1);
    expect(o.global(GlobalIndex(1))).toBe(o.definedGlobal(DefinedGlobalIndex(0)));
    expect(o.funcRef(FuncIndex(2))).toBe(o.funcRefs);
    expect(o.funcRef(FuncIndex(1))).toBe(-1);
    expect(o.size).toBe(VMCTX_HEADER_SLOTS + 1 + 1 + 1 + 1 + 1);
    // every double field starts as the double -0 (one object shape for the store's life), reading as no fuel and 0
    const limits = new VMRuntimeLimits();
    expect(Object.keys(limits)).toEqual([
      'fuelBase',
      'fuelWindow',
      'fuelWindowSize',
      'epochDeadline',
      'stackDepth',
      'stackLimit',
    ]);
    for (const [k, v] of Object.entries(limits))
      if (k !== 'fuelWindow' && k !== 'fuelWindowSize') expect(Object.is(v, -0)).toBe(true);
    expect(limits.fuelConsumed + 0).toBe(0);
    expect(limits.fuelWindow[0]).toBe(0);
  });

  it('keeps the fuel count across its window', () => {
    const limits = new VMRuntimeLimits();
    // the window gets what is left, up to its size (FUEL_WINDOW_START at first); the count reads the same
    limits.fuelConsumed = -100;
    expect(limits.fuelWindow[0]).toBe(100);
    expect(limits.fuelConsumed).toBe(-100);
    limits.fuelConsumed = -(2 ** 52);
    expect(limits.fuelWindow[0]).toBe(FUEL_WINDOW_START);
    limits.fuelWindowSize = FUEL_WINDOW;
    limits.fuelConsumed = -(2 ** 52);
    expect(limits.fuelWindow[0]).toBe(FUEL_WINDOW);
    expect(limits.fuelConsumed).toBe(-(2 ** 52));
    // compiled code consumes from the window (past it, too): the count follows
    limits.fuelWindow[0] -= FUEL_WINDOW + 5;
    expect(limits.fuelConsumed).toBe(-(2 ** 52) + FUEL_WINDOW + 5);
    // nothing left: an empty window, the count past 0 kept
    limits.fuelConsumed = 7;
    expect(limits.fuelWindow[0]).toBe(0);
    expect(limits.fuelConsumed).toBe(7);
  });
});

describe('TrapCode and Tunables', () => {
  it('has the spec messages', () => {
    expect(trapMessage(TrapCode.IntegerDivisionByZero)).toBe('integer divide by zero');
    expect(trapMessage(TrapCode.IndirectCallToNull)).toBe('uninitialized element');
    expect(trapMessage(TrapCode.StackOverflow)).toBe('call stack exhausted');
    expect(trapCodeName(TrapCode.CastFailure)).toBe('CastFailure');
    expect(trapCodeFromName('OutOfFuel')).toBe(TrapCode.OutOfFuel);
    expect(trapCodeFromName('__proto__')).toBeUndefined();
    for (const code of Object.values(TrapCode)) expect(trapMessage(code)).not.toMatch(/^trap /);
  });

  it('applies overrides to the defaults', () => {
    expect(tunables({ consumeFuel: true }).consumeFuel).toBe(true);
    expect(tunables().maxWasmStack).toBe(DEFAULT_TUNABLES.maxWasmStack);
  });
});
