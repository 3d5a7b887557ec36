// The configurations a program runs on, side by side (each in a process of its own, src/programs-run.ts): the host's
// WebAssembly (native), the wasmts API (wasm backend plain, with fuel, with epochs; js backend likewise), binaryen's
// wasm2js output and polywasm (a run-time translator behind a WebAssembly-like API). Each compiles a module and
// instantiates it with a plain import object (JS functions by module and name, as the JS API takes them), handing
// back an exports object as the JS API gives one (functions taking and returning raw values, i64 as BigInt; `memory`
// with `buffer` and `grow`). That one shape lets every driver run on every configuration: the C programs with WASI,
// and npm packages through their own JS glue (src/glue.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Backend, Engine, Memory, Module, Store, Table, Val, ValType } from 'wasmts';
import * as wasmtsApi from 'wasmts';
import { miniWasi, type WasiIo } from './mini-wasi.js';
import type { Imports, MemoryDescriptor, Program, ProgramExports, RawExports, Session } from './program.js';

const require = createRequire(import.meta.url);

// lib ES2022 and @types/node 20 do not declare WebAssembly; only what is used here.
interface WasmModuleDescriptor {
  module: string;
  name: string;
  kind: string;
}
interface WebAssemblyLike {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: MemoryDescriptor) => object;
}
declare const WebAssembly: WebAssemblyLike & {
  Module: { imports(module: object): WasmModuleDescriptor[] };
};

/** A compiled program, ready to instantiate. */
export interface Loaded {
  readonly session: Session;
  /** Module compilation (for wasm2js: evaluating the translated source), ms. */
  readonly compileMs?: number;
  /** The engine that runs the code: 'v8' (native), 'js' or 'wasm' (what wasmts actually chose), 'wasm2js', 'polywasm'. */
  readonly backend: string;
  /** Why that backend, where wasmts says (`Module.backendReason`). */
  readonly backendReason?: string;
  /** Characters of JavaScript the configuration generated for the module, where it says (wasmts's js backend). */
  jsSourceChars?(): number | undefined;
  /** Checked after every run: throws if the run did not do what the configuration promises (fuel consumed). */
  afterRun?(): void;
}

/** A configuration: compiles a program. */
export interface Configuration {
  readonly name: string;
  /** The backend this configuration stands for; a run on any other backend is not timed under this name. */
  readonly expectBackend: string;
  load(program: Program): Promise<Loaded | { unavailable: string }>;
}

export const WASI_MODULE = 'wasi_snapshot_preview1';

/** The wasmts API a configuration runs: this workspace's, or another build's (`WasmtsApi`, `baseApi`). */
type WasmtsApi = typeof wasmtsApi;

/**
 * Another build's wasmts, for a before/after comparison in one bench run (the `base:` configurations): the API bundle
 * `wasmts.bundle.js` of the directory WASMTS_BASE names (a copy of some commit's packages/wasmts/dist/wasmts.bundle.js).
 */
async function baseApi(): Promise<WasmtsApi> {
  const base = process.env.WASMTS_BASE;
  if (base === undefined)
    throw new Error('base: configurations need WASMTS_BASE: a directory holding wasmts.bundle.js');
  return (await import(pathToFileURL(join(base, 'wasmts.bundle.js')).href)) as WasmtsApi;
}

/**
 * The JS API's ToWebAssemblyValue for one value type (i32: ToInt32, f32: fround, f64: ToNumber, i64: BigInt.asIntN;
 * references as they are): wasmts's API takes raw values and converts nothing, so JS glue written against the
 * JS API (booleans for i32, `undefined` results) gets the JS API's conversions here, at the boundary.
 */
function toWasm(ValType: WasmtsApi['ValType'], type: ValType): ((v: unknown) => unknown) | null {
  if (type === ValType.I32) return (v) => (v as number) | 0;
  if (type === ValType.F32) return (v) => Math.fround(v as number);
  if (type === ValType.F64) return (v) => +(v as number);
  if (type === ValType.I64) return (v) => BigInt.asIntN(64, v as bigint);
  return null;
}

