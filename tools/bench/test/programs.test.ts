import { createCipheriv, createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { blake2b, blake3, sha3, sha256, sha512, whirlpool, xxhash64, xxhash128 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { loadCommonJs, webAssemblyFor } from '../src/glue.js';
import {
  categoriesOf,
  hashInput,
  LARGE_BYTES,
  type Program,
  programs,
  rubyProgram,
  type Session,
} from '../src/programs-catalog.js';
import {
  actualBackend,
  type Configuration,
  FUEL,
  js,
  type Loaded,
  native,
  polywasm,
  wasm2js,
  wasm2jsFactory,
  wasmtsConfiguration,
} from '../src/programs-configs.js';
import { rubyExpected } from '../src/programs-ruby.js';

/** Programs at least this large are left out of the quick js-against-native check. */
const SMOKE_BYTES = 100_000;

async function load(config: Configuration, program: Program): Promise<Loaded> {
  const loaded = await config.load(program);
  if ('unavailable' in loaded) throw new Error(loaded.unavailable);
  return loaded;
}
const byName = (name: string) => {
  const program = programs.find((p) => p.name === name);
  if (!program) throw new Error(`no program ${name}`);
  return program;
};
async function session(name: string, config: Configuration = js): Promise<Session> {
  const program = byName(name);
  const { session } = await load(config, program);
  await program.init?.(session);
  return session;
}

// Each program once at a small size: the js backend must compute native's checksum. (wasm2js is binaryen's
// output, not ours: the bench reports where it is wrong, e.g. hash-wasm blake3 beyond one 1 KiB chunk.)
// ruby.wasm is checked against its known answer on native only: compiling its 16 MB on the js backend takes 5-50 s
// (the bench itself checks every configuration's answer against native's, at two sizes).
describe('program benchmarks', () => {
  // the small modules (our C and hash-wasm's): a large one takes seconds to compile on the js backend, and the
  // bench checks every configuration's answer against native's anyway
  for (const program of programs.filter((p) => p.wasm().byteLength < SMOKE_BYTES)) {
    it(`${program.name}: the js backend agrees with native`, async () => {
      const reference = await load(native, program);
      await program.init?.(reference.session);
      const expected = program.run(reference.session, program.smokeN);
      const loaded = await load(js, program);
      await program.init?.(loaded.session);
      expect(loaded.backend).toBe('js');
      expect(program.run(loaded.session, program.smokeN)).toBe(expected);
    });
  }

  it('the C programs compute known answers (fib, CRC-32 against zlib, XXH64 against hash-wasm)', async () => {
    const fib = await session('fib');
    expect(byName('fib').run(fib, 20)).toBe('6765');

    // run(0) fills the program's buffer with xorshift32 bytes (seed 3 for crc32, 7 for xxhash64) and hashes nothing
    const crc = await session('crc32');
    byName('crc32').run(crc, 0);
    expect(crc.exports.fn('crc32_prefix')(1000) >>> 0).toBe(crc32(xorshiftBytes(3, 1000)));

    const xxh = await session('xxhash64');
    byName('xxhash64').run(xxh, 0);
    const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
    const digest = hex(xxh.exports.fn('xxh64_prefix_hi')(1000)) + hex(xxh.exports.fn('xxh64_prefix_lo')(1000));
    expect(digest).toBe(await xxhash64(xorshiftBytes(7, 1000)));
  });

  it('branchy: its tokenizer counts what a regular-expression tokenizer counts on the same source', async () => {
    const s = await session('branchy');
    byName('branchy').run(s, 1);
    const { exports } = s;
    const ptr = exports.fn('text_ptr')() >>> 0;
    const text = Buffer.from(exports.memory().subarray(ptr, ptr + (exports.fn('text_len')() >>> 0))).toString('latin1');
    expect(text.length).toBeGreaterThan(200_000);
    const keywords = new Set(['if', 'else', 'while', 'for', 'return', 'fn', 'let', 'true', 'false', 'null']);
    // kinds: ident, keyword, int, float, string, comment, op, op2 (programs/src/branchy.c)
    const re =
      /([A-Za-z_][A-Za-z0-9_]*)|([0-9]+\.[0-9]+)|([0-9]+)|("(?:\\[\s\S]|[^"\\])*")|(#[^\n]*)|(==|!=|<=|>=|&&|\|\||->)|([-+*/%<>=!&|(){}[\];,.^~])|([ \t\r\n]+)/y;
    const counts = new Array(8).fill(0);
    let match: RegExpExecArray | null = null;
    while (re.lastIndex < text.length && (match = re.exec(text)) !== null) {
      if (match[1]) counts[keywords.has(match[1]) ? 1 : 0]++;
      else if (match[2]) counts[3]++;
      else if (match[3]) counts[2]++;
      else if (match[4]) counts[4]++;
      else if (match[5]) counts[5]++;
      else if (match[6]) counts[7]++;
      else if (match[7]) counts[6]++;
    }
    expect(re.lastIndex).toBe(text.length); // every character belongs to a token or a blank
    expect(counts.every((c) => c > 500)).toBe(true);
    expect(counts.map((_, k) => exports.fn('token_count')(k) >>> 0)).toEqual(counts);
  });

  it('json: its parser finds what JSON.parse finds in the same document', async () => {
    const s = await session('json');
    byName('json').run(s, 1);
    const { exports } = s;
    const ptr = exports.fn('doc_ptr')() >>> 0;
    const text = Buffer.from(exports.memory().subarray(ptr, ptr + (exports.fn('doc_len')() >>> 0))).toString('utf8');
    const stats = { objects: 0, arrays: 0, numbers: 0, strings: 0, keys: 0, literals: 0, stringBytes: 0 };
    let sum = 0;
    let hash = 2166136261;
    const encoder = new TextEncoder();
    const hashString = (str: string) => {
      const bytes = encoder.encode(str);
      stats.stringBytes += bytes.length;
      for (const b of bytes) hash = Math.imul(hash ^ b, 16777619) >>> 0;
    };
    // in document order, as the C parser goes (keys are never integer-like, so JS keeps their order)
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) {
        stats.arrays++;
        v.forEach(walk);
      } else if (v === null || typeof v === 'boolean') stats.literals++;
      else if (typeof v === 'number') {
        stats.numbers++;
        sum += v;
      } else if (typeof v === 'string') {
        stats.strings++;
        hashString(v);
      } else {
        stats.objects++;
        for (const [k, x] of Object.entries(v as object)) {
          hashString(k);
          stats.keys++;
          walk(x);
        }
      }
    };
    walk(JSON.parse(text));
    const stat = (k: number) => exports.fn('stat')(k) >>> 0;
    expect(stats.numbers).toBeGreaterThan(5000);
    expect(stat(7)).toBe(0); // parse errors
    expect([0, 1, 2, 3, 4, 5, 6].map(stat)).toEqual(Object.values(stats));
    expect(exports.fn('number_sum')()).toBe(sum); // the same doubles added in the same order: bit-identical
    expect(exports.fn('string_hash')() >>> 0).toBe(hash);
  });

  it('interp: the bytecode program computes Collatz steps and primes as JavaScript does', async () => {
    const s = await session('interp');
    let steps = 0;
    let primes = 0;
    for (let i = 1; i <= 1000; i++) {
      for (let x = i; x !== 1; steps++) x = x % 2 ? 3 * x + 1 : x / 2;
      let prime = i >= 2;
      for (let d = 2; d * d <= i && prime; d++) if (i % d === 0) prime = false;
      if (prime) primes++;
    }
    expect(primes).toBe(168);
    expect(byName('interp').run(s, 1000)).toBe(String((steps * 31 + primes) >>> 0));
    expect([s.exports.fn('local')(2), s.exports.fn('local')(5)]).toEqual([steps, primes]);
  });

  it('the hash-wasm programs compute hash-wasm digests', async () => {
    const data = hashInput(40_000);
    const expected: Record<string, string> = {
      'hash-wasm sha256': await sha256(data),
      'hash-wasm blake3': await blake3(data),
      'hash-wasm xxhash64': await xxhash64(data),
      'hash-wasm sha3': await sha3(data, 256),
      'hash-wasm sha512': await sha512(data),
      'hash-wasm blake2b': await blake2b(data, 512),
      'hash-wasm whirlpool': await whirlpool(data),
      'hash-wasm xxhash128': await xxhash128(data),
    };
    expect(expected['hash-wasm sha256']).toBe(createHash('sha256').update(data).digest('hex'));
    expect(expected['hash-wasm sha3']).toBe(createHash('sha3-256').update(data).digest('hex'));
    expect(expected['hash-wasm sha512']).toBe(createHash('sha512').update(data).digest('hex'));
    expect(expected['hash-wasm blake2b']).toBe(createHash('blake2b512').update(data).digest('hex'));
    for (const program of programs.filter((p) => p.name in expected)) {
      const loaded = await load(js, program);
      expect(program.run(loaded.session, 40_000), program.name).toBe(expected[program.name]);
    }
  });

  it('ruby.wasm runs its script on native (minimal WASI) and prints the known answer', async () => {
    expect(rubyExpected(11)).toBe(String(rubyHashOnly(11))); // below 12: no words, no array
    const loaded = await load(native, rubyProgram);
    expect(rubyProgram.run(loaded.session, rubyProgram.smokeN)).toBe(rubyExpected(rubyProgram.smokeN));
  });
});

