// Differential execution of one module: the host's own WebAssembly engine, the wasmts wasm backend and the
// wasmts JS backend run the same calls, and what each observes (results, traps, the host functions' logs,
// fuel) is compared. Modules come from binaryen's `wasm-opt --translate-to-fuzz` (src/fuzz.ts), whose
// imports are the `fuzzing-support` logging functions and whose loops and recursion are bounded by a
// "hang limit" global that `hangLimitInitializer` resets before each call (as binaryen's own harness does).
import {
  Config,
  Engine,
  Func,
  funcType,
  Global,
  Linker,
  Memory,
  Module,
  Store,
  Trap,
  TrapCode,
  type Val,
  ValType,
} from 'wasmts';

// lib ES2022 and @types/node 20 do not declare WebAssembly; only what is used here (absent under --jitless).
interface Descriptor {
  module: string;
  name: string;
  kind: string;
}
interface HostModule {
  readonly brand?: 'module';
}
declare const WebAssembly:
  | {
      Module: (new (
        bytes: Uint8Array,
      ) => HostModule) & {
        imports(module: HostModule): Descriptor[];
        exports(module: HostModule): Omit<Descriptor, 'module'>[];
      };
      Instance: new (module: HostModule, imports: object) => { exports: Record<string, unknown> };
      Memory: new (d: never) => { buffer: ArrayBuffer };
      Global: new (d: never) => { value: unknown };
      RuntimeError: new () => Error;
      Exception: new () => Error;
    }
  | undefined;

/** What one side saw of one call. */
export interface CallRecord {
  readonly name: string;
  /** `ok <results>`, `trap`, `exception` or `skipped <why>`. */
  readonly outcome: string;
  /** The `fuzzing-support` log calls the call made. */
  readonly logs: readonly string[];
  /** Fuel consumed by the call (wasmts with fuel only). */
  readonly fuel?: number;
  /** Epoch checks the call made (wasmts with `epochEveryCheck` only). */
  readonly epochs?: number;
  /** The trap code (wasmts only). */
  readonly trapCode?: number;
  /** The kind of trap, coarse enough to compare with the host engine's messages (`trapKind`). */
  readonly trapKind?: string;
}

/** What one side saw of a whole module (and the parameter types of its exports), or why it could not run it. */
export type SideRecord =
  | {
      readonly calls: readonly CallRecord[];
      readonly params?: ReadonlyMap<string, readonly number[]>;
      /** The exported memories (size and a hash of the bytes) and globals after the last call. */
      readonly state?: readonly string[];
    }
  | { readonly unavailable: string };

const { I32, I64, F32, F64 } = ValType;

/** A value as text: NaNs are one value (their payload is not deterministic across engines), -0 is kept. */
export function show(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v === null || v === undefined) return 'null';
  return typeof v;
}

const LOGS = ['log-i32', 'log-i64', 'log-f32', 'log-f64'] as const;
const LOG_TYPES = [I32, I64, F32, F64];
/** Exports never called as tests: the harness calls `hangLimitInitializer` itself. */
const HARNESS = new Set(['hangLimitInitializer']);

/** A zero argument for a parameter type, or undefined when the type cannot be passed from JS. */
function zeroVal(t: number): Val | undefined {
  switch (t) {
    case I32:
      return { type: 'i32', value: 0 };
    case I64:
      return { type: 'i64', value: 0n };
    case F32:
      return { type: 'f32', value: 0 };
    case F64:
      return { type: 'f64', value: 0 };
    case ValType.FUNCREF:
      return { type: 'funcref', value: null };
    case ValType.EXTERNREF:
      return { type: 'externref', value: null };
  }
  return undefined;
}

/** Values an argument is drawn from: edges of each type and plain ones. */
const I32_ARGS = [0, 1, -1, 2, 7, 100, 255, 256, 65535, 65536, 0x7fffffff, -0x80000000, 123456789, -42];
const I64_ARGS = [
  0n,
  1n,
  -1n,
  3n,
  255n,
  0xffffffffn,
  0x100000000n,
  0x7fffffffffffffffn,
  -0x8000000000000000n,
  1234567890123n,
];
const F64_ARGS = [
  0,
  -0,
  1,
  -1.5,
  0.1,
  3.75,
  1e300,
  -1e-300,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -2147483649,
];

/** An FNV-1a hash of a string, as a seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The arguments both sides pass to export `name` of parameter types `params`: drawn by a hash of the name and the
 * position from edge and plain values (a quarter of them zero), or undefined where a type cannot be passed from JS.
 */