/** The memory of an exports object, as the JS API's `WebAssembly.Memory` shows it. */
interface MemoryLike {
  readonly buffer: ArrayBuffer;
  grow?(pages: number): number;
  /** wasmts: the bytes through `Memory.data()`, for the bench's WASI (src/mini-wasi.ts, `WasiMemory`). */
  bytes?(): Uint8Array;
}

/**
 * The import object a program's WASI instance gets: every `wasi_snapshot_preview1` function (src/mini-wasi.ts, the
 * same on every configuration) and the program's other host functions. Lookups are lazy (a Proxy), as the JS API
 * reads an import object.
 */
function wasiImports(program: Program, io: WasiIo, memory: () => MemoryLike | undefined): Imports {
  const wasi = miniWasi(io, () => memory() ?? { buffer: new ArrayBuffer(0) });
  const modules = new Map<string, Record<string, unknown>>();
  return new Proxy({} as Imports, {
    get(_target, module) {
      if (typeof module !== 'string') return undefined;
      let ns = modules.get(module);
      if (!ns) {
        ns = new Proxy({} as Record<string, unknown>, {
          get: (_t, name) =>
            typeof name !== 'string'
              ? undefined
              : module === WASI_MODULE
                ? wasi(name)
                : program.hostImports?.(module, name),
        });
        modules.set(module, ns);
      }
      return ns;
    },
  });
}

/** Exported functions by name (i32 arguments; missing trailing ones are 0) and the exported memory. */
export function programExports(program: Program, raw: RawExports): ProgramExports {
  const memory = raw.memory as MemoryLike | undefined;
  return {
    raw,
    fn(name) {
      const fn = raw[name];
      if (typeof fn !== 'function') throw new Error(`${program.name}: no exported function ${name}`);
      const arity = fn.length;
      return (...args) => {
        while (args.length < arity) args.push(0);
        return (fn as (...a: number[]) => number)(...args);
      };
    },
    memory() {
      if (!memory) throw new Error(`${program.name}: no exported memory`);
      return memory.bytes?.() ?? new Uint8Array(memory.buffer);
    },
  };
}

/** A session over `instantiateRaw`: WASI instances for the C programs, any import object for glue. */
function makeSession(
  program: Program,
  instantiateRaw: (imports: Imports) => RawExports,
  newMemory: (descriptor: MemoryDescriptor) => unknown,
): Session {
  const instantiate = (io: WasiIo): ProgramExports => {
    let memory: MemoryLike | undefined;
    const raw = instantiateRaw(wasiImports(program, io, () => memory));
    memory = raw.memory as MemoryLike | undefined;
    if (typeof raw._initialize === 'function') (raw._initialize as () => void)();
    return programExports(program, raw);
  };
  let shared: ProgramExports | undefined;
  return {
    get exports() {
      shared ??= instantiate({});
      return shared;
    },
    instantiate,
    instantiateRaw,
    newMemory,
  };
}

/** A JS-API-like WebAssembly (the host's, or polywasm's). */
function webAssemblyConfiguration(
  name: string,
  backend: string,
  api: () => Promise<WebAssemblyLike>,
  detachOnGrowth = false,
): Configuration {
  return {
    name,
    expectBackend: backend,
    async load(program) {
      const wasmApi = await api();
      const bytes = program.wasm();
      const start = performance.now();
      const module = new wasmApi.Module(bytes);
      const compileMs = performance.now() - start;
      return {
        compileMs,
        backend,
        session: makeSession(
          program,
          detachOnGrowth
            ? detaching((imports) => new wasmApi.Instance(module, imports).exports)
            : (imports) => new wasmApi.Instance(module, imports).exports,
          (descriptor) => new wasmApi.Memory(descriptor),
        ),
      };
    },
  };
}

