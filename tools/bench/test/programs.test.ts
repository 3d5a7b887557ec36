import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { blake3, sha256, xxhash64 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { hashInput, programs } from '../src/programs-catalog.js';
import { js, native } from '../src/programs-configs.js';

// Each program once at a small size: the js backend must compute native's checksum. (wasm2js is binaryen's
// output, not ours: the bench reports where it is wrong, e.g. hash-wasm blake3 beyond one 1 KiB chunk.)
describe('program benchmarks', () => {
  for (const program of programs) {
    it(`${program.name}: the js backend agrees with native`, async () => {
      const reference = await native.load(program);
      if ('unavailable' in reference) throw new Error(reference.unavailable);
      const expected = program.run(reference.exports, program.smokeN);
      const loaded = await js.load(program);
      if ('unavailable' in loaded) throw new Error(loaded.unavailable);
      expect(program.run(loaded.exports, program.smokeN)).toBe(expected);
    });
  }

  it('the C programs compute known answers (fib, CRC-32 against zlib, XXH64 against hash-wasm)', async () => {
    const load = async (name: string) => {
      const program = programs.find((p) => p.name === name)!;
      const loaded = await js.load(program);
      if ('unavailable' in loaded) throw new Error(loaded.unavailable);
      return { program, exports: loaded.exports };
    };
    const fib = await load('fib');
    expect(fib.program.run(fib.exports, 20)).toBe('6765');

    // run(0) fills the program's buffer with xorshift32 bytes (seed 3 for crc32, 7 for xxhash64) and hashes nothing
    const crc = await load('crc32');
    crc.program.run(crc.exports, 0);
    expect(crc.exports.fn('crc32_prefix')(1000) >>> 0).toBe(crc32(xorshiftBytes(3, 1000)));

    const xxh = await load('xxhash64');
    xxh.program.run(xxh.exports, 0);
    const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
    const digest = hex(xxh.exports.fn('xxh64_prefix_hi')(1000)) + hex(xxh.exports.fn('xxh64_prefix_lo')(1000));
    expect(digest).toBe(await xxhash64(xorshiftBytes(7, 1000)));
  });

  it('the hash-wasm programs compute hash-wasm digests', async () => {
    const data = hashInput(40_000);
    const expected: Record<string, string> = {
      'hash-wasm sha256': await sha256(data),
      'hash-wasm blake3': await blake3(data),
      'hash-wasm xxhash64': await xxhash64(data),
    };
    expect(expected['hash-wasm sha256']).toBe(createHash('sha256').update(data).digest('hex'));
    for (const program of programs.filter((p) => p.name in expected)) {
      const loaded = await js.load(program);
      if ('unavailable' in loaded) throw new Error(loaded.unavailable);
      expect(program.run(loaded.exports, 40_000), program.name).toBe(expected[program.name]);
    }
  });
});

/** The bytes programs/src/common.h's xorshift32 produces from `seed`, one low byte per step. */
function xorshiftBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    out[i] = s & 0xff;
  }
  return out;
}
