// GC operators (0xfb prefix): structs, arrays, casts, i31 and the extern/any conversions.

import { malformed } from '../errors.js';
import { checkLimit } from '../limits.js';
import { topHeapType } from '../subtyping.js';
import {
  ANYREF,
  ARRAYREF,
  type ArrayType,
  EXTERNREF,
  type FieldType,
  HeapKind,
  I8,
  I16,
  I31REF,
  I32,
  REF_BASE,
  refHeap,
  refType,
  type StorageType,
  type StructType,
  type ValType,
  withNullable,
} from '../types.js';
import type { FuncValidator } from './state.js';

function structType(v: FuncValidator, x: number): StructType {
  if (x >= v.types.length) v.fail(`unknown type ${x}`);
  const c = v.types[x].composite;
  if (c.kind !== 'struct') v.fail(`type mismatch: type ${x} is not a struct type`);
  return c;
}

function arrayType(v: FuncValidator, x: number): ArrayType {
  if (x >= v.types.length) v.fail(`unknown type ${x}`);
  const c = v.types[x].composite;
  if (c.kind !== 'array') v.fail(`type mismatch: type ${x} is not an array type`);
  return c;
}

function field(v: FuncValidator, st: StructType, i: number): FieldType {
  if (i >= st.fields.length) v.fail(`unknown field ${i}`);
  return st.fields[i];
}

function isPacked(t: StorageType): boolean {
  return t === I8 || t === I16;
}

function unpack(t: StorageType): ValType {
  return t === I8 || t === I16 ? I32 : t;
}

function defaultable(t: StorageType): boolean {
  return t < REF_BASE || (t & 1) === 1;
}

/** Checks the _s/_u suffix against the field's packedness. */
function checkPacking(v: FuncValidator, t: StorageType, signed: boolean): void {
  if (signed !== isPacked(t)) v.fail(signed ? 'type mismatch: field is not packed' : 'type mismatch: field is packed');
}

function mutableArray(v: FuncValidator, x: number): ArrayType {
  const at = arrayType(v, x);
  if (!at.field.mutable) v.fail('immutable array');
  return at;
}

function numericOrVector(v: FuncValidator, t: StorageType): void {
  if (t >= REF_BASE) v.fail('array type is not numeric or vector');
}

/** Reads a cast's target heap type and returns `(ref null? ht)`. */
function castTarget(v: FuncValidator, nullable: boolean): ValType {
  return refType(v.readHeapType(), nullable);
}

/** `rt1 \ rt2`: what is left of rt1 when the values of rt2 are taken out (only null can be). */
function diff(rt1: ValType, rt2: ValType): ValType {
  return (rt2 & 1) === 1 ? withNullable(rt1, false) : rt1;
}