/** The host's own engine (V8 in Node): `new WebAssembly.Module`, `new WebAssembly.Instance`. */
export const native: Configuration = webAssemblyConfiguration('native', 'v8', async () => WebAssembly);

/**
 * polywasm (npm `polywasm`): a WebAssembly polyfill that translates each function to JavaScript on its first call.
 * It has no SIMD (its README); a SIMD module fails in its `Module` ("Unsupported instruction: 0xFD"), reported.
 */
export const polywasm: Configuration = webAssemblyConfiguration(
  'polywasm',
  'polywasm',
  async () => ((await import('polywasm')) as unknown as { WebAssembly: WebAssemblyLike }).WebAssembly,
  true,
);

/** Fuel given to each store of the fuel configuration: far more than any run uses (a run that ran out would trap). */
export const FUEL = 2 ** 52;
/** The epoch deadline of the epoch configuration, in ticks: nothing advances the epoch, so it is never reached. */
export const EPOCH_DEADLINE = 2 ** 52;
/** The interval of the `wasm+epoch+ticker` configuration's worker ticker, in ms (the deadline is still never reached). */
export const EPOCH_TICK_MS = 10;

/**
 * The backend a module actually got: `Module.backend` where wasmts has it, else `Engine.backend`, else 'js'
 * (before the wasm backend, every module ran on the js backend whatever the config asked).
 */
export function actualBackend(engine: Engine, module: Module): string {
  const fromModule = (module as { backend?: unknown }).backend;
  if (typeof fromModule === 'string') return fromModule;
  const fromEngine = (engine as { backend?: unknown }).backend;
  return typeof fromEngine === 'string' ? fromEngine : 'js';
}

/** Why the module got its backend, where wasmts says (`Module.backendReason`). */
function backendReason(module: Module): string | undefined {
  const reason = (module as { backendReason?: unknown }).backendReason;
  return typeof reason === 'string' ? reason : undefined;
}

/**
 * The size of the js backend's generated JavaScript, in characters: `Module.compiled.sourceLength`, what the module
 * generated so far (lazily compiled: the constant expressions and each function compiled on its first call). Never
 * `compiled.source`, which would translate every function of the module (seconds for a large one, and a string and
 * every translation left in the heap during the timed runs). Undefined where the module says nothing (a wasm-backend
 * module is not asked: reading `compiled` would make the JS artifact just to measure it).
 */
export function jsSourceChars(module: Module): number | undefined {
  if ((module as { backend?: unknown }).backend !== 'js') return undefined;
  const compiled = (module as { compiled?: unknown }).compiled as { sourceLength?: unknown } | undefined;
  return typeof compiled?.sourceLength === 'number' ? compiled.sourceLength : undefined;
}

/**
 * The JS API's view of a wasmts memory: `buffer` is the current buffer (`exactBuffer`: of the memory's size),
 * `grow(pages)` grows. Glue code (wasm-bindgen's, emscripten's) notices growth the way
 * the JS API lets it, by its cached views going empty, so the old buffer is detached here once it is replaced (it
 * is dead to wasmts by then). `sync` runs at every crossing between wasm and JS.
 */
function memoryView(memory: Memory) {
  let last: ArrayBuffer | undefined;
  // the current buffer is `memory.raw.buffer` (what `data()` views): compared without making a view at every
  // crossing, which cost call-heavy glue more than the calls themselves
  const sync = () => {
    const now = memory.raw.buffer as ArrayBuffer;
    if (now === last) return;
    if (last !== undefined && last !== now && last.byteLength !== 0) structuredClone(last, { transfer: [last] });
    last = now;
  };
  sync();
  const view: MemoryLike = {
    get buffer() {
      // exactly the memory's size, as the JS API's (a guest's growth may have left headroom in wasmts's buffer)
      memory.raw.exactBuffer();
      sync();
      return last as ArrayBuffer;
    },
    grow(pages: number) {
      const old = memory.grow(pages);
      sync();
      return old;
    },
    bytes() {
      sync();
      return memory.data();
    },
  };
  return { view, sync };
}

