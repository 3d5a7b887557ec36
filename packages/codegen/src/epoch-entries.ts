// Which function entries need an epoch check. Both backends ask this one analysis (the fuzzer compares how many
// checks a call makes on each), so both check at the same places: every loop header, and the entry of every
// function on a possible recursion or whose check-free calls could add up to much work (README.md, "Where the
// epoch is checked").

import {
  BinaryReader,
  type ConstExpr,
  FLAGS_BY_OPCODE,
  isRef,
  type Module,
  OpFlag,
  operatorNamed,
  SHAPE_CALL_REF,
  SHAPE_HANDLER,
  SHAPE_LOOP,
  SHAPE_RETURN_CALL_REF,
} from '@wasmts/environ';
import { leb, readLeb } from './wasm/leb.js';
import { OperatorWalker } from './wasm/operators.js';

// What the walk below looks for, per one-byte opcode, named from environ's operator table
const DIRECT_CALL = 1; // a LEB function index follows
const TAIL_CALL = 2;
const ESCAPES = 4; // a call whose callee this analysis cannot see (or that may become a host call)
const LOOP = 8;
const HANDLER = 16;
const REF_FUNC = 32; // a LEB function index follows
const OPENS = 64; // a construct with an `end` (loops have LOOP instead)
const CLOSES = 128; // `end`, `delegate`
const LOOKS_FOR = new Uint8Array(256);
for (const [name, flags] of [
  ['call', DIRECT_CALL],
  ['return_call', DIRECT_CALL | TAIL_CALL],
  ['call_indirect', ESCAPES],
  ['return_call_indirect', ESCAPES | TAIL_CALL],
  ['call_ref', ESCAPES],
  ['return_call_ref', ESCAPES | TAIL_CALL],
  ['memory.grow', ESCAPES],
  ['loop', LOOP],
  ['try', HANDLER],
  ['try_table', HANDLER],
  ['ref.func', REF_FUNC],
] as const)
  LOOKS_FOR[operatorNamed(name).code] |= flags;
// constructs from the operator table's flags (a loop is LOOP alone)
for (let op = 0; op < 256; op++) {
  const f = FLAGS_BY_OPCODE[op];
  if ((f & OpFlag.Opens) !== 0 && (LOOKS_FOR[op] & LOOP) === 0) LOOKS_FOR[op] |= OPENS;
  if ((f & OpFlag.Closes) !== 0) LOOKS_FOR[op] |= CLOSES;
}
const TABLE_GROW = operatorNamed('table.grow');
const REF_FUNC_OP = operatorNamed('ref.func').code;

/** What `epochEntryChecks` gathers of the `ref.func` operators in function bodies. */
export interface BodyRefFuncs {
  /** The functions (FuncIndex) some body's `ref.func` names. */
  readonly funcs: Set<number>;
  /** False when a body could not be read (not validated yet): it may name any declared function. */
  complete: boolean;
}

/**
 * The most code bytes a call to a function without an entry check may run before it returns or reaches a check:
 * its own body plus, at each direct call site, the same bound of its unchecked callees. A function over it gets
 * an entry check, so a chain of unchecked calls cannot multiply into exponential work between two checks.
 */
export const UNCHECKED_CALL_BYTES = 4096;

/** `epochEntryChecks`: no check at entry, and none anywhere in a call to it (no loops, only such callees). */
export const EPOCH_SILENT = 0;
/** `epochEntryChecks`: a check at entry. */
export const EPOCH_ENTRY = 1;
/** `epochEntryChecks`: no check at entry, but a call to it may check (its loops, or a callee's). */
export const EPOCH_INSIDE = 2;

/** `epochEntryChecks`' `shapes`: the body has exception handlers (`try`, `try_table`). */
export const BODY_HANDLERS = 1;
/** `epochEntryChecks`' `shapes`: the body has loops. */
export const BODY_LOOPS = 2;
/** `epochEntryChecks`' `shapes`: the body calls (any call, `memory.grow` and `table.grow`: they may become host calls). */
export const BODY_CALLS = 4;
/** `epochEntryChecks`' `shapes`: the body has tail calls (`return_call`, `return_call_indirect`, `return_call_ref`). */
export const BODY_TAIL_CALLS = 8;

