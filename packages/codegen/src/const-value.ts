// Segment offsets and items that the factory leaves to instantiation (docs/js-abi.md, "What the factory returns"):
// an element or data segment's offset that is one `i32.const` and an element segment's items when they are function
// indices are read from the module, not generated as code per segment.

import { BinaryReader, type ConstExpr, type FuncIndex, type Module } from '@wasmts/environ';

/** The members of a factory's result (`FactoryResult`) that evaluate element segments. */
interface ElemEvaluators {
  readonly elemOffset: { readonly [elem: number]: (() => number | bigint) | null | undefined };
  readonly elemItems: { readonly [elem: number]: (() => unknown[]) | undefined };
}

/** The member of a factory's result (`FactoryResult`) that evaluates data segment offsets. */
interface DataEvaluators {
  readonly dataOffset: { readonly [data: number]: (() => number | bigint) | null | undefined };
}

/** The value of a constant expression that is one `i32.const`, else null. */
export function loneI32Const(bytes: Uint8Array, expr: ConstExpr): number | null {
  if (bytes[expr.start] !== 0x41) return null;
  const r = new BinaryReader(bytes, expr.start + 1, expr.end);
  const v = r.s32();
  return r.pos + 1 === expr.end && bytes[r.pos] === 0x0b ? v : null;
}

/** The offset of active element segment `i` in an instance whose factory returned `r`. */
export function elemSegmentOffset(r: ElemEvaluators, module: Module, i: number): number | bigint {
  const evaluate = r.elemOffset[i];
  if (evaluate != null) return evaluate();
  const offset = module.elements[i].offset;
  const v = offset === null ? null : loneI32Const(module.bytes, offset);
  if (v === null) throw new Error(`codegen: element segment ${i} has no offset evaluator`);
  return v;
}

/** The items of element segment `i`; `funcRef(f)` is the instance's reference to function `f`. */
export function elemSegmentItems(
  r: ElemEvaluators,
  module: Module,
  i: number,
  funcRef: (f: FuncIndex) => unknown,
): unknown[] {
  const evaluate = r.elemItems[i];
  if (evaluate != null) return evaluate();
  const indices = module.elements[i].funcIndices;
  if (indices === null) throw new Error(`codegen: element segment ${i} has no item evaluator`);
  return indices.map(funcRef);
}

/** The offset of active data segment `i` in an instance whose factory returned `r`. */
export function dataSegmentOffset(r: DataEvaluators, module: Module, i: number): number | bigint {
  const evaluate = r.dataOffset[i];
  if (evaluate != null) return evaluate();
  const offset = module.data[i].offset;
  const v = offset === null ? null : loneI32Const(module.bytes, offset);
  if (v === null) throw new Error(`codegen: data segment ${i} has no offset evaluator`);
  return v;
}
