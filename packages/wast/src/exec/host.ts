// A WastHost that executes scripts through the public `wasmts` API: one store and linker per script, the
// spectest module, registration, actions and every assertion kind.

import { decodeModule, type WasmFeatures } from '@wasmts/environ';
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
   * The backend (default 'auto'). Under 'wasm', a module the host cannot run through the API (a
   * `BackendError`: a proposal the host lacks, or v128 in an export's signature) is skipped with the
   * reason, and so is every command that uses its instance or links to it.
   */
  backend?: 'js' | 'wasm' | 'auto';
  /**
   * Compile with fuel metering and give each script's store this much fuel: the fuel instrumentation runs
   * under every command (running out fails the command that ran out).
   */
  fuel?: number;
  /** Compile with epoch checks; each store's deadline is far away, so the checks run and never trap. */
  epochInterruption?: boolean;
  /** JS backend: translate through codegen's IR pipeline the functions it covers (`Config.irPipeline`). */
  irPipeline?: boolean;
}

const passed: ExecOutcome = { outcome: 'passed' };
/** A command this backend cannot run (see `ExecutingHostOptions.backend`). */
const skipped = (u: Unsupported): ExecOutcome => ({
  outcome: 'skipped',
  message: `not run on this backend: ${u.reason}`,
});
const failed = (message: string): ExecOutcome => ({ outcome: 'failed', message });

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** A module the backend cannot run (see `ExecutingHostOptions.backend`), and why. */
class Unsupported {
  constructor(
    readonly reason: string,
    /** The module names it imports from: had it run, it could have changed their instances' state. */
    readonly importsFrom: readonly string[] = [],
  ) {}
}

/** Per-script state: the store, the linker and the named modules and instances. */
class ScriptState {
  readonly store: Store<unknown>;
  readonly linker: Linker<unknown>;
  readonly refs = new HostRefs();
  readonly instances = new Map<string, Instance | Unsupported>();
  readonly definitions = new Map<string, Module | Unsupported>();
  current: Instance | Unsupported | null = null;
  /** Registered module names whose instance the backend could not create, with the reason. */
  readonly unsupportedRegistrations = new Map<string, Unsupported>();
  /** The instance registered under each name. */
  readonly registered = new Map<string, Instance>();

  constructor(engine: Engine, options: ExecutingHostOptions) {
    this.store = new Store<unknown>(engine, null);
    if (options.fuel !== undefined) this.store.setFuel(options.fuel);
    if (options.epochInterruption === true) this.store.setEpochDeadline(2 ** 40);
    this.linker = new Linker<unknown>(engine).allowShadowing(true);
    defineSpectest(this.linker, this.store);
  }
}

/** Runs the execution commands of scripts through `wasmts`. */
class Executor implements WastExecutor {
  private readonly engine: Engine;
  private readonly options: ExecutingHostOptions;
  private state: ScriptState;

  constructor(engine: Engine, options: ExecutingHostOptions) {
    this.engine = engine;
    this.options = options;
    this.state = new ScriptState(engine, options);
  }

  beginScript(): void {
    this.state = new ScriptState(this.engine, this.options);
  }

