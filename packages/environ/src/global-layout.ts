// The one definition of where an instance keeps its defined globals' values (docs/js-abi.md, "Globals"; as
// wasmtime keeps defined globals inline in the VMContext). An i32, i64 or v128 global that no other instance can
// write (immutable, or not exported) lives in the instance's global storage, an Int32Array: an i32 as one word, an
// i64 as two (lo, then hi), a v128 as four (its lanes a, b, c, d: bytes 0..3 first). Its `Global` object (runtime)
// is a view over those words, and generated code reads and writes the words themselves, with no object or bigint in
// between. Every other global (f32, f64, references, and exported mutable ones) is a cell whose `value` holds the
// value's representation: an exported mutable one may later be backed by a host engine's global (the wasm
// backend's), which generated code could not see behind a word.
//
// Codegen decides how it reads a global, and the runtime allocates the storage, both from `globalLayout`; neither
// decides on its own.

import type { Module } from './module.js';
import { I32, I64, V128, type ValType } from './types.js';

/** The words (int32) a value of type `t` takes in global storage, or 0 for a type kept in a cell. */
export function globalWords(t: ValType): number {
  return t === I32 ? 1 : t === I64 ? 2 : t === V128 ? 4 : 0;
}

/** Where a module's defined globals live (see the top of this file). */
export interface GlobalLayout {
  /** Per GlobalIndex: the first word of the global in its instance's storage, or -1 (imported, or a cell). */
  readonly word: Int32Array;
  /** Words of storage an instance allocates. */
  readonly size: number;
}

const layouts = new WeakMap<Module, GlobalLayout>();

/** The layout of `module`'s globals (computed once per module). */
export function globalLayout(module: Module): GlobalLayout {
  let layout = layouts.get(module);
  if (layout !== undefined) return layout;
  const exported = new Set<number>();
  for (const e of module.exports) if (e.kind === 'global') exported.add(e.index);
  const word = new Int32Array(module.globals.length).fill(-1);
  let size = 0;
  for (let g = module.numImportedGlobals; g < module.globals.length; g++) {
    const { type, mutable } = module.globals[g].type;
    const n = globalWords(type);
    if (n === 0 || (mutable && exported.has(g))) continue;
    word[g] = size;
    size += n;
  }
  layout = { word, size };
  layouts.set(module, layout);
  return layout;
}
