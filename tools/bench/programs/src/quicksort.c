// Memory-bound: quicksort (median of three, insertion sort for small ranges) of n pseudo-random ints.
#include "common.h"

#define MAXN (1 << 20)
static int32_t data[MAXN];

static void insertion(int32_t *a, int lo, int hi) {
  for (int i = lo + 1; i <= hi; i++) {
    int32_t v = a[i];
    int j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

static void quicksort(int32_t *a, int lo, int hi) {
  while (hi - lo > 16) {
    int mid = lo + (hi - lo) / 2;
    int32_t x = a[lo], y = a[mid], z = a[hi];
    int32_t pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    int i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        int32_t tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
        i++;
        j--;
      }
    }
    // recurse into the smaller side, loop on the larger: bounded stack depth
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
  insertion(a, lo, hi);
}

EXPORT("run") uint32_t run(int32_t n) {
  if (n > MAXN) n = MAXN;
  uint32_t s = 2463534242u;
  for (int i = 0; i < n; i++) data[i] = (int32_t)xorshift32(&s);
  quicksort(data, 0, n - 1);
  uint32_t h = 2166136261u;
  for (int i = 0; i < n; i++) {
    if (i > 0 && data[i - 1] > data[i]) return 0; // not sorted: a wrong answer
    if ((i & 1023) == 0) h = mix32(h, (uint32_t)data[i]);
  }
  return h;
}
