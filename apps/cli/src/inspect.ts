// `wasmts inspect`: what a module declares, as text or JSON.

import { readFileSync } from 'node:fs';
import {
  type CompositeType,
  decodeModule,
  type EntityType,
  type ExternKind,
  type GlobalType,
  type Limits,
  type MemoryType,
  type Module,
  type TableType,
  valTypeToString,
  type WasmFeatures,
} from '@wasmts/environ';
import { backendChoice, isArtifact } from 'wasmts';
import type { ArtifactHeaderInfo } from './artifact.js';

/** A module's description as `inspect` prints it; plain data, so `--json` is this object. */
export interface InspectInfo {
  file: string;
  /** Size of the module's binary, in bytes (after parsing, for text input). */
  size: number;
  /** 'binary' or 'text', by the input's contents ('binary' for the module inside an artifact). */
  format: 'binary' | 'text';
  /** For an artifact of `wasmts compile`: its header, size and the generated code's length. */
  artifact?: ArtifactHeaderInfo & { size: number; source: number };
  moduleName: string | null;
  /** How many entries each subsection of the name section names (functions, locals, types, ...). */
  names: Record<string, number>;
  sections: { name: string; size: number }[];
  types: string[];
  imports: { module: string; name: string; kind: string; type: string }[];
  /** Each export with the index it exports and that entity's type (as `tables`, `memories`, ... print it). */
  exports: { name: string; kind: string; index: number; type: string }[];
  functions: { total: number; imported: number; defined: number };
  tables: { index: number; imported: boolean; type: string }[];
  memories: { index: number; imported: boolean; type: string }[];
  globals: { index: number; imported: boolean; type: string }[];
  tags: { index: number; imported: boolean; type: string }[];
  customSections: { name: string; size: number }[];
  start: number | null;
  elementSegments: number;
  dataSegments: number;
  featuresUsed: string[];
  /** The backend the module gets under `--backend auto` on this host, and why. */
  backend: { backend: 'js' | 'wasm'; reason: string };
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Reads a .wasm or .wat file (told apart by the wasm magic number) into module bytes; an artifact of
 * `wasmts compile` (told apart by its own magic header) is returned as it is, with format 'artifact'.
 */
export async function loadModuleBytes(
  file: string,
): Promise<{ bytes: Uint8Array; format: 'binary' | 'text' | 'artifact' }> {
  const data = readFileSync(file);
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (WASM_MAGIC.every((b, i) => bytes[i] === b)) return { bytes, format: 'binary' };
  if (isArtifact(bytes)) return { bytes, format: 'artifact' };
  // The text parser is loaded only for text input.
  const { parseWat } = await import('@wasmts/wat');
  return { bytes: parseWat(data.toString('utf8'), { file }), format: 'text' };
}

/** Decodes, validates and describes the module in `file`; throws CompileError, WatError or a file error. */
export async function inspectFile(file: string, features?: WasmFeatures): Promise<InspectInfo> {
  const { bytes, format } = await loadModuleBytes(file);
  if (format === 'artifact') {
    // The artifact is checked and loaded as `run` would (version, settings, checksum), then described.
    const { cliEngine, loadArtifact, readArtifactHeader } = await import('./artifact.js');
    const header = readArtifactHeader(bytes, file);
    const module = loadArtifact(cliEngine(header.consumeFuel), bytes, file);
    const source = module.backend === 'wasm' ? 0 : module.compiled.source.length;
    return { ...describeModule(module.module, file, 'binary'), artifact: { ...header, size: bytes.length, source } };
  }
  const module = decodeModule(bytes, features ? { features } : {});
  return describeModule(module, file, format);
}

/** Describes a decoded module. */
export function describeModule(module: Module, file: string, format: 'binary' | 'text'): InspectInfo {
  const importedOf = (kind: EntityType['kind']) => module.imports.filter((i) => i.type.kind === kind).length;
  const funcImports = importedOf('func');
  return {
    file,
    size: module.bytes.byteLength,
    format,
    moduleName: module.names.module,
    names: nameCounts(module),
    sections: [...module.sectionSizes].map(([name, size]) => ({ name, size })),
    types: module.types.map((t, i) => {
      const group = module.recGroups[t.recGroup];
      const rec = group && group.count > 1 ? ` (rec group ${t.recGroup})` : '';
      const composite = compositeToString(t.composite);
      const sub =
        t.final && t.supertype < 0
          ? composite
          : `(sub ${t.final ? 'final ' : ''}${t.supertype >= 0 ? `${t.supertype} ` : ''}${composite})`;
      return `${i}: ${sub}${rec}`;
    }),
    imports: module.imports.map((i) => ({
      module: i.module,
      name: i.name,
      kind: i.type.kind,
      type: entityToString(module, i.type),
    })),
    exports: module.exports.map((e) => ({
      name: e.name,
      kind: e.kind,
      index: e.index,
      type: exportedToString(module, e.kind, e.index),
    })),
    functions: {
      total: module.functions.length,
      imported: funcImports,
      defined: module.functions.length - funcImports,
    },
    tables: module.tables.map((t, index) => ({
      index,
      imported: index < module.numImportedTables,
      type: tableToString(t.type),
    })),
    memories: module.memories.map((m, index) => ({
      index,
      imported: index < module.numImportedMemories,
      type: memoryToString(m),
    })),
    globals: module.globals.map((g, index) => ({
      index,
      imported: index < module.numImportedGlobals,
      type: globalToString(g.type),
    })),
    tags: module.tags.map((t, index) => ({
      index,
      imported: index < module.numImportedTags,
      type: funcSignature(module, t.typeIndex, 'tag'),
    })),
    customSections: module.customSections.map((c) => ({ name: c.name, size: c.data.end - c.data.start })),
    start: module.start,
    elementSegments: module.elements.length,
    dataSegments: module.data.length,
    featuresUsed: [...module.featuresUsed].sort(),
    backend: (({ backend, reason }) => ({ backend, reason }))(backendChoice('auto', module)),
  };
}

function nameCounts(module: Module): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [kind, map] of Object.entries(module.names)) {
    if (!(map instanceof Map) || map.size === 0) continue;
    let n = 0;
    for (const value of map.values()) n += value instanceof Map ? value.size : 1;
    counts[kind] = n;
  }
  return counts;
}

