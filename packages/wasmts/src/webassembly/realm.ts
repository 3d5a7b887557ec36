// What every interface of one `WebAssembly` namespace shares: its engine and store, its error classes, the
// value converter, and one JS object per wasm object (exported functions, GC objects, and through
// `Wrappers` memories, tables, globals, tags and exceptions), as the spec's caches keep them. Each interface
// file (module.ts, instance.ts, memory.ts, table.ts, global.ts, tag.ts) defines its class over a `Realm`.

import {
  CompileError as EnvironCompileError,
  EXTERNREF,
  FuncIndex,
  I32,
  isRef,
  refHeap,
  TrapCode,
  V128,
  type ValType,
  type WasmFeatures,
} from '@wasmts/environ';
import {
  HostError,
  ResourceLimitError,
  type Global as RuntimeGlobal,
  type Instance as RuntimeInstance,
  type Memory as RuntimeMemory,
  type Table as RuntimeTable,
  type Tag as RuntimeTag,
  type TypeRegistry,
  type VMFuncRef,
  type WasmArray,
  WasmException,
  type WasmStruct,
} from '@wasmts/runtime';
import type { Engine } from '../engine.js';
import { Global as ApiGlobal, Table as ApiTable } from '../externals.js';
import { Memory as ApiMemory } from '../memory.js';
import { Module as ApiModule, compileInWorker } from '../module.js';
import type { Store } from '../store.js';
import { Tag as ApiTag } from '../tag.js';
import { callWasm, hostRefPositions, NO_ROOTS } from '../trampoline.js';
import { LinkError as ApiLinkError, Trap, UncaughtWasmException } from '../trap.js';
import { refKindOfHeap } from '../values.js';
import { type CompileOptions, checkBuiltinImports, NO_COMPILE_OPTIONS } from './compile-options.js';
import { type ErrorConstructorLike, makeErrorClass } from './errors.js';
import { type Converter, toJSValue, toWebAssemblyValue } from './values.js';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** Whether `bytes` start with the wasm magic number. */
export function hasWasmMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && WASM_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The JS objects of one kind of wasm object (memories, tables, ...): at most one per wasm object, made on first
 * use with the interface's prototype, and the wasm object behind each.
 */
export class Wrappers<A, R extends object> {
  private readonly apis = new WeakMap<object, A>();
  private readonly objects = new WeakMap<R, object>();
  /** The interface's prototype (set when the interface is defined). */
  prototype: object = Object.prototype;

  constructor(
    private readonly interfaceName: string,
    private readonly make: (raw: R) => A,
    private readonly rawOf: (api: A) => R,
  ) {}

  /** The wasm object behind a JS object, if it is one of this kind. */
  get(x: unknown): A | undefined {
    return typeof x === 'object' && x !== null ? this.apis.get(x) : undefined;
  }

  /** The wasm object behind a JS object; a TypeError naming `what` for anything else. */
  of(x: unknown, what?: string): A {
    const a = this.get(x);
    if (a === undefined)
      throw new TypeError(
        what === undefined ? `not a ${this.interfaceName}` : `${what} must be a ${this.interfaceName}`,
      );
    return a;
  }

  /** The JS object of a wasm object (made on first use). */
  object(raw: R): object {
    let o = this.objects.get(raw);
    if (o === undefined) {
      o = Object.create(this.prototype) as object;
      this.apis.set(o, this.make(raw));
      this.objects.set(raw, o);
    }
    return o;
  }

  /** Makes `o` (just constructed by the interface) the JS object of `api`. */
  register(o: object, api: A): void {
    this.apis.set(o, api);
    this.objects.set(this.rawOf(api), o);
  }
}

/** The state one namespace's interfaces share (see the file comment). */
export class Realm {
  readonly registry: TypeRegistry;
  readonly features: WasmFeatures;
  /** The tag of JS exceptions crossing wasm (`WebAssembly.JSTag`). */
  readonly jsTag: ApiTag;
  readonly CompileError: ErrorConstructorLike = makeErrorClass('CompileError');
  readonly LinkError: ErrorConstructorLike = makeErrorClass('LinkError');
  readonly RuntimeError: ErrorConstructorLike = makeErrorClass('RuntimeError');
  readonly cx: Converter;

  readonly memories: Wrappers<ApiMemory, RuntimeMemory>;
  readonly tables: Wrappers<ApiTable, RuntimeTable>;
  readonly globals: Wrappers<ApiGlobal, RuntimeGlobal>;
  readonly tags: Wrappers<ApiTag, RuntimeTag>;
  readonly exceptions: Wrappers<WasmException, WasmException>;
  /** The module objects (`WebAssembly.Module`): a new JS object per compilation, so no reverse map. */
  readonly modules = new WeakMap<object, ApiModule>();
  /** The compile options each module was compiled with (JS String Builtins, js-string.ts). */
  private readonly compileOptions = new WeakMap<ApiModule, CompileOptions>();
  modulePrototype: object = Object.prototype;

  /** The RuntimeErrors made from traps (wasm handlers never catch them when they cross JS frames). */
  readonly trapErrors = new WeakSet<object>();

