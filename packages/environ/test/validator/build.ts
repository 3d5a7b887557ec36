// A tiny module assembler for validator tests: a fixed environment (types, memories, tables, globals,
// tags, segments) plus one function under test whose body is given as bytes.

import { CompileError } from '../../src/errors.js';
import { WASM3_FEATURES, type WasmFeatures } from '../../src/features.js';
import { funcIndexOfDefined } from '../../src/module.js';
import { decodeModule } from '../../src/parser.js';
import { DefinedFuncIndex } from '../../src/types.js';
import { validateFunctionBody } from '../../src/validator/func.js';

export const i32 = 0x7f;
export const i64 = 0x7e;
export const f32 = 0x7d;
export const f64 = 0x7c;
export const v128 = 0x7b;
export const funcref = 0x70;
export const externref = 0x6f;
export const anyref = 0x6e;
export const eqref = 0x6d;
export const i31ref = 0x6c;
export const structref = 0x6b;
export const arrayref = 0x6a;
export const exnref = 0x69;
export const nullref = 0x71;
export const nullfuncref = 0x73;
export const nullexternref = 0x72;

/** Heap type codes (as single s33 bytes). */
export const H = {
  exn: 0x69,
  array: 0x6a,
  struct: 0x6b,
  i31: 0x6c,
  eq: 0x6d,
  any: 0x6e,
  extern: 0x6f,
  func: 0x70,
  none: 0x71,
  noextern: 0x72,
  nofunc: 0x73,
  noexn: 0x74,
} as const;

export type Bytes = number[];

