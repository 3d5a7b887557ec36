// The playground: compiles the text (or the chosen file) with wasmts and calls one export, or runs a WASI
// program's `_start`, and shows the result, the backend, the fuel used, or the error as wasmts reports it (a trap
// with its wasm backtrace, a compile error with its offset). Uses the global `wasmts` of the runtime bundle.
/* global wasmts */
(() => {
  const $ = (id) => document.getElementById(id);
  const { Config, Engine, Linker, MemoryFilesystem, Module, Store, ValType, WASI } = wasmts;
  $('status').textContent =
    `ready: this page ${typeof WebAssembly === 'object' ? 'has' : 'has no'} WebAssembly` +
    `${self.crossOriginIsolated ? ', cross-origin isolated' : ''}`;

  let fileBytes = null;
  $('file').addEventListener('change', async () => {
    const f = $('file').files[0];
    fileBytes = f === undefined ? null : new Uint8Array(await f.arrayBuffer());
  });
  $('source').addEventListener('input', () => {
    fileBytes = null;
  });

  /** An argument as the parameter's type wants it. */
  function argument(text, type) {
    const t = text.trim();
    if (type === 'i64') return BigInt(t);
    if (type === 'i32' || type === 'f32' || type === 'f64') return Number(t);
    throw new TypeError(`cannot pass a ${type} from the playground`);
  }

  function run() {
    const lines = [];
    const out = (line) => lines.push(line);
    try {
      const fuelText = $('fuel').value.trim();
      const fuel = fuelText === '' ? null : Number(fuelText);
      const engine = new Engine(new Config({ backend: $('backend').value, consumeFuel: fuel !== null }));
      const started = performance.now();
      const module = new Module(engine, fileBytes ?? $('source').value);
      out(`compiled in ${(performance.now() - started).toFixed(1)} ms, backend ${module.backend}`);
      const store = new Store(engine, null);
      if (fuel !== null) store.setFuel(fuel);
      const linker = new Linker(engine);
      const usesWasi = module.imports().some((i) => i.module === 'wasi_snapshot_preview1');
      let stdout = '';
      const decoder = new TextDecoder();
      const wasi = new WASI({
        fs: new MemoryFilesystem({}),
        preopens: { '/': '/' },
        stdout: (b) => (stdout += decoder.decode(b)),
      });
      if (usesWasi) wasi.addToLinker(linker);
      const instance = linker.instantiate(store, module);
      const t0 = performance.now();
      if (usesWasi && instance.getFunc('_start') !== undefined) {
        const code = wasi.start(instance);
        out(`exit code ${code}`);
        out(`stdout:\n${stdout}`);
      } else {
        const name = $('export').value.trim();
        const func = instance.getFunc(name);
        if (func === undefined) throw new TypeError(`the module exports no function \`${name}\``);
        const type = func.ty();
        const texts = $('args')
          .value.split(',')
          .filter((s) => s.trim() !== '');
        if (texts.length !== type.params.length)
          throw new TypeError(`\`${name}\` takes ${type.params.length} argument(s), ${texts.length} given`);
        const typed = func.typed();
        const names = type.params.map((p) => ValType.toString(p));
        const result = typed.call(...texts.map((t, i) => argument(t, names[i])));
        out(`${name}(${texts.map((t) => t.trim()).join(', ')}) = ${format(result)}`);
      }
      out(`ran in ${(performance.now() - t0).toFixed(1)} ms`);
      if (fuel !== null) out(`fuel consumed: ${fuel - store.getFuel()}`);
    } catch (e) {
      // a trap prints as wasmtime's error does (the trap, then its wasm backtrace with offsets); others by name
      out(e instanceof Error ? String(e) : `error: ${String(e)}`);
    }
    $('out').textContent = lines.join('\n');
  }

  function format(v) {
    if (Array.isArray(v)) return `[${v.map(format).join(', ')}]`;
    if (v === undefined) return '(no result)';
    return typeof v === 'bigint' ? `${v}n` : String(v);
  }

  $('run').addEventListener('click', run);
})();