  execute(command: WastCommand, compiled: unknown): ExecOutcome {
    const s = this.state;
    switch (command.type) {
      case 'module': {
        const name = command.module.name;
        const module = this.runnable(compiled as Module | Unsupported);
        if (command.definition) {
          if (name !== undefined) s.definitions.set(name, module);
          return module instanceof Unsupported ? skipped(module) : passed;
        }
        if (name !== undefined) s.definitions.set(name, module);
        if (module instanceof Unsupported) {
          s.current = module;
          if (name !== undefined) s.instances.set(name, module);
          return skipped(module);
        }
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
        const found = s.definitions.get(command.module);
        if (found === undefined) return failed(`unknown module definition ${command.module}`);
        const module = this.runnable(found);
        if (module instanceof Unsupported) {
          s.current = module;
          if (command.instance !== undefined) s.instances.set(command.instance, module);
          return skipped(module);
        }
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
        if (inst instanceof Unsupported) {
          s.unsupportedRegistrations.set(command.as, inst);
          return skipped(inst);
        }
        s.unsupportedRegistrations.delete(command.as);
        s.registered.set(command.as, inst);
        s.linker.instance(s.store, command.as, inst);
        return passed;
      }
      case 'action': {
        const r = this.run(command.action);
        if (!r.ok && r.error instanceof Unsupported) return skipped(r.error);
        return r.ok ? passed : failed(describe(r.error));
      }
      case 'assert_return': {
        const r = this.run(command.action);
        if (!r.ok && r.error instanceof Unsupported) return skipped(r.error);
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
        if (!r.ok && r.error instanceof Unsupported) return skipped(r.error);
        if (r.ok)
          return failed(`expected a trap "${command.text}", got ${r.values.map(showVal).join(', ') || 'no results'}`);
        return this.checkTrap(r.error, command.text, command.type === 'assert_exhaustion');
      }
      case 'assert_trap_module': {
        const module = this.runnable(compiled as Module | Unsupported);
        if (module instanceof Unsupported) return skipped(module);
        try {
          s.linker.instantiate(s.store, compiled as Module);
          return failed(`expected a trap "${command.text}" during instantiation, but it succeeded`);
        } catch (e) {
          return this.checkTrap(e, command.text, false);
        }
      }
      case 'assert_exception': {
        const r = this.run(command.action);
        if (!r.ok && r.error instanceof Unsupported) return skipped(r.error);
        if (r.ok) return failed('expected an uncaught exception, got results');
        return r.error instanceof UncaughtWasmException
          ? passed
          : failed(`expected an exception, got ${describe(r.error)}`);
      }
      case 'assert_unlinkable': {
        const module = this.runnable(compiled as Module | Unsupported);
        if (module instanceof Unsupported) return skipped(module);
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

  /**
   * The module, or why this backend cannot run it (itself, or a registered module it imports from). A
   * module that cannot run taints the instances it imports from: it might have written to their memories
   * or tables, so later commands on them are skipped too.
   */
  private runnable(module: Module | Unsupported): Module | Unsupported {
    const s = this.state;
    if (module instanceof Unsupported) {
      for (const name of module.importsFrom) {
        const inst = s.registered.get(name);
        if (inst === undefined) continue;
        const u = new Unsupported(`a module this backend cannot run imports from it: ${module.reason}`);
        s.unsupportedRegistrations.set(name, u);
        s.registered.delete(name);
        for (const [k, v] of s.instances) if (v === inst) s.instances.set(k, u);
        if (s.current === inst) s.current = u;
      }
      return module;
    }
    for (const imp of module.imports()) {
      const u = this.state.unsupportedRegistrations.get(imp.module);
      if (u !== undefined) return new Unsupported(`it imports from \`${imp.module}\`: ${u.reason}`);
    }
    return module;
  }

  private instance(name: string | undefined): Instance | Unsupported | null {
    return name === undefined ? this.state.current : (this.state.instances.get(name) ?? null);
  }

  private run(action: WastAction): { ok: true; values: Val[] } | { ok: false; error: unknown } {
    const inst = this.instance(action.module);
    if (inst === null) return { ok: false, error: new Error(`unknown module ${action.module ?? '(current)'}`) };
    if (inst instanceof Unsupported) return { ok: false, error: inst };
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

/** A WastHost that compiles with `wasmts` and executes every command. */
export function executingHost(options: ExecutingHostOptions = {}): WastHost {
  const config = new Config({
    backend: options.backend ?? 'auto',
    consumeFuel: options.fuel !== undefined,
    epochInterruption: options.epochInterruption === true,
    irPipeline: options.irPipeline === true,
  });
  if (options.features !== undefined) config.features = options.features;
  const engine = new Engine(config);
  const variants = new Map<string, WastHost>(); // one engine per feature set a legacy suite asks for
  return {
    name: engine.backend,
    compile: (bytes) => {
      try {
        return Module.fromBinary(engine, bytes);
      } catch (e) {
        if (e instanceof BackendError) {
          const m = decodeModule(bytes, { features: config.features });
          return new Unsupported(e.message, [...new Set(m.imports.map((i) => i.module))]);
        }
        throw e;
      }
    },
    executor: new Executor(engine, options),
    withFeatures: (features) => {
      const key = JSON.stringify(features);
      let host = variants.get(key);
      if (host === undefined) variants.set(key, (host = executingHost({ ...options, features })));
      return host;
    },
  };
}