function argsFor(name: string, params: readonly number[]): (Val | undefined)[] {
  return params.map((t, k) => {
    const zero = zeroVal(t);
    const h = hash(`${name}/${k}`);
    if (zero === undefined || h % 4 === 0) return zero;
    switch (t) {
      case I32:
        return { type: 'i32', value: I32_ARGS[h % I32_ARGS.length] };
      case I64:
        return { type: 'i64', value: I64_ARGS[h % I64_ARGS.length] };
      case F32:
        return { type: 'f32', value: Math.fround(F64_ARGS[h % F64_ARGS.length]) };
      case F64:
        return { type: 'f64', value: F64_ARGS[h % F64_ARGS.length] };
    }
    return zero;
  });
}

/**
 * Runs every exported function of `bytes` on the host's engine, in export order, with the arguments of
 * `argsFor` for the parameter types in `params` (by export name: the JS API does not show a function's type).
 */
export function runNative(bytes: Uint8Array, params: ReadonlyMap<string, readonly number[]>): SideRecord {
  if (typeof WebAssembly === 'undefined') return { unavailable: 'no WebAssembly in this host' };
  const api = WebAssembly;
  let module: HostModule;
  try {
    module = new api.Module(bytes);
  } catch (e) {
    return { unavailable: `host engine: ${(e as Error).message}` };
  }
  const logs: string[] = [];
  const support: Record<string, (v: unknown) => void> = {};
  for (const name of LOGS) support[name] = (v) => logs.push(`${name} ${show(v)}`);
  const imports = { 'fuzzing-support': support };
  for (const imp of api.Module.imports(module))
    if (imp.module !== 'fuzzing-support' || !(LOGS as readonly string[]).includes(imp.name))
      return { unavailable: `unknown import ${imp.module}::${imp.name}` };
  let instance: { exports: Record<string, unknown> };
  try {
    instance = new api.Instance(module, imports);
  } catch (e) {
    return { calls: [{ name: '(instantiate)', outcome: outcomeOf(e), logs: logs.splice(0) }] };
  }
  const calls: CallRecord[] = [];
  const reset = instance.exports.hangLimitInitializer as (() => void) | undefined;
  for (const exp of api.Module.exports(module)) {
    if (exp.kind !== 'function' || HARNESS.has(exp.name)) continue;
    const f = instance.exports[exp.name] as (...args: unknown[]) => unknown;
    reset?.();
    let outcome: string;
    let trapKind: string | undefined;
    try {
      // the same arguments as the wasmts side passes (`argsFor`), as plain JS values
      const args = argsFor(exp.name, params.get(exp.name) ?? []).map((v) => v?.value ?? null);
      outcome = `ok ${showResults(f(...args))}`;
    } catch (e) {
      outcome = outcomeOf(e);
      if (outcome === 'trap') trapKind = hostTrapKind(e as Error);
    }
    calls.push({ name: exp.name, outcome, logs: logs.splice(0), ...(trapKind !== undefined ? { trapKind } : {}) });
  }
  const state: string[] = [];
  for (const exp of api.Module.exports(module)) {
    const v = instance.exports[exp.name];
    if (exp.kind === 'memory') state.push(memoryState(exp.name, new Uint8Array((v as { buffer: ArrayBuffer }).buffer)));
    else if (exp.kind === 'global') {
      const value = (v as { value: unknown }).value;
      if (typeof value === 'number' || typeof value === 'bigint') state.push(`global ${exp.name}: ${show(value)}`);
    }
  }
  return { calls, state };
}

/** An exported memory as text: its size and an FNV-1a hash of its bytes. */
function memoryState(name: string, bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return `memory ${name}: ${bytes.length} bytes, fnv ${(h >>> 0).toString(16)}`;
}

/**
 * Trap kinds as the host engine's messages tell them apart: V8 says "float unrepresentable in integer range"
 * for both a NaN and an overflowing conversion, and one "table" message for every indirect call failure.
 */
export function trapKind(code: number): string {
  switch (code) {
    case TrapCode.IntegerOverflow:
    case TrapCode.BadConversionToInteger:
      return 'overflow';
    case TrapCode.TableOutOfBounds:
    case TrapCode.UndefinedElement:
    case TrapCode.IndirectCallToNull:
    case TrapCode.BadSignature:
      return 'table';
    case TrapCode.IntegerDivisionByZero:
      return 'divide';
    case TrapCode.MemoryOutOfBounds:
      return 'memory';
    case TrapCode.UnreachableCodeReached:
      return 'unreachable';
    case TrapCode.StackOverflow:
      return 'stack';
    case TrapCode.NullReference:
    case TrapCode.NullFunctionReference:
    case TrapCode.NullStructReference:
    case TrapCode.NullArrayReference:
    case TrapCode.NullI31Reference:
      return 'null';
    default:
      return `code ${code}`;
  }
}

