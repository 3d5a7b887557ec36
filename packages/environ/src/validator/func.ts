// Function body validation: one pass over the operators with an operand stack and a control stack
// (the spec appendix's algorithm, extended for subtyping, GC, exceptions and local initialization).
// Operators with a fixed signature in the operator table go through one generic path; the rest are
// handled one by one here (control, variables, calls, references), in gc.ts (0xfb) and prefixed.ts (0xfc).

import { malformed } from '../errors.js';
import type { WasmFeatures } from '../features.js';
import { IMPLEMENTATION_LIMITS, ImplementationLimitError } from '../limits.js';
import type { FunctionBody, Module } from '../module.js';
import { ADDR, Imm, OPERATORS } from '../operators.js';
import {
  BOT,
  EQREF,
  EXNREF,
  F64,
  FUNCREF,
  FuncIndex,
  I32,
  I64,
  REF_BASE,
  refType,
  V128,
  type ValType,
  withNullable,
} from '../types.js';
import {
  blockedOpcodes,
  EMPTY_CONTEXT,
  enabledOperators,
  FEATURE_LIST,
  MEM_VALUE,
  moduleContext,
  NATURAL_ALIGN,
  OP_CLASS,
  OP_CLASS_SITES,
  OP_FEATURE_BIT,
  OP_ID,
  OP_ID_FB,
  OP_ID_FC,
  OP_ID_FD,
  OP_ID_FE,
  SIG_STRIDE,
  SIGS,
  UNIFORM_ARITY,
  UNIFORM_PARAM,
  UNIFORM_RESULT,
} from './context.js';
import { ControlValidator } from './control.js';
import { validateGc } from './gc.js';
import { validateFc } from './prefixed.js';
import { isPrefixedSite, SITE_OPCODES, type SiteRecorder } from './sites.js';
import { BT_EMPTY, Kind } from './state.js';

const KIND_IF = Kind.If;
const KIND_LOOP = Kind.Loop;

/** `Validator.siteOps` when no sites are recorded. */
const NO_SITES = new Uint8Array(256);

let shared: Validator | null = null;

/** Drops the shared validator's references to the last module once the current job is done. */
function release(): void {
  if (shared !== null) shared.forget();
}

/**
 * Validates one defined function's body against the module, throwing CompileError('invalid', ...) for a
 * validation failure and CompileError('malformed', ...) for bad encodings inside the body.
 */
export function validateFunctionBody(
  module: Module,
  features: WasmFeatures,
  funcIndex: FuncIndex,
  body: FunctionBody,
  sites: SiteRecorder | null = null,
): void {
  // Bodies are validated one at a time, so one set of stacks serves them all.
  const v = shared ?? (shared = new Validator());
  v.sites = sites;
  v.siteOps = sites === null ? NO_SITES : SITE_OPCODES;
  try {
    v.run(module, features, funcIndex, body);
  } finally {
    v.sites = null;
  }
}

/** The validator proper: the main operator loop on top of the stacks in FuncValidator. */
class Validator extends ControlValidator {
  lastModule: Module | null = null;
  lastFeatures: WasmFeatures | null = null;
  blocked: Uint8Array = new Uint8Array(256);

  releasePending = false;
  /** Where the sites of the wasm backend's re-encoder go (`CodeSites`), or null. */
  sites: SiteRecorder | null = null;
  /** `SITE_OPCODES` while recording sites, else all zero. */
  siteOps: Uint8Array = NO_SITES;

