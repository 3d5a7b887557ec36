// Cross-store use is refused with a WrongStoreError (wasmtime: "object used with the wrong store") at every
// API entry that takes a store together with an extern, an instance or a function reference; the refused call
// changes nothing, both stores stay usable, and the same objects work with their own store.
import { describe, expect, it } from 'vitest';
import {
  Engine,
  type Extern,
  Func,
  funcType,
  Global,
  Instance,
  Linker,
  Memory,
  Module,
  Store,
  Table,
  Tag,
  type Val,
  ValType,
  WrongStoreError,
} from '../src/index.js';
import { testConfig } from './backend.js';

const engine = new Engine(testConfig());
const MEMORY = { limits: { min: 1, max: null }, shared: false, index64: false, pageSizeLog2: 16 } as const;
const TABLE = { element: ValType.FUNCREF, limits: { min: 1, max: null }, index64: false } as const;
const I32_GLOBAL = { type: ValType.I32, mutable: true } as const;
const FUNCREF_GLOBAL = { type: ValType.FUNCREF, mutable: true } as const;

/** Expects `f` to throw a WrongStoreError whose `what` starts with `what`. */
function expectWrongStore(f: () => unknown, what: string): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WrongStoreError);
  const e = error as WrongStoreError;
  expect(e.name).toBe('WrongStoreError');
  expect(e.what.startsWith(what)).toBe(true);
  expect(e.message).toBe(`object used with the wrong store: the ${e.what} belongs to another store`);
}

/** Imports one of each kind but tags, and reads through all of them. */
const IMPORTER = new Module(
  engine,
  `(module
     (import "m" "f" (func $f (result i32)))
     (import "m" "mem" (memory 1))
     (import "m" "t" (table 1 funcref))
     (import "m" "g" (global $g (mut i32)))
     (type $r (func (result i32)))
     (func (export "run") (result i32)
       (i32.add (call $f) (i32.add (global.get $g) (i32.add (i32.load8_u (i32.const 0))
         (call_indirect (type $r) (i32.const 0)))))))`,
);

/** Externs for IMPORTER made in `store`: `run` returns 1 + 10 + 100 + 1000 with them. */
function externs(store: Store<any>): Extern[] {
  const f = new Func(store, funcType([], [ValType.I32]), () => 1);
  const g = new Global(store, I32_GLOBAL, { type: 'i32', value: 10 });
  const mem = new Memory(store, MEMORY);
  mem.write(0, new Uint8Array([100]));
  const one = new Func(store, funcType([], [ValType.I32]), () => 1000);
  const t = new Table(store, TABLE, { type: 'funcref', value: one });
  return [f, mem, t, g];
}

const IMPORT_NAMES = [
  'function imported as `m::f`',
  'memory imported as `m::mem`',
  'table imported as `m::t`',
  'global imported as `m::g`',
];

/** A module taking a function reference (raw or as a Val) and calling it. */
const CALLS_REF = new Module(
  engine,
  `(module
     (type $r (func (result i32)))
     (table 1 funcref)
     (func (export "call_ref") (param funcref) (result i32)
       (table.set (i32.const 0) (local.get 0))
       (call_indirect (type $r) (i32.const 0))))`,
);

/** A module exporting a function returning `n`. */
const answer = (n: number) => new Module(engine, `(module (func (export "f") (result i32) (i32.const ${n})))`);

