// Integer matrix multiply with 128-bit SIMD written with wasm_simd128.h, as quantised neural-network inference
// does: int16 A (M x K) times int16 B (K x N, kept transposed) into int32 C with i32x4.dot_i16x8_s, then a
// requantisation pass (shift, clamp to int8 with saturating narrows).
#include <wasm_simd128.h>
#include "common.h"

#define M 192
#define N 192
#define K 256
static int16_t a[M * K], bt[N * K];
static int32_t c[M * N];
static int8_t q[M * N];

static void gemm(void) {
  for (int i = 0; i < M; i++) {
    const int16_t *ra = a + i * K;
    for (int j = 0; j < N; j += 4) {
      v128_t acc[4] = {wasm_i32x4_splat(0), wasm_i32x4_splat(0), wasm_i32x4_splat(0), wasm_i32x4_splat(0)};
      for (int k = 0; k < K; k += 8) {
        v128_t va = wasm_v128_load(ra + k);
        for (int t = 0; t < 4; t++) acc[t] = wasm_i32x4_add(acc[t], wasm_i32x4_dot_i16x8(va, wasm_v128_load(bt + (j + t) * K + k)));
      }
      // horizontal sums of the four accumulators into C[i][j..j+3]
      v128_t s01 = wasm_i32x4_add(wasm_i32x4_shuffle(acc[0], acc[1], 0, 4, 2, 6), wasm_i32x4_shuffle(acc[0], acc[1], 1, 5, 3, 7));
      v128_t s23 = wasm_i32x4_add(wasm_i32x4_shuffle(acc[2], acc[3], 0, 4, 2, 6), wasm_i32x4_shuffle(acc[2], acc[3], 1, 5, 3, 7));
      v128_t sum = wasm_i32x4_add(wasm_i32x4_shuffle(s01, s23, 0, 1, 4, 5), wasm_i32x4_shuffle(s01, s23, 2, 3, 6, 7));
      wasm_v128_store(c + i * N + j, sum);
    }
  }
}

static void requantise(int shift) {
  for (int i = 0; i < M * N; i += 16) {
    v128_t x0 = wasm_i32x4_shr(wasm_v128_load(c + i), shift), x1 = wasm_i32x4_shr(wasm_v128_load(c + i + 4), shift);
    v128_t x2 = wasm_i32x4_shr(wasm_v128_load(c + i + 8), shift), x3 = wasm_i32x4_shr(wasm_v128_load(c + i + 12), shift);
    v128_t lo = wasm_i16x8_narrow_i32x4(x0, x1), hi = wasm_i16x8_narrow_i32x4(x2, x3);
    wasm_v128_store(q + i, wasm_i8x16_narrow_i16x8(lo, hi));
  }
}

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t s = 31, h = 2166136261u;
  for (uint32_t r = 0; r < n; r++) {
    for (int i = 0; i < M * K; i++) a[i] = (int16_t)((int32_t)(xorshift32(&s) % 511) - 255);
    for (int i = 0; i < N * K; i++) bt[i] = (int16_t)((int32_t)(xorshift32(&s) % 255) - 127);
    gemm();
    requantise(10 + (int)(r % 4));
    for (int i = 0; i < M * N; i += 7) h = mix32(h, (uint32_t)c[i]);
    for (int i = 0; i < M * N; i += 4) h = mix32(h, *(uint32_t *)(q + i));
  }
  return h;
}
