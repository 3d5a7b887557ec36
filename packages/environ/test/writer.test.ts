import { describe, expect, it } from 'vitest';
import { BinaryReader } from '../src/reader.js';
import { ByteWriter } from '../src/writer.js';

describe('ByteWriter.copy (deferred runs)', () => {
  const src = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
  const other = Uint8Array.from({ length: 50 }, (_, i) => 200 + (i % 50));

  it('joins adjacent copies, writes them before any other write, and counts them in length', () => {
    const w = new ByteWriter(16);
    w.copy(src, 0, 3).copy(src, 3, 10);
    expect(w.length).toBe(10);
    w.u8(0xaa).copy(src, 10, 12).copy(other, 0, 4).u32(300).copy(src, 12, 12).copy(src, 100, 250);
    const expected = [
      ...src.subarray(0, 10),
      0xaa,
      ...src.subarray(10, 12),
      ...other.subarray(0, 4),
      0xac,
      0x02,
      ...src.subarray(100, 250),
    ];
    expect(w.length).toBe(expected.length);
    expect([...w.view()]).toEqual(expected);
    expect([...w.finish()]).toEqual(expected);
  });

  it('grows past its capacity with a run pending, and non-adjacent copies of one input stay in order', () => {
    const w = new ByteWriter(16);
    w.copy(src, 0, 200)
      .copy(src, 50, 60)
      .bytes(Uint8Array.of(1, 2, 3))
      .copy(src, 290, 300);
    expect([...w.finish()]).toEqual([...src.subarray(0, 200), ...src.subarray(50, 60), 1, 2, 3, ...src.subarray(290)]);
  });
});

describe('ByteWriter encodings (read back by BinaryReader, the mirror)', () => {
  it('writes every integer form canonically at its edges', () => {
    const u32s = [0, 1, 0x7f, 0x80, 0x3fff, 0x4000, 0x0fffffff, 0x10000000, 0xffffffff];
    const s32s = [0, 1, -1, 63, 64, -64, -65, 0x7fffffff, -0x80000000];
    const s64s = [0n, -1n, 63n, -65n, (1n << 63n) - 1n, -(1n << 63n), 1n << 40n];
    const u64s = [0n, 0x7fn, 0x80n, (1n << 64n) - 1n, 1n << 35n];
    const s33s = [0, -1, -16, 0x7fffffff, 0xffffffff, -0x100000000];
    const w = new ByteWriter(16);
    for (const v of u32s) w.u32(v);
    for (const v of s32s) w.s32(v);
    for (const v of s64s) w.s64(v);
    for (const v of u64s) w.u64(v);
    for (const v of s33s) w.s33(v);
    const bytes = w.finish();
    const r = new BinaryReader(bytes);
    for (const v of u32s) expect(r.u32()).toBe(v);
    for (const v of s32s) expect(r.s32()).toBe(v);
    for (const v of s64s) expect(r.s64()).toBe(v);
    for (const v of u64s) expect(r.u64()).toBe(v);
    for (const v of s33s) expect(r.s33()).toBe(v);
    expect(r.eof()).toBe(true);
    // shortest forms: 0xffffffff is five bytes, 0x7f one, -64 one, -65 two
    expect([...new ByteWriter().u32(0x7f).s32(-64).finish()]).toEqual([0x7f, 0x40]);
    expect([...new ByteWriter().s32(-65).u32(0xffffffff).finish()]).toEqual([0xbf, 0x7f, 0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  it('writes floats as their bit patterns, NaN payloads kept', () => {
    const w = new ByteWriter().f32(0x7fa00001).f64(0xfff4000000000001n);
    const r = new BinaryReader(w.finish());
    expect(r.f32Bits()).toBe(0x7fa00001);
    expect([...r.bytes.subarray(4)]).toEqual([1, 0, 0, 0, 0, 0, 0xf4, 0xff]);
  });

  it('patches a reserved size in its padded five-byte form, names and sections with their lengths', () => {
    const w = new ByteWriter();
    w.sectionWith(7, (s) => s.name('é').nameBytes(Uint8Array.of(0x61)));
    const r = new BinaryReader(w.finish());
    expect(r.u8()).toBe(7);
    expect(r.u32()).toBe(5);
    expect(r.remaining()).toBe(5);
    expect(r.name()).toBe('é');
    expect(r.name()).toBe('a');
    const cleared = new ByteWriter();
    cleared.u8(1).copy(Uint8Array.of(9, 9), 0, 2);
    cleared.clear();
    expect([...cleared.u8(5).finish()]).toEqual([5]);
  });
});