describe('cross-store instantiation', () => {
  it('Instance: refuses each kind of import from another store, naming it; both stores stay usable', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const ofA = externs(a);
    const ofB = externs(b);
    for (let i = 0; i < ofB.length; i++) {
      const mixed = ofB.slice();
      mixed[i] = ofA[i];
      expectWrongStore(() => new Instance(b, IMPORTER, mixed), IMPORT_NAMES[i]);
    }
    expect(b.instances.length).toBe(0);
    expect(new Instance(b, IMPORTER, ofB).getTypedFunc('run').call()).toBe(1111);
    expect(new Instance(a, IMPORTER, ofA).getTypedFunc('run').call()).toBe(1111);
    expect(b.instances.length).toBe(1);
  });

  it('Instance: refuses a tag of another store', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const type = funcType([ValType.I32], []);
    const module = new Module(engine, '(module (import "m" "tag" (tag (param i32))))');
    expectWrongStore(() => new Instance(b, module, [new Tag(a, type)]), 'tag imported as `m::tag`');
    expect(b.instances.length).toBe(0);
    new Instance(b, module, [new Tag(b, type)]);
    expect(b.instances.length).toBe(1);
  });

  it('Instance: refuses externs of a store of another engine', () => {
    const other = new Engine(testConfig());
    const a = new Store(other, null);
    const b = new Store(engine, null);
    const mixed = externs(b);
    mixed[1] = new Memory(a, MEMORY);
    expectWrongStore(() => new Instance(b, IMPORTER, mixed), 'memory imported as `m::mem`');
  });

  it('Linker.define: refuses an extern of another store and defines nothing', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const ofA = externs(a);
    const ofB = externs(b);
    const names = ['f', 'mem', 't', 'g'];
    const linker = new Linker(engine);
    for (let i = 0; i < names.length; i++) {
      const kind = IMPORT_NAMES[i].split(' ')[0];
      expectWrongStore(() => linker.define(b, 'm', names[i], ofA[i]), `${kind} defined as \`m::${names[i]}\``);
      // nothing was defined: defining the name again is no duplicate
      linker.define(b, 'm', names[i], ofB[i]);
    }
    expect(linker.instantiate(b, IMPORTER).getTypedFunc('run').call()).toBe(1111);
  });

  it('Linker.define: refuses what is not an extern with a TypeError', () => {
    const store = new Store(engine, null);
    const linker = new Linker(engine);
    expect(() => linker.define(store, 'm', 'x', undefined as unknown as Extern)).toThrow(
      new TypeError('`m::x` must be a Func, Memory, Table, Global or Tag'),
    );
    expect(() => linker.define(store, 'm', 'x', { store } as unknown as Extern)).toThrow(TypeError);
  });

  it('Linker.instantiate: refuses definitions of another store, and works with their own', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const ofA = externs(a);
    const linker = new Linker(engine);
    ['f', 'mem', 't', 'g'].forEach((n, i) => linker.define(a, 'm', n, ofA[i]));
    expectWrongStore(() => linker.instantiate(b, IMPORTER), 'function imported as `m::f`');
    expect(b.instances.length).toBe(0);
    expect(linker.instantiate(a, IMPORTER).getTypedFunc('run').call()).toBe(1111);
    // a linker host function (defineFunc) belongs to no store: it works in any
    const hosted = new Linker(engine).defineFunc('h', 'f', funcType([], [ValType.I32]), () => 5);
    const m = new Module(
      engine,
      '(module (import "h" "f" (func $f (result i32))) (func (export "run") (result i32) (call $f)))',
    );
    expect(hosted.instantiate(a, m).getTypedFunc('run').call()).toBe(5);
    expect(hosted.instantiate(b, m).getTypedFunc('run').call()).toBe(5);
  });

  it('Linker.instance: refuses an instance of another store', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const instA = new Instance(a, answer(3), []);
    const linker = new Linker(engine);
    expectWrongStore(() => linker.instance(b, 'lib', instA), 'instance defined as `lib`');
    const use = new Module(
      engine,
      '(module (import "lib" "f" (func $f (result i32))) (func (export "run") (result i32) (call $f)))',
    );
    linker.instance(a, 'lib', instA);
    expect(linker.instantiate(a, use).getTypedFunc('run').call()).toBe(3);
  });

  it('InstancePre.instantiate: refuses a store its definitions do not belong to', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const ofA = externs(a);
    const linker = new Linker(engine);
    ['f', 'mem', 't', 'g'].forEach((n, i) => linker.define(a, 'm', n, ofA[i]));
    const pre = linker.instantiatePre(IMPORTER);
    expectWrongStore(() => pre.instantiate(b), 'function imported as `m::f`');
    expect(b.instances.length).toBe(0);
    expect(pre.instantiate(a).getTypedFunc('run').call()).toBe(1111);
  });
});

