// Compiled modules (wasmtime's `Module`): decoded and validated once, compiled by codegen once, and the
// factory loaded once; every instance reuses them.

import { type CompiledModule, compileModule, type Factory, loadFactory, sourcePosition } from '@wasmts/codegen';
import { CompileError, decodeModule, decodeUtf8, type Module as EnvironModule, VMOffsets } from '@wasmts/environ';
import type { ModuleRuntimeInfo } from '@wasmts/runtime';
import { parseWat } from '@wasmts/wat';
import type { Engine } from './engine.js';
import { type BackendChoice, chooseBackend, hostSupport } from './host.js';
import { type Artifact, deserializeArtifact, serializeArtifact } from './serialize.js';
import { type BacktraceNames, registerModuleNames } from './trap.js';
import { type ExportType, ExternTypes, type ImportType } from './types.js';
import { boundaryProblem, compileWasm, usesExnref, type WasmCode } from './wasm-backend/compile.js';

/** The module cannot run on the backend that was asked for (`Config.backend('wasm')` on a host that cannot). */
export class BackendError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = 'BackendError';
  }
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

function isBinary(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && WASM_MAGIC.every((b, i) => bytes[i] === b);
}

/** What `new Module` accepts: wasm binary bytes in any binary form, or wasm text (a string, or UTF-8 bytes). */
export type ModuleInput = string | ArrayBuffer | SharedArrayBuffer | ArrayBufferView;

/** The bytes of any binary form (an ArrayBuffer, a SharedArrayBuffer, any view including a Node Buffer). */
function asBytes(input: Exclude<ModuleInput, string>): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer) return new Uint8Array(input);
  throw new TypeError(
    `a module is made from an ArrayBuffer, a typed array, a DataView, a Buffer or a string of wasm text, not ${describe(input)}`,
  );
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return `a ${(v as object).constructor?.name ?? 'object'}`;
  return `a ${typeof v}`;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * The text of bytes that may be wasm text: valid UTF-8, no NUL, and the first character that is not white
 * space is `(` or `;` (a module or a comment); null when the bytes cannot be wasm text.
 */
function asText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = decodeUtf8(bytes, { fatal: true, stripBOM: true });
  } catch {
    return null;
  }
  if (text.includes('\0')) return null;
  const first = /\S/.exec(text);
  if (first !== null && first[0] !== '(' && first[0] !== ';') return null;
  return text;
}

/** Module bytes from binary or text input (text through `@wasmts/wat`). */
function toBinary(input: ModuleInput): Uint8Array {
  if (typeof input === 'string') return parseWat(input);
  const bytes = asBytes(input);
  if (isBinary(bytes)) return bytes;
  const text = bytes.length === 0 ? null : asText(bytes);
  if (text === null)
    throw new CompileError(
      'malformed',
      `not a wasm binary (${bytes.length === 0 ? 'the input is empty' : `magic ${hex(bytes)}`}, expected 00 61 73 6d) and not wasm text`,
      0,
    );
  return parseWat(text);
}

/**
 * The backend a decoded module gets under `requested` and why (`chooseBackend` on the proposals it uses,
 * then whether every value that leaves the module can cross the host's JS boundary); `ok` is false when
 * 'wasm' was asked for and the host cannot run the module.
 */
export function backendChoice(
  requested: 'js' | 'wasm' | 'auto',
  module: EnvironModule,
): BackendChoice & { readonly ok: boolean } {
  let used = module.featuresUsed;
  const host = hostSupport();
  if (used.has('exceptions') && !host.features.has('exceptions') && host.features.has('legacyExceptions')) {
    // `throw` and tags alone are legacy exception handling too
    if (!usesExnref(module)) used = new Set([...used].filter((f) => f !== 'exceptions').concat('legacyExceptions'));
  }
  const choice = chooseBackend(requested, used, host);
  if (choice.backend === 'js') return { ...choice, ok: true };
  if (requested === 'wasm' && choice.reason !== 'the wasm backend was asked for') return { ...choice, ok: false };
  const problem = boundaryProblem(module);
  if (problem === null) return { ...choice, ok: true };
  if (requested === 'wasm')
    return { backend: 'wasm', reason: `the wasm backend was asked for, but ${problem}`, ok: false };
  return { backend: 'js', reason: `${problem}, so it runs on the js backend`, ok: true };
}

