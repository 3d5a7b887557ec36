// Integer GEMM as quantised inference does it: C (i32) += A (i16, row-major) x B (i16, packed as k-pairs) with
// i32x4.dot_i16x8_s, then requantised to i8 with saturating narrows. 64x64x64, n times. Exports run(n) -> checksum.
#include <stdint.h>
#include <wasm_simd128.h>
#define EXPORT(name) __attribute__((export_name(name)))
#define M 64
#define N 64
#define K 64
static int16_t A[M * K];
static int16_t Bp[K / 2][N * 2];  // B packed: for each k-pair, columns interleaved (b[k][j], b[k+1][j])
static int32_t C[M * N];
static int8_t Q[M * N];

static void gemm(void) {
  for (int i = 0; i < M; i++) {
    for (int j = 0; j < N; j += 4) {
      v128_t acc = wasm_i32x4_splat(0);
      for (int k = 0; k < K; k += 2) {
        // broadcast (a[i][k], a[i][k+1]) to every i32 lane, dot with four columns' k-pairs
        int32_t pair;
        __builtin_memcpy(&pair, &A[i * K + k], 4);
        v128_t a = wasm_i32x4_splat(pair);
        v128_t b = wasm_v128_load(&Bp[k / 2][j * 2]);
        acc = wasm_i32x4_add(acc, wasm_i32x4_dot_i16x8(a, b));
      }
      wasm_v128_store(&C[i * N + j], acc);
    }
  }
  // requantise: >> 8, narrow to i16 then i8 with saturation
  for (int i = 0; i < M * N; i += 16) {
    v128_t c0 = wasm_i32x4_shr(wasm_v128_load(&C[i]), 8), c1 = wasm_i32x4_shr(wasm_v128_load(&C[i + 4]), 8);
    v128_t c2 = wasm_i32x4_shr(wasm_v128_load(&C[i + 8]), 8), c3 = wasm_i32x4_shr(wasm_v128_load(&C[i + 12]), 8);
    v128_t h0 = wasm_i16x8_narrow_i32x4(c0, c1), h1 = wasm_i16x8_narrow_i32x4(c2, c3);
    wasm_v128_store(&Q[i], wasm_i8x16_narrow_i16x8(h0, h1));
  }
}

EXPORT("run") uint32_t run(int32_t n) {
  uint32_t x = 7;
  for (int i = 0; i < M * K; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; A[i] = (int16_t)(x % 2001) - 1000; }
  for (int k = 0; k < K; k++)
    for (int j = 0; j < N; j++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; Bp[k / 2][j * 2 + (k & 1)] = (int16_t)(x % 2001) - 1000; }
  uint32_t h = 0;
  for (int32_t rep = 0; rep < n; rep++) {
    A[rep % (M * K)] ^= (int16_t)rep;
    gemm();
    for (int i = 0; i < M * N; i += 4) { uint32_t w; __builtin_memcpy(&w, &Q[i], 4); h = (h ^ w) * 16777619u; }
  }
  return h;
}
