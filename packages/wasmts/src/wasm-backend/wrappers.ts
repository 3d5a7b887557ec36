// The small modules the wasm backend gives the host engine: per-signature call wrappers, the store's hook
// functions and the per-tag payload readers. They are written in the binary format with environ's one binary
// writer and its operator table (no text parsed at run time), and cached by the callers per signature.

import {
  ByteWriter,
  F32,
  F64,
  type FuncType,
  I32,
  I64,
  type OperatorInfo,
  operatorNamed,
  TrapCode,
  type ValType,
} from '@wasmts/environ';

/** A function type as `[params, results]`. */
type Sig = readonly [params: readonly ValType[], results: readonly ValType[]];

/** An import from module `"h"`: a function or tag of type index `type`, or a global. */
type Import = { readonly name: string } & (
  | { readonly kind: 'func'; readonly type: number }
  | { readonly kind: 'tag'; readonly type: number }
  | { readonly kind: 'global'; readonly type: ValType; readonly mutable: boolean }
);

/** A defined function: its type index, export name, extra locals, and a body writer (the final `end` is added). */
interface Func {
  readonly type: number;
  readonly export?: string;
  readonly locals?: readonly ValType[];
  readonly body: (w: ByteWriter) => void;
}

/** The operators these modules use, each looked up once in the operator table. */
const OP = {
  unreachable: operatorNamed('unreachable'),
  if: operatorNamed('if'),
  try: operatorNamed('try'),
  catch: operatorNamed('catch'),
  end: operatorNamed('end'),
  call: operatorNamed('call'),
  localGet: operatorNamed('local.get'),
  localSet: operatorNamed('local.set'),
  globalGet: operatorNamed('global.get'),
  globalSet: operatorNamed('global.set'),
  i32Const: operatorNamed('i32.const'),
  i32Add: operatorNamed('i32.add'),
  f64ConvertI64S: operatorNamed('f64.convert_i64_s'),
  i64TruncF64S: operatorNamed('i64.trunc_f64_s'),
  i64ExtendI32S: operatorNamed('i64.extend_i32_s'),
  f32ReinterpretI32: operatorNamed('f32.reinterpret_i32'),
  i32ReinterpretF32: operatorNamed('i32.reinterpret_f32'),
} satisfies Record<string, OperatorInfo>;

/** The empty block type. */
const BLOCK_EMPTY = 0x40;

/** Writes a module of `types`, `imports` (all from `"h"`) and `funcs` (indices after the imported functions). */
export function buildModule(types: readonly Sig[], imports: readonly Import[], funcs: readonly Func[]): Uint8Array {
  const w = new ByteWriter();
  w.bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  w.sectionWith(1, (s) => {
    s.u32(types.length);
    for (const [params, results] of types) {
      s.u8(0x60).u32(params.length);
      for (const t of params) s.valType(t);
      s.u32(results.length);
      for (const t of results) s.valType(t);
    }
  });
  if (imports.length > 0) {
    w.sectionWith(2, (s) => {
      s.u32(imports.length);
      for (const imp of imports) {
        s.name('h').name(imp.name);
        if (imp.kind === 'func') s.u8(0x00).u32(imp.type);
        else if (imp.kind === 'tag') s.u8(0x04).u8(0x00).u32(imp.type);
        else
          s.u8(0x03)
            .valType(imp.type)
            .u8(imp.mutable ? 1 : 0);
      }
    });
  }
  const importedFuncs = imports.filter((i) => i.kind === 'func').length;
  w.sectionWith(3, (s) => {
    s.u32(funcs.length);
    for (const f of funcs) s.u32(f.type);
  });
  const exported = funcs.flatMap((f, i) => (f.export === undefined ? [] : [[f.export, importedFuncs + i] as const]));
  w.sectionWith(7, (s) => {
    s.u32(exported.length);
    for (const [name, index] of exported) s.name(name).u8(0x00).u32(index);
  });
  w.sectionWith(10, (s) => {
    s.u32(funcs.length);
    const body = new ByteWriter();
    for (const f of funcs) {
      body.clear();
      const locals = f.locals ?? [];
      body.u32(locals.length);
      for (const t of locals) body.u32(1).valType(t);
      f.body(body);
      body.op(OP.end);
      s.u32(body.length).append(body);
    }
  });
  return w.finish();
}

/** The type of an f32 as it crosses between JS and a wrapper: its bits in an i32 (exact NaN payloads in JS). */
export const bitsType = (t: ValType): ValType => (t === F32 ? I32 : t);

/** `local.get` of each of `types` from local `first` on, each f32 converted by `convert`. */
function getAll(w: ByteWriter, types: readonly ValType[], first: number, convert: OperatorInfo): void {
  types.forEach((t, i) => {
    w.op(OP.localGet).u32(first + i);
    if (t === F32) w.op(convert);
  });
}

/** `local.set` of the results on the stack into locals `first...` (the last result first). */
function setAll(w: ByteWriter, count: number, first: number): void {
  for (let j = count - 1; j >= 0; j--) w.op(OP.localSet).u32(first + j);
}

/**
 * A wrapper turning a JS function into a host wasm function of `type`: it imports the function (`h.f`) with f32
 * as i32 bits, converts, and after the call traps (`unreachable`, which no wasm handler catches) if the JS side
 * left a pending error (`h.pending`). Exports `f`.
 */
