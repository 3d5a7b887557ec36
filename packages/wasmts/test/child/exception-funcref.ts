// Run by exception-funcref.test.ts in a child process (V8 aborted the whole process, exit 133, before the
// fix): a wasm-backend exception whose tag carries funcref payloads reaches the host, which reads them.
// argv[2]: 'null', 'own' (a function of the module), 'host' (an imported host function) or 'two' (two
// funcrefs and an i32). Prints one JSON object.

import {
  Config,
  Engine,
  Func,
  funcType,
  Linker,
  Module,
  Store,
  UncaughtWasmException,
  ValType,
} from '../../src/index.js';

const mode = process.argv[2];
const engine = new Engine(new Config({ backend: 'wasm' }));
const store = new Store(engine, null);
const module = new Module(
  engine,
  `(module
     (import "h" "f" (func $hf (result i32)))
     (tag $t (param funcref))
     (tag $t2 (param funcref i32 funcref))
     (func $g (result i32) (i32.const 7))
     (elem declare func $g $hf)
     (func (export "null") (throw $t (ref.null func)))
     (func (export "own") (throw $t (ref.func $g)))
     (func (export "host") (throw $t (ref.func $hf)))
     (func (export "two") (throw $t2 (ref.func $g) (i32.const 5) (ref.func $hf)))
     (func (export "caught") (result i32)
       (try (result i32) (do (call $hf)) (catch_all (i32.const -1)))))`,
);
const linker = new Linker(engine);
linker.defineFunc('h', 'f', funcType([], [ValType.I32]), () => 3);
const instance = linker.instantiate(store, module);
const report: Record<string, unknown> = { backend: module.backend };
try {
  instance.getTypedFunc(mode).call();
  report.threw = false;
} catch (e) {
  report.uncaught = e instanceof UncaughtWasmException;
  const values = (e as UncaughtWasmException).exception.values;
  report.values = values.map((v) => {
    if (v === null || typeof v === 'number') return v;
    return { calls: (Func.fromRef(store, v as never).call(store, [])[0] as { value: number }).value };
  });
}
report.usable = instance.getTypedFunc<[], number>('caught').call();
console.log(JSON.stringify(report));