export function u32(n: number): Bytes {
  const out: Bytes = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

export function s32(n: number): Bytes {
  const out: Bytes = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export function vec(items: Bytes[]): Bytes {
  return [...u32(items.length), ...items.flat()];
}

function section(id: number, payload: Bytes): Bytes {
  const out = [id, ...u32(payload.length)];
  for (const b of payload) out.push(b);
  return out;
}

/** `(ref null? ht)`: ht is a type index (>= 0) or a heap code from H. */
export function ref(ht: number, nullable = false): Bytes {
  return [nullable ? 0x63 : 0x64, ...(ht >= 0x40 ? [ht] : s32(ht))];
}

/** A value type as bytes: a single code or the bytes of `ref(...)`. */
export type Ty = number | Bytes;
function ty(t: Ty): Bytes {
  return typeof t === 'number' ? [t] : t;
}

export function func(params: Ty[], results: Ty[]): Bytes {
  return [0x60, ...vec(params.map(ty)), ...vec(results.map(ty))];
}
export function field(t: Ty, mutable = false): Bytes {
  return [...ty(t), mutable ? 1 : 0];
}
export function struct(...fields: Bytes[]): Bytes {
  return [0x5f, ...vec(fields)];
}
export function array(f: Bytes): Bytes {
  return [0x5e, ...f];
}
/** A non-final subtype declaration. */
export function sub(supers: number[], comp: Bytes, final = false): Bytes {
  return [final ? 0x4f : 0x50, ...vec(supers.map((s) => u32(s))), ...comp];
}
/** Packed storage types. */
export const i8 = 0x78;
export const i16 = 0x77;

/** The default types every test module starts with. */
export const T = {
  void: 0,
  i32_i32: 1,
  tag_i32: 2,
  struct: 3, // (struct (mut i32) i64 (mut i8))
  arrayMutI32: 4,
  arrayI8: 5,
  arrayMutFuncref: 6,
  i32i32_i32: 7,
  structNonDefaultable: 8, // (struct (field (ref 3)))
} as const;

const DEFAULT_TYPES: Bytes[] = [
  func([], []),
  func([i32], [i32]),
  func([i32], []),
  struct(field(i32, true), field(i64), field(i8, true)),
  array(field(i32, true)),
  array(field(i8)),
  array(field(funcref, true)),
  func([i32, i32], [i32]),
  struct(field(ref(3))),
];

export interface FuncSpec {
  params?: Ty[];
  results?: Ty[];
  /** Declared locals, one entry per local. */
  locals?: Ty[];
  /** Body without the final `end` (added). */
  body: Bytes;
  /** Extra type entries appended after the defaults (the test function's type comes last). */
  types?: Bytes[];
  /** Replace the default types entirely. */
  replaceTypes?: Bytes[];
  /** Omit the data count section. */
  noDataCount?: boolean;
  /** Omit the memories. */
  noMemory?: boolean;
  /** Body bytes exactly as given (no `end` appended). */
  raw?: boolean;
}

/**
 * Assembles a module with: memories 0 (i32) and 1 (i64); tables 0 (funcref), 1 (externref), 2 (funcref,
 * i64 index); globals 0 (mut i32), 1 (i64), 2 (mut funcref); tag 0 (param i32); functions 0 (under test)
 * and 1 (type i32 -> i32, declared for ref.func), 2 (type void, not declared); element segments 0
 * (passive funcref), 1 (declarative), 2 (passive externref); one passive data segment.
 */
export function buildModule(spec: FuncSpec): Uint8Array {
  const types = [...(spec.replaceTypes ?? DEFAULT_TYPES), ...(spec.types ?? [])];
  const own = types.length;
  types.push(func(spec.params ?? [], spec.results ?? []));
  const t1 = spec.replaceTypes ? own : T.i32_i32;
  const t0 = spec.replaceTypes ? own : T.void;
  const out: Bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  out.push(...section(1, vec(types)));
  out.push(...section(3, vec([u32(own), u32(t1), u32(t0)])));
  out.push(
    ...section(
      4,
      vec([
        [funcref, 0x00, 1],
        [externref, 0x00, 1],
        [funcref, 0x04, 1],
      ]),
    ),
  );
  if (!spec.noMemory)
    out.push(
      ...section(
        5,
        vec([
          [0x00, 1],
          [0x04, 1],
        ]),
      ),
    );
  if (!spec.replaceTypes) out.push(...section(13, vec([[0x00, ...u32(T.tag_i32)]])));
  out.push(
    ...section(
      6,
      vec([
        [i32, 1, 0x41, 0, 0x0b],
        [i64, 0, 0x42, 0, 0x0b],
        [funcref, 1, 0xd0, 0x70, 0x0b],
      ]),
    ),
  );
  out.push(
    ...section(
      9,
      vec([
        [0x01, 0x00, ...vec([u32(1)])], // passive funcref (elemkind) [func 1]
        [0x03, 0x00, ...vec([u32(1)])], // declarative [func 1]
        [0x05, externref, ...vec([[0xd0, 0x6f, 0x0b]])], // passive externref exprs
      ]),
    ),
  );
  if (!spec.noDataCount) out.push(...section(12, u32(1)));
  const locals = spec.locals ?? [];
  const body = vec(locals.map((t) => [1, ...ty(t)]));
  for (const b of spec.body) body.push(b);
  if (!spec.raw) body.push(0x0b);
  const helper1 = [0x00, 0x20, 0x00, 0x0b];
  const helper0 = [0x00, 0x0b];
  const bodies = spec.replaceTypes ? [body, helper0, helper0] : [body, helper1, helper0];
  const code = u32(bodies.length);
  for (const b of bodies) for (const x of [...u32(b.length), ...b]) code.push(x);
  for (const x of section(10, code)) out.push(x);
  out.push(...section(11, vec([[0x01, ...vec([[0x61]])]])));
  return Uint8Array.from(out);
}

/** Decodes the module and validates the function under test; returns the error or null. */
export function check(spec: FuncSpec, features: WasmFeatures = WASM3_FEATURES): CompileError | null {
  const bytes = buildModule(spec);
  const module = decodeModule(bytes, { validateBodies: false, features: WASM3_FEATURES });
  try {
    for (let i = 0; i < module.bodies.length; i++) {
      validateFunctionBody(module, features, funcIndexOfDefined(module, DefinedFuncIndex(i)), module.bodies[i]);
    }
    return null;
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
}

/** The outcome as a short string: 'ok', or 'invalid: msg' / 'malformed: msg'. */
export function outcome(spec: FuncSpec | Bytes, features?: WasmFeatures): string {
  const s = Array.isArray(spec) ? { body: spec } : spec;
  const e = check(s, features);
  return e === null ? 'ok' : `${e.kind}: ${e.rawMessage}`;
}

// Opcode shorthands used across the tests.
export const op = {
  unreachable: 0x00,
  nop: 0x01,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  try: 0x06,
  catch: 0x07,
  throw: 0x08,
  rethrow: 0x09,
  throw_ref: 0x0a,
  end: 0x0b,
  br: 0x0c,
  br_if: 0x0d,
  br_table: 0x0e,
  return: 0x0f,
  call: 0x10,
  call_indirect: 0x11,
  return_call: 0x12,
  return_call_indirect: 0x13,
  call_ref: 0x14,
  return_call_ref: 0x15,
  delegate: 0x18,
  catch_all: 0x19,
  drop: 0x1a,
  select: 0x1b,
  select_t: 0x1c,
  try_table: 0x1f,
  local_get: 0x20,
  local_set: 0x21,
  local_tee: 0x22,
  global_get: 0x23,
  global_set: 0x24,
  table_get: 0x25,
  table_set: 0x26,
  i32_load: 0x28,
  i64_load: 0x29,
  i32_store: 0x36,
  memory_size: 0x3f,
  memory_grow: 0x40,
  i32_const: 0x41,
  i64_const: 0x42,
  f32_const: 0x43,
  f64_const: 0x44,
  i32_eqz: 0x45,
  i32_add: 0x6a,
  i64_add: 0x7c,
  ref_null: 0xd0,
  ref_is_null: 0xd1,
  ref_func: 0xd2,
  ref_eq: 0xd3,
  ref_as_non_null: 0xd4,
  br_on_null: 0xd5,
  br_on_non_null: 0xd6,
  gc: 0xfb,
  misc: 0xfc,
  simd: 0xfd,
} as const;

/** `i32.const n` */
export function i32c(n: number): Bytes {
  return [op.i32_const, ...s32(n)];
}
/** `i64.const n` */
export function i64c(n: number): Bytes {
  return [op.i64_const, ...s32(n)];
}
/** `f32.const 0` */
export const f32c: Bytes = [op.f32_const, 0, 0, 0, 0];
/** `f64.const 0` */
export const f64c: Bytes = [op.f64_const, 0, 0, 0, 0, 0, 0, 0, 0];
/** `v128.const 0` */
export const v128c: Bytes = [op.simd, 12, ...new Array(16).fill(0)];

/** Asserts an outcome: 'ok', or a prefix of 'invalid: ...' / 'malformed: ...'. */
export function expectOutcome(actual: string, expected: string): void {
  if (expected === 'ok' || actual === 'ok') {
    if (actual !== expected) throw new Error(`expected ${expected}, got ${actual}`);
    return;
  }
  if (!actual.startsWith(expected)) throw new Error(`expected "${expected}...", got "${actual}"`);
}
