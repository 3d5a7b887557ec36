// Run by externref-gc.test.ts as `node --expose-gc --conditions=source --import tsx`: shows with WeakRefs and
// gc() that host references wasm held are rooted while it holds them and collectable once it drops them, and
// that a pooling allocator gets back the slots of a store that was collected without being disposed.
// Prints one JSON object; exits 1 with a message when a check fails.

import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { Config, Engine, funcType, Linker, Module, Store, ValType } from '../../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

/** Collects until `ref` is cleared (or `rounds` collections have run); true if it was collected. */
async function collected(ref: WeakRef<object>, rounds = 10): Promise<boolean> {
  for (let i = 0; i < rounds; i++) {
    // a WeakRef's target survives the job that created or dereferenced it: collect in a later one
    await tick();
    gc!();
    await tick();
    if (ref.deref() === undefined) return true;
  }
  return false;
}

// the backend under test: argv[2] ('js' or 'wasm'; default: the engine's default, auto)
const backend = process.argv[2] as 'js' | 'wasm' | undefined;
const engine = new Engine(new Config(backend ? { backend } : {}));
const store = new Store(engine, null);
const linker = new Linker<null>(engine);
let rootedDuringCall = false;
let madeByHost: WeakRef<object> | null = null;
linker.defineFunc('host', 'make', funcType([], [ValType.EXTERNREF]), () => {
  const o = { made: true };
  madeByHost = new WeakRef(o);
  return o;
});
linker.defineFunc('host', 'seen', funcType([ValType.EXTERNREF], []), (_caller, v: unknown) => {
  // the argument of the outer call and the host result are rooted while the call runs
  rootedDuringCall = store.externRefActivations.has(v);
});
const module = new Module(
  engine,
  `(module
     (import "host" "make" (func $make (result externref)))
     (import "host" "seen" (func $seen (param externref)))
     (table $t 2 externref)
     (global $g (mut externref) (ref.null extern))
     (func (export "set_t") (param i32 externref) (table.set $t (local.get 0) (local.get 1)))
     (func (export "clear_t") (param i32) (table.set $t (local.get 0) (ref.null extern)))
     (func (export "set_g") (param externref) (global.set $g (local.get 0)) (call $seen (local.get 0)))
     (func (export "clear_g") (global.set $g (ref.null extern)))
     (func (export "keep_made") (global.set $g (call $make)) (call $seen (global.get $g)))
     (export "t" (table $t)) (export "g" (global $g)))`,
);
if (backend !== undefined) assert.equal(module.backend, backend, `the module runs on the ${backend} backend`);
const instance = linker.instantiate(store, module);
const setT = instance.getTypedFunc<[number, unknown], void>('set_t');
const clearT = instance.getTypedFunc<[number], void>('clear_t');
const setG = instance.getTypedFunc<[unknown], void>('set_g');
const clearG = instance.getTypedFunc<[], void>('clear_g');
const keepMade = instance.getTypedFunc<[], void>('keep_made');

const report: Record<string, boolean | number> = {};

// control: the loop does collect an object nothing holds
{
  const ref = (() => new WeakRef({ control: true }))();
  report.controlCollected = await collected(ref);
}

// a table element: alive while the table holds it, collectable once wasm clears it
{
  const ref = (() => {
    const o = { inTable: true };
    setT.call(1, o);
    return new WeakRef(o);
  })();
  report.activationsAfterCall = store.externRefActivations.size;
  report.tableKeepsAlive = !(await collected(ref, 4));
  clearT.call(1);
  report.tableClearedCollected = await collected(ref);
}

// a global set through a call argument: rooted during the call, collectable once wasm clears the global
{
  const ref = (() => {
    const o = { inGlobal: true };
    setG.call(o);
    return new WeakRef(o);
  })();
  report.argumentRootedDuringCall = rootedDuringCall;
  report.globalKeepsAlive = !(await collected(ref, 4));
  clearG.call();
  report.globalClearedCollected = await collected(ref);
}

// a host function's result kept by wasm in a global
{
  rootedDuringCall = false;
  keepMade.call();
  report.hostResultRootedDuringCall = rootedDuringCall;
  const ref = madeByHost!;
  madeByHost = null;
  report.hostResultKeptAlive = !(await collected(ref, 4));
  clearG.call();
  report.hostResultCollected = await collected(ref);
}

// the host sets a table element from outside any call: the table alone holds it (nothing is rooted)
{
  const table = instance.getTable('t')!;
  const ref = (() => {
    const o = { setByHost: true };
    table.set(0, { type: 'externref', value: o });
    return new WeakRef(o);
  })();
  report.hostSetRooted = store.externRefActivations.size;
  report.hostSetKeptAlive = !(await collected(ref, 4));
  table.set(0, { type: 'externref', value: null });
  report.hostSetCollected = await collected(ref);
}
report.activationsHighWater = store.externRefActivations.highWater;

// a pooled store that is never disposed: its slots come back once the store is collected
{
  const pooled = new Engine(
    new Config({ ...(backend ? { backend } : {}), allocationStrategy: { pooling: { totalCoreInstances: 2 } } }),
  );
  const small = new Module(pooled, '(module (memory 1) (table 1 funcref))');
  const storeRef = (() => {
    const s = new Store(pooled, null);
    new Linker(pooled).instantiate(s, small);
    return new WeakRef(s);
  })();
  report.leakedSlotsInUse = pooled.poolingAllocatorMetrics()!.coreInstances.inUse;
  report.leakedStoreCollected = await collected(storeRef);
  for (let i = 0; i < 10 && pooled.poolingAllocatorMetrics()!.coreInstances.inUse > 0; i++) {
    await tick();
    gc();
  }
  const m = pooled.poolingAllocatorMetrics()!;
  report.slotsAfterCollection = m.coreInstances.inUse + m.memories.inUse + m.tables.inUse;
}

assert.deepEqual(report, {
  controlCollected: true,
  activationsAfterCall: 0,
  tableKeepsAlive: true,
  tableClearedCollected: true,
  argumentRootedDuringCall: true,
  globalKeepsAlive: true,
  globalClearedCollected: true,
  hostResultRootedDuringCall: true,
  hostResultKeptAlive: true,
  hostResultCollected: true,
  hostSetRooted: 0,
  hostSetKeptAlive: true,
  hostSetCollected: true,
  activationsHighWater: report.activationsHighWater,
  leakedSlotsInUse: 1,
  leakedStoreCollected: true,
  slotsAfterCollection: 0,
});
console.log(JSON.stringify(report));
