// Module.imports() / Module.exports(): resolved, engine-canonical extern types (wasmtime's ImportType::ty and
// ExportType::ty), comparable with what Func.ty(), Global.ty(), Table.ty(), Memory.ty() and Tag.ty() report.
import { describe, expect, it } from 'vitest';
import {
  Engine,
  type ExternType,
  Func,
  funcType,
  Global,
  HeapKind,
  Instance,
  Linker,
  Memory,
  Module,
  Store,
  Table,
  type Tag,
  ValType,
  wasmFeatures,
} from '../src/index.js';
import { testConfig } from './backend.js';

const { I32, I64, F32, F64, V128, FUNCREF, EXTERNREF } = ValType;

/** One import and one export of each kind, with the proposals that change a type's shape. */
const WAT = `(module
  (import "env" "f" (func (param i32 i64) (result f32 f64)))
  (import "env" "g" (global (mut i64)))
  (import "env" "gi" (global v128))
  (import "env" "t" (table i64 1 10 funcref))
  (import "env" "m" (memory i64 1 2))
  (import "env" "sm" (memory 1 4 shared))
  (import "env" "pm" (memory 3 (pagesize 1)))
  (import "env" "e" (tag (param i32 externref)))
  (func (export "swap") (param i64 f32) (result f32 i64) (local.get 1) (local.get 0))
  (global (export "count") (mut i32) (i32.const 0))
  (global (export "limit") f64 (f64.const 1))
  (table (export "refs") 2 externref)
  (table (export "big") i64 0 funcref)
  (memory (export "mem") 1)
  (tag (export "oops") (param i64))
  (export "f2" (func 0))
  (export "m2" (memory 0)))`;

function engine(): Engine {
  const config = testConfig();
  config.features = wasmFeatures({ threads: true, customPageSizes: true });
  return new Engine(config);
}

describe('Module.imports', () => {
  it('gives every import its resolved type', () => {
    const m = new Module(engine(), WAT);
    expect(m.imports()).toEqual([
      {
        module: 'env',
        name: 'f',
        type: { kind: 'func', type: { kind: 'func', params: [I32, I64], results: [F32, F64] } },
      },
      { module: 'env', name: 'g', type: { kind: 'global', type: { type: I64, mutable: true } } },
      { module: 'env', name: 'gi', type: { kind: 'global', type: { type: V128, mutable: false } } },
      {
        module: 'env',
        name: 't',
        type: { kind: 'table', type: { element: FUNCREF, limits: { min: 1, max: 10 }, index64: true } },
      },
      {
        module: 'env',
        name: 'm',
        type: {
          kind: 'memory',
          type: { limits: { min: 1, max: 2 }, shared: false, index64: true, pageSizeLog2: 16 },
        },
      },
      {
        module: 'env',
        name: 'sm',
        type: {
          kind: 'memory',
          type: { limits: { min: 1, max: 4 }, shared: true, index64: false, pageSizeLog2: 16 },
        },
      },
      {
        module: 'env',
        name: 'pm',
        type: {
          kind: 'memory',
          type: { limits: { min: 3, max: null }, shared: false, index64: false, pageSizeLog2: 0 },
        },
      },
      {
        module: 'env',
        name: 'e',
        type: { kind: 'tag', type: { kind: 'func', params: [I32, EXTERNREF], results: [] } },
      },
    ]);
  });

  it('keeps names that are not identifiers as data', () => {
    const m = new Module(engine(), '(module (import "__proto__" "constructor" (func)))');
    const [imp] = m.imports();
    expect(imp.module).toBe('__proto__');
    expect(imp.name).toBe('constructor');
    expect(imp.type).toEqual({ kind: 'func', type: { kind: 'func', params: [], results: [] } });
  });

  it('is empty for a module without imports', () => {
    expect(new Module(engine(), '(module)').imports()).toEqual([]);
  });
});

