// Temporary stand-in for `./func.ts` (the function-body validator) until it lands; accepts every body.

import type { WasmFeatures } from '../features.js';
import type { FunctionBody, Module } from '../module.js';
import type { FuncIndex } from '../types.js';

/** Validates one function body; this stub accepts everything. */
export function validateFunctionBody(
  _module: Module,
  _features: WasmFeatures,
  _funcIndex: FuncIndex,
  _body: FunctionBody,
): void {}