/** The kind (`trapKind`) of a host engine trap, from its message. */
function hostTrapKind(e: Error): string {
  const m = e.message.toLowerCase();
  if (e instanceof RangeError) return 'stack';
  if (m.includes('unreachable')) return 'unreachable';
  if (m.includes('divide by zero') || m.includes('remainder by zero')) return 'divide';
  if (m.includes('unrepresentable')) return 'overflow';
  if (m.includes('memory access') || m.includes('data segment')) return 'memory';
  if (m.includes('table') || m.includes('element segment') || m.includes('signature') || m.includes('null function'))
    return 'table';
  if (m.includes('null')) return 'null';
  return `host: ${e.message}`;
}

function showResults(r: unknown): string {
  return Array.isArray(r) ? r.map(show).join(' ') : r === undefined ? '' : show(r);
}

function outcomeOf(e: unknown): string {
  if (e instanceof Trap) return 'trap';
  if (typeof WebAssembly !== 'undefined') {
    if (e instanceof WebAssembly.RuntimeError) return 'trap';
    if (e instanceof WebAssembly.Exception) return 'exception';
  }
  if (e instanceof RangeError && /call stack/.test(e.message)) return 'trap';
  if (e instanceof Error && e.name === 'UncaughtWasmException') return 'exception';
  if (e instanceof Error && e.name === 'WasmException') return 'exception';
  throw e;
}

/** What wasmts runs with: the backend and the store controls. */
export interface WasmtsSide {
  readonly backend: 'js' | 'wasm';
  /** JS backend: the host its code is shaped for (`Config.jsTarget`; default 'auto'). */
  readonly jsTarget?: 'auto' | 'jit' | 'interpreter';
  readonly fuel?: boolean;
  readonly epoch?: boolean;
  readonly maxCallDepth?: number;
  /**
   * With epochs: every check of a call finds the deadline passed and calls a deadline callback that goes on
   * (delta 0), which counts the checks (`CallRecord.epochs`).
   */
  readonly epochEveryCheck?: boolean;
  /** With fuel: the fuel each call gets (by export name; others get plenty), e.g. to run out in the middle. */
  readonly fuelPerCall?: ReadonlyMap<string, number>;
}

const FUEL = 1e15;

/** Runs every exported function of `bytes` on wasmts, in export order. */
export function runWasmts(bytes: Uint8Array, side: WasmtsSide): SideRecord {
  const engine = new Engine(
    new Config({
      backend: side.backend,
      consumeFuel: side.fuel === true,
      epochInterruption: side.epoch === true,
      ...(side.jsTarget !== undefined ? { jsTarget: side.jsTarget } : {}),
      ...(side.maxCallDepth !== undefined ? { maxCallDepth: side.maxCallDepth } : {}),
    }),
  );
  let module: Module;
  try {
    module = new Module(engine, bytes);
  } catch (e) {
    return { unavailable: `wasmts ${side.backend}: ${(e as Error).message}` };
  }
  const store = new Store(engine, null);
  if (side.fuel) store.setFuel(FUEL);
  if (side.epoch) store.setEpochDeadline(2 ** 40);
  const logs: string[] = [];
  const linker = new Linker<null>(engine);
  LOGS.forEach((name, i) =>
    linker.defineFunc('fuzzing-support', name, funcType([LOG_TYPES[i]], []), (_c, v: unknown) => {
      logs.push(`${name} ${show(v)}`);
    }),
  );
  let instance: ReturnType<Linker<null>['instantiate']>;
  try {
    instance = linker.instantiate(store, module);
  } catch (e) {
    if (e instanceof Error && e.name === 'LinkError') return { unavailable: `wasmts: ${e.message}` };
    return { calls: [{ name: '(instantiate)', outcome: outcomeOf(e), logs: logs.splice(0) }] };
  }
  const calls: CallRecord[] = [];
  const reset = instance.getFunc('hangLimitInitializer');
  const types = new Map<string, number[]>();
  for (const [name, ext] of instance.exports()) {
    if (!(ext instanceof Func) || HARNESS.has(name)) continue;
    const f = ext;
    const type = f.ty();
    const args = argsFor(name, type.params);
    types.set(name, [...type.params]);
    if (args.some((a) => a === undefined) || type.results.some((t) => zeroVal(t) === undefined)) {
      calls.push({ name, outcome: 'skipped (a type JS cannot pass)', logs: [] });
      continue;
    }
    if (side.fuel) store.setFuel(FUEL);
    reset?.call(store, []);
    if (side.fuel) store.setFuel(side.fuelPerCall?.get(name) ?? FUEL);
    const before = side.fuel ? store.getFuel() : 0;
    let epochs = 0;
    if (side.epochEveryCheck) {
      store.epochDeadlineCallback(() => {
        epochs++;
        return { action: 'continue', delta: 0 };
      });
      store.setEpochDeadline(0);
    }
    let outcome: string;
    let trapCode: number | undefined;
    try {
      outcome = `ok ${f
        .call(store, args as Val[])
        .map((v) => show(v.value))
        .join(' ')}`;
    } catch (e) {
      outcome = outcomeOf(e);
      if (e instanceof Trap) trapCode = e.code;
      else if (outcome === 'trap') trapCode = TrapCode.StackOverflow; // a host RangeError from a host function
    }
    if (side.epochEveryCheck) {
      store.epochDeadlineTrap();
      store.setEpochDeadline(2 ** 40);
    }
    calls.push({
      name,
      outcome,
      logs: logs.splice(0),
      ...(side.fuel ? { fuel: before - store.getFuel() } : {}),
      ...(trapCode !== undefined ? { trapCode, trapKind: trapKind(trapCode) } : {}),
      ...(side.epochEveryCheck ? { epochs } : {}),
    });
  }
  const state: string[] = [];
  for (const [name, ext] of instance.exports()) {
    if (ext instanceof Memory) state.push(memoryState(name, ext.data()));
    else if (ext instanceof Global) {
      const v = ext.get();
      if (v.type === 'i32' || v.type === 'i64' || v.type === 'f32' || v.type === 'f64')
        state.push(`global ${name}: ${show(v.value)}`);
    }
  }
  return { calls, params: types, state };
}

