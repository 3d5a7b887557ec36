// Differential fuzzing: random valid modules from binaryen's `wasm-opt --translate-to-fuzz` (Debian
// `binaryen`), each run on the host engine, the wasmts wasm backend and the wasmts JS backend (src/diff.ts).
//
// Usage: node --import tsx src/fuzz.ts [--seeds FROM..TO] [--bytes N] [--features node20,NAME,...] [--keep DIR]
//                                      [--write-corpus DIR] [--js-target auto|jit|interpreter] [--gen SET]
//                                      [--help] (pnpm fuzz --help from the root)
// Each seed gives the same module on every machine with the same wasm-opt (a seeded PRNG makes the input
// bytes). A module whose sides disagree is written to --keep (default: failures/) with what differed.
// Exit status 1 when any module disagrees.
//
// With --gen SET (src/structgen.ts): our own structure-aware generator instead of binaryen, for a feature set
// of FEATURE_SETS (simd, gc, exceptions, memory64, multimemory, tail, bulk, reftypes, mvp, all); the module's
// text is kept beside a module that differs. Memory64 needs the host flag --experimental-wasm-memory64 on
// Node 20 (V8 11.3) for the host engine and the wasm backend to run it; this script re-runs itself with it.
//
// With --mutate [--suite DIR]: mutation fuzzing (src/mutate.ts) of the decoder, validator, text parser and
// code generation, seeded from the spec suite's modules (default ../shared/testsuite beside the repository);
// each seed number is one mutant, and a finding is written to --keep.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseWat } from '@wasmts/wat';
import { compare } from './diff.js';
import { generate, NODE20_FEATURES } from './generate.js';
import { mutant, runMutant, suiteSeeds } from './mutate.js';
import { reduce } from './reduce.js';
import { FEATURE_SETS, generateText } from './structgen.js';

/** The host flags a generated feature set needs for the host engine to run it (Node 20). */
const HOST_FLAGS: Readonly<Record<string, readonly string[]>> = {
  memory64: ['--experimental-wasm-memory64'],
};

