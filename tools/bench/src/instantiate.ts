// pnpm bench instantiate: instances per second of a small module (one page of memory, a small data segment, a
// few functions, a global, one host import) as a server creates one tenant per request: native
// `new WebAssembly.Instance` of a compiled module, and wasmts with the pooling and the on-demand allocator on each
// backend, each tenant in a new Store that is disposed after (what wasmtime users do per request).
// Usage: node --import tsx src/instantiate.ts [--rounds N] [--round-ms N] [--out FILE]
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Backend, Config, Engine, funcType, Linker, Module, Store, ValType } from 'wasmts';
import { median } from './harness.js';

// lib ES2022 and @types/node 20 do not declare WebAssembly; only what is used here.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

/** The module every contender instantiates. */
export const TENANT_WAT = `(module
  (import "env" "log" (func $log (param i32)))
  (memory (export "memory") 1)
  (global $calls (mut i32) (i32.const 0))
  (data (i32.const 16) "a tenant's small data segment: 0123456789abcdef")
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "bump") (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (global.get $calls))
  (func (export "hello") (call $log (i32.const 16))))`;

/** The keys of results/instantiate.json, in order. */
export const RESULT_KEYS = ['native', 'pooled_js', 'ondemand_js', 'pooled_wasm', 'ondemand_wasm'] as const;
export type ResultKey = (typeof RESULT_KEYS)[number];

/** What a contender's instance exposes for the check. */
interface TenantExports {
  load(address: number): number;
  bump(): number;
  hello(): void;
}

/** A way to create tenants: `tenant()` creates one, runs `use` on it and drops it. */
export interface InstantiateContender {
  readonly name: ResultKey;
  /** Creates `n` tenants (each created, then dropped), without calling them. */
  run(n: number): void;
  /** Creates one tenant and hands its exports to `use` before dropping it (for the check). */
  once(use: (exports: TenantExports, logged: number[]) => void): void;
}

/** Checks that a tenant works and starts fresh: data segment applied, global at its initial value, import wired. */
export function checkTenant(exports: TenantExports, logged: number[]): void {
  const expected = "a tenant's small data segment";
  for (let i = 0; i < expected.length; i++) {
    if (exports.load(16 + i) !== expected.charCodeAt(i)) throw new Error(`byte ${16 + i} of the data segment is wrong`);
  }
  if (exports.load(15) !== 0 || exports.load(65535) !== 0)
    throw new Error('memory outside the data segment is not zero');
  if (exports.bump() !== 1 || exports.bump() !== 2) throw new Error('the global did not start at 0');
  exports.hello();
  if (logged.length !== 1 || logged[0] !== 16) throw new Error('the host import was not called with 16');
}

/** Native: a compiled `WebAssembly.Module` instantiated with a plain imports object. */
export function nativeContender(bytes: Uint8Array): InstantiateContender {
  const module = new WebAssembly.Module(bytes);
  let logged: number[] = [];
  const imports = { env: { log: (x: number) => logged.push(x) } };
  return {
    name: 'native',
    run(n) {
      for (let i = 0; i < n; i++) new WebAssembly.Instance(module, imports);
    },
    once(use) {
      logged = [];
      const { exports } = new WebAssembly.Instance(module, imports);
      use(exports as unknown as TenantExports, logged);
    },
  };
}

/** The backend a wasmts module actually runs on: `Module.backend` where the API has it, else 'js'. */
export function moduleBackend(module: Module): string {
  const b = (module as unknown as { backend?: unknown }).backend;
  return typeof b === 'string' ? b : 'js';
}

/**
 * wasmts through `Linker.instantiatePre` (imports resolved once), one new Store per tenant, disposed after.
 * Returns the reason instead when the engine does not run `backend` (e.g. the wasm backend is not built yet).
 */
export function wasmtsContender(
  name: ResultKey,
  backend: Exclude<Backend, 'auto'>,
  pooling: boolean,
): InstantiateContender | { unavailable: string } {
  const config = new Config({ backend, allocationStrategy: pooling ? { pooling: {} } : 'on-demand' });
  const engine = new Engine(config);
  const module = new Module(engine, TENANT_WAT);
  const actual = moduleBackend(module);
  if (actual !== backend) {
    return {
      unavailable: `Config({ backend: '${backend}' }) runs the ${actual} backend here (Module.backend is ${
        (module as unknown as { backend?: unknown }).backend === undefined ? 'not in the API yet' : actual
      })`,
    };
  }
  let logged: number[] = [];
  const linker = new Linker<null>(engine);
  linker.defineFunc('env', 'log', funcType([ValType.I32], []), (_caller, x: number) => {
    logged.push(x);
  });
  const pre = linker.instantiatePre(module);
  return {
    name,
    run(n) {
      for (let i = 0; i < n; i++) {
        const store = new Store(engine, null);
        pre.instantiate(store);
        store.dispose();
      }
    },
    once(use) {
      logged = [];
      const store = new Store(engine, null);
      const instance = pre.instantiate(store);
      use(
        {
          load: (a) => instance.getTypedFunc<[number], number>('load').call(a),
          bump: () => instance.getTypedFunc<[], number>('bump').call(),
          hello: () => instance.getTypedFunc<[], void>('hello').call(),
        },
        logged,
      );
      store.dispose();
    },
  };
}

