// Mandelbrot escape counts with 128-bit SIMD written with wasm_simd128.h: four pixels per f32x4, the escape test
// as a lane mask (f32x4.le, v128.any_true), counts kept in an i32x4.
#include <wasm_simd128.h>
#include "common.h"

EXPORT("run") uint32_t run(uint32_t n) {
  uint32_t h = 2166136261u;
  const int iters = 64;
  for (uint32_t y = 0; y < n; y++) {
    float ci = (float)y * 2.4f / (float)n - 1.2f;
    v128_t vci = wasm_f32x4_splat(ci);
    for (uint32_t x = 0; x < n; x += 4) {
      v128_t vcr = wasm_f32x4_make((float)x * 3.0f / (float)n - 2.1f, (float)(x + 1) * 3.0f / (float)n - 2.1f,
                                   (float)(x + 2) * 3.0f / (float)n - 2.1f, (float)(x + 3) * 3.0f / (float)n - 2.1f);
      v128_t zr = wasm_f32x4_splat(0), zi = wasm_f32x4_splat(0), count = wasm_i32x4_splat(0);
      v128_t four = wasm_f32x4_splat(4.0f);
      for (int i = 0; i < iters; i++) {
        v128_t zr2 = wasm_f32x4_mul(zr, zr), zi2 = wasm_f32x4_mul(zi, zi);
        v128_t inside = wasm_f32x4_le(wasm_f32x4_add(zr2, zi2), four);
        if (!wasm_v128_any_true(inside)) break;
        count = wasm_i32x4_sub(count, inside); // inside lanes are -1
        v128_t zri = wasm_f32x4_mul(zr, zi);
        zr = wasm_f32x4_add(wasm_f32x4_sub(zr2, zi2), vcr);
        zi = wasm_f32x4_add(wasm_f32x4_add(zri, zri), vci);
      }
      h = mix32(h, (uint32_t)wasm_i32x4_extract_lane(count, 0));
      h = mix32(h, (uint32_t)wasm_i32x4_extract_lane(count, 1));
      h = mix32(h, (uint32_t)wasm_i32x4_extract_lane(count, 2));
      h = mix32(h, (uint32_t)wasm_i32x4_extract_lane(count, 3));
    }
  }
  return h;
}
