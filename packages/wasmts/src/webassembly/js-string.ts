// The JS String Builtins' functions (see compile-options.ts for when they apply): string operations on JS strings
// as externrefs; a value they do not accept traps with a RuntimeError, as the JS API's builtins do. Also the
// string constants of `importedStringConstants`.

import { Global as RuntimeGlobal, WasmArray } from '@wasmts/runtime';
import { Func as ApiFunc, Global as ApiGlobal, type Extern } from '../externals.js';
import type { ImportType } from '../types.js';
import { EXTERNREF } from './compile-options.js';
import type { Realm } from './realm.js';
import { toJSValue, toWebAssemblyValue } from './values.js';

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