/** Inputs that must be decoded as binary (see `Module.fromBinary`). */
const binaryOnly = new WeakSet<Uint8Array>();
/** Inputs whose generated code comes from an artifact (see `Module.deserialize`). */
const precompiled = new WeakMap<Uint8Array, Artifact>();

/** A compiled module, ready to instantiate in any store of its engine. */
export class Module {
  /** The engine the module was compiled for. */
  readonly engine: Engine;
  /** The decoded, validated module. */
  readonly module: EnvironModule;
  /** The backend that runs this module (from `Config.backend` and what the host supports). */
  readonly backend: 'js' | 'wasm';
  /** Why this backend (as `wasmts inspect` prints it). */
  readonly backendReason: string;
  /** The wasm backend's instrumented module compiled by the host engine (null on the JS backend). */
  readonly wasm: WasmCode | null = null;
  private compiledJs: CompiledModule | null = null;
  private loadedFactory: Factory | null = null;
  private readonly artifact: Artifact | undefined;
  private readonly sourceName: string;
  /** What the runtime needs (layout and engine type ids). */
  readonly runtimeInfo: ModuleRuntimeInfo;
  /** Names for wasm backtraces. */
  readonly names: BacktraceNames;
  /** The module's wasm bytes. */
  readonly bytes: Uint8Array;

  /** Compiles binary or text (a string, or bytes not starting with `\0asm`); throws CompileError / WatError. */
  constructor(engine: Engine, input: ModuleInput) {
    this.engine = engine;
    const raw = typeof input === 'string' ? undefined : asBytes(input);
    const artifact = raw === undefined ? undefined : precompiled.get(raw);
    this.bytes = raw !== undefined && (artifact !== undefined || binaryOnly.has(raw)) ? raw : toBinary(input);
    this.module = decodeModule(this.bytes, { features: engine.config.features, validateBodies: true });
    this.artifact = artifact;
    const funcNames: (string | null)[] = [];
    for (let i = 0; i < this.module.functions.length; i++) funcNames.push(this.module.names.functions.get(i) ?? null);
    const names: BacktraceNames = {
      funcNames,
      moduleName: this.module.names.module,
      bodyStarts: this.module.bodies.map((b) => b.range.start),
    };
    this.names = names;
    // the generated script (or the host module) is named after the module so backtraces attribute frames
    this.sourceName = registerModuleNames(names);
    // a js artifact runs its code; a wasm artifact is instrumented again (under 'auto' on a host that cannot
    // run it, it is compiled for the js backend instead)
    const requested =
      artifact === undefined ? engine.config.backend : artifact.backend === 'js' ? 'js' : engine.config.backend;
    const resolved = backendChoice(requested, this.module);
    if (!resolved.ok) throw new BackendError(resolved.reason);
    let choice: BackendChoice = resolved;
    if (choice.backend === 'wasm') {
      const hostName = this.sourceName.replace(/\.js$/, '');
      try {
        const code = compileWasm(engine, this.module, hostName);
        this.wasm = code;
        names.trapSites = { bytes: this.module.bytes, originalOffset: code.instrumented.originalOffset };
        names.originalFuncIndex = code.instrumented.originalFuncIndex;
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        if (requested === 'wasm') throw new BackendError(`the host engine rejected the instrumented module: ${why}`);
        choice = { backend: 'js', reason: `the host engine rejected the instrumented module (${why})` };
      }
    }
    this.backend = choice.backend;
    this.backendReason = choice.reason;
    if (this.backend === 'js') names.jsOffset = (f, line, column) => sourcePosition(this.compiled, f, line, column);
    // the JS backend compiles now (its errors belong to module creation)
    if (this.backend === 'js') void this.factory;
    const typeIds = engine.typeRegistry.register(this.module);
    this.runtimeInfo = { module: this.module, offsets: new VMOffsets(this.module), typeIds };
  }

