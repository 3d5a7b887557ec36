// Which form of a v128 local is read after each write of it (README.md, "v128 as lanes"): a local that f32
// operators read is held as f32 numbers (`l<i>f`..) beside its lane bits (`l<i>`..), and a write in one form converts
// to the other. The conversion is dead where no read of the other form can follow before the next write (mandelbrot's
// `zr` is read as bits once before its loop and written as numbers in it: each iteration converted it back to bits
// for nothing). This is a backward liveness analysis over the body's structured control flow, per form, from the
// reads the translator's first pass saw (a `local.get` whose value was read as bits, as numbers, or both).

import { BinaryReader, type OperatorInfo, operatorFrom, skipBlockType, skipImmediates } from '@wasmts/environ';

/** The writes (`local.set`/`local.tee`, by their operator's offset) after which a form of the local is never read. */
export interface V128FormLiveness {
  /** Writes whose lane bits nothing reads before the next write. */
  readonly bitsDead: ReadonlySet<number>;
  /** Writes whose f32 numbers nothing reads before the next write. */
  readonly valuesDead: ReadonlySet<number>;
}

/** What the analysis needs of the first translation. */
export interface V128Reads {
  /** The v128 locals to analyse. */
  readonly locals: ReadonlySet<number>;
  /** Offsets of `local.get`/`local.tee` whose value was read as lane bits. */
  readonly bitsAt: ReadonlySet<number>;
  /** Offsets of `local.get`/`local.tee` whose value was read as f32 numbers. */
  readonly valuesAt: ReadonlySet<number>;
}

// events of the forward scan
const BLOCK = 0;
const LOOP = 1;
const IF = 2;
const ELSE = 3;
const END = 4;
const BR = 5;
const BR_IF = 6;
const BR_TABLE = 7;
const KILL = 8;
const GET = 9;
const SET = 10;

/** A fixed point needs more passes than this (loops nested deeply with reads at every level): the analysis gives up. */
const MAX_PASSES = 8;

/**
 * The liveness of each analysed local's two forms after each of its writes, for the body in `bytes[start, end)`
 * (after the locals' declarations). Null (everything live: convert at every write) for a body with exception
 * handlers, whose catch clauses the analysis does not model.
 */