/** The text form of a composite type: `(func (param i32) (result i32))`, `(struct (field (mut i8)))`. */
export function compositeToString(c: CompositeType): string {
  switch (c.kind) {
    case 'func':
      return `(func${typeList('param', c.params)}${typeList('result', c.results)})`;
    case 'struct':
      return `(struct${c.fields.map((f) => ` (field ${fieldToString(f.type, f.mutable)})`).join('')})`;
    case 'array':
      return `(array ${fieldToString(c.field.type, c.field.mutable)})`;
  }
}

function typeList(keyword: string, types: readonly number[]): string {
  return types.length === 0 ? '' : ` (${keyword} ${types.map(valTypeToString).join(' ')})`;
}

function fieldToString(type: number, mutable: boolean): string {
  return mutable ? `(mut ${valTypeToString(type)})` : valTypeToString(type);
}

function limitsToString(l: Limits): string {
  return l.max === null ? `${l.min}` : `${l.min} ${l.max}`;
}

function memoryToString(m: MemoryType): string {
  const pageSize = m.pageSizeLog2 === 16 ? '' : ` (pagesize ${2 ** m.pageSizeLog2})`;
  return `(memory ${m.index64 ? 'i64 ' : ''}${limitsToString(m.limits)}${m.shared ? ' shared' : ''}${pageSize})`;
}

function tableToString(t: TableType): string {
  return `(table ${t.index64 ? 'i64 ' : ''}${limitsToString(t.limits)} ${valTypeToString(t.element)})`;
}

function globalToString(g: GlobalType): string {
  return `(global ${fieldToString(g.type, g.mutable)})`;
}

/** `(func (type 1) (param i32))`, or with another keyword (`tag`). */
function funcSignature(module: Module, typeIndex: number, keyword = 'func'): string {
  const t = module.types[typeIndex];
  const sig =
    t?.composite.kind === 'func'
      ? `${typeList('param', t.composite.params)}${typeList('result', t.composite.results)}`
      : '';
  return `(${keyword} (type ${typeIndex})${sig})`;
}

