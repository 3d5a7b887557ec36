// Byte loops that clang -O3 -msimd128 autovectorises (u8x16): a 3x1 box blur with rounding averages, a
// saturating brighten, a count of bytes equal to a value and a strlen over a line buffer. 256 KiB image, n times.
// Exports run(n) -> checksum.
#include <stdint.h>
#include <stddef.h>
#define EXPORT(name) __attribute__((export_name(name)))
#define W 1024
#define H 256
static uint8_t img[W * H], out[W * H];

static void blur(void) {
  for (int y = 0; y < H; y++) {
    const uint8_t *r = img + y * W;
    uint8_t *o = out + y * W;
    for (int x = 1; x < W - 1; x++) o[x] = (uint8_t)(((r[x - 1] + r[x + 1] + 1) / 2 + r[x] + 1) / 2);
  }
}
static void brighten(uint8_t add) {
  for (int i = 0; i < W * H; i++) { unsigned v = out[i] + add; img[i] = v > 255 ? 255 : (uint8_t)v; }
}
static uint32_t count(uint8_t v) {
  uint32_t c = 0;
  for (int i = 0; i < W * H; i++) c += img[i] == v;
  return c;
}
static size_t len(const uint8_t *s) { size_t n = 0; while (s[n]) n++; return n; }

EXPORT("run") uint32_t run(int32_t n) {
  uint32_t x = 3;
  for (int i = 0; i < W * H; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; img[i] = (uint8_t)x; }
  uint32_t h = 0;
  for (int32_t rep = 0; rep < n; rep++) {
    blur();
    brighten((uint8_t)(rep & 7));
    h = (h ^ count((uint8_t)rep)) * 16777619u;
    img[(rep * 977) % (W * H)] = 0;
    h = (h ^ (uint32_t)len(img + (rep & 1023))) * 16777619u;
  }
  return h;
}