/** (memory (export "memory") 1) (func (export "grow") (result i32) (memory.grow (i32.const 1))) */
const GROW = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 5, 3, 1, 0, 1, 7, 17, 2, 6, 109, 101, 109, 111, 114,
  121, 2, 0, 4, 103, 114, 111, 119, 0, 0, 10, 8, 1, 6, 0, 65, 1, 64, 0, 11,
]);
const growProgram: Program = {
  name: 'grow',
  kind: 'test',
  categories: [],
  origin: 'test',
  n: 1,
  smokeN: 1,
  wasm: () => GROW,
  wasm2js: { unavailable: 'test' },
  run: () => '',
};

describe('crypto programs: known answers', () => {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
  const put = (s: Session, ptr: string, bytes: Uint8Array) => s.exports.memory().set(bytes, s.exports.fn(ptr)() >>> 0);
  const get = (s: Session, ptr: string, length: number) => {
    const at = s.exports.fn(ptr)() >>> 0;
    return s.exports.memory().slice(at, at + length);
  };

  for (const name of ['chacha20', 'simd-chacha20']) {
    it(`${name}: encrypt is node:crypto's chacha20`, async () => {
      const s = await session(name);
      const key = hashInput(32);
      const nonce = hashInput(12).reverse();
      const data = hashInput(1000);
      put(s, 'key', key);
      put(s, 'nonce', nonce);
      put(s, 'buffer', data);
      s.exports.fn('encrypt')(1000, 7);
      const iv = Buffer.concat([Buffer.from([7, 0, 0, 0]), nonce]); // 32-bit block counter, then the nonce
      const cipher = createCipheriv('chacha20', key, iv);
      expect(hex(get(s, 'buffer', 1000))).toBe(cipher.update(data).toString('hex'));
    });
  }

  it('salsa20: encrypt is an independent JavaScript Salsa20/20', async () => {
    const s = await session('salsa20');
    const key = hashInput(32);
    const nonce = hashInput(8).reverse();
    const data = hashInput(300);
    put(s, 'key', key);
    put(s, 'nonce', nonce);
    put(s, 'buffer', data);
    s.exports.fn('encrypt')(300);
    expect(hex(get(s, 'buffer', 300))).toBe(hex(salsa20(key, nonce, data)));
  });

  it("siphash: SipHash-2-4 of the paper's example", async () => {
    const s = await session('siphash');
    const ptr = s.exports.fn('buffer')() >>> 0;
    const mem = s.exports.memory();
    for (let i = 0; i < 15; i++) mem[ptr + i] = i; // message 00..0e
    for (let i = 0; i < 16; i++) mem[ptr + 65536 - 16 + i] = i; // key 00..0f
    s.exports.fn('hash_key_prefix')(15);
    const hi = s.exports.fn('hash_hi')() >>> 0;
    const lo = s.exports.fn('hash_lo')() >>> 0;
    expect(hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0')).toBe('a129ca6149be45e5');
  });

  it("poly1305: RFC 8439's example tag (2.5.2)", async () => {
    const s = await session('poly1305');
    put(s, 'key', Buffer.from('85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b', 'hex'));
    const msg = Buffer.from('Cryptographic Forum Research Group');
    put(s, 'buffer', msg);
    s.exports.fn('mac')(msg.length);
    expect(hex(get(s, 'tag', 16))).toBe('a8061dc1305136c6c22b8baf0c0127a9');
  });

  it("x25519: RFC 7748's first test vector (5.2)", async () => {
    const s = await session('x25519');
    put(s, 'io', Buffer.from('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4', 'hex'));
    const at = (s.exports.fn('io')() >>> 0) + 32;
    s.exports.memory().set(Buffer.from('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c', 'hex'), at);
    s.exports.fn('x25519_io')();
    expect(hex(get(s, 'io', 96).subarray(64))).toBe('c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552');
  });

  it("blake3: digests are hash-wasm's, for one block, one chunk, and a tree of chunks", async () => {
    const s = await session('blake3');
    for (const length of [0, 63, 64, 1024, 1025, 5000, 70_000]) {
      const data = hashInput(length);
      put(s, 'buffer', data);
      s.exports.fn('hash')(length);
      expect(hex(get(s, 'digest', 32)), `${length} bytes`).toBe(await blake3(data));
    }
  });
});

/** Salsa20/20 (Bernstein's specification) in JavaScript: an independent check of programs/src/salsa20.c. */
function salsa20(key: Uint8Array, nonce: Uint8Array, data: Uint8Array): Uint8Array {
  const word = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
  const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;
  const out = new Uint8Array(data.length);
  for (let block = 0; block * 64 < data.length; block++) {
    const st = [
      0x61707865,
      word(key, 0),
      word(key, 4),
      word(key, 8),
      word(key, 12),
      0x3320646e,
      word(nonce, 0),
      word(nonce, 4),
      block,
      0,
      0x79622d32,
      word(key, 16),
      word(key, 20),
      word(key, 24),
      word(key, 28),
      0x6b206574,
    ];
    const x = [...st];
    const qr = (a: number, b: number, c: number, d: number) => {
      x[b] = (x[b] ^ rotl((x[a] + x[d]) >>> 0, 7)) >>> 0;
      x[c] = (x[c] ^ rotl((x[b] + x[a]) >>> 0, 9)) >>> 0;
      x[d] = (x[d] ^ rotl((x[c] + x[b]) >>> 0, 13)) >>> 0;
      x[a] = (x[a] ^ rotl((x[d] + x[c]) >>> 0, 18)) >>> 0;
    };
    for (let i = 0; i < 10; i++) {
      qr(0, 4, 8, 12);
      qr(5, 9, 13, 1);
      qr(10, 14, 2, 6);
      qr(15, 3, 7, 11);
      qr(0, 1, 2, 3);
      qr(5, 6, 7, 4);
      qr(10, 11, 8, 9);
      qr(15, 12, 13, 14);
    }
    for (let i = 0; i < 64 && block * 64 + i < data.length; i++) {
      const k = ((x[i >> 2] + st[i >> 2]) >>> 0) >>> (8 * (i & 3));
      out[block * 64 + i] = data[block * 64 + i] ^ (k & 0xff);
    }
  }
  return out;
}

/** (import "m" "f" (func (result i32))) (func (export "g") (result i32) (call 0)) */
const CALL_IMPORT = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 2, 7, 1, 1, 109, 1, 102, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 103, 0, 1,
  10, 6, 1, 4, 0, 16, 0, 11,
]);

