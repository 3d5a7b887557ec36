// The engine a WAST run talks to. Module-level mode needs only `compile`; a host that can also
// instantiate and invoke (through the public `wasmts` API, in a later issue) adds an executor.

import { decodeModule, type WasmFeatures } from '@wasmts/environ';
import type { WastCommand } from '@wasmts/wat';

/** The outcome an executor reports for one command. */
export type ExecOutcome =
  | { readonly outcome: 'passed'; readonly message?: string }
  | { readonly outcome: 'failed'; readonly message: string }
  | { readonly outcome: 'skipped'; readonly message?: string };

/** Runs the commands that need execution: instantiation, registration, invocation and their assertions. */
export interface WastExecutor {
  /**
   * Runs one command. For `module`, `assert_unlinkable` and `assert_trap_module`, `compiled` is what
   * `WastHost.compile` returned for the command's module; the runner has already checked that it compiled.
   */
  execute(command: WastCommand, compiled: unknown): ExecOutcome;
  /** Called before each script's first command: scripts do not share instances or registrations. */
  beginScript?(file: string): void;
}

/** An engine for WAST scripts: compiles modules, and runs them when it has an executor. */
export interface WastHost {
  /** A short name for reports ("validate-only", "js", "wasm"). */
  readonly name: string;
  /** Decodes and validates module bytes; throws (a CompileError) when the module is rejected. */
  compile(bytes: Uint8Array): unknown;
  /** Present when the host can execute code; commands that need execution are skipped without it. */
  readonly executor?: WastExecutor;
  /** The same host for other features (a suite that predates a proposal the run turns on runs without it). */
  withFeatures?(features: WasmFeatures): WastHost;
}

/** A host that only decodes and validates, with `@wasmts/environ`. */
export function validateOnlyHost(features?: WasmFeatures): WastHost {
  return {
    name: 'validate-only',
    compile: (bytes) => decodeModule(bytes, features ? { features, validateBodies: true } : { validateBodies: true }),
    withFeatures: (other) => validateOnlyHost(other),
  };
}
