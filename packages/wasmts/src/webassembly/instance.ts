// `WebAssembly.Instance`: reading the imports from an import object (host functions made from JS
// functions, globals from numbers), instantiation, and the frozen exports object.

import { F32, F64, type FuncType, I32, I64, V128 } from '@wasmts/environ';
import { Global as RuntimeGlobal, WasmException } from '@wasmts/runtime';
import {
  Func as ApiFunc,
  Global as ApiGlobal,
  Table as ApiTable,
  type Extern,
  resultsConverted,
} from '../externals.js';
import { Instance as ApiInstance } from '../instance.js';
import { Memory as ApiMemory } from '../memory.js';
import type { Module as ApiModule } from '../module.js';
import type { Tag as ApiTag } from '../tag.js';
import { isBuiltinImport } from './compile-options.js';
import { builtinExtern } from './js-string.js';
import { isStackOverflow, type Realm } from './realm.js';
import { toJSValue, toWebAssemblyValue } from './values.js';
import { sequence, setLength, webidlInterface } from './webidl.js';

/** Whether `v` may be an import object (undefined, an object or a function); the JS API's first check. */
export function isImportObject(v: unknown): boolean {
  return v === undefined || (typeof v === 'object' && v !== null) || typeof v === 'function';
}

/** Reads the imports of `m` from `importObject` (the spec's "read the imports"). */
export function readImports(realm: Realm, m: ApiModule, importObject: unknown): Extern[] {
  const imports = m.imports();
  const options = realm.optionsOf(m);
  if (!isImportObject(importObject)) throw new TypeError('the import object must be an object');
  if (importObject === undefined && imports.some((i) => !isBuiltinImport(options, i)))
    throw new TypeError('the module has imports but no import object was given');
  const { store, cx, LinkError } = realm;
  const out: Extern[] = [];
  for (const imp of imports) {
    if (isBuiltinImport(options, imp)) {
      out.push(builtinExtern(realm, imp));
      continue;
    }
    const o = (importObject as Record<string, unknown>)[imp.module];
    if ((typeof o !== 'object' || o === null) && typeof o !== 'function')
      throw new TypeError(`import module \`${imp.module}\` must be an object`);
    const v = (o as Record<string, unknown>)[imp.name];
    const where = `\`${imp.module}::${imp.name}\``;
    const t = imp.type;
    switch (t.kind) {
      case 'func': {
        if (typeof v !== 'function') throw LinkError(`import ${where} must be callable`);
        const ref = realm.funcRefOf(v);
        out.push(
          ref !== undefined
            ? ApiFunc.fromRef(store, ref)
            : hostFunction(realm, v as (...a: unknown[]) => unknown, t.type),
        );
        break;
      }
      case 'global': {
        const g = realm.globals.get(v);
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
        const x = realm.memories.get(v);
        if (x === undefined) throw LinkError(`import ${where} must be a WebAssembly.Memory`);
        out.push(x);
        break;
      }
      case 'table': {
        const x = realm.tables.get(v);
        if (x === undefined) throw LinkError(`import ${where} must be a WebAssembly.Table`);
        out.push(x);
        break;
      }
      case 'tag': {
        const x = realm.tags.get(v);
        if (x === undefined) throw LinkError(`import ${where} must be a WebAssembly.Tag`);
        out.push(x);
        break;
      }
    }
  }
  return out;
}

/** A host function of type `type` calling a JS function (the spec's "create a host function"). */
function hostFunction(realm: Realm, fn: (...a: unknown[]) => unknown, type: FuncType): ApiFunc {
  const { params, results } = type;
  const { cx, jsTag } = realm;
  // what a JS exception becomes in wasm
  const thrown = (e: unknown): unknown => {
    // a WebAssembly.Exception thrown by JS is a wasm exception that wasm handlers can catch
    const exn = realm.exceptions.get(e);
    if (exn !== undefined) return exn;
    // any other JS exception crosses wasm as an exception of JSTag (catch_all and `catch $JSTag` see
    // it), except a trap's RuntimeError and a stack overflow, which no wasm handler may catch
    if (typeof e === 'object' && e !== null && (realm.trapErrors.has(e) || isStackOverflow(e))) return e;
    return new WasmException(jsTag.raw, [e]);
  };
  const callback = i32Only(type)
    ? i32HostCallback(fn, params.length, results.length === 1, thrown)
    : (_caller: unknown, ...raw: unknown[]): unknown => {
        const args = new Array<unknown>(params.length);
        for (let i = 0; i < params.length; i++) args[i] = toJSValue(cx, raw[i], params[i]);
        let r: unknown;
        try {
          r = Reflect.apply(fn, undefined, args);
        } catch (e) {
          throw thrown(e);
        }
        if (results.length === 0) return undefined;
        if (results.length === 1) return toWebAssemblyValue(cx, r, results[0]);
        const values = sequence(r, 'the result of a function with several results');
        if (values.length !== results.length)
          throw new TypeError(`expected ${results.length} results, the function returned ${values.length}`);
        return values.map((x, i) => toWebAssemblyValue(cx, x, results[i]));
      };
  // its results are wasm values already (ToWebAssemblyValue): the host function need not convert them again
  resultsConverted.add(callback);
  return new ApiFunc(realm.store, type, callback);
}

