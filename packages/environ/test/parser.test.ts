import { describe, expect, it } from 'vitest';
import {
  CompileError,
  type DecodeOptions,
  decodeModule,
  FUNCREF,
  FuncIndex,
  HeapKind,
  I32,
  I64,
  isValid,
  MVP_FEATURES,
  readSections,
  refType,
  TypeIndex,
  validate,
  wasmFeatures,
} from '../src/index.js';
import { body, functype, HEADER, s32, section, str, u32, vec, wasm } from './wasm-bytes.js';

const i32 = 0x7f;
const i64 = 0x7e;
const END = 0x0b;

function error(bytes: Uint8Array, options?: DecodeOptions): CompileError {
  try {
    decodeModule(bytes, options);
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error('module decoded without error');
}

function expectMalformed(bytes: Uint8Array, message: string, options?: DecodeOptions): void {
  const e = error(bytes, options);
  expect(e.rawMessage).toContain(message);
  expect(e.kind).toBe('malformed');
}

function expectInvalid(bytes: Uint8Array, message: string, options?: DecodeOptions): void {
  const e = error(bytes, options);
  expect(e.rawMessage).toContain(message);
  expect(e.kind).toBe('invalid');
}

// A module that uses every section kind and every element segment encoding.
const typeSec = section(1, [
  ...u32(4),
  ...functype([i32], [i32]), // 0
  ...functype([], []), // 1
  // rec group: 2 = sub (struct (mut i32) i8), 3 = sub final 2 (struct (mut i32) i8 i64)
  ...[0x4e, 2, 0x50, 0, 0x5f, 2, i32, 1, 0x78, 0, 0x4f, 1, 2, 0x5f, 3, i32, 1, 0x78, 0, i64, 0],
  ...[0x5e, 0x77, 1], // 4 = array (mut i16)
]);
const importSec = section(
  2,
  vec([
    [...str('m'), ...str('f'), 0, 0],
    [...str('m'), ...str('t'), 1, 0x70, 0, 1],
    [...str('m'), ...str('mem'), 2, 0, 1],
    [...str('m'), ...str('g'), 3, i32, 0],
    [...str('m'), ...str('e'), 4, 0, 1],
  ]),
);
const funcSec = section(3, vec([[1], [0]]));
const tableSec = section(4, vec([[0x40, 0x00, 0x64, 0x00, 0x00, 2, 0xd2, 2, END]]));
const memSec = section(5, vec([[0x05, 1, 2]]));
const tagSec = section(13, vec([[0, 1]]));
const globalSec = section(
  6,
  vec([
    [i32, 0, 0x23, 0, END],
    [i64, 1, 0x42, 5, 0x42, 3, 0x7e, END],
    [0x64, 2, 0, 0xfb, 1, 2, END],
    [0x70, 0, 0xd2, 1, END],
  ]),
);
const exportSec = section(
  7,
  vec([
    [...str('f1'), 0, 1],
    [...str('mem'), 2, 0],
    [...str('g'), 3, 1],
    [...str('t'), 1, 1],
    [...str('e'), 4, 1],
  ]),
);
const startSec = section(8, [1]);
const offset0 = [0x41, 0, END];
const elemSec = section(
  9,
  vec([
    [0, ...offset0, ...vec([[1]])],
    [1, 0, ...vec([[2]])],
    [2, 0, ...offset0, 0, ...vec([[1]])],
    [3, 0, ...vec([[0]])],
    [
      4,
      ...offset0,
      ...vec([
        [0xd2, 1, END],
        [0xd0, 0x70, END],
      ]),
    ],
    [5, 0x70, ...vec([[0xd2, 2, END]])],
    [6, 0, ...offset0, 0x70, ...vec([[0xd0, 0x70, END]])],
    [7, 0x70, ...vec([[0xd2, 0, END]])],
  ]),
);
const dataCountSec = section(12, [3]);
const codeSec = section(10, vec([body([[2, i32]], []), body([], [0x20, 0])]));
const dataSec = section(
  11,
  vec([
    [0, ...offset0, ...str('ab')],
    [1, ...str('c')],
    [2, 1, 0x42, 0, END, 0],
  ]),
);
const nameSec = section(0, [
  ...str('name'),
  ...section(0, str('mod')),
  ...section(
    1,
    vec([
      [1, ...str('one')],
      [2, ...str('two')],
    ]),
  ),
  ...section(2, vec([[2, ...vec([[0, ...str('x')]])]])),
  ...section(4, vec([[0, ...str('sig')]])),
  ...section(10, vec([[2, ...vec([[0, ...str('a')]])]])),
]);
const customSec = section(0, [...str('hello'), 1, 2, 3]);

const FULL = wasm(
  typeSec,
  importSec,
  funcSec,
  tableSec,
  memSec,
  tagSec,
  globalSec,
  exportSec,
  startSec,
  elemSec,
  dataCountSec,
  codeSec,
  dataSec,
  nameSec,
  customSec,
);

describe('decodeModule: every section', () => {
  const m = decodeModule(FULL);

  it('decodes types, rec groups and subtyping', () => {
    expect(m.types).toHaveLength(5);
    expect(m.recGroups).toEqual([
      { start: 0, count: 1 },
      { start: 1, count: 1 },
      { start: 2, count: 2 },
      { start: 4, count: 1 },
    ]);
    expect(m.types[0].composite).toEqual({ kind: 'func', params: [I32], results: [I32] });
    expect(m.types[2].final).toBe(false);
    expect(m.types[3].final).toBe(true);
    expect(m.types[3].supertype).toBe(2);
    expect(m.types[3].composite.kind).toBe('struct');
    expect(m.types[4].composite).toEqual({ kind: 'array', field: { type: 0x77, mutable: true } });
  });

  it('decodes imports and index spaces', () => {
    expect(m.imports.map((i) => i.type.kind)).toEqual(['func', 'table', 'memory', 'global', 'tag']);
    expect(m.functions).toEqual([0, 1, 0]);
    expect(m.numImportedFuncs).toBe(1);
    expect(m.numImportedTables).toBe(1);
    expect(m.numImportedMemories).toBe(1);
    expect(m.numImportedGlobals).toBe(1);
    expect(m.numImportedTags).toBe(1);
  });

  it('decodes tables, memories, tags and globals', () => {
    expect(m.tables).toHaveLength(2);
    expect(m.tables[1].type.element).toBe(refType(0, false));
    expect(m.tables[1].init).not.toBeNull();
    expect(m.memories[1]).toEqual({ limits: { min: 1, max: 2 }, shared: false, index64: true, pageSizeLog2: 16 });
    expect(m.tags).toEqual([{ typeIndex: 1 }, { typeIndex: 1 }]);
    expect(m.globals).toHaveLength(5);
    expect(m.globals[2].type).toEqual({ type: I64, mutable: true });
    expect(m.globals[3].type.type).toBe(refType(2, false));
  });

  it('decodes exports, start, elements and data', () => {
    expect(m.exports.map((e) => [e.name, e.kind, e.index])).toEqual([
      ['f1', 'func', 1],
      ['mem', 'memory', 0],
      ['g', 'global', 1],
      ['t', 'table', 1],
      ['e', 'tag', 1],
    ]);
    expect(m.start).toBe(1);
    expect(m.elements.map((e) => e.mode)).toEqual([
      'active',
      'passive',
      'active',
      'declarative',
      'active',
      'passive',
      'active',
      'declarative',
    ]);
    expect(m.elements[0].funcIndices).toEqual([1]);
    expect(m.elements[0].type).toBe(refType(HeapKind.Func, false));
    expect(m.elements[4].exprs).toHaveLength(2);
    expect(m.elements[4].type).toBe(FUNCREF);
    expect(m.dataCount).toBe(3);
    expect(m.data.map((d) => d.mode)).toEqual(['active', 'passive', 'active']);
    expect(m.data[2].memory).toBe(1);
    const d0 = m.data[0].data;
    expect([...FULL.subarray(d0.start, d0.end)]).toEqual([0x61, 0x62]);
  });

  it('records bodies and locals', () => {
    expect(m.bodies).toHaveLength(2);
    expect(m.bodies[0].locals).toEqual([[2, I32]]);
    expect(FULL[m.bodies[1].codeStart]).toBe(0x20);
    expect(FULL[m.bodies[1].range.end - 1]).toBe(END);
  });

  it('tracks declared function references', () => {
    expect([...m.declaredFuncRefs].sort()).toEqual([0, 1, 2]);
  });

  it('reads the name section and custom sections', () => {
    expect(m.names.module).toBe('mod');
    expect(m.names.functions.get(FuncIndex(1))).toBe('one');
    expect(m.names.locals.get(FuncIndex(2))?.get(0)).toBe('x');
    expect(m.names.types.get(TypeIndex(0))).toBe('sig');
    expect(m.names.fields.get(TypeIndex(2))?.get(0)).toBe('a');
    expect(m.customSections.map((c) => c.name)).toEqual(['name', 'hello']);
    expect(m.sectionSizes.get('code')).toBe(codeSec.length - 2);
  });

  it('records the features used', () => {
    for (const f of ['gc', 'memory64', 'exceptions', 'extendedConst', 'multiMemory', 'bulkMemory']) {
      expect(m.featuresUsed.has(f)).toBe(true);
    }
  });

  it('lists sections cheaply', () => {
    const s = readSections(FULL);
    expect(s.map((x) => x.name)).toEqual([
      'type',
      'import',
      'function',
      'table',
      'memory',
      'tag',
      'global',
      'export',
      'start',
      'element',
      'datacount',
      'code',
      'data',
      'name',
      'hello',
    ]);
    expect(s[0]).toMatchObject({ id: 1, offset: 8, payloadOffset: 10, custom: false });
  });

  it('truncation at every byte gives a CompileError', () => {
    for (let n = 0; n < FULL.length; n++) {
      let thrown: unknown = null;
      try {
        decodeModule(FULL.subarray(0, n));
      } catch (e) {
        thrown = e;
      }
      // A cut just after a complete section (or inside the trailing custom sections) can be valid.
      if (thrown !== null) expect(thrown, `cut at ${n}`).toBeInstanceOf(CompileError);
    }
    expect(isValid(FULL.subarray(0, 8))).toBe(true);
    expect(isValid(FULL.subarray(0, 20))).toBe(false);
  });

  it('every single-byte corruption gives a module or a CompileError', () => {
    const copy = new Uint8Array(FULL);
    for (let i = 8; i < copy.length; i++) {
      for (const v of [0x00, 0x7f, 0x80, 0xff]) {
        const old = copy[i];
        copy[i] = v;
        try {
          decodeModule(copy);
        } catch (e) {
          if (!(e instanceof CompileError)) throw new Error(`byte ${i} = ${v}: ${String(e)}`);
        }
        copy[i] = old;
      }
    }
  });
});

describe('decodeModule: malformed', () => {
  it('checks the header', () => {
    expectMalformed(new Uint8Array([]), 'unexpected end');
    expectMalformed(new Uint8Array([0, 0x61, 0x73]), 'unexpected end');
    expectMalformed(new Uint8Array([0, 0x41, 0x53, 0x4d, 1, 0, 0, 0]), 'magic header not detected');
    expectMalformed(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0]), 'unexpected end');
    expectMalformed(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]), 'unknown binary version');
  });

  it('checks section framing and order', () => {
    expectMalformed(wasm([14, 0]), 'malformed section id');
    expectMalformed(wasm([1, 5, 0]), 'length out of bounds');
    expectMalformed(wasm(section(1, [0, 0])), 'section size mismatch');
    expectMalformed(wasm(section(3, [0]), section(1, [0])), 'unexpected content after last section');
    expectMalformed(wasm(section(1, [0]), section(1, [0])), 'unexpected content after last section');
    expectMalformed(wasm(section(6, [0]), section(13, [0])), 'unexpected content after last section');
    expectMalformed(wasm(section(10, [0]), section(12, [0])), 'unexpected content after last section');
    expectMalformed(wasm([0]), 'unexpected end');
    expectMalformed(wasm(section(0, [])), 'unexpected end');
  });

  it('reports truncation inside a section', () => {
    expectMalformed(wasm(section(5, [1])), 'unexpected end of section or function');
  });

  it('rejects bad integers and names', () => {
    expectMalformed(wasm(section(1, [0x80, 0x80, 0x80, 0x80, 0x10])), 'integer too large');
    expectMalformed(wasm(section(1, [0x80, 0x80, 0x80, 0x80, 0x80, 0])), 'integer representation too long');
    expectMalformed(wasm(section(0, [2, 0xc3, 0x28])), 'malformed UTF-8 encoding');
    expectMalformed(wasm(section(2, vec([[...str('m'), 2, 0xff, 0xfe, 3, i32, 0]]))), 'malformed UTF-8 encoding');
  });

  it('rejects bad kinds and flags', () => {
    expectMalformed(wasm(section(2, vec([[...str('m'), ...str('x'), 5, 0]]))), 'malformed import kind');
    expectMalformed(wasm(section(6, vec([[i32, 2, 0x41, 0, END]]))), 'malformed mutability');
    expectMalformed(wasm(section(5, vec([[0x10, 0]]))), 'malformed limits flags');
    expectMalformed(wasm(section(4, vec([[0x70, 0x02, 0]]))), 'malformed limits flags');
    expectMalformed(wasm(section(1, vec([[0x55]]))), 'malformed definition type');
    expectMalformed(wasm(section(1, vec([functype([0x40], [])]))), 'malformed value type');
    expectMalformed(wasm(section(4, vec([[i32, 0, 0]]))), 'malformed reference type');
  });

  it('checks function, code and data counts', () => {
    const t = section(1, vec([functype([], [])]));
    expectMalformed(wasm(t, section(3, vec([[0]]))), 'function and code section have inconsistent lengths');
    expectMalformed(wasm(t, section(10, vec([body([], [])]))), 'function and code section have inconsistent lengths');
    expectMalformed(
      wasm(t, section(3, vec([[0], [0]])), section(10, vec([body([], [])]))),
      'function and code section have inconsistent lengths',
    );
    expectMalformed(wasm(section(12, [1])), 'data count and data section have inconsistent lengths');
    expectMalformed(
      wasm(section(5, vec([[0, 1]])), section(12, [2]), section(11, vec([[1, 0]]))),
      'data count and data section have inconsistent lengths',
    );
  });

  it('limits locals', () => {
    const t = section(1, vec([functype([], [])]));
    const f = section(3, vec([[0]]));
    expectMalformed(wasm(t, f, section(10, vec([body([[50_001, i32]], [])]))), 'too many locals');
    expectMalformed(
      wasm(
        t,
        f,
        section(
          10,
          vec([
            body(
              [
                [0xffffffff, i32],
                [2, i64],
              ],
              [],
            ),
          ]),
        ),
      ),
      'too many locals',
    );
    expect(isValid(wasm(t, f, section(10, vec([body([[50_000, i32]], [])]))))).toBe(true);
  });

  it('rejects a constant expression without end or with an unknown opcode', () => {
    expectMalformed(wasm(section(6, vec([[i32, 0, 0x41, 0]]))), 'unexpected end');
    expectMalformed(wasm(section(6, vec([[i32, 0, 0xf3, END]]))), 'illegal opcode');
  });
});