  run(module: Module, features: WasmFeatures, funcIndex: FuncIndex, body: FunctionBody): void {
    if (module !== this.lastModule) {
      const ctx = moduleContext(module);
      this.ctx = ctx;
      this.types = ctx.types;
      this.bytes = module.bytes;
      this.lastModule = module;
      this.recorded = 0;
      // A module's bodies are validated in one synchronous run: let go of it afterwards, so that the
      // shared stacks do not keep the last module (and its bytes) alive.
      if (!this.releasePending) {
        this.releasePending = true;
        Promise.resolve().then(release);
      }
    }
    if (features !== this.lastFeatures) {
      this.features = features;
      this.enabled = enabledOperators(features);
      this.blocked = blockedOpcodes(features);
      this.lastFeatures = features;
    }
    this.pos = body.codeStart;
    this.end = body.range.end;
    this.opStart = body.range.start;
    this.sp = 0;
    this.csp = 0;
    this.initSp = 0;
    this.height = 0;
    this.unreach = false;

    if (!(funcIndex < this.ctx.funcTypes.length)) this.fail(`unknown function ${funcIndex}`);
    const typeIndex = this.ctx.funcTypes[funcIndex];
    this.funcType = typeIndex;
    this.used = 0;
    this.setupLocals(this.funcTypeAt(typeIndex).params, body);
    this.pushCtrl(Kind.Func, -2 - typeIndex);
    this.loop();
    const fresh = this.used & ~this.recorded;
    if (fresh !== 0) this.record(module, fresh);
  }

  /** Feature bits already added to the current module's `featuresUsed`. */
  recorded = 0;

  /** Adds the proposals in `mask` to the module's `featuresUsed` (built by the decoder as a Set). */
  record(module: Module, mask: number): void {
    this.recorded |= mask;
    const set = module.featuresUsed as Set<string>;
    if (typeof set.add !== 'function') return;
    FEATURE_LIST.forEach((f, i) => {
      if (mask & (1 << i)) set.add(f);
    });
  }

  forget(): void {
    this.releasePending = false;
    this.lastModule = null;
    this.bytes = new Uint8Array(0);
    this.types = [];
    this.ctx = EMPTY_CONTEXT;
    // A pathological body may have grown the stacks a lot: do not hold on to that memory.
    if (this.vals.length > 1 << 16) this.vals = new Int32Array(1024);
    if (this.ctlKind.length > 1 << 16) this.resetCtl(256);
    if (this.initStack.length > 1 << 16) this.initStack = new Int32Array(64);
  }

  setupLocals(params: readonly ValType[], body: FunctionBody): void {
    const locals = body.locals;
    let n = params.length;
    for (let j = 0; j < locals.length; j++) n += locals[j][0];
    // The spec allows 2^32 - 1; stopping at the limit also bounds the work a few declaration bytes ask for.
    if (n > IMPLEMENTATION_LIMITS.locals) {
      throw new ImplementationLimitError('locals', 'too many locals', body.range.start, 'malformed');
    }
    if (this.localTypes.length < n) {
      let size = this.localTypes.length;
      while (size < n) size *= 2;
      this.localTypes = new Int32Array(size);
      this.localInit = new Uint8Array(size);
    }
    const types = this.localTypes;
    const init = this.localInit;
    for (let i = 0; i < params.length; i++) {
      types[i] = params[i];
      init[i] = 1;
    }
    let i = params.length;
    for (let j = 0; j < locals.length; j++) {
      const count = locals[j][0];
      const t = locals[j][1];
      if (t < I32 || t === V128 || t >= REF_BASE) this.checkLocalType(t);
      // Non-nullable references have no default value: they must be set before they are read.
      const defaultable = t < REF_BASE || (t & 1) === 1 ? 1 : 0;
      if (count < 8) {
        for (let k = i; k < i + count; k++) {
          types[k] = t;
          init[k] = defaultable;
        }
      } else {
        types.fill(t, i, i + count);
        init.fill(defaultable, i, i + count);
      }
      i += count;
    }
    this.numLocals = n;
  }

