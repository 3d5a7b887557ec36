// The module decoder's public API: `decodeModule` (decode + validate), `validate`, and the cheap
// `readSections` for tools that only want the section layout.

import { Decoder } from './decode/decoder.js';
import { readNameSection } from './decode/names.js';
import { typeSection } from './decode/types.js';
import { CompileError, malformed } from './errors.js';
import { WASM3_FEATURES, type WasmFeatures } from './features.js';
import { checkLimit } from './limits.js';
import { funcIndexOfDefined, type Module, type PendingBodies } from './module.js';
import { BinaryReader } from './reader.js';
import { DefinedFuncIndex } from './types.js';
import { validateFunctionBody } from './validator/func.js';
import { SiteRecorder, scanSites } from './validator/sites.js';

/** Options of `decodeModule`. */
export interface DecodeOptions {
  /** Proposals the module may use; defaults to `WASM3_FEATURES`. */
  readonly features?: WasmFeatures;
  /**
   * Validate function bodies (default true). Turning this off is only safe for already-validated bytes.
   * `'lazy'` validates everything but the function bodies now and leaves the bodies to `validateBody`, to be
   * called before a body is first used (`Module.pendingBodies`; README.md, "Lazy validation").
   */
  readonly validateBodies?: boolean | 'lazy';
  /**
   * Called as function bodies are validated, with the body bytes done and in all (at most about a hundred
   * times, and once at the end), for progress displays.
   */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * While validating bodies, record the positions of the operators the wasm backend's re-encoder changes
   * (`Module.codeSites`), so that it need not decode every operator again. With `validateBodies: 'lazy'` the
   * sites are found by `scanSites`, which steps over the operators without validating them (for bytes another
   * validator has accepted: the bodies stay pending, and a body that does not even read as operators is a
   * CompileError now).
   */
  readonly recordSites?: boolean;
}

/** Section ids of the binary format. */
export const SectionId = {
  Custom: 0,
  Type: 1,
  Import: 2,
  Function: 3,
  Table: 4,
  Memory: 5,
  Global: 6,
  Export: 7,
  Start: 8,
  Element: 9,
  Code: 10,
  Data: 11,
  DataCount: 12,
  Tag: 13,
} as const;

/** Section names by id, as used in `Module.sectionSizes` and by the inspector. */
export const SECTION_NAMES: readonly string[] = [
  'custom',
  'type',
  'import',
  'function',
  'table',
  'memory',
  'global',
  'export',
  'start',
  'element',
  'code',
  'data',
  'datacount',
  'tag',
];

// Position of each section id in the required order (tag between memory and global, data count
// between element and code).
const ORDER: readonly number[] = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6];

const MAGIC = 0x6d736100;

function readHeader(r: BinaryReader): void {
  if (r.remaining() < 4) r.unexpectedEnd();
  const b = r.bytes;
  const magic = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  if (magic !== MAGIC) malformed('magic header not detected', 0);
  r.pos = 4;
  if (r.remaining() < 4) r.unexpectedEnd();
  const version = (b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24)) >>> 0;
  if (version !== 1) malformed('unknown binary version', 4);
  r.pos = 8;
}

/**
 * Decodes and validates a module. Throws `CompileError` ('malformed' or 'invalid', with the byte
 * offset) for anything the Wasm 3.0 spec rejects or the enabled features do not allow.
 */
