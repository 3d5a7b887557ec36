import { describe, expect, test } from 'vitest';
import { MVP_FEATURES, WASM3_FEATURES, wasmFeatures } from '../../src/features.js';
import { funcIndexOfDefined } from '../../src/module.js';
import { decodeModule } from '../../src/parser.js';
import { DefinedFuncIndex } from '../../src/types.js';
import { validateFunctionBody } from '../../src/validator/func.js';
import {
  buildModule,
  expectOutcome,
  type FuncSpec,
  funcref,
  H,
  i32,
  i32c,
  op,
  outcome,
  ref,
  T,
  v128,
  v128c,
} from './build.js';

describe('feature gating', () => {
  test('operators of a disabled proposal are rejected with its name', () => {
    expectOutcome(outcome([...v128c, op.drop], wasmFeatures({ simd: false })), 'invalid: SIMD support is not enabled');
    expectOutcome(
      outcome([op.ref_null, H.func, op.drop], MVP_FEATURES),
      'invalid: reference types support is not enabled',
    );
    expectOutcome(
      outcome([op.try, 0x40, op.end], wasmFeatures({ legacyExceptions: false })),
      'invalid: legacy exception handling support is not enabled',
    );
    expectOutcome(
      outcome([...i32c(0), op.throw, 0], wasmFeatures({ exceptions: false })),
      'invalid: exception handling support is not enabled',
    );
    expectOutcome(
      outcome([op.ref_null, H.struct, op.drop], wasmFeatures({ gc: false })),
      'invalid: garbage collection support is not enabled',
    );
    expectOutcome(
      outcome([op.gc, 1, T.struct, op.drop], wasmFeatures({ gc: false })),
      'invalid: garbage collection support is not enabled',
    );
    expectOutcome(
      outcome({ results: [i32], body: [...i32c(0), op.return_call, 1] }, wasmFeatures({ tailCall: false })),
      'invalid: tail calls support is not enabled',
    );
    expectOutcome(outcome([op.misc, 19], wasmFeatures({})), 'invalid: wide arithmetic support is not enabled');
    expectOutcome(
      outcome([...v128c, ...v128c, ...v128c, op.simd, 0x85, 0x02, op.drop], wasmFeatures({ relaxedSimd: false })),
      'invalid: relaxed SIMD support is not enabled',
    );
  });

  test('value types of a disabled proposal are rejected in block types, select and locals', () => {
    expectOutcome(
      outcome([op.block, v128, op.unreachable, op.end, op.drop], wasmFeatures({ simd: false })),
      'invalid: SIMD support is not enabled',
    );
    expectOutcome(
      outcome({ locals: [v128], body: [] }, wasmFeatures({ simd: false })),
      'invalid: SIMD support is not enabled',
    );
    expectOutcome(
      outcome({ locals: [funcref], body: [] }, MVP_FEATURES),
      'invalid: reference types support is not enabled',
    );
    expectOutcome(
      outcome({ locals: [ref(T.struct, true)], body: [] }, wasmFeatures({ functionReferences: false, gc: false })),
      'invalid: typed function references support is not enabled',
    );
    expectOutcome(
      outcome([op.block, ...ref(H.func), op.unreachable, op.end, op.drop], wasmFeatures({ functionReferences: false })),
      'invalid: typed function references support is not enabled',
    );
    expectOutcome(
      outcome([op.block, 0x6e, op.unreachable, op.end, op.drop], wasmFeatures({ gc: false })),
      'invalid: garbage collection support is not enabled',
    );
  });

  test('the same bodies are accepted with every Wasm 3.0 feature', () => {
    expect(outcome([...v128c, op.drop])).toBe('ok');
    expect(outcome([op.try, 0x40, op.end])).toBe('ok');
    expect(outcome({ locals: [v128, funcref, ref(T.struct, true)], body: [] })).toBe('ok');
    expect(outcome([op.block, 0x6e, op.unreachable, op.end, op.drop])).toBe('ok');
  });
});

describe('features used', () => {
  test('the proposals a body uses are added to the module', () => {
    const used = (spec: FuncSpec) => {
      const m = decodeModule(buildModule(spec), { validateBodies: false });
      for (let i = 0; i < m.bodies.length; i++)
        validateFunctionBody(m, WASM3_FEATURES, funcIndexOfDefined(m, DefinedFuncIndex(i)), m.bodies[i]);
      return m.featuresUsed;
    };
    const simd = used({ body: [...v128c, op.drop] });
    expect(simd.has('simd')).toBe(true);
    expect(simd.has('tailCall')).toBe(false);
    expect(used({ results: [i32], body: [...i32c(0), op.return_call, 1] }).has('tailCall')).toBe(true);
    expect(used({ body: [op.try, 0x40, op.end] }).has('legacyExceptions')).toBe(true);
    expect(used({ body: [op.gc, 1, T.struct, op.drop] }).has('gc')).toBe(true);
    expect(used({ body: [op.memory_size, 1, op.drop] }).has('multiMemory')).toBe(true);
    expect(used({ locals: [v128], body: [] }).has('simd')).toBe(true);
    expect(used({ body: [...i32c(0), 0xc0, op.drop] }).has('signExtension')).toBe(true);
  });
});