  /**
   * The main loop. The most frequent operators (variables, constants, memory accesses, numeric operators,
   * calls, blocks) are validated inline, dispatched by `OP_CLASS` with the byte cursor, the operand stack
   * pointer and the control stack in locals (the interpreter of a jitless host pays for every property access
   * and every call); anything unusual goes to `cold` with the state written back first.
   */
  loop(): void {
    const bytes = this.bytes;
    const end = this.end;
    // fixed for the whole body
    const numLocals = this.numLocals;
    const localTypes = this.localTypes;
    const localInit = this.localInit;
    const ctx = this.ctx;
    const globalTypes = ctx.globalTypes;
    const mems = ctx.memoryAddr;
    const memAddr = mems.length > 0 ? mems[0] : -1;
    const funcTypes = ctx.funcTypes;
    const sigOffsets = ctx.sigOffsets;
    const sigData = ctx.sigData;
    const sites = this.sites;
    const classes = sites === null ? OP_CLASS : OP_CLASS_SITES;
    // written back before, and read again after, every call that may use or change them
    let pos = this.pos;
    let sp = this.sp;
    let height = this.height;
    let csp = this.csp;
    let vals = this.vals;
    let ctlKind = this.ctlKind;
    let ctlBt = this.ctlBt;
    let ctlHeight = this.ctlHeight;
    let ctlUnreach = this.ctlUnreach;
    let ctlInit = this.ctlInit;
    for (;;) {
      if (pos >= end) {
        this.pos = pos;
        this.missingEnd();
      }
      const start = pos;
      const op = bytes[pos];
      switch (classes[op]) {
        case 1: {
          // OpClass.LocalGet
          let idx = bytes[pos + 1];
          if (idx < 0x80 && pos + 1 < end) pos += 2;
          else {
            this.pos = pos + 1;
            idx = this.u32();
            pos = this.pos;
          }
          if (idx >= numLocals || localInit[idx] === 0) {
            this.opStart = start;
            if (idx >= numLocals) this.fail(`unknown local ${idx}`);
            this.fail('uninitialized local');
          }
          if (sp === vals.length) {
            this.sp = sp;
            this.growVals();
            vals = this.vals;
          }
          vals[sp++] = localTypes[idx];
          continue;
        }
        case 2: {
          // OpClass.LocalSet: local.set, local.tee
          let idx = bytes[pos + 1];
          if (idx < 0x80 && pos + 1 < end) pos += 2;
          else {
            this.pos = pos + 1;
            idx = this.u32();
            pos = this.pos;
          }
          if (idx >= numLocals) {
            this.opStart = start;
            this.fail(`unknown local ${idx}`);
          }
          const t = localTypes[idx];
          if (sp > height && vals[sp - 1] === t) sp--;
          else {
            this.opStart = start;
            this.sp = sp;
            this.height = height;
            this.unreach = ctlUnreach[csp - 1] === 1;
            this.pop(t);
            sp = this.sp;
          }
          if (localInit[idx] === 0) this.initLocal(idx);
          if (op === 0x22 /* local.tee */) {
            // local.tee puts the value back
            if (sp === vals.length) {
              this.sp = sp;
              this.growVals();
              vals = this.vals;
            }
            vals[sp++] = t;
          }
          continue;
        }
        case 3: {
          // OpClass.GlobalGet
          let idx = bytes[pos + 1];
          if (idx < 0x80 && pos + 1 < end) pos += 2;
          else {
            this.pos = pos + 1;
            idx = this.u32();
            pos = this.pos;
          }
          if (idx >= globalTypes.length) {
            this.opStart = start;
            this.fail(`unknown global ${idx}`);
          }
          if (sites !== null) sites.add(start);
          if (sp === vals.length) {
            this.sp = sp;
            this.growVals();
            vals = this.vals;
          }
          vals[sp++] = globalTypes[idx];
          continue;
        }
        case 4: {
          // OpClass.I32Const: an encoding of up to four bytes is always valid (28 bits)
          let p = pos + 1;
          const last = p + 3 < end ? p + 3 : end - 1;
          while (p < last && bytes[p] >= 0x80) p++;
          if (p > last || bytes[p] >= 0x80) break;
          pos = p + 1;
          if (sp === vals.length) {
            this.sp = sp;
            this.growVals();
            vals = this.vals;
          }
          vals[sp++] = I32;
          continue;
        }
        case 5: {
          // OpClass.I64Const: an encoding of up to nine bytes is always valid (63 bits)
          let p = pos + 1;
          const last = p + 8 < end ? p + 8 : end - 1;
          while (p < last && bytes[p] >= 0x80) p++;
          if (p > last || bytes[p] >= 0x80) break;
          pos = p + 1;
          if (sp === vals.length) {
            this.sp = sp;
            this.growVals();
            vals = this.vals;
          }
          vals[sp++] = I64;
          continue;
        }
        case 6:
          // OpClass.Drop
          if (sp > height) {
            pos++;
            sp--;
            continue;
          }
          break;
        case 7:
          // OpClass.Select: two operands of one numeric or vector type
          if (sp - 3 >= height && vals[sp - 1] === I32) {
            const t = vals[sp - 2];
            if (t === vals[sp - 3] && t >= V128 && t <= I32) {
              pos++;
              sp -= 2;
              continue;
            }
          }
          break;
        case 8: {
          // OpClass.End of a frame whose results are already exactly on the stack (and that is not an if
          // without else, nor the function, nor resets local initialization)
          const f = csp - 1;
          if (f > 0 && this.initSp === ctlInit[f]) {
            const bt = ctlBt[f];
            if (
              bt === BT_EMPTY
                ? sp === height
                : bt > 0 && sp === height + 1 && vals[sp - 1] === bt && ctlKind[f] !== KIND_IF
            ) {
              pos++;
              csp = f;
              height = ctlHeight[f - 1];
              continue;
            }
          }
          break;
        }
        case 9: {
          // OpClass.BrIf to a label of no or one value, with the operands already right
          const l = bytes[pos + 1];
          const f = csp - 1 - l;
          if (l < 0x80 && f >= 0 && pos + 1 < end && sp > height && vals[sp - 1] === I32) {
            const bt = ctlBt[f];
            if (bt === BT_EMPTY || (bt > 0 && (ctlKind[f] === KIND_LOOP || (sp - 1 > height && vals[sp - 2] === bt)))) {
              pos += 2;
              sp--;
              continue;
            }
          }
          break;
        }
        case 10: {
          // OpClass.Block: block, loop, if with an empty or numeric block type
          const b = bytes[pos + 1];
          if ((b === 0x40 || (b >= F64 && b <= I32)) && pos + 1 < end && csp < ctlKind.length) {
            if (op === 0x04 /* if */) {
              if (sp > height && vals[sp - 1] === I32) sp--;
              else break;
            }
            pos += 2;
            // Kind.Block, Kind.Loop, Kind.If are 0, 1, 2 as the opcodes are 0x02, 0x03, 0x04
            ctlKind[csp] = op - 2;
            ctlBt[csp] = b === 0x40 ? BT_EMPTY : b;
            ctlHeight[csp] = sp;
            ctlUnreach[csp] = 0;
            ctlInit[csp] = this.initSp;
            csp++;
            height = sp;
            continue;
          }
          break;
        }
        case 11: {
          // OpClass.Numeric: one or two operands of one type, one result, no immediates
          const n = UNIFORM_ARITY[op];
          const p = UNIFORM_PARAM[op];
          if (sp - n >= height && vals[sp - 1] === p && (n === 1 || vals[sp - 2] === p)) {
            pos++;
            sp -= n;
            vals[sp++] = UNIFORM_RESULT[op];
            continue;
          }
          break;
        }
        case 12: {
          // OpClass.Load on memory 0 with a memarg of two single bytes
          const flags = bytes[pos + 1];
          if (pos + 2 < end && flags < 0x40 && bytes[pos + 2] < 0x80 && memAddr >= 0) {
            if (flags > NATURAL_ALIGN[OP_ID[op]]) {
              this.opStart = start;
              this.fail('alignment must not be larger than natural');
            }
            if (sp > height && vals[sp - 1] === memAddr) {
              pos += 3;
              vals[sp - 1] = MEM_VALUE[op];
              continue;
            }
          }
          break;
        }
        case 13: {
          // OpClass.Store on memory 0 with a memarg of two single bytes
          const flags = bytes[pos + 1];
          if (pos + 2 < end && flags < 0x40 && bytes[pos + 2] < 0x80 && memAddr >= 0) {
            if (flags > NATURAL_ALIGN[OP_ID[op]]) {
              this.opStart = start;
              this.fail('alignment must not be larger than natural');
            }
            if (sp - 2 >= height && vals[sp - 1] === MEM_VALUE[op] && vals[sp - 2] === memAddr) {
              pos += 3;
              sp -= 2;
              continue;
            }
          }
          break;
        }
        case 14: {
          // OpClass.Call whose index is at most four bytes and whose arguments match exactly
          let p = pos + 1;
          let idx = 0;
          let shift = 0;
          let b = 0x80;
          while (shift < 28 && p < end) {
            b = bytes[p++];
            idx |= (b & 0x7f) << shift;
            shift += 7;
            if (b < 0x80) break;
          }
          if (b >= 0x80 || idx >= funcTypes.length) break;
          const at = sigOffsets[funcTypes[idx]];
          if (at < 0) break;
          const np = sigData[at];
          const nr = sigData[at + 1 + np];
          const base = sp - np;
          if (base < height || base + nr > vals.length) break;
          let ok = true;
          for (let i = 0; i < np; i++) {
            if (vals[base + i] !== sigData[at + 1 + i]) {
              ok = false;
              break;
            }
          }
          if (!ok) break;
          if (sites !== null) sites.add(start);
          for (let i = 0; i < nr; i++) vals[base + i] = sigData[at + 2 + np + i];
          sp = base + nr;
          pos = p;
          continue;
        }
      }
      this.opStart = start;
      this.pos = pos + 1;
      this.sp = sp;
      this.height = height;
      this.csp = csp;
      this.unreach = ctlUnreach[csp - 1] === 1;
      if (this.cold(op)) return;
      pos = this.pos;
      sp = this.sp;
      height = this.height;
      csp = this.csp;
      vals = this.vals;
      ctlKind = this.ctlKind;
      ctlBt = this.ctlBt;
      ctlHeight = this.ctlHeight;
      ctlUnreach = this.ctlUnreach;
      ctlInit = this.ctlInit;
    }
  }

