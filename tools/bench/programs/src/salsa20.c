// Salsa20/20 (Bernstein's specification) stream encryption of a 1 MiB buffer with a 256-bit key and 64-bit nonce
// and block counter, repeated with a changing nonce; the checksum folds the ciphertext. Our own implementation
// from the specification; test/programs.test.ts checks `encrypt` against an independent JavaScript one.
#include "common.h"

#define LEN (1 << 20)
static uint8_t buf[LEN];
static uint8_t key[32], nonce[8];

static inline uint32_t rotl(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }
static inline uint32_t load32(const uint8_t *p) { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }

static void core(uint32_t out[16], const uint32_t in[16]) {
  uint32_t x[16];
  for (int i = 0; i < 16; i++) x[i] = in[i];
  for (int i = 0; i < 20; i += 2) {
    x[4] ^= rotl(x[0] + x[12], 7);   x[8] ^= rotl(x[4] + x[0], 9);
    x[12] ^= rotl(x[8] + x[4], 13);  x[0] ^= rotl(x[12] + x[8], 18);
    x[9] ^= rotl(x[5] + x[1], 7);    x[13] ^= rotl(x[9] + x[5], 9);
    x[1] ^= rotl(x[13] + x[9], 13);  x[5] ^= rotl(x[1] + x[13], 18);
    x[14] ^= rotl(x[10] + x[6], 7);  x[2] ^= rotl(x[14] + x[10], 9);
    x[6] ^= rotl(x[2] + x[14], 13);  x[10] ^= rotl(x[6] + x[2], 18);
    x[3] ^= rotl(x[15] + x[11], 7);  x[7] ^= rotl(x[3] + x[15], 9);
    x[11] ^= rotl(x[7] + x[3], 13);  x[15] ^= rotl(x[11] + x[7], 18);
    x[1] ^= rotl(x[0] + x[3], 7);    x[2] ^= rotl(x[1] + x[0], 9);
    x[3] ^= rotl(x[2] + x[1], 13);   x[0] ^= rotl(x[3] + x[2], 18);
    x[6] ^= rotl(x[5] + x[4], 7);    x[7] ^= rotl(x[6] + x[5], 9);
    x[4] ^= rotl(x[7] + x[6], 13);   x[5] ^= rotl(x[4] + x[7], 18);
    x[11] ^= rotl(x[10] + x[9], 7);  x[8] ^= rotl(x[11] + x[10], 9);
    x[9] ^= rotl(x[8] + x[11], 13);  x[10] ^= rotl(x[9] + x[8], 18);
    x[12] ^= rotl(x[15] + x[14], 7); x[13] ^= rotl(x[12] + x[15], 9);
    x[14] ^= rotl(x[13] + x[12], 13); x[15] ^= rotl(x[14] + x[13], 18);
  }
  for (int i = 0; i < 16; i++) out[i] = x[i] + in[i];
}

static void salsa20_xor(uint8_t *p, uint32_t len) {
  uint32_t st[16];
  st[0] = 0x61707865; st[5] = 0x3320646e; st[10] = 0x79622d32; st[15] = 0x6b206574;
  for (int i = 0; i < 4; i++) { st[1 + i] = load32(key + 4 * i); st[11 + i] = load32(key + 16 + 4 * i); }
  st[6] = load32(nonce); st[7] = load32(nonce + 4);
  uint64_t counter = 0;
  uint32_t ks[16];
  for (uint32_t at = 0; at < len; at += 64) {
    st[8] = (uint32_t)counter; st[9] = (uint32_t)(counter >> 32);
    core(ks, st);
    counter++;
    uint32_t n = len - at < 64 ? len - at : 64;
    const uint8_t *k = (const uint8_t *)ks;
    for (uint32_t i = 0; i < n; i++) p[at + i] ^= k[i];
  }
}

EXPORT("buffer") uint8_t *buffer(void) { return buf; }
EXPORT("key") uint8_t *key_ptr(void) { return key; }
EXPORT("nonce") uint8_t *nonce_ptr(void) { return nonce; }
EXPORT("encrypt") void encrypt(uint32_t len) { salsa20_xor(buf, len); }

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t s = 13, h = 2166136261u;
  for (int i = 0; i < 32; i++) key[i] = (uint8_t)xorshift32(&s);
  for (uint32_t i = 0; i < LEN; i++) buf[i] = (uint8_t)xorshift32(&s);
  for (uint32_t r = 0; r < n; r++) {
    for (int i = 0; i < 8; i++) nonce[i] = (uint8_t)(r * 5 + i);
    salsa20_xor(buf, LEN);
    for (uint32_t i = 0; i < LEN; i += 4) h = mix32(h, load32(buf + i));
  }
  return h;
}
