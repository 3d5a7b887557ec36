// Floating point: spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1), power method, f64 division.
#include "common.h"

#define MAXN 2000
static double u[MAXN], v[MAXN], t[MAXN];

static inline double A(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void mulAv(int n, const double *x, double *y) {
  for (int i = 0; i < n; i++) {
    double s = 0;
    for (int j = 0; j < n; j++) s += A(i, j) * x[j];
    y[i] = s;
  }
}
static void mulAtv(int n, const double *x, double *y) {
  for (int i = 0; i < n; i++) {
    double s = 0;
    for (int j = 0; j < n; j++) s += A(j, i) * x[j];
    y[i] = s;
  }
}
static void mulAtAv(int n, const double *x, double *y) {
  mulAv(n, x, t);
  mulAtv(n, t, y);
}

EXPORT("run") uint32_t run(int32_t n) {
  if (n > MAXN) n = MAXN;
  for (int i = 0; i < n; i++) u[i] = 1;
  for (int i = 0; i < 10; i++) {
    mulAtAv(n, u, v);
    mulAtAv(n, v, u);
  }
  double vBv = 0, vv = 0;
  for (int i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  return (uint32_t)(__builtin_sqrt(vBv / vv) * 1e9);
}