describe('decodeModule: invalid', () => {
  const t = section(1, vec([functype([], []), functype([i32], [i32])]));

  it('checks type indices and supertypes', () => {
    expectInvalid(wasm(section(1, vec([functype([0x63, 5], [])]))), 'unknown type');
    expectInvalid(wasm(t, section(3, vec([[2]]))), 'unknown type');
    // forward reference outside the rec group
    expectInvalid(wasm(section(1, vec([functype([0x63, 1], []), functype([], [])]))), 'unknown type');
    // final supertype
    expectInvalid(
      wasm(
        section(
          1,
          vec([
            [0x5f, 0],
            [0x50, 1, 0, 0x5f, 0],
          ]),
        ),
      ),
      'sub type',
    );
    // struct subtype with a mismatched field
    expectInvalid(
      wasm(
        section(
          1,
          vec([
            [0x50, 0, 0x5f, 1, i32, 0],
            [0x50, 1, 0, 0x5f, 1, i64, 0],
          ]),
        ),
      ),
      'sub type 1 does not match super type 0',
    );
    // mutable fields are invariant
    expectInvalid(
      wasm(
        section(
          1,
          vec([
            [0x50, 0, 0x5f, 1, 0x6e, 1],
            [0x50, 1, 0, 0x5f, 1, 0x6d, 1],
          ]),
        ),
      ),
      'sub type',
    );
    // immutable fields are covariant, and width subtyping is allowed
    expect(
      isValid(
        wasm(
          section(
            1,
            vec([
              [0x50, 0, 0x5f, 1, 0x6e, 0],
              [0x50, 1, 0, 0x5f, 2, 0x6d, 0, i32, 1],
            ]),
          ),
        ),
      ),
    ).toBe(true);
    // func: contravariant params, covariant results
    expect(
      isValid(
        wasm(
          section(
            1,
            vec([
              [0x50, 0, ...functype([0x6d], [0x6e])],
              [0x50, 1, 0, ...functype([0x6e], [0x6d])],
            ]),
          ),
        ),
      ),
    ).toBe(true);
    expectInvalid(
      wasm(
        section(
          1,
          vec([
            [0x50, 0, ...functype([0x6e], [0x6d])],
            [0x50, 1, 0, ...functype([0x6d], [0x6e])],
          ]),
        ),
      ),
      'sub type',
    );
    // a struct cannot subtype an array
    expectInvalid(
      wasm(
        section(
          1,
          vec([
            [0x50, 0, 0x5e, i32, 0],
            [0x50, 1, 0, 0x5f, 0],
          ]),
        ),
      ),
      'sub type',
    );
  });

  it('checks limits', () => {
    expectInvalid(wasm(section(5, vec([[1, 2, 1]]))), 'size minimum must not be greater than maximum');
    expectInvalid(wasm(section(5, vec([[0, ...u32(65537)]]))), 'memory size must be at most 65536 pages (4GiB)');
    expect(isValid(wasm(section(5, vec([[0, ...u32(65536)]]))))).toBe(true);
    expectInvalid(wasm(section(5, vec([[4, ...u32(2 ** 48 + 1)]]))), 'memory size');
    expect(isValid(wasm(section(5, vec([[4, ...u32(2 ** 48)]]))))).toBe(true);
    expectInvalid(wasm(section(4, vec([[0x70, 1, 2, 1]]))), 'size minimum must not be greater than maximum');
    expectInvalid(wasm(section(5, vec([[2, 1]]))), 'threads support is not enabled');
    // table64 limits beyond 2^53 are compared exactly
    const max64 = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    const max64m1 = [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    expectInvalid(wasm(section(4, vec([[0x70, 5, ...max64, ...max64m1]]))), 'size minimum');
    expect(isValid(wasm(section(4, vec([[0x70, 5, ...max64m1, ...max64]]))))).toBe(true);
    expectInvalid(wasm(section(4, vec([[0x70, 0, 0x80, 0x80, 0x80, 0x80, 0x10]]))), 'table size');
  });

  it('checks exports and the start function', () => {
    const f = section(3, vec([[0], [1]]));
    const c = section(10, vec([body([], []), body([], [0x20, 0])]));
    expectInvalid(
      wasm(
        t,
        f,
        section(
          7,
          vec([
            [...str('a'), 0, 0],
            [...str('a'), 0, 1],
          ]),
        ),
        c,
      ),
      'duplicate export name',
    );
    expectInvalid(wasm(t, f, section(7, vec([[...str('a'), 0, 2]])), c), 'unknown function 2');
    expectInvalid(wasm(t, f, section(7, vec([[...str('a'), 2, 0]])), c), 'unknown memory 0');
    expectInvalid(wasm(t, f, section(8, [1]), c), 'start function');
    expectInvalid(wasm(t, f, section(8, [2]), c), 'unknown function');
    expect(isValid(wasm(t, f, section(8, [0]), c))).toBe(true);
    expect(decodeModule(wasm(t, f, section(8, [0]), c)).start).toBe(0);
  });

  it('checks tags', () => {
    expectInvalid(wasm(t, section(13, vec([[0, 1]]))), 'non-empty tag result type');
    expectInvalid(wasm(t, section(13, vec([[0, 0]]))), 'exception handling support is not enabled', {
      features: wasmFeatures({ exceptions: false }),
    });
  });

  it('checks constant expressions', () => {
    const g = (type: number[], mut: number, expr: number[]) => wasm(section(6, vec([[...type, mut, ...expr, END]])));
    expectInvalid(g([i32], 0, [0x42, 0]), 'type mismatch');
    expectInvalid(g([i32], 0, []), 'type mismatch');
    expectInvalid(g([i32], 0, [0x41, 0, 0x41, 0]), 'type mismatch');
    expectInvalid(g([i32], 0, [0x41, 0, 0x1a]), 'constant expression required');
    expectInvalid(g([i32], 0, [0x41, 0, 0x41, 0, 0x6d]), 'constant expression required');
    expectInvalid(g([i32], 0, [0x23, 0]), 'unknown global 0');
    expectInvalid(g([i32], 0, [0x41, 1, 0x41, 2, 0x6a]), 'constant expression required', {
      features: wasmFeatures({ extendedConst: false }),
    });
    expect(isValid(g([i32], 0, [0x41, 1, 0x41, 2, 0x6a]))).toBe(true);
    expect(isValid(g([i32], 0, [0x41, ...s32(-5)]))).toBe(true);
    // global.get of an earlier immutable defined global (GC), not of a mutable one or a later one
    const two = (first: number[], second: number[]) =>
      wasm(
        section(
          6,
          vec([
            [...first, END],
            [i32, 0, ...second, END],
          ]),
        ),
      );
    expect(isValid(two([i32, 0, 0x41, 1], [0x23, 0]))).toBe(true);
    expectInvalid(two([i32, 1, 0x41, 1], [0x23, 0]), 'constant expression required');
    expectInvalid(two([i32, 0, 0x23, 1], [0x41, 0]), 'unknown global 1');
    expectInvalid(two([i32, 0, 0x41, 1], [0x23, 0]), 'unknown global 0', { features: wasmFeatures({ gc: false }) });
    // GC constant instructions
    const types = section(
      1,
      vec([
        [0x5f, 1, i32, 0],
        [0x5e, 0x78, 1],
      ]),
    );
    const gg = (type: number[], expr: number[]) => wasm(types, section(6, vec([[...type, 0, ...expr, END]])));
    expect(isValid(gg([0x64, 0], [0x41, 7, 0xfb, 0, 0]))).toBe(true);
    expect(isValid(gg([0x63, 1], [0x41, 7, 0x41, 8, 0xfb, 8, 1, 2]))).toBe(true);
    expect(isValid(gg([0x63, 1], [0x41, 3, 0xfb, 7, 1]))).toBe(true);
    expect(isValid(gg([0x6c], [0x41, 3, 0xfb, 0x1c]))).toBe(true);
    expect(isValid(gg([0x6f], [0xd0, 0x6e, 0xfb, 0x1b]))).toBe(true);
    expectInvalid(gg([0x64, 1], [0x41, 7, 0xfb, 0, 0]), 'type mismatch');
    expectInvalid(gg([0x64, 0], [0xfb, 0, 0]), 'type mismatch');
    expectInvalid(gg([0x6f], [0xd0, 0x6e, 0xfb, 0x1a]), 'type mismatch');
  });

  it('checks element and data segments', () => {
    const f = section(3, vec([[0]]));
    const c = section(10, vec([body([], [])]));
    expectInvalid(wasm(t, f, section(9, vec([[0, ...[0x41, 0, END], ...vec([[0]])]])), c), 'unknown table 0');
    const tab = section(4, vec([[0x6f, 0, 1]]));
    expectInvalid(wasm(t, f, tab, section(9, vec([[0, 0x41, 0, END, ...vec([[0]])]])), c), 'type mismatch');
    expectInvalid(
      wasm(t, f, section(4, vec([[0x70, 0, 1]])), section(9, vec([[0, 0x41, 0, END, ...vec([[1]])]])), c),
      'unknown function 1',
    );
    expectInvalid(wasm(section(11, vec([[0, 0x41, 0, END, 0]]))), 'unknown memory 0');
    expectInvalid(wasm(section(5, vec([[4, 1]])), section(11, vec([[0, 0x41, 0, END, 0]]))), 'type mismatch');
  });

  it('gates mutable globals only at the boundary', () => {
    const mvp = { features: MVP_FEATURES };
    expect(isValid(wasm(section(6, vec([[i32, 1, 0x41, 0, END]]))), MVP_FEATURES)).toBe(true);
    expectInvalid(
      wasm(section(6, vec([[i32, 1, 0x41, 0, END]])), section(7, vec([[...str('g'), 3, 0]]))),
      'mutable globals support is not enabled',
      mvp,
    );
    expectInvalid(wasm(section(2, vec([[...str('m'), ...str('g'), 3, i32, 1]]))), 'mutable globals', mvp);
  });

  it('gates features', () => {
    expectInvalid(
      wasm(
        section(
          5,
          vec([
            [0, 1],
            [0, 1],
          ]),
        ),
      ),
      'multiple memories',
      {
        features: wasmFeatures({ multiMemory: false }),
      },
    );
    expectInvalid(wasm(section(1, vec([[0x5f, 0]]))), 'garbage collection support is not enabled', {
      features: MVP_FEATURES,
    });
    expectInvalid(wasm(section(1, vec([functype([0x7b], [])]))), 'SIMD support is not enabled', {
      features: wasmFeatures({ simd: false }),
    });
    expectInvalid(wasm(section(1, vec([functype([], [i32, i32])]))), 'multi-value support is not enabled', {
      features: MVP_FEATURES,
    });
    expectInvalid(wasm(section(5, vec([[4, 1]]))), 'memory64 support is not enabled', { features: MVP_FEATURES });
    const m = decodeModule(wasm(section(1, vec([functype([0x7b], [])]))));
    expect([...m.featuresUsed]).toEqual(['simd']);
  });

  it('takes a funcref table as Wasm 1.0 and an externref one as reference types', () => {
    // A funcref table (0x70) was rejected without reference types before the fix.
    expect(isValid(wasm(section(4, vec([[0x70, 0, 10]]))), MVP_FEATURES)).toBe(true);
    expectInvalid(wasm(section(4, vec([[0x6f, 0, 10]]))), 'reference types support is not enabled', {
      features: MVP_FEATURES,
    });
    expectInvalid(
      wasm(
        section(
          4,
          vec([
            [0x70, 0, 1],
            [0x70, 0, 1],
          ]),
        ),
      ),
      'multiple tables',
      {
        features: MVP_FEATURES,
      },
    );
  });
});

describe('decodeModule: canonical types', () => {
  it('gives iso-recursively equal types the same canonical index', () => {
    const m = decodeModule(
      wasm(
        section(
          1,
          vec([
            functype([i32], []), // 0
            [0x4e, 2, 0x5f, 1, 0x63, 2, 0, 0x5f, 1, 0x63, 1, 0], // 1, 2: mutually recursive structs
            functype([i32], []), // 3 == 0
            [0x4e, 2, 0x5f, 1, 0x63, 5, 0, 0x5f, 1, 0x63, 4, 0], // 4, 5 == 1, 2
            [0x4e, 2, 0x5f, 1, 0x63, 4, 0, 0x5f, 1, 0x63, 6, 0], // 6, 7: different shape
            [0x5f, 1, 0x63, 0, 0], // 8: refers to 0
            [0x5f, 1, 0x63, 3, 0], // 9 == 8, since 3 == 0
          ]),
        ),
      ),
    );
    const c = m.types.map((t) => t.canonical);
    expect(c[3]).toBe(0);
    expect(c[4]).toBe(1);
    expect(c[5]).toBe(2);
    expect(c[6]).toBe(6);
    expect(c[7]).toBe(7);
    expect(c[9]).toBe(8);
    expect(c[1]).not.toBe(c[2]);
  });
});

describe('decodeModule: hostile input', () => {
  it('fails on huge counts without allocating from them', () => {
    expectMalformed(wasm([3, 5, ...u32(0xffffffff)]), 'unexpected end');
    expectMalformed(wasm([1, 5, ...u32(0xffffffff)]), 'unexpected end');
    expectMalformed(wasm([10, 5, ...u32(0xffffffff)]), 'unexpected end');
    expectMalformed(wasm([2, 5, ...u32(0xffffffff)]), 'unexpected end');
    expect(isValid(wasm(section(0, [...str('name'), ...section(1, u32(0xffffffff))])))).toBe(true);
    expect(error(wasm([1, 7, 1, 0x4e, ...u32(0xffffffff)])).rawMessage).toMatch(/too many types|unexpected end/);
  });

  it('handles 100,000 nested blocks without crashing', () => {
    const n = 100_000;
    const code = new Array<number>(n * 2 + n).fill(0);
    for (let i = 0; i < n; i++) {
      code[2 * i] = 0x02;
      code[2 * i + 1] = 0x40;
    }
    for (let i = 0; i < n; i++) code[2 * n + i] = END;
    const bytes = wasm(section(1, vec([functype([], [])])), section(3, vec([[0]])), section(10, vec([body([], code)])));
    try {
      decodeModule(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(CompileError);
    }
  });

  it('ignores a malformed name section', () => {
    const bad = section(0, [...str('name'), 1, 10, 5, 0xff, 0xff]);
    const m = decodeModule(wasm(bad));
    expect(m.names.functions.size).toBe(0);
    const partial = section(0, [...str('name'), ...section(0, str('ok')), ...section(1, [9, 9, 9])]);
    expect(decodeModule(wasm(partial)).names.module).toBe('ok');
  });

  it('validate and isValid agree', () => {
    expect(() => validate(FULL)).not.toThrow();
    expect(isValid(new Uint8Array(HEADER))).toBe(true);
    expect(isValid(new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
