// The packages below the command load on a host with nothing but ECMAScript: no Node built-in, no
// SharedArrayBuffer, no WebAssembly, no TextDecoder/TextEncoder, no console, process, Buffer or timers.
// Each is bundled for platform 'neutral' (an import of a Node built-in fails the build) and evaluated in a
// bare node:vm context; wasmts and @wasmts/wasi then run a guest there.

import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bundle, bundleModule, NEUTRAL_PACKAGES, RUNTIME_ENTRY } from '../src/bundle.js';

/** A context with only the ECMAScript globals, minus those a non-isolated page or JSC in Lockdown lacks. */
function bareContext(): vm.Context {
  const context = vm.createContext({});
  vm.runInContext(
    'for (const name of ["SharedArrayBuffer", "WebAssembly", "console"]) delete globalThis[name];',
    context,
  );
  return context;
}

const HOST_APIS = [
  'SharedArrayBuffer',
  'WebAssembly',
  'TextDecoder',
  'TextEncoder',
  'console',
  'process',
  'Buffer',
  'setTimeout',
  'performance',
  'require',
];

const WASI_GUEST = String.raw`(module
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "h\c3\a9llo\n")
  (data (i32.const 200) "f\c3\bcr.txt")
  (func (export "_start")
    (i32.store (i32.const 8) (i32.const 100))
    (i32.store (i32.const 12) (i32.const 7))
    (drop (call $w (i32.const 1) (i32.const 8) (i32.const 1) (i32.const 16)))
    ;; creates "für.txt" under fd 3 (oflags CREAT, rights FD_WRITE) and writes the same bytes to it
    (drop (call $open (i32.const 3) (i32.const 0) (i32.const 200) (i32.const 8)
      (i32.const 1) (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 20)))
    (drop (call $w (i32.load (i32.const 20)) (i32.const 8) (i32.const 1) (i32.const 16)))))`;

const RUN_GUEST = `(() => {
  const { Engine, Linker, Module, Store, MemoryFilesystem, WASI } = lib;
  const out = [];
  const fs = new MemoryFilesystem({});
  // the default stdout prints with console or print: this context has neither
  const wasi = new WASI({ fs, preopens: { '/': '/' }, stdout: (b) => out.push(...b) });
  const engine = new Engine();
  const linker = new Linker(engine);
  wasi.addToLinker(linker);
  const module = new Module(engine, wat);
  const instance = linker.instantiate(new Store(engine, null), module);
  const code = wasi.start(instance);
  return { code, out, backend: module.backend, size: Number(fs.lstat('/f\\u00fcr.txt').size) };
})()`;

describe('host-neutral bundles', () => {
  it('the bare context has none of the host APIs', () => {
    const context = bareContext();
    for (const name of HOST_APIS) expect(vm.runInContext(`typeof ${name}`, context), name).toBe('undefined');
  });

  for (const pkg of NEUTRAL_PACKAGES) {
    it(`${pkg} bundles with no Node built-in and loads in a bare context`, async () => {
      const code = await bundle({ contents: `export * from '${pkg}';` }, 'lib');
      const context = bareContext();
      vm.runInContext(code, context, { filename: `${pkg}.bundle.js` });
      const exports = vm.runInContext('Object.keys(lib)', context) as string[];
      expect(exports.length).toBeGreaterThan(0);
    });
  }

  it('wasmts and @wasmts/wasi run a WASI guest from text in a bare context (JS backend, memory filesystem)', async () => {
    const code = await bundle(
      {
        contents: `export { Engine, Linker, Module, Store } from 'wasmts'; export { MemoryFilesystem, WASI } from '@wasmts/wasi';`,
      },
      'lib',
    );
    const context = bareContext();
    vm.runInContext(code, context);
    context.wat = WASI_GUEST;
    const result = vm.runInContext(RUN_GUEST, context) as {
      code: number;
      out: number[];
      backend: string;
      size: number;
    };
    expect(result.code).toBe(0);
    expect(Buffer.from(result.out).toString('utf8')).toBe('héllo\n');
    expect(result.backend).toBe('js');
    expect(result.size).toBe(7);
  });

  it('the runtime as one ES module imports nothing', async () => {
    const { code, imports } = await bundleModule({ contents: RUNTIME_ENTRY });
    expect(imports).toEqual([]);
    expect(code).toMatch(/export \{/);
  });
});
