// i64-heavy: schoolbook multiply of 512-limb numbers (32-bit limbs, 64-bit products and carries), n times.
#include "common.h"

#define LIMBS 512
static uint32_t x[LIMBS], y[LIMBS], z[2 * LIMBS];

static void mul(const uint32_t *a, int na, const uint32_t *b, int nb, uint32_t *out) {
  for (int i = 0; i < na + nb; i++) out[i] = 0;
  for (int i = 0; i < na; i++) {
    uint64_t carry = 0, ai = a[i];
    for (int j = 0; j < nb; j++) {
      uint64_t t = ai * b[j] + out[i + j] + carry;
      out[i + j] = (uint32_t)t;
      carry = t >> 32;
    }
    out[i + nb] = (uint32_t)carry;
  }
}

EXPORT("run") uint32_t run(int32_t n) {
  uint32_t s = 99, h = 2166136261u;
  int len = LIMBS;
  for (int i = 0; i < LIMBS; i++) {
    x[i] = xorshift32(&s);
    y[i] = xorshift32(&s);
  }
  for (int32_t rep = 0; rep < n; rep++) {
    mul(x, len, y, len, z);
    for (int i = 0; i < 2 * len; i++) h = mix32(h, z[i]);
    for (int i = 0; i < len; i++) x[i] = z[i + len / 2];
  }
  return h;
}
