// The IR pipeline of the JS backend, as a straight list: translate (build.ts) -> passes -> emit (emit.ts).
// A function with an operator the IR does not cover yet is left to translate.ts (`compileIr` returns null)
// and counted in the module's coverage.

import type { FuncIndex, ValType } from '@wasmts/environ';
import type { ModuleEnvironment } from '../environment.js';
import { buildIr, IrUnsupported } from './build.js';
import { emitIr } from './emit.js';
import type { IrFunc } from './ir.js';
import { coalesce } from './passes/coalesce.js';
import { propagateCopies } from './passes/copy-prop.js';
import { removeDeadValues } from './passes/dead-values.js';
import { foldConstants } from './passes/fold.js';
import { lowerI64 } from './passes/lower-i64.js';
import { formTrees } from './passes/trees.js';

/** The passes between building and emission, in order. Each rewrites the function in place. */
export const PASSES: readonly (readonly [string, (fn: IrFunc) => void])[] = [
  ['fold-constants', foldConstants],
  ['propagate-copies', propagateCopies],
  ['lower-i64', lowerI64],
  ['fold-constants', foldConstants],
  ['propagate-copies', propagateCopies],
  ['remove-dead-values', removeDeadValues],
];

/** How many functions of a module the IR pipeline translated, and why the others were left to translate.ts. */
export interface IrCoverage {
  ir: number;
  fallback: number;
  /** Per reason (the first operator or type not covered): how many functions. */
  readonly reasons: Map<string, number>;
}

const coverage = new WeakMap<ModuleEnvironment, IrCoverage>();

/** The coverage counted so far for the module of `env`. */
export function irCoverage(env: ModuleEnvironment): IrCoverage {
  let c = coverage.get(env);
  if (c === undefined) {
    c = { ir: 0, fallback: 0, reasons: new Map() };
    coverage.set(env, c);
  }
  return c;
}

/** Builds the IR of defined function `index` and runs `passes` on it; null when the IR does not cover it. */
export function buildAndOptimize(
  env: ModuleEnvironment,
  index: number,
  start: number,
  end: number,
  locals: readonly (readonly [number, ValType])[],
  passes: readonly (readonly [string, (fn: IrFunc) => void])[] = PASSES,
): IrFunc | null {
  let fn: IrFunc;
  try {
    fn = buildIr(env, index as FuncIndex, start, end, locals);
  } catch (e) {
    if (!(e instanceof IrUnsupported)) throw e;
    const c = irCoverage(env);
    c.fallback++;
    c.reasons.set(e.what, (c.reasons.get(e.what) ?? 0) + 1);
    return null;
  }
  for (const [, pass] of passes) pass(fn);
  return fn;
}

/** The JS source of defined function `index` through the IR pipeline, or null (translate.ts's job then). */
export function compileIr(
  env: ModuleEnvironment,
  index: number,
  start: number,
  end: number,
  locals: readonly (readonly [number, ValType])[],
): string | null {
  const fn = buildAndOptimize(env, index, start, end, locals);
  if (fn === null) return null;
  irCoverage(env).ir++;
  return emitFunction(env, fn);
}

/** Tree formation, coalescing and emission: the IR of a function, after its passes, as JS source. */
export function emitFunction(env: ModuleEnvironment, fn: IrFunc): string {
  const trees = formTrees(fn);
  const names = coalesce(fn, trees);
  return emitIr(env, fn, trees, names);
}
