// The configurations a program runs on, side by side in one process: the host's WebAssembly (native), the wasmts
// API (wasm backend plain, with fuel, with epochs; js backend) and binaryen's wasm2js output. Each compiles a
// module and hands back a session to instantiate it; every instance gets WASI (a minimal one over raw WebAssembly,
// @wasmts/wasi on wasmts) and the program's other host imports.
import { pathToFileURL } from 'node:url';
import { WASI } from '@wasmts/wasi';
import { type Backend, Config, Engine, Linker, Module, Store } from 'wasmts';
import { miniWasi, type WasiIo } from './mini-wasi.js';
import type { Program, ProgramExports, Session } from './programs-catalog.js';

// lib ES2022 and @types/node 20 do not declare WebAssembly; only what is used here.
interface WasmModuleDescriptor {
  module: string;
  name: string;
  kind: string;
}
declare const WebAssembly: {
  Module: (new (bytes: Uint8Array) => object) & { imports(module: object): WasmModuleDescriptor[] };
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

/** A compiled program, ready to instantiate. */
export interface Loaded {
  readonly session: Session;
  /** Module compilation (for wasm2js: importing the ES module, which also instantiates it), ms. */
  readonly compileMs?: number;
  /** The engine that runs the code: 'v8' (native), 'js' or 'wasm' (what wasmts actually chose), 'wasm2js'. */
  readonly backend: string;
  /** Why that backend, where wasmts says (`Module.backendReason`). */
  readonly backendReason?: string;
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

const WASI_MODULE = 'wasi_snapshot_preview1';

/** A session whose shared instance is made on first use. */
function session(instantiate: (io: WasiIo) => ProgramExports): Session {
  let shared: ProgramExports | undefined;
  return {
    get exports() {
      shared ??= instantiate({});
      return shared;
    },
    instantiate,
  };
}

/** The host's own engine (V8 in Node): `new WebAssembly.Module`, `new WebAssembly.Instance`. */
export const native: Configuration = {
  name: 'native',
  expectBackend: 'v8',
  async load(program) {
    const bytes = program.wasm();
    const start = performance.now();
    const module = new WebAssembly.Module(bytes);
    const compileMs = performance.now() - start;
    const imports = WebAssembly.Module.imports(module);
    return {
      compileMs,
      backend: 'v8',
      session: session((io) => {
        let memory: { buffer: ArrayBuffer } | undefined;
        const wasi = miniWasi(io, () => memory ?? { buffer: new ArrayBuffer(0) });
        const importObject: Record<string, Record<string, unknown>> = {};
        for (const imp of imports) {
          if (imp.kind !== 'function') throw new Error(`${program.name}: cannot provide ${imp.kind} imports`);
          const fn = imp.module === WASI_MODULE ? wasi(imp.name) : program.hostImports?.(imp.module, imp.name);
          if (!fn) throw new Error(`${program.name}: no import ${imp.module}.${imp.name}`);
          (importObject[imp.module] ??= {})[imp.name] = fn;
        }
        const { exports } = new WebAssembly.Instance(module, importObject);
        memory = exports.memory as { buffer: ArrayBuffer } | undefined;
        if (!memory) throw new Error(`${program.name}: no exported memory`);
        const mem = memory;
        if (typeof exports._initialize === 'function') (exports._initialize as () => void)();
        return {
          fn: (name) => {
            const fn = exports[name];
            if (typeof fn !== 'function') throw new Error(`${program.name}: no exported function ${name}`);
            return fn as (...args: number[]) => number;
          },
          memory: () => new Uint8Array(mem.buffer),
        };
      }),
    };
  },
};

/** Fuel given to each store of the fuel configuration: far more than any run uses (a run that ran out would trap). */
export const FUEL = 2 ** 52;
/** The epoch deadline of the epoch configuration, in ticks: nothing advances the epoch, so it is never reached. */
export const EPOCH_DEADLINE = 2 ** 52;

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

/** wasmts through its public API: `Engine`, `Module`, a `Linker` with @wasmts/wasi, `Store`, `Instance`. */
export function wasmtsConfiguration(
  name: string,
  options: { backend: Backend; fuel?: boolean; epoch?: boolean },
): Configuration {
  return {
    name,
    expectBackend: options.backend,
    async load(program) {
      const config = new Config({ backend: options.backend });
      if (options.fuel) config.consumeFuel(true);
      if (options.epoch) config.epochInterruption(true);
      const engine = new Engine(config);
      const bytes = program.wasm();
      const start = performance.now();
      const module = new Module(engine, bytes);
      const compileMs = performance.now() - start;
      const hostImports = module.imports().filter((i) => i.module !== WASI_MODULE);
      /** Live stores and the fuel each had when last checked: the shared instance's, and the latest fresh one's. */
      const stores = new Map<Store<null>, number>();
      let fresh: Store<null> | undefined;

      const instantiate = (io: WasiIo, shared: boolean): ProgramExports => {
        if (!shared && fresh) {
          // one fresh instance at a time (ruby's are large): release the previous one
          stores.delete(fresh);
          fresh.dispose();
          fresh = undefined;
        }
        const store = new Store(engine, null);
        if (options.fuel) store.setFuel(FUEL);
        if (options.epoch) store.setEpochDeadline(EPOCH_DEADLINE);
        const wasi = new WASI({
          args: [...(io.args ?? [])],
          env: {},
          stdout: io.stdout ?? (() => {}),
          stderr: io.stderr ?? (() => {}),
        });
        const linker = new Linker<null>(engine);
        wasi.addToLinker(linker);
        for (const imp of hostImports) {
          const fn = imp.type.kind === 'func' ? program.hostImports?.(imp.module, imp.name) : undefined;
          if (!fn || imp.type.kind !== 'func') throw new Error(`${program.name}: no import ${imp.module}.${imp.name}`);
          const host = fn as (...args: unknown[]) => unknown;
          linker.defineFunc(imp.module, imp.name, imp.type.type, (_caller, ...args) => host(...args));
        }
        const instance = linker.instantiate(store, module);
        wasi.initialize(instance);
        const memory = instance.getMemory('memory');
        if (!memory) throw new Error(`${program.name}: no exported memory`);
        stores.set(store, options.fuel ? store.getFuel() : 0);
        if (!shared) fresh = store;
        return {
          fn(fname) {
            const func = instance.getFunc(fname);
            if (!func) throw new Error(`${program.name}: no exported function ${fname}`);
            const arity = func.ty().params.length;
            const typed = instance.getTypedFunc<number[], number>(fname);
            return (...args) => {
              while (args.length < arity) args.push(0);
              return typed.call(...args.slice(0, arity));
            };
          },
          memory: () => memory.data(),
        };
      };

      let shared: ProgramExports | undefined;
      return {
        compileMs,
        backend: actualBackend(engine, module),
        backendReason: backendReason(module),
        session: {
          get exports() {
            shared ??= instantiate({}, true);
            return shared;
          },
          instantiate: (io) => instantiate(io, false),
        },
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

/** binaryen's wasm2js: the module translated to an ES module at build time (programs/wasm2js). */
export const wasm2js: Configuration = {
  name: 'wasm2js',
  expectBackend: 'wasm2js',
  async load(program) {
    if ('unavailable' in program.wasm2js) return { unavailable: program.wasm2js.unavailable };
    const start = performance.now();
    const ns = (await import(pathToFileURL(program.wasm2js.file).href)) as Record<string, unknown>;
    const compileMs = performance.now() - start;
    const memory = ns.memory as { buffer: ArrayBuffer } | undefined;
    if (!memory) return { unavailable: 'wasm2js output exports no memory' };
    if (typeof ns._initialize === 'function') (ns._initialize as () => void)();
    const exports: ProgramExports = {
      fn: (name) => {
        const fn = ns[name];
        if (typeof fn !== 'function') throw new Error(`${program.name}: wasm2js output has no function ${name}`);
        return fn as (...args: number[]) => number;
      },
      memory: () => new Uint8Array(memory.buffer),
    };
    return {
      compileMs,
      backend: 'wasm2js',
      session: {
        exports,
        instantiate() {
          throw new Error('a wasm2js module is one instance (an ES module evaluated once)');
        },
      },
    };
  },
};

/** wasmts, wasm backend, no instrumentation. */
export const wasm = wasmtsConfiguration('wasm', { backend: 'wasm' });
/** wasmts, wasm backend, fuel metering (`consumeFuel`; each store gets FUEL). */
export const wasmFuel = wasmtsConfiguration('wasm+fuel', { backend: 'wasm', fuel: true });
/** wasmts, wasm backend, epoch interruption (`epochInterruption`; a deadline never reached). */
export const wasmEpoch = wasmtsConfiguration('wasm+epoch', { backend: 'wasm', epoch: true });
/** wasmts, js backend (generated JavaScript). */
export const js = wasmtsConfiguration('js', { backend: 'js' });
/** wasmts, js backend with fuel metering (issue 6: the fuel overhead on both backends). */
export const jsFuel = wasmtsConfiguration('js+fuel', { backend: 'js', fuel: true });
/** wasmts, js backend with epoch interruption. */
export const jsEpoch = wasmtsConfiguration('js+epoch', { backend: 'js', epoch: true });

/** Every configuration, native first (the reference for checksums and ratios). */
export const configurations: readonly Configuration[] = [
  native,
  wasm,
  wasmFuel,
  wasmEpoch,
  js,
  jsFuel,
  jsEpoch,
  wasm2js,
];
