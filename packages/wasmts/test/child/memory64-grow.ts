// Child of memory64-grow.test.ts (run with the host flag that lets Node 20's V8 run memory64, so that the
// module gets the wasm backend): `memory.grow` on an i64 memory, the results of each backend as JSON.
import { Config, Engine, Instance, Module, Store } from 'wasmts';

const text = `(module
  (memory (export "mem") i64 1 3)
  (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0)))
  (func (export "size") (result i64) (memory.size)))`;
const deltas = [0n, 1n, 0n, 2n, 1n, 1n << 40n, (1n << 53n) + 1n, -1n];
const out: Record<string, unknown> = {};
for (const backend of ['wasm', 'js'] as const) {
  const engine = new Engine(new Config({ backend }));
  const store = new Store(engine, null);
  const module = new Module(engine, text);
  const instance = new Instance(store, module, []);
  const grow = instance.getTypedFunc<[bigint], bigint>('grow');
  const size = instance.getTypedFunc<[], bigint>('size');
  const results: string[] = [];
  for (const d of deltas) {
    try {
      results.push(`${grow.call(d)} ${size.call()}`);
    } catch (e) {
      results.push(`${(e as Error).name}: ${(e as Error).message}`);
    }
  }
  out[backend] = { backend: module.backend, results };
}
console.log(JSON.stringify(out));
