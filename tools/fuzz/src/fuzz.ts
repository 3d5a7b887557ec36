// Differential fuzzing: random valid modules from binaryen's `wasm-opt --translate-to-fuzz` (Debian
// `binaryen`), each run on the host engine, the wasmts wasm backend and the wasmts JS backend (src/diff.ts).
//
// Usage: node --import tsx src/fuzz.ts [--seeds FROM..TO] [--bytes N] [--features node20,NAME,...] [--keep DIR]
//                                      [--write-corpus DIR]
// Each seed gives the same module on every machine with the same wasm-opt (a seeded PRNG makes the input
// bytes). A module whose sides disagree is written to --keep (default: failures/) with what differed.
// Exit status 1 when any module disagrees.
//
// With --mutate [--suite DIR]: mutation fuzzing (src/mutate.ts) of the decoder, validator, text parser and
// code generation, seeded from the spec suite's modules (default ../shared/testsuite beside the repository);
// each seed number is one mutant, and a finding is written to --keep.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compare } from './diff.js';
import { generate, NODE20_FEATURES } from './generate.js';
import { mutant, runMutant, suiteSeeds } from './mutate.js';

function main(): void {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '1..100' },
      bytes: { type: 'string', default: '4000' },
      features: { type: 'string', default: 'node20' },
      keep: { type: 'string', default: 'failures' },
      'write-corpus': { type: 'string' },
      mutate: { type: 'boolean', default: false },
      suite: { type: 'string', default: resolve(import.meta.dirname, '../../../../shared/testsuite') },
    },
  });
  const m = /^(\d+)\.\.(\d+)$/.exec(values.seeds);
  if (m === null) throw new Error('--seeds FROM..TO');
  const [from, to] = [Number(m[1]), Number(m[2])];
  if (values.mutate) {
    mutationCampaign(values.suite, from, to, values.keep);
    return;
  }
  const size = Number(values.bytes);
  // `node20`, `default` (binaryen's: MVP) or binaryen feature names (`exception-handling` -> --enable-...)
  const features = values.features
    .split(',')
    .flatMap((f) => (f === 'node20' ? NODE20_FEATURES : f === 'default' || f === '' ? [] : [`--enable-${f}`]));
  let failed = 0;
  let compared = 0;
  let calls = 0;
  for (let seed = from; seed <= to; seed++) {
    let bytes: Uint8Array;
    try {
      bytes = generate(seed, size, features);
    } catch (e) {
      console.log(`seed ${seed}: wasm-opt failed: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    if (values['write-corpus'] !== undefined) {
      mkdirSync(values['write-corpus'], { recursive: true });
      writeFileSync(join(values['write-corpus'], `seed-${seed}.wasm`), bytes);
    }
    const v = compare(bytes);
    compared++;
    if ('calls' in v.js) calls += v.js.calls.length;
    const sides = [v.native, v.wasm, v.js].map((s) => ('unavailable' in s ? `- (${s.unavailable})` : 'ran'));
    if (v.differences.length > 0) {
      failed++;
      const dir = resolve(values.keep);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `seed-${seed}.wasm`), bytes);
      writeFileSync(join(dir, `seed-${seed}.txt`), `${v.differences.join('\n')}\n`);
      console.log(`seed ${seed}: DIFFERS (native ${sides[0]}, wasm ${sides[1]}, js ${sides[2]})`);
      for (const d of v.differences) console.log(`  ${d}`);
    } else console.log(`seed ${seed}: agree (native ${sides[0]}, wasm ${sides[1]}, js ${sides[2]})`);
  }
  console.log(`${compared} modules, ${calls} calls on the JS backend, ${failed} differ`);
  if (failed > 0) process.exitCode = 1;
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