export function v128FormLiveness(
  bytes: Uint8Array,
  start: number,
  end: number,
  reads: V128Reads,
): V128FormLiveness | null {
  if (reads.locals.size === 0) return { bitsDead: new Set(), valuesDead: new Set() };
  // tracked local -> its bit index: bits form at 2k, numbers at 2k + 1
  const index = new Map<number, number>();
  for (const l of reads.locals) index.set(l, index.size);
  const words = Math.ceil((2 * index.size) / 32);

  // forward: the events, each [kind, a, b]; a frame's opener and its end point at each other, a branch at its
  // target's opener (-1: the function's frame)
  const kind: number[] = [];
  const argA: number[] = [];
  const argB: number[] = [];
  const tables: number[][] = [];
  const ctrl: number[] = [];
  const add = (k: number, a: number, b = 0) => {
    kind.push(k);
    argA.push(a);
    argB.push(b);
    return kind.length - 1;
  };
  const target = (depth: number) => (depth >= ctrl.length ? -1 : ctrl[ctrl.length - 1 - depth]);
  const r = new BinaryReader(bytes, start, end);
  while (r.pos < end) {
    const at = r.pos;
    const op = r.u8();
    switch (op) {
      case 0x02: // block
      case 0x03: // loop
      case 0x04: // if
        skipBlockType(r);
        ctrl.push(add(op === 0x02 /* block */ ? BLOCK : op === 0x03 /* loop */ ? LOOP : IF, 0));
        continue;
      case 0x05: // else
        add(ELSE, ctrl[ctrl.length - 1]);
        continue;
      case 0x0b: {
        // end
        if (ctrl.length === 0) {
          add(KILL, 0);
          continue;
        }
        const open = ctrl.pop() as number;
        argA[open] = add(END, open);
        continue;
      }
      case 0x0c: // br
        add(BR, target(r.u32()));
        continue;
      case 0x0d: // br_if
        add(BR_IF, target(r.u32()));
        continue;
      case 0xd5: // br_on_null
      case 0xd6: // br_on_non_null
        add(BR_IF, target(r.u32()));
        continue;
      case 0x0e: {
        // br_table
        const n = r.u32();
        const list: number[] = [];
        for (let i = 0; i <= n; i++) list.push(target(r.u32()));
        add(BR_TABLE, tables.push(list) - 1);
        continue;
      }
      case 0x00: // unreachable
      case 0x0f: // return
      case 0x08: // throw
      case 0x0a: // throw_ref
        if (op === 0x08 /* throw */) r.u32();
        add(KILL, 0);
        continue;
      case 0x12: // return_call
      case 0x15: // return_call_ref
        r.u32();
        add(KILL, 0);
        continue;
      case 0x13: // return_call_indirect
        r.u32();
        r.u32();
        add(KILL, 0);
        continue;
      // exception handlers: not modelled
      case 0x06: // try
      case 0x07: // catch
      case 0x09: // rethrow
      case 0x18: // delegate
      case 0x19: // catch_all
      case 0x1f: // try_table
        return null;
      case 0x20: {
        // local.get
        const l = r.u32();
        if (index.has(l)) add(GET, l, at);
        continue;
      }
      case 0x21: // local.set
      case 0x22: {
        // local.tee
        const l = r.u32();
        if (index.has(l)) {
          add(SET, l, at);
          // a tee's value is the local's, read as its consumer reads it
          if (op === 0x22 /* local.tee */) add(GET, l, at);
        }
        continue;
      }
    }
    const o = info(r, op);
    if (o === undefined) return null;
    if (o.name === 'br_on_cast' || o.name === 'br_on_cast_fail') {
      r.u8();
      const depth = r.u32();
      r.s33();
      r.s33();
      add(BR_IF, target(depth));
      continue;
    }
    skipImmediates(r, o.imm);
  }

  // backward, to a fixed point over the loops' headers: live sets as bit vectors
  const n = kind.length;
  /** Per opener: what is live where a branch to it goes (after a block's or if's end, at a loop's header). */
  const label: (Uint32Array | undefined)[] = new Array(n);
  const none = new Uint32Array(words);
  const labelOf = (open: number) => (open < 0 ? none : (label[open] ?? none));
  const bitsDead = new Set<number>();
  const valuesDead = new Set<number>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    bitsDead.clear();
    valuesDead.clear();
    let live = new Uint32Array(words);
    /** Per if (by its opener): what is live at the start of its else arm. */
    const elseLive = new Map<number, Uint32Array>();
    for (let e = n - 1; e >= 0; e--) {
      switch (kind[e]) {
        case END: {
          const open = argA[e];
          if (kind[open] !== LOOP) label[open] = live.slice();
          break;
        }
        case ELSE:
          elseLive.set(argA[e], live);
          live = labelOf(argA[e]).slice();
          break;
        case IF:
          or(live, elseLive.get(e) ?? labelOf(e));
          break;
        case LOOP: {
          const old = label[e];
          if (old === undefined || !same(old, live)) {
            if (old !== undefined) or(live, old);
            label[e] = live.slice();
            changed = true;
          }
          break;
        }
        case BR:
          live = labelOf(argA[e]).slice();
          break;
        case BR_IF:
          or(live, labelOf(argA[e]));
          break;
        case BR_TABLE:
          live = new Uint32Array(words);
          for (const t of tables[argA[e]]) or(live, labelOf(t));
          break;
        case KILL:
          live = new Uint32Array(words);
          break;
        case GET: {
          const k = 2 * (index.get(argA[e]) as number);
          if (reads.bitsAt.has(argB[e])) set(live, k);
          if (reads.valuesAt.has(argB[e])) set(live, k + 1);
          break;
        }
        case SET: {
          const k = 2 * (index.get(argA[e]) as number);
          if (!has(live, k)) bitsDead.add(argB[e]);
          if (!has(live, k + 1)) valuesDead.add(argB[e]);
          clear(live, k);
          clear(live, k + 1);
          break;
        }
      }
    }
    if (!changed) return { bitsDead, valuesDead };
  }
  return null;
}

function or(a: Uint32Array, b: Uint32Array): void {
  for (let i = 0; i < a.length; i++) a[i] |= b[i];
}
function same(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
function set(a: Uint32Array, k: number): void {
  a[k >>> 5] |= 1 << (k & 31);
}
function clear(a: Uint32Array, k: number): void {
  a[k >>> 5] &= ~(1 << (k & 31));
}
function has(a: Uint32Array, k: number): boolean {
  return (a[k >>> 5] & (1 << (k & 31))) !== 0;
}

/** The operator of opcode `op` (a prefix's sub-opcode read from `r`). */
function info(r: BinaryReader, op: number): OperatorInfo | undefined {
  return operatorFrom(op, r);
}
