// `node --conditions=source --import tsx packages/codegen/scripts/shape-stats.ts [--lazy] [--interpreter] [--fuel]
//  [--epoch] [--out FILE] [--dump DIR] a.wasm ...`: where the characters of the JS backend's output go, by kind, per module: the
// whole-module source (what `wasmts compile` writes) or, with `--lazy`, each function's source compiled on first
// call, in turn (what the API evaluates). Kinds are counted over the text by patterns, so they overlap a little
// (a name inside a memory form counts in both); the total and the chars per byte of code are exact.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeModule } from '@wasmts/environ';
import { compileModule } from '../src/index.js';

const args = process.argv.slice(2);
const flag = (f: string) => args.includes(f);
const option = (f: string) => (args.indexOf(f) >= 0 ? args[args.indexOf(f) + 1] : undefined);
const out = option('--out');
// `--dump DIR`: each module's source written to DIR/<file name>.js too
const dump = option('--dump');
const files = args.filter((a, i) => !a.startsWith('--') && !['--out', '--dump'].includes(args[i - 1]));

const KINDS: [string, RegExp][] = [
  ['indentation', /^[ \t]+/gm],
  ['newlines', /\n/g],
  ['other spaces', /(?<=\S) +/g],
  ['parentheses', /[()]/g],
  ['braces', /[{}]/g],
  ['semicolons', /;/g],
  ['`|0` / `| 0`', /\| ?0\b/g],
  ['`>>>0` / `>>> 0`', />>> ?0\b/g],
  ['stack slots sN, sNh', /\bs\d+h?\b/g],
  ['locals lN, lNh', /\bl\d+h?\b/g],
  ['labels Lk / Sk (all mentions)', /\b[LS]\d+\b/g],
  ['label definitions `Lk: `', /\b[LS]\d+: /g],
  ['`break Lk;` statements', /\bbreak [LS]\d+;/g],
  ['`continue Lk;` statements', /\bcontinue [LS]\d+;/g],
  ['memory views D0/U0/I0/J0/K0 (m0_dv... before)', /\b(?:[DUIJK]\d+|m\d+_(?:dv|u8|i32|f32|f64))\b/g],
  ['`.getInt32(` etc. (DataView methods)', /\.(get|set)(Int|Uint|Float|BigInt|BigUint)\d+\(/g],
  ['`,1)` little-endian flags', /,1\)/g],
  ['`??` byte-load fallbacks', /\?\?(?:D\d+|m\d+_dv)\.getUint8\([^()]*(\([^()]*\))*[^()]*\)/g],
  ['calls F[k]( / fN(', /\b(F\[\d+\]|f\d+(\$\w+)?)\(/g],
  ['rt. / H. references', /\b(rt|H)\.\w+/g],
  ['Math.imul etc.', /\bMath\.\w+/g],
  ['fuel (fu, fq, fuelConsumed)', /\b(fu|fq|fuelConsumed)\b/g],
  ['epoch (ec, epoch...)', /\b(ec|ed|epoch\w*)\b/g],
  ['declarations `var .../let ...` lines', /^\s*(var|let) [^\n]*\n/gm],
  ['moves `x = y;` (names only)', /\b[a-z]\w*\d+h? = [a-z]\w*\d+h?;/g],
  ['numbers', /\b\d+\b/g],
];

interface Row {
  file: string;
  wasmBytes: number;
  codeBytes: number;
  chars: number;
  lines: number;
  kinds: Record<string, number>;
}
const rows: Row[] = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const module = decodeModule(bytes);
  // the API's forms (wasmts module.ts `jsForms`): a JIT host's, or with `--interpreter` an interpreter's
  const interpreter = flag('--interpreter');
  const compiled = compileModule(module, {
    lazy: flag('--lazy'),
    byteLoads: interpreter ? 'typed-array' : 'dataview',
    plainFloatLoads: interpreter,
    feedbackWarmup: !interpreter,
    branchCondValues: interpreter,
    wordLoads: interpreter,
    tunables: { consumeFuel: flag('--fuel'), epochInterruption: flag('--epoch') },
  });
  let src = '';
  if (compiled.lazy !== undefined) {
    const parts: string[] = [];
    for (let i = 0; i < module.bodies.length; i++) parts.push(compiled.lazy.functionSource(i));
    src = parts.join('');
  } else src = compiled.source;
  if (dump !== undefined) writeFileSync(join(dump, `${basename(file)}.js`), src);
  let codeBytes = 0;
  for (const b of module.bodies) codeBytes += b.range.end - b.range.start;
  const kinds: Record<string, number> = {};
  for (const [name, re] of KINDS) {
    let n = 0;
    for (const m of src.matchAll(re)) n += m[0].length;
    kinds[name] = n;
  }
  let lines = 0;
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lines++;
  const row = { file, wasmBytes: bytes.length, codeBytes, chars: src.length, lines, kinds };
  rows.push(row);
  const pct = (n: number) => `${((100 * n) / src.length).toFixed(1)}%`;
  console.log(
    `${file}: ${bytes.length} bytes of wasm (${codeBytes} of code), ${src.length} chars (${(src.length / bytes.length).toFixed(2)} per wasm byte, ${(src.length / codeBytes).toFixed(2)} per code byte), ${lines} lines`,
  );
  for (const [name] of KINDS) console.log(`  ${name}: ${kinds[name]} (${pct(kinds[name])})`);
}
if (out !== undefined) writeFileSync(out, JSON.stringify(rows, null, 1));
