import { Config } from 'wasmts';
import { createWebAssembly } from 'wasmts/webassembly';
const [split, name] = process.argv.slice(2);
(globalThis as any).WebAssembly = createWebAssembly({
  config: new Config({ splitLargeFunctions: split === 'split' ? true : 'auto' }),
});
const t0 = performance.now();
const c0 = process.cpuUsage();
const { answer } = await import(`./packages/${name}.js`);
const r = await answer();
const c = process.cpuUsage(c0);
console.log(split, name, 'first wall', (performance.now() - t0) | 0, 'cpu', ((c.user + c.system) / 1000) | 0, JSON.stringify(r).length);
process.exit(0);
