// Re-encoding a body from the validator's sites (`Module.codeSites`) when no store control is on: only the
// recorded operators are looked at (indices renumbered, grow hooks, indirect-call and truncation checks
// inserted) and the bytes between them are copied as they are, without decoding the operators again. The
// output is the one `rewriteBody`'s walk gives for the same options.

import { type ByteWriter, type CodeSites, F32, F64, type FunctionBody, I32, TrapCode } from '@wasmts/environ';
import { type OffsetPairs, type RewriteContext, writeWaitAfter, writeWaitBefore, writeWaitLocals } from './body.js';
import { leb, readLeb } from './leb.js';
import { BLOCK_EMPTY, OP } from './opcodes.js';

/** The position after the memarg at `p` (alignment, the memory index when its bit 6 is set, offset). */
function skipMemarg(bytes: Uint8Array, p: number): number {
  p = readLeb(bytes, p);
  if ((leb.value & 0x40) !== 0) p = readLeb(bytes, p);
  return readLeb(bytes, p);
}

/**
 * Re-encodes defined function `defined`'s body entry (locals and code, without its size prefix) into `w` from
 * its sites, as `rewriteBody` does with no fuel, epoch or call depth; appends offset pairs likewise.
 */
export function rewriteBodyFromSites(
  ctx: RewriteContext,
  sites: CodeSites,
  defined: number,
  body: FunctionBody,
  w: ByteWriter,
  pairs: OffsetPairs,
): void {
  const module = ctx.module;
  const bytes = module.bytes;
  const nullCheck = ctx.indirectNullCheck;
  const record = ctx.indexGlobal >= 0;
  const truncCheck = ctx.truncNaNCheck;
  const growHooks = ctx.memoryGrowFunc.length > 0 || ctx.tableGrowFunc.length > 0;
  // defined functions and globals move up by these (the added imports come after the module's own)
  const nImpF = module.numImportedFuncs;
  const nImpG = module.numImportedGlobals;
  const funcShift = ctx.func(nImpF) - nImpF;
  const globalShift = ctx.global(nImpG) - nImpG;

  // locals, as rewriteBody writes them: one more i32 for an indirect call's index, an f32 and an f64 for the
  // truncation check, the scratch locals of atomic waits
  pairs.push(w.length, ~body.range.start);
  let indexTemp = -1;
  let f32Temp = -1;
  let f64Temp = -1;
  let waitBase = -1;
  const extra = nullCheck || record ? 1 : 0;
  const waits = ctx.atomicWaits !== null && ctx.atomicWaits[defined] === 1;
  if (extra > 0 || truncCheck || waits) {
    const p = readLeb(bytes, body.range.start);
    const groups = leb.value;
    const type = module.types[module.functions[module.numImportedFuncs + defined]].composite;
    let next = type.kind === 'func' ? type.params.length : 0;
    for (const [count] of body.locals) next += count;
    if (extra > 0) indexTemp = next++;
    if (truncCheck) {
      f32Temp = next++;
      f64Temp = next++;
    }
    if (waits) waitBase = next;
    w.u32(groups + extra + (truncCheck ? 2 : 0) + (waits ? 2 : 0)).copy(bytes, p, body.codeStart);
    if (extra > 0) w.u32(1).valType(I32);
    if (truncCheck) w.u32(1).valType(F32).u32(1).valType(F64);
    if (waits) writeWaitLocals(w);
  } else w.copy(bytes, body.range.start, body.codeStart);

  let delta = Number.NaN;
  /** Notes that output `w.length` stands for input `at` if the difference changed. */
  const mark = (at: number) => {
    if (w.length - at !== delta) {
      delta = w.length - at;
      pairs.push(w.length, at);
    }
  };
  /** Inserted code from here stands for the operator at `at`. */
  const inserting = (at: number) => {
    pairs.push(w.length, ~at);
    delta = Number.NaN;
  };

  const positions = sites.positions;
  const from = defined === 0 ? 0 : sites.ends[defined - 1];
  const to = sites.ends[defined];
  let copied = body.codeStart;
  mark(copied);
  for (let i = from; i < to; i++) {
    const p = positions[i];
    const op = bytes[p];
    switch (op) {
      case 0x10: // call
      case 0x12: // return_call
      case 0xd2: // ref.func
      case 0x23: // global.get
      case 0x24: {
        // global.set
        const global = op === 0x23 /* global.get */ || op === 0x24 /* global.set */;
        const shift = global ? globalShift : funcShift;
        if (shift === 0) continue;
        // the index, read inline (one byte mostly)
        let q = p + 1;
        let v = bytes[q++];
        if (v & 0x80) {
          q = readLeb(bytes, p + 1);
          v = leb.value;
        }
        if (v < (global ? nImpG : nImpF)) continue;
        w.copy(bytes, copied, p + 1);
        w.u32(v + shift);
        copied = q;
        mark(q);
        continue;
      }
      case 0x40: // memory.grow
      case 0xfc: {
        // misc prefix
        // memory.grow m / table.grow t -> call $memory_grow_m / $table_grow_t
        if (!growHooks) continue;
        const q = readLeb(bytes, op === 0x40 /* memory.grow */ ? p + 1 : readLeb(bytes, p + 1));
        w.copy(bytes, copied, p);
        inserting(p);
        w.u8(OP.call).u32(op === 0x40 /* memory.grow */ ? ctx.memoryGrowFunc[leb.value] : ctx.tableGrowFunc[leb.value]);
        copied = q;
        mark(q);
        continue;
      }
      case 0xfe: {
        // atomic prefix
        // memory.atomic.wait32 / wait64: operands from scratch locals above a dead i32 (body.ts, `WAIT_LOCALS`)
        if (!waits) continue;
        const q = readLeb(bytes, p + 1); // after the sub-opcode (1 or 2: the validator records only waits)
        const wait64 = leb.value === 2;
        const after = skipMemarg(bytes, q);
        w.copy(bytes, copied, p);
        inserting(p);
        writeWaitBefore(w, module, q, wait64, waitBase);
        mark(p);
        w.copy(bytes, p, after);
        inserting(after);
        writeWaitAfter(w, waitBase);
        copied = after;
        mark(after);
        continue;
      }
      case 0x11: // call_indirect
      case 0x13: {
        // return_call_indirect
        if (!record && !nullCheck) continue;
        w.copy(bytes, copied, p);
        if (record) {
          // local.tee $i; global.set $indirect_index; global.get $instance_id; global.set $indirect_instance; local.get $i
          inserting(p);
          w.u8(OP.localTee).u32(indexTemp).u8(OP.globalSet).u32(ctx.indexGlobal);
          w.u8(OP.globalGet).u32(ctx.instanceIdGlobal).u8(OP.globalSet).u32(ctx.instanceGlobal);
          w.u8(OP.localGet).u32(indexTemp);
        }
        if (nullCheck) {
          // local.tee $i; table.get t; ref.is_null; if; i32.const 4; call $trap; end; local.get $i
          readLeb(bytes, readLeb(bytes, p + 1));
          inserting(p);
          w.u8(OP.localTee).u32(indexTemp).u8(OP.tableGet).u32(leb.value).u8(OP.refIsNull);
          w.u8(OP.if)
            .u8(BLOCK_EMPTY)
            .u8(OP.i32Const)
            .s32(TrapCode.IndirectCallToNull)
            .u8(OP.call)
            .u32(ctx.trapFunc)
            .u8(OP.end);
          w.u8(OP.localGet).u32(indexTemp);
        }
        copied = p;
        mark(p);
        continue;
      }
      default: {
        // a trapping truncation: local.tee $x; local.get $x; local.get $x; f.eq; i32.eqz; if; i32.const 8; call $trap; end
        if (!truncCheck) continue;
        const f32 =
          op <= 0xa9 /* i32.trunc_f32_u */ || (op >= 0xae /* i64.trunc_f32_s */ && op <= 0xaf) /* i64.trunc_f32_u */;
        const tmp = f32 ? f32Temp : f64Temp;
        w.copy(bytes, copied, p);
        inserting(p);
        w.u8(OP.localTee)
          .u32(tmp)
          .u8(OP.localGet)
          .u32(tmp)
          .u8(OP.localGet)
          .u32(tmp)
          .u8(f32 ? OP.f32Eq : OP.f64Eq)
          .u8(OP.i32Eqz);
        w.u8(OP.if)
          .u8(BLOCK_EMPTY)
          .u8(OP.i32Const)
          .s32(TrapCode.BadConversionToInteger)
          .u8(OP.call)
          .u32(ctx.trapFunc)
          .u8(OP.end);
        copied = p;
        mark(p);
      }
    }
  }
  w.copy(bytes, copied, body.range.end);
}
