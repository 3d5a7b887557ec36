// Name-based import resolution (wasmtime's `Linker`), and `InstancePre`: a module with its imports resolved
// once, instantiated repeatedly (one tenant per request) without looking anything up again.

import { F32, F64, type FuncType, I32, I64, isRef, refNullable, valTypeToString } from '@wasmts/environ';
import { type Caller, type Extern, externKind, Func, type HostFunc, isExtern } from './externals.js';
import { HostDefinition, type ImportItem, type Instance, instantiateItems } from './instance.js';
import type { Module } from './module.js';
import type { Store } from './store.js';
import { LinkError } from './trap.js';
import { funcTypeOfNames, type JsParamsOf, type JsResultOf, type ValTypeName, type WrapType } from './wrap.js';
import { WrongStoreError } from './wrong-store.js';

function unknownImport(module: string, name: string): LinkError {
  return new LinkError(`unknown import: \`${module}::${name}\` has not been defined`);
}

/** Defines imports by module and name, then instantiates modules against them. */
export class Linker<T = unknown> {
  private readonly defs = new Map<string, Map<string, Extern | HostDefinition>>();
  private shadowing = false;
  /** The engine (for API symmetry with wasmtime; unused). */
  readonly engine: unknown;

  /** Creates an empty linker. */
  constructor(engine?: unknown) {
    this.engine = engine;
  }

  /** Allows later definitions to replace earlier ones with the same names (an error otherwise). */
  allowShadowing(allow: boolean): this {
    this.shadowing = allow;
    return this;
  }

  private set(module: string, name: string, item: Extern | HostDefinition): this {
    let names = this.defs.get(module);
    if (names === undefined) this.defs.set(module, (names = new Map()));
    if (names.has(name) && !this.shadowing) throw new LinkError(`import of \`${module}::${name}\` defined twice`);
    names.set(name, item);
    return this;
  }

  /**
   * Defines `module::name` as `item`, which must belong to `store` (a `WrongStoreError` otherwise). Each
   * instantiation checks again that the item belongs to the store it instantiates in.
   */
  define(store: Store<T>, module: string, name: string, item: Extern): this {
    if (!isExtern(item)) throw new TypeError(`\`${module}::${name}\` must be a Func, Memory, Table, Global or Tag`);
    if (item.store !== store) throw new WrongStoreError(`${externKind(item)} defined as \`${module}::${name}\``);
    return this.set(module, name, item);
  }

  /** Defines a host function `module::name` of `type` (created in each store it is used with). */
  defineFunc(module: string, name: string, type: FuncType, callback: HostFunc<T>): this {
    return this.set(module, name, new HostDefinition(type, callback));
  }

  /**
   * Defines a host function `module::name` whose type is given once by value type names, the callback's types
   * inferred from them (wasmtime's `Linker::func_wrap`; see `Func.wrap`).
   */
  funcWrap<const P extends readonly ValTypeName[], const R extends readonly ValTypeName[] = []>(
    module: string,
    name: string,
    type: WrapType<P, R>,
    callback: (caller: Caller<T>, ...args: JsParamsOf<P>) => JsResultOf<R>,
  ): this {
    return this.defineFunc(module, name, funcTypeOfNames(type), callback as unknown as HostFunc<T>);
  }

  /**
   * Defines every function import of `module` that is not defined yet as a host function that throws
   * "unknown import: `m::n` has not been defined" when called (wasmtime's `define_unknown_imports_as_traps`),
   * for modules that import functions they never call. Other kinds of imports are left alone.
   */
  defineUnknownImportsAsTraps(module: Module): this {
    for (const imp of module.imports()) {
      if (imp.type.kind !== 'func' || this.defs.get(imp.module)?.has(imp.name)) continue;
      const what = `\`${imp.module}::${imp.name}\``;
      this.defineFunc(imp.module, imp.name, imp.type.type, () => {
        throw new Error(`unknown import: ${what} has not been defined`);
      });
    }
    return this;
  }

