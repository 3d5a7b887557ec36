// Module.imports() / Module.exports() over every module of the top-level spec suite: each import and export
// maps to a well-formed, engine-canonical ExternType, without throwing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specSuiteDir } from '@wasmts/testsuite';
import { parseWast, parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { Engine, type ExternType, Module, ValType } from '../src/index.js';
import { testConfig } from './backend.js';

const SUITE = specSuiteDir();
const NUMERIC = new Set([ValType.I32, ValType.I64, ValType.F32, ValType.F64, ValType.V128]);
/** A reference to a concrete type: its engine id. */
const CONCRETE = /^\(ref (?:null )?(\d+)\)$/;
/** A reference to an abstract heap type. */
const ABSTRACT = /^([a-z][a-z0-9]*ref|\(ref (null )?[a-z][a-z0-9]*\))$/;

/** The value types an extern type mentions. */
function valTypesOf(t: ExternType): number[] {
  switch (t.kind) {
    case 'func':
    case 'tag':
      return [...t.type.params, ...t.type.results];
    case 'global':
      return [t.type.type];
    case 'table':
      return [t.type.element];
    default:
      return [];
  }
}

/** The valid modules of a script: every module it defines or expects to fail only at link or start time. */
function modulesOf(file: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const c of parseWast(readFileSync(join(SUITE, file), 'utf8'), { file }).commands) {
    if (c.type !== 'module' && c.type !== 'assert_unlinkable' && c.type !== 'assert_trap_module') continue;
    const m = c.module;
    if (m.kind === 'quote') out.push(parseWat(m.source));
    else if (m.bytes !== undefined) out.push(m.bytes);
  }
  return out;
}

/** The problems of an extern type (empty when it is well-formed and engine-canonical). */
function problems(engine: Engine, t: ExternType): string[] {
  const out: string[] = [];
  const valType = (v: number, where: string) => {
    if (NUMERIC.has(v)) return;
    const text = ValType.toString(v);
    const heap = CONCRETE.exec(text);
    if (heap !== null && !engine.typeRegistry.has(Number(heap[1]))) out.push(`${where}: unknown type id in ${text}`);
    else if (heap === null && !ABSTRACT.test(text)) out.push(`${where}: not a value type: ${text}`);
  };
  const limits = (l: { min: number; max: number | null }) => {
    if (typeof l.min !== 'number' || (l.max !== null && !(l.max >= l.min))) out.push(`bad limits ${JSON.stringify(l)}`);
  };
  switch (t.kind) {
    case 'func':
    case 'tag': {
      const size = engine.typeRegistry.size;
      // a function type the engine registered is its own id: nothing new is registered
      engine.typeRegistry.registerFuncType(t.type);
      if (engine.typeRegistry.size !== size) out.push('function type is not one of the engine');
      t.type.params.forEach((p, i) => valType(p, `param ${i}`));
      t.type.results.forEach((r, i) => valType(r, `result ${i}`));
      if (t.kind === 'tag' && t.type.results.length > 0) out.push('tag with results');
      break;
    }
    case 'global':
      valType(t.type.type, 'global');
      break;
    case 'table':
      valType(t.type.element, 'element');
      limits(t.type.limits);
      break;
    case 'memory':
      limits(t.type.limits);
      if (t.type.pageSizeLog2 !== 16 && t.type.pageSizeLog2 !== 0) out.push(`page size 2^${t.type.pageSizeLog2}`);
      break;
    default:
      out.push(`unknown kind ${(t as { kind: string }).kind}`);
  }
  return out;
}

describe('extern types of the spec suite', () => {
  it('maps the imports and exports of every top-level module', () => {
    const files = readdirSync(SUITE)
      .filter((f) => f.endsWith('.wast'))
      .sort();
    expect(files.length).toBeGreaterThan(200);
    const engine = new Engine(testConfig());
    const counts = { modules: 0, imports: 0, exports: 0, concrete: 0 };
    const failures: string[] = [];
    for (const file of files) {
      modulesOf(file).forEach((bytes, n) => {
        const where = `${file} module ${n}`;
        try {
          const m = new Module(engine, bytes);
          const imports = m.imports();
          const exports = m.exports();
          expect(imports.map((i) => [i.module, i.name, i.type.kind])).toEqual(
            m.module.imports.map((i) => [i.module, i.name, i.type.kind]),
          );
          expect(exports.map((e) => [e.name, e.type.kind])).toEqual(m.module.exports.map((e) => [e.name, e.kind]));
          for (const x of [...imports, ...exports]) {
            for (const p of problems(engine, x.type)) failures.push(`${where} ${x.name}: ${p}`);
            if (valTypesOf(x.type).some((v) => CONCRETE.test(ValType.toString(v)))) counts.concrete++;
          }
          counts.modules++;
          counts.imports += imports.length;
          counts.exports += exports.length;
        } catch (e) {
          failures.push(`${where}: ${e instanceof Error ? e.message : String(e)}`);
        }
      });
    }
    expect(failures).toEqual([]);
    expect(counts.modules).toBeGreaterThan(2000);
    expect(counts.imports).toBeGreaterThan(100);
    expect(counts.exports).toBeGreaterThan(6000);
    expect(counts.concrete).toBeGreaterThan(50);
  });
});