/**
 * Per defined function (by DefinedFuncIndex): `EPOCH_ENTRY` when its entry checks the epoch deadline, else
 * `EPOCH_SILENT` or `EPOCH_INSIDE`.
 * A function needs the check when it can take part in a recursion without passing a loop header: outside every
 * loop of its body it calls indirectly (`call_indirect`, `call_ref`, their tail forms), calls an import (host code
 * may call any export back), grows a memory or a table (the runtime may run embedder code), or calls a function of
 * its own cycle of direct calls (such a call inside a loop comes after the loop header's check of that iteration,
 * so a recursion through it checks at every turn); or when a call to it may run more than `UNCHECKED_CALL_BYTES` of
 * code bytes without a check. Loops are checked at their headers either way. Linear in
 * the module's code size. `shapes`, when given (one byte per defined function), gets each body's `BODY_*` bits from
 * the same walk (the wasm backend's re-encoder needs them and would otherwise walk every body once more), and
 * `tailTargets`, when given, the defined functions some `return_call` names (DefinedFuncIndex). Where `scanSites`
 * found the module's sites (`CodeSites.shapes`, `CodeSites.inLoop`), a body is read from them instead of walked:
 * every call, indirect call, `ref.func` and growth is a site, `inLoop` says which are inside a loop, and the shapes
 * say where the loops, handlers and `call_ref`s are (a body with loops and a `call_ref` is walked: a `call_ref` is
 * not a site, so whether it is inside a loop is not known).
 */
