// Constant expressions (global and table initializers, segment offsets and items): decoded and
// type-checked here with a tiny operand stack; the module keeps only their byte ranges.

import { invalid, malformed } from '../errors.js';
import type { Feature, WasmFeatures } from '../features.js';
import type { ConstExpr, GlobalDecl } from '../module.js';
import { OPS, OPS_FB, OPS_FC, OPS_FD } from '../operators.js';
import type { BinaryReader } from '../reader.js';
import { isSubtype } from '../subtyping.js';
import {
  F32,
  F64,
  FuncIndex,
  HeapKind,
  type HeapType,
  I32,
  I64,
  REF_BASE,
  refNullable,
  refType,
  type SubType,
  unpacked,
  V128,
  type ValType,
  valTypeToString,
} from '../types.js';

/** What a constant expression reads of the module decoded so far (the module `Decoder` is one). */
export interface ConstExprScope {
  readonly r: BinaryReader;
  readonly features: WasmFeatures;
  readonly featuresUsed: Set<string>;
  readonly types: readonly SubType[];
  readonly functions: readonly number[];
  readonly globals: readonly GlobalDecl[];
  readonly numImportedGlobals: number;
  readonly declaredFuncRefs: Set<number>;
  readonly sectionEnd: number;
  need(feature: Exclude<Feature, 'mvp'>, offset: number): void;
  heapType(): HeapType;
}

// Reused operand stack: constant expressions are short and never nest calls to this function.
const stack: ValType[] = [];

function pop(expected: ValType, d: ConstExprScope, offset: number): ValType {
  const t = stack.pop();
  if (t === undefined) invalid('type mismatch: constant expression stack is empty', offset);
  if (!isSubtype(t, expected, d.types)) {
    invalid(`type mismatch: expected ${valTypeToString(expected)}, found ${valTypeToString(t)}`, offset);
  }
  return t;
}

function popRef(d: ConstExprScope, offset: number, heap: number): ValType {
  const t = stack.pop();
  if (t === undefined) invalid('type mismatch: constant expression stack is empty', offset);
  if (t < REF_BASE || !isSubtype(t, refType(heap, true), d.types)) {
    invalid(`type mismatch: expected a reference, found ${valTypeToString(t)}`, offset);
  }
  return t;
}

function notConstant(prefix: number, code: number, offset: number): never {
  const known =
    prefix === 0 ? OPS[code] : prefix === 0xfb ? OPS_FB[code] : prefix === 0xfc ? OPS_FC[code] : OPS_FD[code];
  if (known === undefined) malformed(prefix === 0 ? `illegal opcode ${code.toString(16)}` : 'illegal opcode', offset);
  return invalid('constant expression required', offset);
}

function structType(d: ConstExprScope, index: number, offset: number) {
  if (index >= d.types.length) invalid(`unknown type ${index}`, offset);
  const c = d.types[index].composite;
  if (c.kind !== 'struct') invalid(`type mismatch: type ${index} is not a struct type`, offset);
  return c;
}

function arrayType(d: ConstExprScope, index: number, offset: number) {
  if (index >= d.types.length) invalid(`unknown type ${index}`, offset);
  const c = d.types[index].composite;
  if (c.kind !== 'array') invalid(`type mismatch: type ${index} is not an array type`, offset);
  return c;
}

function defaultable(t: ValType): boolean {
  return t < REF_BASE || refNullable(t);
}

/**
 * Reads a constant expression producing `expected`, checks it and returns its byte range (through
 * the final `end`). `globalLimit` is how many globals are visible (those defined before a global).
 */
