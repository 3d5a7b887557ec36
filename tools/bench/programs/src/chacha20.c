// ChaCha20 (RFC 8439) stream encryption of a 1 MiB buffer, block counter from 1, repeated with a changing nonce;
// the checksum folds the ciphertext. Our own implementation from the RFC's description. test/programs.test.ts
// checks `encrypt` against node:crypto's chacha20.
#include "common.h"

#define LEN (1 << 20)
static uint8_t buf[LEN];
static uint8_t key[32], nonce[12];

static inline uint32_t rotl(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }
static inline uint32_t load32(const uint8_t *p) { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }
#define QR(a, b, c, d) \
  a += b; d = rotl(d ^ a, 16); c += d; b = rotl(b ^ c, 12); a += b; d = rotl(d ^ a, 8); c += d; b = rotl(b ^ c, 7)

static void block(uint32_t out[16], const uint32_t in[16]) {
  uint32_t x[16];
  for (int i = 0; i < 16; i++) x[i] = in[i];
  for (int i = 0; i < 10; i++) {
    QR(x[0], x[4], x[8], x[12]); QR(x[1], x[5], x[9], x[13]); QR(x[2], x[6], x[10], x[14]); QR(x[3], x[7], x[11], x[15]);
    QR(x[0], x[5], x[10], x[15]); QR(x[1], x[6], x[11], x[12]); QR(x[2], x[7], x[8], x[13]); QR(x[3], x[4], x[9], x[14]);
  }
  for (int i = 0; i < 16; i++) out[i] = x[i] + in[i];
}

// XORs len bytes at p with the keystream of (key, nonce) starting at block `counter`.
static void chacha20_xor(uint8_t *p, uint32_t len, uint32_t counter) {
  uint32_t st[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
  for (int i = 0; i < 8; i++) st[4 + i] = load32(key + 4 * i);
  st[12] = counter;
  for (int i = 0; i < 3; i++) st[13 + i] = load32(nonce + 4 * i);
  uint32_t ks[16];
  for (uint32_t at = 0; at < len; at += 64) {
    block(ks, st);
    st[12]++;
    uint32_t n = len - at < 64 ? len - at : 64;
    const uint8_t *k = (const uint8_t *)ks;
    for (uint32_t i = 0; i < n; i++) p[at + i] ^= k[i];
  }
}

EXPORT("buffer") uint8_t *buffer(void) { return buf; }
EXPORT("key") uint8_t *key_ptr(void) { return key; }
EXPORT("nonce") uint8_t *nonce_ptr(void) { return nonce; }
// Encrypts len bytes of buffer() in place with key() and nonce(), from block `counter`.
EXPORT("encrypt") void encrypt(uint32_t len, uint32_t counter) { chacha20_xor(buf, len, counter); }

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t s = 11, h = 2166136261u;
  for (int i = 0; i < 32; i++) key[i] = (uint8_t)xorshift32(&s);
  for (uint32_t i = 0; i < LEN; i++) buf[i] = (uint8_t)xorshift32(&s);
  for (uint32_t r = 0; r < n; r++) {
    for (int i = 0; i < 12; i++) nonce[i] = (uint8_t)(r * 7 + i);
    chacha20_xor(buf, LEN, 1);
    for (uint32_t i = 0; i < LEN; i += 4) h = mix32(h, load32(buf + i));
  }
  return h;
}