/**
 * The JS API's view of a wasmts table (`WebAssembly.Table`: `length`, `get`, `set`, `grow`): wasm-bindgen keeps
 * JS values in an externref table, emscripten calls function pointers out of its funcref table.
 */
function tableView(api: WasmtsApi, table: Table) {
  const FUNCREF = api.ValType.FUNCREF;
  const kind = (): 'funcref' | 'externref' => {
    const element = (table.ty() as { element?: unknown }).element;
    return element === FUNCREF || (table.size() > 0 && table.get(0).type === 'funcref') ? 'funcref' : 'externref';
  };
  const funcs = new Map<unknown, (...args: unknown[]) => unknown>();
  const callable = (value: unknown) => {
    if (!(value instanceof api.Func)) return value;
    let f = funcs.get(value);
    if (!f) {
      const typed = value.typed<unknown[], unknown>();
      f = (...args: unknown[]) => typed.call(...args);
      funcs.set(value, f);
    }
    return f;
  };
  return {
    get length() {
      return table.size();
    },
    get(index: number) {
      const v = table.get(index) as { type: string; value: unknown };
      return v.type === 'funcref' ? callable(v.value) : v.value;
    },
    set(index: number, value: unknown) {
      table.set(index, { type: kind(), value } as Val);
    },
    grow(delta: number, value?: unknown) {
      return table.grow(delta, { type: kind(), value } as Val);
    },
  };
}

