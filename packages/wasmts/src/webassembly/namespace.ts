// The standard `WebAssembly` namespace (the WebAssembly JavaScript Interface) over a wasmts engine and
// store: each namespace made by `createWebAssembly` has its own engine (or the one given), one store
// that every object it makes lives in, and its own interface objects. Objects of the JS API wrap the
// wasmts API's objects; the maps below keep one JS object per wasm object (exported functions, memories,
// tables, globals, tags, exceptions, GC objects), as the spec's caches do.

import {
  decodeModule,
  CompileError as EnvironCompileError,
  EXTERNREF,
  F32,
  F64,
  type FuncType,
  I32,
  I64,
  isRef,
  refHeap,
  TrapCode,
  V128,
  type ValType,
  wasmFeatures,
} from '@wasmts/environ';
import {
  HostError,
  ResourceLimitError,
  Global as RuntimeGlobal,
  type Instance as RuntimeInstance,
  type Memory as RuntimeMemory,
  Table as RuntimeTable,
  type Tag as RuntimeTag,
  type VMFuncRef,
  type WasmArray,
  WasmException,
  type WasmStruct,
} from '@wasmts/runtime';
import { Config, Engine, type ResourceLimiter, Store } from '../engine.js';
import {
  Func as ApiFunc,
  Global as ApiGlobal,
  Memory as ApiMemory,
  Table as ApiTable,
  Tag as ApiTag,
  callWasm,
  type Extern,
  hostRefPositions,
  unboxed,
} from '../externals.js';
import { Instance as ApiInstance } from '../instance.js';
import { Module as ApiModule } from '../module.js';
import { LinkError as ApiLinkError, Trap, UncaughtWasmException } from '../trap.js';
import type { ExternType } from '../types.js';
import { refKindOfHeap } from '../values.js';
import { makeErrorClass } from './errors.js';
import { type Converter, defaultValue, parseValueType, toJSValue, toWebAssemblyValue } from './values.js';
import {
  bufferSourceBytes,
  dictionary,
  enforceRange,
  setLength,
  toBigInt,
  toDOMString,
  webidlInterface,
} from './webidl.js';

/** Options of `createWebAssembly`: the engine and the store controls the namespace's objects run under. */
export interface WebAssemblyOptions {
  /** The engine to compile and run with (default: a new one made from `config`). */
  readonly engine?: Engine;
  /** The configuration of the new engine (ignored when `engine` is given). `fuel` and `epochDeadline` switch the matching control on. */
  readonly config?: Config;
  /** Fuel the store starts with (the engine must consume fuel; a new engine is made to). */
  readonly fuel?: number;
  /** Epoch deadline of the store in ticks (the engine must have epoch interruption; a new engine is made to). */
  readonly epochDeadline?: number;
  /** A resource limiter for memories, tables and instances (e.g. `new StoreLimitsBuilder()...build()`). */
  readonly limits?: ResourceLimiter;
}

/** The `WebAssembly` namespace object. */
export type WebAssemblyNamespace = Record<string, any>;

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** The store of each namespace (`storeOf`). */
const stores = new WeakMap<object, Store<null>>();

/** The wasmts store behind a namespace made by `createWebAssembly` (fuel, epochs, limits, engine). */
export function storeOf(namespace: WebAssemblyNamespace): Store<null> {
  const s = stores.get(namespace);
  if (s === undefined) throw new TypeError('not a namespace made by createWebAssembly');
  return s;
}

/** The non-standard errors a namespace's functions can throw and how they map to the JS API's. */
function externKindName(kind: ExternType['kind']): string {
  return kind === 'func' ? 'function' : kind;
}

