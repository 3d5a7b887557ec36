import type { MemoryType } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { HAS_RESIZABLE_BUFFERS, Memory, ResourceLimitError } from '../src/index.js';

function mt(min: number, max: number | null, index64 = false, pageSizeLog2 = 16): MemoryType {
  return { limits: { min, max }, shared: false, index64, pageSizeLog2 };
}

describe('Memory', () => {
  it('allocates its minimum and reports sizes', () => {
    const m = new Memory(mt(2, null));
    expect(m.byteLength).toBe(2 * 65536);
    expect(m.pages).toBe(2);
    expect(m.u8.length).toBe(2 * 65536);
    expect(m.dv.byteLength).toBe(2 * 65536);
  });

  it('grows, returns the old size and keeps contents; views are replaced', () => {
    const m = new Memory(mt(1, 10));
    m.dv.setInt32(100, 0x12345678, true);
    const oldDv = m.dv;
    const oldU8 = m.u8;
    expect(m.grow(2)).toBe(1);
    expect(m.pages).toBe(3);
    expect(m.dv === oldDv).toBe(false);
    expect(m.u8 === oldU8).toBe(false);
    // the old buffer is detached: views kept from before see no bytes rather than stale ones
    expect(oldU8.length).toBe(0);
    expect(() => oldDv.getUint8(0)).toThrow(TypeError);
    expect(m.dv.byteLength).toBe(3 * 65536);
    expect(m.u8.length).toBe(3 * 65536);
    expect(m.dv.getInt32(100, true)).toBe(0x12345678);
    m.dv.setUint8(3 * 65536 - 1, 7);
    expect(m.u8[3 * 65536 - 1]).toBe(7);
    expect(() => m.dv.getUint8(3 * 65536)).toThrow(RangeError);
  });

  it('refresh() moves the bytes to a new buffer and detaches the old one', () => {
    const m = new Memory(mt(1, 2));
    m.u8[5] = 9;
    const old = m.buffer;
    m.refresh();
    expect(m.buffer === old).toBe(false);
    expect(old.byteLength).toBe(0);
    expect(m.u8[5]).toBe(9);
    expect(m.byteLength).toBe(65536);
  });

  it('grow(0) returns the size; beyond max returns -1 and changes nothing', () => {
    const m = new Memory(mt(1, 2));
    expect(m.grow(0)).toBe(1);
    expect(m.grow(2)).toBe(-1);
    expect(m.pages).toBe(1);
    expect(m.grow(1)).toBe(1);
    expect(m.grow(1)).toBe(-1);
    expect(m.grow(0)).toBe(2);
  });

  it('caps 32-bit memories at 65536 pages', () => {
    const m = new Memory(mt(0, null));
    expect(m.maxPages).toBe(65536);
    expect(m.grow(65537)).toBe(-1);
    expect(m.grow(2 ** 32 - 1)).toBe(-1);
    expect(m.pages).toBe(0);
  });

  it('64-bit memories: growth beyond what the host can allocate returns -1, never throws', () => {
    const m = new Memory(mt(1, null, true), { maxBytes: 2 ** 53 });
    expect(m.index64).toBe(true);
    expect(m.grow(2 ** 36)).toBe(-1);
    expect(m.grow(2 ** 40)).toBe(-1);
    expect(m.pages).toBe(1);
    expect(m.grow(1)).toBe(1);
  });

  it('many grows keep the data and views consistent (reservation exceeded too)', () => {
    const m = new Memory(mt(0, 200), { growthReservation: 65536, resizable: true });
    for (let i = 0; i < 20; i++) {
      expect(m.grow(1)).toBe(i);
      m.u8[i * 65536] = i + 1;
      expect(m.dv.byteLength).toBe((i + 1) * 65536);
    }
    for (let i = 0; i < 20; i++) expect(m.dv.getUint8(i * 65536)).toBe(i + 1);
  });

  it('a memory that cannot grow uses an exact buffer', () => {
    const m = new Memory(mt(1, 1));
    expect(m.buffer.byteLength).toBe(65536);
    expect(m.grow(1)).toBe(-1);
  });

  it('uses an exact ordinary buffer by default and copies on growth', () => {
    const m = new Memory(mt(1, 100));
    expect((m.buffer as unknown as { resizable?: boolean }).resizable ?? false).toBe(false);
    expect(m.buffer.byteLength).toBe(65536);
    m.u8[65535] = 7;
    expect(m.grow(1)).toBe(1);
    expect(m.buffer.byteLength).toBe(131072);
    expect(m.u8[65535]).toBe(7);
  });

  it("a guest's growth leaves headroom: the next growths copy nothing, and the views cover only the memory", () => {
    const m = new Memory(mt(1, 100), { growthReservation: 0 });
    m.u8[65535] = 7;
    expect(m.grow(1, true)).toBe(1);
    // twice the new size, so the following growths stay within the buffer
    expect(m.buffer.byteLength).toBe(4 * 65536);
    expect(m.byteLength).toBe(2 * 65536);
    expect(m.u8.length).toBe(2 * 65536);
    expect(() => m.dv.getUint8(2 * 65536)).toThrow(RangeError);
    const roomy = m.buffer;
    expect(m.grow(2, true)).toBe(2);
    expect(m.buffer).toBe(roomy);
    expect(m.u8.length).toBe(4 * 65536);
    expect(m.u8[65535]).toBe(7);
    // beyond the headroom: moved (copied) into a new buffer with headroom again, within the maximum
    expect(m.grow(1, true)).toBe(4);
    expect(m.buffer).not.toBe(roomy);
    expect(m.buffer.byteLength).toBe(10 * 65536);
    expect(m.u8[65535]).toBe(7);
    // the maximum caps the headroom
    expect(m.grow(60, true)).toBe(5);
    expect(m.buffer.byteLength).toBe(100 * 65536);
  });

  it('exactBuffer moves the bytes into a buffer of exactly the memory size, once; then growth is exact', () => {
    const m = new Memory(mt(1, 100), { growthReservation: 0 });
    const seen: number[] = [];
    m.watch(() => seen.push(m.buffer.byteLength));
    m.grow(1, true);
    m.u8[70000] = 9;
    const roomy = m.buffer;
    const kept = m.u8;
    const exact = m.exactBuffer();
    expect(exact.byteLength).toBe(2 * 65536);
    expect(new Uint8Array(exact)[70000]).toBe(9);
    // the roomy buffer is detached (as after a growth that moves) and the watchers ran
    expect(roomy.byteLength).toBe(0);
    expect(kept.length).toBe(0);
    expect(m.u8[70000]).toBe(9);
    expect(seen).toEqual([65536, 4 * 65536, 2 * 65536]);
    // no copy when already exact
    expect(m.exactBuffer()).toBe(exact);
    // handed out since the last growth: the guest's next growth allocates exactly (the host will read it again)
    m.grow(1, true);
    expect(m.buffer.byteLength).toBe(3 * 65536);
    // then headroom again
    m.grow(1, true);
    expect(m.buffer.byteLength).toBe(8 * 65536);
  });

  it('runs watch callbacks now and after every change of buffer', () => {
    const m = new Memory(mt(1, 100));
    const seen: number[] = [];
    m.watch(() => seen.push(m.byteLength));
    m.grow(2);
    m.grow(0);
    m.release();
    expect(seen).toEqual([65536, 196608, 0]);
  });

  it('uses resizable buffers where the host has them, when asked', () => {
    const m = new Memory(mt(1, 100), { resizable: true });
    const resizable = (m.buffer as unknown as { resizable?: boolean }).resizable === true;
    expect(resizable).toBe(HAS_RESIZABLE_BUFFERS);
    const before = m.buffer;
    m.grow(1);
    if (HAS_RESIZABLE_BUFFERS) expect(m.buffer).toBe(before);
  });

  it('grows in place when asked, with a new buffer object each time and the old one detached', () => {
    const m = new Memory(mt(1, 1000), { growInPlace: true, growthReservation: 2 * 65536 });
    const resizable = (b: ArrayBufferLike) => (b as unknown as { resizable?: boolean }).resizable === true;
    expect(resizable(m.buffer)).toBe(HAS_RESIZABLE_BUFFERS);
    // the reservation (address space) is IN_PLACE_RESERVATION beyond the size, at most the maximum: all of it here
    if (HAS_RESIZABLE_BUFFERS)
      expect((m.buffer as unknown as { maxByteLength: number }).maxByteLength).toBe(1000 * 65536);
    expect(m.buffer.byteLength).toBe(65536);
    const seen: number[] = [];
    m.watch(() => seen.push(m.u8.length));
    for (let i = 1; i <= 12; i++) {
      const before = m.buffer;
      const kept = new Uint8Array(before);
      m.u8[m.byteLength - 1] = i;
      expect(m.grow(i < 6 ? 1 : 7)).toBe(m.pages - (i < 6 ? 1 : 7));
      expect(m.buffer).not.toBe(before);
      expect(before.byteLength).toBe(0);
      expect(kept.length).toBe(0);
      expect(m.buffer.byteLength).toBe(m.byteLength);
      expect(m.dv.byteLength).toBe(m.byteLength);
      expect(m.u8[m.byteLength - 1]).toBe(0);
    }
    expect(m.pages).toBe(1 + 5 + 7 * 7);
    expect(seen.at(-1)).toBe(m.byteLength);
    expect(seen.length).toBe(13);
    for (let p = 1, i = 1; i <= 12; p += i < 6 ? 1 : 7, i++) expect(m.u8[p * 65536 - 1]).toBe(i);
    // grow(0) from the JS API replaces the buffer too
    const before = m.buffer;
    m.refresh();
    expect(before.byteLength).toBe(0);
    expect(m.buffer.byteLength).toBe(m.byteLength);
    expect(m.u8[65535]).toBe(1);
    // a growth beyond the maximum fails and changes nothing
    expect(m.grow(1000)).toBe(-1);
    expect(m.buffer.byteLength).toBe(m.byteLength);
  });

  it('a memory that grows in place but cannot grow gets an exact ordinary buffer', () => {
    const m = new Memory(mt(2, 2), { growInPlace: true });
    expect((m.buffer as unknown as { resizable?: boolean }).resizable ?? false).toBe(false);
    expect(m.grow(1)).toBe(-1);
  });

  it('custom page sizes', () => {
    const m = new Memory(mt(3, null, false, 0));
    expect(m.byteLength).toBe(3);
    expect(m.grow(5)).toBe(3);
    expect(m.byteLength).toBe(8);
    expect(m.maxPages).toBe(2 ** 32 - 1);
  });

  it('a minimum beyond the limits is a clear error', () => {
    expect(() => new Memory(mt(65537, null))).toThrow(ResourceLimitError);
    expect(() => new Memory(mt(65537, null))).toThrow(/65537 pages/);
    expect(() => new Memory(mt(10, null), { maxBytes: 65536 })).toThrow(ResourceLimitError);
  });

  it('asks the limiter before growing', () => {
    const calls: number[][] = [];
    const m = new Memory(mt(1, null), {
      limiter: {
        memoryGrowing: (c, d) => {
          calls.push([c, d]);
          return d <= 2 * 65536;
        },
        tableGrowing: () => true,
      },
    });
    expect(m.grow(1)).toBe(1);
    expect(m.grow(1)).toBe(-1);
    expect(calls).toEqual([
      [0, 65536],
      [65536, 131072],
      [131072, 196608],
    ]);
  });

  it('read/write helpers check bounds', () => {
    const m = new Memory(mt(1, null));
    m.write(65534, new Uint8Array([1, 2]));
    expect([...m.read(65534, 2)]).toEqual([1, 2]);
    expect(() => m.write(65535, new Uint8Array([1, 2]))).toThrow(RangeError);
    expect(m.u8[65535]).toBe(2);
    expect(() => m.read(65536, 1)).toThrow(RangeError);
    expect(m.read(65536, 0).length).toBe(0);
  });
});
