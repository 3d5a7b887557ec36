// `recordSites`: the validator records where the wasm backend's re-encoder has work (CodeSites), and
// recording changes nothing about what is accepted or rejected.
import { describe, expect, test } from 'vitest';
import { CompileError } from '../../src/errors.js';
import { decodeModule } from '../../src/parser.js';
import { SHAPE_CALL_REF, SHAPE_HANDLER, SHAPE_LOOP, SHAPE_RETURN_CALL_REF } from '../../src/validator/sites.js';
import { body, functype, section, u32, vec, wasm } from '../wasm-bytes.js';

const I32 = 0x7f;
const F32 = 0x7d;

/** A module with one memory, one funcref table, a mutable i32 global and the given bodies of type [] -> []. */
function moduleWith(codes: number[][]): Uint8Array {
  return wasm(
    section(1, vec([functype([], [])])),
    section(3, vec(codes.map(() => [0]))),
    section(4, vec([[0x70, 0x00, 0x01]])),
    section(5, vec([[0x00, 0x01]])),
    section(6, vec([[I32, 0x01, 0x41, 0x00, 0x0b]])),
    section(7, vec([[...u32(1), 0x66, 0x00, 0x00]])),
    section(10, vec(codes.map((c) => body([[1, F32]], c)))),
  );
}

/** Every kind of site, each after a `nop` so that positions are told apart; opcode offsets noted. */
const SITES: [string, number[]][] = [
  ['global.get', [0x23, 0x00, 0x1a]],
  ['global.set', [0x41, 0x00, 0x24, 0x00]],
  ['call', [0x10, 0x01]],
  ['memory.grow', [0x41, 0x00, 0x40, 0x00, 0x1a]],
  ['i32.trunc_f32_s', [0x20, 0x00, 0xa8, 0x1a]],
  ['i64.trunc_f32_u', [0x20, 0x00, 0xaf, 0x1a]],
  ['ref.func', [0xd2, 0x00, 0x1a]],
  ['table.grow', [0xd0, 0x70, 0x41, 0x01, 0xfc, ...u32(15), 0x00, 0x1a]],
  ['call_indirect', [0x41, 0x00, 0x11, 0x00, 0x00]],
  ['return_call', [0x12, 0x01]],
];
const OPCODE = new Set([0x23, 0x24, 0x10, 0x40, 0xa8, 0xaf, 0xd2, 0xfc, 0x11, 0x12]);

describe('recordSites', () => {
  test('records the opcode position of every site, per body, in order', () => {
    const code: number[] = [];
    const expected: number[] = [];
    for (const [, ops] of SITES) {
      code.push(0x01);
      ops.forEach((b, i) => {
        // the opcode is the first byte of its kind that is not a constant's or a local's operand
        if (OPCODE.has(b) && (i === 0 || ![0x41, 0x20].includes(ops[i - 1]))) expected.push(code.length + i);
      });
      code.push(...ops);
    }
    // body 1 has no sites; body 2 has one
    const bytes = moduleWith([code, [0x01], [0x10, 0x00]]);
    const m = decodeModule(bytes, { recordSites: true });
    const sites = m.codeSites;
    if (sites === undefined) throw new Error('no sites recorded');
    expect(expected.length).toBe(SITES.length);
    const start = m.bodies[0].codeStart;
    expect([...sites.positions.subarray(0, sites.ends[0])]).toEqual(expected.map((p) => start + p));
    expect(sites.ends[1]).toBe(sites.ends[0]);
    expect(sites.ends[2]).toBe(sites.ends[1] + 1);
    expect(sites.count).toBe(sites.ends[2]);
    expect(bytes[sites.positions[sites.ends[1]]]).toBe(0x10);
  });

  test('is absent unless asked for, and when bodies are not validated', () => {
    const bytes = moduleWith([[0x10, 0x00]]);
    expect(decodeModule(bytes).codeSites).toBeUndefined();
    expect(decodeModule(bytes, { recordSites: true, validateBodies: false }).codeSites).toBeUndefined();
  });

  test('grows past its first buffer (sites in proportion to the bytes)', () => {
    const code: number[] = [];
    for (let i = 0; i < 5000; i++) code.push(0x23, 0x00, 0x1a);
    const m = decodeModule(moduleWith([code]), { recordSites: true });
    expect(m.codeSites?.count).toBe(5000);
    expect(m.codeSites?.ends[0]).toBe(5000);
  });

  test('an invalid or malformed body is the same typed error with and without recording', () => {
    for (const code of [
      [0x23, 0x05, 0x1a], // unknown global
      [0x10, 0x07], // unknown function
      [0x40, 0x00], // memory.grow without an operand
      [0xa8], // truncation without an operand
      [0x11, 0x00], // call_indirect: truncated immediates
    ]) {
      const bytes = moduleWith([code]);
      let plain: unknown;
      let recorded: unknown;
      try {
        decodeModule(bytes);
      } catch (e) {
        plain = e;
      }
      try {
        decodeModule(bytes, { recordSites: true });
      } catch (e) {
        recorded = e;
      }
      expect(plain).toBeInstanceOf(CompileError);
      expect(recorded).toBeInstanceOf(CompileError);
      expect(String(recorded)).toBe(String(plain));
    }
  });
});

