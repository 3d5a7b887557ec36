// Engine-wide type identity (iso-recursive canonicalization across modules), like wasmtime's
// TypeRegistry. Each registered rec group is keyed structurally (environ's `recGroupKey`): references
// inside the group are relative to its start, references outside it are engine ids, so equivalent groups
// of different modules meet in one Map lookup and get the same ids.
//
// For each id the registry keeps an engine-canonical `SubType` (its concrete heap types rewritten to engine
// ids, so environ's subtyping functions work over `types` unchanged) and an `Rtt` with the supertype chain,
// which makes a declared-subtype test two array reads.
//
// Ids are unique in the process, not only in the engine: one counter serves every registry and never
// hands an id out twice. A GC object or function reference of another engine therefore never passes a
// cast or signature check of this one (their ids never meet), and an id freed with a dropped module
// (below) is never reused, so an object that outlives every module of its type matches no later type.
// `types` and `rtts` are indexed by id and hold only this registry's live ids (holes elsewhere).
//
// A module's registration lives as long as the `Int32Array` of ids `register` returns (the module, its
// runtime info and every instance hold it): when that array is collected, each of its rec groups loses
// one reference, and a group with none left is forgotten (wasmtime's registry does the same with
// reference counts). Function types registered for host functions and tags (`registerFuncType`) are kept
// for the registry's lifetime, as are the groups they refer to.

import {
  type CompositeType,
  F32,
  F64,
  type FieldType,
  type FuncType,
  I8,
  I16,
  I32,
  I64,
  isHeapSubtype,
  isRef,
  isSubtype as isValSubtypeIn,
  type RecGroup,
  recGroupKey,
  refHeap,
  refNullable,
  refType,
  type StorageType,
  type SubType,
  TypeIndex,
  type TypeSection,
  V128,
  type ValType,
} from '@wasmts/environ';
import { V128 as V128Value } from './simd/v128.js';

/** Composite kinds as numbers, for fast switches. */
export const CompositeKind = { Func: 0, Struct: 1, Array: 2 } as const;
/** See `CompositeKind`. */
export type CompositeKind = (typeof CompositeKind)[keyof typeof CompositeKind];

/**
 * Runtime type information of one engine type id: what GC objects carry as `rtt` (docs/js-abi.md).
 * A cast to a concrete type `t` is `o.rtt.depth >= t.depth && o.rtt.supers[t.depth] === t.typeId`.
 */
export interface Rtt {
  /** The engine-wide type id. */
  readonly typeId: number;
  /** Number of declared supertypes above this type. */
  readonly depth: number;
  /** Ids of this type's supertype chain, index = depth; `supers[depth] === typeId`. */
  readonly supers: Int32Array;
  /** 0 func, 1 struct, 2 array. */
  readonly kind: CompositeKind;
  /** The composite type, engine-canonical (concrete heap types are engine ids). */
  readonly composite: CompositeType;
  /** Default value of each struct field (empty for non-structs). */
  readonly fieldDefaults: readonly unknown[];
  /** Storage type of each struct field, or a one-element list with the array's element type. */
  readonly storage: readonly StorageType[];
  /** Default value of an array's elements (undefined for non-arrays). */
  readonly elemDefault: unknown;
}

/** The default value of a storage type (`struct.new_default`, `array.new_default`, fresh globals and locals). */
export function defaultValue(t: StorageType): unknown {
  switch (t) {
    case I32:
    case I8:
    case I16:
    case F32:
    case F64:
      return 0;
    case I64:
      return 0n;
    case V128:
      return V128Value.ZERO;
    default:
      return null;
  }
}

/** Rewrites a module value type into engine-canonical form: a concrete heap type becomes its engine id. */
export function canonicalValType(t: ValType, typeIds: Int32Array): ValType {
  if (!isRef(t)) return t;
  const h = refHeap(t);
  return h < 0 ? t : refType(typeIds[h], refNullable(t));
}

function canonicalField(f: FieldType, ids: Int32Array): FieldType {
  return { type: canonicalValType(f.type, ids), mutable: f.mutable };
}

function canonicalComposite(c: CompositeType, ids: Int32Array): CompositeType {
  switch (c.kind) {
    case 'func':
      return {
        kind: 'func',
        params: c.params.map((t) => canonicalValType(t, ids)),
        results: c.results.map((t) => canonicalValType(t, ids)),
      };
    case 'struct':
      return { kind: 'struct', fields: c.fields.map((f) => canonicalField(f, ids)) };
    default:
      return { kind: 'array', field: canonicalField(c.field, ids) };
  }
}

/** The next type id of any registry in the process (ids are never reused, see the file comment). */
let nextTypeId = 0;
/** Ids fit the Int32Arrays that instances keep them in. */
const MAX_TYPE_ID = 0x7fffffff;