export function constExpr(d: ConstExprScope, expected: ValType, globalLimit: number): ConstExpr {
  const r = d.r;
  const start = r.pos;
  stack.length = 0;
  for (;;) {
    const p = r.pos;
    if (p >= d.sectionEnd) malformed('unexpected end of section or function', p);
    const op = r.u8();
    switch (op) {
      case 0x0b: {
        // end
        if (stack.length !== 1) {
          invalid(`type mismatch: constant expression leaves ${stack.length} values, expected 1`, p);
        }
        pop(expected, d, p);
        return { start, end: r.pos };
      }
      case 0x41: // i32.const
        r.s32();
        stack.push(I32);
        break;
      case 0x42: // i64.const
        r.s64();
        stack.push(I64);
        break;
      case 0x43: // f32.const
        r.skip(4);
        stack.push(F32);
        break;
      case 0x44: // f64.const
        r.skip(8);
        stack.push(F64);
        break;
      case 0x23: {
        // global.get
        const g = r.u32();
        if (g >= globalLimit || (g >= d.numImportedGlobals && !d.features.gc)) invalid(`unknown global ${g}`, p);
        if (g >= d.numImportedGlobals) d.featuresUsed.add('gc');
        const gt = d.globals[g].type;
        if (gt.mutable) invalid('constant expression required', p);
        stack.push(gt.type);
        break;
      }
      case 0xd0: {
        // ref.null
        d.need('referenceTypes', p);
        stack.push(refType(d.heapType(), true));
        break;
      }
      case 0xd2: {
        // ref.func
        d.need('referenceTypes', p);
        const f = FuncIndex(r.u32());
        if (f >= d.functions.length) invalid(`unknown function ${f}`, p);
        d.declaredFuncRefs.add(f);
        stack.push(refType(d.functions[f], false));
        break;
      }
      case 0x6a: // i32.add
      case 0x6b: // i32.sub
      case 0x6c: // i32.mul
      case 0x7c: // i64.add
      case 0x7d: // i64.sub
      case 0x7e: {
        // i64.mul
        if (!d.features.extendedConst) notConstant(0, op, p);
        d.featuresUsed.add('extendedConst');
        const t = op < 0x7c /* i64.add */ ? I32 : I64;
        pop(t, d, p);
        pop(t, d, p);
        stack.push(t);
        break;
      }
      case 0xfd: {
        // simd prefix
        const code = r.u32();
        if (code !== 12) notConstant(0xfd, code >= OPS_FD.length ? -1 : code, p);
        d.need('simd', p);
        r.skip(16);
        stack.push(V128);
        break;
      }
      case 0xfb: {
        // gc prefix
        const code = r.u32();
        gcOp(d, code, p);
        break;
      }
      case 0xfc: {
        // misc prefix
        const code = r.u32();
        notConstant(0xfc, code >= OPS_FC.length ? -1 : code, p);
        break;
      }
      default:
        notConstant(0, op, p);
    }
  }
}

function gcOp(d: ConstExprScope, code: number, p: number): void {
  const r = d.r;
  switch (code) {
    case 0: // struct.new
    case 1: {
      // struct.new_default
      d.need('gc', p);
      const tp = r.pos;
      const x = r.u32();
      const st = structType(d, x, tp);
      if (code === 0) {
        for (let i = st.fields.length - 1; i >= 0; i--) pop(unpacked(st.fields[i].type), d, p);
      } else {
        for (const f of st.fields) {
          if (!defaultable(f.type)) invalid(`type mismatch: field of type ${x} is not defaultable`, p);
        }
      }
      stack.push(refType(x, false));
      return;
    }
    case 6: // array.new
    case 7: // array.new_default
    case 8: {
      // array.new_fixed
      d.need('gc', p);
      const tp = r.pos;
      const x = r.u32();
      const at = arrayType(d, x, tp);
      const elem = unpacked(at.field.type);
      if (code === 8) {
        const n = r.u32();
        if (n > stack.length) invalid('type mismatch: array.new_fixed operands missing', p);
        for (let i = 0; i < n; i++) pop(elem, d, p);
      } else {
        pop(I32, d, p);
        if (code === 6) pop(elem, d, p);
        else if (!defaultable(at.field.type)) invalid(`type mismatch: array type ${x} is not defaultable`, p);
      }
      stack.push(refType(x, false));
      return;
    }
    case 0x1c: // ref.i31
      d.need('gc', p);
      pop(I32, d, p);
      stack.push(refType(HeapKind.I31, false));
      return;
    case 0x1a: {
      // any.convert_extern
      d.need('gc', p);
      const t = popRef(d, p, HeapKind.Extern);
      stack.push(refType(HeapKind.Any, refNullable(t)));
      return;
    }
    case 0x1b: {
      // extern.convert_any
      d.need('gc', p);
      const t = popRef(d, p, HeapKind.Any);
      stack.push(refType(HeapKind.Extern, refNullable(t)));
      return;
    }
    default:
      notConstant(0xfb, code >= OPS_FB.length ? -1 : code, p);
  }
}
