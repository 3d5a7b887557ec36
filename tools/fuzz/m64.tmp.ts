import { Config, Engine, Instance, Module, Store } from 'wasmts';
const text = process.argv[2];
for (const backend of ['js', 'wasm'] as const) {
  const engine = new Engine(new Config({ backend, consumeFuel: process.argv[3] === 'fuel' }));
  const store = new Store(engine, null);
  if (process.argv[3] === 'fuel') store.setFuel(1000);
  const m = new Module(engine, text);
  const inst = new Instance(store, m, []);
  try { console.log(backend, inst.getFunc('f')!.call(store, []).map((v) => v.value), process.argv[3] === 'fuel' ? 1000 - store.getFuel() : ''); } catch (e) { console.log(backend, (e as Error).message); }
}
