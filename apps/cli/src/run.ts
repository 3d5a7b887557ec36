// `wasmts run`: runs a WASI command (its `_start`) or calls one export (`--invoke`), like `wasmtime run`.

import { basename } from 'node:path';
import type { WasmFeatures } from '@wasmts/environ';
import { WASI, WasiExit, type WasiOptions } from '@wasmts/wasi';
import { runWasiThreads, usesWasiThreads, type WasiThreadsLimits } from '@wasmts/wasi/threads';
import {
  type Engine,
  type FrameInfo,
  Func,
  formatFrame,
  type Instance,
  LinkError,
  Linker,
  Module,
  Store,
  StoreLimitsBuilder,
  Trap,
  UncaughtWasmException,
  type Val,
  ValType,
} from 'wasmts';
import { cliEngine, loadArtifact } from './artifact.js';
import { CliError } from './errors.js';
import { loadModuleBytes } from './inspect.js';
import type { WasiSettings, WasmSettings } from './option-groups.js';
import { colors, createProgress, moduleProgress } from './progress.js';

/** Exit code after a trap: 128 + SIGABRT, as wasmtime exits on Unix. */
export const TRAP_EXIT_CODE = 134;

/** Options of `wasmts run`. */
export interface RunCommandOptions {
  /** `HOST[::GUEST]` directories to preopen. */
  dirs?: string[];
  /** `K=V` variables (or `K` alone: the host's value of K). */
  env?: string[];
  /** Pass the whole host environment (before `env`). */
  inheritEnv?: boolean;
  /** Call this export instead of `_start`; `args` are then its parameter values. */
  invoke?: string;
  /** Run with this much fuel (traps with "all fuel consumed" when it runs out). */
  fuel?: number;
  /** The backend asked for; only js exists, so wasm and auto fall back to it with a note. */
  backend?: 'js' | 'wasm' | 'auto';
  /** `NAME=PATH` modules to instantiate first and register under NAME. */
  preload?: string[];
  /**
   * Run artifacts of `wasmts compile` (their generated code runs as the host, unchecked), as wasmtime's
   * `--allow-precompiled`; without it an artifact is refused.
   */
  allowPrecompiled?: boolean;
  /** Proposals modules may use (`--features`; Wasm 3.0 by default). */
  features?: WasmFeatures;
  /** `-W` settings (wasmtime's option group); `fuel` may come from here or from `--fuel`, not both. */
  wasm?: WasmSettings;
  /** `-S` settings; `inherit-env` may come from here or from `--inherit-env`. */
  wasi?: WasiSettings;
}

/** Where the guest's standard streams go (the process's own when omitted). */
export interface RunIO {
  stdin?: WasiOptions['stdin'];
  stdout?: WasiOptions['stdout'];
  stderr?: WasiOptions['stderr'];
}

/** Parses `HOST[::GUEST]` (the guest path defaults to HOST as written). */
export function parseDir(spec: string): { host: string; guest: string } {
  const at = spec.indexOf('::');
  if (at < 0) return { host: spec, guest: spec };
  const host = spec.slice(0, at);
  const guest = spec.slice(at + 2);
  if (host === '' || guest === '') throw new CliError(`--dir ${spec}: expected HOST or HOST::GUEST`);
  return { host, guest };
}

/** The guest's environment from `--inherit-env` and the `--env` entries, in order. */
export function buildEnv(entries: readonly string[], inherit: boolean): Record<string, string> {
  const env: Record<string, string> = Object.create(null);
  if (inherit) for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq === 0) throw new CliError(`--env ${entry}: expected NAME=VALUE or NAME`);
    if (eq > 0) {
      env[entry.slice(0, eq)] = entry.slice(eq + 1);
    } else {
      const v = process.env[entry];
      if (v !== undefined) env[entry] = v;
    }
  }
  return env;
}

