// Host functions whose type is written once, as value type names, with the callback's parameter and result types
// inferred from it (wasmtime's `Func::wrap`, where Rust infers the signature from the closure; here the names give
// both the wasm type and the TypeScript types): `Func.wrap(store, { params: ['i32', 'i64'], results: ['f64'] },
// (caller, a, b) => ...)` types `a` as number and `b` as bigint, and the callback must return a number.

import type { FuncType } from '@wasmts/environ';
import { funcType, type V128Lanes, ValType } from './values.js';

/** A value type by its text name. */
export type ValTypeName = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref' | 'anyref' | 'exnref';

/** The JS value a host function gets and returns for a value of type `N` (the API's representation). */
export type JsValueOf<N extends ValTypeName> = N extends 'i64'
  ? bigint
  : N extends 'i32' | 'f32' | 'f64'
    ? number
    : N extends 'v128'
      ? V128Lanes
      : unknown;

/** The callback's parameters for parameter types `P`. */
export type JsParamsOf<P extends readonly ValTypeName[]> = { -readonly [K in keyof P]: JsValueOf<P[K]> };

/** What a callback without results returns: nothing (a block body without `return` has type void). */
// biome-ignore lint/suspicious/noConfusingVoidType: void is what a block body without a return statement has
type NoResult = undefined | void;

/** The callback's result for result types `R`: nothing, the one value, or an array of them. */
export type JsResultOf<R extends readonly ValTypeName[]> = R extends readonly []
  ? NoResult
  : R extends readonly [infer A extends ValTypeName]
    ? JsValueOf<A>
    : JsParamsOf<R>;

/** A function type by value type names (`results` may be left out: none). */
export interface WrapType<P extends readonly ValTypeName[], R extends readonly ValTypeName[]> {
  readonly params: P;
  readonly results?: R;
}

const BY_NAME: Readonly<Record<ValTypeName, ValType>> = {
  i32: ValType.I32,
  i64: ValType.I64,
  f32: ValType.F32,
  f64: ValType.F64,
  v128: ValType.V128,
  funcref: ValType.FUNCREF,
  externref: ValType.EXTERNREF,
  anyref: ValType.ANYREF,
  exnref: ValType.EXNREF,
};

function valTypeOf(name: unknown, where: string): ValType {
  const t = typeof name === 'string' && Object.hasOwn(BY_NAME, name) ? BY_NAME[name as ValTypeName] : undefined;
  if (t === undefined)
    throw new TypeError(`${where} is ${JSON.stringify(name)}, not a value type (${Object.keys(BY_NAME).join(', ')})`);
  return t;
}

/** The FuncType a `WrapType` names (a TypeError names a bad entry). */
export function funcTypeOfNames(type: WrapType<readonly ValTypeName[], readonly ValTypeName[]>): FuncType {
  if (typeof type !== 'object' || type === null || !Array.isArray(type.params))
    throw new TypeError('a wrapped function type is { params: [...], results?: [...] }');
  const results = type.results ?? [];
  if (!Array.isArray(results)) throw new TypeError('a wrapped function type is { params: [...], results?: [...] }');
  return funcType(
    type.params.map((n, i) => valTypeOf(n, `params[${i}]`)),
    results.map((n, i) => valTypeOf(n, `results[${i}]`)),
  );
}
