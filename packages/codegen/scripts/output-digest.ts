// `node --conditions=source --import tsx packages/codegen/scripts/output-digest.ts [--large] [--outline] > digest.txt`:
// one line per module x option set x backend with a hash of the generated code (the JS backend's whole-module source,
// the wasm backend's instrumented bytes), for checking that a refactoring leaves code generation byte-identical:
// run it before and after the change and `diff` the two files. Modules: the spec suite's valid modules
// (`specSuiteDir()`), the bench programs and, with `--large`, four npm packages' wasm (tiktoken, brotli, rapier2d,
// resvg). With `--outline`, JS outputs with splitting and outlining forced (`splitChars` 1, with and without fuel and
// epochs, and 300, whole and lazily per function) are added: the outliner's output on every spec module.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModule, type Module, wasmFeatures } from '@wasmts/environ';
import { REPO_ROOT as root, specSuiteDir } from '@wasmts/testsuite';
import { parseWast } from '@wasmts/wat';
import { compileModule, instrumentModule } from '../src/index.js';

const suite = specSuiteDir();
// Wasm 3.0 and the proposals the suite has (threads, custom page sizes, wide arithmetic)
const features = wasmFeatures({ threads: true, customPageSizes: true, wideArithmetic: true });
const large = process.argv.includes('--large');
const outlined = process.argv.includes('--outline');
const wastFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.isDirectory() ? wastFiles(join(dir, e.name)) : e.name.endsWith('.wast') ? [join(dir, e.name)] : [],
    );

/** [name, bytes] of every module to compile. */
const modules: [string, Uint8Array][] = [];
if (existsSync(suite)) {
  for (const file of wastFiles(suite)) {
    let commands: ReturnType<typeof parseWast>['commands'];
    try {
      commands = parseWast(readFileSync(file, 'utf8'), { file }).commands;
    } catch {
      continue;
    }
    for (const c of commands)
      if (c.type === 'module' && c.module.kind !== 'quote' && c.module.bytes !== undefined)
        modules.push([`${file.slice(suite.length + 1)}:${c.line}`, c.module.bytes]);
  }
}
for (const dir of ['tools/bench/programs/wasm', 'tools/bench/programs/simd'])
  for (const f of readdirSync(join(root, dir)).sort())
    if (f.endsWith('.wasm')) modules.push([`${dir}/${f}`, new Uint8Array(readFileSync(join(root, dir, f)))]);
if (large) {
  const nm = join(root, 'tools/bench/node_modules');
  for (const f of [
    'tiktoken/tiktoken_bg.wasm',
    'brotli-wasm/pkg.node/brotli_wasm_bg.wasm',
    '@dimforge/rapier2d-compat/dist/rapier_wasm2d_bg.wasm',
    '@resvg/resvg-wasm/index_bg.wasm',
  ])
    if (existsSync(join(nm, f))) modules.push([f, new Uint8Array(readFileSync(join(nm, f)))]);
}

const js: [string, Parameters<typeof compileModule>[1]][] = [
  ['plain', {}],
  ['fuel', { tunables: { consumeFuel: true } }],
  ['epoch', { tunables: { epochInterruption: true } }],
  ['fuel+epoch', { tunables: { consumeFuel: true, epochInterruption: true } }],
  ['ir+fuel', { ir: true, tunables: { consumeFuel: true } }],
  ...(outlined
    ? ([
        ['split1', { splitChars: 1 }],
        ['split1+fuel+epoch', { splitChars: 1, tunables: { consumeFuel: true, epochInterruption: true } }],
        ['split300', { splitChars: 300 }],
        ['split300+lazy', { splitChars: 300, lazy: true }],
      ] as [string, Parameters<typeof compileModule>[1]][])
    : []),
];
/** The whole-module source, or each function's source compiled on first call in turn (`lazy`). */
const sourceOf = (module: Module, options: Parameters<typeof compileModule>[1]): string => {
  const compiled = compileModule(module, options);
  if (compiled.lazy === undefined) return compiled.source;
  let s = '';
  for (let i = 0; i < module.bodies.length; i++) s += compiled.lazy.functionSource(i);
  return s;
};
const wasm: [string, Parameters<typeof instrumentModule>[1]][] = [
  ['plain', {}],
  ['fuel', { fuel: true }],
  ['epoch', { epoch: true, epochPoll: true }],
  ['fuel+epoch+depth', { fuel: true, epoch: true, maxCallDepth: 1000, growHooks: true, truncNaNCheck: true }],
];
const hash = (x: string | Uint8Array) => createHash('sha256').update(x).digest('hex').slice(0, 16);
const attempt = (f: () => string | Uint8Array) => {
  try {
    return hash(f());
  } catch (e) {
    return `error ${(e as Error).message.slice(0, 80)}`;
  }
};
let lines = 0;
for (const [name, bytes] of modules) {
  let module: Module;
  try {
    module = decodeModule(bytes, { features });
  } catch {
    continue;
  }
  for (const [opt, options] of js) console.log(`${name} js ${opt} ${attempt(() => sourceOf(module, options))}`);
  for (const [opt, options] of wasm)
    console.log(`${name} wasm ${opt} ${attempt(() => instrumentModule(module, options).bytes)}`);
  lines += js.length + wasm.length;
}
console.error(`${modules.length} modules, ${lines} outputs`);