/** wasmts through its public API: `Engine`, `Module`, a `Linker` with the import object's functions, `Store`. */
export function wasmtsConfiguration(
  name: string,
  options: {
    backend: Backend;
    fuel?: boolean;
    epoch?: boolean;
    ir?: boolean;
    ticker?: boolean;
    base?: boolean;
    nanBits?: boolean;
  },
): Configuration {
  return {
    name,
    expectBackend: options.backend,
    async load(program) {
      const api = options.base ? await baseApi() : wasmtsApi;
      const { Config, Engine, Linker, Memory, Module, Store } = api;
      const config = new Config({ backend: options.backend });
      if (options.fuel) config.consumeFuel(true);
      if (options.epoch) config.epochInterruption(true);
      if (options.ir) config.irPipeline(true);
      if (options.nanBits === false) config.nanBits(false);
      const engine = new Engine(config);
      if (options.ticker) {
        engine.startEpochTicker(EPOCH_TICK_MS);
        // the worker's start-up (its own isolate: tens of ms of CPU in this process) before any timed run
        const first = engine.epochCounter[0];
        for (let waited = 0; engine.epochCounter[0] === first && waited < 10_000; waited += EPOCH_TICK_MS)
          await new Promise((r) => setTimeout(r, EPOCH_TICK_MS));
      }
      const bytes = program.wasm();
      const start = performance.now();
      const module = new Module(engine, bytes);
      const compileMs = performance.now() - start;
      const moduleImports = module.imports();
      const moduleExports = module.exports();
      /** Live stores and the fuel each had when last checked; the oldest are released past a few. */
      const stores = new Map<Store<null>, number>();
      const newStore = () => {
        const store = new Store(engine, null);
        if (options.fuel) store.setFuel(FUEL);
        if (options.epoch) store.setEpochDeadline(EPOCH_DEADLINE);
        return store;
      };
      /**
       * Memories made for imports before their instance (emscripten's `new WebAssembly.Memory`): each in a store of
       * its own, which the instance importing it then uses.
       */
      const importable = new WeakMap<object, { store: Store<null>; memory: Memory; sync: () => void }>();
      const newMemory = (descriptor: MemoryDescriptor) => {
        const store = newStore();
        const memory = new Memory(store, {
          limits: { min: descriptor.initial, max: descriptor.maximum ?? null },
          shared: false,
          index64: false,
          pageSizeLog2: 16,
        });
        const mv = memoryView(memory);
        importable.set(mv.view, { store, memory, sync: mv.sync });
        return mv.view;
      };

      const instantiateRaw = (imports: Imports): RawExports => {
        if (stores.size >= 3) {
          // a few live instances at a time (ruby's are large): release the oldest but the first (the shared one)
          const [, second] = [...stores.keys()];
          stores.delete(second);
          second.dispose();
        }
        const memoryImports = moduleImports.filter((imp) => imp.type.kind === 'memory');
        const imported = memoryImports.map((imp) => {
          const made = importable.get(imports[imp.module]?.[imp.name] as object);
          if (!made)
            throw new Error(`${program.name}: memory import ${imp.module}.${imp.name} is not a session memory`);
          return { imp, ...made };
        });
        if (new Set(imported.map((m) => m.store)).size > 1)
          throw new Error(`${program.name}: imported memories from different stores`);
        const store = imported[0]?.store ?? newStore();
        const linker = new Linker<null>(engine);
        let sync = imported[0]?.sync ?? (() => {});
        for (const { imp, memory } of imported) linker.define(store, imp.module, imp.name, memory);
        // a module may import one module::name more than once (Go's esbuild does); the linker takes each name once
        const linked = new Set<string>();
        for (const imp of moduleImports) {
          if (imp.type.kind === 'memory') continue;
          const key = `${imp.module}\u0000${imp.name}`;
          if (linked.has(key)) continue;
          linked.add(key);
          const value = imports[imp.module]?.[imp.name];
          if (imp.type.kind !== 'func')
            throw new Error(`${program.name}: cannot provide ${imp.type.kind} import ${imp.module}.${imp.name}`);
          if (typeof value !== 'function') throw new Error(`${program.name}: no import ${imp.module}.${imp.name}`);
          const host = value as (...args: unknown[]) => unknown;
          const results = imp.type.type.results;
          const convert = results.length === 1 ? toWasm(api.ValType, results[0]) : null;
          linker.defineFunc(imp.module, imp.name, imp.type.type, (_caller, ...args) => {
            sync();
            const result = host(...args);
            sync();
            return convert ? convert(result) : result;
          });
        }
        const instance = linker.instantiate(store, module);
        stores.set(store, options.fuel ? store.getFuel() : 0);
        const raw: RawExports = {};
        for (const exp of moduleExports) {
          if (exp.type.kind === 'func') {
            const typed = instance.getTypedFunc<unknown[], unknown>(exp.name);
            const converts = exp.type.type.params.map((t) => toWasm(api.ValType, t));
            const fn = (...args: unknown[]) => {
              for (let i = 0; i < converts.length; i++) {
                const c = converts[i];
                if (c) args[i] = c(args[i]);
              }
              sync();
              const result = typed.call(...args);
              sync();
              return result;
            };
            Object.defineProperty(fn, 'length', { value: exp.type.type.params.length });
            raw[exp.name] = fn;
          } else if (exp.type.kind === 'memory') {
            const memory = instance.getMemory(exp.name);
            if (!memory) continue;
            const mv = memoryView(memory);
            if (exp.name === 'memory' || raw.memory === undefined) sync = mv.sync;
            raw[exp.name] = mv.view;
          } else if (exp.type.kind === 'table') {
            const table = instance.getTable(exp.name);
            if (table) raw[exp.name] = tableView(api, table);
          } else if (exp.type.kind === 'global') {
            const global = instance.getGlobal(exp.name);
            if (global)
              raw[exp.name] = {
                get value() {
                  return global.getRaw();
                },
              };
          }
        }
        return raw;
      };

      return {
        compileMs,
        backend: actualBackend(engine, module),
        backendReason: backendReason(module),
        jsSourceChars: () => jsSourceChars(module),
        session: makeSession(program, instantiateRaw, newMemory),
        afterRun: options.fuel
          ? () => {
              // the run must have consumed fuel (instrumented code ran) and left plenty (it did not run out)
              let consumed = 0;
              for (const [store, before] of stores) {
                const now = store.getFuel();
                consumed += before - now;
                stores.set(store, now);
                if (now < FUEL / 2) throw new Error(`fuel nearly exhausted (${now} left)`);
              }
              if (!(consumed > 0)) throw new Error('the run consumed no fuel: the code is not instrumented');
            }
          : undefined,
      };
    },
  };
}