  /** Validates the operator `op` whose opcode byte has been read; true when it ended the function. */
  cold(op: number): boolean {
    if (this.blocked[op] !== 0) {
      if (op === 0xfc /* misc prefix */) this.prefixed(OP_ID_FC, 0xfc);
      else if (op === 0xfd /* simd prefix */) this.prefixed(OP_ID_FD, 0xfd);
      else if (op === 0xfb /* gc prefix */) this.prefixed(OP_ID_FB, 0xfb);
      else if (op === 0xfe /* atomic prefix */) this.prefixed(OP_ID_FE, 0xfe);
      else if (OP_ID[op] < 0) this.illegal(op);
      else this.featureError(OPERATORS[OP_ID[op]].feature);
      return false;
    }
    this.used |= OP_FEATURE_BIT[OP_ID[op]];
    if (this.siteOps[op] !== 0) this.sites?.add(this.opStart);
    switch (op) {
      case 0x00: // unreachable
        this.setUnreachable();
        break;
      case 0x02: // block
      case 0x03: // loop
      case 0x06: {
        // try
        const bt = this.readBlockType();
        this.enterBlock(op === 0x02 /* block */ ? Kind.Block : op === 0x03 /* loop */ ? Kind.Loop : Kind.Try, bt);
        break;
      }
      case 0x04: {
        // if
        const bt = this.readBlockType();
        this.pop(I32);
        this.enterBlock(Kind.If, bt);
        break;
      }
      case 0x05: {
        // else
        const f = this.csp - 1;
        if (this.ctlKind[f] !== Kind.If) this.misplaced();
        this.toElse();
        break;
      }
      case 0x07: {
        // catch
        const f = this.csp - 1;
        const kind = this.ctlKind[f];
        if (kind !== Kind.Try && kind !== Kind.Catch) this.misplaced();
        const tagType = this.tagFuncType(this.u32());
        const bt = this.ctlBt[f];
        this.popCtrl();
        this.pushCtrl(Kind.Catch, bt);
        this.pushList(tagType.params);
        break;
      }
      case 0x19: {
        // catch_all
        const f = this.csp - 1;
        const kind = this.ctlKind[f];
        if (kind !== Kind.Try && kind !== Kind.Catch) this.misplaced();
        const bt = this.ctlBt[f];
        this.popCtrl();
        this.pushCtrl(Kind.CatchAll, bt);
        break;
      }
      case 0x18: {
        // delegate
        const f = this.csp - 1;
        if (this.ctlKind[f] !== Kind.Try) this.misplaced();
        const l = this.u32();
        const bt = this.ctlBt[f];
        this.popCtrl();
        // the label is counted from outside the try block
        if (this.csp === 0) this.misplaced();
        this.label(l);
        this.pushResults(bt);
        break;
      }
      case 0x08: {
        // throw
        this.popList(this.tagFuncType(this.u32()).params);
        this.setUnreachable();
        break;
      }
      case 0x09: {
        // rethrow
        const f = this.label(this.u32());
        const kind = this.ctlKind[f];
        if (kind !== Kind.Catch && kind !== Kind.CatchAll) this.fail('invalid rethrow label');
        this.setUnreachable();
        break;
      }
      case 0x0a: // throw_ref
        this.pop(EXNREF);
        this.setUnreachable();
        break;
      case 0x0b: {
        // end
        const f = this.csp - 1;
        const bt = this.ctlBt[f];
        // an `if` without `else` has an empty else branch: only an empty block type needs no check
        if (bt !== BT_EMPTY && this.ctlKind[f] === Kind.If) this.toElse();
        this.popCtrl();
        if (this.csp === 0) {
          if (this.pos !== this.end) malformed('section size mismatch', this.pos);
          return true;
        }
        this.pushResults(bt);
        break;
      }
      case 0x0c: {
        // br
        this.popLabel(this.label(this.u32()));
        this.setUnreachable();
        break;
      }
      case 0x0d: {
        // br_if
        const f = this.label(this.u32());
        this.pop(I32);
        this.popLabel(f);
        this.pushLabel(f);
        break;
      }
      case 0x0e: // br_table
        this.brTable();
        break;
      case 0x0f: // return
        this.popLabel(0);
        this.setUnreachable();
        break;
      case 0x10: {
        // call
        const ft = this.funcTypeAt(this.funcTypeOf(this.u32()));
        this.popList(ft.params);
        this.pushList(ft.results);
        break;
      }
      case 0x11: // call_indirect
      case 0x13: {
        // return_call_indirect
        const ft = this.funcTypeAt(this.u32());
        const table = this.u32();
        const addr = this.tableAddr(table);
        if (!this.sub(this.ctx.tableElem[table], FUNCREF)) this.fail('type mismatch: table is not a function table');
        this.pop(addr);
        this.popList(ft.params);
        if (op === 0x11 /* call_indirect */) this.pushList(ft.results);
        else this.tailCall(ft.results);
        break;
      }
      case 0x12: {
        // return_call
        const ft = this.funcTypeAt(this.funcTypeOf(this.u32()));
        this.popList(ft.params);
        this.tailCall(ft.results);
        break;
      }
      case 0x14: // call_ref
      case 0x15: {
        // return_call_ref
        const y = this.u32();
        const ft = this.funcTypeAt(y);
        this.pop(refType(y, true));
        this.popList(ft.params);
        if (op === 0x14 /* call_ref */) this.pushList(ft.results);
        else this.tailCall(ft.results);
        break;
      }
      case 0x1a: // drop
        this.popAny();
        break;
      case 0x1b: {
        // select
        this.pop(I32);
        const t1 = this.popAny();
        const t2 = this.popAny();
        const num1 = t1 === BOT || (t1 >= V128 && t1 <= I32);
        const num2 = t2 === BOT || (t2 >= V128 && t2 <= I32);
        if (!num1 || !num2) this.fail('type mismatch: select operands must be numeric or vector');
        if (t1 !== t2 && t1 !== BOT && t2 !== BOT) this.fail('type mismatch: select operands differ');
        this.push(t1 === BOT ? t2 : t1);
        break;
      }
      case 0x1c: {
        // select t*
        const n = this.u32();
        if (n !== 1) this.fail('invalid result arity');
        const t = this.readValType();
        this.pop(I32);
        this.pop(t);
        this.pop(t);
        this.push(t);
        break;
      }
      case 0x1f: // try_table
        this.tryTable();
        break;
      case 0x24: {
        // global.set
        const idx = this.u32();
        const g = this.ctx.globalTypes;
        if (idx >= g.length) this.fail(`unknown global ${idx}`);
        if (this.ctx.globalMutable[idx] === 0) this.fail('immutable global');
        this.pop(g[idx]);
        break;
      }
      case 0x25: {
        // table.get
        const table = this.u32();
        const addr = this.tableAddr(table);
        this.pop(addr);
        this.push(this.ctx.tableElem[table]);
        break;
      }
      case 0x26: {
        // table.set
        const table = this.u32();
        const addr = this.tableAddr(table);
        this.pop(this.ctx.tableElem[table]);
        this.pop(addr);
        break;
      }
      default:
        if (op >= 0xd0 /* ref.null */ && op <= 0xd6 /* br_on_non_null */) this.reference(op);
        else if (op >= 0x45 /* i32.eqz */) this.fixed(OP_ID[op], I32);
        else if (op >= 0x28 /* i32.load */ && op <= 0x3e /* i64.store32 */)
          this.fixed(OP_ID[op], this.memarg(OP_ID[op]));
        else this.generic(OP_ID[op]);
    }
    return false;
  }

