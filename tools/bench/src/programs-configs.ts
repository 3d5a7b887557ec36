// The configurations a program runs on, side by side in one process: the host's WebAssembly (native), the wasmts
// API with the js backend, and binaryen's wasm2js output. Each loads a module and hands back its exports.
import { pathToFileURL } from 'node:url';
import { Config, Engine, Instance, Module, Store } from 'wasmts';
import type { Program, ProgramExports } from './programs-catalog.js';

// lib ES2022 and @types/node 20 do not declare WebAssembly; only what is used here.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

/** A configuration: loads a program into a fresh instance. */
export interface Configuration {
  readonly name: string;
  /** The program's exports, or why this configuration cannot run it. */
  load(program: Program): Promise<{ exports: ProgramExports; compileMs?: number } | { unavailable: string }>;
}

function padded(fn: (...args: number[]) => number, arity: number): (...args: number[]) => number {
  return (...args) => {
    while (args.length < arity) args.push(0);
    return fn(...args.slice(0, arity));
  };
}

/** The host's own engine (V8 in Node): `new WebAssembly.Instance`. */
export const native: Configuration = {
  name: 'native',
  async load(program) {
    const bytes = program.wasm();
    const start = performance.now();
    const module = new WebAssembly.Module(bytes);
    const compileMs = performance.now() - start;
    const { exports } = new WebAssembly.Instance(module, {});
    const memory = exports.memory as { buffer: ArrayBuffer };
    return {
      compileMs,
      exports: {
        fn: (name) => exports[name] as (...args: number[]) => number,
        memory: () => new Uint8Array(memory.buffer),
      },
    };
  },
};

/** wasmts through its public API with `config` (named `name`). */
function wasmts(name: string, config: () => Config, prepare: (store: Store<null>) => void = () => {}): Configuration {
  return {
    name,
    async load(program) {
      const engine = new Engine(config());
      const store = new Store(engine, null);
      prepare(store);
      const bytes = program.wasm();
      const start = performance.now();
      const module = new Module(engine, bytes);
      const compileMs = performance.now() - start;
      const instance = new Instance(store, module, []);
      const memory = instance.getMemory('memory');
      if (!memory) throw new Error(`${program.name}: no exported memory`);
      return {
        compileMs,
        exports: {
          fn(fname) {
            const func = instance.getFunc(fname);
            if (!func) throw new Error(`${program.name}: no exported function ${fname}`);
            const typed = instance.getTypedFunc<number[], number>(fname);
            return padded((...args) => typed.call(...args), func.ty().params.length);
          },
          memory: () => memory.data(),
        },
      };
    },
  };
}

/** The wasm backend: the module instrumented for the host engine (no fuel or epochs). */
export const wasm = wasmts('wasm', () => new Config({ backend: 'wasm' }));
/** The wasm backend with fuel metering (fuel enough for any program). */
export const wasmFuel = wasmts(
  'wasm+fuel',
  () => new Config({ backend: 'wasm', consumeFuel: true }),
  (store) => store.setFuel(Number.MAX_SAFE_INTEGER),
);
/** The wasm backend with epoch checks (a deadline far away). */
export const wasmEpoch = wasmts(
  'wasm+epoch',
  () => new Config({ backend: 'wasm', epochInterruption: true }),
  (store) => store.setEpochDeadline(1e12),
);

/** wasmts through its public API, `Config` backend 'js' (generated JavaScript). */
export const js: Configuration = {
  name: 'js',
  async load(program) {
    const engine = new Engine(new Config({ backend: 'js' }));
    const store = new Store(engine, null);
    const bytes = program.wasm();
    const start = performance.now();
    const module = new Module(engine, bytes);
    const compileMs = performance.now() - start;
    const instance = new Instance(store, module, []);
    const memory = instance.getMemory('memory');
    if (!memory) throw new Error(`${program.name}: no exported memory`);
    return {
      compileMs,
      exports: {
        fn(name) {
          const func = instance.getFunc(name);
          if (!func) throw new Error(`${program.name}: no exported function ${name}`);
          const typed = instance.getTypedFunc<number[], number>(name);
          return padded((...args) => typed.call(...args), func.ty().params.length);
        },
        memory: () => memory.data(),
      },
    };
  },
};

/** binaryen's wasm2js: the module translated to an ES module at build time (programs/wasm2js). */
export const wasm2js: Configuration = {
  name: 'wasm2js',
  async load(program) {
    if ('unavailable' in program.wasm2js) return { unavailable: program.wasm2js.unavailable };
    const ns = (await import(pathToFileURL(program.wasm2js.file).href)) as Record<string, unknown>;
    const memory = ns.memory as { buffer: ArrayBuffer } | undefined;
    if (!memory) return { unavailable: 'wasm2js output exports no memory' };
    return {
      exports: {
        fn: (name) => {
          const fn = ns[name];
          if (typeof fn !== 'function') throw new Error(`${program.name}: wasm2js output has no function ${name}`);
          return fn as (...args: number[]) => number;
        },
        memory: () => new Uint8Array(memory.buffer),
      },
    };
  },
};

/** Every configuration, native first (the reference for checksums and ratios). */
export const configurations: readonly Configuration[] = [native, wasm, wasmFuel, wasmEpoch, js, wasm2js];
