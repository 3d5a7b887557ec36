// One-line error messages for the command, with the JS stack only when asked for.

import { CompileError, FEATURE_NAMES, type Feature } from '@wasmts/environ';
import type { WatError } from '@wasmts/wat';
import { kebab } from './features.js';
import { colors } from './progress.js';

/** An error the command reports as `error: <message>` and exits with `exitCode`. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Errors of the runtime that describe the input or a limit the user set, printed as they are (no "internal error"). */
const USER_FACING = new Set(['ResourceLimitError', 'PoolingLimitError']);

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

/** For "<proposal> support is not enabled": which `--features` switch turns it on. */
function featureHint(message: string): string {
  const m = /^(.+) support is not enabled/.exec(message);
  if (m === null) return '';
  const key = (Object.keys(FEATURE_NAMES) as Feature[]).find((k) => FEATURE_NAMES[k] === m[1]);
  return key === undefined ? '' : ` (the module uses the ${m[1]} proposal, which is off: --features +${kebab(key)})`;
}

/** The one-line description of an error met while processing `file`. */
export function describeError(error: unknown, file?: string): string {
  const where = file === undefined ? '' : `${file}: `;
  if (error instanceof CompileError || isNamed(error, 'CompileError')) {
    const message = (error as Error).message;
    return `${where}${message}${featureHint(message)}`;
  }
  if (isNamed(error, 'WatError')) {
    const e = error as WatError;
    // The parser's message starts with its own `file:line:column: `; print the file the user named.
    const position = `${e.line}:${e.column}: `;
    const at = e.message.indexOf(position);
    const text = at >= 0 ? e.message.slice(at + position.length) : e.message;
    return `${file === undefined ? '' : `${file}:`}${position}${text}`;
  }
  if (error instanceof CliError) return `${where}${error.message}`;
  if (error instanceof Error && USER_FACING.has(error.name)) return `${where}${error.message}`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `${where}no such file or directory`;
  if (code === 'EISDIR') return `${where}is a directory`;
  if (code === 'EACCES') return `${where}permission denied`;
  if (error instanceof Error) return `${where}internal error: ${error.name}: ${error.message}`;
  return `${where}${String(error)}`;
}

/** Prints `error: ...` to stderr (and the stack with `debug`); returns the exit code to use. */
export function reportError(error: unknown, file: string | undefined, debug: boolean): number {
  process.stderr.write(`${colors.bold(colors.red('error:'))} ${describeError(error, file)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return error instanceof CliError ? error.exitCode : 1;
}
