// Errors at the boundary (docs/js-abi.md, "Errors at the boundary"): traps with wasm backtraces, link
// errors, and uncaught wasm exceptions.

import { funcIndexOfFrameName } from '@wasmts/codegen';
import { type FuncIndex, TrapCode } from '@wasmts/environ';
import { HostError, Trap as RuntimeTrap, WasmException } from '@wasmts/runtime';

export { TrapCode } from '@wasmts/environ';

/** A wasm trap: `code` says why, `backtrace` lists the wasm frames (the runtime's Trap class, typed). */
export interface Trap extends Error {
  /** Why execution stopped. */
  readonly code: TrapCode;
  /** The wasm frames active at the trap (set when the trap crosses the API boundary). */
  backtrace: WasmBacktrace | null;
}

/** The Trap class (the runtime's; `instanceof Trap` works for every trap). */
export const Trap: { new (code: TrapCode, message?: string): Trap; readonly prototype: Trap } =
  RuntimeTrap as unknown as { new (code: TrapCode, message?: string): Trap; readonly prototype: Trap };

/** One wasm frame of a backtrace. */
export interface FrameInfo {
  /** The wasm function index. */
  readonly funcIndex: number;
  /** The function's name from the name section, or null. */
  readonly funcName: string | null;
  /** The module's name from the name section, or null. */
  readonly moduleName: string | null;
  /**
   * The byte offset in the module's bytes of the operator this frame was running (the trapping one in the
   * innermost frame, a call in the others), as wasmtime's `FrameInfo::module_offset`; null where the backend
   * cannot tell.
   */
  readonly moduleOffset: number | null;
  /** `moduleOffset` relative to the start of the function's body (wasmtime's `func_offset`), or null. */
  readonly funcOffset: number | null;
}

/** Names for the frames of one module (its function names and the module's name). */
export interface BacktraceNames {
  readonly funcNames: readonly (string | null)[];
  readonly moduleName: string | null;
  /**
   * Wasm backend: the module's function index of a function index the host engine prints (the
   * instrumented module adds imports), -1 for added ones; absent on the JS backend.
   */
  originalFuncIndex?: (hostIndex: number) => number;
  /**
   * Wasm backend: the module's original bytes and the map from an instrumented byte offset to the
   * original one, to read the operator a trap happened at. Kept here, so they live as long as the module
   * and its instances do (these names), not longer.
   */
  trapSites?: {
    readonly bytes: Uint8Array;
    readonly originalOffset: (o: number) => number;
    /** Whether each memory (index space, imports first) is shared. */
    readonly sharedMemories: readonly boolean[];
  };
  /** Where each defined function's body starts in the module's bytes (for `FrameInfo.funcOffset`). */
  bodyStarts?: readonly number[];
  /**
   * JS backend: the module offset of the operator at a position (1-based line and column, as the JS stack prints
   * them) of the generated source of function `funcIndex`, or null (codegen's `sourcePosition`).
   */
  jsOffset?: (funcIndex: FuncIndex, line: number, column: number) => number | null;
  /**
   * JS backend: the callee and its operator's module offset where a position of function `funcIndex`'s generated
   * source lies in the code of a callee inlined there, else null (codegen's `sourceInlined`).
   */
  jsInlined?: (funcIndex: FuncIndex, line: number, column: number) => { funcIndex: number; offset: number } | null;
}

/** A frame's offsets from its module offset (or null). */
function offsets(names: BacktraceNames | null, funcIndex: number, at: number | null) {
  if (at === null || at < 0) return { moduleOffset: null, funcOffset: null };
  const nImp = names?.bodyStarts === undefined ? 0 : names.funcNames.length - names.bodyStarts.length;
  const start = names?.bodyStarts?.[funcIndex - nImp];
  return { moduleOffset: at, funcOffset: start === undefined || at < start ? null : at - start };
}

/** The names of every loaded module by its generated script's id (`wasmts-module-<id>.js`). */
const moduleNames = new Map<number, WeakRef<BacktraceNames>>();
const forget = new FinalizationRegistry<number>((id) => moduleNames.delete(id));
let nextModuleId = 0;

