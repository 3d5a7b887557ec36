// The `spectest` host module the spec suite imports (as in the reference interpreter and wasmtime).

import { F32, F64, FUNCREF, I32, I64 } from '@wasmts/environ';
import { Func, funcType, Global, type Linker, Memory, type Store, Table } from 'wasmts';

/** Defines `spectest`'s functions, globals, tables and memories in `linker` for `store`. */
export function defineSpectest(linker: Linker<unknown>, store: Store<unknown>): void {
  const print = (params: number[]) => new Func(store, funcType(params, []), () => undefined);
  linker.define(store, 'spectest', 'print', print([]));
  linker.define(store, 'spectest', 'print_i32', print([I32]));
  linker.define(store, 'spectest', 'print_i64', print([I64]));
  linker.define(store, 'spectest', 'print_f32', print([F32]));
  linker.define(store, 'spectest', 'print_f64', print([F64]));
  linker.define(store, 'spectest', 'print_i32_f32', print([I32, F32]));
  linker.define(store, 'spectest', 'print_f64_f64', print([F64, F64]));
  const g = (type: number, value: number | bigint) =>
    new Global(store, { type, mutable: false }, { type: typeName(type), value } as never);
  linker.define(store, 'spectest', 'global_i32', g(I32, 666));
  linker.define(store, 'spectest', 'global_i64', g(I64, 666n));
  linker.define(store, 'spectest', 'global_f32', g(F32, Math.fround(666.6)));
  linker.define(store, 'spectest', 'global_f64', g(F64, 666.6));
  const limits = { min: 10, max: 20 };
  linker.define(store, 'spectest', 'table', new Table(store, { element: FUNCREF, limits, index64: false }));
  linker.define(store, 'spectest', 'table64', new Table(store, { element: FUNCREF, limits, index64: true }));
  const mem = { limits: { min: 1, max: 2 }, index64: false, pageSizeLog2: 16 };
  linker.define(store, 'spectest', 'memory', new Memory(store, { ...mem, shared: false }));
  try {
    linker.define(store, 'spectest', 'shared_memory', new Memory(store, { ...mem, shared: true }));
  } catch {
    // hosts without SharedArrayBuffer: imports of it fail to link
  }
}

function typeName(t: number): string {
  return t === I32 ? 'i32' : t === I64 ? 'i64' : t === F32 ? 'f32' : 'f64';
}