/** Makes a `WebAssembly` namespace over a wasmts engine (see `WebAssemblyOptions`). */
export function createWebAssembly(options: WebAssemblyOptions = {}): WebAssemblyNamespace {
  let engine = options.engine;
  if (engine === undefined) {
    // shared memories are part of the JS API (`new WebAssembly.Memory({ shared: true })`): a module may
    // declare or import one (atomic instructions are not implemented, and a module using them is a CompileError)
    const config = options.config ?? new Config({ features: wasmFeatures({ threads: true }) });
    if (options.fuel !== undefined) config.consumeFuel(true);
    if (options.epochDeadline !== undefined) config.epochInterruption(true);
    engine = new Engine(config);
  }
  const store = new Store<null>(engine, null);
  /** The tag of JS exceptions crossing wasm (`WebAssembly.JSTag`). */
  const jsTag = new ApiTag(store, { kind: 'func', params: [EXTERNREF], results: [] });
  if (options.fuel !== undefined) store.setFuel(options.fuel);
  if (options.epochDeadline !== undefined) store.setEpochDeadline(options.epochDeadline);
  if (options.limits !== undefined) store.setLimiter(options.limits);
  const registry = store.typeRegistry;
  const features = engine.config.features;

  const CompileError = makeErrorClass('CompileError');
  const LinkError = makeErrorClass('LinkError');
  const RuntimeError = makeErrorClass('RuntimeError');

  // --- one JS object per wasm object -------------------------------------------------------------

  const exportedFunctions = new WeakMap<VMFuncRef, (...args: unknown[]) => unknown>();
  const funcRefs = new WeakMap<object, VMFuncRef>();
  const gcObjects = new WeakMap<WasmStruct | WasmArray, object>();
  const gcTargets = new WeakMap<object, WasmStruct | WasmArray>();
  const funcIndexCache = new WeakMap<RuntimeInstance, Map<VMFuncRef, number>>();

  const cx: Converter = {
    registry,
    exportedFunction: (ref) => exportedFunction(ref, -1),
    funcRefOf: (f) => (typeof f === 'function' ? funcRefs.get(f) : undefined),
    gcObject,
    gcOf: (o) => (typeof o === 'object' && o !== null ? gcTargets.get(o) : undefined),
  };

  /** The function index of a function reference in its instance (its Exported Function's name). */
  function funcIndexOf(ref: VMFuncRef): number {
    const inst = ref.instance as RuntimeInstance | null;
    if (inst === null) return 0;
    let map = funcIndexCache.get(inst);
    if (map === undefined) {
      map = new Map();
      const n = inst.module.functions.length;
      for (let i = 0; i < n; i++) map.set(inst.funcRef(i), i);
      funcIndexCache.set(inst, map);
    }
    return map.get(ref) ?? 0;
  }

  /** The Exported Function of `ref` (made on first use; `index` is its function index when known). */
  function exportedFunction(ref: VMFuncRef, index: number): (...args: unknown[]) => unknown {
    const cached = exportedFunctions.get(ref);
    if (cached !== undefined) return cached;
    const type = registry.funcType(ref.typeId);
    const { params, results } = type;
    const roots = hostRefPositions(params);
    const crossable = !params.concat(results).some((t) => isUncrossable(t));
    const f = (...args: unknown[]): unknown => {
      if (!crossable)
        throw new TypeError('a function with a v128 or exnref parameter or result cannot be called from JavaScript');
      const raw = new Array<unknown>(params.length).fill(null);
      for (let i = 0; i < params.length; i++) raw[i] = toWebAssemblyValue(cx, args[i], params[i]);
      let r: unknown;
      try {
        r = callWasm(store, ref.fn, raw, ref, roots, true);
      } catch (e) {
        throw toJsError(e);
      }
      if (results.length === 0) return undefined;
      if (results.length === 1) return toJSValue(cx, r, results[0]);
      const a = r as unknown[];
      return results.map((t, i) => toJSValue(cx, a[i], t));
    };
    Object.defineProperty(f, 'name', { value: String(index >= 0 ? index : funcIndexOf(ref)) });
    Object.defineProperty(f, 'length', { value: params.length });
    exportedFunctions.set(ref, f);
    funcRefs.set(f, ref);
    return f;
  }

  /** v128 and exnref values never cross the JS boundary: a function using them throws a TypeError when called. */
  function isUncrossable(t: ValType): boolean {
    return t === V128 || (isRef(t) && refKindOfHeap(refHeap(t), registry) === 'exnref');
  }

  const GC_HANDLER: ProxyHandler<object> = {
    get: () => undefined,
    set: () => {
      throw new TypeError('a wasm GC object has no properties');
    },
    defineProperty: () => {
      throw new TypeError('a wasm GC object has no properties');
    },
    deleteProperty: () => {
      throw new TypeError('a wasm GC object has no properties');
    },
    setPrototypeOf: () => {
      throw new TypeError('a wasm GC object has no prototype');
    },
    preventExtensions: () => {
      throw new TypeError('a wasm GC object cannot be changed');
    },
    has: () => false,
    ownKeys: () => [],
    getOwnPropertyDescriptor: () => undefined,
  };

  /** The opaque JS object of a GC struct or array (a proxy over a frozen null-prototype object). */
  function gcObject(o: WasmStruct | WasmArray): object {
    const cached = gcObjects.get(o);
    if (cached !== undefined) return cached;
    const p = new Proxy(Object.preventExtensions(Object.create(null)) as object, GC_HANDLER);
    gcObjects.set(o, p);
    gcTargets.set(p, o);
    return p;
  }

  // --- errors --------------------------------------------------------------------------------------

  /** The RuntimeErrors made from traps (wasm handlers never catch them when they cross JS frames). */
  const trapErrors = new WeakSet<object>();

  /** What JS sees of a wasm exception: the thrown value for JSTag, else its WebAssembly.Exception. */
  function exceptionValue(e: WasmException): unknown {
    return e.tag === jsTag.raw ? e.values[0] : exceptionObject(e);
  }

  /** What a call or an instantiation threw, as the JS API throws it. */
  function toJsError(e: unknown): unknown {
    if (e instanceof UncaughtWasmException) return exceptionValue(e.exception);
    if (e instanceof WasmException) return exceptionValue(e);
    if (e instanceof Trap) {
      if (e.code === TrapCode.StackOverflow) return new RangeError('Maximum call stack size exceeded');
      const err = RuntimeError(e.message, { cause: e }) as Error;
      trapErrors.add(err);
      const frames = e.backtrace?.toString() ?? '';
      if (frames !== '')
        err.stack = `RuntimeError: ${e.message}\n${frames}\n${(e.stack ?? '').split('\n').slice(1).join('\n')}`;
      return err;
    }
    if (e instanceof ApiLinkError) return LinkError(e.message);
    if (e instanceof EnvironCompileError) return CompileError(e.message);
    if (e instanceof ResourceLimitError) return new RangeError(e.message);
    if (e instanceof HostError) return e.error;
    return e;
  }

  /** Compiles module bytes (binary only), with errors as CompileErrors. */
  function compileBytes(bytes: Uint8Array): ApiModule {
    if (bytes.length < 4 || !WASM_MAGIC.every((b, i) => bytes[i] === b))
      throw CompileError('not a WebAssembly module: the magic number \\0asm is missing');
    try {
      return ApiModule.fromBinary(engine!, bytes);
    } catch (e) {
      if (e instanceof EnvironCompileError) throw CompileError(e.message);
      if (e instanceof RangeError || e instanceof TypeError || e instanceof SyntaxError) throw e;
      throw CompileError(e instanceof Error ? e.message : String(e));
    }
  }

  // --- Module --------------------------------------------------------------------------------------

  const modules = new WeakMap<object, ApiModule>();
  const moduleOf = (m: unknown, what: string): ApiModule => {
    const x = typeof m === 'object' && m !== null ? modules.get(m) : undefined;
    if (x === undefined) throw new TypeError(`${what} must be a WebAssembly.Module`);
    return x;
  };
  function wrapModule(m: ApiModule): object {
    const o = Object.create(Module.prototype) as object;
    modules.set(o, m);
    return o;
  }

  class Module {
    constructor(bytes: unknown) {
      modules.set(this, compileBytes(bufferSourceBytes(bytes, 'WebAssembly.Module argument')));
    }
    static exports(moduleObject: unknown): { name: string; kind: string }[] {
      return moduleOf(moduleObject, 'WebAssembly.Module.exports argument')
        .exports()
        .map((e) => ({ name: e.name, kind: externKindName(e.type.kind) }));
    }
    static imports(moduleObject: unknown): { module: string; name: string; kind: string }[] {
      return moduleOf(moduleObject, 'WebAssembly.Module.imports argument')
        .imports()
        .map((i) => ({ module: i.module, name: i.name, kind: externKindName(i.type.kind) }));
    }
    static customSections(moduleObject: unknown, ...rest: unknown[]): ArrayBuffer[] {
      const m = moduleOf(moduleObject, 'WebAssembly.Module.customSections argument');
      if (rest.length < 1) throw new TypeError('WebAssembly.Module.customSections needs a section name');
      const name = toDOMString(rest[0]);
      const out: ArrayBuffer[] = [];
      for (const s of m.module.customSections) {
        if (s.name !== name) continue;
        const bytes = m.bytes.slice(s.data.start, s.data.end);
        out.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      }
      return out;
    }
  }
  setLength(Module, 1);
  setLength(Module.customSections, 2);
  webidlInterface(Module, 'WebAssembly.Module');

  // --- Instance ------------------------------------------------------------------------------------

  const instanceExports = new WeakMap<object, object>();

  /** Reads the imports of `m` from `importObject` (the spec's "read the imports"). */
  function readImports(m: ApiModule, importObject: unknown): Extern[] {
    const imports = m.imports();
    if (
      importObject !== undefined &&
      (typeof importObject !== 'object' || importObject === null) &&
      typeof importObject !== 'function'
    )
      throw new TypeError('the import object must be an object');
    if (imports.length > 0 && importObject === undefined)
      throw new TypeError('the module has imports but no import object was given');
    const out: Extern[] = [];
    for (const imp of imports) {
      const o = (importObject as Record<string, unknown>)[imp.module];
      if ((typeof o !== 'object' || o === null) && typeof o !== 'function')
        throw new TypeError(`import module \`${imp.module}\` must be an object`);
      const v = (o as Record<string, unknown>)[imp.name];
      const where = `\`${imp.module}::${imp.name}\``;
      const t = imp.type;
      switch (t.kind) {
        case 'func': {
          if (typeof v !== 'function') throw LinkError(`import ${where} must be callable`);
          const ref = funcRefs.get(v);
          out.push(
            ref !== undefined ? ApiFunc.fromRef(store, ref) : hostFunction(v as (...a: unknown[]) => unknown, t.type),
          );
          break;
        }
        case 'global': {
          const g = typeof v === 'object' && v !== null ? globals.get(v) : undefined;
          if (g !== undefined) {
            out.push(g);
            break;
          }
          const vt = t.type.type;
          if (vt === I64 && typeof v !== 'bigint')
            throw LinkError(`import ${where} must be a BigInt or a WebAssembly.Global`);
          if ((vt === I32 || vt === F32 || vt === F64) && typeof v !== 'number')
            throw LinkError(`import ${where} must be a number or a WebAssembly.Global`);
          if (vt === V128) throw LinkError(`import ${where}: a v128 global must be a WebAssembly.Global`);
          const value = toWebAssemblyValue(cx, v, vt);
          if (t.type.mutable) throw LinkError(`import ${where}: a mutable global must be a WebAssembly.Global`);
          out.push(new ApiGlobal(store, new RuntimeGlobal({ type: vt, mutable: false }, value)));
          break;
        }
        case 'memory': {
          const x = typeof v === 'object' && v !== null ? memories.get(v) : undefined;
          if (x === undefined) throw LinkError(`import ${where} must be a WebAssembly.Memory`);
          out.push(x);
          break;
        }
        case 'table': {
          const x = typeof v === 'object' && v !== null ? tables.get(v) : undefined;
          if (x === undefined) throw LinkError(`import ${where} must be a WebAssembly.Table`);
          out.push(x);
          break;
        }
        case 'tag': {
          const x = typeof v === 'object' && v !== null ? tags.get(v) : undefined;
          if (x === undefined) throw LinkError(`import ${where} must be a WebAssembly.Tag`);
          out.push(x);
          break;
        }
      }
    }
    return out;
  }

  /** A host function of type `type` calling a JS function (the spec's "create a host function"). */
  function hostFunction(fn: (...a: unknown[]) => unknown, type: FuncType): ApiFunc {
    const { params, results } = type;
    return new ApiFunc(store, type, (_caller, ...raw: unknown[]) => {
      const args = new Array<unknown>(params.length);
      for (let i = 0; i < params.length; i++) args[i] = toJSValue(cx, raw[i], params[i]);
      let r: unknown;
      try {
        r = Reflect.apply(fn, undefined, args);
      } catch (e) {
        // a WebAssembly.Exception thrown by JS is a wasm exception that wasm handlers can catch
        const exn = typeof e === 'object' && e !== null ? exceptions.get(e) : undefined;
        if (exn !== undefined) throw exn;
        // any other JS exception crosses wasm as an exception of JSTag (catch_all and `catch $JSTag` see
        // it), except a trap's RuntimeError and a stack overflow, which no wasm handler may catch
        if (typeof e === 'object' && e !== null && (trapErrors.has(e) || isStackOverflow(e))) throw e;
        throw new WasmException(jsTag.raw, [e]);
      }
      if (results.length === 0) return undefined;
      if (results.length === 1) return toWebAssemblyValue(cx, r, results[0]);
      const values = sequence(r, 'the result of a function with several results');
      if (values.length !== results.length)
        throw new TypeError(`expected ${results.length} results, the function returned ${values.length}`);
      return values.map((x, i) => toWebAssemblyValue(cx, x, results[i]));
    });
  }

  /** The exports object of an instance: frozen, null prototype, one JS object per export. */
  function exportsObject(m: ApiModule, inst: ApiInstance): object {
    const out = Object.create(null) as Record<string, unknown>;
    for (const e of m.module.exports) {
      const x = inst.getExport(e.name)!;
      let v: unknown;
      if (x instanceof ApiFunc) v = exportedFunction(x.ref, e.index);
      else if (x instanceof ApiMemory) v = memoryObject(x.raw);
      else if (x instanceof ApiTable) v = tableObject(x.raw);
      else if (x instanceof ApiGlobal) v = globalObject(x.raw);
      else v = tagObject((x as ApiTag).raw);
      out[e.name] = v;
    }
    return Object.freeze(out);
  }

  function instantiate(m: ApiModule, imports: Extern[]): object {
    let inst: ApiInstance;
    try {
      inst = new ApiInstance(store, m, imports);
    } catch (e) {
      throw toJsError(e);
    }
    const o = Object.create(Instance.prototype) as object;
    instanceExports.set(o, exportsObject(m, inst));
    return o;
  }

  class Instance {
    constructor(module: unknown, importObject?: unknown) {
      const m = moduleOf(module, 'WebAssembly.Instance argument');
      const o = instantiate(m, readImports(m, importObject));
      instanceExports.set(this, instanceExports.get(o)!);
    }
    get exports(): object {
      const e = instanceExports.get(this);
      if (e === undefined) throw new TypeError('not a WebAssembly.Instance');
      return e;
    }
  }
  setLength(Instance, 1);
  webidlInterface(Instance, 'WebAssembly.Instance');

  // --- Memory --------------------------------------------------------------------------------------

  const memories = new WeakMap<object, ApiMemory>();
  const memoryObjects = new WeakMap<RuntimeMemory, object>();
  const memoryOf = (m: unknown): ApiMemory => {
    const x = typeof m === 'object' && m !== null ? memories.get(m) : undefined;
    if (x === undefined) throw new TypeError('not a WebAssembly.Memory');
    return x;
  };
  function memoryObject(raw: RuntimeMemory): object {
    let o = memoryObjects.get(raw);
    if (o === undefined) {
      o = Object.create(Memory.prototype) as object;
      memories.set(o, new ApiMemory(store, raw));
      memoryObjects.set(raw, o);
    }
    return o;
  }

  /** Reads `initial` and `maximum` of a memory or table descriptor for its address type. */
  function readLimits(
    d: Record<string, unknown>,
    index64: boolean,
    what: string,
  ): { initial: number; maximum: number | null } {
    const convert = (v: unknown, name: string): number => {
      if (!index64) return enforceRange(v, `${what} ${name}`);
      const b = toBigInt(v);
      if (b < 0n || b > 0xffff_ffff_ffff_ffffn) throw new TypeError(`${what} ${name} is out of range: ${b}`);
      return Number(b);
    };
    const initialRaw = d.initial;
    if (initialRaw === undefined) throw new TypeError(`${what} needs an initial size`);
    const initial = convert(initialRaw, 'initial');
    const maximumRaw = d.maximum;
    const maximum = maximumRaw === undefined ? null : convert(maximumRaw, 'maximum');
    return { initial, maximum };
  }

  function readAddress(d: Record<string, unknown>, what: string): boolean {
    const a = d.address;
    if (a === undefined) return false;
    const s = toDOMString(a);
    if (s === 'i32') return false;
    if (s === 'i64') return true;
    throw new TypeError(`${what} address must be "i32" or "i64", got ${JSON.stringify(s)}`);
  }

  class Memory {
    constructor(descriptor: unknown) {
      const d = dictionary(descriptor, 'WebAssembly.Memory descriptor');
      const index64 = readAddress(d, 'WebAssembly.Memory');
      const { initial, maximum } = readLimits(d, index64, 'WebAssembly.Memory');
      const shared = Boolean(d.shared);
      const maxPages = index64 ? 2 ** 37 : 65536;
      if (initial > maxPages)
        throw new RangeError(`WebAssembly.Memory initial ${initial} is more than ${maxPages} pages`);
      if (maximum !== null && maximum > maxPages)
        throw new RangeError(`WebAssembly.Memory maximum ${maximum} is more than ${maxPages} pages`);
      if (maximum !== null && maximum < initial)
        throw new RangeError('WebAssembly.Memory maximum is less than initial');
      if (shared && maximum === null) throw new TypeError('a shared WebAssembly.Memory needs a maximum');
      let m: ApiMemory;
      try {
        m = new ApiMemory(store, { limits: { min: initial, max: maximum }, shared, index64, pageSizeLog2: 16 });
      } catch (e) {
        throw e instanceof ResourceLimitError ? new RangeError(e.message) : e;
      }
      memories.set(this, m);
      memoryObjects.set(m.raw, this);
    }
    grow(delta: unknown): number | bigint {
      const m = memoryOf(this);
      const raw = m.raw;
      const d = raw.index64
        ? Number(toBigIntInRange(delta, 'WebAssembly.Memory.grow delta'))
        : enforceRange(delta, 'WebAssembly.Memory.grow delta');
      const old = unboxed(() => raw.grow(d));
      if (old < 0) throw new RangeError(`WebAssembly.Memory.grow: cannot grow by ${d} pages`);
      if (d === 0) raw.refresh();
      return raw.index64 ? BigInt(old) : old;
    }
    get buffer(): ArrayBuffer {
      const raw = memoryOf(this).raw;
      // a shared memory's SharedArrayBuffer is frozen, as the spec makes it
      if (raw.shared && !Object.isFrozen(raw.buffer)) Object.freeze(raw.buffer);
      return raw.buffer as ArrayBuffer;
    }
  }
  setLength(Memory, 1);
  webidlInterface(Memory, 'WebAssembly.Memory');

  function toBigIntInRange(v: unknown, what: string): bigint {
    const b = toBigInt(v);
    if (b < 0n || b > 0xffff_ffff_ffff_ffffn) throw new TypeError(`${what} is out of range: ${b}`);
    return b;
  }

  // --- Table ---------------------------------------------------------------------------------------

  const tables = new WeakMap<object, ApiTable>();
  const tableObjects = new WeakMap<RuntimeTable, object>();
  const tableOf = (t: unknown): ApiTable => {
    const x = typeof t === 'object' && t !== null ? tables.get(t) : undefined;
    if (x === undefined) throw new TypeError('not a WebAssembly.Table');
    return x;
  };
  function tableObject(raw: RuntimeTable): object {
    let o = tableObjects.get(raw);
    if (o === undefined) {
      o = Object.create(Table.prototype) as object;
      tables.set(o, new ApiTable(store, raw));
      tableObjects.set(raw, o);
    }
    return o;
  }
  const tableIndex = (raw: RuntimeTable, v: unknown, what: string): number =>
    raw.index64 ? Number(toBigIntInRange(v, what)) : enforceRange(v, what);

  class Table {
    constructor(descriptor: unknown, value?: unknown) {
      const d = dictionary(descriptor, 'WebAssembly.Table descriptor');
      const elementRaw = d.element;
      if (elementRaw === undefined) throw new TypeError('WebAssembly.Table needs an element type');
      const element = parseValueType(toDOMString(elementRaw), 'WebAssembly.Table element');
      const index64 = readAddress(d, 'WebAssembly.Table');
      if (!isRef(element)) throw new TypeError(`WebAssembly.Table element must be a reference type`);
      const { initial, maximum } = readLimits(d, index64, 'WebAssembly.Table');
      if (initial > 10_000_000)
        throw new RangeError(`WebAssembly.Table initial ${initial} is more than 10000000 elements`);
      if (maximum !== null && maximum < initial) throw new RangeError('WebAssembly.Table maximum is less than initial');
      const init = value === undefined ? defaultValue(cx, element) : toWebAssemblyValue(cx, value, element);
      let raw: RuntimeTable;
      try {
        raw = unboxed(
          () =>
            new RuntimeTable({ element, limits: { min: initial, max: maximum }, index64 }, init, {
              maxElements: store.tunables.maxTableElements,
              limiter: store.resourceLimiter,
            }),
        );
      } catch (e) {
        throw e instanceof ResourceLimitError ? new RangeError(e.message) : e;
      }
      const t = new ApiTable(store, raw);
      tables.set(this, t);
      tableObjects.set(raw, this);
    }
    get length(): number | bigint {
      const raw = tableOf(this).raw;
      return raw.index64 ? BigInt(raw.size) : raw.size;
    }
    grow(delta: unknown, value?: unknown): number | bigint {
      const raw = tableOf(this).raw;
      const d = tableIndex(raw, delta, 'WebAssembly.Table.grow delta');
      const init = value === undefined ? defaultValue(cx, raw.element) : toWebAssemblyValue(cx, value, raw.element);
      const old = unboxed(() => raw.grow(d, init));
      if (old < 0) throw new RangeError(`WebAssembly.Table.grow: cannot grow by ${d} elements`);
      return raw.index64 ? BigInt(old) : old;
    }
    get(index: unknown): unknown {
      const raw = tableOf(this).raw;
      const i = tableIndex(raw, index, 'WebAssembly.Table.get index');
      if (i >= raw.size) throw new RangeError(`WebAssembly.Table.get: index ${i} is out of bounds`);
      return toJSValue(cx, raw.elements[i], raw.element);
    }
    set(index: unknown, ...value: unknown[]): void {
      const raw = tableOf(this).raw;
      const i = tableIndex(raw, index, 'WebAssembly.Table.set index');
      // an explicit undefined is converted (a TypeError for funcref), only a missing value is the default
      const v = value.length < 1 ? defaultValue(cx, raw.element) : toWebAssemblyValue(cx, value[0], raw.element);
      if (i >= raw.size) throw new RangeError(`WebAssembly.Table.set: index ${i} is out of bounds`);
      raw.elements[i] = v;
    }
  }
  setLength(Table, 1);
  setLength(Table.prototype.grow, 1);
  setLength(Table.prototype.set, 1);
  webidlInterface(Table, 'WebAssembly.Table');

  // --- Global --------------------------------------------------------------------------------------

  const globals = new WeakMap<object, ApiGlobal>();
  const globalObjects = new WeakMap<RuntimeGlobal, object>();
  const globalOf = (g: unknown): ApiGlobal => {
    const x = typeof g === 'object' && g !== null ? globals.get(g) : undefined;
    if (x === undefined) throw new TypeError('not a WebAssembly.Global');
    return x;
  };
  function globalObject(raw: RuntimeGlobal): object {
    let o = globalObjects.get(raw);
    if (o === undefined) {
      o = Object.create(Global.prototype) as object;
      globals.set(o, new ApiGlobal(store, raw));
      globalObjects.set(raw, o);
    }
    return o;
  }
  function globalValue(g: unknown): unknown {
    const raw = globalOf(g).raw;
    return toJSValue(cx, raw.value, raw.type);
  }

  class Global {
    constructor(descriptor: unknown, v?: unknown) {
      const d = dictionary(descriptor, 'WebAssembly.Global descriptor');
      const mutable = Boolean(d.mutable);
      const typeRaw = d.value;
      if (typeRaw === undefined) throw new TypeError('WebAssembly.Global needs a value type');
      const type = parseValueType(toDOMString(typeRaw), 'WebAssembly.Global value');
      if (type === V128) throw new TypeError('a v128 global cannot be made from JavaScript');
      const value = v === undefined ? defaultValue(cx, type) : toWebAssemblyValue(cx, v, type);
      const raw = new RuntimeGlobal({ type, mutable }, value);
      globals.set(this, new ApiGlobal(store, raw));
      globalObjects.set(raw, this);
    }
    valueOf(): unknown {
      return globalValue(this);
    }
    get value(): unknown {
      return globalValue(this);
    }
    set value(v: unknown) {
      const raw = globalOf(this).raw;
      if (!raw.mutable) throw new TypeError('the global is immutable');
      raw.value = toWebAssemblyValue(cx, v, raw.type);
    }
  }
  setLength(Global, 1);
  webidlInterface(Global, 'WebAssembly.Global');

  // --- Tag and Exception ---------------------------------------------------------------------------

  const tags = new WeakMap<object, ApiTag>();
  const tagObjects = new WeakMap<RuntimeTag, object>();
  const tagOf = (t: unknown, what: string): ApiTag => {
    const x = typeof t === 'object' && t !== null ? tags.get(t) : undefined;
    if (x === undefined) throw new TypeError(`${what} must be a WebAssembly.Tag`);
    return x;
  };
  function tagObject(raw: RuntimeTag): object {
    let o = tagObjects.get(raw);
    if (o === undefined) {
      o = Object.create(Tag.prototype) as object;
      tags.set(o, new ApiTag(store, raw));
      tagObjects.set(raw, o);
    }
    return o;
  }

  class Tag {
    constructor(type: unknown) {
      const d = dictionary(type, 'WebAssembly.Tag descriptor');
      const ps = d.parameters;
      if (ps === undefined) throw new TypeError('WebAssembly.Tag needs parameters');
      const params = sequence(ps, 'WebAssembly.Tag parameters').map((p) =>
        parseValueType(toDOMString(p), 'WebAssembly.Tag parameter'),
      );
      const t = new ApiTag(store, { kind: 'func', params, results: [] });
      tags.set(this, t);
      tagObjects.set(t.raw, this);
    }
  }
  setLength(Tag, 1);
  webidlInterface(Tag, 'WebAssembly.Tag');

  const exceptions = new WeakMap<object, WasmException>();
  const exceptionObjects = new WeakMap<WasmException, object>();
  const exceptionOf = (x: unknown): WasmException => {
    const e = typeof x === 'object' && x !== null ? exceptions.get(x) : undefined;
    if (e === undefined) throw new TypeError('not a WebAssembly.Exception');
    return e;
  };
  function exceptionObject(e: WasmException): object {
    let o = exceptionObjects.get(e);
    if (o === undefined) {
      o = Object.create(Exception.prototype) as object;
      exceptions.set(o, e);
      exceptionObjects.set(e, o);
    }
    return o;
  }

  class Exception {
    constructor(exceptionTag: unknown, payload: unknown, options?: unknown) {
      const tag = tagOf(exceptionTag, 'WebAssembly.Exception tag');
      if (tag.raw === jsTag.raw) throw new TypeError('a WebAssembly.Exception cannot be made with WebAssembly.JSTag');
      const values = sequence(payload, 'WebAssembly.Exception payload');
      const opts = dictionary(options, 'WebAssembly.Exception options');
      const traceStack = Boolean(opts.traceStack);
      const params = tag.raw.params;
      if (values.length !== params.length)
        throw new TypeError(`the tag takes ${params.length} values, the payload has ${values.length}`);
      const raw = values.map((v, i) => toWebAssemblyValue(cx, v, params[i]));
      const e = new WasmException(tag.raw, raw);
      exceptions.set(this, e);
      exceptionObjects.set(e, this);
      if (traceStack) {
        Object.defineProperty(this, 'stack', {
          value: new Error().stack ?? '',
          writable: true,
          enumerable: false,
          configurable: true,
        });
      }
    }
    is(exceptionTag: unknown): boolean {
      const e = exceptionOf(this);
      return e.tag === tagOf(exceptionTag, 'WebAssembly.Exception.is argument').raw;
    }
    getArg(exceptionTag: unknown, index: unknown): unknown {
      const e = exceptionOf(this);
      const tag = tagOf(exceptionTag, 'WebAssembly.Exception.getArg tag');
      const i = enforceRange(index, 'WebAssembly.Exception.getArg index');
      if (e.tag !== tag.raw) throw new TypeError('the exception was not thrown with this tag');
      if (i >= e.values.length) throw new RangeError(`index ${i} is out of range`);
      return toJSValue(cx, e.values[i], e.tag.params[i]);
    }
  }
  setLength(Exception, 2);
  webidlInterface(Exception, 'WebAssembly.Exception');

  // --- the namespace's operations -------------------------------------------------------------------

  function validate(bytes: unknown): boolean {
    const b = bufferSourceBytes(bytes, 'WebAssembly.validate argument');
    if (b.length < 4 || !WASM_MAGIC.every((x, i) => b[i] === x)) return false;
    try {
      decodeModule(b, { features, validateBodies: true });
      return true;
    } catch {
      return false;
    }
  }

  /** A promise settled on a later turn by `f`'s result (its exception rejects it). */
  const later = <R>(f: () => R): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(f());
        } catch (e) {
          reject(e);
        }
      }, 0);
    });

  function compile(bytes: unknown): Promise<object> {
    let b: Uint8Array;
    try {
      b = bufferSourceBytes(bytes, 'WebAssembly.compile argument');
    } catch (e) {
      return Promise.reject(e);
    }
    return later(() => wrapModule(compileBytes(b)));
  }

  function instantiateModule(moduleObject: unknown, importObject: unknown): Promise<object> {
    try {
      const m = moduleOf(moduleObject, 'WebAssembly.instantiate argument');
      const imports = readImports(m, importObject);
      return later(() => instantiate(m, imports));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  function instantiateBytes(bytes: Uint8Array, importObject: unknown): Promise<{ module: object; instance: object }> {
    return later(() => wrapModule(compileBytes(bytes))).then((module) =>
      instantiateModule(module, importObject).then((instance) => ({ module, instance })),
    );
  }

  function instantiate_(source: unknown, importObject?: unknown): Promise<unknown> {
    if (typeof source === 'object' && source !== null && modules.has(source))
      return instantiateModule(source, importObject);
    let b: Uint8Array;
    try {
      b = bufferSourceBytes(source, 'WebAssembly.instantiate argument');
      if (
        importObject !== undefined &&
        (typeof importObject !== 'object' || importObject === null) &&
        typeof importObject !== 'function'
      )
        throw new TypeError('the import object must be an object');
    } catch (e) {
      return Promise.reject(e);
    }
    return instantiateBytes(b, importObject);
  }

  /** The bytes of a Response (or a promise of one), checked as the spec's compileStreaming does. */
  function responseBytes(source: unknown): Promise<Uint8Array> {
    return Promise.resolve(source).then((r) => {
      const resp = r as {
        arrayBuffer?: () => Promise<ArrayBuffer>;
        headers?: { get(n: string): string | null };
        ok?: boolean;
        bodyUsed?: boolean;
      };
      const ResponseClass = (globalThis as { Response?: new () => object }).Response;
      const isResponse =
        ResponseClass !== undefined ? r instanceof ResponseClass : typeof resp?.arrayBuffer === 'function';
      if (!isResponse || typeof resp.arrayBuffer !== 'function') throw new TypeError('the argument must be a Response');
      const mime = resp.headers?.get('Content-Type');
      if (mime == null || mime.split(';')[0].trim().toLowerCase() !== 'application/wasm')
        throw new TypeError('the response must have the MIME type application/wasm');
      if (resp.ok === false) throw new TypeError('the response status is not ok');
      if (resp.bodyUsed === true) throw new TypeError('the response body was already used');
      return resp.arrayBuffer().then((buf) => new Uint8Array(buf));
    });
  }

  const namespace: WebAssemblyNamespace = {
    validate(bytes: unknown): boolean {
      return validate(bytes);
    },
    compile(bytes: unknown): Promise<object> {
      return compile(bytes);
    },
    instantiate(source: unknown, importObject?: unknown): Promise<unknown> {
      return instantiate_(source, importObject);
    },
    compileStreaming(source: unknown): Promise<object> {
      return responseBytes(source).then((b) => later(() => wrapModule(compileBytes(b))));
    },
    instantiateStreaming(source: unknown, importObject?: unknown): Promise<unknown> {
      return responseBytes(source).then((b) => instantiateBytes(b, importObject));
    },
  };
  setLength(namespace.instantiate, 1);
  setLength(namespace.instantiateStreaming, 1);
  const interfaces: Record<string, unknown> = {
    Module,
    Instance,
    Memory,
    Table,
    Global,
    Tag,
    Exception,
    CompileError,
    LinkError,
    RuntimeError,
  };
  for (const [name, value] of Object.entries(interfaces))
    Object.defineProperty(namespace, name, { value, writable: true, enumerable: false, configurable: true });
  const jsTagObject = tagObject(jsTag.raw);
  Object.defineProperty(namespace, 'JSTag', {
    get: Object.defineProperty(() => jsTagObject, 'name', { value: 'get JSTag' }),
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(namespace, Symbol.toStringTag, {
    value: 'WebAssembly',
    writable: false,
    enumerable: false,
    configurable: true,
  });
  stores.set(namespace, store);
  return namespace;
}

/** Whether a host error is the host's stack overflow. */
function isStackOverflow(e: object): boolean {
  return e instanceof RangeError && /call stack|too much recursion/i.test(e.message);
}

/** A WebIDL sequence: an iterable object's values; a TypeError for anything else. */
function sequence(v: unknown, what: string): unknown[] {
  if ((typeof v !== 'object' || v === null) && typeof v !== 'function')
    throw new TypeError(`${what} must be an iterable object`);
  const method = (v as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  if (typeof method !== 'function') throw new TypeError(`${what} must be iterable`);
  // GetIterator, then IteratorStep until done: `next` is read once, `done` and `value` on each step
  const iterator = method.call(v) as { next?: unknown };
  if ((typeof iterator !== 'object' || iterator === null) && typeof iterator !== 'function')
    throw new TypeError(`${what}: the iterator is not an object`);
  const next = iterator.next;
  const out: unknown[] = [];
  for (;;) {
    if (typeof next !== 'function') throw new TypeError(`${what}: the iterator has no next method`);
    const step = next.call(iterator) as { done?: unknown; value?: unknown };
    if ((typeof step !== 'object' || step === null) && typeof step !== 'function')
      throw new TypeError(`${what}: the iterator result is not an object`);
    if (step.done) return out;
    out.push(step.value);
  }
}
