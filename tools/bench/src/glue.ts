// Running an npm package's own JS glue (wasm-bindgen's, emscripten's) on any configuration: the glue is evaluated
// afresh per session with `WebAssembly` bound to a stand-in whose `Module` / `Instance` / `instantiate` make an
// instance of the session's compiled module from the glue's import object (src/programs-configs.ts's
// `instantiateRaw`). The glue's other `WebAssembly` uses (errors, `Memory` for `instanceof`) are the host's.
// Only the instantiation goes through the stand-in, so what is timed is the package's real code path.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Imports, MemoryDescriptor, RawExports, Session } from './program.js';

declare const WebAssembly: Record<string, unknown>;

/** A `WebAssembly` for glue code: every module it compiles is the session's module. */
export function webAssemblyFor(session: Session): Record<string, unknown> {
  // biome-ignore lint/complexity/noStaticOnlyClass: glue code runs `new WebAssembly.Module(bytes)` and calls its statics
  class Module {
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
    // a memory for a module that imports one (emscripten): the session's, so that its instances can use it
    Memory: function Memory(descriptor: MemoryDescriptor) {
      return session.newMemory(descriptor);
    },
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
  const localRequire = (id: string) => {
    if (!id.startsWith('./') && !id.startsWith('../')) return nodeRequire(id);
    // the package's own files (`./module` as Node resolves it: `./module.js`), evaluated the same way
    const resolved = nodeRequire.resolve(id);
    return /\.c?js$/.test(resolved) ? loadCommonJs(resolved, webAssembly, cache) : nodeRequire(id);
  };
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

/**
 * Evaluates an emscripten ES module (`export default Module` or `export function createModule`) with `WebAssembly`
 * bound to `webAssembly`; returns the export named `name` ('default' for the default one). `import.meta.url` is the
 * file's URL. Only the forms emscripten emits are handled: anything else throws.
 */
export function loadEmscriptenEsm(file: string, webAssembly: Record<string, unknown>, name = 'default'): unknown {
  let source = readFileSync(file, 'utf8').replaceAll('import.meta.url', '__importMetaUrl');
  source = source
    .replace(/^export default (\w+);?\s*$/m, 'return $1;')
    .replace(/^export function (\w+)/m, (_m, fn: string) => `__exports.${fn} = ${fn};\nfunction ${fn}`);
  if (/^\s*(import|export)\b/m.test(source)) throw new Error(`${file}: an import or export form not handled`);
  const evaluate = new Function(
    'WebAssembly',
    '__importMetaUrl',
    '__exports',
    'require',
    '__dirname',
    `${source}\nreturn __exports;`,
  );
  const exports: Record<string, unknown> = {};
  const result = evaluate(webAssembly, pathToFileURL(file).href, exports, createRequire(file), dirname(file));
  return name === 'default' ? (result === exports ? exports.default : result) : exports[name];
}
