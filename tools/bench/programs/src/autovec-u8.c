// Image loops on bytes as plain C for clang -O3 -msimd128 to vectorise (i8x16/i16x8): RGBA to grey with integer
// weights, a 3x3 box blur, alpha blending of two images, a threshold; a histogram (not vectorisable) at the end.
#include "common.h"

#define W 512
#define H 384
static uint8_t rgba[W * H * 4], over[W * H * 4], grey[W * H], blur[W * H];
static uint32_t hist[256];

__attribute__((noinline)) static void to_grey(void) {
  for (int i = 0; i < W * H; i++)
    grey[i] = (uint8_t)((rgba[4 * i] * 77 + rgba[4 * i + 1] * 150 + rgba[4 * i + 2] * 29) >> 8);
}
__attribute__((noinline)) static void box_blur(void) {
  for (int y = 1; y < H - 1; y++) {
    const uint8_t *a = grey + (y - 1) * W, *b = grey + y * W, *c = grey + (y + 1) * W;
    uint8_t *out = blur + y * W;
    for (int x = 1; x < W - 1; x++) {
      uint16_t sum = (uint16_t)(a[x - 1] + a[x] + a[x + 1] + b[x - 1] + b[x] + b[x + 1] + c[x - 1] + c[x] + c[x + 1]);
      out[x] = (uint8_t)((sum * 7282) >> 16); // / 9
    }
  }
}
__attribute__((noinline)) static void blend(void) {
  for (int i = 0; i < W * H * 4; i++) {
    uint16_t alpha = over[i | 3];
    rgba[i] = (uint8_t)((over[i] * alpha + rgba[i] * (255 - alpha) + 127) / 255);
  }
}
__attribute__((noinline)) static void threshold(uint8_t t) {
  for (int i = 0; i < W * H; i++) blur[i] = blur[i] > t ? 255 : blur[i] >> 1;
}

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t s = 41, h = 2166136261u;
  for (int i = 0; i < W * H * 4; i++) rgba[i] = (uint8_t)xorshift32(&s);
  for (int i = 0; i < W * H * 4; i++) over[i] = (uint8_t)(i * 7 + (xorshift32(&s) & 15));
  for (uint32_t r = 0; r < n; r++) {
    blend();
    to_grey();
    box_blur();
    threshold((uint8_t)(100 + r % 50));
    for (int i = 0; i < W * H * 4; i++) over[i] = (uint8_t)(over[i] + blur[i >> 2]);
  }
  for (int i = 0; i < 256; i++) hist[i] = 0;
  for (int i = 0; i < W * H; i++) hist[blur[i]]++;
  for (int i = 0; i < 256; i++) h = mix32(h, hist[i]);
  for (int i = 0; i < W * H * 4; i += 64) h = mix32(h, rgba[i]);
  return h;
}
