// Float loops as plain C for clang -O3 -msimd128 to vectorise (f32x4): a 32-tap FIR filter, saxpy, element-wise
// clamp and abs, a biquad-free gain stage; no fast-math, so reductions stay scalar and results are exact.
#include "common.h"

#define LEN 65536
#define TAPS 32
static float x[LEN + TAPS], y[LEN], z[LEN], taps[TAPS];

__attribute__((noinline)) static void fir(void) {
  for (int i = 0; i < LEN; i++) {
    float acc = 0;
    for (int t = 0; t < TAPS; t++) acc += x[i + t] * taps[t];
    y[i] = acc;
  }
}
__attribute__((noinline)) static void saxpy(float a) {
  for (int i = 0; i < LEN; i++) z[i] = a * y[i] + z[i];
}
__attribute__((noinline)) static void clamp_abs(float lo, float hi) {
  for (int i = 0; i < LEN; i++) {
    float v = z[i] < lo ? lo : z[i] > hi ? hi : z[i];
    z[i] = __builtin_fabsf(v) * 0.5f + v * 0.25f;
  }
}
__attribute__((noinline)) static void mix_back(void) {
  for (int i = 0; i < LEN; i++) x[i + TAPS / 2] = x[i + TAPS / 2] * 0.75f + z[i] * 0.25f;
}

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t s = 37, h = 2166136261u;
  for (int i = 0; i < LEN + TAPS; i++) x[i] = (float)((int32_t)(xorshift32(&s) % 2001) - 1000) / 1000.0f;
  for (int i = 0; i < LEN; i++) z[i] = 0;
  for (int t = 0; t < TAPS; t++) taps[t] = 1.0f / (float)(t + 2);
  for (uint32_t r = 0; r < n; r++) {
    fir();
    saxpy(0.5f + (float)(r % 3) * 0.25f);
    clamp_abs(-2.0f, 2.0f);
    mix_back();
  }
  for (int i = 0; i < LEN; i += 3) {
    uint32_t bits;
    __builtin_memcpy(&bits, &z[i], 4);
    h = mix32(h, bits);
  }
  return h;
}