  /**
   * The reference operators 0xd0..0xd6 (apart from `cold`'s switch, so that its cases stay dense enough for
   * V8's interpreter to dispatch them through a jump table).
   */
  reference(op: number): void {
    switch (op) {
      case 0xd0: // ref.null
        this.push(refType(this.readHeapType(), true));
        break;
      case 0xd1: // ref.is_null
        this.popRef();
        this.push(I32);
        break;
      case 0xd2: {
        // ref.func
        const f = FuncIndex(this.u32());
        const typeIndex = this.funcTypeOf(f);
        if (!this.ctx.module.declaredFuncRefs.has(f)) this.fail('undeclared function reference');
        this.push(refType(typeIndex, false));
        break;
      }
      case 0xd3: // ref.eq
        this.pop(EQREF);
        this.pop(EQREF);
        this.push(I32);
        break;
      case 0xd4: // ref.as_non_null
        this.push(withNullable(this.popRef(), false));
        break;
      case 0xd5: {
        // br_on_null
        const f = this.label(this.u32());
        const rt = this.popRef();
        this.popLabel(f);
        this.pushLabel(f);
        this.push(withNullable(rt, false));
        break;
      }
      case 0xd6: // br_on_non_null
        this.brOnNonNull(this.label(this.u32()));
        break;
    }
  }

