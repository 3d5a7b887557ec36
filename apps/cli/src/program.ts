// The `wasmts` command line, built with commander. Commands load their modules when they run, so
// `--help` and `--version` do not pay for loading the decoder and the text parser.

import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CliError, reportError } from './errors.js';
import { FEATURES_HELP, parseFeatures } from './features.js';
import { parseWasiSettings, parseWasmSettings, WASI_SETTINGS_HELP, WASM_SETTINGS_HELP } from './option-groups.js';

/** The version in apps/cli/package.json (the same relative path from src/ and dist/). */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseCount(value: string): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

/** `--backend js|wasm|auto`, shared by every command that compiles code. */
function backendOption(): Option {
  return new Option(
    '--backend <backend>',
    'execution backend: js (generated JavaScript), wasm (the host WebAssembly engine, instrumented) or auto (default: wasm where the host supports the module, else js)',
  )
    .choices(['js', 'wasm', 'auto'])
    .default('auto');
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
    .description(
      'A WebAssembly runtime in TypeScript: run WASI programs, compile modules ahead of time, inspect modules and ' +
        'run spec .wast scripts.',
    )
    .version(cliVersion(), '-V, --version', 'print the version')
    .option('--debug', 'print JavaScript stacks with errors')
    // options after a subcommand belong to it (so `run` can pass everything after the module to the guest)
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ wasmts run hello.wasm
  $ wasmts run --dir .::/work --env NAME=value program.wasm arg1 arg2
  $ wasmts run --invoke add module.wat 1 2
  $ wasmts compile module.wasm -o module.wasmts
  $ wasmts run --allow-precompiled module.wasmts
  $ wasmts inspect module.wasm
  $ wasmts inspect --json module.wat
  $ wasmts wast --validate-only testsuite/`,
    );

  program
    .command('run')
    .summary('run a WASI program, or call one export with --invoke')
    .description(
      'Compile a module (.wasm binary or .wat text), link WASI preview1 (wasi_snapshot_preview1) and run its ' +
        '`_start` with ARGS as its arguments; the exit code is the one the program passes to proc_exit. With ' +
        '--invoke, call that export instead with ARGS parsed by its parameter types and print each result on ' +
        'a line. An artifact of `wasmts compile` is loaded without compiling again (a corrupted one, or one ' +
        'of another version or other settings, is refused with one error line). ' +
        'A trap prints the trap and the wasm backtrace to stderr and exits 134 (128 + SIGABRT, as ' +
        'wasmtime does on Unix). Everything after the module goes to the guest, as with `wasmtime run` ' +
        '(`wasmts run prog.wasm --help` passes --help to prog); `wasmts prog.wasm` is `wasmts run prog.wasm`.',
    )
    .argument('<module>', 'a .wasm or .wat file, or a .wasmts artifact of `wasmts compile` (told apart by content)')
    .argument('[args...]', "the program's arguments (argv[1..]), or the values for --invoke")
    .option('--dir <HOST[::GUEST]>', 'preopen host directory HOST as GUEST (default: as HOST); repeatable', collect, [])
    .option(
      '--env <NAME=VALUE>',
      'set a variable in the environment (NAME alone: the host value); repeatable',
      collect,
      [],
    )
    .option('--inherit-env', "pass the host's whole environment (before --env; also -S inherit-env)", false)
    .option('--invoke <name>', 'call this export instead of _start and print its results')
    .option('--fuel <n>', 'run with N units of fuel; running out traps (also -W fuel=N)', parseCount)
    .option('-W, --wasm <settings>', WASM_SETTINGS_HELP, collect, [])
    .option('-S, --wasi <settings>', WASI_SETTINGS_HELP, collect, [])
    .option(
      '--allow-precompiled',
      'allow running an artifact of `wasmts compile` (its code runs as the host: only for artifacts you trust)',
      false,
    )
    .addOption(backendOption())
    .addOption(featuresOption())
    .option(
      '--preload <NAME=PATH>',
      'instantiate PATH first and link its exports as module NAME; repeatable',
      collect,
      [],
    )
    .passThroughOptions()
    .addHelpText(
      'after',
      `
Examples:
  $ wasmts run hello.wasm
  $ wasmts run --dir ./data::/data --env LANG=C program.wasm input.txt
  $ wasmts run --dir . --inherit-env program.wasm --verbose
  $ wasmts run --invoke add add.wat 2 3
  $ wasmts run --fuel 1000000 spin.wasm
  $ wasmts run -W fuel=1000000,max-memory-size=16MiB -W timeout=2s -S inherit-env program.wasm
  $ wasmts run --allow-precompiled app.wasmts  # an artifact of \`wasmts compile\`: no compilation
  $ wasmts run --preload env=lib.wasm app.wasm`,
    )
    .action(async (file: string, args: string[], options, command: Command) => {
      const { debug } = command.optsWithGlobals<{ debug?: boolean }>();
      try {
        if (file.startsWith('-')) throw new CliError(`unknown option '${file}'`);
        const { runCommand } = await import('./run.js');
        process.exitCode = await runCommand(file, args, {
          dirs: options.dir,
          env: options.env,
          inheritEnv: options.inheritEnv === true,
          invoke: options.invoke,
          fuel: options.fuel,
          backend: options.backend,
          preload: options.preload,
          allowPrecompiled: options.allowPrecompiled === true,
          features: options.features,
          wasm: parseWasmSettings(options.wasm),
          wasi: parseWasiSettings(options.wasi),
        });
      } catch (error) {
        process.exitCode = reportError(error, error instanceof CliError ? undefined : file, debug === true);
      }
    });

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
    .addOption(backendOption())
    .option(
      '--fuel <n>',
      "compile with fuel metering and give each script's store <n> units (the instrumentation runs; an OutOfFuel trap fails the command)",
      parseCount,
    )
    .option(
      '--epoch-interruption',
      "compile with epoch checks (each store's deadline far away: the checks run, never trap)",
      false,
    )
    .option('--ir', "JS backend: translate the functions codegen's IR covers through its IR pipeline", false)
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
  $ wasmts wast --features=-simd,-gc my-tests/
  $ wasmts wast --backend wasm --fuel 1000000000000 --epoch-interruption /path/to/testsuite`,
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
          fuel: options.fuel,
          epochInterruption: options.epochInterruption === true,
          irPipeline: options.ir === true,
        });
      } catch (error) {
        process.exitCode = reportError(error, undefined, debug === true);
      }
    });

  program
    .command('compile')
    .summary('compile a module ahead of time into a .wasmts artifact that run loads without compiling')
    .description(
      'Decode, validate and compile a module (.wasm binary or .wat text) and write the artifact of ' +
        '`Module.serialize()` (or with --format esm|cjs the JS module of `Module.serializeJs()`, for an app to ' +
        'bundle and load with `Module.fromPrecompiled`): the wasm bytes and the generated JavaScript behind a magic header, the ' +
        'artifact version and the engine settings, with a CRC-32. `wasmts run` and `wasmts inspect` (and ' +
        '`Module.deserialize` in the API) load it without generating code again. The artifact is a binary ' +
        'file whatever its name (default: the input with the .wasmts extension). It only loads in the same ' +
        'wasmts version and for the same engine settings: to run it with `run --fuel N`, compile it with ' +
        '--consume-fuel (and then always run it with --fuel).',
    )
    .argument('<module>', 'a .wasm or .wat file (told apart by content)')
    .option('-o, --output <file>', 'where to write the artifact (default: <module> with the .wasmts extension)')
    .addOption(featuresOption())
    .option('--consume-fuel', 'compile with fuel metering, for `wasmts run --fuel N`', false)
    .addOption(backendOption())
    .addOption(
      new Option(
        '--js-target <target>',
        "the host the JS backend shapes its code for: interpreter (no optimizing JIT: React Native's Hermes, iOS " +
          'Lockdown Mode, node --jitless), jit (V8 with its JIT) or auto (default: the host compiling)',
      )
        .choices(['auto', 'jit', 'interpreter'])
        .default('auto'),
    )
    .addOption(
      new Option(
        '--format <format>',
        'what to write: artifact (the binary artifact that `run` and `Module.deserialize` load), or the ' +
          "JS backend's code as an ES module (esm) or CommonJS module (cjs) for an app's bundle, which " +
          '`Module.fromPrecompiled` loads with no `new Function` (React Native, pages without unsafe-eval)',
      )
        .choices(['artifact', 'esm', 'cjs'])
        .default('artifact'),
    )
    .addOption(
      new Option(
        '--group-kb <kb>',
        'with --format esm|cjs: put the functions in group modules of about this many KB of code each beside the ' +
          'JS module (app.wasmts.g0.cjs, ...), loaded on the first call of one of their functions (cjs) or imported ' +
          '(esm), so that a compiler such as hermesc compiles a large module file by file in bounded memory',
      ).argParser((v) => Number(v)),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ wasmts compile hello.wasm                  # writes hello.wasmts
  $ wasmts run --allow-precompiled hello.wasmts
  $ wasmts compile -o app.wasmts app.wat
  $ wasmts compile --consume-fuel -o spin.wasmts spin.wasm
  $ wasmts run --allow-precompiled --fuel 1000000 spin.wasmts
  $ wasmts compile --js-target interpreter --format esm app.wasm   # app.wasmts.mjs, for React Native
  $ wasmts compile --js-target interpreter --format cjs --group-kb 4000 big.wasm   # big.wasmts.cjs + .g<k>.cjs
  $ wasmts inspect hello.wasmts                # artifact version, settings and the module`,
    )
    .action(async (file: string, options, command: Command) => {
      const { debug } = command.optsWithGlobals<{ debug?: boolean }>();
      try {
        const { compileCommand } = await import('./compile.js');
        await compileCommand(file, {
          output: options.output,
          consumeFuel: options.consumeFuel === true,
          backend: options.backend,
          features: options.features,
          jsTarget: options.jsTarget,
          format: options.format,
          ...(options.groupKb !== undefined ? { groupKb: options.groupKb } : {}),
        });
      } catch (error) {
        process.exitCode = reportError(error, error instanceof CliError ? undefined : file, debug === true);
      }
    });

  program
    .command('inspect')
    .summary('describe a module: sections, types, imports, exports, ...')
    .description(
      'Decode and validate a module (.wasm binary or .wat text) and print its sections, types, ' +
        'imports, exports, functions, tables, memories, globals, tags, custom sections and the ' +
        'features it uses. For an artifact of `wasmts compile`, first its version and the settings it ' +
        'was compiled for (the artifact is checked as `run` would load it).',
    )
    .argument('<module>', 'a .wasm or .wat file, or a .wasmts artifact (told apart by content)')
    .option('--json', 'print the description as JSON', false)
    .addOption(featuresOption())
    .addHelpText(
      'after',
      `
Examples:
  $ wasmts inspect add.wasm
  $ wasmts inspect --json add.wat
  $ wasmts inspect --features=mvp old.wasm
  $ wasmts inspect hello.wasmts`,
    )
    .action(async (file: string, options, command: Command) => {
      const { debug } = command.optsWithGlobals<{ debug?: boolean }>();
      try {
        const { formatInspect, inspectFile } = await import('./inspect.js');
        const info = await inspectFile(file, options.features);
        process.stdout.write(options.json ? `${JSON.stringify(info, null, 2)}\n` : formatInspect(info));
      } catch (error) {
        // artifact errors (CliError) already name the file
        process.exitCode = reportError(error, error instanceof CliError ? undefined : file, debug === true);
      }
    });

  return program;
}

/**
 * `argv` with `run` inserted where the first argument is a module rather than a command or an option
 * (`wasmts prog.wasm args...` is `wasmts run prog.wasm args...`, as with wasmtime).
 */
export function withImplicitRun(argv: readonly string[], program: Command): string[] {
  const out = [...argv];
  const first = out[2];
  if (first === undefined || first.startsWith('-')) return out;
  if (program.commands.some((c) => c.name() === first || c.aliases().includes(first)) || first === 'help') return out;
  out.splice(2, 0, 'run');
  return out;
}

/** Runs the command line `argv` (as in `process.argv`) and resolves to the exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const program = createProgram();
  await program.parseAsync(withImplicitRun(argv, program));
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