describe('scanSites', () => {
  test('notes per body the loops, handlers and call_refs beside its sites (CodeSites.shapes)', () => {
    const bytes = moduleWith([
      [0x01], // nothing
      [0x03, 0x40, 0x0b], // loop
      [0x1f, 0x40, 0x00, 0x0b], // try_table
      [0x02, 0x40, 0x03, 0x40, 0x1f, 0x40, 0x00, 0x0b, 0x0b, 0x0b], // a try_table in a loop in a block
      [0xd2, 0x00, 0x14, 0x00], // call_ref
      [0xd2, 0x00, 0x15, 0x00], // return_call_ref
      [0x10, 0x00, 0x23, 0x00, 0x1a], // sites only
    ]);
    const m = decodeModule(bytes, { recordSites: true, validateBodies: 'lazy' });
    const shapes = m.codeSites?.shapes;
    if (shapes === undefined) throw new Error('no shapes');
    expect([...shapes]).toEqual([
      0,
      SHAPE_LOOP,
      SHAPE_HANDLER,
      SHAPE_LOOP | SHAPE_HANDLER,
      SHAPE_CALL_REF,
      SHAPE_RETURN_CALL_REF,
      0,
    ]);
    expect(m.codeSites?.count).toBe(4); // ref.func twice, call, global.get
    // the validator records sites without shapes
    expect(decodeModule(bytes, { recordSites: true }).codeSites?.shapes).toBeUndefined();
  });

  test('notes per site whether it is inside a loop of its body (CodeSites.inLoop)', () => {
    const bytes = moduleWith([
      // call; block (loop (call; block (call) end; if (call) else (call) end) end; call) end; call
      [
        0x10, 0x00, 0x02, 0x40, 0x03, 0x40, 0x10, 0x00, 0x02, 0x40, 0x10, 0x00, 0x0b, 0x41, 0x00, 0x04, 0x40, 0x10,
        0x00, 0x05, 0x10, 0x00, 0x0b, 0x0b, 0x10, 0x00, 0x0b, 0x10, 0x00,
      ],
      // loop (loop () end; global.get; drop) end; global.get; drop
      [0x03, 0x40, 0x03, 0x40, 0x0b, 0x23, 0x00, 0x1a, 0x0b, 0x23, 0x00, 0x1a],
      // block; try_table (call) end; end; memory.grow in a loop; table.grow after it
      [
        0x02, 0x40, 0x1f, 0x40, 0x00, 0x10, 0x00, 0x0b, 0x0b, 0x03, 0x40, 0x41, 0x00, 0x40, 0x00, 0x1a, 0x0b, 0xd0,
        0x70, 0x41, 0x01, 0xfc,
      ].concat(u32(15), [0x00, 0x1a]),
    ]);
    const m = decodeModule(bytes, { recordSites: true, validateBodies: 'lazy' });
    const sites = m.codeSites;
    const inLoop = sites?.inLoop;
    if (sites === undefined || inLoop === undefined) throw new Error('no inLoop');
    expect([...inLoop.subarray(0, sites.count)]).toEqual([0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 0]);
    // the validator records sites without it
    expect(decodeModule(bytes, { recordSites: true }).codeSites?.inLoop).toBeUndefined();
  });

  test('keeps inLoop beside the positions as they grow, and through deep nesting', () => {
    // 3,000 calls, every other one in a loop, under 200 nested blocks
    const code: number[] = [];
    for (let i = 0; i < 200; i++) code.push(0x02, 0x40);
    for (let i = 0; i < 1500; i++) code.push(0x10, 0x00, 0x03, 0x40, 0x10, 0x00, 0x0b);
    for (let i = 0; i < 200; i++) code.push(0x0b);
    const m = decodeModule(moduleWith([code]), { recordSites: true, validateBodies: 'lazy' });
    const sites = m.codeSites;
    if (sites?.inLoop === undefined) throw new Error('no inLoop');
    expect(sites.count).toBe(3000);
    for (let i = 0; i < 3000; i++) expect(sites.inLoop[i]).toBe(i & 1);
  });
});
