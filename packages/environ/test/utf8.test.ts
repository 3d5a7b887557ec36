import { describe, expect, it } from 'vitest';
import { decodeUtf8, decodeUtf8Portable, encodeUtf8, encodeUtf8Portable } from '../src/utf8.js';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

function nativeFatal(bytes: Uint8Array): string | 'throws' {
  try {
    return fatal.decode(bytes);
  } catch {
    return 'throws';
  }
}

function portableFatal(bytes: Uint8Array): string | 'throws' {
  try {
    return decodeUtf8Portable(bytes, true);
  } catch (e) {
    expect(e).toBeInstanceOf(TypeError);
    return 'throws';
  }
}

// Sequences around every boundary the decoder checks: overlongs, surrogates, > U+10FFFF, truncation.
const EDGES = [
  [0x41],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xc2, 0x80],
  [0xdf, 0xbf],
  [0xe0, 0x9f, 0x80],
  [0xe0, 0xa0, 0x80],
  [0xed, 0x9f, 0xbf],
  [0xed, 0xa0, 0x80],
  [0xef, 0xbf, 0xbf],
  [0xf0, 0x8f, 0xbf, 0xbf],
  [0xf0, 0x90, 0x80, 0x80],
  [0xf4, 0x8f, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80],
  [0xff],
  [0x80],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xe2, 0x41, 0x82, 0xac],
  [0xef, 0xbb, 0xbf, 0x41],
];

describe('utf8', () => {
  it('decodes every edge sequence as the Encoding API does, fatal or not', () => {
    for (const e of EDGES) {
      const bytes = Uint8Array.from(e);
      expect(portableFatal(bytes), e.join(' ')).toBe(nativeFatal(bytes));
      expect(decodeUtf8Portable(bytes, false), e.join(' ')).toBe(lenient.decode(bytes));
    }
  });

  it('decodes random byte strings as the Encoding API does', () => {
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 16;
    };
    for (let n = 0; n < 3000; n++) {
      const len = next() % 12;
      // biased towards bytes >= 0x80 so that multi-byte sequences and their errors are common
      const bytes = Uint8Array.from({ length: len }, () => (next() % 4 === 0 ? next() & 0x7f : 0x80 | (next() & 0x7f)));
      expect(portableFatal(bytes)).toBe(nativeFatal(bytes));
      expect(decodeUtf8Portable(bytes, false)).toBe(lenient.decode(bytes));
    }
  });

  it('decodes long input in chunks', () => {
    const text = 'héllo wörld ✓ 😀 '.repeat(2000);
    expect(decodeUtf8Portable(new TextEncoder().encode(text), true)).toBe(text);
  });

  it('encodes as the Encoding API does, lone surrogates included', () => {
    const enc = new TextEncoder();
    for (const s of ['', 'abc', 'é', '✓', '😀', '\ud800', 'a\udc00b', '\ud83d\ude00\ud83d', '\u07ff\u0800\uffff']) {
      expect(encodeUtf8Portable(s)).toEqual(enc.encode(s));
      expect(encodeUtf8(s)).toEqual(enc.encode(s));
    }
  });

  it('keeps or strips a byte order mark as asked, and throws a TypeError when fatal', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]);
    expect(decodeUtf8(bom)).toBe('\ufeffa');
    expect(decodeUtf8(bom, { stripBOM: true })).toBe('a');
    expect(() => decodeUtf8(Uint8Array.from([0xff]))).toThrow(TypeError);
    expect(decodeUtf8(Uint8Array.from([0xff]), { fatal: false })).toBe('\ufffd');
  });
});
