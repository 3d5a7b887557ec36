// Import type matching at link time (the spec's extern type matching), on engine-canonical types:
// the API's Linker calls these with the importing module's types rewritten by `canonicalValType`.

import type { GlobalType, Limits, MemoryType, TableType } from '@wasmts/environ';
import type { Global } from './global.js';
import type { Memory } from './memory.js';
import type { Table } from './table.js';
import type { TypeRegistry } from './type-registry.js';
import type { Tag } from './values.js';

/** Limits matching: the actual minimum covers the expected one, and the actual maximum fits under it. */
export function matchLimits(actual: Limits, expected: Limits): boolean {
  if (actual.min < expected.min) return false;
  if (expected.max === null) return true;
  return actual.max !== null && actual.max <= expected.max;
}

/** Does a memory instance satisfy an imported memory type? (Its current size counts as its minimum.) */
export function matchMemory(actual: Memory, expected: MemoryType): boolean {
  const t = actual.type;
  if (t.index64 !== expected.index64 || t.shared !== expected.shared) return false;
  if (t.pageSizeLog2 !== expected.pageSizeLog2) return false;
  return matchLimits({ min: actual.pages, max: t.limits.max }, expected.limits);
}

/** Does a table instance satisfy an imported table type (`expected.element` engine-canonical)? */
export function matchTable(registry: TypeRegistry, actual: Table, expected: TableType): boolean {
  if (actual.index64 !== expected.index64) return false;
  const a = actual.element;
  const e = expected.element;
  if (a !== e && !(registry.isValSubtype(a, e) && registry.isValSubtype(e, a))) return false;
  return matchLimits({ min: actual.size, max: actual.type.limits.max }, expected.limits);
}

/** Does a global cell satisfy an imported global type (`expected.type` engine-canonical)? */
export function matchGlobal(registry: TypeRegistry, actual: Global, expected: GlobalType): boolean {
  if (actual.mutable !== expected.mutable) return false;
  if (actual.type === expected.type) return true;
  if (!registry.isValSubtype(actual.type, expected.type)) return false;
  return !expected.mutable || registry.isValSubtype(expected.type, actual.type);
}

/** Does a tag satisfy an imported tag whose function type has engine id `expectedTypeId`? */
export function matchTag(actual: Tag, expectedTypeId: number): boolean {
  return actual.typeId === expectedTypeId;
}