function main(): void {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '1..100' },
      bytes: { type: 'string', default: '4000' },
      features: { type: 'string', default: 'node20' },
      keep: { type: 'string', default: 'failures' },
      'write-corpus': { type: 'string' },
      mutate: { type: 'boolean', default: false },
      gen: { type: 'string' },
      reduce: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      // the JS backend's Config.jsTarget: 'interpreter' fuzzes the code shaped for hosts without a JIT
      'js-target': { type: 'string', default: 'auto' },
      suite: { type: 'string', default: resolve(import.meta.dirname, '../../../../shared/testsuite') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    // the usage is this file's opening comment
    const head = readFileSync(import.meta.filename, 'utf8').split('\n');
    const end = head.findIndex((line) => !line.startsWith('//'));
    console.log(
      head
        .slice(0, end)
        .map((line) => line.replace(/^\/\/ ?/, ''))
        .join('\n'),
    );
    console.log(
      `\n--gen sets: ${Object.keys(FEATURE_SETS).join(', ')}; also --mutate, --reduce FILE, --quiet, --suite DIR.`,
    );
    return;
  }
  if (values.reduce !== undefined) {
    if (reexec(values.gen)) return;
    const small = reduce(readFileSync(values.reduce, 'utf8'), (m) => console.log(m));
    const out = values.reduce.replace(/(\.wat)?$/, '.reduced.wat');
    writeFileSync(out, small);
    console.log(`${out}:\n${small}`);
    return;
  }
  const m = /^(\d+)\.\.(\d+)$/.exec(values.seeds);
  if (m === null) throw new Error('--seeds FROM..TO');
  const [from, to] = [Number(m[1]), Number(m[2])];
  if (values.mutate) {
    mutationCampaign(values.suite, from, to, values.keep);
    return;
  }
  const gen = values.gen;
  if (gen !== undefined && FEATURE_SETS[gen] === undefined)
    throw new Error(`--gen: one of ${Object.keys(FEATURE_SETS).join(', ')}`);
  if (reexec(gen)) return;
  const size = Number(values.bytes);
  // `node20`, `default` (binaryen's: MVP) or binaryen feature names (`exception-handling` -> --enable-...)
  const features = values.features
    .split(',')
    .flatMap((f) => (f === 'node20' ? NODE20_FEATURES : f === 'default' || f === '' ? [] : [`--enable-${f}`]));
  let failed = 0;
  let compared = 0;
  let calls = 0;
  const ran = [0, 0, 0];
  const outcomes: Record<string, number> = {};
  const start = performance.now();
  for (let seed = from; seed <= to; seed++) {
    let bytes: Uint8Array;
    let text: string | undefined;
    let twin: Uint8Array | undefined;
    try {
      if (gen !== undefined) {
        text = generateText(seed, FEATURE_SETS[gen]);
        bytes = parseWat(text);
        if (FEATURE_SETS[gen].includes('exnlegacy')) twin = parseWat(generateText(seed, FEATURE_SETS[gen], true));
      } else bytes = generate(seed, size, features);
    } catch (e) {
      if (gen !== undefined) {
        failed++;
        console.log(`seed ${seed}: the generator made an invalid module: ${(e as Error).message.split('\n')[0]}`);
        continue;
      }
      console.log(`seed ${seed}: wasm-opt failed: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    if (values['write-corpus'] !== undefined) {
      mkdirSync(values['write-corpus'], { recursive: true });
      writeFileSync(join(values['write-corpus'], `seed-${seed}.wasm`), bytes);
    }
    let v: ReturnType<typeof compare>;
    try {
      v = compare(bytes, twin, values['js-target'] as 'auto' | 'jit' | 'interpreter');
    } catch (e) {
      // an error no side should throw (a TypeError out of a call, ...): a finding
      const error = { unavailable: 'the harness failed' };
      v = { native: error, wasm: error, js: error, differences: [`error: ${(e as Error).stack ?? e}`] };
    }
    compared++;
    if ('calls' in v.js) calls += v.js.calls.length;
    if ('calls' in v.js)
      for (const c of v.js.calls) {
        const k = c.outcome === 'trap' && c.trapKind !== undefined ? `trap:${c.trapKind}` : c.outcome.split(' ')[0];
        outcomes[k] = (outcomes[k] ?? 0) + 1;
      }
    ran[0] += 'calls' in v.native ? 1 : 0;
    ran[1] += 'calls' in v.wasm ? 1 : 0;
    ran[2] += 'calls' in v.js ? 1 : 0;
    const sides = [v.native, v.wasm, v.js].map((s) => ('unavailable' in s ? `- (${s.unavailable})` : 'ran'));
    if (v.differences.length > 0) {
      failed++;
      const dir = resolve(values.keep);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `seed-${seed}.wasm`), bytes);
      if (text !== undefined) writeFileSync(join(dir, `seed-${seed}.wat`), text);
      if (twin !== undefined && gen !== undefined)
        writeFileSync(join(dir, `seed-${seed}.legacy.wat`), generateText(seed, FEATURE_SETS[gen], true));
      writeFileSync(join(dir, `seed-${seed}.txt`), `${v.differences.join('\n')}\n`);
      console.log(`seed ${seed}: DIFFERS (native ${sides[0]}, wasm ${sides[1]}, js ${sides[2]})`);
      for (const d of v.differences) console.log(`  ${d}`);
    } else if (!values.quiet) console.log(`seed ${seed}: agree (native ${sides[0]}, wasm ${sides[1]}, js ${sides[2]})`);
  }
  const secs = ((performance.now() - start) / 1000).toFixed(1);
  const kinds = Object.entries(outcomes)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(
    `${compared} modules (${gen !== undefined ? `--gen ${gen}` : `binaryen ${values.features}`}), ran on the host engine ${ran[0]}, ` +
      `the wasm backend ${ran[1]}, the JS backend ${ran[2]}; ${calls} calls on the JS backend (${kinds}); ` +
      `${failed} differ; ${secs} s`,
  );
  if (failed > 0) process.exitCode = 1;
}

/** Runs this script again with the host flags feature set `gen` needs (true when it did). */
function reexec(gen: string | undefined): boolean {
  const flags = gen === undefined ? [] : (HOST_FLAGS[gen] ?? []);
  if (flags.every((f) => process.execArgv.includes(f)) || Number(process.versions.node.split('.')[0]) >= 22)
    return false;
  const r = spawnSync(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exitCode = r.status ?? 1;
  return true;
}

function mutationCampaign(suite: string, from: number, to: number, keep: string): void {
  const seeds = suiteSeeds(suite);
  const counts = { module: 0, rejected: 0, finding: 0 };
  let slowest = 0;
  const start = performance.now();
  for (let n = from; n <= to; n++) {
    const { seedIndex, input } = mutant(seeds, n);
    const r = runMutant(input);
    counts[r.outcome]++;
    slowest = Math.max(slowest, r.ms);
    if (r.outcome === 'finding') {
      const dir = resolve(keep);
      mkdirSync(dir, { recursive: true });
      const ext = typeof input === 'string' ? 'wat' : 'wasm';
      writeFileSync(join(dir, `mutant-${n}.${ext}`), input);
      writeFileSync(join(dir, `mutant-${n}.txt`), `${r.detail}\n`);
      console.log(`mutant ${n} (seed module ${seedIndex}, ${ext}): ${r.detail}`);
    }
  }
  const secs = ((performance.now() - start) / 1000).toFixed(1);
  console.log(
    `${to - from + 1} mutants of ${seeds.length} seed modules in ${secs} s: ${counts.module} modules, ` +
      `${counts.rejected} typed errors, ${counts.finding} findings; slowest ${slowest.toFixed(0)} ms`,
  );
  if (counts.finding > 0) process.exitCode = 1;
}

main();
