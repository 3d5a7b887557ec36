// Each implementation limit: a module at the limit decodes, one over it is an ImplementationLimitError
// naming the limit (never a host error, and before anything is allocated from the count).

import { describe, expect, it } from 'vitest';
import {
  CompileError,
  decodeModule,
  IMPLEMENTATION_LIMITS,
  type ImplementationLimit,
  ImplementationLimitError,
} from '../src/index.js';
import { body, functype, section, u32, vec, wasm } from './wasm-bytes.js';

const i32 = 0x7f;
const L = IMPLEMENTATION_LIMITS;

function limitError(bytes: Uint8Array): ImplementationLimitError {
  try {
    decodeModule(bytes);
  } catch (e) {
    if (e instanceof ImplementationLimitError) return e;
    throw e;
  }
  throw new Error('module decoded without error');
}

function limitErrorOrMessage(bytes: Uint8Array): string {
  try {
    decodeModule(bytes);
  } catch (e) {
    if (e instanceof ImplementationLimitError) return `limit ${e.limit}`;
    if (e instanceof CompileError) return e.rawMessage;
    throw e;
  }
  return 'ok';
}

function expectOver(limit: ImplementationLimit, bytes: Uint8Array): void {
  const e = limitError(bytes);
  expect(e).toBeInstanceOf(CompileError);
  expect(e.limit).toBe(limit);
  expect(e.max).toBe(L[limit]);
  expect(e.rawMessage).toContain(limit === 'locals' ? 'too many locals' : `(${limit})`);
}

function repeat(n: number, item: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) for (const b of item) out.push(b);
  return out;
}

/** A type section of one type. */
function types(...ts: number[][]): number[] {
  return section(1, vec(ts));
}

/** One function of type 0 with `code` (no final end) and `locals`. */
function oneFunc(code: number[], locals: [number, number][] = []): number[][] {
  return [section(3, vec([[0]])), section(10, vec([body(locals, code)]))];
}

/**
 * A module whose section `id` has a vector count of `n` followed by `n` filler bytes (as many as the
 * smallest items take), so only the limit can reject the count; `before` are earlier sections.
 */
function countOnly(id: number, n: number, prefix: number[] = [], before: number[][] = []): Uint8Array {
  const head = [...prefix, ...u32(n)];
  const start = wasm(...before, [id, ...u32(head.length + n), ...head]);
  const out = new Uint8Array(start.length + n);
  out.set(start);
  return out;
}