export function decodeModule(bytes: Uint8Array, options: DecodeOptions = {}): Module {
  const features = options.features ?? WASM3_FEATURES;
  const d = new Decoder(bytes, features);
  const r = d.r;
  readHeader(r);
  checkLimit('moduleBytes', bytes.length, 'module bytes', 0);
  const groupsByKey = new Map<string, number>();
  let lastOrder = 0;
  while (!r.eof()) {
    const idPos = r.pos;
    const id = r.u8();
    if (id > 13) malformed('malformed section id', idPos);
    const size = r.u32();
    const start = r.pos;
    if (size > r.end - start) malformed('length out of bounds', start);
    const end = start + size;
    const fileEnd = r.end;
    r.inSection = true;
    if (id === 0) {
      r.end = end;
      const name = r.name();
      const data = { start: r.pos, end };
      d.customSections.push({ name, data });
      const key = `custom:${name}`;
      d.sectionSizes.set(key, (d.sectionSizes.get(key) ?? 0) + size);
      if (name === 'name') readNameSection(bytes, data.start, end, d.names);
      r.pos = end;
    } else {
      const order = ORDER[id];
      if (order <= lastOrder) malformed('unexpected content after last section', idPos);
      lastOrder = order;
      d.sectionEnd = end;
      d.sectionSizes.set(SECTION_NAMES[id], size);
      switch (id) {
        case 1:
          typeSection(d, groupsByKey);
          break;
        case 2:
          d.importSection();
          break;
        case 3:
          d.functionSection();
          break;
        case 4:
          d.tableSection();
          break;
        case 5:
          d.memorySection();
          break;
        case 6:
          d.globalSection();
          break;
        case 7:
          d.exportSection();
          break;
        case 8:
          d.startSection();
          break;
        case 9:
          d.elementSection();
          break;
        case 10:
          d.codeSection();
          break;
        case 11:
          d.dataSection();
          break;
        case 12:
          d.dataCountSection();
          break;
        case 13:
          d.tagSection();
          break;
      }
      // Like the reference interpreter, a section's contents are read against the file's end and
      // the declared size is checked afterwards.
      if (r.pos !== end) malformed('section size mismatch', r.pos);
    }
    r.inSection = false;
    r.end = fileEnd;
  }

  if (Math.max(d.codeCount, 0) !== Math.max(d.declaredFuncCount, 0)) {
    malformed('function and code section have inconsistent lengths', bytes.length);
  }
  if (d.dataCount !== null && d.dataCount !== Math.max(d.dataSectionCount, 0)) {
    malformed('data count and data section have inconsistent lengths', bytes.length);
  }

  const eager = options.validateBodies === undefined || options.validateBodies === true;
  const sites = options.recordSites === true && eager ? new SiteRecorder(d.bodies.length) : null;
  const scanned =
    options.recordSites === true && options.validateBodies === 'lazy'
      ? scanSites({ bytes, bodies: d.bodies }, features)
      : null;
  const pending: PendingBodies | null =
    options.validateBodies === 'lazy' && d.bodies.length > 0
      ? { features, pending: new Uint8Array(d.bodies.length).fill(1) }
      : null;
  const module: Module = {
    types: d.types,
    recGroups: d.recGroups,
    imports: d.imports,
    exports: d.exports,
    functions: d.functions,
    tables: d.tables,
    memories: d.memories,
    globals: d.globals,
    tags: d.tags,
    numImportedFuncs: d.numImportedFuncs,
    numImportedTables: d.numImportedTables,
    numImportedMemories: d.numImportedMemories,
    numImportedGlobals: d.numImportedGlobals,
    numImportedTags: d.numImportedTags,
    elements: d.elements,
    data: d.data,
    dataCount: d.dataCount,
    start: d.start,
    bodies: d.bodies,
    customSections: d.customSections,
    names: d.names,
    declaredFuncRefs: d.declaredFuncRefs,
    featuresUsed: d.featuresUsed,
    sectionSizes: d.sectionSizes,
    bytes,
    ...(sites === null ? (scanned === null ? {} : { codeSites: scanned }) : { codeSites: sites }),
    ...(pending === null ? {} : { pendingBodies: pending }),
  };

  if (eager) {
    const bodies = d.bodies;
    const progress = options.onProgress;
    if (progress === undefined)
      for (let i = 0; i < bodies.length; i++) {
        validateFunctionBody(module, features, funcIndexOfDefined(d, DefinedFuncIndex(i)), bodies[i], sites);
        if (sites !== null) sites.ends[i] = sites.count;
      }
    else {
      const first = bodies.length > 0 ? bodies[0].range.start : 0;
      const total = bodies.length > 0 ? bodies[bodies.length - 1].range.end - first : 0;
      const step = Math.max(1, Math.ceil(total / 100));
      let next = step;
      for (let i = 0; i < bodies.length; i++) {
        validateFunctionBody(module, features, funcIndexOfDefined(d, DefinedFuncIndex(i)), bodies[i], sites);
        if (sites !== null) sites.ends[i] = sites.count;
        const done = bodies[i].range.end - first;
        if (done >= next) {
          progress(done, total);
          next = done + step;
        }
      }
      progress(total, total);
    }
  }
  return module;
}

/**
 * Validates defined function `i`'s body (a DefinedFuncIndex) of a module decoded with `validateBodies: 'lazy'`
 * if it has not been yet, throwing `CompileError` where it is malformed or invalid (again on every call, as long
 * as it is). A no-op for bodies already validated and for modules decoded otherwise.
 */
export function validateBody(module: Module, i: DefinedFuncIndex): void {
  const p = module.pendingBodies;
  if (p === undefined || p.pending[i] !== 1) return;
  validateFunctionBody(module, p.features, funcIndexOfDefined(module, i), module.bodies[i]);
  p.pending[i] = 0;
}

/** Validates every body `validateBody` has not validated yet, in order (the first invalid one throws). */
export function validateAllBodies(module: Module): void {
  const p = module.pendingBodies;
  if (p === undefined) return;
  for (let i = DefinedFuncIndex(0); i < p.pending.length; i++) if (p.pending[i] === 1) validateBody(module, i);
}

/** Validates a module, throwing `CompileError` if it is malformed or invalid. */
export function validate(bytes: Uint8Array, features?: WasmFeatures): void {
  decodeModule(bytes, features ? { features } : {});
}

/** True if `bytes` is a valid module under `features`; other errors than `CompileError` propagate. */
export function isValid(bytes: Uint8Array, features?: WasmFeatures): boolean {
  try {
    validate(bytes, features);
    return true;
  } catch (e) {
    if (e instanceof CompileError) return false;
    throw e;
  }
}

/** One section as found by `readSections`. */
export interface SectionInfo {
  readonly id: number;
  /** 'type', 'code', ... or the custom section's own name for custom sections. */
  readonly name: string;
  /** Offset of the section id byte. */
  readonly offset: number;
  /** Offset of the payload (after the size). */
  readonly payloadOffset: number;
  /** Payload size in bytes. */
  readonly size: number;
  readonly custom: boolean;
}

/** Lists the sections of a module without validating them (only the framing is checked). */
export function readSections(bytes: Uint8Array): SectionInfo[] {
  const r = new BinaryReader(bytes);
  readHeader(r);
  const sections: SectionInfo[] = [];
  while (!r.eof()) {
    const offset = r.pos;
    const id = r.u8();
    const size = r.u32();
    const payloadOffset = r.pos;
    if (size > r.remaining()) malformed('length out of bounds', payloadOffset);
    let name = SECTION_NAMES[id] ?? `unknown(${id})`;
    if (id === 0) {
      const sub = new BinaryReader(bytes, payloadOffset, payloadOffset + size);
      name = sub.name();
    }
    sections.push({ id, name, offset, payloadOffset, size, custom: id === 0 });
    r.pos = payloadOffset + size;
  }
  return sections;
}