function parseInteger(text: string, bits: 32 | 64): bigint {
  const t = text.replaceAll('_', '');
  if (!/^[+-]?(0x[0-9a-f]+|\d+)$/i.test(t)) throw new CliError(`\`${text}\` is not an integer`);
  const negative = t.startsWith('-');
  const digits = t.replace(/^[+-]/, '');
  let v = BigInt(digits);
  if (negative) v = -v;
  const limit = 1n << BigInt(bits);
  if (v < -(limit >> 1n) || v >= limit) throw new CliError(`\`${text}\` is out of range for i${bits}`);
  return v;
}

function parseFloatArg(text: string): number {
  const t = text.trim().toLowerCase();
  if (t === 'nan' || t === '+nan' || t === '-nan') return Number.NaN;
  if (t === 'inf' || t === '+inf' || t === 'infinity') return Number.POSITIVE_INFINITY;
  if (t === '-inf' || t === '-infinity') return Number.NEGATIVE_INFINITY;
  const v = Number(t);
  if (t === '' || Number.isNaN(v)) throw new CliError(`\`${text}\` is not a number`);
  return v;
}

/** A command-line argument as a value of type `t` (integers in decimal or 0x hex, floats as JS numbers). */
export function parseValue(text: string, t: ValType): Val {
  switch (t) {
    case ValType.I32:
      return { type: 'i32', value: Number(BigInt.asIntN(32, parseInteger(text, 32))) };
    case ValType.I64:
      return { type: 'i64', value: BigInt.asIntN(64, parseInteger(text, 64)) };
    case ValType.F32:
      return { type: 'f32', value: parseFloatArg(text) };
    case ValType.F64:
      return { type: 'f64', value: parseFloatArg(text) };
    default:
      throw new CliError(`cannot pass a ${ValType.toString(t)} argument from the command line`);
  }
}

/** A result as wasmtime prints it: integers in decimal, floats as numbers, v128 as hex. */
export function formatValue(v: Val): string {
  switch (v.type) {
    case 'i32':
    case 'i64':
      return String(v.value);
    case 'f32':
    case 'f64': {
      const x = v.value as number;
      if (Number.isNaN(x)) return 'NaN';
      if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
      return Object.is(x, -0) ? '-0' : String(x);
    }
    case 'v128': {
      const lanes = [v.value.a, v.value.b, v.value.c, v.value.d];
      return `0x${lanes
        .reverse()
        .map((l) => (l >>> 0).toString(16).padStart(8, '0'))
        .join('')}`;
    }
    default:
      return v.value === null ? 'null' : `<${v.type}>`;
  }
}

/** A trap as `formatTrap` prints it: its message and wasm frames (a `Trap`, or one from another thread). */
export interface TrapReport {
  readonly message: string;
  readonly backtrace?: { readonly frames: readonly FrameInfo[] } | null;
}

