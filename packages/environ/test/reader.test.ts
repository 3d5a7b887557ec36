import { describe, expect, it } from 'vitest';
import { BinaryReader, CompileError, decodeModule } from '../src/index.js';

const r = (...bytes: number[]) => new BinaryReader(new Uint8Array(bytes));

function fails(f: () => unknown, message: string): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError);
    expect((e as CompileError).rawMessage).toBe(message);
    return;
  }
  throw new Error('did not fail');
}

describe('BinaryReader', () => {
  it('reads u32', () => {
    expect(r(0).u32()).toBe(0);
    expect(r(0x7f).u32()).toBe(127);
    expect(r(0x80, 0x01).u32()).toBe(128);
    expect(r(0xff, 0xff, 0xff, 0xff, 0x0f).u32()).toBe(0xffffffff);
    expect(r(0x80, 0x80, 0x80, 0x80, 0x00).u32()).toBe(0);
    fails(() => r(0xff, 0xff, 0xff, 0xff, 0x1f).u32(), 'integer too large');
    fails(() => r(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32(), 'integer representation too long');
    fails(() => r(0x80, 0x80, 0x80, 0x80, 0x90).u32(), 'integer too large');
    fails(() => r(0x80).u32(), 'unexpected end');
  });

  it('reports a bad u32 in a function body as the module reader does', () => {
    // local.get with a 5-byte index whose last byte has both unused value bits and a continuation bit:
    // the validator's body reader and BinaryReader give the reference interpreter's "integer too large"
    const body = [0x00, 0x20, 0x80, 0x80, 0x80, 0x80, 0x90, 0x0b];
    const bytes = Uint8Array.of(
      ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      ...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00],
      ...[0x03, 0x02, 0x01, 0x00],
      ...[0x0a, body.length + 2, 0x01, body.length, ...body],
    );
    fails(() => decodeModule(bytes, { validateBodies: true }), 'integer too large');
    fails(() => r(0x80, 0x80, 0x80, 0x80, 0xf0).u32(), 'integer too large');
  });

  it('reads s32', () => {
    expect(r(0x7f).s32()).toBe(-1);
    expect(r(0x3f).s32()).toBe(63);
    expect(r(0x80, 0x7f).s32()).toBe(-128);
    expect(r(0xff, 0xff, 0xff, 0xff, 0x07).s32()).toBe(0x7fffffff);
    expect(r(0x80, 0x80, 0x80, 0x80, 0x78).s32()).toBe(-0x80000000);
    fails(() => r(0xff, 0xff, 0xff, 0xff, 0x0f).s32(), 'integer too large');
    fails(() => r(0x80, 0x80, 0x80, 0x80, 0x70).s32(), 'integer too large');
    fails(() => r(0xff, 0xff, 0xff, 0xff, 0xff, 0x7f).s32(), 'integer representation too long');
  });

  it('reads s33, s64 and u64', () => {
    expect(r(0x70).s33()).toBe(-16);
    expect(r(0x05).s33()).toBe(5);
    expect(r(0xff, 0xff, 0xff, 0xff, 0x0f).s33()).toBe(0xffffffff);
    expect(r(0x7f).s64()).toBe(-1n);
    expect(r(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00).s64()).toBe(0x7fffffffffffffffn);
    expect(r(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f).s64()).toBe(-0x8000000000000000n);
    fails(() => r(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).s64(), 'integer too large');
    expect(r(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).u64()).toBe(0xffffffffffffffffn);
    fails(() => r(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02).u64(), 'integer too large');
  });

  it('reads floats, skips and vectors', () => {
    expect(r(0, 0, 0x80, 0x3f).f32Bits()).toBe(0x3f800000);
    const x = r(1, 2, 3);
    expect(x.skip(2)).toEqual({ start: 0, end: 2 });
    expect(x.remaining()).toBe(1);
    fails(() => x.skip(2), 'unexpected end');
    expect(r(2, 0, 0).vecLength(1)).toBe(2);
    fails(() => r(3, 0, 0).vecLength(1), 'length out of bounds');
    fails(() => r(0xff, 0xff, 0xff, 0xff, 0x0f).vecLength(1), 'length out of bounds');
  });

  it('reads names', () => {
    expect(r(2, 0x68, 0x69).name()).toBe('hi');
    expect(r(2, 0xc3, 0xa9).name()).toBe('é');
    expect(r(3, 0xef, 0xbb, 0xbf).name()).toBe('\ufeff'); // a leading BOM is part of the name
    fails(() => r(2, 0xc3, 0x28).name(), 'malformed UTF-8 encoding');
    fails(() => r(3, 0x61).name(), 'length out of bounds');
    const long = new Uint8Array(200_003);
    long.set([0xc0, 0x9a, 0x0c]);
    long.fill(0x61, 3);
    expect(new BinaryReader(long).name()).toHaveLength(200_000);
  });
});