/**
 * The first difference between two sides, or null. Fuel and trap codes are compared when both have them.
 * With `sameStack` false (the sides have different call-depth limits: the host engine's stack, or no limit)
 * a call where either side overflowed its stack ends the comparison: what it did before is not comparable.
 */
export function firstDifference(a: SideRecord, b: SideRecord, sameStack = true, fuel = true): string | null {
  if ('unavailable' in a || 'unavailable' in b) return null;
  const n = Math.max(a.calls.length, b.calls.length);
  for (let i = 0; i < n; i++) {
    const x = a.calls[i];
    const y = b.calls[i];
    if (x === undefined || y === undefined) return `call ${i}: only one side has it (${(x ?? y).name})`;
    if (!sameStack && (x.trapKind === 'stack' || y.trapKind === 'stack')) return null;
    if (x.outcome.startsWith('skipped') || y.outcome.startsWith('skipped')) continue;
    if (x.name !== y.name) return `call ${i}: ${x.name} vs ${y.name}`;
    if (x.outcome !== y.outcome) return `${x.name}: ${x.outcome} vs ${y.outcome}`;
    if (x.logs.join('\n') !== y.logs.join('\n'))
      return `${x.name}: logs differ\n  ${x.logs.join(', ')}\n  ${y.logs.join(', ')}`;
    if (fuel && x.fuel !== undefined && y.fuel !== undefined && x.fuel !== y.fuel)
      return `${x.name}: fuel ${x.fuel} vs ${y.fuel}`;
    if (x.epochs !== undefined && y.epochs !== undefined && x.epochs !== y.epochs)
      return `${x.name}: epoch checks ${x.epochs} vs ${y.epochs}`;
    if (x.trapCode !== undefined && y.trapCode !== undefined && x.trapCode !== y.trapCode)
      return `${x.name}: trap code ${x.trapCode} vs ${y.trapCode}`;
    if (x.trapKind !== undefined && y.trapKind !== undefined && x.trapKind !== y.trapKind)
      return `${x.name}: trap ${x.trapKind} vs ${y.trapKind}`;
  }
  const [s, t] = [a.state, b.state];
  if (s !== undefined && t !== undefined && s.join('\n') !== t.join('\n'))
    return `state after the calls differs\n  ${s.join(', ')}\n  ${t.join(', ')}`;
  return null;
}

/** The three sides of one module and the differences between them. */
export interface Verdict {
  readonly native: SideRecord;
  readonly wasm: SideRecord;
  readonly js: SideRecord;
  /** The JS backend's run with half the fuel per call (when any call consumed fuel). */
  readonly lowFuel?: SideRecord;
  /** The JS backend's run with every epoch check due (`epochEveryCheck`). */
  readonly everyEpoch?: SideRecord;
  /** Differences found (empty when every side that could run agrees). */
  readonly differences: readonly string[];
}

