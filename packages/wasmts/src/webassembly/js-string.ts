// JS String Builtins (a JS API feature, not core wasm): with the compile option `builtins: ["js-string"]`,
// imports from "wasm:js-string" are provided by the engine (string operations on JS strings as externref),
// type-checked at compile time; with `importedStringConstants: "m"`, immutable externref global imports from
// module "m" are the strings of their names. Both kinds disappear from `WebAssembly.Module.imports`.

import {
  HeapKind,
  I16,
  I32,
  type Import,
  isRef,
  type Module as ModuleDescription,
  refHeap,
  refNullable,
  refType,
  type SubType,
  type ValType,
} from '@wasmts/environ';
import { Global as RuntimeGlobal, WasmArray } from '@wasmts/runtime';
import { Func as ApiFunc, Global as ApiGlobal, type Extern } from '../externals.js';
import type { ImportType } from '../types.js';
import type { Realm } from './realm.js';
import { toJSValue, toWebAssemblyValue } from './values.js';
import { sequence, toDOMString } from './webidl.js';

/** The compile options of the JS API (`WebAssemblyCompileOptions`). */
export interface CompileOptions {
  /** The builtin sets enabled (only "js-string" is known). */
  readonly builtins: ReadonlySet<string>;
  /** The module name whose global imports are string constants, or null. */
  readonly importedStringConstants: string | null;
}

/** No builtins, no string constants: what a module compiled without options gets. */
export const NO_COMPILE_OPTIONS: CompileOptions = { builtins: new Set(), importedStringConstants: null };

const BUILTIN_MODULE = 'wasm:js-string';

/** Reads a `WebAssemblyCompileOptions` dictionary (undefined or null: no options). */
export function readCompileOptions(v: unknown): CompileOptions {
  if (v === undefined || v === null) return NO_COMPILE_OPTIONS;
  if (typeof v !== 'object' && typeof v !== 'function') throw new TypeError('the compile options must be an object');
  const o = v as { builtins?: unknown; importedStringConstants?: unknown };
  const builtins = new Set<string>();
  if (o.builtins !== undefined)
    for (const b of sequence(o.builtins, 'the compile option builtins')) builtins.add(toDOMString(b));
  const constants = o.importedStringConstants;
  return {
    builtins,
    importedStringConstants: constants === undefined || constants === null ? null : toDOMString(constants),
  };
}

const EXTERNREF = refType(HeapKind.Extern, true);
const EXTERN = refType(HeapKind.Extern, false);
/** Stands for `(ref null $a)` with `$a` = `(rec (type (array (mut i16))))` in a builtin's signature. */
const CHAR_ARRAY = -1;

/** The builtins' signatures. */
const SIGNATURES: ReadonlyMap<string, { params: ValType[]; results: ValType[] }> = new Map([
  ['test', { params: [EXTERNREF], results: [I32] }],
  ['cast', { params: [EXTERNREF], results: [EXTERN] }],
  ['fromCharCodeArray', { params: [CHAR_ARRAY, I32, I32], results: [EXTERN] }],
  ['intoCharCodeArray', { params: [EXTERNREF, CHAR_ARRAY, I32], results: [I32] }],
  ['fromCharCode', { params: [I32], results: [EXTERN] }],
  ['fromCodePoint', { params: [I32], results: [EXTERN] }],
  ['charCodeAt', { params: [EXTERNREF, I32], results: [I32] }],
  ['codePointAt', { params: [EXTERNREF, I32], results: [I32] }],
  ['length', { params: [EXTERNREF], results: [I32] }],
  ['concat', { params: [EXTERNREF, EXTERNREF], results: [EXTERN] }],
  ['substring', { params: [EXTERNREF, I32, I32], results: [EXTERN] }],
  ['equals', { params: [EXTERNREF, EXTERNREF], results: [I32] }],
  ['compare', { params: [EXTERNREF, EXTERNREF], results: [I32] }],
]);

/** Whether an import is provided by a builtin under `options` (and so is not read from the import object). */
export function isBuiltinImport(
  options: CompileOptions,
  imp: { module: string; name: string; type: { kind: string } },
): boolean {
  if (imp.type.kind === 'func')
    return options.builtins.has('js-string') && imp.module === BUILTIN_MODULE && SIGNATURES.has(imp.name);
  return (
    imp.type.kind === 'global' &&
    options.importedStringConstants !== null &&
    imp.module === options.importedStringConstants
  );
}

/** A type alone in its rec group, final, without a declared supertype (how the builtins' types are defined). */
function isPlainType(m: ModuleDescription, t: SubType): boolean {
  return t.final && t.supertype < 0 && m.recGroups[t.recGroup]?.count === 1;
}

function matches(m: ModuleDescription, actual: ValType, expected: ValType): boolean {
  if (expected !== CHAR_ARRAY) return actual === expected;
  if (!isRef(actual) || !refNullable(actual) || refHeap(actual) < 0) return false;
  const a = m.types[refHeap(actual)];
  return (
    a !== undefined &&
    isPlainType(m, a) &&
    a.composite.kind === 'array' &&
    a.composite.field.type === I16 &&
    a.composite.field.mutable
  );
}

/**
 * Why an import that `options` provides does not have the builtin's type, or null when it does (a CompileError
 * at compile time, and `validate` is false).
 */