/** Validates the GC operator with sub-opcode `sub`. */
export function validateGc(v: FuncValidator, sub: number): void {
  switch (sub) {
    case 0: {
      // struct.new
      const x = v.u32();
      const st = structType(v, x);
      for (let i = st.fields.length - 1; i >= 0; i--) v.pop(unpack(st.fields[i].type));
      v.push(refType(x, false));
      return;
    }
    case 1: {
      // struct.new_default
      const x = v.u32();
      const st = structType(v, x);
      for (const f of st.fields) if (!defaultable(f.type)) v.fail('type mismatch: field type is not defaultable');
      v.push(refType(x, false));
      return;
    }
    case 2:
    case 3:
    case 4: {
      // struct.get, struct.get_s, struct.get_u
      const x = v.u32();
      const f = field(v, structType(v, x), v.u32());
      checkPacking(v, f.type, sub !== 2);
      v.pop(refType(x, true));
      v.push(unpack(f.type));
      return;
    }
    case 5: {
      // struct.set
      const x = v.u32();
      const f = field(v, structType(v, x), v.u32());
      if (!f.mutable) v.fail('immutable field');
      v.pop(unpack(f.type));
      v.pop(refType(x, true));
      return;
    }
    case 6: {
      // array.new
      const x = v.u32();
      const at = arrayType(v, x);
      v.pop(I32);
      v.pop(unpack(at.field.type));
      v.push(refType(x, false));
      return;
    }
    case 7: {
      // array.new_default
      const x = v.u32();
      const at = arrayType(v, x);
      if (!defaultable(at.field.type)) v.fail('type mismatch: array type is not defaultable');
      v.pop(I32);
      v.push(refType(x, false));
      return;
    }
    case 8: {
      // array.new_fixed
      const x = v.u32();
      const at = arrayType(v, x);
      const np = v.pos;
      let n = v.u32();
      checkLimit('arrayNewFixedOperands', n, 'array.new_fixed operands', np);
      const t = unpack(at.field.type);
      const avail = v.sp - v.height;
      // in unreachable code the missing operands are all bottom: no need to pop them one by one
      if (n > avail && v.unreach) n = avail;
      for (let i = 0; i < n; i++) v.pop(t);
      v.push(refType(x, false));
      return;
    }
    case 9: {
      // array.new_data
      const x = v.u32();
      const at = arrayType(v, x);
      const d = v.u32();
      numericOrVector(v, at.field.type);
      v.dataIndex(d);
      v.pop(I32);
      v.pop(I32);
      v.push(refType(x, false));
      return;
    }
    case 10: {
      // array.new_elem
      const x = v.u32();
      const at = arrayType(v, x);
      const et = v.elemType(v.u32());
      if (!v.sub(et, at.field.type)) v.fail('type mismatch: element segment does not match the array');
      v.pop(I32);
      v.pop(I32);
      v.push(refType(x, false));
      return;
    }
    case 11:
    case 12:
    case 13: {
      // array.get, array.get_s, array.get_u
      const x = v.u32();
      const at = arrayType(v, x);
      checkPacking(v, at.field.type, sub !== 11);
      v.pop(I32);
      v.pop(refType(x, true));
      v.push(unpack(at.field.type));
      return;
    }
    case 14: {
      // array.set
      const x = v.u32();
      const at = mutableArray(v, x);
      v.pop(unpack(at.field.type));
      v.pop(I32);
      v.pop(refType(x, true));
      return;
    }
    case 15: // array.len
      v.pop(ARRAYREF);
      v.push(I32);
      return;
    case 16: {
      // array.fill
      const x = v.u32();
      const at = mutableArray(v, x);
      v.pop(I32);
      v.pop(unpack(at.field.type));
      v.pop(I32);
      v.pop(refType(x, true));
      return;
    }
    case 17: {
      // array.copy
      const x = v.u32();
      const y = v.u32();
      const dst = mutableArray(v, x);
      const src = arrayType(v, y);
      if (!v.sub(src.field.type, dst.field.type)) v.fail('array types do not match');
      v.pop(I32);
      v.pop(I32);
      v.pop(refType(y, true));
      v.pop(I32);
      v.pop(refType(x, true));
      return;
    }
    case 18: {
      // array.init_data
      const x = v.u32();
      const at = mutableArray(v, x);
      const d = v.u32();
      numericOrVector(v, at.field.type);
      v.dataIndex(d);
      v.pop(I32);
      v.pop(I32);
      v.pop(I32);
      v.pop(refType(x, true));
      return;
    }
    case 19: {
      // array.init_elem
      const x = v.u32();
      const at = mutableArray(v, x);
      const et = v.elemType(v.u32());
      if (!v.sub(et, at.field.type)) v.fail('type mismatch: element segment does not match the array');
      v.pop(I32);
      v.pop(I32);
      v.pop(I32);
      v.pop(refType(x, true));
      return;
    }
    case 20:
    case 21:
    case 22:
    case 23: {
      // ref.test, ref.test null, ref.cast, ref.cast null
      const rt = castTarget(v, sub === 21 || sub === 23);
      v.pop(refType(topHeapType(refHeap(rt), v.types), true));
      v.push(sub < 22 ? I32 : rt);
      return;
    }
    case 24:
    case 25: {
      // br_on_cast, br_on_cast_fail
      const flags = v.u8();
      if (flags > 3) malformed('malformed cast flags', v.pos - 1);
      const f = v.label(v.u32());
      const rt1 = castTarget(v, (flags & 1) === 1);
      const rt2 = castTarget(v, (flags & 2) === 2);
      if (!v.sub(rt2, rt1)) v.fail('type mismatch: cast target does not match the source type');
      const labels = v.labelTypes(f);
      const n = labels.length;
      if (n === 0) v.fail('type mismatch: label has no reference type');
      const branchType = sub === 24 ? rt2 : diff(rt1, rt2);
      if (!v.sub(branchType, labels[n - 1])) v.fail('type mismatch: cast result does not match the label');
      v.pop(rt1);
      const rest = labels.slice(0, n - 1);
      v.popList(rest);
      v.pushList(rest);
      v.push(sub === 24 ? diff(rt1, rt2) : rt2);
      return;
    }
    case 26: {
      // any.convert_extern
      const t = v.pop(EXTERNREF);
      v.push(refType(HeapKind.Any, (t & 1) === 1));
      return;
    }
    case 27: {
      // extern.convert_any
      const t = v.pop(ANYREF);
      v.push(refType(HeapKind.Extern, (t & 1) === 1));
      return;
    }
    case 28: // ref.i31
      v.pop(I32);
      v.push(refType(HeapKind.I31, false));
      return;
    case 29:
    case 30: // i31.get_s, i31.get_u
      v.pop(I31REF);
      v.push(I32);
      return;
    default:
      throw new Error(`validator: no rule for 0xfb ${sub}`);
  }
}
