import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/wasm/writer.js';

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
