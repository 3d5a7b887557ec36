// Iso-recursive type identity by hashing rec groups, within a module (`SubType.canonical`, computed by
// the decoder) and across modules (`TypeRegistry`, one per engine: engine-wide type ids that the runtime
// stores in VMCTX_TYPE_IDS for call_indirect checks and import matching).
//
// A rec group's key lists its types structurally; a reference to a type inside the group is written
// relative to the group's start, a reference outside it by an id given by the caller (a canonical index
// within a module, an engine-wide id in the registry). Equal keys mean equivalent groups.

import { type FieldType, REF_BASE, type RecGroup, refHeap, type SubType, type ValType } from './types.js';

function valKey(t: ValType, start: number, outside: (index: number) => number): string {
  if (t < REF_BASE) return String(t);
  const h = refHeap(t);
  if (h < 0) return String(t);
  const nullable = (t & 1) === 1 ? 'n' : '';
  return h >= start ? `r${h - start}${nullable}` : `c${outside(h)}${nullable}`;
}

function fieldKey(f: FieldType, start: number, outside: (index: number) => number): string {
  return (f.mutable ? 'm' : 'i') + valKey(f.type, start, outside);
}

/**
 * The structural key of the rec group `types[start .. start+count)`; `outside(i)` names type `i < start`.
 * Two groups are iso-recursively equivalent exactly when their keys are equal.
 */
export function recGroupKey(
  types: readonly SubType[],
  start: number,
  count: number,
  outside: (index: number) => number,
): string {
  let key = '';
  for (let i = start; i < start + count; i++) {
    const t = types[i];
    key += t.final ? 'F' : 'S';
    if (t.supertype >= 0) key += t.supertype >= start ? `^r${t.supertype - start}` : `^c${outside(t.supertype)}`;
    const c = t.composite;
    if (c.kind === 'func') {
      key += '(';
      for (const v of c.params) key += `${valKey(v, start, outside)},`;
      key += '->';
      for (const v of c.results) key += `${valKey(v, start, outside)},`;
      key += ')';
    } else if (c.kind === 'struct') {
      key += '{';
      for (const f of c.fields) key += `${fieldKey(f, start, outside)},`;
      key += '}';
    } else {
      key += `[${fieldKey(c.field, start, outside)}]`;
    }
    key += ';';
  }
  return key;
}

/** What `TypeRegistry.register` needs from a module. */
export interface TypeSection {
  readonly types: readonly SubType[];
  readonly recGroups: readonly RecGroup[];
}

/**
 * Engine-wide type ids: equivalent types of any modules registered get the same id, and `isSubtype`
 * answers declared subtyping between ids. Ids are never reused (registries live as long as their engine).
 */
export class TypeRegistry {
  private readonly groups = new Map<string, number>();
  /** Declared supertype id of each id, or -1. */
  private readonly supers: number[] = [];
  /** Composite kind of each id: 0 func, 1 struct, 2 array. */
  private readonly kinds: number[] = [];

  /** Number of ids handed out. */
  get size(): number {
    return this.supers.length;
  }

  /** Registers a module's types and returns the engine-wide id of each type index. */
  register(module: TypeSection): Int32Array {
    const { types, recGroups } = module;
    const ids = new Int32Array(types.length);
    const outside = (i: number) => ids[i];
    for (const g of recGroups) {
      const key = recGroupKey(types, g.start, g.count, outside);
      let first = this.groups.get(key);
      if (first === undefined) {
        first = this.supers.length;
        this.groups.set(key, first);
        for (let i = 0; i < g.count; i++) {
          const t = types[g.start + i];
          const s = t.supertype;
          this.supers.push(s < 0 ? -1 : s >= g.start ? first + (s - g.start) : ids[s]);
          const kind = t.composite.kind;
          this.kinds.push(kind === 'func' ? 0 : kind === 'struct' ? 1 : 2);
        }
      }
      for (let i = 0; i < g.count; i++) ids[g.start + i] = first + i;
    }
    return ids;
  }

  /** True if id `a` is id `b` or declares it (transitively) as a supertype. */
  isSubtype(a: number, b: number): boolean {
    for (let t = a; t >= 0; t = this.supers[t]) if (t === b) return true;
    return false;
  }

  /** True if id `a` names a function type. */
  isFunc(a: number): boolean {
    return this.kinds[a] === 0;
  }
}
