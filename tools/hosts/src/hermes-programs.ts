// `pnpm --filter @wasmts/hosts hermes:programs`: hermesc on the AOT JavaScript of every benchmark program of
// tools/bench (its catalog: our C, the SIMD programs, hash-wasm's, ruby.wasm, the npm packages; written out by
// tools/bench's src/write-programs.ts), plain and with fuel and epoch checks, each in turn; a table of what compiled,
// with sizes and times. test/hermes.test.ts runs the same on the programs up to HERMES_TEST_MAX_KB (the CI budget).
// Usage: node --conditions=source --import tsx src/hermes-programs.ts [--only a,b] [--skip a,b] [--max-kb N]
//        [--timeout-s N] [--controls plain|fuel and epochs] [--out FILE] (a JSON report)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { aotScript, CONTROLS, hermesc, hermescErrors, hermescRuns, writePrograms } from './hermes.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    skip: { type: 'string' },
    'max-kb': { type: 'string' },
    // per hermesc run (ruby.wasm's 16 MB become about 100 MB of JavaScript)
    'timeout-s': { type: 'string', default: '1200' },
    // one form only (a label of CONTROLS): the largest programs take tens of minutes per form
    controls: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!hermescRuns) {
  console.error('hermes-programs: hermes-compiler ships hermesc for Linux x64 only');
  process.exit(2);
}
const only = values.only?.split(',');
const skip = new Set(values.skip?.split(',') ?? []);

interface Row {
  name: string;
  wasmBytes: number;
  controls: string;
  jsBytes?: number;
  compileMs?: number;
  hermescMs?: number;
  ok: boolean;
  error?: string;
}
const rows: Row[] = [];
const work = mkdtempSync(join(tmpdir(), 'wasmts-hermes-programs-'));
const programs = writePrograms(join(work, 'programs'), values['max-kb']);
const kb = (n: number) => (n / 1024).toFixed(0);
console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('program | wasm KB | controls | JS KB | wasmts compile s | hermesc s | result');
try {
  // smallest first: the large ones take minutes each and gigabytes of memory in hermesc
  for (const p of [...programs].sort((a, b) => a.bytes - b.bytes)) {
    if ((only !== undefined && !only.includes(p.name)) || skip.has(p.name)) continue;
    const wasm = readFileSync(p.path);
    for (const { label, options } of CONTROLS) {
      if (values.controls !== undefined && label !== values.controls) continue;
      const row: Row = { name: p.name, wasmBytes: wasm.length, controls: label, ok: false };
      try {
        const start = performance.now();
        const code = aotScript(wasm, options);
        row.compileMs = performance.now() - start;
        row.jsBytes = code.length;
        const file = `${p.name.replaceAll(/\W/g, '_')}-${rows.length}`;
        const r = hermesc(work, file, code, Number(values['timeout-s']) * 1000);
        // the large artifacts are tens of MB: each goes once it is checked
        for (const ext of ['js', 'hbc']) rmSync(join(work, `${file}.${ext}`), { force: true });
        row.hermescMs = r.ms;
        const errors = hermescErrors(r.stderr);
        row.ok = r.status === 0 && r.bytecode && errors.length === 0;
        if (!row.ok)
          row.error =
            r.status === null ? 'hermesc killed (timeout)' : (errors[0] ?? r.stderr.trim().split('\n')[0] ?? '');
      } catch (e) {
        row.error = `wasmts: ${(e as Error).message}`;
      }
      rows.push(row);
      const s = (ms?: number) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
      console.log(
        `${p.name} | ${kb(wasm.length)} | ${label} | ${row.jsBytes === undefined ? '-' : kb(row.jsBytes)} | ` +
          `${s(row.compileMs)} | ${s(row.hermescMs)} | ${row.ok ? 'ok' : `FAILED: ${row.error}`}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const failed = rows.filter((r) => !r.ok);
const names = new Set(rows.map((r) => r.name));
console.log(
  `${names.size} programs, ${rows.length - failed.length} of ${rows.length} compilations accepted by hermesc; load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (values.out !== undefined)
  writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
process.exit(failed.length === 0 ? 0 : 1);
