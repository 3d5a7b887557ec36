// i64-heavy: XXH64 (the real algorithm) over a 64 KiB buffer, repeated with a changing seed.
#include "common.h"

#define LEN 65536
static uint8_t buf[LEN];

static const uint64_t P1 = 0x9E3779B185EBCA87ULL, P2 = 0xC2B2AE3D27D4EB4FULL, P3 = 0x165667B19E3779F9ULL,
                      P4 = 0x85EBCA77C2B2AE63ULL, P5 = 0x27D4EB2F165667C5ULL;

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint64_t read64(const uint8_t *p) { uint64_t v; __builtin_memcpy(&v, p, 8); return v; }
static inline uint32_t read32(const uint8_t *p) { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }
static inline uint64_t round64(uint64_t acc, uint64_t input) { return rotl64(acc + input * P2, 31) * P1; }
static inline uint64_t merge64(uint64_t acc, uint64_t val) { return (acc ^ round64(0, val)) * P1 + P4; }

static uint64_t xxh64(const uint8_t *p, size_t len, uint64_t seed) {
  const uint8_t *end = p + len;
  uint64_t h;
  if (len >= 32) {
    uint64_t v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
    const uint8_t *limit = end - 32;
    do {
      v1 = round64(v1, read64(p));
      v2 = round64(v2, read64(p + 8));
      v3 = round64(v3, read64(p + 16));
      v4 = round64(v4, read64(p + 24));
      p += 32;
    } while (p <= limit);
    h = rotl64(v1, 1) + rotl64(v2, 7) + rotl64(v3, 12) + rotl64(v4, 18);
    h = merge64(h, v1);
    h = merge64(h, v2);
    h = merge64(h, v3);
    h = merge64(h, v4);
  } else {
    h = seed + P5;
  }
  h += len;
  for (; p + 8 <= end; p += 8) h = rotl64(h ^ round64(0, read64(p)), 27) * P1 + P4;
  if (p + 4 <= end) {
    h = rotl64(h ^ ((uint64_t)read32(p) * P1), 23) * P2 + P3;
    p += 4;
  }
  for (; p < end; p++) h = rotl64(h ^ (*p * P5), 11) * P1;
  h ^= h >> 33;
  h *= P2;
  h ^= h >> 29;
  h *= P3;
  h ^= h >> 32;
  return h;
}

EXPORT("run") uint32_t run(int32_t n) {
  uint32_t s = 7;
  for (int i = 0; i < LEN; i++) buf[i] = (uint8_t)xorshift32(&s);
  uint64_t acc = 0;
  for (int32_t rep = 0; rep < n; rep++) acc ^= xxh64(buf, LEN - (rep & 31), acc + (uint64_t)rep);
  return (uint32_t)acc ^ (uint32_t)(acc >> 32);
}

// For the smoke test: the XXH64 (seed 0) of the first len bytes of the buffer (filled by run), as two halves
// (no i64 in the signature: wasm2js would need a host import for an i64 result).
EXPORT("xxh64_prefix_lo") uint32_t xxh64_prefix_lo(int32_t len) { return (uint32_t)xxh64(buf, (size_t)len, 0); }
EXPORT("xxh64_prefix_hi") uint32_t xxh64_prefix_hi(int32_t len) { return (uint32_t)(xxh64(buf, (size_t)len, 0) >> 32); }