  prefixed(ids: Int16Array, prefix: number): void {
    const sub = this.u32();
    const id = sub < ids.length ? ids[sub] : -1;
    if (id < 0) this.illegal(prefix, sub);
    if (this.enabled[id] === 0) this.featureError(OPERATORS[id].feature);
    this.used |= OP_FEATURE_BIT[id];
    if (isPrefixedSite(prefix, sub)) this.sites?.add(this.opStart);
    if (prefix === 0xfd || prefix === 0xfe) this.generic(id);
    else if (prefix === 0xfb) validateGc(this, sub);
    else if (SIGS[id * SIG_STRIDE] >= 0 && OPERATORS[id].imm === Imm.None) this.fixed(id, I32);
    else if (!validateFc(this, sub)) this.generic(id);
  }

  /** An operator whose immediates the table describes and whose stack effect is fixed. */
  generic(id: number): void {
    const op = OPERATORS[id];
    let addr = I32;
    switch (op.imm) {
      case Imm.None:
        break;
      case Imm.MemArg:
        addr = this.memarg(id);
        break;
      case Imm.Zero:
        if (this.u8() !== 0) malformed('malformed atomic.fence flags', this.opStart);
        break;
      case Imm.MemArgLane:
        addr = this.memarg(id);
        if (this.u8() >= 16 / op.n) this.fail('invalid lane index');
        break;
      case Imm.Lane:
        if (this.u8() >= op.n) this.fail('invalid lane index');
        break;
      case Imm.Shuffle:
        for (let i = 0; i < 16; i++) if (this.u8() >= op.n) this.fail('invalid lane index');
        break;
      case Imm.I32:
        this.skipSleb(32);
        break;
      case Imm.I64:
        this.skipSleb(64);
        break;
      case Imm.F32:
        this.skip(4);
        break;
      case Imm.F64:
        this.skip(8);
        break;
      case Imm.V128:
        this.skip(16);
        break;
      case Imm.Memory:
        addr = this.memoryAddr(this.u32());
        break;
      case Imm.Data:
        this.dataIndex(this.u32());
        break;
      case Imm.Elem: {
        const e = this.u32();
        if (e >= this.ctx.elemTypes.length) this.fail(`unknown elem segment ${e}`);
        break;
      }
      default:
        throw new Error(`validator: no generic rule for ${op.name}`);
    }
    if (SIGS[id * SIG_STRIDE] < 0) throw new Error(`validator: no rule for ${op.name}`);
    this.fixed(id, addr);
  }

