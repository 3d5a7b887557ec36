// wasmtime's option groups: `-W key[=value],...` (wasm settings: fuel, epochs, timeouts, limits) and
// `-S key[=value],...` (WASI settings), each repeatable. A flag alone means `=y`. Unknown keys and bad
// values are one-line errors that list what is known.

import { CliError } from './errors.js';

/** What `-W` sets. */
export interface WasmSettings {
  /** `fuel=N`: run with N units of fuel. */
  fuel?: number;
  /** `epoch-interruption=y`: compile epoch checks in (something must bump the epoch: see `timeout`). */
  epochInterruption?: boolean;
  /** `timeout=2s`: interrupt the guest (a trap) once this many milliseconds have passed. */
  timeoutMs?: number;
  /** `max-memory-size=N`: most bytes any one linear memory may have. */
  maxMemorySize?: number;
  /** `max-table-elements=N`: most elements any one table may have. */
  maxTableElements?: number;
  /** `max-instances=N`, `max-tables=N`, `max-memories=N`: most of each the store may hold. */
  maxInstances?: number;
  maxTables?: number;
  maxMemories?: number;
  /** `trap-on-grow-failure=y`: a refused memory.grow / table.grow fails the call instead of returning -1. */
  trapOnGrowFailure?: boolean;
  /** `max-wasm-stack=N`: most bytes of stack wasm may use. */
  maxWasmStack?: number;
}

/** What `-S` sets. */
export interface WasiSettings {
  /** `inherit-env=y`: pass the host's whole environment. */
  inheritEnv?: boolean;
}

type Parser<T> = (value: string, key: string, group: string) => T;

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 2 ** 20,
  mb: 2 ** 20,
  mib: 2 ** 20,
  g: 2 ** 30,
  gb: 2 ** 30,
  gib: 2 ** 30,
};
const TIME_UNITS: Record<string, number> = {
  '': 1000,
  s: 1000,
  ms: 1,
  us: 0.001,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
};

function fail(group: string, key: string, value: string, expected: string): never {
  throw new CliError(`${group} ${key}=${value}: expected ${expected}`);
}

const bool: Parser<boolean> = (value, key, group) => {
  const v = value.toLowerCase();
  if (v === 'y' || v === 'yes' || v === 'true' || v === 'on' || v === '1') return true;
  if (v === 'n' || v === 'no' || v === 'false' || v === 'off' || v === '0') return false;
  return fail(group, key, value, 'y or n');
};

const count: Parser<number> = (value, key, group) => {
  const n = Number(value.replaceAll('_', ''));
  if (value === '' || !Number.isSafeInteger(n) || n < 0) fail(group, key, value, 'a non-negative integer');
  return n;
};

const size: Parser<number> = (value, key, group) => {
  const m = /^([0-9_]+)\s*([a-z]*)$/i.exec(value);
  const unit = m === null ? undefined : SIZE_UNITS[m[2].toLowerCase()];
  if (m === null || unit === undefined)
    return fail(group, key, value, 'a size in bytes (e.g. 65536, 64KiB, 16MiB, 1GiB)');
  const n = count(m[1], key, group) * unit;
  if (!Number.isSafeInteger(n)) fail(group, key, value, 'a size below 2^53 bytes');
  return n;
};

const duration: Parser<number> = (value, key, group) => {
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*([a-z]*)$/i.exec(value.replaceAll('_', ''));
  const unit = m === null ? undefined : TIME_UNITS[m[2].toLowerCase()];
  if (m === null || unit === undefined)
    return fail(group, key, value, 'a duration (e.g. 2s, 500ms, 1m; a bare number is seconds)');
  const ms = Number(m[1]) * unit;
  if (!(ms > 0) || !Number.isFinite(ms)) fail(group, key, value, 'a positive duration');
  return ms;
};

interface Key<S> {
  readonly help: string;
  readonly set: (settings: S, value: string, key: string, group: string) => void;
  /** The value a key given alone has (`-W epoch-interruption` is `=y`); none: the key needs a value. */
  readonly alone?: string;
}

function field<S, K extends keyof S>(name: K, parse: Parser<S[K]>, help: string, alone?: string): Key<S> {
  return { help, alone, set: (s, v, k, g) => void (s[name] = parse(v, k, g)) };
}

const WASM_KEYS: Record<string, Key<WasmSettings>> = {
  fuel: field('fuel', count, 'run with N units of fuel; running out traps'),
  'epoch-interruption': field('epochInterruption', bool, 'compile epoch-deadline checks in', 'y'),
  timeout: field('timeoutMs', duration, 'interrupt the guest after this long (epoch interruption)'),
  'max-memory-size': field('maxMemorySize', size, 'most bytes any one linear memory may have'),
  'max-table-elements': field('maxTableElements', count, 'most elements any one table may have'),
  'max-instances': field('maxInstances', count, 'most instances the store may hold'),
  'max-tables': field('maxTables', count, 'most tables the store may hold'),
  'max-memories': field('maxMemories', count, 'most memories the store may hold'),
  'trap-on-grow-failure': field('trapOnGrowFailure', bool, 'a refused memory.grow/table.grow fails the call', 'y'),
  'max-wasm-stack': field('maxWasmStack', size, 'most bytes of stack wasm may use'),
};

const WASI_KEYS: Record<string, Key<WasiSettings>> = {
  'inherit-env': field('inheritEnv', bool, "pass the host's whole environment", 'y'),
};

function parseGroup<S extends object>(group: string, keys: Record<string, Key<S>>, specs: readonly string[]): S {
  const settings = {} as S;
  for (const spec of specs) {
    for (const item of spec.split(',')) {
      const entry = item.trim();
      if (entry === '') continue;
      const eq = entry.indexOf('=');
      const key = eq < 0 ? entry : entry.slice(0, eq);
      const k = keys[key];
      if (k === undefined)
        throw new CliError(`${group} ${key}: unknown option (known: ${Object.keys(keys).join(', ')})`);
      let value: string;
      if (eq >= 0) value = entry.slice(eq + 1);
      else if (k.alone !== undefined) value = k.alone;
      else throw new CliError(`${group} ${key}: needs a value (${key}=...)`);
      k.set(settings, value, key, group);
    }
  }
  return settings;
}

/** Parses every `-W` argument (each a comma-separated list). */
export function parseWasmSettings(specs: readonly string[]): WasmSettings {
  return parseGroup('-W', WASM_KEYS, specs);
}

/** Parses every `-S` argument (each a comma-separated list). */
export function parseWasiSettings(specs: readonly string[]): WasiSettings {
  return parseGroup('-S', WASI_KEYS, specs);
}

function helpOf<S>(keys: Record<string, Key<S>>): string {
  return Object.entries(keys)
    .map(([k, v]) => `${k}${v.alone !== undefined ? '[=y|n]' : '=...'}: ${v.help}`)
    .join('; ');
}

/** The help text of `-W`. */
export const WASM_SETTINGS_HELP = `wasm settings, comma-separated, repeatable (as wasmtime's -W): ${helpOf(WASM_KEYS)}`;
/** The help text of `-S`. */
export const WASI_SETTINGS_HELP = `WASI settings, comma-separated, repeatable (as wasmtime's -S): ${helpOf(WASI_KEYS)}`;
