// pnpm bench [validate|programs|instantiate|threads|ttfc|compile|warmup|packages] [args]: runs one benchmark, or both (validate first, given the args;
// then programs), each in its own process so that one's garbage and JIT state do not weigh on the other's timings.
// `packages` is tools/npm-packages' bench: real npm packages through the drop-in WebAssembly against polywasm.
// `programs --engine jsc` runs the programs inside JavaScriptCore in Lockdown configuration (src/programs-jsc.ts).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const benches = {
  validate: 'validate.ts',
  programs: 'programs.ts',
  instantiate: 'instantiate.ts',
  threads: 'threads.ts',
  ttfc: 'ttfc.ts',
  compile: 'compile.ts',
  warmup: 'warmup.ts',
} as const;

function run(file: string, rest: string[]): void {
  const { status, signal } = spawnSync(process.execPath, ['--import', 'tsx', resolve(here, file), ...rest], {
    stdio: 'inherit',
  });
  if (status !== 0) {
    console.error(`${file} failed (${signal ?? `exit ${status}`})`);
    process.exit(status ?? 1);
  }
}

const first = args[0];
if (first === 'packages') {
  const { status } = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', resolve(here, '../../npm-packages/src/bench.ts'), ...args.slice(1)],
    { stdio: 'inherit', cwd: resolve(here, '../../npm-packages') },
  );
  process.exit(status ?? 1);
}
const engine = args.indexOf('--engine');
if (first === 'programs' && engine !== -1 && args[engine + 1] !== 'v8') {
  if (args[engine + 1] !== 'jsc') {
    console.error(`unknown engine ${args[engine + 1]} (v8 or jsc)`);
    process.exit(2);
  }
  run('programs-jsc.ts', args.slice(1));
} else if (
  first === 'validate' ||
  first === 'programs' ||
  first === 'instantiate' ||
  first === 'threads' ||
  first === 'ttfc' ||
  first === 'compile' ||
  first === 'warmup'
) {
  run(
    benches[first],
    args.slice(1).filter((a, i, all) => a !== '--engine' && all[i - 1] !== '--engine'),
  );
} else {
  run(benches.validate, args);
  run(benches.programs, []);
}
