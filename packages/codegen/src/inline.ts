// Which direct callees the JS backend translates in place of their call (README.md, "Inlining"): small leaf
// functions whose inlined code behaves exactly as the call did. Decided once per callee from its bytes.

import {
  BinaryReader,
  CompileError,
  definedFuncIndex,
  F32,
  F64,
  type FuncIndex,
  type FuncType,
  I32,
  I64,
  type Module,
  operatorFor,
  skipImmediates,
  type ValType,
  validateBody,
} from '@wasmts/environ';
import { INLINE_BYTES } from './limits.js';

/** A callee that may be inlined: its code bytes and its declared locals (after the parameters). */
export interface InlineCallee {
  readonly start: number;
  readonly end: number;
  readonly locals: readonly ValType[];
}

/** Single-byte operators an inlined callee may use: no call, loop, exception, table, reference, grow or v128 value. */
const ALLOWED = new Uint8Array(256);
for (const op of [0x00, 0x01, 0x02, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x1a, 0x1b, 0x3f]) ALLOWED[op] = 1;
for (let op = 0x20; op <= 0x24 /* global.set */; op++) ALLOWED[op] = 1;
for (let op = 0x28; op <= 0x3e /* i64.store32 */; op++) ALLOWED[op] = 1;
for (let op = 0x41; op <= 0xc4 /* i64.extend32_s */; op++) ALLOWED[op] = 1;

const NUMERIC = (t: ValType) => t === I32 || t === I64 || t === F32 || t === F64;

/**
 * Whether defined function `f` may be inlined, and its body if so: at most `INLINE_BYTES` of code, numeric
 * parameters, results, locals and globals, and only operators that cannot call anything or loop (so it has no
 * epoch check of its own: it is no part of a recursion and runs far less than `UNCHECKED_CALL_BYTES`), allocate a
 * value the backend boxes, or throw anything but a trap. Block types are not limited (the translator's).
 */
export function inlineCallee(module: Module, f: FuncIndex, type: FuncType): InlineCallee | null {
  const i = definedFuncIndex(module, f);
  if (i === null) return null;
  const body = module.bodies[i];
  if (body.range.end - body.codeStart > INLINE_BYTES) return null;
  if (module.pendingBodies?.pending[i] === 1) {
    // decoded with lazy validation: only a valid body is inlined (an invalid one throws when called, not its caller)
    try {
      validateBody(module, i);
    } catch (e) {
      if (e instanceof CompileError) return null;
      throw e;
    }
  }
  if (!type.params.every(NUMERIC) || !type.results.every(NUMERIC)) return null;
  const locals: ValType[] = [];
  for (const [count, t] of body.locals) {
    if (!NUMERIC(t)) return null;
    for (let k = 0; k < count; k++) locals.push(t);
  }
  const r = new BinaryReader(module.bytes, body.codeStart, body.range.end);
  while (r.pos < r.end) {
    const op = r.u8();
    if (op === 0xfc /* misc prefix */) {
      // the saturating truncations
      const sub = r.u32();
      if (sub > 7) return null;
      continue;
    }
    if (ALLOWED[op] === 0) return null;
    if (op === 0x23 /* global.get */ || op === 0x24 /* global.set */) {
      if (!NUMERIC(module.globals[r.u32()].type.type)) return null;
      continue;
    }
    const info = operatorFor(0, op);
    if (info === undefined) return null;
    skipImmediates(r, info.imm);
  }
  return { start: body.codeStart, end: body.range.end, locals };
}
