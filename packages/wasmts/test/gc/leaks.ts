// Run by leaks.test.ts as `node --expose-gc --conditions=source --import tsx`: what a dropped module or
// instance leaves behind once it is collected. The type registry forgets the types only dropped modules
// used (a live module keeps its own); a wasm-backend module's bytes (kept for trap sites) and the host tags
// of collected instances are let go. Prints one JSON object; exits 1 with a message when a check fails.

import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { Config, Engine, Instance, Module, Store } from '../../src/index.js';
import { knownTagCount } from '../../src/wasm-backend/bridge.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

/** Collects a few times, letting finalizers run in between. */
async function collect(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await tick();
    gc!();
    await tick();
  }
}

/** Collects until `ref` is cleared (or `rounds` collections have run); true if it was collected. */
async function collected(ref: WeakRef<object>, rounds = 10): Promise<boolean> {
  for (let i = 0; i < rounds; i++) {
    await tick();
    gc!();
    await tick();
    if (ref.deref() === undefined) return true;
  }
  return false;
}

const backend = process.argv[2] as 'js' | 'wasm';
const report: Record<string, unknown> = {};

// the type registry: 50 modules, each with its own struct type, compiled and dropped
{
  const engine = new Engine(new Config({ backend: 'js' }));
  const registry = engine.typeRegistry;
  const kept = new Module(
    engine,
    '(module (type $k (struct (field i64))) (func (export "f") (result anyref) (struct.new $k (i64.const 1))))',
  );
  const keptInstance = new Instance(new Store(engine, null), kept, []);
  await collect();
  const before = registry.size;
  (() => {
    for (let i = 0; i < 50; i++) new Module(engine, `(module (type (struct ${'(field i32)'.repeat(i + 1)})))`);
  })();
  report.registryGrew = registry.size > before;
  await collect();
  report.registryBack = registry.size === before;
  // what the kept module uses is still there: its instance still makes and casts its structs
  const s = keptInstance.getTypedFunc<[], unknown>('f').call();
  report.keptTypesLive = s !== null && registry.size === before;
}

// host tags of collected instances (wasm backend) and a dropped module's bytes
{
  const engine = new Engine(new Config({ backend }));
  const text = '(module (tag (export "t") (param i32)) (func (export "f") (param i32) (throw 0 (local.get 0))))';
  await collect();
  const tagsBefore = knownTagCount();
  const refs = (() => {
    const module = new Module(engine, text);
    assert.equal(module.backend, backend);
    const out: { tag: WeakRef<object>; bytes: WeakRef<object> } = {
      tag: new WeakRef({}),
      bytes: new WeakRef(module.bytes),
    };
    for (let i = 0; i < 20; i++) {
      const inst = new Instance(new Store(engine, null), module, []);
      try {
        inst.getTypedFunc<[number], void>('f').call(i);
      } catch {}
      out.tag = new WeakRef(inst.getTag('t')!.raw);
    }
    return out;
  })();
  report.tagsGrew = backend === 'js' || knownTagCount() > tagsBefore;
  report.runtimeTagCollected = await collected(refs.tag);
  report.moduleBytesCollected = await collected(refs.bytes);
  await collect();
  report.knownTagsBack = knownTagCount() === tagsBefore;
}

assert.deepEqual(report, {
  registryGrew: true,
  registryBack: true,
  keptTypesLive: true,
  tagsGrew: true,
  runtimeTagCollected: true,
  moduleBytesCollected: true,
  knownTagsBack: true,
});
console.log(JSON.stringify(report));
