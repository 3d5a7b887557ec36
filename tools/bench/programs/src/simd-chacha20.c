// ChaCha20 (RFC 8439) with 128-bit SIMD written with wasm_simd128.h: four blocks at once, one block per lane
// (rotations as shift pairs, a 4x4 transpose of the lanes into keystream order). Same key, nonce and buffer as
// chacha20.c; test/programs.test.ts checks `encrypt` against node:crypto's chacha20.
#include <wasm_simd128.h>
#include "common.h"

#define LEN (1 << 20)
static uint8_t buf[LEN];
static uint8_t key[32], nonce[12];

static inline uint32_t load32(const uint8_t *p) { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }
#define ROTL(v, r) wasm_v128_or(wasm_i32x4_shl(v, r), wasm_u32x4_shr(v, 32 - (r)))
#define QR(a, b, c, d) \
  a = wasm_i32x4_add(a, b); d = ROTL(wasm_v128_xor(d, a), 16); \
  c = wasm_i32x4_add(c, d); b = ROTL(wasm_v128_xor(b, c), 12); \
  a = wasm_i32x4_add(a, b); d = ROTL(wasm_v128_xor(d, a), 8);  \
  c = wasm_i32x4_add(c, d); b = ROTL(wasm_v128_xor(b, c), 7)

// XORs 256 bytes (four blocks from `counter`) at p.
static void four_blocks(uint8_t *p, const uint32_t st[16], uint32_t counter) {
  v128_t x[16], in[16];
  for (int i = 0; i < 16; i++) in[i] = wasm_i32x4_splat(st[i]);
  in[12] = wasm_i32x4_add(wasm_i32x4_splat(counter), wasm_i32x4_make(0, 1, 2, 3));
  for (int i = 0; i < 16; i++) x[i] = in[i];
  for (int i = 0; i < 10; i++) {
    QR(x[0], x[4], x[8], x[12]); QR(x[1], x[5], x[9], x[13]); QR(x[2], x[6], x[10], x[14]); QR(x[3], x[7], x[11], x[15]);
    QR(x[0], x[5], x[10], x[15]); QR(x[1], x[6], x[11], x[12]); QR(x[2], x[7], x[8], x[13]); QR(x[3], x[4], x[9], x[14]);
  }
  for (int i = 0; i < 16; i++) x[i] = wasm_i32x4_add(x[i], in[i]);
  // transpose each group of four words: lane j of words 4g..4g+3 -> block j, bytes 16g..16g+15
  for (int g = 0; g < 4; g++) {
    v128_t a = x[4 * g], b = x[4 * g + 1], c = x[4 * g + 2], d = x[4 * g + 3];
    v128_t ab_lo = wasm_i32x4_shuffle(a, b, 0, 4, 1, 5), ab_hi = wasm_i32x4_shuffle(a, b, 2, 6, 3, 7);
    v128_t cd_lo = wasm_i32x4_shuffle(c, d, 0, 4, 1, 5), cd_hi = wasm_i32x4_shuffle(c, d, 2, 6, 3, 7);
    v128_t rows[4] = {wasm_i64x2_shuffle(ab_lo, cd_lo, 0, 2), wasm_i64x2_shuffle(ab_lo, cd_lo, 1, 3),
                      wasm_i64x2_shuffle(ab_hi, cd_hi, 0, 2), wasm_i64x2_shuffle(ab_hi, cd_hi, 1, 3)};
    for (int j = 0; j < 4; j++) {
      uint8_t *q = p + 64 * j + 16 * g;
      wasm_v128_store(q, wasm_v128_xor(wasm_v128_load(q), rows[j]));
    }
  }
}

static void chacha20_xor(uint8_t *p, uint32_t len, uint32_t counter) {
  uint32_t st[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
  for (int i = 0; i < 8; i++) st[4 + i] = load32(key + 4 * i);
  for (int i = 0; i < 3; i++) st[13 + i] = load32(nonce + 4 * i);
  uint32_t at = 0;
  for (; at + 256 <= len; at += 256, counter += 4) four_blocks(p + at, st, counter);
  if (at < len) {
    uint8_t tmp[256] = {0};
    for (uint32_t i = at; i < len; i++) tmp[i - at] = p[i];
    four_blocks(tmp, st, counter);
    for (uint32_t i = at; i < len; i++) p[i] = tmp[i - at];
  }
}

EXPORT("buffer") uint8_t *buffer(void) { return buf; }
EXPORT("key") uint8_t *key_ptr(void) { return key; }
EXPORT("nonce") uint8_t *nonce_ptr(void) { return nonce; }
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