/** An id for `registerModuleNames` to register names under later (a worker names the host module before). */
export function reserveModuleId(): number {
  return nextModuleId++;
}

/** The source name of the module registered (or to be registered) under `id`. */
export function moduleSourceName(id: number): string {
  return `wasmts-module-${id}.js`;
}

/** Registers a module's names (under a reserved `id`); returns the source name its generated script is loaded under. */
export function registerModuleNames(names: BacktraceNames, id = nextModuleId++): string {
  moduleNames.set(id, new WeakRef(names));
  forget.register(names, id);
  return moduleSourceName(id);
}

/**
 * Where the code of modules loaded from ahead-of-time JS modules (`Module.fromPrecompiled`) lies: no script of
 * ours names it, so its frames are told apart by their file and by lying between two marker functions of that JS
 * module (`start` before the code, `end` after it; positions as line and column).
 */
interface CodeRange {
  readonly names: WeakRef<BacktraceNames>;
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
}
const codeRanges = new Map<string, CodeRange[]>();

/** The file, line and column of the first located frame of a stack text. */
function firstLocation(stack: string): { file: string; line: number; column: number } | null {
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line) ?? /^\s*at (.*)$/.exec(line);
    const where = m === null ? null : (m[2] ?? m[1]);
    const pos = where === null ? null : POSITION.exec(where);
    if (where !== null && pos !== null)
      return { file: where.slice(0, pos.index), line: Number(pos[1]), column: Number(pos[2]) };
  }
  return null;
}

/**
 * Registers the code of a module loaded from an ahead-of-time JS module, between the stack texts taken in its
 * `start` and `end` markers; false where the host's stacks do not tell (its frames are then not listed).
 */
export function registerCodeRange(names: BacktraceNames, startStack: string, endStack: string): boolean {
  const a = firstLocation(startStack);
  const b = firstLocation(endStack);
  if (a === null || b === null || a.file !== b.file) return false;
  let list = codeRanges.get(a.file);
  if (list === undefined) {
    list = [];
    codeRanges.set(a.file, list);
  }
  // ranges of collected modules go as others come
  for (let i = list.length - 1; i >= 0; i--) if (list[i].names.deref() === undefined) list.splice(i, 1);
  list.push({ names: new WeakRef(names), from: [a.line, a.column], to: [b.line, b.column] });
  return true;
}

/** The names of the precompiled module whose code holds a frame location (`file:line:col`), or null. */
function namesAtLocation(where: string): BacktraceNames | null {
  const pos = POSITION.exec(where);
  if (pos === null || codeRanges.size === 0) return null;
  const list = codeRanges.get(where.slice(0, pos.index));
  if (list === undefined) return null;
  const line = Number(pos[1]);
  const column = Number(pos[2]);
  for (const r of list) {
    const after = line > r.from[0] || (line === r.from[0] && column > r.from[1]);
    const before = line < r.to[0] || (line === r.to[0] && column < r.to[1]);
    if (after && before) return r.names.deref() ?? null;
  }
  return null;
}

/** A JS stack line: the function name (maybe `Object.f3 [as fn]`) and its location. */
const FRAME = /^\s*at (?:async )?(\S+)(?: \[as [^\]]+\])? \((.*)\)$/;
const SOURCE = /wasmts-module-(\d+)\.js:\d+:\d+$/;
/** The line and column at the end of a JS frame's location. */
const POSITION = /:(\d+):(\d+)$/;
/** A host engine's wasm frame of a wasm-backend module (named `wasmts-module-<id>` for the host). */
const WASM_FRAME = /wasm:\/\/wasm\/wasmts-module-(\d+)-[0-9a-f]+:wasm-function\[(\d+)\]:0x([0-9a-f]+)/;

/** The names registered under a module id (see `registerModuleNames`). */
export function namesOfModuleId(id: number): BacktraceNames | null {
  return moduleNames.get(id)?.deref() ?? null;
}

