// Modules at the implementation limits compile and run on this run's backend; one over a limit is an
// ImplementationLimitError from `new Module` (before the fix, 65,536 results or 70,000 struct fields made
// the JS backend's `new Function` throw a host SyntaxError).
import { describe, expect, it } from 'vitest';
import {
  CompileError,
  Engine,
  IMPLEMENTATION_LIMITS,
  ImplementationLimitError,
  Instance,
  Module,
  Store,
} from '../src/index.js';
import { testConfig } from './backend.js';

const engine = new Engine(testConfig());
const L = IMPLEMENTATION_LIMITS;
const times = (n: number, s: string) => Array.from({ length: n }, () => s).join(' ');

function run(wat: string, name: string, ...args: unknown[]): unknown {
  const store = new Store(engine, null);
  const inst = new Instance(store, new Module(engine, wat), []);
  return inst.getTypedFunc<unknown[], unknown>(name).call(...args);
}

function over(wat: string): ImplementationLimitError {
  try {
    new Module(engine, wat);
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError);
    if (e instanceof ImplementationLimitError) return e;
    throw e;
  }
  throw new Error('module compiled');
}

const results = (n: number) =>
  `(module (func (export "f") (result ${times(n, 'i32')}) ${Array.from({ length: n }, (_, i) => `(i32.const ${i})`).join(' ')}))`;
const params = (n: number) =>
  `(module (func (export "f") (param ${times(n, 'i32')}) (result i32) (local.get ${n - 1})))`;
const struct = (n: number) => `(module
  (type $s (struct ${times(n, '(field i32)')}))
  (func (export "f") (result i32)
    (struct.get $s ${n - 1} (struct.new $s ${Array.from({ length: n }, (_, i) => `(i32.const ${i})`).join(' ')}))))`;
const fixed = (n: number) => `(module
  (type $a (array i32))
  (func (export "f") (result i32)
    (array.len (array.new_fixed $a ${n} ${times(n, '(i32.const 7)')}))))`;

describe('implementation limits through the API', () => {
  it('function results', () => {
    const r = run(results(L.functionResults), 'f') as number[];
    expect(r.length).toBe(L.functionResults);
    expect(r[L.functionResults - 1]).toBe(L.functionResults - 1);
    expect(over(results(65_536)).limit).toBe('functionResults');
  });

  it('function parameters (and a tag with too many)', () => {
    const args = Array.from({ length: L.functionParams }, (_, i) => i);
    expect(run(params(L.functionParams), 'f', ...args)).toBe(L.functionParams - 1);
    expect(over(params(70_000)).limit).toBe('functionParams');
    expect(over(`(module (tag (param ${times(70_000, 'i32')})))`).limit).toBe('functionParams');
  });

  it('struct.new of the largest struct', () => {
    expect(run(struct(L.structFields), 'f')).toBe(L.structFields - 1);
    expect(over(struct(70_000)).limit).toBe('structFields');
  });

  it('array.new_fixed with the most operands', () => {
    expect(run(fixed(L.arrayNewFixedOperands), 'f')).toBe(L.arrayNewFixedOperands);
    expect(over(fixed(70_000)).limit).toBe('arrayNewFixedOperands');
  });
});
