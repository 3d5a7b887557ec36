// Poly1305 (RFC 8439) one-time authenticator over a 1 MiB message, many times with changing keys: the 130-bit
// accumulator in five 26-bit limbs, multiplied with 64-bit products (i64 multiplies, adds, shifts). Our own
// implementation of the RFC's algorithm in the usual 32-bit-limb form; test/programs.test.ts checks the RFC's
// example (section 2.5.2).
#include "common.h"

#define LEN (1 << 20)
static uint8_t buf[LEN];
static uint8_t key[32], tag[16];

static inline uint32_t load32(const uint8_t *p) { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }
static inline void store32(uint8_t *p, uint32_t v) { __builtin_memcpy(p, &v, 4); }

static void poly1305(uint8_t out[16], const uint8_t *m, uint32_t len, const uint8_t k[32]) {
  // r, clamped, in 26-bit limbs
  uint32_t r0 = load32(k) & 0x3ffffff, r1 = (load32(k + 3) >> 2) & 0x3ffff03, r2 = (load32(k + 6) >> 4) & 0x3ffc0ff,
           r3 = (load32(k + 9) >> 6) & 0x3f03fff, r4 = (load32(k + 12) >> 8) & 0x00fffff;
  uint32_t s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5;
  uint32_t h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0;
  uint8_t last[16];
  while (len > 0) {
    const uint8_t *p = m;
    uint32_t hibit = 1 << 24;
    if (len < 16) {
      for (uint32_t i = 0; i < 16; i++) last[i] = i < len ? m[i] : i == len ? 1 : 0;
      p = last;
      hibit = 0;
    }
    h0 += load32(p) & 0x3ffffff;
    h1 += (load32(p + 3) >> 2) & 0x3ffffff;
    h2 += (load32(p + 6) >> 4) & 0x3ffffff;
    h3 += (load32(p + 9) >> 6) & 0x3ffffff;
    h4 += (load32(p + 12) >> 8) | hibit;
    uint64_t d0 = (uint64_t)h0 * r0 + (uint64_t)h1 * s4 + (uint64_t)h2 * s3 + (uint64_t)h3 * s2 + (uint64_t)h4 * s1;
    uint64_t d1 = (uint64_t)h0 * r1 + (uint64_t)h1 * r0 + (uint64_t)h2 * s4 + (uint64_t)h3 * s3 + (uint64_t)h4 * s2;
    uint64_t d2 = (uint64_t)h0 * r2 + (uint64_t)h1 * r1 + (uint64_t)h2 * r0 + (uint64_t)h3 * s4 + (uint64_t)h4 * s3;
    uint64_t d3 = (uint64_t)h0 * r3 + (uint64_t)h1 * r2 + (uint64_t)h2 * r1 + (uint64_t)h3 * r0 + (uint64_t)h4 * s4;
    uint64_t d4 = (uint64_t)h0 * r4 + (uint64_t)h1 * r3 + (uint64_t)h2 * r2 + (uint64_t)h3 * r1 + (uint64_t)h4 * r0;
    uint32_t c = (uint32_t)(d0 >> 26); h0 = (uint32_t)d0 & 0x3ffffff;
    d1 += c; c = (uint32_t)(d1 >> 26); h1 = (uint32_t)d1 & 0x3ffffff;
    d2 += c; c = (uint32_t)(d2 >> 26); h2 = (uint32_t)d2 & 0x3ffffff;
    d3 += c; c = (uint32_t)(d3 >> 26); h3 = (uint32_t)d3 & 0x3ffffff;
    d4 += c; c = (uint32_t)(d4 >> 26); h4 = (uint32_t)d4 & 0x3ffffff;
    h0 += c * 5; c = h0 >> 26; h0 &= 0x3ffffff;
    h1 += c;
    uint32_t n = len < 16 ? len : 16;
    m += n;
    len -= n;
  }
  // full carry, then h mod 2^130 - 5
  uint32_t c = h1 >> 26; h1 &= 0x3ffffff;
  h2 += c; c = h2 >> 26; h2 &= 0x3ffffff;
  h3 += c; c = h3 >> 26; h3 &= 0x3ffffff;
  h4 += c; c = h4 >> 26; h4 &= 0x3ffffff;
  h0 += c * 5; c = h0 >> 26; h0 &= 0x3ffffff;
  h1 += c;
  uint32_t g0 = h0 + 5; c = g0 >> 26; g0 &= 0x3ffffff;
  uint32_t g1 = h1 + c; c = g1 >> 26; g1 &= 0x3ffffff;
  uint32_t g2 = h2 + c; c = g2 >> 26; g2 &= 0x3ffffff;
  uint32_t g3 = h3 + c; c = g3 >> 26; g3 &= 0x3ffffff;
  uint32_t g4 = h4 + c - (1 << 26);
  uint32_t mask = (g4 >> 31) - 1; // all ones if h >= p
  h0 = (h0 & ~mask) | (g0 & mask); h1 = (h1 & ~mask) | (g1 & mask); h2 = (h2 & ~mask) | (g2 & mask);
  h3 = (h3 & ~mask) | (g3 & mask); h4 = (h4 & ~mask) | (g4 & mask);
  // h in 32-bit words, plus s
  uint64_t f;
  f = (uint64_t)(h0 | (h1 << 26)) + load32(k + 16); store32(out, (uint32_t)f);
  f = (uint64_t)((h1 >> 6) | (h2 << 20)) + load32(k + 20) + (f >> 32); store32(out + 4, (uint32_t)f);
  f = (uint64_t)((h2 >> 12) | (h3 << 14)) + load32(k + 24) + (f >> 32); store32(out + 8, (uint32_t)f);
  f = (uint64_t)((h3 >> 18) | (h4 << 8)) + load32(k + 28) + (f >> 32); store32(out + 12, (uint32_t)f);
}

EXPORT("buffer") uint8_t *buffer(void) { return buf; }
EXPORT("key") uint8_t *key_ptr(void) { return key; }
EXPORT("tag") uint8_t *tag_ptr(void) { return tag; }
// The tag of the first len bytes of buffer() under key(), into tag().
EXPORT("mac") void mac(uint32_t len) { poly1305(tag, buf, len, key); }

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t s = 19, h = 2166136261u;
  for (uint32_t i = 0; i < LEN; i++) buf[i] = (uint8_t)xorshift32(&s);
  for (uint32_t r = 0; r < n; r++) {
    for (int i = 0; i < 32; i++) key[i] = (uint8_t)xorshift32(&s);
    poly1305(tag, buf, LEN - (r % 16), key);
    for (int i = 0; i < 16; i += 4) h = mix32(h, load32(tag + i));
  }
  return h;
}