/**
 * binaryen's wasm2js output (programs/wasm2js/NAME.mjs, an ES module built ahead of time), evaluated as a function
 * of the import object so that each instance is fresh: its `import` lines become reads of the import object and
 * its `export` lines are dropped (asmFunc's result is the exports object). wasm2js's memory replaces its buffer on
 * growth without detaching the old one, so, as for wasmts, the old one is detached at each crossing.
 */
export function wasm2jsFactory(source: string): (imports: Imports) => RawExports {
  const body = source
    .replace(
      /^import \* as (\w+) from '([^']+)';$/gm,
      (_m, local: string, module: string) => `var ${local} = __imports[${JSON.stringify(module)}];`,
    )
    .replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_m, names: string, module: string) => {
      const parts = names
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          const [imported, local] = s.split(/\s+as\s+/);
          return `${local ?? imported} = __imports[${JSON.stringify(module)}][${JSON.stringify(imported)}]`;
        });
      return `var ${parts.join(', ')};`;
    })
    .replace(/^export var \w+ = retasmFunc\.\w+;$/gm, '');
  if (/^\s*(import|export)\b/m.test(body)) throw new Error('wasm2js output has an import or export form not handled');
  return new Function('__imports', `${body}\nreturn retasmFunc;`) as (imports: Imports) => RawExports;
}

/**
 * An instantiation whose memory's replaced buffers are detached (as the JS API's are) at every crossing between
 * wasm and JS, through wrappers around the imports and the exported functions: for wasm2js and polywasm, whose
 * memories replace their buffer on growth without detaching the old one (glue code's cached views would go stale).
 */
function detaching(instantiateRaw: (imports: Imports) => RawExports): (imports: Imports) => RawExports {
  return (imports) => {
    let memory: MemoryLike | undefined;
    let last: ArrayBuffer | undefined;
    const sync = () => {
      const now = memory?.buffer;
      if (last !== undefined && last !== now && last.byteLength !== 0) structuredClone(last, { transfer: [last] });
      last = now;
    };
    const wrap = (f: (...a: unknown[]) => unknown) => {
      const wrapped = (...args: unknown[]) => {
        sync();
        const r = f(...args);
        sync();
        return r;
      };
      Object.defineProperty(wrapped, 'length', { value: f.length });
      return wrapped;
    };
    const wrappedImports = new Proxy(imports, {
      get(target, module) {
        const ns = Reflect.get(target, module) as Record<string, unknown> | undefined;
        if (ns === undefined || ns === null) return ns;
        return new Proxy(ns, {
          get(t, name) {
            const v = Reflect.get(t, name);
            return typeof v === 'function' ? wrap(v as (...a: unknown[]) => unknown) : v;
          },
        });
      },
    });
    const raw = instantiateRaw(wrappedImports);
    memory = raw.memory as MemoryLike | undefined;
    last = memory?.buffer;
    const out: RawExports = {};
    for (const [k, v] of Object.entries(raw))
      out[k] = typeof v === 'function' ? wrap(v as (...a: unknown[]) => unknown) : v;
    return out;
  };
}

