import { describe, expect, it } from 'vitest';
import {
  DefinedFuncIndex,
  DefinedGlobalIndex,
  DefinedMemoryIndex,
  DefinedTableIndex,
  definedFuncIndex,
  definedGlobalIndex,
  definedMemoryIndex,
  definedTableIndex,
  FuncIndex,
  funcIndexOfDefined,
  GlobalIndex,
  globalIndexOfDefined,
  type ImportCounts,
  MemoryIndex,
  memoryIndexOfDefined,
  TableIndex,
  tableIndexOfDefined,
  type VMOffsets,
} from '../src/index.js';

const counts: ImportCounts = {
  numImportedFuncs: 3,
  numImportedTables: 1,
  numImportedMemories: 0,
  numImportedGlobals: 2,
};

describe('branded index types', () => {
  it('convert between an index space and its defined entities', () => {
    expect(definedFuncIndex(counts, FuncIndex(2))).toBeNull();
    expect(definedFuncIndex(counts, FuncIndex(3))).toBe(0);
    expect(funcIndexOfDefined(counts, DefinedFuncIndex(4))).toBe(7);
    expect(definedTableIndex(counts, TableIndex(0))).toBeNull();
    expect(tableIndexOfDefined(counts, DefinedTableIndex(0))).toBe(1);
    expect(definedMemoryIndex(counts, MemoryIndex(0))).toBe(0);
    expect(memoryIndexOfDefined(counts, DefinedMemoryIndex(1))).toBe(1);
    expect(definedGlobalIndex(counts, GlobalIndex(5))).toBe(3);
    expect(globalIndexOfDefined(counts, DefinedGlobalIndex(3))).toBe(5);
    for (let d = DefinedFuncIndex(0); d < 10; d++) {
      expect(definedFuncIndex(counts, funcIndexOfDefined(counts, d))).toBe(d);
    }
  });

  it('keep one space from standing for another (checked by `pnpm typecheck`)', () => {
    const f = FuncIndex(4);
    const d = DefinedFuncIndex(1);
    // @ts-expect-error a FuncIndex is not a DefinedFuncIndex
    const wrong: DefinedFuncIndex = f;
    // @ts-expect-error a bare number is no index until it is given a space
    const bare: FuncIndex = 4;
    // @ts-expect-error VMOffsets.definedGlobal takes a DefinedGlobalIndex, not a GlobalIndex
    const slot = (o: VMOffsets) => o.definedGlobal(GlobalIndex(0));
    // an index is still a number to read with
    const sum: number = f + d;
    expect([wrong, bare, sum, typeof slot]).toEqual([4, 4, 5, 'function']);
  });
});
