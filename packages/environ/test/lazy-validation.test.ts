import { describe, expect, it } from 'vitest';
import { CompileError, decodeModule, validateAllBodies, validateBody } from '../src/index.js';
import { DefinedFuncIndex } from '../src/types.js';
import { body, functype, section, vec, wasm } from './wasm-bytes.js';

const I32 = 0x7f;
const I64 = 0x7e;
// three functions () -> i32: valid, invalid (returns an i64), valid using sign-extension (a feature recorded as used)
const bytes = wasm(
  section(1, vec([functype([], [I32])])),
  section(3, vec([[0], [0], [0]])),
  section(
    10,
    vec([
      body([], [0x41, 1]),
      body([], [0x42, 1]),
      body([[1, I64]], [0x41, 1, 0xc0]), // i32.extend8_s
    ]),
  ),
);

describe("decodeModule(bytes, { validateBodies: 'lazy' })", () => {
  it('eager (the default) rejects the invalid body', () => {
    expect(() => decodeModule(bytes)).toThrow(CompileError);
  });

  it('decodes without validating bodies; validateBody validates one, once; an invalid one throws each time', () => {
    const m = decodeModule(bytes, { validateBodies: 'lazy' });
    expect([...(m.pendingBodies?.pending ?? [])]).toEqual([1, 1, 1]);
    validateBody(m, DefinedFuncIndex(0));
    expect([...(m.pendingBodies?.pending ?? [])]).toEqual([0, 1, 1]);
    expect(() => validateBody(m, DefinedFuncIndex(1))).toThrow(/type mismatch/);
    expect(() => validateBody(m, DefinedFuncIndex(1))).toThrow(CompileError);
    expect(m.pendingBodies?.pending[1]).toBe(1);
    expect(m.featuresUsed.has('signExtension')).toBe(false);
    validateBody(m, DefinedFuncIndex(2));
    // a body's proposals are recorded when it is validated
    expect(m.featuresUsed.has('signExtension')).toBe(true);
    expect(() => validateAllBodies(m)).toThrow(CompileError);
  });

  it('a malformed code section still fails at decode; a valid module ends with nothing pending', () => {
    const truncated = bytes.slice(0, bytes.length - 2);
    expect(() => decodeModule(truncated, { validateBodies: 'lazy' })).toThrow(CompileError);
    const valid = wasm(
      section(1, vec([functype([], [I32])])),
      section(3, vec([[0]])),
      section(10, vec([body([], [0x41, 1])])),
    );
    const m = decodeModule(valid, { validateBodies: 'lazy' });
    validateAllBodies(m);
    expect([...(m.pendingBodies?.pending ?? [])]).toEqual([0]);
    expect(decodeModule(valid).pendingBodies).toBeUndefined();
  });
});