  /** Pops and pushes a fixed signature from the operator table, with ADDR standing for `addr`. */
  fixed(id: number, addr: ValType): void {
    const base = id * SIG_STRIDE;
    const np = SIGS[base];
    const sp = this.sp;
    const vals = this.vals;
    let ok = sp - np >= this.height;
    for (let i = 0; ok && i < np; i++) {
      let t = SIGS[base + 1 + i];
      if (t === ADDR) t = addr;
      ok = vals[sp - np + i] === t;
    }
    if (ok) this.sp = sp - np;
    else {
      for (let i = np - 1; i >= 0; i--) {
        let t = SIGS[base + 1 + i];
        if (t === ADDR) t = addr;
        if (!this.tryPop(t)) {
          this.sp = sp;
          const want: ValType[] = [];
          for (let j = 0; j < np; j++) want.push(SIGS[base + 1 + j] === ADDR ? addr : SIGS[base + 1 + j]);
          this.mismatch(want);
        }
      }
    }
    const nr = SIGS[base + 5];
    for (let i = 0; i < nr; i++) {
      const t = SIGS[base + 6 + i];
      this.push(t === ADDR ? addr : t);
    }
  }

  /** Reads a memarg for operator `id` and returns the memory's address type. */
  memarg(id: number): ValType {
    let flags = this.u32();
    let mem = 0;
    if (flags >= 0x40) {
      if (flags >= 0x80) malformed('malformed memop flags', this.opStart);
      flags -= 0x40;
      mem = this.u32();
    }
    const p = this.pos;
    let offset: number;
    if (p < this.end && this.bytes[p] < 0x80) {
      offset = this.bytes[p];
      this.pos = p + 1;
    } else offset = this.u64();
    const addr = this.memoryAddr(mem);
    if (flags > NATURAL_ALIGN[id]) this.fail('alignment must not be larger than natural');
    if (flags !== NATURAL_ALIGN[id] && OPERATORS[id].prefix === 0xfe) this.fail('alignment must be equal to natural');
    if (addr === I32 && offset >= 0x100000000) this.fail('offset out of range');
    return addr;
  }
}