/** Prints a trap like wasmtime: what was running, the trap, then the wasm frames, innermost first. */
export function formatTrap(trap: TrapReport, file: string): string {
  const lines = [
    `${colors.bold(colors.red('error:'))} failed to run main module \`${file}\``,
    `  ${colors.red('wasm trap:')} ${trap.message}`,
  ];
  const frames = trap.backtrace?.frames ?? [];
  if (frames.length > 0) {
    lines.push('  wasm backtrace:');
    const module = basename(file);
    frames.forEach((f, i) => {
      lines.push(`  ${formatFrame(f, i, module)}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

/** Compiles a .wasm or .wat file, or loads an artifact of `wasmts compile` without compiling again. */
async function compile(engine: Engine, file: string, allowPrecompiled: boolean): Promise<Module> {
  const { bytes, format } = await loadModuleBytes(file);
  if (format === 'artifact') {
    if (!allowPrecompiled)
      throw new CliError(
        `${file} is a precompiled artifact of \`wasmts compile\`; its code runs as the host unchecked, so run it only if you trust it, with --allow-precompiled`,
      );
    return loadArtifact(engine, bytes, file);
  }
  const progress = createProgress();
  try {
    return Module.fromBinary(engine, bytes, { onProgress: moduleProgress(progress) });
  } finally {
    progress.done();
  }
}

function splitPreload(spec: string): { name: string; path: string } {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) throw new CliError(`--preload ${spec}: expected NAME=PATH`);
  return { name: spec.slice(0, eq), path: spec.slice(eq + 1) };
}

/** A link error names the import; everything the guest imports that nobody defines is a user error. */
function linkError(error: unknown, file: string): never {
  if (error instanceof LinkError) throw new CliError(`${file}: ${error.message}`);
  throw error;
}

/** Calls `name` with `args` parsed by its parameter types and prints each result on a line. */
function invokeExport(instance: Instance, store: Store<unknown>, name: string, args: readonly string[]): void {
  const func = instance.getExport(name);
  if (!(func instanceof Func)) {
    const exported = instance
      .exports()
      .filter(([, x]) => x instanceof Func)
      .map(([n]) => n);
    throw new CliError(
      `no exported function \`${name}\`${exported.length > 0 ? ` (exported functions: ${exported.join(', ')})` : ''}`,
    );
  }
  const type = func.ty();
  if (args.length !== type.params.length)
    throw new CliError(
      `\`${name}\` takes ${type.params.length} argument${type.params.length === 1 ? '' : 's'} (${type.params.map(ValType.toString).join(' ') || 'none'}), got ${args.length}`,
    );
  const values = args.map((a, i) => parseValue(a, type.params[i]));
  for (const r of func.call(store, values)) process.stdout.write(`${formatValue(r)}\n`);
}

/** Runs `file` with `args` (the guest's argv after argv[0], or `--invoke`'s values); returns the exit code. */
export async function runCommand(
  file: string,
  args: readonly string[],
  options: RunCommandOptions = {},
  io: RunIO = {},
): Promise<number> {
  const w = options.wasm ?? {};
  if (options.fuel !== undefined && w.fuel !== undefined && options.fuel !== w.fuel)
    throw new CliError(`--fuel ${options.fuel} and -W fuel=${w.fuel}: give the fuel once`);
  const fuel = options.fuel ?? w.fuel;
  if (fuel !== undefined && (!Number.isSafeInteger(fuel) || fuel < 0))
    throw new CliError(`--fuel ${fuel}: expected a non-negative integer`);
  const timeoutMs = w.timeoutMs;
  const engine = cliEngine(fuel !== undefined, options.backend ?? 'auto', {
    ...(options.features !== undefined ? { features: options.features } : {}),
    epochInterruption: w.epochInterruption === true || timeoutMs !== undefined,
    ...(w.maxWasmStack !== undefined ? { maxWasmStack: w.maxWasmStack } : {}),
  });
  let compiled: Module | undefined;
  if (options.invoke === undefined && (options.preload ?? []).length === 0) {
    const threaded = await runThreaded(engine, file, args, options, io, fuel, timeoutMs);
    if (typeof threaded === 'number') return threaded;
    compiled = threaded;
  }
  const store = new Store<unknown>(engine, null);
  if (fuel !== undefined) store.setFuel(fuel);
  const limits = storeLimits(w);
  if (limits !== null) store.limiter(() => limits);
  if (timeoutMs !== undefined) {
    // a worker bumps the epoch once the time is up; the guest's next epoch check traps with `interrupt`
    store.setEpochDeadline(1);
    engine.startEpochTicker(timeoutMs);
  }
  try {
    return await runInStore(engine, store, file, args, options, io, compiled);
  } finally {
    if (timeoutMs !== undefined) engine.stopEpochTicker();
  }
}

/**
 * Runs a wasi-threads command (one that imports `wasi` `thread-spawn`) with a Worker per thread
 * (`@wasmts/wasi/threads`): fuel is per thread, the epoch (and so `-W timeout`) reaches every thread.
 * Returns the exit code, or for any other module the module compiled, to run in this thread.
 */
async function runThreaded(
  engine: Engine,
  file: string,
  args: readonly string[],
  options: RunCommandOptions,
  io: RunIO,
  fuel: number | undefined,
  timeoutMs: number | undefined,
): Promise<number | Module> {
  const module = await compile(engine, file, options.allowPrecompiled === true);
  if (!usesWasiThreads(module)) return module;
  // the same limits for every thread's store; the shared memory's size is one, so max-memory-size bounds it for all
  const w = options.wasm ?? {};
  const limits: WasiThreadsLimits = {
    ...(w.maxMemorySize !== undefined ? { memorySize: w.maxMemorySize } : {}),
    ...(w.maxTableElements !== undefined ? { tableElements: w.maxTableElements } : {}),
    ...(w.maxInstances !== undefined ? { instances: w.maxInstances } : {}),
    ...(w.maxTables !== undefined ? { tables: w.maxTables } : {}),
    ...(w.maxMemories !== undefined ? { memories: w.maxMemories } : {}),
    ...(w.trapOnGrowFailure !== undefined ? { trapOnGrowFailure: w.trapOnGrowFailure } : {}),
  };
  const fd = (o: unknown, name: string): number | undefined => {
    if (o === undefined || typeof o === 'number') return o;
    throw new CliError(`${file}: a wasi-threads program's ${name} must be a file descriptor`);
  };
  const stdin = fd(io.stdin, 'stdin');
  const stdout = fd(io.stdout, 'stdout');
  const stderr = fd(io.stderr, 'stderr');
  const preopens: Record<string, string> = Object.create(null);
  for (const spec of options.dirs ?? []) {
    const { host, guest } = parseDir(spec);
    preopens[guest] = host;
  }
  // check the preopens here, so a missing directory is a user error before any thread starts
  newWasi({ preopens, returnOnExit: true, stdin: '', stdout: () => {}, stderr: () => {} });
  if (timeoutMs !== undefined) engine.startEpochTicker(timeoutMs);
  try {
    const result = await runWasiThreads({
      module,
      wasi: {
        args: [file, ...args],
        env: buildEnv(options.env ?? [], options.inheritEnv === true || options.wasi?.inheritEnv === true),
        preopens,
        ...(stdin !== undefined ? { stdin } : {}),
        ...(stdout !== undefined ? { stdout } : {}),
        ...(stderr !== undefined ? { stderr } : {}),
      },
      ...(fuel !== undefined ? { fuel } : {}),
      ...(timeoutMs !== undefined ? { epochDeadline: 1 } : {}),
      ...(Object.keys(limits).length > 0 ? { limits } : {}),
    });
    if (result.kind === 'exit') return result.code;
    const { trap } = result;
    process.stderr.write(formatTrap({ message: trap.message, backtrace: { frames: trap.frames } }, file));
    return TRAP_EXIT_CODE;
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith('wasi-threads'))
      throw new CliError(`${file}: ${error.message}`);
    throw error;
  } finally {
    if (timeoutMs !== undefined) engine.stopEpochTicker();
  }
}

