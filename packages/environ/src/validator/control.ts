// Control-flow rules shared by the main loop: block types, frames, labels, branch tables, tail calls,
// try_table catch clauses. The frames themselves live in state.ts.

import { malformed } from '../errors.js';
import { checkLimit } from '../limits.js';
import { HeapKind, I32, refType, type ValType, withNullable } from '../types.js';
import { BT_EMPTY, FuncValidator, Kind } from './state.js';

const NON_NULL_EXN = refType(HeapKind.Exn, false);

/** The validator's control-flow helpers, on top of its stacks. */
export class ControlValidator extends FuncValidator {
  missingEnd(): never {
    // A body that stops before its last `end`: the reference interpreter reads on into the next body
    // (and finds some other opcode) or into the end of the section.
    return malformed(
      this.end >= this.bytes.length ? 'unexpected end of section or function' : 'END opcode expected',
      this.pos,
    );
  }

  illegal(op: number, sub?: number): never {
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    return malformed(`illegal opcode ${hex(op)}${sub === undefined ? '' : ` ${hex(sub)}`}`, this.opStart);
  }

  /** `else`, `catch`, `delegate` outside their block: the binary reader finds no matching structure. */
  misplaced(): never {
    return malformed('END opcode expected', this.opStart);
  }

  funcTypeOf(f: number): number {
    const ft = this.ctx.funcTypes;
    if (f >= ft.length) this.fail(`unknown function ${f}`);
    return ft[f];
  }

  tagFuncType(tag: number) {
    const tags = this.ctx.tagTypes;
    if (tag >= tags.length) this.fail(`unknown tag ${tag}`);
    return this.funcTypeAt(tags[tag]);
  }

  readBlockType(): number {
    if (this.pos >= this.end) this.eofError();
    const b = this.bytes[this.pos];
    if (b === 0x40) {
      this.pos++;
      return BT_EMPTY;
    }
    if ((b & 0xc0) === 0x40) return this.readValType();
    const at = this.pos;
    const idx = this.s33();
    if (idx < 0) malformed('malformed value type', at);
    this.requireFeature('multiValue');
    this.funcTypeAt(idx);
    return -2 - idx;
  }

  enterBlock(kind: number, bt: number): void {
    if (bt < -1) {
      const params = this.params(bt);
      this.popList(params);
      this.pushCtrl(kind, bt);
      this.pushList(params);
    } else this.pushCtrl(kind, bt);
  }

  /** Ends the then-branch of the innermost `if` and starts its else-branch. */
  toElse(): void {
    const bt = this.ctlBt[this.csp - 1];
    this.popCtrl();
    this.pushCtrl(Kind.Else, bt);
    if (bt < -1) this.pushList(this.params(bt));
  }

  pushResults(bt: number): void {
    if (bt > 0) this.push(bt);
    else if (bt < -1) this.pushList(this.results(bt));
  }

  popLabel(f: number): void {
    const bt = this.ctlBt[f];
    if (this.ctlKind[f] === Kind.Loop) {
      if (bt < -1) this.popList(this.params(bt));
    } else if (bt > 0) {
      if (!this.tryPop(bt)) this.mismatch([bt]);
    } else if (bt < -1) this.popList(this.results(bt));
  }

  pushLabel(f: number): void {
    const bt = this.ctlBt[f];
    if (this.ctlKind[f] === Kind.Loop) {
      if (bt < -1) this.pushList(this.params(bt));
    } else this.pushResults(bt);
  }

  labelArity(f: number): number {
    const bt = this.ctlBt[f];
    return this.ctlKind[f] === Kind.Loop ? this.nParams(bt) : this.nResults(bt);
  }

  brTable(): void {
    const np = this.pos;
    const n = this.u32();
    if (n > this.end - this.pos) malformed('unexpected end of section or function', this.pos);
    checkLimit('brTableTargets', n, 'br_table targets', np);
    this.pop(I32);
    const first = this.pos;
    for (let i = 0; i < n; i++) this.u32();
    const fd = this.label(this.u32());
    const after = this.pos;
    const arity = this.labelArity(fd);
    this.pos = first;
    for (let i = 0; i < n; i++) {
      const f = this.label(this.u32());
      if (this.labelArity(f) !== arity) this.fail('type mismatch: br_table targets have different arities');
      this.peekList(this.labelTypes(f));
    }
    this.pos = after;
    this.popLabel(fd);
    this.setUnreachable();
  }

  tailCall(results: readonly ValType[]): void {
    const own = this.funcTypeAt(this.funcType).results;
    if (results.length !== own.length) this.fail('type mismatch: tail call results differ');
    for (let i = 0; i < own.length; i++) {
      if (!this.sub(results[i], own[i])) this.fail('type mismatch: tail call results differ');
    }
    this.setUnreachable();
  }

  brOnNonNull(f: number): void {
    const labels = this.labelTypes(f);
    const n = labels.length;
    if (n === 0) this.fail('type mismatch: br_on_non_null label has no reference');
    const rt = this.popRef();
    if (!this.sub(withNullable(rt, false), labels[n - 1])) this.mismatch(labels);
    const rest = labels.slice(0, n - 1);
    this.popList(rest);
    this.pushList(rest);
  }

  tryTable(): void {
    const bt = this.readBlockType();
    const n = this.u32();
    if (n > this.end - this.pos) malformed('unexpected end of section or function', this.pos);
    for (let i = 0; i < n; i++) {
      const kind = this.u8();
      if (kind > 3) malformed('malformed catch clause', this.pos - 1);
      let provided: ValType[] = [];
      if (kind < 2) provided = [...this.tagFuncType(this.u32()).params];
      if (kind === 1 || kind === 3) provided.push(NON_NULL_EXN);
      const labels = this.labelTypes(this.label(this.u32()));
      if (labels.length !== provided.length) this.fail('type mismatch: catch label arity');
      for (let j = 0; j < labels.length; j++) {
        if (!this.sub(provided[j], labels[j])) this.fail('type mismatch: catch label type');
      }
    }
    this.enterBlock(Kind.TryTable, bt);
  }
}