describe('configurations', () => {
  it('every configuration converts what JS glue hands wasm as the JS API does (a boolean is an i32)', async () => {
    const program = { ...growProgram, wasm: () => CALL_IMPORT };
    for (const config of [native, js, polywasm]) {
      const raw = (await load(config, program)).session.instantiateRaw({ m: { f: () => true } });
      expect((raw.g as () => number)(), config.name).toBe(1);
    }
  });

  it("a package's CommonJS glue instantiates through the session (src/glue.ts)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-glue-'));
    const file = join(dir, 'glue.cjs');
    writeFileSync(
      file,
      'const m = new WebAssembly.Module(new Uint8Array(8));\nmodule.exports = new WebAssembly.Instance(m, {}).exports;\n',
    );
    const loaded = await load(js, growProgram);
    const exports = loadCommonJs(file, webAssemblyFor(loaded.session));
    expect((exports.grow as () => number)()).toBe(1);
    expect((exports.memory as { buffer: ArrayBuffer }).buffer.byteLength).toBe(2 * 65536);
  });

  it('polywasm runs a program and computes its answer', async () => {
    const loaded = await load(polywasm, byName('fib'));
    expect(loaded.backend).toBe('polywasm');
    expect(byName('fib').run(loaded.session, 20)).toBe('6765');
  });

  it('wasm2js output is evaluated per instance, its imports read from the import object', async () => {
    const loaded = await load(wasm2js, byName('fib'));
    const a = loaded.session.instantiateRaw({});
    const b = loaded.session.instantiateRaw({});
    expect(a.memory).not.toBe(b.memory);
    expect(byName('fib').run(loaded.session, 20)).toBe('6765');
    const factory = wasm2jsFactory(
      "import { fd_write, clock as c } from 'wasi';\nimport * as env from 'env';\n" +
        'var retasmFunc = { f: fd_write, g: c, h: env.h };\nexport var f = retasmFunc.f;\n',
    );
    const f = () => 1;
    const g = () => 2;
    const h = () => 3;
    expect(factory({ wasi: { fd_write: f, clock: g }, env: { h } })).toEqual({ f, g, h });
  });

  it('a wasmts memory seen through the JS API shape detaches its old buffer when it grows', async () => {
    for (const config of [js, native]) {
      const loaded = await load(config, growProgram);
      const raw = loaded.session.instantiateRaw({});
      const memory = raw.memory as { buffer: ArrayBuffer };
      const before = memory.buffer;
      expect(before.byteLength).toBe(65536);
      expect((raw.grow as () => number)()).toBe(1);
      expect(before.byteLength, config.name).toBe(0); // as the JS API does: glue code's cached views notice
      expect(memory.buffer.byteLength).toBe(2 * 65536);
    }
  });

  it('the js backend reports the size of the JavaScript it generated so far (what ran, not the whole module)', async () => {
    const loaded = await load(js, byName('fib'));
    const before = loaded.jsSourceChars?.() ?? 0;
    expect(byName('fib').run(loaded.session, 20)).toBe('6765');
    const after = loaded.jsSourceChars?.() ?? 0;
    expect(after).toBeGreaterThan(before + 100);
  });

  it('a module of 1 MB or more is in the large category', () => {
    expect(categoriesOf(byName('fib'), LARGE_BYTES)).toContain('large');
    expect(categoriesOf(byName('fib'), LARGE_BYTES - 1)).not.toContain('large');
  });

  it('a module from npm is in the real category, our C in ours', () => {
    expect(categoriesOf(byName('fib'), 100)).toContain('ours');
    expect(categoriesOf(byName('fib'), 100)).not.toContain('real');
    expect(categoriesOf(byName('sqlite'), 100)).toEqual(['alloc', 'real']);
    expect(programs.filter((p) => categoriesOf(p, 0).includes('real')).length).toBeGreaterThanOrEqual(20);
  });

  it('fuel: a run consumes fuel and the check sees it; a run that ran no wasm fails the check', async () => {
    const config = wasmtsConfiguration('js+fuel', { backend: 'js', fuel: true });
    const loaded = await load(config, byName('fib'));
    expect(byName('fib').run(loaded.session, 20)).toBe('6765');
    expect(() => loaded.afterRun?.()).not.toThrow();
    expect(() => loaded.afterRun?.()).toThrow(/consumed no fuel/);
    expect(FUEL).toBeGreaterThan(1e15);
  });

  it('epoch: a far deadline lets a run finish', async () => {
    const config = wasmtsConfiguration('js+epoch', { backend: 'js', epoch: true });
    const loaded = await load(config, byName('fib'));
    expect(byName('fib').run(loaded.session, 20)).toBe('6765');
  });

  it('the backend is what the module reports, else the engine, else js', () => {
    const engine = {} as never;
    expect(actualBackend(engine, { backend: 'wasm' } as never)).toBe('wasm');
    expect(actualBackend({ backend: 'js' } as never, {} as never)).toBe('js');
    expect(actualBackend(engine, {} as never)).toBe('js');
  });
});

/** The script's first part alone (h over n steps): the whole answer when n < 12. */
function rubyHashOnly(n: number): number {
  let h = 0;
  for (let i = 0; i < n; i++) h = (h * 31 + i) % 2 ** 32;
  return h;
}

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