describe('Module.exports', () => {
  it('gives every export its resolved type (re-exported imports included)', () => {
    const m = new Module(engine(), WAT);
    const types: [string, ExternType][] = m.exports().map((e) => [e.name, e.type]);
    expect(types).toEqual([
      ['swap', { kind: 'func', type: { kind: 'func', params: [I64, F32], results: [F32, I64] } }],
      ['count', { kind: 'global', type: { type: I32, mutable: true } }],
      ['limit', { kind: 'global', type: { type: F64, mutable: false } }],
      ['refs', { kind: 'table', type: { element: EXTERNREF, limits: { min: 2, max: null }, index64: false } }],
      ['big', { kind: 'table', type: { element: FUNCREF, limits: { min: 0, max: null }, index64: true } }],
      [
        'mem',
        { kind: 'memory', type: { limits: { min: 1, max: null }, shared: false, index64: false, pageSizeLog2: 16 } },
      ],
      ['oops', { kind: 'tag', type: { kind: 'func', params: [I64], results: [] } }],
      ['f2', { kind: 'func', type: { kind: 'func', params: [I32, I64], results: [F32, F64] } }],
      ['m2', { kind: 'memory', type: { limits: { min: 1, max: 2 }, shared: false, index64: true, pageSizeLog2: 16 } }],
    ]);
    // only the name and the type: kind and index are the type's kind and an internal detail
    expect(Object.keys(m.exports()[0]).sort()).toEqual(['name', 'type']);
  });

  it('matches the types of the instance exports', () => {
    const e = engine();
    const m = new Module(
      e,
      `(module
        (func (export "f") (param i32) (result i64 i64) (i64.const 1) (i64.const 2))
        (global (export "g") (mut f32) (f32.const 0))
        (table (export "t") 1 5 funcref)
        (memory (export "m") 1 3)
        (tag (export "x") (param f64 i32)))`,
    );
    const store = new Store(e, null);
    const instance = new Instance(store, m, []);
    for (const { name, type } of m.exports()) {
      const x = instance.getExport(name);
      const actual =
        x instanceof Func
          ? x.ty()
          : x instanceof Global || x instanceof Table || x instanceof Memory
            ? x.ty()
            : (x as Tag).ty(store);
      expect(actual, name).toEqual(type.type);
    }
  });
});

