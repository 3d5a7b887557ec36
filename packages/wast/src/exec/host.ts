// A WastHost that executes scripts through the public `wasmts` API: one store and linker per script, the
// spectest module, registration, actions and every assertion kind.

import type { WasmFeatures } from '@wasmts/environ';
import type { WastAction, WastCommand } from '@wasmts/wat';
import {
  BackendError,
  Config,
  Engine,
  Func,
  type Instance,
  LinkError,
  Linker,
  Module,
  Store,
  Trap,
  TrapCode,
  UncaughtWasmException,
  type Val,
} from 'wasmts';
import type { ExecOutcome, WastExecutor, WastHost } from '../host.js';
import { defineSpectest } from './spectest.js';
import { HostRefs, matches, showExpected, showVal, toVal } from './values.js';

/** Options of the executing host. */
export interface ExecutingHostOptions {
  /** Proposals modules may use (Wasm 3.0 by default). */
  features?: WasmFeatures;
  /**
   * The backend (default 'auto'). Under 'wasm', a script whose module the host cannot run through the
   * API (a `BackendError`: a proposal the host lacks, or v128 in an export's signature) is skipped from
   * that module on, with the reason.
   */
  backend?: 'js' | 'wasm' | 'auto';
}

const passed: ExecOutcome = { outcome: 'passed' };
const failed = (message: string): ExecOutcome => ({ outcome: 'failed', message });

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** Per-script state: the store, the linker and the named modules and instances. */
class ScriptState {
  readonly store: Store<unknown>;
  readonly linker: Linker<unknown>;
  readonly refs = new HostRefs();
  readonly instances = new Map<string, Instance>();
  readonly definitions = new Map<string, Module>();
  current: Instance | null = null;
  /** Why the rest of the script is skipped (the backend cannot run one of its modules), or null. */
  unsupported: string | null = null;

  constructor(engine: Engine) {
    this.store = new Store<unknown>(engine, null);
    this.linker = new Linker<unknown>(engine).allowShadowing(true);
    defineSpectest(this.linker, this.store);
  }
}

/** Runs the execution commands of scripts through `wasmts`. */
class Executor implements WastExecutor {
  private readonly engine: Engine;
  private state: ScriptState;

  constructor(engine: Engine) {
    this.engine = engine;
    this.state = new ScriptState(engine);
  }

  beginScript(): void {
    this.state = new ScriptState(this.engine);
  }

