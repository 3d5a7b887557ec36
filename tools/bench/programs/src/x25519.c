// X25519 (RFC 7748): Montgomery-ladder scalar multiplication on Curve25519, field elements in five 51-bit limbs
// with 64x64->128-bit products (unsigned __int128: on wasm32, i64 multiplies and compiler-rt's __multi3 calls, as
// a Rust u128 build has). The field arithmetic is ed25519's. Chained: each result is the next input point. Our own
// implementation of the RFC's ladder; test/programs.test.ts checks the RFC's first test vector (section 5.2).
#include "common.h"

typedef unsigned __int128 u128;
typedef uint64_t fe[5];
static const uint64_t MASK = (1ULL << 51) - 1;

static inline uint64_t load64(const uint8_t *p) { uint64_t v; __builtin_memcpy(&v, p, 8); return v; }
static inline void store64(uint8_t *p, uint64_t v) { __builtin_memcpy(p, &v, 8); }

static void fe_frombytes(fe h, const uint8_t s[32]) {
  h[0] = load64(s) & MASK;
  h[1] = (load64(s + 6) >> 3) & MASK;
  h[2] = (load64(s + 12) >> 6) & MASK;
  h[3] = (load64(s + 19) >> 1) & MASK;
  h[4] = (load64(s + 24) >> 12) & MASK;
}
static void fe_carry(fe t) {
  t[1] += t[0] >> 51; t[0] &= MASK;
  t[2] += t[1] >> 51; t[1] &= MASK;
  t[3] += t[2] >> 51; t[2] &= MASK;
  t[4] += t[3] >> 51; t[3] &= MASK;
  t[0] += 19 * (t[4] >> 51); t[4] &= MASK;
}
static void fe_tobytes(uint8_t s[32], const fe h) {
  fe t = {h[0], h[1], h[2], h[3], h[4]};
  fe_carry(t);
  fe_carry(t);
  // t < 2^255 + small: t + 19, carried, tells whether t >= p
  t[0] += 19;
  fe_carry(t);
  // t - 19 + 2^255, then drop 2^255
  t[0] += (1ULL << 51) - 19;
  t[1] += (1ULL << 51) - 1; t[2] += (1ULL << 51) - 1; t[3] += (1ULL << 51) - 1; t[4] += (1ULL << 51) - 1;
  t[1] += t[0] >> 51; t[0] &= MASK;
  t[2] += t[1] >> 51; t[1] &= MASK;
  t[3] += t[2] >> 51; t[2] &= MASK;
  t[4] += t[3] >> 51; t[3] &= MASK;
  t[4] &= MASK;
  store64(s, t[0] | (t[1] << 51));
  store64(s + 8, (t[1] >> 13) | (t[2] << 38));
  store64(s + 16, (t[2] >> 26) | (t[3] << 25));
  store64(s + 24, (t[3] >> 39) | (t[4] << 12));
}
static void fe_add(fe o, const fe a, const fe b) { for (int i = 0; i < 5; i++) o[i] = a[i] + b[i]; }
static void fe_sub(fe o, const fe a, const fe b) {
  o[0] = a[0] + 0xfffffffffffdaULL - b[0];
  for (int i = 1; i < 5; i++) o[i] = a[i] + 0xffffffffffffeULL - b[i];
  fe_carry(o);
}
static void fe_mul(fe o, const fe a, const fe b) {
  uint64_t b1 = b[1] * 19, b2 = b[2] * 19, b3 = b[3] * 19, b4 = b[4] * 19;
  u128 t0 = (u128)a[0] * b[0] + (u128)a[1] * b4 + (u128)a[2] * b3 + (u128)a[3] * b2 + (u128)a[4] * b1;
  u128 t1 = (u128)a[0] * b[1] + (u128)a[1] * b[0] + (u128)a[2] * b4 + (u128)a[3] * b3 + (u128)a[4] * b2;
  u128 t2 = (u128)a[0] * b[2] + (u128)a[1] * b[1] + (u128)a[2] * b[0] + (u128)a[3] * b4 + (u128)a[4] * b3;
  u128 t3 = (u128)a[0] * b[3] + (u128)a[1] * b[2] + (u128)a[2] * b[1] + (u128)a[3] * b[0] + (u128)a[4] * b4;
  u128 t4 = (u128)a[0] * b[4] + (u128)a[1] * b[3] + (u128)a[2] * b[2] + (u128)a[3] * b[1] + (u128)a[4] * b[0];
  t1 += (uint64_t)(t0 >> 51);
  t2 += (uint64_t)(t1 >> 51);
  t3 += (uint64_t)(t2 >> 51);
  t4 += (uint64_t)(t3 >> 51);
  uint64_t r0 = (uint64_t)t0 & MASK, r1 = (uint64_t)t1 & MASK, r2 = (uint64_t)t2 & MASK, r3 = (uint64_t)t3 & MASK,
           r4 = (uint64_t)t4 & MASK;
  r0 += (uint64_t)(t4 >> 51) * 19;
  r1 += r0 >> 51; r0 &= MASK;
  o[0] = r0; o[1] = r1; o[2] = r2; o[3] = r3; o[4] = r4;
}
static void fe_sq(fe o, const fe a) { fe_mul(o, a, a); }
static void fe_sqn(fe o, const fe a, int n) {
  fe_sq(o, a);
  while (--n > 0) fe_sq(o, o);
}
static void fe_mul121665(fe o, const fe a) {
  u128 c = 0;
  for (int i = 0; i < 5; i++) {
    c += (u128)a[i] * 121665;
    o[i] = (uint64_t)c & MASK;
    c >>= 51;
  }
  o[0] += (uint64_t)c * 19;
  o[1] += o[0] >> 51;
  o[0] &= MASK;
}
static void fe_invert(fe o, const fe z) {
  fe z2, z9, z11, a, b, c, t;
  fe_sq(z2, z);
  fe_sqn(t, z2, 2);
  fe_mul(z9, t, z);
  fe_mul(z11, z9, z2);
  fe_sq(t, z11);
  fe_mul(a, t, z9);     // 2^5 - 1
  fe_sqn(t, a, 5);
  fe_mul(a, t, a);      // 2^10 - 1
  fe_sqn(t, a, 10);
  fe_mul(b, t, a);      // 2^20 - 1
  fe_sqn(t, b, 20);
  fe_mul(t, t, b);      // 2^40 - 1
  fe_sqn(t, t, 10);
  fe_mul(b, t, a);      // 2^50 - 1
  fe_sqn(t, b, 50);
  fe_mul(c, t, b);      // 2^100 - 1
  fe_sqn(t, c, 100);
  fe_mul(t, t, c);      // 2^200 - 1
  fe_sqn(t, t, 50);
  fe_mul(t, t, b);      // 2^250 - 1
  fe_sqn(t, t, 5);
  fe_mul(o, t, z11);    // 2^255 - 21
}
static void fe_cswap(fe a, fe b, uint64_t swap) {
  uint64_t mask = 0 - swap;
  for (int i = 0; i < 5; i++) {
    uint64_t x = mask & (a[i] ^ b[i]);
    a[i] ^= x;
    b[i] ^= x;
  }
}