describe('GC and typed-reference types', () => {
  const GC = `(module
    (rec (type $node (struct (field i32) (field (ref null $node)))))
    (type $arr (array (mut i8)))
    (type $fn (func (param (ref $node)) (result (ref null $arr))))
    (import "env" "mk" (func (type $fn)))
    (import "env" "root" (global (mut (ref null $node))))
    (import "env" "fns" (table 1 (ref null $fn)))
    (import "env" "any" (global anyref))
    (func (export "mk2") (type $fn) (call 0 (local.get 0)))
    (global (export "i31") (ref i31) (ref.i31 (i32.const 1)))
    (table (export "nodes") 1 (ref null $node)))`;

  it('gives concrete heap types as engine type ids', () => {
    const e = engine();
    const m = new Module(e, GC);
    const [node, arr, fn] = m.runtimeInfo.typeIds;
    const byName = new Map([...m.imports(), ...m.exports()].map((x) => [x.name, x.type]));
    const fnType = { kind: 'func', params: [ValType.ref(node, false)], results: [ValType.ref(arr, true)] };
    expect(byName.get('mk')).toEqual({ kind: 'func', type: fnType });
    expect(byName.get('mk2')).toEqual({ kind: 'func', type: fnType });
    expect(byName.get('root')).toEqual({ kind: 'global', type: { type: ValType.ref(node, true), mutable: true } });
    expect(byName.get('fns')).toEqual({
      kind: 'table',
      type: { element: ValType.ref(fn, true), limits: { min: 1, max: null }, index64: false },
    });
    expect(byName.get('any')).toEqual({ kind: 'global', type: { type: ValType.ANYREF, mutable: false } });
    expect(byName.get('i31')).toEqual({
      kind: 'global',
      type: { type: ValType.ref(HeapKind.I31, false), mutable: false },
    });
    expect(byName.get('nodes')).toMatchObject({ kind: 'table', type: { element: ValType.ref(node, true) } });
    // the ids resolve through the engine's registry
    expect(e.typeRegistry.composite(node).kind).toBe('struct');
    expect(ValType.toString(fnType.params[0])).toBe(`(ref ${node})`);
  });

  it('gives equivalent types of two modules the same ids', () => {
    const e = engine();
    const a = new Module(e, GC).imports()[0].type;
    const b = new Module(e, `(module (type $x (func)) ${GC.slice('(module'.length)}`).imports()[0].type;
    expect(b).toEqual(a);
  });

  it('matches the type of the function an instance exports', () => {
    const e = engine();
    const m = new Module(e, GC);
    const store = new Store(e, null);
    const linker = new Linker<null>(e);
    const mk = m.imports()[0];
    expect(mk.type.kind).toBe('func');
    const lib = new Instance(
      store,
      new Module(
        e,
        `(module
          (rec (type $node (struct (field i32) (field (ref null $node)))))
          (type $arr (array (mut i8)))
          (func (export "mk") (param (ref $node)) (result (ref null $arr)) (ref.null none))
          (global (export "root") (mut (ref null $node)) (ref.null none))
          (table (export "fns") 1 (ref null 2) (ref.null nofunc))
          (type (func (param (ref $node)) (result (ref null $arr))))
          (global (export "any") anyref (ref.null any)))`,
      ),
      [],
    );
    const f = lib.getExport('mk') as Func;
    expect(f.ty()).toEqual(mk.type.type);
    linker.instance(store, 'env', lib);
    const inst = linker.instantiate(store, m);
    expect((inst.getExport('mk2') as Func).ty()).toEqual(mk.type.type);
  });
});

describe('host functions from import types', () => {
  it('defines a host function with the type an import expects', () => {
    const e = engine();
    const m = new Module(
      e,
      `(module
        (import "env" "mul" (func (param i32 i64) (result i64)))
        (func (export "run") (result i64) (call 0 (i32.const 6) (i64.const 7))))`,
    );
    const linker = new Linker<null>(e);
    for (const imp of m.imports()) {
      if (imp.type.kind !== 'func') throw new Error('expected a function import');
      expect(imp.type.type).toEqual(funcType([I32, I64], [I64]));
      linker.defineFunc(imp.module, imp.name, imp.type.type, (_c, a: number, b: bigint) => BigInt(a) * b);
    }
    const inst = linker.instantiate(new Store(e, null), m);
    expect(inst.getTypedFunc('run').call()).toBe(42n);
  });

  it('defines host functions with the GC types imports expect (rec groups included)', () => {
    const e = engine();
    const m = new Module(
      e,
      `(module
        (type $node (struct (field i32)))
        (rec (type $cb (func (param (ref null $pair)) (result i32))) (type $pair (struct (field (ref null $cb)))))
        (import "env" "val" (func $val (param (ref null $node)) (result i32)))
        (import "env" "cb" (func $cb (type $cb)))
        (func (export "run") (result i32)
          (i32.add
            (call $val (struct.new $node (i32.const 40)))
            (call $cb (struct.new $pair (ref.null $cb))))))`,
    );
    const store = new Store(e, null);
    const linker = new Linker<null>(e);
    const [val, cb] = m.imports();
    if (val.type.kind !== 'func' || cb.type.kind !== 'func') throw new Error('expected function imports');
    const read = new Func(store, val.type.type, () => 40);
    expect(read.ty()).toEqual(val.type.type);
    linker.define(store, 'env', 'val', read);
    linker.defineFunc('env', 'cb', cb.type.type, (_c, pair: unknown) => (pair === null ? 0 : 2));
    expect(linker.instantiate(store, m).getTypedFunc('run').call()).toBe(42);
  });
});