function entityToString(module: Module, e: EntityType): string {
  switch (e.kind) {
    case 'func':
      return funcSignature(module, e.typeIndex);
    case 'table':
      return tableToString(e.type);
    case 'memory':
      return memoryToString(e.type);
    case 'global':
      return globalToString(e.type);
    case 'tag':
      return funcSignature(module, e.type.typeIndex, 'tag');
  }
}

/** The type of entity `index` of kind `kind` (an export's), in the form the other lists use. */
function exportedToString(module: Module, kind: ExternKind, index: number): string {
  switch (kind) {
    case 'func':
      return funcSignature(module, module.functions[index]);
    case 'table':
      return tableToString(module.tables[index].type);
    case 'memory':
      return memoryToString(module.memories[index]);
    case 'global':
      return globalToString(module.globals[index].type);
    case 'tag':
      return funcSignature(module, module.tags[index].typeIndex, 'tag');
  }
}

/** The human-readable form of `inspect`'s output. */
export function formatInspect(info: InspectInfo): string {
  const out: string[] = [];
  const q = (s: string) => JSON.stringify(s);
  const list = <T>(title: string, items: readonly T[], line: (item: T) => string) => {
    out.push(`${title}: ${items.length}`);
    for (const item of items) out.push(`  ${line(item)}`);
  };
  const imported = (x: { imported: boolean }) => (x.imported ? ' (imported)' : '');
  const a = info.artifact;
  if (a !== undefined) {
    out.push(
      `${info.file}: wasmts artifact, ${a.size} bytes (module ${info.size} bytes, generated code ${a.source} chars)`,
    );
    out.push(`artifact version: ${a.version}`);
    out.push(`backend: ${a.backend}`);
    out.push(
      `compiled for: fuel metering ${a.consumeFuel ? 'on' : 'off'}, epoch interruption ${a.epochInterruption ? 'on' : 'off'}`,
    );
    const other = Object.entries(a.tunables).filter(([k]) => k !== 'consumeFuel' && k !== 'epochInterruption');
    if (other.length > 0) out.push(`tunables: ${other.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
  } else out.push(`${info.file}: ${info.format === 'text' ? 'text module, ' : ''}${info.size} bytes`);
  out.push(`module name: ${info.moduleName === null ? '(none)' : q(info.moduleName)}`);
  const names = Object.entries(info.names).map(([kind, n]) => `${n} ${kind}`);
  if (names.length > 0) out.push(`names: ${names.join(', ')}`);
  const width = Math.max(0, ...info.sections.map((s) => s.name.length));
  list('sections', info.sections, (s) => `${s.name.padEnd(width)}  ${s.size} bytes`);
  list('types', info.types, (t) => t);
  list('imports', info.imports, (i) => `${q(i.module)} ${q(i.name)} ${i.type}`);
  list('exports', info.exports, (e) => `${q(e.name)} ${e.kind} ${e.index}: ${e.type}`);
  const f = info.functions;
  out.push(`functions: ${f.total} (${f.imported} imported, ${f.defined} defined)`);
  list('tables', info.tables, (t) => `${t.index}: ${t.type}${imported(t)}`);
  list('memories', info.memories, (m) => `${m.index}: ${m.type}${imported(m)}`);
  list('globals', info.globals, (g) => `${g.index}: ${g.type}${imported(g)}`);
  list('tags', info.tags, (t) => `${t.index}: ${t.type}${imported(t)}`);
  out.push(`start: ${info.start === null ? '(none)' : `func ${info.start}`}`);
  out.push(`element segments: ${info.elementSegments}`);
  out.push(`data segments: ${info.dataSegments}`);
  list('custom sections', info.customSections, (c) => `${q(c.name)} ${c.size} bytes`);
  out.push(`features used: ${info.featuresUsed.length === 0 ? '(mvp only)' : info.featuresUsed.join(', ')}`);
  out.push(`backend (auto, this host): ${info.backend.backend} (${info.backend.reason})`);
  return `${out.join('\n')}\n`;
}
