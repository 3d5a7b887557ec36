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
    report(`atomic wait: ${mainThreadWait()}`);
  } catch (e) {
    report(`error: ${e?.stack ?? e}`);
    return;
  }
  interruptSpin().then(
    (line) => {
      report(line);
      report('done');
    },
    (e) => report(`error: ${e?.stack ?? e}`),
  );

  // memory.atomic.wait on this (main) thread, which may not block: the trap's code name, or what came instead
  function mainThreadWait() {
    const { Config, Engine, Instance, Module, Store, Trap, trapCodeName, wasmFeatures } = wasmts;
    const engine = new Engine(new Config({ features: wasmFeatures({ threads: true }) }));
    const module = new Module(
      engine,
      '(module (memory 1 1 shared) (func (export "wait") (result i32) (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const 0))))',
    );
    try {
      return `${module.backend} returned ${new Instance(new Store(engine, null), module, []).getTypedFunc('wait').call()}`;
    } catch (e) {
      return e instanceof Trap ? `${module.backend} ${trapCodeName(e.code)}` : `${module.backend} ${e}`;
    }
  }

  // Epochs: a ticker advances the engine's counter while the guest spins on this thread. Where the page is
  // cross-origin isolated, a Worker of the page ticks the counter in its SharedArrayBuffer; elsewhere
  // `engine.startEpochTicker` ticks from the page's clock (performance.now()), read at the guest's epoch checks.
  async function interruptSpin() {
    const { Config, Engine, Module, Store, Instance, Trap, TrapCode } = wasmts;
    const engine = new Engine(new Config({ epochInterruption: true }));
    let worker = null;
    if (typeof SharedArrayBuffer !== 'undefined' && engine.epochBuffer instanceof SharedArrayBuffer) {
      const ticker = `onmessage = (e) => { const c = new Float64Array(e.data); setInterval(() => c[0]++, 5); postMessage('ticking'); };`;
      worker = new Worker(URL.createObjectURL(new Blob([ticker], { type: 'text/javascript' })));
      await new Promise((ticking) => {
        worker.onmessage = ticking;
        worker.postMessage(engine.epochBuffer);
      });
    } else {
      engine.startEpochTicker(5); // no worker_threads on a page: the clock ticker
    }
    const store = new Store(engine, null);
    const spin = new Instance(store, new Module(engine, '(module (func (export "spin") (loop (br 0))))'), []);
    store.setEpochDeadline(4);
    try {
      spin.getTypedFunc('spin').call();
      return 'epoch: the guest returned';
    } catch (e) {
      return e instanceof Trap && e.code === TrapCode.Interrupt ? 'epoch: interrupted' : `epoch: ${e}`;
    } finally {
      if (worker !== null) worker.terminate();
      engine.stopEpochTicker();
    }
  }
})();