static void x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32]) {
  uint8_t k[32];
  for (int i = 0; i < 32; i++) k[i] = scalar[i];
  k[0] &= 248; k[31] &= 127; k[31] |= 64;
  fe x1, x2 = {1}, z2 = {0}, x3, z3 = {1}, a, aa, b, bb, e, c, d, da, cb, t;
  fe_frombytes(x1, point);
  for (int i = 0; i < 5; i++) x3[i] = x1[i];
  uint64_t swap = 0;
  for (int pos = 254; pos >= 0; pos--) {
    uint64_t bit = (k[pos >> 3] >> (pos & 7)) & 1;
    swap ^= bit;
    fe_cswap(x2, x3, swap);
    fe_cswap(z2, z3, swap);
    swap = bit;
    fe_add(a, x2, z2);
    fe_sq(aa, a);
    fe_sub(b, x2, z2);
    fe_sq(bb, b);
    fe_sub(e, aa, bb);
    fe_add(c, x3, z3);
    fe_sub(d, x3, z3);
    fe_mul(da, d, a);
    fe_mul(cb, c, b);
    fe_add(t, da, cb);
    fe_sq(x3, t);
    fe_sub(t, da, cb);
    fe_sq(t, t);
    fe_mul(z3, x1, t);
    fe_mul(x2, aa, bb);
    fe_mul121665(t, e);
    fe_add(t, aa, t);
    fe_mul(z2, e, t);
  }
  fe_cswap(x2, x3, swap);
  fe_cswap(z2, z3, swap);
  fe_invert(z2, z2);
  fe_mul(x2, x2, z2);
  fe_tobytes(out, x2);
}

static uint8_t io[96];
// io()[0..32) scalar, [32..64) u-coordinate; x25519_io() writes the result to [64..96).
EXPORT("io") uint8_t *io_ptr(void) { return io; }
EXPORT("x25519_io") void x25519_io(void) { x25519(io + 64, io, io + 32); }

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t s = 23, h = 2166136261u;
  uint8_t k[32], u[32] = {9}, out[32];
  for (uint32_t r = 0; r < n; r++) {
    for (int i = 0; i < 32; i++) k[i] = (uint8_t)xorshift32(&s);
    x25519(out, k, u);
    for (int i = 0; i < 32; i++) u[i] = out[i];
  }
  for (int i = 0; i < 32; i += 4) h = mix32(h, (uint32_t)u[i] | u[i + 1] << 8 | u[i + 2] << 16 | (uint32_t)u[i + 3] << 24);
  return h;
}
