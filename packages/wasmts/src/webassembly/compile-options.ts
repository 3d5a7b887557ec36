// The JS API's compile options and what they change at compile time: the JS String Builtins (a JS API feature,
// not core wasm). With `builtins: ["js-string"]`, imports from "wasm:js-string" are provided by the namespace
// (js-string.ts) and must have the builtins' types; with `importedStringConstants: "m"`, the global imports from
// module "m" are string constants and must be immutable externrefs. Both kinds disappear from
// `WebAssembly.Module.imports`.

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

/** The module name of the JS String Builtins' imports. */
export const BUILTIN_MODULE = 'wasm:js-string';

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

/** externref. */
export const EXTERNREF = refType(HeapKind.Extern, true);
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