  /** Codegen's JS artifact (generated on first use for a wasm-backend module). */
  get compiled(): CompiledModule {
    if (this.compiledJs === null) {
      const a = this.artifact;
      this.compiledJs =
        a === undefined || a.backend === 'wasm'
          ? compileModule(this.module, {
              tunables: this.engine.tunableOverrides,
              operatorCost: this.engine.controls.operatorCost,
              ir: this.engine.controls.irPipeline,
              // each function is translated on its first call; `serialize` reads the whole-module source
              lazy: true,
            })
          : {
              module: this.module,
              source: a.source,
              builtinsUsed: a.builtinsUsed,
              funcNames: this.names.funcNames,
              tunables: this.engine.tunables,
            };
    }
    return this.compiledJs;
  }

  /** The loaded JS factory (one per module; JS backend). */
  get factory(): Factory {
    if (this.loadedFactory === null) this.loadedFactory = loadFactory(this.compiled, this.sourceName);
    return this.loadedFactory;
  }

  /** Compiles binary bytes only (never text): empty or non-`\0asm` bytes are a CompileError. */
  static fromBinary(engine: Engine, input: Exclude<ModuleInput, string>): Module {
    const bytes = asBytes(input);
    binaryOnly.add(bytes);
    try {
      return new Module(engine, bytes);
    } finally {
      binaryOnly.delete(bytes);
    }
  }

  /**
   * Reads and compiles a module file (binary, or wasm text in a `.wat` or any other file) on a host with
   * Node's filesystem (Node, Deno, Bun: through `process.getBuiltinModule`, so this entry imports nothing
   * host-specific); elsewhere an Error says the host has no filesystem.
   */
  static fromFile(engine: Engine, path: string): Module {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const fs = proc?.getBuiltinModule?.('node:fs') as { readFileSync(path: string): Uint8Array } | undefined;
    if (fs === undefined)
      throw new Error(
        `Module.fromFile: this host has no filesystem to read ${path} from; pass the bytes to new Module`,
      );
    return new Module(engine, fs.readFileSync(path));
  }

  /**
   * Compiles like the constructor, asynchronously: the result comes after the current task, and any error
   * rejects the promise instead of throwing. (Compilation itself runs on the calling thread.)
   */
  static async compile(engine: Engine, input: ModuleInput): Promise<Module> {
    await Promise.resolve();
    return new Module(engine, input);
  }

  /**
   * A versioned artifact of this module (wasm bytes and generated code, with a checksum) that
   * `Module.deserialize` loads without generating code again.
   */
  serialize(): Uint8Array {
    if (this.backend === 'wasm') return serializeArtifact(this.engine, this.bytes, 'wasm', '', []);
    return serializeArtifact(this.engine, this.bytes, 'js', this.compiled.source, this.compiled.builtinsUsed);
  }

  /**
   * Loads an artifact of `Module.serialize` for an engine with the same settings. An artifact of another
   * wasmts version, for other settings, or corrupted throws a `DeserializeError` and never runs.
   */
  static deserialize(engine: Engine, bytes: Uint8Array): Module {
    const artifact = deserializeArtifact(engine, bytes);
    precompiled.set(artifact.wasm, artifact);
    try {
      return new Module(engine, artifact.wasm);
    } finally {
      precompiled.delete(artifact.wasm);
    }
  }

  /** Checks that bytes are a valid module for the engine's features; throws a CompileError if not. */
  static validate(engine: Engine, bytes: ModuleInput): void {
    decodeModule(toBinary(bytes), { features: engine.config.features, validateBodies: true });
  }

  /** The module's name from the name section, or null. */
  name(): string | null {
    return this.module.names.module;
  }
  /** The module's imports, in order, each with the type it expects (engine-canonical, see `ExternType`). */
  imports(): ImportType[] {
    return this.externTypes().imports();
  }
  /** The module's exports, in order, each with the type of what it exports (engine-canonical). */
  exports(): ExportType[] {
    return this.externTypes().exports();
  }
  private externTypes(): ExternTypes {
    return new ExternTypes(this.module, this.runtimeInfo.typeIds, this.engine.typeRegistry);
  }
}