export function importWrapper(type: FuncType): Uint8Array {
  const p = type.params;
  const r = type.results;
  return buildModule(
    [
      [p.map(bitsType), r.map(bitsType)],
      [p, r],
    ],
    [
      { name: 'f', kind: 'func', type: 0 },
      { name: 'pending', kind: 'global', type: I32, mutable: true },
    ],
    [
      {
        type: 1,
        export: 'f',
        locals: r.map(bitsType),
        body: (w) => {
          getAll(w, p, 0, OP.i32ReinterpretF32);
          w.op(OP.call).u32(0);
          setAll(w, r.length, p.length);
          w.op(OP.globalGet).u32(0).op(OP.if).u8(BLOCK_EMPTY).op(OP.unreachable).op(OP.end);
          getAll(w, r, p.length, OP.f32ReinterpretI32);
        },
      },
    ],
  );
}

/** A wrapper exposing a host wasm function (`h.f`) of `type` with f32 as i32 bits. Exports `f`. */
export function exportWrapper(type: FuncType): Uint8Array {
  const p = type.params;
  const r = type.results;
  return buildModule(
    [
      [p, r],
      [p.map(bitsType), r.map(bitsType)],
    ],
    [{ name: 'f', kind: 'func', type: 0 }],
    [
      {
        type: 1,
        export: 'f',
        locals: r,
        body: (w) => {
          getAll(w, p, 0, OP.f32ReinterpretI32);
          w.op(OP.call).u32(0);
          setAll(w, r.length, p.length);
          getAll(w, r, p.length, OP.i32ReinterpretF32);
        },
      },
    ],
  );
}

/**
 * The hook functions every instrumented module of a store imports, in wasm so that a trap stays a trap. Imports
 * `h.out_of_fuel`, `h.new_epoch` (JS), `h.pending` (mut i32), `h.fuel` and `h.countdown` (mut i64); exports
 * `fuel_get` (f64), `fuel_set`, `countdown_set`, `trap` (sets pending to code + 1, then traps), `out_of_fuel` and
 * `new_epoch` (call the JS hook, then trap if it left an error pending) and `stack_overflow`.
 */
export function hooksModule(): Uint8Array {
  const [OUT_OF_FUEL, NEW_EPOCH, TRAP] = [0, 1, 5];
  const [PENDING, FUEL, COUNTDOWN] = [0, 1, 2];
  const callThenCheck = (hook: number) => (w: ByteWriter) =>
    w.op(OP.call).u32(hook).op(OP.globalGet).u32(PENDING).op(OP.if).u8(BLOCK_EMPTY).op(OP.unreachable).op(OP.end);
  return buildModule(
    [
      [[], []],
      [[], [F64]],
      [[F64], []],
      [[I32], []],
    ],
    [
      { name: 'out_of_fuel', kind: 'func', type: 0 },
      { name: 'new_epoch', kind: 'func', type: 0 },
      { name: 'pending', kind: 'global', type: I32, mutable: true },
      { name: 'fuel', kind: 'global', type: I64, mutable: true },
      { name: 'countdown', kind: 'global', type: I64, mutable: true },
    ],
    [
      { type: 1, export: 'fuel_get', body: (w) => w.op(OP.globalGet).u32(FUEL).op(OP.f64ConvertI64S) },
      {
        type: 2,
        export: 'fuel_set',
        body: (w) => w.op(OP.localGet).u32(0).op(OP.i64TruncF64S).op(OP.globalSet).u32(FUEL),
      },
      {
        type: 3,
        export: 'countdown_set',
        body: (w) => w.op(OP.localGet).u32(0).op(OP.i64ExtendI32S).op(OP.globalSet).u32(COUNTDOWN),
      },
      {
        type: 3,
        export: 'trap',
        body: (w) =>
          w
            .op(OP.localGet)
            .u32(0)
            .op(OP.i32Const)
            .s32(1)
            .op(OP.i32Add)
            .op(OP.globalSet)
            .u32(PENDING)
            .op(OP.unreachable),
      },
      { type: 0, export: 'out_of_fuel', body: callThenCheck(OUT_OF_FUEL) },
      { type: 0, export: 'new_epoch', body: callThenCheck(NEW_EPOCH) },
      {
        type: 0,
        export: 'stack_overflow',
        body: (w) => w.op(OP.i32Const).s32(TrapCode.StackOverflow).op(OP.call).u32(TRAP),
      },
    ],
  );
}

/**
 * A reader of the payload of host exceptions of a tag with `params` (imported as `h.tag`): `unpack` calls `h.throw`
 * (which throws the exception at hand into it), catches it with a legacy `try`/`catch` (hosts with only the legacy
 * proposal have it) and returns its values.
 */
export function unpackModule(params: readonly ValType[]): Uint8Array {
  return buildModule(
    [
      [params, []],
      [[], []],
      [[], params],
    ],
    [
      { name: 'tag', kind: 'tag', type: 0 },
      { name: 'throw', kind: 'func', type: 1 },
    ],
    [
      {
        type: 2,
        export: 'unpack',
        // the try's block type is type 2, () -> params
        body: (w) => w.op(OP.try).s33(2).op(OP.call).u32(0).op(OP.unreachable).op(OP.catch).u32(0).op(OP.end),
      },
    ],
  );
}