export function epochEntryChecks(
  module: Module,
  shapes?: Uint8Array,
  tailTargets?: Set<number>,
  refFuncs?: BodyRefFuncs,
): Uint8Array {
  const n = module.bodies.length;
  const nImp = module.numImportedFuncs;
  const checked = new Uint8Array(n);
  // direct callees (DefinedFuncIndex), per function: offsets into one array, each `callee << 1 | inLoop` (inLoop 1
  // when the call is inside a loop: after the loop header's check in every iteration); a typed array grown by
  // doubling (JS arrays of numbers were a fifth of an instrumentation's garbage)
  const calleeStart = new Int32Array(n + 1);
  let callees: Int32Array = new Int32Array(Math.max(64, module.codeSites?.count ?? n));
  let nCallees = 0;
  // per open construct of the body being walked: 1 for a loop
  const nest: number[] = [];
  const bytes = module.bytes;
  const walker = new OperatorWalker(bytes);
  const sites = module.codeSites;
  const siteShapes = sites?.shapes;
  const siteInLoop = sites?.inLoop;
  for (let i = 0; i < n; i++) {
    calleeStart[i] = nCallees;
    const body = module.bodies[i];
    const end = body.range.end;
    let p = body.codeStart;
    let escapes = false;
    let loops = false;
    // the open loops around the operator being walked
    let loopDepth = 0;
    nest.length = 0;
    let calls = false;
    let handlers = false;
    let tail = false;
    // a body from its sites, in body order (the callees come out as the walk below finds them): one without loops,
    // or one with loops where the sites say which are inside a loop (`inLoop`, from `scanSites`) and no `call_ref`
    // (not a site: whether it is inside a loop is not known)
    const shape = siteShapes === undefined ? 0 : siteShapes[i];
    if (
      sites !== undefined &&
      siteShapes !== undefined &&
      ((shape & SHAPE_LOOP) === 0 ||
        (siteInLoop !== undefined && (shape & (SHAPE_CALL_REF | SHAPE_RETURN_CALL_REF)) === 0))
    ) {
      handlers = (shape & SHAPE_HANDLER) !== 0;
      loops = (shape & SHAPE_LOOP) !== 0;
      if ((shape & (SHAPE_CALL_REF | SHAPE_RETURN_CALL_REF)) !== 0) escapes = calls = true;
      if ((shape & SHAPE_RETURN_CALL_REF) !== 0) tail = true;
      const positions = sites.positions;
      for (let k = i === 0 ? 0 : sites.ends[i - 1], to = sites.ends[i]; k < to; k++) {
        let q = positions[k];
        const op = bytes[q];
        const flags = LOOKS_FOR[op];
        // (a body without loops has no site inside one)
        const inLoop = loops && (siteInLoop as Uint8Array)[k] === 1;
        if (flags & (DIRECT_CALL | REF_FUNC)) {
          // call / return_call / ref.func: a LEB function index
          q = readLeb(bytes, q + 1);
          const v = leb.value;
          if (flags & REF_FUNC) {
            refFuncs?.funcs.add(v);
            continue;
          }
          calls = true;
          const isTail = (flags & TAIL_CALL) !== 0;
          if (isTail) tail = true;
          if (v < nImp || v - nImp >= n) escapes ||= !inLoop;
          else {
            if (nCallees === callees.length) callees = doubled(callees);
            callees[nCallees++] = ((v - nImp) << 1) | (inLoop ? 1 : 0);
            if (isTail) tailTargets?.add(v - nImp);
          }
        } else if (flags & ESCAPES) {
          calls = true;
          escapes ||= !inLoop;
          if (flags & TAIL_CALL) tail = true;
        } else if (op === TABLE_GROW.prefix) {
          // the one site under 0xfc
          calls = true;
          escapes ||= !inLoop;
        }
      }
      p = end;
    }
    // a body not validated yet (decoded with lazy validation) may be anything: where it cannot be read it gets an
    // entry check, and a call to it throws its CompileError before it runs (validation before translation)
    try {
      while (p < end) {
        const flags = LOOKS_FOR[bytes[p]];
        if (flags & REF_FUNC) {
          // ref.func: a LEB function index
          p = readLeb(bytes, p + 1);
          refFuncs?.funcs.add(leb.value);
          continue;
        }
        if (flags & DIRECT_CALL) {
          calls = true;
          const isTail = (flags & TAIL_CALL) !== 0;
          if (isTail) tail = true;
          // call / return_call: a LEB function index
          p = readLeb(bytes, p + 1);
          const v = leb.value;
          // (an index past the functions only in a body not validated yet)
          if (v < nImp || v - nImp >= n) escapes ||= loopDepth === 0;
          else {
            if (nCallees === callees.length) callees = doubled(callees);
            callees[nCallees++] = ((v - nImp) << 1) | (loopDepth > 0 ? 1 : 0);
            if (isTail) tailTargets?.add(v - nImp);
          }
          continue;
        }
        if (flags !== 0) {
          if (flags & LOOP) {
            loops = true;
            nest.push(1);
            loopDepth++;
          }
          if (flags & OPENS) nest.push(0);
          if (flags & CLOSES && nest.length > 0 && nest.pop() === 1) loopDepth--;
          if (flags & HANDLER) handlers = true;
          if (flags & ESCAPES) {
            calls = true;
            escapes ||= loopDepth === 0;
          }
          if (flags & TAIL_CALL) tail = true;
        }
        p = walker.next(p);
        const slow = walker.slow;
        if (slow === TABLE_GROW) {
          calls = true;
          escapes ||= loopDepth === 0;
        }
      }
    } catch (e) {
      if (module.pendingBodies?.pending[i] !== 1) throw e;
      nCallees = calleeStart[i];
      escapes = true;
      if (refFuncs !== undefined) refFuncs.complete = false;
    }
    if (shapes !== undefined)
      shapes[i] =
        (handlers ? BODY_HANDLERS : 0) |
        (loops ? BODY_LOOPS : 0) |
        (calls ? BODY_CALLS : 0) |
        (tail ? BODY_TAIL_CALLS : 0);
    if (escapes) checked[i] = EPOCH_ENTRY;
    else if (loops) checked[i] = EPOCH_INSIDE;
  }
  calleeStart[n] = nCallees;

  // Tarjan's strongly connected components over direct calls, iteratively; a component completes after every
  // component it calls, so each function's bound is computed after its callees'
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  // per function: its bound (at most UNCHECKED_CALL_BYTES + 1; small integers, so no boxed sums)
  const cost = new Int32Array(n);
  // per function: the root of its component, once the component is complete
  const component = new Int32Array(n).fill(-1);
  // Tarjan's stack, and the work stack of pairs (function, next callee position): each function is on each once
  const stack = new Int32Array(n);
  let sp = 0;
  const work = new Int32Array(2 * n);
  let wp = 0;
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    work[wp++] = root;
    work[wp++] = calleeStart[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (wp > 0) {
      const v = work[wp - 2];
      const at = work[wp - 1];
      if (at < calleeStart[v + 1]) {
        work[wp - 1] = at + 1;
        const w = callees[at] >> 1;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          work[wp++] = w;
          work[wp++] = calleeStart[w];
        } else if (onStack[w] === 1 && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      wp -= 2;
      if (wp > 0) {
        const parent = work[wp - 2];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] !== index[v]) continue;
      // v roots a component: its members are the stack from v up (more than one member, or a call to itself, is a
      // cycle); popped first, then each one's bound (reading only callees outside it, all complete)
      let from = sp;
      do {
        const w = stack[--from];
        onStack[w] = 0;
        component[w] = v;
      } while (stack[from] !== v);
      for (let j = from; j < sp; j++) {
        const m = stack[j];
        if (checked[m] === EPOCH_ENTRY) continue;
        // a call within the component (a recursion) outside every loop of the body needs the entry check; one
        // inside a loop comes after that loop header's check, so each turn of the cycle checks anyway
        let cycleCall = false;
        let silent = checked[m] === EPOCH_SILENT;
        let c = module.bodies[m].range.end - module.bodies[m].codeStart;
        for (let k = calleeStart[m]; k < calleeStart[m + 1]; k++) {
          const callee = callees[k] >> 1;
          if (component[callee] === v) {
            if ((callees[k] & 1) === 0) cycleCall = true;
            silent = false;
            continue;
          }
          if (checked[callee] !== EPOCH_ENTRY) c += cost[callee];
          if (checked[callee] !== EPOCH_SILENT) silent = false;
        }
        cost[m] = Math.min(c, UNCHECKED_CALL_BYTES + 1);
        if (cycleCall || c > UNCHECKED_CALL_BYTES) checked[m] = EPOCH_ENTRY;
        else if (!silent) checked[m] = EPOCH_INSIDE;
      }
      sp = from;
    }
  }
  return checked;
}