  /**
   * Defines every function import of `module` that is not defined yet as a host function returning the
   * default value of each result (zero, or null for a nullable reference), as wasmtime's
   * `define_unknown_imports_as_default_values`. A function with a result that has no default (v128, a
   * non-nullable reference) is a `LinkError` here. Other kinds of imports are left alone.
   */
  defineUnknownImportsAsDefaultValues(module: Module): this {
    for (const imp of module.imports()) {
      if (imp.type.kind !== 'func' || this.defs.get(imp.module)?.has(imp.name)) continue;
      const results = imp.type.type.results.map((t) => {
        if (t === I32 || t === F32 || t === F64) return 0;
        if (t === I64) return 0n;
        if (isRef(t) && refNullable(t)) return null;
        throw new LinkError(
          `\`${imp.module}::${imp.name}\` returns a ${valTypeToString(t)}, which has no default value`,
        );
      });
      const result = results.length === 1 ? results[0] : results.length === 0 ? undefined : results;
      this.defineFunc(imp.module, imp.name, imp.type.type, () => (Array.isArray(result) ? [...result] : result));
    }
    return this;
  }

  /** Defines every export of `instance` (which must belong to `store`) under module name `name`. */
  instance(store: Store<T>, name: string, instance: Instance): this {
    if (instance.store !== store) throw new WrongStoreError(`instance defined as \`${name}\``);
    for (const [n, x] of instance.exports()) this.define(store, name, n, x);
    return this;
  }

  /** Instantiates `module` and defines its exports under `name`. */
  module(store: Store<T>, name: string, module: Module): this {
    return this.instance(store, name, this.instantiate(store, module));
  }

  /** The definition of `module::name` in `store`, or undefined. */
  get(store: Store<T>, module: string, name: string): Extern | undefined {
    const d = this.defs.get(module)?.get(name);
    return d instanceof HostDefinition ? new Func(store, d.type, d.callback) : d;
  }

  /** Each import's definition, in the module's import order; throws a LinkError naming a missing one. */
  private resolve(module: Module): ImportItem[] {
    return module.module.imports.map((imp) => {
      const d = this.defs.get(imp.module)?.get(imp.name);
      if (d === undefined) throw unknownImport(imp.module, imp.name);
      return d;
    });
  }

  /**
   * Resolves every import of `module` now and returns an InstancePre that instantiates it repeatedly with
   * those definitions (later changes to the linker do not affect it, as in wasmtime). Throws a LinkError for a
   * missing import or a host function of the wrong type.
   */
  instantiatePre(module: Module): InstancePre<T> {
    const items = this.resolve(module);
    const m = module.module;
    items.forEach((item, i) => {
      const imp = m.imports[i];
      if (!(item instanceof HostDefinition)) return;
      const t = imp.type;
      const ok =
        t.kind === 'func' &&
        module.engine.typeRegistry.matchFuncType(item.typeIdIn(module.engine), module.runtimeInfo.typeIds[t.typeIndex]);
      if (!ok) {
        const why = t.kind === 'func' ? 'function types differ' : `expected a ${t.kind}`;
        throw new LinkError(`incompatible import type for \`${imp.module}::${imp.name}\`: ${why}`);
      }
    });
    return new InstancePre(module, items);
  }

  /** Resolves `module`'s imports by name and instantiates it. */
  instantiate(store: Store<T>, module: Module): Instance {
    return instantiateItems(store, module, this.resolve(module));
  }
}

/** A module whose imports a linker has resolved, ready to instantiate (wasmtime's `InstancePre`). */
export class InstancePre<T = unknown> {
  /** The module. */
  readonly module: Module;
  private readonly items: readonly ImportItem[];

  /** Created by `Linker.instantiatePre`. */
  constructor(module: Module, items: readonly ImportItem[]) {
    this.module = module;
    this.items = items;
  }
  /**
   * Instantiates the module in `store` with the definitions resolved by `instantiatePre` (a definition
   * that belongs to another store is a `WrongStoreError`).
   */
  instantiate(store: Store<T>): Instance {
    return instantiateItems(store, this.module, this.items);
  }
}