  private readonly exportedFunctions = new WeakMap<VMFuncRef, (...args: unknown[]) => unknown>();
  private readonly funcRefs = new WeakMap<object, VMFuncRef>();
  private readonly gcObjects = new WeakMap<WasmStruct | WasmArray, object>();
  private readonly gcTargets = new WeakMap<object, WasmStruct | WasmArray>();
  private readonly funcIndexCache = new WeakMap<RuntimeInstance, Map<VMFuncRef, number>>();

  constructor(
    readonly engine: Engine,
    readonly store: Store<null>,
  ) {
    this.registry = store.typeRegistry;
    this.features = engine.config.features;
    this.jsTag = new ApiTag(store, { kind: 'func', params: [EXTERNREF], results: [] });
    this.memories = new Wrappers(
      'WebAssembly.Memory',
      (raw) => new ApiMemory(store, raw),
      (m) => m.raw,
    );
    this.tables = new Wrappers(
      'WebAssembly.Table',
      (raw) => new ApiTable(store, raw),
      (t) => t.raw,
    );
    this.globals = new Wrappers(
      'WebAssembly.Global',
      (raw) => new ApiGlobal(store, raw),
      (g) => g.raw,
    );
    this.tags = new Wrappers(
      'WebAssembly.Tag',
      (raw) => new ApiTag(store, raw),
      (t) => t.raw,
    );
    this.exceptions = new Wrappers(
      'WebAssembly.Exception',
      (e) => e,
      (e) => e,
    );
    this.cx = {
      registry: this.registry,
      exportedFunction: (ref) => this.exportedFunction(ref, -1),
      funcRefOf: (f) => (typeof f === 'function' ? this.funcRefs.get(f) : undefined),
      gcObject: (o) => this.gcObject(o),
      gcOf: (o) => (typeof o === 'object' && o !== null ? this.gcTargets.get(o) : undefined),
    };
  }

  /** The function reference behind an Exported Function, if `f` is one. */
  funcRefOf(f: unknown): VMFuncRef | undefined {
    return typeof f === 'function' ? this.funcRefs.get(f) : undefined;
  }

  /** The Exported Function of `ref` (made on first use; `index` is its function index when known). */
  exportedFunction(ref: VMFuncRef, index: number): (...args: unknown[]) => unknown {
    const cached = this.exportedFunctions.get(ref);
    if (cached !== undefined) return cached;
    const { cx, store } = this;
    const { params, results } = this.registry.funcType(ref.typeId);
    const roots = hostRefPositions(params);
    const crossable = !params.concat(results).some((t) => this.isUncrossable(t));
    const i32Only =
      params.every((t) => t === I32) && (results.length === 0 || (results.length === 1 && results[0] === I32));
    const f = i32Only
      ? this.i32Export(ref, params.length, results.length === 1)
      : (...args: unknown[]): unknown => {
          if (!crossable)
            throw new TypeError(
              'a function with a v128 or exnref parameter or result cannot be called from JavaScript',
            );
          const raw = new Array<unknown>(params.length).fill(null);
          for (let i = 0; i < params.length; i++) raw[i] = toWebAssemblyValue(cx, args[i], params[i]);
          let r: unknown;
          try {
            r = callWasm(store, ref.fn, raw, ref, roots, true);
          } catch (e) {
            throw this.toJsError(e);
          }
          if (results.length === 0) return undefined;
          if (results.length === 1) return toJSValue(cx, r, results[0]);
          const a = r as unknown[];
          return results.map((t, i) => toJSValue(cx, a[i], t));
        };
    Object.defineProperty(f, 'name', { value: String(index >= 0 ? index : this.funcIndexOf(ref)) });
    Object.defineProperty(f, 'length', { value: params.length });
    this.exportedFunctions.set(ref, f);
    this.funcRefs.set(f, ref);
    return f;
  }

  /**
   * The Exported Function of `ref` when its parameters are i32 and its result is one i32 or none: each
   * argument converted by ToInt32 in order (`undefined` for a missing one), the i32 result the number it is, without
   * the rest parameter (up to three), arrays and per-value calls of the general one (an interpreter pays for each).
   */
  private i32Export(ref: VMFuncRef, arity: number, result: boolean): (...args: unknown[]) => unknown {
    const store = this.store;
    const call = (args: unknown[]): unknown => {
      let r: unknown;
      try {
        r = callWasm(store, ref.fn, args, ref, NO_ROOTS, true);
      } catch (e) {
        throw this.toJsError(e);
      }
      return result ? r : undefined;
    };
    switch (arity) {
      case 0:
        return () => call([]);
      case 1:
        return (a: unknown) => call([+(a as number) | 0]);
      case 2:
        return (a: unknown, b: unknown) => call([+(a as number) | 0, +(b as number) | 0]);
      case 3:
        return (a: unknown, b: unknown, c: unknown) =>
          call([+(a as number) | 0, +(b as number) | 0, +(c as number) | 0]);
      default:
        return (...args: unknown[]) => {
          if (args.length !== arity) args.length = arity;
          for (let i = 0; i < arity; i++) args[i] = +(args[i] as number) | 0;
          return call(args);
        };
    }
  }