/** `a` in an Int32Array of twice its length. */
function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Per type index (by `canonical`), 1 when an indirect call of that type (`call_indirect`, `call_ref`) reaches no
 * epoch check: every function it could call is a defined function that checks nowhere (`EPOCH_SILENT` in
 * `checked`, from `epochEntryChecks`). Null when the module is open to function references from outside, so
 * that an indirect call could reach anything: a table is imported or exported, or any import or export (a
 * function's parameters or results, a global, a tag) has a reference type (host code could hand in a function
 * reference, also inside a GC object), or a function type declares a supertype (a call could reach a subtype's
 * function). In a closed module every function reference is one of `declaredFuncRefs` (`ref.func` and elements
 * name only those), so the targets of a type are the functions of that type that elements, constant expressions
 * and, when `bodyRefs` is complete (from `epochEntryChecks`' walk), bodies' `ref.func` name; without it every
 * declared function, exports included. Linear in the module's declarations.
 */
export function epochSilentIndirect(module: Module, checked: Uint8Array, bodyRefs?: BodyRefFuncs): Uint8Array | null {
  const types = module.types;
  const funcTypeHasRef = (t: number): boolean => {
    const c = types[t].composite;
    if (c.kind !== 'func') return true;
    for (const v of c.params) if (isRef(v)) return true;
    for (const v of c.results) if (isRef(v)) return true;
    return false;
  };
  for (const t of types) if (t.composite.kind === 'func' && t.supertype !== -1) return null;
  for (const imp of module.imports) {
    const ty = imp.type;
    if (ty.kind === 'table') return null;
    if (ty.kind === 'func' && funcTypeHasRef(ty.typeIndex)) return null;
    if (ty.kind === 'global' && isRef(ty.type.type)) return null;
    if (ty.kind === 'tag' && funcTypeHasRef(ty.type.typeIndex)) return null;
  }
  for (const exp of module.exports) {
    if (exp.kind === 'table') return null;
    if (exp.kind === 'func' && funcTypeHasRef(module.functions[exp.index])) return null;
    if (exp.kind === 'global' && isRef(module.globals[exp.index].type.type)) return null;
    if (exp.kind === 'tag' && funcTypeHasRef(module.tags[exp.index].typeIndex)) return null;
  }
  // the functions a reference can be made of: elements and constant expressions (globals, tables) name them, and
  // bodies with `ref.func`; an export alone makes none (it declares the function for `ref.func` only)
  let targets: ReadonlySet<number> = module.declaredFuncRefs;
  if (bodyRefs?.complete) {
    const named = new Set<number>(bodyRefs.funcs);
    const exprs: ConstExpr[] = [];
    for (const e of module.elements) {
      if (e.funcIndices !== null) for (const f of e.funcIndices) named.add(f);
      if (e.exprs !== null) exprs.push(...e.exprs);
    }
    for (let g = module.numImportedGlobals; g < module.globals.length; g++) {
      const init = module.globals[g].init;
      if (init !== null) exprs.push(init);
    }
    for (let t = module.numImportedTables; t < module.tables.length; t++) {
      const init = module.tables[t].init;
      if (init !== null) exprs.push(init);
    }
    const walker = new OperatorWalker(module.bytes);
    for (const e of exprs)
      for (let p = e.start; p < e.end; ) {
        if (module.bytes[p] === REF_FUNC_OP) named.add(new BinaryReader(module.bytes, p + 1, e.end).u32());
        p = walker.next(p);
      }
    targets = named;
  }
  const silent = new Uint8Array(types.length).fill(1);
  const nImp = module.numImportedFuncs;
  for (const f of targets) {
    const t = types[module.functions[f]].canonical;
    if (f < nImp || checked[f - nImp] !== EPOCH_SILENT) silent[t] = 0;
  }
  return silent;
}