/** Per contender: instances per second in each round. */
export interface InstantiateRun {
  readonly rates: Partial<Record<ResultKey, number[]>>;
  readonly batch: Partial<Record<ResultKey, number>>;
}

/**
 * Times the contenders side by side: each round runs a batch of every contender (sized in warm-up to take about
 * `roundMs`), in an order that alternates between rounds.
 */
export function timeContenders(contenders: readonly InstantiateContender[], rounds: number, roundMs: number) {
  const batch: Partial<Record<ResultKey, number>> = {};
  for (const c of contenders) {
    let n = 64;
    for (;;) {
      const start = performance.now();
      c.run(n);
      const ms = performance.now() - start;
      if (ms >= roundMs / 4 || n >= 1 << 22) {
        batch[c.name] = Math.max(1, Math.round((n * roundMs) / Math.max(ms, 0.001)));
        break;
      }
      n *= 4;
    }
  }
  const rates: Partial<Record<ResultKey, number[]>> = {};
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) {
      const n = batch[c.name]!;
      const start = performance.now();
      c.run(n);
      const ms = performance.now() - start;
      (rates[c.name] ??= []).push(n / (ms / 1000));
    }
  }
  return { rates, batch } satisfies InstantiateRun;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function main(): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '9' },
      'round-ms': { type: 'string', default: '250' },
      out: { type: 'string', default: resolve(here, '../results/instantiate.json') },
    },
  });
  const rounds = Math.max(1, Number(values.rounds));
  const roundMs = Math.max(10, Number(values['round-ms']));
  const bytes = new Module(new Engine(), TENANT_WAT).bytes;
  const notes: Partial<Record<ResultKey, string>> = {};
  const contenders: InstantiateContender[] = [];
  const candidates: [ResultKey, () => InstantiateContender | { unavailable: string }][] = [
    ['native', () => nativeContender(bytes)],
    ['pooled_js', () => wasmtsContender('pooled_js', 'js', true)],
    ['ondemand_js', () => wasmtsContender('ondemand_js', 'js', false)],
    ['pooled_wasm', () => wasmtsContender('pooled_wasm', 'wasm', true)],
    ['ondemand_wasm', () => wasmtsContender('ondemand_wasm', 'wasm', false)],
  ];
  for (const [name, make] of candidates) {
    try {
      const c = make();
      if ('unavailable' in c) {
        notes[name] = c.unavailable;
        continue;
      }
      // twice: the second tenant of a pool reuses the first one's slot and must start fresh too
      c.once(checkTenant);
      c.once(checkTenant);
      contenders.push(c);
    } catch (error) {
      notes[name] = describe(error);
    }
  }
  if (!contenders.some((c) => c.name === 'native')) {
    console.error(`native cannot run: ${notes.native}`);
    process.exit(1);
  }
  const { rates, batch } = timeContenders(contenders, rounds, roundMs);
  // checked again after timing: thousands of reused slots later, a tenant still starts fresh
  for (const c of contenders) c.once(checkTenant);

  const result = {} as Record<ResultKey, number | null>;
  for (const key of RESULT_KEYS) {
    const r = rates[key];
    result[key] = r === undefined ? null : Math.round(median(r));
  }
  const nativeRate = result.native!;
  console.log(`instantiations per second (median of ${rounds} rounds of ~${roundMs} ms; higher is better)\n`);
  console.log(`${'configuration'.padEnd(14)}  ${'inst/s'.padStart(9)}  ${'vs native'.padStart(9)}  batch`);
  for (const key of RESULT_KEYS) {
    const r = result[key];
    if (r === null) console.log(`${key.padEnd(14)}  ${'-'.padStart(9)}  ${''.padStart(9)}  ${notes[key] ?? ''}`);
    else
      console.log(
        `${key.padEnd(14)}  ${String(r).padStart(9)}  ${`${(r / nativeRate).toFixed(2)}x`.padStart(9)}  ${batch[key]}`,
      );
  }
  const out = values.out;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  const details = out.replace(/\.json$/, '-details.json');
  writeFileSync(
    details,
    `${JSON.stringify(
      {
        node: process.version,
        machine: {
          os: `${platform()} ${release()} ${arch()}`,
          cpu: cpus()[0]?.model ?? 'unknown',
          cores: cpus().length,
        },
        date: new Date().toISOString(),
        rounds,
        roundMs,
        batch,
        notes,
        samples: rates,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${out} and ${details}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