/** The first wasm-backend frame of a stack text: module id, host function index and byte offset. */
export function topWasmFrame(stack: string): { id: number; funcIndex: number; offset: number } | null {
  const m = WASM_FRAME.exec(stack);
  return m === null ? null : { id: Number(m[1]), funcIndex: Number(m[2]), offset: Number.parseInt(m[3], 16) };
}

/** The wasm frames active when a trap happened, innermost first (parsed lazily from the JS stack). */
export class WasmBacktrace {
  private readonly stack: string;
  private readonly names: BacktraceNames | null;
  private readonly maxFrames: number;
  private parsed: FrameInfo[] | null = null;

  /**
   * Builds a backtrace from a caught error's JS stack text; `names` is used for frames whose module is
   * not known from the stack. At most `maxFrames` frames are kept.
   */
  constructor(stack: string, names: BacktraceNames | null, maxFrames = Infinity) {
    this.stack = stack;
    this.names = names;
    this.maxFrames = maxFrames;
  }

  /** The wasm frames, innermost first. */
  get frames(): readonly FrameInfo[] {
    if (this.parsed === null) {
      const frames: FrameInfo[] = [];
      let prevName = '';
      let prevNames: BacktraceNames | null = null;
      for (const line of this.stack.split('\n')) {
        if (frames.length >= this.maxFrames) break;
        const w = WASM_FRAME.exec(line);
        if (w !== null) {
          const names = moduleNames.get(Number(w[1]))?.deref() ?? null;
          const funcIndex = names?.originalFuncIndex?.(Number(w[2])) ?? -1;
          if (funcIndex < 0) continue;
          prevName = '';
          const at = names?.trapSites?.originalOffset(Number.parseInt(w[3], 16)) ?? null;
          frames.push({
            funcIndex,
            funcName: names?.funcNames[funcIndex] ?? null,
            moduleName: names?.moduleName ?? null,
            ...offsets(names, funcIndex, at),
          });
          continue;
        }
        const m = FRAME.exec(line);
        if (m === null) continue;
        const fname = m[1].slice(m[1].lastIndexOf('.') + 1);
        const funcIndex = funcIndexOfFrameName(fname);
        if (funcIndex === -1) continue;
        const src = SOURCE.exec(m[2]);
        // a generated function of a named script is wasm, and so is one inside a precompiled module's code;
        // other functions named like f<N> are not
        const aot = src === null ? namesAtLocation(m[2]) : null;
        if (src === null && aot === null && !m[2].includes('eval at')) continue;
        const names = aot ?? (src === null ? this.names : (moduleNames.get(Number(src[1]))?.deref() ?? null));
        // one wasm frame: a trampoline `f3` around its body `f3$t`, a boundary wrapper `f3` around its pair-ABI
        // body `f3$p` or its pair-ABI trampoline `f3$q`, that trampoline `f3$q` around its body `f3$t`, and the pieces
        // of a split body, each called by the one before it (`f3$s2` from `f3$s1` from `f3`)
        const prev = frames[frames.length - 1];
        const bare = !fname.includes('$');
        const linked =
          /\$[so]\d+$/.test(prevName) ||
          (bare ? /\$[tpq]$/.test(prevName) : fname.endsWith('$q') && prevName.endsWith('$t'));
        if (prev !== undefined && prev.funcIndex === funcIndex && linked && prevNames === names) {
          prevName = fname;
          continue;
        }
        prevName = fname;
        prevNames = names;
        const pos = POSITION.exec(m[2]);
        const at = pos === null ? null : (names?.jsOffset?.(funcIndex, Number(pos[1]), Number(pos[2])) ?? null);
        // code of a callee inlined into this function: the callee's frame first, as if it had been called
        const inl = pos === null ? null : (names?.jsInlined?.(funcIndex, Number(pos[1]), Number(pos[2])) ?? null);
        if (inl !== null) {
          frames.push({
            funcIndex: inl.funcIndex,
            funcName: names?.funcNames[inl.funcIndex] ?? null,
            moduleName: names?.moduleName ?? null,
            ...offsets(names, inl.funcIndex, inl.offset),
          });
          if (frames.length >= this.maxFrames) break;
        }
        frames.push({
          funcIndex,
          funcName: names?.funcNames[funcIndex] ?? null,
          moduleName: names?.moduleName ?? null,
          ...offsets(names, funcIndex, at),
        });
      }
      this.parsed = frames;
    }
    return this.parsed;
  }

