// Through the API on the JS backend (lazy compilation, the default): a `switch` of 20,000 cases (a br_table over
// 20,000 nested blocks) compiles, runs, serializes and deserializes; what codegen cannot translate is a CompileError.
import { describe, expect, it } from 'vitest';
import { CodegenLimitError, CompileError, Config, Engine, Instance, Module, Store } from '../src/index.js';

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** `run: (i32) -> i32`: a br_table over `n` nested blocks; case i returns i + 1 (the default: the outermost). */
function bigSwitch(n: number): Uint8Array {
  const code: number[] = [0];
  for (let j = 0; j < n; j++) code.push(0x02, 0x40);
  code.push(0x20, 0, 0x0e, ...uleb(n));
  for (let i = 0; i < n; i++) for (const b of uleb(i)) code.push(b);
  for (const b of uleb(n - 1)) code.push(b);
  for (let i = 0; i < n; i++) for (const b of [0x0b, 0x41, ...uleb(i + 1), 0x0f]) code.push(b);
  code.push(0x00, 0x0b);
  const body = [1, ...uleb(code.length)];
  for (const b of code) body.push(b);
  const bytes = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f, 3, 2, 1, 0];
  bytes.push(7, 7, 1, 3, 0x72, 0x75, 0x6e, 0, 0, 10, ...uleb(body.length));
  for (const b of body) bytes.push(b);
  return Uint8Array.from(bytes);
}

const engine = new Engine(new Config({ backend: 'js' }));

describe('deep nesting on the JS backend, through the API', () => {
  it('a br_table over 20,000 nested blocks compiles, runs, and survives serialize / deserialize', () => {
    const module = new Module(engine, bigSwitch(20_000));
    const run = new Instance(new Store(engine, null), module, []).getTypedFunc<[number], number>('run');
    for (const x of [0, 1, 1_799, 19_999]) expect(run.call(x)).toBe(x + 1);
    expect(run.call(25_000)).toBe(20_000);
    const again = Module.deserialize(engine, module.serialize());
    expect(new Instance(new Store(engine, null), again, []).getTypedFunc<[number], number>('run').call(1_800)).toBe(
      1_801,
    );
  });

  it('a legacy try nested deeper than the JS backend translates is a CompileError naming the limit', () => {
    const wat = `(module (func (export "f") ${'(block '.repeat(120)} (try (do) (catch_all)) ${')'.repeat(120)}))`;
    const module = new Module(engine, wat);
    const f = new Instance(new Store(engine, null), module, []).getTypedFunc<[], void>('f');
    let err: unknown;
    try {
      f.call();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CompileError);
    expect(err).toBeInstanceOf(CodegenLimitError);
    expect((err as CodegenLimitError).limit).toBe('legacyTryDepth');
  });
});
