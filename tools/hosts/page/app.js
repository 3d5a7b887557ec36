// Runs a WASI program over the in-memory filesystem and a compute function with fuel through the wasmts bundle
// (global `wasmts`), then prints what happened for the test (test/chromium.test.ts) to read.
/* global wasmts */
(() => {
  const out = document.getElementById('out');
  const lines = [];
  const report = (line) => {
    lines.push(line);
    out.textContent = lines.join('\n');
  };
  try {
    const { Config, Engine, Linker, MemoryFilesystem, Module, Store, WASI } = wasmts;
    report(`crossOriginIsolated: ${self.crossOriginIsolated}`);
    report(`WebAssembly: ${typeof WebAssembly}`);

    const fs = new MemoryFilesystem({ 'name.txt': 'wasi' });
    let stdout = '';
    const decoder = new TextDecoder();
    const wasi = new WASI({ fs, preopens: { '/': '/' }, stdout: (b) => (stdout += decoder.decode(b)) });
    const engine = new Engine();
    const linker = new Linker(engine);
    wasi.addToLinker(linker);
    const program = new Module(engine, document.getElementById('wasi-guest').textContent);
    const code = wasi.start(linker.instantiate(new Store(engine, null), program));
    report(`wasi backend: ${program.backend}`);
    report(`wasi exit: ${code}`);
    report(`wasi stdout: ${stdout.trim()}`);
    report(`wasi file: ${fs.lstat('/copy.txt').size} bytes`);

    const fuelEngine = new Engine(new Config({ consumeFuel: true }));
    const compute = new Module(fuelEngine, document.getElementById('fib').textContent);
    const store = new Store(fuelEngine, null);
    store.setFuel(1e9);
    const fib = new Linker(fuelEngine).instantiate(store, compute).getTypedFunc('fib');
    report(`compute backend: ${compute.backend}`);
    report(`fib(20): ${fib.call(20)}`);
    report(`fuel consumed: ${1e9 - store.getFuel()}`);
    report('done');
  } catch (e) {
    report(`error: ${e?.stack ?? e}`);
  }
})();