/** Whether every parameter of `type` is an i32 and its result is one i32 or none. */
function i32Only(type: FuncType): boolean {
  const { params, results } = type;
  return params.every((t) => t === I32) && (results.length === 0 || (results.length === 1 && results[0] === I32));
}

/**
 * The callback of a host function of i32 parameters and an i32 result or none, without the arrays
 * of the general one: an i32 is the same number on both sides of the boundary (ToJSValue), and the result is
 * converted by ToInt32 (ToWebAssemblyValue). Wasm calls it with exactly its parameters.
 */
function i32HostCallback(
  fn: (...a: unknown[]) => unknown,
  arity: number,
  result: boolean,
  thrown: (e: unknown) => unknown,
): (caller: unknown, ...raw: unknown[]) => unknown {
  // `fn(a)` calls it as `Reflect.apply(fn, undefined, [a])` does; each arity written out (no closure per call)
  switch (arity) {
    case 0:
      return () => {
        let r: unknown;
        try {
          r = fn();
        } catch (e) {
          throw thrown(e);
        }
        return result ? +(r as number) | 0 : undefined;
      };
    case 1:
      return (_c, a) => {
        let r: unknown;
        try {
          r = fn(a);
        } catch (e) {
          throw thrown(e);
        }
        return result ? +(r as number) | 0 : undefined;
      };
    case 2:
      return (_c, a, b) => {
        let r: unknown;
        try {
          r = fn(a, b);
        } catch (e) {
          throw thrown(e);
        }
        return result ? +(r as number) | 0 : undefined;
      };
    case 3:
      return (_c, a, b, c) => {
        let r: unknown;
        try {
          r = fn(a, b, c);
        } catch (e) {
          throw thrown(e);
        }
        return result ? +(r as number) | 0 : undefined;
      };
    default:
      return (_c, ...raw) => {
        let r: unknown;
        try {
          r = Reflect.apply(fn, undefined, raw);
        } catch (e) {
          throw thrown(e);
        }
        return result ? +(r as number) | 0 : undefined;
      };
  }
}

/** The exports object of an instance: frozen, null prototype, one JS object per export. */
function exportsObject(realm: Realm, m: ApiModule, inst: ApiInstance): object {
  const out = Object.create(null) as Record<string, unknown>;
  for (const e of m.module.exports) {
    const x = inst.getExport(e.name)!;
    let v: unknown;
    if (x instanceof ApiFunc) v = realm.exportedFunction(x.ref, e.index);
    else if (x instanceof ApiMemory) v = realm.memories.object(x.raw);
    else if (x instanceof ApiTable) v = realm.tables.object(x.raw);
    else if (x instanceof ApiGlobal) v = realm.globals.object(x.raw);
    else v = realm.tags.object((x as ApiTag).raw);
    out[e.name] = v;
  }
  return Object.freeze(out);
}

/** The `WebAssembly.Instance` interface of a realm, and instantiation as the namespace's functions need it. */
export interface InstanceInterface {
  readonly Instance: abstract new (...args: never[]) => object;
  /** Instantiates `m` with imports already read, as a new `WebAssembly.Instance` object. */
  instantiate(m: ApiModule, imports: Extern[]): object;
}

/** Defines `WebAssembly.Instance` over `realm`. */
export function defineInstance(realm: Realm): InstanceInterface {
  /** The exports object of each `WebAssembly.Instance`. */
  const instanceExports = new WeakMap<object, object>();

  function instantiate(m: ApiModule, imports: Extern[]): object {
    let inst: ApiInstance;
    try {
      inst = new ApiInstance(realm.store, m, imports);
    } catch (e) {
      throw realm.toJsError(e);
    }
    const o = Object.create(Instance.prototype) as object;
    instanceExports.set(o, exportsObject(realm, m, inst));
    return o;
  }

  class Instance {
    constructor(module: unknown, importObject?: unknown) {
      const m = realm.moduleOf(module, 'WebAssembly.Instance argument');
      const o = instantiate(m, readImports(realm, m, importObject));
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
  return { Instance, instantiate };
}
