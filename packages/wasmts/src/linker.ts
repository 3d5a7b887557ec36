// Name-based import resolution (wasmtime's `Linker`).

import type { FuncType } from '@wasmts/environ';
import type { Store } from './engine.js';
import { type Extern, Func, type HostFunc } from './externals.js';
import { Instance } from './instance.js';
import type { Module } from './module.js';
import { LinkError } from './trap.js';

/** Defines imports by module and name, then instantiates modules against them. */
export class Linker<T = unknown> {
  private readonly defs = new Map<string, Map<string, Extern>>();
  private shadowing = false;
  private readonly pending: [string, string, FuncType, HostFunc<T>][] = [];
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

  /** Defines `module::name` as `item`. */
  define(_store: Store<T>, module: string, name: string, item: Extern): this {
    let names = this.defs.get(module);
    if (names === undefined) this.defs.set(module, (names = new Map()));
    if (names.has(name) && !this.shadowing) throw new LinkError(`import of \`${module}::${name}\` defined twice`);
    names.set(name, item);
    return this;
  }

  /** Defines a host function `module::name` of `type` (created in each store it is used with). */
  defineFunc(module: string, name: string, type: FuncType, callback: HostFunc<T>): this {
    const existing = this.pending.findIndex(([m, n]) => m === module && n === name);
    if ((existing >= 0 || this.defs.get(module)?.has(name)) && !this.shadowing)
      throw new LinkError(`import of \`${module}::${name}\` defined twice`);
    if (existing >= 0) this.pending.splice(existing, 1);
    this.defs.get(module)?.delete(name);
    this.pending.push([module, name, type, callback]);
    return this;
  }

  /** Defines every export of `instance` under module name `name`. */
  instance(store: Store<T>, name: string, instance: Instance): this {
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
    if (d !== undefined) return d;
    const p = this.pending.find(([m, n]) => m === module && n === name);
    return p === undefined ? undefined : new Func(store, p[2], p[3]);
  }

  /** Checks that every import of `module` is defined and returns an InstancePre to instantiate it repeatedly. */
  instantiatePre(module: Module): InstancePre<T> {
    for (const imp of module.module.imports) {
      const known =
        this.defs.get(imp.module)?.has(imp.name) || this.pending.some(([m, n]) => m === imp.module && n === imp.name);
      if (!known) throw new LinkError(`unknown import: \`${imp.module}::${imp.name}\` has not been defined`);
    }
    return new InstancePre(this, module);
  }

  /** Resolves `module`'s imports by name and instantiates it. */
  instantiate(store: Store<T>, module: Module): Instance {
    const externs = module.module.imports.map((imp) => {
      const x = this.get(store, imp.module, imp.name);
      if (x === undefined) throw new LinkError(`unknown import: \`${imp.module}::${imp.name}\` has not been defined`);
      return x;
    });
    return new Instance(store, module, externs);
  }
}

/** A module whose imports a linker has checked, ready to instantiate (wasmtime's `InstancePre`). */
export class InstancePre<T = unknown> {
  private readonly linker: Linker<T>;
  /** The module. */
  readonly module: Module;

  /** Created by `Linker.instantiatePre`. */
  constructor(linker: Linker<T>, module: Module) {
    this.linker = linker;
    this.module = module;
  }
  /** Instantiates the module in `store` with the linker's definitions. */
  instantiate(store: Store<T>): Instance {
    return this.linker.instantiate(store, this.module);
  }
}
