// Templates of the threads proposal's operators (0xfe prefix) for the JS backend: each is one call of a
// runtime helper (`rt.atomic*`, packages/runtime/src/atomics.ts) that does the bounds and alignment
// checks and the access through `Atomics`. `atomic.fence` emits nothing: every access the helpers make
// is sequentially consistent already, and plain accesses are not ordered by a fence in JS either.

import { I64, type Libcall, type OperatorInfo } from '@wasmts/environ';

const ATOMIC_NAME = /^i(32|64)\.atomic\.(load|store|rmw)(?:8|16|32)?(?:\.(add|sub|and|or|xor|xchg|cmpxchg))?(?:_u)?$/;

/**
 * The expression of an atomic operator (every 0xfe operator but `atomic.fence`): `rt` names a builtin,
 * `mem` is the memory object's expression, `ea` the effective address (a JS number, offset added), `args`
 * the operands after the address (i64 ones as bigint expressions).
 */
export function atomicCall(
  info: OperatorInfo,
  rt: (name: Libcall) => string,
  mem: string,
  ea: string,
  args: readonly string[],
): string {
  const n = info.n;
  switch (info.name) {
    case 'memory.atomic.notify':
      return `${rt('atomicNotify')}(${mem}, ${ea}, ${args[0]})`;
    case 'memory.atomic.wait32':
    case 'memory.atomic.wait64':
      return `${rt('atomicWait')}(${mem}, ${ea}, ${n}, ${args[0]}, ${args[1]})`;
  }
  const m = ATOMIC_NAME.exec(info.name);
  if (m === null) throw new Error(`codegen: no translation for ${info.name}`);
  const wide = info.results?.[0] === I64 || info.params?.[1] === I64;
  const kind = m[2];
  const rmw = m[3];
  if (kind === 'load') return `${rt(wide ? 'atomicLoad64' : 'atomicLoad32')}(${mem}, ${ea}, ${n})`;
  if (kind === 'store') return `${rt(wide ? 'atomicStore64' : 'atomicStore32')}(${mem}, ${ea}, ${n}, ${args[0]})`;
  if (rmw === 'cmpxchg')
    return `${rt(wide ? 'atomicCmpxchg64' : 'atomicCmpxchg32')}(${mem}, ${ea}, ${n}, ${args[0]}, ${args[1]})`;
  return `${rt(wide ? 'atomicRmw64' : 'atomicRmw32')}(${mem}, ${ea}, ${n}, '${rmw}', ${args[0]})`;
}
