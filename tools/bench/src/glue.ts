// Running an npm package's own JS glue (wasm-bindgen's, emscripten's) on any configuration: the glue is evaluated
// afresh per session with `WebAssembly` bound to a stand-in whose `Module` / `Instance` / `instantiate` make an
// instance of the session's compiled module from the glue's import object (src/programs-configs.ts's
// `instantiateRaw`). The glue's other `WebAssembly` uses (errors, `Memory` for `instanceof`) are the host's.
// Only the instantiation goes through the stand-in, so what is timed is the package's real code path.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { Imports, RawExports, Session } from './program.js';

declare const WebAssembly: Record<string, unknown>;

/** A `WebAssembly` for glue code: every module it compiles is the session's module. */
export function webAssemblyFor(session: Session): Record<string, unknown> {
  class Module {
    constructor(_bytes?: unknown) {}
    static imports() {
      return [];
    }
    static exports() {
      return [];
    }
    static customSections() {
      return [];
    }
  }
  class Instance {
    readonly exports: RawExports;
    constructor(_module: unknown, imports?: Imports) {
      this.exports = session.instantiateRaw(imports ?? {});
    }
  }
  const instantiate = async (source: unknown, imports?: Imports) => {
    const instance = new Instance(source, imports);
    return source instanceof Module ? instance : { module: new Module(), instance };
  };
  return {
    Module,
    Instance,
    instantiate,
    compile: async () => new Module(),
    validate: () => true,
    Memory: WebAssembly.Memory,
    Table: WebAssembly.Table,
    Global: WebAssembly.Global,
    CompileError: WebAssembly.CompileError,
    LinkError: WebAssembly.LinkError,
    RuntimeError: WebAssembly.RuntimeError,
  };
}

/**
 * Evaluates a CommonJS file with `WebAssembly` bound to `webAssembly`; its relative `require`s are evaluated the
 * same way (fresh, once per call tree), the rest come from Node.
 */
export function loadCommonJs(
  file: string,
  webAssembly: Record<string, unknown>,
  cache = new Map<string, unknown>(),
): Record<string, unknown> {
  const cached = cache.get(file);
  if (cached) return cached as Record<string, unknown>;
  const module = { exports: {} as Record<string, unknown> };
  cache.set(file, module.exports);
  const nodeRequire = createRequire(file);
  const localRequire = (id: string) =>
    id.startsWith('./') || id.startsWith('../')
      ? /\.(c?js)$/.test(id)
        ? loadCommonJs(resolve(dirname(file), id), webAssembly, cache)
        : nodeRequire(id)
      : nodeRequire(id);
  const source = readFileSync(file, 'utf8');
  const evaluate = new Function(
    'exports',
    'require',
    'module',
    '__filename',
    '__dirname',
    'WebAssembly',
    source.replace(/^#!.*/, ''),
  );
  evaluate(module.exports, localRequire, module, file, dirname(file), webAssembly);
  cache.set(file, module.exports);
  return module.exports;
}

/** A per-session value made once (a package's API over that session's instance). */
export function perSession<T>(make: (session: Session) => Promise<T> | T) {
  const made = new WeakMap<Session, T>();
  return {
    async init(session: Session): Promise<void> {
      if (!made.has(session)) made.set(session, await make(session));
    },
    get(session: Session): T {
      const value = made.get(session);
      if (value === undefined) throw new Error('the package was not initialised for this session');
      return value;
    },
  };
}
