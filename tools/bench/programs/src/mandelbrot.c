// Floating point: Mandelbrot set escape counts on an n x n grid (f64 multiply-add loop).
#include "common.h"

EXPORT("run") uint32_t run(int32_t n) {
  uint32_t h = 2166136261u;
  for (int32_t py = 0; py < n; py++) {
    double ci = 2.0 * py / n - 1.0;
    uint32_t row = 0;
    for (int32_t px = 0; px < n; px++) {
      double cr = 2.5 * px / n - 2.0;
      double zr = 0, zi = 0, zr2 = 0, zi2 = 0;
      int it = 0;
      while (it < 200 && zr2 + zi2 <= 4.0) {
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        zr2 = zr * zr;
        zi2 = zi * zi;
        it++;
      }
      row += (uint32_t)it;
    }
    h = mix32(h, row);
  }
  return h;
}