/** One registered rec group: its ids and how many module registrations hold it. */
interface GroupEntry {
  readonly key: string;
  readonly first: number;
  readonly count: number;
  /** Module registrations holding the group. */
  refs: number;
  /** Held for the registry's lifetime (a host function type, or a group one refers to). */
  pinned: boolean;
}

/** The engine's type registry: engine-wide ids for the types of every module compiled in the engine. */
export class TypeRegistry {
  private readonly groups = new Map<string, GroupEntry>();
  /** The group of each live id. */
  private readonly entries: GroupEntry[] = [];
  private live = 0;
  /** Releases a module's groups when its id array is collected (null on hosts without it). */
  private readonly released: FinalizationRegistry<GroupEntry[]> | null =
    typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((held) => this.release(held)) : null;
  /** The id of each engine-canonical composite type object this registry made (see `registerFuncType`). */
  private readonly compositeIds = new WeakMap<CompositeType, number>();
  /** Engine-canonical SubType of each id (`canonical` is the id itself; `supertype` an id or -1). */
  readonly types: SubType[] = [];
  /** Runtime type information of each id. */
  readonly rtts: Rtt[] = [];

  /** Number of live ids (types of modules still alive, of host functions and tags). */
  get size(): number {
    return this.live;
  }

  /** True if `id` is a live id of this registry. */
  has(id: number): boolean {
    return this.types[id] !== undefined;
  }

  /**
   * True if `rtt` is this registry's runtime type of a live id: a GC object whose rtt it is belongs to
   * this engine (objects of another engine, or of a type forgotten since, are not).
   */
  owns(rtt: Rtt): boolean {
    return this.rtts[rtt.typeId] === rtt;
  }

  /**
   * Registers a module's rec groups; returns the engine-wide id of each of its type indices. The ids stay
   * registered while the returned array is reachable.
   */
  register(module: TypeSection): Int32Array {
    const { types, recGroups } = module;
    const ids = new Int32Array(types.length);
    const held: GroupEntry[] = [];
    for (let g = 0; g < recGroups.length; g++) {
      const entry = this.registerGroup(types, recGroups[g], g, ids);
      entry.refs++;
      held.push(entry);
    }
    if (held.length > 0) {
      if (this.released !== null) this.released.register(ids, held);
      else for (const e of held) e.pinned = true;
    }
    return ids;
  }

  /** A module's id array was collected: its groups lose a reference; unheld ones are forgotten. */
  private release(held: readonly GroupEntry[]): void {
    for (const e of held) {
      if (--e.refs > 0 || e.pinned) continue;
      this.groups.delete(e.key);
      for (let id = e.first; id < e.first + e.count; id++) {
        delete this.types[id];
        delete this.rtts[id];
        delete this.entries[id];
      }
      this.live -= e.count;
    }
  }

  /**
   * Registers a function type whose concrete heap types are engine ids already (a host function's or a host
   * tag's type, as `Func.ty()` or `Module.imports()` give it); returns its id. A type this registry handed
   * out is its own id; any other is a final type alone in its rec group, like `(type (func ...))` in a
   * module. Throws a TypeError for a heap type that is no id of this registry.
   */
  registerFuncType(type: FuncType): number {
    const known = this.compositeIds.get(type);
    if (known !== undefined && this.has(known)) {
      this.pin(this.entries[known]);
      return known;
    }
    // The ids it refers to become the type indices before it, so they key and canonicalize as outside
    // references; those indices are never read as types.
    const outside: number[] = [];
    const local = (t: ValType): ValType => {
      if (!isRef(t)) return t;
      const h = refHeap(t);
      if (h < 0) return t;
      if (!Number.isInteger(h) || !this.has(h)) throw new TypeError(`unknown type id ${h}`);
      let i = outside.indexOf(h);
      if (i < 0) i = outside.push(h) - 1;
      return refType(i, refNullable(t));
    };
    const composite: FuncType = { kind: 'func', params: type.params.map(local), results: type.results.map(local) };
    const start = TypeIndex(outside.length);
    const types: SubType[] = new Array<SubType>(start + 1);
    types[start] = { final: true, supertype: -1, composite, recGroup: 0, canonical: start };
    const ids = new Int32Array(start + 1);
    ids.set(outside);
    this.pin(this.registerGroup(types, { start, count: 1 }, 0, ids));
    return ids[start];
  }

  /** Keeps a group, and every group its types refer to, for the registry's lifetime. */
  private pin(entry: GroupEntry): void {
    if (entry.pinned) return;
    entry.pinned = true;
    const visit = (t: ValType) => {
      if (!isRef(t)) return;
      const h = refHeap(t);
      if (h >= 0 && (h < entry.first || h >= entry.first + entry.count)) this.pin(this.entries[h]);
    };
    for (let id = entry.first; id < entry.first + entry.count; id++) {
      const t = this.types[id];
      if (t.supertype >= 0 && t.supertype < entry.first) this.pin(this.entries[t.supertype]);
      const c = t.composite;
      if (c.kind === 'func') {
        c.params.forEach(visit);
        c.results.forEach(visit);
      } else if (c.kind === 'struct') for (const f of c.fields) visit(f.type);
      else visit(c.field.type);
    }
  }

