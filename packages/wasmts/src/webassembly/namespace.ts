// The standard `WebAssembly` namespace (the WebAssembly JavaScript Interface) over a wasmts engine and
// store: each namespace made by `createWebAssembly` has its own engine (or the one given), one store
// that every object it makes lives in (a `Realm`, realm.ts), and its own interface objects (module.ts,
// instance.ts, memory.ts, table.ts, global.ts, tag.ts). This file makes the realm, the namespace's
// functions (`validate`, `compile`, `instantiate` and the streaming ones) and the namespace object.

import { decodeModule, wasmFeatures } from '@wasmts/environ';
import { Config } from '../config.js';
import { Engine } from '../engine.js';
import type { ResourceLimiter } from '../limits.js';
import { Store } from '../store.js';
import { type CompileOptions, checkBuiltinImports, readCompileOptions } from './compile-options.js';
import { defineGlobal } from './global.js';
import { defineInstance, isImportObject, readImports } from './instance.js';
import { defineMemory } from './memory.js';
import { defineModule } from './module.js';
import { hasWasmMagic, Realm } from './realm.js';
import { type Shareable, toShareable as shareable, fromShareable as unshare } from './share.js';
import { defineTable } from './table.js';
import { defineTagAndException } from './tag.js';
import { bufferSourceBytes, setLength } from './webidl.js';

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
// biome-ignore lint/suspicious/noExplicitAny: the standard namespace's members are classes and functions of many shapes, used as the host's own
export type WebAssemblyNamespace = Record<string, any>;

/** The store of each namespace (`storeOf`). */
const stores = new WeakMap<object, Store<null>>();

/** The realm of each namespace (`toShareable`, `fromShareable`). */
const realms = new WeakMap<object, Realm>();

/** The wasmts store behind a namespace made by `createWebAssembly` (fuel, epochs, limits, engine). */
export function storeOf(namespace: WebAssemblyNamespace): Store<null> {
  const s = stores.get(namespace);
  if (s === undefined) throw new TypeError('not a namespace made by createWebAssembly');
  return s;
}

function realmOf(namespace: WebAssemblyNamespace): Realm {
  const r = realms.get(namespace);
  if (r === undefined) throw new TypeError('not a namespace made by createWebAssembly');
  return r;
}

/**
 * A `WebAssembly.Module` or shared `WebAssembly.Memory` of `namespace` as data that `postMessage` can send (a
 * host's own objects of these kinds are cloned by the host; a namespace's are not): `fromShareable` in the
 * receiving thread gives back the module (compiled there again) or a memory over the same bytes.
 */
export function toShareable(namespace: WebAssemblyNamespace, value: unknown): Shareable {
  return shareable(realmOf(namespace), value);
}

/** The object of `namespace` (in the receiving thread) for what `toShareable` made in another thread. */
export function fromShareable(namespace: WebAssemblyNamespace, data: Shareable): object {
  return unshare(realmOf(namespace), data);
}

/** The realm of a new namespace: its engine and store under the options' controls. */
function createRealm(options: WebAssemblyOptions): Realm {
  let engine = options.engine;
  if (engine === undefined) {
    // shared memories are part of the JS API (`new WebAssembly.Memory({ shared: true })`): a module may
    // declare or import one (atomic instructions are not implemented, and a module using them is a CompileError)
    const config = options.config ?? new Config({ features: wasmFeatures({ threads: true }) });
    if (options.fuel !== undefined) config.consumeFuel(true);
    if (options.epochDeadline !== undefined) config.epochInterruption(true);
    engine = new Engine(config);
  }
  const realm = new Realm(engine, new Store<null>(engine, null));
  if (options.fuel !== undefined) realm.store.setFuel(options.fuel);
  if (options.epochDeadline !== undefined) realm.store.setEpochDeadline(options.epochDeadline);
  if (options.limits !== undefined) realm.store.setLimiter(options.limits);
  return realm;
}

/** A promise settled on a later turn by `f`'s result (its exception rejects it). */
function later<R>(f: () => R | PromiseLike<R>): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(f());
      } catch (e) {
        reject(e);
      }
    }, 0);
  });
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