  /**
   * The frames as text, one per line, as wasmtime prints them: `  0:   0x1a2b - module!func`, the offset in the
   * module's bytes (left out where the backend cannot tell), `<unknown>` for an unnamed module and
   * `<wasm function N>` for an unnamed function.
   */
  toString(): string {
    return this.frames.map((f, i) => `  ${formatFrame(f, i)}`).join('\n');
  }
}

/** One frame as wasmtime prints it (`0:   0x1a2b - module!func`); `moduleName` stands in for an unnamed module. */
export function formatFrame(f: FrameInfo, i: number, moduleName = '<unknown>'): string {
  const at = f.moduleOffset === null ? '' : `${`0x${f.moduleOffset.toString(16)}`.padStart(6)} - `;
  return `${String(i).padStart(3)}: ${at}${f.moduleName ?? moduleName}!${f.funcName ?? `<wasm function ${f.funcIndex}>`}`;
}

/** An import could not be satisfied (wasmtime's link errors: unknown import, incompatible type). */
export class LinkError extends Error {
  /** Creates a link error. */
  constructor(message: string) {
    super(message);
    this.name = 'LinkError';
  }
}

/** A wasm exception that no wasm handler caught reached the host (wasmtime: an error carrying the exnref). */
export class UncaughtWasmException extends Error {
  /** The exception (an exnref value). */
  readonly exception: WasmException;
  /** Always `TrapCode.UncaughtException`. */
  readonly code = TrapCode.UncaughtException;

  /** Wraps an exception. */
  constructor(exception: WasmException) {
    super('uncaught exception');
    this.name = 'UncaughtWasmException';
    this.exception = exception;
  }
}

/**
 * Gives a trap its backtrace, made from the JS stack text where it happened, and a `stack` that reads like
 * wasmtime's error: the trap, `wasm backtrace:` and one line per wasm frame, then the host's own frames (the
 * generated code's frames are the wasm frames above).
 */
export function attachBacktrace(t: RuntimeTrap, stack: string, names: BacktraceNames | null, maxFrames: number): void {
  const bt = new WasmBacktrace(stack, names, maxFrames);
  t.backtrace = bt;
  let text: string | undefined;
  Object.defineProperty(t, 'stack', {
    configurable: true,
    get() {
      if (text === undefined) {
        const host = stack
          .split('\n')
          .filter((l) => /^\s+at /.test(l) && !/wasmts-module-\d+|wasm:\/\/|eval at evaluate/.test(l));
        text = [String(t), ...host].join('\n');
      }
      return text;
    },
    set(v: string) {
      text = v;
    },
  });
}

function isStackOverflow(e: RangeError): boolean {
  return /call stack|too much recursion/i.test(e.message);
}

/** Turns whatever a call into wasm threw into the API's error (see the ABI's "Errors at the boundary"). */
export function convertError(e: unknown, names: BacktraceNames | null, maxFrames = Infinity): unknown {
  if (e instanceof HostError) return e.error;
  if (e instanceof RuntimeTrap) {
    if (e.backtrace === null && maxFrames > 0) attachBacktrace(e, e.stack ?? '', names, maxFrames);
    return e;
  }
  if (e instanceof WasmException) return new UncaughtWasmException(e);
  if (e instanceof RangeError || e instanceof TypeError) {
    const code = e instanceof RangeError && isStackOverflow(e) ? TrapCode.StackOverflow : TrapCode.MemoryOutOfBounds;
    const t = new RuntimeTrap(code);
    if (maxFrames > 0) attachBacktrace(t, e.stack ?? '', names, maxFrames);
    return t;
  }
  return e;
}
