// One package on one configuration in this process, for `bench.ts`: installs the configuration's WebAssembly,
// then times the package's first answer (time to first result: loading the package, compiling and
// instantiating its wasm and the first run) and `rounds` more answers (steady state), and prints them as
// JSON with a digest of the answer (less the fields the package lists in HOST_DEPENDENT, such as whether the host
// has SIMD).
//
// Times are wall (`firstMs`, `samples`) and CPU time of the process (`firstCpuMs`, `cpuSamples`: the steadier figure on
// a shared machine); `importCpuMs` is the CPU time of installing the configuration's WebAssembly (importing the
// polyfill), which the first result does not include. `wasmts` is the bundled polyfill (`wasmts/bundle/polyfill`,
// one file), `wasmts-modules` the same polyfill as compiled modules (`wasmts/polyfill`), `wasmts-lazy` the bundled
// one over an engine with `Config.lazyValidation` (function bodies validated on their first call: an opt-in for
// trusted modules), `wasmts-base` another build's bundled polyfill (the directory named by WASMTS_BASE: a
// before/after comparison in one run).
//
// Usage: bench-child.ts <native|wasmts|wasmts-modules|wasmts-lazy|wasmts-base|polywasm> <package> <rounds>

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [config, name, roundsArg] = process.argv.slice(2);
const g = globalThis as unknown as { WebAssembly?: unknown };
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const i0 = cpu();
if (config === 'wasmts') {
  await import('wasmts/bundle/polyfill');
} else if (config === 'wasmts-base') {
  // another build's bundled polyfill (a copy of some commit's packages/wasmts/dist/polyfill.bundle.js and
  // wasmts.bundle.js), for a before/after comparison in one run
  const base = process.env.WASMTS_BASE;
  if (base === undefined) throw new Error('wasmts-base needs WASMTS_BASE: a directory holding polyfill.bundle.js');
  await import(pathToFileURL(join(base, 'polyfill.bundle.js')).href);
} else if (config === 'wasmts-modules') {
  await import('wasmts/polyfill');
} else if (config === 'wasmts-lazy') {
  const { install, Config } = await import('wasmts/bundle');
  install({ force: true, config: new Config({ lazyValidation: true }) });
} else if (config === 'polywasm') {
  if (g.WebAssembly !== undefined) throw new Error('polywasm is timed where the host has no WebAssembly');
  g.WebAssembly = ((await import('polywasm')) as { WebAssembly: unknown }).WebAssembly;
} else if (config !== 'native') throw new Error(`unknown configuration ${config}`);
const importCpuMs = cpu() - i0;

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
console.log(JSON.stringify({ importCpuMs, firstMs, samples, firstCpuMs, cpuSamples, digest }));
process.exit(0); // esbuild's service keeps the event loop alive
