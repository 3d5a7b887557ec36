// The validator's state: the operand stack, the control stack and local initialization, as typed arrays
// that grow by doubling and are reused from one function body to the next. This is the appendix's
// validation algorithm (operand and control stacks) with subtyping, bottom types and local init.

import { CompileError, invalid, malformed } from '../errors.js';
import { FEATURE_NAMES, type Feature, type WasmFeatures } from '../features.js';
import { readU32Leb } from '../reader.js';
import { isHeapSubtype } from '../subtyping.js';
import {
  BOT,
  type FuncType,
  HeapKind,
  REF_BASE,
  refHeap,
  refType,
  type SubType,
  V128,
  type ValType,
  valTypeToString,
} from '../types.js';
import { EMPTY_CONTEXT, featureBit, type ModuleContext } from './context.js';

/** Heap type of the bottom reference `pop_ref` yields in unreachable code: below every heap type. */
export const HEAP_BOT = -32;
/** `(ref bot)`: the non-null bottom reference. */
export const REF_BOT = refType(HEAP_BOT, false);

const MULTI_MEMORY_BIT = featureBit('multiMemory');

/** Control frame kinds. */
export const Kind = {
  Block: 0,
  Loop: 1,
  If: 2,
  Else: 3,
  Try: 4,
  Catch: 5,
  CatchAll: 6,
  TryTable: 7,
  Func: 8,
} as const;

/** Block type encoding: EMPTY, a value type (> 0), or -2 - typeIndex. */
export const BT_EMPTY = -1;

const EMPTY: readonly ValType[] = [];

/** Operand and control stacks plus the byte cursor over one function body. */
export class FuncValidator {
  // byte cursor
  bytes: Uint8Array = new Uint8Array(0);
  pos = 0;
  end = 0;
  /** Offset of the current instruction, for error messages. */
  opStart = 0;

  ctx: ModuleContext = EMPTY_CONTEXT;
  types: readonly SubType[] = [];
  features!: WasmFeatures;
  enabled: Uint8Array = new Uint8Array(0);

  // operand stack
  vals = new Int32Array(1024);
  sp = 0;

  // control stack, one entry per frame in parallel arrays
  ctlKind = new Uint8Array(256);
  ctlBt = new Int32Array(256);
  ctlHeight = new Int32Array(256);
  ctlUnreach = new Uint8Array(256);
  ctlInit = new Int32Array(256);
  csp = 0;
  /** Operand height and reachability of the innermost frame, cached from the arrays above. */
  height = 0;
  unreach = false;

  // locals
  localTypes = new Int32Array(256);
  localInit = new Uint8Array(256);
  numLocals = 0;
  /** Indices of non-defaultable locals set since their enclosing frames began. */
  initStack = new Int32Array(64);
  initSp = 0;

  /** Bit mask (context.ts FEATURE_LIST) of the proposals the body's instructions and types use. */
  used = 0;

  /** Function type index of the function being validated. */
  funcType = 0;

  // ---- errors ----

  fail(message: string): never {
    return invalid(message, this.opStart);
  }

  bad(message: string): never {
    return malformed(message, this.opStart);
  }

  featureError(feature: Feature): never {
    throw new CompileError('invalid', `${FEATURE_NAMES[feature]} support is not enabled`, this.opStart);
  }

  requireFeature(feature: Exclude<Feature, 'mvp'>): void {
    if (!this.features[feature]) this.featureError(feature);
    this.used |= featureBit(feature);
  }

  // ---- byte reading ----

  eofError(): never {
    return malformed('unexpected end of section or function', this.pos);
  }

  u8(): number {
    if (this.pos >= this.end) this.eofError();
    return this.bytes[this.pos++];
  }

  u32(): number {
    const p = this.pos;
    if (p < this.end) {
      const b = this.bytes[p];
      if (b < 0x80) {
        this.pos = p + 1;
        return b;
      }
    }
    return readU32Leb(this, this.bytes, this.end, 'unexpected end of section or function');
  }

  /** Skips a signed LEB128 of at most `bits` bits, checking its encoding. */
  skipSleb(bits: number): void {
    const maxBytes = Math.ceil(bits / 7);
    const bytes = this.bytes;
    for (let i = 0; ; i++) {
      if (this.pos >= this.end) this.eofError();
      const b = bytes[this.pos++];
      if (i === maxBytes - 1) {
        if (b & 0x80) malformed('integer representation too long', this.pos - 1);
        const used = bits - i * 7;
        const mask = ((0x7f >> (used - 1)) << (used - 1)) & 0x7f;
        const high = b & mask;
        if (high !== 0 && high !== mask) malformed('integer too large', this.pos - 1);
        return;
      }
      if (!(b & 0x80)) return;
    }
  }