describe('cross-store calls and references', () => {
  it('Func.call: refuses another store, for wasm and host functions; a Caller store too', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const wasmFunc = new Instance(a, answer(4), []).getFunc('f')!;
    const hostFunc = new Func(a, funcType([ValType.I32], [ValType.I32]), (_c, x: number) => x + 1);
    expectWrongStore(() => wasmFunc.call(b, []), 'function');
    expectWrongStore(() => hostFunc.call(b, [{ type: 'i32', value: 1 }]), 'function');
    expect(wasmFunc.call(a, [])).toEqual([{ type: 'i32', value: 4 }]);
    expect(hostFunc.call(a, [{ type: 'i32', value: 1 }])).toEqual([{ type: 'i32', value: 2 }]);
    // from inside a host function of store b: the caller's store is b
    const linker = new Linker<null>(engine).defineFunc('h', 'f', funcType([], [ValType.I32]), (caller) => {
      return (wasmFunc.call(caller.store, [])[0] as { value: number }).value;
    });
    const m = new Module(
      engine,
      '(module (import "h" "f" (func $f (result i32))) (func (export "run") (result i32) (call $f)))',
    );
    expectWrongStore(() => linker.instantiate(b, m).getTypedFunc('run').call(), 'function');
    expect(linker.instantiate(a, m).getTypedFunc('run').call()).toBe(4);
    expect(new Instance(b, answer(8), []).getTypedFunc('f').call()).toBe(8);
  });

  it('Func.call: refuses a funcref argument of another store (a Func or a raw reference)', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const callRef = new Instance(b, CALLS_REF, []).getFunc('call_ref')!;
    const fromA = new Instance(a, answer(6), []).getFunc('f')!;
    const fromB = new Instance(b, answer(7), []).getFunc('f')!;
    expectWrongStore(() => callRef.call(b, [{ type: 'funcref', value: fromA }]), 'function given as a funcref value');
    expectWrongStore(
      () => callRef.call(b, [{ type: 'funcref', value: fromA.ref }]),
      'function given as a funcref value',
    );
    expect(callRef.call(b, [{ type: 'funcref', value: fromB }])).toEqual([{ type: 'i32', value: 7 }]);
    expect(callRef.call(b, [{ type: 'funcref', value: fromB.ref }])).toEqual([{ type: 'i32', value: 7 }]);
    expect(fromA.call(a, [])).toEqual([{ type: 'i32', value: 6 }]);
  });

  it('TypedFunc.call and Func.callRaw: refuse a raw funcref argument of another store', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const callRef = new Instance(b, CALLS_REF, []).getFunc('call_ref')!;
    const hostA = new Func(a, funcType([], [ValType.I32]), () => 6);
    const hostB = new Func(b, funcType([], [ValType.I32]), () => 7);
    expectWrongStore(() => callRef.typed<[unknown], number>().call(hostA.ref), 'function given as funcref argument 0');
    expectWrongStore(() => callRef.callRaw(hostA.ref), 'function given as funcref argument 0');
    expect(callRef.typed<[unknown], number>().call(hostB.ref)).toBe(7);
    expect(callRef.callRaw(hostB.ref)).toBe(7);
  });

  it('host functions: a funcref result of another store fails the call, which leaves both stores usable', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const fromA = new Instance(a, answer(6), []).getFunc('f')!;
    const fromB = new Instance(b, answer(7), []).getFunc('f')!;
    let give: Func = fromA;
    const linker = new Linker<null>(engine)
      .defineFunc('h', 'one', funcType([], [ValType.FUNCREF]), () => give.ref)
      .defineFunc('h', 'two', funcType([], [ValType.I32, ValType.FUNCREF]), () => [0, give.ref]);
    const m = new Module(
      engine,
      `(module
         (import "h" "one" (func $one (result funcref)))
         (import "h" "two" (func $two (result i32 funcref)))
         (type $r (func (result i32)))
         (table 1 funcref)
         (func (export "one") (result i32) (table.set (i32.const 0) (call $one)) (call_indirect (type $r) (i32.const 0)))
         (func (export "two") (result i32) (call $two) (table.set) (call_indirect (type $r) (i32.const 0))))`,
    );
    const inst = linker.instantiate(b, m);
    expectWrongStore(() => inst.getTypedFunc('one').call(), 'function returned as a funcref result');
    expectWrongStore(() => inst.getTypedFunc('two').call(), 'function returned as funcref result 1');
    give = fromB;
    expect(inst.getTypedFunc('one').call()).toBe(7);
    expect(inst.getTypedFunc('two').call()).toBe(7);
    expect(fromA.call(a, [])).toEqual([{ type: 'i32', value: 6 }]);
    // a Func made with a store (not a linker definition) checks against that store
    const direct = new Func(b, funcType([], [ValType.FUNCREF]), () => fromA.ref);
    expectWrongStore(() => direct.call(b, []), 'function returned as a funcref result');
  });

  it('Table: set, grow and a new table refuse a function of another store and change nothing', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const fromA = new Instance(a, answer(6), []).getFunc('f')!;
    const fromB = new Instance(b, answer(7), []).getFunc('f')!;
    const tableB = new Table(b, TABLE);
    const valA: Val = { type: 'funcref', value: fromA };
    expectWrongStore(() => tableB.set(0, valA), 'function given as a funcref value');
    expectWrongStore(() => tableB.set(0, { type: 'funcref', value: fromA.ref }), 'function given as a funcref value');
    expect(tableB.get(0)).toEqual({ type: 'funcref', value: null });
    expectWrongStore(() => tableB.grow(2, valA), 'function given as a funcref value');
    expect(tableB.size()).toBe(1);
    expectWrongStore(() => new Table(b, TABLE, valA), 'function given as a funcref value');
    tableB.set(0, { type: 'funcref', value: fromB });
    expect(tableB.grow(1, { type: 'funcref', value: fromB })).toBe(1);
    expect(tableB.get(1)).toEqual({ type: 'funcref', value: fromB });
    // the table works in wasm of its store
    const m = new Module(
      engine,
      '(module (import "m" "t" (table 1 funcref)) (type $r (func (result i32))) (func (export "run") (result i32) (call_indirect (type $r) (i32.const 1))))',
    );
    expect(new Instance(b, m, [tableB]).getTypedFunc('run').call()).toBe(7);
    expect(new Table(a, TABLE, valA).get(0)).toEqual(valA);
  });

  it('Global: set and a new global refuse a function of another store and change nothing', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const fromA = new Instance(a, answer(6), []).getFunc('f')!;
    const fromB = new Instance(b, answer(7), []).getFunc('f')!;
    const valA: Val = { type: 'funcref', value: fromA };
    expectWrongStore(() => new Global(b, FUNCREF_GLOBAL, valA), 'function given as a funcref value');
    const g = new Global(b, FUNCREF_GLOBAL, { type: 'funcref', value: fromB });
    expectWrongStore(() => g.set(valA), 'function given as a funcref value');
    expect(g.get()).toEqual({ type: 'funcref', value: fromB });
    g.set({ type: 'funcref', value: null });
    expect(g.get()).toEqual({ type: 'funcref', value: null });
    expect(new Global(a, FUNCREF_GLOBAL, valA).get()).toEqual(valA);
  });

  it('Tag.ty and Func.fromRef: refuse another store', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const type = funcType([ValType.I32], []);
    const tag = new Tag(a, type);
    expectWrongStore(() => tag.ty(b), 'tag');
    expect(tag.ty(a).params).toEqual([ValType.I32]);
    const f = new Instance(a, answer(6), []).getFunc('f')!;
    expectWrongStore(() => Func.fromRef(b, f.ref), 'function reference');
    expect(Func.fromRef(a, f.ref)).toBe(f);
  });

  it('externref values are not store-bound: a host value goes to any store', () => {
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const m = new Module(engine, '(module (func (export "id") (param externref) (result externref) (local.get 0)))');
    const value = { tenant: 'a' };
    const [r] = new Instance(a, m, []).getFunc('id')!.call(a, [{ type: 'externref', value }]);
    expect(new Instance(b, m, []).getFunc('id')!.call(b, [r])).toEqual([{ type: 'externref', value }]);
  });
});