/** The store limits `-W max-*` and `trap-on-grow-failure` ask for, or null when none is given. */
function storeLimits(w: WasmSettings): ReturnType<StoreLimitsBuilder['build']> | null {
  const b = new StoreLimitsBuilder();
  const given = [
    w.maxMemorySize !== undefined && b.memorySize(w.maxMemorySize),
    w.maxTableElements !== undefined && b.tableElements(w.maxTableElements),
    w.maxInstances !== undefined && b.instances(w.maxInstances),
    w.maxTables !== undefined && b.tables(w.maxTables),
    w.maxMemories !== undefined && b.memories(w.maxMemories),
    w.trapOnGrowFailure !== undefined && b.trapOnGrowFailure(w.trapOnGrowFailure),
  ];
  return given.some((g) => g !== false) ? b.build() : null;
}

async function runInStore(
  engine: Engine,
  store: Store<unknown>,
  file: string,
  args: readonly string[],
  options: RunCommandOptions,
  io: RunIO,
  compiled?: Module,
): Promise<number> {
  const preopens: Record<string, string> = Object.create(null);
  for (const spec of options.dirs ?? []) {
    const { host, guest } = parseDir(spec);
    preopens[guest] = host;
  }
  const wasi = newWasi({
    args: [file, ...(options.invoke === undefined ? args : [])],
    env: buildEnv(options.env ?? [], options.inheritEnv === true || options.wasi?.inheritEnv === true),
    preopens,
    ...(io.stdin !== undefined ? { stdin: io.stdin } : {}),
    ...(io.stdout !== undefined ? { stdout: io.stdout } : {}),
    ...(io.stderr !== undefined ? { stderr: io.stderr } : {}),
    returnOnExit: true,
  });
  const linker = new Linker<unknown>(engine);
  wasi.addToLinker(linker);

  try {
    for (const spec of options.preload ?? []) {
      const { name, path } = splitPreload(spec);
      const module = await compile(engine, path, options.allowPrecompiled === true).catch((e: unknown) => {
        throw new CliError(`--preload ${name}: ${describeLoadError(e, path)}`);
      });
      let instance: Instance;
      try {
        instance = linker.instantiate(store, module);
      } catch (e) {
        linkError(e, path);
      }
      if (instance.getFunc('_initialize') !== undefined) wasi.initialize(instance);
      linker.instance(store, name, instance);
    }

    const module = compiled ?? (await compile(engine, file, options.allowPrecompiled === true));
    let instance: Instance;
    try {
      instance = linker.instantiate(store, module);
    } catch (e) {
      linkError(e, file);
    }
    if (options.invoke !== undefined) {
      if (instance.getFunc('_initialize') !== undefined) wasi.initialize(instance);
      invokeExport(instance, store, options.invoke, args);
      return 0;
    }
    if (instance.getFunc('_start') === undefined) {
      if (args.length > 0)
        throw new CliError(`${file}: the module exports no \`_start\`; use --invoke to call one of its exports`);
      return 0;
    }
    // A module that imports nothing from WASI needs no exported memory: call its `_start` directly.
    if (!module.imports().some((i) => i.module === 'wasi_snapshot_preview1')) {
      instance.getTypedFunc('_start').call();
      return 0;
    }
    return wasi.start(instance);
  } catch (error) {
    if (error instanceof WasiExit) return error.code;
    if (error instanceof Trap) {
      process.stderr.write(formatTrap(error, file));
      return TRAP_EXIT_CODE;
    }
    // WASI refuses a module that does not fit it (no exported memory, `_start` beside `_initialize`).
    if (error instanceof TypeError && error.message.startsWith('WASI'))
      throw new CliError(`${file}: ${error.message.replace(/^WASI( \w+)?: /, '')}`);
    if (error instanceof UncaughtWasmException) {
      process.stderr.write(`error: failed to run main module \`${file}\`\n  uncaught wasm exception\n`);
      return TRAP_EXIT_CODE;
    }
    throw error;
  }
}

/** The WASI context; a preopen that is missing or not a directory is a user error. */
function newWasi(options: WasiOptions): WASI {
  try {
    return new WASI(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const path = (error as { path?: string }).path;
    if (code === 'ENOENT') throw new CliError(`--dir ${path ?? ''}: no such directory`);
    if (code === 'EACCES') throw new CliError(`--dir ${path ?? ''}: permission denied`);
    if (error instanceof TypeError && /preopen/.test(error.message)) throw new CliError(error.message);
    throw error;
  }
}

function describeLoadError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `${path}: no such file or directory`;
  return `${path}: ${error instanceof Error ? error.message : String(error)}`;
}
