// Runs a parsed WAST script command by command against a WastHost and counts the results. Host-neutral: no
// Node built-ins, so it also runs inside other engines (`@wasmts/wast/script`; see tools/hosts).

import { CompileError, type WasmFeatures } from '@wasmts/environ';
import { parseWast, parseWat, type WastCommand, type WastModule, WatError } from '@wasmts/wat';
import { validateOnlyHost, type WastHost } from './host.js';
import { legacyScriptFeatures } from './legacy.js';
import { type CommandKind, type CommandResult, emptyFileReport, type FileReport, recordResult } from './report.js';

/** Options of running one script's commands. */
export interface ScriptOptions {
  /**
   * Only decode and validate modules; commands that need execution are skipped. Execution does not
   * exist yet, so `false` currently behaves the same unless `host` has an executor.
   */
  validateOnly: boolean;
  /** Proposals modules may use; Wasm 3.0 by default. */
  features?: WasmFeatures;
  /** The engine to run against; defaults to the validate-only host over `@wasmts/environ`. */
  host?: WastHost;
}

/** A script's commands, or where and why its text did not parse. */
export type ParsedScript =
  | { readonly commands: readonly WastCommand[] }
  | { readonly parseError: { readonly message: string; readonly line: number } };

/** Commands that can only be checked by running code. */
const EXECUTION_COMMANDS: ReadonlySet<CommandKind> = new Set([
  'module_instance',
  'register',
  'action',
  'assert_return',
  'assert_trap',
  'assert_exhaustion',
  'assert_exception',
]);

/** Why a module did not compile: its text did not parse, its bytes did not decode or validate, or something broke. */
type RejectStage = 'text' | 'malformed' | 'invalid' | 'unexpected';

type CompileOutcome =
  | { readonly ok: true; readonly compiled: unknown }
  | { readonly ok: false; readonly stage: RejectStage; readonly message: string };

/** Parses script text; a text that does not parse is returned as its error, not thrown. */
export function parseScript(text: string, file: string): ParsedScript {
  try {
    return { commands: parseWast(text, { file }).commands };
  } catch (error) {
    const line = error instanceof WatError || isNamed(error, 'WatError') ? (error as WatError).line : 0;
    return { parseError: { message: describe(error), line } };
  }
}

/** Runs a parsed script's commands and returns its report. Never throws. */
export function runScript(script: ParsedScript, file: string, options: ScriptOptions): FileReport {
  const start = now();
  const report = emptyFileReport(file);
  let host = options.host ?? validateOnlyHost(options.features);
  const legacy = legacyScriptFeatures(file, options.features);
  if (legacy !== undefined && host.withFeatures !== undefined) {
    host = host.withFeatures(legacy.features);
    report.featureNote = legacy.note;
  }
  const execute = !options.validateOnly && host.executor !== undefined;
  try {
    if ('parseError' in script) {
      recordResult(report, {
        kind: 'script',
        line: script.parseError.line,
        outcome: 'failed',
        message: `script does not parse: ${script.parseError.message}`,
      });
      return report;
    }
    if (execute) host.executor!.beginScript?.(file);
    for (const command of script.commands) {
      let result: CommandResult;
      try {
        result = runCommand(command, host, execute, file);
      } catch (error) {
        result = { kind: command.type, line: command.line, outcome: 'failed', message: unexpected(error) };
      }
      recordResult(report, result);
    }
  } finally {
    report.durationMs = now() - start;
  }
  return report;
}

/** Milliseconds on the host's best clock (`performance` is missing on some engines). */
function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf !== undefined ? perf.now() : Date.now();
}

function runCommand(command: WastCommand, host: WastHost, execute: boolean, file: string): CommandResult {
  const kind = command.type;
  const line = command.line;
  const result = (outcome: CommandResult['outcome'], message?: string): CommandResult =>
    message === undefined ? { kind, line, outcome } : { kind, line, outcome, message };

  switch (command.type) {
    case 'module': {
      const compiled = compileModule(command.module, host, file);
      if (!compiled.ok) return result('failed', rejectedMessage(compiled));
      return execute ? { kind, line, ...host.executor!.execute(command, compiled.compiled) } : result('passed');
    }
    case 'assert_invalid':
    case 'assert_malformed': {
      const expected = command.type === 'assert_invalid' ? 'invalid' : 'malformed';
      const compiled = compileModule(command.module, host, file);
      if (compiled.ok) return result('failed', `expected a ${expected} module ("${command.text}"), but it compiled`);
      if (compiled.stage === 'unexpected') return result('failed', compiled.message);
      const notes: string[] = [];
      if (expected === 'invalid' && compiled.stage !== 'invalid')
        notes.push(`rejected as ${compiled.stage}, expected invalid`);
      if (expected === 'malformed' && compiled.stage === 'invalid')
        notes.push('rejected as invalid, expected malformed');
      if (!compiled.message.includes(command.text))
        notes.push(`message "${compiled.message}", expected "${command.text}"`);
      return result('passed', notes.length > 0 ? notes.join('; ') : undefined);
    }
    case 'assert_unlinkable':
    case 'assert_trap_module': {
      // The module itself must be valid; the link failure or trap needs execution.
      const compiled = compileModule(command.module, host, file);
      if (!compiled.ok) return result('failed', rejectedMessage(compiled));
      return execute ? { kind, line, ...host.executor!.execute(command, compiled.compiled) } : result('skipped');
    }
    default: {
      if (!EXECUTION_COMMANDS.has(kind)) return result('skipped', `unknown command ${String(kind)}`);
      return execute ? { kind, line, ...host.executor!.execute(command, undefined) } : result('skipped');
    }
  }
}

/** Turns a script module into bytes and hands them to the host, classifying any rejection. */
function compileModule(module: WastModule, host: WastHost, file: string): CompileOutcome {
  try {
    let bytes: Uint8Array;
    if (module.kind === 'text') {
      if (module.error !== undefined) throw module.error;
      if (module.bytes === undefined) throw new TypeError('text module has neither bytes nor an error');
      bytes = module.bytes;
    } else if (module.kind === 'quote') {
      bytes = parseWat(module.source, { file });
    } else {
      bytes = module.bytes;
    }
    return { ok: true, compiled: host.compile(bytes) };
  } catch (error) {
    if (error instanceof CompileError || isNamed(error, 'CompileError')) {
      const e = error as CompileError;
      return { ok: false, stage: e.kind, message: e.rawMessage ?? e.message };
    }
    if (error instanceof WatError || isNamed(error, 'WatError')) {
      return { ok: false, stage: 'text', message: watMessage(error as WatError, module.kind === 'quote') };
    }
    return { ok: false, stage: 'unexpected', message: unexpected(error) };
  }
}

function rejectedMessage(outcome: { stage: RejectStage; message: string }): string {
  switch (outcome.stage) {
    case 'unexpected':
      return outcome.message;
    case 'text':
      return `module text does not parse: ${outcome.message}`;
    default:
      return `module is ${outcome.stage}: ${outcome.message}`;
  }
}

/** A WatError's message without the parser's `file:line:column: ` prefix, with the position after it. */
function watMessage(error: WatError, quoted: boolean): string {
  const position = `${error.line}:${error.column}`;
  const at = error.message.indexOf(`${position}: `);
  const text = at >= 0 ? error.message.slice(at + position.length + 2) : error.message;
  return `${text} (at ${quoted ? 'quoted text ' : ''}${position})`;
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

/** An error's message. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unexpected(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return `unexpected ${name}: ${describe(error)}`;
}