describe('cross-store use with the pooling allocator', () => {
  it("refuses a pooled store's memory to another store, which keeps its own tenant's memory", () => {
    const pooled = new Engine(testConfig({ allocationStrategy: { pooling: { totalCoreInstances: 4 } } }));
    const exporter = new Module(
      pooled,
      `(module (memory (export "mem") 1)
         (func (export "put") (param i32) (i32.store (i32.const 0) (local.get 0))))`,
    );
    const importer = new Module(
      pooled,
      '(module (import "m" "mem" (memory 1)) (func (export "get") (result i32) (i32.load (i32.const 0))))',
    );
    const a = new Store(pooled, null);
    const b = new Store(pooled, null);
    const instA = new Instance(a, exporter, []);
    const memA = instA.getMemory('mem')!;
    instA.getTypedFunc('put').call(0xa);
    expectWrongStore(() => new Instance(b, importer, [memA]), 'memory imported as `m::mem`');
    const linker = new Linker(pooled);
    linker.define(a, 'm', 'mem', memA);
    expectWrongStore(() => linker.instantiate(b, importer), 'memory imported as `m::mem`');
    expectWrongStore(() => linker.instantiatePre(importer).instantiate(b), 'memory imported as `m::mem`');
    expectWrongStore(() => new Linker(pooled).define(b, 'm', 'mem', memA), 'memory defined as `m::mem`');
    // nothing was allocated for b: only a's instance holds a slot
    expect(pooled.poolingAllocatorMetrics()!.coreInstances.inUse).toBe(1);
    expect(linker.instantiate(a, importer).getTypedFunc('get').call()).toBe(0xa);
    // b with a memory of its own, then a's disposal does not touch it
    const instB = new Instance(b, exporter, []);
    instB.getTypedFunc('put').call(0xb);
    const getB = new Instance(b, importer, [instB.getMemory('mem')!]).getTypedFunc('get');
    a.dispose();
    expect(getB.call()).toBe(0xb);
    expect(pooled.poolingAllocatorMetrics()!.coreInstances.inUse).toBe(2);
    b.dispose();
  });
});
