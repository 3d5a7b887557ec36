// f32x4 kernels of a mesh pipeline: transform vertices by a 4x4 matrix (splat-mul-add), then per-face normals
// (cross products) accumulated into vertex normals and normalised, autovectorised and with wasm_simd128.h.
// 16,384 vertices, 32,768 faces, n times. Exports run(n) -> checksum.
#include <stdint.h>
#include <wasm_simd128.h>
#define EXPORT(name) __attribute__((export_name(name)))
#define NV 16384
#define NF 32768
static float pos[NV * 4], tpos[NV * 4];
static float nx[NV], ny[NV], nz[NV];
static float fx[NF], fy[NF], fz[NF];
static uint32_t tri[NF * 3];
static float mat[16];

static void transform(void) {
  v128_t c0 = wasm_v128_load(mat), c1 = wasm_v128_load(mat + 4), c2 = wasm_v128_load(mat + 8), c3 = wasm_v128_load(mat + 12);
  for (int i = 0; i < NV; i++) {
    v128_t p = wasm_v128_load(pos + 4 * i);
    v128_t r = wasm_f32x4_mul(c0, wasm_i32x4_shuffle(p, p, 0, 0, 0, 0));
    r = wasm_f32x4_add(r, wasm_f32x4_mul(c1, wasm_i32x4_shuffle(p, p, 1, 1, 1, 1)));
    r = wasm_f32x4_add(r, wasm_f32x4_mul(c2, wasm_i32x4_shuffle(p, p, 2, 2, 2, 2)));
    r = wasm_f32x4_add(r, c3);
    wasm_v128_store(tpos + 4 * i, r);
  }
}

static void normals(void) {
  for (int f = 0; f < NF; f++) {
    const float *a = tpos + 4 * tri[3 * f], *b = tpos + 4 * tri[3 * f + 1], *c = tpos + 4 * tri[3 * f + 2];
    float ux = b[0] - a[0], uy = b[1] - a[1], uz = b[2] - a[2];
    float vx = c[0] - a[0], vy = c[1] - a[1], vz = c[2] - a[2];
    fx[f] = uy * vz - uz * vy;
    fy[f] = uz * vx - ux * vz;
    fz[f] = ux * vy - uy * vx;
  }
  for (int i = 0; i < NV; i++) nx[i] = ny[i] = nz[i] = 0;
  for (int f = 0; f < NF; f++)
    for (int k = 0; k < 3; k++) { uint32_t v = tri[3 * f + k]; nx[v] += fx[f]; ny[v] += fy[f]; nz[v] += fz[f]; }
  // autovectorised: 4 vertices at a time
  for (int i = 0; i < NV; i++) {
    float l = __builtin_sqrtf(nx[i] * nx[i] + ny[i] * ny[i] + nz[i] * nz[i]) + 1e-20f;
    nx[i] /= l; ny[i] /= l; nz[i] /= l;
  }
}

EXPORT("run") uint32_t run(int32_t n) {
  uint32_t x = 11;
  for (int i = 0; i < NV * 4; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; pos[i] = (float)(x & 0xffff) / 65536.0f; }
  for (int i = 0; i < NF * 3; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; tri[i] = x % NV; }
  uint32_t h = 0;
  for (int32_t rep = 0; rep < n; rep++) {
    for (int i = 0; i < 16; i++) mat[i] = (i % 5 == 0 ? 1.0f : 0.0f) + 0.001f * (float)((rep + i) % 7);
    transform();
    normals();
    float s = 0;
    for (int i = 0; i < NV; i++) s += nx[i] + 2 * ny[i] + 3 * nz[i];
    uint32_t bits; __builtin_memcpy(&bits, &s, 4);
    h = (h ^ bits) * 16777619u;
  }
  return h;
}
