// One package on one configuration in this process, for `bench.ts`: installs the configuration's WebAssembly,
// then times the package's first answer (time to first result: loading the package, compiling and
// instantiating its wasm and the first run) and `rounds` more answers (steady state), and prints them as
// JSON with a digest of the answer (less the fields the package lists in HOST_DEPENDENT, such as whether the host
// has SIMD).
//
// Times are wall (`firstMs`, `samples`) and CPU time of the process (`firstCpuMs`, `cpuSamples`: the steadier figure on
// a shared machine). `wasmts-lazy` is the polyfill over an engine with `Config.lazyValidation` (function bodies
// validated on their first call: an opt-in for trusted modules).
//
// Usage: bench-child.ts <native|wasmts|wasmts-lazy|polywasm> <package> <rounds>

import { createHash } from 'node:crypto';

const [config, name, roundsArg] = process.argv.slice(2);
const g = globalThis as unknown as { WebAssembly?: unknown };
if (config === 'wasmts') {
  await import('wasmts/polyfill');
} else if (config === 'wasmts-lazy') {
  const { install } = await import('wasmts/polyfill');
  const { Config } = await import('wasmts');
  install({ force: true, config: new Config({ lazyValidation: true }) });
} else if (config === 'polywasm') {
  if (g.WebAssembly !== undefined) throw new Error('polywasm is timed where the host has no WebAssembly');
  g.WebAssembly = ((await import('polywasm')) as { WebAssembly: unknown }).WebAssembly;
} else if (config !== 'native') throw new Error(`unknown configuration ${config}`);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const { answer, HOST_DEPENDENT = [] } = (await import(`./packages/${name}.js`)) as {
  answer(): Promise<unknown>;
  HOST_DEPENDENT?: string[];
};
const first = await answer();
const firstMs = performance.now() - t0;
const firstCpuMs = cpu() - c0;
const samples: number[] = [];
const cpuSamples: number[] = [];
for (let i = 0; i < Number(roundsArg); i++) {
  const c = cpu();
  const t = performance.now();
  await answer();
  samples.push(performance.now() - t);
  cpuSamples.push(cpu() - c);
}
const comparable = JSON.stringify(first, (k, v) => (HOST_DEPENDENT.includes(k) ? undefined : v));
const digest = createHash('sha256').update(comparable).digest('hex').slice(0, 16);
console.log(JSON.stringify({ firstMs, samples, firstCpuMs, cpuSamples, digest }));
process.exit(0); // esbuild's service keeps the event loop alive
