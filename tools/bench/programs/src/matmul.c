// Integer: 32-bit integer matrix multiply (wrapping), checksum of the product.
#include "common.h"

#define N 160
static int32_t a[N][N], b[N][N], c[N][N];

EXPORT("run") uint32_t run(int32_t n) {
  uint32_t s = 12345, h = 2166136261u;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      a[i][j] = (int32_t)(xorshift32(&s) & 0xffff) - 0x8000;
      b[i][j] = (int32_t)(xorshift32(&s) & 0xffff) - 0x8000;
    }
  for (int32_t rep = 0; rep < n; rep++) {
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) {
        int32_t sum = rep;
        for (int k = 0; k < N; k++) sum += a[i][k] * b[k][j];
        c[i][j] = sum;
      }
    for (int i = 0; i < N; i++) h = mix32(h, (uint32_t)c[i][(i * 7 + rep) % N]);
    a[rep % N][rep % N] ^= c[N - 1][rep % N];
  }
  return h;
}