  /**
   * Registers rec group `group` (number `g` of its module) of `types`: sets the ids of its members in `ids`,
   * where the ids of the types before it are set already.
   */
  private registerGroup(types: readonly SubType[], group: RecGroup, g: number, ids: Int32Array): GroupEntry {
    const { start, count } = group;
    const key = recGroupKey(types, start, count, (i) => ids[i]);
    const known = this.groups.get(key);
    if (known !== undefined) {
      for (let i = 0; i < count; i++) ids[start + i] = known.first + i;
      return known;
    }
    if (nextTypeId + count > MAX_TYPE_ID) throw new RangeError('type registry: out of type ids');
    const first = nextTypeId;
    nextTypeId += count;
    const entry: GroupEntry = { key, first, count, refs: 0, pinned: false };
    this.groups.set(key, entry);
    this.live += count;
    for (let i = 0; i < count; i++) ids[start + i] = first + i;
    for (let i = 0; i < count; i++) {
      const t = types[start + i];
      const id = first + i;
      const composite = canonicalComposite(t.composite, ids);
      this.compositeIds.set(composite, id);
      this.entries[id] = entry;
      // The registry's own table is indexed by engine id: there an engine id is the TypeIndex.
      this.types[id] = {
        final: t.final,
        supertype: t.supertype < 0 ? -1 : TypeIndex(ids[t.supertype]),
        composite,
        recGroup: g,
        canonical: TypeIndex(id),
      };
    }
    // A declared supertype always has a smaller index, so its rtt exists before its subtypes'.
    for (let i = 0; i < count; i++) this.rtts[first + i] = this.makeRtt(first + i);
    return entry;
  }

  private makeRtt(id: number): Rtt {
    const t = this.types[id];
    const superId = t.supertype;
    const parent = superId < 0 ? null : this.rtts[superId];
    const depth = parent === null ? 0 : parent.depth + 1;
    const supers = new Int32Array(depth + 1);
    if (parent !== null) supers.set(parent.supers);
    supers[depth] = id;
    const c = t.composite;
    let kind: CompositeKind = CompositeKind.Func;
    let storage: StorageType[] = [];
    let fieldDefaults: unknown[] = [];
    let elemDefault: unknown;
    if (c.kind === 'struct') {
      kind = CompositeKind.Struct;
      storage = c.fields.map((f) => f.type);
      // Generic elements (not doubles): V8 would quiet signalling NaNs stored into a copy later.
      fieldDefaults = new Array<unknown>(storage.length).fill(null);
      for (let i = 0; i < storage.length; i++) fieldDefaults[i] = defaultValue(storage[i]);
    } else if (c.kind === 'array') {
      kind = CompositeKind.Array;
      storage = [c.field.type];
      elemDefault = defaultValue(c.field.type);
    }
    return { typeId: id, depth, supers, kind, composite: c, fieldDefaults, storage, elemDefault };
  }

  /** True if id `a` is id `b` or declares it (transitively) as a supertype. Constant time. */
  isSubtype(a: number, b: number): boolean {
    if (a === b) return true;
    const ra = this.rtts[a];
    const rb = this.rtts[b];
    if (ra === undefined || rb === undefined) return false;
    const d = rb.depth;
    return ra.depth > d && ra.supers[d] === b;
  }

  /** Import matching for functions: the actual function type must be a subtype of the expected one. */
  matchFuncType(actualId: number, expectedId: number): boolean {
    return this.isSubtype(actualId, expectedId);
  }

  /** True if engine-canonical value type `a` is a subtype of `b` (see `canonicalValType`). */
  isValSubtype(a: ValType, b: ValType): boolean {
    return isValSubtypeIn(a, b, this.types);
  }

  /** True if engine-canonical heap type `a` is a subtype of heap type `b`. */
  isHeapSubtype(a: number, b: number): boolean {
    return isHeapSubtype(a, b, this.types);
  }

  /** The runtime type information of an id. */
  rtt(id: number): Rtt {
    return this.rtts[id];
  }

  /** The engine-canonical composite type of an id. */
  composite(id: number): CompositeType {
    return this.types[id].composite;
  }

  /** The engine-canonical function type of an id (throws if the id is not a function type). */
  funcType(id: number): FuncType {
    const c = this.types[id].composite;
    if (c.kind !== 'func') throw new TypeError(`type ${id} is not a function type`);
    return c;
  }

  /** True if id `a` names a function type. */
  isFunc(id: number): boolean {
    return this.rtts[id].kind === CompositeKind.Func;
  }
}