function builtinTypeError(m: ModuleDescription, options: CompileOptions, imp: Import): string | null {
  if (!isBuiltinImport(options, imp)) return null;
  if (imp.type.kind === 'global') {
    const g = imp.type.type;
    if (g.mutable || !isRef(g.type) || refHeap(g.type) !== HeapKind.Extern)
      return `string constant import \`${imp.module}::${imp.name}\` must be an immutable externref or (ref extern) global`;
    return null;
  }
  if (imp.type.kind !== 'func') return null;
  const sig = SIGNATURES.get(imp.name)!;
  const t = m.types[imp.type.typeIndex];
  const ok =
    t !== undefined &&
    isPlainType(m, t) &&
    t.composite.kind === 'func' &&
    t.composite.params.length === sig.params.length &&
    t.composite.results.length === sig.results.length &&
    t.composite.params.every((p, i) => matches(m, p, sig.params[i] ?? 0)) &&
    t.composite.results.every((r, i) => matches(m, r, sig.results[i] ?? 0));
  return ok ? null : `import \`${BUILTIN_MODULE}::${imp.name}\` does not have the builtin's type`;
}

/** The first import of `m` whose type does not match the builtin `options` provide for it, as a message, or null. */
export function checkBuiltinImports(m: ModuleDescription, options: CompileOptions): string | null {
  if (options.builtins.size === 0 && options.importedStringConstants === null) return null;
  for (const imp of m.imports) {
    const why = builtinTypeError(m, options, imp);
    if (why !== null) return why;
  }
  return null;
}

/** The extern a builtin import is instantiated with: the builtin function (of type `type`), or the string constant. */
export function builtinExtern(realm: Realm, imp: ImportType): Extern {
  const { store, cx } = realm;
  if (imp.type.kind === 'global')
    return new ApiGlobal(
      store,
      new RuntimeGlobal({ type: imp.type.type.type, mutable: false }, toWebAssemblyValue(cx, imp.name, EXTERNREF)),
    );
  if (imp.type.kind !== 'func') throw new Error('a builtin import is a function or a global');
  const impl = builtin(realm, imp.name);
  return new ApiFunc(store, imp.type.type, (_caller, ...raw: unknown[]) => impl(raw));
}

/** One builtin on raw wasm values (externrefs in the runtime's representation, i32 as numbers). */
function builtin(realm: Realm, name: string): (raw: unknown[]) => unknown {
  const trap = (): never => {
    const e = realm.RuntimeError('a JS String Builtin was given a value it does not accept');
    realm.trapErrors.add(e);
    throw e;
  };
  const js = (raw: unknown): unknown => toJSValue(realm.cx, raw, EXTERNREF);
  const str = (raw: unknown): string => {
    const v = js(raw);
    return typeof v === 'string' ? v : trap();
  };
  const chars = (raw: unknown): unknown[] => (raw instanceof WasmArray ? raw.elements : trap());
  const u32 = (raw: unknown): number => (raw as number) >>> 0;
  const ext = (s: string): unknown => toWebAssemblyValue(realm.cx, s, EXTERNREF);
  switch (name) {
    case 'test':
      return ([a]) => (typeof js(a) === 'string' ? 1 : 0);
    case 'cast':
      return ([a]) => ext(str(a));
    case 'fromCharCodeArray':
      return ([arr, start, count]) => {
        const e = chars(arr);
        const s = u32(start);
        const n = u32(count);
        if (s + n > e.length) trap();
        let out = '';
        for (let i = s; i < s + n; i++) out += String.fromCharCode(e[i] as number);
        return ext(out);
      };
    case 'intoCharCodeArray':
      return ([a, arr, start]) => {
        const s = str(a);
        const e = chars(arr);
        const at = u32(start);
        if (at + s.length > e.length) trap();
        for (let i = 0; i < s.length; i++) e[at + i] = s.charCodeAt(i);
        return s.length;
      };
    case 'fromCharCode':
      return ([c]) => ext(String.fromCharCode(u32(c)));
    case 'fromCodePoint':
      return ([c]) => {
        const p = u32(c);
        return p > 0x10ffff ? trap() : ext(String.fromCodePoint(p));
      };
    case 'charCodeAt':
      return ([a, i]) => {
        const s = str(a);
        const at = u32(i);
        return at >= s.length ? trap() : s.charCodeAt(at);
      };
    case 'codePointAt':
      return ([a, i]) => {
        const s = str(a);
        const at = u32(i);
        return at >= s.length ? trap() : (s.codePointAt(at) ?? 0);
      };
    case 'length':
      return ([a]) => str(a).length;
    case 'concat':
      return ([a, b]) => ext(str(a) + str(b));
    case 'substring':
      return ([a, start, end]) => {
        const s = str(a);
        const from = u32(start);
        const to = u32(end);
        return ext(to < from ? '' : s.substring(from, to));
      };
    case 'equals':
      return ([a, b]) => {
        const x = js(a);
        const y = js(b);
        if (x !== null && typeof x !== 'string') trap();
        if (y !== null && typeof y !== 'string') trap();
        return x === y ? 1 : 0;
      };
    case 'compare':
      return ([a, b]) => {
        const x = str(a);
        const y = str(b);
        return x < y ? -1 : x === y ? 0 : 1;
      };
    default:
      throw new Error(`unknown builtin ${name}`);
  }
}