/** Makes a `WebAssembly` namespace over a wasmts engine (see `WebAssemblyOptions`). */
export function createWebAssembly(options: WebAssemblyOptions = {}): WebAssemblyNamespace {
  const realm = createRealm(options);
  const Module = defineModule(realm);
  const { Instance, instantiate } = defineInstance(realm);
  const Memory = defineMemory(realm);
  const Table = defineTable(realm);
  const Global = defineGlobal(realm);
  const { Tag, Exception } = defineTagAndException(realm);

  function validate(bytes: unknown, options: unknown): boolean {
    const b = bufferSourceBytes(bytes, 'WebAssembly.validate argument');
    const o = readCompileOptions(options);
    if (!hasWasmMagic(b)) return false;
    try {
      return checkBuiltinImports(decodeModule(b, { features: realm.features, validateBodies: true }), o) === null;
    } catch {
      return false;
    }
  }

  function compile(bytes: unknown, options: unknown): Promise<object> {
    let b: Uint8Array;
    let o: CompileOptions;
    try {
      b = bufferSourceBytes(bytes, 'WebAssembly.compile argument');
      o = readCompileOptions(options);
    } catch (e) {
      return Promise.reject(e);
    }
    return later(() => realm.compileBytesAsync(b, o)).then((m) => realm.moduleObject(m));
  }

  function instantiateModule(moduleObject: unknown, importObject: unknown): Promise<object> {
    try {
      const m = realm.moduleOf(moduleObject, 'WebAssembly.instantiate argument');
      const imports = readImports(realm, m, importObject);
      return later(() => instantiate(m, imports));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  function instantiateBytes(
    bytes: Uint8Array,
    importObject: unknown,
    options: CompileOptions,
  ): Promise<{ module: object; instance: object }> {
    return later(() => realm.compileBytesAsync(bytes, options))
      .then((m) => realm.moduleObject(m))
      .then((module) => instantiateModule(module, importObject).then((instance) => ({ module, instance })));
  }

  const namespace: WebAssemblyNamespace = {
    validate(bytes: unknown, options?: unknown): boolean {
      return validate(bytes, options);
    },
    compile(bytes: unknown, options?: unknown): Promise<object> {
      return compile(bytes, options);
    },
    instantiate(source: unknown, importObject?: unknown, options?: unknown): Promise<unknown> {
      if (typeof source === 'object' && source !== null && realm.modules.has(source))
        return instantiateModule(source, importObject);
      let b: Uint8Array;
      let o: CompileOptions;
      try {
        b = bufferSourceBytes(source, 'WebAssembly.instantiate argument');
        if (!isImportObject(importObject)) throw new TypeError('the import object must be an object');
        o = readCompileOptions(options);
      } catch (e) {
        return Promise.reject(e);
      }
      return instantiateBytes(b, importObject, o);
    },
    compileStreaming(source: unknown, options?: unknown): Promise<object> {
      let o: CompileOptions;
      try {
        o = readCompileOptions(options);
      } catch (e) {
        return Promise.reject(e);
      }
      return responseBytes(source).then((b) =>
        later(() => realm.compileBytesAsync(b, o)).then((m) => realm.moduleObject(m)),
      );
    },
    instantiateStreaming(source: unknown, importObject?: unknown, options?: unknown): Promise<unknown> {
      let o: CompileOptions;
      try {
        o = readCompileOptions(options);
      } catch (e) {
        return Promise.reject(e);
      }
      return responseBytes(source).then((b) => instantiateBytes(b, importObject, o));
    },
  };
  // optional arguments (the import object, compile options) do not count in a WebIDL operation's length
  for (const f of ['validate', 'compile', 'instantiate', 'compileStreaming', 'instantiateStreaming'])
    setLength(namespace[f], 1);
  const interfaces: Record<string, unknown> = {
    Module,
    Instance,
    Memory,
    Table,
    Global,
    Tag,
    Exception,
    CompileError: realm.CompileError,
    LinkError: realm.LinkError,
    RuntimeError: realm.RuntimeError,
  };
  for (const [name, value] of Object.entries(interfaces))
    Object.defineProperty(namespace, name, { value, writable: true, enumerable: false, configurable: true });
  const jsTagObject = realm.tags.object(realm.jsTag.raw);
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
  stores.set(namespace, realm.store);
  realms.set(namespace, realm);
  return namespace;
}