  /** The function index of a function reference in its instance (its Exported Function's name). */
  private funcIndexOf(ref: VMFuncRef): number {
    const inst = ref.instance as RuntimeInstance | null;
    if (inst === null) return 0;
    let map = this.funcIndexCache.get(inst);
    if (map === undefined) {
      map = new Map();
      const n = inst.module.functions.length;
      for (let i = FuncIndex(0); i < n; i++) map.set(inst.funcRef(i), i);
      this.funcIndexCache.set(inst, map);
    }
    return map.get(ref) ?? 0;
  }

  /** v128 and exnref values never cross the JS boundary: a function using them throws a TypeError when called. */
  private isUncrossable(t: ValType): boolean {
    return t === V128 || (isRef(t) && refKindOfHeap(refHeap(t), this.registry) === 'exnref');
  }

  /** The opaque JS object of a GC struct or array (a proxy over a frozen null-prototype object). */
  gcObject(o: WasmStruct | WasmArray): object {
    const cached = this.gcObjects.get(o);
    if (cached !== undefined) return cached;
    const p = new Proxy(Object.preventExtensions(Object.create(null)) as object, GC_HANDLER);
    this.gcObjects.set(o, p);
    this.gcTargets.set(p, o);
    return p;
  }

  /** What JS sees of a wasm exception: the thrown value for JSTag, else its WebAssembly.Exception. */
  exceptionValue(e: WasmException): unknown {
    return e.tag === this.jsTag.raw ? e.values[0] : this.exceptions.object(e);
  }

  /** What a call or an instantiation threw, as the JS API throws it. */
  toJsError(e: unknown): unknown {
    if (e instanceof UncaughtWasmException) return this.exceptionValue(e.exception);
    if (e instanceof WasmException) return this.exceptionValue(e);
    if (e instanceof Trap) {
      if (e.code === TrapCode.StackOverflow) return new RangeError('Maximum call stack size exceeded');
      const err = this.RuntimeError(e.message, { cause: e });
      this.trapErrors.add(err);
      const frames = e.backtrace?.toString() ?? '';
      if (frames !== '')
        err.stack = `RuntimeError: ${e.message}\n${frames}\n${(e.stack ?? '').split('\n').slice(1).join('\n')}`;
      return err;
    }
    if (e instanceof ApiLinkError) return this.LinkError(e.message);
    if (e instanceof EnvironCompileError) return this.CompileError(e.message);
    if (e instanceof ResourceLimitError) return new RangeError(e.message);
    if (e instanceof HostError) return e.error;
    return e;
  }

  /** Compiles module bytes (binary only) under the JS API's compile options, with errors as CompileErrors. */
  compileBytes(bytes: Uint8Array, options: CompileOptions = NO_COMPILE_OPTIONS): ApiModule {
    if (!hasWasmMagic(bytes)) throw this.CompileError('not a WebAssembly module: the magic number \\0asm is missing');
    let m: ApiModule;
    try {
      m = ApiModule.fromBinary(this.engine, bytes);
    } catch (e) {
      if (e instanceof EnvironCompileError) throw this.CompileError(e.message);
      if (e instanceof RangeError || e instanceof TypeError || e instanceof SyntaxError) throw e;
      throw this.CompileError(e instanceof Error ? e.message : String(e));
    }
    const why = checkBuiltinImports(m.module, options);
    if (why !== null) throw this.CompileError(why);
    this.compileOptions.set(m, options);
    return m;
  }

  /**
   * `compileBytes` for the asynchronous entry points (`compile`, `instantiate` and the streaming ones): a large module
   * is instrumented in a worker where the host has one (Module.compile), the errors are `compileBytes`'s.
   */
  async compileBytesAsync(bytes: Uint8Array, options: CompileOptions = NO_COMPILE_OPTIONS): Promise<ApiModule> {
    const prepared = hasWasmMagic(bytes) ? await compileInWorker(this.engine, bytes) : null;
    return this.compileBytes(prepared ?? bytes, options);
  }

  /** The compile options a module was compiled with. */
  optionsOf(m: ApiModule): CompileOptions {
    return this.compileOptions.get(m) ?? NO_COMPILE_OPTIONS;
  }

  /** The module behind a `WebAssembly.Module` object; a TypeError naming `what` for anything else. */
  moduleOf(m: unknown, what: string): ApiModule {
    const x = typeof m === 'object' && m !== null ? this.modules.get(m) : undefined;
    if (x === undefined) throw new TypeError(`${what} must be a WebAssembly.Module`);
    return x;
  }

  /** A new `WebAssembly.Module` object for a compiled module. */
  moduleObject(m: ApiModule): object {
    const o = Object.create(this.modulePrototype) as object;
    this.modules.set(o, m);
    return o;
  }
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

/** Whether a host error is the host's stack overflow. */
export function isStackOverflow(e: object): boolean {
  return e instanceof RangeError && /call stack|too much recursion/i.test(e.message);
}
