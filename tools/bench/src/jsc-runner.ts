// Runs inside JavaScriptCore (`jsc --useWasm=false --useJIT=false`, iOS Lockdown Mode's configuration), bundled by
// src/programs-jsc.ts with wasmts, polywasm and the benchmark's WASI: one program on the wasmts JS backend and on
// polywasm, side by side, and prints one line of JSON. No Node API here: the shell's `print`, `readline` and
// `preciseTime`. The shell cannot read its own CPU time, so the runner asks its parent: it prints `@cpu` and reads
// back a line with the process's CPU time in ms (the parent sums /proc/PID/task/*/schedstat), before and after each
// timed run.
import { WebAssembly as Polywasm } from 'polywasm';
import { Config, Engine, Linker, Module, Store } from 'wasmts';
import { CPU_REQUEST } from './jsc-protocol.js';
import { miniWasi } from './mini-wasi.js';

/** What the Node side hands the runner (a global `PROGRAM`, with the module's bytes as base64). */
export interface JscProgram {
  readonly name: string;
  readonly n: number;
  readonly wasm: string;
  /** The checksum native V8 computed for `run(n)`. */
  readonly checksum: string;
  readonly rounds: number;
  readonly budgetMs: number;
  readonly configs: readonly string[];
}

/** What the runner prints: per configuration the median and every timed run, or why it did not run. */
export interface JscResult {
  readonly name: string;
  /** Wall ms: medians and samples. */
  readonly ms: Record<string, number>;
  readonly samples: Record<string, number[]>;
  /** CPU ms of the jsc process over the same runs: medians and samples. */
  readonly cpuMs: Record<string, number>;
  readonly cpuSamples: Record<string, number[]>;
  readonly compileMs: Record<string, number>;
  readonly errors: Record<string, string>;
}

declare const PROGRAM: JscProgram;
declare function print(s: string): void;
declare function preciseTime(): number;
declare function readline(): string;

const WASI = 'wasi_snapshot_preview1';
type Run = (n: number) => number;
interface Mem {
  readonly buffer: ArrayBuffer;
}

function base64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const value = new Uint8Array(128);
  for (let i = 0; i < 64; i++) value[alphabet.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let k = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | value[clean.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 255;
    }
  }
  return out;
}

const now = (): number => preciseTime() * 1000;
function cpuNow(): number {
  print(CPU_REQUEST);
  const ms = Number(readline());
  if (!Number.isFinite(ms)) throw new Error('jsc-runner: no CPU time from the parent');
  return ms;
}

/** wasmts, JS backend, through its API as the V8 run's `js` configuration uses it. */
function loadJs(bytes: Uint8Array): Run {
  const engine = new Engine(new Config({ backend: 'js' }));
  const module = new Module(engine, bytes);
  if (module.backend !== 'js') throw new Error(`got the ${module.backend} backend`);
  const store = new Store(engine, null);
  const linker = new Linker<null>(engine);
  let memory: Mem | undefined;
  const wasi = miniWasi({}, () => memory ?? { buffer: new ArrayBuffer(0) });
  for (const imp of module.imports()) {
    if (imp.type.kind !== 'func' || imp.module !== WASI) throw new Error(`cannot provide ${imp.module}.${imp.name}`);
    const fn = wasi(imp.name);
    linker.defineFunc(imp.module, imp.name, imp.type.type, (_caller, ...args) => fn(...(args as number[])));
  }
  const instance = linker.instantiate(store, module);
  const mem = instance.getMemory('memory');
  if (mem !== undefined)
    memory = {
      get buffer() {
        return mem.data().buffer as ArrayBuffer;
      },
    };
  if (instance.getFunc('_initialize') !== undefined) instance.getTypedFunc<[], void>('_initialize').call();
  const run = instance.getTypedFunc<[number], number>('run');
  return (n) => run.call(n);
}

/** polywasm's `WebAssembly`, as the V8 run's `polywasm` configuration uses it. */
function loadPolywasm(bytes: Uint8Array): Run {
  const module = new Polywasm.Module(bytes);
  let memory: Mem | undefined;
  const wasi = miniWasi({}, () => memory ?? { buffer: new ArrayBuffer(0) });
  // the import object read lazily, as the V8 run's configurations give it
  const imports = { [WASI]: new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? wasi(name) : undefined) }) };
  const exports = new Polywasm.Instance(module, imports).exports;
  memory = exports.memory as Mem | undefined;
  if (typeof exports._initialize === 'function') (exports._initialize as () => void)();
  return exports.run as Run;
}

const LOADERS: Record<string, (bytes: Uint8Array) => Run> = { js: loadJs, polywasm: loadPolywasm };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function main(p: JscProgram): JscResult {
  const bytes = base64(p.wasm);
  const runs: Record<string, Run> = {};
  const result: JscResult = {
    name: p.name,
    ms: {},
    samples: {},
    cpuMs: {},
    cpuSamples: {},
    compileMs: {},
    errors: {},
  };
  for (const name of p.configs) {
    try {
      const t0 = now();
      const run = LOADERS[name](bytes);
      result.compileMs[name] = now() - t0;
      // a checked warm-up run (polywasm translates each function on its first call)
      const sum = String(run(p.n) >>> 0);
      if (sum !== p.checksum) throw new Error(`wrong checksum ${sum}, native ${p.checksum}`);
      runs[name] = run;
      result.samples[name] = [];
      result.cpuSamples[name] = [];
    } catch (e) {
      result.errors[name] = e instanceof Error ? e.message : String(e);
    }
  }
  const names = Object.keys(runs);
  const start = now();
  // rounds alternate the order, as the V8 run's harness does; at least 3, then until the budget is spent
  for (let round = 0; round < p.rounds; round++) {
    if (round >= 3 && now() - start > p.budgetMs) break;
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const c0 = cpuNow();
      const t0 = now();
      const sum = String(runs[name](p.n) >>> 0);
      result.samples[name].push(now() - t0);
      result.cpuSamples[name].push(cpuNow() - c0);
      if (sum !== p.checksum) result.errors[name] = `wrong checksum ${sum} in round ${round}`;
    }
  }
  for (const name of names)
    if (result.errors[name] === undefined) {
      result.ms[name] = median(result.samples[name]);
      result.cpuMs[name] = median(result.cpuSamples[name]);
    }
  return result;
}

print(JSON.stringify(main(PROGRAM)));