  /** A signed LEB128 of at most 33 bits, as a number. */
  s33(): number {
    const p = this.pos;
    if (p < this.end) {
      const b = this.bytes[p];
      if (b < 0x80) {
        this.pos = p + 1;
        return b & 0x40 ? b - 0x80 : b;
      }
    }
    let result = 0;
    let mul = 1;
    const bytes = this.bytes;
    for (let i = 0; ; i++) {
      if (this.pos >= this.end) this.eofError();
      const b = bytes[this.pos++];
      if (i === 4) {
        if (b & 0x80) malformed('integer representation too long', this.pos - 1);
        // bits 33..34 of this byte must equal the sign bit (bit 32, this byte's bit 4)
        const high = b & 0x70;
        if (high !== 0 && high !== 0x70) malformed('integer too large', this.pos - 1);
        result += (b & 0x0f) * mul;
        if (b & 0x10) result -= 2 ** 32;
        return result;
      }
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) {
        if (b & 0x40) result -= mul;
        return result;
      }
    }
  }

  /** An unsigned LEB128 of at most 64 bits, as a (possibly rounded) number. */
  u64(): number {
    let result = 0;
    let mul = 1;
    const bytes = this.bytes;
    for (let i = 0; ; i++) {
      if (this.pos >= this.end) this.eofError();
      const b = bytes[this.pos++];
      if (i === 9) {
        if (b & 0x80) malformed('integer representation too long', this.pos - 1);
        if (b & 0x7e) malformed('integer too large', this.pos - 1);
      }
      result += (b & 0x7f) * mul;
      if (!(b & 0x80)) return result;
      mul *= 128;
    }
  }

  skip(n: number): void {
    if (n > this.end - this.pos) {
      this.pos = this.end;
      this.eofError();
    }
    this.pos += n;
  }

  // ---- types ----

  /** True if `a` matches `b` (value subtyping; BOT and the bottom reference match as the spec says). */
  sub(a: ValType, b: ValType): boolean {
    if (a === b || a === BOT) return true;
    if (a < REF_BASE || b < REF_BASE) return false;
    if ((a & 1) === 1 && (b & 1) === 0) return false;
    const ha = refHeap(a);
    if (ha === HEAP_BOT) return true;
    return isHeapSubtype(ha, refHeap(b), this.types);
  }

  /** The function type at `index`, or an error. */
  funcTypeAt(index: number): FuncType {
    if (index >= this.types.length) this.fail(`unknown type ${index}`);
    const c = this.types[index].composite;
    if (c.kind !== 'func') this.fail('type mismatch: not a function type');
    return c;
  }

  /** Reads a heap type immediate, checking the index and the features it needs. */
  readHeapType(): number {
    const at = this.pos;
    const h = this.s33();
    if (h >= 0) {
      this.requireFeature('functionReferences');
      if (h >= this.types.length) this.fail(`unknown type ${h}`);
      return h;
    }
    this.checkAbstractHeap(h, at);
    return h;
  }

  checkAbstractHeap(h: number, at: number): void {
    if (h < HeapKind.Exn || h > HeapKind.NoExn) malformed('malformed heap type', at);
    switch (h) {
      case HeapKind.Func:
      case HeapKind.Extern:
        this.requireFeature('referenceTypes');
        break;
      case HeapKind.Exn:
      case HeapKind.NoExn:
        this.requireFeature('exceptions');
        break;
      default:
        this.requireFeature('gc');
    }
  }

  /** Reads a value type (used by block types and typed select). */
  readValType(): ValType {
    const at = this.pos;
    const b = this.u8();
    // not opcodes: value type bytes
    switch (b) {
      case 0x7f:
      case 0x7e:
      case 0x7d:
      case 0x7c:
        return b;
      case 0x7b:
        this.requireFeature('simd');
        return V128;
      case 0x63:
      case 0x64: {
        this.requireFeature('functionReferences');
        const h = this.readHeapType();
        return refType(h, b === 0x63);
      }
    }
    if (b >= 0x69 && b <= 0x74) {
      const h = b - 0x80;
      this.checkAbstractHeap(h, at);
      return refType(h, true);
    }
    return malformed('malformed value type', at);
  }

  /** Checks that a (decoded) local type is allowed by the features. */
  checkLocalType(t: ValType): void {
    if (t === V128) this.requireFeature('simd');
    else if (t >= REF_BASE) {
      const h = refHeap(t);
      if ((t & 1) === 0 || h >= 0) this.requireFeature('functionReferences');
      if (h < 0) this.checkAbstractHeap(h, this.opStart);
      else if (h >= this.types.length) this.fail(`unknown type ${h}`);
    }
  }

  // ---- block types ----

  nParams(bt: number): number {
    return bt < -1 ? (this.types[-2 - bt].composite as FuncType).params.length : 0;
  }
  nResults(bt: number): number {
    return bt < -1 ? (this.types[-2 - bt].composite as FuncType).results.length : bt === BT_EMPTY ? 0 : 1;
  }
  params(bt: number): readonly ValType[] {
    return bt < -1 ? (this.types[-2 - bt].composite as FuncType).params : EMPTY;
  }
  results(bt: number): readonly ValType[] {
    if (bt < -1) return (this.types[-2 - bt].composite as FuncType).results;
    return bt === BT_EMPTY ? EMPTY : [bt];
  }
  /** Label types of the frame at control-stack index `f` (a loop's label takes its parameters). */
  labelTypes(f: number): readonly ValType[] {
    const bt = this.ctlBt[f];
    return this.ctlKind[f] === Kind.Loop ? this.params(bt) : this.results(bt);
  }
  /** Control-stack index of label `l`, or an error. */
  label(l: number): number {
    const f = this.csp - 1 - l;
    if (l >= this.csp) this.fail(`unknown label ${l}`);
    return f;
  }

  // ---- operand stack ----

  push(t: ValType): void {
    if (this.sp === this.vals.length) this.growVals();
    this.vals[this.sp++] = t;
  }

  growVals(): void {
    const v = new Int32Array(this.vals.length * 2);
    v.set(this.vals);
    this.vals = v;
  }

  pushList(ts: readonly ValType[]): void {
    for (let i = 0; i < ts.length; i++) this.push(ts[i]);
  }

  /** Pops any operand (BOT in unreachable code when the frame is empty). */
  popAny(): ValType {
    if (this.sp === this.height) {
      if (this.unreach) return BOT;
      this.mismatchAny();
    }
    return this.vals[--this.sp];
  }

  /** Pops an operand that must match `t`; returns the actual type. */
  pop(t: ValType): ValType {
    const sp = this.sp;
    if (sp > this.height) {
      const a = this.vals[sp - 1];
      if (a === t || this.sub(a, t)) {
        this.sp = sp - 1;
        return a;
      }
    } else if (this.unreach) return BOT;
    return this.mismatch([t]);
  }

  /** Pops `t` without failing; false if the top does not match. */
  tryPop(t: ValType): boolean {
    const sp = this.sp;
    if (sp > this.height) {
      const a = this.vals[sp - 1];
      if (a === t || this.sub(a, t)) {
        this.sp = sp - 1;
        return true;
      }
      return false;
    }
    return this.unreach;
  }

  /** Pops operands matching `ts` (last on top). */
  popList(ts: readonly ValType[]): void {
    const sp0 = this.sp;
    for (let i = ts.length - 1; i >= 0; i--) {
      if (!this.tryPop(ts[i])) {
        this.sp = sp0;
        this.mismatch(ts);
      }
    }
  }

  /** Checks that the top of the stack matches `ts` without popping (br_table targets). */
  peekList(ts: readonly ValType[]): void {
    const n = ts.length;
    for (let i = 0; i < n; i++) {
      const p = this.sp - 1 - i;
      if (p >= this.height) {
        if (!this.sub(this.vals[p], ts[n - 1 - i])) this.mismatch(ts);
      } else if (!this.unreach) this.mismatch(ts);
      else break;
    }
  }

  /** Pops a reference operand (the bottom reference in unreachable code). */
  popRef(): ValType {
    const a = this.popAny();
    if (a === BOT) return REF_BOT;
    if (a < REF_BASE) this.fail(`type mismatch: instruction requires reference but stack has [${typeName(a)}]`);
    return a;
  }

  mismatchAny(): never {
    return this.fail('type mismatch: instruction requires [any] but stack has []');
  }

  /** Fails with the reference interpreter's message for a pop of `ts` against the current stack. */
  mismatch(ts: readonly ValType[]): never {
    const avail = this.sp - this.height;
    const n = Math.min(ts.length, avail);
    const have: string[] = [];
    for (let i = this.sp - n; i < this.sp; i++) have.push(typeName(this.vals[i]));
    return this.fail(
      `type mismatch: instruction requires [${ts.map(typeName).join(' ')}] but stack has [${have.join(' ')}]`,
    );
  }

  // ---- control stack ----

  pushCtrl(kind: number, bt: number): void {
    if (this.csp === this.ctlKind.length) this.growCtl();
    const c = this.csp++;
    this.ctlKind[c] = kind;
    this.ctlBt[c] = bt;
    this.ctlHeight[c] = this.sp;
    this.ctlUnreach[c] = 0;
    this.ctlInit[c] = this.initSp;
    this.height = this.sp;
    this.unreach = false;
  }

  /** Replaces the control stack arrays with empty ones of `n` entries. */
  resetCtl(n: number): void {
    this.ctlKind = new Uint8Array(n);
    this.ctlBt = new Int32Array(n);
    this.ctlHeight = new Int32Array(n);
    this.ctlUnreach = new Uint8Array(n);
    this.ctlInit = new Int32Array(n);
  }

  growCtl(): void {
    const n = this.ctlKind.length * 2;
    const kind = new Uint8Array(n);
    kind.set(this.ctlKind);
    this.ctlKind = kind;
    const bt = new Int32Array(n);
    bt.set(this.ctlBt);
    this.ctlBt = bt;
    const h = new Int32Array(n);
    h.set(this.ctlHeight);
    this.ctlHeight = h;
    const u = new Uint8Array(n);
    u.set(this.ctlUnreach);
    this.ctlUnreach = u;
    const init = new Int32Array(n);
    init.set(this.ctlInit);
    this.ctlInit = init;
  }

  /** Checks the innermost frame's results and removes the frame; the results are not pushed. */
  popCtrl(): void {
    const f = this.csp - 1;
    const bt = this.ctlBt[f];
    if (bt === BT_EMPTY) {
      // fast path: nothing to pop
    } else if (bt > 0) {
      const sp = this.sp;
      if (sp > this.height) {
        const a = this.vals[sp - 1];
        if (a === bt || this.sub(a, bt)) this.sp = sp - 1;
        else this.mismatch([bt]);
      } else if (!this.unreach) this.mismatch([bt]);
    } else this.popList(this.results(bt));
    if (this.sp !== this.height) this.blockMismatch(this.results(bt));
    this.resetLocals(this.ctlInit[f]);
    this.csp = f;
    if (f > 0) {
      this.height = this.ctlHeight[f - 1];
      this.unreach = this.ctlUnreach[f - 1] === 1;
    }
  }

  blockMismatch(ts: readonly ValType[]): never {
    const have: string[] = [];
    for (let i = this.height; i < this.sp; i++) have.push(typeName(this.vals[i]));
    // the frame's results were popped already; show the whole frame as the reference interpreter does
    for (const t of ts) have.push(typeName(t));
    return this.fail(`type mismatch: block requires [${ts.map(typeName).join(' ')}] but stack has [${have.join(' ')}]`);
  }

  /** Marks the rest of the innermost frame unreachable (stack-polymorphic). */
  setUnreachable(): void {
    this.sp = this.height;
    this.unreach = true;
    this.ctlUnreach[this.csp - 1] = 1;
  }

  // ---- locals ----

  resetLocals(to: number): void {
    const init = this.localInit;
    const stack = this.initStack;
    for (let i = to; i < this.initSp; i++) init[stack[i]] = 0;
    this.initSp = to;
  }

  /** Records that local `idx` (not yet initialized) is now set. */
  initLocal(idx: number): void {
    if (this.initSp === this.initStack.length) {
      const s = new Int32Array(this.initStack.length * 2);
      s.set(this.initStack);
      this.initStack = s;
    }
    this.initStack[this.initSp++] = idx;
    this.localInit[idx] = 1;
  }

  /** Resolves the ADDR placeholder: the address type of memory `mem`. */
  memoryAddr(mem: number): ValType {
    const m = this.ctx.memoryAddr;
    if (mem >= m.length) this.fail(`unknown memory ${mem}`);
    if (mem !== 0) this.used |= MULTI_MEMORY_BIT;
    return m[mem];
  }

  tableAddr(table: number): ValType {
    const t = this.ctx.tableAddr;
    if (table >= t.length) this.fail(`unknown table ${table}`);
    return t[table];
  }

  /** Checks a data segment index (which needs the data count section). */
  dataIndex(d: number): void {
    const count = this.ctx.dataCount;
    if (count < 0) malformed('data count section required', this.opStart);
    if (d >= count) this.fail(`unknown data segment ${d}`);
  }

  /** Checks an element segment index and returns the segment's reference type. */
  elemType(e: number): ValType {
    const types = this.ctx.elemTypes;
    if (e >= types.length) this.fail(`unknown elem segment ${e}`);
    return types[e];
  }
}

/** Text form of a type for messages. */
export function typeName(t: ValType): string {
  if (t === BOT) return '_';
  if (t >= REF_BASE && refHeap(t) === HEAP_BOT) return '(ref bot)';
  return valTypeToString(t);
}
