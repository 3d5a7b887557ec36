// The `wasmts` command line, built with commander. Commands load their modules when they run, so
// `--help` and `--version` do not pay for loading the decoder and the text parser.

import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { reportError } from './errors.js';
import { FEATURES_HELP, parseFeatures } from './features.js';

/** The version in apps/cli/package.json (the same relative path from src/ and dist/). */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function featuresOption(): Option {
  return new Option('--features <list>', FEATURES_HELP).argParser((value) => {
    try {
      return parseFeatures(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  });
}

/** Builds the `wasmts` program; actions set `process.exitCode`. */
export function createProgram(): Command {
  const program = new Command('wasmts')
    .description('A WebAssembly runtime in TypeScript: inspect modules and run spec .wast scripts.')
    .version(cliVersion(), '-V, --version', 'print the version')
    .option('--debug', 'print JavaScript stacks with errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ wasmts inspect module.wasm
  $ wasmts inspect --json module.wat
  $ wasmts wast --validate-only testsuite/`,
    );

  program
    .command('wast')
    .summary('run WebAssembly spec .wast scripts')
    .description(
      'Run WebAssembly spec .wast scripts and report passed, failed and skipped commands per file. ' +
        'Folders are searched recursively for *.wast. By default every command is executed with the js ' +
        'backend (through the wasmts API); with --validate-only modules are only decoded and validated and ' +
        'commands that need execution are counted as skipped.',
    )
    .argument('<paths...>', '.wast files or folders')
    .option('--validate-only', 'only decode and validate modules; skip commands that need execution', false)
    .option('--json <file>', 'also write the per-file counts by command kind to <file> as JSON')
    .option('-v, --verbose', 'also print notes on passed commands, per-kind counts and timings', false)
    .addOption(featuresOption())
    .addOption(
      new Option(
        '--backend <backend>',
        'execution backend (default js; wasm and auto fall back to js for now)',
      ).choices(['js', 'wasm', 'auto']),
    )
    .addHelpText(
      'after',
      `
Output: one line per file ("<file>: N passed, N failed, N skipped", failures listed under it),
then a last line with the totals. The exit code is 1 if any command failed.

Examples:
  $ wasmts wast /path/to/testsuite/*.wast
  $ wasmts wast --backend js /path/to/testsuite/i32.wast
  $ wasmts wast --validate-only /path/to/testsuite/*.wast
  $ wasmts wast --validate-only --json report.json /path/to/testsuite
  $ wasmts wast --features=-simd,-gc my-tests/`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { debug } = command.optsWithGlobals<{ debug?: boolean }>();
      try {
        const { wastCommand } = await import('./wast.js');
        process.exitCode = wastCommand(paths, {
          validateOnly: options.validateOnly === true,
          verbose: options.verbose === true,
          json: options.json,
          features: options.features,
          backend: options.backend,
        });
      } catch (error) {
        process.exitCode = reportError(error, undefined, debug === true);
      }
    });

  program
    .command('inspect')
    .summary('describe a module: sections, types, imports, exports, ...')
    .description(
      'Decode and validate a module (.wasm binary or .wat text) and print its sections, types, ' +
        'imports, exports, functions, tables, memories, globals, tags, custom sections and the ' +
        'features it uses.',
    )
    .argument('<module>', 'a .wasm or .wat file (told apart by content)')
    .option('--json', 'print the description as JSON', false)
    .addOption(featuresOption())
    .addHelpText(
      'after',
      `
Examples:
  $ wasmts inspect add.wasm
  $ wasmts inspect --json add.wat
  $ wasmts inspect --features=mvp old.wasm`,
    )
    .action(async (file: string, options, command: Command) => {
      const { debug } = command.optsWithGlobals<{ debug?: boolean }>();
      try {
        const { formatInspect, inspectFile } = await import('./inspect.js');
        const info = await inspectFile(file, options.features);
        process.stdout.write(options.json ? `${JSON.stringify(info, null, 2)}\n` : formatInspect(info));
      } catch (error) {
        process.exitCode = reportError(error, file, debug === true);
      }
    });

  return program;
}

/** Runs the command line `argv` (as in `process.argv`) and resolves to the exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  await createProgram().parseAsync([...argv]);
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
