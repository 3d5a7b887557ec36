// Module artifacts (wasmtime's `Module::serialize` / `deserialize`): the original wasm bytes and the
// generated JavaScript, so loading skips code generation. Layout, all integers u32 little-endian:
//   magic "\0wasmts\x01" | header length | header (UTF-8 JSON) | wasm length | wasm | source length |
//   source (UTF-8) | CRC-32 of everything before it
// A wasm-backend artifact has an empty source: loading it instruments the bytes again (cheap, one pass).
// An ahead-of-time JS module (`Module.serializeJs`) holds such an artifact, with an empty source and `codeInModule`
// in its header, as base64 beside the generated code as a function the app's bundler compiles.
// The header records the artifact version and what the code was generated for (and which backend); an artifact from another
// version, for other settings, or with any byte changed is refused with an error and never run.

import type { FunctionGroup } from '@wasmts/codegen';
import { decodeUtf8, encodeUtf8, OPERATORS } from '@wasmts/environ';
import type { Engine } from './engine.js';

/** The first bytes of every artifact. */
const MAGIC = new Uint8Array([0x00, 0x77, 0x61, 0x73, 0x6d, 0x74, 0x73, 0x01]);
/**
 * The artifact format and code generator version: bump whenever the generated code or the JS ABI changes
 * (docs/js-abi.md), so artifacts of an older wasmts are refused rather than run.
 */
export const ARTIFACT_VERSION = 'wasmts-js/1 abi/1.26';

/** An artifact that cannot be loaded: wrong magic, version, settings, or corrupted. */
export class DeserializeError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = 'DeserializeError';
  }
}

interface Header {
  readonly version: string;
  readonly backend: 'js' | 'wasm';
  readonly settings: string;
  readonly builtinsUsed: readonly string[];
  /** The generated code is not in the artifact but beside it, in the JS module of `Module.serializeJs`. */
  readonly codeInModule?: true;
  /**
   * The code reads floats without their NaN test (codegen's `plainFloatLoads`): it runs exactly only where the host
   * holds NaNs canonically or has no optimizing JIT.
   */
  readonly plainFloatLoads?: true;
  /**
   * The code in the JS module is the constant expressions' factory, and the functions lie in this many groups, each
   * a JS module of its own (`Module.serializeJsGroups`).
   */
  readonly codeGroups?: number;
}

/** How the code of an artifact was generated, beyond the engine's settings. */
export interface ArtifactCode {
  /** The generated source, or '' (a wasm-backend artifact, or code kept in a JS module). */
  readonly source: string;
  readonly builtinsUsed: readonly string[];
  /** The code is kept beside the artifact, in the JS module of `Module.serializeJs`. */
  readonly codeInModule?: boolean;
  /** The code reads floats without their NaN test (codegen's `plainFloatLoads`). */
  readonly plainFloatLoads?: boolean;
  /** The functions' code lies in this many group modules beside the JS module (`Module.serializeJsGroups`). */
  readonly codeGroups?: number;
}