/** binaryen's wasm2js: the module translated to JavaScript at build time (programs/wasm2js). */
export const wasm2js: Configuration = {
  name: 'wasm2js',
  expectBackend: 'wasm2js',
  async load(program) {
    if ('unavailable' in program.wasm2js) return { unavailable: program.wasm2js.unavailable };
    const source = readFileSync(program.wasm2js.file, 'utf8');
    const start = performance.now();
    const factory = wasm2jsFactory(source);
    const compileMs = performance.now() - start;
    return {
      compileMs,
      backend: 'wasm2js',
      jsSourceChars: () => source.length,
      session: makeSession(
        program,
        detaching((imports) => factory(imports)),
        () => {
          throw new Error('wasm2js output defines its own memory');
        },
      ),
    };
  },
};

/** wasmts, wasm backend, no instrumentation. */
export const wasm = wasmtsConfiguration('wasm', { backend: 'wasm' });
/** wasmts, wasm backend, fuel metering (`consumeFuel`; each store gets FUEL). */
export const wasmFuel = wasmtsConfiguration('wasm+fuel', { backend: 'wasm', fuel: true });
/** wasmts, wasm backend, epoch interruption (`epochInterruption`; a deadline never reached). */
export const wasmEpoch = wasmtsConfiguration('wasm+epoch', { backend: 'wasm', epoch: true });
/**
 * wasmts, wasm backend, epoch interruption with a worker ticking the epoch (`engine.startEpochTicker`), as an
 * embedder that interrupts runs it: the deadline is never reached, but the checks poll the shared epoch every
 * 65,536 checks (without a ticker nothing can move the epoch while wasm runs, and `wasm+epoch` does not poll).
 */
export const wasmEpochTicker = wasmtsConfiguration('wasm+epoch+ticker', { backend: 'wasm', epoch: true, ticker: true });
/** wasmts, js backend (generated JavaScript). */
export const js = wasmtsConfiguration('js', { backend: 'js' });
/** wasmts, js backend with fuel metering (issue 6: the fuel overhead on both backends). */
export const jsFuel = wasmtsConfiguration('js+fuel', { backend: 'js', fuel: true });
/** wasmts, js backend with epoch interruption. */
export const jsEpoch = wasmtsConfiguration('js+epoch', { backend: 'js', epoch: true });

/** wasmts, js backend through codegen's IR pipeline (`Config.irPipeline`; functions it does not cover: as `js`). */
export const jsIr = wasmtsConfiguration('js+ir', { backend: 'js', ir: true });
/** The IR pipeline with fuel metering. */
export const jsIrFuel = wasmtsConfiguration('js+ir+fuel', { backend: 'js', ir: true, fuel: true });
/** The IR pipeline with epoch interruption. */
export const jsIrEpoch = wasmtsConfiguration('js+ir+epoch', { backend: 'js', ir: true, epoch: true });

/**
 * wasmts, js backend with f64 NaN payloads left in numbers (`Config.nanBits(false)`, V8 only): against `js`, what
 * keeping them as `NaNBits` costs. Runs only when named in `--configs`.
 */
export const jsNoBits = wasmtsConfiguration('js+nobits', { backend: 'js', nanBits: false });

/**
 * The js backend configurations on another build (`baseApi`: WASMTS_BASE), for a before/after comparison in one run
 * beside this build's `js`, `js+fuel`, `js+epoch`.
 */
export const baseJs = wasmtsConfiguration('base:js', { backend: 'js', base: true });
export const baseJsFuel = wasmtsConfiguration('base:js+fuel', { backend: 'js', fuel: true, base: true });
export const baseJsEpoch = wasmtsConfiguration('base:js+epoch', { backend: 'js', epoch: true, base: true });

/** Every configuration, native first (the reference for checksums and ratios). */
export const configurations: readonly Configuration[] = [
  native,
  wasm,
  wasmFuel,
  wasmEpoch,
  js,
  jsFuel,
  jsEpoch,
  jsIr,
  jsIrFuel,
  jsIrEpoch,
  jsNoBits,
  wasm2js,
  polywasm,
  wasmEpochTicker,
  baseJs,
  baseJsFuel,
  baseJsEpoch,
];

/** The installed polywasm's version (for the report). */
export function polywasmVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(require.resolve('polywasm/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}