describe('implementation limits', () => {
  it('are in one table with the JS API values', () => {
    expect(L.functionParams).toBe(1000);
    expect(L.functionResults).toBe(1000);
    expect(L.structFields).toBe(10_000);
    expect(L.arrayNewFixedOperands).toBe(10_000);
    expect(L.types).toBe(1_000_000);
    expect(L.functionBodyBytes).toBe(7_654_321);
    expect(L.locals).toBe(50_000);
  });

  it('function parameters and results', () => {
    decodeModule(wasm(types(functype(repeat(L.functionParams, [i32]), []))));
    expectOver('functionParams', wasm(types(functype(repeat(L.functionParams + 1, [i32]), []))));
    decodeModule(wasm(types(functype([], repeat(L.functionResults, [i32])))));
    expectOver('functionResults', wasm(types(functype([], repeat(L.functionResults + 1, [i32])))));
    // The case: a function with 65,536 results.
    expectOver('functionResults', wasm(types(functype([], repeat(65_536, [i32])))));
    // A 70,000-parameter tag (its type is a function type).
    expectOver('functionParams', wasm(types(functype(repeat(70_000, [i32]), []))));
  });

  it('struct fields', () => {
    const struct = (n: number) => [0x5f, ...u32(n), ...repeat(n, [i32, 0])];
    decodeModule(wasm(types(struct(L.structFields))));
    expectOver('structFields', wasm(types(struct(L.structFields + 1))));
    expectOver('structFields', wasm(types(struct(70_000))));
  });

  it('array.new_fixed operands', () => {
    const arr = [0x5e, i32, 0];
    const fn = [0x60, 0, 1, 0x64, 0];
    const code = (n: number) => [...repeat(n, [0x41, 0]), 0xfb, 0x08, ...u32(0), ...u32(n)];
    decodeModule(
      wasm(types(arr, fn), section(3, vec([[1]])), section(10, vec([body([], code(L.arrayNewFixedOperands))]))),
    );
    const over = wasm(types(arr, fn), section(3, vec([[1]])), section(10, vec([body([], code(70_000))])));
    expectOver('arrayNewFixedOperands', over);
  });

  it('locals, parameters included', () => {
    decodeModule(wasm(types(functype([i32, i32], [])), ...oneFunc([], [[L.locals - 2, i32]])));
    const e = limitError(wasm(types(functype([i32, i32], [])), ...oneFunc([], [[L.locals - 1, i32]])));
    expect(e.limit).toBe('locals');
    expect(e.kind).toBe('malformed'); // the spec suite's "too many locals"
    expectOver('locals', wasm(types(functype([], [])), ...oneFunc([], [[L.locals + 1, i32]])));
  });

  it('br_table targets', () => {
    const code = (n: number) => [0x02, 0x40, 0x41, 0, 0x0e, ...u32(n), ...repeat(n, [0]), 0, 0x0b];
    decodeModule(wasm(types(functype([], [])), ...oneFunc(code(L.brTableTargets))));
    expectOver('brTableTargets', wasm(types(functype([], [])), ...oneFunc(code(L.brTableTargets + 1))));
  });

  it('subtype depth', () => {
    const chain = (n: number) => {
      const ts = [[0x50, 0, 0x5f, 0]];
      for (let i = 1; i < n; i++) ts.push([0x50, 1, ...u32(i - 1), 0x5f, 0]);
      return ts;
    };
    // depth counts the supertypes above a type: a chain of 64 types has depth 63
    decodeModule(wasm(section(1, vec(chain(L.subtypeDepth + 1)))));
    expectOver('subtypeDepth', wasm(section(1, vec(chain(L.subtypeDepth + 2)))));
  });

  it('memories and tables', () => {
    const mems = (n: number) => section(5, vec(Array.from({ length: n }, () => [0x00, 0])));
    decodeModule(wasm(mems(L.memories)));
    expectOver('memories', wasm(mems(L.memories + 1)));
    expectOver('tables', countOnly(4, L.tables + 1));
  });

  it('counts of index spaces and segments, checked before their items are read', () => {
    expectOver('types', countOnly(1, L.types + 1));
    expectOver('types', countOnly(1, L.types + 1, [1, 0x4e]));
    expectOver('imports', countOnly(2, L.imports + 1));
    expectOver('functions', countOnly(3, L.functions + 1, [], [types(functype([], []))]));
    expectOver('globals', countOnly(6, L.globals + 1));
    expectOver('exports', countOnly(7, L.exports + 1));
    expectOver('elementSegments', countOnly(9, L.elementSegments + 1));
    expectOver('dataSegments', countOnly(11, L.dataSegments + 1));
    expectOver('dataSegments', wasm(section(12, u32(L.dataSegments + 1))));
    expectOver('tags', countOnly(13, L.tags + 1));
    // a passive element segment of function indices with too many items
    expectOver('elementSegmentItems', countOnly(9, L.elementSegmentItems + 1, [1, 1, 0]));
  });

  it('a count the input cannot hold is still the end of input (the reference interpreter)', () => {
    expect(limitErrorOrMessage(wasm(section(2, u32(L.imports + 1))))).toContain('unexpected end');
  });

  it('function body bytes', () => {
    const head = (size: number) => {
      const payload = [...u32(1), ...u32(size)];
      return wasm(types(functype([], [])), section(3, vec([[0]])), [10, ...u32(payload.length + size), ...payload]);
    };
    const withBody = (size: number) => {
      const h = head(size);
      const out = new Uint8Array(h.length + size).fill(0x01); // nops
      out.set(h);
      out[h.length] = 0; // no locals
      out[out.length - 1] = 0x0b;
      return out;
    };
    decodeModule(withBody(L.functionBodyBytes));
    expectOver('functionBodyBytes', withBody(L.functionBodyBytes + 1));
  });
});