/** What the code depends on in the engine's config, as a string to compare. */
function settingsOf(engine: Engine): string {
  const c = engine.controls;
  let costs = '';
  if (c.consumeFuel) {
    let h = 0x811c9dc5;
    for (const op of OPERATORS) h = Math.imul(h ^ c.operatorCost(op.name), 0x01000193) >>> 0;
    costs = h.toString(16);
  }
  // settings added later appear only when not at their default, so older artifacts stay loadable
  const extra = {
    ...(c.indirectNullCheck ? {} : { indirectNullCheck: false }),
    ...(c.nanBits ? {} : { nanBits: false }),
  };
  return JSON.stringify({ tunables: engine.tunableOverrides, costs, features: engine.config.features, ...extra });
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Serializes a compiled module's wasm bytes and generated source. */
export function serializeArtifact(
  engine: Engine,
  wasm: Uint8Array,
  backend: 'js' | 'wasm',
  code: ArtifactCode,
): Uint8Array {
  const header: Header = {
    version: ARTIFACT_VERSION,
    backend,
    settings: settingsOf(engine),
    builtinsUsed: code.builtinsUsed,
    ...(code.codeInModule === true ? { codeInModule: true } : {}),
    ...(code.plainFloatLoads === true ? { plainFloatLoads: true } : {}),
    ...(code.codeGroups !== undefined && code.codeGroups > 0 ? { codeGroups: code.codeGroups } : {}),
  };
  const parts = [encodeUtf8(JSON.stringify(header)), wasm, encodeUtf8(code.source)];
  const size = MAGIC.length + parts.reduce((n, p) => n + 4 + p.length, 0) + 4;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  out.set(MAGIC, 0);
  let at = MAGIC.length;
  for (const p of parts) {
    dv.setUint32(at, p.length, true);
    out.set(p, at + 4);
    at += 4 + p.length;
  }
  dv.setUint32(at, crc32(out.subarray(0, at)), true);
  return out;
}

/** A loaded artifact: the wasm bytes and the generated code to run them. */
export interface Artifact {
  /** The backend the module was compiled for (a wasm-backend artifact holds no JS; loading re-instruments). */
  readonly backend: 'js' | 'wasm';
  readonly wasm: Uint8Array;
  readonly source: string;
  readonly builtinsUsed: readonly string[];
  /** The code reads floats without their NaN test (see `Header.plainFloatLoads`). */
  readonly plainFloatLoads: boolean;
  /** The code of a JS module's artifact (`Module.fromPrecompiled`): the factory function the app compiled. */
  readonly code?: (helpers: never) => unknown;
  /** The number of function groups the JS module's code is in (0: the whole factory is `code`). */
  readonly codeGroups: number;
  /** The function groups of a JS module's artifact in groups (`Module.fromPrecompiled`). */
  readonly groups?: readonly FunctionGroup[];
}

/** Whether `bytes` start with the artifact magic header (a corrupted artifact still does). */
export function isArtifact(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

/** What an artifact's header says, for display: `Module.deserialize` checks the rest. */
export interface ArtifactHeader {
  /** The `ARTIFACT_VERSION` of the wasmts that wrote it. */
  readonly version: string;
  /** The backend its code is for. */
  readonly backend: string;
  /** The engine's codegen tunables it was compiled with (e.g. `consumeFuel`, `epochInterruption`). */
  readonly tunables: Readonly<Record<string, unknown>>;
}

/** Reads the length-prefixed part at `at`, or throws "truncated". */
function part(bytes: Uint8Array, dv: DataView, at: number, end: number): Uint8Array {
  if (at + 4 > end) throw new DeserializeError('truncated module artifact');
  const n = dv.getUint32(at, true);
  if (at + 4 + n > end) throw new DeserializeError('truncated module artifact');
  return bytes.subarray(at + 4, at + 4 + n);
}

/** The magic header and the JSON header; nothing else is checked. */
function readHeader(bytes: Uint8Array, dv: DataView, end: number): Header {
  if (!isArtifact(bytes)) throw new DeserializeError('not a wasmts module artifact (bad magic header)');
  const raw = part(bytes, dv, MAGIC.length, end);
  try {
    return JSON.parse(decodeUtf8(raw, { stripBOM: true })) as Header;
  } catch {
    throw new DeserializeError('corrupted module artifact (bad header)');
  }
}

/** Reads an artifact's header without loading it; throws a DeserializeError when there is none to read. */
export function readArtifactHeader(bytes: Uint8Array): ArtifactHeader {
  const header = readHeader(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.length);
  let tunables: Record<string, unknown> = {};
  try {
    tunables = (JSON.parse(String(header.settings)) as { tunables?: Record<string, unknown> }).tunables ?? {};
  } catch {
    throw new DeserializeError('corrupted module artifact (bad header)');
  }
  return { version: String(header.version), backend: String(header.backend), tunables };
}

/**
 * Checks and splits an artifact for `engine`; throws a DeserializeError for anything not loadable. `codeInModule`:
 * the artifact comes from a JS module of `Module.serializeJs` (its code is beside it), not from `Module.serialize`.
 */
export function deserializeArtifact(engine: Engine, bytes: Uint8Array, codeInModule = false): Artifact {
  if (bytes.length < MAGIC.length + 16 || !isArtifact(bytes))
    throw new DeserializeError('not a wasmts module artifact (bad magic header)');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 4;
  if (crc32(bytes.subarray(0, end)) !== dv.getUint32(end, true))
    throw new DeserializeError('corrupted module artifact (checksum mismatch)');
  const header = readHeader(bytes, dv, end);
  if (header.version !== ARTIFACT_VERSION)
    throw new DeserializeError(
      `module artifact version mismatch: it was compiled by \`${String(header.version)}\`, this is \`${ARTIFACT_VERSION}\``,
    );
  if ((header.backend !== 'js' && header.backend !== 'wasm') || header.settings !== settingsOf(engine))
    throw new DeserializeError('module artifact was compiled for an engine with different settings');
  if (header.backend === 'wasm' && engine.config.backend === 'js')
    throw new DeserializeError('module artifact was compiled for the wasm backend; this engine uses the js backend');
  if (header.backend === 'wasm' && header.builtinsUsed.length !== 0)
    throw new DeserializeError('corrupted module artifact (bad header)');
  if ((header.codeInModule === true) !== codeInModule)
    throw new DeserializeError(
      codeInModule
        ? 'not the artifact of an ahead-of-time JS module (load it with Module.deserialize)'
        : 'this artifact keeps its code in the ahead-of-time JS module it came from: load that module with Module.fromPrecompiled',
    );
  let at = MAGIC.length;
  at += 4 + part(bytes, dv, at, end).length;
  const wasm = part(bytes, dv, at, end).slice();
  at += 4 + wasm.length;
  const sourceBytes = part(bytes, dv, at, end);
  at += 4 + sourceBytes.length;
  if (at !== end) throw new DeserializeError('corrupted module artifact (trailing bytes)');
  if ((header.backend === 'wasm' || codeInModule) && sourceBytes.length !== 0)
    throw new DeserializeError('corrupted module artifact (code where none belongs)');
  return {
    backend: header.backend,
    wasm,
    source: decodeUtf8(sourceBytes, { stripBOM: true }),
    builtinsUsed: header.builtinsUsed,
    plainFloatLoads: header.plainFloatLoads === true,
    codeGroups: codeInModule ? groupCount(header.codeGroups) : 0,
  };
}

function groupCount(n: unknown): number {
  if (n === undefined) return 0;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
    throw new DeserializeError('corrupted module artifact (bad header)');
  return n;
}

/** The forms of an ahead-of-time JS module: an ES module or a CommonJS one. */
export type JsModuleFormat = 'esm' | 'cjs';

/** The comment heading every ahead-of-time JS module. */
function moduleHead(name: string, what: string): string {
  return [
    `// ${name}: ${what}, generated by wasmts (${ARTIFACT_VERSION}). Do not edit.`,
    "// Load it with `Module.fromPrecompiled(engine, precompiled)` from 'wasmts', on an engine with the settings it",
    '// was compiled for; it runs without `new Function` or `eval`.',
  ].join('\n');
}

/** The function groups of a JS module in groups (`Module.serializeJsGroups`): each group's count and file name. */
export interface JsGroupRef {
  readonly count: number;
  /** The group module's file name, beside the JS module (`./<file>` is what it imports or requires). */
  readonly file: string;
}

/**
 * The text of an ahead-of-time JS module (`Module.serializeJs`): an object `{ artifact, start, code, end }` as its
 * default export (`module.exports` for 'cjs'), where `artifact` is the base64 of an artifact without code, `code`
 * the generated factory as a function of codegen's helpers, and `start`/`end` return a stack taken before and after
 * it (backtraces tell the code's frames by where they lie), for the app's own bundler and compiler to compile (Hermes'
 * `hermesc`), so that loading it needs no `new Function`. With `groups` (`Module.serializeJsGroups`), `code` is the
 * constant expressions' factory and the object has `groups`: per group module its count of functions and `load`,
 * which requires it on first use ('cjs') or returns what the ES module imported.
 */
export function jsModuleText(
  artifactBase64: string,
  source: string,
  format: JsModuleFormat,
  name: string,
  groups: readonly JsGroupRef[] = [],
): string {
  const safe = name.replace(/[^\w.-]/g, '_');
  const head = moduleHead(safe, 'ahead-of-time JavaScript of a WebAssembly module');
  const ref = (g: JsGroupRef, k: number) => (format === 'esm' ? `g${k}` : `require(${JSON.stringify(`./${g.file}`)})`);
  const imports = format === 'esm' ? groups.map((g, k) => `import g${k} from ${JSON.stringify(`./${g.file}`)};\n`) : [];
  // the source is a function expression; it starts on the `return` line (a line break there would return nothing)
  // `start` and `end` mark where the code lies, so backtraces can tell its frames (they take a stack when called)
  const body = [
    '{',
    `  artifact: ${JSON.stringify(artifactBase64)},`,
    '  start: function () { return new Error().stack; },',
    `  code: function (H) { return ${source}`,
    '  },',
    '  end: function () { return new Error().stack; },',
    ...(groups.length === 0
      ? []
      : [
          '  groups: [',
          ...groups.map((g, k) => `    { count: ${g.count}, load: function () { return ${ref(g, k)}; } },`),
          '  ],',
        ]),
    '}',
  ].join('\n');
  return format === 'esm'
    ? `${head}\n${imports.join('')}const precompiled = ${body};\nexport default precompiled;\n`
    : `${head}\n'use strict';\nmodule.exports = ${body};\n`;
}

/**
 * The text of one function group of a JS module in groups (`Module.serializeJsGroups`): `{ start, code, end }` as its
 * default export, `code` a function of codegen's helpers returning the array of the group's function makers.
 */
export function jsGroupText(source: string, format: JsModuleFormat, name: string): string {
  const head = moduleHead(name.replace(/[^\w.-]/g, '_'), 'functions of an ahead-of-time JS module');
  const body = [
    '{',
    '  start: function () { return new Error().stack; },',
    `  code: function (H) { return ${source}`,
    '  },',
    '  end: function () { return new Error().stack; },',
    '}',
  ].join('\n');
  return format === 'esm'
    ? `${head}\nconst group = ${body};\nexport default group;\n`
    : `${head}\n'use strict';\nmodule.exports = ${body};\n`;
}
