// The type section: rec groups, sub types and composite types, iso-recursive canonicalization and
// the declared-supertype checks.
//
// Canonicalization hashes each rec group to a string key in which references inside the group are
// written relative to the group's start and references outside it by their (already computed)
// canonical index; equal keys mean equivalent groups. One map lookup per group keeps it linear.

import { invalid, malformed } from '../errors.js';
import { checkLimit } from '../limits.js';
import { isCompositeSubtype } from '../subtyping.js';
import { recGroupKey } from '../type-registry.js';
import { type CompositeType, type FieldType, type SubType, TypeIndex, type ValType } from '../types.js';
import type { Decoder } from './decoder.js';

function fieldType(d: Decoder): FieldType {
  const r = d.r;
  const b = r.peek();
  let type: number;
  if (b === 0x78 || b === 0x77) {
    r.u8();
    type = b;
  } else type = d.valType();
  const p = r.pos;
  const m = r.u8();
  if (m > 1) malformed('malformed mutability', p);
  return { type, mutable: m === 1 };
}

function compositeType(d: Decoder): CompositeType {
  const r = d.r;
  const p = r.pos;
  const form = r.u8();
  // not opcodes: composite type forms (func 0x60, struct 0x5f, array 0x5e)
  switch (form) {
    case 0x60: {
      const np = d.count('functionParams', 'function parameters');
      const params: ValType[] = [];
      for (let i = 0; i < np; i++) params.push(d.valType());
      const rp = r.pos;
      const nr = d.count('functionResults', 'function results');
      const results: ValType[] = [];
      for (let i = 0; i < nr; i++) results.push(d.valType());
      if (nr > 1) d.need('multiValue', rp);
      return { kind: 'func', params, results };
    }
    case 0x5f: {
      d.need('gc', p);
      const n = d.count('structFields', 'struct fields');
      const fields: FieldType[] = [];
      for (let i = 0; i < n; i++) fields.push(fieldType(d));
      return { kind: 'struct', fields };
    }
    case 0x5e:
      d.need('gc', p);
      return { kind: 'array', field: fieldType(d) };
    default:
      // The form is an s7 in the reference interpreter: a continuation bit means an overlong encoding.
      return malformed(form & 0x80 ? 'integer representation too long' : 'malformed definition type', p);
  }
}

function subType(d: Decoder, index: TypeIndex, recGroup: number): SubType {
  const r = d.r;
  const p = r.pos;
  const b = r.peek();
  let final = true;
  let supertype: TypeIndex | -1 = -1;
  if (b === 0x50 || b === 0x4f) {
    r.u8();
    d.need('gc', p);
    final = b === 0x4f;
    const n = r.u32();
    if (n > 1) invalid('multiple supertypes', p);
    if (n === 1) {
      const sp = r.pos;
      supertype = TypeIndex(r.u32());
      if (supertype >= index) invalid(`unknown type ${supertype}`, sp);
    }
  }
  return { final, supertype, composite: compositeType(d), recGroup, canonical: index };
}

/** Type section (id 1). */
export function typeSection(d: Decoder, groupsByKey: Map<string, number>): void {
  const r = d.r;
  const n = d.count('types', 'types');
  const types = d.types;
  for (let g = 0; g < n; g++) {
    const p = r.pos;
    const start = TypeIndex(types.length);
    let count = 1;
    if (r.peek() === 0x4e) {
      r.u8();
      d.need('gc', p);
      count = d.count('types', 'types', start);
    } else checkLimit('types', start + 1, 'types', p);
    const groupIndex = d.recGroups.length;
    d.typeLimit = start + count;
    for (let i = 0; i < count; i++) types.push(subType(d, TypeIndex(start + i), groupIndex));
    d.recGroups.push({ start, count });

    const key = recGroupKey(types, start, count, (i) => types[i].canonical);
    const same = groupsByKey.get(key);
    if (same === undefined) groupsByKey.set(key, start);
    else for (let i = 0; i < count; i++) types[start + i].canonical = types[same + i].canonical;

    for (let i = start; i < start + count; i++) {
      const t = types[i];
      const s = t.supertype;
      if (s < 0) {
        d.subtypeDepths.push(0);
        continue;
      }
      const depth = d.subtypeDepths[s] + 1;
      checkLimit('subtypeDepth', depth, 'subtype depth', p);
      d.subtypeDepths.push(depth);
      const sup = types[s];
      if (sup.final || !isCompositeSubtype(t.composite, sup.composite, types)) {
        invalid(`sub type ${i} does not match super type ${s}`, p);
      }
    }
  }
  d.typeLimit = types.length;
}