  execute(command: WastCommand, compiled: unknown): ExecOutcome {
    const s = this.state;
    if (compiled instanceof Unsupported) s.unsupported ??= compiled.reason;
    if (s.unsupported !== null) return { outcome: 'skipped', message: `not run on this backend: ${s.unsupported}` };
    switch (command.type) {
      case 'module': {
        const module = compiled as Module;
        const name = command.module.name;
        if (command.definition) {
          if (name !== undefined) s.definitions.set(name, module);
          return passed;
        }
        if (name !== undefined) s.definitions.set(name, module);
        try {
          const inst = s.linker.instantiate(s.store, module);
          s.current = inst;
          if (name !== undefined) s.instances.set(name, inst);
          return passed;
        } catch (e) {
          return failed(`instantiation failed: ${describe(e)}`);
        }
      }
      case 'module_instance': {
        const module = s.definitions.get(command.module);
        if (module === undefined) return failed(`unknown module definition ${command.module}`);
        try {
          const inst = s.linker.instantiate(s.store, module);
          s.current = inst;
          if (command.instance !== undefined) s.instances.set(command.instance, inst);
          return passed;
        } catch (e) {
          return failed(`instantiation failed: ${describe(e)}`);
        }
      }
      case 'register': {
        const inst = this.instance(command.name);
        if (inst === null) return failed(`no module to register${command.name ? ` (${command.name})` : ''}`);
        s.linker.instance(s.store, command.as, inst);
        return passed;
      }
      case 'action': {
        const r = this.run(command.action);
        return r.ok ? passed : failed(describe(r.error));
      }
      case 'assert_return': {
        const r = this.run(command.action);
        if (!r.ok) return failed(`expected results, got ${describe(r.error)}`);
        if (r.values.length !== command.expected.length)
          return failed(`expected ${command.expected.length} results, got ${r.values.length}`);
        for (let i = 0; i < r.values.length; i++) {
          if (!matches(r.values[i], command.expected[i], s.refs))
            return failed(`result ${i}: expected ${showExpected(command.expected[i])}, got ${showVal(r.values[i])}`);
        }
        return passed;
      }
      case 'assert_trap':
      case 'assert_exhaustion': {
        const r = this.run(command.action);
        if (r.ok)
          return failed(`expected a trap "${command.text}", got ${r.values.map(showVal).join(', ') || 'no results'}`);
        return this.checkTrap(r.error, command.text, command.type === 'assert_exhaustion');
      }
      case 'assert_trap_module': {
        try {
          s.linker.instantiate(s.store, compiled as Module);
          return failed(`expected a trap "${command.text}" during instantiation, but it succeeded`);
        } catch (e) {
          return this.checkTrap(e, command.text, false);
        }
      }
      case 'assert_exception': {
        const r = this.run(command.action);
        if (r.ok) return failed('expected an uncaught exception, got results');
        return r.error instanceof UncaughtWasmException
          ? passed
          : failed(`expected an exception, got ${describe(r.error)}`);
      }
      case 'assert_unlinkable': {
        try {
          s.linker.instantiate(s.store, compiled as Module);
          return failed(`expected a link error "${command.text}", but it linked`);
        } catch (e) {
          if (!(e instanceof LinkError)) return failed(`expected a link error "${command.text}", got ${describe(e)}`);
          return e.message.includes(command.text)
            ? passed
            : { outcome: 'passed', message: `message "${e.message}", expected "${command.text}"` };
        }
      }
      default:
        return { outcome: 'skipped', message: `not executed: ${command.type}` };
    }
  }

  private checkTrap(e: unknown, text: string, exhaustion: boolean): ExecOutcome {
    if (!(e instanceof Trap)) return failed(`expected a trap "${text}", got ${describe(e)}`);
    if (exhaustion && e.code !== TrapCode.StackOverflow)
      return failed(`expected stack exhaustion, got trap "${e.message}"`);
    if (e.message.startsWith(text) || e.message.includes(text)) return passed;
    // the suite sometimes appends detail the engine does not print ("uninitialized element 2")
    if (text.startsWith(e.message)) return { outcome: 'passed', message: `trap "${e.message}", expected "${text}"` };
    return failed(`expected trap "${text}", got "${e.message}"`);
  }

  private instance(name: string | undefined): Instance | null {
    return name === undefined ? this.state.current : (this.state.instances.get(name) ?? null);
  }

  private run(action: WastAction): { ok: true; values: Val[] } | { ok: false; error: unknown } {
    const inst = this.instance(action.module);
    if (inst === null) return { ok: false, error: new Error(`unknown module ${action.module ?? '(current)'}`) };
    try {
      if (action.type === 'get') {
        const g = inst.getGlobal(action.name);
        if (g === undefined) return { ok: false, error: new Error(`no exported global "${action.name}"`) };
        return { ok: true, values: [g.get()] };
      }
      const f = inst.getExport(action.name);
      if (!(f instanceof Func)) return { ok: false, error: new Error(`no exported function "${action.name}"`) };
      const args = action.args.map((a) => toVal(a, this.engine, this.state.refs));
      return { ok: true, values: f.call(this.state.store, args) };
    } catch (error) {
      return { ok: false, error };
    }
  }
}

/** A module the backend cannot run (see `ExecutingHostOptions.backend`). */
class Unsupported {
  constructor(readonly reason: string) {}
}

/** A WastHost that compiles with `wasmts` and executes every command. */
export function executingHost(options: ExecutingHostOptions = {}): WastHost {
  const config = new Config({ backend: options.backend ?? 'auto' });
  if (options.features !== undefined) config.features = options.features;
  const engine = new Engine(config);
  return {
    name: engine.backend,
    compile: (bytes) => {
      try {
        return Module.fromBinary(engine, bytes);
      } catch (e) {
        if (e instanceof BackendError) return new Unsupported(e.message);
        throw e;
      }
    },
    executor: new Executor(engine),
  };
}