/**
 * Runs `bytes` on the JS backend and the wasm backend (both with fuel, epochs and a call-depth limit, so the
 * instrumentation is exercised) and on the host engine, and compares: wasm backend with JS backend (results,
 * logs, fuel, trap codes), each with the host engine (results and logs).
 */
export function compare(bytes: Uint8Array, twin?: Uint8Array, jsTarget?: WasmtsSide['jsTarget']): Verdict {
  // a call-depth limit the JS backend reaches before the host's stack runs out (with 20,000 the host's
  // RangeError came first on the JS backend, at another depth than the wasm backend's limit: other fuel)
  const controls = { fuel: true, epoch: true, maxCallDepth: 1000 };
  const js = runWasmts(bytes, { backend: 'js', jsTarget, ...controls });
  // with a twin (the same module in other instructions that must behave the same: legacy exceptions for
  // exnref), the host engine and the wasm backend run the twin, and the JS backend runs both
  const host = twin ?? bytes;
  const jsTwin = twin === undefined ? js : runWasmts(twin, { backend: 'js', jsTarget, ...controls });
  const wasm = runWasmts(host, { backend: 'wasm', ...controls });
  const native = runNative(host, ('params' in js && js.params) || ('params' in wasm && wasm.params) || new Map());
  const differences: string[] = [];
  const pairs: [string, SideRecord, SideRecord, boolean, boolean][] = [
    [`wasm backend vs JS backend${twin ? ', on the twin' : ''}`, wasm, jsTwin, true, true],
    ['host engine vs JS backend', native, js, false, true],
    ['host engine vs wasm backend', native, wasm, false, true],
  ];
  // the twin's instructions differ, so its fuel does
  if (twin !== undefined) pairs.push(['JS backend, the twin vs the module', jsTwin, js, true, false]);
  // a module the host engine runs must run on the JS backend, and on the wasm backend unless its boundary
  // has a type JS cannot pass: the host rejecting the instrumented module is a bug of the instrumentation
  // the JS backend runs every valid module (the fuzzers make only valid ones): where the host engine cannot run
  // the module either (GC, exnref, multi-memory on Node 20), this is the check that it compiles at all
  if ('unavailable' in js) differences.push(`the JS backend does not run it: ${js.unavailable}`);
  if (!('unavailable' in native)) {
    if ('unavailable' in wasm && /rejected the instrumented module/.test(wasm.unavailable))
      differences.push(`the host engine runs it, the wasm backend does not: ${wasm.unavailable}`);
  }
  for (const [what, a, b, sameStack, fuel] of pairs) {
    const d = firstDifference(a, b, sameStack, fuel);
    if (d !== null) differences.push(`${what}: ${d}`);
  }
  // the JS backend without fuel, epochs or a call-depth limit: the instrumentation changes nothing else (the
  // one comparison there is where the host engine and the wasm backend lack a feature the module uses)
  const plain = runWasmts(bytes, { backend: 'js', jsTarget });
  const p = firstDifference(plain, js, false);
  if (p !== null) differences.push(`JS backend plain vs with fuel and epochs: ${p}`);
  // again with each call given half the fuel it consumed: both backends run out at the same operator (same
  // logs before the trap, same fuel left)
  let lowFuel: SideRecord | undefined;
  if ('calls' in jsTwin) {
    const half = new Map(
      jsTwin.calls.filter((c) => (c.fuel ?? 0) >= 2).map((c) => [c.name, Math.floor((c.fuel ?? 0) / 2)]),
    );
    if (half.size > 0) {
      const low = { ...controls, fuelPerCall: half };
      lowFuel = runWasmts(host, { backend: 'js', jsTarget, ...low });
      const d = firstDifference(runWasmts(host, { backend: 'wasm', ...low }), lowFuel);
      if (d !== null) differences.push(`wasm backend vs JS backend, half the fuel: ${d}`);
    }
  }
  // again with every epoch check due and a deadline callback that goes on: both backends check at the same
  // places (function entries, each loop iteration), so the callback runs as often on both
  const every = { ...controls, epochEveryCheck: true };
  const everyEpoch = runWasmts(host, { backend: 'js', jsTarget, ...every });
  const e = firstDifference(runWasmts(host, { backend: 'wasm', ...every }), everyEpoch);
  if (e !== null) differences.push(`wasm backend vs JS backend, every epoch check due: ${e}`);
  return { native, wasm, js, ...(lowFuel !== undefined ? { lowFuel } : {}), everyEpoch, differences };
}
