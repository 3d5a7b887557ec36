// SipHash-2-4 (Aumasson and Bernstein) of many short and medium messages, as a hash table keyed with it does:
// 64-bit adds, rotates and xors. Our own implementation from the paper; test/programs.test.ts checks the
// paper's example (key 00..0f, message 00..0e: a129ca6149be45e5).
#include "common.h"

#define LEN 65536
static uint8_t buf[LEN];
static uint64_t k0, k1;

static inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }
static inline uint64_t load64(const uint8_t *p) { uint64_t v; __builtin_memcpy(&v, p, 8); return v; }
#define SIPROUND \
  v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32); \
  v2 += v3; v3 = rotl(v3, 16); v3 ^= v2; \
  v0 += v3; v3 = rotl(v3, 21); v3 ^= v0; \
  v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32)

static uint64_t siphash(const uint8_t *in, uint32_t len) {
  uint64_t v0 = 0x736f6d6570736575ULL ^ k0, v1 = 0x646f72616e646f6dULL ^ k1;
  uint64_t v2 = 0x6c7967656e657261ULL ^ k0, v3 = 0x7465646279746573ULL ^ k1;
  const uint8_t *end = in + len - (len % 8);
  for (; in != end; in += 8) {
    uint64_t m = load64(in);
    v3 ^= m;
    SIPROUND; SIPROUND;
    v0 ^= m;
  }
  uint64_t b = ((uint64_t)len) << 56;
  for (int i = 0; i < (int)(len & 7); i++) b |= ((uint64_t)in[i]) << (8 * i);
  v3 ^= b;
  SIPROUND; SIPROUND;
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND; SIPROUND; SIPROUND; SIPROUND;
  return v0 ^ v1 ^ v2 ^ v3;
}

EXPORT("buffer") uint8_t *buffer(void) { return buf; }
// SipHash-2-4 of the first len bytes of buffer(), keyed with buffer()'s last 16 bytes (k0, k1 little-endian);
// the digest's halves through hash_lo / hash_hi.
static uint64_t last;
EXPORT("hash_key_prefix") void hash_key_prefix(uint32_t len) {
  k0 = load64(buf + LEN - 16);
  k1 = load64(buf + LEN - 8);
  last = siphash(buf, len);
}
EXPORT("hash_lo") uint32_t hash_lo(void) { return (uint32_t)last; }
EXPORT("hash_hi") uint32_t hash_hi(void) { return (uint32_t)(last >> 32); }

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t s = 17, h = 0;
  for (uint32_t i = 0; i < LEN; i++) buf[i] = (uint8_t)xorshift32(&s);
  uint64_t acc = 0;
  for (uint32_t r = 0; r < n; r++) {
    k0 = 0x0706050403020100ULL + r;
    k1 = 0x0f0e0d0c0b0a0908ULL ^ acc;
    // keys of a hash table: many short strings (1-40 bytes), then a few longer ones
    for (uint32_t off = 0; off + 64 < LEN; off += 23) acc += siphash(buf + off, 1 + (off % 40));
    for (uint32_t off = 0; off + 4096 <= LEN; off += 4096) acc ^= siphash(buf + off, 4096);
  }
  h = mix32(h, (uint32_t)acc);
  return mix32(h, (uint32_t)(acc >> 32));
}
